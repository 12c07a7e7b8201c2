//! `alliance`: build, check, serve and snapshot partnership websites.
//!
//! A thin layer over the generator library: it parses arguments, calls the
//! library, prints diagnostics and sets the exit code (0 success, 1 the content
//! has errors, 2 the command was misused).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use alliance_generator::date::SiteDate;
use alliance_generator::{BuildOptions, Diagnostics, Mode, SnapshotInfo};
use clap::{Parser, Subcommand, ValueEnum};

/// Alliance: static, accessible websites for Local Strategic Partnerships.
#[derive(Parser)]
#[command(name = "alliance", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scaffold a new partnership site in DIR.
    Init {
        /// The folder to create (must be new or empty).
        dir: PathBuf,
    },
    /// Build the site into the output folder (replaced only if the build succeeds).
    Build {
        /// The site folder, holding config.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site.
        #[arg(long, default_value = "public")]
        output: PathBuf,
        /// Publish under this address instead of config.toml's base_url.
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Build the site, serve it locally, and rebuild and reload the browser on every change.
    Serve {
        /// The site folder, holding config.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The address to listen on (loopback unless told otherwise).
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// The port to listen on (the next free one is used if it is taken).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// Check the site for errors, writing nothing.
    Check {
        /// The site folder, holding config.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// How to print problems.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Take a dated snapshot for an archive: a browsable copy, WARC, CDXJ, WACZ and BagIt.
    Snapshot {
        /// The site folder, holding config.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The capture date, YYYY-MM-DD: the snapshot shows the site as of that day
        /// (default: SOURCE_DATE_EPOCH's day when it is set, else today).
        #[arg(long)]
        date: Option<String>,
        /// Where snapshots are kept; this one goes in OUT/DATE/.
        #[arg(long, default_value = "snapshots")]
        out: PathBuf,
        /// Replace a snapshot of the same date that is already there.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Init { dir } => match alliance_generator::init::init(&dir) {
            Ok(files) => {
                println!(
                    "Created a partnership site in {} ({} files).",
                    dir.display(),
                    files.len()
                );
                println!(
                    "Next: cd {} && alliance serve\n\
                     Then open http://127.0.0.1:1111/ to see the site \
                     and http://127.0.0.1:1111/admin/ to edit it in the browser.",
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::from(2)
            }
        },
        Command::Build {
            root,
            output,
            base_url,
        } => {
            let started = Instant::now();
            let root = match site_root(root) {
                Ok(root) => root,
                Err(code) => return code,
            };
            if let Some(url) = &base_url
                && !is_web_address(url)
            {
                eprintln!(
                    "error: `--base-url {url}` is not an absolute web address\n  = hint: write it in full, e.g. --base-url https://www.example.org/partnership/"
                );
                return ExitCode::from(2);
            }
            // Relative to the site folder; `join` keeps an absolute path as it is.
            let output = root.join(output);
            if let Err(code) = prepare_output(&root, &output) {
                return code;
            }
            let options = BuildOptions {
                root,
                output: output.clone(),
                base_url,
                mode: Mode::default(),
            };
            match alliance_generator::build(&options) {
                Ok(report) => {
                    print_report(&report.warnings);
                    println!(
                        "Built {} pages ({} files) into {} in {} ms.",
                        report.pages,
                        report.files,
                        output.display(),
                        started.elapsed().as_millis()
                    );
                    ExitCode::SUCCESS
                }
                Err(diagnostics) => failed_build(&diagnostics),
            }
        }
        Command::Snapshot {
            root,
            date,
            out,
            force,
        } => match site_root(root) {
            Ok(root) => snapshot(root, date, out, force),
            Err(code) => code,
        },
        Command::Serve {
            root,
            bind,
            port,
            open,
        } => {
            let root = match site_root(root) {
                Ok(root) => root,
                Err(code) => return code,
            };
            match alliance_server::serve(alliance_server::ServeOptions {
                root,
                bind,
                port,
                open,
            }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Check { root, format } => {
            let root = match site_root(root) {
                Ok(root) => root,
                Err(code) => return code,
            };
            let result = alliance_generator::check(&root);
            let diagnostics = match &result {
                Ok(warnings) => warnings,
                Err(errors) => errors,
            };
            match format {
                Format::Json => println!("{:#}", diagnostics.to_json()),
                Format::Text => {
                    print_report(diagnostics);
                    if result.is_ok() {
                        println!("No errors found.");
                    }
                }
            }
            if result.is_ok() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
    }
}

fn snapshot(root: PathBuf, date: Option<String>, out: PathBuf, force: bool) -> ExitCode {
    let started = Instant::now();
    let config = match alliance_generator::pipeline::config(&root, None) {
        Ok(config) => config,
        Err(diagnostics) => return failed(&diagnostics),
    };
    // Checked before building: every record of the archive is named by it.
    if !is_web_address(&config.base_url) {
        return failed(&Diagnostics::from(vec![
            alliance_generator::Diagnostic::error(
                "config.toml",
                format!(
                    "`base_url = \"{}\"` is not an absolute web address, which a snapshot records its pages under",
                    config.base_url
                ),
            )
            .with_hint("write the live site's address in full, e.g. base_url = \"https://www.example.org/\""),
        ]));
    }
    let date = match date {
        Some(text) => match SiteDate::parse(&text) {
            Ok(d) if d.time.is_none() => d,
            _ => {
                eprintln!(
                    "error: `--date {text}` is not a date; write it as YYYY-MM-DD, e.g. 2026-11-22"
                );
                return ExitCode::from(2);
            }
        },
        None => match alliance_generator::pipeline::today(&config) {
            Ok(date) => SiteDate { date, time: None },
            Err(misused) => {
                eprint!("{misused}");
                return ExitCode::from(2);
            }
        },
    };
    // Relative to the site folder; `join` keeps an absolute path as it is.
    let out = root.join(out);
    let dir = out.join(date.iso_date());
    if dir.exists() && !force {
        eprintln!(
            "error: a snapshot of {} is already at {}\n  = hint: a snapshot is a record: keep it, or pass --force to replace it",
            date.iso_date(),
            dir.display()
        );
        return ExitCode::from(2);
    }
    let site_dir = dir.join("site");
    if let Err(code) = prepare_output(&root, &site_dir) {
        return code;
    }
    let options = BuildOptions {
        root,
        output: site_dir.clone(),
        base_url: None,
        mode: Mode {
            snapshot: Some(SnapshotInfo {
                date,
                organisation: config.archive.organisation.clone(),
            }),
        },
    };
    let report = match alliance_generator::build(&options) {
        Ok(report) => report,
        Err(diagnostics) => return failed_build(&diagnostics),
    };
    let meta = alliance_archive::SnapshotMeta {
        date: date.iso_date(),
        base_url: config.base_url.clone(),
        title: config.title.clone(),
        organisation: if config.archive.organisation.is_empty() {
            config.partnership.name.clone()
        } else {
            config.archive.organisation.clone()
        },
        software: format!("Alliance {}", env!("CARGO_PKG_VERSION")),
    };
    match alliance_archive::package(&site_dir, &dir, &meta) {
        Ok(packages) => {
            println!(
                "Snapshot of {} pages taken on {} in {} ms:\n  {}\n  {}\n  {}\n  {}\n  {}",
                report.pages,
                date.short(),
                started.elapsed().as_millis(),
                site_dir.display(),
                packages.warc.display(),
                packages.cdxj.display(),
                packages.wacz.display(),
                packages.bag.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot package the snapshot: {e}");
            ExitCode::from(1)
        }
    }
}

/// Refuses (exit 2) an output that would replace the site's own files, and
/// makes Ctrl-C and SIGTERM remove the staging folder before exiting.
fn prepare_output(root: &Path, output: &Path) -> Result<(), ExitCode> {
    if let Err(refused) = alliance_generator::check_output(root, output) {
        eprint!("{refused}");
        return Err(ExitCode::from(2));
    }
    let handler = ctrlc::set_handler(|| {
        alliance_generator::output::remove_live_staging();
        eprintln!("interrupted: nothing was written");
        std::process::exit(130);
    });
    if let Err(e) = handler {
        eprintln!("warning: an interrupted build may leave its staging folder behind ({e})");
    }
    Ok(())
}

/// The site folder `--root` names, or exit 2 naming its full path when there is none.
fn site_root(root: PathBuf) -> Result<PathBuf, ExitCode> {
    if root.is_dir() {
        return Ok(root);
    }
    let full = std::path::absolute(&root).unwrap_or_else(|_| root.clone());
    eprintln!(
        "error: there is no folder {}\n  = hint: --root names the site's folder, the one holding config.toml",
        full.display()
    );
    Err(ExitCode::from(2))
}

/// Whether `url` is an absolute http(s) address with a host: `https://example.org/x`.
fn is_web_address(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.and_then(|r| r.split(['/', '?', '#']).next())
        .is_some_and(|host| {
            !host.is_empty()
                && !host.starts_with(':')
                && !host.chars().any(|c| c.is_whitespace() || c.is_control())
        })
}

fn print_report(diagnostics: &Diagnostics) {
    if !diagnostics.is_empty() {
        eprint!("{}", diagnostics.report());
    }
}

fn failed(diagnostics: &Diagnostics) -> ExitCode {
    print_report(diagnostics);
    ExitCode::from(1)
}

/// A build that found errors: they, and that the output was left as it was.
fn failed_build(diagnostics: &Diagnostics) -> ExitCode {
    print_report(diagnostics);
    eprintln!("Nothing was written.");
    ExitCode::from(1)
}

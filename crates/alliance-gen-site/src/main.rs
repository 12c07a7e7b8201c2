//! `gen-site`: writes a synthetic partnership site for benchmarks.
//!
//! ```text
//! gen-site --pages N [--seed S] --out DIR [--force]
//! ```
//!
//! Exit codes: 0 success, 1 the site could not be written, 2 the command was misused.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use alliance_gen_site::{DirSink, MIN_PAGES, Options, generate};
use clap::Parser;

/// Writes a synthetic Alliance site: a directory of partnerships, deterministic from the seed.
#[derive(Parser)]
#[command(name = "gen-site", version, about, long_about = None)]
struct Args {
    /// Content pages to write (section pages not counted).
    #[arg(long, value_parser = clap::value_parser!(u32).range(MIN_PAGES as i64..=1_000_000))]
    pages: u32,
    /// The seed: the same seed and page count give byte-identical output.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The site folder to write (`config.toml` and `content/`).
    #[arg(long)]
    out: PathBuf,
    /// Write into a folder that is not empty, replacing its `config.toml` and `content/`.
    #[arg(long)]
    force: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let replace = match may_write(&args.out, args.force) {
        Ok(replace) => replace,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let options = Options {
        pages: args.pages as usize,
        seed: args.seed,
    };
    let written =
        prepare(&args.out, replace).and_then(|()| generate(&options, &mut DirSink::new(&args.out)));
    match written {
        Ok(stats) => {
            println!(
                "wrote {} pages and {} section pages in {} partnership{} to {}: {:.1} MB of Markdown, {} files, {:.1} MB in all, in {:.2} s",
                stats.pages,
                stats.sections,
                stats.partnerships,
                if stats.partnerships == 1 { "" } else { "s" },
                args.out.display(),
                stats.markdown_bytes as f64 / 1e6,
                stats.files,
                stats.bytes as f64 / 1e6,
                started.elapsed().as_secs_f64(),
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", args.out.display());
            ExitCode::from(1)
        }
    }
}

/// Whether we may write into `out`: it is new, empty, or `--force`d. Returns
/// whether an earlier site's files must be replaced.
fn may_write(out: &Path, force: bool) -> Result<bool, String> {
    if !out.exists() {
        return Ok(false);
    }
    if !out.is_dir() {
        return Err(format!("{} exists and is not a folder", out.display()));
    }
    let mut entries =
        fs::read_dir(out).map_err(|e| format!("cannot read {}: {e}", out.display()))?;
    match (entries.next().is_some(), force) {
        (false, _) => Ok(false),
        (true, true) => Ok(true),
        (true, false) => Err(format!(
            "{} is not empty; choose a new folder, or pass --force to replace its config.toml and content/",
            out.display()
        )),
    }
}

/// Creates `out`; when replacing, removes its old `config.toml` and `content/` (nothing else).
fn prepare(out: &Path, replace: bool) -> io::Result<()> {
    if replace {
        let content = out.join("content");
        if content.exists() {
            fs::remove_dir_all(&content)?;
        }
        let config = out.join("config.toml");
        if config.exists() {
            fs::remove_file(&config)?;
        }
    }
    fs::create_dir_all(out)
}

//! `bench`: measures Alliance on generated sites and prints the figures as
//! Markdown tables.
//!
//! ```text
//! cargo run --release -p alliance-bench -- [--pages 1000,10000] [--runs 5] [--work /dev/shm/alliance-bench]
//! ```
//!
//! For each size it generates a site (`alliance-gen-site`, fixed seed) into
//! the work folder, runs the real `alliance build` as a child process `--runs`
//! times (wall, CPU and peak memory from `wait4`), and times each stage of the
//! build in this process. On the largest size it then measures the dev
//! server: `LiveSite::update` for page and template edits, memory across many
//! edits, and the real server from a save to the `reload` event.

mod child;
mod live;
mod report;
mod serve;
mod site;
mod stages;
mod stats;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Duration;

use alliance_generator::Diagnostics;
use clap::Parser;

/// Any failure: the message says what went wrong.
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// A failed build's diagnostics as an error.
pub fn failed(diagnostics: Diagnostics) -> Error {
    diagnostics.report().into()
}

/// Benchmarks Alliance on generated partnership sites.
#[derive(Parser)]
#[command(name = "bench", about, long_about = None)]
struct Args {
    /// Site sizes in content pages, comma-separated; the dev server is measured on the largest.
    #[arg(long, value_delimiter = ',', default_value = "1000,10000")]
    pages: Vec<usize>,
    /// Runs of each full build and of the stage breakdown (medians are reported).
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Where sites and builds are written (keep it on a RAM disk).
    #[arg(long, default_value = "/dev/shm/alliance-bench")]
    work: PathBuf,
    /// Timed one-page edits for the dev server (body and front matter alternating).
    #[arg(long, default_value_t = 20)]
    edits: usize,
    /// Edits across which the dev server's memory is watched.
    #[arg(long, default_value_t = 500)]
    memory_edits: usize,
    /// Edits of the page template.
    #[arg(long, default_value_t = 5)]
    template_edits: usize,
    /// The `alliance` binary (default: the one beside this program, rebuilt first under cargo).
    #[arg(long)]
    alliance: Option<PathBuf>,
}

/// What one site size measured.
pub struct SizeFigures {
    /// Content pages asked for.
    pub pages: usize,
    /// What the generator wrote.
    pub site: alliance_gen_site::Stats,
    /// Each full build of the `alliance` binary.
    pub builds: Vec<child::Usage>,
    /// Each pass through the stages.
    pub stages: Vec<[Duration; stages::STAGES.len()]>,
}

fn main() -> ExitCode {
    let mut raw = std::env::args_os().skip(1);
    if raw.next().is_some_and(|first| first == child::LAUNCH) {
        return match child::launch(raw) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), Error> {
    if cfg!(debug_assertions) {
        return Err("build the benchmark with --release: debug timings mean nothing".into());
    }
    if args.pages.is_empty() || args.runs == 0 {
        return Err("--pages needs at least one size and --runs at least 1".into());
    }
    let alliance = alliance_binary(args.alliance.clone())?;
    let load_before = load_average();
    // Absolute, or `alliance build` would take the output as relative to the site.
    let work = std::path::absolute(&args.work)?;
    std::fs::create_dir_all(&work)?;
    let mut sizes = Vec::new();
    for &pages in &args.pages {
        sizes.push(measure_size(args, &work, &alliance, pages)?);
    }
    let largest = args.pages.iter().copied().max().unwrap_or_default();
    let root = work.join(format!("site-{largest}"));
    eprintln!("dev server, {largest} pages: in-process updates…");
    let plan = live::Plan {
        edits: args.edits,
        memory_edits: args.memory_edits,
        template_edits: args.template_edits,
    };
    let live = live::measure(&root, &plan)?;
    eprintln!("dev server, {largest} pages: the real server, save → reload…");
    let served = serve::measure(&root, args.edits)?;
    let command = std::iter::once("cargo run --release -p alliance-bench --".to_owned())
        .chain(std::env::args().skip(1))
        .collect::<Vec<_>>()
        .join(" ");
    print!(
        "{}",
        report::markdown(&report::Report {
            command: &command,
            runs: args.runs,
            sizes: &sizes,
            live_pages: largest,
            live: &live,
            served: &served,
            load: (load_before, load_average()),
        })
    );
    Ok(())
}

/// Generates a site of `pages` pages, then builds it `--runs` times as a child
/// process and takes it through the stages as many times.
fn measure_size(
    args: &Args,
    work: &Path,
    alliance: &Path,
    pages: usize,
) -> Result<SizeFigures, Error> {
    let root = work.join(format!("site-{pages}"));
    let output = work.join(format!("out-{pages}"));
    eprintln!("{pages} pages: generating into {}…", root.display());
    let site = site::generate_into(&root, pages)?;
    let mut builds = Vec::with_capacity(args.runs);
    let mut passes = Vec::with_capacity(args.runs);
    for run in 1..=args.runs {
        eprintln!("{pages} pages: run {run} of {}…", args.runs);
        if output.exists() {
            std::fs::remove_dir_all(&output)?;
        }
        let build = [
            "build".into(),
            "--root".into(),
            root.clone().into_os_string(),
            "--output".into(),
            output.clone().into_os_string(),
        ];
        builds.push(child::run(alliance, &build)?);
        passes.push(stages::measure(&root, &output)?);
    }
    std::fs::remove_dir_all(&output)?;
    Ok(SizeFigures {
        pages,
        site,
        builds,
        stages: passes,
    })
}

/// The machine's load average over the last minute (other work competing for
/// the cores), from `/proc/loadavg`; empty where there is none.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_default()
}

/// The `alliance` binary to time: the one given, or the release build beside
/// this program, brought up to date first when running under cargo.
fn alliance_binary(given: Option<PathBuf>) -> Result<PathBuf, Error> {
    if let Some(path) = given {
        return Ok(path);
    }
    if let Some(cargo) = std::env::var_os("CARGO") {
        let status = Command::new(cargo)
            .args(["build", "--release", "--quiet", "-p", "alliance-cli"])
            .status()?;
        if !status.success() {
            return Err("cargo build --release -p alliance-cli failed".into());
        }
    }
    let path = std::env::current_exe()?.with_file_name("alliance");
    if path.is_file() {
        Ok(path)
    } else {
        Err(format!(
            "no {}: run `cargo build --release -p alliance-cli`, or pass --alliance PATH",
            path.display()
        )
        .into())
    }
}

//! The figures as Markdown: the sites, full builds, stages, the dev server,
//! and each target of the issues, met or missed.

use std::fmt::Write;
use std::time::Duration;

use crate::SizeFigures;
use crate::live::LiveFigures;
use crate::serve::ServeFigures;
use crate::stages::STAGES;
use crate::stats::{median, median_u64, mib, ms, quantile, ratio, secs};

/// Everything one benchmark run measured.
pub(crate) struct Report<'a> {
    /// The command that made the figures.
    pub command: &'a str,
    /// Runs per full build and stage breakdown.
    pub runs: usize,
    /// Each site size, smallest first as given.
    pub sizes: &'a [SizeFigures],
    /// The size the dev server was measured on.
    pub live_pages: usize,
    /// In-process incremental rebuilds.
    pub live: &'a LiveFigures,
    /// The real server.
    pub served: &'a ServeFigures,
    /// The one-minute load average when the run started and when it ended.
    pub load: (String, String),
}

/// The issues' targets for a 10,000-page site on the 2-core machine.
const BUILD_TARGET: Duration = Duration::from_secs(3);
const MEMORY_TARGET: u64 = 450_000_000;
const SCALING_TARGET: f64 = 11.0;
const RELOAD_TARGET: Duration = Duration::from_millis(100);
const MEMORY_GROWTH_TARGET: f64 = 10.0;

/// A size's median full build: wall, CPU, peak memory.
fn build_medians(size: &SizeFigures) -> (Duration, Duration, u64) {
    let wall: Vec<Duration> = size.builds.iter().map(|b| b.wall).collect();
    let cpu: Vec<Duration> = size.builds.iter().map(|b| b.cpu).collect();
    let rss: Vec<u64> = size.builds.iter().map(|b| b.peak_rss).collect();
    (median(&wall), median(&cpu), median_u64(&rss))
}

/// A size's median time for stage `i`.
fn stage_median(size: &SizeFigures, i: usize) -> Duration {
    median(&size.stages.iter().map(|s| s[i]).collect::<Vec<_>>())
}

/// A count with thousands separated by commas, as the generator writes numbers.
fn count(n: usize) -> String {
    alliance_generator::format_number(n as f64)
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "**missed**" }
}

/// The report as Markdown.
pub(crate) fn markdown(r: &Report<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Command: `{}`\n", r.command);
    let _ = writeln!(
        out,
        "Machine: {} cores, shared and noisy (load average {} at the start, {} at the end); medians of {} runs.\n",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        r.load.0,
        r.load.1,
        r.runs
    );
    out.push_str("| site | pages | section pages | Markdown | files |\n|---|---|---|---|---|\n");
    for s in r.sizes {
        let _ = writeln!(
            out,
            "| {} pages | {} | {} | {:.1} MB | {} |",
            count(s.pages),
            count(s.site.pages),
            count(s.site.sections),
            s.site.markdown_bytes as f64 / 1e6,
            count(s.site.files)
        );
    }

    out.push_str("\n**Full build** (`alliance build`, a child process, output on `/dev/shm`)\n\n");
    out.push_str(
        "| pages | wall | CPU (user + sys) | peak RSS | wall, fastest–slowest |\n|---|---|---|---|---|\n",
    );
    for s in r.sizes {
        let (wall, cpu, rss) = build_medians(s);
        let walls: Vec<Duration> = s.builds.iter().map(|b| b.wall).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {}–{} |",
            count(s.pages),
            secs(wall),
            secs(cpu),
            mib(rss),
            secs(quantile(&walls, 0.0)),
            secs(quantile(&walls, 1.0))
        );
    }

    let (first, last) = (&r.sizes[0], &r.sizes[r.sizes.len() - 1]);
    let scaled = r.sizes.len() > 1;
    out.push_str("\n**Stages** (in process, median of each stage)\n\n| stage |");
    for s in r.sizes {
        let _ = write!(out, " {} pages |", count(s.pages));
    }
    if scaled {
        out.push_str(" ratio |");
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(r.sizes.len() + usize::from(scaled)));
    out.push('\n');
    for (i, name) in STAGES.iter().enumerate() {
        let _ = write!(out, "| {name} |");
        for s in r.sizes {
            let _ = write!(out, " {} |", ms(stage_median(s, i)));
        }
        if scaled {
            let _ = write!(
                out,
                " {:.1}× |",
                ratio(stage_median(last, i), stage_median(first, i))
            );
        }
        out.push('\n');
    }
    let total = |s: &SizeFigures| {
        (0..STAGES.len())
            .map(|i| stage_median(s, i))
            .sum::<Duration>()
    };
    out.push_str("| **sum of the medians** |");
    for s in r.sizes {
        let _ = write!(out, " {} |", ms(total(s)));
    }
    if scaled {
        let _ = write!(out, " {:.1}× |", ratio(total(last), total(first)));
    }
    out.push('\n');

    let l = r.live;
    let growth = (l.rss_late as f64 / l.rss_early.max(1) as f64 - 1.0) * 100.0;
    let _ = writeln!(
        out,
        "\n**Dev server** ({} pages)\n\n| measure | median | p90 | pages rendered |\n|---|---|---|---|",
        count(r.live_pages)
    );
    let _ = writeln!(
        out,
        "| full build into memory (`LiveSite::build`) | {} | | {} |",
        ms(l.build),
        count(last.site.pages + last.site.sections)
    );
    for (what, times, rendered) in [
        ("body edit (`LiveSite::update`)", &l.body, l.rendered.0),
        (
            "front-matter edit (`LiveSite::update`)",
            &l.front_matter,
            l.rendered.1,
        ),
        (
            "front-matter edit of a meeting page, model rebuilt (`LiveSite::update`)",
            &l.meeting,
            l.meeting_rendered,
        ),
        (
            "template edit, `templates/page.html` (`LiveSite::update`)",
            &l.template,
            l.template_rendered,
        ),
    ] {
        let _ = writeln!(
            out,
            "| {what}, {} edits | {} | {} | {} |",
            times.len(),
            ms(median(times)),
            ms(quantile(times, 0.9)),
            count(rendered)
        );
    }
    let reload = median(&r.served.reloads);
    let _ = writeln!(
        out,
        "| save → `event: reload`, real server over SSE (30 ms debounce included), {} edits | {} | {} | 1 or a few |",
        r.served.reloads.len(),
        ms(reload),
        ms(quantile(&r.served.reloads, 0.9))
    );
    let _ = writeln!(
        out,
        "| server start (first build into memory) | {} | | |",
        ms(r.served.startup)
    );
    let _ = writeln!(
        out,
        "| resident memory after {} / {} edits | {} / {} ({growth:+.1} %) | | |",
        crate::live::early_edits(l.memory_edits),
        l.memory_edits,
        mib(l.rss_early),
        mib(l.rss_late)
    );

    let (wall_first, _, rss_first) = build_medians(first);
    let (wall_last, _, rss_last) = build_medians(last);
    let template = median(&l.template);
    let _ = writeln!(
        out,
        "\n**Targets** ({} pages{})\n\n| target | measured | |\n|---|---|---|",
        count(last.pages),
        if scaled {
            format!(", against {}", count(first.pages))
        } else {
            String::new()
        }
    );
    let mut target = |what: &str, measured: String, met: bool| {
        let _ = writeln!(out, "| {what} | {measured} | {} |", verdict(met));
    };
    target(
        "full build ≤ 3 s wall",
        secs(wall_last),
        wall_last <= BUILD_TARGET,
    );
    target(
        "peak memory ≤ 450 MB",
        format!("{:.0} MB", rss_last as f64 / 1e6),
        rss_last <= MEMORY_TARGET,
    );
    if scaled {
        let times = ratio(wall_last, wall_first);
        let pages = last.pages as f64 / first.pages as f64;
        target(
            &format!("wall ≤ 11× for {pages:.0}× the pages"),
            format!("{times:.1}×"),
            times <= SCALING_TARGET,
        );
        let memory = rss_last as f64 / rss_first.max(1) as f64;
        target(
            &format!("memory grows linearly (≤ {pages:.0}× for {pages:.0}× the pages)"),
            format!("{memory:.1}×"),
            memory <= pages,
        );
    }
    target(
        "one-page edit → reload event ≤ 100 ms (median)",
        ms(reload),
        reload <= RELOAD_TARGET,
    );
    target(
        "template edit ≤ full build",
        format!("{} against {}", ms(template), ms(wall_last)),
        template <= wall_last,
    );
    target(
        &format!(
            "memory steady across {} edits (≤ 10 % growth)",
            l.memory_edits
        ),
        format!("{growth:+.1} %"),
        growth <= MEMORY_GROWTH_TARGET,
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_have_separators() {
        assert_eq!(count(7), "7");
        assert_eq!(count(10205), "10,205");
    }
}

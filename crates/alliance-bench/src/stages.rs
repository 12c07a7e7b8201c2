//! The build taken apart: each stage of `alliance_generator::pipeline` timed
//! on its own, in this process, as the pipeline runs them (its own timer
//! hooks: the bench does not sequence the stages itself), then the write of
//! every file to disk.

use std::path::Path;
use std::time::Duration;

use alliance_generator::pipeline::{self, Stage};
use alliance_generator::{DirSink, MemorySink, Mode, Sink, Staging};
use rayon::prelude::*;

use crate::stats::timed;
use crate::{Error, failed};

/// The stages, as the tables name them: the pipeline's, then the write.
pub(crate) const STAGES: [&str; 8] = [
    "load (config, walk, read, front matter, page tree)",
    "model (the partnership)",
    "Markdown (comrak, every body)",
    "content checks (links, authoring, statement)",
    "compile templates",
    "render (pages, site-wide and static files, Sass; into memory)",
    "rendered-page checks (main headings, anchors) and sorting",
    "write (every file to `/dev/shm`, parallel)",
];

/// The row of a pipeline stage in [`STAGES`].
fn row(stage: Stage) -> usize {
    match stage {
        Stage::Load => 0,
        Stage::Model => 1,
        Stage::Markdown => 2,
        Stage::Check => 3,
        Stage::Compile => 4,
        Stage::Render => 5,
        Stage::Findings => 6,
    }
}

/// One pass through the stages: each stage's time, in [`STAGES`] order.
pub(crate) fn measure(root: &Path, output: &Path) -> Result<[Duration; STAGES.len()], Error> {
    let mut times = [Duration::ZERO; STAGES.len()];
    let mut timer = |stage: Stage, took: Duration| times[row(stage)] += took;
    let (content, found) = pipeline::prepare_timed(root, None, &mut timer).map_err(failed)?;
    let sink = MemorySink::new();
    let (_, found) = pipeline::run_timed(&content, found, &Mode::default(), &sink, &mut timer);
    if found.has_errors() {
        return Err(failed(found));
    }

    if output.exists() {
        std::fs::remove_dir_all(output)?;
    }
    let files = sink.into_files();
    let (written, t) = timed(|| {
        let staging = Staging::new(output)?;
        let dir = DirSink::new(staging.path());
        files
            .into_par_iter()
            .try_for_each(|(path, bytes)| dir.write(&path, bytes))?;
        staging.commit()
    });
    written?;
    times[STAGES.len() - 1] = t;
    Ok(times)
}

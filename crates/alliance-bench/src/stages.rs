//! The build taken apart: each stage of `alliance_generator::build` timed on
//! its own, in this process, in the order the build runs them.

use std::path::Path;
use std::time::Duration;

use alliance_generator::{
    Config, Diagnostics, DirSink, MemorySink, Mode, Sink, Staging, check, load, model, render,
};
use rayon::prelude::*;

use crate::stats::timed;
use crate::{Error, failed};

/// The stages, as the tables name them.
pub const STAGES: [&str; 9] = [
    "load (walk, read, front matter, page tree)",
    "resolve (partnership model)",
    "parse Markdown (comrak)",
    "link check",
    "compile templates",
    "render pages (templates, into memory)",
    "stylesheets (Sass)",
    "static and site-wide files (sitemap, feeds, calendars, aliases, 404)",
    "write (every file to `/dev/shm`, parallel)",
];

/// One pass through the stages: each stage's time, in [`STAGES`] order.
pub fn measure(root: &Path, output: &Path) -> Result<[Duration; STAGES.len()], Error> {
    let mut times = [Duration::ZERO; STAGES.len()];
    let (site, t) = timed(|| {
        let config = Config::load(&root.join("config.toml"), Path::new("config.toml"))
            .map_err(|d| failed(Diagnostics::from(d)))?;
        let (mut site, found) = load::load(root, config);
        if found.has_errors() {
            return Err(failed(found));
        }
        site.today = alliance_generator::today(&site.config)
            .map_err(|d| failed(Diagnostics::from(vec![d])))?;
        Ok::<_, Error>(site)
    });
    let mut site = site?;
    times[0] = t;
    let (model, t) = timed(|| model::Model::build(&site));
    site.model = model.map_err(|e| failed(Diagnostics::from(e)))?;
    times[1] = t;
    ((), times[2]) = timed(|| alliance_generator::render_markdown(&mut site));
    let (links, t) = timed(|| check::internal_links(&site));
    if !links.is_empty() {
        return Err(failed(Diagnostics::from(links)));
    }
    times[3] = t;
    let mode = Mode::default();
    let (compiled, t) = timed(|| alliance_generator::compile_templates(&site, &mode));
    let (theme, templates) = compiled.map_err(failed)?;
    times[4] = t;

    let sink = MemorySink::new();
    let mut diagnostics = Diagnostics::new();
    let ids: Vec<usize> = (0..site.pages.len()).collect();
    let (errors, t) = timed(|| render::render_pages(&site, &templates, &sink, &ids));
    diagnostics.extend(errors);
    times[5] = t;
    (_, times[6]) =
        timed(|| alliance_generator::write_stylesheets(&theme, &sink, &mut diagnostics));
    (_, times[7]) = timed(|| {
        alliance_generator::copy_static(&site, &theme, &sink, &mut diagnostics)
            + alliance_generator::write_derived(&site, &templates, &sink, &mut diagnostics)
    });
    if diagnostics.has_errors() {
        return Err(failed(diagnostics));
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
    times[8] = t;
    Ok(times)
}

//! Alliance's generator: turns a partnership site folder into a static, accessible website.
//!
//! The data flows one way, through the stages of [`pipeline`]: [`load`]
//! (files → [`Site`]) → [`model`] (the partnership) → [`markdown`] (bodies)
//! → [`check`] → [`render`] (templates) → [`output`] (a staging folder
//! swapped in whole). Every problem on the way becomes a [`Diagnostic`]; a
//! build reports them all.

pub(crate) mod check;
pub mod cms;
pub(crate) mod config;
pub(crate) mod content;
pub mod date;
pub(crate) mod diagnostic;
pub mod incremental;
pub mod init;
pub(crate) mod load;
pub(crate) mod markdown;
pub(crate) mod model;
pub mod output;
pub mod pipeline;
pub(crate) mod render;
pub(crate) mod toml_source;
pub mod util;
pub(crate) mod wcag;

use std::path::{Path, PathBuf};

use output::NullSink;

pub use config::Config;
pub use content::Content;
pub use diagnostic::{Diagnostic, Diagnostics};
pub use load::site::{Page, Site};
pub use output::{DirSink, MemorySink, Sink, Staging};
pub use pipeline::{SOURCE_DATE_EPOCH, today};
pub use render::charts::format_number;
pub use render::theme::Theme;
pub use render::{Mode, SnapshotInfo};

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holding `config.toml`).
    pub root: PathBuf,
    /// Where the site is written; replaced whole on success.
    pub output: PathBuf,
    /// Overrides `base_url` from config.
    pub base_url: Option<String>,
    /// Build, serve or snapshot.
    pub mode: Mode,
}

/// What a successful build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// Pages rendered, in every language.
    pub pages: usize,
    /// Files written in all.
    pub files: usize,
    /// Warnings (the build succeeded regardless).
    pub warnings: Diagnostics,
}

/// Refuses output folders that would destroy the site's own files (see
/// [`output::guard`]): the error a command that is misused gets.
pub fn check_output(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    match output::guard::refusal(root, output) {
        None => Ok(()),
        Some(why) => Err(
            Diagnostic::error(output, format!("refusing to build: {why}"))
                .with_hint("choose a new folder beside the site's own, e.g. --output public"),
        ),
    }
}

/// Builds the site into `options.output`, replacing it only if the whole build succeeds.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    check_output(&options.root, &options.output).map_err(|d| Diagnostics::from(vec![d]))?;
    // A snapshot is as of its date, whatever the clock says.
    let on = options.mode.snapshot.as_ref().map(|s| s.date.date);
    let (content, found) = pipeline::prepare_on(&options.root, options.base_url.as_deref(), on)?;
    if found.has_errors() {
        // Render nowhere all the same, so template problems are reported too.
        return Err(pipeline::run(&content, found, &options.mode, &NullSink).1);
    }
    let io_error = |e: std::io::Error| {
        Diagnostics::from(vec![Diagnostic::error(
            &options.output,
            format!("cannot write the output folder: {e}"),
        )])
    };
    let staging = Staging::new(&options.output).map_err(io_error)?;
    let sink = DirSink::new(staging.path());
    let (files, found) = pipeline::run(&content, found, &options.mode, &sink);
    if found.has_errors() {
        return Err(found);
    }
    let mut warnings = found;
    if let Some(left) = staging.commit().map_err(io_error)? {
        warnings.push(
            Diagnostic::warning(
                &left.path,
                format!(
                    "the new site is in {}, but the previous output, moved here, could not be removed: {}",
                    options.output.display(),
                    left.error
                ),
            )
            .with_hint("delete this folder by hand; the next build tries again"),
        );
    }
    let translated: usize = content
        .translations
        .iter()
        .map(|t| {
            (0..t.site.pages.len())
                .filter(|&id| t.site.published(id))
                .count()
        })
        .sum();
    Ok(BuildReport {
        pages: content.site.pages.len() + translated,
        files,
        warnings,
    })
}

/// Everything `build` validates, writing nothing. Returns the warnings on success.
pub fn check(root: &Path) -> Result<Diagnostics, Diagnostics> {
    let (content, found) = pipeline::prepare(root, None)?;
    let (_, found) = pipeline::run(&content, found, &Mode::default(), &NullSink);
    if found.has_errors() {
        Err(found)
    } else {
        Ok(found)
    }
}

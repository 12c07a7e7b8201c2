//! The live site: the first build, incremental rebuilds through
//! [`LiveSite`] (a panic in the generator caught and reported, never taking
//! the server down), and what is served of it: the last good files, the
//! error overlay while the latest rebuild failed, the warnings panel while
//! the site has warnings.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use alliance_generator::incremental::{Files, LiveSite};
use alliance_generator::util::escape::escape;
use alliance_generator::{Diagnostic, Diagnostics, Mode};

use crate::{lock, read_lock, write_lock};

/// What is served: one build and what is shown over it, swapped whole.
#[derive(Default)]
pub(crate) struct Served {
    /// The last good build.
    pub(crate) files: Arc<Files>,
    /// The error overlay, while the latest build failed.
    pub(crate) overlay: Option<Arc<String>>,
    /// The warnings panel, while the last good build has warnings.
    pub(crate) panel: Option<Arc<String>>,
}

/// The site kept loaded and what is served of it.
pub(crate) struct Rebuilder {
    root: PathBuf,
    base_url: String,
    served: RwLock<Arc<Served>>,
    /// The site kept loaded for incremental rebuilds (none until a build succeeds).
    live: Mutex<Option<LiveSite>>,
}

/// What a successful update produced.
struct Outcome {
    files: Files,
    pages: usize,
    changed: Vec<String>,
    warnings: Diagnostics,
}

impl Rebuilder {
    /// A site not built yet, served at `base_url`.
    pub(crate) fn new(root: PathBuf, base_url: String) -> Rebuilder {
        Rebuilder {
            root,
            base_url,
            served: RwLock::new(Arc::new(Served::default())),
            live: Mutex::new(None),
        }
    }

    /// The URL the site is served at, without a trailing `/`.
    pub(crate) fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The site folder.
    pub(crate) fn root(&self) -> &std::path::Path {
        &self.root
    }

    /// Calls `f` with the site as last built, if it has built.
    pub(crate) fn with_site<T>(&self, f: impl FnOnce(&alliance_generator::Site) -> T) -> Option<T> {
        lock(&self.live).as_ref().map(|live| f(live.site()))
    }

    /// What is served now.
    pub(crate) fn served(&self) -> Arc<Served> {
        read_lock(&self.served).clone()
    }

    /// Builds the whole site, reporting errors or warnings in the terminal
    /// and over the pages; returns the site's title (empty if the build failed).
    pub(crate) fn first_build(&self) -> String {
        let result = catch_unwind(AssertUnwindSafe(|| {
            LiveSite::build(&self.root, Some(&self.base_url), Mode::default())
        }))
        .unwrap_or_else(|_| Err(crashed()));
        match result {
            Ok(live) => {
                let title = live.site().config.title.clone();
                print_warnings(live.warnings());
                self.swap(Served {
                    files: Arc::new(live.files().clone()),
                    overlay: None,
                    panel: panel_html(live.warnings()).map(Arc::new),
                });
                *lock(&self.live) = Some(live);
                title
            }
            Err(diagnostics) => {
                eprint!("{}", diagnostics.report());
                self.swap(Served {
                    overlay: Some(Arc::new(overlay_html(&diagnostics))),
                    ..Served::default()
                });
                String::new()
            }
        }
    }

    /// Applies changed files (relative to the site root, `/`-separated),
    /// swaps the result in (or shows the errors over the last good build)
    /// and reports in the terminal; returns the SSE message for the browsers,
    /// if they should hear of it.
    pub(crate) fn rebuild(&self, changed: &[String]) -> Option<String> {
        let started = Instant::now();
        let what = describe(&self.root, changed);
        match self.update(changed) {
            Ok(outcome) => {
                let had_error = self.served().overlay.is_some();
                let event = match changed_kind(&outcome.changed) {
                    _ if had_error => Some("reload"),
                    Changed::Nothing => None,
                    Changed::CssOnly => Some("css"),
                    Changed::Other => Some("reload"),
                };
                let panel = panel_html(&outcome.warnings).map(Arc::new);
                let panel_changed = self.served().panel.as_deref().map(String::as_str)
                    != panel.as_deref().map(String::as_str);
                self.swap(Served {
                    files: Arc::new(outcome.files),
                    overlay: None,
                    panel,
                });
                // The panel shows on every page: a change to it reloads them.
                let event = match event {
                    None | Some("css") if panel_changed => Some("reload"),
                    event => event,
                };
                let pages = outcome.pages;
                println!(
                    "Rebuilt {pages} page{} in {} ms ({what}{})",
                    if pages == 1 { "" } else { "s" },
                    started.elapsed().as_millis(),
                    if event.is_none() {
                        "; no output changed"
                    } else {
                        ""
                    }
                );
                print_warnings(&outcome.warnings);
                event.map(|event| format!("event: {event}\ndata: {what}\n\n"))
            }
            Err(diagnostics) => {
                println!(
                    "Rebuild failed in {} ms ({what}); still serving the last good build:",
                    started.elapsed().as_millis()
                );
                eprint!("{}", diagnostics.report());
                let files = Arc::clone(&self.served().files);
                self.swap(Served {
                    files,
                    overlay: Some(Arc::new(overlay_html(&diagnostics))),
                    panel: None,
                });
                Some(format!("event: reload\ndata: error ({what})\n\n"))
            }
        }
    }

    /// Replaces what is served.
    fn swap(&self, served: Served) {
        *write_lock(&self.served) = Arc::new(served);
    }

    /// Applies changes to the loaded site, or builds it whole if none is loaded.
    fn update(&self, changed: &[String]) -> Result<Outcome, Diagnostics> {
        let mut live = lock(&self.live);
        let result = catch_unwind(AssertUnwindSafe(|| match live.as_mut() {
            Some(site) => site.update(changed).map(|u| Outcome {
                files: site.files().clone(),
                pages: u.rendered,
                changed: u.changed,
                warnings: site.warnings().clone(),
            }),
            None => {
                let site = LiveSite::build(&self.root, Some(&self.base_url), Mode::default())?;
                let outcome = Outcome {
                    files: site.files().clone(),
                    pages: site.site().pages.len(),
                    changed: site.files().keys().cloned().collect(),
                    warnings: site.warnings().clone(),
                };
                *live = Some(site);
                Ok(outcome)
            }
        }));
        result.unwrap_or_else(|_| {
            // A half-applied update cannot be trusted: start again from disk next time.
            *live = None;
            Err(crashed())
        })
    }
}

/// "content/a.md changed", naming files that still exist where there are
/// some (editors' temporary files come and go).
fn describe(root: &std::path::Path, changed: &[String]) -> String {
    let existing: Vec<&String> = changed
        .iter()
        .filter(|p| root.join(p.as_str()).exists())
        .collect();
    let shown: Vec<&String> = if existing.is_empty() {
        changed.iter().collect()
    } else {
        existing
    };
    match shown.as_slice() {
        [one] => format!("{one} changed"),
        [first, rest @ ..] => format!("{first} and {} more changed", rest.len()),
        [] => "rebuild".to_owned(),
    }
}

/// The diagnostic shown when the generator panics (a bug in Alliance).
fn crashed() -> Diagnostics {
    Diagnostics::from(vec![Diagnostic::error(
        "config.toml",
        "the generator crashed while building this site (this is a bug in Alliance)",
    )])
}

/// Prints warnings in the terminal as `alliance check` does: on stderr, as
/// every report of the server is (what it is doing goes to stdout).
fn print_warnings(warnings: &Diagnostics) {
    if !warnings.is_empty() {
        eprint!("{}", warnings.report());
    }
}

/// How two builds differ.
#[derive(Debug, PartialEq, Eq)]
enum Changed {
    /// Byte for byte the same.
    Nothing,
    /// Only stylesheets were added, removed or changed.
    CssOnly,
    /// Anything else.
    Other,
}

/// What kind of change a list of changed files is.
fn changed_kind(changed: &[String]) -> Changed {
    if changed.is_empty() {
        Changed::Nothing
    } else if changed.iter().all(|path| path.ends_with(".css")) {
        Changed::CssOnly
    } else {
        Changed::Other
    }
}

/// Each diagnostic as a list item: its place, message and hint, escaped.
fn items(diagnostics: &Diagnostics) -> String {
    let mut items = String::new();
    for d in diagnostics.iter() {
        let place = if d.position.line > 0 {
            format!(
                "{}:{}:{}",
                d.path.display(),
                d.position.line,
                d.position.col
            )
        } else {
            d.path.display().to_string()
        };
        items.push_str(&format!(
            "<li><code>{}</code>: {}",
            escape(&place),
            escape(&d.message)
        ));
        if let Some(hint) = &d.hint {
            items.push_str(&format!("<br>Hint: {}", escape(hint)));
        }
        items.push_str("</li>");
    }
    items
}

/// The error overlay: a fixed, accessible alert listing every diagnostic.
fn overlay_html(diagnostics: &Diagnostics) -> String {
    format!(
        "<div role=\"alert\" id=\"alliance-error-overlay\" style=\"position:fixed;top:0;left:0;right:0;z-index:2147483647;max-height:60vh;overflow:auto;margin:0;padding:1rem 1.5rem;background:#fff;color:#1a1a1a;border-bottom:6px solid #8b0000;font:1rem/1.5 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.4)\"><p style=\"margin:0 0 .5rem;font-weight:bold;color:#8b0000\">The site has errors; this is the last good build.</p><ul style=\"margin:0;padding-left:1.25rem\">{}</ul></div>",
        items(diagnostics)
    )
}

/// The warnings panel, if there are warnings: a labelled `<aside>` fixed in
/// the bottom corner (out of the page's flow, so nothing moves), dark text on
/// white (AAA contrast), closed by a real button.
fn panel_html(warnings: &Diagnostics) -> Option<String> {
    let count = warnings.iter().count();
    if count == 0 {
        return None;
    }
    let heading = if count == 1 {
        "The site builds, with 1 warning".to_owned()
    } else {
        format!("The site builds, with {count} warnings")
    };
    Some(format!(
        "<aside id=\"alliance-warnings\" aria-labelledby=\"alliance-warnings-title\" style=\"position:fixed;right:1rem;bottom:1rem;z-index:2147483646;box-sizing:border-box;width:min(34rem,calc(100vw - 2rem));max-height:40vh;overflow:auto;margin:0;padding:.75rem 1rem;background:#fff;color:#1a1a1a;border:2px solid #1a1a1a;border-left:6px solid #5c3a00;font:1rem/1.5 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.4)\"><div style=\"display:flex;gap:1rem;align-items:flex-start;justify-content:space-between\"><p id=\"alliance-warnings-title\" style=\"margin:0 0 .5rem;font-weight:bold;color:#5c3a00\">{heading}</p><button type=\"button\" onclick=\"this.closest('aside').remove()\" style=\"flex:none;min-height:44px;padding:.25rem .75rem;background:#1a1a1a;color:#fff;border:2px solid #1a1a1a;border-radius:4px;font:inherit;cursor:pointer;outline-offset:3px\">Close<span style=\"position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap\"> warnings</span></button></div><ul style=\"margin:0;padding-left:1.25rem\">{}</ul></aside>",
        items(warnings)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_changes() {
        let paths = |p: &[&str]| p.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(changed_kind(&paths(&[])), Changed::Nothing);
        assert_eq!(
            changed_kind(&paths(&["a.css", "new.css"])),
            Changed::CssOnly
        );
        assert_eq!(changed_kind(&paths(&["a.css", "i.html"])), Changed::Other);
    }

    #[test]
    fn overlay_and_panel_escape_and_label() {
        let warning = Diagnostic::warning("content/<a>.md", "link text \"click here\" & more")
            .with_hint("say where it goes");
        let warnings = Diagnostics::from(vec![warning]);
        let overlay = overlay_html(&warnings);
        assert!(overlay.contains("<code>content/&lt;a&gt;.md</code>"));
        let panel = panel_html(&warnings).expect("a panel");
        assert!(panel.starts_with(
            "<aside id=\"alliance-warnings\" aria-labelledby=\"alliance-warnings-title\""
        ));
        assert!(panel.contains("id=\"alliance-warnings-title\""));
        assert!(panel.contains("with 1 warning<"));
        assert!(panel.contains("<button type=\"button\""));
        assert!(panel.contains("link text &quot;click here&quot; &amp; more"));
        assert!(panel.contains("Hint: say where it goes"));
        assert_eq!(panel_html(&Diagnostics::new()), None);
    }
}

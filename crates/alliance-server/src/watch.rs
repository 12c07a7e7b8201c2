//! Watching the site folder: file events from `notify`, mapped to the
//! changed paths a rebuild takes (relative to the site root, `/`-separated),
//! debounced into batches, with watches re-armed for top-level folders made
//! after the server started (or removed and made again).
//!
//! Every kind of save ends up as a changed path: an in-place rewrite
//! (modify, close-after-write), an atomic save (a temporary file renamed over
//! the old one: the temporary file, made and gone within the batch, is left
//! out), a deletion, a new folder (its files, which may have been written
//! before its watch was in place) and a renamed folder (its old path, which
//! is gone: the live site then rebuilds whole, as for any path it does not
//! know). The output folder, `target/` and editors' temporary files are never
//! watched or reacted to.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use alliance_generator::util::walk::{is_ignored_name, walk};
use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::{ServeError, State};

/// Folders at the top of the site whose changes trigger a rebuild
/// (`translations/`: a site's own words for the theme, `<code>.toml`).
const WATCHED_DIRS: [&str; 6] = [
    "content",
    "static",
    "templates",
    "themes",
    "sass",
    "translations",
];

/// How long the file system must be quiet before a rebuild starts.
const DEBOUNCE: Duration = Duration::from_millis(30);

/// The longest a batch waits for quiet before it is rebuilt anyway.
const MAX_BATCH: Duration = Duration::from_secs(1);

/// How often SSE clients are pinged, so dead ones are noticed.
const PING: Duration = Duration::from_secs(15);

/// The watcher and the folders it watches.
pub(crate) struct Watch {
    root: PathBuf,
    watcher: RecommendedWatcher,
    events: mpsc::Receiver<notify::Result<Event>>,
    /// The top-level folders watched (recursively) now.
    armed: BTreeSet<String>,
}

impl Watch {
    /// Watches the site root (for `config.toml` and folders made later) and
    /// each watched folder that exists, recursively.
    pub(crate) fn start(root: &Path) -> Result<Watch, ServeError> {
        let (tx, events) = mpsc::channel();
        let mut watcher =
            notify::recommended_watcher(tx).map_err(|e| ServeError::Watch(e.to_string()))?;
        watcher
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|e| ServeError::Watch(e.to_string()))?;
        let mut watch = Watch {
            root: root.to_owned(),
            watcher,
            events,
            armed: BTreeSet::new(),
        };
        for dir in WATCHED_DIRS {
            let path = root.join(dir);
            if path.is_dir() {
                watch
                    .watcher
                    .watch(&path, RecursiveMode::Recursive)
                    .map_err(|e| ServeError::Watch(format!("{}: {e}", path.display())))?;
                watch.armed.insert(dir.to_owned());
            }
        }
        Ok(watch)
    }

    /// Receives events, debounces them (a batch ends after [`DEBOUNCE`] of
    /// quiet, or [`MAX_BATCH`] at most) and rebuilds, until the server stops;
    /// pings SSE clients meanwhile.
    pub(crate) fn run(mut self, state: &State) {
        let mut last_ping = Instant::now();
        let mut batch = Batch::default();
        while !state.stopping() {
            let wait = if batch.is_empty() {
                Duration::from_millis(200)
            } else {
                DEBOUNCE
            };
            match self.events.recv_timeout(wait) {
                Ok(Ok(event)) => {
                    self.note(&event, &mut batch);
                    if batch.is_empty() || batch.age() < MAX_BATCH {
                        continue;
                    }
                }
                Ok(Err(e)) => eprintln!("warning: file watcher: {e}"),
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
            if !batch.is_empty() {
                let changed = batch.take(&self.root);
                if !changed.is_empty()
                    && let Some(message) = state.site.rebuild(&changed)
                {
                    state.clients.broadcast(&message);
                }
            }
            if last_ping.elapsed() > PING {
                last_ping = Instant::now();
                state.clients.broadcast(": ping\n\n");
            }
        }
    }

    /// Adds an event's relevant paths to the batch, and re-arms the watches
    /// when a top-level folder came, went or was renamed.
    fn note(&mut self, event: &Event, batch: &mut Batch) {
        if event.need_rescan() {
            // Events were lost: rebuild everything, and watch what is there.
            batch.add("config.toml".to_owned(), false);
            self.armed.clear();
            self.rearm();
            return;
        }
        if !changes_content(&event.kind) {
            return;
        }
        let created = matches!(event.kind, EventKind::Create(_));
        let mut top_level = false;
        for path in &event.paths {
            let Some(rel) = relevant(&self.root, path) else {
                continue;
            };
            if WATCHED_DIRS.contains(&rel.as_str()) {
                top_level = true;
                if matches!(
                    event.kind,
                    EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(_))
                ) {
                    // Its watch went with it, whatever now has its name.
                    self.disarm(&rel);
                }
            }
            batch.add(rel, created);
        }
        if top_level {
            self.rearm();
        }
    }

    /// Watches each top-level folder that exists and is not watched yet.
    fn rearm(&mut self) {
        for dir in WATCHED_DIRS {
            let path = self.root.join(dir);
            if !path.is_dir() {
                self.disarm(dir);
            } else if !self.armed.contains(dir) {
                match self.watcher.watch(&path, RecursiveMode::Recursive) {
                    Ok(()) => {
                        self.armed.insert(dir.to_owned());
                    }
                    Err(e) => eprintln!("warning: cannot watch {}: {e}", path.display()),
                }
            }
        }
    }

    /// Forgets the watch on a top-level folder, if there is one.
    fn disarm(&mut self, dir: &str) {
        if self.armed.remove(dir) {
            // The folder may be gone already, and its watch with it.
            let _ = self.watcher.unwatch(&self.root.join(dir));
        }
    }
}

/// The paths changed since the last rebuild.
#[derive(Default)]
struct Batch {
    /// Each path, and whether its first event in the batch made it.
    paths: BTreeMap<String, bool>,
    started: Option<Instant>,
}

impl Batch {
    fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// How long since the batch's first path.
    fn age(&self) -> Duration {
        self.started.map_or(Duration::ZERO, |s| s.elapsed())
    }

    /// Adds a path; `created` if this event made it.
    fn add(&mut self, rel: String, created: bool) {
        self.started.get_or_insert_with(Instant::now);
        self.paths.entry(rel).or_insert(created);
    }

    /// Empties the batch into the changed paths a rebuild takes, sorted: a
    /// folder that exists stands for its files; a path made and gone within
    /// the batch (a temporary file) is left out; any other path that is gone
    /// stays (a deleted or renamed-away file or folder).
    fn take(&mut self, root: &Path) -> Vec<String> {
        self.started = None;
        let mut changed = Vec::new();
        for (rel, created) in std::mem::take(&mut self.paths) {
            let path = root.join(&rel);
            if path.is_dir() {
                changed.extend(
                    walk(&path)
                        .filter_map(Result::ok)
                        .filter(|entry| !entry.file_type().is_dir())
                        .filter_map(|entry| relevant(root, entry.path())),
                );
            } else if path.symlink_metadata().is_ok() || !created {
                changed.push(rel);
            }
        }
        changed.sort();
        changed.dedup();
        changed
    }
}

/// Whether an event can change a file's content or existence: reads (which
/// the build itself causes) and metadata changes cannot; closing a file
/// written in place can (the last write may have come after a rebuild began).
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_)) => false,
        _ => true,
    }
}

/// The path relative to the root, with `/` separators, if a change to it
/// should trigger a rebuild: `config.toml`, a watched top-level folder or
/// anything in one, and no editor's temporary file or hidden file on the way.
fn relevant(root: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let first = parts.first()?;
    let watched =
        WATCHED_DIRS.contains(&first.as_str()) || (parts.len() == 1 && first == "config.toml");
    if !watched || parts.iter().any(|p| is_ignored_name(p)) {
        return None;
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_site_sources_are_relevant() {
        let root = Path::new("/site");
        let rel = |p: &str| relevant(root, &root.join(p));
        assert_eq!(rel("config.toml").as_deref(), Some("config.toml"));
        assert_eq!(rel("content/a/b.md").as_deref(), Some("content/a/b.md"));
        assert_eq!(rel("templates").as_deref(), Some("templates"));
        assert_eq!(
            rel("themes/civic/sass/x.scss").as_deref(),
            Some("themes/civic/sass/x.scss")
        );
        for ignored in [
            "public/index.html",
            "public",
            "target/debug/x",
            "content/.a.md.swp",
            "content/a.md~",
            "content/.git/HEAD",
            "static/4913",
            "README.md",
        ] {
            assert_eq!(rel(ignored), None, "{ignored}");
        }
        assert_eq!(relevant(root, Path::new("/elsewhere/config.toml")), None);
    }

    #[test]
    fn a_batch_maps_saves_to_changed_paths() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/new/deep")).unwrap();
        std::fs::write(root.join("content/a.md"), "a").unwrap();
        std::fs::write(root.join("content/new/x.md"), "x").unwrap();
        std::fs::write(root.join("content/new/deep/y.pdf"), "y").unwrap();
        std::fs::write(root.join("content/new/.y.md.swp"), "junk").unwrap();
        let mut batch = Batch::default();
        // An atomic save through a temporary name no ignore list knows.
        batch.add("content/a.md.part".to_owned(), true);
        batch.add("content/a.md".to_owned(), false);
        // A folder made, with files written before it was watched.
        batch.add("content/new".to_owned(), true);
        // A deleted page and a folder renamed away.
        batch.add("content/gone.md".to_owned(), false);
        batch.add("content/old".to_owned(), false);
        assert!(!batch.is_empty());
        assert_eq!(
            batch.take(root),
            [
                "content/a.md",
                "content/gone.md",
                "content/new/deep/y.pdf",
                "content/new/x.md",
                "content/old",
            ]
        );
        assert!(batch.is_empty());
        assert_eq!(batch.age(), Duration::ZERO);
    }

    #[test]
    fn reads_are_not_changes() {
        assert!(!changes_content(&EventKind::Access(AccessKind::Open(
            AccessMode::Read
        ))));
        assert!(!changes_content(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(changes_content(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(changes_content(&EventKind::Remove(
            notify::event::RemoveKind::Folder
        )));
    }
}

//! Where rendered files go: a folder on disk, swapped in whole at the end
//! ([`Staging`], chosen safely by [`guard`]), or memory.

pub(crate) mod guard;
mod staging;

pub use staging::{Staging, remove_live_staging};

use std::collections::BTreeMap;
use std::io;
use std::path::PathBuf;
use std::sync::Mutex;

/// Receives the files of a build. Implementations are safe to call from many threads.
pub trait Sink: Sync {
    /// Stores a file at a site path such as `about/index.html`.
    fn write(&self, path: &str, bytes: Vec<u8>) -> io::Result<()>;
}

/// Writes files under a folder.
#[derive(Debug)]
pub struct DirSink {
    root: PathBuf,
}

impl DirSink {
    /// Writes under `root`, which must exist.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        DirSink { root: root.into() }
    }
}

impl Sink for DirSink {
    fn write(&self, path: &str, bytes: Vec<u8>) -> io::Result<()> {
        if !inside(path) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "`{}` is not a file inside the output folder",
                    path.escape_debug()
                ),
            ));
        }
        if !self.root.is_dir() {
            // Removed: the build was interrupted. Make nothing again.
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                "the staging folder was removed",
            ));
        }
        let target = self.root.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(target, bytes)
    }
}

/// Whether a site path names a file inside the output: relative, no `.`,
/// `..` or empty parts. (The checks before rendering refuse such addresses
/// with a place; this is the last guard.)
fn inside(path: &str) -> bool {
    !path.is_empty()
        && !path.contains(['\\', '\0', ':'])
        && path
            .split('/')
            .all(|s| !s.is_empty() && s != "." && s != "..")
}

/// Keeps files in memory, for the dev server and tests.
#[derive(Debug, Default)]
pub struct MemorySink {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl MemorySink {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes the files out, sorted by path.
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for MemorySink {
    fn write(&self, path: &str, bytes: Vec<u8>) -> io::Result<()> {
        self.files
            .lock()
            .map_err(|_| io::Error::other("memory sink poisoned"))?
            .insert(path.to_owned(), bytes);
        Ok(())
    }
}

/// A sink that keeps nothing: for `check`, which renders but writes nothing.
pub(crate) struct NullSink;

impl Sink for NullSink {
    fn write(&self, _path: &str, _bytes: Vec<u8>) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dir_sink_writes_nothing_outside_its_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir(&out).unwrap();
        let sink = DirSink::new(&out);
        for bad in [
            "",
            "index.html/",
            "../x.html",
            "a/../../x",
            "/etc/x",
            "a//b",
            "./index.html",
        ] {
            assert!(
                sink.write(bad, b"x".to_vec()).is_err(),
                "{bad:?} was written"
            );
        }
        sink.write("a/b.html", b"x".to_vec()).unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}

//! Where rendered files go: a folder on disk, swapped in whole at the end, or memory.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
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
        let target = self.root.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(target, bytes)
    }
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
pub struct NullSink;

impl Sink for NullSink {
    fn write(&self, _path: &str, _bytes: Vec<u8>) -> io::Result<()> {
        Ok(())
    }
}

/// A build folder beside the output that replaces it only when the build succeeds.
#[derive(Debug)]
pub struct Staging {
    staging: PathBuf,
    output: PathBuf,
}

impl Staging {
    /// Creates an empty staging folder beside `output`.
    pub fn new(output: &Path) -> io::Result<Staging> {
        let output = absolute(output)?;
        let parent = output
            .parent()
            .ok_or_else(|| io::Error::other("the output folder has no parent"))?;
        std::fs::create_dir_all(parent)?;
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let staging = parent.join(format!(".{name}.building-{}", std::process::id()));
        if staging.exists() {
            std::fs::remove_dir_all(&staging)?;
        }
        std::fs::create_dir_all(&staging)?;
        Ok(Staging { staging, output })
    }

    /// The folder files are written into.
    pub fn path(&self) -> &Path {
        &self.staging
    }

    /// Replaces the output with the staged build.
    pub fn commit(self) -> io::Result<()> {
        let parent = self.output.parent().unwrap_or(Path::new("."));
        let name = self
            .output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        let had_output = self.output.exists();
        if had_output {
            std::fs::rename(&self.output, &old)?;
        }
        if let Err(e) = std::fs::rename(&self.staging, &self.output) {
            if had_output {
                let _ = std::fs::rename(&old, &self.output);
            }
            return Err(e);
        }
        if had_output {
            std::fs::remove_dir_all(&old)?;
        }
        std::mem::forget(self);
        Ok(())
    }
}

impl Drop for Staging {
    /// An abandoned build leaves nothing behind.
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.staging);
    }
}

fn absolute(path: &Path) -> io::Result<PathBuf> {
    if path.is_absolute() {
        Ok(path.to_path_buf())
    } else {
        Ok(std::env::current_dir()?.join(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staging_replaces_output_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("old.html"), "old").unwrap();
        {
            let staging = Staging::new(&out).unwrap();
            DirSink::new(staging.path())
                .write("a/index.html", b"new".to_vec())
                .unwrap();
            // dropped without commit
        }
        assert_eq!(
            std::fs::read_to_string(out.join("old.html")).unwrap(),
            "old"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let staging = Staging::new(&out).unwrap();
        DirSink::new(staging.path())
            .write("a/index.html", b"new".to_vec())
            .unwrap();
        staging.commit().unwrap();
        assert!(!out.join("old.html").exists());
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "new"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}

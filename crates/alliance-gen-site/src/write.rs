//! Where generated files go: a folder on disk, or memory (for tests).

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Receives the site's files, each by its path relative to the site root (`/`-separated).
pub trait Sink {
    /// Stores one file.
    fn put(&mut self, path: &str, bytes: &[u8]) -> io::Result<()>;
}

/// Writes files under a folder, creating sub-folders as needed.
pub struct DirSink {
    root: PathBuf,
    /// The folder of the last file: the next file is most often beside it.
    last: PathBuf,
}

impl DirSink {
    /// Files go under `root`, which must exist.
    pub fn new(root: &Path) -> DirSink {
        DirSink {
            root: root.to_path_buf(),
            last: PathBuf::new(),
        }
    }
}

impl Sink for DirSink {
    fn put(&mut self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let file = self.root.join(path);
        if let Some(dir) = file.parent()
            && dir != self.last
        {
            fs::create_dir_all(dir)?;
            self.last = dir.to_path_buf();
        }
        fs::write(&file, bytes)
    }
}

/// Keeps files in memory, sorted by path.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct MemorySink {
    /// The files, by path.
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Sink for MemorySink {
    fn put(&mut self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.files.insert(path.to_owned(), bytes.to_vec());
        Ok(())
    }
}

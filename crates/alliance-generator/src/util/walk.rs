//! The one filtered walk of a folder: sorted, editors' temporary and hidden files left out.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// Whether a file name is an editor's temporary, swap or backup file, or hidden.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
        || name == "4913"
}

/// Every entry under `dir`, sorted by name, leaving out editors' temporary
/// and hidden files and folders ([`is_ignored_name`]). Symlinks are not followed.
pub fn walk(dir: &Path) -> impl Iterator<Item = walkdir::Result<walkdir::DirEntry>> {
    WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()))
}

/// Why a walk left out a symbolic link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unfollowed {
    /// It leads outside the folder the walk may read.
    Outside,
    /// It leads nowhere: what it names does not exist.
    Broken,
    /// It leads back to a folder that holds it.
    Loop,
}

/// A symbolic link a walk did not follow, and where it leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Skipped {
    /// The link, as found under the walked folder.
    pub(crate) link: PathBuf,
    /// Where it leads: resolved when it exists, else as written.
    pub(crate) target: PathBuf,
    /// Why it was not followed.
    pub(crate) why: Unfollowed,
}

/// Every entry under `dir`, as [`walk`] but following symbolic links that
/// lead inside `within` (the site's folder); the others are left out and
/// listed in the second value, in the order found.
pub(crate) fn walk_within(
    dir: &Path,
    within: &Path,
) -> (Vec<walkdir::Result<walkdir::DirEntry>>, Vec<Skipped>) {
    let root = within
        .canonicalize()
        .unwrap_or_else(|_| within.to_path_buf());
    let walked = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let skipped = RefCell::new(Vec::new());
    let entries: Vec<_> = WalkDir::new(dir)
        .sort_by_file_name()
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 {
                return true;
            }
            if is_ignored_name(&e.file_name().to_string_lossy()) {
                return false;
            }
            if !e.path_is_symlink() {
                return true;
            }
            let why = match e.path().canonicalize() {
                // A folder holding the walked one would be walked again, inside itself.
                Ok(t) if walked.starts_with(&t) => Unfollowed::Loop,
                Ok(t) if t.starts_with(&root) => return true,
                _ => Unfollowed::Outside,
            };
            skipped.borrow_mut().push(skip(e.path(), why));
            false
        })
        .filter(|entry| {
            let Err(e) = entry else { return true };
            let why = if e.loop_ancestor().is_some() {
                Unfollowed::Loop
            } else {
                Unfollowed::Broken
            };
            let is_link = e
                .path()
                .and_then(|p| std::fs::symlink_metadata(p).ok())
                .is_some_and(|m| m.file_type().is_symlink());
            if let (true, Some(link)) = (is_link, e.path()) {
                skipped.borrow_mut().push(skip(link, why));
            }
            !is_link
        })
        .collect();
    (entries, skipped.into_inner())
}

/// A link left out, with where it leads.
fn skip(link: &Path, why: Unfollowed) -> Skipped {
    let target = link
        .canonicalize()
        .or_else(|_| std::fs::read_link(link))
        .unwrap_or_default();
    Skipped {
        link: link.to_path_buf(),
        target,
        why,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_files_are_ignored() {
        for name in [".x.md.swp", "x.md~", "#x.md#", ".DS_Store", "4913"] {
            assert!(is_ignored_name(name), "{name}");
        }
        assert!(!is_ignored_name("about.md"));
    }
}

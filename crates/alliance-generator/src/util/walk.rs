//! The one filtered walk of a folder: sorted, editors' temporary and hidden files left out.

use std::path::Path;

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

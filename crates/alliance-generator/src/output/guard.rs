//! Which output folders a build may replace. Paths are resolved first (`..`
//! and links, through the nearest folder that exists), so no spelling of a
//! path lets a build replace the site's own files.

use std::path::{Component, Path, PathBuf};

/// The site's own files and folders, which no output may be or lie inside.
pub(crate) const SOURCES: [&str; 6] = [
    "config.toml",
    "content",
    "static",
    "templates",
    "themes",
    "sass",
];

/// Why a build may not write into `output`, if it may not: it is or lies in
/// one of the site's [`SOURCES`], holds the site, or is a file.
pub(crate) fn refusal(root: &Path, output: &Path) -> Option<String> {
    let (site, out) = (resolve(root), resolve(output));
    let shown = output.display();
    if out.is_file() {
        return Some(format!(
            "the output `{shown}` is a file, not a folder: a build replaces its output whole"
        ));
    }
    if site.starts_with(&out) {
        return Some(if site == out {
            format!("the output `{shown}` is the site's own folder")
        } else {
            format!("the output `{shown}` holds the site's folder")
        });
    }
    SOURCES.iter().find_map(|name| {
        let source = site.join(name);
        (out.starts_with(&source))
            .then(|| format!("the output `{shown}` is or lies inside the site's `{name}`"))
    })
}

/// `path` made absolute with `..` and links resolved, as far as it exists
/// (the rest appended as written, `..` taken lexically).
pub(crate) fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::Prefix(_) | Component::RootDir => out.push(component),
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(name) => {
                out.push(name);
                if let Ok(real) = std::fs::canonicalize(&out) {
                    out = real;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_over_the_sites_files_are_refused_however_spelled() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        for folder in ["content/news", "static", "public"] {
            std::fs::create_dir_all(site.join(folder)).unwrap();
        }
        std::fs::write(site.join("config.toml"), "").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&site, &link).unwrap();
        let refused = |root: &Path, out: &str| refusal(root, &root.join(out));
        for (root, out, why) in [
            (&site, "public/../content", "inside the site's `content`"),
            (&site, "content/news/new", "inside the site's `content`"),
            (&site, "config.toml", "is a file"),
            (&site, "static", "inside the site's `static`"),
            (&site, "..", "holds the site's folder"),
            (&site, "../..", "holds the site's folder"),
            (&site, ".", "the site's own folder"),
            (&link, "public/../content", "inside the site's `content`"),
            (&link, "../site/themes/x", "inside the site's `themes`"),
        ] {
            let found = refused(root, out).unwrap_or_default();
            assert!(found.contains(why), "{out}: {found}");
        }
        assert_eq!(refused(&site, "public"), None);
        assert_eq!(refused(&link, "public"), None);
        assert_eq!(refused(&site, "../elsewhere/new/../x"), None);
        assert_eq!(refused(&site, "public/../../site-out"), None);
        let through = dir.path().join("into-content");
        std::os::unix::fs::symlink(site.join("content"), &through).unwrap();
        assert!(refused(&site, through.to_str().unwrap()).is_some());
    }
}

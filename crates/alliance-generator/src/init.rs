//! `alliance init`: a working starter site.

use std::path::Path;

const FILES: &[(&str, &str)] = &[
    ("config.toml", include_str!("../starter/config.toml")),
    (
        "content/_index.md",
        include_str!("../starter/content/_index.md"),
    ),
    (
        "content/about.md",
        include_str!("../starter/content/about.md"),
    ),
    (
        "content/news/_index.md",
        include_str!("../starter/content/news/_index.md"),
    ),
    (
        "content/news/welcome.md",
        include_str!("../starter/content/news/welcome.md"),
    ),
    (
        "content/contact.md",
        include_str!("../starter/content/contact.md"),
    ),
    ("static/.gitkeep", ""),
    ("templates/.gitkeep", ""),
];

/// Writes a starter site into `dir`, which must be empty or not exist.
pub fn init(dir: &Path) -> Result<Vec<String>, String> {
    if dir.exists()
        && std::fs::read_dir(dir)
            .map_err(|e| e.to_string())?
            .next()
            .is_some()
    {
        return Err(format!(
            "{} is not empty; choose a new folder",
            dir.display()
        ));
    }
    let mut written = Vec::new();
    for (path, text) in FILES {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&target, text)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        written.push((*path).to_owned());
    }
    Ok(written)
}

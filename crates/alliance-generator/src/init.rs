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
    (
        "content/members/_index.md",
        include_str!("../starter/content/members/_index.md"),
    ),
    (
        "content/members/district-council.md",
        include_str!("../starter/content/members/district-council.md"),
    ),
    (
        "content/members/organisations.csv",
        include_str!("../starter/content/members/organisations.csv"),
    ),
    (
        "content/groups/_index.md",
        include_str!("../starter/content/groups/_index.md"),
    ),
    (
        "content/groups/board.md",
        include_str!("../starter/content/groups/board.md"),
    ),
    (
        "content/groups/community-safety.md",
        include_str!("../starter/content/groups/community-safety.md"),
    ),
    (
        "content/groups/structure.md",
        include_str!("../starter/content/groups/structure.md"),
    ),
    ("static/.gitkeep", ""),
    ("templates/.gitkeep", ""),
];

/// The date the starter's pages say they were reviewed (and its accessibility
/// statement prepared); `init` writes today's date in its place.
const STARTER_DATE: &str = "2026-01-01";

/// A starter file's text with its review and preparation dates set to `today`.
fn dated(text: &str, today: &str) -> String {
    ["reviewed", "prepared"]
        .iter()
        .fold(text.to_owned(), |text, key| {
            text.replace(
                &format!("{key} = {STARTER_DATE}"),
                &format!("{key} = {today}"),
            )
        })
}

/// Writes a starter site into `dir`, which must be empty or not exist. Its
/// pages are marked reviewed today, so a new site starts with no overdue pages.
pub fn init(dir: &Path) -> Result<Vec<String>, String> {
    let london = jiff::tz::TimeZone::get("Europe/London").unwrap_or(jiff::tz::TimeZone::UTC);
    let today = crate::today_in(&london)
        .map_err(|d| format!("{}: {}", crate::SOURCE_DATE_EPOCH, d.message))?
        .to_string();
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
        std::fs::write(&target, dated(text, &today))
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        written.push((*path).to_owned());
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starter_dates_become_today() {
        let text = dated(
            "reviewed = 2026-01-01\ndate = 2026-01-01\nprepared = 2026-01-01\n",
            "2027-05-06",
        );
        assert_eq!(
            text,
            "reviewed = 2027-05-06\ndate = 2026-01-01\nprepared = 2027-05-06\n"
        );
    }
}

//! `alliance init`: a working starter site.

use std::path::Path;

const FILES: &[(&str, &str)] = &[
    ("config.toml", include_str!("../starter/config.toml")),
    (
        "content/_index.md",
        include_str!("../starter/content/_index.md"),
    ),
    (
        "content/about/_index.md",
        include_str!("../starter/content/about/_index.md"),
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
        "content/contact/_index.md",
        include_str!("../starter/content/contact/_index.md"),
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
    (
        "content/meetings/_index.md",
        include_str!("../starter/content/meetings/_index.md"),
    ),
    (
        "content/meetings/board-example.md",
        include_str!("../starter/content/meetings/board-example.md"),
    ),
    ("static/.gitkeep", ""),
    ("templates/.gitkeep", ""),
];

/// The date the starter's pages say they were reviewed (its accessibility
/// statement prepared and tested); `init` writes today's date in its place,
/// and for the example meeting's `start` a day 13 weeks on, so it is upcoming.
const STARTER_DATE: &str = "2026-01-01";

/// A starter file's text with its review, preparation and test dates set to
/// `today` and its meeting's start to `meeting_day`.
fn dated(text: &str, today: &str, meeting_day: &str) -> String {
    [
        ("reviewed", today),
        ("prepared", today),
        ("last_tested", today),
        ("start", meeting_day),
    ]
    .iter()
    .fold(text.to_owned(), |text, (key, day)| {
        text.replace(
            &format!("{key} = {STARTER_DATE}"),
            &format!("{key} = {day}"),
        )
    })
}

/// Writes a starter site into `dir`, which must be empty or not exist. Its
/// pages are marked reviewed today, so a new site starts with no overdue pages.
pub fn init(dir: &Path) -> Result<Vec<String>, String> {
    let london = jiff::tz::TimeZone::get("Europe/London").unwrap_or(jiff::tz::TimeZone::UTC);
    let today = crate::pipeline::today_in(&london)
        .map_err(|d| format!("{}: {}", crate::SOURCE_DATE_EPOCH, d.message))?;
    let meeting_day = today
        .checked_add(jiff::Span::new().weeks(13))
        .map_err(|e| e.to_string())?
        .to_string();
    let today = today.to_string();
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
        std::fs::write(&target, dated(text, &today, &meeting_day))
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
            "reviewed = 2026-01-01\ndate = 2026-01-01\nprepared = 2026-01-01\nstart = 2026-01-01T10:00:00\n",
            "2027-05-06",
            "2027-08-05",
        );
        assert_eq!(
            text,
            "reviewed = 2027-05-06\ndate = 2026-01-01\nprepared = 2027-05-06\nstart = 2027-08-05T10:00:00\n"
        );
    }
}

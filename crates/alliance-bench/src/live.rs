//! The dev server's incremental rebuilds, timed in this process through
//! `LiveSite::update`, and the memory they keep across many edits.

use std::path::Path;
use std::time::Duration;

use alliance_generator::incremental::LiveSite;
use alliance_generator::{Mode, Theme};

use crate::site::{Edit, EditedPage};
use crate::stats::timed;
use crate::{Error, failed};

/// What the in-process rebuilds cost.
pub(crate) struct LiveFigures {
    /// Loading and building the whole site into memory (`LiveSite::build`).
    pub build: Duration,
    /// Each body edit's update.
    pub body: Vec<Duration>,
    /// Each front-matter edit's update.
    pub front_matter: Vec<Duration>,
    /// Pages re-rendered by a body edit and by a front-matter edit.
    pub rendered: (usize, usize),
    /// Each front-matter edit of a meeting page (a typed page: the model is rebuilt).
    pub meeting: Vec<Duration>,
    /// Pages re-rendered by a meeting edit.
    pub meeting_rendered: usize,
    /// Each template edit's update.
    pub template: Vec<Duration>,
    /// Pages re-rendered by a template edit.
    pub template_rendered: usize,
    /// Resident memory after the first tenth of the memory edits (at least one), in bytes.
    pub rss_early: u64,
    /// Resident memory after all of them, in bytes.
    pub rss_late: u64,
    /// How many edits the memory figures span.
    pub memory_edits: usize,
}

/// After how many of `memory_edits` the early memory is read: a tenth, at
/// least one (none when there are none).
pub(crate) fn early_edits(memory_edits: usize) -> usize {
    (memory_edits / 10).max(1).min(memory_edits)
}

/// How many edits of each kind to make.
pub(crate) struct Plan {
    /// Alternating body and front-matter edits, timed.
    pub edits: usize,
    /// Edits whose memory is watched (after the timed ones).
    pub memory_edits: usize,
    /// Edits of `templates/page.html`.
    pub template_edits: usize,
}

/// Saves an edit to a page and applies it: the update's time and the pages it rendered.
fn apply(
    live: &mut LiveSite,
    page: &mut EditedPage,
    edit: Edit,
    step: usize,
) -> Result<(Duration, usize), Error> {
    page.write(edit, step)?;
    let (result, t) = timed(|| live.update(std::slice::from_ref(&page.rel)));
    let result = result.map_err(failed)?;
    if result.full {
        return Err(format!("editing {} rebuilt the whole site", page.rel).into());
    }
    Ok((t, result.rendered))
}

/// Builds the site under `root` in memory, then edits a plain page, a
/// meeting page and the page template, as an author would, timing each update.
pub(crate) fn measure(root: &Path, plan: &Plan) -> Result<LiveFigures, Error> {
    let mut page = EditedPage::pick(root, None)?;
    let mut meeting = EditedPage::pick(root, Some("meeting"))?;
    let (live, build) = timed(|| LiveSite::build(root, None, Mode::default()));
    let mut live = live.map_err(failed)?;
    let mut figures = LiveFigures {
        build,
        body: Vec::new(),
        front_matter: Vec::new(),
        rendered: (0, 0),
        meeting: Vec::new(),
        meeting_rendered: 0,
        template: Vec::new(),
        template_rendered: 0,
        rss_early: 0,
        rss_late: 0,
        memory_edits: plan.memory_edits,
    };
    for step in 0..plan.edits {
        let edit = Edit::alternating(step);
        let (t, rendered) = apply(&mut live, &mut page, edit, step)?;
        match edit {
            Edit::Body => (figures.body.push(t), figures.rendered.0 = rendered),
            Edit::FrontMatter => (figures.front_matter.push(t), figures.rendered.1 = rendered),
        };
    }
    for step in 0..plan.edits / 2 {
        let (t, rendered) = apply(&mut live, &mut meeting, Edit::FrontMatter, step)?;
        figures.meeting.push(t);
        figures.meeting_rendered = rendered;
    }
    meeting.restore()?;
    let early = early_edits(plan.memory_edits);
    if early == 0 {
        figures.rss_early = resident_bytes()?;
    }
    for i in 0..plan.memory_edits {
        let step = plan.edits + i;
        apply(&mut live, &mut page, Edit::alternating(step), step)?;
        if i + 1 == early {
            figures.rss_early = resident_bytes()?;
        }
    }
    figures.rss_late = resident_bytes()?;
    page.restore()?;

    let override_file = root.join("templates/page.html");
    let theme = Theme::load(root, &live.site().config).map_err(failed)?;
    let original = theme
        .templates
        .get("page.html")
        .ok_or("the theme has no page.html")?
        .source
        .read()?;
    std::fs::create_dir_all(root.join("templates"))?;
    let changed = ["templates/page.html".to_owned()];
    for step in 0..plan.template_edits {
        let mut text = original.clone();
        text.extend_from_slice(format!("{{# benchmark edit {step} #}}\n").as_bytes());
        std::fs::write(&override_file, text)?;
        let (result, t) = timed(|| live.update(&changed));
        figures.template_rendered = result.map_err(failed)?.rendered;
        figures.template.push(t);
    }
    std::fs::remove_file(&override_file)?;
    std::fs::remove_dir(root.join("templates"))?;
    Ok(figures)
}

/// This process's resident memory now (`VmRSS` in `/proc/self/status`), in bytes.
pub(crate) fn resident_bytes() -> Result<u64, Error> {
    let status = std::fs::read_to_string("/proc/self/status")?;
    let kb = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .ok_or("no VmRSS in /proc/self/status")?;
    Ok(kb * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_resident_memory() {
        let rss = resident_bytes().unwrap();
        assert!(rss > 1024 * 1024, "{rss}");
    }

    #[test]
    fn the_early_memory_is_read_after_a_tenth_of_the_edits_and_at_least_one() {
        assert_eq!([0, 2, 9, 10, 500].map(early_edits), [0, 1, 1, 1, 50]);
    }

    #[test]
    fn measures_edits_on_a_small_site() {
        let (_dir, root) = crate::site::small_site(30);
        let plan = Plan {
            edits: 4,
            // Fewer than ten: the early figure is still read (after one).
            memory_edits: 3,
            template_edits: 1,
        };
        let f = measure(&root, &plan).unwrap();
        assert_eq!(
            (f.body.len(), f.front_matter.len(), f.template.len()),
            (2, 2, 1)
        );
        assert_eq!(f.rendered.0, 1);
        assert!(
            f.rendered.1 >= 2,
            "the page and its section: {:?}",
            f.rendered
        );
        assert_eq!(f.meeting.len(), 2);
        assert!(f.meeting_rendered >= 2, "{}", f.meeting_rendered);
        assert!(f.template_rendered >= 1);
        assert!(f.rss_early > 0 && f.rss_late > 0);
        assert!(!root.join("templates").exists());
    }
}

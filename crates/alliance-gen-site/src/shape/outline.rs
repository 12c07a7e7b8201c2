//! The headings of each page, chosen before any page is written so that links
//! can name them: the parts a page of its kind has, then prose sections drawn
//! from the common headings, never two with the same anchor.

use std::collections::BTreeSet;

use super::{Block, Item, Part, Site};
use crate::names::anchor;
use crate::rng::Rng;
use crate::vocab::{HEADINGS, SUBHEADINGS};

/// The parts of page `index` and about how many words its body should have.
pub(super) fn outline(site: &Site, index: usize, rng: &mut Rng) -> (Vec<Part>, usize) {
    let page = &site.pages[index];
    let p = page.partnership.map(|i| &site.partnerships[i]);
    let words = match page.item {
        Item::Home | Item::Section => rng.range(350, 600),
        _ => rng.range(350, 1340),
    };
    let part = |heading: &str, block| Part {
        heading: heading.to_owned(),
        subheadings: Vec::new(),
        block,
    };
    let mut parts = match (&page.item, p) {
        (Item::Home, _) => vec![part("Partnerships in the directory", Block::Directory)],
        (Item::Group(_), _) => vec![
            part("Our priorities", Block::GroupPriorities),
            part("Membership", Block::GroupMembers),
        ],
        (Item::Organisation(_), _) => vec![
            part("Our part in the partnership", Block::Prose),
            part("Contact details", Block::Contact),
        ],
        (Item::Meeting(m), Some(p)) => {
            let mut parts = vec![
                part("About this meeting", Block::MeetingFacts),
                part("Agenda", Block::Agenda),
            ];
            if !p.meetings[*m].papers.is_empty() {
                parts.push(part("Papers", Block::Papers));
            }
            parts.push(part("Public questions", Block::Prose));
            parts
        }
        (Item::Document { .. }, _) => vec![
            part("Summary", Block::Prose),
            part("Download", Block::Download),
        ],
        (Item::Strategy, Some(p)) => {
            let mut parts = vec![part("Our vision", Block::Vision)];
            for (i, priority) in p.strategy.priorities.iter().enumerate() {
                parts.push(Part {
                    heading: priority.title.to_owned(),
                    subheadings: vec![format!(
                        "Measuring progress: {}",
                        priority.title.to_lowercase()
                    )],
                    block: Block::Indicators(i),
                });
            }
            parts
        }
        (Item::Structure, _) => vec![
            part("Our groups", Block::GroupTree),
            part("How decisions are made", Block::Prose),
        ],
        _ => Vec::new(),
    };
    let mut used: BTreeSet<String> = parts
        .iter()
        .flat_map(|p| std::iter::once(&p.heading).chain(&p.subheadings))
        .map(|h| anchor(h))
        .collect();
    let mut fresh = |rng: &mut Rng, pool: &[&str]| -> Option<String> {
        for i in rng.sample(pool.len(), pool.len()) {
            if used.insert(anchor(pool[i])) {
                return Some(pool[i].to_owned());
            }
        }
        None
    };
    let total = (words / 220).clamp(2, 7);
    while parts.len() < total {
        let Some(heading) = fresh(rng, HEADINGS) else {
            break;
        };
        let mut subheadings = Vec::new();
        if rng.chance(35) {
            for _ in 0..rng.range(1, 2) {
                subheadings.extend(fresh(rng, SUBHEADINGS));
            }
        }
        parts.push(Part {
            heading,
            subheadings,
            block: Block::Prose,
        });
    }
    (parts, words)
}

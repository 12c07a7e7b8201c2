//! Long lists split into pages. A section shown with the plain section
//! template lists its publications, else its past meetings, else its pages
//! (news...); when that list is longer than `[pagination] per_page`, page 1
//! is the section's own address and pages 2, 3... are `PATH/page/N/`, each a
//! rendered page of its own (in the sitemap, with its own canonical link), but
//! not a page of the site: the A to Z and the search index know only page 1.

use std::ops::Range;

use serde::Serialize;

use crate::content::Content;
use crate::load::site::{PageId, Site};
use crate::render::renders;
use crate::render::views::{MeetingLists, PublicationView, Views};
use crate::render::words::Words;

/// Which of a section's lists is split into pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum List {
    /// Its documents, newest first.
    Publications,
    /// Its past meetings, newest first (the upcoming ones are on page 1 only).
    PastMeetings,
    /// Its pages, in their order (news: newest first), with the news filed in
    /// its sub-sections ([`crate::model::Model::listed`]).
    Pages,
}

/// A section's list and how it is split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Paged {
    /// The list.
    pub(crate) list: List,
    /// How many items it has.
    pub(crate) len: usize,
    /// How many items a page shows.
    pub(crate) per_page: usize,
}

impl Paged {
    /// The list a page splits, if it is a plain section (`plain_section`),
    /// from the lists its template is given.
    pub(crate) fn from_lists(
        content: &Content,
        id: PageId,
        directory: bool,
        meetings: Option<&MeetingLists<'_>>,
        publications: Option<&[PublicationView<'_>]>,
    ) -> Option<Paged> {
        let site = &content.site;
        if !plain_section(site, id) {
            return None;
        }
        let (list, len) = match (publications, meetings) {
            (Some(docs), _) if !docs.is_empty() => (List::Publications, docs.len()),
            (_, Some(meetings)) => (List::PastMeetings, meetings.past_count()),
            _ if directory => return None,
            _ => (List::Pages, content.model.listed(site, id).len()),
        };
        Some(Paged {
            list,
            len,
            per_page: site.config.pagination.per_page.max(1),
        })
    }

    /// The list of page `id`, if it has one to split.
    pub(crate) fn of(content: &Content, id: PageId) -> Option<Paged> {
        let site = &content.site;
        if !plain_section(site, id) || !renders(content, id) {
            return None;
        }
        // Only the lists' lengths are read here, so no language's words.
        let words = Words::default();
        let views = Views::new(content, &words);
        Paged::from_lists(
            content,
            id,
            views.directory(&site.pages[id].children).is_some(),
            views.section_meetings(id).as_ref(),
            views.section_publications(id).as_deref(),
        )
    }

    /// How many pages the list takes: at least one, even when it is empty.
    pub(crate) fn pages(&self) -> usize {
        self.len.div_ceil(self.per_page).max(1)
    }

    /// The items page `number` (from 1) shows.
    pub(crate) fn range(&self, number: usize) -> Range<usize> {
        let start = (number - 1) * self.per_page;
        start.min(self.len)..(start + self.per_page).min(self.len)
    }

    /// What the pagination partial shows on page `number` of the list at `path`.
    pub(crate) fn view(&self, path: &str, number: usize) -> PaginationView {
        let total = self.pages();
        let range = self.range(number);
        let link = |n: usize| (n >= 1 && n <= total).then(|| page_path(path, n));
        PaginationView {
            current: number,
            total,
            first_item: range.start + 1,
            last_item: range.end,
            items_total: self.len,
            previous: link(number - 1),
            next: link(number + 1),
            items: numbers(number, total)
                .into_iter()
                .map(|n| match n {
                    Some(n) => PageItem {
                        number: Some(n),
                        path: Some(page_path(path, n)),
                        current: n == number,
                        ellipsis: false,
                    },
                    None => PageItem {
                        number: None,
                        path: None,
                        current: false,
                        ellipsis: true,
                    },
                })
                .collect(),
        }
    }
}

/// Whether a page is a section shown with the plain section template: not
/// the home page, no `kind`, no `template` but `section.html`.
fn plain_section(site: &Site, id: PageId) -> bool {
    let page = &site.pages[id];
    page.is_section
        && id != site.home
        && page.front.kind.is_none()
        && page
            .front
            .template
            .as_deref()
            .is_none_or(|t| t == "section.html")
}

/// `page.pagination`: where a page of a list is, and the links to the others.
#[derive(Debug, Serialize)]
pub(crate) struct PaginationView {
    /// This page's number, from 1.
    pub(crate) current: usize,
    /// How many pages the list takes.
    pub(crate) total: usize,
    /// The position in the list of the first item shown, from 1.
    pub(crate) first_item: usize,
    /// The position of the last item shown.
    pub(crate) last_item: usize,
    /// How many items the whole list has.
    pub(crate) items_total: usize,
    /// The site path of the previous page, if there is one.
    pub(crate) previous: Option<String>,
    /// The site path of the next page, if there is one.
    pub(crate) next: Option<String>,
    /// The page numbers to offer, with ellipses for the ones left out.
    pub(crate) items: Vec<PageItem>,
}

/// A page number in the pagination, or an ellipsis.
#[derive(Debug, Serialize)]
pub(crate) struct PageItem {
    /// The page's number (none for an ellipsis).
    pub(crate) number: Option<usize>,
    /// Its site path (none for an ellipsis).
    pub(crate) path: Option<String>,
    /// Whether it is the page shown.
    pub(crate) current: bool,
    /// Whether this stands for page numbers left out.
    pub(crate) ellipsis: bool,
}

/// The site path of page `number` of the list at `path`: page 1 is the
/// section itself.
pub(crate) fn page_path(path: &str, number: usize) -> String {
    match number {
        1 => path.to_owned(),
        n => format!("{path}page/{n}/"),
    }
}

/// How many pages page `id` renders: its list's pages, one for any other page.
pub(crate) fn page_count(content: &Content, id: PageId) -> usize {
    Paged::of(content, id).map_or(1, |paged| paged.pages())
}

/// The site paths of a page's further list pages (2, 3...): none for most.
pub(crate) fn further_pages(content: &Content, id: PageId) -> Vec<String> {
    let path = &content.site.pages[id].path;
    (2..=page_count(content, id))
        .map(|n| page_path(path, n))
        .collect()
}

/// The page numbers shown on page `current` of `total`, as GOV.UK does: the
/// first, the last, the current one and its neighbours; a gap of one number
/// shows the number, a longer gap an ellipsis (`None`).
fn numbers(current: usize, total: usize) -> Vec<Option<usize>> {
    let mut shown = vec![1, current.saturating_sub(1), current, current + 1, total];
    shown.retain(|&n| n >= 1 && n <= total);
    shown.sort_unstable();
    shown.dedup();
    let mut out = Vec::new();
    let mut last = 0;
    for n in shown {
        match n - last {
            1 => {}
            2 => out.push(Some(n - 1)),
            _ => out.push(None),
        }
        out.push(Some(n));
        last = n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(current: usize, total: usize) -> String {
        numbers(current, total)
            .iter()
            .map(|n| n.map_or("…".to_owned(), |n| n.to_string()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn numbers_keep_the_ends_and_neighbours_and_elide_longer_gaps() {
        assert_eq!(shown(1, 1), "1");
        assert_eq!(shown(1, 2), "1 2");
        assert_eq!(shown(1, 3), "1 2 3");
        assert_eq!(shown(1, 5), "1 2 … 5");
        assert_eq!(shown(3, 5), "1 2 3 4 5");
        assert_eq!(shown(4, 5), "1 2 3 4 5");
        assert_eq!(shown(8, 15), "1 … 7 8 9 … 15");
        assert_eq!(shown(15, 15), "1 … 14 15");
        assert_eq!(shown(4, 15), "1 2 3 4 5 … 15");
    }

    #[test]
    fn pages_and_ranges_have_no_empty_page() {
        let paged = |len| Paged {
            list: List::Pages,
            len,
            per_page: 20,
        };
        assert_eq!(paged(0).pages(), 1);
        assert_eq!(paged(20).pages(), 1);
        assert_eq!(paged(21).pages(), 2);
        assert_eq!(paged(52).pages(), 3);
        assert_eq!(paged(52).range(3), 40..52);
        assert_eq!(paged(0).range(1), 0..0);
        let view = paged(52).view("news/", 2);
        assert_eq!(view.previous.as_deref(), Some("news/"));
        assert_eq!(view.next.as_deref(), Some("news/page/3/"));
        assert_eq!((view.first_item, view.last_item), (21, 40));
        let view = paged(52).view("news/", 3);
        assert_eq!(view.next, None);
    }
}

//! What templates see of the partnership: light, serialisable views of the
//! domain model (`page.group`, `page.organisation`, `get_group(id=...)`...).
//!
//! Views borrow from the [`Site`] and hold summaries of related pages (title,
//! path, a few facts), never whole pages, so a template context stays small
//! however big the partnership grows.

mod groups;
mod meetings;
mod strategy;
mod structure;

pub(crate) use groups::*;
pub(crate) use meetings::*;
pub(crate) use strategy::*;
pub(crate) use structure::*;

use serde::Serialize;

use crate::content::Content;
use crate::load::site::Site;
use crate::model::{GroupKind, Model, Sector};
use crate::render::words::Words;

/// An organisation as listed anywhere.
#[derive(Serialize)]
pub(crate) struct OrganisationView<'a> {
    /// Its id.
    pub(crate) id: &'a str,
    /// Its name.
    pub(crate) title: &'a str,
    /// Its page's site path.
    pub(crate) path: &'a str,
    /// `public`, `voluntary`...
    pub(crate) sector: Sector,
    /// "Voluntary and community".
    pub(crate) sector_label: &'a str,
    /// Its website.
    pub(crate) website: Option<&'a str>,
    /// Its email address.
    pub(crate) email: Option<&'a str>,
    /// Its postal address, a line per entry.
    pub(crate) address: &'a [String],
    /// Extra columns of its spreadsheet row, or its page's `extra`.
    pub(crate) extra: &'a toml::Table,
}

/// A group as linked to from elsewhere.
#[derive(Serialize, Clone, Copy)]
pub(crate) struct GroupLink<'a> {
    /// Its id.
    pub(crate) id: &'a str,
    /// Its name.
    pub(crate) title: &'a str,
    /// Its page's site path.
    pub(crate) path: &'a str,
    /// `executive`, `themed`...
    pub(crate) kind: GroupKind,
    /// "Themed partnership".
    pub(crate) kind_label: &'a str,
}

/// Builds views over one site.
pub(crate) struct Views<'a> {
    site: &'a Site,
    model: &'a Model,
    today: jiff::civil::Date,
    words: &'a Words,
}

impl<'a> Views<'a> {
    /// Views over a site's content, in the language of `words`.
    pub(crate) fn new(content: &'a Content, words: &'a Words) -> Self {
        Views {
            site: &content.site,
            model: &content.model,
            today: content.today,
            words,
        }
    }

    /// An organisation, by index.
    pub(crate) fn organisation(&self, o: usize) -> OrganisationView<'a> {
        let org = &self.model.organisations[o];
        let page = &self.site.pages[org.page];
        OrganisationView {
            id: &page.id,
            title: &page.front.title,
            path: &page.path,
            sector: org.sector,
            sector_label: self.words.get(org.sector.word_key()),
            website: org.website.as_deref(),
            email: org.email.as_deref(),
            address: &org.address,
            extra: &page.front.extra,
        }
    }

    /// An organisation's page facts, with the groups it sits on.
    pub(crate) fn organisation_page(&self, o: usize) -> OrganisationPage<'a> {
        OrganisationPage {
            org: self.organisation(o),
            seats: self.model.seats[o]
                .iter()
                .map(|seat| SeatView {
                    group: self.group_link(seat.group),
                    representative: seat.representative.as_deref(),
                    role: seat.role.as_deref(),
                    category_label: seat.category.map(|c| self.words.get(c.word_key())),
                    voting: seat.voting,
                    vacant: seat.vacant,
                })
                .collect(),
        }
    }

    /// A link to a group.
    pub(crate) fn group_link(&self, g: usize) -> GroupLink<'a> {
        let group = &self.model.groups[g];
        let page = &self.site.pages[group.page];
        GroupLink {
            id: &page.id,
            title: &page.front.title,
            path: &page.path,
            kind: group.kind,
            kind_label: self.words.get(group.kind.word_key()),
        }
    }
}

//! What a change reaches: the pages whose output shows facts of a changed page.

use std::collections::BTreeSet;

use crate::load::site::{PageId, Site};
use crate::model::{Entity, Model};

/// Adds the pages that show facts of page `id` (its title, dates, typed
/// facts), by the model before the change (if it was rebuilt) and after.
pub(super) fn described_by(
    site: &Site,
    models: &[&Model],
    id: PageId,
    affected: &mut BTreeSet<PageId>,
) {
    let page = &site.pages[id];
    let in_nav = id == site.home || (page.is_section && page.parent == Some(site.home));
    if in_nav {
        affected.extend(0..site.pages.len());
        return;
    }
    // A partnership of a directory and its sections are in the menu of
    // its pages.
    for model in models {
        let menu = std::iter::once(id)
            .chain(page.parent.filter(|_| page.is_section))
            .find(|&p| model.partnership_of(site, p) == Some(p));
        if let Some(partnership) = menu {
            let path = &site.pages[partnership].path;
            affected.extend(
                (0..site.pages.len()).filter(|&p| site.pages[p].path.starts_with(path.as_str())),
            );
        }
    }
    affected.insert(id);
    affected.extend(page.parent);
    if page.is_section {
        affected.extend(
            site.pages
                .iter()
                .enumerate()
                .filter(|(_, p)| p.path.starts_with(&page.path))
                .map(|(i, _)| i),
        );
    }
    for model in models {
        related(site, model, id, affected);
    }
}

/// Adds the pages the model shows page `id`'s facts on, per `model`.
fn related(site: &Site, model: &Model, id: PageId, affected: &mut BTreeSet<PageId>) {
    let structure_pages = || {
        model
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e, Entity::Structure))
            .map(|(i, _)| i)
    };
    let Some(entity) = model.entities.get(id) else {
        return;
    };
    match *entity {
        Entity::Organisation(o) => {
            affected.insert(site.home);
            affected.extend(structure_pages());
            for (g, group) in model.groups.iter().enumerate() {
                let chairs = group.chair.as_ref().and_then(|c| c.org) == Some(o);
                if chairs || group.members.iter().any(|m| m.org == Some(o)) {
                    affected.insert(model.groups[g].page);
                }
            }
        }
        Entity::Group(g) => {
            let group = &model.groups[g];
            affected.extend(structure_pages());
            affected.extend(
                group
                    .members
                    .iter()
                    .filter_map(|m| m.org.map(|o| model.organisations[o].page)),
            );
            if let Some(org) = group.chair.as_ref().and_then(|c| c.org) {
                affected.insert(model.organisations[org].page);
            }
            if let Some(parent) = group.reports_to {
                affected.insert(model.groups[parent].page);
            }
            affected.extend(model.subgroups[g].iter().map(|&s| model.groups[s].page));
            for &m in &model.group_meetings[g] {
                let meeting = model.meetings[m].page;
                affected.insert(meeting);
                affected.extend(site.ancestors(meeting));
            }
            for (strategy, _) in &model.leads[g] {
                affected.insert(model.strategies[*strategy].page);
            }
        }
        Entity::Meeting(m) => {
            let meeting = &model.meetings[m];
            affected.insert(model.groups[meeting.group].page);
            affected.extend(site.ancestors(meeting.page));
        }
        Entity::Strategy(s) => {
            let leads = model.strategies[s].priorities.iter().filter_map(|p| p.lead);
            affected.extend(leads.map(|g| model.groups[g].page));
        }
        Entity::Document(d) => affected.extend(site.ancestors(model.documents[d].page)),
        // The home page lists the latest news; every section above it lists it
        // too ([`Model::listed`]).
        Entity::News => {
            affected.insert(site.home);
            affected.extend(site.ancestors(id));
        }
        Entity::Structure | Entity::None => {}
    }
}

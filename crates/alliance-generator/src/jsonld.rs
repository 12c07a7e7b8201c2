//! Structured data for search engines and archives: schema.org JSON-LD in
//! every page's head.
//!
//! Every page carries a `BreadcrumbList` and the partnership as an
//! `Organization`; the home page and members directories list its `member`s;
//! organisation pages describe the organisation (`GovernmentOrganization` for
//! the public sector, police and fire), group pages the group with its
//! members' roles, meeting pages an `Event`, document pages a `DigitalDocument`.

use serde_json::{Value, json};

use crate::model::{Entity, MeetingStatus};
use crate::site::{PageId, Site};

/// The `<script type="application/ld+json">` body for a page.
pub fn for_page(site: &Site, id: PageId) -> String {
    let mut graph = vec![breadcrumbs(site, id), partnership(site, id)];
    let entity = site.model.entities.get(id).copied().unwrap_or_default();
    match entity {
        Entity::Organisation(o) => graph.push(organisation(site, o, true)),
        Entity::Group(g) => graph.push(group(site, g)),
        Entity::Meeting(m) => graph.push(meeting(site, m)),
        Entity::Document(d) => graph.push(document(site, d, id)),
        _ => {}
    }
    script_safe_json(&json!({ "@context": "https://schema.org", "@graph": graph }))
}

/// JSON that can sit inside a `<script>` element.
pub fn script_safe_json(value: &Value) -> String {
    value.to_string().replace("</", "<\\/")
}

fn url(site: &Site, id: PageId) -> String {
    site.config.absolute_url(&site.pages[id].path)
}

fn partnership_id(site: &Site) -> String {
    format!("{}/#partnership", site.config.base_url)
}

fn breadcrumbs(site: &Site, id: PageId) -> Value {
    let items: Vec<Value> = site
        .ancestors(id)
        .into_iter()
        .chain(std::iter::once(id))
        .enumerate()
        .map(|(i, p)| {
            json!({
                "@type": "ListItem",
                "position": i + 1,
                "name": site.pages[p].front.title,
                "item": url(site, p),
            })
        })
        .collect();
    json!({ "@type": "BreadcrumbList", "itemListElement": items })
}

/// The partnership; with its members on the home page and member directories.
fn partnership(site: &Site, id: PageId) -> Value {
    let config = &site.config;
    let mut value = json!({
        "@type": "Organization",
        "@id": partnership_id(site),
        "name": config.partnership.name,
        "url": format!("{}/", config.base_url),
    });
    if !config.description.is_empty() {
        value["description"] = json!(config.description);
    }
    if !config.contact.email.is_empty() {
        value["email"] = json!(config.contact.email);
    }
    if !config.contact.phone.is_empty() {
        value["telephone"] = json!(config.contact.phone);
    }
    if !config.partnership.area.is_empty() {
        value["areaServed"] = json!(config.partnership.area);
    }
    let lists_members = id == site.home
        || site.pages[id]
            .children
            .iter()
            .any(|&c| matches!(site.model.entities[c], Entity::Organisation(_)));
    if lists_members && !site.model.organisations.is_empty() {
        let members: Vec<Value> = (0..site.model.organisations.len())
            .map(|o| organisation(site, o, false))
            .collect();
        value["member"] = json!(members);
    }
    value
}

fn organisation(site: &Site, o: usize, full: bool) -> Value {
    let org = &site.model.organisations[o];
    let page = &site.pages[org.page];
    let kind = if org.sector.is_government() {
        "GovernmentOrganization"
    } else {
        "Organization"
    };
    let mut value = json!({
        "@type": kind,
        "@id": format!("{}#organisation", url(site, org.page)),
        "name": page.front.title,
        "url": org.website.clone().unwrap_or_else(|| url(site, org.page)),
    });
    if !full {
        return value;
    }
    if let Some(email) = &org.email {
        value["email"] = json!(email);
    }
    if !org.address.is_empty() {
        value["address"] = json!(org.address.join(", "));
    }
    let member_of: Vec<Value> = site.model.seats[o]
        .iter()
        .map(|seat| {
            let group = &site.model.groups[seat.group];
            let mut role = json!({
                "@type": "OrganizationRole",
                "memberOf": {
                    "@type": "Organization",
                    "@id": format!("{}#group", url(site, group.page)),
                    "name": site.pages[group.page].front.title,
                },
            });
            if let Some(name) = &seat.role {
                role["roleName"] = json!(name);
            }
            role
        })
        .chain(std::iter::once(json!({ "@id": partnership_id(site) })))
        .collect();
    value["memberOf"] = json!(member_of);
    value
}

fn group(site: &Site, g: usize) -> Value {
    let group = &site.model.groups[g];
    let parent = match group.reports_to {
        Some(p) => json!({ "@id": format!("{}#group", url(site, site.model.groups[p].page)) }),
        None => json!({ "@id": partnership_id(site) }),
    };
    let members: Vec<Value> = group
        .members
        .iter()
        .map(|m| {
            let mut role = json!({
                "@type": "OrganizationRole",
                "member": organisation(site, m.org, false),
            });
            if let Some(name) = &m.role {
                role["roleName"] = json!(name);
            }
            role
        })
        .collect();
    let subs: Vec<Value> = site.model.subgroups[g]
        .iter()
        .map(|&s| json!({ "@id": format!("{}#group", url(site, site.model.groups[s].page)) }))
        .collect();
    let mut value = json!({
        "@type": "Organization",
        "@id": format!("{}#group", url(site, group.page)),
        "name": site.pages[group.page].front.title,
        "url": url(site, group.page),
        "parentOrganization": parent,
    });
    if !members.is_empty() {
        value["member"] = json!(members);
    }
    if !subs.is_empty() {
        value["subOrganization"] = json!(subs);
    }
    if let Some(description) = &site.pages[group.page].front.description {
        value["description"] = json!(description);
    }
    value
}

fn meeting(site: &Site, m: usize) -> Value {
    let meeting = &site.model.meetings[m];
    let group = &site.model.groups[meeting.group];
    let zone = site.config.time_zone();
    let instant = |at: &crate::date::SiteDate| {
        let local = at
            .date
            .to_datetime(at.time.unwrap_or(jiff::civil::Time::midnight()));
        zone.to_ambiguous_zoned(local)
            .compatible()
            .map(|z| z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
            .unwrap_or_else(|_| at.to_string())
    };
    let status = match meeting.status {
        MeetingStatus::Cancelled => "https://schema.org/EventCancelled",
        _ => "https://schema.org/EventScheduled",
    };
    let mut value = json!({
        "@type": "Event",
        "name": site.pages[meeting.page].front.title,
        "url": url(site, meeting.page),
        "startDate": instant(&meeting.start),
        "eventStatus": status,
        "organizer": {
            "@type": "Organization",
            "@id": format!("{}#group", url(site, group.page)),
            "name": site.pages[group.page].front.title,
            "url": url(site, group.page),
        },
    });
    if let Some(end) = &meeting.end {
        value["endDate"] = json!(instant(end));
    }
    if let Some(location) = &meeting.location {
        value["location"] = json!({ "@type": "Place", "name": location });
    }
    value
}

fn document(site: &Site, d: usize, id: PageId) -> Value {
    let document = &site.model.documents[d];
    let page = &site.pages[id];
    let mut value = json!({
        "@type": "DigitalDocument",
        "name": page.front.title,
        "url": site.config.absolute_url(&document.file.path),
        "encodingFormat": document.file.media_type,
        "contentSize": document.file.size,
        "publisher": { "@id": partnership_id(site) },
    });
    if let Some(published) = &document.published {
        value["datePublished"] = json!(published.iso_date());
    }
    if let Some(description) = &page.front.description {
        value["description"] = json!(description);
    }
    value
}

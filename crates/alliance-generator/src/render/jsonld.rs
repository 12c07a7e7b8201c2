//! Structured data for search engines and archives: schema.org JSON-LD in
//! every page's head.
//!
//! Every page carries a `BreadcrumbList` and the partnership as an
//! `Organization`; the home page and members directories list its `member`s;
//! organisation pages describe the organisation (`GovernmentOrganization` for
//! the public sector, police and fire), group pages the group with its
//! members' roles, meeting pages an `Event`, document pages a `DigitalDocument`.

use std::sync::OnceLock;

use serde::Serialize;
use serde_json::{Value, json};

use crate::content::Content;
use crate::load::site::{PageId, Site};
use crate::model::{AttendanceMode, Entity, MeetingStatus, SeatCategory};

/// The structured data of one build's pages. What many pages share (the
/// partnership, and the partnership with all its members, which the home
/// page and every members directory carry) is made once, not once a page;
/// on a directory of partnerships each members directory lists its own.
pub(crate) struct JsonLd<'a> {
    content: &'a Content,
    partnership: Value,
    with_members: OnceLock<Value>,
}

/// A page's JSON-LD document, borrowing the shared parts.
#[derive(Serialize)]
struct Document<'v> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@graph")]
    graph: Vec<&'v Value>,
}

impl<'a> JsonLd<'a> {
    /// Prepares the structured data of a site's pages.
    pub(crate) fn new(content: &'a Content) -> JsonLd<'a> {
        JsonLd {
            content,
            partnership: partnership(&content.site),
            with_members: OnceLock::new(),
        }
    }

    /// The `<script type="application/ld+json">` body for a page.
    pub(crate) fn for_page(&self, id: PageId) -> String {
        let content = self.content;
        let site = &content.site;
        let crumbs = breadcrumbs(site, id);
        let children = || {
            site.pages[id]
                .children
                .iter()
                .filter_map(|&c| match content.model.entities[c] {
                    Entity::Organisation(o) => Some(o),
                    _ => None,
                })
        };
        let lists_members = id == site.home || children().next().is_some();
        // A directory of partnerships is too large to list every member on
        // every members directory: each lists its own, the home page none.
        let own_members = content.model.is_directory().then(|| {
            let members: Vec<usize> = children().collect();
            (!members.is_empty()).then(|| with_members(content, self.partnership.clone(), members))
        });
        let partnership = match &own_members {
            Some(Some(own)) => own,
            Some(None) => &self.partnership,
            None if lists_members && !content.model.organisations.is_empty() => {
                self.with_members.get_or_init(|| {
                    let all = 0..content.model.organisations.len();
                    with_members(content, self.partnership.clone(), all)
                })
            }
            None => &self.partnership,
        };
        let entity = match content.model.entities.get(id).copied().unwrap_or_default() {
            Entity::Organisation(o) => Some(organisation(content, o, true)),
            Entity::Group(g) => Some(group(content, g)),
            Entity::Meeting(m) => Some(meeting(content, m)),
            Entity::Document(d) => Some(document(content, d, id)),
            _ => None,
        };
        let page = &site.pages[id];
        let web_page = web_page(site, &page.path, &page.front.title);
        let graph = [&crumbs, partnership]
            .into_iter()
            .chain(&entity)
            .chain(&web_page)
            .collect();
        let document = Document {
            context: "https://schema.org",
            graph,
        };
        script_safe(serde_json::to_string(&document).unwrap_or_default())
    }
}

/// The structured data of a page the build makes itself (the A to Z, the
/// accessibility statement, the 404 page): where it sits, and the partnership.
pub(crate) fn generated_page(site: &Site, path: &str, title: &str) -> String {
    let home = &site.pages[site.home];
    let crumbs = json!({
        "@type": "BreadcrumbList",
        "itemListElement": [
            { "@type": "ListItem", "position": 1, "name": home.front.title, "item": url(site, site.home) },
            { "@type": "ListItem", "position": 2, "name": title, "item": site.config.absolute_url(path) },
        ],
    });
    let partnership = partnership(site);
    let web_page = web_page(site, path, title);
    let document = Document {
        context: "https://schema.org",
        graph: [&crumbs, &partnership]
            .into_iter()
            .chain(&web_page)
            .collect(),
    };
    script_safe(serde_json::to_string(&document).unwrap_or_default())
}

/// For a site in several languages, the page itself with its language
/// (`inLanguage`); nothing for a site in one.
fn web_page(site: &Site, path: &str, title: &str) -> Option<Value> {
    (!site.languages.list.is_empty()).then(|| {
        json!({
            "@type": "WebPage",
            "url": site.config.absolute_url(path),
            "name": title,
            "inLanguage": site.config.language,
        })
    })
}

/// Serialised JSON made safe to sit inside a `<script>` element.
fn script_safe(json: String) -> String {
    if json.contains("</") {
        json.replace("</", "<\\/")
    } else {
        json
    }
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
    json!({ "@type": "BreadcrumbList", "itemListElement": Value::Array(items) })
}

/// The partnership, as every page describes it.
fn partnership(site: &Site) -> Value {
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
    if let (Some(_), Some(closed)) = (config.closed_on(), &config.partnership.closed) {
        value["dissolutionDate"] = json!(closed.iso_date());
    }
    value
}

/// The partnership with member organisations `members`, as the home page
/// and members directories describe it.
fn with_members(
    content: &Content,
    mut partnership: Value,
    members: impl IntoIterator<Item = usize>,
) -> Value {
    let members: Vec<Value> = members
        .into_iter()
        .map(|o| organisation(content, o, false))
        .collect();
    partnership["member"] = Value::Array(members);
    partnership
}

fn organisation(content: &Content, o: usize, full: bool) -> Value {
    let site = &content.site;
    let org = &content.model.organisations[o];
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
    let member_of: Vec<Value> = content.model.seats[o]
        .iter()
        .map(|seat| {
            let group = &content.model.groups[seat.group];
            let mut role = json!({
                "@type": "OrganizationRole",
                "memberOf": {
                    "@type": "Organization",
                    "@id": format!("{}#group", url(site, group.page)),
                    "name": site.pages[group.page].front.title,
                },
            });
            if let Some(name) = role_name(seat.role.as_deref(), seat.category) {
                role["roleName"] = json!(name);
            }
            role
        })
        .chain(std::iter::once(json!({ "@id": partnership_id(site) })))
        .collect();
    value["memberOf"] = Value::Array(member_of);
    value
}

fn group(content: &Content, g: usize) -> Value {
    let site = &content.site;
    let group = &content.model.groups[g];
    let parent = match group.reports_to {
        Some(p) => json!({ "@id": format!("{}#group", url(site, content.model.groups[p].page)) }),
        None => json!({ "@id": partnership_id(site) }),
    };
    let members: Vec<Value> = group
        .members
        .iter()
        .filter_map(|m| {
            let mut role = json!({
                "@type": "OrganizationRole",
                "member": organisation(content, m.filled_by()?, false),
            });
            if let Some(name) = role_name(m.role.as_deref(), m.category) {
                role["roleName"] = json!(name);
            }
            Some(role)
        })
        .collect();
    let subs: Vec<Value> = content.model.subgroups[g]
        .iter()
        .map(|&s| json!({ "@id": format!("{}#group", url(site, content.model.groups[s].page)) }))
        .collect();
    let mut value = json!({
        "@type": "Organization",
        "@id": format!("{}#group", url(site, group.page)),
        "name": site.pages[group.page].front.title,
        "url": url(site, group.page),
        "parentOrganization": parent,
    });
    if !members.is_empty() {
        value["member"] = Value::Array(members);
    }
    if !subs.is_empty() {
        value["subOrganization"] = Value::Array(subs);
    }
    if let Some(description) = &site.pages[group.page].front.description {
        value["description"] = json!(description);
    }
    value
}

/// A seat's `roleName`: its role as written, else its kind of seat in words.
fn role_name(role: Option<&str>, category: Option<SeatCategory>) -> Option<&str> {
    role.or(category.map(SeatCategory::label))
}

fn meeting(content: &Content, m: usize) -> Value {
    let site = &content.site;
    let meeting = &content.model.meetings[m];
    let group = &content.model.groups[meeting.group];
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
    let not_held = site
        .config
        .closed_on()
        .is_some_and(|c| meeting.start.date > c);
    let status = match meeting.status {
        _ if not_held => "https://schema.org/EventCancelled",
        MeetingStatus::Cancelled => "https://schema.org/EventCancelled",
        MeetingStatus::Postponed => "https://schema.org/EventPostponed",
        MeetingStatus::Rescheduled => "https://schema.org/EventRescheduled",
        MeetingStatus::Scheduled | MeetingStatus::Held => "https://schema.org/EventScheduled",
    };
    let mode = match meeting.attendance_mode {
        AttendanceMode::InPerson => "https://schema.org/OfflineEventAttendanceMode",
        AttendanceMode::Online => "https://schema.org/OnlineEventAttendanceMode",
        AttendanceMode::Hybrid => "https://schema.org/MixedEventAttendanceMode",
    };
    let mut value = json!({
        "@type": "Event",
        "name": site.pages[meeting.page].front.title,
        "url": url(site, meeting.page),
        "startDate": instant(&meeting.start),
        "eventStatus": status,
        "eventAttendanceMode": mode,
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
    if let Some(previous) = &meeting.previous_start {
        value["previousStartDate"] = json!(instant(previous));
    }
    let place = meeting
        .location
        .as_ref()
        .map(|location| json!({ "@type": "Place", "name": location }));
    let virtual_location = match meeting.attendance_mode {
        AttendanceMode::InPerson => None,
        _ => Some(match &meeting.online_url {
            Some(url) => json!({ "@type": "VirtualLocation", "url": url }),
            None => json!({ "@type": "VirtualLocation" }),
        }),
    };
    match (meeting.attendance_mode, place, virtual_location) {
        (AttendanceMode::Hybrid, Some(place), Some(online)) => {
            value["location"] = json!([place, online]);
        }
        (AttendanceMode::Online, _, Some(online)) | (_, None, Some(online)) => {
            value["location"] = online;
        }
        (_, Some(place), _) => value["location"] = place,
        (_, None, None) => {}
    }
    value
}

fn document(content: &Content, d: usize, id: PageId) -> Value {
    let site = &content.site;
    let document = &content.model.documents[d];
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

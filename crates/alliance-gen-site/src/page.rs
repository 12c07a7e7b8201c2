//! One page's Markdown: front matter from the plan, then a body of prose
//! around the page's structured parts, with about three `@/` links to other
//! pages (some to a heading on them).

use crate::frontmatter::{FrontMatter, inline, quote};
use crate::names::anchor;
use crate::prose::Writer;
use crate::rng::Rng;
use crate::shape::{Block, Item, Page, Partnership, Site};
use crate::vocab::{AGENDA_ITEMS, LINK_SENTENCES};

/// The Markdown file of page `index`, deterministic from the seed.
pub fn markdown(site: &Site, index: usize, seed: u64) -> String {
    let page = &site.pages[index];
    let p = page.partnership.map(|i| &site.partnerships[i]);
    let mut rng = Rng::new(seed, 1 + index as u64);
    let mut links = links(site, index, &mut rng);
    let mut w = Writer::new(rng, p);
    w.paragraph(links.pop());
    let parts = page.outline.len();
    for (k, part) in page.outline.iter().enumerate() {
        let budget = page.words.saturating_sub(w.words()) / (parts - k);
        let share = budget / (part.subheadings.len() + 1);
        w.heading(2, &part.heading);
        block(site, page, p, part.block, &mut w);
        w.prose(share, &mut links);
        for sub in &part.subheadings {
            w.heading(3, sub);
            w.prose(share, &mut links);
        }
    }
    if !links.is_empty() {
        links.reverse();
        w.text(&links.join(" "));
    }
    front_matter(site, page) + &w.finish()
}

/// Two to four sentences, each carrying a link to another page of the same
/// partnership (now and then of another), a third of them to a heading.
fn links(site: &Site, index: usize, rng: &mut Rng) -> Vec<String> {
    let page = &site.pages[index];
    let own = page
        .partnership
        .map_or(0..site.pages.len(), |i| site.partnerships[i].pages.clone());
    let want = rng.range(2, 4);
    let mut targets: Vec<usize> = Vec::with_capacity(want);
    for _ in 0..want * 4 {
        let pool = if rng.chance(90) {
            own.clone()
        } else {
            0..site.pages.len()
        };
        let t = pool.start + rng.below(pool.len());
        if t != index && !targets.contains(&t) {
            targets.push(t);
        }
        if targets.len() == want {
            break;
        }
    }
    targets
        .into_iter()
        .map(|t| {
            let target = &site.pages[t];
            let mut text = target.title.clone();
            if let Some(tp) = target
                .partnership
                .filter(|&tp| Some(tp) != page.partnership || matches!(target.item, Item::Section))
            {
                let name = &site.partnerships[tp].name;
                if &target.title != name {
                    text = format!("{text}, {name}");
                }
            }
            let mut url = format!("@/{}", target.path);
            if !target.outline.is_empty() && rng.chance(35) {
                let part = rng.pick(&target.outline);
                let heading = if part.subheadings.is_empty() || rng.chance(50) {
                    &part.heading
                } else {
                    rng.pick(&part.subheadings)
                };
                text = format!("{heading} ({text})");
                url = format!("{url}#{}", anchor(heading));
            }
            rng.pick(LINK_SENTENCES)
                .replace("{link}", &format!("[{text}]({url})"))
        })
        .collect()
}

fn front_matter(site: &Site, page: &Page) -> String {
    let mut fm = FrontMatter::default();
    fm.string("title", &page.title);
    if let Some(d) = &page.description {
        fm.string("description", d);
    }
    if let Some(d) = page.date {
        fm.bare("date", d);
    }
    if let Some(d) = page.reviewed {
        fm.bare("reviewed", d);
    }
    fm.string("owner", page.owner);
    if let Some(w) = page.weight {
        fm.bare("weight", w);
    }
    let Some(p) = page.partnership.map(|i| &site.partnerships[i]) else {
        return fm.finish();
    };
    match &page.item {
        Item::Home | Item::Section | Item::Plain => {}
        Item::Organisation(o) => {
            let org = &p.orgs[*o];
            fm.string("kind", "organisation");
            fm.string("sector", org.sector);
            fm.string("website", &org.website);
            fm.string("email", &org.email);
            fm.string("address", &org.address);
        }
        Item::Group(g) => group_keys(&mut fm, p, *g),
        Item::Meeting(m) => {
            let meeting = &p.meetings[*m];
            let (h, min) = meeting.start;
            let end = h * 60 + min + meeting.minutes;
            fm.string("kind", "meeting");
            fm.string("group", &p.groups[meeting.group].id);
            fm.bare("start", format!("{}T{h:02}:{min:02}:00", meeting.day));
            fm.bare(
                "end",
                format!("{}T{:02}:{:02}:00", meeting.day, end / 60, end % 60),
            );
            fm.string("location", &meeting.location);
            fm.string("status", meeting.status);
            let papers: Vec<String> = meeting
                .papers
                .iter()
                .map(|paper| {
                    inline(&[
                        ("title", quote(&paper.title)),
                        ("file", quote(&paper.file)),
                        ("kind", quote(paper.kind)),
                    ])
                })
                .collect();
            fm.array("papers", &papers);
        }
        Item::News => fm.string("kind", "news"),
        Item::Document { file, published } => {
            fm.string("kind", "document");
            fm.string("file", file);
            fm.bare("published", published);
        }
        Item::Strategy => strategy_keys(&mut fm, p),
        Item::Structure => fm.string("kind", "structure"),
    }
    fm.finish()
}

fn group_keys(fm: &mut FrontMatter, p: &Partnership, g: usize) {
    let group = &p.groups[g];
    fm.string("kind", "group");
    fm.string("group", group.kind);
    if let Some(r) = group.reports_to {
        fm.string("reports_to", &p.groups[r].id);
    }
    let chair = &group.members[0];
    fm.bare(
        "chair",
        inline(&[
            ("name", quote(&chair.representative)),
            ("org", quote(&p.orgs[chair.org].id)),
        ]),
    );
    let members: Vec<String> = group
        .members
        .iter()
        .map(|m| {
            inline(&[
                ("org", quote(&p.orgs[m.org].id)),
                ("representative", quote(&m.representative)),
                ("role", quote(m.role)),
            ])
        })
        .collect();
    fm.array("members", &members);
    fm.strings("priorities", &group.priorities);
    fm.strings("achievements", &group.achievements);
    fm.strings("approach", &group.approach);
}

fn strategy_keys(fm: &mut FrontMatter, p: &Partnership) {
    let s = &p.strategy;
    fm.string("kind", "strategy");
    fm.string("period", &format!("{}–{}", s.period.0, s.period.1));
    fm.string("vision", &s.vision);
    for priority in &s.priorities {
        fm.table_header("priorities");
        fm.string("id", &priority.id);
        fm.string("title", priority.title);
        fm.string("summary", priority.summary);
        fm.string("lead", &p.groups[priority.lead].id);
        for ind in &priority.indicators {
            fm.table_header("priorities.indicators");
            fm.string("name", ind.name);
            fm.string("unit", ind.unit);
            fm.bare("baseline", format!("{:.1}", ind.baseline));
            fm.bare("target", format!("{:.1}", ind.target));
            let values: Vec<String> = ind
                .values
                .iter()
                .map(|(year, value)| {
                    inline(&[("year", year.to_string()), ("value", format!("{value:.1}"))])
                })
                .collect();
            fm.bare("values", format!("[{}]", values.join(", ")));
        }
    }
}

/// The structured content of a part, before its prose.
fn block(site: &Site, page: &Page, p: Option<&Partnership>, block: Block, w: &mut Writer<'_>) {
    let Some(p) = p else {
        if block == Block::Directory {
            w.bullets(site.partnerships.iter().map(|p| {
                format!(
                    "[{}](@/{}/_index.md): the {} for {}, {}",
                    p.name, p.slug, p.kind, p.area, p.county
                )
            }));
        }
        return;
    };
    match (block, &page.item) {
        (Block::GroupTree, _) => {
            w.text(&format!(
                "These are the groups of {} and who each reports to.",
                p.the_short
            ));
            let mut items = Vec::new();
            tree(p, 0, 0, &mut items);
            w.list(items);
        }
        (Block::GroupPriorities, Item::Group(g)) => {
            let group = &p.groups[*g];
            w.text(&format!("The {} has agreed these priorities:", group.name));
            w.bullets(group.priorities.iter().cloned());
        }
        (Block::GroupMembers, Item::Group(g)) => {
            let group = &p.groups[*g];
            let rows: Vec<Vec<String>> = group
                .members
                .iter()
                .map(|m| {
                    let org = &p.orgs[m.org];
                    vec![
                        org.name.clone(),
                        org.sector.to_owned(),
                        m.representative.clone(),
                        m.role.to_owned(),
                    ]
                })
                .collect();
            w.text(&format!("The {} has {} seats.", group.name, rows.len()));
            w.table(&["Organisation", "Sector", "Representative", "Role"], &rows);
        }
        (Block::Contact, Item::Organisation(o)) => {
            let org = &p.orgs[*o];
            w.bullets([
                format!("Address: {}", org.address),
                format!("Telephone: {}", org.phone),
                format!("Email: [{}](mailto:{})", org.email, org.email),
                format!("Website: [{} website]({})", org.name, org.website),
            ]);
        }
        (Block::MeetingFacts, Item::Meeting(m)) => {
            let meeting = &p.meetings[*m];
            let (h, min) = meeting.start;
            let end = h * 60 + min + meeting.minutes;
            let status = match meeting.status {
                "held" => "this meeting has taken place",
                "cancelled" => "this meeting is cancelled",
                _ => "this meeting is scheduled",
            };
            w.bullets([
                format!("Date: {}", meeting.day.long()),
                format!("Time: {h:02}:{min:02} to {:02}:{:02}", end / 60, end % 60),
                format!("Place: {}", meeting.location),
                format!("Status: {status}"),
            ]);
        }
        (Block::Agenda, Item::Meeting(_)) => {
            let k = w.rng.range(2, 4);
            let mut items = vec![
                "Apologies for absence".to_owned(),
                "Declarations of interest".to_owned(),
                "Minutes of the last meeting and matters arising".to_owned(),
            ];
            for i in w.rng.sample(AGENDA_ITEMS.len(), k) {
                items.push(crate::prose::fill(&mut w.rng, p, AGENDA_ITEMS[i]));
            }
            items.push("Any other business".to_owned());
            items.push("Date of next meeting".to_owned());
            w.numbered(items);
        }
        (Block::Papers, Item::Meeting(m)) => {
            let meeting = &p.meetings[*m];
            let group = &p.groups[meeting.group].name;
            w.bullets(meeting.papers.iter().map(|paper| {
                format!(
                    "[{}, {group}, {} (PDF)]({})",
                    paper.title,
                    meeting.day.long(),
                    paper.file
                )
            }));
        }
        (Block::Download, Item::Document { file, .. }) => {
            let format = if file.ends_with(".pdf") {
                "PDF"
            } else {
                "Word document"
            };
            w.text(&format!("[Download {} ({format})]({file})", page.title));
        }
        (Block::Vision, _) => {
            w.text(&format!("The vision of {} is:", p.the_short));
            w.quote(&p.strategy.vision);
        }
        (Block::Indicators(i), _) => {
            let priority = &p.strategy.priorities[i];
            w.text(&format!(
                "{} This priority is led by the {}.",
                priority.summary, p.groups[priority.lead].name
            ));
            let rows: Vec<Vec<String>> = priority
                .indicators
                .iter()
                .map(|ind| {
                    let latest = ind.values.last().map_or(ind.baseline, |v| v.1);
                    vec![
                        ind.name.to_owned(),
                        ind.unit.to_owned(),
                        format!("{:.1}", ind.baseline),
                        format!("{:.1}", ind.target),
                        format!("{latest:.1}"),
                    ]
                })
                .collect();
            w.table(
                &["Indicator", "Unit", "Baseline", "Target", "Latest"],
                &rows,
            );
        }
        _ => {}
    }
}

/// The groups under `g`, depth first, as linked list items.
fn tree(p: &Partnership, g: usize, depth: usize, items: &mut Vec<(usize, String)>) {
    let group = &p.groups[g];
    items.push((
        depth,
        format!(
            "[{}](@/{}/groups/{}.md) ({})",
            group.name,
            p.slug,
            group.id,
            group.kind.replace('-', " ")
        ),
    ));
    for (child, _) in p
        .groups
        .iter()
        .enumerate()
        .filter(|(_, c)| c.reports_to == Some(g))
    {
        tree(p, child, depth + 1, items);
    }
}

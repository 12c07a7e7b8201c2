//! Search, made at build time from what the build already has: each page's
//! title, description, typed facts (a meeting's group and date, an
//! organisation's sector...) and the text of its rendered body. No page is
//! parsed again: the body's HTML is comrak's own, read once for its text and
//! the places of its headings.
//!
//! The output, for each language (`search/<key>/`, `en` for `en-GB`):
//! `meta.json` (the number of pages and the first word of each shard),
//! `t<n>.json` (words → stems → pages with scores), `p<n>.json` (the records
//! of [`index::CHUNK`] pages: address, title, section, text, headings), and
//! the search page `search/index.html`, whose script (`search.js`, in the
//! theme) fetches only the shards of the query's words and the chunks of the
//! results it shows.

pub(crate) mod index;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::content::Content;
use crate::diagnostic::Diagnostics;
use crate::load::site::{PageId, Site, Summary};
use crate::model::Entity;
use crate::output::Sink;
use crate::render::render_special;
use crate::render::site_files::put;
use crate::render::templates::Templates;
use crate::render::words::Words;
use index::{Field, Index, Language, PageWords, Vocabulary, json_string};

/// The theme's script of the box and the search page (not copied when search is off).
pub(crate) const SCRIPT: &str = "search.js";
/// At most this much of a page's text goes into its record, for excerpts.
const RECORD_TEXT: usize = 1500;

/// What the search page's template sees as `data`.
#[derive(Serialize)]
struct SearchPage<'a> {
    /// The folder of the index of the page's language, relative to the search page.
    index: String,
    /// The A to Z, relative to the search page.
    a_to_z: &'a str,
    /// The words search.js writes, as JSON, when they are not its own English ones.
    words: Option<String>,
}

/// The theme's words that search.js writes as it searches (it has the civic
/// theme's English ones built in).
const SCRIPT_WORDS: [&str; 9] = [
    "search_in",
    "search_sections_of",
    "search_searching",
    "search_more",
    "search_none",
    "search_count_one",
    "search_count_other",
    "search_unavailable",
    "a_to_z",
];

/// The words search.js is to write in a language, as JSON; `None` when they
/// are the theme's English ones, which the script has built in.
fn script_words(templates: &Templates, lang: &str) -> Option<String> {
    let (words, english) = (templates.words(lang), templates.lexicon().english());
    SCRIPT_WORDS
        .iter()
        .any(|&key| words.get(key) != english.get(key))
        .then(|| {
            let own: BTreeMap<&str, &str> =
                SCRIPT_WORDS.iter().map(|&k| (k, words.get(k))).collect();
            serde_json::to_string(&own).unwrap_or_default()
        })
}

/// Whether a site gets search: `[search] enabled`, the theme has the page's
/// template, and no content page is at its address.
pub(crate) fn enabled(site: &Site, templates: &Templates) -> bool {
    site.config.search.enabled
        && templates.has("search.html")
        && !site.by_path.contains_key(&site.config.generated.search)
}

/// The search page as the A to Z lists it, when the build makes it.
pub(crate) fn summary<'a>(site: &'a Site, templates: &'a Templates) -> Option<Summary<'a>> {
    let title = templates.words(&site.config.language).get("search");
    enabled(site, templates)
        .then(|| Summary::generated(title, &site.config.generated.search, "search"))
}

/// What the search index keeps between builds, for each language: every
/// word seen and each page's words and record. A build starts from an empty
/// one; the dev server keeps one in its `LiveSite` and forgets the pages an
/// edit reaches, so that only those are read again.
#[derive(Default)]
pub(crate) struct Cache {
    languages: BTreeMap<String, LanguageCache>,
}

/// One language's part of a [`Cache`].
struct LanguageCache {
    /// The pages of the language, in order: a page's place is its number in the index.
    ids: Vec<PageId>,
    /// Their words.
    index: Index,
    /// Their records (JSON), by place; `None` until read.
    records: Vec<Option<String>>,
}

impl Cache {
    /// Forgets what was read of these pages (they, or facts they show,
    /// changed): the next index reads them again.
    pub(crate) fn forget(&mut self, pages: impl IntoIterator<Item = PageId>) {
        for id in pages {
            for language in self.languages.values_mut() {
                if let Ok(n) = language.ids.binary_search(&id) {
                    language.index.forget(n);
                    language.records[n] = None;
                }
            }
        }
    }
}

/// Writes the search page and one index for each language of the site's
/// pages, reading only the pages `cache` does not hold.
pub(crate) fn write(
    content: &Content,
    templates: &Templates,
    cache: &mut Cache,
    sink: &dyn Sink,
    errors: &mut Diagnostics,
) {
    if !enabled(&content.site, templates) {
        return;
    }
    let site = &content.site;
    let language = Language::of(&site.config.language);
    let data = SearchPage {
        index: format!("{}/", language.key),
        a_to_z: &site.config.generated.a_to_z,
        words: script_words(templates, &site.config.language),
    };
    let title = templates.words(&site.config.language).get("search");
    match render_special(
        site,
        templates,
        "search.html",
        &site.config.generated.search,
        title,
        &data,
    ) {
        Ok(html) => put(
            sink,
            &format!("{}index.html", site.config.generated.search),
            html.into_bytes(),
            errors,
        ),
        Err(d) => errors.push(d),
    }
    // Pages by language; every page is in the site's language until pages
    // carry their own.
    let mut by_language: BTreeMap<String, (Language, Vec<PageId>)> = BTreeMap::new();
    for id in (0..site.pages.len()).filter(|&id| site.published(id)) {
        by_language
            .entry(language.key.clone())
            .or_insert_with(|| (language.clone(), Vec::new()))
            .1
            .push(id);
    }
    cache
        .languages
        .retain(|key, _| by_language.contains_key(key));
    for (key, (language, ids)) in by_language {
        let words = templates.words(&site.config.language);
        let cached = cache.languages.entry(key.clone());
        let cached = cached.or_insert_with(|| LanguageCache::new(language.clone(), &ids));
        if cached.ids != ids {
            *cached = LanguageCache::new(language, &ids);
        }
        for (name, bytes) in cached.files(content, words) {
            put(
                sink,
                &format!("{}{key}/{name}", site.config.generated.search),
                bytes,
                errors,
            );
        }
    }
}

impl LanguageCache {
    /// Nothing read yet of these pages.
    fn new(language: Language, ids: &[PageId]) -> LanguageCache {
        LanguageCache {
            ids: ids.to_vec(),
            index: Index::new(language, ids.len()),
            records: vec![None; ids.len()],
        }
    }

    /// The index files of the language's pages, by name, after reading the
    /// pages not held (in parallel); the facts the theme words (sectors,
    /// statuses, dates) in the language of `words`.
    fn files(&mut self, content: &Content, words: &Words) -> BTreeMap<String, Vec<u8>> {
        let vocabulary = self.index.vocabulary();
        let read: Vec<(usize, PageWords, String)> = self
            .index
            .missing()
            .into_par_iter()
            .map(|n| {
                let (page_words, record) = page(content, vocabulary, self.ids[n], words);
                (n, page_words, record)
            })
            .collect();
        let mut words = Vec::with_capacity(read.len());
        for (n, page, record) in read {
            self.records[n] = Some(record);
            words.push((n, page));
        }
        self.index.insert(words);
        let mut files = self.index.files();
        for (n, chunk) in self.records.chunks(index::CHUNK).enumerate() {
            let records: Vec<&str> = chunk.iter().flatten().map(String::as_str).collect();
            files.insert(
                format!("p{n}.json"),
                format!("[{}]", records.join(",")).into_bytes(),
            );
        }
        files
    }
}

/// One page's words and its record (JSON).
fn page(
    content: &Content,
    vocabulary: &Vocabulary,
    id: PageId,
    words: &Words,
) -> (PageWords, String) {
    let site = &content.site;
    let page = &site.pages[id];
    let body = body_text(&content.body(id).html);
    let facts = facts(content, id, words);
    let mut words = PageWords::default();
    words.add(vocabulary, &page.front.title, Field::Title);
    for ancestor in site.ancestors(id).into_iter().filter(|&a| a != site.home) {
        words.add(
            vocabulary,
            &site.pages[ancestor].front.title,
            Field::Section,
        );
    }
    words.add(vocabulary, &facts, Field::Facts);
    for (_, title, _) in &body.headings {
        words.add(vocabulary, title, Field::Heading);
    }
    words.add(vocabulary, &body.text, Field::Body);

    let section = page
        .parent
        .filter(|&p| p != site.home)
        .map(|p| site.pages[p].front.title.as_str())
        .unwrap_or_default();
    let mut text = facts;
    let offset = text.len() + usize::from(!text.is_empty());
    if !text.is_empty() && !body.text.is_empty() {
        text.push(' ');
    }
    text.push_str(&body.text);
    let mut end = RECORD_TEXT.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    let headings: Vec<String> = body
        .headings
        .iter()
        .map(|(anchor, title, at)| {
            format!(
                "[{},{},{}]",
                json_string(anchor),
                json_string(title),
                text[..(offset + at).min(text.len())].encode_utf16().count()
            )
        })
        .collect();
    let record = format!(
        "{{\"u\":{},\"t\":{},\"s\":{},\"x\":{},\"h\":[{}]}}",
        json_string(&page.path),
        json_string(&page.front.title),
        json_string(section),
        json_string(&text),
        headings.join(",")
    );
    (words, record)
}

/// The facts of a page a reader may search by, as words: its description and
/// what its kind says (a meeting's group, date and place; an organisation's
/// sector; a group's chair and members; a document's date; a strategy's
/// priorities), in the language of `words`.
fn facts(content: &Content, id: PageId, words: &Words) -> String {
    let (site, model) = (&content.site, &content.model);
    let dates = words.dates();
    let title = |page: PageId| site.pages[page].front.title.as_str();
    let mut out: Vec<String> = Vec::new();
    out.extend(site.pages[id].front.description.clone());
    match model.entities[id] {
        Entity::Organisation(o) => {
            let org = &model.organisations[o];
            let sector = words.get(org.sector.word_key());
            out.push(words.fill("search_fact_organisation", &[("sector", sector)]));
            out.extend(org.address.iter().cloned());
            for seat in &model.seats[o] {
                out.push(title(model.groups[seat.group].page).to_owned());
                out.extend(seat.representative.clone());
            }
        }
        Entity::Group(g) => {
            let group = &model.groups[g];
            out.push(words.get(group.kind.word_key()).to_owned());
            if let Some(chair) = &group.chair {
                out.extend(chair.name.clone());
                out.extend(
                    chair
                        .org
                        .map(|o| title(model.organisations[o].page).to_owned()),
                );
            }
            for member in &group.members {
                out.extend(
                    member
                        .org
                        .map(|o| title(model.organisations[o].page).to_owned()),
                );
                out.extend(member.representative.clone());
            }
            out.extend(group.priorities.iter().cloned());
            out.extend(group.achievements.iter().cloned());
            out.extend(group.approach.iter().cloned());
        }
        Entity::Meeting(m) => {
            let meeting = &model.meetings[m];
            let start = &meeting.start;
            let date = format!(
                "{} {} {}",
                start.weekday_in(&dates),
                start.long_in(&dates),
                start.iso_date()
            );
            let group = title(model.groups[meeting.group].page);
            out.push(words.fill("search_fact_meeting", &[("group", group), ("date", &date)]));
            out.push(words.get(meeting.status.word_key()).to_owned());
            out.extend(meeting.location.clone());
            // Papers of items taken in private are never published, nor found.
            out.extend(
                meeting
                    .papers
                    .iter()
                    .filter(|p| !p.withheld)
                    .map(|p| p.title.clone()),
            );
        }
        Entity::Document(d) => {
            let document = &model.documents[d];
            out.push(words.file_format(document.file.format).to_owned());
            out.extend(document.published.as_ref().map(|p| p.long_in(&dates)));
        }
        Entity::Strategy(s) => {
            let strategy = &model.strategies[s];
            out.extend(strategy.period.clone());
            out.extend(strategy.vision.clone());
            for priority in &strategy.priorities {
                out.push(priority.title.clone());
                out.extend(priority.summary.clone());
                out.extend(priority.indicators.iter().map(|i| i.name.clone()));
            }
        }
        Entity::News => out.extend(site.pages[id].date().map(|d| d.long_in(&dates))),
        Entity::Structure | Entity::None => {}
    }
    let mut text = String::new();
    for part in out.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        if !text.is_empty() {
            text.push_str(if text.ends_with(['.', '!', '?']) {
                " "
            } else {
                ". "
            });
        }
        text.push_str(part);
    }
    text
}

/// A body's text, and its headings: (id, text, byte offset in the text).
#[derive(Debug, Default, PartialEq)]
struct BodyText {
    text: String,
    headings: Vec<(String, String, usize)>,
}

/// Reads comrak's HTML of a body as text: tags dropped (block tags become a
/// space), the entities comrak writes decoded, `<script>` and `<style>`
/// (raw HTML, where allowed) left out, white space collapsed.
fn body_text(html: &str) -> BodyText {
    let mut out = BodyText::default();
    let mut heading: Option<(String, usize)> = None;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_text(&mut out.text, rest);
            break;
        };
        push_text(&mut out.text, &rest[..lt]);
        rest = &rest[lt..];
        let end = rest.find('>').map_or(rest.len(), |i| i + 1);
        let tag = &rest[..end];
        rest = &rest[end..];
        // comrak writes tag names in lower case.
        let bare = tag.trim_start_matches(['<', '/']);
        let name = &bare[..bare
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(bare.len())];
        if !tag.starts_with("</") && (name == "script" || name == "style") {
            let close = format!("</{name}");
            rest = rest.find(&close).map_or("", |i| &rest[i..]);
            continue;
        }
        let is_heading =
            name.len() == 2 && name.starts_with('h') && name.as_bytes()[1].is_ascii_digit();
        if is_heading && !tag.starts_with("</") {
            let id = tag
                .split_once("id=\"")
                .and_then(|(_, v)| v.split_once('"'))
                .map(|(v, _)| v.to_owned());
            push_space(&mut out.text);
            heading = id.map(|id| (id, out.text.len()));
        } else if is_heading && let Some((id, start)) = heading.take() {
            let title = out.text[start..].trim().to_owned();
            out.headings.push((id, title, start));
        }
        if !INLINE.contains(&name) {
            push_space(&mut out.text);
        }
    }
    let trimmed = out.text.trim_end().len();
    out.text.truncate(trimmed);
    out
}

/// Tags inside a line of text: no space where they stand.
const INLINE: [&str; 12] = [
    "a", "em", "strong", "code", "del", "span", "sup", "sub", "b", "i", "mark", "abbr",
];

/// Appends text, decoding entities and collapsing white space.
fn push_text(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        push_plain(out, &rest[..amp]);
        rest = &rest[amp..];
        let entity = rest.find(';').filter(|&i| i <= 10).map(|i| &rest[1..i]);
        let decoded = entity.and_then(|e| match e {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "nbsp" => Some(' '),
            _ => e
                .strip_prefix("#x")
                .or_else(|| e.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| e.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        });
        match (entity, decoded) {
            (Some(e), Some(c)) => {
                push_plain(out, c.encode_utf8(&mut [0; 4]));
                rest = &rest[e.len() + 2..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    push_plain(out, rest);
}

/// Appends text, collapsing white space.
fn push_plain(out: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_whitespace() {
            push_space(out);
        } else {
            out.push(c);
        }
    }
}

/// One space, unless the text is empty or already ends with one.
fn push_space(out: &mut String) {
    if !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_has_the_themes_english_words_built_in() {
        let script = include_str!("../../../../../themes/civic/static/search.js");
        let english = crate::render::words::civic_english();
        for key in SCRIPT_WORDS {
            let line = format!("{key}: '{}'", english.get(key));
            assert!(script.contains(&line), "search.js should have {line}");
        }
    }

    #[test]
    fn body_text_reads_text_and_headings() {
        let body = body_text(
            "<p>The <em>board</em> meets &amp; decides.</p>\n<h2 id=\"its-role\">Its <em>role</em></h2>\n<ul><li>One</li><li>Two&#39;s</li></ul><script>x()</script><p>End</p>",
        );
        assert_eq!(
            body.text,
            "The board meets & decides. Its role One Two's End"
        );
        let (id, title, at) = &body.headings[0];
        assert_eq!((id.as_str(), title.as_str()), ("its-role", "Its role"));
        assert!(body.text[*at..].starts_with("Its role"));
    }

    #[test]
    fn unterminated_markup_does_not_panic() {
        for html in [
            "<p>a &amp",
            "<h2 id=\"x\">T",
            "<",
            "&#xZZ; <script>",
            "a &#99999999;",
        ] {
            let _ = body_text(html);
        }
    }
}

//! Running text in the voice of the seeds: sentences filled with a
//! partnership's places, organisations and groups, assembled into paragraphs,
//! lists and tables by a [`Writer`].

use crate::names::capitalise;
use crate::rng::Rng;
use crate::shape::Partnership;
use crate::vocab::{
    DIRECTORY_SENTENCES, INDICATORS, OBJECTS, OPENERS, PRIORITIES, PURPOSES, SENTENCES, SUBJECTS,
    THEMES, VERBS,
};

/// Fills a template's `{slot}`s (see [`crate::vocab`]) from the partnership.
pub fn fill(rng: &mut Rng, p: &Partnership, template: &str) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let slot = &rest[open + 1..open + close];
        match slot {
            "area" => out.push_str(&p.area),
            "county" => out.push_str(p.county),
            "the_short" => out.push_str(&p.the_short),
            "town" => out.push_str(rng.pick(&p.towns).as_str()),
            "org" => out.push_str(&rng.pick(&p.orgs).name),
            "group" => out.push_str(&rng.pick(&p.groups).name),
            "executive" => out.push_str(&p.groups[0].name),
            "theme" => out.push_str(rng.pick::<&str>(THEMES)),
            "year" => out.push_str(&rng.range(2015, 2026).to_string()),
            "n" => out.push_str(&rng.range(12, 480).to_string()),
            "thousands" => out.push_str(&format!("{},000", rng.range(20, 130))),
            "pct" => out.push_str(&rng.range(5, 60).to_string()),
            _ => out.push_str(&rest[open..=open + close]),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// One sentence: a seed sentence filled in, or one composed of an opener,
/// subject, verb, object and purpose.
pub fn sentence(rng: &mut Rng, p: &Partnership) -> String {
    if rng.chance(50) {
        let template = *rng.pick(SENTENCES);
        return capitalise(&fill(rng, p, template));
    }
    let mut template = String::with_capacity(160);
    if rng.chance(40) {
        template.push_str(rng.pick::<&str>(OPENERS));
    }
    let (subject, plural) = *rng.pick(SUBJECTS);
    let (one, many) = *rng.pick(VERBS);
    template.push_str(subject);
    template.push(' ');
    template.push_str(if plural { many } else { one });
    template.push(' ');
    template.push_str(rng.pick::<&str>(OBJECTS));
    if rng.chance(60) {
        template.push_str(rng.pick::<&str>(PURPOSES));
    }
    template.push('.');
    capitalise(&fill(rng, p, &template))
}

/// Writes a Markdown body block by block, counting its words.
pub struct Writer<'a> {
    /// The page's random stream.
    pub rng: Rng,
    voice: Option<&'a Partnership>,
    out: String,
    words: usize,
}

impl<'a> Writer<'a> {
    /// A writer in a partnership's voice, or the directory's (`None`).
    pub fn new(rng: Rng, voice: Option<&'a Partnership>) -> Writer<'a> {
        Writer {
            rng,
            voice,
            out: String::with_capacity(12 * 1024),
            words: 0,
        }
    }

    /// Words written so far.
    pub fn words(&self) -> usize {
        self.words
    }

    /// The body, ending in one newline.
    pub fn finish(mut self) -> String {
        self.out.truncate(self.out.trim_end().len());
        self.out.push('\n');
        self.out
    }

    fn block(&mut self, text: &str) {
        self.words += text.split_ascii_whitespace().count();
        self.out.push_str(text);
        self.out.push_str("\n\n");
    }

    /// A `##` (level 2) or `###` (level 3) heading.
    pub fn heading(&mut self, level: usize, text: &str) {
        self.out.push_str(&"#".repeat(level));
        self.out.push(' ');
        self.block(text);
    }

    /// One sentence in the writer's voice.
    pub fn sentence(&mut self) -> String {
        match self.voice {
            Some(p) => sentence(&mut self.rng, p),
            None => (*self.rng.pick(DIRECTORY_SENTENCES)).to_owned(),
        }
    }

    /// A paragraph of three to six sentences, then `tail` if given.
    pub fn paragraph(&mut self, tail: Option<String>) {
        let n = self.rng.range(3, 6);
        self.sentences(n, tail);
    }

    /// A paragraph of `n` sentences, then `tail` if given.
    fn sentences(&mut self, n: usize, tail: Option<String>) {
        let mut text: Vec<String> = Vec::with_capacity(n + 1);
        for _ in 0..n * 3 {
            let sentence = self.sentence();
            if !text.contains(&sentence) {
                text.push(sentence);
            }
            if text.len() == n {
                break;
            }
        }
        text.extend(tail);
        self.block(&text.join(" "));
    }

    /// A paragraph of the given text.
    pub fn text(&mut self, text: &str) {
        self.block(text);
    }

    /// A bulleted list; each item is (depth, text), depth 0 at the margin.
    pub fn list(&mut self, items: impl IntoIterator<Item = (usize, String)>) {
        let mut text = String::new();
        for (depth, item) in items {
            text.push_str(&"  ".repeat(depth));
            text.push_str("- ");
            text.push_str(&item);
            text.push('\n');
        }
        self.block(text.trim_end());
    }

    /// A bulleted list at the margin.
    pub fn bullets(&mut self, items: impl IntoIterator<Item = String>) {
        self.list(items.into_iter().map(|item| (0, item)));
    }

    /// A numbered list.
    pub fn numbered(&mut self, items: impl IntoIterator<Item = String>) {
        let text: Vec<String> = items
            .into_iter()
            .enumerate()
            .map(|(i, item)| format!("{}. {item}", i + 1))
            .collect();
        self.block(&text.join("\n"));
    }

    /// A table with a header row.
    pub fn table(&mut self, header: &[&str], rows: &[Vec<String>]) {
        let line = |cells: &mut dyn Iterator<Item = &str>| {
            let cells: Vec<&str> = cells.collect();
            format!("| {} |", cells.join(" | "))
        };
        let mut text = vec![
            line(&mut header.iter().copied()),
            line(&mut header.iter().map(|_| "---")),
        ];
        text.extend(
            rows.iter()
                .map(|row| line(&mut row.iter().map(String::as_str))),
        );
        self.block(&text.join("\n"));
    }

    /// A quotation.
    pub fn quote(&mut self, text: &str) {
        self.block(&format!("> {text}"));
    }

    /// Paragraphs, now and then followed by a list or a table, until about
    /// `budget` words are written. The first paragraph ends with the next of
    /// `links`, if any.
    pub fn prose(&mut self, budget: usize, links: &mut Vec<String>) {
        let start = self.words;
        let mut tail = links.pop();
        loop {
            // Short paragraphs when little is left: a part always gets one.
            let left = budget.saturating_sub(self.words - start);
            let n = if left < 100 { 2 } else { self.rng.range(3, 6) };
            self.sentences(n, tail.take());
            if self.words - start + 30 >= budget {
                break;
            }
            match self.rng.below(100) {
                0..15 => {
                    let k = self.rng.range(3, 5);
                    let items = self.rng.sample(PRIORITIES.len(), k);
                    self.text("Partners have agreed to:");
                    self.bullets(items.into_iter().map(|i| PRIORITIES[i].to_owned()));
                }
                15..25 => self.facts(),
                25..35 => {
                    let k = self.rng.range(3, 5);
                    let items = self.rng.sample(OBJECTS.len(), k);
                    self.text("Our work this year focuses on:");
                    self.bullets(items.into_iter().map(|i| capitalise(OBJECTS[i])));
                }
                _ => {}
            }
        }
    }

    /// A table of outcome figures for two years.
    fn facts(&mut self) {
        let from = self.rng.range(2016, 2020);
        let to = from + self.rng.range(3, 5);
        let k = self.rng.range(3, 4);
        let rows: Vec<Vec<String>> = self
            .rng
            .sample(INDICATORS.len(), k)
            .into_iter()
            .map(|i| {
                let (name, unit, lo, hi, _) = INDICATORS[i];
                let mut value = || lo + (hi - lo) * self.rng.below(1001) as f64 / 1000.0;
                vec![
                    format!("{name} ({unit})"),
                    format!("{:.1}", value()),
                    format!("{:.1}", value()),
                ]
            })
            .collect();
        self.text("The table shows how some of the figures we follow have changed.");
        self.table(&["Measure", &from.to_string(), &to.to_string()], &rows);
    }
}

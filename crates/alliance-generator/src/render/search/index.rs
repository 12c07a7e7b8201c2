//! The search index itself: words, their stems, weights, and the files a
//! browser fetches (a small `meta.json`, term shards, page chunks).
//!
//! Words are lower-cased and stripped of accents (Unicode NFD without
//! combining marks, as the script does with `normalize('NFD')`), then
//! stemmed in the languages `rust-stemmers` knows (English among them);
//! other languages, Welsh among them, are matched by whole word and by
//! prefix. The script never stems: each shard maps a word as written to its
//! stem (`"meetings":"meet"`), so a query finds every form of a word.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Pages per chunk of page records: a result costs at most one chunk.
pub const CHUNK: usize = 4;
/// A shard is cut once it is this large (one word's postings may make it larger).
pub const SHARD_BYTES: usize = 24 * 1024;
/// A word in a page's title scores this plus the number of words of the
/// title (at most 155), instead of 1–100: the script ranks pages whose titles
/// have the query's words first, shorter titles before longer ones.
pub const IN_TITLE: u8 = 100;
/// Words longer than this are not indexed (hashes, run-together URLs).
const MAX_WORD: usize = 40;

/// How much a word counts in each part of a page.
#[derive(Debug, Clone, Copy)]
pub enum Field {
    /// The page's title (its words are also marked [`IN_TITLE`]).
    Title,
    /// The titles of the sections it is in.
    Section,
    /// A heading of its body.
    Heading,
    /// Its description and typed facts (a meeting's group and date...).
    Facts,
    /// Its body text.
    Body,
}

impl Field {
    fn weight(self) -> f32 {
        match self {
            Field::Title => 2.0,
            Field::Section => 1.0,
            Field::Heading => 3.0,
            Field::Facts => 4.0,
            Field::Body => 1.0,
        }
    }
}

/// The language of an index: its key (the primary subtag, `en` of `en-GB`)
/// and its stemmer, if `rust-stemmers` has one.
#[derive(Debug, Clone)]
pub struct Language {
    /// The key: the index's folder under `search/`.
    pub key: String,
    /// The stemming algorithm; `None` for whole-word and prefix matching only.
    pub stemmer: Option<Algorithm>,
}

impl Language {
    /// The language of a BCP 47 tag such as `en-GB` or `cy`.
    pub fn of(tag: &str) -> Language {
        let key = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let stemmer = match key.as_str() {
            "en" => Some(Algorithm::English),
            "fr" => Some(Algorithm::French),
            "de" => Some(Algorithm::German),
            "es" => Some(Algorithm::Spanish),
            "it" => Some(Algorithm::Italian),
            "pt" => Some(Algorithm::Portuguese),
            "nl" => Some(Algorithm::Dutch),
            _ => None,
        };
        let key = if key.is_empty() {
            "und".to_owned()
        } else {
            key
        };
        Language { key, stemmer }
    }
}

/// Calls `each` with every word of `text`, lower-cased and without accents.
pub fn words(text: &str, mut each: impl FnMut(&str)) {
    let mut word = String::new();
    let mut flush = |word: &mut String| {
        let n = word.chars().count();
        if (n >= 2 || word.bytes().all(|b| b.is_ascii_digit())) && n <= MAX_WORD {
            each(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            if c.is_ascii() {
                word.push(c.to_ascii_lowercase());
            } else {
                for d in c.nfd().filter(|d| !is_combining_mark(*d)) {
                    word.extend(d.to_lowercase());
                }
            }
        } else if !word.is_empty() && !is_combining_mark(c) {
            flush(&mut word);
        }
    }
    if !word.is_empty() {
        flush(&mut word);
    }
}

/// One page's words with their weighted counts, and its length in words.
#[derive(Debug, Default, Clone)]
pub struct PageWords {
    counts: HashMap<String, Count>,
    length: f32,
    title_words: u8,
}

/// How often a word is on a page (weighted by field), and whether it is in the title.
#[derive(Debug, Default, Clone, Copy)]
struct Count {
    weight: f32,
    title: bool,
}

impl PageWords {
    /// Adds the words of `text`, found in `field`.
    pub fn add(&mut self, text: &str, field: Field) {
        let (weight, title) = (field.weight(), matches!(field, Field::Title));
        words(text, |word| {
            match field {
                Field::Body => self.length += 1.0,
                Field::Title => self.title_words = self.title_words.saturating_add(1),
                _ => {}
            }
            let count = match self.counts.get_mut(word) {
                Some(count) => count,
                None => self.counts.entry(word.to_owned()).or_default(),
            };
            count.weight += weight;
            count.title |= title;
        });
    }

    /// The words in order, with their counts (sorted, so that sums over
    /// them come out the same on every run).
    fn sorted(&self) -> Vec<(&str, Count)> {
        let mut words: Vec<(&str, Count)> =
            self.counts.iter().map(|(w, c)| (w.as_str(), *c)).collect();
        words.sort_unstable_by(|a, b| a.0.cmp(b.0));
        words
    }
}

/// A finished index of one language: its files, by name within its folder.
pub fn build(language: &Language, pages: &[PageWords]) -> BTreeMap<String, Vec<u8>> {
    // Every word once, stemmed once (in parallel): a site of 10,000 pages has
    // millions of words but tens of thousands of distinct ones.
    let sorted: Vec<Vec<(&str, Count)>> = pages.par_iter().map(PageWords::sorted).collect();
    let mut vocabulary: Vec<&str> = sorted
        .par_iter()
        .fold(Vec::new, |mut all, page| {
            all.extend(page.iter().map(|(w, _)| *w));
            all
        })
        .map(|mut v| {
            v.sort_unstable();
            v.dedup();
            v
        })
        .reduce(Vec::new, |mut a, b| {
            a.extend(b);
            a
        });
    vocabulary.par_sort_unstable();
    vocabulary.dedup();
    let stems: Vec<String> = match language.stemmer {
        Some(algorithm) => vocabulary
            .par_iter()
            .map_init(|| Stemmer::create(algorithm), |s, w| s.stem(w).into_owned())
            .collect(),
        None => vocabulary.iter().map(|w| (*w).to_owned()).collect(),
    };
    let mut stem_ids: BTreeMap<&str, usize> = stems.iter().map(|s| (s.as_str(), 0)).collect();
    for (n, id) in stem_ids.values_mut().enumerate() {
        *id = n;
    }
    let word_stem: HashMap<&str, usize> = vocabulary
        .iter()
        .zip(&stems)
        .map(|(w, s)| (*w, stem_ids[s.as_str()]))
        .collect();

    // BM25's term-frequency part, precomputed: the script adds the idf.
    let average = pages.iter().map(|p| p.length).sum::<f32>() / pages.len().max(1) as f32;
    let (k1, b) = (1.2_f32, 0.75_f32);
    let per_page: Vec<Vec<(usize, u8)>> = pages
        .par_iter()
        .zip(&sorted)
        .map(|(page, words)| {
            let mut by_stem: BTreeMap<usize, Count> = BTreeMap::new();
            for (word, count) in words {
                let sum = by_stem.entry(word_stem[word]).or_default();
                sum.weight += count.weight;
                sum.title |= count.title;
            }
            let norm = k1 * (1.0 - b + b * page.length.max(1.0) / average.max(1.0));
            by_stem
                .into_iter()
                .map(|(stem, Count { weight: tf, title })| {
                    let score = (tf / (tf + norm) * 100.0).ceil().clamp(1.0, 100.0) as u8;
                    let title_score = IN_TITLE + page.title_words.clamp(1, 255 - IN_TITLE);
                    (stem, if title { title_score } else { score })
                })
                .collect()
        })
        .collect();
    let mut postings: Vec<Vec<(u32, u8)>> = vec![Vec::new(); stem_ids.len()];
    for (n, stems) in per_page.iter().enumerate() {
        for &(stem, score) in stems {
            postings[stem].push((n as u32, score));
        }
    }

    // Entries by word as written and by stem, sorted: a stem has postings, a
    // word whose stem differs names it.
    let stem_names: Vec<&str> = stem_ids.keys().copied().collect();
    let mut entries: BTreeMap<&str, Entry> = BTreeMap::new();
    for (stem, list) in stem_names.iter().zip(&postings) {
        entries.insert(stem, Entry::Postings(list));
    }
    for (word, stem) in vocabulary.iter().zip(&stems) {
        entries.entry(word).or_insert(Entry::Stem(stem));
    }
    let shards = shards(&entries);

    let mut files = BTreeMap::new();
    let mut firsts = Vec::new();
    for (n, (first, json)) in shards.into_iter().enumerate() {
        firsts.push(first);
        files.insert(format!("t{n}.json"), json.into_bytes());
    }
    let meta = format!(
        "{{\"version\":1,\"language\":{},\"stemmed\":{},\"pages\":{},\"chunk\":{CHUNK},\"shards\":{}}}",
        json_string(&language.key),
        language.stemmer.is_some(),
        pages.len(),
        serde_json::to_string(&firsts).unwrap_or_default(),
    );
    files.insert("meta.json".to_owned(), meta.into_bytes());
    files
}

/// What a shard holds for a word.
enum Entry<'a> {
    /// A stem's pages: (page number, score 1–100 or [`IN_TITLE`] and more), by page number.
    Postings(&'a [(u32, u8)]),
    /// A word whose stem differs: the stem.
    Stem(&'a str),
}

/// Cuts the sorted entries into shards of about [`SHARD_BYTES`]: each shard's
/// first word and its JSON (`{"word":[gap,score,...],"words":"word"}`).
fn shards(entries: &BTreeMap<&str, Entry<'_>>) -> Vec<(String, String)> {
    let mut shards = Vec::new();
    let mut json = String::new();
    let mut first = String::new();
    for (word, entry) in entries {
        if json.len() >= SHARD_BYTES {
            json.push('}');
            shards.push((std::mem::take(&mut first), std::mem::take(&mut json)));
        }
        if json.is_empty() {
            json.push('{');
            first = (*word).to_owned();
        } else {
            json.push(',');
        }
        json.push_str(&json_string(word));
        json.push(':');
        match entry {
            Entry::Stem(stem) => json.push_str(&json_string(stem)),
            Entry::Postings(list) => {
                json.push('[');
                let mut last = 0;
                for (i, &(page, score)) in list.iter().enumerate() {
                    if i > 0 {
                        json.push(',');
                    }
                    json.push_str(&format!("{},{score}", page - last));
                    last = page;
                }
                json.push(']');
            }
        }
    }
    if !json.is_empty() {
        json.push('}');
        shards.push((first, json));
    }
    shards
}

/// A string as JSON.
pub fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        words(text, |w| out.push(w.to_owned()));
        out
    }

    fn page(title: &str, body: &str) -> PageWords {
        let mut p = PageWords::default();
        p.add(title, Field::Title);
        p.add(body, Field::Body);
        p
    }

    fn english() -> Language {
        Language::of("en-GB")
    }

    #[test]
    fn words_are_folded_and_split() {
        assert_eq!(
            all("Dŵr Cymru's AGM, 12 March — Llanelli-Café a 7"),
            [
                "dwr", "cymru", "agm", "12", "march", "llanelli", "cafe", "7"
            ]
        );
        assert!(all(&"x".repeat(41)).is_empty());
    }

    #[test]
    fn languages_are_keyed_by_primary_subtag() {
        let en = english();
        assert_eq!(en.key, "en");
        assert!(en.stemmer.is_some());
        let cy = Language::of("cy-GB");
        assert_eq!(cy.key, "cy");
        assert!(cy.stemmer.is_none());
    }

    fn shard_text(files: &BTreeMap<String, Vec<u8>>) -> String {
        files
            .iter()
            .filter(|(name, _)| name.starts_with('t'))
            .map(|(_, b)| String::from_utf8(b.clone()).unwrap())
            .collect()
    }

    #[test]
    fn english_words_point_to_their_stems() {
        let files = build(
            &english(),
            &[
                page("Meetings", "The board meets."),
                page("Other", "nothing"),
            ],
        );
        let text = shard_text(&files);
        assert!(text.contains("\"meetings\":\"meet\""), "{text}");
        assert!(text.contains("\"meets\":\"meet\""), "{text}");
        assert!(text.contains("\"meet\":[0,"), "{text}");
        assert!(text.contains("\"nothing\":\"noth\""), "{text}");
        assert!(text.contains("\"noth\":[1,"), "{text}");
    }

    #[test]
    fn welsh_is_indexed_word_for_word() {
        let files = build(&Language::of("cy"), &[page("Cyfarfodydd", "Y bwrdd")]);
        let text = shard_text(&files);
        assert!(text.contains("\"cyfarfodydd\":[0,"), "{text}");
        assert!(!text.contains(":\"cyfarfod"), "{text}");
    }

    #[test]
    fn the_title_outweighs_the_body() {
        let files = build(
            &english(),
            &[
                page("Housing", "other words"),
                page("Other", "housing words"),
            ],
        );
        let text = shard_text(&files);
        let start = text.find("\"hous\":[").unwrap() + 8;
        let list: Vec<u32> = text[start..text[start..].find(']').unwrap() + start]
            .split(',')
            .map(|n| n.parse().unwrap())
            .collect();
        assert_eq!(list.len(), 4);
        assert!(list[1] > list[3], "{list:?}");
    }

    #[test]
    fn shards_are_cut_by_size_and_listed_in_meta() {
        let pages: Vec<PageWords> = (0..3000)
            .map(|i| {
                page(
                    &format!("page{i}"),
                    &format!("word{i} shared text number{i}"),
                )
            })
            .collect();
        let files = build(&english(), &pages);
        let meta = String::from_utf8(files["meta.json"].clone()).unwrap();
        let meta: serde_json::Value = serde_json::from_str(&meta).unwrap();
        let firsts = meta["shards"].as_array().unwrap();
        assert!(firsts.len() > 1, "{meta}");
        assert_eq!(meta["pages"], 3000);
        for (n, first) in firsts.iter().enumerate() {
            let bytes = &files[&format!("t{n}.json")];
            let shard: serde_json::Value = serde_json::from_slice(bytes).unwrap();
            // Over the size only by one word's postings, never by many words'.
            let longest = shard
                .as_object()
                .unwrap()
                .values()
                .map(|v| v.to_string().len())
                .max();
            assert!(
                bytes.len() < SHARD_BYTES + longest.unwrap() + 64,
                "shard {n}"
            );
            let keys: Vec<&String> = shard.as_object().unwrap().keys().collect();
            assert!(keys.contains(&&first.as_str().unwrap().to_owned()));
        }
    }

    #[test]
    fn the_same_pages_give_the_same_bytes() {
        let pages: Vec<PageWords> = (0..200)
            .map(|i| {
                page(
                    &format!("Title {i}"),
                    "the quick brown fox jumps over lazy dogs",
                )
            })
            .collect();
        assert_eq!(build(&english(), &pages), build(&english(), &pages));
    }
}

//! The search index itself: words, their stems, weights, and the files a
//! browser fetches (a small `meta.json`, term shards, page chunks).
//!
//! Words are lower-cased and stripped of accents (Unicode NFD without
//! combining marks, as the script does with `normalize('NFD')`), then
//! stemmed in the languages `rust-stemmers` knows (English among them);
//! other languages, Welsh among them, are matched by whole word and by
//! prefix. The script never stems: each shard maps a word as written to its
//! stem (`"meetings":"meet"`), so a query finds every form of a word.
//!
//! Over 600 lines with its unit tests (about 210 of them); the code itself
//! is about 520.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};

use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The hash of rustc's own tables (FxHash): words are short and not chosen
/// by an attacker, and SipHash was a tenth of the index's time.
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u8(&mut self, byte: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`Fx`].
type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// Pages per chunk of page records: a result costs at most one chunk.
pub(crate) const CHUNK: usize = 4;
/// A shard is cut once it is this large (one word's postings may make it larger).
pub(crate) const SHARD_BYTES: usize = 24 * 1024;
/// A word in a page's title scores this plus the number of words of the
/// title (at most 155), instead of 1–100: the script ranks pages whose titles
/// have the query's words first, shorter titles before longer ones.
pub(crate) const IN_TITLE: u8 = 100;
/// Words longer than this are not indexed (hashes, run-together URLs).
const MAX_WORD: usize = 40;

/// How much a word counts in each part of a page.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Field {
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
pub(crate) struct Language {
    /// The key: the index's folder under `search/`.
    pub(crate) key: String,
    /// The stemming algorithm; `None` for whole-word and prefix matching only.
    pub(crate) stemmer: Option<Algorithm>,
}

impl Language {
    /// The language of a BCP 47 tag such as `en-GB` or `cy`.
    pub(crate) fn of(tag: &str) -> Language {
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
pub(crate) fn words(text: &str, mut each: impl FnMut(&str)) {
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
        } else if !word.is_empty() && (c.is_ascii() || !is_combining_mark(c)) {
            flush(&mut word);
        }
    }
    if !word.is_empty() {
        flush(&mut word);
    }
}

/// Every word the pages of an index have, numbered as first seen (from many
/// threads): pages keep numbers, not strings, and a word is stored once.
/// Numbers are never reused: a word no page has any more is left out of the
/// files, not forgotten.
pub(crate) struct Vocabulary {
    shards: Vec<Mutex<FxMap<Box<str>, u32>>>,
    next: AtomicU32,
}

impl Default for Vocabulary {
    fn default() -> Self {
        Vocabulary {
            shards: (0..64).map(|_| Mutex::default()).collect(),
            next: AtomicU32::new(0),
        }
    }
}

impl Vocabulary {
    /// A word's number.
    fn id(&self, word: &str) -> u32 {
        let mut hash = Fx::default();
        hash.write(word.as_bytes());
        let shard = &self.shards[(hash.finish() >> 58) as usize];
        let mut words = shard.lock().unwrap_or_else(|e| e.into_inner());
        match words.get(word) {
            Some(&id) => id,
            None => {
                let id = self.next.fetch_add(1, Ordering::Relaxed);
                words.insert(word.into(), id);
                id
            }
        }
    }

    /// The words numbered `from` and after, by number.
    fn since(&self, from: u32) -> Vec<(u32, Box<str>)> {
        let mut new: Vec<(u32, Box<str>)> = self
            .shards
            .iter()
            .flat_map(|s| {
                let words = s.lock().unwrap_or_else(|e| e.into_inner());
                words
                    .iter()
                    .filter(|&(_, &id)| id >= from)
                    .map(|(w, &id)| (id, w.clone()))
                    .collect::<Vec<_>>()
            })
            .collect();
        new.sort_unstable_by_key(|&(id, _)| id);
        new
    }
}

/// One page's words (by number in its [`Vocabulary`]) with their weighted
/// counts, and its length in words.
#[derive(Debug, Default, Clone)]
pub(crate) struct PageWords {
    counts: FxMap<u32, Count>,
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
    pub(crate) fn add(&mut self, vocabulary: &Vocabulary, text: &str, field: Field) {
        let (weight, title) = (field.weight(), matches!(field, Field::Title));
        words(text, |word| {
            match field {
                Field::Body => self.length += 1.0,
                Field::Title => self.title_words = self.title_words.saturating_add(1),
                _ => {}
            }
            let count = self.counts.entry(vocabulary.id(word)).or_default();
            count.weight += weight;
            count.title |= title;
        });
    }
}

/// What the index keeps of a page: its counts summed by stem. Counts are
/// sums of whole weights, exact in any order, so a page read again adds up
/// as it did in a fresh build.
#[derive(Debug, Clone)]
struct Terms {
    /// (stem number, count), one for each stem, by stem number.
    stems: Vec<(u32, Count)>,
    /// Its words' numbers, each once.
    words: Vec<u32>,
    /// Its length in words (of its body).
    length: f32,
    /// The number of words of its title.
    title_words: u8,
}

/// The index of one language, kept between builds (the dev server keeps it
/// in its `LiveSite`; a build starts from an empty one): every word seen,
/// stemmed once, and each page's terms. Pages are read again only when
/// forgotten; [`Index::files`] makes the files from what it holds, the same
/// bytes as an index made from scratch.
pub(crate) struct Index {
    language: Language,
    vocabulary: Vocabulary,
    /// Each word by number, with its stem's number.
    words: Vec<(Box<str>, u32)>,
    /// Each stem by number.
    stems: Vec<Box<str>>,
    /// Each stem's number.
    stem_ids: FxMap<Box<str>, u32>,
    /// Each page's terms by its place in the index; `None` until read.
    pages: Vec<Option<Terms>>,
}

impl Index {
    /// An empty index of `pages` pages, none read yet.
    pub(crate) fn new(language: Language, pages: usize) -> Index {
        Index {
            language,
            vocabulary: Vocabulary::default(),
            words: Vec::new(),
            stems: Vec::new(),
            stem_ids: FxMap::default(),
            pages: vec![None; pages],
        }
    }

    /// The vocabulary to read pages with, for [`Index::insert`].
    pub(crate) fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// The places of the pages not read yet (or forgotten).
    pub(crate) fn missing(&self) -> Vec<usize> {
        (0..self.pages.len())
            .filter(|&n| self.pages[n].is_none())
            .collect()
    }

    /// Forgets the page at place `n`, to be read again.
    pub(crate) fn forget(&mut self, n: usize) {
        if let Some(page) = self.pages.get_mut(n) {
            *page = None;
        }
    }

    /// Takes in pages read with [`Index::vocabulary`], by place: their new
    /// words are stemmed (once each, in parallel) and their counts summed by stem.
    pub(crate) fn insert(&mut self, read: Vec<(usize, PageWords)>) {
        let new = self.vocabulary.since(self.words.len() as u32);
        let stems: Vec<String> = match self.language.stemmer {
            Some(algorithm) => new
                .par_iter()
                .map_init(
                    || Stemmer::create(algorithm),
                    |s, (_, w)| s.stem(w).into_owned(),
                )
                .collect(),
            None => new.iter().map(|(_, w)| w.to_string()).collect(),
        };
        for ((_, word), stem) in new.into_iter().zip(stems) {
            let next = self.stems.len() as u32;
            let stem = match self.stem_ids.get(stem.as_str()) {
                Some(&id) => id,
                None => {
                    let stem = stem.into_boxed_str();
                    self.stem_ids.insert(stem.clone(), next);
                    self.stems.push(stem);
                    next
                }
            };
            self.words.push((word, stem));
        }
        let words = &self.words;
        let terms: Vec<(usize, Terms)> = read
            .into_par_iter()
            .map(|(n, page)| {
                let mut stems: Vec<(u32, Count)> = page
                    .counts
                    .iter()
                    .map(|(w, c)| (words[*w as usize].1, *c))
                    .collect();
                stems.sort_unstable_by_key(|&(stem, _)| stem);
                stems.dedup_by(|(stem, count), (kept, sum)| {
                    let same = stem == kept;
                    if same {
                        sum.weight += count.weight;
                        sum.title |= count.title;
                    }
                    same
                });
                let terms = Terms {
                    stems,
                    words: page.counts.keys().copied().collect(),
                    length: page.length,
                    title_words: page.title_words,
                };
                (n, terms)
            })
            .collect();
        for (n, terms) in terms {
            if let Some(page) = self.pages.get_mut(n) {
                *page = Some(terms);
            }
        }
    }

    /// The index's files, by name within its folder (pages not read count as empty).
    pub(crate) fn files(&self) -> BTreeMap<String, Vec<u8>> {
        let pages: Vec<&Terms> = self.pages.iter().flatten().collect();
        // BM25's term-frequency part, precomputed: the script adds the idf.
        let average = pages.iter().map(|p| p.length).sum::<f32>() / pages.len().max(1) as f32;
        let (k1, b) = (1.2_f32, 0.75_f32);
        let per_page: Vec<Vec<(u32, u8)>> = pages
            .par_iter()
            .map(|page| {
                let norm = k1 * (1.0 - b + b * page.length.max(1.0) / average.max(1.0));
                let title_score = IN_TITLE + page.title_words.clamp(1, 255 - IN_TITLE);
                page.stems
                    .iter()
                    .map(|&(stem, Count { weight: tf, title })| {
                        let score = (tf / (tf + norm) * 100.0).ceil().clamp(1.0, 100.0) as u8;
                        (stem, if title { title_score } else { score })
                    })
                    .collect()
            })
            .collect();
        let mut postings: Vec<Vec<(u32, u8)>> = vec![Vec::new(); self.stems.len()];
        for (n, stems) in per_page.iter().enumerate() {
            for &(stem, score) in stems {
                postings[stem as usize].push((n as u32, score));
            }
        }
        let mut live = vec![false; self.words.len()];
        for page in &pages {
            for &w in &page.words {
                live[w as usize] = true;
            }
        }

        // Entries by word as written and by stem, sorted: a stem has postings, a
        // word whose stem differs names it.
        let is_stem = |word: &str| {
            self.stem_ids
                .get(word)
                .is_some_and(|&s| !postings[s as usize].is_empty())
        };
        let mut entries: Vec<(&str, Entry<'_>)> = self
            .stems
            .iter()
            .zip(&postings)
            .filter(|(_, list)| !list.is_empty())
            .map(|(stem, list)| (&**stem, Entry::Postings(list)))
            .chain(
                self.words
                    .iter()
                    .zip(&live)
                    .filter(|&((word, _), &live)| live && !is_stem(word))
                    .map(|((word, stem), _)| (&**word, Entry::Stem(&self.stems[*stem as usize]))),
            )
            .collect();
        entries.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
        let shards = shards(&entries);

        let mut files = BTreeMap::new();
        let mut firsts = Vec::new();
        for (n, (first, json)) in shards.into_iter().enumerate() {
            firsts.push(first);
            files.insert(format!("t{n}.json"), json.into_bytes());
        }
        let meta = format!(
            "{{\"version\":1,\"language\":{},\"stemmed\":{},\"pages\":{},\"chunk\":{CHUNK},\"shards\":{}}}",
            json_string(&self.language.key),
            self.language.stemmer.is_some(),
            pages.len(),
            serde_json::to_string(&firsts).unwrap_or_default(),
        );
        files.insert("meta.json".to_owned(), meta.into_bytes());
        files
    }
}

/// What a shard holds for a word.
enum Entry<'a> {
    /// A stem's pages: (page number, score 1–100 or [`IN_TITLE`] and more), by page number.
    Postings(&'a [(u32, u8)]),
    /// A word whose stem differs: the stem.
    Stem(&'a str),
}

/// Cuts the sorted entries into shards of about [`SHARD_BYTES`]: each shard's
/// first word and its JSON (`{"word":[gap,score,...],"words":"word"}`). The
/// entries are written in parallel, then joined in order.
fn shards(entries: &[(&str, Entry<'_>)]) -> Vec<(String, String)> {
    let written: Vec<String> = entries
        .par_iter()
        .map(|(word, entry)| {
            let mut json = json_string(word);
            json.push(':');
            match entry {
                Entry::Stem(stem) => json.push_str(&json_string(stem)),
                Entry::Postings(list) => {
                    json.reserve(list.len() * 6 + 2);
                    json.push('[');
                    let mut last = 0;
                    for (i, &(page, score)) in list.iter().enumerate() {
                        if i > 0 {
                            json.push(',');
                        }
                        push_number(&mut json, page - last);
                        json.push(',');
                        push_number(&mut json, u32::from(score));
                        last = page;
                    }
                    json.push(']');
                }
            }
            json
        })
        .collect();
    let mut shards = Vec::new();
    let mut json = String::new();
    let mut first = String::new();
    for ((word, _), entry) in entries.iter().zip(&written) {
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
        json.push_str(entry);
    }
    if !json.is_empty() {
        json.push('}');
        shards.push((first, json));
    }
    shards
}

/// Appends a number in decimal (the postings are millions of them: faster than `write!`).
fn push_number(out: &mut String, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// A string as JSON.
pub(crate) fn json_string(text: &str) -> String {
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

    /// An index of pages given as (title, body).
    fn index(language: &Language, pages: &[(String, String)]) -> BTreeMap<String, Vec<u8>> {
        let mut index = Index::new(language.clone(), pages.len());
        index.insert(read(&index, pages.iter().enumerate()));
        index.files()
    }

    /// Pages given as (place, (title, body)), read with the index's vocabulary.
    fn read<'a>(
        index: &Index,
        pages: impl Iterator<Item = (usize, &'a (String, String))>,
    ) -> Vec<(usize, PageWords)> {
        pages
            .map(|(n, (title, body))| {
                let mut p = PageWords::default();
                p.add(index.vocabulary(), title, Field::Title);
                p.add(index.vocabulary(), body, Field::Body);
                (n, p)
            })
            .collect()
    }

    fn page(title: &str, body: &str) -> (String, String) {
        (title.to_owned(), body.to_owned())
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
        let files = index(
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
        let files = index(&Language::of("cy"), &[page("Cyfarfodydd", "Y bwrdd")]);
        let text = shard_text(&files);
        assert!(text.contains("\"cyfarfodydd\":[0,"), "{text}");
        assert!(!text.contains(":\"cyfarfod"), "{text}");
    }

    #[test]
    fn the_title_outweighs_the_body() {
        let files = index(
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
        let pages: Vec<(String, String)> = (0..3000)
            .map(|i| {
                page(
                    &format!("page{i}"),
                    &format!("word{i} shared text number{i}"),
                )
            })
            .collect();
        let files = index(&english(), &pages);
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
        let pages: Vec<(String, String)> = (0..200)
            .map(|i| {
                page(
                    &format!("Title {i}"),
                    "the quick brown fox jumps over lazy dogs",
                )
            })
            .collect();
        assert_eq!(index(&english(), &pages), index(&english(), &pages));
    }

    #[test]
    fn pages_read_again_give_the_bytes_of_a_fresh_index() {
        let mut pages: Vec<(String, String)> = (0..40)
            .map(|i| {
                page(
                    &format!("Title {i}"),
                    &format!("meetings of board{i} housing"),
                )
            })
            .collect();
        let mut live = Index::new(english(), pages.len());
        live.insert(read(&live, pages.iter().enumerate()));
        // A page loses a word only it had and gains new ones; another grows longer.
        let edits = [
            (3, page("Title 3", "meetings zebra crossings quietly")),
            (
                7,
                page("Renamed page", "housing housing housing housing of board7"),
            ),
            (3, page("Title 3", "meetings")),
        ];
        for (n, edited) in edits {
            pages[n] = edited;
            live.forget(n);
            assert_eq!(live.missing(), [n]);
            live.insert(read(&live, std::iter::once((n, &pages[n]))));
            assert_eq!(
                live.files(),
                index(&english(), &pages),
                "after editing page {n}"
            );
        }
        let text = shard_text(&live.files());
        assert!(
            !text.contains("zebra") && !text.contains("\"board3\""),
            "{text}"
        );
        assert!(text.contains("\"board30\""), "{text}");
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 99, 100, 12345, u32::MAX] {
            let mut out = String::from("x");
            push_number(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }
}

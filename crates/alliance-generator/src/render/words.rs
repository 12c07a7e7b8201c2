//! The theme's own words in each language ("Skip to main content", "Date of
//! last review", month names...): `translations/<code>.toml` in the theme, a
//! site's `translations/<code>.toml` over them key by key (as Zola's
//! translations). Templates see them as `words[lang].key`.
//!
//! A language's words are the theme's English ones, then the theme's file of
//! that language, then the site's. A key the theme's English file does not
//! have is an error at its place; a language with no file at all gets the
//! English words and a warning.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::date::DateWords;
use crate::diagnostic::{Diagnostic, Diagnostics, nearest};
use crate::render::theme::{Theme, ThemeFile};
use crate::toml_source::TomlSource;

/// One entry of a translations file: a text, or a list (month names).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub(crate) enum Word {
    /// A word or sentence.
    Text(String),
    /// A list of words, such as the twelve months.
    List(Vec<String>),
}

/// The words of one language, by key.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Words {
    entries: BTreeMap<String, Word>,
}

impl Words {
    /// The text of `key`, or the key itself if the theme has no such word.
    pub(crate) fn get<'a>(&'a self, key: &'a str) -> &'a str {
        match self.entries.get(key) {
            Some(Word::Text(text)) => text,
            _ => key,
        }
    }

    /// A file format's name ("MS Word Document") in this language: the word
    /// `file_format_ms_word_document`, or the name itself if there is none.
    pub(crate) fn file_format<'a>(&'a self, format: &'a str) -> &'a str {
        let key = format!("file_format_{}", format.to_lowercase().replace(' ', "_"));
        match self.entries.get(&key) {
            Some(Word::Text(text)) => text,
            _ => format,
        }
    }

    /// The list under `key` (empty if there is none).
    pub(crate) fn list(&self, key: &str) -> &[String] {
        match self.entries.get(key) {
            Some(Word::List(list)) => list,
            _ => &[],
        }
    }

    /// The text of `key` with each `{name}` replaced by its value.
    pub(crate) fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        fill(self.get(key), values)
    }

    /// The words dates are written with.
    pub(crate) fn dates(&self) -> DateWords<'_> {
        DateWords {
            months: self.list("months"),
            weekdays: self.list("weekdays"),
            am: self.get("am"),
            pm: self.get("pm"),
            midday: self.get("midday"),
            midnight: self.get("midnight"),
        }
    }
}

/// The civic theme's English words, for tests.
#[cfg(test)]
pub(crate) fn civic_english() -> Words {
    let text = include_str!("../../../../themes/civic/translations/en.toml");
    Words {
        entries: toml::from_str(text).expect("the theme's en.toml is valid"),
    }
}

/// Replaces each `{name}` in `text` by its value.
pub(crate) fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = text.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The words of every language a site has, and its default language.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    default: String,
    languages: BTreeMap<String, Words>,
    english: Words,
    warnings: Vec<Diagnostic>,
}

/// A translations file as read: its place, its text and its entries.
struct File {
    display: PathBuf,
    text: String,
    entries: BTreeMap<String, Word>,
}

impl Lexicon {
    /// Reads the theme's translations (over the civic theme's, so a theme of
    /// its own need only have the words its templates add) and the site's
    /// `translations/` folder under `root`. The languages are the default
    /// (its file is that of its primary subtag: `en-GB` reads `en.toml`) and
    /// every code a file is named after. Errors name the file, line and column.
    pub(crate) fn load(theme: &Theme, root: &Path, default: &str) -> Result<Lexicon, Diagnostics> {
        let mut diagnostics = Diagnostics::new();
        let mut theme_files: BTreeMap<String, Vec<File>> = BTreeMap::new();
        let civic = Theme::civic_translations();
        let own = (theme.translations != civic).then_some(&theme.translations);
        for (name, file) in civic.iter().chain(own.into_iter().flatten()) {
            if let Some(code) = name.strip_suffix(".toml") {
                let file = read_theme_file(file, &mut diagnostics);
                theme_files.entry(code.to_owned()).or_default().push(file);
            }
        }
        let mut site_files = BTreeMap::new();
        let dir = root.join("translations");
        for entry in crate::util::walk::walk(&dir).flatten() {
            let path = entry.path();
            let (Some(code), Ok(rel)) = (
                path.file_name()
                    .and_then(|n| n.to_str())
                    .and_then(|n| n.strip_suffix(".toml")),
                path.strip_prefix(root),
            ) else {
                continue;
            };
            if entry.file_type().is_file() && path.parent() == Some(dir.as_path()) {
                let display = rel.to_path_buf();
                let text = std::fs::read_to_string(path);
                site_files.insert(code.to_owned(), read(display, text, &mut diagnostics));
            }
        }
        let mut english = Words::default();
        for file in theme_files.get("en").into_iter().flatten() {
            english.entries.extend(file.entries.clone());
        }
        for file in theme_files.values().flatten().chain(site_files.values()) {
            check_keys(file, &english, &mut diagnostics);
        }
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        let mut lexicon = Lexicon {
            default: default.to_owned(),
            languages: BTreeMap::new(),
            english,
            warnings: Vec::new(),
        };
        let mut codes: Vec<&str> = theme_files
            .keys()
            .chain(site_files.keys())
            .map(String::as_str)
            .collect();
        codes.push(default);
        for code in codes {
            let stem = file_stem(code, &theme_files, &site_files);
            let layers: Vec<&File> = theme_files
                .get(stem)
                .into_iter()
                .flatten()
                .chain(site_files.get(stem))
                .collect();
            if layers.is_empty() {
                lexicon.warnings.push(no_words_warning(code));
            }
            let mut words = lexicon.english.clone();
            for file in layers {
                words.entries.extend(file.entries.clone());
            }
            lexicon.languages.insert(code.to_owned(), words);
        }
        Ok(lexicon)
    }

    /// A lexicon with no words (for reporting template errors when the
    /// translations themselves have errors).
    pub(crate) fn empty(default: &str) -> Lexicon {
        Lexicon {
            default: default.to_owned(),
            languages: BTreeMap::new(),
            english: Words::default(),
            warnings: Vec::new(),
        }
    }

    /// The site's default language, as config gives it (`en-GB`).
    pub(crate) fn default_language(&self) -> &str {
        &self.default
    }

    /// The words of `code`, or the default language's if it has none.
    pub(crate) fn words(&self, code: &str) -> &Words {
        self.languages
            .get(code)
            .or_else(|| self.languages.get(&self.default))
            .unwrap_or(&self.english)
    }

    /// The theme's English words (before a site's changes).
    pub(crate) fn english(&self) -> &Words {
        &self.english
    }

    /// The warnings loading gave (languages without words of their own).
    pub(crate) fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// What templates see as `words`: language code → key → word. The words
    /// are the theme's (trusted as templates are), so they are not escaped.
    pub(crate) fn to_value(&self) -> tera::Value {
        let word = |w: &Word| match w {
            Word::Text(text) => tera::Value::safe_string(text),
            Word::List(list) => tera::Value::from(
                list.iter()
                    .map(|t| tera::Value::safe_string(t))
                    .collect::<Vec<_>>(),
            ),
        };
        let languages: BTreeMap<String, tera::Value> = self
            .languages
            .iter()
            .map(|(code, words)| {
                let table: BTreeMap<String, tera::Value> = words
                    .entries
                    .iter()
                    .map(|(k, w)| (k.clone(), word(w)))
                    .collect();
                (code.clone(), tera::Value::from(table))
            })
            .collect();
        tera::Value::from(languages)
    }
}

/// The file a language's words come from: its own code's, else its primary
/// subtag's (`en-GB` → `en`).
fn file_stem<'a>(
    code: &'a str,
    theme: &BTreeMap<String, Vec<File>>,
    site: &BTreeMap<String, File>,
) -> &'a str {
    if theme.contains_key(code) || site.contains_key(code) {
        code
    } else {
        code.split(['-', '_']).next().unwrap_or(code)
    }
}

fn no_words_warning(code: &str) -> Diagnostic {
    Diagnostic::warning(
        format!("translations/{code}.toml"),
        format!("the theme has no words in `{code}`: its pages use the English ones"),
    )
    .with_hint(format!(
        "copy the theme's translations/en.toml to translations/{code}.toml and translate it"
    ))
}

fn read_theme_file(file: &ThemeFile, diagnostics: &mut Diagnostics) -> File {
    let text = file
        .source
        .read()
        .and_then(|b| String::from_utf8(b).map_err(std::io::Error::other));
    read(file.display.clone(), text, diagnostics)
}

fn read(display: PathBuf, text: std::io::Result<String>, diagnostics: &mut Diagnostics) -> File {
    let text = match text {
        Ok(text) => text,
        Err(e) => {
            diagnostics.push(
                Diagnostic::error(&display, format!("cannot read this translations file: {e}"))
                    .with_hint("save it as UTF-8 TOML: key = \"words\", one a line"),
            );
            String::new()
        }
    };
    let source = TomlSource {
        path: &display,
        file_text: &text,
        toml: &text,
        offset: 0,
    };
    let entries = source.parse().unwrap_or_else(|errors| {
        diagnostics.extend(errors);
        BTreeMap::new()
    });
    File {
        display,
        text,
        entries,
    }
}

/// Reports each key of `file` the theme's English words do not have, and
/// each whose kind (text or list) differs from the English one.
fn check_keys(file: &File, english: &Words, diagnostics: &mut Diagnostics) {
    let Some(table) = crate::load::frontmatter::spans(&file.text) else {
        return;
    };
    for (key, _) in table.iter() {
        let name = key.get_ref().as_ref();
        let at = |d: Diagnostic| d.at_offset(&file.text, key.span().start);
        match (english.entries.get(name), file.entries.get(name)) {
            (None, _) => {
                let hint = match nearest(name, english.entries.keys().map(String::as_str)) {
                    Some(best) => format!(
                        "did you mean `{best}`? The keys are those of the theme's translations/en.toml"
                    ),
                    None => "use a key of the theme's translations/en.toml".to_owned(),
                };
                diagnostics.push(
                    at(Diagnostic::error(
                        &file.display,
                        format!("unknown word `{name}`"),
                    ))
                    .with_hint(hint),
                );
            }
            (Some(Word::Text(_)), Some(Word::List(_))) => diagnostics.push(
                at(Diagnostic::error(
                    &file.display,
                    format!("`{name}` should be text, not a list"),
                ))
                .with_hint(format!("write {name} = \"...\"")),
            ),
            (Some(Word::List(want)), Some(Word::List(got))) if want.len() != got.len() => {
                diagnostics.push(
                    at(Diagnostic::error(
                        &file.display,
                        format!(
                            "`{name}` has {} entries; it needs {}",
                            got.len(),
                            want.len()
                        ),
                    ))
                    .with_hint(format!("give all {} of them, in order", want.len())),
                );
            }
            (Some(Word::List(_)), Some(Word::Text(_))) => diagnostics.push(
                at(Diagnostic::error(
                    &file.display,
                    format!("`{name}` should be a list"),
                ))
                .with_hint(format!("write {name} = [\"...\", \"...\"]")),
            ),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn civic() -> Theme {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut theme = Theme::default();
        for code in ["en", "cy"] {
            let path = root.join(format!("themes/civic/translations/{code}.toml"));
            theme.translations.insert(
                format!("{code}.toml"),
                ThemeFile {
                    display: PathBuf::from(format!("themes/civic/translations/{code}.toml")),
                    source: crate::render::theme::FileSource::Disk(path),
                },
            );
        }
        theme
    }

    fn site_with(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("translations")).unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join("translations").join(name), text).unwrap();
        }
        dir
    }

    #[test]
    fn the_default_language_reads_its_primary_subtag_and_a_site_overrides_a_key() {
        let site = site_with(&[("cy.toml", "skip_link = \"Ewch i'r cynnwys\"\n")]);
        let lexicon = Lexicon::load(&civic(), site.path(), "en-GB").unwrap();
        assert_eq!(
            lexicon.words("en-GB").get("skip_link"),
            "Skip to main content"
        );
        assert_eq!(lexicon.words("cy").get("skip_link"), "Ewch i'r cynnwys");
        assert_eq!(lexicon.words("cy").get("home"), "Hafan");
        assert_eq!(lexicon.words("cy").list("months")[10], "Tachwedd");
        assert!(lexicon.warnings().is_empty());
    }

    #[test]
    fn the_welsh_file_translates_every_english_word() {
        let mut diagnostics = Diagnostics::new();
        let theme = civic();
        let [en, cy] = ["en.toml", "cy.toml"]
            .map(|name| read_theme_file(&theme.translations[name], &mut diagnostics));
        assert!(diagnostics.is_empty(), "{}", diagnostics.report());
        let keys = |f: &File| f.entries.keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(&en), keys(&cy));
        // Only words written alike in both languages are the same.
        let same: Vec<&str> = en
            .entries
            .iter()
            .filter(|(k, w)| cy.entries.get(*k) == Some(*w))
            .map(|(k, _)| k.as_str())
            .collect();
        assert_eq!(
            same,
            [
                "agenda",
                "attachment",
                "chart_row",
                "paper_kind_agenda",
                "sector"
            ]
        );
    }

    #[test]
    fn an_unknown_key_is_an_error_at_its_place_with_the_nearest_key() {
        let site = site_with(&[("cy.toml", "home = \"Hafan\"\nskip_lnk = \"Neidio\"\n")]);
        let errors = Lexicon::load(&civic(), site.path(), "en-GB").unwrap_err();
        let report = errors.report();
        assert!(report.contains("translations/cy.toml:2:1"), "{report}");
        assert!(report.contains("unknown word `skip_lnk`"), "{report}");
        assert!(report.contains("did you mean `skip_link`?"), "{report}");
    }

    #[test]
    fn a_list_of_the_wrong_length_is_an_error() {
        let site = site_with(&[("cy.toml", "months = [\"Ionawr\"]\n")]);
        let report = Lexicon::load(&civic(), site.path(), "en-GB")
            .unwrap_err()
            .report();
        assert!(
            report.contains("`months` has 1 entries; it needs 12"),
            "{report}"
        );
    }

    #[test]
    fn a_language_with_no_file_gets_english_words_and_a_warning() {
        let lexicon = Lexicon::load(&civic(), Path::new("/nonexistent"), "fr").unwrap();
        assert_eq!(lexicon.words("fr").get("home"), "Home");
        assert_eq!(lexicon.warnings().len(), 1);
        assert!(
            lexicon.warnings()[0]
                .to_string()
                .contains("no words in `fr`")
        );
    }

    #[test]
    fn the_english_words_of_the_fixed_lists_are_their_labels() {
        use crate::model::*;
        let en = civic_english();
        macro_rules! check {
            ($($list:ty),*) => {$(
                for (_, value) in <$list as crate::model::Choice>::ALL {
                    assert_eq!(en.get(value.word_key()), value.label(), "{}", value.word_key());
                }
            )*};
        }
        check!(
            Sector,
            GroupKind,
            MeetingStatus,
            AttendanceMode,
            Attended,
            SeatCategory,
            PaperKind
        );
    }

    #[test]
    fn a_theme_without_translations_has_the_civic_words() {
        let lexicon = Lexicon::load(&Theme::default(), Path::new("/nonexistent"), "en-GB").unwrap();
        assert_eq!(lexicon.words("en-GB").get("sector_public"), "Public sector");
        assert_eq!(
            lexicon.words("cy").get("sector_public"),
            "Y sector cyhoeddus"
        );
        assert!(lexicon.warnings().is_empty());
    }

    #[test]
    fn file_formats_have_their_names_in_english_and_in_welsh() {
        let lexicon = Lexicon::load(&civic(), Path::new("/nonexistent"), "en-GB").unwrap();
        let (en, cy) = (lexicon.words("en-GB"), lexicon.words("cy"));
        let files = [
            "a.pdf", "a.docx", "a.odt", "a.xlsx", "a.ods", "a.pptx", "a.odp", "a.png", "a.zip",
            "a.txt", "a.rtf", "a.mp3", "a.mp4", "a.jpg", "a.bin",
        ];
        for file in files {
            let format = crate::model::format_of(file).0;
            assert_eq!(en.file_format(format), format);
            let universal = ["PDF", "CSV", "HTML"].contains(&format);
            assert!(
                universal || cy.file_format(format) != format,
                "{format} in Welsh"
            );
        }
        assert_eq!(cy.file_format("MS Word Document"), "Dogfen MS Word");
    }

    #[test]
    fn placeholders_are_filled() {
        let lexicon = Lexicon::load(&civic(), Path::new("/nonexistent"), "en-GB").unwrap();
        let en = lexicon.words("en-GB");
        assert_eq!(en.fill("footer_contact", &[("name", "Bro")]), "Contact Bro");
    }
}

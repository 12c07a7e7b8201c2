//! Diagnostics: what an editor sees when the content, config or a template is wrong.
//!
//! Every problem found while loading, checking or rendering a site becomes a
//! [`Diagnostic`] with a place (`path:line:col`), a message and, where we can
//! guess what was meant, a hint. A build collects all of them and reports them
//! together, in the style of rustc.
//!
//! Over 600 lines with its unit tests (about 140 of them): the type, its
//! rustc-style display, nearest-name hints and text decoding are used together
//! by every stage.

use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::Serialize;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Severity {
    /// The site cannot be built as written.
    Error,
    /// The site builds, but something deserves attention.
    Warning,
}

/// A place in a source file: 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Default)]
pub struct Position {
    /// 1-based line number; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub col: usize,
}

/// One problem, with its place, message and hint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub(crate) severity: Severity,
    /// The file, relative to the site root where possible.
    pub path: PathBuf,
    /// Where in the file.
    #[serde(flatten)]
    pub position: Position,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The offending line of the file, when known; a long line is cut to a
    /// window of [`WINDOW`] characters around the column, marked with `…`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) source_line: Option<String>,
    /// The characters of `source_line` before the column (the caret's place).
    #[serde(skip)]
    caret: u32,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error about a whole file (no line known).
    pub fn error(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            position: Position::default(),
            message: message.into(),
            source_line: None,
            caret: 0,
            hint: None,
        }
    }

    /// A warning about a whole file (no line known).
    pub fn warning(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    /// Places the diagnostic at a position, quoting the line from `text`.
    pub fn at(self, text: &str, position: Position) -> Self {
        let line = text
            .lines()
            .nth(position.line.saturating_sub(1))
            .filter(|_| position.line > 0);
        match line {
            Some(line) => self.quoting(line, position),
            None => Diagnostic { position, ..self },
        }
    }

    /// Places the diagnostic at a position of `line`, the text of that line.
    pub fn quoting(self, line: &str, position: Position) -> Self {
        let byte = line
            .char_indices()
            .nth(position.col.saturating_sub(1))
            .map_or(line.len(), |(i, _)| i);
        self.quoting_byte(line, byte, position)
    }

    /// Places the diagnostic at a position of a file whose [`TextIndex`] is
    /// known: the same as [`Diagnostic::at`], in time independent of the
    /// line's length (for the many diagnostics one long line may have).
    pub(crate) fn at_indexed(self, text: &str, index: &TextIndex, position: Position) -> Self {
        let start = index.lines.start(position.line);
        let Some(start) = start.filter(|&s| s < text.len() && position.line > 0) else {
            return Diagnostic { position, ..self };
        };
        let mut end = index
            .lines
            .start(position.line + 1)
            .map_or(text.len(), |s| s - 1);
        if end < text.len() && text[..end].ends_with('\r') {
            end -= 1;
        }
        let first = index.char_of(text, start);
        let byte = index.byte_of(text, first + position.col.saturating_sub(1));
        self.quoting_byte(&text[start..end], byte.clamp(start, end) - start, position)
    }

    /// Places the diagnostic at a position of `line` whose column starts at `byte`.
    fn quoting_byte(mut self, line: &str, byte: usize, position: Position) -> Self {
        let (window, caret) = window(line, byte);
        self.position = position;
        self.source_line = Some(window);
        self.caret = u32::try_from(caret).unwrap_or(u32::MAX);
        self
    }

    /// Places the diagnostic at a byte offset of `text`.
    pub(crate) fn at_offset(self, text: &str, offset: usize) -> Self {
        let position = position_of(text, offset);
        self.at(text, position)
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The same finding as a warning: the site still builds.
    pub(crate) fn into_warning(self) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..self
        }
    }

    /// Whether this is an error (as opposed to a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// Renders the diagnostic in the style of rustc:
    ///
    /// ```text
    /// content/about.md:3:1: error: unknown front-matter key `titel`
    ///   |
    /// 3 | titel = "About"
    ///   | ^
    ///   = hint: did you mean `title`?
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = display_path(&self.path);
        let Position { line, col } = self.position;
        // Messages and hints quote what was written, which may hold control
        // characters (a TOML escape such as "\u0000"): never echo them raw.
        let message: String = self.message.chars().map(printable).collect();
        if line > 0 {
            writeln!(f, "{path}:{line}:{col}: {label}: {message}")?;
        } else {
            writeln!(f, "{path}: {label}: {message}")?;
        }
        let gutter = " ".repeat(line.to_string().len());
        if let Some(source) = &self.source_line {
            writeln!(f, "{gutter} |")?;
            writeln!(f, "{line} | {source}")?;
            let pad: String = source
                .chars()
                .take(self.caret as usize)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            writeln!(f, "{gutter} | {pad}^")?;
        }
        if let Some(hint) = &self.hint {
            let hint: String = hint.chars().map(printable).collect();
            writeln!(f, "{gutter} = hint: {hint}")?;
        }
        Ok(())
    }
}

/// How many diagnostics of one message in one file a report shows.
pub(crate) const REPEATS_SHOWN: usize = 3;

/// The most characters of a source line a diagnostic quotes.
pub(crate) const WINDOW: usize = 120;

/// At most [`WINDOW`] characters of `line` around the column starting at
/// `byte`, with `…` where it was cut; and the characters before the column in
/// it. Only the characters shown are visited: the cost is the window's, not the line's.
fn window(line: &str, byte: usize) -> (String, usize) {
    let (mut start, before) = back(line, byte, WINDOW / 2);
    let (end, after) = forward(line, byte, WINDOW - before);
    let mut caret = before;
    if after < WINDOW - before {
        // The line ends inside the window: show more of what comes before.
        let (earlier, more) = back(line, start, WINDOW - before - after);
        start = earlier;
        caret += more;
    }
    let mut out = String::with_capacity(end - start + 6);
    if start > 0 {
        out.push('…');
        caret += 1;
    }
    out.extend(line[start..end].chars().map(printable));
    if end < line.len() {
        out.push('…');
    }
    (out, caret)
}

/// The byte at most `k` characters before `byte` in `line`, and how many characters that is.
fn back(line: &str, byte: usize, k: usize) -> (usize, usize) {
    line[..byte]
        .char_indices()
        .rev()
        .take(k)
        .fold((byte, 0), |(_, n), (i, _)| (i, n + 1))
}

/// The byte at most `k` characters after `byte` in `line`, and how many characters that is.
fn forward(line: &str, byte: usize, k: usize) -> (usize, usize) {
    let rest = &line[byte..];
    match rest.char_indices().nth(k) {
        Some((i, _)) => (byte + i, k),
        None => (line.len(), rest.chars().count()),
    }
}

/// A character as a terminal may show it: control characters (other than
/// tab) become `�`, so no quoted line rings, clears or recolours a terminal.
fn printable(c: char) -> char {
    if c.is_control() && c != '\t' {
        '\u{fffd}'
    } else {
        c
    }
}

/// The error for a file that is not UTF-8 text, at its first bad byte:
/// `what` names it ("the file", "this template"), `hint` says how to save it.
pub(crate) fn not_utf8(
    source: &Path,
    what: &str,
    hint: &str,
    e: &std::string::FromUtf8Error,
) -> Diagnostic {
    Diagnostic::error(source, format!("{what} is not UTF-8 text"))
        .at_offset(
            &String::from_utf8_lossy(e.as_bytes()),
            e.utf8_error().valid_up_to(),
        )
        .with_hint(hint)
}

/// Whether `bytes` look like UTF-16 text: a byte-order mark, or a NUL beside
/// each of the first characters (ASCII saved as UTF-16 is valid UTF-8 with NULs).
fn looks_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64) & !1];
    bytes.starts_with(&[0xff, 0xfe])
        || bytes.starts_with(&[0xfe, 0xff])
        || (!head.is_empty()
            && (head.iter().step_by(2).all(|&b| b == 0)
                || head.iter().skip(1).step_by(2).all(|&b| b == 0)))
}

/// A file's bytes as text: UTF-8 (UTF-16 is named as such), with no control
/// character other than tab and line ends, each refused at its place (at
/// most ten). `what` names the file in errors, `hint` says how to save it as UTF-8.
pub(crate) fn decode_text(
    bytes: Vec<u8>,
    source: &Path,
    what: &str,
    hint: &str,
) -> Result<String, Vec<Diagnostic>> {
    if looks_utf16(&bytes) {
        return Err(vec![
            Diagnostic::error(source, format!("{what} is UTF-16 text, not UTF-8"))
                .at("", Position { line: 1, col: 1 })
                .with_hint(hint),
        ]);
    }
    let text = String::from_utf8(bytes).map_err(|e| vec![not_utf8(source, what, hint, &e)])?;
    let controls: Vec<Diagnostic> = text
        .char_indices()
        .filter(|&(_, c)| refused(c))
        .take(10)
        .map(|(at, c)| {
            Diagnostic::error(
                source,
                format!("{what} holds the control character U+{:04X}", u32::from(c)),
            )
            .at_offset(&text, at)
            .with_hint(CONTROL_HINT)
        })
        .collect();
    if controls.is_empty() {
        Ok(text)
    } else {
        Err(controls)
    }
}

/// A character no text of a site may hold: a control character other than
/// tab and line ends (NUL, BEL, ESC...), invisible and invalid in HTML.
pub(crate) fn refused(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// The hint for a control character found in a file or a value.
pub(crate) const CONTROL_HINT: &str = "it is invisible and breaks the page: delete it (it often comes from pasting out of another program)";

/// Shows a path with forward slashes, as editors and terminals link it.
pub(crate) fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// The 1-based line and column of a byte offset in `text`.
pub(crate) fn position_of(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    Position { line, col }
}

/// Where each line of a text starts, found once: the line of any byte
/// offset in logarithmic time (for files with many places to report).
#[derive(Debug, Clone)]
pub(crate) struct LineStarts(Vec<usize>);

impl LineStarts {
    /// Indexes the lines of `text`.
    pub(crate) fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        LineStarts(starts)
    }

    /// The byte offset where 1-based `line` starts, if the text has it.
    pub(crate) fn start(&self, line: usize) -> Option<usize> {
        line.checked_sub(1).and_then(|i| self.0.get(i)).copied()
    }

    /// The 1-based line holding byte `offset`.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

/// The characters between two marks of a [`TextIndex`].
const MARK: usize = 256;

/// Where each line of a text starts, and the byte of every [`MARK`]th
/// character: a line and character column become a byte offset without
/// counting from the line's start (for files with many places to report).
#[derive(Debug, Clone)]
pub(crate) struct TextIndex {
    lines: LineStarts,
    marks: Vec<usize>,
}

impl TextIndex {
    /// Indexes `text`.
    pub(crate) fn new(text: &str) -> Self {
        let marks = text.char_indices().step_by(MARK).map(|(i, _)| i).collect();
        TextIndex {
            lines: LineStarts::new(text),
            marks,
        }
    }

    /// The 1-based line holding byte `offset`.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.lines.line_of(offset)
    }

    /// How many characters of `text` come before `byte` (a character boundary).
    fn char_of(&self, text: &str, byte: usize) -> usize {
        let k = self.marks.partition_point(|&b| b <= byte).saturating_sub(1);
        let mark = self.marks.get(k).copied().unwrap_or(0);
        k * MARK + text[mark..byte].chars().count()
    }

    /// The byte where character `ch` of `text` starts (`text.len()` past the end).
    fn byte_of(&self, text: &str, ch: usize) -> usize {
        self.marks.get(ch / MARK).map_or(text.len(), |&mark| {
            text[mark..]
                .char_indices()
                .nth(ch % MARK)
                .map_or(text.len(), |(i, _)| mark + i)
        })
    }
}

/// The diagnostics of one build or check, kept in a stable order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Diagnostics(Vec<Diagnostic>);

/// What makes two diagnostics repeats of one another in a report.
fn repeat_key(d: &Diagnostic) -> (Severity, &Path, &str) {
    (d.severity, &d.path, &d.message)
}

impl Diagnostics {
    /// No diagnostics yet.
    pub fn new() -> Self {
        Diagnostics(Vec::new())
    }

    /// Records one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Records many.
    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(diagnostics);
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// The number of errors.
    pub(crate) fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    /// The number of warnings.
    pub(crate) fn warning_count(&self) -> usize {
        self.0.len() - self.error_count()
    }

    /// Whether there are none at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Iterates in report order.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// Sorts by file and place (errors of one file together), dropping exact repeats.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (&a.path, a.position, a.severity, &a.message)
                .cmp(&(&b.path, b.position, b.severity, &b.message))
        });
        self.0.dedup();
    }

    /// The whole report as text: each diagnostic, then a summary line. Of
    /// one message repeated in one file, the first [`REPEATS_SHOWN`] are
    /// shown and the rest counted ("and 9999 more like this").
    pub fn report(&self) -> String {
        let mut out = String::new();
        let mut total: HashMap<_, usize> = HashMap::new();
        for diagnostic in &self.0 {
            *total.entry(repeat_key(diagnostic)).or_default() += 1;
        }
        let mut shown: HashMap<_, usize> = HashMap::new();
        for diagnostic in &self.0 {
            let k = repeat_key(diagnostic);
            let seen = shown.entry(k).or_default();
            *seen += 1;
            if *seen <= REPEATS_SHOWN {
                let _ = writeln!(out, "{diagnostic}");
            }
            let more = total[&k].saturating_sub(REPEATS_SHOWN);
            if *seen == REPEATS_SHOWN && more > 0 {
                let _ = writeln!(
                    out,
                    "{}: and {more} more like this\n",
                    display_path(&diagnostic.path)
                );
            }
        }
        let (errors, warnings) = (self.error_count(), self.warning_count());
        if errors > 0 {
            // The count of errors comes last, where the eye lands.
            let _ = writeln!(
                out,
                "error: the site has {}{errors} error{}",
                if warnings > 0 {
                    format!("{warnings} warning{} and ", plural(warnings))
                } else {
                    String::new()
                },
                plural(errors)
            );
        } else if warnings > 0 {
            let _ = writeln!(out, "warning: {warnings} warning{}", plural(warnings));
        }
        out
    }
}

impl Diagnostics {
    /// The report as JSON, in the documented and stable shape of
    /// `alliance check --format json` (format version 1):
    ///
    /// ```json
    /// { "version": 1, "ok": false, "errors": 1, "warnings": 0,
    ///   "diagnostics": [ { "severity": "error", "file": "content/a.md", "line": 3,
    ///     "column": 1, "message": "...", "hint": "...", "source_line": "..." } ] }
    /// ```
    ///
    /// Every key is always present; `hint` and `source_line` are `null` when
    /// unknown, and `line` and `column` are 0 when the finding concerns a whole file.
    pub fn to_json(&self) -> serde_json::Value {
        let diagnostics: Vec<serde_json::Value> = self
            .0
            .iter()
            .map(|d| {
                serde_json::json!({
                    "severity": d.severity,
                    "file": display_path(&d.path),
                    "line": d.position.line,
                    "column": d.position.col,
                    "message": d.message,
                    "hint": d.hint,
                    "source_line": d.source_line,
                })
            })
            .collect();
        serde_json::json!({
            "version": 1,
            "ok": !self.has_errors(),
            "errors": self.error_count(),
            "warnings": self.warning_count(),
            "diagnostics": diagnostics,
        })
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl From<Vec<Diagnostic>> for Diagnostics {
    fn from(v: Vec<Diagnostic>) -> Self {
        Diagnostics(v)
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub(crate) fn nearest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// A "did you mean" hint for `word` among `candidates`, or a list of them.
pub(crate) fn suggest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> String {
    match nearest(word, candidates.clone()) {
        Some(best) => format!("did you mean `{best}`?"),
        None => {
            let all: Vec<_> = candidates.into_iter().map(|c| format!("`{c}`")).collect();
            format!("expected one of {}", all.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "a\nbé c\n";
        assert_eq!(position_of(text, 0), Position { line: 1, col: 1 });
        assert_eq!(position_of(text, 2), Position { line: 2, col: 1 });
        assert_eq!(position_of(text, 5), Position { line: 2, col: 3 });
    }

    #[test]
    fn renders_like_rustc() {
        let d = Diagnostic::error("content/a.md", "unknown key `titel`")
            .at("+++\ntitel = 1\n+++", Position { line: 2, col: 1 })
            .with_hint("did you mean `title`?");
        let text = d.to_string();
        assert!(text.starts_with("content/a.md:2:1: error: unknown key `titel`\n"));
        assert!(text.contains("2 | titel = 1\n"));
        assert!(text.contains("  | ^\n"));
        assert!(text.contains("= hint: did you mean `title`?"));
    }

    #[test]
    fn long_lines_are_quoted_in_a_window_and_repeats_counted() {
        let line = format!("{}BAD{}", "a".repeat(5000), "b".repeat(5000));
        let d = Diagnostic::error("content/a.md", "bad").at(&line, position_of(&line, 5000));
        assert_eq!(d.position, Position { line: 1, col: 5001 });
        let quoted = d.source_line.as_deref().unwrap();
        assert_eq!(quoted.chars().count(), WINDOW + 2);
        assert!(quoted.starts_with('…') && quoted.ends_with('…') && quoted.contains("BAD"));
        let text = d.to_string();
        let caret = text.lines().nth(3).unwrap();
        let at = quoted.chars().position(|c| c == 'B').unwrap();
        assert_eq!(caret.chars().count(), "  | ".len() + at + 1, "{text}");
        let short = Diagnostic::error("a", "x").at("abc", Position { line: 1, col: 3 });
        assert!(short.to_string().contains("1 | abc\n  |   ^"));

        let mut many = Diagnostics::new();
        for i in 0..1_000 {
            many.push(Diagnostic::error("content/a.md", "bad").at(&line, position_of(&line, i)));
        }
        many.push(Diagnostic::error("content/b.md", "other"));
        let report = many.report();
        assert_eq!(report.matches("error: bad").count(), REPEATS_SHOWN);
        assert!(report.contains("content/a.md: and 997 more like this"));
        assert!(report.contains("content/b.md: error: other"));
        assert!(
            report.ends_with("error: the site has 1001 errors\n"),
            "{report}"
        );
        assert!(report.len() < 4000, "{} bytes", report.len());
    }

    /// The window as first written, counting the whole line: the reference.
    fn counted_window(line: &str, before: usize) -> (String, usize) {
        let count = line.chars().count();
        if count <= WINDOW {
            return (line.chars().map(printable).collect(), before.min(count));
        }
        let before = before.min(count);
        let start = before.saturating_sub(WINDOW / 2).min(count - WINDOW);
        let mut out = String::new();
        if start > 0 {
            out.push('…');
        }
        out.extend(line.chars().skip(start).take(WINDOW).map(printable));
        if start + WINDOW < count {
            out.push('…');
        }
        (out, before - start + usize::from(start > 0))
    }

    #[test]
    fn windows_visit_only_what_they_show_and_agree_with_counting() {
        for len in [0, 1, 59, 60, 61, 119, 120, 121, 122, 180, 500] {
            let line: String = (0..len)
                .map(|i| if i % 3 == 0 { 'é' } else { 'a' })
                .collect();
            for before in 0..=len + 2 {
                let byte = line
                    .char_indices()
                    .nth(before)
                    .map_or(line.len(), |(i, _)| i);
                assert_eq!(
                    window(&line, byte),
                    counted_window(&line, before),
                    "{len} {before}"
                );
            }
        }
    }

    #[test]
    fn indexed_places_quote_as_counted_ones() {
        let long = "é".repeat(700) + &"ab".repeat(300);
        let text = format!(
            "+++\r\nt = 1\r\n+++\n{long}\n\nshort é\n{}",
            "x".repeat(130)
        );
        let index = TextIndex::new(&text);
        for line in 0..=7 {
            for col in (0..1400).step_by(7).chain([59, 60, 61, 1299, 1300, 1301]) {
                let position = Position { line, col };
                let counted = Diagnostic::error("a", "m").at(&text, position);
                let indexed = Diagnostic::error("a", "m").at_indexed(&text, &index, position);
                assert_eq!(counted.to_string(), indexed.to_string(), "{line}:{col}");
                assert_eq!(counted, indexed, "{line}:{col}");
            }
        }
    }

    #[test]
    fn json_has_every_key() {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::warning("content/a.pdf", "lonely document"));
        let json = d.to_json();
        assert_eq!(json["ok"], true);
        assert_eq!(json["warnings"], 1);
        let first = &json["diagnostics"][0];
        assert_eq!(first["severity"], "warning");
        assert_eq!(first["file"], "content/a.pdf");
        assert_eq!(
            (first["line"].as_u64(), first["column"].as_u64()),
            (Some(0), Some(0))
        );
        assert!(first["hint"].is_null() && first["source_line"].is_null());
    }

    #[test]
    fn suggests_nearest_or_lists() {
        assert_eq!(suggest("titel", ["title", "date"]), "did you mean `title`?");
        assert_eq!(
            suggest("zzz", ["title", "date"]),
            "expected one of `title`, `date`"
        );
    }
}

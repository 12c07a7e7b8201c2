//! What the authoring checks need to know about a page body, read from
//! comrak's syntax tree (with the same options as rendering, so places agree)
//! and, when raw HTML is let through, from the tags of that HTML.

use std::cell::Cell;

use comrak::nodes::{AstNode, LineColumn, NodeValue};

use crate::diagnostic::{LineStarts, refused};

use crate::markdown::is_decorative;
use crate::util::html;

/// A place in the body: 1-based line (of the body) and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    /// Line within the body.
    pub(crate) line: usize,
    /// Column within that line.
    pub(crate) col: usize,
}

/// Turns comrak's places (columns in bytes: counting characters as comrak
/// parses is quadratic on long lines) into [`Place`]s (columns in
/// characters), counting only for the places asked, from the last one asked
/// when it is earlier on the same line: linear for places asked in order.
pub(crate) struct Columns<'a> {
    text: &'a str,
    lines: LineStarts,
    /// The last place asked: line, byte column (0-based), characters before it.
    last: Cell<(usize, usize, usize)>,
}

impl<'a> Columns<'a> {
    /// For places in `text`, the Markdown that was parsed.
    pub(crate) fn new(text: &'a str) -> Self {
        Columns {
            text,
            lines: LineStarts::new(text),
            last: Cell::new((0, 0, 0)),
        }
    }

    /// The place of a 1-based line and 1-based byte column.
    pub(crate) fn place(&self, lc: LineColumn) -> Place {
        let Some(start) = self.lines.start(lc.line) else {
            return Place {
                line: lc.line,
                col: lc.column,
            };
        };
        let end = self
            .lines
            .start(lc.line + 1)
            .map_or(self.text.len(), |next| next - 1);
        let line = &self.text[start..end];
        let mut byte = lc.column.saturating_sub(1).min(line.len());
        while !line.is_char_boundary(byte) {
            byte -= 1;
        }
        let (last_line, last_byte, last_chars) = self.last.get();
        let (from, chars) = if last_line == lc.line && last_byte <= byte {
            (last_byte, last_chars)
        } else {
            (0, 0)
        };
        let chars = chars + line[from..byte].chars().count();
        self.last.set((lc.line, byte, chars));
        Place {
            line: lc.line,
            col: chars + 1,
        }
    }

    /// Where on the line of `lc`, from its column on, the character
    /// reference that wrote `c` starts (`&#27;`, `&#x1B;`); `lc` itself if none does.
    pub(crate) fn reference_of(&self, lc: LineColumn, c: char) -> LineColumn {
        let Some(start) = self.lines.start(lc.line) else {
            return lc;
        };
        let end = self
            .lines
            .start(lc.line + 1)
            .map_or(self.text.len(), |next| next - 1);
        let from = (start + lc.column.saturating_sub(1)).min(end);
        let Some(line) = self.text.get(from..end) else {
            return lc;
        };
        match control_references(line).find(|&(_, written)| written == c) {
            Some((at, _)) => LineColumn {
                line: lc.line,
                column: from - start + at + 1,
            },
            None => lc,
        }
    }
}

/// The character references in `text` (`&#27;`, `&#x1B;`) that write a
/// control character no page may hold: each one's byte offset and character.
fn control_references(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    text.match_indices("&#").filter_map(|(at, _)| {
        let rest = &text[at + 2..];
        let digits = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
        let number = &rest[..digits];
        if rest.as_bytes().get(digits) != Some(&b';') {
            return None;
        }
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => number.parse().ok(),
        }?;
        char::from_u32(code)
            .filter(|&c| refused(c))
            .map(|c| (at, c))
    })
}

/// Whether a fact came from Markdown syntax or from raw HTML: hints differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Syntax {
    /// Written in Markdown.
    Markdown,
    /// Written as raw HTML (`[markdown] unsafe_html = true`).
    Html,
}

/// An image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Image {
    /// Its source, as written.
    pub(crate) src: String,
    /// Its alt text; `None` for a raw `<img>` with no `alt` attribute.
    pub(crate) alt: Option<String>,
    /// Marked as decoration only: Markdown title `"decorative"`, or HTML `role="presentation"`/`"none"`.
    pub(crate) decorative: bool,
    /// Where it is.
    pub(crate) place: Place,
    /// How it was written.
    pub(crate) syntax: Syntax,
}

/// A heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Heading {
    /// 1–6.
    pub(crate) level: u8,
    /// Where it is.
    pub(crate) place: Place,
    /// How it was written.
    pub(crate) syntax: Syntax,
}

/// A Markdown link (raw HTML links are not read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link {
    /// The destination, as written.
    pub(crate) url: String,
    /// Its text, as a reader hears it (image alt text included).
    pub(crate) text: String,
    /// Where it is.
    pub(crate) place: Place,
}

/// A table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Table {
    /// Whether it has a header row with some text in it.
    pub(crate) has_header: bool,
    /// Where it starts.
    pub(crate) place: Place,
    /// How it was written.
    pub(crate) syntax: Syntax,
}

/// Everything the checks read from one body, in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Facts {
    /// Images.
    pub(crate) images: Vec<Image>,
    /// Headings.
    pub(crate) headings: Vec<Heading>,
    /// Links.
    pub(crate) links: Vec<Link>,
    /// Tables.
    pub(crate) tables: Vec<Table>,
    /// Control characters written as character references (`&#27;`), which
    /// comrak decodes into the text.
    pub(crate) controls: Vec<Control>,
}

/// A control character in a body's text (NUL, BEL, ESC...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Control {
    /// The character.
    pub(crate) char: char,
    /// Where its reference is.
    pub(crate) place: Place,
}

/// Reads the facts of a Markdown body. Raw HTML is read only when it is let
/// through (`unsafe_html`); otherwise readers see it as text. (Rendering
/// reads them from its own parse, [`read_tree`]; tests read them alone.)
#[cfg(test)]
pub(crate) fn read(markdown: &str, unsafe_html: bool) -> Facts {
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(
        &arena,
        markdown,
        &crate::markdown::options(markdown, unsafe_html),
    );
    read_tree(root, &Columns::new(markdown), unsafe_html)
}

/// Reads the facts of a parsed body (rendering parses once and reads them here).
pub(crate) fn read_tree<'a>(
    root: &'a AstNode<'a>,
    columns: &Columns<'_>,
    unsafe_html: bool,
) -> Facts {
    let mut facts = Facts::default();
    let mut raw = RawHtml::default();
    for node in root.descendants() {
        let data = node.data();
        let start = data.sourcepos.start;
        let place = || columns.place(start);
        match &data.value {
            NodeValue::Heading(h) => facts.headings.push(Heading {
                level: h.level,
                place: place(),
                syntax: Syntax::Markdown,
            }),
            NodeValue::Image(image) => facts.images.push(Image {
                src: image.url.clone(),
                alt: Some(node.collect_text()),
                decorative: is_decorative(&image.title),
                place: place(),
                syntax: Syntax::Markdown,
            }),
            NodeValue::Link(link) => facts.links.push(Link {
                url: link.url.clone(),
                text: node.collect_text(),
                place: place(),
            }),
            NodeValue::Text(text) => {
                let mut from = start;
                for c in text.chars().filter(|&c| refused(c)).take(10) {
                    let at = columns.reference_of(from, c);
                    facts.controls.push(Control {
                        char: c,
                        place: columns.place(at),
                    });
                    from = LineColumn {
                        column: at.column + 1,
                        ..at
                    };
                }
            }
            NodeValue::Table(_) => facts.tables.push(Table {
                has_header: gfm_header_has_text(node),
                place: place(),
                syntax: Syntax::Markdown,
            }),
            NodeValue::HtmlBlock(block) if unsafe_html => {
                raw.read(&block.literal, start, columns, &mut facts);
            }
            NodeValue::HtmlInline(literal) if unsafe_html => {
                raw.read(literal, start, columns, &mut facts)
            }
            _ => {}
        }
    }
    raw.finish(&mut facts);
    facts
}

/// Whether a GFM table's header row has any text (all-empty header cells are no header).
fn gfm_header_has_text<'a>(table: &'a AstNode<'a>) -> bool {
    table.children().any(|row| {
        matches!(row.data().value, NodeValue::TableRow(true))
            && !row.collect_text().trim().is_empty()
    })
}

/// Reads raw HTML fragments in document order; a table may span several.
#[derive(Default)]
struct RawHtml {
    /// Open `<table>`s: where each starts and whether it has a `<th>` yet.
    open_tables: Vec<(Place, bool)>,
}

impl RawHtml {
    fn read(&mut self, literal: &str, start: LineColumn, columns: &Columns<'_>, facts: &mut Facts) {
        // Raw HTML is let through as written: a browser decodes its references.
        for (offset, c) in control_references(literal).take(10) {
            facts.controls.push(Control {
                char: c,
                place: columns.place(place_in(literal, start, offset)),
            });
        }
        for tag in html::tags(literal) {
            let place = columns.place(place_in(literal, start, tag.offset));
            if let Some(level) = tag.heading_level() {
                facts.headings.push(Heading {
                    level,
                    place,
                    syntax: Syntax::Html,
                });
                continue;
            }
            match (tag.name.as_str(), tag.closing) {
                ("img", false) => facts.images.push(Image {
                    src: tag.attr("src").unwrap_or_default().to_owned(),
                    alt: tag.attr("alt").map(str::to_owned),
                    decorative: matches!(tag.attr("role"), Some("presentation" | "none")),
                    place,
                    syntax: Syntax::Html,
                }),
                ("table", false) => self.open_tables.push((place, false)),
                ("th", false) => {
                    if let Some(open) = self.open_tables.last_mut() {
                        open.1 = true;
                    }
                }
                ("table", true) => {
                    if let Some((place, has_header)) = self.open_tables.pop() {
                        facts.tables.push(Table {
                            has_header,
                            place,
                            syntax: Syntax::Html,
                        });
                    }
                }
                _ => {}
            }
        }
    }

    /// Tables never closed still count.
    fn finish(mut self, facts: &mut Facts) {
        while let Some((place, has_header)) = self.open_tables.pop() {
            facts.tables.push(Table {
                has_header,
                place,
                syntax: Syntax::Html,
            });
        }
        facts.tables.sort_by_key(|t| (t.place.line, t.place.col));
    }
}

/// The line and byte column of byte `offset` of a raw HTML fragment that
/// starts at `start`. Later lines of a block are assumed to share its first
/// line's indent.
fn place_in(literal: &str, start: LineColumn, offset: usize) -> LineColumn {
    let before = literal.get(..offset).unwrap_or(literal);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    LineColumn {
        line: start.line + before.matches('\n').count(),
        column: start.column + before.len() - line_start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_markdown_facts_with_places() {
        let f = read(
            "## A\n\n![](a.png) ![Map](m.png) ![](b.png \"Decorative\")\n\n#### B\n\n[click here](x.html) <https://e.org>\n\n| | |\n|---|---|\n| 1 | 2 |\n",
            false,
        );
        let levels: Vec<_> = f.headings.iter().map(|h| (h.level, h.place.line)).collect();
        assert_eq!(levels, [(2, 1), (4, 5)]);
        assert_eq!(f.images.len(), 3);
        assert_eq!(f.images[0].alt.as_deref(), Some(""));
        assert_eq!(f.images[1].place, Place { line: 3, col: 12 });
        assert!(f.images[2].decorative && !f.images[0].decorative);
        assert_eq!(f.links[0].text, "click here");
        assert_eq!(f.links[1].text, "https://e.org");
        assert_eq!(f.tables.len(), 1);
        assert!(!f.tables[0].has_header);
    }

    #[test]
    fn columns_count_characters() {
        let f = read("Café ![](a.png)\n", false);
        assert_eq!(f.images[0].place, Place { line: 1, col: 6 });
    }

    #[test]
    fn raw_html_is_read_only_when_let_through() {
        let text = "Text\n\n<table>\n<tr><td>1</td></tr>\n\n</table>\n\n<table><tr><th>H</th></tr></table>\n\nA <img src=\"x.png\"> and <img src=\"y.png\" alt=\"\" role=\"presentation\">\n\n<h3>Raw</h3>\n";
        assert_eq!(read(text, false), Facts::default());
        let f = read(text, true);
        let tables: Vec<_> = f
            .tables
            .iter()
            .map(|t| (t.has_header, t.place.line))
            .collect();
        assert_eq!(tables, [(false, 3), (true, 8)]);
        assert_eq!(f.images[0].alt, None);
        assert_eq!(f.images[0].place, Place { line: 10, col: 3 });
        assert!(f.images[1].decorative);
        assert_eq!(f.headings[0].level, 3);
        assert_eq!(f.headings[0].syntax, Syntax::Html);
    }
}

//! What every drawing shares: the theme's AAA palette, the accessible
//! `<svg>` element that opens it, and how wide text is drawn, for sizing
//! boxes and wrapping lines.

use std::fmt::Write as _;

use crate::util::escape::escape;

/// Text and value labels.
pub(super) const TEXT: &str = "#0b0c0c";
/// Secondary text: axis ticks, a box's second line.
pub(super) const SECONDARY: &str = "#484949";
/// Bars, lines, points and box outlines.
pub(super) const BRAND: &str = "#0f385c";
/// The fill of a box.
pub(super) const PANEL: &str = "#f3f2f1";
/// Axes and links between boxes.
pub(super) const BORDER: &str = "#505a5f";
/// The font stack every drawing's text is set in.
const FONT: &str = "font-family=\"system-ui, -apple-system, 'Segoe UI', Arial, sans-serif\"";

/// Opens an accessible `<svg>` of the given size. A `fluid` drawing has only
/// a `viewBox` and scales to its column (the theme sets its width); the others
/// keep their size in pixels.
pub(super) fn open_svg(
    out: &mut String,
    id: &str,
    size: (f64, f64),
    fluid: bool,
    title: &str,
    desc: &str,
) {
    let (width, height) = size;
    let (class, fixed) = if fluid {
        ("chart chart--fluid", String::new())
    } else {
        ("chart", format!(" width=\"{width}\" height=\"{height}\""))
    };
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{class}\" role=\"img\" \
         viewBox=\"0 0 {width} {height}\"{fixed} \
         aria-labelledby=\"{id}-title {id}-desc\" {FONT}>\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape(title),
        escape(desc)
    );
}

/// A conservative estimate of the width of `text` in pixels at `size`: wider
/// than system-ui, Segoe UI or Arial draw most text, so boxes and gaps sized
/// by it hold the real text.
pub(super) fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let em = if bold { 0.66 } else { 0.62 };
    text.chars().count() as f64 * size * em
}

/// Splits `text` into lines no wider than `width` pixels at `size`, at spaces
/// (a word too long for a line of its own is broken between characters).
pub(super) fn wrap(text: &str, width: f64, size: f64, bold: bool) -> Vec<String> {
    let fits = |line: &str| text_width(line, size, bold) <= width;
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if fits(&format!("{line} {word}")) => {
                line.push(' ');
                line.push_str(word);
            }
            _ => {
                let mut piece = String::new();
                for c in word.chars() {
                    if !piece.is_empty() && !fits(&format!("{piece}{c}")) {
                        lines.push(std::mem::take(&mut piece));
                    }
                    piece.push(c);
                }
                lines.push(piece);
            }
        }
    }
    lines
}

//! Inline SVG drawn at build time: the partnership's structure, bar charts of
//! sector balance and line charts of strategy indicators.
//!
//! Every drawing is `role="img"` with a `<title>` and `<desc>` (the page also
//! carries the same facts as a list or table), uses the theme's AAA colours,
//! and never carries meaning by colour alone: every bar and point is labelled
//! with its value in text.

use std::fmt::Write as _;

use crate::util::escape::escape;

const TEXT: &str = "#0b0c0c";
const SECONDARY: &str = "#484949";
const BRAND: &str = "#0f385c";
const PANEL: &str = "#f3f2f1";
const BORDER: &str = "#505a5f";
const FONT: &str = "font-family=\"system-ui, -apple-system, 'Segoe UI', Arial, sans-serif\"";

/// A box of the structure diagram: a group and the groups that report to it.
#[derive(Debug, Clone)]
pub struct Node {
    /// The group's name.
    pub name: String,
    /// A second line: its kind ("Themed partnership").
    pub note: String,
    /// Groups reporting to it.
    pub children: Vec<Node>,
}

/// Opens an accessible `<svg>` of the given size.
fn open_svg(out: &mut String, id: &str, width: f64, height: f64, title: &str, desc: &str) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" \
         viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" \
         aria-labelledby=\"{id}-title {id}-desc\" {FONT}>\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape(title),
        escape(desc)
    );
}

/// Splits a name into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// The structure of the partnership as a tree of boxes, read from left to
/// right: each group sits to the right of the group it reports to, and every
/// group has a row of its own, so the drawing stays narrow however many
/// groups report to one.
pub fn structure_diagram(id: &str, roots: &[Node], title: &str, desc: &str) -> String {
    const BOX_W: f64 = 210.0;
    const GAP_X: f64 = 36.0;
    const GAP_Y: f64 = 14.0;
    const LINE: f64 = 18.0;
    const PAD: f64 = 10.0;
    const WRAP: usize = 22;

    fn depth(node: &Node) -> usize {
        1 + node.children.iter().map(depth).max().unwrap_or(0)
    }
    fn max_lines(node: &Node) -> usize {
        let own = wrap(&node.name, WRAP).len();
        node.children.iter().map(max_lines).fold(own, usize::max)
    }
    fn count(node: &Node) -> usize {
        1 + node.children.iter().map(count).sum::<usize>()
    }
    let lines = roots.iter().map(max_lines).max().unwrap_or(1);
    let box_h = PAD * 2.0 + LINE * (lines as f64 + 1.0);
    let rows = roots.iter().map(count).sum::<usize>().max(1);
    let columns = roots.iter().map(depth).max().unwrap_or(1);
    let width = columns as f64 * (BOX_W + GAP_X) - GAP_X + 4.0;
    let height = rows as f64 * (box_h + GAP_Y) - GAP_Y + 4.0;

    struct Layout {
        out: String,
        links: String,
        box_h: f64,
        row: usize,
    }
    impl Layout {
        /// Draws `node` at `level` in the next free row; returns the middle of its left edge.
        fn place(&mut self, node: &Node, level: usize) -> (f64, f64) {
            let x = 2.0 + level as f64 * (BOX_W + GAP_X);
            let y = 2.0 + self.row as f64 * (self.box_h + GAP_Y);
            self.row += 1;
            let right = x + BOX_W;
            let middle = y + self.box_h / 2.0;
            for child in &node.children {
                let (cx, cy) = self.place(child, level + 1);
                let elbow = right + GAP_X / 2.0;
                let _ = write!(
                    self.links,
                    "<path d=\"M{right} {middle} H{elbow} V{cy} H{cx}\" fill=\"none\" stroke=\"{BORDER}\" stroke-width=\"2\"/>"
                );
            }
            let _ = write!(
                self.out,
                "<g><rect x=\"{x}\" y=\"{y}\" width=\"{BOX_W}\" height=\"{}\" rx=\"4\" fill=\"{PANEL}\" stroke=\"{BRAND}\" stroke-width=\"2\"/>",
                self.box_h
            );
            let mut text_y = y + PAD + LINE - 4.0;
            for line in wrap(&node.name, WRAP) {
                let _ = write!(
                    self.out,
                    "<text x=\"{}\" y=\"{text_y}\" font-size=\"14\" font-weight=\"bold\" fill=\"{TEXT}\">{}</text>",
                    x + PAD,
                    escape(&line)
                );
                text_y += LINE;
            }
            let _ = write!(
                self.out,
                "<text x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"{SECONDARY}\">{}</text></g>",
                x + PAD,
                y + self.box_h - PAD - 2.0,
                escape(&node.note)
            );
            (x, middle)
        }
    }
    let mut layout = Layout {
        out: String::new(),
        links: String::new(),
        box_h,
        row: 0,
    };
    for root in roots {
        layout.place(root, 0);
    }
    let mut svg = String::new();
    open_svg(&mut svg, id, width, height, title, desc);
    svg.push_str(&layout.links);
    svg.push_str(&layout.out);
    svg.push_str("</svg>");
    svg
}

/// A horizontal bar chart: one labelled bar per (label, count).
pub fn bar_chart(id: &str, bars: &[(&str, usize)], title: &str, desc: &str) -> String {
    const LABEL_W: f64 = 190.0;
    const BAR_MAX: f64 = 220.0;
    const ROW: f64 = 28.0;
    let most = bars.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1) as f64;
    let width = LABEL_W + BAR_MAX + 50.0;
    let height = ROW * bars.len().max(1) as f64 + 8.0;
    let mut svg = String::new();
    open_svg(&mut svg, id, width, height, title, desc);
    for (i, (label, count)) in bars.iter().enumerate() {
        let y = 4.0 + i as f64 * ROW;
        let bar = (*count as f64 / most * BAR_MAX).max(2.0);
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"14\" fill=\"{TEXT}\">{}</text>\
             <rect x=\"{LABEL_W}\" y=\"{}\" width=\"{bar}\" height=\"{}\" fill=\"{BRAND}\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"14\" fill=\"{TEXT}\">{count}</text>",
            LABEL_W - 8.0,
            y + 18.0,
            escape(label),
            y + 4.0,
            ROW - 8.0,
            LABEL_W + bar + 6.0,
            y + 18.0,
        );
    }
    svg.push_str("</svg>");
    svg
}

/// One series of an indicator chart.
pub struct Series<'a> {
    /// Category labels along the x axis (years).
    pub labels: &'a [String],
    /// One value per label.
    pub values: &'a [f64],
    /// A baseline drawn as a dotted line, labelled.
    pub baseline: Option<f64>,
    /// A target drawn as a dashed line, labelled.
    pub target: Option<f64>,
}

/// A line chart of values by year, with labelled points, baseline and target.
pub fn line_chart(id: &str, series: &Series<'_>, title: &str, desc: &str) -> String {
    const W: f64 = 600.0;
    const H: f64 = 300.0;
    const LEFT: f64 = 64.0;
    const RIGHT: f64 = 130.0;
    const TOP: f64 = 24.0;
    const BOTTOM: f64 = 44.0;
    let extremes = series
        .values
        .iter()
        .chain(series.baseline.iter())
        .chain(series.target.iter())
        .copied();
    let (low, high) = extremes.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
        (l.min(v), h.max(v))
    });
    let (low, high) = if low.is_finite() {
        nice_range(low.min(0.0), high)
    } else {
        (0.0, 1.0)
    };
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let y_of = |v: f64| TOP + plot_h - (v - low) / (high - low) * plot_h;
    let n = series.labels.len().max(1);
    let x_of = |i: usize| LEFT + plot_w * (i as f64 + 0.5) / n as f64;
    let mut svg = String::new();
    open_svg(&mut svg, id, W, H, title, desc);
    for step in 0..=4 {
        let v = low + (high - low) * f64::from(step) / 4.0;
        let y = y_of(v);
        let _ = write!(
            svg,
            "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{PANEL}\" stroke-width=\"1\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"13\" fill=\"{SECONDARY}\">{}</text>",
            LEFT + plot_w,
            LEFT - 8.0,
            y + 4.0,
            format_number(v)
        );
    }
    let _ = write!(
        svg,
        "<line x1=\"{LEFT}\" x2=\"{LEFT}\" y1=\"{TOP}\" y2=\"{}\" stroke=\"{BORDER}\"/>\
         <line x1=\"{LEFT}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"{BORDER}\"/>",
        TOP + plot_h,
        LEFT + plot_w,
        TOP + plot_h,
        TOP + plot_h
    );
    for (i, label) in series.labels.iter().enumerate() {
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\" fill=\"{TEXT}\">{}</text>",
            x_of(i),
            TOP + plot_h + 20.0,
            escape(label)
        );
    }
    let mut reference = |value: Option<f64>, name: &str, dash: &str| {
        if let Some(v) = value {
            let y = y_of(v);
            let _ = write!(
                svg,
                "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{TEXT}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\"/>\
                 <text x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"{TEXT}\">{name}: {}</text>",
                LEFT + plot_w,
                LEFT + plot_w + 6.0,
                y + 4.0,
                format_number(v)
            );
        }
    };
    reference(series.baseline, "Baseline", "2 4");
    reference(series.target, "Target", "8 4");
    let points: Vec<String> = series
        .values
        .iter()
        .enumerate()
        .map(|(i, v)| format!("{},{}", x_of(i), y_of(*v)))
        .collect();
    if points.len() > 1 {
        let _ = write!(
            svg,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{BRAND}\" stroke-width=\"3\"/>",
            points.join(" ")
        );
    }
    for (i, v) in series.values.iter().enumerate() {
        let (x, y) = (x_of(i), y_of(*v));
        let _ = write!(
            svg,
            "<circle cx=\"{x}\" cy=\"{y}\" r=\"5\" fill=\"{BRAND}\"/>\
             <text x=\"{x}\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\" fill=\"{TEXT}\">{}</text>",
            y - 10.0,
            format_number(*v)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A range from a round number at or below `low` to one at or above `high`.
fn nice_range(low: f64, high: f64) -> (f64, f64) {
    let span = (high - low).abs().max(1e-9);
    let magnitude = 10f64.powf(span.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude / 4.0)
        .find(|s| s * 4.0 >= span)
        .unwrap_or(magnitude);
    let start = (low / step).floor() * step;
    let mut end = start + step * 4.0;
    while end < high {
        end += step;
    }
    (start, end)
}

/// A number as people read it: `1,200`, `12.5`, `0.25`.
pub fn format_number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let negative = rounded < 0.0;
    let whole = rounded.abs().trunc() as u64;
    let fraction = ((rounded.abs() - whole as f64) * 100.0).round() as u64;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let mut text = format!("{}{grouped}", if negative { "-" } else { "" });
    if fraction > 0 {
        let decimals = format!("{fraction:02}");
        let _ = write!(text, ".{}", decimals.trim_end_matches('0'));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(format_number(1200.0), "1,200");
        assert_eq!(format_number(12.5), "12.5");
        assert_eq!(format_number(0.25), "0.25");
        assert_eq!(format_number(-3.0), "-3");
        assert_eq!(format_number(1_234_567.891), "1,234,567.89");
    }

    #[test]
    fn ranges_are_round_and_cover_the_data() {
        let (low, high) = nice_range(0.0, 87.0);
        assert_eq!((low, high), (0.0, 100.0));
        let (low, high) = nice_range(0.0, 3.2);
        assert!(low <= 0.0 && (3.2..=5.0).contains(&high));
    }

    #[test]
    fn diagrams_are_labelled_images() {
        let tree = [Node {
            name: "Executive & Board".into(),
            note: "Executive".into(),
            children: vec![
                Node {
                    name: "Health and Wellbeing Partnership".into(),
                    note: "Themed partnership".into(),
                    children: vec![],
                },
                Node {
                    name: "Community Safety".into(),
                    note: "Themed partnership".into(),
                    children: vec![],
                },
            ],
        }];
        let svg = structure_diagram("s", &tree, "Structure", "Three groups");
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("aria-labelledby=\"s-title s-desc\""));
        assert!(svg.contains("Executive &amp; Board"));
        assert_eq!(svg.matches("<rect").count(), 3);
        assert_eq!(svg.matches("<path").count(), 2);
        let bars = bar_chart(
            "b",
            &[("Public sector", 3), ("Business", 1)],
            "Balance",
            "d",
        );
        assert!(bars.contains(">3</text>") && bars.contains(">Business</text>"));
        let labels = ["2015".to_owned(), "2016".to_owned()];
        let line = line_chart(
            "l",
            &Series {
                labels: &labels,
                values: &[10.0, 12.5],
                baseline: Some(10.0),
                target: Some(15.0),
            },
            "Indicator",
            "d",
        );
        assert!(line.contains("Target: 15") && line.contains(">12.5</text>"));
    }
}

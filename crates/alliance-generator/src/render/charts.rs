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

/// Opens an accessible `<svg>` of the given size. A `fluid` drawing has only
/// a `viewBox` and scales to its column (the theme sets its width); the others
/// keep their size in pixels.
fn open_svg(out: &mut String, id: &str, size: (f64, f64), fluid: bool, title: &str, desc: &str) {
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
fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let em = if bold { 0.66 } else { 0.62 };
    text.chars().count() as f64 * size * em
}

/// Splits `text` into lines no wider than `width` pixels at `size`, at spaces
/// (a word too long for a line of its own is broken between characters).
fn wrap(text: &str, width: f64, size: f64, bold: bool) -> Vec<String> {
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

/// The structure of the partnership as a tree of boxes read from top to
/// bottom: each group sits below the group it reports to, indented one step,
/// so the drawing keeps one narrow width however deep or wide the tree is and
/// scales down to a phone's column. Titles wrap and each box is as tall as
/// its text.
pub fn structure_diagram(id: &str, roots: &[Node], title: &str, desc: &str) -> String {
    const WIDTH: f64 = 360.0;
    const MARGIN: f64 = 2.0;
    const INDENT: f64 = 22.0;
    const GAP: f64 = 12.0;
    const PAD: f64 = 10.0;
    const NAME: f64 = 16.0;
    const NAME_LINE: f64 = 20.0;
    const NOTE: f64 = 14.0;
    const NOTE_LINE: f64 = 18.0;

    struct Layout {
        boxes: String,
        links: String,
        y: f64,
    }
    impl Layout {
        /// Draws `node` at `level` below what is drawn; returns the middle of its left edge.
        fn place(&mut self, node: &Node, level: usize) -> (f64, f64) {
            let x = MARGIN + level as f64 * INDENT;
            let width = WIDTH - MARGIN - x;
            let names = wrap(&node.name, width - 2.0 * PAD, NAME, true);
            let notes = wrap(&node.note, width - 2.0 * PAD, NOTE, false);
            let height =
                2.0 * PAD + names.len() as f64 * NAME_LINE + notes.len() as f64 * NOTE_LINE;
            let y = self.y;
            let _ = write!(
                self.boxes,
                "<g><rect class=\"chart__box\" x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\" rx=\"4\" fill=\"{PANEL}\" stroke=\"{BRAND}\" stroke-width=\"2\"/>"
            );
            let mut baseline = y + PAD;
            for (line, size, step, weight, fill) in names
                .iter()
                .map(|l| (l, NAME, NAME_LINE, " font-weight=\"bold\"", TEXT))
                .chain(notes.iter().map(|l| (l, NOTE, NOTE_LINE, "", SECONDARY)))
            {
                baseline += step;
                let _ = write!(
                    self.boxes,
                    "<text x=\"{}\" y=\"{}\" font-size=\"{size}\"{weight} fill=\"{fill}\">{}</text>",
                    x + PAD,
                    baseline - (step - size) / 2.0 - 3.0,
                    escape(line)
                );
            }
            self.boxes.push_str("</g>");
            self.y += height + GAP;
            let elbow = x + INDENT / 2.0;
            for child in &node.children {
                let (cx, cy) = self.place(child, level + 1);
                let _ = write!(
                    self.links,
                    "<path d=\"M{elbow} {} V{cy} H{cx}\" fill=\"none\" stroke=\"{BORDER}\" stroke-width=\"2\"/>",
                    y + height
                );
            }
            (x, y + height / 2.0)
        }
    }
    let mut layout = Layout {
        boxes: String::new(),
        links: String::new(),
        y: MARGIN,
    };
    for root in roots {
        layout.place(root, 0);
    }
    let height = (layout.y - GAP + MARGIN).max(2.0 * MARGIN);
    let mut svg = String::new();
    open_svg(&mut svg, id, (WIDTH, height), true, title, desc);
    svg.push_str(&layout.links);
    svg.push_str(&layout.boxes);
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
    open_svg(&mut svg, id, (width, height), false, title, desc);
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
    /// The years along the x axis as written: `2016` or `"2016/17"`.
    pub labels: &'a [String],
    /// One value per label.
    pub values: &'a [f64],
    /// A baseline drawn as a dotted line, labelled.
    pub baseline: Option<f64>,
    /// A target drawn as a dashed line, labelled.
    pub target: Option<f64>,
    /// The labels of the target and the baseline: `["Target", "Baseline"]`.
    pub reference_names: [&'a str; 2],
}

impl Series<'_> {
    /// How many decimals every number of the series is shown with: the most
    /// any of its values, baseline or target needs (up to 2), so "61" beside
    /// "63.5" reads "61.0".
    pub fn decimals(&self) -> usize {
        decimals(
            self.values
                .iter()
                .chain(self.baseline.iter())
                .chain(self.target.iter())
                .copied(),
        )
    }
}

/// The first year of a year as written: 2016 for `2016` and for `"2016/17"`.
pub fn first_year(label: &str) -> Option<i32> {
    let digits: String = label
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (digits.len() == 4).then(|| digits.parse().ok()).flatten()
}

/// The years between the first and the last of `labels` that have no value,
/// as runs `(from, to)`; empty when any label is not a year.
pub fn missing_years(labels: &[String]) -> Vec<(i32, i32)> {
    let Some(mut years) = labels
        .iter()
        .map(|l| first_year(l))
        .collect::<Option<Vec<_>>>()
    else {
        return Vec::new();
    };
    years.sort_unstable();
    years.dedup();
    years
        .windows(2)
        .filter(|pair| pair[1] - pair[0] > 1)
        .map(|pair| (pair[0] + 1, pair[1] - 1))
        .collect()
}

/// A rectangle: `(x0, y0)` its top left, `(x1, y1)` its bottom right.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Rect {
    /// The box `text` takes with its baseline at `y` and `anchor` at `x`
    /// (`start`, `middle` or `end`): cap height above, descenders below.
    fn of_text(text: &str, x: f64, y: f64, anchor: &str, size: f64, bold: bool) -> Rect {
        let width = text_width(text, size, bold);
        let x0 = match anchor {
            "middle" => x - width / 2.0,
            "end" => x - width,
            _ => x,
        };
        Rect {
            x0,
            y0: y - size * 0.9,
            x1: x0 + width,
            y1: y + size * 0.25,
        }
    }

    /// The same box grown by `by` on every side.
    fn grown(self, by: f64) -> Rect {
        Rect {
            x0: self.x0 - by,
            y0: self.y0 - by,
            x1: self.x1 + by,
            y1: self.y1 + by,
        }
    }

    /// Whether the two boxes share any point.
    fn overlaps(&self, other: &Rect) -> bool {
        self.x0 <= other.x1 && other.x0 <= self.x1 && self.y0 <= other.y1 && other.y0 <= self.y1
    }

    /// Whether `other` lies wholly inside this box.
    fn holds(&self, other: &Rect) -> bool {
        self.x0 <= other.x0 && other.x1 <= self.x1 && self.y0 <= other.y0 && other.y1 <= self.y1
    }

    /// A leader line from a point (outside the box) towards the nearest
    /// point of the box, starting clear of the point's marker and stopping
    /// short of the box.
    fn leader_from(&self, (px, py): (f64, f64)) -> ((f64, f64), (f64, f64)) {
        let (nx, ny) = (px.clamp(self.x0, self.x1), py.clamp(self.y0, self.y1));
        let (dx, dy) = (nx - px, ny - py);
        let length = dx.hypot(dy).max(f64::EPSILON);
        let (ux, uy) = (dx / length, dy / length);
        (
            (px + ux * 9.0, py + uy * 9.0),
            (nx - ux * 4.0, ny - uy * 4.0),
        )
    }

    /// Whether the segment from `a` to `b` passes through the box
    /// (Liang–Barsky clipping).
    fn crossed_by(&self, (ax, ay): (f64, f64), (bx, by): (f64, f64)) -> bool {
        let (dx, dy) = (bx - ax, by - ay);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        for (p, q) in [
            (-dx, ax - self.x0),
            (dx, self.x1 - ax),
            (-dy, ay - self.y0),
            (dy, self.y1 - ay),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
                if t0 > t1 {
                    return false;
                }
            }
        }
        true
    }
}

/// What is drawn so far, for placing labels clear of it.
#[derive(Clone)]
struct Scene {
    /// The drawing's bounds.
    bounds: Rect,
    /// Boxes of labels and points.
    boxes: Vec<Rect>,
    /// Line segments: axes, ticks, reference lines, the series' line.
    segments: Vec<((f64, f64), (f64, f64))>,
}

impl Scene {
    /// Whether a label's box is inside the drawing and clear of everything
    /// in it by a small margin.
    fn is_free(&self, label: Rect) -> bool {
        let padded = label.grown(2.0);
        self.bounds.holds(&padded)
            && !self.boxes.iter().any(|b| b.overlaps(&padded))
            && !self.segments.iter().any(|&(a, b)| padded.crossed_by(a, b))
    }

    /// The first of `spots` (offsets and anchors from `(x, y)`) where `text`
    /// is free; when none is (a drawing too crowded to label), the first
    /// spot inside the drawing, else the first spot.
    fn place(
        &mut self,
        text: &str,
        (x, y): (f64, f64),
        spots: &[(f64, f64, &'static str)],
        bold: bool,
    ) -> (f64, f64, &'static str) {
        let spot = |&(dx, dy, anchor): &(f64, f64, &'static str)| {
            (
                Rect::of_text(text, x + dx, y + dy, anchor, LABEL, bold),
                x + dx,
                y + dy,
                anchor,
            )
        };
        let (rect, x, y, anchor) = spots
            .iter()
            .map(spot)
            .find(|(rect, ..)| self.is_free(*rect))
            .or_else(|| {
                spots
                    .iter()
                    .map(spot)
                    .find(|(rect, ..)| self.bounds.holds(rect))
            })
            .unwrap_or_else(|| spot(&spots[0]));
        self.boxes.push(rect);
        (x, y, anchor)
    }

    /// Places a point's value label beside the point, else further out
    /// with a leader line from the point to it, which later labels keep
    /// clear of; `None` when nowhere is free.
    fn place_value(&mut self, text: &str, point: (f64, f64)) -> Option<Placed> {
        let of = |(dx, dy, anchor): (f64, f64, &'static str)| {
            let at = (point.0 + dx, point.1 + dy, anchor);
            (Rect::of_text(text, at.0, at.1, anchor, LABEL, true), at)
        };
        let near = POINT_SPOTS
            .into_iter()
            .map(of)
            .find(|&(rect, _)| self.is_free(rect))
            .map(|(rect, at)| (rect, at, None));
        let placed = near.or_else(|| {
            distant_spots().into_iter().map(of).find_map(|(rect, at)| {
                let leader = rect.leader_from(point);
                let clear = self.is_free(rect)
                    && !self.boxes.iter().any(|b| b.crossed_by(leader.0, leader.1));
                clear.then_some((rect, at, Some(leader)))
            })
        })?;
        let (rect, at, leader) = placed;
        self.boxes.push(rect);
        self.segments.extend(leader);
        Some((at, leader))
    }
}

/// Where a value label went (its x, y and anchor), and its leader line.
type Placed = ((f64, f64, &'static str), Option<((f64, f64), (f64, f64))>);

/// Places the value labels of `points`, each clear of everything drawn and
/// of one another, trying orders that suit crowded lines (left to right,
/// peaks and troughs first, right to left). When no order labels every
/// point, the ends and turning points are labelled, else the ends, else
/// none: a label is never drawn over another or over the line. The page's
/// table carries every value either way.
fn label_values(scene: &Scene, points: &[(f64, f64)], texts: &[String]) -> Vec<Option<Placed>> {
    let n = points.len();
    let turning = |i: usize| {
        i == 0
            || i + 1 == n
            || (points[i].1 - points[i - 1].1) * (points[i + 1].1 - points[i].1) <= 0.0
    };
    let mut by_extremity: Vec<usize> = (0..n).collect();
    let mid = points.iter().map(|p| p.1).sum::<f64>() / n.max(1) as f64;
    by_extremity.sort_by(|&a, &b| {
        (points[b].1 - mid)
            .abs()
            .total_cmp(&(points[a].1 - mid).abs())
    });
    let attempts: [Vec<usize>; 5] = [
        (0..n).collect(),
        by_extremity,
        (0..n).rev().collect(),
        (0..n).filter(|&i| turning(i)).collect(),
        [0, n.saturating_sub(1)]
            .into_iter()
            .filter(|&i| i < n)
            .collect(),
    ];
    for order in attempts {
        let mut trial = scene.clone();
        let mut placed = vec![None; n];
        let complete = order.iter().all(|&i| {
            placed[i] = trial.place_value(&texts[i], points[i]);
            placed[i].is_some()
        });
        if complete {
            return placed;
        }
    }
    vec![None; n]
}

/// The font size of a line chart's labels.
const LABEL: f64 = 13.0;

/// Where a point's value label may go beside its point, nearest first:
/// above, below, beside, then diagonally.
const POINT_SPOTS: [(f64, f64, &str); 8] = [
    (0.0, -10.0, "middle"),
    (0.0, LABEL + 8.0, "middle"),
    (9.0, 4.0, "start"),
    (-9.0, 4.0, "end"),
    (7.0, -7.0, "start"),
    (-7.0, -7.0, "end"),
    (7.0, LABEL + 5.0, "start"),
    (-7.0, LABEL + 5.0, "end"),
];

/// Where a point's value label may go when nothing beside the point is free
/// (a steep, crowded line): on rings further and further out, each joined
/// to its point by a leader line.
fn distant_spots() -> Vec<(f64, f64, &'static str)> {
    let mut spots = Vec::new();
    for ring in 1..=30 {
        let radius = 18.0 + f64::from(ring) * 8.0;
        for step in 0..24 {
            let angle = f64::from(step) * std::f64::consts::PI / 12.0;
            let (dx, dy) = (radius * angle.cos(), radius * angle.sin());
            let anchor = match dx {
                dx if dx > radius * 0.3 => "start",
                dx if dx < -radius * 0.3 => "end",
                _ => "middle",
            };
            spots.push((dx, dy + LABEL * 0.3, anchor));
        }
    }
    spots
}

/// Where a reference line's label may go at the line's right end: level
/// with it, else the nearest free height above or below.
fn reference_spots() -> Vec<(f64, f64, &'static str)> {
    let mut spots = vec![(6.0, 4.0, "start")];
    for k in 1..=60 {
        let d = f64::from(k) * 2.0;
        spots.extend([(6.0, 4.0 - d, "start"), (6.0, 4.0 + d, "start")]);
    }
    spots
}

/// A line chart of values by year, with labelled points, baseline and target.
/// Years sit in proportion along the x axis (a missing year leaves its gap),
/// and every label is placed clear of every other label and line.
pub fn line_chart(id: &str, series: &Series<'_>, title: &str, desc: &str) -> String {
    const W: f64 = 600.0;
    const TOP: f64 = 24.0;
    const PLOT_H: f64 = 236.0;
    const ROW: f64 = 16.0;
    let decimals = series.decimals();
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
        nice_range(low.min(0.0), high.max(0.0))
    } else {
        (0.0, 1.0)
    };
    let ticks: Vec<f64> = (0..=4)
        .map(|step| low + (high - low) * f64::from(step) / 4.0)
        .collect();
    let tick_decimals = decimals_of(&ticks);
    let tick_texts: Vec<String> = ticks
        .iter()
        .map(|&v| format_fixed(v, tick_decimals))
        .collect();
    let widest = |texts: &mut dyn Iterator<Item = &String>, bold: bool| {
        texts
            .map(|t| text_width(t, LABEL, bold))
            .fold(0.0f64, f64::max)
    };
    let left = widest(&mut tick_texts.iter(), false).max(24.0) + 16.0;
    let references: Vec<(f64, String, &str)> = [
        (series.target, series.reference_names[0], "8 4"),
        (series.baseline, series.reference_names[1], "2 4"),
    ]
    .into_iter()
    .filter_map(|(v, name, dash)| {
        v.map(|v| (v, format!("{name}: {}", format_fixed(v, decimals)), dash))
    })
    .collect();
    let right = widest(&mut references.iter().map(|(_, t, _)| t), false) + 14.0;
    let plot_w = W - left - right;
    let value_texts: Vec<String> = series
        .values
        .iter()
        .map(|&v| format_fixed(v, decimals))
        .collect();
    // The first and last years sit far enough in that a value label
    // centred over them stays inside the plot.
    let inset = (widest(&mut value_texts.iter(), true) / 2.0 + 6.0).max(28.0);
    let axis_y = TOP + PLOT_H;
    let y_of = |v: f64| TOP + PLOT_H - (v - low) / (high - low) * PLOT_H;
    let years: Option<Vec<i32>> = series.labels.iter().map(|l| first_year(l)).collect();
    let xs: Vec<f64> = match years {
        Some(years) if years.iter().min() != years.iter().max() => {
            let (first, last) = (years[..].iter().min().unwrap(), years.iter().max().unwrap());
            years
                .iter()
                .map(|y| {
                    left + inset
                        + (plot_w - 2.0 * inset) * f64::from(y - first) / f64::from(last - first)
                })
                .collect()
        }
        _ => {
            let n = series.labels.len().max(1) as f64;
            (0..series.labels.len())
                .map(|i| left + plot_w * (i as f64 + 0.5) / n)
                .collect()
        }
    };
    // Year labels take the first row below the axis where they fit.
    let mut rows: Vec<Vec<Rect>> = Vec::new();
    let mut year_spots = Vec::new();
    for (label, &x) in series.labels.iter().zip(&xs) {
        let rect = |row: usize| {
            Rect::of_text(
                label,
                x,
                axis_y + 22.0 + row as f64 * ROW,
                "middle",
                LABEL,
                false,
            )
        };
        let row = (0..)
            .find(|&r| {
                rows.get(r)
                    .is_none_or(|placed| !placed.iter().any(|b| b.overlaps(&rect(r).grown(2.0))))
            })
            .unwrap_or(0);
        if rows.len() <= row {
            rows.resize(row + 1, Vec::new());
        }
        rows[row].push(rect(row));
        year_spots.push((x, axis_y + 22.0 + row as f64 * ROW));
    }
    let height = axis_y + 22.0 + rows.len().max(1) as f64 * ROW;
    let mut scene = Scene {
        bounds: Rect {
            x0: 0.0,
            y0: 0.0,
            x1: W,
            y1: height,
        },
        boxes: rows.into_iter().flatten().collect(),
        segments: Vec::new(),
    };
    let mut svg = String::new();
    open_svg(&mut svg, id, (W, height), true, title, desc);
    let line = |svg: &mut String, scene: &mut Scene, a: (f64, f64), b: (f64, f64), style: &str| {
        scene.segments.push((a, b));
        let _ = write!(
            svg,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {style}/>",
            a.0, a.1, b.0, b.1
        );
    };
    let axis = format!("stroke=\"{BORDER}\"");
    line(&mut svg, &mut scene, (left, TOP), (left, axis_y), &axis);
    line(
        &mut svg,
        &mut scene,
        (left, axis_y),
        (left + plot_w, axis_y),
        &axis,
    );
    for (&v, text) in ticks.iter().zip(&tick_texts) {
        let y = y_of(v);
        line(&mut svg, &mut scene, (left - 5.0, y), (left, y), &axis);
        scene.boxes.push(Rect::of_text(
            text,
            left - 8.0,
            y + 4.0,
            "end",
            LABEL,
            false,
        ));
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"{LABEL}\" fill=\"{SECONDARY}\">{text}</text>",
            left - 8.0,
            y + 4.0
        );
    }
    // A tick for every year, so a year without a value shows as a gap.
    if let Some(years) = series
        .labels
        .iter()
        .map(|l| first_year(l))
        .collect::<Option<Vec<_>>>()
        && let (Some(&first), Some(&last)) = (years.iter().min(), years.iter().max())
        && first < last
        && last - first <= 100
    {
        let step = (plot_w - 2.0 * inset) / f64::from(last - first);
        for k in 0..=(last - first) {
            let x = left + inset + step * f64::from(k);
            line(&mut svg, &mut scene, (x, axis_y), (x, axis_y + 5.0), &axis);
        }
    }
    for (label, &(x, y)) in series.labels.iter().zip(&year_spots) {
        let _ = write!(
            svg,
            "<text x=\"{x}\" y=\"{y}\" text-anchor=\"middle\" font-size=\"{LABEL}\" fill=\"{TEXT}\">{}</text>",
            escape(label)
        );
    }
    for (v, _, dash) in &references {
        let y = y_of(*v);
        line(
            &mut svg,
            &mut scene,
            (left, y),
            (left + plot_w, y),
            &format!("stroke=\"{TEXT}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\""),
        );
    }
    let points: Vec<(f64, f64)> = xs
        .iter()
        .zip(series.values)
        .map(|(&x, &v)| (x, y_of(v)))
        .collect();
    for pair in points.windows(2) {
        scene.segments.push((pair[0], pair[1]));
    }
    if points.len() > 1 {
        let coordinates: Vec<String> = points.iter().map(|(x, y)| format!("{x},{y}")).collect();
        let _ = write!(
            svg,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{BRAND}\" stroke-width=\"3\"/>",
            coordinates.join(" ")
        );
    }
    for &(x, y) in &points {
        scene.boxes.push(Rect {
            x0: x - 6.0,
            y0: y - 6.0,
            x1: x + 6.0,
            y1: y + 6.0,
        });
        let _ = write!(
            svg,
            "<circle cx=\"{x}\" cy=\"{y}\" r=\"5\" fill=\"{BRAND}\"/>"
        );
    }
    let spots = reference_spots();
    for (v, text, _) in &references {
        let (x, y, _) = scene.place(text, (left + plot_w, y_of(*v)), &spots, false);
        let _ = write!(
            svg,
            "<text x=\"{x}\" y=\"{y}\" font-size=\"{LABEL}\" fill=\"{TEXT}\">{text}</text>"
        );
    }
    let labels = label_values(&scene, &points, &value_texts);
    for (placed, text) in labels.into_iter().zip(&value_texts) {
        let Some(((x, y, anchor), leader)) = placed else {
            continue;
        };
        if let Some((a, b)) = leader {
            let _ = write!(
                svg,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{TEXT}\" stroke-width=\"1\"/>",
                a.0, a.1, b.0, b.1
            );
        }
        let _ = write!(
            svg,
            "<text x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\" font-size=\"{LABEL}\" font-weight=\"bold\" fill=\"{TEXT}\">{text}</text>"
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

/// How many decimals (0 to 2) the numbers need to be shown alike.
fn decimals(values: impl Iterator<Item = f64>) -> usize {
    values
        .map(|v| {
            let hundredths = (v.abs() * 100.0).round() as u64;
            if hundredths.is_multiple_of(100) {
                0
            } else if hundredths.is_multiple_of(10) {
                1
            } else {
                2
            }
        })
        .max()
        .unwrap_or(0)
}

/// [`decimals`] of a slice.
fn decimals_of(values: &[f64]) -> usize {
    decimals(values.iter().copied())
}

/// A number with exactly `places` decimals (at most 2), thousands grouped and
/// a true minus sign (U+2212): `1,200.0`, `−3.50`.
pub fn format_fixed(value: f64, places: usize) -> String {
    let places = places.min(2);
    let scale = 10u64.pow(places as u32);
    let scaled = (value.abs() * scale as f64).round() as u64;
    let (whole, fraction) = (scaled / scale, scaled % scale);
    let digits = whole.to_string();
    let mut text = String::new();
    if value < 0.0 && scaled > 0 {
        text.push('\u{2212}');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            text.push(',');
        }
        text.push(c);
    }
    if places > 0 {
        let _ = write!(text, ".{fraction:0places$}");
    }
    text
}

/// A number as people read it, with as many decimals as it needs (at most
/// 2): `1,200`, `12.5`, `0.25`, `−3`.
pub fn format_number(value: f64) -> String {
    format_fixed(value, decimals(std::iter::once(value)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(format_number(1200.0), "1,200");
        assert_eq!(format_number(12.5), "12.5");
        assert_eq!(format_number(0.25), "0.25");
        assert_eq!(format_number(-3.0), "\u{2212}3");
        assert_eq!(format_number(-0.001), "0");
        assert_eq!(format_number(1_234_567.891), "1,234,567.89");
        assert_eq!(format_fixed(61.0, 1), "61.0");
        assert_eq!(format_fixed(-1234.5, 2), "\u{2212}1,234.50");
    }

    #[test]
    fn a_series_shows_one_precision() {
        let labels = ["2015".to_owned(), "2016".to_owned()];
        let series = Series {
            labels: &labels,
            values: &[61.0, 63.5],
            baseline: Some(-2.0),
            target: Some(77.0),
            reference_names: ["Target", "Baseline"],
        };
        assert_eq!(series.decimals(), 1);
        let svg = line_chart("l", &series, "t", "d");
        let texts: Vec<String> = elements(&svg, "text").into_iter().map(|t| t.text).collect();
        for wanted in ["61.0", "63.5", "Baseline: \u{2212}2.0", "Target: 77.0"] {
            assert!(texts.iter().any(|t| t == wanted), "{wanted} in {texts:?}");
        }
        assert!(!svg.contains(">61<") && !svg.contains("-2"));
    }

    #[test]
    fn years_sit_in_proportion() {
        for labels in [["2015", "2016", "2018"], ["2015/16", "2016/17", "2018/19"]] {
            let labels: Vec<String> = labels.iter().map(|l| (*l).to_owned()).collect();
            let svg = line_chart(
                "l",
                &Series {
                    labels: &labels,
                    values: &[1.0, 2.0, 3.0],
                    baseline: None,
                    target: None,
                    reference_names: ["Target", "Baseline"],
                },
                "t",
                "d",
            );
            let xs: Vec<f64> = elements(&svg, "circle")
                .iter()
                .map(|c| c.num("cx"))
                .collect();
            assert_eq!(xs.len(), 3);
            assert!(
                ((xs[2] - xs[1]) - 2.0 * (xs[1] - xs[0])).abs() < 1e-6,
                "{xs:?}"
            );
            assert_eq!(missing_years(&labels), vec![(2017, 2017)]);
        }
        assert_eq!(first_year("2016/17"), Some(2016));
        assert_eq!(first_year("Q1"), None);
    }

    /// An element of a drawing: its attributes and its text.
    struct Element {
        attributes: Vec<(String, String)>,
        text: String,
    }

    impl Element {
        fn get(&self, name: &str) -> Option<&str> {
            self.attributes
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        }
        fn num(&self, name: &str) -> f64 {
            self.get(name).unwrap().parse().unwrap()
        }
    }

    /// Every `<tag ...>` of `svg`, read from the markup as a browser gets it.
    fn elements(svg: &str, tag: &str) -> Vec<Element> {
        let open = format!("<{tag} ");
        svg.match_indices(&open)
            .map(|(at, _)| {
                let rest = &svg[at + open.len()..];
                let end = rest.find('>').unwrap();
                let mut attributes = Vec::new();
                let mut head = &rest[..end];
                while let Some(eq) = head.find("=\"") {
                    let name = head[..eq].trim().to_owned();
                    let value_end = head[eq + 2..].find('"').unwrap();
                    attributes.push((name, head[eq + 2..eq + 2 + value_end].to_owned()));
                    head = &head[eq + 3 + value_end..];
                }
                let text = rest[end + 1..]
                    .split('<')
                    .next()
                    .unwrap()
                    .replace("&amp;", "&");
                Element { attributes, text }
            })
            .collect()
    }

    /// The box of each `<text>` as drawn.
    fn text_boxes(svg: &str) -> Vec<(String, Rect)> {
        elements(svg, "text")
            .into_iter()
            .map(|t| {
                let rect = Rect::of_text(
                    &t.text,
                    t.num("x"),
                    t.num("y"),
                    t.get("text-anchor").unwrap_or("start"),
                    t.num("font-size"),
                    t.get("font-weight") == Some("bold"),
                );
                (t.text, rect)
            })
            .collect()
    }

    /// Every straight segment drawn: lines, polylines and paths of `M`, `H`, `V`.
    fn segments(svg: &str) -> Vec<((f64, f64), (f64, f64))> {
        let mut out = Vec::new();
        for l in elements(svg, "line") {
            out.push(((l.num("x1"), l.num("y1")), (l.num("x2"), l.num("y2"))));
        }
        for p in elements(svg, "polyline") {
            let points: Vec<(f64, f64)> = p
                .get("points")
                .unwrap()
                .split(' ')
                .map(|xy| {
                    let (x, y) = xy.split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect();
            out.extend(points.windows(2).map(|w| (w[0], w[1])));
        }
        for p in elements(svg, "path") {
            let d = p.get("d").unwrap();
            let mut at = (0.0, 0.0);
            let tokens: Vec<&str> = d.split_whitespace().collect();
            let mut i = 0;
            while i < tokens.len() {
                let (op, first) = tokens[i].split_at(1);
                let number = |s: &str| s.parse::<f64>().unwrap();
                match op {
                    "M" => {
                        at = (number(first), number(tokens[i + 1]));
                        i += 2;
                    }
                    "H" => {
                        out.push((at, (number(first), at.1)));
                        at.0 = number(first);
                        i += 1;
                    }
                    "V" => {
                        out.push((at, (at.0, number(first))));
                        at.1 = number(first);
                        i += 1;
                    }
                    other => panic!("path command {other}"),
                }
            }
        }
        out
    }

    /// The drawing's `viewBox` as a box.
    fn view_box(svg: &str) -> Rect {
        let svg_tag = &elements(svg, "svg")[0];
        let v: Vec<f64> = svg_tag
            .get("viewBox")
            .unwrap()
            .split(' ')
            .map(|n| n.parse().unwrap())
            .collect();
        Rect {
            x0: v[0],
            y0: v[1],
            x1: v[0] + v[2],
            y1: v[1] + v[3],
        }
    }

    /// Asserts no label of a line chart overlaps another label, a point or a
    /// line, and every label lies inside the drawing.
    fn assert_clear(svg: &str) {
        let texts = text_boxes(svg);
        let lines = segments(svg);
        let points: Vec<Rect> = elements(svg, "circle")
            .iter()
            .map(|c| {
                let (x, y, r) = (c.num("cx"), c.num("cy"), c.num("r"));
                Rect {
                    x0: x - r,
                    y0: y - r,
                    x1: x + r,
                    y1: y + r,
                }
            })
            .collect();
        let bounds = view_box(svg);
        for (i, (text, rect)) in texts.iter().enumerate() {
            assert!(bounds.holds(rect), "{text:?} {rect:?} outside {bounds:?}");
            for (other, other_rect) in &texts[i + 1..] {
                assert!(
                    !rect.overlaps(other_rect),
                    "{text:?} {rect:?} overlaps {other:?} {other_rect:?}\n{svg}"
                );
            }
            for &(a, b) in &lines {
                assert!(
                    !rect.crossed_by(a, b),
                    "{text:?} {rect:?} crosses the line {a:?}-{b:?}\n{svg}"
                );
            }
            for point in &points {
                assert!(!rect.overlaps(point), "{text:?} covers a point {point:?}");
            }
        }
    }

    #[test]
    fn close_baseline_and_target_labels_stand_apart() {
        let labels: Vec<String> = ["2015", "2016", "2017"].map(str::to_owned).to_vec();
        let svg = line_chart(
            "l",
            &Series {
                labels: &labels,
                values: &[74.2, 76.0, 77.0],
                baseline: Some(74.2),
                target: Some(77.0),
                reference_names: ["Target", "Baseline"],
            },
            "t",
            "d",
        );
        assert_clear(&svg);
        assert!(svg.contains("Target: 77.0") && svg.contains("Baseline: 74.2"));
        for value in ["74.2", "76.0", "77.0"] {
            assert!(
                svg.contains(&format!("fill=\"{TEXT}\">{value}</text>")),
                "{value} unlabelled"
            );
        }
    }

    proptest::proptest! {
        // A fixed seed keeps the test command repeatable; change it to
        // explore further cases.
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 2000,
            rng_seed: proptest::test_runner::RngSeed::Fixed(20261201),
            ..proptest::prelude::ProptestConfig::default()
        })]
        /// Over many series, steep and flat, negative and positive, with
        /// baselines and targets close together, years missing and written
        /// as spans: no label touches another label, a point or a line (a
        /// label with no free place is left to the page's table).
        #[test]
        fn no_label_overlaps_a_label_or_a_line(
            start in 2000i32..2020,
            gaps in proptest::collection::vec(1i32..4, 0..12),
            spans in proptest::bool::ANY,
            scale in proptest::sample::select(vec![1.0, 10.0, 1000.0, 100_000.0]),
            steps in proptest::collection::vec(-1.0f64..1.0, 13),
            steep in proptest::bool::ANY,
            base in -1.0f64..1.0,
            close in 0.0f64..0.05,
            reference in 0u8..4,
            hundredths in proptest::bool::ANY,
        ) {
            let mut year = start;
            let mut years = vec![year];
            for gap in &gaps {
                year += gap;
                years.push(year);
            }
            let labels: Vec<String> = years
                .iter()
                .map(|y| if spans { format!("{y}/{:02}", (y + 1) % 100) } else { y.to_string() })
                .collect();
            let round = |v: f64| if hundredths { (v * 100.0).round() / 100.0 } else { (v * 10.0).round() / 10.0 };
            let mut value = base * scale;
            let values: Vec<f64> = years
                .iter()
                .zip(&steps)
                .map(|(_, step)| {
                    value += step * scale * if steep { 2.0 } else { 0.1 };
                    round(value)
                })
                .collect();
            let baseline = (reference & 1 == 1).then(|| round(values[0]));
            let target = (reference & 2 == 2).then(|| round(values[0] + close * scale));
            let svg = line_chart(
                "l",
                &Series {
                    labels: &labels,
                    values: &values,
                    baseline,
                    target,
                    reference_names: ["Target", "Baseline"],
                },
                "t",
                "d",
            );
            assert_clear(&svg);
        }
    }

    /// A chain of `depth` groups with long names, each with a sibling.
    fn deep(depth: usize) -> Vec<Node> {
        let mut node: Option<Node> = None;
        for level in (0..depth).rev() {
            let mut children: Vec<Node> = node.take().into_iter().collect();
            children.push(Node {
                name: format!(
                    "Level {} Neighbourhood Community Safety and Wellbeing Delivery Group",
                    level + 2
                ),
                note: "Task-and-finish group".into(),
                children: vec![],
            });
            node = Some(Node {
                name: format!("Level {} Partnership", level + 1),
                note: "Themed partnership".into(),
                children,
            });
        }
        node.into_iter().collect()
    }

    #[test]
    fn the_structure_scales_wraps_and_stays_inside_its_boxes() {
        let svg = structure_diagram("s", &deep(5), "Structure", "d");
        let root = &elements(&svg, "svg")[0];
        assert!(root.get("width").is_none() && root.get("height").is_none());
        assert!(root.get("class").unwrap().contains("chart--fluid"));
        let bounds = view_box(&svg);
        assert!(
            bounds.x1 <= 400.0,
            "narrow enough to scale to a phone: {bounds:?}"
        );
        let boxes: Vec<Rect> = elements(&svg, "rect")
            .iter()
            .map(|r| Rect {
                x0: r.num("x"),
                y0: r.num("y"),
                x1: r.num("x") + r.num("width"),
                y1: r.num("y") + r.num("height"),
            })
            .collect();
        assert_eq!(boxes.len(), 10);
        for (i, b) in boxes.iter().enumerate() {
            assert!(bounds.holds(b), "{b:?} outside {bounds:?}");
            for other in &boxes[i + 1..] {
                assert!(!b.overlaps(other), "{b:?} overlaps {other:?}");
            }
        }
        let texts = text_boxes(&svg);
        // The long names wrap onto several lines, each inside its group's box.
        assert!(texts.len() > 20);
        for (text, rect) in &texts {
            assert!(
                boxes.iter().any(|b| b.holds(rect)),
                "{text:?} {rect:?} overflows its box"
            );
        }
        // Boxes with longer names are taller.
        let heights: Vec<f64> = boxes.iter().map(|b| b.y1 - b.y0).collect();
        assert!(heights.iter().any(|&h| h > heights[0]));
        // Links run in the gaps, through no text.
        for (a, b) in segments(&svg) {
            for (text, rect) in &texts {
                assert!(!rect.crossed_by(a, b), "a link crosses {text:?}");
            }
        }
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
                reference_names: ["Target", "Baseline"],
            },
            "Indicator",
            "d",
        );
        assert!(line.contains("Target: 15") && line.contains(">12.5</text>"));
    }
}

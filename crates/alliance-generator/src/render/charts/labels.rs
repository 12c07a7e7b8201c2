//! Placing labels clear of one another and of every line: boxes of text,
//! the scene drawn so far, the spots a label may take, and leader lines
//! for a label placed away from its point.

use super::svg::text_width;

/// A rectangle: `(x0, y0)` its top left, `(x1, y1)` its bottom right.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Rect {
    /// The left edge.
    pub(super) x0: f64,
    /// The top edge.
    pub(super) y0: f64,
    /// The right edge.
    pub(super) x1: f64,
    /// The bottom edge.
    pub(super) y1: f64,
}

impl Rect {
    /// The box `text` takes with its baseline at `y` and `anchor` at `x`
    /// (`start`, `middle` or `end`): cap height above, descenders below.
    pub(super) fn of_text(text: &str, x: f64, y: f64, anchor: &str, size: f64, bold: bool) -> Rect {
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
    pub(super) fn grown(self, by: f64) -> Rect {
        Rect {
            x0: self.x0 - by,
            y0: self.y0 - by,
            x1: self.x1 + by,
            y1: self.y1 + by,
        }
    }

    /// Whether the two boxes share any point.
    pub(super) fn overlaps(&self, other: &Rect) -> bool {
        self.x0 <= other.x1 && other.x0 <= self.x1 && self.y0 <= other.y1 && other.y0 <= self.y1
    }

    /// Whether `other` lies wholly inside this box.
    pub(super) fn holds(&self, other: &Rect) -> bool {
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
    pub(super) fn crossed_by(&self, (ax, ay): (f64, f64), (bx, by): (f64, f64)) -> bool {
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
pub(super) struct Scene {
    /// The drawing's bounds.
    pub(super) bounds: Rect,
    /// Boxes of labels and points.
    pub(super) boxes: Vec<Rect>,
    /// Line segments: axes, ticks, reference lines, the series' line.
    pub(super) segments: Vec<((f64, f64), (f64, f64))>,
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
    pub(super) fn place(
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
pub(super) type Placed = ((f64, f64, &'static str), Option<((f64, f64), (f64, f64))>);

/// Places the value labels of `points`, each clear of everything drawn and
/// of one another, trying orders that suit crowded lines (left to right,
/// peaks and troughs first, right to left). When no order labels every
/// point, the ends and turning points are labelled, else the ends, else
/// none: a label is never drawn over another or over the line. The page's
/// table carries every value either way.
pub(super) fn label_values(
    scene: &Scene,
    points: &[(f64, f64)],
    texts: &[String],
) -> Vec<Option<Placed>> {
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
pub(super) const LABEL: f64 = 13.0;

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
pub(super) fn reference_spots() -> Vec<(f64, f64, &'static str)> {
    let mut spots = vec![(6.0, 4.0, "start")];
    for k in 1..=60 {
        let d = f64::from(k) * 2.0;
        spots.extend([(6.0, 4.0 - d, "start"), (6.0, 4.0 + d, "start")]);
    }
    spots
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::line::line_chart;
    use crate::render::charts::markup::{elements, segments, text_boxes, view_box};
    use crate::render::charts::scale::Series;
    use crate::render::charts::svg::TEXT;

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
}

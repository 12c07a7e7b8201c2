//! The partnership's structure: a tree of boxes, each group below the
//! group it reports to.

use std::fmt::Write as _;

use super::svg::{BORDER, BRAND, PANEL, SECONDARY, TEXT, open_svg, wrap};
use crate::util::escape::escape;

/// A box of the structure diagram: a group and the groups that report to it.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    /// The group's name.
    pub(crate) name: String,
    /// A second line: its kind ("Themed partnership").
    pub(crate) note: String,
    /// Groups reporting to it.
    pub(crate) children: Vec<Node>,
}

/// The structure of the partnership as a tree of boxes read from top to
/// bottom: each group sits below the group it reports to, indented one step,
/// so the drawing keeps one narrow width however deep or wide the tree is and
/// scales down to a phone's column. Titles wrap and each box is as tall as
/// its text.
pub(crate) fn structure_diagram(id: &str, roots: &[Node], title: &str, desc: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::labels::Rect;
    use crate::render::charts::markup::{elements, segments, text_boxes, view_box};

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
}

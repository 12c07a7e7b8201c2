//! Reading a drawing back as a browser gets it, for the tests: its
//! elements, the boxes of its text, its straight lines and its bounds.

use super::labels::Rect;

/// An element of a drawing: its attributes and its text.
pub(super) struct Element {
    /// Its attributes, in order, as `(name, value)`.
    attributes: Vec<(String, String)>,
    /// Its text, up to its first child.
    pub(super) text: String,
}

impl Element {
    /// The value of the attribute `name`, if it has one.
    pub(super) fn get(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
    /// The attribute `name` as a number.
    pub(super) fn num(&self, name: &str) -> f64 {
        self.get(name).unwrap().parse().unwrap()
    }
}

/// Every `<tag ...>` of `svg`, read from the markup as a browser gets it.
pub(super) fn elements(svg: &str, tag: &str) -> Vec<Element> {
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
pub(super) fn text_boxes(svg: &str) -> Vec<(String, Rect)> {
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
pub(super) fn segments(svg: &str) -> Vec<((f64, f64), (f64, f64))> {
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
pub(super) fn view_box(svg: &str) -> Rect {
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

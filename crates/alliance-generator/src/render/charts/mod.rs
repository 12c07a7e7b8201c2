//! Inline SVG drawn at build time: the partnership's structure, bar charts of
//! sector balance and line charts of strategy indicators.
//!
//! Every drawing is `role="img"` with a `<title>` and `<desc>` (the page also
//! carries the same facts as a list or table), uses the theme's AAA colours,
//! and never carries meaning by colour alone: every bar and point is labelled
//! with its value in text.
//!
//! One idea a module: `svg` opens a drawing and measures its text,
//! `structure`, `bars` and `line` draw the three kinds, `scale` holds
//! the numbers of an indicator (years, axis range, precision) and `labels`
//! places a line chart's labels clear of everything drawn.

mod bars;
mod labels;
mod line;
#[cfg(test)]
mod markup;
mod scale;
mod structure;
mod svg;

pub(crate) use bars::bar_chart;
pub(crate) use line::line_chart;
pub use scale::format_number;
pub(crate) use scale::{Series, format_fixed, missing_years};
pub(crate) use structure::{Node, structure_diagram};

#[cfg(test)]
mod tests {
    use super::*;

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

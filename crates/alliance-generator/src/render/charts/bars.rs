//! Bar charts: how a group's seats divide between sectors.

use std::fmt::Write as _;

use super::svg::{BRAND, TEXT, open_svg};
use crate::util::escape::escape;

/// A horizontal bar chart: one labelled bar per (label, count).
pub(crate) fn bar_chart(id: &str, bars: &[(&str, usize)], title: &str, desc: &str) -> String {
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

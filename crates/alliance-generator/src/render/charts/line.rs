//! Line charts of a strategy's indicators: values by year, with their
//! baseline and target, every point labelled.

use std::fmt::Write as _;

use super::labels::{LABEL, Rect, Scene, label_values, reference_spots};
use super::scale::{Series, decimals_of, first_year, format_fixed, nice_range};
use super::svg::{BORDER, BRAND, SECONDARY, TEXT, open_svg, text_width};
use crate::util::escape::escape;

/// A line chart of values by year, with labelled points, baseline and target.
/// Years sit in proportion along the x axis (a missing year leaves its gap),
/// and every label is placed clear of every other label and line.
pub(crate) fn line_chart(id: &str, series: &Series<'_>, title: &str, desc: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::markup::elements;
    use crate::render::charts::scale::missing_years;

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
}

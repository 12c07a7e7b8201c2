//! The numbers of an indicator chart: its years as written, the round
//! range of its axis, and the one precision all its numbers are shown with.

use std::fmt::Write as _;

/// One series of an indicator chart.
pub(crate) struct Series<'a> {
    /// The years along the x axis as written: `2016` or `"2016/17"`.
    pub(crate) labels: &'a [String],
    /// One value per label.
    pub(crate) values: &'a [f64],
    /// A baseline drawn as a dotted line, labelled.
    pub(crate) baseline: Option<f64>,
    /// A target drawn as a dashed line, labelled.
    pub(crate) target: Option<f64>,
    /// The labels of the target and the baseline: `["Target", "Baseline"]`.
    pub(crate) reference_names: [&'a str; 2],
}

impl Series<'_> {
    /// How many decimals every number of the series is shown with: the most
    /// any of its values, baseline or target needs (up to 2), so "61" beside
    /// "63.5" reads "61.0".
    pub(crate) fn decimals(&self) -> usize {
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
pub(super) fn first_year(label: &str) -> Option<i32> {
    let digits: String = label
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (digits.len() == 4).then(|| digits.parse().ok()).flatten()
}

/// The years between the first and the last of `labels` that have no value,
/// as runs `(from, to)`; empty when any label is not a year.
pub(crate) fn missing_years(labels: &[String]) -> Vec<(i32, i32)> {
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

/// A range from a round number at or below `low` to one at or above `high`.
pub(super) fn nice_range(low: f64, high: f64) -> (f64, f64) {
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
pub(super) fn decimals_of(values: &[f64]) -> usize {
    decimals(values.iter().copied())
}

/// A number with exactly `places` decimals (at most 2), thousands grouped and
/// a true minus sign (U+2212): `1,200.0`, `−3.50`.
pub(crate) fn format_fixed(value: f64, places: usize) -> String {
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
    fn ranges_are_round_and_cover_the_data() {
        let (low, high) = nice_range(0.0, 87.0);
        assert_eq!((low, high), (0.0, 100.0));
        let (low, high) = nice_range(0.0, 3.2);
        assert!(low <= 0.0 && (3.2..=5.0).contains(&high));
    }
}

//! Medians, percentiles and the units the tables print.

use std::time::Duration;

/// The value at quantile `q` (0.0–1.0) of `values`, by the nearest rank;
/// zero for no values.
pub(crate) fn quantile(values: &[Duration], q: f64) -> Duration {
    if values.is_empty() {
        return Duration::ZERO;
    }
    let mut sorted = values.to_vec();
    sorted.sort();
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// The median (the lower middle value of an even count).
pub(crate) fn median(values: &[Duration]) -> Duration {
    quantile(values, 0.5)
}

/// The median of whole numbers, such as bytes.
pub(crate) fn median_u64(values: &[u64]) -> u64 {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    sorted
        .get(sorted.len().saturating_sub(1) / 2)
        .copied()
        .unwrap_or(0)
}

/// A duration for a table: milliseconds below ten seconds' worth of detail.
pub(crate) fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 10.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

/// A duration in seconds, two decimals.
pub(crate) fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

/// Bytes in MiB, whole.
pub(crate) fn mib(bytes: u64) -> String {
    format!("{:.0} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// `a / b`, for ratios of times.
pub(crate) fn ratio(a: Duration, b: Duration) -> f64 {
    if b.is_zero() {
        0.0
    } else {
        a.as_secs_f64() / b.as_secs_f64()
    }
}

/// Times `f`, returning its result and how long it took.
pub(crate) fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let started = std::time::Instant::now();
    let value = f();
    (value, started.elapsed())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms_list(values: &[u64]) -> Vec<Duration> {
        values.iter().map(|&v| Duration::from_millis(v)).collect()
    }

    #[test]
    fn quantiles_by_nearest_rank() {
        let v = ms_list(&[50, 10, 40, 20, 30]);
        assert_eq!(median(&v), Duration::from_millis(30));
        assert_eq!(quantile(&v, 0.9), Duration::from_millis(50));
        assert_eq!(quantile(&v, 0.0), Duration::from_millis(10));
        let even = ms_list(&[4, 1, 3, 2]);
        assert_eq!(median(&even), Duration::from_millis(2));
        assert_eq!(median(&[]), Duration::ZERO);
        assert_eq!(median_u64(&[5, 1, 3, 2]), 2);
    }

    #[test]
    fn formats() {
        assert_eq!(ms(Duration::from_micros(2500)), "2.5 ms");
        assert_eq!(ms(Duration::from_millis(123)), "123 ms");
        assert_eq!(secs(Duration::from_millis(1234)), "1.23 s");
        assert_eq!(mib(3 * 1024 * 1024), "3 MiB");
        assert_eq!(ratio(Duration::from_secs(3), Duration::from_secs(2)), 1.5);
    }
}

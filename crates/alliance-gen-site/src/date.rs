//! Calendar days, as the site writes them: `2026-03-04` in front matter,
//! "4 March 2026" in titles and prose.

use std::fmt;

/// The day every generated site treats as "today": meetings before it were
/// held, meetings after it are scheduled. Fixed, so output never depends on the clock.
pub const TODAY: Day = Day::from_ymd(2026, 11, 22);

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A day of the proleptic Gregorian calendar, counted from 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(i64);

impl Day {
    /// The day with this year, month (1–12) and day of month.
    pub const fn from_ymd(year: i64, month: i64, day: i64) -> Day {
        // Howard Hinnant's days_from_civil.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (month + 9) % 12;
        let doy = (153 * mp + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Day(era * 146_097 + doe - 719_468)
    }

    /// Year, month (1–12) and day of month.
    pub fn ymd(self) -> (i64, i64, i64) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        (year, month, day)
    }

    /// The day `n` days later (earlier if negative).
    pub fn plus(self, n: i64) -> Day {
        Day(self.0 + n)
    }

    /// Days from `other` to `self`.
    pub fn since(self, other: Day) -> i64 {
        self.0 - other.0
    }

    /// Day of the week, 0 = Monday.
    pub fn weekday(self) -> i64 {
        (self.0 + 3).rem_euclid(7)
    }

    /// The year.
    pub fn year(self) -> i64 {
        self.ymd().0
    }

    /// As people in the UK read it: "4 March 2026".
    pub fn long(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{d} {} {y}", MONTHS[(m - 1) as usize])
    }
}

/// ISO 8601, `2026-03-04`: a TOML local date as written.
impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_formats() {
        assert_eq!(Day::from_ymd(1970, 1, 1), Day(0));
        assert_eq!(Day::from_ymd(2024, 2, 29).plus(1).to_string(), "2024-03-01");
        assert_eq!(Day::from_ymd(2026, 3, 4).long(), "4 March 2026");
        for n in -1000..100_000 {
            let (y, m, d) = Day(n).ymd();
            assert_eq!(Day::from_ymd(y, m, d), Day(n));
        }
        // 22 November 2026 is a Sunday.
        assert_eq!(TODAY.weekday(), 6);
        assert_eq!(TODAY.since(TODAY.plus(-3)), 3);
    }
}

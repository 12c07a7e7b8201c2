//! Calendar days, as the site writes them: `2026-03-04` in front matter,
//! "4 March 2026" in titles and prose. Arithmetic by jiff, as in the generator.

use std::fmt;

use jiff::ToSpan;
use jiff::civil::{self, Date};

/// The day every generated site treats as "today": meetings before it were
/// held, meetings after it are scheduled. Fixed, so output never depends on the clock.
pub const TODAY: Day = Day::from_ymd(2026, 11, 22);

/// A day of the Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(Date);

impl Day {
    /// The day with this year, month (1–12) and day of month; panics if there is none.
    pub const fn from_ymd(year: i16, month: i8, day: i8) -> Day {
        Day(civil::date(year, month, day))
    }

    /// The day `n` days later (earlier if negative).
    pub fn plus(self, n: i64) -> Day {
        Day(self.0.saturating_add(n.days()))
    }

    /// Days from `other` to `self`.
    pub fn since(self, other: Day) -> i64 {
        i64::from((self.0 - other.0).get_days())
    }

    /// Day of the week, 0 = Monday.
    pub fn weekday(self) -> i8 {
        self.0.weekday().to_monday_zero_offset()
    }

    /// The year.
    pub fn year(self) -> i64 {
        i64::from(self.0.year())
    }

    /// As people in the UK read it: "4 March 2026".
    pub fn long(self) -> String {
        self.0.strftime("%-d %B %Y").to_string()
    }
}

/// ISO 8601, `2026-03-04`: a TOML local date as written.
impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_and_forms() {
        assert_eq!(Day::from_ymd(2024, 2, 29).plus(1).to_string(), "2024-03-01");
        assert_eq!(Day::from_ymd(2026, 3, 4).long(), "4 March 2026");
        assert_eq!(Day::from_ymd(2026, 3, 4).to_string(), "2026-03-04");
        // 22 November 2026 is a Sunday.
        assert_eq!(TODAY.weekday(), 6);
        assert_eq!(TODAY.since(TODAY.plus(-400)), 400);
        assert_eq!(TODAY.year(), 2026);
    }
}

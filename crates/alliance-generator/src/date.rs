//! Dates as editors write them: `2026-11-01` (TOML date) or `"2026-11-01"` (text),
//! optionally with a time.

use std::fmt;

use jiff::civil;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date, optionally with a local time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SiteDate {
    /// The day.
    pub date: civil::Date,
    /// The time, if one was given.
    pub time: Option<civil::Time>,
}

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

/// The words a language writes dates with (the theme's `months`,
/// `weekdays`, `am`, `pm`, `midday` and `midnight`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct DateWords<'a> {
    /// January to December.
    pub(crate) months: &'a [String],
    /// Monday to Sunday.
    pub(crate) weekdays: &'a [String],
    /// After a morning hour: "am", "yb".
    pub(crate) am: &'a str,
    /// After an afternoon hour: "pm", "yp".
    pub(crate) pm: &'a str,
    /// 12:00: "midday", "hanner dydd".
    pub(crate) midday: &'a str,
    /// 00:00: "midnight", "hanner nos".
    pub(crate) midnight: &'a str,
}

impl SiteDate {
    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` or `YYYY-MM-DD HH:MM[:SS]`.
    pub fn parse(text: &str) -> Result<SiteDate, String> {
        let text = text.trim();
        let bad = || match rewrite(text) {
            Some(date) => format!("`{text}` is not a valid date; write {date}"),
            None => {
                format!("`{text}` is not a valid date; write it as YYYY-MM-DD, e.g. 2026-11-22")
            }
        };
        let (day, time) = match text.split_once(['T', ' ']) {
            Some((d, t)) => (d, Some(t)),
            None => (text, None),
        };
        let date: civil::Date = day.parse().map_err(|_| bad())?;
        let time = match time {
            Some(t) => {
                let t = t.trim_end_matches('Z');
                Some(t.parse::<civil::Time>().map_err(|_| bad())?)
            }
            None => None,
        };
        Ok(SiteDate { date, time })
    }

    /// ISO 8601 date, `2026-11-22`.
    pub fn iso_date(&self) -> String {
        self.date.to_string()
    }

    /// RFC 3339 timestamp in UTC, as Atom and sitemaps want (times read as UTC).
    pub(crate) fn rfc3339(&self) -> String {
        let time = self.time.unwrap_or(civil::Time::midnight());
        format!(
            "{}T{:02}:{:02}:{:02}Z",
            self.date,
            time.hour(),
            time.minute(),
            time.second()
        )
    }

    /// The date as people in the UK read it: "22 November 2026".
    pub fn long(&self) -> String {
        self.long_with(MONTHS[(self.date.month() - 1) as usize])
    }

    fn long_with(&self, month: &str) -> String {
        format!("{} {month} {}", self.date.day(), self.date.year())
    }

    /// The date in a language's words: "22 Tachwedd 2026".
    pub(crate) fn long_in(&self, words: &DateWords<'_>) -> String {
        let month = usize::try_from(self.date.month() - 1).unwrap_or(0);
        match words.months.get(month) {
            Some(name) => self.long_with(name),
            None => self.long(),
        }
    }

    /// The day of the week in a language's words: "dydd Sadwrn".
    pub(crate) fn weekday_in<'a>(&self, words: &DateWords<'a>) -> &'a str {
        let day = usize::from(self.date.weekday().to_monday_zero_offset().unsigned_abs());
        words
            .weekdays
            .get(day)
            .map_or(self.weekday(), String::as_str)
    }

    /// The time in a language's words: "2yp", "10:30yb", "hanner dydd".
    pub(crate) fn clock_in(&self, words: &DateWords<'_>) -> Option<String> {
        self.clock_with([words.am, words.pm, words.midday, words.midnight])
    }

    /// The day of the week: "Sunday".
    pub fn weekday(&self) -> &'static str {
        use jiff::civil::Weekday::*;
        match self.date.weekday() {
            Monday => "Monday",
            Tuesday => "Tuesday",
            Wednesday => "Wednesday",
            Thursday => "Thursday",
            Friday => "Friday",
            Saturday => "Saturday",
            Sunday => "Sunday",
        }
    }

    /// The time as GOV.UK writes it: "2pm", "10:30am", "midday"; `None` without a time.
    pub fn clock(&self) -> Option<String> {
        self.clock_with(["am", "pm", "midday", "midnight"])
    }

    /// The time written with the words for am, pm, midday and midnight.
    fn clock_with(&self, [am, pm, midday, midnight]: [&str; 4]) -> Option<String> {
        let t = self.time?;
        let (hour, minute) = (t.hour(), t.minute());
        Some(match (hour, minute) {
            (12, 0) => midday.to_owned(),
            (0, 0) => midnight.to_owned(),
            _ => {
                let suffix = if hour < 12 { am } else { pm };
                let h12 = if hour % 12 == 0 { 12 } else { hour % 12 };
                if minute == 0 {
                    format!("{h12}{suffix}")
                } else {
                    format!("{h12}:{minute:02}{suffix}")
                }
            }
        })
    }

    /// "22/11/2026", as the UK Government Web Archive writes dates.
    pub fn short(&self) -> String {
        format!(
            "{:02}/{:02}/{}",
            self.date.day(),
            self.date.month(),
            self.date.year()
        )
    }
}

/// The date someone meant by `text` written another way: `01/12/2026` (day
/// first, as the UK writes it: 1 December 2026), `1.12.2026`, `1-12-2026` or
/// `2026-12-1` (a one-digit month or day). `None` when it is no such date.
pub(crate) fn meant(text: &str) -> Option<civil::Date> {
    let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
    let number = |s: &str| -> Option<i16> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let [a, b, c] = parts[..] else { return None };
    let (year, month, day) = if a.len() == 4 {
        (number(a)?, number(b)?, number(c)?)
    } else if c.len() == 4 {
        (number(c)?, number(b)?, number(a)?)
    } else {
        return None;
    };
    let (month, day) = (i8::try_from(month).ok()?, i8::try_from(day).ok()?);
    civil::Date::new(year, month, day).ok()
}

/// The date written the one way Alliance reads, `2026-12-01`, when `text` is
/// a date written another way (see [`meant`]); for hints on unquoted TOML.
pub(crate) fn rewrite(text: &str) -> Option<String> {
    meant(text).map(|date| format!("{date} ({})", SiteDate { date, time: None }.long()))
}

/// Why a local date and time cannot be placed on the clock of `zone`: the
/// message and a hint, or `None` when it names exactly one instant. A time in
/// the hour skipped when clocks go forward does not exist; one in the hour
/// repeated when they go back happens twice.
pub(crate) fn zone_problem(at: &SiteDate, zone: &jiff::tz::TimeZone) -> Option<(String, String)> {
    use jiff::tz::AmbiguousOffset;
    let time = at.time?;
    let local = at.date.to_datetime(time);
    let name = zone.iana_name().unwrap_or("the site's time zone");
    let (before, after) = match zone.to_ambiguous_zoned(local).offset() {
        AmbiguousOffset::Unambiguous { .. } => return None,
        AmbiguousOffset::Gap { before, after } | AmbiguousOffset::Fold { before, after } => {
            (before, after)
        }
    };
    let instant = |offset: jiff::tz::Offset| offset.to_timestamp(local).ok();
    // The change happened just before the later of the two instants the time
    // could name: the one read with the smaller offset.
    let change = instant(before.min(after))
        .and_then(|t| zone.preceding(t).next())
        .map(|t| before.to_datetime(t.timestamp()))?;
    let changed = SiteDate {
        date: change.date(),
        time: Some(change.time()),
    };
    let when = format!(
        "at {} on {}",
        changed.clock().unwrap_or_default(),
        changed.long()
    );
    let hhmm = |t: civil::Time| format!("{:02}:{:02}", t.hour(), t.minute());
    let written = hhmm(time);
    let shift =
        jiff::SignedDuration::from_secs(i64::from((after.seconds() - before.seconds()).abs()));
    let moved = |forward: bool| {
        let t = if forward {
            local.checked_add(shift)
        } else {
            local.checked_sub(shift)
        };
        t.map(|t| hhmm(t.time())).unwrap_or_default()
    };
    if after > before {
        Some((
            format!("{written} on {} does not exist in {name}", at.long()),
            format!(
                "clocks go forward {when}: {written} does not exist in {name}; write {} or {}",
                moved(true),
                moved(false)
            ),
        ))
    } else {
        Some((
            format!(
                "{written} on {} happens twice in {name}, so it names no one time",
                at.long()
            ),
            format!(
                "clocks go back {when}: {written} happens twice in {name}; write a time from {} on, or before {}",
                hhmm(change.time()),
                moved(true)
            ),
        ))
    }
}

impl fmt::Display for SiteDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.time {
            Some(t) => write!(f, "{}T{}", self.date, t),
            None => write!(f, "{}", self.date),
        }
    }
}

impl<'de> Deserialize<'de> for SiteDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        match toml::Value::deserialize(deserializer)? {
            toml::Value::String(s) => SiteDate::parse(&s).map_err(D::Error::custom),
            toml::Value::Datetime(dt) => SiteDate::parse(&dt.to_string()).map_err(D::Error::custom),
            other => Err(D::Error::custom(format!(
                "expected a date such as 2026-11-22, found {}",
                other.type_str()
            ))),
        }
    }
}

impl Serialize for SiteDate {
    /// Templates see `{ iso, datetime, long, short, weekday, time, rfc3339, year }`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct View {
            iso: String,
            datetime: String,
            long: String,
            short: String,
            weekday: &'static str,
            time: Option<String>,
            rfc3339: String,
            year: i16,
        }
        View {
            iso: self.iso_date(),
            datetime: self.to_string(),
            long: self.long(),
            short: self.short(),
            weekday: self.weekday(),
            time: self.clock(),
            rfc3339: self.rfc3339(),
            year: self.date.year(),
        }
        .serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats() {
        let d = SiteDate::parse("2026-11-02").unwrap();
        assert_eq!(d.long(), "2 November 2026");
        assert_eq!(d.short(), "02/11/2026");
        assert_eq!(d.rfc3339(), "2026-11-02T00:00:00Z");
        let t = SiteDate::parse("2026-11-02T18:30:00").unwrap();
        assert_eq!(t.rfc3339(), "2026-11-02T18:30:00Z");
        assert_eq!(t.weekday(), "Monday");
        assert_eq!(t.clock().as_deref(), Some("6:30pm"));
        assert_eq!(d.clock(), None);
        let clock = |s: &str| SiteDate::parse(s).unwrap().clock().unwrap();
        assert_eq!(clock("2026-11-02T14:00"), "2pm");
        assert_eq!(clock("2026-11-02T12:00"), "midday");
        assert_eq!(clock("2026-11-02T00:30"), "12:30am");
    }

    #[test]
    fn writes_dates_and_times_in_welsh() {
        let text = |k: &[&str]| k.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let months = text(&[
            "Ionawr",
            "Chwefror",
            "Mawrth",
            "Ebrill",
            "Mai",
            "Mehefin",
            "Gorffennaf",
            "Awst",
            "Medi",
            "Hydref",
            "Tachwedd",
            "Rhagfyr",
        ]);
        let weekdays = text(&[
            "dydd Llun",
            "dydd Mawrth",
            "dydd Mercher",
            "dydd Iau",
            "dydd Gwener",
            "dydd Sadwrn",
            "dydd Sul",
        ]);
        let cy = DateWords {
            months: &months,
            weekdays: &weekdays,
            am: "yb",
            pm: "yp",
            midday: "hanner dydd",
            midnight: "hanner nos",
        };
        let at = |s: &str| SiteDate::parse(s).unwrap();
        assert_eq!(at("2026-11-22").long_in(&cy), "22 Tachwedd 2026");
        assert_eq!(at("2026-11-21").weekday_in(&cy), "dydd Sadwrn");
        assert_eq!(at("2026-11-22").weekday_in(&cy), "dydd Sul");
        assert_eq!(at("2026-11-23").weekday_in(&cy), "dydd Llun");
        assert_eq!(at("2027-01-01").long_in(&cy), "1 Ionawr 2027");
        assert_eq!(at("2026-11-21T14:00").clock_in(&cy).unwrap(), "2yp");
        assert_eq!(at("2026-11-21T10:00").clock_in(&cy).unwrap(), "10yb");
        assert_eq!(at("2026-11-21T14:30").clock_in(&cy).unwrap(), "2:30yp");
        assert_eq!(at("2026-11-21T12:00").clock_in(&cy).unwrap(), "hanner dydd");
        assert_eq!(at("2026-11-21T00:00").clock_in(&cy).unwrap(), "hanner nos");
        assert_eq!(at("2026-11-21").clock_in(&cy), None);
    }

    #[test]
    fn times_the_clock_change_skips_or_repeats_are_problems() {
        let london = jiff::tz::TimeZone::get("Europe/London").unwrap();
        let problem = |s: &str| zone_problem(&SiteDate::parse(s).unwrap(), &london);
        let (message, hint) = problem("2027-03-28T01:30").unwrap();
        assert_eq!(
            message,
            "01:30 on 28 March 2027 does not exist in Europe/London"
        );
        assert_eq!(
            hint,
            "clocks go forward at 1am on 28 March 2027: 01:30 does not exist in Europe/London; write 02:30 or 00:30"
        );
        let (message, hint) = problem("2026-10-25T01:30").unwrap();
        assert!(message.contains("happens twice"), "{message}");
        assert!(
            hint.starts_with("clocks go back at 2am on 25 October 2026"),
            "{hint}"
        );
        for fine in [
            "2027-03-28T00:59",
            "2027-03-28T02:00",
            "2026-10-25T00:59",
            "2026-10-25T02:00",
            "2026-10-25",
        ] {
            assert_eq!(problem(fine), None, "{fine}");
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(SiteDate::parse("2026-13-01").is_err());
        assert!(SiteDate::parse("2026-02-30").is_err());
        assert!(SiteDate::parse("next tuesday").is_err());
        let say = |s: &str| SiteDate::parse(s).unwrap_err();
        assert_eq!(
            say("01/12/2026"),
            "`01/12/2026` is not a valid date; write 2026-12-01 (1 December 2026)"
        );
        assert_eq!(
            say("2026-12-1"),
            "`2026-12-1` is not a valid date; write 2026-12-01 (1 December 2026)"
        );
        assert_eq!(meant("31/02/2026"), None);
        assert_eq!(meant("1/2/26"), None);
    }

    #[test]
    fn reads_toml_dates_and_strings() {
        #[derive(Deserialize)]
        struct F {
            a: SiteDate,
            b: SiteDate,
        }
        let f: F = toml::from_str("a = 2026-01-05\nb = \"2026-01-06\"").unwrap();
        assert_eq!(f.a.iso_date(), "2026-01-05");
        assert_eq!(f.b.iso_date(), "2026-01-06");
        let err = toml::from_str::<F>("a = 2026-01-05\nb = \"2026-31-06\"")
            .err()
            .unwrap();
        assert!(err.message().contains("not a valid date"));
        assert_eq!(err.span().unwrap().start, 19);
    }
}

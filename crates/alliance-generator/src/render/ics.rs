//! iCalendar feeds (RFC 5545) of meetings, for residents' calendars.
//!
//! Output is byte-identical from the same content and date: `DTSTAMP` is the
//! earlier of the meeting page's own date (`updated`, `reviewed`, `date`, else
//! its start) and the build's day at 00:00:00Z, so it is never in the future; UIDs come from the page's
//! address, so they stay stable for the life of a meeting. Times are written
//! with `TZID=Europe/London` and a `VTIMEZONE` when the site is in London
//! time, and in UTC for any other zone.

use jiff::civil;
use jiff::tz::TimeZone;

use crate::content::Content;
use crate::date::SiteDate;
use crate::model::MeetingStatus;
use crate::render::words::Words;

const LONDON: &str = "Europe/London";

/// The British summer-time rules, as calendar programs expect them.
const LONDON_VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/London",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19810329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19961027T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// A calendar named `name` holding the given meetings (indices into the
/// model), its descriptions in the language of `words`.
pub(crate) fn calendar(content: &Content, name: &str, meetings: &[usize], words: &Words) -> String {
    let site = &content.site;
    let zone = site.config.time_zone();
    let london = site.config.timezone == LONDON;
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        format!(
            "PRODID:-//Alliance//Alliance {}//EN",
            env!("CARGO_PKG_VERSION")
        ),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", text(name)),
        format!("X-WR-TIMEZONE:{}", site.config.timezone),
    ];
    if london {
        lines.extend(LONDON_VTIMEZONE.iter().map(|l| (*l).to_owned()));
    }
    let host = host(&site.config.base_url);
    let closed = site.config.closed_on();
    // No stamp may be later than the build's day, at 00:00:00Z.
    let build_day = instant(
        &SiteDate {
            date: content.today,
            time: None,
        },
        &TimeZone::UTC,
    );
    for &m in meetings {
        let meeting = &content.model.meetings[m];
        let page = &site.pages[meeting.page];
        let group = &site.pages[content.model.groups[meeting.group].page];
        let time = |property: &str, at: &SiteDate| {
            if london {
                format!("{property};TZID={LONDON}:{}", basic(at))
            } else {
                format!("{property}:{}", utc(at, &zone))
            }
        };
        let own = page
            .front
            .updated
            .or(page.front.reviewed)
            .or(page.front.date)
            .unwrap_or(meeting.start);
        let stamp = instant(&own, &zone).min(build_day);
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!(
            "UID:{}@{host}",
            page.path.trim_end_matches('/').replace('/', "-")
        ));
        lines.push(format!("DTSTAMP:{}", basic_utc(stamp)));
        lines.push(time("DTSTART", &meeting.start));
        if let Some(end) = &meeting.end {
            lines.push(time("DTEND", end));
        }
        lines.push(format!("SUMMARY:{}", text(&page.front.title)));
        if let Some(location) = &meeting.location {
            lines.push(format!("LOCATION:{}", text(location)));
        }
        lines.push(format!(
            "DESCRIPTION:{}",
            text(&words.fill(
                "calendar_description",
                &[
                    ("group", &group.front.title),
                    ("partnership", &site.config.partnership.name),
                ]
            ))
        ));
        lines.push(format!("URL:{}", site.config.absolute_url(&page.path)));
        let not_held = closed.is_some_and(|c| meeting.start.date > c);
        let (status, sequence) = status(meeting.status, not_held);
        lines.push(format!("STATUS:{status}"));
        lines.push(format!("SEQUENCE:{sequence}"));
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in &lines {
        fold(&mut out, line);
    }
    out
}

/// A meeting's `STATUS` and `SEQUENCE`. The UID never changes, so a calendar
/// that has the meeting updates it when SEQUENCE rises: scheduled or held 0,
/// postponed 1 (TENTATIVE: the old date stays, no longer certain), rescheduled
/// 2 (CONFIRMED at the new date), cancelled, or not held because the
/// partnership closed, 3 (CANCELLED). Each step of the usual course —
/// scheduled, postponed, rescheduled, cancelled — raises it.
fn status(status: MeetingStatus, not_held: bool) -> (&'static str, u8) {
    match status {
        _ if not_held => ("CANCELLED", 3),
        MeetingStatus::Scheduled | MeetingStatus::Held => ("CONFIRMED", 0),
        MeetingStatus::Postponed => ("TENTATIVE", 1),
        MeetingStatus::Rescheduled => ("CONFIRMED", 2),
        MeetingStatus::Cancelled => ("CANCELLED", 3),
    }
}

/// `20260304T140000`: a local date-time in iCalendar's basic format.
fn basic(at: &SiteDate) -> String {
    let t = at.time.unwrap_or(civil::Time::midnight());
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        at.date.year(),
        at.date.month(),
        at.date.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// `20260304T140000Z`: a local date-time in `zone`, converted to UTC.
fn utc(at: &SiteDate, zone: &TimeZone) -> String {
    basic_utc(instant(at, zone))
}

/// The instant a local date-time (midnight without a time) names in `zone`.
fn instant(at: &SiteDate, zone: &TimeZone) -> jiff::Timestamp {
    let local = at
        .date
        .to_datetime(at.time.unwrap_or(civil::Time::midnight()));
    zone.to_ambiguous_zoned(local)
        .compatible()
        .map(|z| z.timestamp())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
}

/// `20260304T140000Z`.
fn basic_utc(at: jiff::Timestamp) -> String {
    at.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// The host of the site's address, for UIDs.
fn host(base_url: &str) -> &str {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    rest.split('/').next().unwrap_or(rest)
}

/// Escapes a TEXT value: backslash, semicolon, comma and newlines.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes a content line folded at 75 octets (CRLF then a space), never
/// splitting a UTF-8 character.
fn fold(out: &mut String, line: &str) {
    if line.len() <= 75 {
        out.push_str(line);
        out.push_str("\r\n");
        return;
    }
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_long_lines_at_75_octets() {
        let mut out = String::new();
        fold(&mut out, &format!("SUMMARY:{}", "é".repeat(60)));
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        assert_eq!(out.matches("\r\n ").count(), 1);
        for len in [74, 75, 76] {
            let line = "x".repeat(len);
            let mut out = String::new();
            fold(&mut out, &line);
            assert_eq!(out.matches("\r\n ").count(), usize::from(len > 75), "{len}");
            assert_eq!(out.replace("\r\n ", ""), format!("{line}\r\n"));
        }
    }

    #[test]
    fn escapes_text() {
        assert_eq!(
            text("Room 1, Campus East; a\\b\nc"),
            "Room 1\\, Campus East\\; a\\\\b\\nc"
        );
    }

    #[test]
    fn converts_other_zones_to_utc() {
        let at = SiteDate::parse("2026-07-01T14:00").unwrap();
        let zone = TimeZone::get("Europe/Paris").unwrap();
        assert_eq!(utc(&at, &zone), "20260701T120000Z");
        assert_eq!(basic(&at), "20260701T140000");
        assert_eq!(host("https://www.example.org.uk/lsp"), "www.example.org.uk");
    }
}

//! Upcoming events as iCalendar (RFC 5545): the whole site's, each organisation's
//! and each municipality's, for subscribing in a calendar program.
//!
//! Built in Rust, not with templates, so that the format stays valid: text values
//! are escaped (`\\`, `;`, `,`, newlines), lines end in CRLF and are folded at 75
//! octets without splitting a UTF-8 character. Times are local Finnish times with
//! `TZID=Europe/Helsinki` (the calendar carries that zone's VTIMEZONE); whole days
//! are `VALUE=DATE`, their `DTEND` the day after the last. `DTSTAMP` is the build's
//! day, so that two builds of one day are the same; `UID` is the event page's
//! address, which stays while the file keeps its name.

use super::{Job, Output, Renderer, dates};
use crate::diagnostics::Diagnostic;
use crate::model::{Event, EventId, EventTime, Organiser};

/// The Europe/Helsinki zone: EET (+02:00), and EEST (+03:00) from the last Sunday of
/// March to the last Sunday of October (the rule of `dates::helsinki_offset`).
const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Helsinki\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0300\r\nTZNAME:EEST\r\nDTSTART:19700329T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0200\r\nTZNAME:EET\r\nDTSTART:19701025T040000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

pub(super) fn render(r: &Renderer<'_>, job: Job) -> Result<Output, Diagnostic> {
    let (site, ev) = (r.site, &r.index.events);
    let events_name = r.theme.t("upcoming_events");
    let (name, ids): (String, &[EventId]) = match job {
        Job::Calendar => (format!("{} – {events_name}", site.config.title), &ev.upcoming),
        Job::OrganisationCalendar(o) => {
            (format!("{} – {events_name}", site.organisations[o].name), &ev.organisation[o])
        }
        Job::MunicipalityCalendar(m) => {
            (format!("{} – {events_name}", site.municipalities.list[m].name), &ev.municipality[m])
        }
        _ => unreachable!("only calendars are rendered here"),
    };
    let url = r.url(job);
    Ok(Output { path: r.routes.output_path(&url), bytes: calendar(r, &name, ids).into_bytes() })
}

/// A whole VCALENDAR of these events.
fn calendar(r: &Renderer<'_>, name: &str, ids: &[EventId]) -> String {
    let mut s = String::new();
    line(&mut s, "BEGIN:VCALENDAR");
    line(&mut s, "VERSION:2.0");
    line(&mut s, "PRODID:-//areena//areena events//FI");
    line(&mut s, "CALSCALE:GREGORIAN");
    line(&mut s, "METHOD:PUBLISH");
    line(&mut s, &format!("NAME:{}", text(name)));
    line(&mut s, &format!("X-WR-CALNAME:{}", text(name)));
    line(&mut s, "X-WR-TIMEZONE:Europe/Helsinki");
    s.push_str(VTIMEZONE);
    for &id in ids {
        vevent(r, &mut s, &r.site.events[id]);
    }
    line(&mut s, "END:VCALENDAR");
    s
}

fn vevent(r: &Renderer<'_>, s: &mut String, e: &Event) {
    let rt = &r.routes;
    let url = rt.absolute(&rt.event(&e.slug));
    line(s, "BEGIN:VEVENT");
    line(s, &format!("UID:{}", text(&url)));
    line(s, &format!("DTSTAMP:{}T000000Z", r.site.today.strftime("%Y%m%d")));
    match (e.start, e.end) {
        (EventTime::AllDay(start), end) => {
            let last = end.map_or(start, EventTime::date);
            let after = last.tomorrow().unwrap_or(last);
            line(s, &format!("DTSTART;VALUE=DATE:{}", start.strftime("%Y%m%d")));
            line(s, &format!("DTEND;VALUE=DATE:{}", after.strftime("%Y%m%d")));
        }
        (EventTime::At(start), end) => {
            line(s, &format!("DTSTART;TZID=Europe/Helsinki:{}", start.strftime("%Y%m%dT%H%M%S")));
            if let Some(end) = end {
                line(s, &format!("DTEND;TZID=Europe/Helsinki:{}", end.earliest().strftime("%Y%m%dT%H%M%S")));
            }
        }
    }
    line(s, &format!("SUMMARY:{}", text(&e.title)));
    let location = location(r, e);
    if !location.is_empty() {
        line(s, &format!("LOCATION:{}", text(&location)));
    }
    line(s, &format!("DESCRIPTION:{}", text(&description(r, e))));
    line(s, &format!("URL:{url}"));
    line(s, "END:VEVENT");
}

/// "Keuruun kirjasto, Kauppakatu 3, Keuruu" or "Verkossa".
fn location(r: &Renderer<'_>, e: &Event) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(p) = &e.place {
        parts.push(p.clone());
    }
    if let Some(m) = e.municipality {
        parts.push(r.site.municipalities.list[m].name.clone());
    }
    if e.online {
        parts.push(r.theme.t("event_online"));
    }
    parts.join(", ")
}

/// Who organises it, the price, where to sign up, then the text.
fn description(r: &Renderer<'_>, e: &Event) -> String {
    let site = r.site;
    let mut organisers: Vec<&str> = e
        .organisers
        .iter()
        .map(|o| match *o {
            Organiser::Organisation(o) => site.organisations[o].name.as_str(),
            Organiser::Network(n) => site.networks[n].name.as_str(),
        })
        .collect();
    if let Some(t) = &e.organiser_text {
        organisers.push(t);
    }
    let mut lines = vec![format!("{}: {}", r.theme.t("organisers"), organisers.join(", "))];
    lines.push(dates::event_when(e.start, e.end, site.config.language));
    if let Some(p) = &e.price {
        lines.push(format!("{}: {p}", r.theme.t("price")));
    }
    if let Some(u) = &e.registration {
        lines.push(format!("{}: {u}", r.theme.t("registration")));
    }
    let body = e.body.markdown().trim();
    if !body.is_empty() {
        lines.push(String::new());
        lines.push(body.to_string());
    }
    lines.join("\n")
}

/// A TEXT value: backslash, semicolon, comma and newlines escaped; other control
/// characters left out.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.replace("\r\n", "\n").chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() || crate::model::values::is_dropped_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Append a content line, folded into lines of at most 75 octets (a continuation
/// line starts with a space, which counts), each ended by CRLF.
pub fn line(out: &mut String, content: &str) {
    let mut used = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(text("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut s = String::new();
        let value = "ä".repeat(100);
        line(&mut s, &format!("SUMMARY:{value}"));
        for l in s.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = s.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{value}"));
    }
}

//! Dates as readers of each language write them: 12.2.2025 (fi, sv), 12 February 2025 (en).

use jiff::civil::{Date, DateTime};

use super::views::DateView;
use crate::model::{EventTime, Language};

const MONTHS_EN: [&str; 12] = [
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

pub fn format(d: Date, lang: Language) -> String {
    match lang {
        Language::Fi | Language::Sv => format!("{}.{}.{}", d.day(), d.month(), d.year()),
        Language::En => format!("{} {} {}", d.day(), MONTHS_EN[(d.month() - 1) as usize], d.year()),
    }
}

pub fn view(d: Date, lang: Language) -> DateView {
    DateView { text: format(d, lang), iso: d.to_string() }
}

const MONTHS_FI: [&str; 12] = [
    "tammikuu",
    "helmikuu",
    "maaliskuu",
    "huhtikuu",
    "toukokuu",
    "kesäkuu",
    "heinäkuu",
    "elokuu",
    "syyskuu",
    "lokakuu",
    "marraskuu",
    "joulukuu",
];
const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// A month as a heading: "Syyskuu 2026", "September 2026".
pub fn month(year: i16, month: i8, lang: Language) -> String {
    let i = (month - 1) as usize;
    let name = match lang {
        Language::Fi => MONTHS_FI[i],
        Language::Sv => MONTHS_SV[i],
        Language::En => MONTHS_EN[i],
    };
    let mut chars = name.chars();
    let first = chars.next().map(|c| c.to_uppercase().to_string()).unwrap_or_default();
    format!("{first}{} {year}", chars.as_str())
}

/// The weekday, abbreviated as each language writes it before a date.
fn weekday(d: Date, lang: Language) -> &'static str {
    let i = d.weekday().to_monday_zero_offset() as usize;
    match lang {
        Language::Fi => ["ma", "ti", "ke", "to", "pe", "la", "su"][i],
        Language::Sv => ["mån", "tis", "ons", "tors", "fre", "lör", "sön"][i],
        Language::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i],
    }
}

/// A time of day: "10" or "17.30" (fi, sv), "10:00" (en).
fn clock(t: jiff::civil::Time, lang: Language) -> String {
    match (lang, t.minute()) {
        (Language::En, m) => format!("{}:{m:02}", t.hour()),
        (_, 0) => t.hour().to_string(),
        (_, m) => format!("{}.{m:02}", t.hour()),
    }
}

/// "la 12.9.2026".
fn day(d: Date, lang: Language) -> String {
    format!("{} {}", weekday(d, lang), format(d, lang))
}

/// When an event takes place, as readers write it: "la 12.9.2026 klo 10–14",
/// "pe 11.9.2026 klo 18 – la 12.9.2026 klo 14", "la 12.9.2026 – su 13.9.2026".
pub fn event_when(start: EventTime, end: Option<EventTime>, lang: Language) -> String {
    let at = match lang {
        Language::Fi => "klo ",
        Language::Sv => "kl. ",
        Language::En => "",
    };
    let sep = if lang == Language::En { ", " } else { " " };
    match (start, end) {
        (EventTime::AllDay(s), Some(EventTime::AllDay(e))) if e != s => format!("{} – {}", day(s, lang), day(e, lang)),
        (EventTime::AllDay(s), _) => day(s, lang),
        (EventTime::At(s), None) => format!("{}{sep}{at}{}", day(s.date(), lang), clock(s.time(), lang)),
        (EventTime::At(s), Some(EventTime::At(e))) if e.date() == s.date() => {
            format!("{}{sep}{at}{}–{}", day(s.date(), lang), clock(s.time(), lang), clock(e.time(), lang))
        }
        (EventTime::At(s), Some(e)) => {
            let e = e.earliest();
            format!(
                "{}{sep}{at}{} – {}{sep}{at}{}",
                day(s.date(), lang),
                clock(s.time(), lang),
                day(e.date(), lang),
                clock(e.time(), lang)
            )
        }
    }
}

/// The offset of Finnish time (Europe/Helsinki) at a local time, in hours: +3 in
/// summer time (from the last Sunday of March, 03:00, to the last Sunday of
/// October, 04:00, as in the whole EU since 1996), else +2. Computed here rather
/// than read from the system's time zone files, so that builds are the same
/// everywhere; `calendar.rs` describes the same rule in its VTIMEZONE.
pub fn helsinki_offset(t: DateTime) -> i8 {
    let last_sunday = |month: i8| {
        let last = Date::new(t.year(), month, 31).expect("March and October have 31 days");
        last.checked_sub(jiff::Span::new().days(i64::from(last.weekday().to_sunday_zero_offset())))
            .expect("a day of the same month")
    };
    let summer_from = last_sunday(3).to_datetime(jiff::civil::time(3, 0, 0, 0));
    let summer_until = last_sunday(10).to_datetime(jiff::civil::time(4, 0, 0, 0));
    if t >= summer_from && t < summer_until { 3 } else { 2 }
}

/// ISO 8601 with Finland's offset (`2026-09-12T10:00:00+03:00`), or the date of a
/// whole-day time.
pub fn iso(t: EventTime) -> String {
    match t {
        EventTime::At(dt) => format!("{}+{:02}:00", dt.strftime("%Y-%m-%dT%H:%M:%S"), helsinki_offset(dt)),
        EventTime::AllDay(d) => d.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let d = Date::constant(2025, 2, 12);
        assert_eq!(format(d, Language::Fi), "12.2.2025");
        assert_eq!(format(d, Language::Sv), "12.2.2025");
        assert_eq!(format(d, Language::En), "12 February 2025");
        assert_eq!(view(d, Language::Fi).iso, "2025-02-12");
    }

    #[test]
    fn event_times() {
        let at = |y, m, d, h, min| EventTime::At(jiff::civil::date(y, m, d).at(h, min, 0, 0));
        let day = |y, m, d| EventTime::AllDay(jiff::civil::date(y, m, d));
        let (s, e) = (at(2026, 9, 12, 10, 0), at(2026, 9, 12, 14, 0));
        assert_eq!(event_when(s, Some(e), Language::Fi), "la 12.9.2026 klo 10–14");
        assert_eq!(event_when(s, Some(e), Language::Sv), "lör 12.9.2026 kl. 10–14");
        assert_eq!(event_when(s, Some(e), Language::En), "Sat 12 September 2026, 10:00–14:00");
        assert_eq!(event_when(at(2026, 12, 1, 17, 30), None, Language::Fi), "ti 1.12.2026 klo 17.30");
        assert_eq!(
            event_when(at(2026, 9, 11, 18, 0), Some(e), Language::Fi),
            "pe 11.9.2026 klo 18 – la 12.9.2026 klo 14"
        );
        assert_eq!(event_when(day(2026, 9, 12), None, Language::Fi), "la 12.9.2026");
        assert_eq!(event_when(day(2026, 9, 12), Some(day(2026, 9, 13)), Language::Fi), "la 12.9.2026 – su 13.9.2026");
        assert_eq!(month(2026, 9, Language::Fi), "Syyskuu 2026");
    }

    #[test]
    fn finnish_time_has_summer_time_from_march_to_october() {
        let at = |y, m, d, h| jiff::civil::date(y, m, d).at(h, 0, 0, 0);
        assert_eq!(helsinki_offset(at(2026, 1, 10, 12)), 2);
        assert_eq!(helsinki_offset(at(2026, 3, 29, 2)), 2);
        assert_eq!(helsinki_offset(at(2026, 3, 29, 4)), 3);
        assert_eq!(helsinki_offset(at(2026, 9, 12, 10)), 3);
        assert_eq!(helsinki_offset(at(2026, 10, 25, 3)), 3);
        assert_eq!(helsinki_offset(at(2026, 10, 25, 4)), 2);
        assert_eq!(helsinki_offset(at(2026, 12, 1, 18)), 2);
        assert_eq!(iso(EventTime::At(at(2026, 9, 12, 10))), "2026-09-12T10:00:00+03:00");
        assert_eq!(iso(EventTime::At(at(2026, 12, 1, 18))), "2026-12-01T18:00:00+02:00");
    }
}

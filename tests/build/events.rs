//! Events as a reader, a search engine and a calendar program find them: upcoming
//! and past split by the build's day, the event page and its schema.org `Event`,
//! and the iCalendar files.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use scraper::{Html, Selector};

use super::{build, texts};
use crate::support::{Site, bin, fixture};

/// The fixture site built with `AREENA_TODAY=today` into a temporary folder.
fn built(today: &str) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let r = Command::new(bin())
        .args(["build", "--lang", "en", "--root", fixture("site").to_str().unwrap(), "--output"])
        .arg(&site)
        .env("AREENA_TODAY", today)
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    (out, site)
}

fn html(dir: &Path, rel: &str) -> Html {
    Html::parse_document(&std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}")))
}

#[test]
fn upcoming_and_past_are_split_by_the_builds_day() {
    let (_t, out) = built("2026-11-23");
    let upcoming = html(&out, "tapahtumat/index.html");
    let titles = texts(&upcoming, ".event-item__title");
    // The exhibition started on 20.11. and is still on: it is listed, first.
    assert_eq!(titles.first().map(String::as_str), Some("Kuvanäyttely: Kylien arki"));
    assert_eq!(titles.len(), 8, "{titles:?}");
    assert!(!titles.iter().any(|t| t == "Järjestöjen syystori"), "{titles:?}");
    assert_eq!(
        texts(&upcoming, "main h2"),
        ["Marraskuu 2026", "Joulukuu 2026", "Tammikuu 2027", "Helmikuu 2027", "Huhtikuu 2027"]
    );
    // In date order.
    let starts: Vec<String> = upcoming
        .select(&Selector::parse(".event-item time").unwrap())
        .map(|t| t.value().attr("datetime").unwrap().to_string())
        .collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
    let past = html(&out, "tapahtumat/arkisto/index.html");
    let past_titles = texts(&past, ".event-item__title");
    assert_eq!(past_titles.first().map(String::as_str), Some("Mielen hyvinvointi arjessa – luento verkossa"));
    assert_eq!(past_titles.len(), 5, "{past_titles:?}");

    // On its last day an event is still ahead.
    let (_t, last_day) = built("2026-11-29");
    let titles = texts(&html(&last_day, "tapahtumat/index.html"), ".event-item__title");
    assert!(titles.iter().any(|t| t == "Kuvanäyttely: Kylien arki"), "{titles:?}");
    let (_t, after) = built("2026-11-30");
    let titles = texts(&html(&after, "tapahtumat/index.html"), ".event-item__title");
    assert!(!titles.iter().any(|t| t == "Kuvanäyttely: Kylien arki"), "{titles:?}");

    // Another day, another split: on 1.3.2027 only the spring's trip is ahead.
    let (_t, later) = built("2027-03-01");
    assert_eq!(
        texts(&html(&later, "tapahtumat/index.html"), ".event-item__title"),
        ["Lasten kevätretki luontopolulle"]
    );
    assert_eq!(texts(&html(&later, "tapahtumat/arkisto/index.html"), ".event-item__title").len(), 12);
}

#[test]
fn upcoming_events_show_on_the_pages_they_concern() {
    let (_t, out) = built("2026-11-23");
    let on = |rel: &str| texts(&html(&out, rel), "#upcoming-events ~ .event-list .event-item__title");
    assert_eq!(on("index.html").len(), 5, "the front page shows the next five");
    assert_eq!(on("kunnat/keuruu/index.html"), ["Omaishoitajien joulukahvit"]);
    assert_eq!(on("teemat/maahanmuuttajat/index.html"), ["Kielikahvila: suomea arjen tilanteisiin"]);
    assert_eq!(on("verkostot/keski-suomen-jarjestoareena/index.html").len(), 2);
    assert_eq!(on("kumppanuuspoydat/maakunnan-kumppanuuspoyta/index.html").len(), 2);
    let org = html(&out, "jarjestot/keuruun-selanteen-senioritupa/index.html");
    assert_eq!(texts(&org, ".upcoming-events .event-item__title"), ["Omaishoitajien joulukahvit"]);
    let ics = Selector::parse(".upcoming-events a[type=\"text/calendar\"]").unwrap();
    let link = org.select(&ics).next().expect("a link to the organisation's calendar");
    assert_eq!(link.value().attr("href"), Some("/jarjestot/jarjestot/keuruun-selanteen-senioritupa/tapahtumat.ics"));
    // A page with nothing upcoming has no such section.
    assert!(texts(&html(&out, "kunnat/multia/index.html"), "#upcoming-events").is_empty());
}

#[test]
fn the_event_page_says_when_where_and_who_and_describes_an_event_for_search_engines() {
    let (_t, out) = built("2026-11-23");
    let page = html(&out, "tapahtumat/2026-09-12-jarjestojen-syystori/index.html");
    assert_eq!(texts(&page, "h1"), ["Järjestöjen syystori"]);
    assert_eq!(texts(&page, ".page-header .lead"), ["la 12.9.2026 klo 10–14"]);
    let facts: BTreeMap<String, String> =
        texts(&page, ".facts dt").into_iter().zip(texts(&page, ".facts dd")).collect();
    assert_eq!(facts["Paikka"], "Keuruun tori Keuruu");
    assert_eq!(facts["Järjestäjät"], "Keuruun Selänteen Senioritupa ry Keskimaan Järjestökeskus ry Keuruun kaupunki");
    assert_eq!(facts["Hinta"], "maksuton");
    assert!(facts["Saavutettavuus"].starts_with("Tori on esteetön"));
    assert_eq!(texts(&page, ".notice"), ["Tämä tapahtuma on jo mennyt. Tulevat tapahtumat"]);
    let links: Vec<String> = page
        .select(&Selector::parse(".facts a").unwrap())
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert!(links.contains(&"/jarjestot/jarjestot/keskimaan-jarjestokeskus/".to_string()), "{links:?}");
    assert!(links.contains(&"/jarjestot/kunnat/keuruu/".to_string()), "{links:?}");

    let ld = json_ld(&page);
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "Event");
    assert_eq!(ld["name"], "Järjestöjen syystori");
    assert_eq!(ld["startDate"], "2026-09-12T10:00:00+03:00");
    assert_eq!(ld["endDate"], "2026-09-12T14:00:00+03:00");
    assert_eq!(ld["location"]["@type"], "Place");
    assert_eq!(ld["location"]["address"]["addressLocality"], "Keuruu");
    assert_eq!(ld["url"], "https://example.org/jarjestot/tapahtumat/2026-09-12-jarjestojen-syystori/");
    assert_eq!(ld["organizer"].as_array().unwrap().len(), 3);

    // In winter Finland is at +02:00; an online event has a virtual location.
    let online = json_ld(&html(&out, "tapahtumat/2026-12-02-jarjestoinfo-avustukset-verkossa/index.html"));
    assert_eq!(online["startDate"], "2026-12-02T17:30:00+02:00");
    assert_eq!(online["eventAttendanceMode"], "https://schema.org/MixedEventAttendanceMode");
    assert_eq!(online["location"][1]["@type"], "VirtualLocation");
    let all_day = json_ld(&html(&out, "tapahtumat/2027-02-19-jarjestopaivat/index.html"));
    assert_eq!((all_day["startDate"].as_str(), all_day["endDate"].as_str()), (Some("2027-02-19"), Some("2027-02-20")));
}

/// The page's one JSON-LD block, parsed.
fn json_ld(page: &Html) -> serde_json::Value {
    let sel = Selector::parse("script[type=\"application/ld+json\"]").unwrap();
    let scripts: Vec<String> = page.select(&sel).map(|s| s.text().collect()).collect();
    assert_eq!(scripts.len(), 1);
    serde_json::from_str(&scripts[0]).unwrap_or_else(|e| panic!("{e}: {}", scripts[0]))
}

#[test]
fn content_cannot_break_out_of_the_json_ld_or_the_calendar() {
    let s = Site::new();
    s.write(
        "content/events/2026-12-05-paha.md",
        "+++\ntitle = \"</script><script>alert(1)</script>; a, b \\\\ c\"\nstart = 2026-12-05T10:00:00\norganisers = [\"keuruun-testiyhdistys\"]\nmunicipality = \"Keuruu\"\nplace = \"<!-- Sali 1; kerros 2 -->\\nBEGIN:VEVENT\"\n+++\nTeksti.\n",
    );
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = s.read("public/tapahtumat/2026-12-05-paha/index.html");
    let page = Html::parse_document(&text);
    let scripts = page.select(&Selector::parse("script").unwrap()).count();
    assert_eq!(scripts, 1 + text.matches("<script src=").count(), "only the JSON-LD and the site's own scripts");
    let ld = json_ld(&page);
    assert_eq!(ld["name"], "</script><script>alert(1)</script>; a, b \\ c");
    assert_eq!(ld["location"]["name"], "<!-- Sali 1; kerros 2 -->\nBEGIN:VEVENT");

    let cal = parse_ics(&s.read("public/tapahtumat.ics"));
    let ev = &cal.events[0];
    assert_eq!(ev["SUMMARY"].1, "</script><script>alert(1)</script>\\; a\\, b \\\\ c");
    assert_eq!(ev["LOCATION"].1, "<!-- Sali 1\\; kerros 2 -->\\nBEGIN:VEVENT\\, Keuruu");
    assert_eq!(cal.events.len(), 1, "the place cannot start another event");
}

/// A calendar read strictly: CRLF line ends, lines of at most 75 octets, folded
/// lines joined, components balanced.
struct Calendar {
    /// The properties of VCALENDAR itself (outside its components).
    props: BTreeMap<String, (String, String)>,
    /// Each VEVENT's properties: name → (parameters, value).
    events: Vec<BTreeMap<String, (String, String)>>,
    timezones: Vec<String>,
}

fn parse_ics(text: &str) -> Calendar {
    assert!(text.ends_with("\r\n"), "ends with CRLF");
    let physical: Vec<&str> = text.strip_suffix("\r\n").unwrap().split("\r\n").collect();
    for l in &physical {
        assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
        assert!(!l.contains('\n') && !l.contains('\r'), "bare line break in {l:?}");
    }
    let mut lines: Vec<String> = Vec::new();
    for l in physical {
        match l.strip_prefix(' ') {
            Some(rest) => lines.last_mut().expect("a continuation follows a line").push_str(rest),
            None => lines.push(l.to_string()),
        }
    }
    let mut stack: Vec<String> = Vec::new();
    let mut cal = Calendar { props: BTreeMap::new(), events: Vec::new(), timezones: Vec::new() };
    for l in lines {
        let (head, value) = l.split_once(':').unwrap_or_else(|| panic!("no colon in {l:?}"));
        let (name, params) = head.split_once(';').unwrap_or((head, ""));
        match name {
            "BEGIN" => {
                stack.push(value.to_string());
                if value == "VEVENT" {
                    cal.events.push(BTreeMap::new());
                }
            }
            "END" => assert_eq!(stack.pop().as_deref(), Some(value), "END:{value} closes what is open"),
            "TZID" if stack.last().map(String::as_str) == Some("VTIMEZONE") => cal.timezones.push(value.into()),
            _ => match stack.last().map(String::as_str) {
                Some("VEVENT") => {
                    let prev = cal.events.last_mut().unwrap().insert(name.into(), (params.into(), value.into()));
                    assert!(prev.is_none(), "{name} twice in an event");
                }
                Some("VCALENDAR") => {
                    cal.props.insert(name.into(), (params.into(), value.into()));
                }
                _ => {}
            },
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    cal
}

#[test]
fn the_calendars_are_rfc_5545_with_finnish_times_and_whole_days() {
    let (_t, out) = built("2026-11-23");
    let text = std::fs::read_to_string(out.join("tapahtumat.ics")).unwrap();
    let cal = parse_ics(&text);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert_eq!(cal.props["VERSION"].1, "2.0");
    assert!(cal.props["PRODID"].1.contains("areena"));
    assert_eq!(cal.timezones, ["Europe/Helsinki"]);
    assert_eq!(cal.events.len(), 8, "the upcoming events");
    let mut uids = HashSet::new();
    for ev in &cal.events {
        for p in ["UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL", "DESCRIPTION"] {
            assert!(ev.contains_key(p), "{p} in {ev:?}");
        }
        assert!(uids.insert(ev["UID"].1.clone()), "UIDs are unique: {}", ev["UID"].1);
        assert_eq!(ev["DTSTAMP"].1, "20261123T000000Z");
        let (params, start) = &ev["DTSTART"];
        match params.as_str() {
            "TZID=Europe/Helsinki" => assert_eq!(start.len(), 15, "{start}"),
            "VALUE=DATE" => {
                assert_eq!(start.len(), 8);
                assert_eq!(ev["DTEND"].0, "VALUE=DATE", "a whole day ends with a date");
                assert!(ev["DTEND"].1 > *start, "the end of a whole day is the day after");
            }
            p => panic!("DTSTART;{p}"),
        }
    }
    let by_summary = |s: &str| cal.events.iter().find(|e| e["SUMMARY"].1 == s).unwrap_or_else(|| panic!("{s}"));
    let info = by_summary("Järjestöinfo: avustukset 2027\\, haku ja raportointi");
    assert_eq!(info["DTSTART"], ("TZID=Europe/Helsinki".into(), "20261202T173000".into()));
    assert_eq!(info["DTEND"].1, "20261202T190000");
    assert_eq!(info["LOCATION"].1, "Järjestötalo\\; myös verkossa\\, Jyväskylä\\, Verkossa");
    assert_eq!(info["URL"].1, "https://example.org/jarjestot/tapahtumat/2026-12-02-jarjestoinfo-avustukset-verkossa/");
    let days = by_summary("Keski-Suomen järjestöpäivät");
    assert_eq!((days["DTSTART"].1.as_str(), days["DTEND"].1.as_str()), ("20270219", "20270221"));
    let one_day = by_summary("Kylien joulunavaus");
    assert_eq!((one_day["DTSTART"].1.as_str(), one_day["DTEND"].1.as_str()), ("20261212", "20261213"));

    // An organisation's and a municipality's calendar hold their own upcoming events.
    let org = parse_ics(
        &std::fs::read_to_string(out.join("jarjestot/keuruun-selanteen-senioritupa/tapahtumat.ics")).unwrap(),
    );
    assert_eq!(org.events.len(), 1);
    assert_eq!(org.events[0]["SUMMARY"].1, "Omaishoitajien joulukahvit");
    let muni = parse_ics(&std::fs::read_to_string(out.join("kunnat/saarijarvi/tapahtumat.ics")).unwrap());
    assert_eq!(muni.events.len(), 2);
    // The events page links the calendar, and the sitemap lists no calendar.
    let events = html(&out, "tapahtumat/index.html");
    let cal_links = Selector::parse("a[type=\"text/calendar\"]").unwrap();
    assert_eq!(events.select(&cal_links).next().unwrap().value().attr("href"), Some("/jarjestot/tapahtumat.ics"));
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://example.org/jarjestot/tapahtumat/</loc>"));
    assert!(!sitemap.contains(".ics"));
}

#[test]
fn an_event_s_feed_entry_says_when_where_and_what() {
    let (_t, out) = built("2026-11-23");
    let bytes = std::fs::read(out.join("tapahtumat/atom.xml")).unwrap();
    let feed = feed_rs::parser::parse(bytes.as_slice()).unwrap();
    let summary = |title: &str| {
        let e = feed.entries.iter().find(|e| e.title.as_ref().is_some_and(|t| t.content == title)).unwrap();
        e.summary.as_ref().unwrap().content.clone()
    };
    // When, then where (municipality and place), then the first paragraph.
    assert_eq!(
        summary("Kuvanäyttely: Kylien arki"),
        "pe 20.11.2026 – su 29.11.2026 · Saarijärvi, Saarijärven kirjasto, näyttelytila\nKyläyhdistysten jäsenten valokuvia arjesta ja talkoista."
    );
    for e in &feed.entries {
        let text = &e.summary.as_ref().unwrap().content;
        let first_line = text.lines().next().unwrap();
        assert!(first_line.contains(" · "), "every event of the fixture has a place: {text}");
        assert_eq!(text.lines().count(), 2, "and a text: {text}");
    }
}

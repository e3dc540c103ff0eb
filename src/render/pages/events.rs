//! The events: upcoming ones by month, past ones by month, one page per event
//! with its schema.org `Event` description for search engines.

use serde::Serialize;
use serde_json::{Value, json};

use super::*;
use crate::index::Month;
use crate::model::{Event, Organiser};
use crate::render::structured::script_json;

/// `events.html`: upcoming events (or, in the archive, past ones) by month.
#[derive(Debug, Clone, Serialize)]
struct EventsView<'a> {
    /// `true` on the archive of past events.
    archive: bool,
    months: Vec<MonthGroup<'a>>,
    count: usize,
    /// The other list: the archive from the upcoming events and back.
    other: TextLink,
    /// The site's iCalendar file of upcoming events.
    calendar: String,
}

/// `event.html`.
#[derive(Debug, Clone, Serialize)]
struct EventView<'a> {
    title: &'a str,
    /// The language of `title` when it is shown untranslated.
    title_lang: Option<&'static str>,
    /// "la 12.9.2026 klo 10–14".
    when: String,
    /// ISO 8601 start and end, with Finland's offset (or dates for whole days).
    start: String,
    end: Option<String>,
    all_day: bool,
    /// The event is over (its last day was before the build's day).
    past: bool,
    municipality: Option<Link<'a>>,
    online: bool,
    place: Option<&'a str>,
    organisers: Vec<Link<'a>>,
    organiser_text: Option<&'a str>,
    themes: Vec<Link<'a>>,
    registration: Option<&'a str>,
    price: Option<&'a str>,
    languages: Vec<LanguageView>,
    accessibility: Option<&'a str>,
    table: Option<Link<'a>>,
    body_html: String,
    calendar: String,
}

impl<'a> Renderer<'a> {
    fn months(&self, months: &[(Month, Vec<EventId>)]) -> Vec<MonthGroup<'a>> {
        months
            .iter()
            .map(|&((y, m), ref ids)| MonthGroup {
                name: dates::month(y, m, self.lang()),
                id: format!("kuu-{y}-{m:02}"),
                events: ids.iter().map(|&e| self.event_item(e)).collect(),
            })
            .collect()
    }

    fn organiser_link(&self, o: Organiser) -> Link<'a> {
        match o {
            Organiser::Organisation(o) => self.org_link(o),
            Organiser::Network(n) => self.network_link(n),
        }
    }
}

pub(super) fn render_upcoming(r: &Renderer<'_>) -> Result<Output, Diagnostic> {
    let ev = &r.index.events;
    let mut meta = r.meta(r.title_of("upcoming_events"), r.routes.events(), "events");
    meta.feeds = vec![r.feed_link(Job::EventsFeed)];
    let view = EventsView {
        archive: false,
        months: r.months(&ev.upcoming_by_month),
        count: ev.upcoming.len(),
        other: TextLink { text: r.theme.t("past_events"), url: r.routes.events_archive() },
        calendar: r.routes.calendar(),
    };
    r.set_list_json_ld(&mut meta, view.months.iter().flat_map(|m| &m.events).map(|e| (e.title, e.url.as_str())));
    r.page(&meta, &view)
}

pub(super) fn render_archive(r: &Renderer<'_>) -> Result<Output, Diagnostic> {
    let ev = &r.index.events;
    let mut meta = r.meta(r.title_of("past_events"), r.routes.events_archive(), "events");
    let view = EventsView {
        archive: true,
        months: r.months(&ev.past_by_month),
        count: ev.past.len(),
        other: TextLink { text: r.theme.t("upcoming_events"), url: r.routes.events() },
        calendar: r.routes.calendar(),
    };
    r.set_list_json_ld(&mut meta, view.months.iter().flat_map(|m| &m.events).map(|e| (e.title, e.url.as_str())));
    r.page(&meta, &view)
}

pub(super) fn render(r: &Renderer<'_>, id: EventId) -> Result<Output, Diagnostic> {
    let (site, rt, lang) = (r.site, &r.routes, r.lang());
    let e = &site.events[id];
    let mut meta = r.meta(&e.title, rt.event(&e.slug), "events");
    let when = dates::event_when(e.start, e.end, lang);
    let place = r.event_place(e);
    meta.description = Some(if place.is_empty() { when.clone() } else { format!("{when} · {place}") });
    meta.json_ld = vec![script_json(&json_ld(r, e, &organisers_of(r, e)))];
    let mut languages: Vec<LanguageView> = e
        .languages
        .iter()
        .map(|c| LanguageView {
            code: c.clone(),
            name: r.theme.text.get(&format!("lang_{c}")).cloned().unwrap_or_else(|| c.clone()),
        })
        .collect();
    languages.dedup_by(|a, b| a.code == b.code);
    let organisers = organisers_of(r, e);
    let view = EventView {
        title: &e.title,
        title_lang: r.event_title_lang(e),
        when,
        start: dates::iso(e.start),
        end: e.end.map(dates::iso),
        all_day: matches!(e.start, crate::model::EventTime::AllDay(_)),
        past: e.last_day() < site.today,
        municipality: e.municipality.map(|m| r.municipality_link(m)),
        online: e.online,
        place: e.place.as_deref(),
        organisers,
        organiser_text: e.organiser_text.as_deref(),
        themes: r.theme_links(&e.themes),
        registration: e.registration.as_deref(),
        price: e.price.as_deref(),
        languages,
        accessibility: e.accessibility.as_deref(),
        table: e.table.map(|t| r.table_link(t)),
        body_html: r.html(&e.body, 3),
        calendar: rt.calendar(),
    };
    r.page(&meta, &view)
}

fn organisers_of<'a>(r: &Renderer<'a>, e: &Event) -> Vec<Link<'a>> {
    e.organisers.iter().map(|&o| r.organiser_link(o)).collect()
}

/// The schema.org `Event` of an event page.
fn json_ld(r: &Renderer<'_>, e: &Event, organisers: &[Link<'_>]) -> Value {
    let rt = &r.routes;
    let url = rt.absolute(&rt.event(&e.slug));
    let mut locations: Vec<Value> = Vec::new();
    if let Some(m) = e.municipality {
        let name = e.place.clone().unwrap_or_else(|| r.site.municipalities.list[m].name.clone());
        locations.push(json!({
            "@type": "Place",
            "name": name,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": r.site.municipalities.list[m].name,
                "addressCountry": "FI",
            },
        }));
    }
    if e.online {
        locations.push(json!({ "@type": "VirtualLocation", "url": e.registration.clone().unwrap_or(url.clone()) }));
    }
    let mode = match (e.municipality.is_some(), e.online) {
        (true, true) => "MixedEventAttendanceMode",
        (false, true) => "OnlineEventAttendanceMode",
        _ => "OfflineEventAttendanceMode",
    };
    let mut organizer: Vec<Value> = organisers
        .iter()
        .map(|l| json!({ "@type": "Organization", "name": l.name, "url": rt.absolute(&l.url) }))
        .collect();
    if let Some(t) = &e.organiser_text {
        organizer.push(json!({ "@type": "Organization", "name": t }));
    }
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": e.title,
        "url": url,
        "startDate": dates::iso(e.start),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": format!("https://schema.org/{mode}"),
        "location": if locations.len() == 1 { locations.remove(0) } else { Value::Array(locations) },
        "organizer": organizer,
    });
    if let Some(end) = e.end {
        v["endDate"] = Value::String(dates::iso(end));
    }
    if !e.languages.is_empty() {
        v["inLanguage"] = json!(e.languages);
    }
    v
}

impl PageView for EventsView<'_> {
    const TEMPLATE: &'static str = "events.html";
    const KEY: &'static str = "events";
}

impl PageView for EventView<'_> {
    const TEMPLATE: &'static str = "event.html";
    const KEY: &'static str = "event";
}

//! Events: upcoming and past as of the build's day, by month, and the upcoming
//! events of each organisation, network, municipality, theme and table.
//!
//! "Upcoming" is decided once, from `Site::today`: an event is upcoming while its
//! last day (its end, or its start) is today or later, so an event that has
//! started and not ended is still listed. A site with events is rebuilt daily.

use crate::model::{EventId, MunicipalityId, OrganisationId, Organiser, Site};

/// A calendar month, `(year, month)`.
pub type Month = (i16, i8);

/// The lists of events a site shows.
#[derive(Debug, Default, Clone)]
pub struct Events {
    /// Upcoming and ongoing events, soonest first.
    pub upcoming: Vec<EventId>,
    /// Past events, the latest first.
    pub past: Vec<EventId>,
    /// `upcoming` by the month of their start, in order.
    pub upcoming_by_month: Vec<(Month, Vec<EventId>)>,
    /// `past` by the month of their start, the latest month first.
    pub past_by_month: Vec<(Month, Vec<EventId>)>,
    /// Upcoming events each organisation (directly) organises.
    pub organisation: Vec<Vec<EventId>>,
    /// Upcoming events each network organises.
    pub network: Vec<Vec<EventId>>,
    pub municipality: Vec<Vec<EventId>>,
    pub theme: Vec<Vec<EventId>>,
    pub table: Vec<Vec<EventId>>,
    /// Organisations with a calendar file: those that organise any event, past or
    /// upcoming (so that a subscribed address stays), A–Ö.
    pub organisation_calendars: Vec<OrganisationId>,
    /// Municipalities with a calendar file: where any event happens, A–Ö.
    pub municipality_calendars: Vec<MunicipalityId>,
    /// Whether each organisation, and each municipality, has a calendar file.
    pub organisation_has_calendar: Vec<bool>,
    pub municipality_has_calendar: Vec<bool>,
}

impl Events {
    /// `rank`: each organisation's A–Ö position; `municipality_rank` likewise.
    pub fn build(site: &Site, rank: &[usize], municipality_rank: &[usize]) -> Events {
        let mut ev = Events {
            organisation: vec![Vec::new(); site.organisations.len()],
            network: vec![Vec::new(); site.networks.len()],
            municipality: vec![Vec::new(); site.municipalities.list.len()],
            theme: vec![Vec::new(); site.themes.len()],
            table: vec![Vec::new(); site.tables.len()],
            ..Events::default()
        };
        let mut org_any = vec![false; site.organisations.len()];
        let mut muni_any = vec![false; site.municipalities.list.len()];
        // The model keeps events in the order of their start.
        for (id, e) in EventId::all(site.events.len()).zip(&site.events) {
            for o in &e.organisers {
                if let Organiser::Organisation(o) = o {
                    org_any[o.index()] = true;
                }
            }
            if let Some(m) = e.municipality {
                muni_any[m.index()] = true;
            }
            if e.last_day() < site.today {
                ev.past.push(id);
                continue;
            }
            ev.upcoming.push(id);
            for o in &e.organisers {
                match *o {
                    Organiser::Organisation(o) => ev.organisation[o].push(id),
                    Organiser::Network(n) => ev.network[n].push(id),
                }
            }
            if let Some(m) = e.municipality {
                ev.municipality[m].push(id);
            }
            for &t in &e.themes {
                ev.theme[t].push(id);
            }
            if let Some(t) = e.table {
                ev.table[t].push(id);
            }
        }
        ev.past.reverse();
        ev.upcoming_by_month = by_month(site, &ev.upcoming);
        ev.past_by_month = by_month(site, &ev.past);
        ev.organisation_calendars =
            OrganisationId::all(site.organisations.len()).filter(|o| org_any[o.index()]).collect();
        ev.organisation_calendars.sort_by_key(|o| rank[o.index()]);
        ev.municipality_calendars =
            MunicipalityId::all(site.municipalities.list.len()).filter(|m| muni_any[m.index()]).collect();
        ev.municipality_calendars.sort_by_key(|m| municipality_rank[m.index()]);
        ev.organisation_has_calendar = org_any;
        ev.municipality_has_calendar = muni_any;
        ev
    }
}

/// Consecutive events of the same month together (the list keeps its order).
fn by_month(site: &Site, ids: &[EventId]) -> Vec<(Month, Vec<EventId>)> {
    let mut out: Vec<(Month, Vec<EventId>)> = Vec::new();
    for &id in ids {
        let d = site.events[id].start.date();
        let month = (d.year(), d.month());
        match out.last_mut() {
            Some((m, list)) if *m == month => list.push(id),
            _ => out.push((month, vec![id])),
        }
    }
    out
}

//! The front page: the themes and municipalities with their counts, the latest notes.

use serde::Serialize;

use super::*;

/// `index.html`: the front page.
#[derive(Debug, Clone, Serialize)]
struct HomeView<'a> {
    organisations: usize,
    networks: usize,
    tables: usize,
    themes: Vec<CountLink<'a>>,
    municipalities: Vec<CountLink<'a>>,
    latest: Vec<NoteItem<'a>>,
}

pub(super) fn render(r: &Renderer<'_>) -> Result<Output, Diagnostic> {
    let (site, ix, rt) = (r.site, r.index, &r.routes);
    let meta = r.meta(&site.config.title, rt.home(), "home");
    let mut meta = r.with_events(meta, &ix.events.upcoming, Some(rt.calendar()));
    meta.description = site.config.description.as_deref();
    let view = HomeView {
        organisations: site.organisations.len(),
        networks: site.networks.len(),
        tables: site.tables.len(),
        themes: ix
            .theme_order
            .iter()
            .map(|&t| CountLink {
                name: &site.themes[t].name,
                url: rt.theme(&site.themes[t].id),
                count: ix.theme_orgs[t].len(),
            })
            .collect(),
        municipalities: ix
            .region_municipalities
            .iter()
            .map(|&m| {
                let mu = &site.municipalities.list[m];
                CountLink { name: &mu.name, url: rt.municipality(&mu.slug), count: ix.local[m].len() }
            })
            .collect(),
        latest: ix.notes_newest_first.iter().take(6).map(|&n| r.note_item(n)).collect(),
    };
    r.page(&meta, &view)
}

impl PageView for HomeView<'_> {
    const TEMPLATE: &'static str = "index.html";
    const KEY: &'static str = "home";
}

//! The front page: the resident's question (what kind of help, where), who is
//! looking for volunteers, the latest notes, then the directory in numbers.

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
    /// The lists of organisations looking for volunteers, members or partners.
    seeking: Vec<SeekingLink>,
}

/// A list of the organisations looking for something: `kind` is `volunteers`,
/// `members` or `partners` (its title is `t["seeking_list_" ~ kind]`).
#[derive(Debug, Clone, Serialize)]
struct SeekingLink {
    kind: &'static str,
    url: String,
    count: usize,
}

pub(super) fn render(r: &Renderer<'_>) -> Result<Output, Diagnostic> {
    let (site, ix, rt) = (r.site, r.index, &r.routes);
    let meta = r.meta(&site.config.title, rt.home(), "home");
    let mut meta = r.with_events(meta, &ix.events.upcoming, Some(rt.calendar()));
    meta.description = site.config.description.clone();
    meta.json_ld = vec![super::super::structured::script_json(&r.website_json_ld())];
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
                lang: r.theme_lang(t).0,
            })
            .collect(),
        municipalities: ix
            .region_municipalities
            .iter()
            .map(|&m| {
                let mu = &site.municipalities.list[m];
                CountLink { name: &mu.name, url: rt.municipality(&mu.slug), count: ix.local[m].len(), lang: None }
            })
            .collect(),
        latest: ix.notes_newest_first.iter().take(6).map(|&n| r.note_item(n)).collect(),
        seeking: Seeking::ALL
            .iter()
            .filter_map(|&k| {
                let count = ix.order.iter().filter(|&&o| site.organisations[o].seeking.contains(&k)).count();
                (count > 0).then(|| SeekingLink { kind: k.as_str(), url: rt.seeking(k), count })
            })
            .collect(),
    };
    r.page(&meta, &view)
}

impl PageView for HomeView<'_> {
    const TEMPLATE: &'static str = "index.html";
    const KEY: &'static str = "home";
}

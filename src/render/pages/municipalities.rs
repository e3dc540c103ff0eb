//! The municipalities: the list by region, and one page per municipality with who
//! acts there locally, through the region and nationwide.

use serde::Serialize;

use super::*;

#[derive(Debug, Clone, Serialize)]
struct RegionGroup<'a> {
    name: &'a str,
    municipalities: Vec<CountLink<'a>>,
}

/// `municipalities.html`.
#[derive(Debug, Clone, Serialize)]
struct MunicipalitiesView<'a> {
    regions: Vec<RegionGroup<'a>>,
}

/// One of the three parts of a municipality page.
#[derive(Debug, Clone, Serialize)]
struct Reach<'a> {
    /// `local`, `region` or `nation`.
    kind: &'static str,
    count: usize,
    /// Organisations grouped by theme.
    themes: Vec<Group<'a>>,
}

/// `municipality.html`.
#[derive(Debug, Clone, Serialize)]
struct MunicipalityView<'a> {
    name: &'a str,
    name_sv: &'a str,
    code: &'a str,
    region: &'a str,
    county: &'a str,
    count: usize,
    /// Local, then region-wide, then nationwide.
    reaches: Vec<Reach<'a>>,
}

pub(super) fn render_index(r: &Renderer<'_>) -> Result<Output, Diagnostic> {
    let (site, ix, rt) = (r.site, r.index, &r.routes);
    let meta = r.meta(r.title_of("municipalities"), rt.municipalities(), "municipalities");
    let regions = ix
        .regions_with_pages
        .iter()
        .map(|(reg, munis)| RegionGroup {
            name: &site.municipalities.regions[*reg].name,
            municipalities: munis
                .iter()
                .map(|&m| {
                    let mu = &site.municipalities.list[m];
                    CountLink { name: &mu.name, url: rt.municipality(&mu.slug), count: ix.local[m].len() }
                })
                .collect(),
        })
        .collect();
    r.page(&meta, &MunicipalitiesView { regions })
}

pub(super) fn render(r: &Renderer<'_>, m: MunicipalityId) -> Result<Output, Diagnostic> {
    let (site, ix, rt) = (r.site, r.index, &r.routes);
    let mu = &site.municipalities.list[m];
    let meta = r.meta(&mu.name, rt.municipality(&mu.slug), "municipalities");
    let calendar = ix.events.municipality_has_calendar[m.index()].then(|| rt.municipality_calendar(&mu.slug));
    let meta = r.with_events(meta, &ix.events.municipality[m], calendar);
    let reach = ix.reach(site, m);
    let part = |kind: &'static str, ids: &[OrganisationId], prefix: &str| Reach {
        kind,
        count: ids.len(),
        themes: r.by_theme(ids, prefix, Some(&mu.name)),
    };
    let reaches = vec![
        part("local", reach.local, "paikallinen-"),
        part("region", &reach.region, "maakunta-"),
        part("nation", &reach.nation, "valtakunta-"),
    ];
    let view = MunicipalityView {
        name: &mu.name,
        name_sv: &mu.name_sv,
        code: &mu.code,
        region: &site.municipalities.regions[mu.region].name,
        county: &mu.county,
        count: reaches.iter().map(|x| x.count).sum(),
        reaches,
    };
    r.page(&meta, &view)
}

impl PageView for MunicipalitiesView<'_> {
    const TEMPLATE: &'static str = "municipalities.html";
    const KEY: &'static str = "municipalities";
}

impl PageView for MunicipalityView<'_> {
    const TEMPLATE: &'static str = "municipality.html";
    const KEY: &'static str = "municipality";
}

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

/// One of the three parts of a municipality page: each organisation once, A–Ö.
#[derive(Debug, Clone, Serialize)]
struct Reach {
    /// `local`, `region` or `nation`.
    kind: &'static str,
    count: usize,
    organisations: Vec<Card>,
    /// All of them, when only part is shown.
    more: Option<TextLink>,
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
    /// Local, then region-wide, then nationwide (on the first page; further pages go
    /// on with the local ones).
    reaches: Vec<Reach>,
    /// The themes of the local organisations, each linking to the theme's list for
    /// this municipality.
    themes: Vec<CountLink<'a>>,
    /// The pages of a long list of local organisations (empty when one page).
    pages: Vec<organisations::PagerItem>,
}

/// `reach_list.html`: every organisation acting across a region, or nationwide.
#[derive(Debug, Clone, Serialize)]
struct ReachListView {
    /// `region` or `nation`.
    kind: &'static str,
    count: usize,
    organisations: Vec<Card>,
    pages: Vec<organisations::PagerItem>,
}

pub(super) fn render_index(r: &Renderer<'_>) -> Result<Output, Diagnostic> {
    let (site, ix, rt) = (r.site, r.index, &r.routes);
    let mut meta = r.meta(r.title_of("municipalities"), rt.municipalities(), "municipalities");
    let regions = ix
        .regions_with_pages
        .iter()
        .map(|(reg, munis)| RegionGroup {
            name: &site.municipalities.regions[*reg].name,
            municipalities: munis
                .iter()
                .map(|&m| {
                    let mu = &site.municipalities.list[m];
                    CountLink { name: &mu.name, url: rt.municipality(&mu.slug), count: ix.local[m].len(), lang: None }
                })
                .collect(),
        })
        .collect::<Vec<RegionGroup<'_>>>();
    let listed = regions.iter().flat_map(|g| &g.municipalities);
    r.set_list_json_ld(&mut meta, listed.map(|m| (m.name, m.url.as_str())));
    r.page(&meta, &MunicipalitiesView { regions })
}

pub(super) fn render(r: &Renderer<'_>, m: MunicipalityId, page: usize) -> Result<Output, Diagnostic> {
    let (site, ix, rt) = (r.site, r.index, &r.routes);
    let mu = &site.municipalities.list[m];
    let page_url = |p: usize| if p == 0 { rt.municipality(&mu.slug) } else { rt.municipality_page(&mu.slug, p + 1) };
    let meta = r.meta(&mu.name, page_url(page), "municipalities");
    let calendar = ix.events.municipality_has_calendar[m.index()].then(|| rt.municipality_calendar(&mu.slug));
    // Upcoming events on the first page only.
    let events: &[EventId] = if page == 0 { &ix.events.municipality[m] } else { &[] };
    let mut meta = r.with_events(meta, events, calendar);
    let reach = ix.reach(site, m);
    let (local, pages) = organisations::paged(reach.local, page);
    if page > 0 {
        meta.title = format!("{} ({}/{pages})", meta.title, page + 1);
    }
    let region = &site.municipalities.regions[mu.region];
    let mut reaches =
        vec![Reach { kind: "local", count: reach.local.len(), organisations: r.items(local), more: None }];
    if page == 0 {
        let wide = |kind: &'static str, ids: &[OrganisationId], filter: &str, list: String| {
            let (organisations, more) = r.capped_or_listed(ids, &[("wide", filter)], list);
            Reach { kind, count: ids.len(), organisations, more }
        };
        reaches.push(wide("region", &reach.region, &region.name, rt.region_wide(&region.slug, 1)));
        reaches.push(wide("nation", &reach.nation, "*", rt.nationwide(1)));
    }
    let themes = ix
        .municipality_themes(site, m)
        .into_iter()
        .map(|(t, count)| {
            let th = &site.themes[t];
            CountLink { name: &th.name, url: rt.municipality_theme(&mu.slug, &th.id), count, lang: r.theme_lang(t).0 }
        })
        .collect();
    meta.feeds = vec![r.feed_link(Job::MunicipalityFeed(m))];
    let listed = reaches.iter().flat_map(|reach| &reach.organisations);
    meta.json_ld = vec![r.collection_json_ld(&meta.title, &meta.url, None, listed.map(|o| (o.name(), o.url())))];
    let view = MunicipalityView {
        name: &mu.name,
        name_sv: &mu.name_sv,
        code: &mu.code,
        region: &region.name,
        county: &mu.county,
        count: reach.local.len() + reach.region.len() + reach.nation.len(),
        reaches,
        themes,
        pages: organisations::pager(pages, page, page_url),
    };
    r.page(&meta, &view)
}

/// `municipality_theme.html`: the organisations of one theme acting in a municipality.
#[derive(Debug, Clone, Serialize)]
struct MunicipalityThemeView<'a> {
    municipality: Link<'a>,
    theme: Link<'a>,
    count: usize,
    /// Local, then region-wide, then nationwide (on the first page; further pages go
    /// on with the local ones); each organisation once.
    reaches: Vec<Reach>,
    /// The pages of a long list of local organisations (empty when one page).
    pages: Vec<organisations::PagerItem>,
}

/// Page `page` (from 0) of the organisations of theme `t` acting in municipality `m`.
pub(super) fn render_theme(r: &Renderer<'_>, m: MunicipalityId, t: ThemeId, page: usize) -> Result<Output, Diagnostic> {
    let (site, ix, rt) = (r.site, r.index, &r.routes);
    let (mu, th) = (&site.municipalities.list[m], &site.themes[t]);
    let page_url = |p: usize| {
        if p == 0 {
            rt.municipality_theme(&mu.slug, &th.id)
        } else {
            rt.municipality_theme_page(&mu.slug, &th.id, p + 1)
        }
    };
    let mut title = format!("{}: {}", th.name, mu.name);
    let region = &site.municipalities.regions[mu.region];
    let reach = ix.theme_reach(site, m, t);
    let (local, region_ids, nation_ids) = (reach.local, reach.region, reach.nation);
    let (shown, pages) = organisations::paged(local, page);
    if page > 0 {
        title = format!("{title} ({}/{pages})", page + 1);
    }
    let mut meta = r.meta(&title, page_url(page), "municipalities");
    let mut reaches = vec![Reach { kind: "local", count: local.len(), organisations: r.items(shown), more: None }];
    if page == 0 {
        let wide = |kind: &'static str, ids: &[OrganisationId], filters: &[(&str, &str)], list: String| {
            let (organisations, more) = r.capped_at(WIDE_ON_MUNICIPALITY_THEME, ids, filters, list);
            Reach { kind, count: ids.len(), organisations, more }
        };
        let region_filters = [("theme", th.name.as_str()), ("wide", region.name.as_str())];
        reaches.push(wide("region", &region_ids, &region_filters, rt.region_wide(&region.slug, 1)));
        reaches.push(wide("nation", &nation_ids, &[("theme", &th.name), ("wide", "*")], rt.nationwide(1)));
    }
    let listed = reaches.iter().flat_map(|reach| &reach.organisations);
    meta.json_ld = vec![r.collection_json_ld(&title, &meta.url, None, listed.map(|o| (o.name(), o.url())))];
    let view = MunicipalityThemeView {
        municipality: Link { name: &mu.name, url: rt.municipality(&mu.slug), lang: None },
        theme: r.theme_link(t),
        count: local.len() + region_ids.len() + nation_ids.len(),
        reaches,
        pages: organisations::pager(pages, page, page_url),
    };
    r.page(&meta, &view)
}

/// A page of the organisations acting across a whole region (`Some`) or nationwide.
pub(super) fn render_reach(r: &Renderer<'_>, region: Option<RegionId>, page: usize) -> Result<Output, Diagnostic> {
    let (site, ix, rt) = (r.site, r.index, &r.routes);
    let (kind, ids, title, url): (_, &[OrganisationId], _, Box<dyn Fn(usize) -> String>) = match region {
        Some(reg) => {
            let rg = &site.municipalities.regions[reg];
            let title = format!("{}: {}", r.theme.t("reach_region"), rg.name);
            ("region", &ix.region_wide[reg], title, Box::new(move |p| rt.region_wide(&rg.slug, p + 1)))
        }
        None => ("nation", &ix.nationwide, r.theme.t("reach_nation"), Box::new(|p| rt.nationwide(p + 1))),
    };
    let (shown, pages) = organisations::paged(ids, page);
    let mut meta = r.meta(&title, url(page), "municipalities");
    if page > 0 {
        meta.title = format!("{} ({}/{pages})", meta.title, page + 1);
    }
    let view = ReachListView {
        kind,
        count: ids.len(),
        organisations: r.items(shown),
        pages: organisations::pager(pages, page, url),
    };
    r.set_list_json_ld(&mut meta, view.organisations.iter().map(|o| (o.name(), o.url())));
    r.page(&meta, &view)
}

/// The organisations looking for volunteers, members or partners, A–Ö (one page:
/// what they look for is a field few fill in).
pub(super) fn render_seeking(r: &Renderer<'_>, k: Seeking) -> Result<Output, Diagnostic> {
    let (site, ix) = (r.site, r.index);
    let title = r.theme.t(&format!("seeking_list_{}", k.as_str()));
    let mut meta = r.meta(&title, r.routes.seeking(k), "organisations");
    let ids: Vec<OrganisationId> =
        ix.order.iter().copied().filter(|&o| site.organisations[o].seeking.contains(&k)).collect();
    let view = ReachListView { kind: "seeking", count: ids.len(), organisations: r.items(&ids), pages: Vec::new() };
    r.set_list_json_ld(&mut meta, view.organisations.iter().map(|o| (o.name(), o.url())));
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

impl PageView for MunicipalityThemeView<'_> {
    const TEMPLATE: &'static str = "municipality_theme.html";
    const KEY: &'static str = "mt";
}

impl PageView for ReachListView {
    const TEMPLATE: &'static str = "reach_list.html";
    const KEY: &'static str = "reach";
}

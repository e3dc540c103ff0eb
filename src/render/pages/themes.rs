//! The themes: the list of all themes, and one page per theme with its
//! organisations by municipality, region-wide and nationwide.

use serde::Serialize;

use super::*;

#[derive(Debug, Clone, Serialize)]
struct ThemeItem<'a> {
    name: &'a str,
    url: String,
    description: Option<&'a str>,
    count: usize,
    /// The languages of the name and the description when shown untranslated.
    name_lang: Option<&'static str>,
    description_lang: Option<&'static str>,
}

/// `themes.html`.
#[derive(Debug, Clone, Serialize)]
struct ThemesView<'a> {
    themes: Vec<ThemeItem<'a>>,
}

/// `theme.html`.
#[derive(Debug, Clone, Serialize)]
struct ThemeView<'a> {
    name: &'a str,
    description: Option<&'a str>,
    /// The languages of the name and the description when shown untranslated.
    name_lang: Option<&'static str>,
    description_lang: Option<&'static str>,
    count: usize,
    /// Organisations acting locally, grouped by municipality (A–Ö).
    municipalities: Vec<Group>,
    region_wide: Vec<Card>,
    /// Where to see all region-wide ones, when the list is cut.
    region_wide_more: Option<TextLink>,
    nationwide: Vec<Card>,
    nationwide_more: Option<TextLink>,
    networks: Vec<Link<'a>>,
    tables: Vec<Link<'a>>,
}

pub(super) fn render_index(r: &Renderer<'_>) -> Result<Output, Diagnostic> {
    let (site, ix, rt) = (r.site, r.index, &r.routes);
    let mut meta = r.meta(r.title_of("themes"), rt.themes(), "themes");
    let themes = ix
        .theme_order
        .iter()
        .map(|&i| {
            let t = &site.themes[i];
            let (name_lang, description_lang) = r.theme_lang(i);
            ThemeItem {
                name: &t.name,
                url: rt.theme(&t.id),
                description: t.description.as_deref(),
                count: ix.theme_orgs[i].len(),
                name_lang,
                description_lang,
            }
        })
        .collect::<Vec<ThemeItem<'_>>>();
    r.set_list_json_ld(&mut meta, themes.iter().map(|t| (t.name, t.url.as_str())));
    r.page(&meta, &ThemesView { themes })
}

pub(super) fn render(r: &Renderer<'_>, id: ThemeId) -> Result<Output, Diagnostic> {
    let (site, ix, rt) = (r.site, r.index, &r.routes);
    let t = &site.themes[id];
    let meta = r.meta(&t.name, rt.theme(&t.id), "themes");
    let mut meta = r.with_events(meta, &r.index.events.theme[id], None);
    meta.description = t.description.clone();
    meta.feeds = vec![r.feed_link(Job::ThemeFeed(id))];
    let groups = &ix.theme_groups[id];
    let by_theme = [("theme", t.name.as_str())];
    let (region_wide, region_wide_more) = r.capped(&groups.region_wide, &by_theme);
    let (nationwide, nationwide_more) = r.capped(&groups.nationwide, &by_theme);
    let (name_lang, description_lang) = r.theme_lang(id);
    let local: usize = groups.municipalities.iter().map(|(_, orgs)| orgs.len()).sum();
    let compact = local > THEME_PAGE_CARDS;
    let view = ThemeView {
        name: &t.name,
        description: t.description.as_deref(),
        name_lang,
        description_lang,
        count: ix.theme_orgs[id].len(),
        municipalities: groups
            .municipalities
            .iter()
            .map(|(m, orgs)| {
                let mu = &site.municipalities.list[*m];
                let filters = [("theme", t.name.as_str()), ("municipality", mu.name.as_str())];
                let id = format!("kunta-{}", mu.slug);
                if compact {
                    let here = rt.municipality_theme(&mu.slug, &t.id);
                    let (_, more) = r.capped_at(0, orgs, &filters, here.clone());
                    Group { name: mu.name.clone(), id, url: Some(here), count: orgs.len(), organisations: vec![], more }
                } else {
                    r.group(mu.name.clone(), id, Some(rt.municipality(&mu.slug)), orgs, &filters)
                }
            })
            .collect(),
        region_wide,
        region_wide_more,
        nationwide,
        nationwide_more,
        networks: ix.theme_networks[id].iter().map(|&n| r.network_link(n)).collect(),
        tables: ix.theme_tables[id].iter().map(|&tb| r.table_link(tb)).collect(),
    };
    let listed =
        view.municipalities.iter().flat_map(|g| &g.organisations).chain(&view.region_wide).chain(&view.nationwide);
    meta.json_ld =
        vec![r.collection_json_ld(&t.name, &meta.url, t.description.as_deref(), listed.map(|o| (o.name(), o.url())))];
    r.page(&meta, &view)
}

impl PageView for ThemesView<'_> {
    const TEMPLATE: &'static str = "themes.html";
    const KEY: &'static str = "themes";
}

impl PageView for ThemeView<'_> {
    const TEMPLATE: &'static str = "theme.html";
    const KEY: &'static str = "theme";
}

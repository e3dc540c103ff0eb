//! The search page (the index itself is made by `crate::search`).

use serde::Serialize;

use super::*;

/// `search.html`.
#[derive(Debug, Clone, Serialize)]
struct SearchView {
    /// JSON: each region's name → the names of its municipalities. The search page
    /// uses it to add a municipality's region-wide and nationwide organisations.
    regions_json: String,
    /// How many parts the search index is made of (`pagefind/part-N/` besides part 0).
    parts: usize,
}

pub(super) fn render(r: &Renderer<'_>) -> Result<Output, Diagnostic> {
    let mut meta = r.meta(r.title_of("search"), r.routes.search(), "search");
    meta.json_ld = vec![crate::render::structured::script_json(&r.web_page_json_ld("SearchResultsPage", &meta))];
    let m = &r.site.municipalities;
    let mut regions: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for mu in &m.list {
        regions.entry(m.regions[mu.region].name.as_str()).or_default().push(mu.name.as_str());
    }
    let view = SearchView {
        regions_json: serde_json::to_string(&regions).unwrap_or_default(),
        parts: crate::search::parts(crate::search::record_count(r.site, r.index)),
    };
    r.page(&meta, &view)
}

impl PageView for SearchView {
    const TEMPLATE: &'static str = "search.html";
    const KEY: &'static str = "search";
}

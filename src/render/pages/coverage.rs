//! The coverage matrix: themes × the region's municipalities, from the index.

use serde::Serialize;

use super::*;

#[derive(Debug, Clone, Serialize)]
struct CoverageCell {
    count: usize,
    /// Where the matching organisations are listed; `None` for a gap.
    url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct CoverageRow<'a> {
    municipality: Link<'a>,
    cells: Vec<CoverageCell>,
    total: usize,
}

/// `coverage.html`: themes (columns) × municipalities of the region (rows).
#[derive(Debug, Clone, Serialize)]
struct CoverageView<'a> {
    region: Option<&'a str>,
    themes: Vec<Link<'a>>,
    rows: Vec<CoverageRow<'a>>,
    /// Per theme: organisations acting locally somewhere in the region.
    totals: Vec<usize>,
    /// Per theme: region-wide and nationwide organisations (they cover every cell).
    wide: Vec<usize>,
    gaps: usize,
    csv_url: String,
}

pub(super) fn render(r: &Renderer<'_>) -> Result<Output, Diagnostic> {
    let meta = r.meta(r.title_of("coverage"), r.routes.coverage(), "coverage");
    let view = coverage_view(r);
    r.page(&meta, &view)
}

fn coverage_view<'a>(r: &Renderer<'a>) -> CoverageView<'a> {
    let (site, cov) = (r.site, &r.index.coverage);
    let rows = cov
        .municipalities
        .iter()
        .zip(&cov.counts)
        .zip(&cov.row_totals)
        .map(|((&m, counts), &total)| {
            let mu = &site.municipalities.list[m];
            let cells = cov
                .themes
                .iter()
                .zip(counts)
                .map(|(&t, &count)| CoverageCell {
                    count,
                    url: (count > 0).then(|| format!("{}#kunta-{}", r.routes.theme(&site.themes[t].id), mu.slug)),
                })
                .collect();
            CoverageRow { municipality: r.municipality_link(m), total, cells }
        })
        .collect();
    CoverageView {
        region: site.config.region.map(|reg| site.municipalities.regions[reg].name.as_str()),
        themes: cov.themes.iter().map(|&t| r.theme_link(t)).collect(),
        rows,
        totals: cov.totals.clone(),
        wide: cov.wide.clone(),
        gaps: cov.gaps,
        csv_url: r.routes.file(&format!("{}/{}.csv", site.config.paths.coverage, site.config.paths.coverage)),
    }
}

impl PageView for CoverageView<'_> {
    const TEMPLATE: &'static str = "coverage.html";
    const KEY: &'static str = "coverage";
}

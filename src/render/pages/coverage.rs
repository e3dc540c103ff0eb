//! The coverage matrix: themes × the region's municipalities, from the index.

use serde::Serialize;

use super::*;

#[derive(Debug, Clone, Serialize)]
pub struct CoverageCell {
    pub count: usize,
    /// Where the matching organisations are listed; `None` for a gap.
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CoverageRow<'a> {
    pub municipality: Link<'a>,
    pub cells: Vec<CoverageCell>,
    pub total: usize,
}

/// `coverage.html`: themes (columns) × municipalities of the region (rows).
#[derive(Debug, Clone, Serialize)]
pub struct CoverageView<'a> {
    pub region: Option<&'a str>,
    pub themes: Vec<Link<'a>>,
    pub rows: Vec<CoverageRow<'a>>,
    /// Per theme: organisations acting locally somewhere in the region.
    pub totals: Vec<usize>,
    /// Per theme: region-wide and nationwide organisations (they cover every cell).
    pub wide: Vec<usize>,
    pub gaps: usize,
    pub csv_url: String,
}

pub(super) fn render(r: &Renderer<'_>) -> Result<Output, Diagnostic> {
    let meta = r.meta(r.title_of("coverage"), r.routes.coverage(), "coverage");
    let view = coverage_view(r);
    r.template("coverage.html", &meta, "coverage", Some(&view))
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

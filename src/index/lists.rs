//! The lists pages, feeds and search records show, each computed here once and in
//! reading order, so that every output that shows a list shows the same one.

use super::Index;
use crate::model::{Area, MunicipalityId, OrganisationId, RegionId, Site, ThemeId};

/// A theme's organisations as its page groups them.
#[derive(Debug, Default, Clone)]
pub struct ThemeGroups {
    /// Municipalities A–Ö, each with the organisations of the theme acting locally there.
    pub municipalities: Vec<(MunicipalityId, Vec<OrganisationId>)>,
    /// Organisations of the theme that act through a whole region.
    pub region_wide: Vec<OrganisationId>,
    /// Organisations of the theme that act nationwide.
    pub nationwide: Vec<OrganisationId>,
}

/// Who acts in one municipality, each organisation once: where it names the
/// municipality, else where it names the municipality's region, else as nationwide.
#[derive(Debug, Clone)]
pub struct Reach<'a> {
    pub local: &'a [OrganisationId],
    pub region: Vec<OrganisationId>,
    pub nation: Vec<OrganisationId>,
}

/// Where an entity acts, in reading order: "Keuruu, Multia · Koko Keski-Suomi · Valtakunnallinen".
#[derive(Debug, Clone)]
pub struct Places<'a> {
    /// Municipalities A–Ö.
    pub municipalities: Vec<MunicipalityId>,
    pub regions: &'a [RegionId],
    pub nationwide: bool,
}

/// The coverage matrix: the site's municipalities × the themes.
#[derive(Debug, Default, Clone)]
pub struct Coverage {
    /// Rows: the municipalities of the site's region with a page (all when no region).
    pub municipalities: Vec<MunicipalityId>,
    /// Columns: the themes A–Ö (the same as [`Index::theme_order`]).
    pub themes: Vec<ThemeId>,
    /// `counts[row][column]`: organisations of the theme acting locally in the municipality.
    pub counts: Vec<Vec<usize>>,
    /// Per row: all organisations acting locally in the municipality.
    pub row_totals: Vec<usize>,
    /// Per theme: distinct organisations acting locally in at least one row.
    pub totals: Vec<usize>,
    /// Per theme: organisations acting nationwide or through the site's region.
    pub wide: Vec<usize>,
    /// Cells with no organisation.
    pub gaps: usize,
}

impl Index {
    /// Who acts in municipality `m`, each organisation once.
    pub fn reach(&self, site: &Site, m: MunicipalityId) -> Reach<'_> {
        let region = site.municipalities.list[m].region;
        self.reach_among(site, m, &self.local[m], &self.region_wide[region], &self.nationwide)
    }

    /// As [`Self::reach`], of the organisations of theme `t` only (read from the
    /// theme's own lists).
    pub fn theme_reach(&self, site: &Site, m: MunicipalityId, t: ThemeId) -> Reach<'_> {
        let local = self.theme_municipality.get(&(t, m)).map_or(&[][..], Vec::as_slice);
        let groups = &self.theme_groups[t];
        self.reach_among(site, m, local, &groups.region_wide, &groups.nationwide)
    }

    /// Who acts in municipality `m`, each organisation once, of `local` (those naming
    /// it), `region_wide` (naming any region) and `nationwide`.
    fn reach_among<'s>(
        &'s self,
        site: &Site,
        m: MunicipalityId,
        local: &'s [OrganisationId],
        region_wide: &[OrganisationId],
        nationwide: &[OrganisationId],
    ) -> Reach<'s> {
        let region = site.municipalities.list[m].region;
        let area = |o: OrganisationId| &site.organisations[o].area;
        let is_local = |o: OrganisationId| area(o).municipalities.contains(&m);
        let in_region = |o: OrganisationId| area(o).regions.contains(&region);
        Reach {
            local,
            region: region_wide.iter().copied().filter(|&o| in_region(o) && !is_local(o)).collect(),
            nation: nationwide.iter().copied().filter(|&o| !is_local(o) && !in_region(o)).collect(),
        }
    }

    /// The themes of the organisations acting in municipality `m` (locally, across its
    /// region or nationwide), themes A–Ö, each with how many of them have it.
    pub fn municipality_themes(&self, site: &Site, m: MunicipalityId) -> Vec<(ThemeId, usize)> {
        let reach = self.reach(site, m);
        let mut counts = vec![0usize; site.themes.len()];
        for &o in reach.local.iter().chain(&reach.region).chain(&reach.nation) {
            for &t in &site.organisations[o].themes {
                counts[t.index()] += 1;
            }
        }
        self.theme_order.iter().filter(|&&t| counts[t.index()] > 0).map(|&t| (t, counts[t.index()])).collect()
    }

    /// For each theme (by index), how many organisations of municipality `m`'s own
    /// (local) list have it.
    pub fn local_theme_counts(&self, site: &Site, m: MunicipalityId) -> Vec<usize> {
        let mut counts = vec![0usize; site.themes.len()];
        for &o in &self.local[m] {
            for &t in &site.organisations[o].themes {
                counts[t.index()] += 1;
            }
        }
        counts
    }

    /// Where `area` acts, municipalities in A–Ö order.
    pub fn places<'s>(&self, area: &'s Area) -> Places<'s> {
        let mut municipalities = area.municipalities.clone();
        municipalities.sort_by_key(|&m| self.municipality_rank[m]);
        Places { municipalities, regions: &area.regions, nationwide: area.nationwide }
    }
}

/// The groups of every theme page.
pub(super) fn theme_groups(site: &Site, ix: &Index) -> Vec<ThemeGroups> {
    let mut groups = vec![ThemeGroups::default(); site.themes.len()];
    for (t, g) in groups.iter_mut().enumerate() {
        for &o in &ix.theme_orgs[t] {
            let area = &site.organisations[o].area;
            if !area.regions.is_empty() {
                g.region_wide.push(o);
            }
            if area.nationwide {
                g.nationwide.push(o);
            }
        }
    }
    for (&(t, m), orgs) in &ix.theme_municipality {
        groups[t].municipalities.push((m, orgs.clone()));
    }
    for g in &mut groups {
        g.municipalities.sort_by_key(|(m, _)| ix.municipality_rank[*m]);
    }
    groups
}

/// The coverage matrix of the site.
pub(super) fn coverage(site: &Site, ix: &Index) -> Coverage {
    let munis = ix.region_municipalities.clone();
    let themes = ix.theme_order.clone();
    let mut gaps = 0;
    let counts: Vec<Vec<usize>> = munis
        .iter()
        .map(|&m| {
            themes
                .iter()
                .map(|&t| {
                    let n = ix.theme_municipality.get(&(t, m)).map_or(0, Vec::len);
                    gaps += usize::from(n == 0);
                    n
                })
                .collect()
        })
        .collect();
    let in_rows: std::collections::HashSet<MunicipalityId> = munis.iter().copied().collect();
    let count = |t: ThemeId, keep: &dyn Fn(&Area) -> bool| {
        ix.theme_orgs[t].iter().filter(|&&o| keep(&site.organisations[o].area)).count()
    };
    let totals = themes.iter().map(|&t| count(t, &|a| a.municipalities.iter().any(|m| in_rows.contains(m)))).collect();
    let region = site.config.region;
    let wide = themes
        .iter()
        .map(|&t| count(t, &|a| a.nationwide || region.is_some_and(|reg| a.regions.contains(&reg))))
        .collect();
    Coverage {
        row_totals: munis.iter().map(|&m| ix.local[m].len()).collect(),
        municipalities: munis,
        themes,
        counts,
        totals,
        wide,
        gaps,
    }
}

//! Index: the cross references of a site, built once from the model.
//!
//! Everything a page lists — a theme's organisations by municipality, a
//! municipality's local, region-wide and nationwide organisations, network members
//! united from both sides, who sits at which table, coverage counts — is computed
//! here in one pass over the model, in time linear in the number of entities (plus
//! sorting). Lists hold ids in reading order (Finnish/Swedish collation).

pub mod collation;
mod lists;

use std::collections::HashMap;

use crate::model::{MunicipalityId, NetworkId, OrganisationId, RegionId, Site, ThemeId};
pub use collation::{SortKey, initial, sort_key};
pub use lists::{Coverage, Places, Reach, ThemeGroups};

/// A meeting note by its table and its position in the table's notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NoteRef {
    pub table: usize,
    pub note: usize,
}

#[derive(Debug, Default)]
pub struct Index {
    /// Every organisation in A–Ö order.
    pub order: Vec<OrganisationId>,
    /// Each organisation's position in `order` (for stable "nearby" choices).
    pub rank: Vec<usize>,
    /// Networks of each organisation: its own list united with the networks listing
    /// it, A–Ö.
    pub org_networks: Vec<Vec<NetworkId>>,
    /// Members of each network, united from both sides, A–Ö.
    pub network_members: Vec<Vec<OrganisationId>>,
    /// Tables each organisation sits at, A–Ö.
    pub org_tables: Vec<Vec<usize>>,
    /// Notes each organisation attended, newest first.
    pub org_notes: Vec<Vec<NoteRef>>,
    /// Organisations of each theme, A–Ö.
    pub theme_orgs: Vec<Vec<OrganisationId>>,
    /// Themes in A–Ö order.
    pub theme_order: Vec<ThemeId>,
    /// What each theme's page lists: by municipality, region-wide, nationwide.
    pub theme_groups: Vec<ThemeGroups>,
    pub theme_networks: Vec<Vec<NetworkId>>,
    pub theme_tables: Vec<Vec<usize>>,
    /// Organisations naming each municipality, A–Ö.
    pub local: Vec<Vec<OrganisationId>>,
    /// Organisations naming each region, A–Ö.
    pub region_wide: Vec<Vec<OrganisationId>>,
    /// Nationwide organisations, A–Ö.
    pub nationwide: Vec<OrganisationId>,
    /// Organisations of one theme acting locally in one municipality, A–Ö.
    pub theme_municipality: HashMap<(ThemeId, MunicipalityId), Vec<OrganisationId>>,
    /// Municipalities that get a page: the site's region and wherever someone acts, A–Ö.
    pub municipality_pages: Vec<MunicipalityId>,
    /// Each municipality's position in A–Ö order of names.
    pub municipality_rank: Vec<usize>,
    /// The municipalities with a page in the site's region (all of them when the
    /// site has no region), A–Ö.
    pub region_municipalities: Vec<MunicipalityId>,
    /// Municipalities with a page by region: the site's region first, then A–Ö.
    pub regions_with_pages: Vec<(RegionId, Vec<MunicipalityId>)>,
    /// Members of each table, A–Ö.
    pub table_members: Vec<Vec<OrganisationId>>,
    /// Attendees of each note (by table, then note), A–Ö.
    pub note_attendees: Vec<Vec<Vec<OrganisationId>>>,
    /// The coverage matrix (page and CSV).
    pub coverage: Coverage,
    /// Every note, newest first.
    pub notes_newest_first: Vec<NoteRef>,
    /// Networks and tables in A–Ö order.
    pub network_order: Vec<NetworkId>,
    pub table_order: Vec<usize>,
}

impl Index {
    pub fn build(site: &Site) -> Index {
        let lang = site.config.language;
        let n_orgs = site.organisations.len();
        let munis = &site.municipalities;

        let keys: Vec<SortKey> = site.organisations.iter().map(|o| sort_key(&o.name, lang)).collect();
        let mut order: Vec<OrganisationId> = (0..n_orgs).collect();
        order.sort_by(|&a, &b| {
            keys[a].cmp(&keys[b]).then_with(|| site.organisations[a].slug.cmp(&site.organisations[b].slug))
        });
        let mut rank = vec![0; n_orgs];
        for (pos, &id) in order.iter().enumerate() {
            rank[id] = pos;
        }

        let mut org_networks: Vec<Vec<NetworkId>> = site.organisations.iter().map(|o| o.networks.clone()).collect();
        let mut network_members: Vec<Vec<OrganisationId>> = site.networks.iter().map(|n| n.members.clone()).collect();
        for (nid, n) in site.networks.iter().enumerate() {
            for &m in &n.members {
                if !org_networks[m].contains(&nid) {
                    org_networks[m].push(nid);
                }
            }
        }
        for (oid, o) in site.organisations.iter().enumerate() {
            for &nid in &o.networks {
                if !network_members[nid].contains(&oid) {
                    network_members[nid].push(oid);
                }
            }
        }

        let mut org_tables = vec![Vec::new(); n_orgs];
        let mut org_notes = vec![Vec::new(); n_orgs];
        let mut notes_newest_first = Vec::new();
        for (tid, t) in site.tables.iter().enumerate() {
            for &m in &t.members {
                org_tables[m].push(tid);
            }
            for (nid, n) in t.notes.iter().enumerate() {
                let r = NoteRef { table: tid, note: nid };
                notes_newest_first.push(r);
                for &a in &n.attendees {
                    org_notes[a].push(r);
                }
            }
        }
        let note_date = |r: &NoteRef| site.tables[r.table].notes[r.note].date;
        notes_newest_first
            .sort_by(|a, b| note_date(b).cmp(&note_date(a)).then_with(|| (a.table, a.note).cmp(&(b.table, b.note))));
        for notes in &mut org_notes {
            notes.sort_by_key(|n| std::cmp::Reverse(note_date(n)));
        }

        // Walking organisations in A–Ö order keeps every list below in A–Ö order.
        let mut theme_orgs = vec![Vec::new(); site.themes.len()];
        let mut local = vec![Vec::new(); munis.list.len()];
        let mut region_wide = vec![Vec::new(); munis.regions.len()];
        let mut nationwide = Vec::new();
        let mut theme_municipality: HashMap<(ThemeId, MunicipalityId), Vec<OrganisationId>> = HashMap::new();
        for &oid in &order {
            let o = &site.organisations[oid];
            for &t in &o.themes {
                theme_orgs[t].push(oid);
                for &m in &o.area.municipalities {
                    theme_municipality.entry((t, m)).or_default().push(oid);
                }
            }
            for &m in &o.area.municipalities {
                local[m].push(oid);
            }
            for &r in &o.area.regions {
                region_wide[r].push(oid);
            }
            if o.area.nationwide {
                nationwide.push(oid);
            }
        }
        for members in &mut network_members {
            members.sort_by_key(|&m| rank[m]);
        }

        let mut theme_networks = vec![Vec::new(); site.themes.len()];
        for (nid, n) in site.networks.iter().enumerate() {
            for &t in &n.themes {
                theme_networks[t].push(nid);
            }
        }
        let mut theme_tables = vec![Vec::new(); site.themes.len()];
        for (tid, t) in site.tables.iter().enumerate() {
            for &th in &t.themes {
                theme_tables[th].push(tid);
            }
        }

        // A page for every municipality of the site's region and every one that an
        // organisation, network or table names (so every link has a page).
        let mut named = vec![false; munis.list.len()];
        let areas = site.networks.iter().map(|n| &n.area).chain(site.tables.iter().map(|t| &t.area));
        for a in areas {
            for &m in &a.municipalities {
                named[m] = true;
            }
        }
        let mut municipality_pages: Vec<MunicipalityId> = (0..munis.list.len())
            .filter(|&m| !local[m].is_empty() || named[m] || site.config.region == Some(munis.list[m].region))
            .collect();
        municipality_pages.sort_by_cached_key(|&m| sort_key(&munis.list[m].name, lang));

        let mut network_order: Vec<NetworkId> = (0..site.networks.len()).collect();
        network_order.sort_by_cached_key(|&n| sort_key(&site.networks[n].name, lang));
        let mut table_order: Vec<usize> = (0..site.tables.len()).collect();
        table_order.sort_by_cached_key(|&t| sort_key(&site.tables[t].name, lang));
        let position = |order: &[usize]| {
            let mut pos = vec![0; order.len()];
            for (i, &x) in order.iter().enumerate() {
                pos[x] = i;
            }
            pos
        };
        let (network_pos, table_pos) = (position(&network_order), position(&table_order));
        for list in theme_networks.iter_mut().chain(org_networks.iter_mut()) {
            list.sort_by_key(|&n| network_pos[n]);
        }
        for list in &mut org_tables {
            list.sort_by_key(|&t| table_pos[t]);
        }

        let mut theme_order: Vec<ThemeId> = (0..site.themes.len()).collect();
        theme_order.sort_by_cached_key(|&t| sort_key(&site.themes[t].name, lang));
        let mut by_name: Vec<MunicipalityId> = (0..munis.list.len()).collect();
        by_name.sort_by_cached_key(|&m| sort_key(&munis.list[m].name, lang));
        let municipality_rank = position(&by_name);
        let region_municipalities: Vec<MunicipalityId> = match site.config.region {
            Some(reg) => municipality_pages.iter().copied().filter(|&m| munis.list[m].region == reg).collect(),
            None => municipality_pages.clone(),
        };
        let mut region_order: Vec<RegionId> = municipality_pages.iter().map(|&m| munis.list[m].region).collect();
        region_order.sort_unstable();
        region_order.dedup();
        region_order
            .sort_by_cached_key(|&reg| (Some(reg) != site.config.region, sort_key(&munis.regions[reg].name, lang)));
        let regions_with_pages = region_order
            .into_iter()
            .map(|reg| (reg, municipality_pages.iter().copied().filter(|&m| munis.list[m].region == reg).collect()))
            .collect();
        let by_rank = |ids: &[OrganisationId]| {
            let mut v = ids.to_vec();
            v.sort_by_key(|&m| rank[m]);
            v
        };
        let table_members = site.tables.iter().map(|t| by_rank(&t.members)).collect();
        let note_attendees =
            site.tables.iter().map(|t| t.notes.iter().map(|n| by_rank(&n.attendees)).collect()).collect();

        let mut ix = Index {
            order,
            rank,
            org_networks,
            network_members,
            org_tables,
            org_notes,
            theme_orgs,
            theme_order,
            theme_groups: Vec::new(),
            theme_networks,
            theme_tables,
            local,
            region_wide,
            nationwide,
            theme_municipality,
            municipality_pages,
            municipality_rank,
            region_municipalities,
            regions_with_pages,
            table_members,
            note_attendees,
            coverage: Coverage::default(),
            notes_newest_first,
            network_order,
            table_order,
        };
        ix.theme_groups = lists::theme_groups(site, &ix);
        ix.coverage = lists::coverage(site, &ix);
        ix
    }

    /// Up to `max` other organisations sharing a theme and a municipality with `org`,
    /// taken from after `org` in A–Ö order (wrapping), so that links spread evenly.
    pub fn nearby(&self, site: &Site, org: OrganisationId, max: usize) -> Vec<OrganisationId> {
        let o = &site.organisations[org];
        let mut out: Vec<OrganisationId> = Vec::new();
        'outer: for &t in &o.themes {
            for &m in &o.area.municipalities {
                let Some(bucket) = self.theme_municipality.get(&(t, m)) else {
                    continue;
                };
                let start = bucket.partition_point(|&x| self.rank[x] <= self.rank[org]);
                for i in 0..bucket.len() {
                    let other = bucket[(start + i) % bucket.len()];
                    if other != org && !out.contains(&other) {
                        out.push(other);
                        if out.len() >= max {
                            break 'outer;
                        }
                    }
                }
            }
        }
        out.sort_by_key(|&x| self.rank[x]);
        out
    }
}

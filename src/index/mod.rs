//! Index: the cross references of a site, built once from the model.
//!
//! Everything a page lists — a theme's organisations by municipality, a
//! municipality's local, region-wide and nationwide organisations, network members
//! united from both sides, who sits at which table, coverage counts — is computed
//! here in one pass over the model, in time linear in the number of entities (plus
//! sorting). Lists hold ids in reading order (Finnish/Swedish collation).

pub mod collation;
mod events;
mod lists;

use std::collections::HashMap;

use crate::model::{MunicipalityId, NetworkId, OrganisationId, RegionId, Site, TableId, ThemeId};
pub use collation::{SortKey, initial, sort_key};
pub use events::{Events, Month};
pub use lists::{Coverage, Places, Reach, ThemeGroups};

/// A meeting note by its table and its position in the table's notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NoteRef {
    pub table: TableId,
    pub note: usize,
}

#[derive(Debug, Default, Clone)]
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
    pub org_tables: Vec<Vec<TableId>>,
    /// Notes each organisation attended, newest first.
    pub org_notes: Vec<Vec<NoteRef>>,
    /// Organisations of each theme, A–Ö.
    pub theme_orgs: Vec<Vec<OrganisationId>>,
    /// Themes in A–Ö order.
    pub theme_order: Vec<ThemeId>,
    /// What each theme's page lists: by municipality, region-wide, nationwide.
    pub theme_groups: Vec<ThemeGroups>,
    pub theme_networks: Vec<Vec<NetworkId>>,
    pub theme_tables: Vec<Vec<TableId>>,
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
    pub table_order: Vec<TableId>,
    /// Upcoming and past events, and the upcoming ones of each entity.
    pub events: Events,
}

/// Each entity's position in `order` (`order` holds every id of its kind once).
fn positions<I: Copy>(order: &[I], index: impl Fn(I) -> usize) -> Vec<usize> {
    let mut pos = vec![0; order.len()];
    for (i, &x) in order.iter().enumerate() {
        pos[index(x)] = i;
    }
    pos
}

impl Index {
    /// Every list of the site, in one pass per kind of list.
    pub fn build(site: &Site) -> Index {
        let mut ix = Index::default();
        ix.orders(site);
        ix.memberships(site);
        ix.tables_and_notes(site);
        ix.by_place(site);
        ix.theme_links(site);
        ix.municipality_lists(site);
        ix.theme_groups = lists::theme_groups(site, &ix);
        ix.coverage = lists::coverage(site, &ix);
        ix.events = Events::build(site, &ix.rank, &ix.municipality_rank);
        ix
    }

    /// The A–Ö orders of organisations, networks, tables, themes and municipalities.
    fn orders(&mut self, site: &Site) {
        let lang = site.config.language;
        let munis = &site.municipalities;
        let keys: Vec<SortKey> = site.organisations.iter().map(|o| sort_key(&o.name, lang)).collect();
        let mut order: Vec<OrganisationId> = OrganisationId::all(site.organisations.len()).collect();
        order.sort_by(|&a, &b| {
            keys[a].cmp(&keys[b]).then_with(|| site.organisations[a].slug.cmp(&site.organisations[b].slug))
        });
        self.rank = positions(&order, OrganisationId::index);
        self.order = order;
        self.network_order = NetworkId::all(site.networks.len()).collect();
        self.network_order.sort_by_cached_key(|&n| sort_key(&site.networks[n].name, lang));
        self.table_order = TableId::all(site.tables.len()).collect();
        self.table_order.sort_by_cached_key(|&t| sort_key(&site.tables[t].name, lang));
        self.theme_order = ThemeId::all(site.themes.len()).collect();
        self.theme_order.sort_by_cached_key(|&t| sort_key(&site.themes[t].name, lang));
        let mut by_name: Vec<MunicipalityId> = MunicipalityId::all(munis.list.len()).collect();
        by_name.sort_by_cached_key(|&m| sort_key(&munis.list[m].name, lang));
        self.municipality_rank = positions(&by_name, MunicipalityId::index);
    }

    /// Network members united from both sides: each organisation's networks (A–Ö)
    /// and each network's members (A–Ö).
    fn memberships(&mut self, site: &Site) {
        let mut org_networks: Vec<Vec<NetworkId>> = site.organisations.iter().map(|o| o.networks.clone()).collect();
        let mut network_members: Vec<Vec<OrganisationId>> = site.networks.iter().map(|n| n.members.clone()).collect();
        for (nid, n) in NetworkId::all(site.networks.len()).zip(&site.networks) {
            for &m in &n.members {
                if !org_networks[m].contains(&nid) {
                    org_networks[m].push(nid);
                }
            }
        }
        for (oid, o) in OrganisationId::all(site.organisations.len()).zip(&site.organisations) {
            for &nid in &o.networks {
                if !network_members[nid].contains(&oid) {
                    network_members[nid].push(oid);
                }
            }
        }
        let network_pos = positions(&self.network_order, NetworkId::index);
        for list in &mut org_networks {
            list.sort_by_key(|&n| network_pos[n.index()]);
        }
        for members in &mut network_members {
            members.sort_by_key(|&m| self.rank[m]);
        }
        self.org_networks = org_networks;
        self.network_members = network_members;
    }

    /// Who sits at which table and attended which note; every note newest first.
    fn tables_and_notes(&mut self, site: &Site) {
        let n_orgs = site.organisations.len();
        let mut org_tables = vec![Vec::new(); n_orgs];
        let mut org_notes = vec![Vec::new(); n_orgs];
        let mut notes_newest_first = Vec::new();
        for (tid, t) in TableId::all(site.tables.len()).zip(&site.tables) {
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
        let table_pos = positions(&self.table_order, TableId::index);
        for list in &mut org_tables {
            list.sort_by_key(|&t| table_pos[t.index()]);
        }
        let by_rank = |ids: &[OrganisationId]| {
            let mut v = ids.to_vec();
            v.sort_by_key(|&m| self.rank[m]);
            v
        };
        self.table_members = site.tables.iter().map(|t| by_rank(&t.members)).collect();
        self.note_attendees =
            site.tables.iter().map(|t| t.notes.iter().map(|n| by_rank(&n.attendees)).collect()).collect();
        self.org_tables = org_tables;
        self.org_notes = org_notes;
        self.notes_newest_first = notes_newest_first;
    }

    /// Organisations by theme, municipality, region and theme × municipality.
    /// Walking organisations in A–Ö order keeps every list in A–Ö order.
    fn by_place(&mut self, site: &Site) {
        let munis = &site.municipalities;
        self.theme_orgs = vec![Vec::new(); site.themes.len()];
        self.local = vec![Vec::new(); munis.list.len()];
        self.region_wide = vec![Vec::new(); munis.regions.len()];
        for &oid in &self.order {
            let o = &site.organisations[oid];
            for &t in &o.themes {
                self.theme_orgs[t].push(oid);
                for &m in &o.area.municipalities {
                    self.theme_municipality.entry((t, m)).or_default().push(oid);
                }
            }
            for &m in &o.area.municipalities {
                self.local[m].push(oid);
            }
            for &r in &o.area.regions {
                self.region_wide[r].push(oid);
            }
            if o.area.nationwide {
                self.nationwide.push(oid);
            }
        }
    }

    /// The networks (A–Ö) and tables of each theme.
    fn theme_links(&mut self, site: &Site) {
        self.theme_networks = vec![Vec::new(); site.themes.len()];
        for &nid in &self.network_order {
            for &t in &site.networks[nid].themes {
                self.theme_networks[t].push(nid);
            }
        }
        self.theme_tables = vec![Vec::new(); site.themes.len()];
        for (tid, t) in TableId::all(site.tables.len()).zip(&site.tables) {
            for &th in &t.themes {
                self.theme_tables[th].push(tid);
            }
        }
    }

    /// Which municipalities get a page, and how the pages are grouped by region.
    fn municipality_lists(&mut self, site: &Site) {
        let munis = &site.municipalities;
        // A page for every municipality of the site's region and every one that an
        // organisation, network, table or event names (so every link has a page).
        let mut named = vec![false; munis.list.len()];
        let areas = site.networks.iter().map(|n| &n.area).chain(site.tables.iter().map(|t| &t.area));
        for a in areas {
            for &m in &a.municipalities {
                named[m] = true;
            }
        }
        for m in site.events.iter().filter_map(|e| e.municipality) {
            named[m] = true;
        }
        let mut pages: Vec<MunicipalityId> = MunicipalityId::all(munis.list.len())
            .filter(|&m| !self.local[m].is_empty() || named[m] || site.config.region == Some(munis.list[m].region))
            .collect();
        pages.sort_by_key(|&m| self.municipality_rank[m]);
        self.region_municipalities = match site.config.region {
            Some(reg) => pages.iter().copied().filter(|&m| munis.list[m].region == reg).collect(),
            None => pages.clone(),
        };
        let lang = site.config.language;
        let mut region_order: Vec<RegionId> = pages.iter().map(|&m| munis.list[m].region).collect();
        region_order.sort_unstable();
        region_order.dedup();
        region_order
            .sort_by_cached_key(|&reg| (Some(reg) != site.config.region, sort_key(&munis.regions[reg].name, lang)));
        self.regions_with_pages = region_order
            .into_iter()
            .map(|reg| (reg, pages.iter().copied().filter(|&m| munis.list[m].region == reg).collect()))
            .collect();
        self.municipality_pages = pages;
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

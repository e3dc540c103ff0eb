//! Views for each HTML page, built from the model and the index.

use std::collections::BTreeMap;

use super::views::*;
use super::{Job, Output, Renderer, dates, markdown};
use crate::diagnostics::Diagnostic;
use crate::index::{NoteRef, SortKey, initial, sort_key};
use crate::model::{Area, Body, Contact, MunicipalityId, Organisation, OrganisationId};

/// How many "others nearby" an organisation page shows.
const NEARBY: usize = 6;
/// The most organisations a group on a theme or municipality page lists; the rest
/// are a link away, in search (where the list loads in parts). Only with search on.
pub const GROUP_LIMIT: usize = 50;
/// Organisations per page of the A–Ö list.
pub const PAGE_SIZE: usize = 1000;

/// `application/x-www-form-urlencoded` for a query value.
fn form_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(char::from(b)),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

impl<'a> Renderer<'a> {
    fn lang(&self) -> crate::model::Language {
        self.site.config.language
    }

    fn meta(&self, title: impl Into<String>, url: String, section: &str) -> PageMeta<'a> {
        PageMeta {
            title: title.into(),
            canonical: self.routes.absolute(&url),
            url,
            description: None,
            section: section.to_string(),
        }
    }

    /// A Markdown body as HTML; its top headings get level `top_level`.
    fn html(&self, body: &Body, top_level: u8) -> String {
        let cx = markdown::LinkContext {
            pages: &self.content_pages,
            base: self.routes.base(),
            unsafe_html: self.site.config.unsafe_html,
            top_level,
        };
        markdown::to_html(body.markdown(), &body.source.file, &cx)
    }

    fn theme_links(&self, ids: &[usize]) -> Vec<Link<'a>> {
        ids.iter()
            .map(|&t| Link { name: &self.site.themes[t].name, url: self.routes.theme(&self.site.themes[t].id) })
            .collect()
    }

    fn municipality_links(&self, ids: &[MunicipalityId]) -> Vec<Link<'a>> {
        let list = &self.site.municipalities.list;
        let mut v: Vec<Link<'a>> =
            ids.iter().map(|&m| Link { name: &list[m].name, url: self.routes.municipality(&list[m].slug) }).collect();
        v.sort_by_cached_key(|l| sort_key(l.name, self.lang()));
        v
    }

    fn region_names(&self, area: &Area) -> Vec<&'a str> {
        area.regions.iter().map(|&r| self.site.municipalities.regions[r].name.as_str()).collect()
    }

    fn org_link(&self, id: OrganisationId) -> Link<'a> {
        let o = &self.site.organisations[id];
        Link { name: &o.name, url: self.routes.organisation(&o.slug) }
    }

    /// "Keuruu, Multia · Koko Keski-Suomi · Valtakunnallinen".
    fn places(&self, area: &Area) -> String {
        let m = &self.site.municipalities;
        let mut names: Vec<&str> = area.municipalities.iter().map(|&i| m.list[i].name.as_str()).collect();
        names.sort_by_cached_key(|n| sort_key(n, self.lang()));
        let mut parts = Vec::new();
        if !names.is_empty() {
            parts.push(names.join(", "));
        }
        for &r in &area.regions {
            parts.push(self.theme.t("places_region_wide").replace("{region}", &m.regions[r].name));
        }
        if area.nationwide {
            parts.push(self.theme.t("places_nationwide"));
        }
        parts.join(" · ")
    }

    fn item(&self, id: OrganisationId) -> OrganisationItem<'a> {
        let o: &'a Organisation = &self.site.organisations[id];
        OrganisationItem {
            name: &o.name,
            url: self.routes.organisation(&o.slug),
            places: self.places(&o.area),
            themes: self.theme_links(&o.themes),
        }
    }

    fn items(&self, ids: &[OrganisationId]) -> Vec<OrganisationItem<'a>> {
        ids.iter().map(|&i| self.item(i)).collect()
    }

    fn contact(&self, c: &'a Option<Contact>) -> Option<ContactView<'a>> {
        if !self.site.config.contact_persons {
            return None;
        }
        let c = c.as_ref()?;
        Some(ContactView {
            name: c.name.as_deref(),
            role: c.role.as_deref(),
            email: c.email.as_deref(),
            phone: c.phone.as_deref(),
            phone_href: c.phone.as_deref().map(tel),
        })
    }

    fn note_item(&self, r: NoteRef) -> NoteItem<'a> {
        let t = &self.site.tables[r.table];
        let n = &t.notes[r.note];
        NoteItem {
            title: &n.title,
            url: self.routes.note(&t.slug, &n.slug),
            date: dates::view(n.date, self.lang()),
            kind: n.kind.as_str(),
            kind_label: self.theme.t(&format!("note_{}", n.kind.as_str())),
            table: Link { name: &t.name, url: self.routes.table(&t.slug) },
        }
    }

    /// The search page with these filters (organisations only).
    fn search_url(&self, filters: &[(&str, &str)]) -> String {
        let mut q = format!("type={}", form_encode(&self.theme.t("search_type_organisation")));
        for (k, v) in filters {
            q.push_str(&format!("&{k}={}", form_encode(v)));
        }
        format!("{}?{q}", self.routes.search())
    }

    /// At most `GROUP_LIMIT` items, and a link to all of them in search when cut.
    fn capped(
        &self,
        ids: &[OrganisationId],
        filters: &[(&str, &str)],
    ) -> (Vec<OrganisationItem<'a>>, Option<TextLink>) {
        if !self.site.config.search_enabled || ids.len() <= GROUP_LIMIT {
            return (self.items(ids), None);
        }
        let more = TextLink {
            text: self.theme.t("show_all_in_search").replace("{n}", &ids.len().to_string()),
            url: self.search_url(filters),
        };
        (self.items(&ids[..GROUP_LIMIT]), Some(more))
    }

    fn group(
        &self,
        name: String,
        id: String,
        url: Option<String>,
        ids: &[OrganisationId],
        filters: &[(&str, &str)],
    ) -> Group<'a> {
        let (organisations, more) = self.capped(ids, filters);
        Group { name, id, url, count: ids.len(), organisations, more }
    }

    /// Group organisations by theme (themes in A–Ö order; lists keep their order).
    /// `place` is the municipality the groups are about, for the "show all" links.
    fn by_theme(&self, ids: &[OrganisationId], id_prefix: &str, place: Option<&str>) -> Vec<Group<'a>> {
        let mut buckets: Vec<Vec<OrganisationId>> = vec![Vec::new(); self.site.themes.len()];
        for &o in ids {
            for &t in &self.site.organisations[o].themes {
                buckets[t].push(o);
            }
        }
        let mut order: Vec<usize> = (0..self.site.themes.len()).collect();
        order.sort_by_cached_key(|&t| sort_key(&self.site.themes[t].name, self.lang()));
        order
            .into_iter()
            .filter(|&t| !buckets[t].is_empty())
            .map(|t| {
                let th = &self.site.themes[t];
                let mut filters = vec![("theme", th.name.as_str())];
                if let Some(p) = place {
                    filters.push(("municipality", p));
                }
                self.group(
                    th.name.clone(),
                    format!("{id_prefix}{}", th.id),
                    Some(self.routes.theme(&th.id)),
                    &buckets[t],
                    &filters,
                )
            })
            .collect()
    }
}

/// A `tel:` URL: digits and a leading plus only.
fn tel(phone: &str) -> String {
    let mut s = String::from("tel:");
    for (i, c) in phone.trim().chars().enumerate() {
        if c.is_ascii_digit() || (c == '+' && i == 0) {
            s.push(c);
        }
    }
    s
}

pub(super) fn render(r: &Renderer<'_>, job: Job) -> Result<Output, Diagnostic> {
    let site = r.site;
    let ix = r.index;
    let lang = r.lang();
    let rt = &r.routes;
    match job {
        Job::Home => {
            let mut meta = r.meta(&site.config.title, rt.home(), "home");
            meta.description = site.config.description.as_deref();
            let region_munis: Vec<MunicipalityId> = match site.config.region {
                Some(reg) => ix
                    .municipality_pages
                    .iter()
                    .copied()
                    .filter(|&m| site.municipalities.list[m].region == reg)
                    .collect(),
                None => ix.municipality_pages.clone(),
            };
            let view = HomeView {
                organisations: site.organisations.len(),
                networks: site.networks.len(),
                tables: site.tables.len(),
                themes: theme_counts(r),
                municipalities: region_munis
                    .iter()
                    .map(|&m| {
                        let mu = &site.municipalities.list[m];
                        CountLink { name: &mu.name, url: rt.municipality(&mu.slug), count: ix.local[m].len() }
                    })
                    .collect(),
                latest: ix.notes_newest_first.iter().take(6).map(|&n| r.note_item(n)).collect(),
            };
            r.template("index.html", &meta, "home", Some(&view))
        }
        Job::Organisations(page) => {
            let url = if page == 0 { rt.organisations() } else { rt.organisations_page(page + 1) };
            let mut meta = r.meta(r.theme.t("all_organisations"), url, "organisations");
            let pages = ix.order.len().div_ceil(PAGE_SIZE).max(1);
            if page > 0 {
                meta.title = format!("{} ({}/{pages})", meta.title, page + 1);
            }
            let page_url = |p: usize| if p == 0 { rt.organisations() } else { rt.organisations_page(p + 1) };
            // The index of every letter, pointing at the page where it starts.
            let mut letter_index: Vec<TextLink> = Vec::new();
            let mut last = String::new();
            for (pos, &id) in ix.order.iter().enumerate() {
                let letter = initial(&site.organisations[id].name, lang);
                if letter != last {
                    let target = if pos / PAGE_SIZE == page { String::new() } else { page_url(pos / PAGE_SIZE) };
                    letter_index.push(TextLink {
                        url: format!("{target}#kirjain-{}", letter_id(&letter)),
                        text: letter.clone(),
                    });
                    last = letter;
                }
            }
            let start = page * PAGE_SIZE;
            let slice = &ix.order[start.min(ix.order.len())..(start + PAGE_SIZE).min(ix.order.len())];
            let mut letters: Vec<Group<'_>> = Vec::new();
            for &id in slice {
                let letter = initial(&site.organisations[id].name, lang);
                if letters.last().is_none_or(|g| g.name != letter) {
                    let anchor = format!("kirjain-{}", letter_id(&letter));
                    letters.push(Group {
                        name: letter,
                        id: anchor,
                        url: None,
                        count: 0,
                        organisations: Vec::new(),
                        more: None,
                    });
                }
                let g = letters.last_mut().expect("pushed");
                g.organisations.push(r.item(id));
                g.count += 1;
            }
            let pager = if pages > 1 {
                (0..pages).map(|p| PagerItem { number: p + 1, url: page_url(p), current: p == page }).collect()
            } else {
                Vec::new()
            };
            let view = OrganisationsView { count: ix.order.len(), letters, letter_index, pages: pager };
            r.template("organisations.html", &meta, "orgs", Some(&view))
        }
        Job::Organisation(id) => {
            let o = &site.organisations[id];
            let mut meta = r.meta(&o.name, rt.organisation(&o.slug), "organisations");
            meta.description = o.short_name.as_deref();
            let mut languages: Vec<LanguageView> = o
                .languages
                .iter()
                .map(|c| LanguageView {
                    code: c.clone(),
                    name: r.theme.text.get(&format!("lang_{c}")).cloned().unwrap_or_else(|| c.clone()),
                })
                .collect();
            languages.dedup_by(|a, b| a.code == b.code);
            let mut tables: Vec<usize> = ix.org_tables[id].clone();
            tables.sort_by_key(|t| ix.table_order.iter().position(|x| x == t));
            let mut networks = ix.org_networks[id].clone();
            networks.sort_by_key(|n| ix.network_order.iter().position(|x| x == n));
            let view = OrganisationView {
                name: &o.name,
                short_name: o.short_name.as_deref(),
                kind: o.kind.as_str(),
                kind_label: r.theme.t(&format!("kind_{}", o.kind.as_str())),
                business_id: o.business_id.as_deref(),
                register_number: o.register_number.as_deref(),
                founded: o.founded,
                themes: r.theme_links(&o.themes),
                municipalities: r.municipality_links(&o.area.municipalities),
                regions: r.region_names(&o.area),
                nationwide: o.area.nationwide,
                places: r.places(&o.area),
                networks: networks
                    .iter()
                    .map(|&n| Link { name: &site.networks[n].name, url: rt.network(&site.networks[n].slug) })
                    .collect(),
                tables: tables
                    .iter()
                    .map(|&t| Link { name: &site.tables[t].name, url: rt.table(&site.tables[t].slug) })
                    .collect(),
                notes: ix.org_notes[id].iter().take(10).map(|&n| r.note_item(n)).collect(),
                activities: o.activities.iter().map(String::as_str).collect(),
                languages,
                website: o.website.as_deref(),
                email: o.email.as_deref(),
                phone: o.phone.as_deref(),
                phone_href: o.phone.as_deref().map(tel),
                logo: o.logo.as_ref().map(|l| ImageView { url: rt.file(&l.path), alt: &l.alt }),
                updated: o.updated.map(|d| dates::view(d, lang)),
                address: o.address.as_ref().map(|a| AddressView {
                    street: a.street.as_deref(),
                    postal_code: a.postal_code.as_deref(),
                    city: a.city.as_deref(),
                }),
                contact: r.contact(&o.contact),
                body_html: r.html(&o.body, 3),
                nearby: r.items(&ix.nearby(site, id, NEARBY)),
            };
            r.template("organisation.html", &meta, "org", Some(&view))
        }
        Job::Themes => {
            let meta = r.meta(title_of(r, "themes"), rt.themes(), "themes");
            let mut themes: Vec<ThemeItem<'_>> = site
                .themes
                .iter()
                .enumerate()
                .map(|(i, t)| ThemeItem {
                    name: &t.name,
                    url: rt.theme(&t.id),
                    description: t.description.as_deref(),
                    count: ix.theme_orgs[i].len(),
                })
                .collect();
            themes.sort_by_cached_key(|t| sort_key(t.name, lang));
            r.template("themes.html", &meta, "themes", Some(&ThemesView { themes }))
        }
        Job::Theme(id) => {
            let t = &site.themes[id];
            let mut meta = r.meta(&t.name, rt.theme(&t.id), "themes");
            meta.description = t.description.as_deref();
            let mut groups: BTreeMap<SortKey, (MunicipalityId, Vec<OrganisationId>)> = BTreeMap::new();
            let mut region_wide = Vec::new();
            let mut nationwide = Vec::new();
            for &o in &ix.theme_orgs[id] {
                let org = &site.organisations[o];
                for &m in &org.area.municipalities {
                    groups
                        .entry(sort_key(&site.municipalities.list[m].name, lang))
                        .or_insert_with(|| (m, Vec::new()))
                        .1
                        .push(o);
                }
                if !org.area.regions.is_empty() {
                    region_wide.push(o);
                }
                if org.area.nationwide {
                    nationwide.push(o);
                }
            }
            let view = ThemeView {
                name: &t.name,
                description: t.description.as_deref(),
                count: ix.theme_orgs[id].len(),
                municipalities: groups
                    .into_values()
                    .map(|(m, orgs)| {
                        let mu = &site.municipalities.list[m];
                        r.group(
                            mu.name.clone(),
                            format!("kunta-{}", mu.slug),
                            Some(rt.municipality(&mu.slug)),
                            &orgs,
                            &[("theme", &t.name), ("municipality", &mu.name)],
                        )
                    })
                    .collect(),
                region_wide: r.capped(&region_wide, &[("theme", &t.name)]).0,
                region_wide_more: r.capped(&region_wide, &[("theme", &t.name)]).1,
                nationwide: r.capped(&nationwide, &[("theme", &t.name)]).0,
                nationwide_more: r.capped(&nationwide, &[("theme", &t.name)]).1,
                networks: ix.theme_networks[id]
                    .iter()
                    .map(|&n| Link { name: &site.networks[n].name, url: rt.network(&site.networks[n].slug) })
                    .collect(),
                tables: ix.theme_tables[id]
                    .iter()
                    .map(|&tb| Link { name: &site.tables[tb].name, url: rt.table(&site.tables[tb].slug) })
                    .collect(),
            };
            r.template("theme.html", &meta, "theme", Some(&view))
        }
        Job::Municipalities => {
            let meta = r.meta(title_of(r, "municipalities"), rt.municipalities(), "municipalities");
            let mut regions: Vec<RegionGroup<'_>> = Vec::new();
            let mut region_order: Vec<usize> =
                ix.municipality_pages.iter().map(|&m| site.municipalities.list[m].region).collect();
            region_order.sort_unstable();
            region_order.dedup();
            // The site's own region first, then the others A–Ö.
            region_order.sort_by_cached_key(|&reg| {
                (Some(reg) != site.config.region, sort_key(&site.municipalities.regions[reg].name, lang))
            });
            for reg in region_order {
                regions.push(RegionGroup {
                    name: &site.municipalities.regions[reg].name,
                    municipalities: ix
                        .municipality_pages
                        .iter()
                        .filter(|&&m| site.municipalities.list[m].region == reg)
                        .map(|&m| {
                            let mu = &site.municipalities.list[m];
                            CountLink { name: &mu.name, url: rt.municipality(&mu.slug), count: ix.local[m].len() }
                        })
                        .collect(),
                });
            }
            r.template("municipalities.html", &meta, "municipalities", Some(&MunicipalitiesView { regions }))
        }
        Job::Municipality(m) => {
            let mu = &site.municipalities.list[m];
            let meta = r.meta(&mu.name, rt.municipality(&mu.slug), "municipalities");
            // Each organisation once: where it names the municipality, else where it
            // names the region, else as nationwide.
            let local = &ix.local[m];
            let is_local = |o: &OrganisationId| site.organisations[*o].area.municipalities.contains(&m);
            let region: Vec<OrganisationId> =
                ix.region_wide_in(site, m).iter().copied().filter(|o| !is_local(o)).collect();
            let nation: Vec<OrganisationId> = ix
                .nationwide
                .iter()
                .copied()
                .filter(|o| !is_local(o) && !site.organisations[*o].area.regions.contains(&mu.region))
                .collect();
            let reaches = vec![
                Reach { kind: "local", count: local.len(), themes: r.by_theme(local, "paikallinen-", Some(&mu.name)) },
                Reach { kind: "region", count: region.len(), themes: r.by_theme(&region, "maakunta-", Some(&mu.name)) },
                Reach {
                    kind: "nation",
                    count: nation.len(),
                    themes: r.by_theme(&nation, "valtakunta-", Some(&mu.name)),
                },
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
            r.template("municipality.html", &meta, "municipality", Some(&view))
        }
        Job::Networks => {
            let meta = r.meta(title_of(r, "networks"), rt.networks(), "networks");
            let networks = ix
                .network_order
                .iter()
                .map(|&n| {
                    let nw = &site.networks[n];
                    NetworkItem {
                        name: &nw.name,
                        url: rt.network(&nw.slug),
                        kind: nw.kind.as_str(),
                        kind_label: r.theme.t(&format!("network_{}", nw.kind.as_str())),
                        members: ix.network_members[n].len(),
                    }
                })
                .collect();
            r.template("networks.html", &meta, "networks", Some(&NetworksView { networks }))
        }
        Job::Network(n) => {
            let nw = &site.networks[n];
            let meta = r.meta(&nw.name, rt.network(&nw.slug), "networks");
            let view = NetworkView {
                name: &nw.name,
                kind: nw.kind.as_str(),
                kind_label: r.theme.t(&format!("network_{}", nw.kind.as_str())),
                coordinator: nw.coordinator.map(|c| r.org_link(c)),
                members: r.items(&ix.network_members[n]),
                themes: r.theme_links(&nw.themes),
                municipalities: r.municipality_links(&nw.area.municipalities),
                regions: r.region_names(&nw.area),
                website: nw.website.as_deref(),
                email: nw.email.as_deref(),
                phone: nw.phone.as_deref(),
                phone_href: nw.phone.as_deref().map(tel),
                contact: r.contact(&nw.contact),
                updated: nw.updated.map(|d| dates::view(d, lang)),
                body_html: r.html(&nw.body, 3),
            };
            r.template("network.html", &meta, "network", Some(&view))
        }
        Job::Tables => {
            let meta = r.meta(title_of(r, "tables"), rt.tables(), "tables");
            let tables = ix
                .table_order
                .iter()
                .map(|&t| {
                    let tb = &site.tables[t];
                    TableItem {
                        name: &tb.name,
                        url: rt.table(&tb.slug),
                        convener: convener(r, tb.convener),
                        notes: tb.notes.len(),
                        latest: tb.notes.first().map(|n| dates::view(n.date, lang)),
                    }
                })
                .collect();
            r.template("tables.html", &meta, "tables", Some(&TablesView { tables }))
        }
        Job::Table(t) => {
            let tb = &site.tables[t];
            let meta = r.meta(&tb.name, rt.table(&tb.slug), "tables");
            let mut members: Vec<OrganisationId> = tb.members.clone();
            members.sort_by_key(|&m| ix.rank[m]);
            let view = TableView {
                name: &tb.name,
                convener: convener(r, tb.convener),
                public_partners: tb.public_partners.iter().map(String::as_str).collect(),
                members: members.iter().map(|&m| r.org_link(m)).collect(),
                themes: r.theme_links(&tb.themes),
                municipalities: r.municipality_links(&tb.area.municipalities),
                regions: r.region_names(&tb.area),
                founded: tb.founded.map(|d| dates::view(d, lang)),
                meets: tb.meets.as_deref(),
                website: tb.website.as_deref(),
                email: tb.email.as_deref(),
                contact: r.contact(&tb.contact),
                notes: (0..tb.notes.len()).map(|i| r.note_item(NoteRef { table: t, note: i })).collect(),
                body_html: r.html(&tb.body, 3),
            };
            r.template("table.html", &meta, "table", Some(&view))
        }
        Job::Note(nr) => {
            let tb = &site.tables[nr.table];
            let n = &tb.notes[nr.note];
            let meta = r.meta(&n.title, rt.note(&tb.slug, &n.slug), "tables");
            let link = |i: usize| {
                let x = &tb.notes[i];
                Link { name: &x.title, url: rt.note(&tb.slug, &x.slug) }
            };
            let mut attendees: Vec<OrganisationId> = n.attendees.clone();
            attendees.sort_by_key(|&m| ix.rank[m]);
            let view = NoteView {
                title: &n.title,
                date: dates::view(n.date, lang),
                kind: n.kind.as_str(),
                kind_label: r.theme.t(&format!("note_{}", n.kind.as_str())),
                table: Link { name: &tb.name, url: rt.table(&tb.slug) },
                attendees: attendees.iter().map(|&a| r.org_link(a)).collect(),
                other_attendees: n.other_attendees.iter().map(String::as_str).collect(),
                decisions: n.decisions.iter().map(String::as_str).collect(),
                next_meeting: n.next_meeting.map(|d| dates::view(d, lang)),
                themes: r.theme_links(&n.themes),
                body_html: r.html(&n.body, 2),
                // Notes are newest first: the previous (older) one comes after.
                previous: (nr.note + 1 < tb.notes.len()).then(|| link(nr.note + 1)),
                next: (nr.note > 0).then(|| link(nr.note - 1)),
            };
            r.template("note.html", &meta, "note", Some(&view))
        }
        Job::Coverage => {
            let meta = r.meta(title_of(r, "coverage"), rt.coverage(), "coverage");
            let view = coverage_view(r);
            r.template("coverage.html", &meta, "coverage", Some(&view))
        }
        Job::Search => {
            let meta = r.meta(title_of(r, "search"), rt.search(), "search");
            let m = &site.municipalities;
            let mut regions: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
            for mu in &m.list {
                regions.entry(m.regions[mu.region].name.as_str()).or_default().push(mu.name.as_str());
            }
            let view = SearchView { regions_json: serde_json::to_string(&regions).unwrap_or_default() };
            r.template("search.html", &meta, "search", Some(&view))
        }
        Job::FreePage(p) => {
            let pg = &site.pages[p];
            let mut meta = r.meta(&pg.title, rt.free_page(&pg.slug), "");
            meta.description = pg.description.as_deref();
            if pg.menu {
                meta.section = format!("page-{}", pg.slug);
            }
            let view = FreePageView { body_html: r.html(&pg.body, 2) };
            r.template("page.html", &meta, "free", Some(&view))
        }
        Job::Accessibility => {
            let meta = r.meta(r.theme.t("accessibility_statement"), rt.accessibility(), "accessibility");
            let a = &site.config.accessibility;
            let view = AccessibilityView {
                feedback_email: a.feedback_email.as_deref(),
                feedback_url: a.feedback_url.as_deref(),
                assessed: a.assessed.map(|d| dates::view(d, lang)),
                supervisor: a.supervisor.as_deref(),
                supervisor_url: a.supervisor_url.as_deref(),
            };
            r.template("accessibility.html", &meta, "statement", Some(&view))
        }
        Job::NotFound => {
            let mut meta = r.meta(r.theme.t("not_found"), rt.file("404.html"), "");
            // The not-found page answers at many addresses: no canonical one.
            meta.canonical = String::new();
            r.template::<()>("404.html", &meta, "", None)
        }
        _ => unreachable!("files are rendered by feeds"),
    }
}

fn title_of(r: &Renderer<'_>, key: &str) -> String {
    r.theme.t(key)
}

fn convener<'a>(r: &Renderer<'a>, c: Option<crate::model::Convener>) -> Option<Link<'a>> {
    use crate::model::Convener;
    match c? {
        Convener::Organisation(o) => Some(r.org_link(o)),
        Convener::Network(n) => {
            Some(Link { name: &r.site.networks[n].name, url: r.routes.network(&r.site.networks[n].slug) })
        }
    }
}

fn theme_counts<'a>(r: &Renderer<'a>) -> Vec<CountLink<'a>> {
    let mut v: Vec<CountLink<'a>> = r
        .site
        .themes
        .iter()
        .enumerate()
        .map(|(i, t)| CountLink { name: &t.name, url: r.routes.theme(&t.id), count: r.index.theme_orgs[i].len() })
        .collect();
    v.sort_by_cached_key(|c| sort_key(c.name, r.lang()));
    v
}

pub(super) fn coverage_view<'a>(r: &Renderer<'a>) -> CoverageView<'a> {
    let site = r.site;
    let ix = r.index;
    let munis: Vec<MunicipalityId> = match site.config.region {
        Some(reg) => {
            ix.municipality_pages.iter().copied().filter(|&m| site.municipalities.list[m].region == reg).collect()
        }
        None => ix.municipality_pages.clone(),
    };
    let mut theme_order: Vec<usize> = (0..site.themes.len()).collect();
    theme_order.sort_by_cached_key(|&t| sort_key(&site.themes[t].name, r.lang()));
    let mut gaps = 0;
    let rows = munis
        .iter()
        .map(|&m| {
            let mu = &site.municipalities.list[m];
            let cells: Vec<CoverageCell> = theme_order
                .iter()
                .map(|&t| {
                    let count = ix.theme_municipality.get(&(t, m)).map_or(0, Vec::len);
                    if count == 0 {
                        gaps += 1;
                    }
                    let url = (count > 0).then(|| format!("{}#kunta-{}", r.routes.theme(&site.themes[t].id), mu.slug));
                    CoverageCell { count, url }
                })
                .collect();
            CoverageRow {
                municipality: Link { name: &mu.name, url: r.routes.municipality(&mu.slug) },
                total: ix.local[m].len(),
                cells,
            }
        })
        .collect();
    // Per theme: distinct organisations acting locally in at least one of the rows.
    let in_rows: std::collections::HashSet<MunicipalityId> = munis.iter().copied().collect();
    let totals: Vec<usize> = theme_order
        .iter()
        .map(|&t| {
            ix.theme_orgs[t]
                .iter()
                .filter(|&&o| site.organisations[o].area.municipalities.iter().any(|m| in_rows.contains(m)))
                .count()
        })
        .collect();
    let wide = theme_order
        .iter()
        .map(|&t| {
            ix.theme_orgs[t]
                .iter()
                .filter(|&&o| {
                    let a = &site.organisations[o].area;
                    a.nationwide || site.config.region.is_some_and(|reg| a.regions.contains(&reg))
                })
                .count()
        })
        .collect();
    CoverageView {
        region: site.config.region.map(|reg| site.municipalities.regions[reg].name.as_str()),
        themes: theme_order
            .iter()
            .map(|&t| Link { name: &site.themes[t].name, url: r.routes.theme(&site.themes[t].id) })
            .collect(),
        rows,
        totals,
        wide,
        gaps,
        csv_url: r.routes.file(&format!("{}/{}.csv", site.config.paths.coverage, site.config.paths.coverage)),
    }
}

/// A fragment id for a letter heading; Å, Ä and Ö must not collide with A and O.
fn letter_id(letter: &str) -> String {
    match letter {
        "Å" => "aa".into(),
        "Ä" => "ae".into(),
        "Ö" => "oe".into(),
        "0–9" => "0-9".into(),
        "#" => "muut".into(),
        other => other.to_lowercase(),
    }
}

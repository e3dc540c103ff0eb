//! The HTML pages, one file per page kind. Each file owns its view (what its
//! template receives), the template's name and how its view is made from the model
//! and the index; the index hands over every list ready, in reading order, so pages
//! only look up and format. Shared helpers (links, list items, groups) are here.

mod coverage;
mod events;
mod free_page;
mod front;
mod municipalities;
mod networks;
mod not_found;
mod open_data;
mod organisation;
mod organisations;
mod search;
mod statement;
mod tables;
mod themes;

use super::views::*;
use super::{Job, Output, Renderer, dates, markdown};
use crate::diagnostics::Diagnostic;
use crate::index::NoteRef;
use crate::model::{
    Area, Body, Contact, EventId, MunicipalityId, NetworkId, Organisation, OrganisationId, RegionId, Seeking, TableId,
    ThemeId,
};

/// The most organisations a group on a theme or municipality page lists; the rest
/// are a link away, in search (where the list loads in parts). Only with search on.
pub const GROUP_LIMIT: usize = 50;
/// On a theme page with more local organisations than this, each municipality's
/// group shows only its name and count and links to the rest (the page of the
/// theme in that municipality, or search): the page stays short however large the
/// directory, and a resident picks the municipality first.
pub const THEME_PAGE_CARDS: usize = 200;
/// The most region-wide and the most nationwide organisations the page of a theme
/// in one municipality lists (the local ones come first and are all listed).
pub const WIDE_ON_MUNICIPALITY_THEME: usize = 10;
/// The most upcoming events the page of a municipality, theme, organisation,
/// network or table (and the front page) lists; all are on the events page.
const UPCOMING_LIMIT: usize = 5;
/// Organisations per page of the A–Ö list.
pub const PAGE_SIZE: usize = organisations::PAGE_SIZE;

/// What a page kind's view is rendered with: its template, and the name under which
/// the template sees the view (`org` in `organisation.html`).
trait PageView: serde::Serialize {
    const TEMPLATE: &'static str;
    const KEY: &'static str;
}

impl Renderer<'_> {
    /// Render `view` with its template.
    fn page<V: PageView>(&self, meta: &PageMeta<'_>, view: &V) -> Result<Output, Diagnostic> {
        self.template(V::TEMPLATE, meta, V::KEY, Some(view))
    }
}

/// Render the HTML page of `job`.
pub(super) fn render(r: &Renderer<'_>, job: Job) -> Result<Output, Diagnostic> {
    match job {
        Job::Home => front::render(r),
        Job::Organisations(page) => organisations::render(r, page),
        Job::Organisation(id) => organisation::render(r, id),
        Job::Themes => themes::render_index(r),
        Job::Theme(id) => themes::render(r, id),
        Job::Municipalities => municipalities::render_index(r),
        Job::Municipality(m, page) => municipalities::render(r, m, page),
        Job::MunicipalityTheme(m, t, page) => municipalities::render_theme(r, m, t, page),
        Job::RegionWide(reg, page) => municipalities::render_reach(r, Some(reg), page),
        Job::Nationwide(page) => municipalities::render_reach(r, None, page),
        Job::Seeking(k) => municipalities::render_seeking(r, k),
        Job::Networks => networks::render_index(r),
        Job::Network(n) => networks::render(r, n),
        Job::Tables => tables::render_index(r),
        Job::Table(t) => tables::render(r, t),
        Job::Note(nr) => tables::render_note(r, nr),
        Job::Coverage => coverage::render(r),
        Job::Events => events::render_upcoming(r),
        Job::EventsArchive => events::render_archive(r),
        Job::Event(e) => events::render(r, e),
        Job::Search => search::render(r),
        Job::FreePage(p) => free_page::render(r, p),
        Job::Accessibility => statement::render(r),
        Job::OpenData => open_data::render(r),
        Job::NotFound => not_found::render(r),
        _ => unreachable!("files are rendered by feeds"),
    }
}

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

/// The theme's component of one organisation's card in a list.
const CARD_COMPONENT: &str = "org_item";

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
            events: Vec::new(),
            calendar: None,
            json_ld: Vec::new(),
            image: None,
            og_type: "website",
            feeds: Vec::new(),
        }
    }

    /// Describe the page as a `CollectionPage` of `items` (name, page address), in
    /// the order the page lists them.
    fn set_list_json_ld<'i>(&self, meta: &mut PageMeta<'_>, items: impl IntoIterator<Item = (&'i str, &'i str)>) {
        meta.json_ld = vec![self.collection_json_ld(&meta.title, &meta.url, meta.description.as_deref(), items)];
    }

    /// The page's upcoming events (at most [`UPCOMING_LIMIT`]) for the
    /// `upcoming_events.html` partial, with their calendar file if there is one.
    fn with_events(&self, mut meta: PageMeta<'a>, ids: &[EventId], calendar: Option<String>) -> PageMeta<'a> {
        meta.events = ids.iter().take(UPCOMING_LIMIT).map(|&e| self.event_item(e)).collect();
        meta.calendar = calendar;
        meta
    }

    fn event_item(&self, id: EventId) -> EventItem<'a> {
        let e = &self.site.events[id];
        EventItem {
            title: &e.title,
            title_lang: self.event_title_lang(e),
            url: self.routes.event(&e.slug),
            when: dates::event_when(e.start, e.end, self.lang()),
            start: dates::iso(e.start),
            place: self.event_place(e),
            online: e.online,
        }
    }

    /// "Keuruu, Keuruun kirjasto · Verkossa".
    pub(in crate::render) fn event_place(&self, e: &crate::model::Event) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if let Some(m) = e.municipality {
            parts.push(&self.site.municipalities.list[m].name);
        }
        if let Some(p) = &e.place {
            parts.push(p);
        }
        let mut s = parts.join(", ");
        if e.online {
            if !s.is_empty() {
                s.push_str(" · ");
            }
            s.push_str(&self.theme.t("event_online"));
        }
        s
    }

    /// The link to a feed job, named by its title.
    fn feed_link(&self, job: Job) -> TextLink {
        TextLink { text: self.feed_title(job).unwrap_or_default(), url: self.url(job) }
    }

    /// An organisation's description for search engines and link previews: its
    /// one line (`summary` or the first sentence of its text), else its short name.
    fn organisation_description(&self, id: OrganisationId) -> Option<String> {
        let o = &self.site.organisations[id];
        if o.lead.is_empty() { o.short_name.clone() } else { Some(o.lead.clone()) }
    }

    /// The interface text `key` as a page title.
    fn title_of(&self, key: &str) -> String {
        self.theme.t(key)
    }

    /// A Markdown body as HTML; its top headings get level `top_level`.
    fn html(&self, body: &Body, top_level: u8) -> String {
        // Site-root links (`/logos/x.png`) point to the static files, which every
        // language shares.
        let assets = self.routes.shared("");
        let cx = markdown::LinkContext {
            pages: &self.content_pages,
            base: &assets,
            unsafe_html: self.site.config.unsafe_html,
            top_level,
        };
        let html = markdown::to_html(body.markdown(), &body.source.file, &cx);
        if self.site.untranslated.contains(&body.source.file) && !html.trim().is_empty() {
            // Not translated: the original text, marked with its language so that
            // screen readers read it in that language's voice.
            let original = self.site.config.languages[0].code();
            return format!("<div lang=\"{original}\">{html}</div>");
        }
        html
    }

    fn theme_link(&self, t: ThemeId) -> Link<'a> {
        let th = &self.site.themes[t];
        Link { name: &th.name, url: self.routes.theme(&th.id), lang: self.theme_lang(t).0 }
    }

    /// On a page in another language than the site's first: that first language, the
    /// language of a text shown untranslated; `None` for a translated text.
    fn original_lang(&self, translated: bool) -> Option<&'static str> {
        let cfg = &self.site.config;
        let first = cfg.languages.first().copied().unwrap_or(cfg.language);
        (!translated && cfg.language != first).then(|| first.code())
    }

    /// The language of a theme's name and of its description, when either is shown
    /// untranslated (no `name_sv`, `description_sv`, ... in themes.toml).
    fn theme_lang(&self, t: ThemeId) -> (Option<&'static str>, Option<&'static str>) {
        let given = self.site.themes[t].translated.get(&self.lang());
        (
            self.original_lang(given.is_some_and(|(n, _)| n.is_some())),
            self.original_lang(given.is_some_and(|(_, d)| d.is_some())),
        )
    }

    /// The translation into this page's language of the entity whose text is `body`
    /// (which, once translated, is the translation's own text and file).
    fn translation(&self, body: &Body) -> Option<&'a crate::model::translations::Translated> {
        let (tr, lang, file) = (&self.site.translations, self.lang(), &body.source.file);
        tr.get(file, lang).or_else(|| {
            let (stem, code) = file.strip_suffix(".md")?.rsplit_once('.')?;
            code.eq_ignore_ascii_case(lang.code()).then(|| tr.get(&format!("{stem}.md"), lang))?
        })
    }

    /// The languages of an organisation's one line (`summary`, else its first
    /// sentence) and of its `activities`, when either is shown untranslated.
    fn organisation_langs(&self, o: &Organisation) -> (Option<&'static str>, Option<&'static str>) {
        let t = self.translation(&o.body);
        let body_translated = !self.site.untranslated.contains(&o.body.source.file);
        let summary = t.is_some_and(|t| t.summary.is_some()) || (o.summary.is_none() && body_translated);
        let activities = o.activities.is_empty() || t.is_some_and(|t| t.activities.is_some());
        (self.original_lang(summary), self.original_lang(activities))
    }

    /// The languages of a meeting note's title and of its decisions, when either is
    /// shown untranslated.
    fn note_langs(&self, r: NoteRef) -> (Option<&'static str>, Option<&'static str>) {
        let n = &self.site.tables[r.table].notes[r.note];
        let t = self.translation(&n.body);
        let title = t.is_some_and(|t| t.title.as_ref().is_some_and(|x| !x.is_empty()));
        let decisions = n.decisions.is_empty() || t.is_some_and(|t| t.decisions.is_some());
        (self.original_lang(title), self.original_lang(decisions))
    }

    /// The language of an event's title when it is shown untranslated.
    fn event_title_lang(&self, e: &crate::model::Event) -> Option<&'static str> {
        let t = self.translation(&e.body);
        self.original_lang(t.is_some_and(|t| t.title.as_ref().is_some_and(|x| !x.is_empty())))
    }

    fn theme_links(&self, ids: &[ThemeId]) -> Vec<Link<'a>> {
        ids.iter().map(|&t| self.theme_link(t)).collect()
    }

    fn municipality_link(&self, m: MunicipalityId) -> Link<'a> {
        let mu = &self.site.municipalities.list[m];
        Link { name: &mu.name, url: self.routes.municipality(&mu.slug), lang: None }
    }

    /// Links to the municipalities of an area, A–Ö.
    fn municipality_links(&self, area: &Area) -> Vec<Link<'a>> {
        self.index.places(area).municipalities.into_iter().map(|m| self.municipality_link(m)).collect()
    }

    fn region_names(&self, area: &Area) -> Vec<&'a str> {
        area.regions.iter().map(|&r| self.site.municipalities.regions[r].name.as_str()).collect()
    }

    fn org_link(&self, id: OrganisationId) -> Link<'a> {
        let o = &self.site.organisations[id];
        Link { name: &o.name, url: self.routes.organisation(&o.slug), lang: None }
    }

    fn network_link(&self, n: NetworkId) -> Link<'a> {
        Link { name: &self.site.networks[n].name, url: self.routes.network(&self.site.networks[n].slug), lang: None }
    }

    fn table_link(&self, t: TableId) -> Link<'a> {
        Link { name: &self.site.tables[t].name, url: self.routes.table(&self.site.tables[t].slug), lang: None }
    }

    /// "Keuruu, Multia · Koko Keski-Suomi · Valtakunnallinen".
    pub(in crate::render) fn places(&self, area: &Area) -> String {
        let m = &self.site.municipalities;
        let places = self.index.places(area);
        let names: Vec<&str> = places.municipalities.iter().map(|&i| m.list[i].name.as_str()).collect();
        let mut parts = Vec::new();
        if !names.is_empty() {
            parts.push(names.join(", "));
        }
        for &r in places.regions {
            parts.push(self.theme.t("places_region_wide").replace("{region}", &m.regions[r].name));
        }
        if places.nationwide {
            parts.push(self.theme.t("places_nationwide"));
        }
        parts.join(" · ")
    }

    /// Organisation `id`'s card, made once ([`Card`]).
    fn item(&self, id: OrganisationId) -> Card {
        self.cards[id.index()].get_or_init(|| self.card(id)).clone()
    }

    /// The fields of organisation `id`'s card, and `html`: the card as the theme's
    /// `org_item` component renders it. The component sees only the card and the
    /// site's global values (`t`), so it renders the same card on every list, which
    /// can write `html` instead of calling it again (most of the time of a list
    /// page). Without `html` when the theme has no such component, when it asks for
    /// a value of the page (an implicit argument such as `@page`), or when it fails
    /// here (the lists that call it report the error).
    fn card(&self, id: OrganisationId) -> Card {
        let item = self.organisation_item(id);
        let card = |value| Card::new(value, item.name, &item.url);
        let fields = tera::Value::from_serializable(&item);
        let tera = &self.theme.tera;
        // Its implicit arguments (`@t`) are looked up where it is called: only those
        // of the site's global context have the same value on every page (alone, an
        // `@page = none` would quietly be `none`).
        let Some(def) = tera.get_component_definition(CARD_COMPONENT) else { return card(fields) };
        if def.args().iter().any(|a| a.is_implicit() && !super::GLOBALS.contains(&a.name())) {
            return card(fields);
        }
        if fields.as_map().is_none() {
            return card(fields);
        }
        let html = {
            let mut ctx = tera::Context::new();
            ctx.insert("org", &fields);
            tera.render_component(CARD_COMPONENT, &ctx, None, true)
        };
        let Ok(html) = html else { return card(fields) };
        // The context shared the fields and is gone: the map is taken, not copied.
        let mut map = fields.into_map().unwrap_or_default();
        map.insert("html".into(), tera::Value::safe_string(&html));
        card(tera::Value::from(map))
    }

    fn organisation_item(&self, id: OrganisationId) -> OrganisationItem<'a> {
        let o: &'a Organisation = &self.site.organisations[id];
        OrganisationItem {
            name: &o.name,
            url: self.routes.organisation(&o.slug),
            summary: &o.lead,
            summary_lang: self.organisation_langs(o).0,
            places: self.places(&o.area),
            themes: self.theme_links(&o.themes),
            phone: o.phone.as_deref(),
            phone_href: o.phone.as_deref().map(tel),
            email: o.email.as_deref(),
            logo: o.logo.as_ref().map(|l| ImageView { url: self.routes.shared(&l.path), alt: &l.alt }),
            seeking: o.seeking.iter().map(|s| self.theme.t(s.label_key())).collect(),
        }
    }

    fn items(&self, ids: &[OrganisationId]) -> Vec<Card> {
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
            title_lang: self.note_langs(r).0,
            url: self.routes.note(&t.slug, &n.slug),
            date: dates::view(n.date, self.lang()),
            kind: n.kind.as_str(),
            kind_label: self.theme.t(n.kind.label_key()),
            table: Link { name: &t.name, url: self.routes.table(&t.slug), lang: None },
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
    fn capped(&self, ids: &[OrganisationId], filters: &[(&str, &str)]) -> (Vec<Card>, Option<TextLink>) {
        if !self.site.config.search_enabled || ids.len() <= GROUP_LIMIT {
            return (self.items(ids), None);
        }
        let more = TextLink {
            text: self.theme.t("show_all_in_search").replace("{n}", &ids.len().to_string()),
            url: self.search_url(filters),
        };
        (self.items(&ids[..GROUP_LIMIT]), Some(more))
    }

    /// At most `GROUP_LIMIT` items and a link to all of them: in search (with these
    /// filters) when search is on, else to `list`, a page with all of them.
    fn capped_or_listed(
        &self,
        ids: &[OrganisationId],
        filters: &[(&str, &str)],
        list: String,
    ) -> (Vec<Card>, Option<TextLink>) {
        self.capped_at(GROUP_LIMIT, ids, filters, list)
    }

    /// As [`Self::capped_or_listed`], at most `limit` items.
    fn capped_at(
        &self,
        limit: usize,
        ids: &[OrganisationId],
        filters: &[(&str, &str)],
        list: String,
    ) -> (Vec<Card>, Option<TextLink>) {
        if ids.len() <= limit {
            return (self.items(ids), None);
        }
        let n = ids.len().to_string();
        let more = if self.site.config.search_enabled {
            TextLink { text: self.theme.t("show_all_in_search").replace("{n}", &n), url: self.search_url(filters) }
        } else {
            TextLink { text: self.theme.t("show_all").replace("{n}", &n), url: list }
        };
        (self.items(&ids[..limit]), Some(more))
    }

    fn group(
        &self,
        name: String,
        id: String,
        url: Option<String>,
        ids: &[OrganisationId],
        filters: &[(&str, &str)],
    ) -> Group {
        let (organisations, more) = self.capped(ids, filters);
        Group { name, id, url, count: ids.len(), organisations, more }
    }
}

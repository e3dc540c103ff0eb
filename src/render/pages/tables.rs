//! The partnership tables: the list, one page per table, one page per meeting note.

use serde::Serialize;

use super::*;

#[derive(Debug, Clone, Serialize)]
struct TableItem<'a> {
    name: &'a str,
    url: String,
    convener: Option<Link<'a>>,
    notes: usize,
    latest: Option<DateView>,
}

/// `tables.html`.
#[derive(Debug, Clone, Serialize)]
struct TablesView<'a> {
    tables: Vec<TableItem<'a>>,
}

/// `table.html`.
#[derive(Debug, Clone, Serialize)]
struct TableView<'a> {
    name: &'a str,
    convener: Option<Link<'a>>,
    public_partners: Vec<&'a str>,
    members: Vec<Link<'a>>,
    themes: Vec<Link<'a>>,
    municipalities: Vec<Link<'a>>,
    regions: Vec<&'a str>,
    founded: Option<DateView>,
    meets: Option<&'a str>,
    website: Option<&'a str>,
    email: Option<&'a str>,
    contact: Option<ContactView<'a>>,
    notes: Vec<NoteItem<'a>>,
    body_html: String,
}

/// `note.html`.
#[derive(Debug, Clone, Serialize)]
struct NoteView<'a> {
    title: &'a str,
    /// The languages of the title and of the decisions when shown untranslated.
    title_lang: Option<&'static str>,
    decisions_lang: Option<&'static str>,
    date: DateView,
    kind: &'static str,
    kind_label: String,
    table: Link<'a>,
    attendees: Vec<Link<'a>>,
    other_attendees: Vec<&'a str>,
    decisions: Vec<&'a str>,
    next_meeting: Option<DateView>,
    themes: Vec<Link<'a>>,
    body_html: String,
    /// The previous (older) and next (newer) note of the same table.
    previous: Option<Link<'a>>,
    next: Option<Link<'a>>,
}

fn convener<'a>(r: &Renderer<'a>, c: Option<crate::model::Convener>) -> Option<Link<'a>> {
    use crate::model::Convener;
    match c? {
        Convener::Organisation(o) => Some(r.org_link(o)),
        Convener::Network(n) => Some(r.network_link(n)),
    }
}

pub(super) fn render_index(r: &Renderer<'_>) -> Result<Output, Diagnostic> {
    let (site, ix, rt) = (r.site, r.index, &r.routes);
    let mut meta = r.meta(r.title_of("tables"), rt.tables(), "tables");
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
                latest: tb.notes.first().map(|n| dates::view(n.date, r.lang())),
            }
        })
        .collect::<Vec<TableItem<'_>>>();
    r.set_list_json_ld(&mut meta, tables.iter().map(|t| (t.name, t.url.as_str())));
    r.page(&meta, &TablesView { tables })
}

pub(super) fn render(r: &Renderer<'_>, t: TableId) -> Result<Output, Diagnostic> {
    let (site, ix, rt, lang) = (r.site, r.index, &r.routes, r.lang());
    let tb = &site.tables[t];
    let meta = r.meta(&tb.name, rt.table(&tb.slug), "tables");
    let mut meta = r.with_events(meta, &r.index.events.table[t], None);
    meta.description = Some(crate::model::body::first_sentence(tb.body.markdown())).filter(|d| !d.is_empty());
    meta.feeds = vec![r.feed_link(Job::TableFeed(t))];
    let partners = tb.public_partners.iter().map(String::as_str);
    let ld = r.group_json_ld(&meta, &tb.area, ix.table_members[t].iter().copied(), partners);
    meta.json_ld = vec![crate::render::structured::script_json(&ld)];
    let view = TableView {
        name: &tb.name,
        convener: convener(r, tb.convener),
        public_partners: tb.public_partners.iter().map(String::as_str).collect(),
        members: ix.table_members[t].iter().map(|&m| r.org_link(m)).collect(),
        themes: r.theme_links(&tb.themes),
        municipalities: r.municipality_links(&tb.area),
        regions: r.region_names(&tb.area),
        founded: tb.founded.map(|d| dates::view(d, lang)),
        meets: tb.meets.as_deref(),
        website: tb.website.as_deref(),
        email: tb.email.as_deref(),
        contact: r.contact(&tb.contact),
        notes: (0..tb.notes.len()).map(|i| r.note_item(NoteRef { table: t, note: i })).collect(),
        body_html: r.html(&tb.body, 3),
    };
    r.page(&meta, &view)
}

pub(super) fn render_note(r: &Renderer<'_>, nr: NoteRef) -> Result<Output, Diagnostic> {
    let (site, ix, rt, lang) = (r.site, r.index, &r.routes, r.lang());
    let tb = &site.tables[nr.table];
    let n = &tb.notes[nr.note];
    let mut meta = r.meta(&n.title, rt.note(&tb.slug, &n.slug), "tables");
    meta.description = Some(r.note_summary(nr));
    meta.og_type = "article";
    meta.feeds = vec![r.feed_link(Job::TableFeed(nr.table))];
    let ld = r.note_json_ld(&meta, &n.date.to_string(), &tb.name, &rt.table(&tb.slug));
    meta.json_ld = vec![crate::render::structured::script_json(&ld)];
    let link = |i: usize| {
        let x = &tb.notes[i];
        Link { name: &x.title, url: rt.note(&tb.slug, &x.slug), lang: None }
    };
    let (title_lang, decisions_lang) = r.note_langs(nr);
    let view = NoteView {
        title: &n.title,
        title_lang,
        decisions_lang,
        date: dates::view(n.date, lang),
        kind: n.kind.as_str(),
        kind_label: r.theme.t(n.kind.label_key()),
        table: Link { name: &tb.name, url: rt.table(&tb.slug), lang: None },
        attendees: ix.note_attendees[nr.table][nr.note].iter().map(|&a| r.org_link(a)).collect(),
        other_attendees: n.other_attendees.iter().map(String::as_str).collect(),
        decisions: n.decisions.iter().map(String::as_str).collect(),
        next_meeting: n.next_meeting.map(|d| dates::view(d, lang)),
        themes: r.theme_links(&n.themes),
        body_html: r.html(&n.body, 2),
        // Notes are newest first: the previous (older) one comes after.
        previous: (nr.note + 1 < tb.notes.len()).then(|| link(nr.note + 1)),
        next: (nr.note > 0).then(|| link(nr.note - 1)),
    };
    r.page(&meta, &view)
}

impl PageView for TablesView<'_> {
    const TEMPLATE: &'static str = "tables.html";
    const KEY: &'static str = "tables";
}

impl PageView for TableView<'_> {
    const TEMPLATE: &'static str = "table.html";
    const KEY: &'static str = "table";
}

impl PageView for NoteView<'_> {
    const TEMPLATE: &'static str = "note.html";
    const KEY: &'static str = "note";
}

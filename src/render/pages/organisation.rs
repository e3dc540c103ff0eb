//! One organisation's page.

use serde::Serialize;

use super::*;

/// How many "others nearby" an organisation page shows.
const NEARBY: usize = 6;

/// `organisation.html`.
#[derive(Debug, Clone, Serialize)]
struct OrganisationView<'a> {
    /// The plain fields of the organisation (`short_name`, `website`, ...).
    #[serde(flatten)]
    organisation: &'a Organisation,
    name: &'a str,
    kind: &'static str,
    kind_label: String,
    themes: Vec<Link<'a>>,
    municipalities: Vec<Link<'a>>,
    regions: Vec<&'a str>,
    nationwide: bool,
    places: String,
    networks: Vec<Link<'a>>,
    tables: Vec<Link<'a>>,
    notes: Vec<NoteItem<'a>>,
    languages: Vec<LanguageView>,
    phone_href: Option<String>,
    logo: Option<ImageView<'a>>,
    updated: Option<DateView>,
    address: Option<AddressView<'a>>,
    /// `None` also when `[privacy] contact_persons = false`.
    contact: Option<ContactView<'a>>,
    body_html: String,
    /// Others working on the same theme in the same municipality.
    nearby: Vec<Card>,
    /// What it is looking for, in the site's language.
    seeking: Vec<String>,
    /// The languages of `summary` and of `activities` when shown untranslated.
    summary_lang: Option<&'static str>,
    activities_lang: Option<&'static str>,
}

pub(super) fn render(r: &Renderer<'_>, id: OrganisationId) -> Result<Output, Diagnostic> {
    let (site, ix, rt, lang) = (r.site, r.index, &r.routes, r.lang());
    let o = &site.organisations[id];
    let meta = r.meta(&o.name, rt.organisation(&o.slug), "organisations");
    let calendar = ix.events.organisation_has_calendar[id.index()].then(|| rt.organisation_calendar(&o.slug));
    let mut meta = r.with_events(meta, &ix.events.organisation[id], calendar);
    meta.description = r.organisation_description(id);
    meta.json_ld = vec![r.organisation_json_ld(id)];
    meta.image = o.logo.as_ref().map(|l| rt.absolute(&rt.file(&l.path)));
    let mut languages: Vec<LanguageView> = o
        .languages
        .iter()
        .map(|c| LanguageView {
            code: c.clone(),
            name: r.theme.text.get(&format!("lang_{c}")).cloned().unwrap_or_else(|| c.clone()),
        })
        .collect();
    languages.dedup_by(|a, b| a.code == b.code);
    let (summary_lang, activities_lang) = r.organisation_langs(o);
    let view = OrganisationView {
        summary_lang,
        activities_lang,
        organisation: o,
        name: &o.name,
        kind: o.kind.as_str(),
        kind_label: r.theme.t(o.kind.label_key()),
        themes: r.theme_links(&o.themes),
        municipalities: r.municipality_links(&o.area),
        regions: r.region_names(&o.area),
        nationwide: o.area.nationwide,
        places: r.places(&o.area),
        networks: ix.org_networks[id].iter().map(|&n| r.network_link(n)).collect(),
        tables: ix.org_tables[id].iter().map(|&t| r.table_link(t)).collect(),
        notes: ix.org_notes[id].iter().take(10).map(|&n| r.note_item(n)).collect(),
        languages,
        phone_href: o.phone.as_deref().map(tel),
        logo: o.logo.as_ref().map(|l| ImageView { url: rt.shared(&l.path), alt: &l.alt }),
        updated: o.updated.map(|d| dates::view(d, lang)),
        address: o.address.as_ref().map(|a| AddressView {
            street: a.street.as_deref(),
            postal_code: a.postal_code.as_deref(),
            city: a.city.as_deref(),
        }),
        contact: r.contact(&o.contact),
        body_html: r.html(&o.body, 3),
        nearby: r.items(&ix.nearby(site, id, NEARBY)),
        seeking: o.seeking.iter().map(|s| r.theme.t(s.label_key())).collect(),
    };
    r.page(&meta, &view)
}

impl PageView for OrganisationView<'_> {
    const TEMPLATE: &'static str = "organisation.html";
    const KEY: &'static str = "org";
}

//! Typed, borrowed views: exactly what each template receives.
//!
//! Templates never see the model directly. Each page gets one small view built here
//! from the model and the index; names and texts are borrowed from the model, URLs
//! and formatted dates are made by `routes` and `dates`. The fields of these structs
//! are the template interface of a site theme, documented in docs/themes.md.

use serde::Serialize;

/// A link: a name and where it goes.
#[derive(Debug, Clone, Serialize)]
pub struct Link<'a> {
    pub name: &'a str,
    pub url: String,
}

/// A link whose text is made for the page ("Show all 523").
#[derive(Debug, Clone, Serialize)]
pub struct TextLink {
    pub text: String,
    pub url: String,
}

/// A link with a count (themes and municipalities on index pages).
#[derive(Debug, Clone, Serialize)]
pub struct CountLink<'a> {
    pub name: &'a str,
    pub url: String,
    pub count: usize,
}

/// A date as shown to readers, and as ISO 8601 for `<time datetime>`.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    pub text: String,
    pub iso: String,
}

/// What every page has: its title, address and section of the site.
#[derive(Debug, Clone, Serialize)]
pub struct PageMeta<'a> {
    pub title: String,
    /// Path from the host root, e.g. `/jarjestot/jarjestot/x/`.
    pub url: String,
    /// Full URL for `<link rel="canonical">`.
    pub canonical: String,
    pub description: Option<&'a str>,
    /// Which main navigation entry is current (`organisations`, `themes`, ...,
    /// `page-<slug>` for a free page in the menu).
    pub section: String,
}

/// An organisation in a list: name, where it acts, its themes.
#[derive(Debug, Clone, Serialize)]
pub struct OrganisationItem<'a> {
    pub name: &'a str,
    pub url: String,
    /// "Keuruu, Multia", "Koko Keski-Suomi" or "Valtakunnallinen".
    pub places: String,
    pub themes: Vec<Link<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactView<'a> {
    pub name: Option<&'a str>,
    pub role: Option<&'a str>,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    /// `tel:` URL for the phone number.
    pub phone_href: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AddressView<'a> {
    pub street: Option<&'a str>,
    pub postal_code: Option<&'a str>,
    pub city: Option<&'a str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ImageView<'a> {
    pub url: String,
    pub alt: &'a str,
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageView {
    pub code: String,
    /// The language's name in the site language, or the code when unknown.
    pub name: String,
}

/// A meeting note in a list.
#[derive(Debug, Clone, Serialize)]
pub struct NoteItem<'a> {
    pub title: &'a str,
    pub url: String,
    pub date: DateView,
    /// `minutes`, `agenda`, `summary` or `announcement`.
    pub kind: &'static str,
    /// The kind in the site language.
    pub kind_label: String,
    pub table: Link<'a>,
}

/// `organisation.html`.
#[derive(Debug, Clone, Serialize)]
pub struct OrganisationView<'a> {
    pub name: &'a str,
    pub short_name: Option<&'a str>,
    pub kind: &'static str,
    pub kind_label: String,
    pub business_id: Option<&'a str>,
    pub register_number: Option<&'a str>,
    pub founded: Option<i32>,
    pub themes: Vec<Link<'a>>,
    pub municipalities: Vec<Link<'a>>,
    pub regions: Vec<&'a str>,
    pub nationwide: bool,
    pub places: String,
    pub networks: Vec<Link<'a>>,
    pub tables: Vec<Link<'a>>,
    pub notes: Vec<NoteItem<'a>>,
    pub activities: Vec<&'a str>,
    pub languages: Vec<LanguageView>,
    pub website: Option<&'a str>,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub phone_href: Option<String>,
    pub logo: Option<ImageView<'a>>,
    pub updated: Option<DateView>,
    pub address: Option<AddressView<'a>>,
    /// `None` also when `[privacy] contact_persons = false`.
    pub contact: Option<ContactView<'a>>,
    pub body_html: String,
    /// Others working on the same theme in the same municipality.
    pub nearby: Vec<OrganisationItem<'a>>,
}

/// A group of organisations under a heading (a letter, a municipality, a theme).
#[derive(Debug, Clone, Serialize)]
pub struct Group<'a> {
    pub name: String,
    /// Fragment id for in-page links (`#kunta-keuruu`, `#kirjain-a`).
    pub id: String,
    pub url: Option<String>,
    /// How many organisations the group has (more than listed when `more` is set).
    pub count: usize,
    pub organisations: Vec<OrganisationItem<'a>>,
    /// When the group is longer than a page should be: where to see all of it.
    pub more: Option<TextLink>,
}

/// `organisations.html`: A–Ö.
#[derive(Debug, Clone, Serialize)]
pub struct OrganisationsView<'a> {
    pub count: usize,
    /// The letters on this page.
    pub letters: Vec<Group<'a>>,
    /// Every letter of the whole list, linking to the page and place it starts.
    pub letter_index: Vec<TextLink>,
    /// The pages of a long list (empty when it fits on one page).
    pub pages: Vec<PagerItem>,
}

/// One page of a long list.
#[derive(Debug, Clone, Serialize)]
pub struct PagerItem {
    pub number: usize,
    pub url: String,
    pub current: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ThemeItem<'a> {
    pub name: &'a str,
    pub url: String,
    pub description: Option<&'a str>,
    pub count: usize,
}

/// `themes.html`.
#[derive(Debug, Clone, Serialize)]
pub struct ThemesView<'a> {
    pub themes: Vec<ThemeItem<'a>>,
}

/// `theme.html`.
#[derive(Debug, Clone, Serialize)]
pub struct ThemeView<'a> {
    pub name: &'a str,
    pub description: Option<&'a str>,
    pub count: usize,
    /// Organisations acting locally, grouped by municipality (A–Ö).
    pub municipalities: Vec<Group<'a>>,
    pub region_wide: Vec<OrganisationItem<'a>>,
    /// Where to see all region-wide ones, when the list is cut.
    pub region_wide_more: Option<TextLink>,
    pub nationwide: Vec<OrganisationItem<'a>>,
    pub nationwide_more: Option<TextLink>,
    pub networks: Vec<Link<'a>>,
    pub tables: Vec<Link<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RegionGroup<'a> {
    pub name: &'a str,
    pub municipalities: Vec<CountLink<'a>>,
}

/// `search.html`.
#[derive(Debug, Clone, Serialize)]
pub struct SearchView {
    /// JSON: each region's name → the names of its municipalities. The search page
    /// uses it to add a municipality's region-wide and nationwide organisations.
    pub regions_json: String,
}

/// `municipalities.html`.
#[derive(Debug, Clone, Serialize)]
pub struct MunicipalitiesView<'a> {
    pub regions: Vec<RegionGroup<'a>>,
}

/// One of the three parts of a municipality page.
#[derive(Debug, Clone, Serialize)]
pub struct Reach<'a> {
    /// `local`, `region` or `nation`.
    pub kind: &'static str,
    pub count: usize,
    /// Organisations grouped by theme.
    pub themes: Vec<Group<'a>>,
}

/// `municipality.html`.
#[derive(Debug, Clone, Serialize)]
pub struct MunicipalityView<'a> {
    pub name: &'a str,
    pub name_sv: &'a str,
    pub code: &'a str,
    pub region: &'a str,
    pub county: &'a str,
    pub count: usize,
    /// Local, then region-wide, then nationwide.
    pub reaches: Vec<Reach<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NetworkItem<'a> {
    pub name: &'a str,
    pub url: String,
    pub kind: &'static str,
    pub kind_label: String,
    pub members: usize,
}

/// `networks.html`.
#[derive(Debug, Clone, Serialize)]
pub struct NetworksView<'a> {
    pub networks: Vec<NetworkItem<'a>>,
}

/// `network.html`.
#[derive(Debug, Clone, Serialize)]
pub struct NetworkView<'a> {
    pub name: &'a str,
    pub kind: &'static str,
    pub kind_label: String,
    pub coordinator: Option<Link<'a>>,
    pub members: Vec<OrganisationItem<'a>>,
    pub themes: Vec<Link<'a>>,
    pub municipalities: Vec<Link<'a>>,
    pub regions: Vec<&'a str>,
    pub website: Option<&'a str>,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub phone_href: Option<String>,
    pub contact: Option<ContactView<'a>>,
    pub updated: Option<DateView>,
    pub body_html: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TableItem<'a> {
    pub name: &'a str,
    pub url: String,
    pub convener: Option<Link<'a>>,
    pub notes: usize,
    pub latest: Option<DateView>,
}

/// `tables.html`.
#[derive(Debug, Clone, Serialize)]
pub struct TablesView<'a> {
    pub tables: Vec<TableItem<'a>>,
}

/// `table.html`.
#[derive(Debug, Clone, Serialize)]
pub struct TableView<'a> {
    pub name: &'a str,
    pub convener: Option<Link<'a>>,
    pub public_partners: Vec<&'a str>,
    pub members: Vec<Link<'a>>,
    pub themes: Vec<Link<'a>>,
    pub municipalities: Vec<Link<'a>>,
    pub regions: Vec<&'a str>,
    pub founded: Option<DateView>,
    pub meets: Option<&'a str>,
    pub website: Option<&'a str>,
    pub email: Option<&'a str>,
    pub contact: Option<ContactView<'a>>,
    pub notes: Vec<NoteItem<'a>>,
    pub body_html: String,
}

/// `note.html`.
#[derive(Debug, Clone, Serialize)]
pub struct NoteView<'a> {
    pub title: &'a str,
    pub date: DateView,
    pub kind: &'static str,
    pub kind_label: String,
    pub table: Link<'a>,
    pub attendees: Vec<Link<'a>>,
    pub other_attendees: Vec<&'a str>,
    pub decisions: Vec<&'a str>,
    pub next_meeting: Option<DateView>,
    pub themes: Vec<Link<'a>>,
    pub body_html: String,
    /// The previous (older) and next (newer) note of the same table.
    pub previous: Option<Link<'a>>,
    pub next: Option<Link<'a>>,
}

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

/// `index.html`: the front page.
#[derive(Debug, Clone, Serialize)]
pub struct HomeView<'a> {
    pub organisations: usize,
    pub networks: usize,
    pub tables: usize,
    pub themes: Vec<CountLink<'a>>,
    pub municipalities: Vec<CountLink<'a>>,
    pub latest: Vec<NoteItem<'a>>,
}

/// `page.html`: a free page.
#[derive(Debug, Clone, Serialize)]
pub struct FreePageView {
    pub body_html: String,
}

/// `accessibility.html`: the accessibility statement made from `[accessibility]`.
#[derive(Debug, Clone, Serialize)]
pub struct AccessibilityView<'a> {
    pub feedback_email: Option<&'a str>,
    pub feedback_url: Option<&'a str>,
    pub assessed: Option<DateView>,
    pub supervisor: Option<&'a str>,
    pub supervisor_url: Option<&'a str>,
}

//! Typed, borrowed views: the parts that many pages share (links, list items,
//! groups, page metadata). Each page kind's own view lives with it in
//! `render/pages/<kind>.rs`.
//!
//! Templates never see the model directly. Each page gets one small view built
//! from the model and the index; names and texts are borrowed from the model, URLs
//! and formatted dates are made by `routes` and `dates`. The fields of these structs
//! are the template interface of a site theme, documented in docs/themes.md.

use serde::Serialize;

/// A link: a name and where it goes.
#[derive(Debug, Clone, Serialize)]
pub struct Link<'a> {
    pub name: &'a str,
    pub url: String,
    /// The language of `name` when it is not the page's: a name shown untranslated
    /// (a theme without a name in the page's language), for the `lang` attribute.
    pub lang: Option<&'static str>,
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
    /// As in [`Link`]: the language of an untranslated name.
    pub lang: Option<&'static str>,
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
    /// What the page is about in a sentence or two, for `<meta name="description">`
    /// and link previews (`None`: the site's description; the `head` view resolves it).
    pub description: Option<String>,
    /// Which main navigation entry is current (`organisations`, `themes`, ...,
    /// `page-<slug>` for a free page in the menu).
    pub section: String,
    /// The upcoming events of what this page is about (the front page: the whole
    /// site's), for `upcoming_events.html`; empty on other pages.
    pub events: Vec<EventItem<'a>>,
    /// The iCalendar file of those events, when there is one.
    pub calendar: Option<String>,
    /// The page's schema.org descriptions, each JSON made safe for a `<script>`
    /// element (write them with `| safe`).
    pub json_ld: Vec<String>,
    /// The page's own picture for link previews (an organisation's logo), absolute.
    pub image: Option<String>,
    /// The Open Graph type: `website`, or `article` for a meeting note.
    pub og_type: &'static str,
    /// The Atom feeds of what this page is about (title and address).
    pub feeds: Vec<TextLink>,
}

/// What `<head>` says about every page, worked out from [`PageMeta`] and the site:
/// the template sees it as `head`.
#[derive(Debug, Clone, Serialize)]
pub struct HeadView<'a> {
    /// The page's description, else the site's, else the page title: the same text
    /// for `<meta name="description">`, `og:description` and `twitter:description`.
    pub description: &'a str,
    /// The picture of link previews, absolute: the page's own, else the site's
    /// `image`.
    pub image: Option<String>,
    /// `fi_FI`, `sv_FI` or `en_GB`.
    pub locale: &'static str,
}

/// An event in a list.
#[derive(Debug, Clone, Serialize)]
pub struct EventItem<'a> {
    pub title: &'a str,
    /// The language of `title` when it is shown untranslated.
    pub title_lang: Option<&'static str>,
    pub url: String,
    /// "la 12.9.2026 klo 10–14".
    pub when: String,
    /// The start for `<time datetime>`: `2026-09-12T10:00:00+03:00` or `2026-09-12`.
    pub start: String,
    /// "Keuruu, Keuruun kirjasto"; "Verkossa" when online only.
    pub place: String,
    pub online: bool,
}

/// Events of one month.
#[derive(Debug, Clone, Serialize)]
pub struct MonthGroup<'a> {
    /// "syyskuu 2026".
    pub name: String,
    /// Fragment id: `kuu-2026-09`.
    pub id: String,
    pub events: Vec<EventItem<'a>>,
}

/// An organisation in a list (a card): name, one line of what it does, where it
/// acts, how to reach it, its themes and what it is looking for.
#[derive(Debug, Clone, Serialize)]
pub struct OrganisationItem<'a> {
    pub name: &'a str,
    pub url: String,
    /// `summary`, or the first sentence of its text (may be empty).
    pub summary: &'a str,
    /// The language of `summary` when it is shown untranslated.
    pub summary_lang: Option<&'static str>,
    /// "Keuruu, Multia", "Koko Keski-Suomi" or "Valtakunnallinen".
    pub places: String,
    pub themes: Vec<Link<'a>>,
    pub phone: Option<&'a str>,
    /// `tel:` address of `phone`.
    pub phone_href: Option<String>,
    pub email: Option<&'a str>,
    pub logo: Option<ImageView<'a>>,
    /// What it is looking for, in the site's language ("Vapaaehtoisia").
    pub seeking: Vec<String>,
}

/// An organisation's card in a list: its [`OrganisationItem`] as the template
/// engine's value, made once per organisation. Templates see the same fields.
#[derive(Debug, Clone)]
pub struct Card {
    value: tera::Value,
    /// The organisation's name and its page's address, beside the value for the
    /// lists' structured data (read without a lookup in the value's map).
    name: std::sync::Arc<str>,
    url: std::sync::Arc<str>,
}

impl Card {
    pub fn new(value: tera::Value, name: &str, url: &str) -> Card {
        Card { value, name: name.into(), url: url.into() }
    }

    /// The organisation's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The address of the organisation's page.
    pub fn url(&self) -> &str {
        &self.url
    }
}

impl Serialize for Card {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Into a page's context, tera takes the value as it is (shared, not copied).
        self.value.serialize(serializer)
    }
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
    /// The language of `title` when it is shown untranslated.
    pub title_lang: Option<&'static str>,
    pub url: String,
    pub date: DateView,
    /// `minutes`, `agenda`, `summary` or `announcement`.
    pub kind: &'static str,
    /// The kind in the site language.
    pub kind_label: String,
    pub table: Link<'a>,
}

/// A group of organisations under a heading (a letter, a municipality, a theme).
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub name: String,
    /// Fragment id for in-page links (`#kunta-keuruu`, `#kirjain-a`).
    pub id: String,
    pub url: Option<String>,
    /// How many organisations the group has (more than listed when `more` is set).
    pub count: usize,
    pub organisations: Vec<Card>,
    /// When the group is longer than a page should be: where to see all of it.
    pub more: Option<TextLink>,
}

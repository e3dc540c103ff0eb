//! `Raw*` types: the TOML of each file kind as editors write it.
//!
//! Every value keeps its span (`Spanned`), every field is optional (a missing required
//! field is reported by `model`, with a message that names it), and unknown keys are
//! refused (`deny_unknown_fields`). Nothing here is validated beyond TOML types.

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

pub type Text = Spanned<String>;
pub type TextList = Spanned<Vec<Spanned<String>>>;

/// `site.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSite {
    pub title: Option<Text>,
    pub description: Option<Text>,
    pub base_url: Option<Text>,
    pub language: Option<Text>,
    pub languages: Option<TextList>,
    pub theme: Option<Text>,
    pub region: Option<Text>,
    pub output_dir: Option<Text>,
    /// A picture under static/ for link previews of pages that have none of their own.
    pub image: Option<Text>,
    pub paths: Option<RawPaths>,
    pub search: Option<RawSearch>,
    pub build: Option<RawBuild>,
    pub privacy: Option<RawPrivacy>,
    pub accessibility: Option<RawAccessibility>,
    pub data: Option<RawData>,
    pub editing: Option<RawEditing>,
}

/// `[editing]`: the web editor (Sveltia CMS) under `/admin/`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEditing {
    pub cms: Option<bool>,
    pub backend: Option<Text>,
    pub repo: Option<Text>,
    pub branch: Option<Text>,
    pub base_url: Option<Text>,
    pub app_id: Option<Text>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawData {
    pub license: Option<Text>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPaths {
    pub organisations: Option<Text>,
    pub themes: Option<Text>,
    pub municipalities: Option<Text>,
    pub networks: Option<Text>,
    pub partnership_tables: Option<Text>,
    pub search: Option<Text>,
    pub coverage: Option<Text>,
    pub events: Option<Text>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSearch {
    pub enabled: Option<bool>,
    pub description_words: Option<Spanned<i64>>,
    pub notes: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBuild {
    pub unsafe_html: Option<bool>,
    pub stale_after_months: Option<Spanned<i64>>,
    /// Top-level names under `static/` that start with a dot and are published
    /// anyway, e.g. `[".well-known"]`.
    pub publish_dot_files: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPrivacy {
    pub contact_persons: Option<bool>,
}

/// `[accessibility]`: what the accessibility statement says.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAccessibility {
    pub feedback_email: Option<Text>,
    pub feedback_url: Option<Text>,
    pub assessed: Option<Spanned<Datetime>>,
    pub supervisor: Option<Text>,
    pub supervisor_url: Option<Text>,
}

/// `content/themes.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawThemes {
    pub theme: Option<Vec<Spanned<RawTheme>>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTheme {
    pub id: Option<Text>,
    pub name: Option<Text>,
    pub description: Option<Text>,
    pub name_sv: Option<Text>,
    pub name_en: Option<Text>,
    pub description_sv: Option<Text>,
    pub description_en: Option<Text>,
}

/// `content/municipalities.toml`: replaces the built-in list.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMunicipalities {
    pub municipality: Option<Vec<Spanned<RawMunicipality>>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMunicipality {
    pub code: Option<Text>,
    pub name: Option<Text>,
    pub name_sv: Option<Text>,
    pub region: Option<Text>,
    pub region_sv: Option<Text>,
    pub county: Option<Text>,
    pub county_sv: Option<Text>,
}

/// `content/organisations/<slug>.md`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOrganisation {
    pub name: Option<Text>,
    pub short_name: Option<Text>,
    pub summary: Option<Text>,
    pub seeking: Option<TextList>,
    pub kind: Option<Text>,
    pub business_id: Option<Text>,
    pub register_number: Option<Text>,
    pub founded: Option<Spanned<i64>>,
    pub themes: Option<TextList>,
    pub municipalities: Option<TextList>,
    pub regions: Option<TextList>,
    pub nationwide: Option<Spanned<bool>>,
    pub networks: Option<TextList>,
    pub activities: Option<TextList>,
    pub languages: Option<TextList>,
    pub website: Option<Text>,
    pub email: Option<Text>,
    pub phone: Option<Text>,
    pub logo: Option<Text>,
    pub logo_alt: Option<Text>,
    pub updated: Option<Spanned<Datetime>>,
    pub draft: Option<bool>,
    pub address: Option<Spanned<RawAddress>>,
    pub contact: Option<Spanned<RawContact>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAddress {
    pub street: Option<Text>,
    pub postal_code: Option<Text>,
    pub city: Option<Text>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContact {
    pub name: Option<Text>,
    pub role: Option<Text>,
    pub email: Option<Text>,
    pub phone: Option<Text>,
}

/// `content/networks/<slug>.md`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNetwork {
    pub name: Option<Text>,
    pub kind: Option<Text>,
    pub coordinator: Option<Text>,
    pub members: Option<TextList>,
    pub themes: Option<TextList>,
    pub municipalities: Option<TextList>,
    pub regions: Option<TextList>,
    pub website: Option<Text>,
    pub email: Option<Text>,
    pub phone: Option<Text>,
    pub updated: Option<Spanned<Datetime>>,
    pub draft: Option<bool>,
    pub contact: Option<Spanned<RawContact>>,
}

/// `content/partnership-tables/<slug>/index.md`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTable {
    pub name: Option<Text>,
    pub convener: Option<Text>,
    pub public_partners: Option<TextList>,
    pub members: Option<TextList>,
    pub themes: Option<TextList>,
    pub municipalities: Option<TextList>,
    pub regions: Option<TextList>,
    pub founded: Option<Spanned<Datetime>>,
    pub meets: Option<Text>,
    pub website: Option<Text>,
    pub email: Option<Text>,
    pub updated: Option<Spanned<Datetime>>,
    pub draft: Option<bool>,
    pub contact: Option<Spanned<RawContact>>,
}

/// `content/partnership-tables/<slug>/<YYYY-MM-DD>-<words>.md`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNote {
    pub title: Option<Text>,
    pub date: Option<Spanned<Datetime>>,
    pub kind: Option<Text>,
    pub attendees: Option<TextList>,
    pub other_attendees: Option<TextList>,
    pub decisions: Option<TextList>,
    pub next_meeting: Option<Spanned<Datetime>>,
    pub themes: Option<TextList>,
    pub draft: Option<bool>,
}

/// `content/pages/<slug>.md`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPage {
    pub title: Option<Text>,
    pub description: Option<Text>,
    pub menu: Option<bool>,
    pub weight: Option<Spanned<i64>>,
    pub draft: Option<bool>,
}

/// `content/events/<YYYY-MM-DD>-<words>.md`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub title: Option<Text>,
    pub start: Option<Spanned<Datetime>>,
    pub end: Option<Spanned<Datetime>>,
    pub organisers: Option<TextList>,
    pub organiser_text: Option<Text>,
    pub themes: Option<TextList>,
    pub municipality: Option<Text>,
    pub online: Option<Spanned<bool>>,
    pub place: Option<Text>,
    pub registration: Option<Text>,
    pub price: Option<Text>,
    pub languages: Option<TextList>,
    pub accessibility: Option<Text>,
    pub table: Option<Text>,
    pub draft: Option<bool>,
}

/// `<stem>.<lang>.md` beside any content file: the translatable fields of the
/// original. Keys that are not translatable for the original's kind are reported by
/// `load` (with the list of those that are), so unknown keys are not refused here.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawTranslation {
    pub name: Option<Text>,
    pub short_name: Option<Text>,
    pub summary: Option<Text>,
    pub activities: Option<TextList>,
    pub logo_alt: Option<Text>,
    pub title: Option<Text>,
    pub description: Option<Text>,
    pub decisions: Option<TextList>,
    pub place: Option<Text>,
    pub price: Option<Text>,
    pub accessibility: Option<Text>,
    pub contact: Option<Spanned<RawTranslatedContact>>,
}

/// `[contact]` of a translation: only the role is said in words.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawTranslatedContact {
    pub role: Option<Text>,
}

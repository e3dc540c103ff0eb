//! The fields of every content kind as the web editor shows them: one table per kind,
//! in the order of docs/content.md, each field with its widget and whether it is
//! required. The Sveltia CMS configuration is made from these tables and the site's
//! data ([`super::config`]); a unit test checks that every table names exactly the
//! keys the matching `Raw*` type accepts, so a field added to the content format
//! without the editor fails a test.

/// Where the choices of a select field come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    Themes,
    /// Those of the site's region first, then the rest.
    Municipalities,
    Regions,
    /// Languages activities are offered in (ISO 639-1 codes).
    Languages,
    OrganisationKinds,
    NetworkKinds,
    NoteKinds,
    Seeking,
    Organisations,
    Networks,
    /// Organisations, then networks (conveners and organisers may be either).
    OrganisationsAndNetworks,
    Tables,
}

/// How a field is edited.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Widget {
    /// One line of text.
    Text,
    /// One line of at most this many characters.
    Short(u32),
    /// A whole number between the bounds (`None`: the current year).
    Int(Option<i64>, Option<i64>),
    Bool,
    /// A calendar date (TOML date).
    Date,
    /// A local date and time (TOML local date-time).
    DateTime,
    /// One of the choices, or with `true` several.
    Select(Source, bool),
    /// A list of free text lines.
    List,
    /// A picture under `static/logos/`.
    Logo,
    Email,
    Url,
    Phone,
    /// A Y-tunnus.
    BusinessId,
    /// A Finnish postal code (five digits).
    PostalCode,
    /// A TOML table of further fields.
    Object(&'static [Spec]),
}

/// One field of a content kind.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spec {
    /// The key in front matter.
    pub name: &'static str,
    pub widget: Widget,
    pub required: bool,
}

const fn req(name: &'static str, widget: Widget) -> Spec {
    Spec { name, widget, required: true }
}

const fn opt(name: &'static str, widget: Widget) -> Spec {
    Spec { name, widget, required: false }
}

use Source as S;
use Widget as W;

const ADDRESS: &[Spec] = &[opt("street", W::Text), opt("postal_code", W::PostalCode), opt("city", W::Text)];
const CONTACT: &[Spec] = &[opt("name", W::Text), opt("role", W::Text), opt("email", W::Email), opt("phone", W::Phone)];

pub(crate) const ORGANISATION: &[Spec] = &[
    req("name", W::Text),
    opt("short_name", W::Text),
    opt("kind", W::Select(S::OrganisationKinds, false)),
    opt("business_id", W::BusinessId),
    opt("register_number", W::Text),
    opt("founded", W::Int(Some(1800), None)),
    req("themes", W::Select(S::Themes, true)),
    opt("municipalities", W::Select(S::Municipalities, true)),
    opt("regions", W::Select(S::Regions, true)),
    opt("nationwide", W::Bool),
    opt("networks", W::Select(S::Networks, true)),
    opt("activities", W::List),
    opt("languages", W::Select(S::Languages, true)),
    opt("website", W::Url),
    opt("email", W::Email),
    opt("phone", W::Phone),
    opt("logo", W::Logo),
    opt("logo_alt", W::Text),
    opt("updated", W::Date),
    opt("draft", W::Bool),
    opt("summary", W::Short(160)),
    opt("seeking", W::Select(S::Seeking, true)),
    opt("address", W::Object(ADDRESS)),
    opt("contact", W::Object(CONTACT)),
];

pub(crate) const NETWORK: &[Spec] = &[
    req("name", W::Text),
    opt("kind", W::Select(S::NetworkKinds, false)),
    opt("coordinator", W::Select(S::Organisations, false)),
    opt("members", W::Select(S::Organisations, true)),
    opt("themes", W::Select(S::Themes, true)),
    opt("municipalities", W::Select(S::Municipalities, true)),
    opt("regions", W::Select(S::Regions, true)),
    opt("website", W::Url),
    opt("email", W::Email),
    opt("phone", W::Phone),
    opt("updated", W::Date),
    opt("draft", W::Bool),
    opt("contact", W::Object(CONTACT)),
];

pub(crate) const TABLE: &[Spec] = &[
    req("name", W::Text),
    opt("convener", W::Select(S::OrganisationsAndNetworks, false)),
    opt("public_partners", W::List),
    opt("members", W::Select(S::Organisations, true)),
    opt("themes", W::Select(S::Themes, true)),
    opt("municipalities", W::Select(S::Municipalities, true)),
    opt("regions", W::Select(S::Regions, true)),
    opt("founded", W::Date),
    opt("meets", W::Text),
    opt("website", W::Url),
    opt("email", W::Email),
    opt("updated", W::Date),
    opt("draft", W::Bool),
    opt("contact", W::Object(CONTACT)),
];

pub(crate) const NOTE: &[Spec] = &[
    req("title", W::Text),
    req("date", W::Date),
    opt("kind", W::Select(S::NoteKinds, false)),
    opt("attendees", W::Select(S::Organisations, true)),
    opt("other_attendees", W::List),
    opt("decisions", W::List),
    opt("next_meeting", W::Date),
    opt("themes", W::Select(S::Themes, true)),
    opt("draft", W::Bool),
];

pub(crate) const PAGE: &[Spec] = &[
    req("title", W::Text),
    opt("description", W::Text),
    opt("menu", W::Bool),
    opt("weight", W::Int(Some(-1000), Some(1000))),
    opt("draft", W::Bool),
];

pub(crate) const EVENT: &[Spec] = &[
    req("title", W::Text),
    req("start", W::DateTime),
    opt("end", W::DateTime),
    opt("organisers", W::Select(S::OrganisationsAndNetworks, true)),
    opt("organiser_text", W::Text),
    opt("themes", W::Select(S::Themes, true)),
    opt("municipality", W::Select(S::Municipalities, false)),
    opt("online", W::Bool),
    opt("place", W::Text),
    opt("registration", W::Url),
    opt("price", W::Text),
    opt("languages", W::Select(S::Languages, true)),
    opt("accessibility", W::Text),
    opt("table", W::Select(S::Tables, false)),
    opt("draft", W::Bool),
];

/// The languages offered for `languages`, with the key of their name in the interface
/// texts: the ones docs/content.md names.
pub(crate) const LANGUAGES: &[&str] = &["fi", "sv", "en", "se", "ru", "et", "ar", "so", "fa", "uk"];

#[cfg(test)]
mod tests {
    use serde::de::DeserializeOwned;

    use super::*;
    use crate::load::raw::{RawEvent, RawNetwork, RawNote, RawOrganisation, RawPage, RawTable};

    /// The keys a `Raw*` type accepts, from its own refusal of an unknown key.
    fn keys_of<T: DeserializeOwned>() -> Vec<String> {
        let err = toml::from_str::<T>("zzz_not_a_field = 1").err().expect("unknown keys are refused");
        let msg = err.message().to_string();
        let list = msg.split("expected one of").nth(1).expect("the message lists the keys");
        let mut keys: Vec<String> = list.split(',').map(|k| k.trim().trim_matches('`').to_string()).collect();
        keys.sort();
        keys
    }

    fn names(specs: &[Spec]) -> Vec<String> {
        let mut n: Vec<String> = specs.iter().map(|s| s.name.to_string()).collect();
        n.sort();
        n
    }

    #[test]
    fn every_key_of_every_content_kind_has_a_field_in_the_editor() {
        assert_eq!(names(ORGANISATION), keys_of::<RawOrganisation>(), "organisations");
        assert_eq!(names(NETWORK), keys_of::<RawNetwork>(), "networks");
        assert_eq!(names(TABLE), keys_of::<RawTable>(), "partnership tables");
        assert_eq!(names(NOTE), keys_of::<RawNote>(), "meeting notes");
        assert_eq!(names(PAGE), keys_of::<RawPage>(), "pages");
        assert_eq!(names(EVENT), keys_of::<RawEvent>(), "events");
        assert_eq!(names(ADDRESS), keys_of::<crate::load::raw::RawAddress>(), "address");
        assert_eq!(names(CONTACT), keys_of::<crate::load::raw::RawContact>(), "contact");
    }
}

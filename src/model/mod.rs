//! Model: typed, validated entities made from the `Raw*` values of `load`.
//!
//! Every reference is resolved here (theme ids, municipalities, regions, network and
//! organisation slugs become indices), and every value is checked, so later stages
//! work with types that cannot hold an invalid value. Problems are diagnostics with
//! the span of the offending value; a file with errors still yields what could be
//! made of it, so that one run reports everything.

pub mod base_url;
pub mod body;
pub mod business_id;
pub mod config;
pub mod editing;
pub mod ids;
pub mod municipalities;
mod resolve;
pub mod slug;
pub mod translations;
pub mod values;

use std::ops::Range;

use jiff::civil::Date;

use crate::load::Source;
pub use base_url::BaseUrl;
pub use config::{Language, Paths, SiteConfig};
pub use ids::{MunicipalityId, RegionId};
pub use municipalities::{Municipalities, Municipality, Region};
pub use resolve::{Options, resolve};

pub use ids::{EventId, NetworkId, OrganisationId, TableId, ThemeId};

/// A whole site, ready to be indexed and rendered.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: SiteConfig,
    pub themes: Vec<Theme>,
    pub municipalities: Municipalities,
    pub organisations: Vec<Organisation>,
    pub networks: Vec<Network>,
    pub tables: Vec<PartnershipTable>,
    pub pages: Vec<Page>,
    /// Events in the order of their start, then their slug.
    pub events: Vec<Event>,
    /// The day of the build: what is upcoming and what is past is decided from it.
    pub today: Date,
    /// Translations of the content files into the site's other languages.
    pub translations: translations::Translations,
    /// In a site made for another language ([`Site::in_language`]): the content
    /// files whose text is shown as written, in the first language.
    pub untranslated: std::collections::HashSet<String>,
}

/// A topic theme (teema) from `content/themes.toml`.
#[derive(Debug, Clone)]
pub struct Theme {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// `name_sv`, `description_sv`, ... of themes.toml: the name and description in
    /// another language, where given.
    pub translated: std::collections::BTreeMap<Language, (Option<String>, Option<String>)>,
}

/// Markdown of an entity: the file it came from and where the body is in it.
/// Made anew, not changed in place: its plain text is kept beside it.
#[derive(Debug, Clone)]
pub struct Body {
    pub source: Source,
    pub range: Range<usize>,
    /// The plain text ([`body::plain_text`]), shared with the entry it was read from,
    /// whose check of the text makes it on the way ([`body::check`]).
    text: std::sync::Arc<std::sync::OnceLock<String>>,
}

impl Body {
    pub fn new(source: Source, range: Range<usize>) -> Body {
        Body { source, range, text: Default::default() }
    }

    /// The body of `entry`, with the plain text its check made.
    pub fn of<R>(entry: &crate::load::Entry<R>) -> Body {
        Body { source: entry.source.clone(), range: entry.body.clone(), text: std::sync::Arc::clone(&entry.text) }
    }

    pub fn markdown(&self) -> &str {
        &self.source.text[self.range.clone()]
    }

    /// The text as plain text ([`body::plain_text`]), made once.
    pub fn text(&self) -> &str {
        self.text.get_or_init(|| body::plain_text(self.markdown()))
    }
}

macro_rules! kinds {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),* $(,)? } default $default:ident, label $prefix:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),* }
        impl Default for $name {
            fn default() -> Self { $name::$default }
        }
        impl $name {
            /// Every value as written in front matter.
            pub const NAMES: &'static [&'static str] = &[$($text),*];
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)* }
            }
            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|k| k.as_str() == s)
            }
            /// The key of its name in the theme's interface texts (`i18n/<lang>.toml`).
            pub fn label_key(self) -> &'static str {
                match self { $($name::$variant => concat!($prefix, $text),)* }
            }
        }
    };
}

kinds! {
    /// What kind of body an organisation is.
    OrganisationKind { Association = "association", Federation = "federation", Foundation = "foundation", Cooperative = "cooperative", Informal = "informal", Other = "other" } default Association, label "kind_"
}
kinds! {
    /// What an organisation is looking for.
    Seeking { Volunteers = "volunteers", Members = "members", Partners = "partners" } default Volunteers, label "seeking_"
}
kinds! {
    /// What kind of network.
    NetworkKind { RegionalFederation = "regional-federation", ThemeGroup = "theme-group", LocalNetwork = "local-network", Other = "other" } default Other, label "network_"
}
kinds! {
    /// What kind of meeting note.
    NoteKind { Minutes = "minutes", Agenda = "agenda", Summary = "summary", Announcement = "announcement" } default Minutes, label "note_"
}

#[derive(Debug, Clone, Default)]
pub struct Address {
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
}

/// A named contact person (yhteyshenkilö).
#[derive(Debug, Clone, Default)]
pub struct Contact {
    pub name: Option<String>,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Logo {
    pub path: String,
    pub alt: String,
}

/// Where an entity acts: municipalities, whole regions, or the whole country.
#[derive(Debug, Clone, Default)]
pub struct Area {
    pub municipalities: Vec<MunicipalityId>,
    pub regions: Vec<RegionId>,
    pub nationwide: bool,
}

/// Fields not marked `#[serde(skip)]` reach the organisation page's template as
/// they are, as `org.<field>`: a plain field added here is shown by adding it to
/// the template; the others are made into links, dates and lists by the page.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Organisation {
    #[serde(skip)]
    pub slug: String,
    #[serde(skip)]
    pub name: String,
    pub short_name: Option<String>,
    /// One line for cards and previews, as written (`None` when not given).
    pub summary: Option<String>,
    /// The line that cards show: `summary`, or else the first sentence of the text.
    #[serde(skip)]
    pub lead: String,
    /// What it is looking for, in the order of [`Seeking::ALL`].
    #[serde(skip)]
    pub seeking: Vec<Seeking>,
    #[serde(skip)]
    pub kind: OrganisationKind,
    pub business_id: Option<String>,
    pub register_number: Option<String>,
    pub founded: Option<i32>,
    #[serde(skip)]
    pub themes: Vec<ThemeId>,
    #[serde(skip)]
    pub area: Area,
    #[serde(skip)]
    pub networks: Vec<NetworkId>,
    pub activities: Vec<String>,
    #[serde(skip)]
    pub languages: Vec<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    #[serde(skip)]
    pub logo: Option<Logo>,
    #[serde(skip)]
    pub updated: Option<Date>,
    #[serde(skip)]
    pub draft: bool,
    #[serde(skip)]
    pub address: Option<Address>,
    #[serde(skip)]
    pub contact: Option<Contact>,
    #[serde(skip)]
    pub body: Body,
}

#[derive(Debug, Clone)]
pub struct Network {
    pub slug: String,
    pub name: String,
    pub kind: NetworkKind,
    pub coordinator: Option<OrganisationId>,
    pub members: Vec<OrganisationId>,
    pub themes: Vec<ThemeId>,
    pub area: Area,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub updated: Option<Date>,
    pub draft: bool,
    pub contact: Option<Contact>,
    pub body: Body,
}

/// Who convenes a partnership table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Convener {
    Organisation(OrganisationId),
    Network(NetworkId),
}

/// A partnership table (kumppanuuspöytä) with its meeting notes, newest first.
#[derive(Debug, Clone)]
pub struct PartnershipTable {
    pub slug: String,
    pub name: String,
    pub convener: Option<Convener>,
    pub public_partners: Vec<String>,
    pub members: Vec<OrganisationId>,
    pub themes: Vec<ThemeId>,
    pub area: Area,
    pub founded: Option<Date>,
    pub meets: Option<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub updated: Option<Date>,
    pub draft: bool,
    pub contact: Option<Contact>,
    pub notes: Vec<MeetingNote>,
    pub body: Body,
}

#[derive(Debug, Clone)]
pub struct MeetingNote {
    pub slug: String,
    pub title: String,
    pub date: Date,
    pub kind: NoteKind,
    pub attendees: Vec<OrganisationId>,
    pub other_attendees: Vec<String>,
    pub decisions: Vec<String>,
    pub next_meeting: Option<Date>,
    pub themes: Vec<ThemeId>,
    pub draft: bool,
    pub body: Body,
}

/// A free page (about, how to join).
#[derive(Debug, Clone)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub menu: bool,
    pub weight: i64,
    pub draft: bool,
    pub body: Body,
}

/// When an event starts or ends: a local time in Finland (Europe/Helsinki), or a
/// whole day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventTime {
    At(jiff::civil::DateTime),
    AllDay(Date),
}

impl EventTime {
    pub fn date(self) -> Date {
        match self {
            EventTime::At(t) => t.date(),
            EventTime::AllDay(d) => d,
        }
    }

    /// The first moment it stands for (the start of the day for a whole day).
    pub fn earliest(self) -> jiff::civil::DateTime {
        match self {
            EventTime::At(t) => t,
            EventTime::AllDay(d) => d.to_datetime(jiff::civil::Time::midnight()),
        }
    }
}

/// Who organises an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Organiser {
    Organisation(OrganisationId),
    Network(NetworkId),
}

/// An event (tapahtuma): a training, a seminar, a market, an open house.
#[derive(Debug, Clone)]
pub struct Event {
    pub slug: String,
    pub title: String,
    pub start: EventTime,
    /// Not before `start`; of the same kind (a time, or a whole day).
    pub end: Option<EventTime>,
    pub organisers: Vec<Organiser>,
    pub organiser_text: Option<String>,
    pub themes: Vec<ThemeId>,
    pub municipality: Option<MunicipalityId>,
    pub online: bool,
    pub place: Option<String>,
    pub registration: Option<String>,
    pub price: Option<String>,
    pub languages: Vec<String>,
    pub accessibility: Option<String>,
    pub table: Option<TableId>,
    pub draft: bool,
    pub body: Body,
}

impl Event {
    /// The last day it takes place on.
    pub fn last_day(&self) -> Date {
        self.end.unwrap_or(self.start).date()
    }
}

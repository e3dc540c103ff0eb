//! The records of areena's own open data format: what one organisation, network,
//! partnership table, meeting note and event becomes in `data/*.json` and in
//! `data/organisations.csv`. The doc comments of the fields are the descriptions
//! of the published schemas.

use std::io::Write;

use schemars::JsonSchema;
use serde::Serialize;

use super::{Dataset, License, license, output_error, schema_of, to_json_into};
use crate::diagnostics::Diagnostic;
use crate::model::{Area, Contact, Convener, EventTime, Organiser};
use crate::render::Renderer;

/// A place where the organisation can be visited or reached by post.
#[derive(Serialize, JsonSchema)]
pub(super) struct AddressRecord<'a> {
    street: Option<&'a str>,
    postal_code: Option<&'a str>,
    city: Option<&'a str>,
}

/// The named contact person (yhteyshenkilö). Left out (`null`) everywhere when the
/// site sets `[privacy] contact_persons = false`.
#[derive(Serialize, JsonSchema)]
pub(super) struct ContactRecord<'a> {
    name: Option<&'a str>,
    /// Their role (`puheenjohtaja`).
    role: Option<&'a str>,
    email: Option<&'a str>,
    phone: Option<&'a str>,
}

/// Where an entity acts.
#[derive(Serialize, JsonSchema)]
pub(super) struct AreaRecord<'a> {
    /// Municipalities by their official name, A–Ö.
    municipalities: Vec<&'a str>,
    /// The three-digit codes of the same municipalities, in the same order.
    municipality_codes: Vec<&'a str>,
    /// Whole regions (maakunnat) by name: it acts in all their municipalities.
    regions: Vec<&'a str>,
    /// It acts in the whole country.
    nationwide: bool,
}

/// One organisation.
#[derive(Serialize, JsonSchema)]
pub(super) struct OrganisationRecord<'a> {
    /// Its identifier in this directory, and the last part of its page's address.
    slug: &'a str,
    name: &'a str,
    short_name: Option<&'a str>,
    /// Its one line, as written (`null` when it has none).
    summary: Option<&'a str>,
    /// `association`, `federation`, `foundation`, `cooperative`, `informal` or `other`.
    kind: &'static str,
    /// Y-tunnus, the Finnish Business ID (`1234567-1`), check digit verified.
    business_id: Option<&'a str>,
    /// Its older number in the register of associations.
    register_number: Option<&'a str>,
    /// The year it was founded.
    founded: Option<i32>,
    /// Theme identifiers (see the `id` of the themes on the site).
    themes: Vec<&'a str>,
    #[serde(flatten)]
    area: AreaRecord<'a>,
    /// Slugs of the networks it belongs to (as it says, or as the network says).
    networks: Vec<&'a str>,
    /// Slugs of the partnership tables it sits at.
    tables: Vec<&'a str>,
    /// Languages its activities are offered in (ISO 639-1 codes).
    languages: Vec<&'a str>,
    /// What it does, one activity per item, as written.
    activities: Vec<&'a str>,
    /// What it is looking for: `volunteers`, `members`, `partners`.
    seeking: Vec<&'static str>,
    website: Option<&'a str>,
    email: Option<&'a str>,
    phone: Option<&'a str>,
    address: Option<AddressRecord<'a>>,
    contact: Option<ContactRecord<'a>>,
    /// The full address of its logo picture.
    logo: Option<String>,
    /// When the entry was last checked (`YYYY-MM-DD`).
    updated: Option<String>,
    /// The full address of its page.
    url: String,
    /// Its text as plain text, paragraphs on lines of their own.
    description: String,
}

/// One network (verkosto, teemaryhmä).
#[derive(Serialize, JsonSchema)]
pub(super) struct NetworkRecord<'a> {
    slug: &'a str,
    name: &'a str,
    /// `regional-federation`, `theme-group`, `local-network` or `other`.
    kind: &'static str,
    /// The slug of the organisation that coordinates it.
    coordinator: Option<&'a str>,
    /// Slugs of its member organisations, A–Ö.
    members: Vec<&'a str>,
    themes: Vec<&'a str>,
    #[serde(flatten)]
    area: AreaRecord<'a>,
    website: Option<&'a str>,
    email: Option<&'a str>,
    phone: Option<&'a str>,
    contact: Option<ContactRecord<'a>>,
    updated: Option<String>,
    url: String,
    description: String,
}

/// Who convenes a partnership table.
#[derive(Serialize, JsonSchema)]
pub(super) struct ConvenerRecord<'a> {
    /// `organisation` or `network`.
    kind: &'static str,
    slug: &'a str,
}

/// One meeting note of a partnership table.
#[derive(Serialize, JsonSchema)]
pub(super) struct NoteRecord<'a> {
    slug: &'a str,
    title: &'a str,
    /// The day of the meeting (`YYYY-MM-DD`).
    date: String,
    /// `minutes`, `agenda`, `summary` or `announcement`.
    kind: &'static str,
    /// Slugs of the organisations that attended.
    attendees: Vec<&'a str>,
    /// Other attendees, as written.
    other_attendees: Vec<&'a str>,
    /// The decisions, one per item, as written.
    decisions: Vec<&'a str>,
    next_meeting: Option<String>,
    /// Themes of the note besides the table's own.
    themes: Vec<&'a str>,
    /// The full address of the note's page (its link).
    url: String,
    /// The note as plain text.
    text: String,
}

/// One partnership table (kumppanuuspöytä) with its meeting notes, newest first.
#[derive(Serialize, JsonSchema)]
pub(super) struct TableRecord<'a> {
    slug: &'a str,
    name: &'a str,
    convener: Option<ConvenerRecord<'a>>,
    /// The public bodies at the table, as written.
    public_partners: Vec<&'a str>,
    /// Slugs of the member organisations, A–Ö.
    members: Vec<&'a str>,
    themes: Vec<&'a str>,
    #[serde(flatten)]
    area: AreaRecord<'a>,
    founded: Option<String>,
    /// How often it meets, as written.
    meets: Option<&'a str>,
    website: Option<&'a str>,
    email: Option<&'a str>,
    contact: Option<ContactRecord<'a>>,
    updated: Option<String>,
    url: String,
    description: String,
    notes: Vec<NoteRecord<'a>>,
}

/// An organiser of an event.
#[derive(Serialize, JsonSchema)]
pub(super) struct OrganiserRecord<'a> {
    /// `organisation` or `network`.
    kind: &'static str,
    slug: &'a str,
}

/// One event (tapahtuma), past or upcoming.
#[derive(Serialize, JsonSchema)]
pub(super) struct EventRecord<'a> {
    slug: &'a str,
    title: &'a str,
    /// Local time in Finland (Europe/Helsinki), `YYYY-MM-DDTHH:MM:SS`, or a day
    /// (`YYYY-MM-DD`) for an all-day event.
    start: String,
    /// Like `start`.
    end: Option<String>,
    /// Whether it lasts whole days (`start` and `end` are then days).
    all_day: bool,
    organisers: Vec<OrganiserRecord<'a>>,
    /// Other organisers, as written.
    organiser_text: Option<&'a str>,
    themes: Vec<&'a str>,
    /// Where it happens (`null` for an online event).
    municipality: Option<&'a str>,
    municipality_code: Option<&'a str>,
    online: bool,
    place: Option<&'a str>,
    /// Where to sign up.
    registration: Option<&'a str>,
    price: Option<&'a str>,
    languages: Vec<&'a str>,
    accessibility: Option<&'a str>,
    /// The slug of the partnership table it belongs to.
    table: Option<&'a str>,
    url: String,
    description: String,
}

macro_rules! data_file {
    ($(#[$doc:meta])* $name:ident, $field:ident, $record:ident) => {
        $(#[$doc])*
        #[derive(Serialize, JsonSchema)]
        pub(super) struct $name<'a> {
            license: License<'a>,
            /// The address of the site the data comes from.
            source: String,
            $field: Vec<$record<'a>>,
        }
    };
}

data_file!(
    /// The organisations of the directory, A–Ö. Drafts are not included.
    OrganisationsFile, organisations, OrganisationRecord
);
data_file!(
    /// The networks of the directory, A–Ö.
    NetworksFile, networks, NetworkRecord
);
data_file!(
    /// The partnership tables of the directory, A–Ö, each with its meeting notes.
    TablesFile, tables, TableRecord
);
data_file!(
    /// The events of the directory, past and upcoming, in the order of their start.
    EventsFile, events, EventRecord
);

/// The schema of a dataset's JSON file.
pub(super) fn schema(d: Dataset, id: String) -> serde_json::Value {
    let title = format!("{}.json", d.name());
    match d {
        Dataset::Organisations => schema_of::<OrganisationsFile<'_>>(&title, Some(id)),
        Dataset::Networks => schema_of::<NetworksFile<'_>>(&title, Some(id)),
        Dataset::Tables => schema_of::<TablesFile<'_>>(&title, Some(id)),
        Dataset::Events => schema_of::<EventsFile<'_>>(&title, Some(id)),
    }
}

/// A dataset's JSON file.
pub(super) fn json(r: &Renderer<'_>, d: Dataset, file: &str, out: &mut dyn Write) -> Result<(), Diagnostic> {
    let (license, source) = (license(r), r.routes.absolute(&r.routes.home()));
    match d {
        Dataset::Organisations => {
            to_json_into(file, &OrganisationsFile { license, source, organisations: organisations(r) }, out)
        }
        Dataset::Networks => to_json_into(file, &NetworksFile { license, source, networks: networks(r) }, out),
        Dataset::Tables => to_json_into(file, &TablesFile { license, source, tables: tables(r) }, out),
        Dataset::Events => to_json_into(file, &EventsFile { license, source, events: events(r) }, out),
    }
}

fn area<'a>(r: &Renderer<'a>, a: &'a Area) -> AreaRecord<'a> {
    let m = &r.site.municipalities;
    let munis = r.index.places(a).municipalities;
    AreaRecord {
        municipalities: munis.iter().map(|&i| m.list[i].name.as_str()).collect(),
        municipality_codes: munis.iter().map(|&i| m.list[i].code.as_str()).collect(),
        regions: a.regions.iter().map(|&i| m.regions[i].name.as_str()).collect(),
        nationwide: a.nationwide,
    }
}

/// The contact person, unless the site keeps them out of its output.
fn contact<'a>(r: &Renderer<'a>, c: &'a Option<Contact>) -> Option<ContactRecord<'a>> {
    if !r.site.config.contact_persons {
        return None;
    }
    c.as_ref().map(|c| ContactRecord {
        name: c.name.as_deref(),
        role: c.role.as_deref(),
        email: c.email.as_deref(),
        phone: c.phone.as_deref(),
    })
}

fn themes<'a>(r: &Renderer<'a>, ids: &[crate::model::ThemeId]) -> Vec<&'a str> {
    ids.iter().map(|&t| r.site.themes[t].id.as_str()).collect()
}

fn organisations<'a>(r: &Renderer<'a>) -> Vec<OrganisationRecord<'a>> {
    let site = r.site;
    r.index
        .order
        .iter()
        .map(|&o| {
            let org = &site.organisations[o];
            OrganisationRecord {
                slug: &org.slug,
                name: &org.name,
                short_name: org.short_name.as_deref(),
                summary: org.summary.as_deref(),
                kind: org.kind.as_str(),
                business_id: org.business_id.as_deref(),
                register_number: org.register_number.as_deref(),
                founded: org.founded,
                themes: themes(r, &org.themes),
                area: area(r, &org.area),
                networks: r.index.org_networks[o].iter().map(|&n| site.networks[n].slug.as_str()).collect(),
                tables: r.index.org_tables[o].iter().map(|&t| site.tables[t].slug.as_str()).collect(),
                languages: org.languages.iter().map(String::as_str).collect(),
                activities: org.activities.iter().map(String::as_str).collect(),
                seeking: org.seeking.iter().map(|k| k.as_str()).collect(),
                website: org.website.as_deref(),
                email: org.email.as_deref(),
                phone: org.phone.as_deref(),
                address: org.address.as_ref().map(|a| AddressRecord {
                    street: a.street.as_deref(),
                    postal_code: a.postal_code.as_deref(),
                    city: a.city.as_deref(),
                }),
                contact: contact(r, &org.contact),
                logo: org.logo.as_ref().map(|l| r.routes.absolute(&r.routes.file(&l.path))),
                updated: org.updated.map(|d| d.to_string()),
                url: r.routes.absolute(&r.routes.organisation(&org.slug)),
                description: r.organisation_text(o).to_string(),
            }
        })
        .collect()
}

fn networks<'a>(r: &Renderer<'a>) -> Vec<NetworkRecord<'a>> {
    let site = r.site;
    r.index
        .network_order
        .iter()
        .map(|&n| {
            let net = &site.networks[n];
            NetworkRecord {
                slug: &net.slug,
                name: &net.name,
                kind: net.kind.as_str(),
                coordinator: net.coordinator.map(|o| site.organisations[o].slug.as_str()),
                members: r.index.network_members[n].iter().map(|&o| site.organisations[o].slug.as_str()).collect(),
                themes: themes(r, &net.themes),
                area: area(r, &net.area),
                website: net.website.as_deref(),
                email: net.email.as_deref(),
                phone: net.phone.as_deref(),
                contact: contact(r, &net.contact),
                updated: net.updated.map(|d| d.to_string()),
                url: r.routes.absolute(&r.routes.network(&net.slug)),
                description: net.body.text().to_string(),
            }
        })
        .collect()
}

fn tables<'a>(r: &Renderer<'a>) -> Vec<TableRecord<'a>> {
    let site = r.site;
    let slug = |o: &crate::model::OrganisationId| site.organisations[*o].slug.as_str();
    r.index
        .table_order
        .iter()
        .map(|&t| {
            let tb = &site.tables[t];
            let notes = tb
                .notes
                .iter()
                .enumerate()
                .map(|(i, n)| NoteRecord {
                    slug: &n.slug,
                    title: &n.title,
                    date: n.date.to_string(),
                    kind: n.kind.as_str(),
                    attendees: r.index.note_attendees[t.index()][i].iter().map(slug).collect(),
                    other_attendees: n.other_attendees.iter().map(String::as_str).collect(),
                    decisions: n.decisions.iter().map(String::as_str).collect(),
                    next_meeting: n.next_meeting.map(|d| d.to_string()),
                    themes: themes(r, &n.themes),
                    url: r.routes.absolute(&r.routes.note(&tb.slug, &n.slug)),
                    text: n.body.text().to_string(),
                })
                .collect();
            TableRecord {
                slug: &tb.slug,
                name: &tb.name,
                convener: tb.convener.map(|c| match c {
                    Convener::Organisation(o) => ConvenerRecord { kind: "organisation", slug: slug(&o) },
                    Convener::Network(n) => ConvenerRecord { kind: "network", slug: &site.networks[n].slug },
                }),
                public_partners: tb.public_partners.iter().map(String::as_str).collect(),
                members: r.index.table_members[t.index()].iter().map(slug).collect(),
                themes: themes(r, &tb.themes),
                area: area(r, &tb.area),
                founded: tb.founded.map(|d| d.to_string()),
                meets: tb.meets.as_deref(),
                website: tb.website.as_deref(),
                email: tb.email.as_deref(),
                contact: contact(r, &tb.contact),
                updated: tb.updated.map(|d| d.to_string()),
                url: r.routes.absolute(&r.routes.table(&tb.slug)),
                description: tb.body.text().to_string(),
                notes,
            }
        })
        .collect()
}

fn event_time(t: EventTime) -> String {
    match t {
        EventTime::At(t) => t.strftime("%Y-%m-%dT%H:%M:%S").to_string(),
        EventTime::AllDay(d) => d.to_string(),
    }
}

fn events<'a>(r: &Renderer<'a>) -> Vec<EventRecord<'a>> {
    let site = r.site;
    site.events
        .iter()
        .map(|e| EventRecord {
            slug: &e.slug,
            title: &e.title,
            start: event_time(e.start),
            end: e.end.map(event_time),
            all_day: matches!(e.start, EventTime::AllDay(_)),
            organisers: e
                .organisers
                .iter()
                .map(|o| match *o {
                    Organiser::Organisation(o) => {
                        OrganiserRecord { kind: "organisation", slug: &site.organisations[o].slug }
                    }
                    Organiser::Network(n) => OrganiserRecord { kind: "network", slug: &site.networks[n].slug },
                })
                .collect(),
            organiser_text: e.organiser_text.as_deref(),
            themes: themes(r, &e.themes),
            municipality: e.municipality.map(|m| site.municipalities.list[m].name.as_str()),
            municipality_code: e.municipality.map(|m| site.municipalities.list[m].code.as_str()),
            online: e.online,
            place: e.place.as_deref(),
            registration: e.registration.as_deref(),
            price: e.price.as_deref(),
            languages: e.languages.iter().map(String::as_str).collect(),
            accessibility: e.accessibility.as_deref(),
            table: e.table.map(|t| site.tables[t].slug.as_str()),
            url: r.routes.absolute(&r.routes.event(&e.slug)),
            description: e.body.text().to_string(),
        })
        .collect()
}

/// One row of `organisations.csv`: every cell is text. Lists are joined with `, `
/// in one cell (activities, which are free text, with ` | `). A cell that would
/// start a spreadsheet formula (`=`, `+`, `-`, `@`, a tab or a carriage return)
/// starts with `'` instead, unless it is a phone number.
#[derive(Serialize, JsonSchema)]
pub(super) struct CsvRow<'a> {
    /// Its identifier in this directory.
    slug: &'a str,
    name: &'a str,
    short_name: &'a str,
    summary: &'a str,
    /// `association`, `federation`, `foundation`, `cooperative`, `informal` or `other`.
    kind: &'a str,
    /// Y-tunnus.
    business_id: &'a str,
    /// The year it was founded.
    founded: &'a str,
    /// Theme identifiers, `, ` between them.
    themes: &'a str,
    municipalities: &'a str,
    municipality_codes: &'a str,
    regions: &'a str,
    /// `true` or `false`.
    nationwide: &'a str,
    /// Network slugs.
    networks: &'a str,
    /// ISO 639-1 codes.
    languages: &'a str,
    /// Activities, ` | ` between them.
    activities: &'a str,
    /// `volunteers`, `members`, `partners`.
    seeking: &'a str,
    website: &'a str,
    email: &'a str,
    phone: &'a str,
    /// When the entry was last checked (`YYYY-MM-DD`).
    updated: &'a str,
    /// The full address of its page.
    url: &'a str,
    /// Its text as plain text.
    description: &'a str,
    register_number: &'a str,
    /// Slugs of the partnership tables it sits at.
    tables: &'a str,
    address_street: &'a str,
    address_postal_code: &'a str,
    address_city: &'a str,
    /// Empty when the site sets `[privacy] contact_persons = false`; so are the
    /// other `contact_` cells.
    contact_name: &'a str,
    contact_role: &'a str,
    contact_email: &'a str,
    contact_phone: &'a str,
    /// The full address of its logo picture.
    logo: &'a str,
}

impl<'a> CsvRow<'a> {
    /// The cells in the order of [`CSV_COLUMNS`] (which a test holds to the fields).
    fn cells(&self) -> [&'a str; 32] {
        [
            self.slug,
            self.name,
            self.short_name,
            self.summary,
            self.kind,
            self.business_id,
            self.founded,
            self.themes,
            self.municipalities,
            self.municipality_codes,
            self.regions,
            self.nationwide,
            self.networks,
            self.languages,
            self.activities,
            self.seeking,
            self.website,
            self.email,
            self.phone,
            self.updated,
            self.url,
            self.description,
            self.register_number,
            self.tables,
            self.address_street,
            self.address_postal_code,
            self.address_city,
            self.contact_name,
            self.contact_role,
            self.contact_email,
            self.contact_phone,
            self.logo,
        ]
    }
}

/// The CSV's column names, in order: the fields of [`CsvRow`]. The first 22 are
/// those of the first version of the file; later columns are added at the end.
pub(super) const CSV_COLUMNS: [&str; 32] = [
    "slug",
    "name",
    "short_name",
    "summary",
    "kind",
    "business_id",
    "founded",
    "themes",
    "municipalities",
    "municipality_codes",
    "regions",
    "nationwide",
    "networks",
    "languages",
    "activities",
    "seeking",
    "website",
    "email",
    "phone",
    "updated",
    "url",
    "description",
    "register_number",
    "tables",
    "address_street",
    "address_postal_code",
    "address_city",
    "contact_name",
    "contact_role",
    "contact_email",
    "contact_phone",
    "logo",
];

/// The schema of one row of the CSV, with the columns' order under `x-column-order`
/// (JSON Schema itself has no order of properties).
pub(super) fn csv_schema(id: String) -> serde_json::Value {
    let mut schema = schema_of::<CsvRow<'_>>("organisations.csv", Some(id));
    if let Some(obj) = schema.as_object_mut() {
        obj.insert("x-column-order".into(), CSV_COLUMNS.iter().copied().collect());
        obj.insert("x-delimiter".into(), ";".into());
    }
    schema
}

/// The organisations as CSV that opens as columns in a Finnish spreadsheet program:
/// UTF-8 with a byte-order mark, `;` between cells, formulas made text ([`csv_safe`]).
pub(super) fn organisations_csv(r: &Renderer<'_>, file: &str, out: &mut dyn Write) -> Result<(), Diagnostic> {
    out.write_all(b"\xEF\xBB\xBF").map_err(|e| output_error(file, e))?;
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(out);
    w.write_record(CSV_COLUMNS).map_err(|e| output_error(file, e))?;
    for rec in organisations(r) {
        let founded = rec.founded.map(|f| f.to_string()).unwrap_or_default();
        let (a, c) = (rec.address.as_ref(), rec.contact.as_ref());
        let row = CsvRow {
            slug: rec.slug,
            name: rec.name,
            short_name: rec.short_name.unwrap_or(""),
            summary: rec.summary.unwrap_or(""),
            kind: rec.kind,
            business_id: rec.business_id.unwrap_or(""),
            founded: &founded,
            themes: &rec.themes.join(", "),
            municipalities: &rec.area.municipalities.join(", "),
            municipality_codes: &rec.area.municipality_codes.join(", "),
            regions: &rec.area.regions.join(", "),
            nationwide: if rec.area.nationwide { "true" } else { "false" },
            networks: &rec.networks.join(", "),
            languages: &rec.languages.join(", "),
            activities: &rec.activities.join(" | "),
            seeking: &rec.seeking.join(", "),
            website: rec.website.unwrap_or(""),
            email: rec.email.unwrap_or(""),
            phone: rec.phone.unwrap_or(""),
            updated: rec.updated.as_deref().unwrap_or(""),
            url: &rec.url,
            description: &rec.description,
            register_number: rec.register_number.unwrap_or(""),
            tables: &rec.tables.join(", "),
            address_street: a.and_then(|a| a.street).unwrap_or(""),
            address_postal_code: a.and_then(|a| a.postal_code).unwrap_or(""),
            address_city: a.and_then(|a| a.city).unwrap_or(""),
            contact_name: c.and_then(|c| c.name).unwrap_or(""),
            contact_role: c.and_then(|c| c.role).unwrap_or(""),
            contact_email: c.and_then(|c| c.email).unwrap_or(""),
            contact_phone: c.and_then(|c| c.phone).unwrap_or(""),
            logo: rec.logo.as_deref().unwrap_or(""),
        };
        write_safe_record(&mut w, row.cells()).map_err(|e| output_error(file, e))?;
    }
    w.flush().map_err(|e| output_error(file, e))
}

/// Write one record, each cell made [`csv_safe`].
pub fn write_safe_record<'c, W: Write>(
    w: &mut csv::Writer<W>,
    cells: impl IntoIterator<Item = &'c str>,
) -> csv::Result<()> {
    for cell in cells {
        w.write_field(csv_safe(cell).as_bytes())?;
    }
    w.write_record(None::<&[u8]>)
}

/// Drop the characters that pages and feeds drop too, and keep spreadsheet programs
/// from reading a cell as a formula: a cell that starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, unless it
/// is a phone number (an optional `+`, then only digits, spaces, hyphens and
/// parentheses).
pub fn csv_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let cell = match crate::model::values::without_dropped_chars(cell) {
        Some(kept) => Cow::Owned(kept),
        None => Cow::Borrowed(cell),
    };
    let phone = |c: &str| {
        let rest = c.strip_prefix('+').unwrap_or(c);
        rest.chars().any(|ch| ch.is_ascii_digit())
            && rest.chars().all(|ch| ch.is_ascii_digit() || matches!(ch, ' ' | '-' | '(' | ')'))
            && rest.starts_with(|ch: char| ch.is_ascii_digit() || ch == '(')
    };
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !phone(&cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::{CSV_COLUMNS, CsvRow, csv_safe};

    #[test]
    fn a_row_s_cells_are_its_fields_in_the_order_of_the_columns() {
        let names: Vec<String> = CSV_COLUMNS.iter().map(|c| format!("value of {c}")).collect();
        let v = |i: usize| names[i].as_str();
        let row = CsvRow {
            slug: v(0),
            name: v(1),
            short_name: v(2),
            summary: v(3),
            kind: v(4),
            business_id: v(5),
            founded: v(6),
            themes: v(7),
            municipalities: v(8),
            municipality_codes: v(9),
            regions: v(10),
            nationwide: v(11),
            networks: v(12),
            languages: v(13),
            activities: v(14),
            seeking: v(15),
            website: v(16),
            email: v(17),
            phone: v(18),
            updated: v(19),
            url: v(20),
            description: v(21),
            register_number: v(22),
            tables: v(23),
            address_street: v(24),
            address_postal_code: v(25),
            address_city: v(26),
            contact_name: v(27),
            contact_role: v(28),
            contact_email: v(29),
            contact_phone: v(30),
            logo: v(31),
        };
        // Each field, by its serialised name, is the cell under the column of that name.
        let fields = serde_json::to_value(&row).unwrap();
        let fields = fields.as_object().unwrap();
        assert_eq!(fields.len(), CSV_COLUMNS.len());
        for (column, cell) in CSV_COLUMNS.iter().zip(row.cells()) {
            assert_eq!(fields[*column].as_str(), Some(cell), "{column}");
        }
    }

    #[test]
    fn formulas_are_quoted_and_phone_numbers_are_not() {
        for bad in [
            "+358+HYPERLINK(\"http://evil.example/\",\"x\")",
            "=1+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            "+358 40 000 0001=1",
            "+",
            "-",
            "+cmd|' /C calc'!A0",
            "-5-3",
            "+ 358 40",
            "--1",
            "+-1",
        ] {
            assert!(csv_safe(bad).starts_with('\''), "{bad:?}");
        }
        for ok in [
            "+358 40 000 0001",
            "+358-40-000-0001",
            "+358 (0)40 000 0001",
            "+(358) 40 000",
            "040 000 0001",
            "Keuruu",
            "",
        ] {
            assert_eq!(csv_safe(ok), ok, "{ok:?}");
        }
    }

    #[test]
    fn the_csv_columns_are_the_fields_of_a_row() {
        let schema = schemars::schema_for!(super::CsvRow<'_>).to_value();
        let mut fields: Vec<&str> = schema["properties"].as_object().unwrap().keys().map(String::as_str).collect();
        let mut columns = super::CSV_COLUMNS.to_vec();
        fields.sort_unstable();
        columns.sort_unstable();
        assert_eq!(fields, columns);
    }
}

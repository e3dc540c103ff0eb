//! Which field of an organisation each column holds: by its heading, compared
//! without case, accents, spaces and punctuation (`Y-tunnus`, `y tunnus` and
//! `YTUNNUS` are one heading), from the common Finnish, Swedish and English
//! headings, or from a mapping file (`--map`) for any other heading.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::diagnostics::suggest::{did_you_mean, fold, nearest};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, tr};

/// A field of an organisation file that a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Field {
    Name,
    ShortName,
    Kind,
    BusinessId,
    RegisterNumber,
    Founded,
    Themes,
    Municipalities,
    Regions,
    Nationwide,
    Activities,
    Languages,
    Website,
    Email,
    Phone,
    Summary,
    Seeking,
    Description,
    Street,
    PostalCode,
    City,
    ContactName,
    ContactRole,
    ContactEmail,
    ContactPhone,
}

impl Field {
    pub(crate) const ALL: &'static [Field] = &[
        Field::Name,
        Field::ShortName,
        Field::Kind,
        Field::BusinessId,
        Field::RegisterNumber,
        Field::Founded,
        Field::Themes,
        Field::Municipalities,
        Field::Regions,
        Field::Nationwide,
        Field::Activities,
        Field::Languages,
        Field::Website,
        Field::Email,
        Field::Phone,
        Field::Summary,
        Field::Seeking,
        Field::Description,
        Field::Street,
        Field::PostalCode,
        Field::City,
        Field::ContactName,
        Field::ContactRole,
        Field::ContactEmail,
        Field::ContactPhone,
    ];

    /// The field as written in a mapping file: the front matter key
    /// (`address.street`, `contact.email`), or `description` for the Markdown body.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::ShortName => "short_name",
            Field::Kind => "kind",
            Field::BusinessId => "business_id",
            Field::RegisterNumber => "register_number",
            Field::Founded => "founded",
            Field::Themes => "themes",
            Field::Municipalities => "municipalities",
            Field::Regions => "regions",
            Field::Nationwide => "nationwide",
            Field::Activities => "activities",
            Field::Languages => "languages",
            Field::Website => "website",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Summary => "summary",
            Field::Seeking => "seeking",
            Field::Description => "description",
            Field::Street => "address.street",
            Field::PostalCode => "address.postal_code",
            Field::City => "address.city",
            Field::ContactName => "contact.name",
            Field::ContactRole => "contact.role",
            Field::ContactEmail => "contact.email",
            Field::ContactPhone => "contact.phone",
        }
    }

    /// Whether a cell may hold several values (a list field).
    pub(crate) fn is_list(self) -> bool {
        matches!(
            self,
            Field::Themes
                | Field::Municipalities
                | Field::Regions
                | Field::Activities
                | Field::Languages
                | Field::Seeking
        )
    }

    /// The headings known without a mapping file, besides the key itself.
    fn headings(self) -> &'static [&'static str] {
        match self {
            Field::Name => &["nimi", "järjestön nimi", "yhdistyksen nimi", "järjestö", "namn", "name", "organisation"],
            Field::ShortName => &["lyhenne", "lyhyt nimi", "förkortning", "kort namn", "short name", "abbreviation"],
            Field::Kind => &["tyyppi", "järjestötyyppi", "muoto", "typ", "type"],
            Field::BusinessId => &["y-tunnus", "fo-nummer", "business id", "yritys- ja yhteisötunnus"],
            Field::RegisterNumber => {
                &["rekisterinumero", "yhdistysrekisterinumero", "registernummer", "register number"]
            }
            Field::Founded => &["perustettu", "perustamisvuosi", "grundad", "grundår", "year founded"],
            Field::Themes => &["teemat", "teema", "teman", "tema", "theme"],
            Field::Municipalities => &[
                "kotikunta",
                "kunnat",
                "kunta",
                "toimintakunnat",
                "toiminta-alue",
                "kommun",
                "kommuner",
                "hemkommun",
                "municipality",
            ],
            Field::Regions => &["maakunnat", "maakunta", "landskap", "region"],
            Field::Nationwide => &["valtakunnallinen", "riksomfattande"],
            Field::Activities => &["toiminta", "toimintamuodot", "verksamhet", "verksamhetsformer"],
            Field::Languages => &["kielet", "toimintakielet", "kieli", "språk", "language"],
            Field::Website => &[
                "www",
                "verkkosivu",
                "verkkosivut",
                "kotisivu",
                "kotisivut",
                "webbplats",
                "webbsida",
                "hemsida",
                "web site",
                "url",
            ],
            Field::Email => &["sähköposti", "sähköpostiosoite", "e-post", "e-postadress", "e-mail"],
            Field::Phone => &["puhelin", "puhelinnumero", "puh", "telefon", "telefonnummer", "telephone"],
            Field::Summary => &["tiivistelmä", "sammanfattning"],
            Field::Seeking => &["etsii", "haemme", "söker"],
            Field::Description => &["kuvaus", "esittely", "beskrivning", "presentation"],
            Field::Street => &["katuosoite", "lähiosoite", "osoite", "gatuadress", "adress", "street", "address"],
            Field::PostalCode => &["postinumero", "postnummer", "postal code", "postcode", "zip"],
            Field::City => &["postitoimipaikka", "toimipaikka", "postort", "city"],
            Field::ContactName => &["yhteyshenkilö", "kontaktperson", "contact person", "contact"],
            Field::ContactRole => {
                &["yhteyshenkilön tehtävä", "yhteyshenkilön rooli", "kontaktpersonens roll", "contact role"]
            }
            Field::ContactEmail => {
                &["yhteyshenkilön sähköposti", "kontaktpersonens e-post", "contact email", "contact e-mail"]
            }
            Field::ContactPhone => &["yhteyshenkilön puhelin", "kontaktpersonens telefon", "contact phone"],
        }
    }

    /// A field by its key as a mapping file writes it.
    pub(crate) fn by_key(key: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.key() == key.trim())
    }
}

/// A heading as compared: ASCII letters and digits only, lowercase.
fn heading_key(s: &str) -> String {
    fold(s).chars().filter(char::is_ascii_alphanumeric).collect()
}

/// What the mapping file says of a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mapped {
    Field(Field),
    /// `"-"`: the column is left out, without a warning.
    Ignore,
}

/// A mapping file (`--map`), read: heading key → what it maps to.
#[derive(Debug, Default)]
pub(crate) struct Mapping {
    headings: BTreeMap<String, Mapped>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMapping {
    #[serde(default)]
    columns: BTreeMap<String, toml::Spanned<String>>,
}

impl Mapping {
    /// Read `text` of the mapping file shown as `file`; problems go to `diags`.
    pub(crate) fn parse(file: &str, text: &str, diags: &mut Diagnostics) -> Mapping {
        diags.add_source(file, Arc::from(text));
        let raw: RawMapping = match toml::from_str(text) {
            Ok(r) => r,
            Err(e) => {
                let reason = e.message().to_string();
                diags.push(
                    Diagnostic::error(
                        Code::TomlSyntax,
                        file,
                        e.span(),
                        tr!(
                            en: "the mapping file cannot be read: {reason}",
                            fi: "sarakkeiden määrittelytiedostoa ei voi lukea: {reason}",
                            sv: "filen som anger kolumnerna kan inte läsas: {reason}"
                        ),
                    )
                    .with_help(tr!(
                        en: "write one line per heading under `[columns]`, e.g. `\"Jäsenyhdistys\" = \"name\"`",
                        fi: "kirjoita `[columns]`-otsikon alle rivi kustakin sarakeotsikosta, esim. `\"Jäsenyhdistys\" = \"name\"`",
                        sv: "skriv en rad per kolumnrubrik under `[columns]`, t.ex. `\"Jäsenyhdistys\" = \"name\"`"
                    )),
                );
                return Mapping::default();
            }
        };
        let mut headings = BTreeMap::new();
        for (heading, field) in raw.columns {
            let mapped = match field.get_ref().trim() {
                "-" | "" => Mapped::Ignore,
                key => match Field::by_key(key) {
                    Some(f) => Mapped::Field(f),
                    None => {
                        let keys = Field::ALL.iter().map(|f| f.key());
                        let help = did_you_mean(&nearest(key, keys, 3)).unwrap_or_else(|| {
                            let all = Field::ALL.iter().map(|f| f.key()).collect::<Vec<_>>().join(", ");
                            tr!(
                                en: "use one of: {all}, or \"-\" to leave the column out",
                                fi: "käytä jotakin näistä: {all}, tai \"-\", jos sarake jätetään pois",
                                sv: "använd något av: {all}, eller \"-\" för att lämna bort kolumnen"
                            )
                        });
                        diags.push(
                            Diagnostic::error(
                                Code::UnknownKey,
                                file,
                                Some(field.span()),
                                tr!(
                                    en: "an organisation has no field `{key}`",
                                    fi: "järjestön tiedoissa ei ole kenttää `{key}`",
                                    sv: "en organisation har inget fält `{key}`"
                                ),
                            )
                            .with_help(help),
                        );
                        continue;
                    }
                },
            };
            headings.insert(heading_key(&heading), mapped);
        }
        Mapping { headings }
    }
}

/// The field of each column (`None`: left out).
pub(crate) type Plan = Vec<Option<Field>>;

/// What a heading maps to: the mapping file first, then the known headings.
fn known(heading: &str, mapping: &Mapping) -> Option<Mapped> {
    let key = heading_key(heading);
    if let Some(m) = mapping.headings.get(&key) {
        return Some(*m);
    }
    Field::ALL
        .iter()
        .copied()
        .find(|f| heading_key(f.key()) == key || f.headings().iter().any(|h| heading_key(h) == key))
        .map(Mapped::Field)
}

/// The field of each column of the heading row; an unknown heading, or a second
/// column for a field that holds one value, is a warning and the column is left out.
pub(crate) fn plan(
    file: &str,
    headings: &crate::import::table::Row,
    mapping: &Mapping,
    diags: &mut Diagnostics,
) -> Plan {
    let mut plan: Plan = Vec::new();
    for (i, cell) in headings.cells.iter().enumerate() {
        let heading = cell.text.trim();
        let at = |msg, help| {
            Diagnostic::warning(Code::UnknownColumn, file, Some(cell.span.clone()), msg)
                .with_help(help)
                .in_cell(headings.number, i + 1)
        };
        match known(heading, mapping) {
            Some(Mapped::Ignore) => plan.push(None),
            None if heading.is_empty() => plan.push(None),
            None => {
                let names: Vec<&str> =
                    Field::ALL.iter().flat_map(|f| f.headings().iter().copied().chain([f.key()])).collect();
                let near = nearest(heading, names.iter().copied(), 1);
                let mapping_help = tr!(
                    en: "to import it, name its field in a mapping file (`--map`): `\"{heading}\" = \"…\"` under `[columns]`",
                    fi: "jos haluat tuoda sen, kerro sen kenttä määrittelytiedostossa (`--map`): `\"{heading}\" = \"…\"` otsikon `[columns]` alla",
                    sv: "vill du importera den, ange dess fält i en fil med kolumner (`--map`): `\"{heading}\" = \"…\"` under `[columns]`"
                );
                let help = match did_you_mean(&near) {
                    Some(d) => tr!(en: "{d} Or {m}", fi: "{d} Tai {m}", sv: "{d} Eller {m}", d = d, m = mapping_help),
                    None => mapping_help,
                };
                diags.push(at(
                    tr!(
                        en: "areena does not know the heading `{heading}`: the column is left out",
                        fi: "areena ei tunne sarakeotsikkoa `{heading}`: sarake jätetään pois",
                        sv: "areena känner inte kolumnrubriken `{heading}`: kolumnen lämnas bort"
                    ),
                    help,
                ));
                plan.push(None);
            }
            Some(Mapped::Field(f)) => {
                if !f.is_list()
                    && let Some(first) = plan.iter().position(|p| *p == Some(f))
                {
                    let key = f.key();
                    let letters = crate::diagnostics::Cell { row: 1, column: first + 1 }.letters();
                    diags.push(at(
                        tr!(
                            en: "column {letters} holds `{key}` already: this column is left out",
                            fi: "sarakkeessa {letters} on jo `{key}`: tämä sarake jätetään pois",
                            sv: "kolumn {letters} har redan `{key}`: den här kolumnen lämnas bort"
                        ),
                        tr!(
                            en: "remove one of the two columns, or map this heading to another field (`--map`)",
                            fi: "poista toinen sarakkeista tai määritä tälle otsikolle toinen kenttä (`--map`)",
                            sv: "ta bort en av de två kolumnerna, eller ange ett annat fält för rubriken (`--map`)"
                        ),
                    ));
                    plan.push(None);
                } else {
                    plan.push(Some(f));
                }
            }
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_in_three_languages_without_case_or_accents() {
        let m = Mapping::default();
        let cases = [
            ("Nimi", Field::Name),
            ("namn", Field::Name),
            ("Y-tunnus", Field::BusinessId),
            ("YTUNNUS", Field::BusinessId),
            ("FO-nummer", Field::BusinessId),
            ("Business ID", Field::BusinessId),
            ("Kotikunta", Field::Municipalities),
            ("Kommun", Field::Municipalities),
            ("teemat", Field::Themes),
            ("Sahkoposti", Field::Email),
            ("E-post", Field::Email),
            ("Verkkosivu", Field::Website),
            ("Webbplats", Field::Website),
            ("Kuvaus", Field::Description),
            ("Lyhenne", Field::ShortName),
            ("short_name", Field::ShortName),
            ("Toiminta", Field::Activities),
            ("contact.email", Field::ContactEmail),
        ];
        for (heading, want) in cases {
            assert_eq!(known(heading, &m), Some(Mapped::Field(want)), "{heading}");
        }
        assert_eq!(known("Jäsenmaksu", &m), None);
    }

    #[test]
    fn a_mapping_file_names_other_headings() {
        let mut diags = Diagnostics::new();
        let text = "[columns]\n\"Jäsenyhdistys\" = \"name\"\n\"Sisäinen nro\" = \"-\"\n\"Alue\" = \"municipality\"\n";
        let m = Mapping::parse("map.toml", text, &mut diags);
        assert_eq!(known("jasenyhdistys", &m), Some(Mapped::Field(Field::Name)));
        assert_eq!(known("Sisäinen NRO", &m), Some(Mapped::Ignore));
        assert_eq!(known("Alue", &m), None);
        let d = &diags.items()[0];
        assert_eq!((d.code, d.help.as_ref().unwrap().en()), (Code::UnknownKey, "did you mean `municipalities`?"));
    }
}

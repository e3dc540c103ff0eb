//! The directory in the Open Referral Human Services Data Specification (HSDS),
//! version 3.0: `data/hsds/organizations.json`, `services.json` and
//! `taxonomy_terms.json` (each an array of the specification's objects), and
//! `dataset.json`, which says what they are, their licence and their source.
//!
//! Every id is a UUID version 5 made from a name such as `organisation/<slug>`
//! under a namespace made from the site's `base_url`, so the ids stay the same from
//! one build to the next and differ between two directories. The mapping field by
//! field is in docs/open-data.md.

use std::io::Write;

use serde::Serialize;
use uuid::Uuid;

use super::{License, license, to_json_into};
use crate::diagnostics::Diagnostic;
use crate::model::{Area, Organisation, OrganisationId, ThemeId};
use crate::render::Renderer;

/// The version of the specification the files follow.
pub const VERSION: &str = "3.0";

/// One file under `data/hsds/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HsdsFile {
    Organizations,
    Services,
    TaxonomyTerms,
    Dataset,
}

impl HsdsFile {
    pub const ALL: [HsdsFile; 4] =
        [HsdsFile::Organizations, HsdsFile::Services, HsdsFile::TaxonomyTerms, HsdsFile::Dataset];

    pub fn name(self) -> &'static str {
        match self {
            HsdsFile::Organizations => "organizations.json",
            HsdsFile::Services => "services.json",
            HsdsFile::TaxonomyTerms => "taxonomy_terms.json",
            HsdsFile::Dataset => "dataset.json",
        }
    }
}

pub(super) fn write(r: &Renderer<'_>, file: HsdsFile, path: &str, out: &mut dyn Write) -> Result<(), Diagnostic> {
    let ids = Ids::new(r);
    match file {
        HsdsFile::Organizations => to_json_into(path, &Each(|| organizations(r, &ids)), out),
        HsdsFile::Services => to_json_into(path, &Each(|| services(r, &ids)), out),
        HsdsFile::TaxonomyTerms => to_json_into(path, &taxonomy_terms(r, &ids), out),
        HsdsFile::Dataset => to_json_into(path, &dataset(r), out),
    }
}

/// The stable ids of one site.
pub(crate) struct Ids {
    namespace: Uuid,
    /// The ids of taxonomy terms made so far (a few hundred terms, each named by
    /// thousands of services).
    terms: std::cell::RefCell<std::collections::HashMap<String, String>>,
}

impl Ids {
    pub(crate) fn new(r: &Renderer<'_>) -> Ids {
        let base = r.routes.absolute(&r.routes.home());
        Ids { namespace: v5(&Uuid::NAMESPACE_URL, &[&base]), terms: Default::default() }
    }

    /// The id of the thing called `name` (`organisation/keuruun-omaishoitajat`).
    pub(crate) fn of(&self, name: &str) -> String {
        self.of_parts(&[name])
    }

    /// [`Self::of`] the name that is `parts` one after another, without making it
    /// (`["organisation/", slug]`): the hash reads the parts in turn.
    pub(crate) fn of_parts(&self, parts: &[&str]) -> String {
        let mut buf = [0u8; uuid::fmt::Hyphenated::LENGTH];
        v5(&self.namespace, parts).hyphenated().encode_lower(&mut buf).to_owned()
    }

    /// [`Self::of`] a taxonomy term (`theme/omaishoito`), made once.
    fn term(&self, name: &str) -> String {
        if let Some(id) = self.terms.borrow().get(name) {
            return id.clone();
        }
        let id = self.of(name);
        self.terms.borrow_mut().insert(name.to_string(), id.clone());
        id
    }
}

/// The name-based (SHA-1) UUID of `name` in `namespace` (RFC 9562, version 5), as
/// `Uuid::new_v5` makes it; hashed with the `sha1` crate, which uses the processor's
/// SHA instructions where it has them (a directory's open data has hundreds of
/// thousands of these ids).
fn v5(namespace: &Uuid, name: &[&str]) -> Uuid {
    use sha1::Digest;
    let mut hash = sha1::Sha1::new();
    hash.update(namespace.as_bytes());
    name.iter().for_each(|part| hash.update(part.as_bytes()));
    let digest = hash.finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_sha1_bytes(bytes).into_uuid()
}

#[derive(Serialize)]
struct Phone {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    organization_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    contact_id: Option<String>,
    number: String,
}

#[derive(Serialize)]
struct Contact<'a> {
    id: String,
    organization_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    phones: Vec<Phone>,
}

#[derive(Serialize)]
struct Address<'a> {
    id: String,
    location_id: String,
    address_1: &'a str,
    city: &'a str,
    state_province: &'a str,
    postal_code: &'a str,
    country: &'static str,
    address_type: &'static str,
}

#[derive(Serialize)]
struct Location<'a> {
    id: String,
    location_type: &'static str,
    organization_id: String,
    name: &'a str,
    addresses: Vec<Address<'a>>,
}

#[derive(Serialize)]
struct Identifier<'a> {
    id: String,
    organization_id: String,
    identifier_scheme: &'static str,
    identifier_type: &'static str,
    identifier: &'a str,
}

/// A link from a record to a taxonomy term.
#[derive(Serialize)]
struct Attribute {
    id: String,
    link_id: String,
    link_entity: &'static str,
    link_type: &'static str,
    taxonomy_term_id: String,
}

#[derive(Serialize)]
struct HsdsOrganization<'a> {
    id: String,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    alternate_name: Option<&'a str>,
    description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    website: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year_incorporated: Option<i32>,
    legal_status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    logo: Option<String>,
    uri: String,
    contacts: Vec<Contact<'a>>,
    phones: Vec<Phone>,
    locations: Vec<Location<'a>>,
    organization_identifiers: Vec<Identifier<'a>>,
    attributes: Vec<Attribute>,
}

/// An organisation's id.
fn organisation_id(ids: &Ids, org: &Organisation) -> String {
    ids.of_parts(&["organisation/", &org.slug])
}

fn theme_id(r: &Renderer<'_>, ids: &Ids, t: ThemeId) -> String {
    ids.term(&format!("theme/{}", r.site.themes[t].id))
}

fn theme_attributes(
    r: &Renderer<'_>,
    ids: &Ids,
    link: &str,
    entity: &'static str,
    themes: &[ThemeId],
) -> Vec<Attribute> {
    themes
        .iter()
        .map(|&t| Attribute {
            id: ids.of_parts(&["attribute/", link, "/theme/", &r.site.themes[t].id]),
            link_id: link.to_string(),
            link_entity: entity,
            link_type: "theme",
            taxonomy_term_id: theme_id(r, ids, t),
        })
        .collect()
}

fn phone(ids: &Ids, owner: &str, number: &str, contact: bool) -> Phone {
    Phone {
        id: ids.of_parts(&["phone/", owner]),
        organization_id: (!contact).then(|| owner.to_string()),
        contact_id: contact.then(|| owner.to_string()),
        number: number.to_string(),
    }
}

fn contacts<'a>(r: &Renderer<'a>, ids: &Ids, org: &'a Organisation, oid: &str) -> Vec<Contact<'a>> {
    if !r.site.config.contact_persons {
        return Vec::new();
    }
    let Some(c) = &org.contact else { return Vec::new() };
    let id = ids.of_parts(&["contact/", &org.slug]);
    Some(Contact {
        phones: c.phone.iter().map(|p| phone(ids, &id, p, true)).collect(),
        id,
        organization_id: oid.to_string(),
        name: c.name.as_deref(),
        title: c.role.as_deref(),
        email: c.email.as_deref(),
    })
    .into_iter()
    .collect()
}

/// The organisation's address as a physical location, when its street, postal code
/// and city are all known (HSDS requires them).
fn locations<'a>(r: &Renderer<'a>, ids: &Ids, org: &'a Organisation, oid: &str) -> Vec<Location<'a>> {
    let Some(a) = &org.address else { return Vec::new() };
    let (Some(street), Some(code), Some(city)) = (&a.street, &a.postal_code, &a.city) else { return Vec::new() };
    let m = &r.site.municipalities;
    let region = m.find(city).map(|i| m.regions[m.list[i].region].name.as_str()).unwrap_or_default();
    let id = ids.of_parts(&["location/", &org.slug]);
    vec![Location {
        addresses: vec![Address {
            id: ids.of_parts(&["address/", &org.slug]),
            location_id: id.clone(),
            address_1: street,
            city,
            state_province: region,
            postal_code: code,
            country: "FI",
            address_type: "physical",
        }],
        id,
        location_type: "physical",
        organization_id: oid.to_string(),
        name: &org.name,
    }]
}

fn identifiers<'a>(ids: &Ids, org: &'a Organisation, oid: &str) -> Vec<Identifier<'a>> {
    let mut out = Vec::new();
    for (kind, value) in [("Y-tunnus", &org.business_id), ("yhdistysrekisterinumero", &org.register_number)] {
        if let Some(v) = value {
            out.push(Identifier {
                id: ids.of_parts(&["identifier/", &org.slug, "/", kind]),
                organization_id: oid.to_string(),
                identifier_scheme: "FI-PRO",
                identifier_type: kind,
                identifier: v,
            });
        }
    }
    out
}

/// A web address as HSDS wants it (a URI: characters such as `"` or `<` escaped),
/// or nothing when it cannot be read as one.
fn uri(address: &str) -> Option<String> {
    url::Url::parse(address).ok().map(String::from)
}

/// The description HSDS requires: the text, else the one line, else the name.
fn description<'r>(r: &'r Renderer<'_>, o: OrganisationId) -> &'r str {
    let (org, text) = (&r.site.organisations[o], r.organisation_text(o));
    if !text.trim().is_empty() {
        text
    } else if !org.lead.trim().is_empty() {
        &org.lead
    } else {
        &org.name
    }
}

/// A list written as its items are made, one at a time: the HSDS files hold every
/// organisation and service of the directory, and are never held whole in memory.
struct Each<F>(F);

impl<F, I> Serialize for Each<F>
where
    F: Fn() -> I,
    I: Iterator<Item: Serialize>,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

fn organizations<'r, 'a>(r: &'r Renderer<'a>, ids: &'r Ids) -> impl Iterator<Item = HsdsOrganization<'r>> + 'r {
    r.index.order.iter().map(move |&o| {
        let org = &r.site.organisations[o];
        let id = organisation_id(ids, org);
        HsdsOrganization {
            name: &org.name,
            alternate_name: org.short_name.as_deref(),
            description: description(r, o),
            email: org.email.as_deref(),
            website: org.website.as_deref().and_then(uri),
            year_incorporated: org.founded,
            legal_status: org.kind.as_str(),
            logo: org.logo.as_ref().map(|l| r.routes.absolute(&r.routes.file(&l.path))),
            uri: r.routes.absolute(&r.routes.organisation(&org.slug)),
            contacts: contacts(r, ids, org, &id),
            phones: org.phone.iter().map(|p| phone(ids, &id, p, false)).collect(),
            locations: locations(r, ids, org, &id),
            organization_identifiers: identifiers(ids, org, &id),
            attributes: theme_attributes(r, ids, &id, "organization", &org.themes),
            id,
        }
    })
}

#[derive(Serialize)]
struct ServiceArea<'a> {
    id: String,
    service_id: String,
    name: &'a str,
    description: String,
    attributes: Vec<Attribute>,
}

#[derive(Serialize)]
struct Language<'a> {
    id: String,
    service_id: String,
    code: &'a str,
}

#[derive(Serialize)]
struct Service<'a> {
    id: String,
    organization_id: String,
    name: &'a str,
    description: &'a str,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_modified: Option<String>,
    service_areas: Vec<ServiceArea<'a>>,
    languages: Vec<Language<'a>>,
    attributes: Vec<Attribute>,
}

/// The areas of a service: each municipality, each whole region, or the country,
/// each linked to its term in the `areena-areas` taxonomy.
fn service_areas<'a>(r: &Renderer<'a>, ids: &Ids, sid: &str, area: &Area) -> Vec<ServiceArea<'a>> {
    let m = &r.site.municipalities;
    let mut terms: Vec<(String, &'a str, String)> = Vec::new();
    let municipality = r.theme.text.get("municipality").map_or("municipality", String::as_str);
    for i in r.index.places(area).municipalities {
        let mu = &m.list[i];
        terms.push((format!("municipality/{}", mu.code), &mu.name, format!("{municipality} {}", mu.code)));
    }
    for &i in &area.regions {
        let re = &m.regions[i];
        terms.push((format!("region/{}", re.code), &re.name, r.theme.t("region")));
    }
    if area.nationwide {
        terms.push(("country/FI".into(), COUNTRY, r.theme.t("nationwide")));
    }
    terms
        .into_iter()
        .map(|(term, name, description)| {
            let id = ids.of_parts(&["service_area/", sid, "/", &term]);
            ServiceArea {
                attributes: vec![Attribute {
                    id: ids.of_parts(&["attribute/", &id]),
                    link_id: id.clone(),
                    link_entity: "service_area",
                    link_type: "area",
                    taxonomy_term_id: ids.term(&term),
                }],
                id,
                service_id: sid.to_string(),
                name,
                description,
            }
        })
        .collect()
}

/// The name of the country term.
const COUNTRY: &str = "Suomi – Finland";

/// One service per activity; one for the organisation itself when it lists none.
fn services<'r, 'a>(r: &'r Renderer<'a>, ids: &'r Ids) -> impl Iterator<Item = Service<'a>> + 'r {
    r.index.order.iter().flat_map(move |&o| {
        let org = &r.site.organisations[o];
        let names: Vec<(String, &str)> = if org.activities.is_empty() {
            vec![(format!("service/{}", org.slug), org.name.as_str())]
        } else {
            let mut seen: Vec<String> = Vec::new();
            org.activities
                .iter()
                .map(|a| {
                    // Named by the activity's words, so that the id survives a new
                    // order of the list; a repeated name gets a number.
                    let slug = crate::model::slug::slugify(a);
                    let n = seen.iter().filter(|s| **s == slug).count();
                    seen.push(slug.clone());
                    let key = if n == 0 { slug } else { format!("{slug}-{}", n + 1) };
                    (format!("service/{}/{key}", org.slug), a.as_str())
                })
                .collect()
        };
        let org_id = organisation_id(ids, org);
        names.into_iter().map(move |(key, name)| service(r, ids, o, &org_id, &key, name))
    })
}

fn service<'a>(r: &Renderer<'a>, ids: &Ids, o: OrganisationId, org_id: &str, key: &str, name: &'a str) -> Service<'a> {
    let org = &r.site.organisations[o];
    let id = ids.of(key);
    Service {
        organization_id: org_id.to_string(),
        name,
        description: if org.lead.trim().is_empty() { &org.name } else { &org.lead },
        url: r.routes.absolute(&r.routes.organisation(&org.slug)),
        email: org.email.as_deref(),
        status: "active",
        last_modified: org.updated.map(|d| format!("{d}T00:00:00Z")),
        service_areas: service_areas(r, ids, &id, &org.area),
        languages: org
            .languages
            .iter()
            .map(|code| Language { id: ids.of_parts(&[key, "/language/", code]), service_id: id.clone(), code })
            .collect(),
        attributes: theme_attributes(r, ids, &id, "service", &org.themes),
        id,
    }
}

#[derive(Serialize)]
struct Taxonomy<'a> {
    id: String,
    name: &'static str,
    description: &'a str,
}

#[derive(Serialize)]
struct TaxonomyTerm<'a> {
    id: String,
    code: &'a str,
    name: &'a str,
    description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent_id: Option<String>,
    taxonomy: &'static str,
    taxonomy_id: String,
    language: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    term_uri: Option<String>,
}

/// The themes (taxonomy `areena-themes`), then the places (taxonomy `areena-areas`):
/// the country, its regions and their municipalities, each with its parent. The
/// places are those of the site's municipality pages and every region named.
fn taxonomy_terms<'a>(r: &Renderer<'a>, ids: &Ids) -> Vec<TaxonomyTerm<'a>> {
    let (site, lang) = (r.site, r.site.config.language.code());
    let (themes, areas) = (ids.of("taxonomy/areena-themes"), ids.of("taxonomy/areena-areas"));
    let mut out: Vec<TaxonomyTerm<'a>> = r
        .index
        .theme_order
        .iter()
        .map(|&t| {
            let th = &site.themes[t];
            TaxonomyTerm {
                id: theme_id(r, ids, t),
                code: &th.id,
                name: &th.name,
                description: th.description.clone().unwrap_or_else(|| th.name.clone()),
                parent_id: None,
                taxonomy: "areena-themes",
                taxonomy_id: themes.clone(),
                language: lang,
                term_uri: Some(r.routes.absolute(&r.routes.theme(&th.id))),
            }
        })
        .collect();
    let m = &site.municipalities;
    let country = ids.of("country/FI");
    let area = |key: String, code: &'a str, name: &'a str, description: String, parent: Option<String>| TaxonomyTerm {
        id: ids.of(&key),
        code,
        name,
        description,
        parent_id: parent,
        taxonomy: "areena-areas",
        taxonomy_id: areas.clone(),
        language: lang,
        term_uri: None,
    };
    out.push(area("country/FI".into(), "FI", COUNTRY, r.theme.t("nationwide"), None));
    let mut regions: Vec<_> = r.index.municipality_pages.iter().map(|&i| m.list[i].region).collect();
    for o in &r.index.order {
        regions.extend(&site.organisations[*o].area.regions);
    }
    regions.sort_by(|a, b| m.regions[*a].code.cmp(&m.regions[*b].code));
    regions.dedup();
    for re in regions {
        let region = &m.regions[re];
        let key = format!("region/{}", region.code);
        out.push(area(key.clone(), &region.code, &region.name, r.theme.t("region"), Some(country.clone())));
        for &i in r.index.municipality_pages.iter().filter(|&&i| m.list[i].region == re) {
            let mu = &m.list[i];
            let description = format!("{} {}", r.theme.t("municipality"), mu.code);
            let mut term =
                area(format!("municipality/{}", mu.code), &mu.code, &mu.name, description, Some(ids.of(&key)));
            term.term_uri = Some(r.routes.absolute(&r.routes.municipality(&mu.slug)));
            out.push(term);
        }
    }
    out
}

/// `dataset.json`: what the HSDS files are, under which licence, from where.
#[derive(Serialize)]
struct DatasetFile<'a> {
    title: String,
    specification: &'static str,
    specification_version: &'static str,
    specification_url: &'static str,
    license: License<'a>,
    source: String,
    language: &'static str,
    files: Vec<DatasetEntry>,
    taxonomies: Vec<Taxonomy<'a>>,
}

#[derive(Serialize)]
struct DatasetEntry {
    name: &'static str,
    url: String,
    /// The HSDS object each element of the array is.
    object: &'static str,
}

fn dataset<'a>(r: &Renderer<'a>) -> DatasetFile<'a> {
    let ids = Ids::new(r);
    let url = |f: HsdsFile| r.routes.absolute(&r.routes.file(&format!("data/hsds/{}", f.name())));
    DatasetFile {
        title: r.site.config.title.clone(),
        specification: "Open Referral Human Services Data Specification (HSDS)",
        specification_version: VERSION,
        specification_url: "https://docs.openreferral.org/en/v3.0/",
        license: license(r),
        source: r.routes.absolute(&r.routes.home()),
        language: r.site.config.language.code(),
        files: vec![
            DatasetEntry { name: "organizations.json", url: url(HsdsFile::Organizations), object: "organization" },
            DatasetEntry { name: "services.json", url: url(HsdsFile::Services), object: "service" },
            DatasetEntry { name: "taxonomy_terms.json", url: url(HsdsFile::TaxonomyTerms), object: "taxonomy_term" },
        ],
        taxonomies: vec![
            Taxonomy {
                id: ids.of("taxonomy/areena-themes"),
                name: "areena-themes",
                description: "The topic themes of this directory",
            },
            Taxonomy {
                id: ids.of("taxonomy/areena-areas"),
                name: "areena-areas",
                description: "Finland, its regions (maakunnat) and their municipalities, by their official codes",
            },
        ],
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_are_the_name_based_uuids_of_rfc_9562() {
        // RFC 9562, appendix A.4.
        let id = super::v5(&uuid::Uuid::NAMESPACE_DNS, &["www.example.com"]);
        assert_eq!(id.to_string(), "2ed6657d-e927-568b-95e1-2665a8aea6a2");
        // Python's uuid.uuid5(uuid.NAMESPACE_URL, "https://jarjestot.example/").
        let id = super::v5(&uuid::Uuid::NAMESPACE_URL, &["https://jarjestot.example/"]);
        assert_eq!(id.to_string(), "cdfcde4c-2f1f-5941-a4f8-af8ae2426d8a");
        // A name given in parts is the name they make together.
        let id = super::v5(&uuid::Uuid::NAMESPACE_URL, &["https://", "", "jarjestot.example", "/"]);
        assert_eq!(id.to_string(), "cdfcde4c-2f1f-5941-a4f8-af8ae2426d8a");
    }

    #[test]
    fn an_id_made_of_parts_is_the_id_of_the_whole_name() {
        let ids = super::Ids { namespace: uuid::Uuid::NAMESPACE_URL, terms: Default::default() };
        let whole = ids.of("https://jarjestot.example/");
        assert_eq!(whole, "cdfcde4c-2f1f-5941-a4f8-af8ae2426d8a");
        assert_eq!(ids.of_parts(&["https://jarjestot", ".example/"]), whole);
        assert_eq!(
            ids.of_parts(&["organisation/", "keuruun-omaishoitajat"]),
            ids.of("organisation/keuruun-omaishoitajat")
        );
    }
}

//! The open data files, read as a reuser reads them: column by column, against the
//! content they come from, against the JSON Schema published beside each, and the
//! HSDS files against the Open Referral specification's own schemas.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Value, json};

use super::{build, small_site, tree};
use crate::support::{fixture, run};

/// Every areena JSON file with the key of its list.
const JSON_FILES: [(&str, &str); 4] = [
    ("data/organisations.json", "organisations"),
    ("data/networks.json", "networks"),
    ("data/tables.json", "tables"),
    ("data/events.json", "events"),
];

/// The HSDS files and the object each of their elements is.
const HSDS_FILES: [(&str, &str); 3] = [
    ("data/hsds/organizations.json", "organization"),
    ("data/hsds/services.json", "service"),
    ("data/hsds/taxonomy_terms.json", "taxonomy_term"),
];

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// The rows of the organisations CSV as column → cell, with the header.
fn csv_rows(out: &Path) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let bytes = std::fs::read(out.join("data/organisations.csv")).unwrap();
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").expect("a byte-order mark");
    let mut rd = csv::ReaderBuilder::new().delimiter(b';').from_reader(body);
    let header: Vec<String> = rd.headers().expect("a header").iter().map(String::from).collect();
    let rows = rd
        .records()
        .map(|r| {
            let r = r.expect("a CSV row");
            assert_eq!(r.len(), header.len(), "every row has every column");
            header.iter().cloned().zip(r.iter().map(String::from)).collect()
        })
        .collect();
    (header, rows)
}

/// A validator of one HSDS object, with the specification's schemas (copied under
/// tests/fixtures/hsds/) as the only resources: every `$ref` resolves locally.
fn hsds_validator(object: &str) -> jsonschema::Validator {
    let base = "https://hsds.example/schema/";
    let mut resources = Vec::new();
    for e in std::fs::read_dir(fixture("hsds")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            resources.push((format!("{base}{name}"), read_json(&p)));
        }
    }
    let registry = jsonschema::Registry::new().extend(resources).unwrap().prepare().unwrap();
    jsonschema::options()
        .offline()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .with_registry(&registry)
        .build(&json!({ "$ref": format!("{base}{object}.json") }))
        .unwrap()
}

fn errors(v: &jsonschema::Validator, value: &Value) -> Vec<String> {
    v.iter_errors(value).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

/// Every element of the three HSDS files of a build is a valid HSDS object.
fn assert_hsds_valid(out: &Path) {
    for (file, object) in HSDS_FILES {
        let v = hsds_validator(object);
        let list = read_json(&out.join(file));
        let list = list.as_array().unwrap_or_else(|| panic!("{file} is an array"));
        assert!(!list.is_empty(), "{file} is empty");
        for (i, element) in list.iter().enumerate() {
            let errs = errors(&v, element);
            assert!(errs.is_empty(), "{file}[{i}] is not a valid HSDS {object}: {errs:#?}");
        }
    }
}

/// Every areena JSON file validates against the schema beside it, and every row of
/// the CSV against the CSV's.
fn assert_valid_against_published_schemas(out: &Path) {
    for (file, key) in JSON_FILES {
        let schema = read_json(&out.join(file.replace(".json", ".schema.json")));
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema", "{file}");
        let v = jsonschema::options().offline().should_validate_formats(true).build(&schema).unwrap();
        let data = read_json(&out.join(file));
        let errs = errors(&v, &data);
        assert!(errs.is_empty(), "{file} does not match its schema: {errs:#?}");
        assert!(data[key].is_array(), "{file} has its list under {key}");
    }
    let schema = read_json(&out.join("data/organisations.csv.schema.json"));
    let v = jsonschema::options().offline().build(&schema).unwrap();
    let (header, rows) = csv_rows(out);
    let order: Vec<&str> = schema["x-column-order"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    assert_eq!(header, order, "the columns are in the order the schema gives");
    for row in rows {
        let errs = errors(&v, &serde_json::to_value(&row).unwrap());
        assert!(errs.is_empty(), "a CSV row does not match the schema: {errs:#?}");
    }
}

fn build_fixture(name: &str, out: &Path) {
    let root = fixture(name);
    let r = run(&["build", "--root", root.to_str().unwrap(), "--output", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn the_hsds_files_of_the_fixture_site_are_valid_hsds_3() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build_fixture("site", &out);
    assert_hsds_valid(&out);
    // What the schemas check is really there: nested phones, contacts, addresses
    // and identifiers, and services with areas, languages and themes.
    let orgs = read_json(&out.join("data/hsds/organizations.json"));
    let orgs = orgs.as_array().unwrap();
    for nested in ["phones", "contacts", "locations", "organization_identifiers", "attributes"] {
        assert!(
            orgs.iter().any(|o| o[nested].as_array().is_some_and(|a| !a.is_empty())),
            "no organization has {nested}"
        );
    }
    let id = orgs.iter().find_map(|o| o["organization_identifiers"].as_array()?.first().cloned()).unwrap();
    assert_eq!((id["identifier_scheme"].as_str(), id["identifier_type"].as_str()), (Some("FI-PRO"), Some("Y-tunnus")));
    let services = read_json(&out.join("data/hsds/services.json"));
    for nested in ["service_areas", "languages", "attributes"] {
        assert!(services.as_array().unwrap().iter().any(|s| s[nested].as_array().is_some_and(|a| !a.is_empty())));
    }
    // Every link points at a term or an organisation that exists.
    let terms = read_json(&out.join("data/hsds/taxonomy_terms.json"));
    let term_ids: Vec<&str> = terms.as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect();
    let org_ids: Vec<&str> = orgs.iter().map(|o| o["id"].as_str().unwrap()).collect();
    for s in services.as_array().unwrap() {
        assert!(org_ids.contains(&s["organization_id"].as_str().unwrap()), "{s}");
        let areas = s["service_areas"].as_array().unwrap();
        for a in s["attributes"]
            .as_array()
            .unwrap()
            .iter()
            .chain(areas.iter().flat_map(|a| a["attributes"].as_array().unwrap()))
        {
            assert!(term_ids.contains(&a["taxonomy_term_id"].as_str().unwrap()), "{a}");
        }
    }
    for t in terms.as_array().unwrap() {
        if let Some(parent) = t["parent_id"].as_str() {
            assert!(term_ids.contains(&parent), "the parent of {} exists", t["name"]);
        }
    }
    let keuruu = terms.as_array().unwrap().iter().find(|t| t["name"] == "Keuruu").expect("Keuruu is a term");
    let region = terms.as_array().unwrap().iter().find(|t| t["id"] == keuruu["parent_id"]).unwrap();
    assert_eq!(region["name"], "Keski-Suomi", "a municipality's parent is its region");
}

#[test]
fn the_hsds_validation_fails_when_a_required_field_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build_fixture("site", &out);
    let orgs = read_json(&out.join("data/hsds/organizations.json"));
    let org = orgs
        .as_array()
        .unwrap()
        .iter()
        .find(|o| !o["locations"].as_array().unwrap().is_empty() && !o["phones"].as_array().unwrap().is_empty())
        .expect("an organization with a location and a phone")
        .clone();
    let v = hsds_validator("organization");
    assert!(errors(&v, &org).is_empty());
    // At the top, and deep inside: the nested schemas are resolved and applied.
    let mut broken: Vec<Value> = Vec::new();
    for pointer in
        ["/name", "/description", "/phones/0/number", "/locations/0/addresses/0/country", "/locations/0/location_type"]
    {
        let mut o = org.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        o.pointer_mut(parent).and_then(Value::as_object_mut).unwrap().remove(key).expect(pointer);
        broken.push(o);
    }
    let mut bad_id = org.clone();
    bad_id["id"] = json!("not-a-uuid");
    broken.push(bad_id);
    for b in &broken {
        assert!(!errors(&v, b).is_empty(), "accepted without a required field: {b}");
    }
    let services = read_json(&out.join("data/hsds/services.json"));
    let mut service = services[0].clone();
    service.as_object_mut().unwrap().remove("status");
    assert!(!errors(&hsds_validator("service"), &service).is_empty(), "a service without status");
}

#[test]
fn hsds_ids_are_stable_and_belong_to_the_site() {
    let s = small_site();
    let ids = |args: &[&str]| {
        assert_eq!(build(&s, args).code, 0);
        let orgs = read_json(&s.root().join("public/data/hsds/organizations.json"));
        orgs.as_array()
            .unwrap()
            .iter()
            .map(|o| (o["name"].to_string(), o["id"].to_string()))
            .collect::<BTreeMap<_, _>>()
    };
    let first = ids(&[]);
    s.write(
        "content/organisations/uusi.md",
        "+++\nname = \"Uusi ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n+++\n",
    );
    let second = ids(&[]);
    for (name, id) in &first {
        assert_eq!(second.get(name), Some(id), "{name} keeps its id when another organisation is added");
    }
    let elsewhere = ids(&["--base-url", "https://toinen.example/"]);
    for (name, id) in &first {
        assert_ne!(elsewhere.get(name), Some(id), "{name}: another site, other ids");
    }
}

/// An organisation with every field.
const FULL: &str = r#"+++
name = "Keuruun Täysi Yhdistys ry"
short_name = "Täysi"
kind = "foundation"
business_id = "1572860-0"
register_number = "123.456"
founded = 1994
themes = ["omaishoito", "ikaihmiset"]
municipalities = ["Multia", "Keuruu"]
regions = ["Pirkanmaa"]
networks = ["testiverkosto"]
activities = ["Vertaistukiryhmä", "Virkistyspäivät"]
languages = ["fi", "sv"]
website = "https://taysi.example/"
email = "info@taysi.example"
phone = "+358 40 000 0003"
updated = 2026-03-01
summary = "Tukea omaishoitajille"
seeking = ["volunteers", "partners"]

[address]
street = "Kauppakatu 1"
postal_code = "42700"
city = "Keuruu"

[contact]
name = "Testi Henkilö"
role = "puheenjohtaja"
email = "testi@taysi.example"
phone = "+358 40 000 0004"
+++
Ensimmäinen kappale.

Toinen **kappale**.
"#;

/// The small site with [`FULL`], built.
fn full_site() -> crate::support::Site {
    full_site_with(&[])
}

/// The small site with [`FULL`] and the `extra` files (path, text), built.
fn full_site_with(extra: &[(&str, &str)]) -> crate::support::Site {
    let s = small_site();
    s.write("content/organisations/taysi.md", FULL);
    for (path, text) in extra {
        s.write(path, text);
    }
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    s
}

#[test]
fn an_organisations_fields_in_json_and_csv_equal_its_source() {
    let s = full_site();
    let out = s.root().join("public");
    let expected: [(&str, Value, &str); 32] = [
        ("slug", json!("taysi"), "taysi"),
        ("name", json!("Keuruun Täysi Yhdistys ry"), "Keuruun Täysi Yhdistys ry"),
        ("short_name", json!("Täysi"), "Täysi"),
        ("summary", json!("Tukea omaishoitajille"), "Tukea omaishoitajille"),
        ("kind", json!("foundation"), "foundation"),
        ("business_id", json!("1572860-0"), "1572860-0"),
        ("founded", json!(1994), "1994"),
        ("themes", json!(["omaishoito", "ikaihmiset"]), "omaishoito, ikaihmiset"),
        ("municipalities", json!(["Keuruu", "Multia"]), "Keuruu, Multia"),
        ("municipality_codes", json!(["249", "495"]), "249, 495"),
        ("regions", json!(["Pirkanmaa"]), "Pirkanmaa"),
        ("nationwide", json!(false), "false"),
        ("networks", json!(["testiverkosto"]), "testiverkosto"),
        ("languages", json!(["fi", "sv"]), "fi, sv"),
        ("activities", json!(["Vertaistukiryhmä", "Virkistyspäivät"]), "Vertaistukiryhmä | Virkistyspäivät"),
        ("seeking", json!(["volunteers", "partners"]), "volunteers, partners"),
        ("website", json!("https://taysi.example/"), "https://taysi.example/"),
        ("email", json!("info@taysi.example"), "info@taysi.example"),
        ("phone", json!("+358 40 000 0003"), "+358 40 000 0003"),
        ("updated", json!("2026-03-01"), "2026-03-01"),
        ("url", json!("https://example.org/jarjestot/taysi/"), "https://example.org/jarjestot/taysi/"),
        ("description", json!("Ensimmäinen kappale.\nToinen kappale."), "Ensimmäinen kappale.\nToinen kappale."),
        ("register_number", json!("123.456"), "123.456"),
        ("tables", json!([]), ""),
        ("address_street", json!("Kauppakatu 1"), "Kauppakatu 1"),
        ("address_postal_code", json!("42700"), "42700"),
        ("address_city", json!("Keuruu"), "Keuruu"),
        ("contact_name", json!("Testi Henkilö"), "Testi Henkilö"),
        ("contact_role", json!("puheenjohtaja"), "puheenjohtaja"),
        ("contact_email", json!("testi@taysi.example"), "testi@taysi.example"),
        ("contact_phone", json!("+358 40 000 0004"), "+358 40 000 0004"),
        ("logo", json!(null), ""),
    ];
    let data = read_json(&out.join("data/organisations.json"));
    let org = data["organisations"].as_array().unwrap().iter().find(|o| o["slug"] == "taysi").unwrap();
    let (header, rows) = csv_rows(&out);
    let row = rows.iter().find(|r| r["slug"] == "taysi").unwrap();
    assert_eq!(header.len(), expected.len(), "{header:?}");
    for ((column, json_value, cell), h) in expected.iter().zip(&header) {
        assert_eq!(column, h, "the CSV's columns in order");
        let in_json = match column.split_once('_') {
            Some(("address", field)) => &org["address"][field],
            Some(("contact", field)) => &org["contact"][field],
            _ => &org[*column],
        };
        assert_eq!(in_json, json_value, "JSON {column}");
        assert_eq!(&row[*column], cell, "CSV {column}");
    }
}

#[test]
fn an_organisation_in_hsds_carries_its_source_fields() {
    let s = full_site();
    let out = s.root().join("public");
    let hsds = read_json(&out.join("data/hsds/organizations.json"));
    let h = hsds.as_array().unwrap().iter().find(|o| o["name"] == "Keuruun Täysi Yhdistys ry").unwrap();
    assert_eq!(h["alternate_name"], "Täysi");
    assert_eq!(h["year_incorporated"], 1994);
    assert_eq!(h["website"], "https://taysi.example/");
    assert_eq!(h["uri"], "https://example.org/jarjestot/taysi/");
    assert_eq!(h["contacts"][0]["name"], "Testi Henkilö");
    assert_eq!(h["contacts"][0]["phones"][0]["number"], "+358 40 000 0004");
    // A phone belongs either to the organisation or to its contact person, not both.
    let (own, contacts) = (&h["phones"][0], &h["contacts"][0]["phones"][0]);
    assert_eq!((&own["number"], &own["organization_id"]), (&json!("+358 40 000 0003"), &h["id"]));
    assert!(own["contact_id"].is_null(), "{own}");
    assert_eq!(contacts["contact_id"], h["contacts"][0]["id"]);
    assert!(contacts["organization_id"].is_null(), "{contacts}");
    assert_ne!(own["id"], contacts["id"]);
    assert_eq!(h["locations"][0]["addresses"][0]["address_1"], "Kauppakatu 1");
    assert_eq!(h["locations"][0]["addresses"][0]["state_province"], "Keski-Suomi");
    let idents: Vec<(&str, &str)> = h["organization_identifiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["identifier_type"].as_str().unwrap(), i["identifier"].as_str().unwrap()))
        .collect();
    assert_eq!(idents, [("Y-tunnus", "1572860-0"), ("yhdistysrekisterinumero", "123.456")]);
    let services = read_json(&out.join("data/hsds/services.json"));
    let mine: Vec<&Value> = services.as_array().unwrap().iter().filter(|s| s["organization_id"] == h["id"]).collect();
    let names: Vec<&str> = mine.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Vertaistukiryhmä", "Virkistyspäivät"], "one service per activity");
    let areas: Vec<&str> =
        mine[0]["service_areas"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert_eq!(areas, ["Keuruu", "Multia", "Pirkanmaa"]);
    let langs: Vec<&str> =
        mine[0]["languages"].as_array().unwrap().iter().map(|l| l["code"].as_str().unwrap()).collect();
    assert_eq!(langs, ["fi", "sv"]);
    assert_eq!(mine[0]["attributes"].as_array().unwrap().len(), 2, "its two themes");
    // An organisation without activities is one service of its own name.
    let zeta = hsds.as_array().unwrap().iter().find(|o| o["name"] == "Zeta ry").unwrap();
    let zs: Vec<&str> = services
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["organization_id"] == zeta["id"])
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(zs, ["Zeta ry"]);
}

#[test]
fn networks_tables_notes_and_events_are_open_data_with_their_licence() {
    let s = small_site();
    s.write("site.toml", &format!("{}\n[data]\nlicense = \"CC0-1.0\"\n", crate::support::SITE));
    s.write(
        "content/partnership-tables/poyta/index.md",
        "+++\nname = \"Testipöytä\"\nconvener = \"testiverkosto\"\npublic_partners = [\"Testikunta\"]\nmembers = [\"zeta\"]\n+++\nMihin pöytä on.\n",
    );
    s.write(
        "content/partnership-tables/poyta/2026-02-12-kokous.md",
        "+++\ntitle = \"Kokous 1/2026\"\ndate = 2026-02-12\nkind = \"summary\"\nattendees = [\"zeta\"]\ndecisions = [\"Perustetaan =ryhmä\", \"Toinen päätös\"]\n+++\nMuistion teksti.\n",
    );
    s.write(
        "content/events/2026-12-05-tori.md",
        "+++\ntitle = \"Syystori\"\nstart = 2026-12-05T10:00:00\nend = 2026-12-05T14:00:00\norganisers = [\"zeta\"]\nmunicipality = \"Keuruu\"\n+++\nTervetuloa.\n",
    );
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = s.root().join("public");
    for (file, _) in JSON_FILES {
        let data = read_json(&out.join(file));
        assert_eq!(
            data["license"],
            json!({"id": "CC0-1.0", "url": "https://creativecommons.org/publicdomain/zero/1.0/"}),
            "{file}"
        );
        assert_eq!(data["source"], "https://example.org/", "{file}");
    }
    let dataset = read_json(&out.join("data/hsds/dataset.json"));
    assert_eq!(dataset["license"]["id"], "CC0-1.0");
    let tables = read_json(&out.join("data/tables.json"));
    let t = &tables["tables"][0];
    assert_eq!(t["convener"], json!({"kind": "network", "slug": "testiverkosto"}));
    assert_eq!(t["members"], json!(["zeta"]));
    let note = &t["notes"][0];
    assert_eq!(note["date"], "2026-02-12");
    assert_eq!(note["kind"], "summary");
    assert_eq!(note["decisions"], json!(["Perustetaan =ryhmä", "Toinen päätös"]));
    assert_eq!(note["url"], "https://example.org/kumppanuuspoydat/poyta/2026-02-12-kokous/");
    assert_eq!(note["text"], "Muistion teksti.");
    let networks = read_json(&out.join("data/networks.json"));
    assert_eq!(networks["networks"][0]["members"], json!(["keuruun-testiyhdistys"]));
    let events = read_json(&out.join("data/events.json"));
    let e = &events["events"][0];
    assert_eq!((e["start"].as_str(), e["end"].as_str()), (Some("2026-12-05T10:00:00"), Some("2026-12-05T14:00:00")));
    assert_eq!(e["organisers"], json!([{"kind": "organisation", "slug": "zeta"}]));
    assert_eq!(e["municipality_code"], "249");
    assert_valid_against_published_schemas(&out);
    assert_hsds_valid(&out);
}

#[test]
fn a_draft_is_in_no_data_file() {
    let s = small_site();
    s.write(
        "content/organisations/luonnos.md",
        "+++\nname = \"Luonnosyhdistys ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\nactivities = [\"Luonnostoiminta\"]\ndraft = true\n+++\n",
    );
    assert_eq!(build(&s, &[]).code, 0);
    let files = tree(&s.root().join("public/data"));
    assert_eq!(files.len(), 14, "{:?}", files.keys());
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains("Luonnos") && !text.contains("luonnos"), "{path} has the draft");
    }
    assert_eq!(build(&s, &["--drafts"]).code, 0);
    let data = std::fs::read_to_string(s.root().join("public/data/hsds/services.json")).unwrap();
    assert!(data.contains("Luonnostoiminta"), "with --drafts it is there: the test can see it");
}

#[test]
fn no_data_file_names_a_contact_person_under_the_privacy_switch() {
    let s = small_site();
    s.write(
        "content/organisations/zeta.md",
        "+++\nname = \"Zeta ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n[contact]\nname = \"Maija Meikäläinen\"\nrole = \"sihteeri\"\nemail = \"maija@zeta.example\"\nphone = \"+358 40 000 0009\"\n+++\n",
    );
    s.write(
        "content/networks/testiverkosto.md",
        "+++\nname = \"Testiverkosto\"\nmembers = [\"zeta\"]\n[contact]\nname = \"Ville Verkko\"\n+++\n",
    );
    let names = ["Meikäläinen", "maija@zeta", "000 0009", "Ville Verkko"];
    assert_eq!(build(&s, &[]).code, 0);
    let data = tree(&s.root().join("public/data"));
    let all: String = data.values().map(|b| String::from_utf8_lossy(b).into_owned()).collect();
    for n in names {
        assert!(all.contains(n), "{n} is open data while contact persons are published");
    }
    s.write("site.toml", &format!("{}\n[privacy]\ncontact_persons = false\n", crate::support::SITE));
    assert_eq!(build(&s, &[]).code, 0);
    for (path, bytes) in tree(&s.root().join("public/data")) {
        let text = String::from_utf8_lossy(&bytes);
        for n in names {
            assert!(!text.contains(n), "{path} names the contact person ({n})");
        }
    }
    let (_, rows) = csv_rows(&s.root().join("public"));
    assert!(rows.iter().all(|r| r["contact_name"].is_empty() && r["contact_email"].is_empty()));
}

#[test]
fn a_cell_that_starts_a_formula_is_neutralised_in_the_csv() {
    let s = small_site();
    s.write(
        "content/organisations/kaava.md",
        "+++\nname = \"=1+1\"\nshort_name = \"+SUM(A1)\"\nsummary = \"-2+3\"\nthemes = [\"omaishoito\"]\nnationwide = true\nactivities = [\"@cmd\"]\n[contact]\nname = \"=HYPERLINK(1)\"\n+++\n=Kuvaus\n",
    );
    assert_eq!(build(&s, &[]).code, 0);
    let (_, rows) = csv_rows(&s.root().join("public"));
    let row = rows.iter().find(|r| r["slug"] == "kaava").unwrap();
    for (column, cell) in [
        ("name", "'=1+1"),
        ("short_name", "'+SUM(A1)"),
        ("summary", "'-2+3"),
        ("activities", "'@cmd"),
        ("description", "'=Kuvaus"),
        ("contact_name", "'=HYPERLINK(1)"),
    ] {
        assert_eq!(row[column], cell, "{column}");
    }
    for row in &rows {
        for (column, cell) in row {
            assert!(!cell.starts_with(['=', '+', '-', '@']) || column.ends_with("phone"), "{column}: {cell}");
        }
    }
    // JSON keeps the value as written.
    let data = read_json(&s.root().join("public/data/organisations.json"));
    let o = data["organisations"].as_array().unwrap().iter().find(|o| o["slug"] == "kaava").unwrap();
    assert_eq!(o["name"], "=1+1");
}

#[test]
fn hostile_content_makes_valid_data_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build_fixture("hostile", &out);
    for (path, bytes) in tree(&out.join("data")) {
        if path.ends_with(".json") {
            let _: Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        }
    }
    let (_, rows) = csv_rows(&out);
    let data = read_json(&out.join("data/organisations.json"));
    assert_eq!(rows.len(), data["organisations"].as_array().unwrap().len());
    let paha = rows.iter().find(|r| r["slug"] == "paha-yhdistys").expect("the hostile organisation");
    assert_eq!(paha["name"], "Paha \"</title><script>alert('name')</script> ry", "a cell holds the text as written");
    assert_valid_against_published_schemas(&out);
    assert_hsds_valid(&out);
}

#[test]
fn every_json_file_of_the_fixture_site_matches_its_published_schema() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build_fixture("site", &out);
    assert_valid_against_published_schemas(&out);
    // A schema that would accept anything proves nothing: a wrong value fails.
    let schema = read_json(&out.join("data/organisations.schema.json"));
    let v = jsonschema::options().offline().build(&schema).unwrap();
    let mut data = read_json(&out.join("data/organisations.json"));
    data["organisations"][0]["nationwide"] = json!("yes");
    assert!(!v.is_valid(&data), "a wrong type is caught");
    let mut data = read_json(&out.join("data/organisations.json"));
    data["organisations"][0].as_object_mut().unwrap().remove("name");
    assert!(!v.is_valid(&data), "a missing field is caught");
}

#[test]
fn the_open_data_page_explains_every_data_file_with_its_schema() {
    let s = small_site();
    assert_eq!(build(&s, &[]).code, 0);
    let out = s.root().join("public");
    let doc = super::page(&s, "avoin-data/index.html");
    let links: Vec<String> = doc
        .select(&scraper::Selector::parse("main a").unwrap())
        .filter_map(|a| a.value().attr("href").map(String::from))
        .collect();
    for (path, _) in tree(&out.join("data")) {
        let url = format!("/data/{path}");
        assert!(links.contains(&url), "{url} is not on the open data page: {links:?}");
    }
    let items = super::texts(&doc, "main li");
    let orgs = items.iter().find(|i| i.starts_with("organisations.json")).unwrap();
    assert!(orgs.contains("CC-BY-4.0") && orgs.contains("Skeema"), "format, licence and schema: {orgs}");
    let headings = super::texts(&doc, "main h2");
    assert!(headings.iter().any(|h| h == "Open Referral HSDS 3.0"), "{headings:?}");
    let footer = super::texts(&super::page(&s, "index.html"), "footer a");
    assert!(footer.iter().any(|t| t == "Avoin data"), "{footer:?}");
}

#[test]
fn hsds_ids_are_made_from_the_documented_names() {
    let s = full_site_with(&[(
        "content/organisations/kerhot.md",
        "+++\nname = \"Kerhojen Yhdistys ry\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\n\
         activities = [\"Kerho\", \"Retket\", \"Kerho\", \"Kerho!\"]\n+++\n",
    )]);
    let out = s.root().join("public");
    let source = read_json(&out.join("data/organisations.json"))["source"].as_str().unwrap().to_string();
    let namespace = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, source.as_bytes());
    let id = |name: &str| uuid::Uuid::new_v5(&namespace, name.as_bytes()).to_string();
    let orgs = read_json(&out.join("data/hsds/organizations.json"));
    let org = |name: &str| orgs.as_array().unwrap().iter().find(|o| o["name"] == name).unwrap().clone();
    assert_eq!(org("Keuruun Täysi Yhdistys ry")["id"], id("organisation/taysi"));
    let services = read_json(&out.join("data/hsds/services.json"));
    let of = |org_id: &Value| -> Vec<(String, String)> {
        services
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["organization_id"] == *org_id)
            .map(|s| (s["name"].as_str().unwrap().to_string(), s["id"].as_str().unwrap().to_string()))
            .collect()
    };
    let want = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs.iter().map(|(n, k)| (n.to_string(), id(k))).collect()
    };
    // A repeated activity (also one written with other punctuation) counts on from -2.
    assert_eq!(
        of(&org("Kerhojen Yhdistys ry")["id"]),
        want(&[
            ("Kerho", "service/kerhot/kerho"),
            ("Retket", "service/kerhot/retket"),
            ("Kerho", "service/kerhot/kerho-2"),
            ("Kerho!", "service/kerhot/kerho-3"),
        ])
    );
    assert_eq!(of(&org("Zeta ry")["id"]), want(&[("Zeta ry", "service/zeta")]));
    let ids: std::collections::BTreeSet<&str> =
        services.as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), services.as_array().unwrap().len(), "every service has an id of its own");
}

#[test]
fn the_hsds_description_is_the_text_else_the_summary_else_the_name() {
    let s = full_site_with(&[
        (
            "content/organisations/tiivis.md",
            "+++\nname = \"Tiivis ry\"\nsummary = \"Kerhoja nuorille\"\nthemes = [\"omaishoito\"]\nnationwide = true\n+++\n",
        ),
        (
            "content/organisations/tyhja.md",
            "+++\nname = \"Tyhjä ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n+++\n  \n",
        ),
    ]);
    let orgs = read_json(&s.root().join("public/data/hsds/organizations.json"));
    let description = |name: &str| {
        orgs.as_array().unwrap().iter().find(|o| o["name"] == name).unwrap()["description"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let full = description("Keuruun Täysi Yhdistys ry");
    assert!(full.contains("Ensimmäinen kappale.") && full.contains("Toinen kappale."), "{full:?}");
    assert!(!full.contains("**"), "plain text: {full:?}");
    assert_eq!(description("Tiivis ry"), "Kerhoja nuorille");
    assert_eq!(description("Tyhjä ry"), "Tyhjä ry");
}

#[test]
fn a_value_of_seeking_written_twice_is_listed_once() {
    let s = small_site();
    s.write(
        "content/organisations/kaksi.md",
        "+++\nname = \"Kaksi ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n\
         seeking = [\"volunteers\", \"members\", \" volunteers\"]\n+++\n",
    );
    assert_eq!(build(&s, &[]).code, 0);
    let data = read_json(&s.root().join("public/data/organisations.json"));
    let org = data["organisations"].as_array().unwrap().iter().find(|o| o["slug"] == "kaksi").unwrap().clone();
    assert_eq!(org["seeking"], json!(["volunteers", "members"]));
}

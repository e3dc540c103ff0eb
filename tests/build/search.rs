//! The search records, read where a test can see inside them: the HTML that a build
//! hands to Pagefind (`areena::pipeline::search_records`, with its weights and
//! filters), and what Pagefind made of it (the fragments under `pagefind/`, gzip with
//! a `pagefind_dcd` prefix, decompressed).

use std::collections::BTreeMap;
use std::path::Path;

use scraper::{Html, Selector};
use serde_json::Value;

use super::{build, small_site};
use crate::support::Site;

/// Every fragment of the search index under `out` (all parts), by the record's address.
pub(crate) fn fragments(out: &Path) -> BTreeMap<String, Value> {
    fragments_in(&out.join("pagefind"))
}

/// Every fragment of the search files under `dir` (one part and those under it).
fn fragments_in(dir: &Path) -> BTreeMap<String, Value> {
    let mut found = BTreeMap::new();
    if !dir.exists() {
        return found;
    }
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        if !e.file_name().to_string_lossy().ends_with(".pf_fragment") {
            continue;
        }
        let bytes = std::fs::read(e.path()).unwrap();
        let mut text = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(bytes.as_slice()), &mut text)
            .unwrap_or_else(|err| panic!("{} is not gzip: {err}", e.path().display()));
        let json = text.strip_prefix(b"pagefind_dcd").expect("a fragment starts with pagefind_dcd");
        let v: Value = serde_json::from_slice(json).unwrap();
        let url = v["url"].as_str().unwrap().to_string();
        assert!(found.insert(url.clone(), v).is_none(), "{url} is indexed twice");
    }
    found
}

/// Build `s` with its search index made in `parts` parts (as a large directory's is).
fn build_in_parts(s: &Site, parts: usize) {
    let out = std::process::Command::new(crate::support::bin())
        .args(["build", "--lang", "en", "--root", s.root().to_str().unwrap()])
        .env("AREENA_TODAY", "2026-11-23")
        .env("AREENA_SEARCH_PARTS", parts.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// The values of filter `key` of a fragment, sorted.
fn filter(f: &Value, key: &str) -> Vec<String> {
    let mut v: Vec<String> = f["filters"][key]
        .as_array()
        .map(|a| a.iter().map(|x| x.as_str().unwrap().to_string()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// The municipalities a record is filed under. The index splits the municipality
/// filter into 16 (`municipality-N`, N = FNV-1a of the name's UTF-8 bytes mod 16, as
/// the site theme's search.js computes it): each value must be under its own group.
fn municipalities(f: &Value) -> Vec<String> {
    let mut v = Vec::new();
    for (key, values) in f["filters"].as_object().unwrap() {
        assert_ne!(key, "municipality", "municipalities are split into groups: {f}");
        let Some(group) = key.strip_prefix("municipality-") else { continue };
        for name in values.as_array().unwrap() {
            let name = name.as_str().unwrap();
            let h = name.bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(16_777_619));
            assert_eq!(group, (h % 16).to_string(), "{name} under {key}");
            v.push(name.to_string());
        }
    }
    v.sort();
    v
}

/// The records a build of `site` hands to Pagefind (`None`: the site has errors).
fn records(site: &Site, drafts: bool) -> Vec<(String, String)> {
    let today = "2026-11-23".parse().unwrap();
    areena::pipeline::search_records(site.root(), areena::pipeline::Settings { drafts, today })
        .unwrap()
        .expect("the site has no errors")
}

/// The weight Pagefind gives to the element of a record that holds `text`.
fn weight_of(html: &str, text: &str) -> u32 {
    let doc = Html::parse_document(html);
    let sel = Selector::parse("[data-pagefind-weight]").unwrap();
    let el = doc
        .select(&sel)
        .find(|e| e.text().collect::<String>().contains(text))
        .unwrap_or_else(|| panic!("{text:?} is not in a weighted element of {html}"));
    el.value().attr("data-pagefind-weight").unwrap().parse().unwrap()
}

const ZETA: &str = r#"+++
name = "Zeta Tukiyhdistys ry"
themes = ["omaishoito"]
municipalities = ["Keuruu"]
languages = ["fi", "sv"]
seeking = ["volunteers"]
phone = "+358 40 000 0001"
email = "info@zeta.example"

[contact]
name = "Maija Meikäläinen"
role = "puheenjohtaja"
email = "maija.yhteys@zeta.example"
phone = "+358 40 000 0999"
+++
Kerhomme kokoontuu kirjastolla. Toiminnassa mukana pihlajanmarjat.
"#;

/// A site with one of everything search holds: organisations with contact persons,
/// a draft, a partnership table with a note, an upcoming and a past event.
fn search_site(privacy: &str, search: &str) -> Site {
    let s = small_site();
    s.write("site.toml", &format!("{}\n{privacy}\n{search}\n", crate::support::SITE));
    s.write("content/organisations/zeta.md", ZETA);
    s.write(
        "content/organisations/luonnos.md",
        "+++\nname = \"Luonnosyhdistys ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\ndraft = true\n+++\nKesken.\n",
    );
    s.write(
        "content/networks/testiverkosto.md",
        "+++\nname = \"Testiverkosto\"\nkind = \"theme-group\"\nmembers = [\"zeta\"]\n[contact]\nname = \"Ville Verkostolainen\"\n+++\n",
    );
    s.write(
        "content/partnership-tables/poyta/index.md",
        "+++\nname = \"Testipöytä\"\nconvener = \"zeta\"\nmembers = [\"zeta\"]\nthemes = [\"omaishoito\"]\nregions = [\"Keski-Suomi\"]\n[contact]\nname = \"Paula Pöytäläinen\"\n+++\nPöytä.\n",
    );
    s.write(
        "content/partnership-tables/poyta/2026-10-01-kokous.md",
        "+++\ntitle = \"Syyskokous\"\ndate = 2026-10-01\ndecisions = [\"Perustetaan lumilyhtyryhmä\"]\n+++\nMuistio.\n",
    );
    s.write(
        "content/events/2026-12-05-joulumyyjaiset.md",
        "+++\ntitle = \"Joulumyyjäiset\"\nstart = 2026-12-05\norganisers = [\"zeta\"]\nthemes = [\"omaishoito\"]\nmunicipality = \"Keuruu\"\n+++\nTervetuloa.\n",
    );
    s.write(
        "content/events/2026-03-01-talvirieha.md",
        "+++\ntitle = \"Mennyt talvirieha\"\nstart = 2026-03-01\norganisers = [\"zeta\"]\nthemes = [\"omaishoito\"]\nmunicipality = \"Keuruu\"\n+++\n",
    );
    s
}

fn built_fragments(s: &Site) -> BTreeMap<String, Value> {
    let r = build(s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    fragments(&s.root().join("public"))
}

const CONTACT_WORDS: [&str; 8] = [
    "Meikäläinen",
    "Meikalainen",
    "maija.yhteys",
    "000 0999",
    "puheenjohtaja",
    "Verkostolainen",
    "Pöytäläinen",
    "Poytalainen",
];

#[test]
fn no_contact_person_is_indexed_when_privacy_leaves_them_out() {
    let s = search_site("[privacy]\ncontact_persons = false", "");
    let found = built_fragments(&s);
    assert!(found.contains_key("/jarjestot/zeta/"), "the organisation is indexed: {:?}", found.keys());
    for (url, f) in &found {
        let text = f.to_string();
        for w in CONTACT_WORDS {
            assert!(!text.contains(w), "{url}: the index holds the contact person ({w}): {text}");
        }
    }
    for (url, html) in records(&s, false) {
        for w in CONTACT_WORDS {
            assert!(!html.contains(w), "{url}: the record names the contact person ({w})");
        }
    }
    // The organisation's own contacts are kept.
    let zeta = &found["/jarjestot/zeta/"];
    assert_eq!(zeta["meta"]["phone"], "+358 40 000 0001");
    assert_eq!(zeta["meta"]["email"], "info@zeta.example");
}

#[test]
fn an_index_in_parts_holds_each_record_once_and_the_search_page_knows_the_parts() {
    let s = search_site("", "");
    build_in_parts(&s, 3);
    let public = s.root().join("public");
    let parts_of_page = || {
        let search = super::page(&s, "haku/index.html");
        let el = search.select(&Selector::parse("[data-parts]").unwrap()).next().map(|e| e.value().clone());
        el.and_then(|e| e.attr("data-parts").map(str::to_string))
    };
    assert_eq!(parts_of_page().as_deref(), Some("3"));
    // Each part is an index of its own, and each holds some of the records.
    for part in ["pagefind", "pagefind/part-1", "pagefind/part-2"] {
        let dir = public.join(part);
        assert!(dir.join("pagefind-entry.json").is_file(), "{part} is an index");
        assert!(!fragments_in(&dir.join("fragment")).is_empty(), "{part} holds records");
    }
    assert!(!public.join("pagefind/part-3").exists());
    // Together every record, each once (`fragments` fails on a record found twice).
    let found: Vec<String> = fragments(&public).into_keys().collect();
    let mut want: Vec<String> = records(&s, false).into_iter().map(|(u, _)| u).collect();
    want.sort_unstable();
    assert_eq!(found, want);
    // A small site without the setting is one index.
    assert_eq!(build(&s, &[]).code, 0);
    assert!(!public.join("pagefind/part-1").exists());
    assert_eq!(parts_of_page().as_deref(), Some("1"));
}

#[test]
// One build, then every kind of record checked against it.
#[allow(clippy::too_many_lines)]
fn each_record_carries_its_filters_and_drafts_and_past_events_are_absent() {
    let s = search_site("", "");
    let found = built_fragments(&s);
    let urls: Vec<&str> = found.keys().map(String::as_str).collect();
    // What the build indexed is what the records are.
    let recs = records(&s, false);
    let mut rec_urls: Vec<&str> = recs.iter().map(|(u, _)| u.as_str()).collect();
    rec_urls.sort_unstable();
    assert_eq!(urls, rec_urls);
    assert_eq!(
        urls,
        [
            "/jarjestot/aanekosken-seura/",
            "/jarjestot/alands-forening/",
            "/jarjestot/keuruun-testiyhdistys/",
            "/jarjestot/maakunnan-liitto/",
            "/jarjestot/multian-kyla/",
            "/jarjestot/valtakunnallinen/",
            "/jarjestot/zeta/",
            "/kumppanuuspoydat/poyta/",
            "/kumppanuuspoydat/poyta/2026-10-01-kokous/",
            "/tapahtumat/2026-12-05-joulumyyjaiset/",
            "/verkostot/testiverkosto/",
        ],
        "every organisation, network, table, note and upcoming event; no draft, no past event"
    );
    for f in found.values() {
        let t = f.to_string();
        assert!(!t.contains("Luonnosyhdistys") && !t.contains("talvirieha"), "a draft or a past event: {t}");
    }

    // A local organisation: its municipality, no `wide` marker.
    let zeta = &found["/jarjestot/zeta/"];
    assert_eq!(municipalities(zeta), ["Keuruu"]);
    assert_eq!(filter(zeta, "region"), ["Keski-Suomi"]);
    assert!(filter(zeta, "wide").is_empty(), "a local organisation is not region-wide");
    assert_eq!(filter(zeta, "type"), ["Järjestö"]);
    assert_eq!(filter(zeta, "theme"), ["Omaishoito"]);
    assert_eq!(filter(zeta, "kind"), ["Yhdistys"]);
    assert_eq!(filter(zeta, "language"), ["ruotsi", "suomi"]);
    assert_eq!(filter(zeta, "seeking"), ["vapaaehtoisia"]);
    assert_eq!(zeta["meta"]["title"], "Zeta Tukiyhdistys ry");
    assert_eq!(zeta["meta"]["places"], "Keuruu");
    assert!(zeta["content"].as_str().unwrap().contains("pihlajanmarjat"), "the description is searchable");
    // Region-wide: the `wide` marker with the region, under no single municipality;
    // found by the names of the region's municipalities.
    let wide = &found["/jarjestot/maakunnan-liitto/"];
    assert_eq!(filter(wide, "wide"), ["Keski-Suomi"]);
    assert!(municipalities(wide).is_empty(), "{wide}");
    assert_eq!(filter(wide, "region"), ["Keski-Suomi"]);
    let content = wide["content"].as_str().unwrap();
    assert!(content.contains("Multia") && content.contains("Jyväskylä"), "{content}");
    assert_eq!(wide["meta"]["places"], "Koko Keski-Suomi");
    // Nationwide: `*`.
    let nation = &found["/jarjestot/valtakunnallinen/"];
    assert_eq!(filter(nation, "wide"), ["*"]);
    assert!(municipalities(nation).is_empty());
    assert!(nation["content"].as_str().unwrap().contains("Valtakunnallinen"));
    // The other kinds of record.
    assert_eq!(filter(&found["/verkostot/testiverkosto/"], "type"), ["Verkosto"]);
    assert_eq!(filter(&found["/kumppanuuspoydat/poyta/"], "type"), ["Kumppanuuspöytä"]);
    let note = &found["/kumppanuuspoydat/poyta/2026-10-01-kokous/"];
    assert_eq!(filter(note, "type"), ["Muistio"]);
    assert!(note["content"].as_str().unwrap().contains("lumilyhtyryhmä"), "a note's decisions are searchable");
    let event = &found["/tapahtumat/2026-12-05-joulumyyjaiset/"];
    assert_eq!(filter(event, "type"), ["Tapahtuma"]);
    assert_eq!(municipalities(event), ["Keuruu"]);
    assert_eq!(filter(event, "theme"), ["Omaishoito"]);
    assert!(event["content"].as_str().unwrap().contains("Zeta Tukiyhdistys ry"), "the organiser is searchable");

    // With --drafts the draft is a record too.
    let with_drafts = records(&s, true);
    assert!(with_drafts.iter().any(|(u, _)| u == "/jarjestot/luonnos/"), "--drafts indexes drafts");
}

#[test]
fn a_name_weighs_more_than_places_activities_and_the_description() {
    let s = search_site("", "");
    s.write(
        "content/organisations/zeta.md",
        &ZETA.replace(
            "seeking = [\"volunteers\"]",
            "seeking = [\"volunteers\"]\nshort_name = \"Zetat\"\nactivities = [\"Lumitöitä\"]\nsummary = \"Apua arkeen\"",
        ),
    );
    let recs: BTreeMap<String, String> = records(&s, false).into_iter().collect();
    let zeta = &recs["/jarjestot/zeta/"];
    let name = weight_of(zeta, "Zeta Tukiyhdistys ry");
    let short = weight_of(zeta, "Zetat");
    let themes = weight_of(zeta, "Omaishoito");
    let places = weight_of(zeta, "Keuruu");
    let activities = weight_of(zeta, "Lumitöitä");
    let description = weight_of(zeta, "pihlajanmarjat");
    assert!(name > short && short > themes, "name {name} > short name {short} > themes {themes}");
    assert!(themes > activities && places > activities, "themes {themes}, places {places} > activities {activities}");
    assert!(activities > description, "activities {activities} > description {description}");
    assert_eq!(description, 1, "the description weighs least");
    // A municipality's name weighs most in its local organisations' records, less in the
    // region-wide ones' and least in the nationwide ones' (their order for that query).
    let local = weight_of(&recs["/jarjestot/multian-kyla/"], "Multia");
    let region = weight_of(&recs["/jarjestot/maakunnan-liitto/"], "Multia");
    let nation = weight_of(&recs["/jarjestot/valtakunnallinen/"], "Multia");
    assert!(local > region && region > nation, "local {local} > region-wide {region} > nationwide {nation}");
    // A note's themes weigh less than an organisation's (organisations first for a theme).
    let note = &recs["/kumppanuuspoydat/poyta/2026-10-01-kokous/"];
    assert!(weight_of(note, "Omaishoito") < themes);
}

#[test]
fn a_result_shows_the_summary_or_first_sentence_and_its_places_and_umlauts_are_optional() {
    let s = search_site("", "");
    s.write(
        "content/organisations/laaja.md",
        "+++\nname = \"Laaja Apu ry\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\nregions = [\"Keski-Suomi\"]\nnationwide = true\nactivities = [\"Neuvonta\", \"Vertaistuki\"]\n+++\n",
    );
    s.write(
        "content/organisations/tiivis.md",
        "+++\nname = \"Tiivis ry\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\nsummary = \"Apua arkeen.\"\n+++\nEnsimmäinen lause. Toinen lause.\n",
    );
    let found = built_fragments(&s);
    let meta = |url: &str, key: &str| found[url]["meta"][key].as_str().unwrap_or_default().to_string();
    // What a result shows under its name: the summary, else the first sentence of the
    // text, else the activities.
    assert_eq!(meta("/jarjestot/tiivis/", "summary"), "Apua arkeen.");
    assert_eq!(meta("/jarjestot/zeta/", "summary"), "Kerhomme kokoontuu kirjastolla.");
    assert_eq!(meta("/jarjestot/laaja/", "summary"), "Neuvonta, Vertaistuki");
    // Where it acts: municipalities, then the region, then nationwide, one separator
    // between each.
    assert_eq!(meta("/jarjestot/laaja/", "places"), "Keuruu · Koko Keski-Suomi · Valtakunnallinen");
    assert_eq!(meta("/jarjestot/valtakunnallinen/", "places"), "Valtakunnallinen");
    // A name with umlauts is found typed without them too: the folded form is in the
    // record, weighing least.
    let recs: BTreeMap<String, String> = records(&s, false).into_iter().collect();
    assert_eq!(weight_of(&recs["/jarjestot/aanekosken-seura/"], "aanekosken"), 1);
    assert_eq!(weight_of(&recs["/kumppanuuspoydat/poyta/"], "testipoyta"), 1, "a table's name");
    assert_eq!(weight_of(&recs["/kumppanuuspoydat/poyta/2026-10-01-kokous/"], "testipoyta"), 1, "a note's table");
    assert!(found["/jarjestot/aanekosken-seura/"]["content"].as_str().unwrap().contains("aanekosken"));
}

#[test]
fn parts_without_records_are_left_out() {
    let s = search_site("", "");
    build_in_parts(&s, 40);
    let bundle = s.root().join("public/pagefind");
    // Part 0 is the bundle the page loads: Pagefind's script with the index. The other
    // parts hold index files only, and only when they have records.
    assert!(bundle.join("pagefind.js").is_file() && bundle.join("pagefind-entry.json").is_file());
    let mut with_records = 0;
    for i in 1..40 {
        let part = bundle.join(format!("part-{i}"));
        let n = fragments_in(&part.join("fragment")).len();
        assert_eq!(part.exists(), n > 0, "part {i} with {n} records");
        if n > 0 {
            with_records += 1;
            assert!(part.join("pagefind-entry.json").is_file());
            assert!(!part.join("pagefind.js").exists(), "only part 0 has the script");
        }
    }
    assert!(with_records > 2, "{with_records} parts have records");
}

#[test]
fn a_site_with_nothing_to_find_still_has_a_working_search_bundle() {
    let s = Site::new();
    s.remove("content/organisations/keuruun-testiyhdistys.md").remove("content/networks/testiverkosto.md");
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let bundle = s.root().join("public/pagefind");
    assert!(bundle.join("pagefind.js").is_file() && bundle.join("pagefind-entry.json").is_file());
    assert!(fragments(&s.root().join("public")).is_empty());
}

#[test]
fn notes_can_be_left_out_of_search() {
    let s = search_site("", "[search]\nnotes = false");
    let found = built_fragments(&s);
    assert!(found.contains_key("/kumppanuuspoydat/poyta/"), "the table is still searchable");
    assert!(!found.contains_key("/kumppanuuspoydat/poyta/2026-10-01-kokous/"), "{:?}", found.keys());
    for (url, f) in &found {
        assert!(!f.to_string().contains("lumilyhtyryhmä"), "{url} holds the note's text");
    }
    assert!(records(&s, false).iter().all(|(u, _)| !u.contains("2026-10-01-kokous")));
}

#[test]
fn description_words_limits_what_is_indexed() {
    let s = search_site("", "[search]\ndescription_words = 3");
    let found = built_fragments(&s);
    let content = found["/jarjestot/zeta/"]["content"].as_str().unwrap().to_string();
    assert!(content.contains("Kerhomme kokoontuu kirjastolla"), "{content}");
    assert!(!content.contains("pihlajanmarjat"), "only the first 3 words of the description: {content}");
}

/// The search indexer in `vendor/pagefind/` is Pagefind as published on crates.io
/// (`vendor/pagefind.sha1`: every file of the published crate) with the changes of
/// `vendor/pagefind.patch` and its licence added, nothing else.
#[test]
fn the_vendored_search_indexer_is_the_published_crate_with_its_patch() {
    use sha1::{Digest, Sha1};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let vendored = root.join("vendor/pagefind");
    let tmp = tempfile::tempdir().unwrap();
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&vendored) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(&vendored).unwrap();
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(tmp.path().join(rel)).unwrap();
        } else {
            std::fs::copy(entry.path(), tmp.path().join(rel)).unwrap();
        }
    }
    // The published files back: the patch taken out again.
    let out = std::process::Command::new("git")
        .args(["apply", "--reverse", "--whitespace=nowarn"])
        .arg(root.join("vendor/pagefind.patch"))
        .current_dir(tmp.path())
        .output()
        .expect("git is installed");
    assert!(out.status.success(), "the patch does not fit: {}", String::from_utf8_lossy(&out.stderr));
    assert!(tmp.path().join("LICENSE").is_file(), "vendor/pagefind/LICENSE is missing");
    for entry in walkdir::WalkDir::new(tmp.path()) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(tmp.path()).unwrap().to_string_lossy().into_owned();
        if entry.file_type().is_file() && rel != "LICENSE" {
            let digest = Sha1::digest(std::fs::read(entry.path()).unwrap());
            files.insert(rel, digest.iter().map(|b| format!("{b:02x}")).collect::<String>());
        }
    }
    let published: BTreeMap<String, String> = std::fs::read_to_string(root.join("vendor/pagefind.sha1"))
        .unwrap()
        .lines()
        .map(|l| {
            let (sum, name) = l.split_once("  ").expect("sha1sum's format");
            (name.to_string(), sum.to_string())
        })
        .collect();
    assert!(published.len() > 50, "{}", published.len());
    for (name, sum) in &published {
        assert_eq!(files.get(name), Some(sum), "{name} differs from the published crate");
    }
    let extra: Vec<_> = files.keys().filter(|n| !published.contains_key(*n)).collect();
    assert!(extra.is_empty(), "not in the published crate: {extra:?}");
    // And it is the copy areena is built with: Cargo.lock takes Pagefind from no registry.
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap();
    let entry =
        lock.split("[[package]]").find(|p| p.contains("\nname = \"pagefind\"\n")).expect("pagefind in Cargo.lock");
    assert!(!entry.contains("source ="), "Cargo.lock takes pagefind from elsewhere:{entry}");
}

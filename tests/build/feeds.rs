//! Feeds, structured data and link previews as their readers read them: every Atom
//! feed through a feed parser (feed-rs), every page's JSON-LD through a JSON parser,
//! every page's Open Graph tags through an HTML parser.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use scraper::{Html, Selector};
use serde_json::Value;

use super::{build, small_site};
use crate::support::{Site, fixture, run};

const ORIGIN: &str = "https://example.org";

/// The fixture site built into a temporary folder.
fn built(name: &str) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let r = run(&["build", "--root", fixture(name).to_str().unwrap(), "--output", site.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    (out, site)
}

/// Every file named `name` under `dir`, by path relative to it.
fn files_named(dir: &Path, name: &str) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.file_name() == name)
        .map(|e| e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned())
        .collect()
}

fn parse_feed(out: &Path, rel: &str) -> feed_rs::model::Feed {
    let bytes = std::fs::read(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    feed_rs::parser::parse(bytes.as_slice()).unwrap_or_else(|e| panic!("{rel} is not a feed: {e}"))
}

fn titles(feed: &feed_rs::model::Feed) -> Vec<String> {
    feed.entries.iter().map(|e| e.title.as_ref().map(|t| t.content.clone()).unwrap_or_default()).collect()
}

fn links(feed: &feed_rs::model::Feed) -> Vec<String> {
    feed.entries.iter().map(|e| e.links.first().map(|l| l.href.clone()).unwrap_or_default()).collect()
}

fn summaries(feed: &feed_rs::model::Feed) -> Vec<String> {
    feed.entries.iter().map(|e| e.summary.as_ref().map(|s| s.content.clone()).unwrap_or_default()).collect()
}

fn doc(out: &Path, rel: &str) -> Html {
    Html::parse_document(&std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}")))
}

fn attrs(doc: &Html, css: &str, attr: &str) -> Vec<String> {
    let sel = Selector::parse(css).unwrap();
    doc.select(&sel).filter_map(|e| e.value().attr(attr).map(String::from)).collect()
}

/// The notes of a partnership table folder of the fixture: (date, title), newest first.
fn notes_of(table: &str) -> Vec<(String, String)> {
    let dir = fixture("site").join("content/partnership-tables").join(table);
    let mut notes = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.file_name() == "index.md" {
            continue;
        }
        let text = std::fs::read_to_string(e.path()).unwrap();
        let front = text.split("+++").nth(1).unwrap();
        let v: toml::Table = toml::from_str(front).unwrap();
        if v.get("draft").and_then(toml::Value::as_bool) == Some(true) {
            continue;
        }
        notes.push((v["date"].to_string(), v["title"].as_str().unwrap().to_string()));
    }
    notes.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    notes
}

#[test]
// Long on purpose: one build of the fixture, then each kind of feed read against it.
#[allow(clippy::too_many_lines)]
fn every_feed_of_the_fixture_parses_and_holds_what_its_page_follows() {
    let (_keep, out) = built("site");
    let feeds = files_named(&out, "atom.xml");
    assert!(feeds.len() > 20, "{feeds:?}");
    for rel in &feeds {
        let feed = parse_feed(&out, rel);
        let url = format!("{ORIGIN}/jarjestot/{rel}");
        assert_eq!(feed.id, url, "{rel}: the id is the feed's own address");
        assert!(feed.title.as_ref().is_some_and(|t| !t.content.is_empty()), "{rel}: a title");
        // Its alternate is the page it follows: the folder it is in.
        let alternate: Vec<&str> =
            feed.links.iter().filter(|l| l.rel.as_deref() == Some("alternate")).map(|l| l.href.as_str()).collect();
        assert_eq!(alternate, [url.trim_end_matches("atom.xml")], "{rel}: the page it follows");
        let newest = feed.entries.iter().filter_map(|e| e.updated).max();
        if let Some(n) = newest {
            assert_eq!(feed.updated, Some(n), "{rel}: updated is its newest entry's date");
        }
        for e in &feed.entries {
            assert!(e.links[0].href.starts_with(ORIGIN), "{rel}: {}", e.links[0].href);
            assert_eq!(e.id, e.links[0].href, "{rel}: an entry's id is its page's address");
            assert!(e.summary.as_ref().is_some_and(|s| !s.content.trim().is_empty()), "{rel}: {} has no summary", e.id);
            let page = e.links[0].href.strip_prefix(&format!("{ORIGIN}/jarjestot/")).unwrap();
            assert!(out.join(page).join("index.html").is_file(), "{rel}: {page} is a page of the site");
        }
        // The page the feed follows links it, in <head> and visibly (the whole site's
        // feed of each language, `atom.xml` and `sv/atom.xml`, is announced in <head>).
        let dir = rel.trim_end_matches("atom.xml").trim_end_matches('/');
        if !(dir.is_empty() || dir == "sv") {
            let page_rel = rel.replace("atom.xml", "index.html");
            let page = doc(&out, &page_rel);
            let href = format!("/jarjestot/{rel}");
            assert!(
                attrs(&page, "head link[rel=alternate][type='application/atom+xml'][title]", "href").contains(&href),
                "{page_rel} announces {href}"
            );
            assert!(attrs(&page, "main a", "href").contains(&href), "{page_rel} links {href} visibly");
        }
    }

    // A table's feed holds exactly its notes, newest first, with their first paragraphs.
    let table = "maakunnan-kumppanuuspoyta";
    let feed = parse_feed(&out, &format!("kumppanuuspoydat/{table}/atom.xml"));
    let expected: Vec<String> = notes_of(table).into_iter().map(|(_, t)| t).collect();
    assert!(expected.len() >= 5);
    assert_eq!(titles(&feed), expected);
    let i = titles(&feed).iter().position(|t| t == "Kokous 2/2025").unwrap();
    assert_eq!(summaries(&feed)[i], "Kokouksen aiheena olivat kylien varautuminen ja järjestöavustukset.");
    assert_eq!(
        links(&feed)[i],
        format!("{ORIGIN}/jarjestot/kumppanuuspoydat/{table}/2025-04-09-kokous-2-2025/"),
        "links to the note's page"
    );
    let dates: Vec<_> = feed.entries.iter().map(|e| e.updated.unwrap()).collect();
    assert_eq!(dates.first().unwrap().format("%Y-%m-%d").to_string(), notes_of(table)[0].0);

    // A municipality's feed: its local organisations, each acting there.
    let feed = parse_feed(&out, "kunnat/keuruu/atom.xml");
    assert!(!feed.entries.is_empty());
    for link in links(&feed) {
        let page = doc(&out, &format!("{}index.html", link.strip_prefix(&format!("{ORIGIN}/jarjestot/")).unwrap()));
        assert!(attrs(&page, "main a", "href").contains(&"/jarjestot/kunnat/keuruu/".to_string()), "{link}");
    }

    // A theme's feed: the organisations its page lists (all say when they were
    // updated), and notes.
    let feed = parse_feed(&out, "teemat/omaishoito/atom.xml");
    let theme_page = doc(&out, "teemat/omaishoito/index.html");
    let listed: BTreeSet<String> =
        attrs(&theme_page, "main .org-card__name", "href").into_iter().map(|h| format!("{ORIGIN}{h}")).collect();
    let in_feed: BTreeSet<String> = links(&feed).into_iter().collect();
    let orgs_in_feed: BTreeSet<String> =
        in_feed.iter().filter(|l| !l.contains("/kumppanuuspoydat/")).cloned().collect();
    assert!(!listed.is_empty());
    assert_eq!(orgs_in_feed, listed, "the theme's organisations");
    // The notes: every note of the tables of the theme, and the notes marked with it.
    let notes_in = |theme: &str| -> BTreeSet<String> {
        let feed = parse_feed(&out, &format!("teemat/{theme}/atom.xml"));
        links(&feed).into_iter().filter(|l| l.contains("/kumppanuuspoydat/")).collect()
    };
    let note_url = |table: &str, slug: &str| format!("{ORIGIN}/jarjestot/kumppanuuspoydat/{table}/{slug}/");
    let of_table: BTreeSet<String> =
        files_named(&out.join("kumppanuuspoydat/hyvinvointialueen-jarjestopoyta"), "index.html")
            .into_iter()
            .filter(|f| f.contains('/'))
            .map(|f| note_url("hyvinvointialueen-jarjestopoyta", f.trim_end_matches("/index.html")))
            .collect();
    assert!(of_table.len() >= 5 && of_table.is_subset(&notes_in("omaishoito")), "{of_table:?}");
    let marked = note_url("maakunnan-kumppanuuspoyta", "2026-09-16-kokous-3-2026");
    assert!(notes_in("nuoret").contains(&marked), "a note marked with the theme, of a table of other themes");
    assert!(!notes_in("omaishoito").contains(&marked));

    // The events feed: the upcoming events, soonest first, as the events page lists them.
    let feed = parse_feed(&out, "tapahtumat/atom.xml");
    let events_page = doc(&out, "tapahtumat/index.html");
    let upcoming: Vec<String> =
        attrs(&events_page, "main .event-item__title", "href").into_iter().map(|h| format!("{ORIGIN}{h}")).collect();
    assert!(!upcoming.is_empty());
    assert_eq!(links(&feed), upcoming);

    // The site's feed: the notes of every table, each with a summary of its own.
    let feed = parse_feed(&out, "atom.xml");
    let all = notes_of("maakunnan-kumppanuuspoyta").len() + notes_of("hyvinvointialueen-jarjestopoyta").len();
    assert_eq!(feed.entries.len(), all.min(50));
    let i = titles(&feed).iter().position(|t| t == "Kokous 2/2025").unwrap();
    assert_eq!(summaries(&feed)[i], "Kokouksen aiheena olivat kylien varautuminen ja järjestöavustukset.");
}

#[test]
fn hostile_text_in_feeds_is_text() {
    let (_keep, out) = built("hostile");
    for rel in files_named(&out, "atom.xml") {
        let xml = std::fs::read_to_string(out.join(&rel)).unwrap();
        let parsed = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{rel}: {e}"));
        assert!(parsed.descendants().all(|n| !n.has_tag_name("script") && !n.has_tag_name("img")), "{rel}");
        parse_feed(&out, &rel);
    }
    let feed = parse_feed(&out, "kumppanuuspoydat/poyta/atom.xml");
    assert_eq!(titles(&feed), ["Kokous ]]></title><script>alert('note')</script>"]);
    assert_eq!(summaries(&feed), ["<img src=x onerror=alert('decision')>"], "the decision, whole and as text");
    assert_eq!(
        feed.title.unwrap().content,
        "Pöytä </h1><script>alert('table')</script>: muistiot ja tiedotteet",
        "the table's name in the feed's title"
    );
    let feed = parse_feed(&out, "teemat/paha-teema/atom.xml");
    assert!(titles(&feed).contains(&"Paha \"</title><script>alert('name')</script> ry".to_string()), "{feed:?}");
    let feed = parse_feed(&out, "atom.xml");
    assert_eq!(feed.title.unwrap().content, "Hakemisto \"</title><script>alert('site')</script>");

    // The JSON-LD of the same pages: whole JSON, no raw `<` or `>`, the text as written.
    let found = json_ld(&out);
    let (_, org) = found.iter().find(|(rel, _)| rel == "jarjestot/paha-yhdistys/index.html").expect("the NGO");
    assert_eq!(org["name"], "Paha \"</title><script>alert('name')</script> ry");
    assert_eq!(org["address"]["streetAddress"], "</script><script>alert('street')</script>");
    let (_, site) = found.iter().find(|(rel, _)| rel == "index.html").expect("the WebSite");
    assert_eq!(site["name"], "Hakemisto \"</title><script>alert('site')</script>");
    assert_eq!(site["description"], "<img src=x onerror=alert('desc')> \" onmouseover=\"alert('desc2')");
}

/// Every JSON-LD of every HTML page under `out`: (page, JSON). Every page has one
/// at least (the web editor under `admin/` is not a page of the directory).
fn json_ld(out: &Path) -> Vec<(String, Value)> {
    let sel = Selector::parse("script[type='application/ld+json']").unwrap();
    let mut found = Vec::new();
    let pages: Vec<String> = walkdir::WalkDir::new(out)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.path().strip_prefix(out).unwrap().to_string_lossy().into_owned())
        .filter(|rel| !rel.starts_with("admin/"))
        .collect();
    assert!(pages.iter().any(|p| p == "404.html"), "the 404 page is among the pages");
    for rel in pages {
        let html = std::fs::read_to_string(out.join(&rel)).unwrap();
        let before = found.len();
        for s in Html::parse_document(&html).select(&sel) {
            let text: String = s.text().collect();
            assert!(!text.contains(['<', '>']), "{rel}: JSON-LD with a raw < or >");
            let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}: {text}"));
            assert_eq!(v["@context"], "https://schema.org", "{rel}");
            found.push((rel.clone(), v));
        }
        assert!(found.len() > before, "{rel}: a page without JSON-LD");
    }
    found
}

fn non_empty_str(v: &Value) -> bool {
    v.as_str().is_some_and(|s| !s.is_empty())
}

/// The page of the output that an absolute address of the site names.
fn resolves(out: &Path, base: &str, url: &Value) -> bool {
    let Some(rel) = url.as_str().and_then(|u| u.strip_prefix(base)) else { return false };
    let rel = rel.split(['#', '?']).next().unwrap_or_default();
    let path = if rel.is_empty() || rel.ends_with('/') { out.join(rel).join("index.html") } else { out.join(rel) };
    path.is_file()
}

/// The properties each type must have, and what they must say; every address of
/// the site in it names a file of the output `out`.
fn check_json_ld(out: &Path, rel: &str, v: &Value, search: bool, base: &str) {
    // The not-found page has no address of its own.
    let canonical = |v: &Value| match rel.rsplit('/').next() {
        Some("404.html") => v["url"].is_null(),
        _ => v["url"].as_str().is_some_and(|u| u == format!("{base}{}", rel.trim_end_matches("index.html"))),
    };
    let part_of_site = |v: &Value| {
        assert_eq!(v["isPartOf"]["@type"], "WebSite", "{rel}: {v}");
        assert!(resolves(out, base, &v["isPartOf"]["url"]), "{rel}: {v}");
    };
    match v["@type"].as_str().unwrap_or_default() {
        "NGO" => {
            assert!(non_empty_str(&v["name"]) && canonical(v), "{rel}: {v}");
            check_areas(rel, &v["areaServed"], true);
            if !v["identifier"].is_null() {
                assert_eq!(v["identifier"]["propertyID"], "0037", "{rel}");
                let digits: String = v["identifier"]["value"].as_str().unwrap().replace('-', "");
                assert_eq!(v["iso6523Code"], format!("0037:{digits}"), "{rel}");
            }
            for m in v["memberOf"].as_array().into_iter().flatten() {
                let networks = if rel.starts_with("sv/") { "sv/natverk/" } else { "verkostot/" };
                assert!(m["url"].as_str().unwrap().starts_with(&format!("{base}{networks}")), "{rel}");
                assert!(resolves(out, base, &m["url"]), "{rel}: {m}");
            }
            let contacts = v["contactPoint"].as_array().into_iter().flatten();
            assert!(contacts.into_iter().all(|c| c["@type"] == "ContactPoint"), "{rel}");
        }
        // A network or a partnership table, with its members.
        "Organization" => {
            assert!(non_empty_str(&v["name"]) && canonical(v), "{rel}: {v}");
            check_areas(rel, &v["areaServed"], false);
            for m in v["member"].as_array().unwrap_or_else(|| panic!("{rel}: no member list")) {
                match m["@type"].as_str().unwrap() {
                    "NGO" => assert!(non_empty_str(&m["name"]) && resolves(out, base, &m["url"]), "{rel}: {m}"),
                    "GovernmentOrganization" => assert!(non_empty_str(&m["name"]) && m["url"].is_null(), "{rel}"),
                    other => panic!("{rel}: a member of type {other}"),
                }
            }
        }
        "Report" => {
            assert!(non_empty_str(&v["name"]) && canonical(v), "{rel}: {v}");
            let date = v["datePublished"].as_str().unwrap();
            assert!(date.len() == 10 && date.as_bytes()[4] == b'-', "{rel}: datePublished {date}");
            assert_eq!(v["author"]["@type"], "Organization", "{rel}");
            assert!(resolves(out, base, &v["author"]["url"]), "{rel}: {v}");
            part_of_site(v);
        }
        "CollectionPage" => {
            assert!(non_empty_str(&v["name"]) && canonical(v), "{rel}: {v}");
            let list = &v["mainEntity"];
            assert_eq!(list["@type"], "ItemList", "{rel}");
            let items = list["itemListElement"].as_array().unwrap();
            assert_eq!(list["numberOfItems"], items.len(), "{rel}");
            for (i, item) in items.iter().enumerate() {
                assert_eq!(item["position"], i + 1, "{rel}");
                assert!(non_empty_str(&item["name"]), "{rel}");
                assert!(resolves(out, base, &item["url"]), "{rel}: {item}");
            }
        }
        "WebPage" | "SearchResultsPage" => {
            assert!(non_empty_str(&v["name"]) && canonical(v), "{rel}: {v}");
            part_of_site(v);
            if !v["mainEntity"].is_null() {
                check_catalog(out, rel, &v["mainEntity"], base);
            }
        }
        "WebSite" => {
            assert!(non_empty_str(&v["name"]) && canonical(v), "{rel}: {v}");
            let target = v["potentialAction"]["target"]["urlTemplate"].as_str();
            if search {
                let search_page = if rel.starts_with("sv/") { "sv/sok/" } else { "haku/" };
                assert_eq!(target, Some(&*format!("{base}{search_page}?q={{search_term_string}}")), "{rel}");
                assert_eq!(v["potentialAction"]["query-input"], "required name=search_term_string");
            } else {
                assert!(v["potentialAction"].is_null(), "{rel}: a search action without search");
            }
        }
        "Event" => {
            assert!(non_empty_str(&v["name"]) && canonical(v) && non_empty_str(&v["startDate"]), "{rel}: {v}");
            assert!(!v["location"].is_null() && v["organizer"].is_array(), "{rel}: {v}");
        }
        other => panic!("{rel}: JSON-LD of type {other}"),
    }
}

/// The open data page's `DataCatalog`: each file a `Dataset` that can be downloaded.
fn check_catalog(out: &Path, rel: &str, catalog: &Value, base: &str) {
    assert_eq!(catalog["@type"], "DataCatalog", "{rel}");
    let datasets = catalog["dataset"].as_array().unwrap();
    assert!(!datasets.is_empty(), "{rel}");
    for d in datasets {
        assert_eq!(d["@type"], "Dataset", "{rel}");
        assert!(non_empty_str(&d["name"]) && non_empty_str(&d["license"]), "{rel}: {d}");
        let download = &d["distribution"];
        assert!(non_empty_str(&download["encodingFormat"]), "{rel}: {d}");
        assert!(resolves(out, base, &download["contentUrl"]), "{rel}: {d}");
    }
}

/// `areaServed`: municipalities and regions with their official codes, Finland as
/// a country; not empty where `required`.
fn check_areas(rel: &str, areas: &Value, required: bool) {
    let areas = areas.as_array().unwrap_or_else(|| panic!("{rel}: areaServed"));
    assert!(!required || !areas.is_empty(), "{rel}: areaServed");
    for a in areas {
        match a["@type"].as_str().unwrap() {
            "AdministrativeArea" => {
                let id = &a["identifier"];
                assert!(id["propertyID"] == "kuntanumero" || id["propertyID"] == "maakuntanumero", "{rel}: {a}");
                assert!(id["value"].as_str().unwrap().chars().all(|c| c.is_ascii_digit()), "{rel}: {a}");
            }
            "Country" => assert_eq!(a["identifier"], "FI"),
            other => panic!("{rel}: areaServed of type {other}"),
        }
    }
}

#[test]
fn every_page_s_json_ld_parses_and_says_what_its_type_needs() {
    let (_keep, out) = built("site");
    let found = json_ld(&out);
    let mut by_type: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (rel, v) in &found {
        check_json_ld(&out, rel, v, true, &format!("{ORIGIN}/jarjestot/"));
        by_type.entry(v["@type"].as_str().unwrap().to_string()).or_default().push(rel);
    }
    let kinds: Vec<&String> = by_type.keys().collect();
    assert_eq!(
        kinds,
        ["CollectionPage", "Event", "NGO", "Organization", "Report", "SearchResultsPage", "WebPage", "WebSite"]
    );
    // The fixture is built in Finnish and Swedish: a front page in each.
    assert_eq!(by_type["WebSite"], ["index.html", "sv/index.html"]);
    assert_eq!(by_type["SearchResultsPage"], ["haku/index.html", "sv/sok/index.html"]);
    // Each network and table page, in both languages.
    let groups = |dir: &str| files_named(&out.join(dir), "index.html").into_iter().filter(|f| f.contains('/')).count();
    let tables = files_named(&out.join("kumppanuuspoydat"), "index.html")
        .into_iter()
        .filter(|f| f.matches('/').count() == 1)
        .count();
    assert!(groups("verkostot") > 0 && tables > 0);
    assert_eq!(by_type["Organization"].len(), 2 * (groups("verkostot") + tables), "{:?}", by_type["Organization"]);
    // The open data page is a catalogue of the data files.
    let (_, data) = found.iter().find(|(rel, _)| rel == "avoin-data/index.html").unwrap();
    let catalog = data["mainEntity"]["dataset"].as_array().unwrap();
    let names: Vec<&str> = catalog.iter().map(|d| d["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"organisations.csv") && names.contains(&"hsds/services.json"), "{names:?}");
    assert_eq!(catalog[0]["license"], "https://creativecommons.org/licenses/by/4.0/");
    // An NGO on each organisation page, and on no other page.
    let org_pages: Vec<String> = std::fs::read_dir(out.join("jarjestot"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("etsii-") && n != "sivu" && n != "index.html")
        .filter(|n| out.join("jarjestot").join(n).join("index.html").is_file())
        .map(|n| format!("jarjestot/{n}/index.html"))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(org_pages.len() > 40);
    let (swedish, finnish): (Vec<&str>, Vec<&str>) = by_type["NGO"].iter().partition(|r| r.starts_with("sv/"));
    assert_eq!(finnish, org_pages.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(swedish.len(), org_pages.len(), "an NGO on each Swedish organisation page too");

    // A theme page's list is the organisations the page shows, in its order.
    let (_, theme) = found.iter().find(|(rel, _)| rel == "teemat/omaishoito/index.html").unwrap();
    let in_json: Vec<String> = theme["mainEntity"]["itemListElement"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["url"].as_str().unwrap().to_string())
        .collect();
    let mut on_page: Vec<String> = Vec::new();
    for h in attrs(&doc(&out, "teemat/omaishoito/index.html"), "main .org-card__name", "href") {
        let h = format!("{ORIGIN}{h}");
        if !on_page.contains(&h) {
            on_page.push(h);
        }
    }
    assert_eq!(in_json, on_page);

    // An organisation's description is its one line, as in its page's description.
    let described = by_type["NGO"].iter().filter(|rel| !rel.starts_with("sv/")).filter(|rel| {
        let (_, v) = found.iter().find(|(r, v)| r == *rel && v["@type"] == "NGO").unwrap();
        let meta = attrs(&doc(&out, rel), "meta[name=description]", "content");
        v["description"].as_str().is_some_and(|d| meta == [d])
    });
    assert_eq!(described.count(), org_pages.len(), "every fixture organisation has a text");

    // An organisation with a Y-tunnus, an address, networks and a logo.
    let (_, org) = found.iter().find(|(rel, _)| rel == "jarjestot/keskimaan-jarjestokeskus/index.html").unwrap();
    assert_eq!(org["@type"], "NGO");
    assert_eq!(org["identifier"]["value"], "1195381-9");
    assert_eq!(org["address"]["addressLocality"], "Jyväskylä");
    assert_eq!(org["logo"], format!("{ORIGIN}/jarjestot/logos/keskimaan-jarjestokeskus.png"));
    assert!(!org["memberOf"].as_array().unwrap().is_empty());
}

#[test]
fn json_ld_names_no_contact_person_when_the_site_says_so() {
    let s = small_site();
    s.write(
        "content/organisations/zeta.md",
        "+++\nname = \"Zeta ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\nbusiness_id = \"1234567-1\"\nphone = \"+358 40 000 0009\"\n[contact]\nname = \"Maija Meikäläinen\"\nrole = \"puheenjohtaja\"\nemail = \"maija@zeta.example\"\n+++\n",
    );
    let named = |s: &crate::support::Site| {
        let all = json_ld(&s.root().join("public"));
        all.iter().any(|(_, v)| v.to_string().contains("Meikäläinen") || v.to_string().contains("maija@zeta"))
    };
    // A contact person with a name alone is a contact point too.
    s.write(
        "content/organisations/eta.md",
        "+++\nname = \"Eta ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n[contact]\nname = \"Matti Meikäläinen\"\n+++\n",
    );
    // So is one with a phone alone, or an email alone.
    s.write(
        "content/organisations/theta.md",
        "+++\nname = \"Theta ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n[contact]\nphone = \"+358 40 000 0011\"\n+++\n",
    );
    s.write(
        "content/organisations/iota.md",
        "+++\nname = \"Iota ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n[contact]\nemail = \"iota@iota.example\"\n+++\n",
    );
    assert_eq!(build(&s, &[]).code, 0);
    assert!(named(&s), "with contact persons on, the JSON-LD names the contact person");
    let all = json_ld(&s.root().join("public"));
    let (_, eta) = all.iter().find(|(rel, _)| rel == "jarjestot/eta/index.html").unwrap();
    assert_eq!(eta["contactPoint"].as_array().map(Vec::len), Some(1), "{eta}");
    assert_eq!(eta["contactPoint"][0]["name"], "Matti Meikäläinen");
    let (_, theta) = all.iter().find(|(rel, _)| rel == "jarjestot/theta/index.html").unwrap();
    assert_eq!(theta["contactPoint"].as_array().map(Vec::len), Some(1), "{theta}");
    assert_eq!(theta["contactPoint"][0]["telephone"], "+358 40 000 0011");
    let (_, iota) = all.iter().find(|(rel, _)| rel == "jarjestot/iota/index.html").unwrap();
    assert_eq!(iota["contactPoint"].as_array().map(Vec::len), Some(1), "{iota}");
    assert_eq!(iota["contactPoint"][0]["email"], "iota@iota.example");
    s.write("site.toml", &format!("{}\n[privacy]\ncontact_persons = false\n", crate::support::SITE));
    assert_eq!(build(&s, &[]).code, 0);
    assert!(!named(&s), "a contact person named in JSON-LD");
    let all = json_ld(&s.root().join("public"));
    let (_, zeta) = all.iter().find(|(rel, _)| rel == "jarjestot/zeta/index.html").unwrap();
    assert_eq!(zeta["contactPoint"][0]["telephone"], "+358 40 000 0009", "the organisation's own phone stays");
    assert!(zeta["description"].is_null(), "no text, no summary: no description");
    for (rel, v) in &all {
        check_json_ld(&s.root().join("public"), rel, v, true, &format!("{ORIGIN}/"));
    }
}

#[test]
fn every_page_has_link_preview_tags_that_agree_with_it() {
    let (_keep, out) = built("site");
    let mut with_image = 0;
    for rel in files_named(&out, "index.html") {
        let page = doc(&out, &rel);
        let meta = |css: &str| attrs(&page, css, "content");
        let canonical = attrs(&page, "link[rel=canonical]", "href");
        assert_eq!(meta("meta[property='og:url']"), canonical, "{rel}: og:url is the canonical address");
        assert!(canonical[0].starts_with(ORIGIN), "{rel}");
        let title = meta("meta[property='og:title']");
        assert!(title.len() == 1 && !title[0].is_empty(), "{rel}: og:title");
        let description = meta("meta[property='og:description']");
        assert!(description.len() == 1 && !description[0].is_empty(), "{rel}: og:description");
        assert_eq!(meta("meta[name=description]"), description, "{rel}: one description");
        assert_eq!(meta("meta[name='twitter:description']"), description, "{rel}");
        assert_eq!(meta("meta[name='twitter:card']"), ["summary"], "{rel}");
        let locale = if rel.starts_with("sv/") { "sv_FI" } else { "fi_FI" };
        assert_eq!(meta("meta[property='og:locale']"), [locale], "{rel}");
        assert_eq!(meta("meta[property='og:site_name']"), ["Keski-Suomen järjestöt"], "{rel}");
        // An organisation with a logo shows it, as an absolute address.
        let logo = attrs(&page, "main .page-header img.logo", "src");
        if rel.starts_with("jarjestot/") && rel.matches('/').count() == 2 && !logo.is_empty() {
            assert_eq!(meta("meta[property='og:image']"), [format!("{ORIGIN}{}", logo[0])], "{rel}: og:image");
            with_image += 1;
        }
    }
    assert!(with_image >= 2, "organisations with logos: {with_image}");
    let o = doc(&out, "jarjestot/keskimaan-jarjestokeskus/index.html");
    assert_eq!(
        attrs(&o, "meta[property='og:image']", "content"),
        [format!("{ORIGIN}/jarjestot/logos/keskimaan-jarjestokeskus.png")]
    );
    assert_eq!(
        attrs(&o, "meta[property='og:description']", "content"),
        ["Järjestöneuvonta, koulutukset ja vapaaehtoistoiminnan koordinointi"],
        "the organisation's one line"
    );
}

#[test]
fn the_site_image_is_the_preview_of_pages_without_their_own() {
    let s = small_site();
    s.write_bytes("static/kuvat/jako.png", b"\x89PNG\r\n\x1a\n");
    s.write("site.toml", &format!("image = \"kuvat/jako.png\"\n{}", crate::support::SITE));
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = super::page(&s, "teemat/omaishoito/index.html");
    assert_eq!(attrs(&page, "meta[property='og:image']", "content"), [format!("{ORIGIN}/kuvat/jako.png")]);
    assert_eq!(attrs(&page, "meta[name='twitter:image']", "content"), [format!("{ORIGIN}/kuvat/jako.png")]);

    s.write("site.toml", &format!("image = \"kuvat/jakokuva.png\"\n{}", crate::support::SITE));
    let r = s.check_json();
    let d = r.diagnostics();
    let d = d.iter().find(|d| d.code == "missing-static-file").unwrap_or_else(|| panic!("{}", r.stdout));
    assert_eq!((d.file.as_str(), d.line, d.column), ("site.toml", 1, 9));
    assert!(d.message.contains("static/kuvat/jakokuva.png"), "{}", d.message);
    assert!(d.help.as_deref().is_some_and(|h| h.contains("static/")), "{d:?}");
}

#[test]
fn the_website_offers_a_search_action_only_with_search_on() {
    let s = small_site();
    for (search, extra) in [(true, ""), (false, "\n[search]\nenabled = false\n")] {
        s.write("site.toml", &format!("{}{extra}", crate::support::SITE));
        let r = build(&s, &[]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let all = json_ld(&s.root().join("public"));
        let sites: Vec<&Value> = all.iter().filter(|(_, v)| v["@type"] == "WebSite").map(|(_, v)| v).collect();
        assert_eq!(sites.len(), 1, "one WebSite, on the front page");
        assert_eq!(sites[0]["potentialAction"].is_null(), !search, "search {search}");
        for (rel, v) in &all {
            check_json_ld(&s.root().join("public"), rel, v, search, &format!("{ORIGIN}/"));
        }
    }
}

#[test]
fn an_empty_feed_is_as_new_as_the_newest_content() {
    // Nothing of the theme `ikaihmiset` says when it was updated: its feed is empty,
    // and dated by the newest date of the whole content (an organisation's here).
    let s = small_site();
    s.write(
        "content/organisations/zeta.md",
        "+++\nname = \"Zeta ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\nupdated = 2026-05-04\n+++\n",
    );
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let public = s.root().join("public");
    let feed = parse_feed(&public, "teemat/ikaihmiset/atom.xml");
    assert!(feed.entries.is_empty());
    assert_eq!(feed.updated.map(|d| d.format("%Y-%m-%d").to_string()).as_deref(), Some("2026-05-04"));
    let feed = parse_feed(&public, "teemat/omaishoito/atom.xml");
    assert_eq!(titles(&feed), ["Zeta ry"]);
}

#[test]
fn a_long_feed_holds_the_fifty_newest_with_ties_in_title_then_address_order() {
    // 79 organisations of one theme in one municipality: ten a day over seven days
    // and nine more on the newest, so that the 50th and the 51st are the two of the
    // same day and name ("Sama ry"), told apart by their address; and five without a
    // date, which no feed shows.
    let s = Site::new();
    let mut expected = Vec::new();
    for i in 0..79 {
        let day = if i < 70 { 1 + i % 7 } else { 7 };
        // Names out of their A–Ö order in the files, two alike ("Sama ry") on each day.
        let name = if i < 70 && (i % 10 == 3 || i % 10 == 8) {
            "Sama ry".to_string()
        } else {
            format!("Yhdistys {:02} ry", 97 - i)
        };
        let slug = format!("org-{i:02}");
        s.write(
            &format!("content/organisations/{slug}.md"),
            &format!(
                "+++\nname = \"{name}\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\nupdated = 2026-03-{day:02}\n+++\n"
            ),
        );
        expected.push((std::cmp::Reverse(day), name, format!("{ORIGIN}/jarjestot/{slug}/")));
    }
    for i in 0..5 {
        s.write(
            &format!("content/organisations/undated-{i}.md"),
            &format!("+++\nname = \"Aaa {i} ry\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\n+++\n"),
        );
    }
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    expected.sort();
    assert_eq!((&expected[49].1, &expected[50].1), (&"Sama ry".to_string(), &"Sama ry".to_string()));
    expected.truncate(50);
    let want: Vec<(String, String)> = expected.into_iter().map(|(_, name, url)| (name, url)).collect();
    let public = s.root().join("public");
    for rel in ["kunnat/keuruu/atom.xml", "teemat/omaishoito/atom.xml"] {
        let feed = parse_feed(&public, rel);
        let got: Vec<(String, String)> = titles(&feed).into_iter().zip(links(&feed)).collect();
        assert_eq!(got, want, "{rel}");
    }
}

//! The Swedish and English fixture sites (`tests/fixtures/site-sv`, `site-en`): they
//! check clean, build every kind of page, every link resolves, every page is in the
//! site's language with no interface text missing, and the sitemap lists the pages.

use std::collections::BTreeSet;

use scraper::{Html, Selector};

use crate::support::{fixture, run};

/// Every kind of page the Finnish fixture has, which these sites have too.
const KINDS: [&str; 23] = [
    "accessibility",
    "coverage",
    "event",
    "events",
    "events-archive",
    "front",
    "municipalities",
    "municipality",
    "municipality-theme",
    "network",
    "networks",
    "not-found",
    "note",
    "open-data",
    "organisation",
    "organisations",
    "page",
    "search",
    "seeking",
    "table",
    "tables",
    "theme",
    "themes",
];

fn built(lang: &str, base: &str, draft_slug: &str) {
    let root = fixture(&format!("site-{lang}"));
    let r = run(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{lang}: {}", r.stderr);
    assert!(r.stderr.contains("no problems found"), "{lang}: no warnings either: {}", r.stderr);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let manifest = tmp.path().join("pages.json");
    let r = run(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--manifest",
        manifest.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{lang}: {}", r.stderr);
    let pages: Vec<serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(manifest).unwrap()).unwrap();
    let pages: Vec<(String, String)> =
        pages.iter().map(|p| (p["kind"].as_str().unwrap().into(), p["url"].as_str().unwrap().into())).collect();
    let kinds: BTreeSet<&str> = pages.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(kinds, KINDS.into_iter().collect(), "{lang}: every kind of page");
    assert!(!pages.iter().any(|(_, u)| u.contains(draft_slug)), "{lang}: a draft is not a page");
    let prefix = url::Url::parse(base).unwrap().path().to_string();
    let broken = super::links::broken_links(&out, &prefix);
    assert!(broken.is_empty(), "{lang}: {broken:#?}");
    super::read::sitemap_matches_manifest(&out, &pages, base);
    let entry = std::fs::read_to_string(out.join("pagefind/pagefind-entry.json")).unwrap();
    assert!(entry.contains(&format!("\"{lang}\"")), "{lang}: the search index is in the site's language: {entry}");
    // Every page: in the site's language, and no interface text shown as its key.
    let html_sel = Selector::parse("html").unwrap();
    let body_sel = Selector::parse("body").unwrap();
    for e in walkdir::WalkDir::new(&out).into_iter().flatten() {
        if e.path().extension().is_none_or(|x| x != "html") {
            continue;
        }
        let rel = e.path().strip_prefix(&out).unwrap().display().to_string();
        let doc = Html::parse_document(&std::fs::read_to_string(e.path()).unwrap());
        let html = doc.select(&html_sel).next().unwrap();
        assert_eq!(html.value().attr("lang"), Some(lang), "{lang}: {rel}");
        let text = doc.select(&body_sel).next().unwrap().text().collect::<String>();
        let keys: Vec<&str> = text
            .split_whitespace()
            .filter(|w| w.contains('_') && w.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .collect();
        assert!(keys.is_empty(), "{lang}: {rel} shows untranslated keys {keys:?}");
    }
}

#[test]
fn the_swedish_fixture_site_builds_every_page_kind_in_swedish() {
    built("sv", "https://example.org/foreningar/", "utkast-forening");
}

#[test]
fn the_english_fixture_site_builds_every_page_kind_in_english() {
    built("en", "https://example.org/", "draft-association");
}

//! Every link and picture of a built site resolves to a file of the output.

use std::collections::BTreeSet;
use std::path::Path;

use scraper::{Html, Selector};

use crate::support::run;

/// Check every href/src/srcset of every HTML file under `out`, served under `prefix`.
pub(crate) fn broken_links(out: &Path, prefix: &str) -> Vec<String> {
    let mut broken = Vec::new();
    let sel = Selector::parse("[href], [src], [srcset]").unwrap();
    let id_sel = Selector::parse("[id]").unwrap();
    for e in walkdir::WalkDir::new(out).into_iter().flatten() {
        if e.path().extension().is_none_or(|x| x != "html") {
            continue;
        }
        let text = std::fs::read_to_string(e.path()).unwrap();
        let doc = Html::parse_document(&text);
        let all_ids: Vec<&str> = doc.select(&id_sel).filter_map(|x| x.value().attr("id")).collect();
        let ids: BTreeSet<&str> = all_ids.iter().copied().collect();
        let page = e.path().strip_prefix(out).unwrap().display().to_string();
        if ids.len() != all_ids.len() {
            let mut seen = BTreeSet::new();
            let dups: Vec<&str> = all_ids.iter().copied().filter(|i| !seen.insert(*i)).collect();
            broken.push(format!("{page}: duplicate ids {dups:?}"));
        }
        for el in doc.select(&sel) {
            let mut urls: Vec<&str> = Vec::new();
            for attr in ["href", "src"] {
                if let Some(v) = el.value().attr(attr) {
                    urls.push(v);
                }
            }
            if let Some(set) = el.value().attr("srcset") {
                urls.extend(set.split(',').filter_map(|c| c.split_whitespace().next()));
            }
            for url in urls {
                if url.starts_with("http://")
                    || url.starts_with("https://")
                    || url.starts_with("mailto:")
                    || url.starts_with("tel:")
                {
                    continue;
                }
                if let Some(frag) = url.strip_prefix('#') {
                    if !frag.is_empty() && !ids.contains(frag) {
                        broken.push(format!("{page}: {url} (no such id)"));
                    }
                    continue;
                }
                let Some(path) = url.strip_prefix(prefix) else {
                    broken.push(format!("{page}: {url} (outside {prefix})"));
                    continue;
                };
                let (path, frag) = path.split_once('#').unwrap_or((path, ""));
                let path = path.split('?').next().unwrap();
                let file = if path.is_empty() || path.ends_with('/') {
                    out.join(path).join("index.html")
                } else {
                    out.join(path)
                };
                if !file.is_file() {
                    broken.push(format!("{page}: {url}"));
                    continue;
                }
                if !frag.is_empty() && file.extension().is_some_and(|x| x == "html") {
                    let target = Html::parse_document(&std::fs::read_to_string(&file).unwrap());
                    if !target.select(&id_sel).any(|x| x.value().attr("id") == Some(frag)) {
                        broken.push(format!("{page}: {url} (no such id in target)"));
                    }
                }
            }
        }
    }
    broken
}

#[test]
fn every_link_resolves_at_the_root() {
    let s = super::small_site();
    let r = super::build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let broken = broken_links(&s.root().join("public"), "/");
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn every_link_of_the_fixture_site_resolves_under_a_sub_path() {
    let out = tempfile::tempdir().unwrap();
    let root = crate::support::fixture("site");
    let r = run(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.path().to_str().unwrap(),
        "--base-url",
        "https://example.org/jarjestot/",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let broken = broken_links(out.path(), "/jarjestot/");
    assert!(broken.is_empty(), "{broken:#?}");
    let sitemap = std::fs::read_to_string(out.path().join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://example.org/jarjestot/jarjestot/"), "sitemap entries carry the sub-path");
    let robots = std::fs::read_to_string(out.path().join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://example.org/jarjestot/sitemap.xml"));
}

//! The files beside the pages, parsed as their readers parse them: the sitemap
//! against the build's list of pages, robots.txt, the coverage CSV against the
//! coverage page's table, and the not-found page as served at any depth.

use std::collections::BTreeMap;
use std::path::Path;

use scraper::{ElementRef, Html, Selector};

use super::{build, small_site};
use crate::support::Site;

/// Build `site` into `<root>/out` with a page manifest; the manifest's (kind, url)s.
fn build_with_manifest(site: &Site, extra: &[&str]) -> Vec<(String, String)> {
    let out = site.root().join("out");
    let manifest = site.root().join("pages.json");
    let mut args = vec!["--output", out.to_str().unwrap(), "--manifest", manifest.to_str().unwrap()];
    args.extend_from_slice(extra);
    let r = build(site, &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let pages: Vec<serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(manifest).unwrap()).unwrap();
    pages.iter().map(|p| (p["kind"].as_str().unwrap().into(), p["url"].as_str().unwrap().into())).collect()
}

/// The `<loc>`s of the sitemap, in order.
fn sitemap_locs(out: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("sitemap.xml is not XML: {e}"));
    let ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    assert!(doc.root_element().has_tag_name((ns, "urlset")), "a sitemap urlset");
    for url in doc.root_element().children().filter(roxmltree::Node::is_element) {
        assert!(url.has_tag_name((ns, "url")), "only <url> in the urlset: {:?}", url.tag_name());
    }
    doc.descendants().filter(|n| n.has_tag_name((ns, "loc"))).map(|n| n.text().unwrap_or("").to_string()).collect()
}

fn with_draft_and_pages(s: &Site) {
    s.write(
        "content/organisations/luonnos.md",
        "+++\nname = \"Luonnos ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\ndraft = true\n+++\n",
    );
    s.write("content/pages/tietoa.md", "+++\ntitle = \"Tietoa\"\n+++\nTeksti.\n");
}

/// Every page of the manifest but the not-found one is in the sitemap exactly once,
/// as an absolute address under `base`; nothing else is.
pub(crate) fn sitemap_matches_manifest(out: &Path, pages: &[(String, String)], base: &str) {
    let locs = sitemap_locs(out);
    let origin = base.split('/').take(3).collect::<Vec<_>>().join("/");
    let mut counted: BTreeMap<&str, usize> = BTreeMap::new();
    for l in &locs {
        assert!(l.starts_with(base), "{l} is not under {base}");
        *counted.entry(l).or_default() += 1;
    }
    let dups: Vec<_> = counted.iter().filter(|(_, n)| **n > 1).collect();
    assert!(dups.is_empty(), "listed more than once: {dups:?}");
    let expected: Vec<String> =
        pages.iter().filter(|(k, _)| k != "not-found").map(|(_, u)| format!("{origin}{u}")).collect();
    let missing: Vec<&String> = expected.iter().filter(|u| !counted.contains_key(u.as_str())).collect();
    let extra: Vec<&String> = locs.iter().filter(|l| !expected.contains(l)).collect();
    assert!(missing.is_empty() && extra.is_empty(), "pages not in the sitemap: {missing:?}; not pages: {extra:?}");
    assert_eq!(locs.len(), expected.len());
    assert!(!locs.iter().any(|l| l.contains("404")), "no not-found page");
}

#[test]
fn the_sitemap_lists_every_page_once_and_nothing_else() {
    let s = small_site();
    with_draft_and_pages(&s);
    let pages = build_with_manifest(&s, &[]);
    let out = s.root().join("out");
    assert!(pages.iter().any(|(k, _)| k == "search"), "the manifest has the search page");
    assert!(pages.iter().any(|(k, _)| k == "not-found"));
    sitemap_matches_manifest(&out, &pages, "https://example.org/");
    let locs = sitemap_locs(&out);
    assert!(locs.contains(&"https://example.org/haku/".to_string()), "search on: its page is listed");
    assert!(locs.contains(&"https://example.org/tietoa/".to_string()), "{locs:?}");
    assert!(!locs.iter().any(|l| l.contains("luonnos")), "no draft");
    let text = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(!text.contains("xhtml"), "one language: no alternates, no namespace for them");

    // Under a sub-path given on the command line; search off.
    s.write("site.toml", &format!("{}\n[search]\nenabled = false\n", crate::support::SITE));
    let pages = build_with_manifest(&s, &["--base-url", "https://kunta.example/yhdistykset/"]);
    assert!(!pages.iter().any(|(k, _)| k == "search"), "search off: no search page");
    sitemap_matches_manifest(&out, &pages, "https://kunta.example/yhdistykset/");
    let locs = sitemap_locs(&out);
    assert!(!locs.iter().any(|l| l.contains("/haku")), "search off: no search page in the sitemap: {locs:?}");
    assert!(locs.contains(&"https://kunta.example/yhdistykset/jarjestot/zeta/".to_string()), "{locs:?}");

    // With --drafts the draft is a page, and listed.
    let pages = build_with_manifest(&s, &["--drafts"]);
    sitemap_matches_manifest(&out, &pages, "https://example.org/");
    assert!(sitemap_locs(&out).contains(&"https://example.org/jarjestot/luonnos/".to_string()));
}

#[test]
fn the_fixture_sites_sitemap_matches_its_pages() {
    let s = Site { dir: tempfile::tempdir().unwrap() };
    let out = s.root().join("out");
    let manifest = s.root().join("pages.json");
    let root = crate::support::fixture("site");
    let r = crate::support::run(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--manifest",
        manifest.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let pages: Vec<serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(manifest).unwrap()).unwrap();
    let pages: Vec<(String, String)> =
        pages.iter().map(|p| (p["kind"].as_str().unwrap().into(), p["url"].as_str().unwrap().into())).collect();
    sitemap_matches_manifest(&out, &pages, "https://example.org/jarjestot/");
}

#[test]
fn robots_txt_points_at_the_sitemap_and_allows_the_site() {
    let s = small_site();
    for (base, extra) in [("https://example.org/", vec![]), ("https://kunta.example/a/b/", vec!["--base-url"])] {
        let mut args = extra.clone();
        if !extra.is_empty() {
            args.push(base);
        }
        build_with_manifest(&s, &args);
        let text = std::fs::read_to_string(s.root().join("out/robots.txt")).unwrap();
        let mut fields: Vec<(String, String)> = Vec::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (k, v) = line.split_once(':').unwrap_or_else(|| panic!("not a robots.txt line: {line:?}"));
            fields.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
        let get = |k: &str| fields.iter().filter(|(f, _)| f == k).map(|(_, v)| v.as_str()).collect::<Vec<_>>();
        assert_eq!(get("user-agent"), ["*"], "{text}");
        assert!(get("disallow").iter().all(|d| d.is_empty()), "nothing of the site is closed to crawlers: {text}");
        let sitemaps = get("sitemap");
        assert_eq!(sitemaps, [format!("{base}sitemap.xml").as_str()], "{text}");
        assert!(s.root().join("out/sitemap.xml").is_file(), "the sitemap it names is written");
    }
}

/// The text a sighted reader sees in a cell: without the visually hidden parts; a
/// cell marked as a gap (`–`, hidden from screen readers) is 0.
fn visible(cell: ElementRef<'_>) -> String {
    let mut out = String::new();
    for node in cell.descendants() {
        if let Some(t) = node.value().as_text() {
            let hidden = node.ancestors().filter_map(ElementRef::wrap).take_while(|e| *e != cell).any(|e| {
                e.value().has_class("visually-hidden", scraper::CaseSensitivity::CaseSensitive)
                    || e.value().attr("aria-hidden") == Some("true")
            });
            if !hidden {
                out.push_str(t);
            }
        }
    }
    let text = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() && cell.value().has_class("is-gap", scraper::CaseSensitivity::CaseSensitive) {
        return "0".into();
    }
    text
}

/// The coverage table of the HTML page: the header row and each row by its heading.
fn coverage_table(out: &Path, rel: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let doc = Html::parse_document(&std::fs::read_to_string(out.join(rel)).unwrap());
    let table = doc.select(&Selector::parse("table.coverage").unwrap()).next().expect("the coverage table");
    let th = Selector::parse("thead th").unwrap();
    let header: Vec<String> = table.select(&th).map(visible).collect();
    let tr = Selector::parse("tbody tr, tfoot tr").unwrap();
    let cells = Selector::parse("th, td").unwrap();
    let rows = table.select(&tr).map(|r| r.select(&cells).map(visible).collect()).collect();
    (header, rows)
}

#[test]
fn every_cell_of_the_coverage_csv_is_what_the_page_shows() {
    let s = crate::support::Site { dir: tempfile::tempdir().unwrap() };
    let out = s.root().join("out");
    let root = crate::support::fixture("site");
    let r = crate::support::run(&["build", "--root", root.to_str().unwrap(), "--output", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (header, rows) = coverage_table(&out, "kattavuus/index.html");
    let bytes = std::fs::read(out.join("kattavuus/kattavuus.csv")).unwrap();
    let mut csv = csv::ReaderBuilder::new().from_reader(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes));
    let csv_header: Vec<String> = csv.headers().unwrap().iter().map(String::from).collect();
    // The CSV has the municipality code beside the name; otherwise the same columns.
    assert_eq!(csv_header.get(1).map(String::as_str), Some("code"), "{csv_header:?}");
    let mut without_code = csv_header.clone();
    without_code.remove(1);
    assert_eq!(without_code, header, "the same columns in the same order");
    let csv_rows: Vec<Vec<String>> = csv.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    assert!(csv_rows.len() >= 20, "a row per municipality: {}", csv_rows.len());
    let by_name: BTreeMap<&str, &Vec<String>> = rows.iter().map(|r| (r[0].as_str(), r)).collect();
    for row in &csv_rows {
        let html = by_name.get(row[0].as_str()).unwrap_or_else(|| panic!("{} is not a row of the page", row[0]));
        let mut cells = row.clone();
        cells.remove(1);
        assert_eq!(cells.len(), html.len(), "{}", row[0]);
        for (i, (c, h)) in cells.iter().zip(html.iter()).enumerate().skip(1) {
            // The wide row has no total in either.
            assert_eq!(c, h, "{}, {}: CSV {c:?}, page {h:?}", row[0], header[i]);
        }
        if !row[1].is_empty() {
            assert!(row[1].len() == 3 && row[1].bytes().all(|b| b.is_ascii_digit()), "{row:?}: a municipality code");
        }
    }
    // Every municipality row of the page is in the CSV, and the page's totals (each
    // organisation once, however many municipalities it works in) fit the cells.
    let body_rows: Vec<&Vec<String>> = rows.iter().filter(|r| csv_rows.iter().any(|c| c[0] == r[0])).collect();
    let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(body_rows.len(), csv_rows.len(), "rows of the page: {names:?}");
    let totals = rows.iter().find(|r| r[0] == "Paikalliset yhteensä").expect("a row of totals");
    let local: Vec<&Vec<String>> = csv_rows.iter().filter(|r| !r[1].is_empty()).collect();
    for col in 1..header.len() - 1 {
        let cells: Vec<u32> = local.iter().map(|r| r[col + 1].parse::<u32>().unwrap()).collect();
        let total: u32 = totals[col].parse().unwrap();
        let (max, sum) = (cells.iter().copied().max().unwrap_or(0), cells.iter().sum::<u32>());
        assert!(max <= total && total <= sum, "the total of {}: {total} outside {max}..={sum}", header[col]);
    }
}

/// Where `href` leads from a page at `page` (an absolute address), as a browser resolves it.
fn resolve(page: &str, href: &str) -> String {
    let base = url::Url::parse(page).unwrap();
    let mut u = base.join(href).unwrap();
    u.set_fragment(None);
    u.set_query(None);
    u.to_string()
}

/// The addresses the not-found page links to, loads and sends forms to.
fn not_found_targets(out: &Path) -> (Html, Vec<String>) {
    let doc = Html::parse_document(&std::fs::read_to_string(out.join("404.html")).unwrap());
    let sel = Selector::parse("[href], [src], form[action]").unwrap();
    let targets = doc
        .select(&sel)
        .flat_map(|e| ["href", "src", "action"].into_iter().filter_map(move |a| e.value().attr(a)))
        .map(String::from)
        .collect();
    (doc, targets)
}

#[test]
fn the_not_found_page_works_at_any_depth() {
    let s = small_site();
    s.write("site.toml", &crate::support::SITE.replace("https://example.org/", "https://example.org/jarjestot/"));
    build_with_manifest(&s, &[]);
    let out = s.root().join("out");
    let (doc, targets) = not_found_targets(&out);
    assert!(targets.len() > 5, "{targets:?}");
    for t in &targets {
        if t.starts_with('#') || t.starts_with("mailto:") {
            continue;
        }
        assert!(
            t.starts_with('/') || t.starts_with("https://"),
            "{t}: a relative address would change with the depth of the missing page"
        );
        // The same target whether the missing page is shallow or deep.
        let shallow = resolve("https://example.org/jarjestot/puuttuu", t);
        let deep = resolve("https://example.org/jarjestot/kunnat/keuruu/vanha/sivu/", t);
        assert_eq!(shallow, deep, "{t}");
        if let Some(rel) = shallow.strip_prefix("https://example.org/jarjestot/") {
            let file =
                if rel.is_empty() || rel.ends_with('/') { out.join(rel).join("index.html") } else { out.join(rel) };
            assert!(file.is_file(), "{t} from the not-found page leads nowhere");
        } else {
            assert!(!shallow.starts_with("https://example.org/"), "{t} leaves the site's sub-path");
        }
    }
    // With search on, the way to search is there: a form to the search page.
    let form = Selector::parse("form[role=search] input[type=search][name=q]").unwrap();
    assert!(doc.select(&form).next().is_some(), "a search form");
    let action: Vec<&str> =
        doc.select(&Selector::parse("form[role=search]").unwrap()).filter_map(|f| f.value().attr("action")).collect();
    assert!(action.iter().all(|a| *a == "/jarjestot/haku/"), "{action:?}");
    assert!(targets.iter().any(|t| t == "/jarjestot/"), "the way home");

    // Search off: no form and no link to a search page that does not exist.
    s.write(
        "site.toml",
        &format!("{}\n[search]\nenabled = false\n", crate::support::SITE)
            .replace("https://example.org/", "https://example.org/jarjestot/"),
    );
    build_with_manifest(&s, &[]);
    let (doc, targets) = not_found_targets(&out);
    assert!(doc.select(&Selector::parse("form, input").unwrap()).next().is_none(), "no search form");
    assert!(!targets.iter().any(|t| t.contains("haku")), "{targets:?}");
}

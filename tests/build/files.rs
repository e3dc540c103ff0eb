//! The files beside the pages, read as their readers read them: the Atom feed and
//! the sitemap by an XML parser, the open data by a CSV and a JSON parser, the search
//! index with its files decompressed.

use std::collections::BTreeMap;

use super::{build, small_site, tree};

/// Every output file as a reader sees it: the search index's files (gzip, made by
/// Pagefind) decompressed, so that a test can look inside them.
pub(crate) fn readable_tree(dir: &std::path::Path) -> BTreeMap<String, Vec<u8>> {
    tree(dir)
        .into_iter()
        .map(|(path, bytes)| {
            if path.contains(".pf_") {
                let mut out = Vec::new();
                std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(bytes.as_slice()), &mut out)
                    .unwrap_or_else(|e| panic!("{path} is not gzip: {e}"));
                (path, out)
            } else {
                (path, bytes)
            }
        })
        .collect()
}

const HOSTILE_TITLE: &str = r#"Kokous ]]></title><script>alert(1)</script> & "lainaus" <b>"#;

fn with_a_table(s: &crate::support::Site) {
    s.write(
        "content/partnership-tables/poyta/index.md",
        "+++\nname = \"Testipöytä\"\nconvener = \"zeta\"\nmembers = [\"zeta\"]\nthemes = [\"omaishoito\"]\nregions = [\"Keski-Suomi\"]\n+++\nPöytä.\n",
    );
    let title = HOSTILE_TITLE.replace('\\', "\\\\").replace('"', "\\\"");
    s.write(
        "content/partnership-tables/poyta/2026-10-01-kokous.md",
        &format!("+++\ntitle = \"{title}\"\ndate = 2026-10-01\nkind = \"minutes\"\n+++\nMuistio.\n"),
    );
}

fn text_of<'a>(node: roxmltree::Node<'a, 'a>, child: &str) -> Option<&'a str> {
    node.children().find(|c| c.has_tag_name(child)).and_then(|c| c.text())
}

#[test]
fn the_feed_and_the_sitemap_are_xml_that_says_what_the_content_says() {
    let s = small_site();
    with_a_table(&s);
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = s.root().join("public");

    let atom = std::fs::read_to_string(out.join("atom.xml")).unwrap();
    let doc = roxmltree::Document::parse(&atom).unwrap_or_else(|e| panic!("atom.xml is not XML: {e}\n{atom}"));
    let feed = doc.root_element();
    assert!(feed.has_tag_name(("http://www.w3.org/2005/Atom", "feed")), "an Atom feed");
    let entries: Vec<_> = feed.children().filter(|c| c.has_tag_name("entry")).collect();
    assert_eq!(entries.len(), 1, "one note, one entry");
    let entry = entries[0];
    assert_eq!(text_of(entry, "title"), Some(HOSTILE_TITLE), "the title is the note's own, as text");
    let link = entry.children().find(|c| c.has_tag_name("link")).and_then(|l| l.attribute("href")).unwrap();
    assert_eq!(link, "https://example.org/kumppanuuspoydat/poyta/2026-10-01-kokous/");
    assert_eq!(text_of(entry, "updated"), Some("2026-10-01T00:00:00Z"));
    assert!(doc.descendants().all(|n| !n.has_tag_name("script")), "no element comes from the content");

    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&sitemap).unwrap_or_else(|e| panic!("sitemap.xml is not XML: {e}"));
    let locs: Vec<&str> = doc.descendants().filter(|n| n.has_tag_name("loc")).filter_map(|n| n.text()).collect();
    assert!(locs.contains(&link), "the note is in the sitemap");
    assert!(locs.contains(&"https://example.org/jarjestot/zeta/"), "{locs:?}");
    for loc in &locs {
        assert!(loc.starts_with("https://example.org/"), "{loc}");
        let rel = loc.trim_start_matches("https://example.org/");
        let file = if rel.is_empty() || rel.ends_with('/') { out.join(rel).join("index.html") } else { out.join(rel) };
        assert!(file.is_file(), "{loc} in the sitemap is a page of the site");
    }
    assert!(!locs.iter().any(|l| l.contains("404")), "the not-found page is not in the sitemap");

    // The 404 page is a page of the site: in the site's language, with the way home.
    let page = scraper::Html::parse_document(&std::fs::read_to_string(out.join("404.html")).unwrap());
    let html = page.select(&scraper::Selector::parse("html").unwrap()).next().unwrap();
    assert_eq!(html.value().attr("lang"), Some("fi"));
    let home = scraper::Selector::parse("a[href=\"/\"]").unwrap();
    assert!(page.select(&home).next().is_some(), "the not-found page links to the front page");
}

#[test]
fn the_open_data_holds_each_organisation_as_written_and_no_formula() {
    let s = small_site();
    s.write(
        "content/organisations/zeta.md",
        "+++\nname = \"Zeta ry\"\nshort_name = \"=HYPERLINK(\\\"https://evil.example\\\")\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Multia\"]\nphone = \"+358 40 123 4567\"\nwebsite = \"https://zeta.example\"\n+++\nKuvaus.\n",
    );
    s.write(
        "content/organisations/luonnos.md",
        "+++\nname = \"Luonnos ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\ndraft = true\n+++\n",
    );
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = s.root().join("public");

    // For a Finnish spreadsheet program: a byte-order mark, and `;` between cells.
    let bytes = std::fs::read(out.join("data/organisations.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "the CSV starts with a byte-order mark");
    let mut csv = csv::ReaderBuilder::new().delimiter(b';').from_reader(&bytes[3..]);
    let header: Vec<String> = csv.headers().unwrap().iter().map(String::from).collect();
    let rows: Vec<BTreeMap<String, String>> =
        csv.records().map(|r| header.iter().cloned().zip(r.unwrap().iter().map(String::from)).collect()).collect();
    assert!(rows.iter().all(|r| r["name"] != "Luonnos ry"), "a draft is not open data");
    let zeta = rows.iter().find(|r| r["slug"] == "zeta").expect("zeta in the CSV");
    assert_eq!(zeta["name"], "Zeta ry");
    assert_eq!(zeta["short_name"], "'=HYPERLINK(\"https://evil.example\")", "a formula is made text");
    assert_eq!(zeta["phone"], "+358 40 123 4567", "a phone number stays a phone number");
    assert_eq!(zeta["municipalities"], "Multia");
    assert_eq!(zeta["themes"], "omaishoito");
    assert_eq!(zeta["website"], "https://zeta.example");
    assert_eq!(zeta["url"], "https://example.org/jarjestot/zeta/");
    assert_eq!(zeta["description"], "Kuvaus.", "the text as plain text");
    assert_eq!(header.first().map(String::as_str), Some("slug"), "{header:?}");
    for row in &rows {
        for (column, cell) in row {
            let starts_formula = cell.starts_with(['=', '+', '-', '@']);
            assert!(!starts_formula || column == "phone", "{column} of {} starts a formula: {cell}", row["slug"]);
        }
    }

    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("data/organisations.json")).unwrap()).unwrap();
    let list = json["organisations"].as_array().expect("a list of organisations");
    assert_eq!(list.len(), rows.len(), "the JSON and the CSV hold the same organisations");
    assert!(list.iter().all(|o| o["name"] != "Luonnos ry"));
    let zeta = list.iter().find(|o| o["slug"] == "zeta").unwrap();
    assert_eq!(zeta["short_name"], "=HYPERLINK(\"https://evil.example\")", "JSON keeps the value as written");
    assert_eq!(zeta["phone"], "+358 40 123 4567");
}

#[test]
fn under_the_privacy_switch_no_file_names_a_contact_person_not_even_the_search_index() {
    let s = small_site();
    s.write(
        "content/organisations/zeta.md",
        "+++\nname = \"Zeta ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n[contact]\nname = \"Maija Meikäläinen\"\nemail = \"maija@zeta.example\"\n+++\nZetan omaishoitajien vertaistuki.\n",
    );
    s.write("site.toml", &format!("{}\n[privacy]\ncontact_persons = false\n", crate::support::SITE));
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let files = readable_tree(&s.root().join("public"));
    // The index is read, not just listed: the organisation's text is found in it.
    let index: String = files
        .iter()
        .filter(|(p, _)| p.contains(".pf_fragment"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect();
    assert!(index.contains("vertaistuki"), "the search index's records are readable");
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains("Meikäläinen") && !text.contains("maija@zeta"), "{path} names the contact person");
    }
}

#[test]
fn the_open_data_page_lists_every_data_file_and_the_licence_from_site_toml() {
    let s = small_site();
    s.write("site.toml", &format!("{}\n[data]\nlicense = \"CC0-1.0\"\n", crate::support::SITE));
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = s.root().join("public");
    let doc = scraper::Html::parse_document(&std::fs::read_to_string(out.join("avoin-data/index.html")).unwrap());
    let links: Vec<String> = doc
        .select(&scraper::Selector::parse("main a").unwrap())
        .filter_map(|a| a.value().attr("href").map(String::from))
        .collect();
    assert!(links.contains(&"https://creativecommons.org/publicdomain/zero/1.0/".to_string()), "{links:?}");
    for file in [
        "/data/organisations.json",
        "/data/organisations.csv",
        "/kattavuus/kattavuus.csv",
        "/tapahtumat.ics",
        "/atom.xml",
    ] {
        assert!(links.iter().any(|l| l == file), "{file} listed: {links:?}");
        assert!(out.join(file.trim_start_matches('/')).is_file(), "{file} exists");
    }
    // Every page's footer leads to it.
    let front = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(front.contains("href=\"/avoin-data/\""), "the footer links the open data page");
    assert!(!front.contains("href=\"/sitemap.xml\""), "not the raw sitemap");
}

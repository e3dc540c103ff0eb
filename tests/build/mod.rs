//! `areena build`: what a reader finds on the pages, and how the output is written.

mod abuse;
mod cms;
mod events;
mod feeds;
mod files;
mod languages;
pub(crate) mod links;
mod lists;
mod open_data;
mod options;
mod output;
mod read;
mod search;
mod serve;
mod translations;
mod validity;

use std::collections::BTreeMap;
use std::path::Path;

use scraper::{Html, Selector};

use crate::support::{Site, run, site_without_statement as without_statement};

pub(crate) fn build(site: &Site, extra: &[&str]) -> crate::support::Run {
    let root = site.root().to_str().unwrap().to_string();
    let mut args = vec!["build", "--root", &root];
    args.extend_from_slice(extra);
    run(&args)
}

pub(crate) fn page(site: &Site, rel: &str) -> Html {
    let p = site.root().join("public").join(rel);
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    Html::parse_document(&text)
}

pub(crate) fn texts(doc: &Html, css: &str) -> Vec<String> {
    let sel = Selector::parse(css).unwrap();
    doc.select(&sel).map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")).collect()
}

/// Every file of a tree with its bytes.
pub(crate) fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        if e.file_type().is_file() {
            out.insert(
                e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            );
        }
    }
    out
}

fn org(name: &str, themes: &str, where_: &str) -> String {
    format!("+++\nname = \"{name}\"\nthemes = [{themes}]\n{where_}\n+++\nKuvaus.\n")
}

/// A small site: organisations in Keuruu, Multia, region-wide and nationwide.
pub(crate) fn small_site() -> Site {
    let s = Site::new();
    s.write(
        "content/organisations/multian-kyla.md",
        &org("Multian Kyläyhdistys ry", "\"ikaihmiset\"", "municipalities = [\"Multia\"]"),
    );
    s.write(
        "content/organisations/aanekosken-seura.md",
        &org("Äänekosken Seura ry", "\"omaishoito\"", "municipalities = [\"Keuruu\"]"),
    );
    s.write(
        "content/organisations/alands-forening.md",
        &org("Ålands Förening rf", "\"omaishoito\"", "municipalities = [\"Keuruu\"]"),
    );
    s.write("content/organisations/zeta.md", &org("Zeta ry", "\"omaishoito\"", "municipalities = [\"Keuruu\"]"));
    s.write(
        "content/organisations/maakunnan-liitto.md",
        &org("Maakunnan Omaishoitajaliitto", "\"omaishoito\"", "regions = [\"Keski-Suomi\"]"),
    );
    s.write(
        "content/organisations/valtakunnallinen.md",
        &org("Valtakunnallinen Tuki", "\"omaishoito\"", "nationwide = true"),
    );
    s
}

#[test]
fn an_organisation_appears_on_its_theme_and_municipality_pages() {
    let s = small_site();
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("wrote "), "{}", r.stderr);

    // Theme page: grouped by municipality (Keuruu), then region-wide and nationwide.
    let theme = page(&s, "teemat/omaishoito/index.html");
    let keuruu = texts(&theme, "#kunta-keuruu");
    assert_eq!(keuruu.len(), 1, "a group with id kunta-keuruu");
    let body = texts(&theme, "main").join(" ");
    for name in ["Keuruun Testiyhdistys ry", "Zeta ry", "Maakunnan Omaishoitajaliitto", "Valtakunnallinen Tuki"] {
        assert!(body.contains(name), "{name} on the theme page");
    }
    assert!(!body.contains("Multian Kyläyhdistys"), "another theme's organisation is not listed");

    // Municipality page: local first, then region-wide, then nationwide.
    let muni = page(&s, "kunnat/keuruu/index.html");
    let main = texts(&muni, "main").join(" ");
    let local = main.find("Zeta ry").expect("local organisation");
    let region = main.find("Maakunnan Omaishoitajaliitto").expect("region-wide organisation");
    let nation = main.find("Valtakunnallinen Tuki").expect("nationwide organisation");
    assert!(local < region && region < nation, "local, then region-wide, then nationwide");
    assert!(main.contains("Keski-Suomen hyvinvointialue"), "the wellbeing county is shown");

    // Organisation page: themes and municipalities as links.
    let o = page(&s, "jarjestot/zeta/index.html");
    let links: Vec<String> = o
        .select(&Selector::parse("main a").unwrap())
        .filter_map(|a| a.value().attr("href").map(String::from))
        .collect();
    assert!(links.iter().any(|l| l == "/teemat/omaishoito/"), "{links:?}");
    assert!(links.iter().any(|l| l == "/kunnat/keuruu/"), "{links:?}");
    // Others on the same theme in the same municipality.
    let all = texts(&o, "main").join(" ");
    assert!(all.contains("Ålands Förening rf") && all.contains("Äänekosken Seura ry"), "{all}");
}

#[test]
fn names_are_in_finnish_order() {
    let s = small_site();
    assert_eq!(build(&s, &[]).code, 0);
    let doc = page(&s, "jarjestot/index.html");
    let names = texts(&doc, "main li a");
    let pos = |n: &str| names.iter().position(|x| x.starts_with(n)).unwrap_or_else(|| panic!("{n} in {names:?}"));
    assert!(pos("Keuruun") < pos("Maakunnan"));
    assert!(pos("Zeta") < pos("Ålands"), "Å after Z: {names:?}");
    assert!(pos("Ålands") < pos("Äänekosken"), "Ä after Å: {names:?}");
    let letters = texts(&doc, "main h2");
    let z = letters.iter().position(|l| l == "Z").expect("Z heading");
    let a_ring = letters.iter().position(|l| l == "Å").expect("Å heading");
    let a_uml = letters.iter().position(|l| l == "Ä").expect("Ä heading");
    assert!(z < a_ring && a_ring < a_uml, "{letters:?}");
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let s = small_site();
    assert_eq!(build(&s, &[]).code, 0);
    let before = tree(&s.root().join("public"));
    assert!(before.len() > 10);
    s.write("content/organisations/rikki.md", &org("Rikki", "\"eiole\"", "municipalities = [\"Jyvaskyla\"]"));
    let r = build(&s, &[]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("unknown-theme") && r.stderr.contains("unknown-municipality"), "{}", r.stderr);
    assert!(r.stderr.contains("nothing was written"), "{}", r.stderr);
    assert_eq!(tree(&s.root().join("public")), before, "the output is byte for byte as it was");
    let leftovers: Vec<_> = std::fs::read_dir(s.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n != ".public.lock")
        .collect();
    assert!(leftovers.is_empty(), "no staging folders left: {leftovers:?}");
}

#[test]
fn two_builds_are_identical() {
    let s = small_site();
    assert_eq!(build(&s, &["--output", s.root().join("a").to_str().unwrap()]).code, 0);
    assert_eq!(build(&s, &["--output", s.root().join("b").to_str().unwrap()]).code, 0);
    let (a, b) = (tree(&s.root().join("a")), tree(&s.root().join("b")));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (k, v) in &a {
        assert!(v == &b[k], "{k} differs between two builds");
    }
}

#[test]
fn hostile_content_is_inert() {
    let s = Site::new();
    s.write(
        "content/organisations/paha.md",
        "+++\nname = \"Paha \\\"</title><script>alert(1)</script> ry\"\nshort_name = \"<img src=x onerror=alert(1)>\"\nthemes = [\"omaishoito\"]\nnationwide = true\nactivities = [\"<script>alert(2)</script>\"]\n[contact]\nname = \"' onmouseover='alert(3)\"\n+++\n<script>alert(4)</script>\n\n<a href=\"javascript:alert(5)\">x</a> <iframe src=\"https://evil.example\"></iframe>\n",
    );
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for rel in ["jarjestot/paha/index.html", "jarjestot/index.html", "teemat/omaishoito/index.html", "index.html"] {
        let doc = page(&s, rel);
        let count = |css: &str| doc.select(&Selector::parse(css).unwrap()).count();
        // The theme's own menu script only, beside the page's JSON-LD (data, whole JSON).
        let ld = Selector::parse("script[type='application/ld+json']").unwrap();
        for s in doc.select(&ld) {
            let text: String = s.text().collect();
            assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok(), "{rel}: {text}");
        }
        assert_eq!(
            count("script"),
            count("script[src='/menu.js'][defer]") + count("script[type='application/ld+json']"),
            "{rel}: a script element"
        );
        assert_eq!(count("script[src='/menu.js']"), 1, "{rel}: the menu script");
        assert_eq!(count("iframe, img[onerror], [onmouseover]"), 0, "{rel}: an injected element or attribute");
        assert_eq!(count("a[href^='javascript:']"), 0, "{rel}: a javascript link");
    }
    let doc = page(&s, "jarjestot/paha/index.html");
    assert_eq!(
        texts(&doc, "h1"),
        vec!["Paha \"</title><script>alert(1)</script> ry".to_string()],
        "the name is shown as text"
    );
    let sitemap = std::fs::read_to_string(s.root().join("public/sitemap.xml")).unwrap();
    assert!(sitemap.contains("/jarjestot/paha/"));
}

#[test]
fn a_javascript_link_in_markdown_fails_the_build() {
    let s = Site::new();
    s.write(
        "content/organisations/paha.md",
        "+++\nname = \"P\"\nthemes = [\"omaishoito\"]\nnationwide = true\n+++\n[klikkaa](javascript:alert(1))\n",
    );
    let r = build(&s, &[]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("unsafe-link"), "{}", r.stderr);
}

#[test]
// Long on purpose: one build, then every page kind and the manifest checked against it.
#[allow(clippy::too_many_lines)]
fn the_fixture_site_builds_every_page_kind() {
    let out = tempfile::tempdir().unwrap();
    let root = crate::support::fixture("site");
    let manifest = out.path().join("pages.json");
    let r = run(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.path().join("site").to_str().unwrap(),
        "--manifest",
        manifest.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The page manifest (what the browser tests open) names every kind, and every
    // page it lists exists; the sitemap lists the same pages but the not-found one.
    let pages: Vec<serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(&manifest).unwrap()).unwrap();
    let mut kinds: Vec<&str> = pages.iter().map(|p| p["kind"].as_str().unwrap()).collect();
    kinds.dedup();
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(
        kinds,
        [
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
        ]
    );
    let sitemap = std::fs::read_to_string(out.path().join("site/sitemap.xml")).unwrap();
    let base = pages.iter().find(|p| p["kind"] == "front").unwrap()["url"].as_str().unwrap();
    assert_eq!(base, "/jarjestot/");
    for p in &pages {
        let url = p["url"].as_str().unwrap();
        let rel = url.strip_prefix(base).unwrap();
        let file = if rel.is_empty() || rel.ends_with('/') { format!("{rel}index.html") } else { rel.to_string() };
        assert!(out.path().join("site").join(&file).is_file(), "{url}");
        assert_eq!(
            sitemap.contains(&format!("<loc>https://example.org{url}</loc>")),
            p["kind"] != "not-found",
            "{url}"
        );
    }
    let not_found = pages.iter().filter(|p| p["kind"] == "not-found").count();
    assert_eq!(not_found, 2, "one in each language");
    assert_eq!(sitemap.matches("<loc>").count(), pages.len() - not_found);
    let out_root = out.path().join("site");
    let out = &out_root;
    for rel in [
        "index.html",
        "jarjestot/index.html",
        "jarjestot/mantyrinteen-perhetupa/index.html",
        "teemat/index.html",
        "teemat/omaishoito/index.html",
        "kunnat/index.html",
        "kunnat/keuruu/index.html",
        "verkostot/index.html",
        "verkostot/keski-suomen-jarjestoareena/index.html",
        "kumppanuuspoydat/index.html",
        "kumppanuuspoydat/maakunnan-kumppanuuspoyta/index.html",
        "kattavuus/index.html",
        "kattavuus/kattavuus.csv",
        "haku/index.html",
        "tietoa/index.html",
        "saavutettavuusseloste/index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "atom.xml",
        "data/organisations.json",
        "data/organisations.csv",
        "tapahtumat/index.html",
        "tapahtumat/arkisto/index.html",
        "tapahtumat/2026-09-12-jarjestojen-syystori/index.html",
        "tapahtumat.ics",
        "jarjestot/keskimaan-jarjestokeskus/tapahtumat.ics",
        "kunnat/keuruu/tapahtumat.ics",
        "style.css",
    ] {
        assert!(out.join(rel).is_file(), "{rel} is missing");
    }
    let drafts = out.join("jarjestot/kuikkalammen-kesateatteri");
    assert!(!drafts.exists(), "drafts are left out");
}

#[test]
fn swedish_and_english_sites_have_complete_interface_text() {
    for (lang, orgs_path, words) in
        [("sv", "organisationer", ["Organisationer", "Teman"]), ("en", "organisations", ["Organisations", "Themes"])]
    {
        let s = small_site();
        s.write("site.toml", &crate::support::SITE.replace("language = \"fi\"", &format!("language = \"{lang}\"")));
        let r = build(&s, &[]);
        assert_eq!(r.code, 0, "{lang}: {}", r.stderr);
        let doc = page(&s, &format!("{orgs_path}/zeta/index.html"));
        let html = doc.html();
        assert!(html.contains(&format!("lang=\"{lang}\"")), "{lang}: html lang");
        let text = texts(&doc, "body").join(" ");
        for w in words {
            assert!(text.contains(w), "{lang}: {w} in {text}");
        }
        // A missing interface text shows up as its key (`kind_association`, `note_minutes`).
        for page_rel in [format!("{orgs_path}/zeta/index.html"), "index.html".to_string()] {
            let t = texts(&page(&s, &page_rel), "body").join(" ");
            let raw_keys: Vec<&str> = t
                .split_whitespace()
                .filter(|w| w.contains('_') && w.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '-'))
                .collect();
            assert!(raw_keys.is_empty(), "{lang} {page_rel}: untranslated keys {raw_keys:?}");
        }
    }
}

#[test]
fn site_templates_and_static_files_override_the_theme() {
    let s = small_site();
    s.write("templates/page.html", "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1><p id=\"own\">Oma pohja</p>{% endblock %}");
    s.write("content/pages/tietoa.md", "+++\ntitle = \"Tietoa\"\n+++\nTeksti.\n");
    s.write("static/style.css", "body { color: black }\n");
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc = page(&s, "tietoa/index.html");
    assert_eq!(texts(&doc, "#own"), vec!["Oma pohja".to_string()]);
    assert_eq!(std::fs::read_to_string(s.root().join("public/style.css")).unwrap(), "body { color: black }\n");
}

/// The default theme's components with component `name` defined anew: its
/// arguments `args` and its body `body`.
fn components_with(name: &str, args: &str, body: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/components.html");
    let text = std::fs::read_to_string(path).unwrap();
    let start = text.find(&format!("{{% component {name}(")).expect("the component in the default theme");
    let end = text.find(&format!("{{%- endcomponent {name} %}}")).unwrap();
    format!("{}{{% component {name}({args}) %}}{body}{}", &text[..start], &text[end..])
}

/// The default theme's components with `org_item`'s body replaced by `body`.
fn components_with_org_item(body: &str) -> String {
    components_with("org_item", "org, @t", body)
}

#[test]
fn a_site_s_own_card_is_shown_on_every_list() {
    let s = small_site();
    s.write(
        "templates/components.html",
        &components_with_org_item("<li class=\"own-card\">{{ org.name }} – {{ t.phone }}</li>"),
    );
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for (rel, names) in [
        ("kunnat/keuruu/index.html", &["Zeta ry", "Äänekosken Seura ry"][..]),
        ("kunnat/keuruu/omaishoito/index.html", &["Zeta ry", "Ålands Förening rf"][..]),
        ("teemat/omaishoito/index.html", &["Zeta ry", "Maakunnan Omaishoitajaliitto", "Valtakunnallinen Tuki"][..]),
    ] {
        let doc = page(&s, rel);
        let cards = texts(&doc, ".own-card");
        assert_eq!(texts(&doc, ".org-card").len(), 0, "{rel}: the default card");
        for name in names {
            assert!(cards.contains(&format!("{name} – Puhelin")), "{rel}: {name} in {cards:?}");
        }
    }
}

#[test]
fn a_card_that_reads_the_page_shows_each_page_s_own() {
    let s = small_site();
    let components = components_with_org_item(
        "<li class=\"own-card\">{{ org.name }} @ {% if page %}{{ page.title }}{% else %}no page{% endif %}</li>",
    )
    .replace("{% component org_item(org, @t) %}", "{% component org_item(org, @t, @page = none) %}");
    s.write("templates/components.html", &components);
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for rel in ["kunnat/keuruu/index.html", "kunnat/keuruu/omaishoito/index.html", "teemat/omaishoito/index.html"] {
        let doc = page(&s, rel);
        let title = texts(&doc, "title").join("");
        let page_title = title.split(" – ").next().unwrap().to_string();
        let cards = texts(&doc, ".own-card");
        assert!(cards.contains(&format!("Zeta ry @ {page_title}")), "{rel}: {cards:?}");
    }
}

#[test]
fn a_site_s_own_main_navigation_marks_each_page_s_section() {
    let s = small_site();
    s.write(
        "templates/components.html",
        &components_with(
            "site_nav",
            "section: string, @nav, @t",
            "<nav class=\"own-nav\" aria-label=\"{{ t.main_navigation }}\">{% for item in nav %}<a href=\"{{ item.url }}\"{% if item.key == section %} aria-current=\"page\"{% endif %}>{{ item.name }}</a>{% endfor %}</nav>",
        ),
    );
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for (rel, current) in [
        ("index.html", None),
        ("kunnat/keuruu/index.html", Some("Kunnat")),
        ("teemat/omaishoito/index.html", Some("Teemat")),
        ("jarjestot/zeta/index.html", Some("Järjestöt")),
        ("kattavuus/index.html", Some("Kattavuus")),
    ] {
        let doc = page(&s, rel);
        assert_eq!(texts(&doc, ".site-nav").len(), 0, "{rel}: the default bar");
        assert!(texts(&doc, ".own-nav a").len() >= 7, "{rel}");
        let marked = texts(&doc, ".own-nav a[aria-current=page]");
        assert_eq!(marked, current.map(|c| c.to_string()).into_iter().collect::<Vec<_>>(), "{rel}");
        // The phone menu's list marks the same entry.
        assert_eq!(texts(&doc, ".phone-menu__nav a[aria-current=page]"), marked, "{rel}");
    }
}

#[test]
fn a_main_navigation_that_reads_the_page_shows_each_page_s_own() {
    let s = small_site();
    s.write(
        "templates/components.html",
        &components_with(
            "site_nav",
            "section: string, @page = none",
            "<nav class=\"own-nav\" aria-label=\"x\"><p>{{ section }} @ {% if page %}{{ page.title }}{% else %}no page{% endif %}</p></nav>",
        ),
    );
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for rel in ["kunnat/keuruu/index.html", "teemat/omaishoito/index.html", "jarjestot/zeta/index.html"] {
        let doc = page(&s, rel);
        let title = texts(&doc, "title").join("");
        let page_title = title.split(" – ").next().unwrap().to_string();
        let own = texts(&doc, ".own-nav p").join("");
        assert!(own.ends_with(&format!(" @ {page_title}")), "{rel}: {own}");
    }
}

#[test]
fn a_card_that_cannot_be_rendered_is_reported() {
    let s = small_site();
    s.write("templates/components.html", &components_with_org_item("<li>{{ org.nope.x }}</li>"));
    let r = build(&s, &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("template-error"), "{}", r.stderr);
    assert!(!s.root().join("public").exists());
}

#[test]
fn a_broken_site_template_is_reported_and_nothing_is_written() {
    let s = small_site();
    s.write("templates/page.html", "{% extends \"base.html\" %}{% block content %}{{ page.title {% endblock %}");
    s.write("content/pages/tietoa.md", "+++\ntitle = \"Tietoa\"\n+++\n");
    let r = build(&s, &[]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("template-error") && r.stderr.contains("templates/page.html"), "{}", r.stderr);
    assert!(!s.root().join("public").exists());
    // A template that reads but cannot be rendered: the pages made before the error
    // are thrown away with their folder.
    s.write("templates/page.html", "{% extends \"base.html\" %}{% block content %}{{ nope.x }}{% endblock %}");
    let r = build(&s, &[]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("template-error") && r.stderr.contains("templates/page.html"), "{}", r.stderr);
    assert!(!s.root().join("public").exists());
    let left: Vec<String> = std::fs::read_dir(s.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".staging-"))
        .collect();
    assert!(left.is_empty(), "a staging folder left behind: {left:?}");
}

#[test]
fn every_broken_template_is_reported_once_in_one_run() {
    let s = small_site();
    s.write("templates/page.html", "{% extends \"base.html\" %}{% block content %}{{ page.title {% endblock %}");
    s.write(
        "templates/404.html",
        "{% extends \"base.html\" %}\n{% block content %}\n  {% if x %}{{ y | }}{% endif %}\n{% endblock %}",
    );
    // The base that every page extends: the templates extending it are not reported too.
    s.write("templates/base.html", "<!doctype html>\n<html>{% block content %}{% endblock %}\n{% for %}</html>\n");
    let r = build(&s, &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stderr.matches("template-error").count(), 3, "{}", r.stderr);
    for (file, place) in [("page.html", None), ("404.html", Some(":3:")), ("base.html", Some(":3:"))] {
        let line = r
            .stderr
            .lines()
            .find(|l| l.contains(&format!("templates/{file}:")))
            .unwrap_or_else(|| panic!("{file}: {}", r.stderr));
        if let Some(place) = place {
            assert!(line.contains(&format!("templates/{file}{place}")), "{line}");
        }
    }
    assert!(!s.root().join("public").exists());
}

#[test]
fn contact_persons_can_be_left_out_everywhere() {
    let s = small_site();
    s.write(
        "content/organisations/zeta.md",
        "+++\nname = \"Zeta ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n[contact]\nname = \"Maija Meikäläinen\"\nemail = \"maija@zeta.example\"\n+++\n",
    );
    assert_eq!(build(&s, &[]).code, 0);
    assert!(
        std::fs::read_to_string(s.root().join("public/jarjestot/zeta/index.html"))
            .unwrap()
            .contains("Maija Meikäläinen")
    );
    s.write("site.toml", &format!("{}\n[privacy]\ncontact_persons = false\n", crate::support::SITE));
    assert_eq!(build(&s, &[]).code, 0);
    for (path, bytes) in tree(&s.root().join("public")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("Meikäläinen") && !text.contains("maija@zeta"), "{path} names the contact person");
    }
}

#[test]
fn search_can_be_turned_off_completely() {
    let s = small_site();
    s.write("site.toml", &format!("{}\n[search]\nenabled = false\n", crate::support::SITE));
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = s.root().join("public");
    assert!(!out.join("pagefind").exists(), "no search index");
    assert!(!out.join("haku").exists(), "no search page");
    assert!(!out.join("search.js").exists(), "no search script");
    for (path, bytes) in tree(&out) {
        if path.ends_with(".html") {
            let doc = Html::parse_document(&String::from_utf8_lossy(&bytes));
            let forms = doc
                .select(&Selector::parse("form[role=search], [role=search] form, input[type=search]").unwrap())
                .count();
            assert_eq!(forms, 0, "{path} has a search form");
        }
    }
    let broken = links::broken_links(&out, "/");
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn the_search_index_is_written_with_search_on() {
    let s = small_site();
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = s.root().join("public");
    assert!(out.join("pagefind/pagefind.js").is_file());
    assert!(out.join("pagefind/pagefind-entry.json").is_file());
    assert!(out.join("search.js").is_file());
    let entry = std::fs::read_to_string(out.join("pagefind/pagefind-entry.json")).unwrap();
    assert!(entry.contains("\"fi\""), "indexed as Finnish: {entry}");
}

#[test]
fn a_statement_without_feedback_or_date_is_warned_about_and_claims_nothing() {
    let s = small_site();
    s.write("site.toml", &format!("{}\n[accessibility]\n# assessed = 2026-01-01\n", without_statement()));
    let diags = s.check_json().diagnostics();
    let warned: Vec<_> = diags.iter().filter(|d| d.code == "incomplete-statement").collect();
    assert_eq!(warned.len(), 1, "{diags:#?}");
    let line = without_statement().lines().count() + 2;
    assert_eq!((warned[0].file.as_str(), warned[0].line, warned[0].column), ("site.toml", line, 1));
    assert_eq!(warned[0].severity, "warning");
    assert!(warned[0].help.as_deref().is_some_and(|h| h.contains("feedback_email") && h.contains("assessed")));
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let body = texts(&page(&s, "saavutettavuusseloste/index.html"), "main").join(" ");
    assert!(!body.contains("Sivusto täyttää"), "claims conformance without an assessment: {body}");
    assert!(body.contains("ei ole vielä ilmoittanut, milloin"), "{body}");
    assert!(body.contains("ei ole vielä ilmoittanut saavutettavuuspalautteen kanavaa"), "{body}");

    // Only the date missing: one warning naming the date, and still no claim.
    s.write(
        "site.toml",
        &format!("{}\n[accessibility]\nfeedback_url = \"https://testi.example/palaute\"\n", without_statement()),
    );
    let diags = s.check_json().diagnostics();
    let warned: Vec<_> = diags.iter().filter(|d| d.code == "incomplete-statement").collect();
    assert_eq!(warned.len(), 1, "{diags:#?}");
    assert!(warned[0].message.contains("assessed") && !warned[0].message.contains("feedback"), "{:?}", warned[0]);
    assert_eq!(build(&s, &[]).code, 0);
    let body = texts(&page(&s, "saavutettavuusseloste/index.html"), "main").join(" ");
    assert!(!body.contains("Sivusto täyttää") && body.contains("Palautelomake"), "{body}");

    // No section at all: the warning has no line to point at but says where to add it.
    s.write("site.toml", &without_statement());
    let diags = s.check_json().diagnostics();
    let warned: Vec<_> = diags.iter().filter(|d| d.code == "incomplete-statement").collect();
    assert_eq!(warned.len(), 1, "{diags:#?}");
    assert!(
        warned[0].help.as_deref().is_some_and(|h| h.contains("in a new section `[accessibility]`")),
        "{:?}",
        warned[0]
    );
}

#[test]
fn the_accessibility_statement_is_generated_and_can_be_replaced() {
    let s = small_site();
    s.write(
        "site.toml",
        &format!(
            "{}\n[accessibility]\nfeedback_email = \"palaute@testi.example\"\nassessed = 2026-10-01\n",
            without_statement()
        ),
    );
    assert_eq!(build(&s, &[]).code, 0);
    let doc = page(&s, "saavutettavuusseloste/index.html");
    assert_eq!(texts(&doc, "h1"), vec!["Saavutettavuusseloste".to_string()]);
    let body = texts(&doc, "main").join(" ");
    assert!(
        body.contains("WCAG 2.1") && body.contains("palaute@testi.example") && body.contains("1.10.2026"),
        "{body}"
    );
    let home = page(&s, "index.html");
    let footer_links: Vec<String> = home
        .select(&Selector::parse("footer a").unwrap())
        .filter_map(|a| a.value().attr("href").map(String::from))
        .collect();
    assert!(footer_links.contains(&"/saavutettavuusseloste/".to_string()), "{footer_links:?}");

    s.write("content/pages/saavutettavuusseloste.md", "+++\ntitle = \"Oma seloste\"\n+++\nOmin sanoin.\n");
    assert_eq!(build(&s, &[]).code, 0);
    assert_eq!(texts(&page(&s, "saavutettavuusseloste/index.html"), "h1"), vec!["Oma seloste".to_string()]);

    s.remove("content/pages/saavutettavuusseloste.md");
    s.write("site.toml", &crate::support::SITE.replace("language = \"fi\"", "language = \"sv\""));
    assert_eq!(build(&s, &[]).code, 0);
    assert_eq!(
        texts(&page(&s, "tillganglighetsutlatande/index.html"), "h1"),
        vec!["Tillgänglighetsutlåtande".to_string()]
    );
}

#[test]
fn long_lists_are_split_into_pages_and_capped_groups() {
    let s = Site::new();
    for i in 0..1_205 {
        s.write(
            &format!("content/organisations/yhdistys-{i:04}.md"),
            &format!(
                "+++\nname = \"Yhdistys {i:04}\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\n+++\n"
            ),
        );
    }
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // A–Ö: 1,206 organisations on two pages, the letter index pointing at both.
    let first = page(&s, "jarjestot/index.html");
    let second = page(&s, "jarjestot/sivu/2/index.html");
    let count = |d: &Html| d.select(&Selector::parse("main .group li").unwrap()).count();
    assert!(count(&first) >= 1_000 && count(&second) >= 200, "{} + {}", count(&first), count(&second));
    let pager = texts(&first, ".pager a");
    assert_eq!(pager, ["1", "2"]);
    // A theme page of more than THEME_PAGE_CARDS local organisations names each
    // municipality with its count, links its name to the theme's page in that
    // municipality and the rest to search; the coverage table's anchor stays.
    let theme = page(&s, "teemat/omaishoito/index.html");
    let keuruu = theme.select(&Selector::parse("#kunta-keuruu").unwrap()).next().expect("group");
    assert_eq!(
        keuruu.select(&Selector::parse("a").unwrap()).next().and_then(|a| a.value().attr("href")),
        Some("/kunnat/keuruu/omaishoito/")
    );
    let section =
        keuruu.ancestors().filter_map(scraper::ElementRef::wrap).find(|e| e.value().name() == "section").unwrap();
    assert_eq!(section.select(&Selector::parse(".org-list > li, .empty").unwrap()).count(), 0);
    let text: String = section.text().collect::<String>().chars().filter(|c| !c.is_whitespace()).collect();
    assert!(text.contains("1206"), "the count (the 1,205 and the site's own one): {text}");
    let more: Vec<String> = section
        .select(&Selector::parse(".more a").unwrap())
        .filter_map(|a| a.value().attr("href").map(String::from))
        .collect();
    assert_eq!(more, ["/haku/?type=J%C3%A4rjest%C3%B6&theme=Omaishoito&municipality=Keuruu"]);
    let broken = links::broken_links(&s.root().join("public"), "/");
    assert!(broken.is_empty(), "{broken:#?}");
}

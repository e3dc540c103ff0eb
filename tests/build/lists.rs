//! Municipality pages as a resident reads them: each organisation once, local first,
//! with theme chips; long lists split into pages, and the whole region-wide and
//! nationwide lists a link away (in search, or on pages of their own without it).

use std::collections::HashSet;

use scraper::{Html, Selector};

use super::{build, page, texts};
use crate::support::Site;

fn org(s: &Site, slug: &str, name: &str, themes: &str, place: &str) {
    s.write(
        &format!("content/organisations/{slug}.md"),
        &format!("+++\nname = \"{name}\"\nthemes = [{themes}]\n{place}\n+++\nKuvaus.\n"),
    );
}

fn hrefs(doc: &Html, css: &str) -> Vec<String> {
    doc.select(&Selector::parse(css).unwrap()).filter_map(|a| a.value().attr("href").map(String::from)).collect()
}

#[test]
fn a_municipality_page_lists_each_organisation_once_with_theme_chips() {
    let s = Site::new();
    // Two themes each: grouped by theme, they would be listed twice.
    org(
        &s,
        "kaksi-teemaa",
        "Kahden Teeman Yhdistys",
        "\"omaishoito\", \"ikaihmiset\"",
        "municipalities = [\"Keuruu\"]",
    );
    org(&s, "maakunnan", "Maakunnan Liitto", "\"omaishoito\", \"ikaihmiset\"", "regions = [\"Keski-Suomi\"]");
    org(&s, "koko-maan", "Koko Maan Liitto", "\"omaishoito\", \"ikaihmiset\"", "nationwide = true");
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc = page(&s, "kunnat/keuruu/index.html");
    // Local ones as cards, the region-wide and nationwide ones as a list of names.
    let cards = hrefs(&doc, "main .org-card__name, main .org-links__name");
    assert_eq!(hrefs(&doc, "main .org-card__name"), ["/jarjestot/kaksi-teemaa/", "/jarjestot/keuruun-testiyhdistys/"]);
    let unique: HashSet<&String> = cards.iter().collect();
    assert_eq!(cards.len(), unique.len(), "each organisation once: {cards:?}");
    assert_eq!(cards.len(), 4, "{cards:?}");
    let order: Vec<usize> = ["/jarjestot/kaksi-teemaa/", "/jarjestot/maakunnan/", "/jarjestot/koko-maan/"]
        .iter()
        .map(|u| cards.iter().position(|c| c == u).unwrap_or_else(|| panic!("{u} in {cards:?}")))
        .collect();
    assert!(order[0] < order[1] && order[1] < order[2], "local, region-wide, nationwide: {cards:?}");
    // Theme chips: the themes of every organisation acting here, each to a list of
    // that theme's organisations for Keuruu (local, region-wide, nationwide; once).
    let chips = hrefs(&doc, "main .chips a");
    assert_eq!(chips, ["/kunnat/keuruu/ikaihmiset/", "/kunnat/keuruu/omaishoito/"]);
    let counts = texts(&doc, "main .chips .chip__count");
    assert_eq!(counts, ["3", "4"], "Ikäihmiset: 3 (not Keuruun Testiyhdistys), Omaishoito: all 4");
    let list = page(&s, "kunnat/keuruu/ikaihmiset/index.html");
    let names = hrefs(&list, "main .org-card__name, main .org-links__name");
    assert_eq!(names, ["/jarjestot/kaksi-teemaa/", "/jarjestot/maakunnan/", "/jarjestot/koko-maan/"]);
    assert!(super::links::broken_links(&s.root().join("public"), "/").is_empty());
    // The official data in a side box.
    let side = texts(&doc, "aside.facts-box").join(" ");
    assert!(side.contains("Keski-Suomen hyvinvointialue") && side.contains("249"), "{side}");
}

#[test]
fn without_search_long_lists_go_on_over_pages_of_their_own() {
    let s = Site::new();
    s.write("site.toml", &format!("{}\n[search]\nenabled = false\n", crate::support::SITE));
    for i in 0..1_010 {
        org(
            &s,
            &format!("paikallinen-{i:04}"),
            &format!("Paikallinen {i:04}"),
            "\"omaishoito\"",
            "municipalities = [\"Multia\"]",
        );
    }
    for i in 0..55 {
        org(
            &s,
            &format!("maakunta-{i:02}"),
            &format!("Maakunnallinen {i:02}"),
            "\"omaishoito\"",
            "regions = [\"Keski-Suomi\"]",
        );
        org(
            &s,
            &format!("valtakunta-{i:02}"),
            &format!("Valtakunnallinen {i:02}"),
            "\"ikaihmiset\"",
            "nationwide = true",
        );
    }
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Multia: 1,010 local organisations on two pages; 50 of the 55 others of each reach.
    let first = page(&s, "kunnat/multia/index.html");
    let second = page(&s, "kunnat/multia/sivu/2/index.html");
    let cards = |d: &Html, sel: &str| d.select(&Selector::parse(sel).unwrap()).count();
    assert_eq!(cards(&first, "section[aria-labelledby=reach-local] .org-list > li"), 1_000);
    assert_eq!(cards(&second, "section[aria-labelledby=reach-local] .org-list > li"), 10);
    assert_eq!(cards(&first, "section[aria-labelledby=reach-region] .org-links > li"), areena::render::GROUP_LIMIT);
    assert_eq!(cards(&first, "section[aria-labelledby=reach-nation] .org-links > li"), areena::render::GROUP_LIMIT);
    assert_eq!(texts(&first, ".pager a"), ["1", "2"]);
    // The whole lists: one page each for the region and the nation, linked from every
    // municipality page, in the sitemap, with every organisation of the reach.
    let more = hrefs(&first, "main .more a");
    assert_eq!(more, ["/kunnat/maakunta/keski-suomi/", "/kunnat/valtakunnalliset/"]);
    let region = page(&s, "kunnat/maakunta/keski-suomi/index.html");
    assert_eq!(cards(&region, "main .org-list > li"), 55);
    let nation = page(&s, "kunnat/valtakunnalliset/index.html");
    assert_eq!(cards(&nation, "main .org-list > li"), 55);
    let sitemap = s.read("public/sitemap.xml");
    for u in ["kunnat/valtakunnalliset/", "kunnat/maakunta/keski-suomi/", "kunnat/multia/sivu/2/"] {
        assert!(sitemap.contains(&format!("https://example.org/{u}")), "{u} in the sitemap");
    }
    assert!(super::links::broken_links(&s.root().join("public"), "/").is_empty());
    theme_in_a_municipality_goes_on_over_pages(&s, &sitemap);
    // The theme page (over 200 listings, search off): Multia's name links to the
    // theme's page there, with its count; no cards, no second link to the same page.
    let theme = page(&s, "teemat/omaishoito/index.html");
    assert_eq!(hrefs(&theme, "#kunta-multia a"), ["/kunnat/multia/omaishoito/"]);
    let group = theme.select(&Selector::parse("section:has(> .counted #kunta-multia)").unwrap()).next().expect("group");
    assert_eq!(group.select(&Selector::parse(".org-list, .empty, .more").unwrap()).count(), 0, "{}", group.html());
    // Another municipality of the region, with no local organisations: the same.
    let other = page(&s, "kunnat/joutsa/index.html");
    assert_eq!(cards(&other, "section[aria-labelledby=reach-nation] .org-links > li"), areena::render::GROUP_LIMIT);
    assert_eq!(hrefs(&other, "main .more a"), more);
}

/// The theme in one municipality: its local ones in pages of 1,000, then at most
/// WIDE_ON_MUNICIPALITY_THEME of each wide reach and a link to the rest.
fn theme_in_a_municipality_goes_on_over_pages(s: &Site, sitemap: &str) {
    let cards = |d: &Html, sel: &str| d.select(&Selector::parse(sel).unwrap()).count();
    let here = page(s, "kunnat/multia/omaishoito/index.html");
    assert_eq!(cards(&here, "section[aria-labelledby=reach-local] .org-list > li"), 1_000);
    let limit = areena::render::WIDE_ON_MUNICIPALITY_THEME;
    assert_eq!(cards(&here, "section[aria-labelledby=reach-region] .org-links > li"), limit);
    assert_eq!(hrefs(&here, "main .more a"), ["/kunnat/maakunta/keski-suomi/"]);
    assert_eq!(hrefs(&here, ".pager a"), ["/kunnat/multia/omaishoito/", "/kunnat/multia/omaishoito/sivu/2/"]);
    let here_2 = page(s, "kunnat/multia/omaishoito/sivu/2/index.html");
    assert_eq!(
        texts(&here_2, "section[aria-labelledby=reach-local] .org-card__name"),
        [
            "Paikallinen 1000",
            "Paikallinen 1001",
            "Paikallinen 1002",
            "Paikallinen 1003",
            "Paikallinen 1004",
            "Paikallinen 1005",
            "Paikallinen 1006",
            "Paikallinen 1007",
            "Paikallinen 1008",
            "Paikallinen 1009"
        ]
    );
    assert_eq!(cards(&here_2, "section[aria-labelledby=reach-region], section[aria-labelledby=reach-nation]"), 0);
    assert!(texts(&here_2, "h1")[0].ends_with("(2/2)"), "{:?}", texts(&here_2, "h1"));
    assert!(sitemap.contains("https://example.org/kunnat/multia/omaishoito/sivu/2/"));
    // A theme with fewer local ones than a page has no pager.
    let elders = page(s, "kunnat/multia/ikaihmiset/index.html");
    assert_eq!(cards(&elders, ".pager"), 0);
}

#[test]
fn with_search_the_whole_region_wide_and_nationwide_lists_are_in_search() {
    let s = Site::new();
    for i in 0..51 {
        org(
            &s,
            &format!("maakunta-{i:02}"),
            &format!("Maakunnallinen {i:02}"),
            "\"omaishoito\"",
            "regions = [\"Keski-Suomi\"]",
        );
        org(
            &s,
            &format!("valtakunta-{i:02}"),
            &format!("Valtakunnallinen {i:02}"),
            "\"ikaihmiset\"",
            "nationwide = true",
        );
    }
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc = page(&s, "kunnat/keuruu/index.html");
    assert_eq!(
        hrefs(&doc, "main .more a"),
        ["/haku/?type=J%C3%A4rjest%C3%B6&wide=Keski-Suomi", "/haku/?type=J%C3%A4rjest%C3%B6&wide=%2A"]
    );
    assert!(!s.root().join("public/kunnat/valtakunnalliset").exists(), "no separate list with search on");
}

#[test]
fn cards_carry_a_line_about_the_organisation_its_contacts_and_what_it_looks_for() {
    let s = Site::new();
    s.write(
        "content/organisations/kortti.md",
        "+++\nname = \"Korttiyhdistys ry\"\nsummary = \"Vertaistukea omaishoitajille Keuruulla\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\nphone = \"040 000 0001\"\nemail = \"info@kortti.example\"\nseeking = [\"volunteers\", \"partners\"]\n+++\nPitkä kuvaus, jota kortti ei näytä. Toinen lause.\n",
    );
    s.write(
        "content/organisations/lause.md",
        "+++\nname = \"Lauseyhdistys ry\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\n+++\n# Otsikko\n\nEnsimmäinen lause kertoo, mitä teemme. Toinen ei näy kortilla.\n",
    );
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for rel in ["kunnat/keuruu/index.html", "teemat/omaishoito/index.html", "jarjestot/index.html"] {
        let doc = page(&s, rel);
        let card = |name: &str| {
            doc.select(&Selector::parse(".org-card").unwrap())
                .find(|c| c.text().any(|t| t == name))
                .unwrap_or_else(|| panic!("a card of {name} on {rel}"))
        };
        let k = card("Korttiyhdistys ry");
        let text = k.text().collect::<String>();
        assert!(
            text.contains("Vertaistukea omaishoitajille Keuruulla") && !text.contains("Pitkä kuvaus"),
            "{rel}: {text}"
        );
        let links: Vec<&str> =
            k.select(&Selector::parse("a").unwrap()).filter_map(|a| a.value().attr("href")).collect();
        assert!(links.contains(&"tel:0400000001") && links.contains(&"mailto:info@kortti.example"), "{rel}: {links:?}");
        let badges: Vec<String> =
            k.select(&Selector::parse(".org-card__seeking .badge").unwrap()).map(|b| b.text().collect()).collect();
        assert_eq!(badges, ["vapaaehtoisia", "yhteistyökumppaneita"], "{rel}");
        let l = card("Lauseyhdistys ry").text().collect::<String>();
        assert!(l.contains("Ensimmäinen lause kertoo, mitä teemme.") && !l.contains("Toinen ei"), "{rel}: {l}");
    }
    // The list of those looking for volunteers, linked from the front page.
    let front = page(&s, "index.html");
    let involved = hrefs(&front, "#home-involved ~ ul a, section[aria-labelledby=home-involved] a");
    assert_eq!(involved, ["/jarjestot/etsii-vapaaehtoisia/", "/jarjestot/etsii-kumppaneita/"]);
    let list = page(&s, "jarjestot/etsii-vapaaehtoisia/index.html");
    assert_eq!(texts(&list, "main .org-card__name"), ["Korttiyhdistys ry"]);
    assert!(!s.root().join("public/jarjestot/etsii-jasenia").exists(), "no empty list");
}

#[test]
fn network_membership_is_the_union_of_both_sides_in_a_to_o_order() {
    let s = Site::new();
    // Öljymäen names itself a member; Aapelin is named by the network; Keskisen by both.
    let member = |slug: &str, name: &str, networks: &str| {
        s.write(
            &format!("content/organisations/{slug}.md"),
            &format!("+++\nname = \"{name}\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\nnetworks = [{networks}]\n+++\n"),
        );
    };
    member("oljymaen", "Öljymäen Yhdistys", "\"verkko-b\", \"verkko-a\"");
    member("aapelin", "Aapelin Yhdistys", "");
    member("keskisen", "Keskisen Yhdistys", "\"verkko-a\"");
    for (slug, name, members) in
        [("verkko-a", "Alfa-verkosto", "\"keskisen\", \"aapelin\""), ("verkko-b", "Beta-verkosto", "\"aapelin\"")]
    {
        s.write(
            &format!("content/networks/{slug}.md"),
            &format!("+++\nname = \"{name}\"\nkind = \"local-network\"\nmembers = [{members}]\n+++\n"),
        );
    }
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let alfa = page(&s, "verkostot/verkko-a/index.html");
    assert_eq!(
        texts(&alfa, "main .org-card__name"),
        ["Aapelin Yhdistys", "Keskisen Yhdistys", "Öljymäen Yhdistys"],
        "each member once, A–Ö, whichever side names it"
    );
    let beta = page(&s, "verkostot/verkko-b/index.html");
    assert_eq!(texts(&beta, "main .org-card__name"), ["Aapelin Yhdistys", "Öljymäen Yhdistys"]);
    // And on the organisations' pages, A–Ö.
    let networks = |slug: &str| texts(&page(&s, &format!("jarjestot/{slug}/index.html")), "#org-networks ~ ul a");
    assert_eq!(networks("oljymaen"), ["Alfa-verkosto", "Beta-verkosto"]);
    assert_eq!(networks("aapelin"), ["Alfa-verkosto", "Beta-verkosto"]);
    assert_eq!(networks("keskisen"), ["Alfa-verkosto"]);
}

#[test]
fn municipalities_get_pages_in_the_region_and_wherever_something_is_named() {
    let s = Site::new();
    org(&s, "helsingin", "Helsingin Yhdistys", "\"omaishoito\"", "municipalities = [\"Helsinki\"]");
    s.write(
        "content/networks/pohjoinen.md",
        "+++\nname = \"Pohjoinen verkosto\"\nkind = \"local-network\"\nmunicipalities = [\"Oulu\"]\nmembers = [\"helsingin\"]\n+++\n",
    );
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let public = s.root().join("public/kunnat");
    // Outside the site's region: a page where an organisation acts, or a network names it.
    assert!(public.join("helsinki/index.html").is_file(), "a local organisation's municipality");
    assert!(public.join("oulu/index.html").is_file(), "a network's municipality");
    // Nothing names Turku, outside the region: no page.
    assert!(!public.join("turku").exists(), "no page for a municipality nothing names");
    // Every municipality of the site's region has one, even with nothing in it.
    assert!(public.join("luhanka/index.html").is_file(), "a municipality of the region");
    // The list of municipalities: the site's region first, then the others.
    let index = page(&s, "kunnat/index.html");
    let links = hrefs(&index, "main a[href^='/kunnat/']");
    let pos = |u: &str| links.iter().position(|l| l == u).unwrap_or_else(|| panic!("{u} in {links:?}"));
    assert!(pos("/kunnat/luhanka/") < pos("/kunnat/helsinki/"), "{links:?}");
    assert!(pos("/kunnat/luhanka/") < pos("/kunnat/oulu/"), "{links:?}");
    assert!(super::links::broken_links(&s.root().join("public"), "/").is_empty());
}

#[test]
fn others_nearby_are_of_the_same_theme_and_municipality_the_six_after_it_in_a_to_o_order() {
    let s = Site::new();
    // Nine in Keuruu with omaishoito (more than the six a page shows), one elsewhere,
    // one of another theme.
    let names: Vec<String> = (1..=9).map(|i| format!("Keuruun Yhdistys {i}")).collect();
    for (i, name) in names.iter().enumerate() {
        org(&s, &format!("k{}", i + 1), name, "\"omaishoito\"", "municipalities = [\"Keuruu\"]");
    }
    org(&s, "multian", "Multian Yhdistys", "\"omaishoito\"", "municipalities = [\"Multia\"]");
    org(&s, "ikaihmiset", "Keuruun Ikäihmiset", "\"ikaihmiset\"", "municipalities = [\"Keuruu\"]");
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let nearby = |slug: &str| texts(&page(&s, &format!("jarjestot/{slug}/index.html")), ".nearby .org-links__name");
    // The site's own Keuruu organisation with omaishoito sorts among them too.
    let all: Vec<String> = {
        let mut v = texts(
            &page(&s, "kunnat/keuruu/omaishoito/index.html"),
            "section[aria-labelledby=reach-local] .org-card__name",
        );
        v.retain(|n| n != "Keuruun Ikäihmiset");
        v
    };
    assert!(all.len() >= 10, "{all:?}");
    for (i, name) in names.iter().enumerate() {
        let pos = all.iter().position(|n| n == name).unwrap();
        // The six after it in A–Ö order, wrapping round to the start; shown A–Ö.
        let mut picked: Vec<usize> = (1..=6).map(|k| (pos + k) % all.len()).collect();
        picked.sort_unstable();
        let expected: Vec<String> = picked.into_iter().map(|k| all[k].clone()).collect();
        assert_eq!(nearby(&format!("k{}", i + 1)), expected, "{name}");
    }
    assert!(nearby("multian").is_empty(), "nobody else in Multia with the theme");
}

#[test]
fn each_reach_lists_an_organisation_once_and_coverage_counts_gaps_and_wide_ones() {
    let s = Site::new();
    s.write(
        "content/themes.toml",
        &format!("{}\n[[theme]]\nid = \"nuoret\"\nname = \"Nuoret\"\n", crate::support::THEMES),
    );
    org(&s, "multian-apu", "Multian Apu ry", "\"omaishoito\"", "municipalities = [\"Multia\"]");
    org(&s, "maakunnan-tuki", "Maakunnan Tuki ry", "\"omaishoito\"", "regions = [\"Keski-Suomi\"]");
    org(&s, "valtakunnan-apu", "Valtakunnan Apu ry", "\"ikaihmiset\"", "nationwide = true");
    org(
        &s,
        "molempien-liitto",
        "Molempien Liitto ry",
        "\"ikaihmiset\"",
        "regions = [\"Keski-Suomi\"]\nnationwide = true",
    );
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Region-wide and nationwide at once: listed once, as region-wide.
    let multia = page(&s, "kunnat/multia/index.html");
    let names = |d: &Html, kind: &str| {
        texts(d, &format!("section[aria-labelledby=reach-{kind}] :is(.org-card__name, .org-links__name)"))
    };
    assert_eq!(names(&multia, "local"), ["Multian Apu ry"]);
    assert_eq!(names(&multia, "region"), ["Maakunnan Tuki ry", "Molempien Liitto ry"]);
    assert_eq!(names(&multia, "nation"), ["Valtakunnan Apu ry"]);
    // Theme chips only for themes someone has there (none has Nuoret).
    assert_eq!(texts(&multia, ".chip > span:first-child"), ["Ikäihmiset", "Omaishoito"]);
    // The theme page's region-wide group: those naming a region, not the local ones.
    let theme = page(&s, "teemat/omaishoito/index.html");
    assert_eq!(texts(&theme, "section[aria-labelledby=region-wide] .org-card__name"), ["Maakunnan Tuki ry"]);
    let elders = page(&s, "teemat/ikaihmiset/index.html");
    assert_eq!(
        texts(&elders, "section[aria-labelledby=nationwide] .org-card__name"),
        ["Molempien Liitto ry", "Valtakunnan Apu ry"]
    );
    // Coverage: 22 municipalities × 3 themes, of which Keuruu and Multia have
    // Omaishoito; the wide row counts region-wide or nationwide ones per theme
    // (Ikäihmiset, Nuoret, Omaishoito).
    let coverage = page(&s, "kattavuus/index.html");
    assert!(texts(&coverage, "strong").iter().any(|t| t == "Aukkoja: 64"), "{:?}", texts(&coverage, "strong"));
    assert_eq!(texts(&coverage, "tr.coverage__wide td:not(.coverage__total)"), ["2", "0", "1"]);
}

#[test]
fn a_region_wide_or_nationwide_part_with_nobody_in_it_says_so() {
    let s = Site::new();
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let keuruu = page(&s, "kunnat/keuruu/index.html");
    for kind in ["region", "nation"] {
        let section = format!("section[aria-labelledby=reach-{kind}]");
        assert_eq!(texts(&keuruu, &format!("{section} .empty")), ["Ei järjestöjä."], "{kind}");
        assert!(texts(&keuruu, &format!("{section} .org-links")).is_empty(), "{kind}: no empty list");
    }
}

//! A site in two languages: translations beside their originals, the pages of each
//! language, the links between them, and the mistakes an editor can make.

use crate::support::{SITE, Site};

/// The base site in Finnish and Swedish.
fn bilingual() -> Site {
    let s = Site::new();
    s.write("site.toml", &SITE.replace("language = \"fi\"\n", "language = \"fi\"\nlanguages = [\"fi\", \"sv\"]\n"));
    s
}

/// (code, file, line, column) of every error of `check`.
fn errors(s: &Site) -> Vec<(String, String, usize, usize)> {
    s.check_json()
        .diagnostics()
        .into_iter()
        .filter(|d| d.severity == "error")
        .map(|d| (d.code, d.file, d.line, d.column))
        .collect()
}

#[test]
fn a_translation_is_read_beside_its_original_and_makes_no_second_organisation() {
    let s = bilingual();
    s.write(
        "content/organisations/keuruun-testiyhdistys.sv.md",
        "+++\nname = \"Keuru Testförening rf\"\n[contact]\nrole = \"ordförande\"\n+++\nBeskrivning.\n",
    );
    let r = s.check_json();
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.diagnostics().is_empty(), "{:#?}", r.diagnostics());
}

#[test]
fn each_translation_mistake_is_reported_where_it_is() {
    let s = bilingual();
    // A field that is not translatable, on line 3, and one inside [contact] on line 5.
    s.write(
        "content/organisations/keuruun-testiyhdistys.sv.md",
        "+++\nname = \"Keuru Testförening rf\"\nthemes = [\"omaishoito\"]\n[contact]\n  email = \"a@b.example\"\n+++\n",
    );
    // No original: a misspelt stem.
    s.write("content/organisations/keuruun-testiyhdistyss.sv.md", "+++\nname = \"X\"\n+++\n");
    // A language the site is not built in, and an unknown one.
    s.write("content/networks/testiverkosto.en.md", "+++\nname = \"Test network\"\n+++\n");
    s.write("content/networks/testiverkosto.xx.md", "+++\nname = \"X\"\n+++\n");
    // The same translation twice (the language in capitals).
    s.write("content/networks/testiverkosto.sv.md", "+++\nname = \"Testnätverket\"\n+++\n");
    s.write("content/networks/testiverkosto.SV.md", "+++\nname = \"Testnätverk\"\n+++\n");
    // The translated text is checked as an original's: a script link, a broken link.
    s.write("content/pages/tietoa.md", "+++\ntitle = \"Tietoa\"\n+++\nTeksti.\n");
    s.write(
        "content/pages/tietoa.sv.md",
        "+++\ntitle = \"Om\"\n+++\nSe [här](javascript:alert(1)).\n\n[Saknas](../organisations/ei-ole.md)\n",
    );
    let found = errors(&s);
    let want = [
        ("untranslatable-field", "content/organisations/keuruun-testiyhdistys.sv.md", 3, 1),
        ("untranslatable-field", "content/organisations/keuruun-testiyhdistys.sv.md", 5, 3),
        ("translation-without-original", "content/organisations/keuruun-testiyhdistyss.sv.md", 1, 1),
        ("translation-language", "content/networks/testiverkosto.en.md", 1, 1),
        ("translation-language", "content/networks/testiverkosto.xx.md", 1, 1),
        ("duplicate-translation", "content/networks/testiverkosto.sv.md", 1, 1),
        ("unsafe-link", "content/pages/tietoa.sv.md", 4, 4),
        ("broken-link", "content/pages/tietoa.sv.md", 6, 1),
    ];
    for (code, file, line, column) in want {
        assert!(
            found.iter().any(|(c, f, l, col)| c == code && f == file && *l == line && *col == column),
            "{code} at {file}:{line}:{column} in {found:#?}"
        );
    }
    assert_eq!(found.len(), want.len(), "{found:#?}");
    let diags = s.check_json().diagnostics();
    let help = |code: &str| diags.iter().find(|d| d.code == code).and_then(|d| d.help.clone()).unwrap_or_default();
    assert!(
        help("untranslatable-field").contains("`name`, `short_name`, `summary`"),
        "{}",
        help("untranslatable-field")
    );
    assert!(help("translation-without-original").contains("keuruun-testiyhdistys.sv.md"), "the nearest stem");
    assert!(help("translation-language").contains("testiverkosto.sv.md"), "{}", help("translation-language"));
}

#[test]
fn languages_must_be_known_and_start_with_the_site_language() {
    let s = Site::new();
    s.write(
        "site.toml",
        &SITE.replace("language = \"fi\"\n", "language = \"fi\"\nlanguages = [\"sv\", \"fi\", \"de\"]\n"),
    );
    let found = errors(&s);
    assert!(found.contains(&("invalid-value".into(), "site.toml".into(), 4, 14)), "{found:#?}");
    assert!(found.contains(&("unknown-site-language".into(), "site.toml".into(), 4, 26)), "{found:#?}");
    // A language twice is a warning at the second; the fix for an unknown one names a
    // language not already in the list.
    s.write(
        "site.toml",
        &SITE.replace("language = \"fi\"\n", "language = \"fi\"\nlanguages = [\"fi\", \"sv\", \"sv\", \"de\"]\n"),
    );
    let diags = s.check_json().diagnostics();
    let twice = diags.iter().find(|d| d.severity == "warning" && d.message.contains("twice")).expect("a warning");
    assert_eq!((twice.line, twice.column), (4, 26), "{twice:#?}");
    let unknown = diags.iter().find(|d| d.code == "unknown-site-language").expect("unknown-site-language");
    assert!(unknown.help.as_deref().unwrap_or("").contains("`\"en\"`"), "{unknown:#?}");
}

#[test]
fn a_translation_without_an_original_is_reported_before_the_site_has_its_language() {
    // No `languages` in site.toml: the missing original is a mistake of its own.
    let s = Site::new();
    s.write("content/organisations/puuttuva.sv.md", "+++\nname = \"X rf\"\n+++\n");
    let found = errors(&s);
    assert!(found.iter().any(|(c, _, _, _)| c == "translation-without-original"), "{found:#?}");
    assert!(found.iter().any(|(c, _, _, _)| c == "translation-language"), "{found:#?}");
}

/// The bilingual site with a translated organisation, an untranslated one and a
/// translated theme name.
fn translated_site() -> Site {
    let s = bilingual();
    s.write(
        "content/themes.toml",
        &crate::support::THEMES.replace("name = \"Omaishoito\"", "name = \"Omaishoito\"\nname_sv = \"Närståendevård\""),
    );
    s.write(
        "content/organisations/keuruun-testiyhdistys.sv.md",
        "+++\nname = \"Keuru Testförening rf\"\n+++\nVi hjälper närståendevårdare.\n",
    );
    s.write(
        "content/organisations/multian-kyla.md",
        "+++\nname = \"Multian Kyläyhdistys ry\"\nthemes = [\"ikaihmiset\"]\nmunicipalities = [\"Multia\"]\n+++\nKylän oma yhdistys.\n",
    );
    s
}

fn hrefs(doc: &scraper::Html, css: &str, attr: &str) -> Vec<(String, String)> {
    let sel = scraper::Selector::parse(css).unwrap();
    doc.select(&sel)
        .map(|e| {
            let v = e.value();
            (v.attr("hreflang").unwrap_or_default().to_string(), v.attr(attr).unwrap_or_default().to_string())
        })
        .collect()
}

#[test]
fn the_swedish_pages_have_swedish_paths_text_and_translations() {
    let s = translated_site();
    let r = super::build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Finnish keeps its paths; Swedish pages live under /sv/ with Swedish segments.
    let fi = super::page(&s, "jarjestot/keuruun-testiyhdistys/index.html");
    let sv = super::page(&s, "sv/organisationer/keuruun-testiyhdistys/index.html");
    assert_eq!(super::texts(&fi, "h1"), ["Keuruun Testiyhdistys ry"]);
    assert_eq!(super::texts(&sv, "h1"), ["Keuru Testförening rf"]);
    assert!(sv.html().contains("<html lang=\"sv\">") && fi.html().contains("<html lang=\"fi\">"));
    let main = super::texts(&sv, "main").join(" ");
    assert!(main.contains("Vi hjälper närståendevårdare.") && !main.contains("Kuvaus."), "{main}");
    assert!(main.contains("Närståendevård"), "the theme's Swedish name: {main}");
    assert!(super::texts(&sv, ".site-nav").join(" ").contains("Organisationer"), "Swedish interface text");
    for rel in
        ["sv/index.html", "sv/teman/omaishoito/index.html", "sv/kommuner/multia/index.html", "sv/natverk/index.html"]
    {
        assert!(s.root().join("public").join(rel).is_file(), "{rel}");
    }
    // The untranslated organisation: its Finnish text, marked as Finnish.
    let other = super::page(&s, "sv/organisationer/multian-kyla/index.html");
    assert_eq!(super::texts(&other, "main .prose [lang=fi]"), ["Kylän oma yhdistys."]);
    assert!(super::texts(&sv, "main [lang=fi]").is_empty(), "a translated text is not marked");
    // The switcher goes to the same organisation in the other language, named in it.
    let switch = hrefs(&sv, ".language-switcher a[lang=fi]", "href");
    assert_eq!(switch, [("fi".to_string(), "/jarjestot/keuruun-testiyhdistys/".to_string())]);
    assert_eq!(super::texts(&sv, ".language-switcher a"), ["Suomeksi"]);
    assert_eq!(super::texts(&fi, ".language-switcher a"), ["På svenska"]);
    assert_eq!(super::texts(&sv, ".phone-menu__languages a"), ["Suomeksi"], "on phones: in the menu");
    // Both languages' pages are in the one sitemap; robots.txt is not made twice.
    let sitemap = s.read("public/sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/sv/organisationer/keuruun-testiyhdistys/</loc>"));
    assert!(sitemap.contains("<loc>https://example.org/jarjestot/keuruun-testiyhdistys/</loc>"));
    // Each page's entry names its versions in both languages.
    let doc = roxmltree::Document::parse(&sitemap).unwrap();
    let xhtml = "http://www.w3.org/1999/xhtml";
    let entry = doc
        .descendants()
        .find(|n| {
            n.has_tag_name("url")
                && n.children().any(|c| c.text() == Some("https://example.org/jarjestot/keuruun-testiyhdistys/"))
        })
        .unwrap();
    let alternates: Vec<(&str, &str)> = entry
        .children()
        .filter(|c| c.has_tag_name((xhtml, "link")))
        .map(|c| (c.attribute("hreflang").unwrap(), c.attribute("href").unwrap()))
        .collect();
    assert_eq!(
        alternates,
        [
            ("fi", "https://example.org/jarjestot/keuruun-testiyhdistys/"),
            ("sv", "https://example.org/sv/organisationer/keuruun-testiyhdistys/")
        ]
    );
    assert!(!s.root().join("public/sv/robots.txt").exists() && !s.root().join("public/sv/sitemap.xml").exists());
    // Each language has its own search index, made with its stemming.
    assert!(s.read("public/sv/pagefind/pagefind-entry.json").contains("\"languages\":{\"sv\""));
    assert!(s.read("public/pagefind/pagefind-entry.json").contains("\"languages\":{\"fi\""));
    assert!(super::texts(&super::page(&s, "sv/sok/index.html"), "h1").join(" ").contains("Sök"));
    let broken = super::links::broken_links(&s.root().join("public"), "/");
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn what_is_shown_untranslated_is_marked_with_its_language() {
    let s = translated_site();
    // A meeting note and an event with a Swedish title, and one of each without.
    s.write("content/partnership-tables/poyta/index.md", "+++\nname = \"Testipöytä\"\n+++\n");
    for (slug, title) in [("2026-02-01-kokous", "Helmikuun kokous"), ("2026-03-01-kokous", "Maaliskuun kokous")] {
        s.write(
            &format!("content/partnership-tables/poyta/{slug}.md"),
            &format!("+++\ntitle = \"{title}\"\ndate = {}\ndecisions = [\"Päätös.\"]\n+++\nMuistio.\n", &slug[..10]),
        );
    }
    s.write(
        "content/partnership-tables/poyta/2026-03-01-kokous.sv.md",
        "+++\ntitle = \"Mötet i mars\"\ndecisions = [\"Beslut.\"]\n+++\nAnteckning.\n",
    );
    // Activities, translated for one organisation only.
    s.write(
        "content/organisations/keuruun-testiyhdistys.md",
        &crate::support::ORG.replace("+++\nKuvaus", "activities = [\"Vertaisryhmä\"]\n+++\nKuvaus"),
    );
    s.write(
        "content/organisations/keuruun-testiyhdistys.sv.md",
        "+++\nname = \"Keuru Testförening rf\"\nactivities = [\"Kamratgrupp\"]\n+++\nVi hjälper närståendevårdare.\n",
    );
    s.write(
        "content/organisations/multian-kyla.md",
        "+++\nname = \"Multian Kyläyhdistys ry\"\nthemes = [\"ikaihmiset\"]\nmunicipalities = [\"Multia\"]\nactivities = [\"Kyläjuhlat\"]\n+++\nKylän oma yhdistys.\n",
    );
    let r = super::build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let marked = |rel: &str| super::texts(&super::page(&s, rel), "main [lang=fi]");
    // The theme without a Swedish name, on the theme list, on its page and as a tag;
    // the one with a Swedish name unmarked.
    assert_eq!(marked("sv/teman/index.html"), ["Ikäihmiset"]);
    assert_eq!(marked("sv/teman/ikaihmiset/index.html")[0], "Ikäihmiset");
    let other = super::page(&s, "sv/organisationer/multian-kyla/index.html");
    assert_eq!(super::texts(&other, "main a.tag[lang=fi]"), ["Ikäihmiset"]);
    assert_eq!(super::texts(&other, "main .bullets[lang=fi] li"), ["Kyläjuhlat"]);
    let translated = super::page(&s, "sv/organisationer/keuruun-testiyhdistys/index.html");
    assert_eq!(super::texts(&translated, "main .bullets:not([lang]) li"), ["Kamratgrupp"]);
    // An untranslated organisation's one line on its card; the translated one's not.
    let list = super::page(&s, "sv/organisationer/index.html");
    assert_eq!(super::texts(&list, ".org-card__summary[lang=fi]"), ["Kylän oma yhdistys."]);
    assert_eq!(super::texts(&list, ".org-card__summary:not([lang])"), ["Vi hjälper närståendevårdare."]);
    // The untranslated note's title and decisions; the translated note's neither.
    let table = super::page(&s, "sv/partnerskapsbord/poyta/index.html");
    assert_eq!(super::texts(&table, ".note-item__title[lang=fi]"), ["Helmikuun kokous"]);
    assert_eq!(super::texts(&table, ".note-item__title:not([lang])"), ["Mötet i mars"]);
    let note = "sv/partnerskapsbord/poyta/2026-02-01-kokous/index.html";
    assert_eq!(marked(note), ["Helmikuun kokous", "Päätös.", "Muistio."]);
    assert!(marked("sv/partnerskapsbord/poyta/2026-03-01-kokous/index.html").is_empty());
    // Nothing is marked on the pages in the site's own language.
    for rel in ["teemat/index.html", "jarjestot/index.html", "kumppanuuspoydat/poyta/2026-02-01-kokous/index.html"] {
        assert!(marked(rel).is_empty(), "{rel}: {:?}", marked(rel));
    }
}

#[test]
fn every_alternate_points_to_a_written_page_that_points_back() {
    let s = translated_site();
    assert_eq!(super::build(&s, &[]).code, 0);
    let out = s.root().join("public");
    let file_of = |href: &str| {
        let path = href.strip_prefix("https://example.org/").unwrap_or_else(|| panic!("absolute: {href}"));
        out.join(path).join("index.html")
    };
    let mut pages = 0;
    for e in walkdir::WalkDir::new(&out).into_iter().flatten() {
        if e.path().file_name().is_none_or(|n| n != "index.html") {
            continue;
        }
        let rel = e.path().strip_prefix(&out).unwrap().parent().unwrap().to_string_lossy().replace('\\', "/");
        let me =
            if rel.is_empty() { "https://example.org/".to_string() } else { format!("https://example.org/{rel}/") };
        let doc = scraper::Html::parse_document(&std::fs::read_to_string(e.path()).unwrap());
        let alts = hrefs(&doc, "link[rel=alternate][hreflang]", "href");
        let langs: Vec<&str> = alts.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(langs, ["fi", "sv", "x-default"], "{me}");
        assert!(alts.iter().any(|(_, h)| *h == me), "{me} is among its own alternates: {alts:?}");
        for (lang, href) in &alts {
            let f = file_of(href);
            assert!(f.is_file(), "{me}: {lang} alternate {href} is not written");
            let back = scraper::Html::parse_document(&std::fs::read_to_string(&f).unwrap());
            assert_eq!(hrefs(&back, "link[rel=alternate][hreflang]", "href"), alts, "{href} points back to {me}");
        }
        pages += 1;
    }
    assert!(pages > 20, "{pages} pages");
}

#[test]
fn a_translation_without_text_keeps_the_original_text_and_one_into_the_first_language_is_named() {
    let s = bilingual();
    s.write("content/organisations/keuruun-testiyhdistys.sv.md", "+++\nname = \"Keuru Testförening rf\"\n+++\n\n");
    s.write(
        "content/organisations/keuruun-testiyhdistys.md",
        &crate::support::ORG.replace("[\"Keuruu\"]", "[\"Keuruu\", \"Pietarsaari\"]"),
    );
    let r = super::build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc = super::page(&s, "sv/organisationer/keuruun-testiyhdistys/index.html");
    assert_eq!(super::texts(&doc, "main h1"), ["Keuru Testförening rf"]);
    assert_eq!(super::texts(&doc, "main .prose > [lang=fi]"), ["Kuvaus."], "the original text, marked");
    // Places by their Swedish names on the Swedish page, by their Finnish ones on the Finnish page.
    let places = |rel: &str| super::texts(&super::page(&s, rel), "main .page-header__places").join(" ");
    assert!(places("sv/organisationer/keuruun-testiyhdistys/index.html").contains("Jakobstad"));
    assert!(places("jarjestot/keuruun-testiyhdistys/index.html").contains("Pietarsaari"));
    // Into the language the original is written in, and into one the site does not have.
    s.write("content/networks/testiverkosto.fi.md", "+++\nname = \"X\"\n+++\n");
    s.write("content/organisations/keuruun-testiyhdistys.en.md", "+++\nname = \"X\"\n+++\n");
    let diags = s.check_json().diagnostics();
    let message = |file: &str| {
        diags.iter().find(|d| d.code == "translation-language" && d.file == file).map(|d| d.message.clone()).unwrap()
    };
    let fi = message("content/networks/testiverkosto.fi.md");
    assert!(fi.contains("translates into `fi`, the language the original is written in"), "{fi}");
    let en = message("content/organisations/keuruun-testiyhdistys.en.md");
    assert!(en.contains("`en` is not one of the site's languages"), "{en}");
}

#[test]
fn an_event_s_and_a_contact_person_s_translated_words_are_on_the_swedish_pages() {
    let s = bilingual();
    s.write(
        "content/organisations/keuruun-testiyhdistys.md",
        &crate::support::ORG
            .replace("+++\nKuvaus", "[contact]\nname = \"Testi Henkilö\"\nrole = \"puheenjohtaja\"\n+++\nKuvaus"),
    );
    s.write(
        "content/organisations/keuruun-testiyhdistys.sv.md",
        "+++\nname = \"Keuru Testförening rf\"\n[contact]\nrole = \"ordförande\"\n+++\nBeskrivning.\n",
    );
    s.write(
        "content/events/2026-12-05-syystori.md",
        "+++\ntitle = \"Syystori\"\nstart = 2026-12-05T10:00:00\norganisers = [\"keuruun-testiyhdistys\"]\nmunicipality = \"Keuruu\"\nplace = \"Kirjasto\"\nprice = \"maksuton\"\naccessibility = \"Esteetön\"\n+++\nTervetuloa!\n",
    );
    s.write(
        "content/events/2026-12-05-syystori.sv.md",
        "+++\ntitle = \"Hösttorg\"\nplace = \"Biblioteket\"\nprice = \"gratis\"\naccessibility = \"Tillgängligt\"\n+++\nVälkommen!\n",
    );
    let r = super::build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let main = |rel: &str| super::texts(&super::page(&s, rel), "main").join(" ");
    let event = main("sv/evenemang/2026-12-05-syystori/index.html");
    for word in ["Hösttorg", "Biblioteket", "gratis", "Tillgängligt", "Välkommen!"] {
        assert!(event.contains(word), "{word}: {event}");
    }
    for word in ["Syystori", "Kirjasto", "maksuton", "Esteetön"] {
        assert!(!event.contains(word), "{word}: {event}");
    }
    let org = main("sv/organisationer/keuruun-testiyhdistys/index.html");
    assert!(org.contains("ordförande") && !org.contains("puheenjohtaja"), "{org}");
    assert!(main("jarjestot/keuruun-testiyhdistys/index.html").contains("puheenjohtaja"));
}

//! The documented options, each in a build: a site's own municipality list,
//! `--drafts`, `check --format json`, `--timings` and `unsafe_html = true`.

use scraper::{Html, Selector};

use super::{build, page, small_site, texts};
use crate::support::{Site, run};

const OWN_MUNICIPALITIES: &str = r#"[[municipality]]
code = "001"
name = "Esimerkkilä"
name_sv = "Exempelby"
region = "Esimerkkimaa"
region_sv = "Exempelland"
county = "Esimerkkimaan hyvinvointialue"

[[municipality]]
name = "Jokikylä"
region = "Esimerkkimaa"

[[municipality]]
name = "Muualla"
region = "Toinenmaa"
"#;

fn org(name: &str, place: &str) -> String {
    format!("+++\nname = \"{name}\"\nthemes = [\"omaishoito\"]\n{place}\n+++\nKuvaus.\n")
}

#[test]
fn a_sites_own_municipality_list_replaces_the_built_in_one() {
    let s = Site::new();
    s.write("site.toml", &crate::support::SITE.replace("Keski-Suomi", "Esimerkkimaa"));
    s.write("content/municipalities.toml", OWN_MUNICIPALITIES);
    s.write("content/organisations/keuruun-testiyhdistys.md", &org("Ruotsiksi ry", "municipalities = [\"exempelby\"]"));
    s.write("content/organisations/koodilla.md", &org("Koodilla ry", "municipalities = [\"001\", \"Jokikylä\"]"));
    s.write("content/organisations/maakunta.md", &org("Maakunnan ry", "regions = [\"Exempelland\"]"));
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = s.root().join("public");
    // Only the municipalities of the file, each with its page.
    let list = page(&s, "kunnat/index.html");
    let links: Vec<String> = list
        .select(&Selector::parse("main a").unwrap())
        .filter_map(|a| a.value().attr("href").map(String::from))
        .filter(|h| h.starts_with("/kunnat/") && h.len() > "/kunnat/".len())
        .collect();
    assert!(links.contains(&"/kunnat/esimerkkila/".to_string()), "{links:?}");
    assert!(links.contains(&"/kunnat/jokikyla/".to_string()), "{links:?}");
    assert!(!out.join("kunnat/keuruu").exists() && !out.join("kunnat/jyvaskyla").exists(), "no built-in municipality");
    // Written by its Swedish name, by its code: the same municipality.
    let esim = texts(&page(&s, "kunnat/esimerkkila/index.html"), "main").join(" ");
    for name in ["Ruotsiksi ry", "Koodilla ry", "Maakunnan ry"] {
        assert!(esim.contains(name), "{name} on Esimerkkilä's page: {esim}");
    }
    assert!(esim.contains("Esimerkkimaan hyvinvointialue"), "the county is shown");
    let joki = texts(&page(&s, "kunnat/jokikyla/index.html"), "main").join(" ");
    assert!(joki.contains("Koodilla ry") && !joki.contains("Ruotsiksi ry"), "{joki}");
    // The coverage table has the region's municipalities of the file, and no others.
    let csv = std::fs::read_to_string(out.join("kattavuus/kattavuus.csv")).unwrap();
    let rows: Vec<&str> = csv.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect();
    assert!(rows.contains(&"Esimerkkilä") && rows.contains(&"Jokikylä"), "{rows:?}");
    assert!(!rows.contains(&"Keuruu") && !rows.contains(&"Muualla"), "{rows:?}");
    assert!(super::links::broken_links(&out, "/").is_empty());

    // A built-in municipality is unknown now.
    s.write("content/organisations/vanha.md", &org("Vanha ry", "municipalities = [\"Keuruu\"]"));
    let r = s.check_json();
    assert_eq!(r.code, 1);
    let d = r.diagnostics();
    assert!(
        d.iter().any(|d| d.code == "unknown-municipality" && d.file == "content/organisations/vanha.md" && d.line == 4),
        "{d:#?}"
    );
    // An entry without a region is reported at its place in the file.
    s.remove("content/organisations/vanha.md");
    s.write("content/municipalities.toml", &format!("{OWN_MUNICIPALITIES}\n[[municipality]]\nname = \"Orpo\"\n"));
    let d = s.check_json().diagnostics();
    let m = d.iter().find(|d| d.code == "missing-field").unwrap_or_else(|| panic!("{d:#?}"));
    assert_eq!(m.file, "content/municipalities.toml");
    let text = s.read("content/municipalities.toml");
    assert_eq!((m.line, m.column), crate::support::position_of(&text, "[[municipality]]\nname = \"Orpo\""), "{m:?}");
}

#[test]
fn drafts_are_built_and_checked_only_with_drafts() {
    let s = small_site();
    s.write(
        "content/organisations/luonnos.md",
        "+++\nname = \"Luonnos ry\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\ndraft = true\n+++\n",
    );
    s.write(
        "content/partnership-tables/luonnospoyta/index.md",
        "+++\nname = \"Luonnospöytä\"\ndraft = true\n+++\nPöytä.\n",
    );
    s.write("content/partnership-tables/poyta/index.md", "+++\nname = \"Pöytä\"\n+++\nPöytä.\n");
    let note = "content/partnership-tables/poyta/2025-02-12-luonnos.md";
    s.write(note, "+++\ntitle = \"Luonnosmuistio\"\ndate = 2025-02-12\ndraft = true\n+++\nMuistio.\n");
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = s.root().join("public");
    assert!(!out.join("jarjestot/luonnos").exists());
    assert!(!out.join("kumppanuuspoydat/luonnospoyta").exists(), "a draft partnership table");
    assert!(out.join("kumppanuuspoydat/poyta/index.html").is_file());
    assert!(!out.join("kumppanuuspoydat/poyta/2025-02-12-luonnos").exists(), "a draft note");
    for rel in ["jarjestot/index.html", "kunnat/keuruu/index.html", "teemat/omaishoito/index.html"] {
        assert!(!texts(&page(&s, rel), "main").join(" ").contains("Luonnos ry"), "{rel} lists a draft");
    }
    let r = build(&s, &["--drafts"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(out.join("jarjestot/luonnos/index.html").is_file());
    assert!(out.join("kumppanuuspoydat/luonnospoyta/index.html").is_file(), "a draft partnership table with --drafts");
    assert!(out.join("kumppanuuspoydat/poyta/2025-02-12-luonnos/index.html").is_file(), "a draft note with --drafts");
    for rel in ["jarjestot/index.html", "kunnat/keuruu/index.html", "teemat/omaishoito/index.html"] {
        assert!(texts(&page(&s, rel), "main").join(" ").contains("Luonnos ry"), "{rel} with --drafts");
    }
    // A draft's mistakes are reported only when drafts are included.
    s.write(
        "content/organisations/luonnos.md",
        "+++\nname = \"Luonnos ry\"\nthemes = [\"eiole\"]\nmunicipalities = [\"Keuruu\"]\ndraft = true\n+++\n",
    );
    assert_eq!(s.check_json().code, 0);
    let root = s.root().to_str().unwrap();
    let r = run(&["check", "--drafts", "--format", "json", "--root", root]);
    assert_eq!(r.code, 1);
    assert!(r.diagnostics().iter().any(|d| d.code == "unknown-theme" && d.line == 3), "{}", r.stdout);
    assert_eq!(build(&s, &["--drafts"]).code, 1);
}

#[test]
fn check_format_json_writes_one_problem_per_line_and_nothing_else() {
    let s = small_site();
    let r = s.check_json();
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "a clean site: nothing on standard output");
    let bad = "+++\nname = \"Rikki ry\"\nthemes = [\"eiole\"]\nmunicipalities = [\"Jyvaskyl\"]\nemail = \"x\"\n+++\n";
    s.write("content/organisations/rikki.md", bad);
    let r = s.check_json();
    assert_eq!(r.code, 1);
    // Every line is one JSON object with exactly the documented keys (`diagnostics` checks).
    let d = r.diagnostics();
    assert_eq!(d.len(), r.stdout.lines().count());
    assert!(d.len() >= 3, "every problem at once: {d:#?}");
    for (code, needle) in
        [("unknown-theme", "\"eiole\""), ("unknown-municipality", "\"Jyvaskyl\""), ("invalid-email", "\"x\"")]
    {
        let x = d.iter().find(|x| x.code == code).unwrap_or_else(|| panic!("{code}: {d:#?}"));
        assert_eq!(x.file, "content/organisations/rikki.md");
        assert_eq!(x.severity, "error");
        assert_eq!((x.line, x.column), crate::support::position_of(bad, needle), "{code}");
        assert!(x.help.is_some(), "{code} has a fix");
    }
    // The human summary goes elsewhere; standard output stays machine-readable.
    assert!(!r.stdout.contains("error:") && !r.stdout.contains("errors"), "{}", r.stdout);
    // In the site's language unless --lang says.
    let fi = crate::support::run_as_site(&["check", "--format", "json", "--root", s.root().to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(fi.stdout.lines().next().unwrap()).unwrap();
    let en: serde_json::Value = serde_json::from_str(r.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(v["code"], en["code"]);
    assert_ne!(v["message"], en["message"], "Finnish for a Finnish site, English with --lang en");
}

#[test]
fn timings_print_each_stage_only_when_asked() {
    let s = small_site();
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let stage_lines = |stderr: &str| stderr.lines().filter(|l| l.starts_with("validate ")).count();
    assert_eq!(stage_lines(&r.stderr), 0, "no timings unasked: {}", r.stderr);
    let r = build(&s, &["--timings"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for stage in ["load", "validate", "index", "render+write", "search"] {
        let line = r
            .stderr
            .lines()
            .find(|l| l.split_whitespace().next() == Some(stage))
            .unwrap_or_else(|| panic!("no {stage} line in {}", r.stderr));
        let secs: Vec<&str> = line.split_whitespace().rev().take(2).collect();
        assert_eq!(secs[0], "s", "{line}");
        let v: f64 = secs[1].parse().unwrap_or_else(|_| panic!("not seconds: {line}"));
        assert!((0.0..600.0).contains(&v), "{line}");
    }
    assert!(r.stderr.contains("wrote "), "{}", r.stderr);
}

#[test]
fn unsafe_html_keeps_raw_html_but_never_script() {
    let s = small_site();
    s.write("site.toml", &format!("{}unsafe_html = true\n", crate::support::SITE));
    s.write(
        "content/organisations/zeta.md",
        "+++\nname = \"Zeta ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n+++\n\
         <details><summary>Aukioloajat</summary><p>Ma–Pe <strong>9–15</strong></p></details>\n\n\
         <table><tr><td>Kerho</td><td>Ti</td></tr></table>\n\n\
         <p onclick=\"alert(1)\" onmouseover=\"alert(2)\">Klikkaa</p>\n\n\
         <script>alert(3)</script>\n\n\
         <a href=\"javascript:alert(4)\">linkki</a> <a href=\"JaVaScRiPt:alert(5)\">toinen</a>\n\n\
         <img src=\"x\" onerror=\"alert(6)\" alt=\"kuva\"> <iframe src=\"https://evil.example\"></iframe>\n\n\
         <svg><script>alert(7)</script></svg> <style>body{display:none}</style>\n\n\
         <a href=\"https://zeta.example\">kotisivu</a>\n",
    );
    assert!(s.read("site.toml").contains("[build]\nstale_after_months = 18\nunsafe_html = true"));
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc = page(&s, "jarjestot/zeta/index.html");
    let main = doc.select(&Selector::parse("main").unwrap()).next().unwrap();
    let html = main.html();
    // Kept: the harmless elements and their text.
    let count = |css: &str| main.select(&Selector::parse(css).unwrap()).count();
    assert_eq!(count("details > summary"), 1, "{html}");
    assert_eq!(count("details strong"), 1, "{html}");
    assert_eq!(count("table td"), 2, "{html}");
    assert_eq!(count("a[href='https://zeta.example']"), 1, "{html}");
    assert!(html.contains("Klikkaa") && html.contains("linkki"), "the text stays");
    // Gone: script, event handlers, javascript: addresses, frames, styles.
    assert_eq!(count("script, iframe, svg, style, object, embed"), 0, "{html}");
    for el in main.descendants().filter_map(scraper::ElementRef::wrap) {
        for (name, value) in el.value().attrs() {
            assert!(!name.to_ascii_lowercase().starts_with("on"), "{name}={value} kept: {html}");
            let v = value.trim().to_ascii_lowercase();
            assert!(!v.starts_with("javascript:"), "{name}={value} kept: {html}");
        }
    }
    assert!(!html.contains("alert("), "{html}");
    // Without the option the raw HTML is shown as text.
    s.write("site.toml", crate::support::SITE);
    assert_eq!(build(&s, &[]).code, 0);
    let doc = page(&s, "jarjestot/zeta/index.html");
    let main = Html::parse_fragment(&doc.select(&Selector::parse("main").unwrap()).next().unwrap().html());
    assert_eq!(main.select(&Selector::parse("details").unwrap()).count(), 0, "raw HTML is escaped by default");
}

#[test]
fn the_statement_names_its_supervisor_and_a_blank_name_gives_way_to_the_address() {
    let s = small_site();
    let site =
        |a: &str| crate::support::SITE.replace("assessed = 2026-01-15 }", &format!("assessed = 2026-01-15, {a} }}"));
    let link = "main a[href='https://valvonta.example/']";
    s.write("site.toml", &site("supervisor = \"Testivirasto\", supervisor_url = \"https://valvonta.example/\""));
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(texts(&page(&s, "saavutettavuusseloste/index.html"), link), ["Testivirasto"]);
    s.write("site.toml", &site("supervisor = \"  \", supervisor_url = \"https://valvonta.example/\""));
    assert_eq!(build(&s, &[]).code, 0);
    assert_eq!(texts(&page(&s, "saavutettavuusseloste/index.html"), link), ["https://valvonta.example/"]);
}

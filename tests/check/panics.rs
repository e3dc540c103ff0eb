//! Inputs that once ended areena with a panic (exit 101): each is now a clear report,
//! and a whole-pipeline property run (`check`, `build` and both reports on generated
//! sites) finds no other.

use proptest::prelude::*;

use crate::support::{Site, run};
use areena::diagnostics::Language;

const O: &str = "content/organisations/keuruun-testiyhdistys.md";
const BASE: &str = "name = \"Keuruun Testiyhdistys ry\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\n";

fn build(s: &Site, format: &str) -> crate::support::Run {
    let out = s.root().join("public");
    run(&["build", "--format", format, "--root", s.root().to_str().unwrap(), "--output", out.to_str().unwrap()])
}

fn no_panic(r: &crate::support::Run) {
    assert_ne!(r.code, 101, "panicked: {}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
}

#[test]
fn percent_escapes_before_a_wide_character() {
    let s = Site::new();
    s.write(O, &format!("+++\n{BASE}+++\n![k](/kuvat/%aé.png) [x](%aé.md) [y](../%é%.md)\n"));
    for format in ["human", "json"] {
        let r = build(&s, format);
        no_panic(&r);
        assert_eq!(r.code, 1, "{}", r.stderr);
    }
    let codes: Vec<String> = s.check_json().diagnostics().into_iter().map(|d| d.code).collect();
    assert!(codes.contains(&"missing-static-file".into()) && codes.contains(&"broken-link".into()), "{codes:?}");
}

#[test]
fn a_problem_past_column_65535_is_reported() {
    let s = Site::new();
    s.write(O, &format!("+++\n{BASE}activities = [\"{}\", 5]\n+++\n", "x".repeat(70_000)));
    let r = s.check_human();
    no_panic(&r);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains(&format!("{O}:5:")), "the place is given: {}", &r.stderr[..r.stderr.len().min(2000)]);
    let d = s.check_json().diagnostics();
    assert!(d.iter().any(|d| d.code == "wrong-type" && d.line == 5 && d.column > 65_535), "{d:?}");
}

#[test]
fn very_large_settings_are_a_range_error() {
    for months in ["239977", "1201", "9223372036854775807"] {
        let s = Site::new();
        s.write(
            "site.toml",
            &crate::support::SITE.replace("stale_after_months = 18", &format!("stale_after_months = {months}")),
        );
        s.write(O, &format!("+++\n{BASE}updated = 2020-01-01\n+++\n"));
        let r = s.check_json();
        no_panic(&r);
        let d = r.diagnostics();
        assert!(
            d.iter().any(|d| d.code == "invalid-value" && d.file == "site.toml" && d.message.contains("1 to 1200")),
            "{months}: {d:?}"
        );
        no_panic(&build(&s, "human"));
    }
}

#[test]
fn base_urls_that_once_panicked_are_errors_at_the_value() {
    for base in [
        "https://e.example/j%C3%A4rjest%C3%B6t/",
        "https://e.example/a%20b/",
        "https://e.example/?q=1#f",
        "https://e.example/järjestöt/",
    ] {
        let s = Site::new();
        s.write("site.toml", &crate::support::SITE.replace("https://example.org/", base));
        let d = s.check_json().diagnostics();
        assert!(d.iter().any(|d| d.code == "invalid-url" && d.file == "site.toml" && d.line == 2), "{base}: {d:?}");
        let r = build(&s, "human");
        no_panic(&r);
        assert_eq!(r.code, 1, "{base}: {}", r.stderr);
    }
    // Dot segments are resolved by the URL rules: the site lives at /x/.
    let s = Site::new();
    s.write("site.toml", &crate::support::SITE.replace("https://example.org/", "https://e.example/../../x/"));
    let r = build(&s, "human");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(s.read("public/index.html").contains("href=\"/x/"), "links under /x/");
}

#[test]
fn a_theme_is_a_name_not_a_path() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(outside.path().join("templates")).unwrap();
    let s = Site::new();
    s.write("site.toml", &format!("theme = \"{}\"\n{}", outside.path().display(), crate::support::SITE));
    let d = s.check_json().diagnostics();
    assert!(d.iter().any(|d| d.code == "unknown-site-theme"), "{d:?}");
    s.write("site.toml", &format!("theme = \"../oma\"\n{}", crate::support::SITE));
    let d = s.check_json().diagnostics();
    assert!(d.iter().any(|d| d.code == "unknown-site-theme"), "{d:?}");
}

#[test]
fn a_hundred_thousand_unknown_members_on_one_line() {
    let s = Site::new();
    let members: Vec<String> = (0..100_000).map(|i| format!("\"ei-ole-{i}\"")).collect();
    s.write(
        "content/networks/testiverkosto.md",
        &format!("+++\nname = \"Testiverkosto\"\nkind = \"theme-group\"\nmembers = [{}]\n+++\n", members.join(", ")),
    );
    let r = s.check_json();
    no_panic(&r);
    assert_eq!(r.code, 1);
    let d = r.diagnostics();
    assert_eq!(d.iter().filter(|d| d.code == "unknown-organisation").count(), 100_000);
    let last = d.iter().rfind(|d| d.code == "unknown-organisation").unwrap();
    assert_eq!(last.line, 4);
    let r = s.check_human();
    no_panic(&r);
    assert!(
        r.stderr.contains("99950 more unknown-organisation not shown here"),
        "{}",
        &r.stderr[r.stderr.len() - 500..]
    );
    assert!(r.stderr.len() < 2_000_000, "the human report stays readable: {} bytes", r.stderr.len());
}

// --- the whole pipeline on generated sites ----------------------------------------

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).map(|n: u32| n / 8).unwrap_or(24).max(1)
}

/// Values an editor (or a hostile tester) might write.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "\"[a-zA-ZäöåÄÖ0-9 .,-]{0,20}\"",
        "\"\\PC{0,12}\"",
        "\"[\\u{0}-\\u{1f}\\u{7f}\\u{200b}\\u{202e}\\u{feff}a]{1,6}\"",
        "-?[0-9]{1,20}",
        "\\[(\"[a-z-]{0,10}\", ?){0,4}\\]",
        "\\[\"(Keuruu|Multia|Jyväskylä|Helsinki|Ahvenanmaa|Keski-Suomi|omaishoito|ikaihmiset|testiverkosto|keuruun-testiyhdistys)\"\\]",
        "(true|false|1900-01-01|2026-02-30|9999-12-31T23:59:59Z|\\{\\}|\\{ a = 1 \\})",
        "\"(https?|javascript|data|mailto):[a-z/.%\\\\]{0,12}\"",
    ]
}

fn key() -> impl Strategy<Value = &'static str> {
    let mut keys = super::fuzz::FIELD_KEYS.to_vec();
    keys.extend(["summary", "members", "convener", "seeking"]);
    prop::sample::select(keys)
}

fn body() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("## Otsikko {onfocus=alert(1) .x #y}\n".to_string()),
        Just("[linkki](../networks/testiverkosto.md) [rikki](%aé.md) ![k](/%e2%82.png)\n".to_string()),
        Just("<script>alert(1)</script> <b onclick=x>b</b>\n".to_string()),
        Just("| a | b |\n|---|---|\n| [^1] | `c` |\n\n[^1]: alaviite\n".to_string()),
        "\\PC{0,40}\n",
        "[#*>`\\[\\]()!{}%\\\\ -]{0,30}\n",
    ];
    proptest::collection::vec(piece, 0..6).prop_map(|v| v.concat())
}

fn front() -> impl Strategy<Value = String> {
    proptest::collection::vec((key(), value()), 0..8)
        .prop_map(|kv| kv.into_iter().map(|(k, v)| format!("{k} = {v}\n")).collect::<String>())
}

fn site_toml() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just(crate::support::SITE.to_string()),
        1 => ("-?[0-9]{1,12}", "(true|false)", "[0-9]{1,6}").prop_map(|(m, search, words)| format!(
            "title = \"T\"\nbase_url = \"https://example.org/x/\"\nlanguage = \"sv\"\nregion = \"Pohjanmaa\"\n\n[build]\nstale_after_months = {m}\nunsafe_html = {search}\n\n[search]\nenabled = {search}\ndescription_words = {words}\n"
        )),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_sites_never_panic(
        site in site_toml(),
        org_front in front(),
        org_body in body(),
        net_front in front(),
        note_front in front(),
        note_body in body(),
    ) {
        let s = Site::new();
        s.write("site.toml", &site);
        s.write(O, &format!("+++\n{BASE}{org_front}+++\n{org_body}"));
        s.write("content/organisations/toinen.md", &format!("+++\n{org_front}+++\n{org_body}"));
        s.write("content/networks/testiverkosto.md", &format!("+++\n{net_front}+++\n{note_body}"));
        s.write("content/partnership-tables/poyta/index.md", "+++\nname = \"Pöytä\"\n+++\n");
        s.write("content/partnership-tables/poyta/2025-01-01-kokous.md", &format!("+++\n{note_front}+++\n{note_body}"));
        s.write("content/pages/tietoa.md", &format!("+++\ntitle = \"Tietoa\"\n+++\n{org_body}"));
        let settings = areena::pipeline::Settings { drafts: true, today: jiff::civil::Date::constant(2026, 11, 23) };
        if let Ok(checked) = areena::pipeline::check(s.root(), settings) {
            for lang in [Language::Fi, Language::Sv, Language::En] {
                let _ = areena::diagnostics::report::human(&checked.diagnostics, Default::default(), lang);
                let _ = areena::diagnostics::report::json(&checked.diagnostics, lang);
                let _ = areena::diagnostics::report::github(&checked.diagnostics, lang);
            }
        }
        let opts = areena::pipeline::BuildOptions {
            settings,
            output: Some(s.root().join("public")),
            base_url: None,
            force: false,
            manifest: None,
        };
        if let Ok(built) = areena::pipeline::build(s.root(), &opts) {
            for lang in [Language::Fi, Language::Sv, Language::En] {
                let _ = areena::diagnostics::report::human(&built.diagnostics, Default::default(), lang);
                let _ = areena::diagnostics::report::json(&built.diagnostics, lang);
                let _ = areena::diagnostics::report::github(&built.diagnostics, lang);
            }
        }
    }
}

//! Property tests with oracles of their own: the Y-tunnus check digit against a
//! second implementation and published IDs, generated front matter that mostly
//! parses (so that the validators are reached), and generated small sites built
//! whole, with the invariants of a build. A few cases by default (`cargo test` stays
//! fast); `PROPTEST_CASES=N` runs N of each.

use std::cell::Cell;
use std::path::Path;

use areena::diagnostics::{Code, position};
use areena::model::business_id::{check_digit, validate};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::support::{SITE, Site};

/// Cases of a property: `PROPTEST_CASES`, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// The published rule, written as a check of the whole ID: with the weights
/// 7, 9, 10, 5, 8, 4, 2 of the seven digits, an ID is valid when the weighted sum
/// plus the check digit is divisible by 11 (a remainder of 1 would need the check
/// digit 10: no such ID). The products modulo 11 come from a table.
fn valid_by_the_rule(id: &str) -> bool {
    const WEIGHTS: [usize; 7] = [7, 9, 10, 5, 8, 4, 2];
    let bytes = id.as_bytes();
    if bytes.len() != 9 || bytes[7] != b'-' || !id.bytes().enumerate().all(|(i, b)| i == 7 || b.is_ascii_digit()) {
        return false;
    }
    let table: Vec<[usize; 10]> = WEIGHTS.iter().map(|w| std::array::from_fn(|d| (w * d) % 11)).collect();
    let sum: usize = bytes[..7].iter().zip(&table).map(|(b, row)| row[usize::from(b - b'0')]).sum();
    (sum + usize::from(bytes[8] - b'0')).is_multiple_of(11)
}

/// Y-tunnus of public bodies, as they publish them (on their invoicing pages, where
/// the e-invoice address `0037` + the ID's digits repeats them).
const PUBLISHED: [(&str, &str); 8] = [
    ("0201256-6", "Helsingin kaupunki"),
    ("0101263-6", "Espoon kaupunki"),
    ("0211675-2", "Tampereen kaupunki"),
    ("0124610-9", "Vantaan kaupunki"),
    ("0187690-1", "Oulun kaupunki"),
    ("0204819-8", "Turun kaupunki"),
    ("0174666-4", "Jyväskylän kaupunki"),
    ("0245437-2", "Verohallinto"),
];

#[test]
fn published_business_ids_are_valid_and_one_changed_digit_is_not() {
    for (id, who) in PUBLISHED {
        assert!(valid_by_the_rule(id), "the test's rule rejects {id} ({who})");
        assert_eq!(validate(id), Ok(()), "{id} ({who})");
        let digits: [u8; 7] = std::array::from_fn(|i| id.as_bytes()[i] - b'0');
        assert_eq!(check_digit(&digits), Some(id.as_bytes()[8] - b'0'), "{id}");
        // Any other check digit, and any one digit changed, make it invalid (the
        // weights are all below 11 and none is 0, so one changed digit always shows).
        for pos in (0..7).chain([8]) {
            for d in b'0'..=b'9' {
                let mut b = id.as_bytes().to_vec();
                if b[pos] == d {
                    continue;
                }
                b[pos] = d;
                let changed = String::from_utf8(b).unwrap();
                assert!(validate(&changed).is_err(), "{changed} (from {id}) passes");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(512), ..ProptestConfig::default() })]

    #[test]
    fn business_ids_validate_as_the_published_rule_says(digits in prop::array::uniform7(0u8..10), c in 0u8..10) {
        let seven: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
        let id = format!("{seven}-{c}");
        prop_assert_eq!(validate(&id).is_ok(), valid_by_the_rule(&id), "{}", id);
        let by_rule = (0..10u8).find(|c| valid_by_the_rule(&format!("{}-{c}", &id[..7])));
        prop_assert_eq!(check_digit(&digits), by_rule, "{}", id);
    }
}

/// Front matter keys of an organisation with values that pass and values that must
/// be reported (each one an error at its line).
const KEYS: &[(&str, &[&str], &[&str])] = &[
    ("short_name", &["\"Testit\""], &["12"]),
    ("kind", &["\"association\"", "\"foundation\"", "\"informal\""], &["\"club\"", "3"]),
    ("business_id", &["\"0201256-6\"", "\"0174666-4\""], &["\"0201256-7\"", "\"12345\""]),
    ("founded", &["1994", "2020"], &["\"vuosi\"", "3000"]),
    ("nationwide", &["false"], &["\"kyllä\""]),
    ("activities", &["[\"Kerho\", \"Retket\"]", "[]"], &["\"Kerho\""]),
    ("languages", &["[\"fi\"]", "[\"fi\", \"sv\"]"], &["[\"suomi\"]"]),
    ("website", &["\"https://testi.example\""], &["\"javascript:alert(1)\"", "\"testi.example\""]),
    ("email", &["\"info@testi.example\""], &["\"ei-osoite\""]),
    ("phone", &["\"+358 40 000 0000\""], &["\"soita\""]),
    ("updated", &["2025-03-01"], &["\"eilen\""]),
    ("draft", &["false"], &["\"ei\""]),
    ("seeking", &["[\"volunteers\"]", "[\"members\", \"partners\"]"], &["[\"money\"]"]),
    ("summary", &["\"Apua arkeen\""], &["[1]"]),
    ("nimi", &[], &["\"Tuntematon avain\""]),
];

/// One generated front matter: its text, and the 1-based lines that hold a value
/// that must be reported (empty when it is syntactically broken on purpose).
#[derive(Debug, Clone)]
struct Front {
    text: String,
    bad_lines: Vec<usize>,
    broken: bool,
}

fn front_matter() -> impl Strategy<Value = Front> {
    let field = (0..KEYS.len(), prop::bool::weighted(0.85), 0usize..4);
    (
        prop::sample::select(vec![
            "\"Testiyhdistys ry\"",
            "\"Ärjylän Seura\"",
            "\"Åby byaförening\"",
            "\"Kylä\"",
            "\"\"",
            "7",
        ]),
        prop::sample::select(vec![
            "[\"omaishoito\"]",
            "[\"omaishoito\", \"ikaihmiset\"]",
            "[\"ikaihmiset\"]",
            "[\"omaishoito\"]",
            "[\"eiole\"]",
            "[]",
        ]),
        prop::sample::select(vec![
            "[\"Keuruu\"]",
            "[\"Multia\", \"Jyväskylä\"]",
            "[\"Äänekoski\"]",
            "[\"Jämsä\"]",
            "[\"Keuru\"]",
            "[\"Tukholma\"]",
        ]),
        prop::collection::vec(field, 0..6),
        prop::sample::select(vec![None, None, None, None, None, None, None, Some("name = "), Some("[contact")]),
    )
        .prop_map(|(name, themes, munis, fields, syntax)| {
            let mut text = String::from("+++\n");
            let mut bad_lines = Vec::new();
            let mut line = 1;
            let mut push = |text: &mut String, key: &str, value: &str, bad: bool| {
                line += 1;
                let _ = std::fmt::Write::write_fmt(text, format_args!("{key} = {value}\n"));
                if bad {
                    bad_lines.push(line);
                }
            };
            push(&mut text, "name", name, name == "\"\"" || name == "7");
            push(&mut text, "themes", themes, themes.contains("eiole") || themes == "[]");
            push(&mut text, "municipalities", munis, munis.contains("Keuru\"") || munis.contains("Tukholma"));
            let mut seen = std::collections::BTreeSet::new();
            for (k, valid, pick) in fields {
                if !seen.insert(k) {
                    continue;
                }
                let (key, good, bad) = KEYS[k];
                let use_good = valid && !good.is_empty();
                let values = if use_good { good } else { bad };
                push(&mut text, key, values[pick % values.len()], !use_good);
            }
            let broken = syntax.is_some();
            if let Some(s) = syntax {
                text.push_str(s);
                text.push('\n');
            }
            text.push_str("+++\nKuvaus.\n");
            Front { text, bad_lines, broken }
        })
}

/// The diagnostics `check` reports for an organisation file with `text`.
fn check_org(site: &Site, text: &str) -> Vec<(Code, Option<usize>)> {
    site.write("content/organisations/testi.md", text);
    let today = "2026-11-23".parse().unwrap();
    let checked = areena::pipeline::check(site.root(), areena::pipeline::Settings { drafts: false, today })
        .expect("the site is read");
    checked
        .diagnostics
        .items()
        .iter()
        .filter(|d| d.file == "content/organisations/testi.md")
        .map(|d| (d.code, d.span.as_ref().map(|s| position(text, s.start).0)))
        .collect()
}

#[test]
fn generated_front_matter_reaches_the_validators_and_each_wrong_value_is_reported_at_its_line() {
    let site = Site::new();
    let mut runner = TestRunner::new(Config { cases: cases(96), failure_persistence: None, ..Config::default() });
    let (parsed, clean, validated, total) = (Cell::new(0u32), Cell::new(0u32), Cell::new(0u32), Cell::new(0u32));
    let bump = |c: &Cell<u32>| c.set(c.get() + 1);
    let syntax = [Code::TomlSyntax, Code::MissingFrontMatter, Code::UnclosedFrontMatter];
    runner
        .run(&front_matter(), |front| {
            bump(&total);
            let found = check_org(&site, &front.text);
            let lines = front.text.lines().count();
            for (code, line) in &found {
                if let Some(l) = line {
                    prop_assert!(*l >= 1 && *l <= lines, "{code:?} at line {l} of\n{}", front.text);
                }
            }
            if found.iter().any(|(c, _)| syntax.contains(c)) {
                prop_assert!(front.broken, "a syntax error in front matter that is TOML:\n{}\n{found:?}", front.text);
                return Ok(());
            }
            bump(&parsed);
            prop_assert!(!front.broken, "broken front matter was not reported:\n{}", front.text);
            if found.is_empty() {
                bump(&clean);
            } else {
                bump(&validated);
            }
            for l in &front.bad_lines {
                prop_assert!(
                    found.iter().any(|(_, at)| *at == Some(*l)),
                    "nothing reported at line {l} of\n{}\ngot {found:?}",
                    front.text
                );
            }
            if front.bad_lines.is_empty() {
                prop_assert!(
                    found.iter().all(|(c, _)| !matches!(c, Code::UnknownKey | Code::WrongType | Code::MissingField)),
                    "{}\n{found:?}",
                    front.text
                );
            }
            Ok(())
        })
        .unwrap();
    let (parsed, clean, validated, total) = (parsed.get(), clean.get(), validated.get(), total.get());
    assert!(parsed * 10 >= total * 6, "at least 60% get past the parser: {parsed} of {total}");
    assert!(validated * 10 >= total * 3, "at least 30% are stopped by a validator: {validated} of {total}");
    assert!(clean * 20 >= total, "at least 5% are valid: {clean} of {total}");
}

/// Municipalities of the generated sites (name, slug of its page).
const MUNICIPALITIES: [(&str, &str); 5] = [
    ("Keuruu", "keuruu"),
    ("Jyväskylä", "jyvaskyla"),
    ("Äänekoski", "aanekoski"),
    ("Jämsä", "jamsa"),
    ("Multia", "multia"),
];
const THEMES: [&str; 2] = ["omaishoito", "ikaihmiset"];

/// A generated organisation: themes (indexes into THEMES), municipalities (indexes
/// into MUNICIPALITIES; empty: region-wide or nationwide), and its name's words.
#[derive(Debug, Clone)]
struct GenOrg {
    name: String,
    themes: Vec<usize>,
    municipalities: Vec<usize>,
    nationwide: bool,
}

fn gen_org() -> impl Strategy<Value = GenOrg> {
    (
        "[A-ZÄÖÅ][a-zäöå]{2,9}( [A-ZÄÖ][a-zäö]{1,8})?",
        prop::sample::subsequence(vec![0usize, 1], 1..=2),
        prop::sample::subsequence(vec![0usize, 1, 2, 3, 4], 0..=3),
        any::<bool>(),
    )
        .prop_map(|(name, themes, municipalities, nationwide)| GenOrg { name, themes, municipalities, nationwide })
}

fn write_site(orgs: &[GenOrg], search: bool) -> Site {
    let s = Site::new();
    s.remove("content/networks/testiverkosto.md");
    s.write("site.toml", &format!("{SITE}\n[search]\nenabled = {search}\n"));
    for (i, o) in orgs.iter().enumerate() {
        let themes: Vec<String> = o.themes.iter().map(|&t| format!("\"{}\"", THEMES[t])).collect();
        let place = if !o.municipalities.is_empty() {
            let m: Vec<String> = o.municipalities.iter().map(|&m| format!("\"{}\"", MUNICIPALITIES[m].0)).collect();
            format!("municipalities = [{}]", m.join(", "))
        } else if o.nationwide {
            "nationwide = true".into()
        } else {
            "regions = [\"Keski-Suomi\"]".into()
        };
        s.write(
            &format!("content/organisations/org-{i}.md"),
            &format!(
                "+++\nname = \"{} {i} ry\"\nthemes = [{}]\n{place}\n+++\nKuvaus {i}.\n",
                o.name,
                themes.join(", ")
            ),
        );
    }
    if orgs.len() > 1 {
        s.write(
            "content/networks/verkosto.md",
            "+++\nname = \"Verkosto\"\nkind = \"theme-group\"\nmembers = [\"org-0\", \"org-1\"]\n+++\n",
        );
    }
    s
}

fn build_into(root: &Path, out: &Path) -> usize {
    let today = "2026-11-23".parse().unwrap();
    let opts = areena::pipeline::BuildOptions {
        settings: areena::pipeline::Settings { drafts: false, today },
        output: Some(out.to_path_buf()),
        base_url: None,
        force: false,
        manifest: None,
    };
    let built = areena::pipeline::build(root, &opts).expect("the site is read");
    let errors: Vec<_> = built
        .diagnostics
        .items()
        .iter()
        .filter(|d| d.code != Code::LookAlikeName)
        .map(|d| (d.code, d.file.clone()))
        .collect();
    assert!(!built.diagnostics.has_errors(), "{errors:?}");
    built.files
}

/// The hrefs of a page's links.
fn hrefs(page: &Path) -> Vec<String> {
    let doc = scraper::Html::parse_document(&std::fs::read_to_string(page).unwrap());
    doc.select(&scraper::Selector::parse("main a[href]").unwrap())
        .filter_map(|a| a.value().attr("href").map(String::from))
        .collect()
}

#[test]
fn generated_sites_build_with_every_link_resolving_every_organisation_listed_and_the_same_bytes_twice() {
    let mut runner = TestRunner::new(Config { cases: cases(6), failure_persistence: None, ..Config::default() });
    runner
        .run(&(prop::collection::vec(gen_org(), 1..6), prop::bool::weighted(0.3)), |(orgs, search)| {
            let s = write_site(&orgs, search);
            let (a, b) = (s.root().join("a"), s.root().join("b"));
            prop_assert!(build_into(s.root(), &a) > 10);
            build_into(s.root(), &b);
            let broken = crate::build::links::broken_links(&a, "/");
            prop_assert!(broken.is_empty(), "{broken:#?}");
            for (i, o) in orgs.iter().enumerate() {
                let href = format!("/jarjestot/org-{i}/");
                prop_assert!(a.join(&href[1..]).join("index.html").is_file());
                for &t in &o.themes {
                    let page = a.join("teemat").join(THEMES[t]).join("index.html");
                    prop_assert!(hrefs(&page).contains(&href), "{} is not on the page of {}", o.name, THEMES[t]);
                }
                // Its own municipalities, or every municipality when it works region- or nationwide.
                let places: Vec<usize> = if o.municipalities.is_empty() {
                    (0..MUNICIPALITIES.len()).collect()
                } else {
                    o.municipalities.clone()
                };
                for m in places {
                    let page = a.join("kunnat").join(MUNICIPALITIES[m].1).join("index.html");
                    prop_assert!(
                        hrefs(&page).contains(&href),
                        "{} is not on the page of {}",
                        o.name,
                        MUNICIPALITIES[m].0
                    );
                }
            }
            let (ta, tb) = (crate::build::tree(&a), crate::build::tree(&b));
            prop_assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
            let differ: Vec<&String> = ta.iter().filter(|(k, v)| tb[*k] != **v).map(|(k, _)| k).collect();
            prop_assert!(differ.is_empty(), "differ between two builds: {differ:?}");
            Ok(())
        })
        .unwrap();
}

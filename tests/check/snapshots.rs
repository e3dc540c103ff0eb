//! What an editor reads in the terminal, as snapshots.

use super::org;
use crate::support::Site;

fn human(s: &Site) -> String {
    s.check_human().stderr
}

#[test]
fn misspelt_municipality() {
    let s = Site::new();
    s.write(
        "content/organisations/keuruun-testiyhdistys.md",
        &org("name = \"Keuruun Testiyhdistys ry\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\", \"Jyvaskyla\"]\n"),
    );
    insta::assert_snapshot!(human(&s));
}

#[test]
fn quoted_year_and_unknown_key() {
    let s = Site::new();
    s.write(
        "content/organisations/keuruun-testiyhdistys.md",
        &org("name = \"Keuruun Testiyhdistys ry\"\nthemes = [\"omaishoito\"]\nmunicipality = [\"Keuruu\"]\nfounded = \"1994\"\n"),
    );
    insta::assert_snapshot!(human(&s));
}

#[test]
fn bad_file_name_and_check_digit() {
    let s = Site::new();
    s.write(
        "content/organisations/Äänekosken Työttömät ry.md",
        &org("name = \"Äänekosken Työttömät ry\"\nbusiness_id = \"1234567-2\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Äänekoski\"]\n"),
    );
    insta::assert_snapshot!(human(&s));
}

#[test]
fn unclosed_string_and_note_date() {
    let s = Site::new();
    s.write("content/partnership-tables/poyta/index.md", "+++\nname = \"Pöytä\n+++\n");
    s.write(
        "content/partnership-tables/poyta/2025-02-12-kokous.md",
        "+++\ntitle = \"Kokous 1/2025\"\ndate = 2025-02-21\n+++\n",
    );
    insta::assert_snapshot!(human(&s));
}

#[test]
fn stale_warning_only() {
    let s = Site::new();
    s.write(
        "content/organisations/keuruun-testiyhdistys.md",
        &org(
            "name = \"Keuruun Testiyhdistys ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\nupdated = 2023-05-01\n",
        ),
    );
    insta::assert_snapshot!(human(&s));
}

/// The report in the site's language (Finnish), or in the language of `--lang`.
#[test]
fn body_link_and_control_character_underlined() {
    let s = Site::new();
    s.write(
        "content/organisations/keuruun-testiyhdistys.md",
        "+++\nname = \"Keuruun Testiyhdistys ry\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\n+++\nKatso [verkosto](../networks/testiverkko.md).\n\nVapaa\u{202e}ehtoiset.\n",
    );
    insta::assert_snapshot!(human(&s));
}

#[test]
fn escape_sequences_in_a_file_reach_the_terminal_as_question_marks() {
    // ESC sequences that would recolour the terminal and retitle its window, and a
    // bell, in a name: shown as `?`, one for each, with the mistake's mark under the
    // right character.
    let s = Site::new();
    s.write(
        "content/organisations/keuruun-testiyhdistys.md",
        &org("name = \"Esc \u{1b}[31mPUNAINEN\u{1b}]0;OTSIKKO\u{7} ry\"\nthemes = [\"omaishoto\"]\nmunicipalities = [\"Keuruu\"]\n"),
    );
    let out = human(&s);
    assert!(!out.contains(['\u{1b}', '\u{7}']), "{out:?}");
    assert!(out.contains("name = \"Esc ?[31mPUNAINEN?]0;OTSIKKO? ry\""), "{out}");
}

#[test]
fn heading_attributes_underlined() {
    // The braces are underlined, on an ATX heading and at the end of the second line of
    // a setext heading.
    let s = Site::new();
    s.write(
        "content/organisations/keuruun-testiyhdistys.md",
        &format!(
            "{}## Toiminta {{.iso tabindex=1}}\n\nRivi yksi\nrivi kaksi {{.luokka}}\n==========\n",
            org("name = \"Keuruun Testiyhdistys ry\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\n")
        ),
    );
    insta::assert_snapshot!(human(&s));
}

#[test]
fn incomplete_statement_underlines_its_section() {
    let s = Site::new();
    let site = crate::support::site_without_statement();
    s.write("site.toml", &format!("{site}  [accessibility]\nassessed = 2026-01-15\n"));
    insta::assert_snapshot!(human(&s));
}

#[test]
fn same_name_underlined() {
    let s = Site::new();
    s.write(
        "content/organisations/toinen.md",
        &org("name = \"Keuruun  TESTIYHDISTYS ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n"),
    );
    insta::assert_snapshot!(human(&s));
}

fn human_in(s: &Site, lang: Option<&str>) -> String {
    let root = s.root().to_str().unwrap();
    let mut args = vec!["check", "--root", root];
    if let Some(l) = lang {
        args.extend(["--lang", l]);
    }
    crate::support::run_as_site(&args).stderr
}

#[test]
fn misspelt_municipality_fi() {
    let s = Site::new();
    s.write(
        "content/organisations/keuruun-testiyhdistys.md",
        &org("name = \"Keuruun Testiyhdistys ry\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\", \"Jyvaskyla\"]\n"),
    );
    insta::assert_snapshot!(human_in(&s, None));
}

#[test]
fn quoted_year_and_unknown_key_fi_and_sv() {
    let s = Site::new();
    s.write(
        "content/organisations/keuruun-testiyhdistys.md",
        &org("name = \"Keuruun Testiyhdistys ry\"\nthemes = [\"omaishoito\"]\nmunicipality = [\"Keuruu\"]\nfounded = \"1994\"\n"),
    );
    insta::assert_snapshot!("quoted_year_and_unknown_key_fi", human_in(&s, None));
    insta::assert_snapshot!("quoted_year_and_unknown_key_sv", human_in(&s, Some("sv")));
}

#[test]
fn unclosed_string_and_note_date_sv() {
    let s = Site::new();
    s.write("content/partnership-tables/poyta/index.md", "+++\nname = \"Pöytä\n+++\n");
    s.write(
        "content/partnership-tables/poyta/2025-02-12-kokous.md",
        "+++\ntitle = \"Kokous 1/2025\"\ndate = 2025-02-21\n+++\n",
    );
    insta::assert_snapshot!(human_in(&s, Some("sv")));
}

#[test]
fn stale_warning_only_fi() {
    let s = Site::new();
    s.write(
        "content/organisations/keuruun-testiyhdistys.md",
        &org(
            "name = \"Keuruun Testiyhdistys ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\nupdated = 2023-05-01\n",
        ),
    );
    insta::assert_snapshot!(human_in(&s, None));
}

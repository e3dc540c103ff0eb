//! Event files: each mistake an editor can make in one, with its code, place and fix.

use super::expect;
use crate::support::{Site, position_of, run_as_site};

const E: &str = "content/events/2026-12-05-syystori.md";

/// A well-formed event's front matter.
const OK: &str = "title = \"Syystori\"\nstart = 2026-12-05T10:00:00\norganisers = [\"keuruun-testiyhdistys\"]\nmunicipality = \"Keuruu\"\n";

fn with_event_file(file: &str, front: &str) -> Site {
    let s = Site::new();
    s.write(file, &format!("+++\n{front}+++\nTervetuloa!\n"));
    s
}

fn with_event(front: &str) -> Site {
    with_event_file(E, front)
}

/// The well-formed event with `from` replaced by `to`.
fn changed(from: &str, to: &str) -> Site {
    assert!(OK.contains(from), "{from}");
    with_event(&OK.replace(from, to))
}

fn assert_clean(s: &Site) {
    let run = s.check_json();
    assert_eq!(run.stdout, "", "{}", run.stderr);
    assert_eq!(run.code, 0);
}

#[test]
fn a_well_formed_event_is_clean_and_so_are_its_variants() {
    assert_clean(&with_event(OK));
    // A network organises, an organiser outside the directory, an online event, a
    // whole-day event over two days, every optional field.
    assert_clean(&changed("[\"keuruun-testiyhdistys\"]", "[\"testiverkosto\"]"));
    assert_clean(&changed("organisers = [\"keuruun-testiyhdistys\"]\n", "organiser_text = \"Keuruun kaupunki\"\n"));
    assert_clean(&changed("municipality = \"Keuruu\"\n", "online = true\n"));
    assert_clean(&changed("start = 2026-12-05T10:00:00\n", "start = 2026-12-05\nend = 2026-12-06\n"));
    let s = Site::new();
    s.write("content/partnership-tables/kumppanuuspoyta/index.md", "+++\nname = \"Pöytä\"\n+++\nPöytä.\n");
    s.write(
        E,
        &format!(
            "+++\n{OK}end = 2026-12-05T14:00:00\norganiser_text = \"Keuruun kaupunki\"\nthemes = [\"omaishoito\"]\nonline = true\nplace = \"Kirjasto, Kauppakatu 3\"\nregistration = \"https://testiyhdistys.example/ilmoittaudu\"\nprice = \"maksuton\"\nlanguages = [\"fi\", \"sv\"]\naccessibility = \"Esteetön\"\ntable = \"kumppanuuspoyta\"\ndraft = false\n+++\nTervetuloa!\n"
        ),
    );
    assert_clean(&s);
}

#[test]
fn an_end_before_the_start_is_an_error_in_finnish_too() {
    let s = changed("municipality", "end = 2026-12-05T09:00:00\nmunicipality");
    let d = expect(&s, "event-end-before-start", E, Some("2026-12-05T09:00:00"), "may not be before `start`");
    assert!(d.message.contains("ends (2026-12-05 09:00) before it starts (2026-12-05 10:00)"), "{}", d.message);
    // The site is Finnish: without --lang the report is in Finnish.
    let run = run_as_site(&["check", "--format", "json", "--root", s.root().to_str().unwrap()]);
    let fi = run.diagnostics().into_iter().find(|d| d.code == "event-end-before-start").unwrap();
    assert_eq!((fi.line, fi.column), position_of(&s.read(E), "2026-12-05T09:00:00"));
    assert!(fi.message.contains("tapahtuma päättyy"), "{}", fi.message);
    assert!(fi.help.unwrap().contains("ei voi olla ennen"));
}

#[test]
fn a_date_and_a_time_cannot_be_mixed() {
    let s = changed("municipality", "end = 2026-12-06\nmunicipality");
    expect(&s, "invalid-date", E, Some("2026-12-06"), "write a time in both");
}

#[test]
fn a_date_that_does_not_exist_hides_no_other_mistake_of_its_file() {
    // An hour 24 in `start`, 31 September in `end`, and three other mistakes: all
    // five are reported in one run, and `start` is not also called missing.
    let s = with_event(
        "title = \"Syystori\"\nstart = 2026-12-05T24:00:00\nend = 2026-09-31T10:00:00\norganisers = [\"keuruun-testiyhdistis\"]\nmunicipality = \"Keurru\"\nregistration = \"ilmo.example\"\n",
    );
    expect(&s, "invalid-date", E, Some("2026-12-05T24:00:00"), "hours 00–23");
    expect(&s, "unknown-municipality", E, Some("\"Keurru\""), "Keuruu");
    let codes: Vec<String> = s.check_json().diagnostics().into_iter().map(|d| d.code).collect();
    assert_eq!(codes.iter().filter(|c| *c == "invalid-date").count(), 2, "{codes:?}");
    for code in ["unknown-organiser", "unknown-municipality", "invalid-url"] {
        assert!(codes.iter().any(|c| c == code), "{code} in {codes:?}");
    }
    assert!(!codes.iter().any(|c| c == "missing-field"), "{codes:?}");
}

#[test]
fn a_time_zone_is_left_to_finland() {
    let s = changed("2026-12-05T10:00:00", "2026-12-05T10:00:00+02:00");
    expect(&s, "invalid-date", E, Some("2026-12-05T10:00:00+02:00"), "without a time zone: `2026-12-05T10:00:00`");
}

#[test]
fn the_start_must_be_on_the_date_of_the_file_name() {
    let s = with_event_file("content/events/2026-12-06-syystori.md", OK);
    expect(
        &s,
        "event-date-mismatch",
        "content/events/2026-12-06-syystori.md",
        Some("2026-12-05T10:00:00"),
        "rename the file to 2026-12-05-syystori.md",
    );
}

#[test]
fn the_file_name_starts_with_the_date() {
    let s = with_event_file("content/events/syystori.md", OK);
    expect(&s, "event-file-name", "content/events/syystori.md", None, "rename the file to 2026-12-05-syystori.md");
}

#[test]
fn a_missing_start_is_named() {
    let s = changed("start = 2026-12-05T10:00:00\n", "");
    expect(&s, "missing-field", E, None, "`start = 2026-12-05T10:00:00`");
}

#[test]
fn an_unknown_organiser_gets_the_nearest_slug() {
    let s = changed("keuruun-testiyhdistys", "keuruun-testiyhdistus");
    let d =
        expect(&s, "unknown-organiser", E, Some("\"keuruun-testiyhdistus\""), "did you mean `keuruun-testiyhdistys`?");
    assert!(d.message.contains("neither an organisation nor a network"), "{}", d.message);
}

#[test]
fn an_event_names_its_organiser() {
    let s = changed("[\"keuruun-testiyhdistys\"]", "[]");
    expect(&s, "no-organiser", E, Some("[]"), "`organiser_text = \"...\"`");
    let s = changed("organisers = [\"keuruun-testiyhdistys\"]\n", "");
    expect(&s, "no-organiser", E, None, "`organisers = [");
}

#[test]
fn an_event_is_somewhere_or_online() {
    let s = changed("municipality = \"Keuruu\"\n", "");
    expect(&s, "no-event-place", E, None, "`online = true`");
    let s = changed("municipality = \"Keuruu\"\n", "online = false\n");
    expect(&s, "no-event-place", E, Some("false"), "`municipality = \"Keuruu\"`");
}

#[test]
fn unknown_theme_municipality_and_table_get_the_nearest_name() {
    let s = changed("municipality", "themes = [\"omaishoit\"]\nmunicipality");
    expect(&s, "unknown-theme", E, Some("\"omaishoit\""), "did you mean `omaishoito`?");
    let s = changed("\"Keuruu\"", "\"Keruu\"");
    expect(&s, "unknown-municipality", E, Some("\"Keruu\""), "did you mean `Keuruu`?");
    // A region is not a municipality, and events have no `regions` to move it to.
    let s = changed("\"Keuruu\"", "\"Keski-Suomi\"");
    let d = expect(&s, "unknown-municipality", E, Some("\"Keski-Suomi\""), "");
    assert!(!d.help.unwrap_or_default().contains("regions"));
    let s = changed("municipality", "table = \"kumppanuuspoyt\"\nmunicipality");
    s.write("content/partnership-tables/kumppanuuspoyta/index.md", "+++\nname = \"Pöytä\"\n+++\nPöytä.\n");
    let d = expect(&s, "unknown-table", E, Some("\"kumppanuuspoyt\""), "did you mean `kumppanuuspoyta`?");
    assert!(d.message.contains("content/partnership-tables/kumppanuuspoyt/index.md"), "{}", d.message);
}

#[test]
fn registration_is_a_web_address() {
    let s = changed("municipality", "registration = \"www.testiyhdistys.example\"\nmunicipality");
    expect(&s, "invalid-url", E, Some("\"www."), "https://");
    let s = changed("municipality", "registration = \"javascript:alert(1)\"\nmunicipality");
    expect(&s, "invalid-url", E, Some("\"javascript"), "https://");
}

#[test]
fn an_unknown_key_is_reported_without_follow_ups() {
    let s = changed("municipality =", "municipalty =");
    expect(&s, "unknown-key", E, Some("municipalty"), "did you mean `municipality`?");
    let all = s.check_json().diagnostics();
    assert!(!all.iter().any(|d| d.code == "no-event-place"), "{all:#?}");
}

#[test]
fn two_mistakes_are_both_reported() {
    let s = with_event_file(
        "content/events/2026-12-06-syystori.md",
        &OK.replace("Keuruu", "Keruu").replace("keuruun-testiyhdistys", "eiole"),
    );
    let codes: Vec<String> = s.check_json().diagnostics().into_iter().map(|d| d.code).collect();
    for c in ["event-date-mismatch", "unknown-municipality", "unknown-organiser"] {
        assert!(codes.iter().any(|x| x == c), "{c} in {codes:?}");
    }
}

#[test]
fn an_event_may_end_when_it_starts() {
    // A one-day event written with the same date twice, and a moment (start = end).
    assert_clean(&changed("start = 2026-12-05T10:00:00\n", "start = 2026-12-05\nend = 2026-12-05\n"));
    assert_clean(&changed("municipality", "end = 2026-12-05T10:00:00\nmunicipality"));
}

#[test]
fn a_file_name_with_a_wrong_date_gets_its_words_after_the_right_date() {
    let f = "content/events/2026-12-syystori.md";
    let s = with_event_file(f, OK);
    expect(&s, "event-file-name", f, None, "rename the file to 2026-12-05-syystori.md");
}

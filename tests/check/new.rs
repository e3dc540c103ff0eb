//! `areena new`: files that `areena check` accepts, named from the name, checked
//! with the same diagnostics, never overwriting.

use crate::support::{Site, run};

fn new(s: &Site, args: &[&str]) -> crate::support::Run {
    let root = s.root().to_str().unwrap().to_string();
    let mut all = vec!["new", "--root", &root];
    all.extend_from_slice(args);
    run(&all)
}

#[test]
fn every_kind_makes_a_file_that_check_accepts() {
    let s = Site::new();
    s.write("content/partnership-tables/poyta/index.md", "+++\nname = \"Pöytä\"\n+++\n");
    let cases: [(&[&str], &str); 6] = [
        (
            &["organisation", "Keuruun Omaishoitajat ry", "--theme", "omaishoito", "--municipality", "Keuruu"],
            "content/organisations/keuruun-omaishoitajat-ry.md",
        ),
        (
            &["organisation", "Valtakunnan Apu", "--theme", "ikaihmiset", "--nationwide"],
            "content/organisations/valtakunnan-apu.md",
        ),
        (&["network", "Omaishoidon teemaryhmä"], "content/networks/omaishoidon-teemaryhma.md"),
        (&["table", "Kuntien järjestöpöytä"], "content/partnership-tables/kuntien-jarjestopoyta/index.md"),
        (
            &["note", "--table", "poyta", "Kokous 3/2026"],
            "content/partnership-tables/poyta/2026-11-23-kokous-3-2026.md",
        ),
        (&["page", "Liity mukaan"], "content/pages/liity-mukaan.md"),
    ];
    for (args, file) in cases {
        let r = new(&s, args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout.trim(), file);
        assert!(s.root().join(file).is_file(), "{file}");
    }
    let r = s.check_json();
    let errors: Vec<_> = r.diagnostics().into_iter().filter(|d| d.severity == "error").collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let org = s.read("content/organisations/keuruun-omaishoitajat-ry.md");
    assert!(org.contains("updated = 2026-11-23") && org.contains("# [contact]"), "{org}");
    assert!(org.contains("Valinnaiset kentät"), "comments in the site's language: {org}");
}

#[test]
fn wrong_values_get_the_checks_diagnostics_and_nothing_is_written() {
    let s = Site::new();
    let r = new(&s, &["organisation", "Toinen ry", "--theme", "omaishoit", "--municipality", "Keuru"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("content/organisations/toinen-ry.md:3:11"), "{}", r.stderr);
    assert!(
        r.stderr.contains("did you mean `omaishoito`?") && r.stderr.contains("did you mean `Keuruu`?"),
        "{}",
        r.stderr
    );
    assert!(!s.root().join("content/organisations/toinen-ry.md").exists());
    // A note for a table that does not exist, a name without letters.
    assert_eq!(new(&s, &["note", "--table", "ei-ole", "Kokous"]).code, 2);
    assert_eq!(new(&s, &["page", "!!!"]).code, 2);
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let s = Site::new();
    let before = s.read("content/organisations/keuruun-testiyhdistys.md");
    let r = new(&s, &["organisation", "Keuruun Testiyhdistys", "--theme", "omaishoito", "--municipality", "Keuruu"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("exists already"), "{}", r.stderr);
    assert_eq!(s.read("content/organisations/keuruun-testiyhdistys.md"), before);
}

#[test]
fn a_swedish_site_gets_swedish_comments() {
    let s = Site::new();
    s.write("site.toml", &crate::support::SITE.replace("language = \"fi\"", "language = \"sv\""));
    let r = new(&s, &["page", "Om katalogen", "--root", s.root().to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = s.read("content/pages/om-katalogen.md");
    assert!(text.contains("Valfria fält") && text.contains("Skriv beskrivningen här."), "{text}");
}

#[test]
fn an_event_is_named_by_its_start_and_checked_like_any_event() {
    let s = Site::new();
    let r = new(
        &s,
        &[
            "event",
            "Järjestöjen syystori",
            "--start",
            "2026-09-12T10:00",
            "--organiser",
            "keuruun-testiyhdistys",
            "--municipality",
            "Keuruu",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let file = "content/events/2026-09-12-jarjestojen-syystori.md";
    assert_eq!(r.stdout.trim(), file);
    let text = s.read(file);
    assert!(text.contains("start = 2026-09-12T10:00:00\n"), "{text}");
    assert!(text.contains("# registration = \"https://\"") && text.contains("Valinnaiset kentät"), "{text}");
    // An online whole-day event, organised by a network.
    let r = new(&s, &["event", "Verkkoinfo", "--start", "2026-12-01", "--organiser", "testiverkosto", "--online"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(s.read("content/events/2026-12-01-verkkoinfo.md").contains("start = 2026-12-01\n"));
    let run = s.check_json();
    assert_eq!(run.stdout, "", "{}", run.stderr);
    // A misspelt organiser, no place: the problems, and nothing is written.
    let r = new(&s, &["event", "Toinen", "--start", "2026-09-13T10:00", "--organiser", "keuruun-testiyhdistus"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("did you mean `keuruun-testiyhdistys`?"), "{}", r.stderr);
    assert!(r.stderr.contains("no-event-place"), "{}", r.stderr);
    assert!(!s.root().join("content/events/2026-09-13-toinen.md").exists());
    // A start that is neither a time nor a date is a usage error.
    let r = new(&s, &["event", "Kolmas", "--start", "12.9.2026", "--organiser", "testiverkosto", "--online"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

/// Every commented-out field that `new` offers is a field of the contract: uncommented,
/// none is an unknown key (a field renamed or added in the model without `new` fails).
#[test]
fn the_offered_optional_fields_are_all_known() {
    let s = Site::new();
    s.write("content/partnership-tables/poyta/index.md", "+++\nname = \"Pöytä\"\n+++\n");
    let cases: [(&[&str], &str); 4] = [
        (
            &["organisation", "Kaikki Kentät ry", "--theme", "omaishoito", "--municipality", "Keuruu"],
            "content/organisations/kaikki-kentat-ry.md",
        ),
        (&["network", "Kaikki kentät"], "content/networks/kaikki-kentat.md"),
        (&["table", "Kaikki kentät"], "content/partnership-tables/kaikki-kentat/index.md"),
        (
            &[
                "event",
                "Kaikki kentät",
                "--start",
                "2026-12-01T18:00",
                "--municipality",
                "Keuruu",
                "--organiser",
                "keuruun-testiyhdistys",
            ],
            "",
        ),
    ];
    let mut uncommented = 0;
    for (args, file) in cases {
        let r = new(&s, args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        let file = if file.is_empty() { r.stdout.trim().to_string() } else { file.to_string() };
        let text = s.read(&file);
        let opened: String = text
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest) if rest.contains(" = ") || rest.starts_with('[') => {
                    uncommented += 1;
                    // Drop a trailing `# comment` after the value.
                    rest.split("  #").next().unwrap().trim_end().to_string()
                }
                _ => l.to_string(),
            })
            .map(|l| l + "\n")
            .collect();
        s.write(&file, &opened);
    }
    assert!(uncommented > 30, "only {uncommented} optional fields offered");
    let unknown: Vec<_> = s.check_json().diagnostics().into_iter().filter(|d| d.code == "unknown-key").collect();
    assert!(unknown.is_empty(), "{unknown:#?}");
}

//! `areena import organisations FILE.csv`: a federation's member list, saved from
//! Excel, becomes organisation files that `areena check` accepts; every mistake of
//! the spreadsheet is reported at its row and column, and nothing is written while
//! there is one.

use std::process::Command;

use crate::support::{Diag, Run, Site, bin};

/// `areena import organisations` run in the site's folder (so that reports name the
/// spreadsheet as given: `jasenet.csv`), reports in English.
fn import(s: &Site, args: &[&str]) -> Run {
    let out = Command::new(bin())
        .current_dir(s.root())
        .args(["import", "organisations", "--root", ".", "--lang", "en"])
        .args(args)
        .env("AREENA_TODAY", "2026-11-23")
        .env("NO_COLOR", "1")
        .output()
        .expect("run areena");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The organisation files of the site, sorted.
fn organisation_files(s: &Site) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(s.root().join("content/organisations"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// The errors `areena check` reports for the site, as `file:line:column code`.
fn check_errors(s: &Site) -> Vec<String> {
    let errors = s.check_json().diagnostics().into_iter().filter(|d: &Diag| d.severity == "error");
    errors.map(|d| format!("{}:{}:{} {}", d.file, d.line, d.column, d.code)).collect()
}

/// The front matter of an organisation file, parsed.
fn front_matter(s: &Site, rel: &str) -> toml::Table {
    let text = s.read(rel);
    let rest = text.strip_prefix("+++\n").unwrap_or_else(|| panic!("{text}"));
    let end = rest.find("\n+++\n").unwrap_or_else(|| panic!("{text}"));
    toml::from_str(&rest[..end]).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// What the report says: (row, column, code, help), from `--format json`.
fn places(r: &Run) -> Vec<(usize, usize, String, String)> {
    r.diagnostics().into_iter().map(|d| (d.line, d.column, d.code, d.help.unwrap_or_default())).collect()
}

/// A member list as Finnish Excel saves "CSV UTF-8": a byte order mark, `;`, CRLF,
/// quotes around cells with `;`, quotes or line breaks.
const MEMBERS: &str = "\u{feff}Nimi;Y-tunnus;Kotikunta;Teemat;Sähköposti;Puhelin;WWW;Lyhenne;Toiminta;Kuvaus\r\n\
Keuruun Omaishoitajat ry;0737546-2;\"Keuruu; Multia\";omaishoito;info@omaiset.example;040 123 4567;https://omaiset.example;Omaiset;\"Vertaistuki; Virkistyspäivät\";\"Tukea omaishoitajille.\r\nToinen rivi.\"\r\n\
Jakobstads Seniorer rf;;Jakobstad;Ikäihmiset;;;;;;\r\n\
;;;;;;;;;\r\n";

#[test]
fn good_rows_become_files_that_check_accepts() {
    let s = Site::new();
    s.write("jasenet.csv", MEMBERS);
    let r = import(&s, &["jasenet.csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "new\tcontent/organisations/keuruun-omaishoitajat-ry.md\nnew\tcontent/organisations/jakobstads-seniorer-rf.md\n"
    );
    let fm = front_matter(&s, "content/organisations/keuruun-omaishoitajat-ry.md");
    assert_eq!(fm["name"].as_str(), Some("Keuruun Omaishoitajat ry"));
    assert_eq!(fm["short_name"].as_str(), Some("Omaiset"));
    assert_eq!(fm["business_id"].as_str(), Some("0737546-2"));
    assert_eq!(fm["municipalities"], toml::Value::from(vec!["Keuruu", "Multia"]));
    assert_eq!(fm["activities"], toml::Value::from(vec!["Vertaistuki", "Virkistyspäivät"]));
    assert_eq!(fm["phone"].as_str(), Some("040 123 4567"));
    assert_eq!(fm["updated"].to_string(), "2026-11-23");
    let text = s.read("content/organisations/keuruun-omaishoitajat-ry.md");
    assert!(text.ends_with("+++\nTukea omaishoitajille.\nToinen rivi.\n"), "the description is the body: {text}");
    // A theme by its name, a municipality by its Swedish name (kept as its Finnish one).
    let fm = front_matter(&s, "content/organisations/jakobstads-seniorer-rf.md");
    assert_eq!(fm["themes"], toml::Value::from(vec!["ikaihmiset"]));
    assert_eq!(fm["municipalities"], toml::Value::from(vec!["Pietarsaari"]));
    assert!(!fm.contains_key("email") && !fm.contains_key("business_id"), "empty cells give no field: {fm:?}");
    assert_eq!(check_errors(&s), Vec::<String>::new());
}

#[test]
fn a_windows_1252_file_with_commas_is_read() {
    let s = Site::new();
    // "Jämsän Kööri ry,Jämsä,Omaishoito,Laulamme yhdessä" in Windows-1252, as Excel
    // writes "CSV (comma delimited)" on a Finnish Windows.
    s.write_bytes(
        "kuorot.csv",
        b"nimi,kunnat,teemat,kuvaus\r\nJ\xe4ms\xe4n K\xf6\xf6ri ry,J\xe4ms\xe4,Omaishoito,Laulamme yhdess\xe4\r\n",
    );
    let r = import(&s, &["kuorot.csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let fm = front_matter(&s, "content/organisations/jamsan-koori-ry.md");
    assert_eq!(fm["name"].as_str(), Some("Jämsän Kööri ry"));
    assert_eq!(fm["municipalities"], toml::Value::from(vec!["Jämsä"]));
    assert!(s.read("content/organisations/jamsan-koori-ry.md").ends_with("+++\nLaulamme yhdessä\n"));
    assert_eq!(check_errors(&s), Vec::<String>::new());
}

/// Every kind of mistake, one per cell, in a file saved with `;`; the first row's
/// name is on two lines, which the spreadsheet still shows as one row.
const MISTAKES: &str = "nimi;y-tunnus;kotikunta;teemat;sähköposti;www;puhelinnro\n\
\"Oikea\nry\";0737546-2;Keuruu;omaishoito;;;\n\
Väärä tunnus ry;0737546-3;Keuruu;omaishoito;;;\n\
Kirjoitusvirhe ry;;Keuru;omaishoit;info@x;www.yhdistys.example;\n\
;;Keuruu;omaishoito;;;\n\
Lyhyt rivi ry;;Keuruu\n\
Oikea ry;;Multia;ikaihmiset;;;\n";

#[test]
fn each_mistake_is_reported_at_its_row_and_column_and_nothing_is_written() {
    let s = Site::new();
    s.write("jasenet.csv", MISTAKES);
    let r = import(&s, &["jasenet.csv", "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let got = places(&r);
    let want: &[(usize, usize, &str, &str)] = &[
        (1, 7, "unknown-column", "did you mean `puhelin`? Or to import it"),
        (
            3,
            2,
            "business-id-check-digit",
            "the check digit of 0737546 is 2: if the digits are right, write `0737546-2`",
        ),
        (4, 3, "unknown-municipality", "did you mean `Keuruu`?"),
        (4, 4, "unknown-theme", "did you mean `omaishoito`?"),
        (4, 5, "invalid-email", "check the address"),
        (4, 6, "invalid-url", "add https:// in front: `https://www.yhdistys.example`"),
        (5, 1, "missing-field", "write the organisation's name"),
        (6, 3, "row-length", "must be in quotes"),
        (7, 1, "duplicate-slug", "merge the two rows"),
    ];
    assert_eq!(got.len(), want.len(), "{got:#?}");
    for ((row, col, code, help), (wrow, wcol, wcode, whelp)) in got.iter().zip(want) {
        assert_eq!((row, col, code.as_str()), (wrow, wcol, *wcode), "{got:#?}");
        assert!(help.starts_with(whelp) || help.contains(whelp), "{code}: {help:?} should say {whelp:?}");
    }
    assert_eq!(organisation_files(&s), ["keuruun-testiyhdistys.md"], "nothing written with an error");

    // The human report names the cell as the spreadsheet shows it: row and column letter.
    let r = import(&s, &["jasenet.csv"]);
    assert_eq!(r.code, 1);
    for place in
        ["jasenet.csv:3:B: the check digit", "jasenet.csv:4:C: there is no municipality `Keuru`", "jasenet.csv:7:A"]
    {
        assert!(r.stderr.contains(place), "{place}: {}", r.stderr);
    }
    assert!(r.stderr.contains("nothing was written"), "{}", r.stderr);
    assert_eq!(r.stdout, "");
}

#[test]
fn skip_invalid_writes_the_valid_rows_and_dry_run_writes_nothing() {
    let s = Site::new();
    s.write("jasenet.csv", MISTAKES);
    let r = import(&s, &["jasenet.csv", "--dry-run", "--skip-invalid"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stdout, "new\tcontent/organisations/oikea-ry.md\n");
    assert!(r.stderr.contains("dry run: 1 new and 0 to update; nothing was written"), "{}", r.stderr);
    assert_eq!(organisation_files(&s), ["keuruun-testiyhdistys.md"]);

    let r = import(&s, &["jasenet.csv", "--skip-invalid"]);
    assert_eq!(r.code, 1, "errors were reported: {}", r.stderr);
    assert!(r.stderr.contains("written: 1 new, 0 updated; 5 rows left out"), "{}", r.stderr);
    assert_eq!(organisation_files(&s), ["keuruun-testiyhdistys.md", "oikea-ry.md"]);
    assert_eq!(check_errors(&s), Vec::<String>::new());
}

#[test]
fn a_row_without_a_theme_takes_the_default_theme() {
    let s = Site::new();
    s.write("a.csv", "nimi;kunta\nTeematon ry;Keuruu\n");
    let r = import(&s, &["a.csv", "--format", "json"]);
    assert_eq!(r.code, 1);
    let got = places(&r);
    assert_eq!((got[0].0, got[0].1, got[0].2.as_str()), (2, 1, "missing-field"), "{got:?}");
    assert!(got[0].3.contains("--theme"), "{got:?}");
    let r = import(&s, &["a.csv", "--theme", "Ikäihmiset"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        front_matter(&s, "content/organisations/teematon-ry.md")["themes"],
        toml::Value::from(vec!["ikaihmiset"])
    );
    let r = import(&s, &["a.csv", "--theme", "ikaihmist", "--dry-run"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("--theme `ikaihmist`"), "{}", r.stderr);
}

#[test]
fn duplicates_of_the_site_are_refused_without_update() {
    let s = Site::new();
    s.write(
        "a.csv",
        "nimi;kunnat;teemat\nKeuruun Testiyhdistys;Keuruu;omaishoito\nkeuruun testiyhdistys ry;Keuruu;omaishoito\n",
    );
    let r = import(&s, &["a.csv", "--format", "json"]);
    assert_eq!(r.code, 1);
    let d = r.diagnostics();
    assert_eq!((d[0].line, d[0].column, d[0].code.as_str()), (2, 1, "duplicate-slug"), "{d:#?}");
    assert!(d[0].message.contains("content/organisations/keuruun-testiyhdistys.md"), "{}", d[0].message);
    assert!(d[0].help.as_deref().unwrap().contains("--update"));
    // The second row's name is the existing organisation's, in other letters.
    assert_eq!((d[1].line, d[1].code.as_str()), (3, "duplicate-slug"), "{d:#?}");
    assert_eq!(s.read("content/organisations/keuruun-testiyhdistys.md"), crate::support::ORG);
    // With --update, two rows may not update one organisation (one by its file name,
    // the other by its name).
    let r = import(&s, &["a.csv", "--update", "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    let d = r.diagnostics();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!((d[0].line, d[0].code.as_str()), (3, "duplicate-slug"));
    assert!(d[0].message.contains("which row 2 updates already"), "{}", d[0].message);
    assert_eq!(s.read("content/organisations/keuruun-testiyhdistys.md"), crate::support::ORG);
}

const WITH_COMMENTS: &str = "+++\n\
name = \"Keuruun Testiyhdistys ry\"\n\
themes = [\"omaishoito\"]   # the main theme\n\
municipalities = [\"Keuruu\"]\n\
activities = [\"Vertaistuki\"]\n\
email = \"vanha@testi.example\"  # the old address\n\
updated = 2024-01-01\n\
\n\
[contact]\n\
name = \"Maija Esimerkki\"\n\
+++\n\
The original description.\n";

#[test]
fn update_changes_only_the_imported_fields_and_keeps_the_body() {
    let s = Site::new();
    s.write("content/organisations/keuruun-testiyhdistys.md", WITH_COMMENTS);
    s.write(
        "a.csv",
        "nimi;sähköposti;kunnat;yhteyshenkilön puhelin;kuvaus\n\
         Keuruun Testiyhdistys ry;uusi@testi.example;Keuruu | Multia;040 123 4567;\n",
    );
    let r = import(&s, &["a.csv", "--update", "--theme", "ikaihmiset"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "updated\tcontent/organisations/keuruun-testiyhdistys.md\n");
    let text = s.read("content/organisations/keuruun-testiyhdistys.md");
    let want = WITH_COMMENTS
        .replace("vanha@testi", "uusi@testi")
        .replace("[\"Keuruu\"]", "[\"Keuruu\", \"Multia\"]")
        .replace("2024-01-01", "2026-11-23")
        .replace("Esimerkki\"\n", "Esimerkki\"\nphone = \"040 123 4567\"\n");
    assert_eq!(text, want, "themes, activities, comments and the body kept; the default theme not applied");
    assert_eq!(check_errors(&s), Vec::<String>::new());

    // A description cell that is not empty replaces the body; the same row again finds
    // the file by its Y-tunnus when the name changed.
    s.write(
        "b.csv",
        "nimi;y-tunnus;kuvaus\nKeuruun Testiyhdistys ry;0737546-2;Uusi kuvaus.\nUusi nimi ry;0737546-2;x\n",
    );
    let r = import(&s, &["b.csv", "--update", "--format", "json"]);
    assert_eq!(r.code, 1, "the same Y-tunnus twice in the file: {}", r.stdout);
    s.write("b.csv", "nimi;y-tunnus;kuvaus\nKeuruun Testiyhdistys ry;0737546-2;Uusi kuvaus.\n");
    assert_eq!(import(&s, &["b.csv", "--update"]).code, 0);
    s.write("c.csv", "nimi;y-tunnus\nKeuruun Testiyhdistys (uusi nimi) ry;0737546-2\n");
    let r = import(&s, &["c.csv", "--update"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = s.read("content/organisations/keuruun-testiyhdistys.md");
    assert!(text.ends_with("+++\nUusi kuvaus.\n"), "{text}");
    assert!(text.contains("name = \"Keuruun Testiyhdistys (uusi nimi) ry\""), "{text}");
    assert_eq!(organisation_files(&s), ["keuruun-testiyhdistys.md"]);
}

#[test]
fn hostile_cells_cannot_break_the_front_matter() {
    let s = Site::new();
    let hostile_name = "Pahis \"ry\"\n+++\nnationwide = true\n[contact]\nname = 'x'\n]]";
    let csv_cell = |v: &str| format!("\"{}\"", v.replace('"', "\"\""));
    let row = [
        csv_cell(hostile_name),
        csv_cell("Keuruu"),
        csv_cell("omaishoito"),
        csv_cell("'''\n\"\"\"\n]]\n[[x]]"),
        csv_cell("+++\n<script>alert(1)</script>\n+++\nname = \"toinen\""),
    ]
    .join(";");
    s.write("a.csv", &format!("nimi;kunnat;teemat;lyhenne;kuvaus\n{row}\n"));
    let r = import(&s, &["a.csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rel = r.stdout.trim().strip_prefix("new\t").expect(&r.stdout).to_string();
    let fm = front_matter(&s, &rel);
    let keys: Vec<&str> = fm.keys().map(String::as_str).collect();
    assert_eq!(keys, ["municipalities", "name", "short_name", "themes", "updated"], "{fm:?}");
    assert_eq!(fm["name"].as_str(), Some("Pahis \"ry\" +++ nationwide = true [contact] name = 'x' ]]"));
    assert_eq!(fm["short_name"].as_str(), Some("''' \"\"\" ]] [[x]]"));
    assert_eq!(check_errors(&s), Vec::<String>::new());
    let text = s.read(&rel);
    assert!(text.ends_with("+++\n+++\n<script>alert(1)</script>\n+++\nname = \"toinen\"\n"), "{text}");
}

#[test]
fn a_mapping_file_names_other_headings_and_unknown_ones_are_reported() {
    let s = Site::new();
    s.write(
        "map.toml",
        "[columns]\n\"Jäsenyhdistys\" = \"name\"\n\"Toimialue\" = \"municipalities\"\n\"Sisäinen nro\" = \"-\"\n",
    );
    s.write(
        "a.csv",
        "Jäsenyhdistys;Toimialue;Sisäinen nro;Teema;Kotisivu x\nMultian Kyläyhdistys ry;Multia;17;omaishoito;\n",
    );
    let r = import(&s, &["a.csv", "--map", "map.toml", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let d = r.diagnostics();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        (d[0].line, d[0].column, d[0].code.as_str(), d[0].severity.as_str()),
        (1, 5, "unknown-column", "warning")
    );
    assert!(d[0].help.as_deref().unwrap().starts_with("did you mean `kotisivu`?"), "{:?}", d[0].help);
    assert_eq!(
        front_matter(&s, "content/organisations/multian-kylayhdistys-ry.md")["municipalities"],
        toml::Value::from(vec!["Multia"])
    );

    s.write("bad.toml", "[columns]\n\"Toimialue\" = \"municipality\"\n\"Jäsenyhdistys\" = \"name\"\n");
    let r = import(&s, &["a.csv", "--map", "bad.toml", "--format", "json", "--dry-run"]);
    assert_eq!(r.code, 1);
    let d: Vec<Diag> = r.diagnostics().into_iter().filter(|d| d.file == "bad.toml").collect();
    assert_eq!(
        (d[0].file.as_str(), d[0].line, d[0].column, d[0].code.as_str()),
        ("bad.toml", 2, 15, "unknown-key"),
        "{d:#?}"
    );
    assert_eq!(d[0].help.as_deref(), Some("did you mean `municipalities`?"));
}

#[test]
fn a_swedish_site_gets_swedish_names_of_municipalities() {
    let s = Site::new();
    s.write("site.toml", &crate::support::SITE.replace("language = \"fi\"", "language = \"sv\""));
    s.write("medlemmar.csv", "namn;kommun;teman\nPietarsaaren Eläkkeensaajat ry;Pietarsaari;omaishoito\n");
    let r = import(&s, &["medlemmar.csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let fm = front_matter(&s, "content/organisations/pietarsaaren-elakkeensaajat-ry.md");
    assert_eq!(fm["municipalities"], toml::Value::from(vec!["Jakobstad"]));
    assert_eq!(check_errors(&s), Vec::<String>::new());
}

#[test]
fn reports_are_in_the_sites_language() {
    let s = Site::new();
    s.write("jasenet.csv", "nimi;kotikunta;teemat\nToinen ry;Keuru;omaishoito\n");
    let out = Command::new(bin())
        .current_dir(s.root())
        .args(["import", "organisations", "jasenet.csv"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("jasenet.csv:2:B: kuntaa `Keuru` ei ole"), "{stderr}");
    assert!(stderr.contains("tarkoititko `Keuruu`?") && stderr.contains("mitään ei kirjoitettu"), "{stderr}");
}

#[test]
fn the_report_an_editor_reads() {
    let s = Site::new();
    s.write(
        "jasenet.csv",
        "Nimi;Y-tunnus;Kotikunta;Teemat;Kuvaus\r\n\
         Keuruun Kuoro ry;0737546-3;Keuruu;omaishoito;\"Laulamme\r\nyhdessä.\"\r\n\
         Multian Kylä ry;;Multa;Ikäihmiset;\r\n",
    );
    let r = import(&s, &["jasenet.csv"]);
    insta::assert_snapshot!(r.stderr);
    let fi = Command::new(bin())
        .current_dir(s.root())
        .args(["import", "organisations", "jasenet.csv", "--lang", "fi"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    insta::assert_snapshot!("the_report_an_editor_reads_fi", String::from_utf8_lossy(&fi.stderr));
}

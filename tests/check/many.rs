//! Many mistakes in many files: all of them in one run, sorted by file and line.

use super::org;
use crate::support::Site;

#[test]
fn every_mistake_of_a_run_is_reported() {
    let s = Site::new();
    s.write(
        "content/organisations/keuruun-testiyhdistys.md",
        &org("name = \"K\"\nthemes = [\"omaishoitto\"]\nmunicipalities = [\"Jyvaskyla\"]\nfounded = \"1994\"\nbusiness_id = \"1234567-2\"\n"),
    );
    s.write("content/organisations/toinen.md", &org("nimi = \"Toinen\"\nthemes = []\n"));
    s.write(
        "content/networks/testiverkosto.md",
        "+++\nname = \"V\"\nkind = \"teemaryhma\"\nmembers = [\"keuruun-testiyhdistys\", \"kolmas\"]\n+++\n",
    );
    s.write("site.toml", &crate::support::SITE.replace("language = \"fi\"", "language = \"fin\""));
    s.write("content/pages/tietoa.md", "+++\ntitle = \"Tietoa\n+++\n");

    let run = s.check_json();
    assert_eq!(run.code, 1);
    let got: Vec<(String, usize, String)> = run.diagnostics().into_iter().map(|d| (d.file, d.line, d.code)).collect();
    let want: Vec<(&str, usize, &str)> = vec![
        ("content/networks/testiverkosto.md", 3, "invalid-kind"),
        ("content/networks/testiverkosto.md", 4, "unknown-organisation"),
        ("content/organisations/keuruun-testiyhdistys.md", 3, "unknown-theme"),
        ("content/organisations/keuruun-testiyhdistys.md", 4, "unknown-municipality"),
        ("content/organisations/keuruun-testiyhdistys.md", 5, "wrong-type"),
        ("content/organisations/keuruun-testiyhdistys.md", 6, "business-id-check-digit"),
        ("content/organisations/toinen.md", 1, "missing-field"),
        ("content/organisations/toinen.md", 2, "unknown-key"),
        ("content/organisations/toinen.md", 3, "empty-list"),
        ("content/pages/tietoa.md", 2, "toml-syntax"),
        ("site.toml", 3, "unknown-site-language"),
    ];
    let want: Vec<(String, usize, String)> = want.into_iter().map(|(f, l, c)| (f.into(), l, c.into())).collect();
    assert_eq!(got, want);

    let human = s.check_human();
    assert!(human.stderr.trim_end().ends_with("11 errors, 0 warnings in 5 files"), "{}", human.stderr);
}

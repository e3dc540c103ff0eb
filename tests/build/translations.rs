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
    let found = errors(&s);
    let want = [
        ("untranslatable-field", "content/organisations/keuruun-testiyhdistys.sv.md", 3, 1),
        ("untranslatable-field", "content/organisations/keuruun-testiyhdistys.sv.md", 5, 3),
        ("translation-without-original", "content/organisations/keuruun-testiyhdistyss.sv.md", 1, 1),
        ("translation-language", "content/networks/testiverkosto.en.md", 1, 1),
        ("translation-language", "content/networks/testiverkosto.xx.md", 1, 1),
        ("duplicate-translation", "content/networks/testiverkosto.sv.md", 1, 1),
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
}

//! The language of the reports: the site's `language`, or `--lang`; every message and
//! help in Finnish and Swedish is written for editors, not programmers.

use super::org;
use crate::support::{Diag, Run, SITE, Site, run_as_site};

const O: &str = "content/organisations/keuruun-testiyhdistys.md";

fn misspelt_municipality() -> Site {
    let s = Site::new();
    s.write(
        O,
        &org("name = \"Keuruun Testiyhdistys ry\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Jyvaskyla\"]\n"),
    );
    s
}

fn check(s: &Site, extra: &[&str]) -> Run {
    let root = s.root().to_str().unwrap().to_string();
    let mut args = vec!["check", "--root", root.as_str()];
    args.extend_from_slice(extra);
    run_as_site(&args)
}

fn only(run: &Run) -> Diag {
    let d = run.diagnostics();
    assert_eq!(d.len(), 1, "{d:#?}");
    d[0].clone()
}

#[test]
fn a_finnish_site_reports_in_finnish_by_default() {
    let s = misspelt_municipality();
    let d = only(&check(&s, &["--format", "json"]));
    assert_eq!(d.code, "unknown-municipality");
    assert_eq!(d.message, "kuntaa `Jyvaskyla` ei ole");
    assert_eq!(d.help.as_deref(), Some("tarkoititko `Jyväskylä`?"));
    let human = check(&s, &[]).stderr;
    assert!(human.contains("keuruun-testiyhdistys.md:4:19: kuntaa `Jyvaskyla` ei ole"), "{human}");
    assert!(human.contains("ohje: tarkoititko `Jyväskylä`?"), "{human}");
    assert!(human.contains("── tässä"), "{human}");
    assert!(!human.contains("help:"), "{human}");
    assert!(human.contains("1 virhe, 0 varoitusta 1 tiedostossa"), "{human}");
}

#[test]
fn lang_sv_gives_swedish_and_lang_en_english() {
    let s = misspelt_municipality();
    let d = only(&check(&s, &["--format", "json", "--lang", "sv"]));
    assert_eq!(d.message, "kommunen `Jyvaskyla` finns inte");
    assert_eq!(d.help.as_deref(), Some("menade du `Jyväskylä`?"));
    let d = only(&check(&s, &["--format", "json", "--lang", "en"]));
    assert_eq!(d.message, "there is no municipality `Jyvaskyla`");
    assert_eq!(d.help.as_deref(), Some("did you mean `Jyväskylä`?"));
    let human = check(&s, &["--lang", "sv"]).stderr;
    assert!(human.contains("hjälp: menade du `Jyväskylä`?"), "{human}");
    assert!(human.contains("1 fel, 0 varningar i 1 fil"), "{human}");
}

#[test]
fn a_swedish_site_reports_in_swedish_and_a_clean_one_says_so() {
    let s = misspelt_municipality();
    s.write("site.toml", &SITE.replace("language = \"fi\"", "language = \"sv\""));
    assert_eq!(only(&check(&s, &["--format", "json"])).message, "kommunen `Jyvaskyla` finns inte");
    let clean = Site::new();
    assert!(check(&clean, &[]).stderr.contains("ei ongelmia"));
    assert!(check(&clean, &["--lang", "sv"]).stderr.contains("inga problem hittades"));
}

#[test]
fn github_format_follows_the_language() {
    let s = misspelt_municipality();
    let out = check(&s, &["--format", "github", "--lang", "sv"]).stdout;
    let line = out.lines().find(|l| l.contains("unknown-municipality")).expect(&out);
    assert!(line.ends_with("::kommunen `Jyvaskyla` finns inte%0Ahjälp: menade du `Jyväskylä`?"), "{line}");
    assert!(out.lines().last().unwrap().starts_with("::notice title=areena::1 fel, 0 varningar i 1 fil"), "{out}");
    let out = check(&s, &["--format", "github"]).stdout;
    assert!(out.contains("::kuntaa `Jyvaskyla` ei ole%0Aohje: tarkoititko `Jyväskylä`?"), "{out}");
}

#[test]
fn the_language_of_a_site_toml_with_mistakes_is_still_used_and_an_unknown_one_is_finnish() {
    let s = misspelt_municipality();
    // A line that cannot be read does not hide `language`.
    s.write("site.toml", &format!("{}\nrikki = \"\n", SITE.replace("language = \"fi\"", "language = \"sv\"")));
    let run = check(&s, &["--format", "json"]);
    assert!(run.diagnostics().iter().any(|d| d.message == "kommunen `Jyvaskyla` finns inte"), "{}", run.stdout);
    assert!(run.diagnostics().iter().any(|d| d.message == "texten saknar avslutande citattecken"), "{}", run.stdout);
    // A language areena has no reports in: Finnish, the default of a site.
    s.write("site.toml", &SITE.replace("language = \"fi\"", "language = \"de\""));
    let run = check(&s, &["--format", "json"]);
    let d = run.diagnostics().into_iter().find(|d| d.code == "unknown-site-language").expect(&run.stdout);
    assert_eq!(d.message, "areenassa ei ole käyttöliittymää kielellä `de`");
}

/// Words of programmers that editors do not know (and English words of the reader).
const FORBIDDEN: &[&str] = &[
    "string",
    "merkkijono",
    "front matter",
    "toml",
    "array",
    "taulukko",
    "parse",
    "boolean",
    "integer",
    "sequence",
    "expected",
    "invalid",
    "unknown",
    "found",
    "key",
];

/// The text without what the editor types (in backticks) and without file paths.
fn words_of(text: &str) -> String {
    let unquoted: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    unquoted
        .split_whitespace()
        .filter(|w| !w.contains('/') && !w.contains(".toml") && !w.contains(".md"))
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A site with one of nearly every mistake an editor can make.
fn broken_site() -> Site {
    let s = Site::new();
    s.write(
        O,
        &org("name = \"K\"\nthemes = [\"omaishoitto\"]\nmunicipalities = [\"Jyvaskyla\", \"Keski-Suomi\"]\n\
              founded = \"1994\"\nbusiness_id = \"1234567-2\"\nwebsite = \"www.yhdistys.example\"\n\
              email = \"info(at)yhdistys.example\"\nphone = \"puh. 040\"\nlanguages = [\"suomi\"]\n\
              logo = \"logot/k.png\"\nupdated = 2023-01-01\nregions = [\"Keuruu\"]\nkind = \"yhdistys\"\n\
              [address]\npostal_code = \"427\"\n[contact]\nnmae = \"Maija\"\n"),
    );
    s.write("content/organisations/toinen.md", &org("nimi = \"Toinen\"\nthemes = []\nnationwide = \"joo\"\n"));
    s.write("content/organisations/kolmas.md", "+++\nname = Kolmas\nthemes = [\"omaishoito\" \"x\"]\n+++\n");
    s.write("content/organisations/Neljäs Yhdistys.md", "name = \"Neljäs\"\n");
    s.write("content/organisations/viides.md", "+++\nname = \"Viides\"\nfounded = 01994\n");
    s.write("content/organisations/kuudes.md", "");
    s.write(
        "content/networks/testiverkosto.md",
        "+++\nname = \"V\"\nkind = \"teemaryhma\"\nmembers = [\"keuruun-testiyhdistys\", \"kolmass\"]\n+++\n\
         [linkki](../organisations/eiole.md) ![](/kuvat/ei.png) [x](javascript:alert(1))\n\n# Otsikko {.luokka}\n",
    );
    s.write("content/partnership-tables/poyta/index.md", "+++\nname = \"Pöytä\"\nconvener = \"eiole\"\n+++\n");
    s.write("content/partnership-tables/poyta/2025-02-12-kokous.md", "+++\ntitle = \"K\"\ndate = 2025-02-21\n+++\n");
    s.write("content/partnership-tables/poyta/kokous.md", "+++\ntitle = \"K\"\ndate = 2025-02-30\n+++\n");
    s.write("content/partnership-tables/toinen/2025-01-01-x.md", "+++\ntitle = \"K\"\ndate = 2025-01-01\n+++\n");
    s.write("content/pages/haku.md", "+++\ntitle = \"Haku\"\ntitle = \"Toinen\"\n+++\n");
    s.write("content/muut/x.md", "+++\n+++\n");
    s.write("content/kuva.png", "x");
    s.write(
        "content/themes.toml",
        "[[theme]]\nid = \"omaishoito\"\nname = \"Omaishoito\"\n[[theme]]\nid = \"Iso Teema\"\n",
    );
    s.write(
        "site.toml",
        "title = \"T\"\nbase_url = \"example.org\"\nlanguage = \"fi\"\nregion = \"Keski-Suomii\"\ntheme = \"oma\"\n\
         [build]\nstale_after_months = 0\n[paths]\nsearch = \"Haku Sivu\"\n",
    );
    s
}

#[test]
fn finnish_and_swedish_reports_have_no_programmer_words_and_no_english() {
    let s = broken_site();
    let en = check(&s, &["--format", "json", "--lang", "en"]).diagnostics();
    assert!(en.len() >= 30, "a broad set of mistakes: {en:#?}");
    let codes: std::collections::BTreeSet<&str> = en.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.len() >= 25, "{codes:?}");
    for lang in ["fi", "sv"] {
        let got = check(&s, &["--format", "json", "--lang", lang]).diagnostics();
        assert_eq!(got.len(), en.len(), "{lang}: the same problems");
        for (d, e) in got.iter().zip(&en) {
            assert_eq!((&d.file, d.line, d.column, &d.code), (&e.file, e.line, e.column, &e.code));
            assert_ne!(d.message, e.message, "{lang}: English message left: {d:#?}");
            assert_ne!(d.help, e.help, "{lang}: English help left: {d:#?}");
            for text in [Some(&d.message), d.help.as_ref()].into_iter().flatten() {
                let words = words_of(text);
                for f in FORBIDDEN {
                    let hit = words.split(|c: char| !c.is_alphanumeric()).any(|w| w == *f)
                        || words.contains(&format!("{f} "));
                    assert!(!hit, "{lang}: `{f}` in {text:?} ({})", d.code);
                }
                assert!(!en.iter().any(|x| &x.message == text), "{lang}: an English message: {text:?}");
            }
        }
        let human = check(&s, &["--lang", lang]).stderr;
        assert!(!human.contains("help:") && !human.contains("── here"), "{lang}: {human}");
    }
}

#[test]
fn references_to_drafts_and_to_missing_files_name_what_they_are_in_finnish() {
    let s = Site::new();
    s.write(
        "content/organisations/luonnos.md",
        &org("name = \"L\"\nthemes = [\"omaishoito\"]\nnationwide = true\ndraft = true\n"),
    );
    s.write("content/networks/luonnosverkko.md", "+++\nname = \"LV\"\nkind = \"theme-group\"\ndraft = true\n+++\n");
    s.write("content/partnership-tables/luonnospoyta/index.md", "+++\nname = \"LP\"\ndraft = true\n+++\nPöytä.\n");
    s.write(O, &org("name = \"Keuruun Testiyhdistys ry\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\nnetworks = [\"luonnosverkko\", \"eiverkkoa\"]\n"));
    s.write(
        "content/networks/testiverkosto.md",
        "+++\nname = \"Testiverkosto\"\nkind = \"theme-group\"\nmembers = [\"keuruun-testiyhdistys\", \"luonnos\", \"eijarjestoa\"]\n+++\n",
    );
    let event = |table: &str| {
        format!(
            "+++\ntitle = \"Tori\"\nstart = 2026-12-05T10:00:00\norganisers = [\"keuruun-testiyhdistys\"]\nmunicipality = \"Keuruu\"\ntable = \"{table}\"\n+++\n"
        )
    };
    s.write("content/events/2026-12-05-tori.md", &event("luonnospoyta"));
    s.write("content/events/2026-12-06-tori.md", &event("eipoytaa"));
    let diags = check(&s, &["--format", "json"]).diagnostics();
    let said = |needle: &str| {
        diags
            .iter()
            .find(|d| d.message.contains(needle))
            .unwrap_or_else(|| panic!("nothing says {needle:?}: {diags:#?}"))
            .clone()
    };
    said("järjestö `luonnos` on luonnos, eikä se ole sivustolla");
    said("verkosto `luonnosverkko` on luonnos, eikä se ole sivustolla");
    let table = said("kumppanuuspöytä `luonnospoyta` on luonnos, eikä se ole sivustolla");
    let help = table.help.unwrap_or_default();
    assert!(help.contains("content/partnership-tables/luonnospoyta/index.md"), "{help}");
    said("järjestöä `eijarjestoa` ei ole (ei tiedostoa content/organisations/eijarjestoa.md)");
    said("verkostoa `eiverkkoa` ei ole (ei tiedostoa content/networks/eiverkkoa.md)");
    said("kumppanuuspöytää `eipoytaa` ei ole (ei tiedostoa content/partnership-tables/eipoytaa/index.md)");
    // With --drafts the drafts are on the site, and nothing is said of them.
    let with_drafts = check(&s, &["--format", "json", "--drafts"]).diagnostics();
    assert!(!with_drafts.iter().any(|d| d.code == "draft-reference"), "{with_drafts:#?}");
}

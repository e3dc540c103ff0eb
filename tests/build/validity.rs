//! What reaches XML, JSON, CSV and HTML is valid and inert: control characters are
//! dropped (with a warning), spreadsheet formulas quoted, dot files unpublished, and
//! a static file never silently replaced by a page.

use super::{build, small_site, tree};

fn diag_codes(s: &crate::support::Site) -> Vec<(String, String, usize, usize)> {
    s.check_json().diagnostics().into_iter().map(|d| (d.code, d.file, d.line, d.column)).collect()
}

#[test]
fn control_characters_are_dropped_from_feeds_and_pages_with_a_warning() {
    let s = small_site();
    s.write("content/partnership-tables/poyta/index.md", "+++\nname = \"Pöytä\"\n+++\nTarkoitus.\n");
    s.write(
        "content/partnership-tables/poyta/2025-03-01-kokous.md",
        "+++\ntitle = \"Kokous\\u0007 1\\u001b[31m/2025\\u202e\"\ndate = 2025-03-01\n+++\nMuistio \u{7}kello ja \u{202e}kaanto.\n",
    );
    let codes = diag_codes(&s);
    assert!(
        codes.contains(&(
            "control-character".into(),
            "content/partnership-tables/poyta/2025-03-01-kokous.md".into(),
            2,
            9
        )),
        "{codes:?}"
    );
    assert!(
        codes.contains(&(
            "control-character".into(),
            "content/partnership-tables/poyta/2025-03-01-kokous.md".into(),
            5,
            9
        )),
        "the body too: {codes:?}"
    );
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for (file, bytes) in tree(&s.root().join("public")) {
        if file.ends_with(".xml") || file.ends_with(".html") || file.ends_with(".json") || file.ends_with(".csv") {
            let text = String::from_utf8(bytes).unwrap();
            let bad: Vec<char> = text
                .chars()
                .filter(|&c| (c.is_control() && !matches!(c, '\n' | '\t' | '\r')) || c == '\u{202e}')
                .collect();
            assert!(bad.is_empty(), "{file}: {bad:?}");
        }
    }
    let atom = s.read("public/atom.xml");
    assert!(atom.contains("Kokous 1[31m/2025"), "{atom}");
}

#[test]
fn formulas_in_the_open_data_csv_are_quoted() {
    let s = small_site();
    s.write(
        "content/organisations/kaava.md",
        "+++\nname = \"+358+HYPERLINK(\\\"http://evil.example/\\\",\\\"x\\\")\"\nthemes = [\"omaishoito\"]\nnationwide = true\nphone = \"+358 40 000 0001\"\n+++\n",
    );
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let csv = s.read("public/data/organisations.csv");
    let csv = csv.strip_prefix('\u{feff}').expect("a byte-order mark for spreadsheet programs");
    let mut rd = csv::ReaderBuilder::new().delimiter(b';').from_reader(csv.as_bytes());
    let headers = rd.headers().unwrap().clone();
    let name = headers.iter().position(|h| h == "name").unwrap();
    let phone = headers.iter().position(|h| h == "phone").unwrap();
    let row = rd.records().map(Result::unwrap).find(|r| r[name].contains("HYPERLINK")).unwrap();
    assert!(row[name].starts_with('\''), "{:?}", &row[name]);
    assert_eq!(&row[phone], "+358 40 000 0001", "a phone number stays as it is");
}

#[test]
fn dot_files_in_static_are_not_published_unless_listed() {
    let s = small_site();
    s.write("static/.env", "SECRET=1");
    s.write("static/.htaccess", "Deny from all");
    s.write("static/.well-known/security.txt", "Contact: mailto:security@example.org");
    s.write("static/kuvat/.luonnos.jpg", "x");
    s.write("static/kuvat/kuva.jpg", "x");
    assert_eq!(build(&s, &[]).code, 0);
    let out = tree(&s.root().join("public"));
    assert!(out.contains_key("kuvat/kuva.jpg"));
    for hidden in [".env", ".htaccess", ".well-known/security.txt", "kuvat/.luonnos.jpg"] {
        assert!(!out.contains_key(hidden), "{hidden} was published");
    }
    s.write("site.toml", &format!("{}publish_dot_files = [\".well-known\"]\n", crate::support::SITE));
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = tree(&s.root().join("public"));
    assert!(out.contains_key(".well-known/security.txt"));
    assert!(!out.contains_key(".env") && !out.contains_key(".htaccess"));
}

#[test]
fn a_static_file_with_the_path_of_a_page_is_an_error_at_the_static_file() {
    let s = small_site();
    assert_eq!(build(&s, &[]).code, 0);
    let before = tree(&s.root().join("public"));
    s.write("static/sitemap.xml", "<urlset/>");
    s.write("static/jarjestot/zeta/index.html", "<p>vanha</p>");
    let r = crate::support::run(&["build", "--format", "json", "--root", s.root().to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let files: Vec<String> = r.diagnostics().into_iter().filter(|d| d.code == "output-error").map(|d| d.file).collect();
    assert!(files.contains(&"static/sitemap.xml".to_string()), "{files:?}");
    assert!(files.contains(&"static/jarjestot/zeta/index.html".to_string()), "{files:?}");
    assert_eq!(tree(&s.root().join("public")), before, "the previous output stays");
}

#[test]
fn look_alike_names_are_warned_about() {
    let s = small_site();
    // A right-to-left override, a zero-width space, and the same name twice.
    s.write(
        "content/organisations/rlo.md",
        "+++\nname = \"Keuruun \\u202Eyr suraeS\"\nthemes = [\"omaishoito\"]\nnationwide = true\n+++\n",
    );
    s.write(
        "content/organisations/zeta-kopio.md",
        "+++\nname = \"ZETA\\u200B ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n+++\n",
    );
    s.write(
        "content/organisations/toinen-zeta.md",
        "+++\nname = \"Zeta  ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n+++\n",
    );
    let d = s.check_json().diagnostics();
    let at = |code: &str, file: &str| d.iter().find(|x| x.code == code && x.file == file).cloned();
    let rlo = at("control-character", "content/organisations/rlo.md").expect("the override is reported");
    assert_eq!((rlo.line, rlo.column), (2, 8));
    let zw = at("look-alike-name", "content/organisations/zeta-kopio.md").expect("zero-width space");
    assert_eq!((zw.line, zw.column), (2, 8));
    let same: Vec<_> = d.iter().filter(|x| x.code == "look-alike-name" && x.message.contains("same name")).collect();
    assert_eq!(same.len(), 2, "{d:#?}");
    assert!(same.iter().all(|x| x.message.contains("content/organisations/toinen-zeta.md")), "{same:#?}");
    assert!(d.iter().all(|x| x.severity == "warning"), "{d:#?}");
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!s.read("public/jarjestot/rlo/index.html").contains('\u{202e}'));
}

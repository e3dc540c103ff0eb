//! `[editing] cms = true`: the web editor under `/admin/`, its configuration made
//! from the site's own schema, and entries written the way the editor writes them.

use std::path::{Path, PathBuf};

use serde_norway::Value;

use super::{build, small_site, tree};
use crate::support::{SITE, run};

const EDITING: &str = "\n[editing]\ncms = true\nrepo = \"keski-suomi/hakemisto\"\n";

#[test]
fn the_editor_is_written_only_when_turned_on() {
    let s = small_site();
    assert_eq!(build(&s, &[]).code, 0);
    let out = s.root().join("public");
    assert!(!out.join("admin").exists(), "nothing of the editor without [editing]");
    assert!(!s.read("public/robots.txt").contains("admin"));

    s.write("site.toml", &format!("{SITE}{EDITING}"));
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for f in ["index.html", "config.yml", "sveltia-cms.js", "LICENSE.txt"] {
        assert!(out.join("admin").join(f).is_file(), "admin/{f}");
    }
    // The script as vendored, but for its fonts, which come from admin/fonts/.
    let script = s.read("public/admin/sveltia-cms.js");
    assert_eq!(script, areena::render::cms::script());
    assert!(!script.contains("cdn.jsdelivr.net"), "no font from a CDN");
    for font in &areena::render::cms::FONTS {
        assert!(script.contains(&format!("url(fonts/{})", font.file)), "{}", font.file);
        assert_eq!(std::fs::read(out.join("admin/fonts").join(font.file)).unwrap(), font.bytes);
        assert_eq!(std::fs::read(out.join("admin/fonts").join(font.licence_file)).unwrap(), font.licence);
    }
    assert!(s.read("public/admin/LICENSE.txt").contains("MIT License"));
    let page = s.read("public/admin/index.html");
    assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"), "{page}");
    assert!(page.contains("<script src=\"sveltia-cms.js\"></script>"), "{page}");
    assert!(!page.contains("data-pagefind-body") && !page.contains("https://"), "{page}");
    assert!(s.read("public/robots.txt").contains("Disallow: /admin/\n"));
    assert!(!s.read("public/sitemap.xml").contains("admin"));
    // Not in the search index: no record names the admin page.
    for (path, bytes) in tree(&out.join("pagefind")) {
        assert!(!String::from_utf8_lossy(&bytes).contains("/admin/"), "pagefind/{path} names /admin/");
    }
    let config: Value = serde_norway::from_str(&s.read("public/admin/config.yml")).unwrap();
    assert_eq!(config["backend"]["name"], "github");
    assert_eq!(config["backend"]["repo"], "keski-suomi/hakemisto");
    assert_eq!(config["backend"]["branch"], "main");
    assert_eq!(config["media_folder"], "static/kuvat");

    s.write("site.toml", &format!("{SITE}\n[editing]\ncms = false\nrepo = \"a/b\"\n"));
    assert_eq!(build(&s, &[]).code, 0);
    assert!(!out.join("admin").exists(), "cms = false writes nothing of it");
}

#[test]
fn the_backend_settings_go_into_the_configuration() {
    let s = small_site();
    s.write(
        "site.toml",
        &format!(
            "{SITE}\n[editing]\ncms = true\nbackend = \"gitlab\"\nrepo = \"liitto/alue/hakemisto\"\nbranch = \"julkaisu\"\napp_id = \"abc123\"\n"
        ),
    );
    assert_eq!(build(&s, &[]).code, 0);
    let config: Value = serde_norway::from_str(&s.read("public/admin/config.yml")).unwrap();
    let b = &config["backend"];
    assert_eq!((b["name"].as_str(), b["repo"].as_str()), (Some("gitlab"), Some("liitto/alue/hakemisto")));
    assert_eq!(
        (b["branch"].as_str(), b["auth_type"].as_str(), b["app_id"].as_str()),
        (Some("julkaisu"), Some("pkce"), Some("abc123"))
    );

    s.write(
        "site.toml",
        &format!("{SITE}\n[editing]\ncms = true\nrepo = \"a/b\"\nbase_url = \"https://auth.liitto.example/\"\n"),
    );
    assert_eq!(build(&s, &[]).code, 0);
    let config: Value = serde_norway::from_str(&s.read("public/admin/config.yml")).unwrap();
    assert_eq!(config["backend"]["base_url"], "https://auth.liitto.example");
}

#[test]
fn mistakes_in_editing_are_reported_at_their_place() {
    let s = small_site();
    let toml = format!(
        "{SITE}\n[editing]\ncms = true\nbackend = \"githbu\"\nrepo = \"https://github.com/x\"\nbase_url = \"auth\"\ncolour = \"red\"\n"
    );
    s.write("site.toml", &toml);
    let diags = s.check_json().diagnostics();
    let find = |code: &str, needle: &str| {
        let d = diags
            .iter()
            .find(|d| d.code == code && d.message.contains(needle))
            .unwrap_or_else(|| panic!("{code} {needle}: {diags:#?}"));
        (d.line, d.column, d.help.clone().unwrap_or_default())
    };
    let (line, col, help) = find("invalid-value", "githbu");
    assert_eq!((line, col), crate::support::position_of(&toml, "\"githbu\""));
    assert!(help.contains("backend = \"github\""), "{help}");
    let (line, _, help) = find("invalid-value", "https://github.com/x");
    assert_eq!(line, crate::support::position_of(&toml, "\"https://github.com/x").0);
    assert!(help.contains("repo = "), "{help}");
    let (line, _, _) = find("invalid-url", "auth");
    assert_eq!(line, crate::support::position_of(&toml, "\"auth\"").0);
    assert!(diags.iter().any(|d| d.code == "unknown-key" && d.message.contains("colour")), "{diags:#?}");

    let toml = format!("{SITE}\n[editing]\ncms = \"yes\"\n");
    s.write("site.toml", &toml);
    let diags = s.check_json().diagnostics();
    let line = crate::support::position_of(&toml, "cms = \"yes\"").0;
    assert!(diags.iter().any(|d| d.code == "wrong-type" && d.line == line), "{diags:#?}");

    s.write("site.toml", &format!("{SITE}\n[editing]\ncms = true\n"));
    let diags = s.check_json().diagnostics();
    let d = diags.iter().find(|d| d.code == "missing-field").expect("a missing repository");
    assert!(d.help.as_deref().unwrap_or("").contains("repo = \"owner/name\""), "{d:?}");

    // Without the editor, no repository is needed.
    for editing in ["cms = false\n", "backend = \"gitlab\"\n"] {
        s.write("site.toml", &format!("{SITE}\n[editing]\n{editing}"));
        assert_eq!(s.check_json().stdout, "", "{editing}");
    }
    // Each backend by name; `test-repo` needs no repository.
    for (backend, repo) in [("github", "repo = \"a/b\"\n"), ("gitlab", "repo = \"a/b/c\"\n"), ("test-repo", "")] {
        s.write("site.toml", &format!("{SITE}\n[editing]\ncms = true\nbackend = \"{backend}\"\n{repo}"));
        assert_eq!(s.check_json().stdout, "", "{backend}");
    }
    // A branch name: not blank, no spaces, not an option.
    for branch in ["", "oma haara", "-f", " "] {
        let toml = format!("{SITE}\n[editing]\ncms = true\nrepo = \"a/b\"\nbranch = \"{branch}\"\n");
        s.write("site.toml", &toml);
        let diags = s.check_json().diagnostics();
        let d = diags.iter().find(|d| d.code == "invalid-value").unwrap_or_else(|| panic!("{branch:?}: {diags:#?}"));
        assert_eq!((d.line, d.column), crate::support::position_of(&toml, &format!("\"{branch}\"")), "{branch:?}");
        assert!(d.help.as_deref().unwrap_or("").contains("branch = \"main\""), "{d:?}");
    }
    s.write("site.toml", &format!("{SITE}\n[editing]\ncms = true\nrepo = \"a/b\"\nbranch = \"release/2026-v1\"\n"));
    assert_eq!(s.check_json().stdout, "");
}

/// The fixture site in a temporary folder, with the editor turned on, and its
/// generated configuration.
fn fixture_with_editor() -> (tempfile::TempDir, Value) {
    let dir = tempfile::tempdir().unwrap();
    let from = crate::support::fixture("site");
    for e in walkdir::WalkDir::new(&from) {
        let e = e.unwrap();
        let to = dir.path().join(e.path().strip_prefix(&from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
    let toml = std::fs::read_to_string(dir.path().join("site.toml")).unwrap();
    std::fs::write(dir.path().join("site.toml"), format!("{toml}{EDITING}")).unwrap();
    let out = dir.path().join("public");
    let r = run(&["build", "--root", dir.path().to_str().unwrap(), "--output", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let config = serde_norway::from_str(&std::fs::read_to_string(out.join("admin/config.yml")).unwrap()).unwrap();
    std::fs::remove_dir_all(out).unwrap();
    (dir, config)
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("no {key} in {v:?}"))
}

/// A valid value for a field, as the editor would write it in TOML, drawn from the
/// field's own choices.
fn value_for(field: &Value, collection: &str) -> toml::Value {
    let name = str_of(field, "name");
    let widget = str_of(field, "widget");
    match widget {
        "select" => {
            let first = str_of(&field["options"][0], "value").to_string();
            if field["multiple"].as_bool() == Some(true) {
                toml::Value::Array(vec![toml::Value::String(first)])
            } else {
                toml::Value::String(first)
            }
        }
        "boolean" => toml::Value::Boolean(false),
        "number" => {
            let (min, max) = (field["min"].as_i64().unwrap_or(0), field["max"].as_i64().unwrap_or(3000));
            toml::Value::Integer(1990.clamp(min, max))
        }
        "list" => toml::Value::Array(vec![toml::Value::String("Testirivi".into())]),
        "datetime" if field["time_format"] == Value::Bool(false) => {
            let day = if name == "next_meeting" { "2026-12-15" } else { "2026-11-01" };
            toml::Value::Datetime(day.parse().unwrap())
        }
        // What the editor writes for a local date and time (checked in the browser test).
        "datetime" => {
            let time = if name == "end" { "12:00" } else { "10:00" };
            toml::Value::Datetime(format!("2026-12-01T{time}:00.000").parse().unwrap())
        }
        "image" => toml::Value::String(format!("{}/cms-testi.png", str_of(field, "public_folder"))),
        "string" => toml::Value::String(match field["pattern"][0].as_str() {
            Some(p) if p.contains('@') => "info@testi.example".into(),
            Some(p) if p.starts_with("^https?") => "https://testi.example/".into(),
            Some(p) if p.starts_with("^[0-9]{7}") => "1234567-1".into(),
            Some(p) if p.starts_with("^\\+?") => "+358 40 123 4567".into(),
            Some("^[0-9]{5}$") => "42700".into(),
            Some(p) => panic!("{collection}.{name}: no test value for the pattern {p}"),
            None => format!("Testi {name}"),
        }),
        other => panic!("{collection}.{name}: no test value for the widget {other}"),
    }
}

/// The entry's file as the editor writes it: the fields in the configuration's order,
/// tables (`[address]`) after the plain keys, the body after the front matter.
fn entry(collection: &Value, skip: Option<&str>) -> String {
    let cname = str_of(collection, "name");
    let mut plain = String::new();
    let mut tables = String::new();
    for f in collection["fields"].as_sequence().unwrap() {
        let name = str_of(f, "name");
        if name == "body" || Some(name) == skip {
            continue;
        }
        if str_of(f, "widget") == "object" {
            tables.push_str(&format!("\n[{name}]\n"));
            for inner in f["fields"].as_sequence().unwrap() {
                tables.push_str(&format!("{} = {}\n", str_of(inner, "name"), value_for(inner, cname)));
            }
        } else {
            plain.push_str(&format!("{name} = {}\n", value_for(f, cname)));
        }
    }
    format!("+++\n{plain}{tables}+++\n\nTeksti, jonka muokkain kirjoitti.\n")
}

/// Where a new entry of the collection goes.
fn entry_path(root: &Path, collection: &Value) -> PathBuf {
    let folder = root.join(str_of(collection, "folder"));
    let template = str_of(&collection["slug"], "template");
    let stem = if template.contains("fields.start") {
        "2026-12-01-cms-testi"
    } else if template.contains("fields.date") {
        "2026-11-01-cms-testi"
    } else {
        "cms-testi"
    };
    match collection["path"].as_str() {
        Some(p) => folder.join(format!("{}.md", p.replace("{{slug}}", stem))),
        None => folder.join(format!("{stem}.md")),
    }
}

#[test]
fn an_entry_of_every_collection_as_the_editor_writes_it_passes_check() {
    let (dir, config) = fixture_with_editor();
    let collections = config["collections"].as_sequence().unwrap();
    let names: Vec<&str> = collections.iter().map(|c| str_of(c, "name")).collect();
    assert_eq!(
        names,
        [
            "organisations",
            "networks",
            "tables",
            "notes-hyvinvointialueen-jarjestopoyta",
            "notes-maakunnan-kumppanuuspoyta",
            "events",
            "pages"
        ]
    );
    std::fs::create_dir_all(dir.path().join("static/logos")).unwrap();
    std::fs::write(dir.path().join("static/logos/cms-testi.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    for c in collections {
        assert_eq!(str_of(c, "format"), "toml-frontmatter");
        assert_eq!(str_of(c, "extension"), "md");
        let path = entry_path(dir.path(), c);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        assert!(!path.exists(), "{} exists already", path.display());
        std::fs::write(&path, entry(c, None)).unwrap();
    }
    let r = run(&["check", "--root", dir.path().to_str().unwrap(), "--format", "json"]);
    let errors: Vec<&str> = r.stdout.lines().filter(|l| l.contains("\"severity\":\"error\"")).collect();
    assert!(errors.is_empty() && r.code == 0, "{errors:#?}");
    // And the site builds with them, each entry with its page.
    let r = run(&["build", "--root", dir.path().to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for page in [
        "jarjestot/cms-testi/index.html",
        "verkostot/cms-testi/index.html",
        "tapahtumat/2026-12-01-cms-testi/index.html",
    ] {
        assert!(dir.path().join("public").join(page).is_file(), "{page}");
    }
}

#[test]
fn the_required_fields_of_the_editor_are_those_areena_requires() {
    let (dir, config) = fixture_with_editor();
    let mut required_seen = 0;
    for c in config["collections"].as_sequence().unwrap() {
        let path = entry_path(dir.path(), c);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        for f in c["fields"].as_sequence().unwrap() {
            if f["required"].as_bool() != Some(true) {
                continue;
            }
            required_seen += 1;
            let name = str_of(f, "name");
            std::fs::write(&path, entry(c, Some(name))).unwrap();
            let r = run(&["check", "--root", dir.path().to_str().unwrap(), "--format", "json"]);
            assert_eq!(r.code, 1, "{}: an entry without `{name}` is refused", str_of(c, "name"));
            assert!(
                r.stdout.contains(&format!("`{name}`")),
                "{}: the report names `{name}`: {}",
                str_of(c, "name"),
                r.stdout
            );
        }
        std::fs::remove_file(&path).unwrap();
    }
    // name or title in each kind, themes of organisations, date of notes, start of events.
    assert_eq!(required_seen, 7 + 1 + 2 + 1);
}

#[test]
fn the_vendored_editor_is_the_pinned_npm_package() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lock: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("package-lock.json")).unwrap()).unwrap();
    let pinned =
        lock["packages"]["node_modules/@sveltia/cms"]["version"].as_str().expect("@sveltia/cms in package-lock.json");
    assert_eq!(areena::render::cms::VERSION.trim(), pinned, "vendor/sveltia-cms/VERSION");
    let package = root.join("node_modules/@sveltia/cms");
    if !package.join("package.json").is_file() {
        eprintln!("node_modules/@sveltia/cms is not installed (npm ci): the vendored copy is not compared");
        return;
    }
    let installed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(package.join("package.json")).unwrap()).unwrap();
    assert_eq!(installed["version"].as_str(), Some(pinned), "node_modules holds the pinned version (npm ci)");
    assert!(
        std::fs::read(package.join("dist/sveltia-cms.js")).unwrap() == areena::render::cms::SCRIPT,
        "vendor/sveltia-cms/sveltia-cms.js differs from the npm package: copy it again (README: updating the web editor)"
    );
    assert_eq!(std::fs::read(package.join("LICENSE.txt")).unwrap(), areena::render::cms::LICENCE);
    // The fonts: the script still names each one's address (else a new version of the
    // editor asks for fonts the build does not replace), and each vendored font is the
    // file of the npm package pinned in package-lock.json at the version in that address.
    let script = std::str::from_utf8(areena::render::cms::SCRIPT).unwrap();
    let left: Vec<&str> = script.match_indices("https://cdn.jsdelivr.net/").map(|(i, _)| &script[i..i + 90]).collect();
    assert_eq!(left.len(), areena::render::cms::FONTS.len(), "the script asks for other CDN files: {left:#?}");
    for font in &areena::render::cms::FONTS {
        assert!(script.contains(font.cdn_url), "the script no longer names {}", font.cdn_url);
        let lock_version = lock["packages"][format!("node_modules/{}", font.package)]["version"].as_str();
        let url_version = font.cdn_url.split('@').nth(1).and_then(|v| v.split('/').next());
        assert_eq!(lock_version, url_version, "{} pinned at the version the script asks for", font.package);
        let dir = root.join("node_modules").join(font.package);
        assert!(
            std::fs::read(dir.join("files").join(font.file)).unwrap() == font.bytes,
            "vendor/sveltia-cms/fonts/{}",
            font.file
        );
        assert_eq!(std::fs::read(dir.join("LICENSE")).unwrap(), font.licence, "{}", font.licence_file);
    }
}

#[test]
fn a_free_page_cannot_take_the_editor_s_address() {
    let s = small_site();
    s.write("content/pages/admin.md", "+++\ntitle = \"Ylläpito\"\n+++\nTeksti.\n");
    assert_eq!(s.check_json().code, 0, "without the editor, admin is a free name");
    s.write("site.toml", &format!("{SITE}{EDITING}"));
    let diags = s.check_json().diagnostics();
    assert!(diags.iter().any(|d| d.code == "reserved-slug" && d.file == "content/pages/admin.md"), "{diags:#?}");
}

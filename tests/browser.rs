//! Browser tests: build the fixture site (`tests/fixtures/site`) and the hostile
//! corpus and open them in headless chromium (Debian's `chromium`, driven by
//! playwright-core from npm; see tests/browser/). They need chromium, Java and the
//! npm packages, so plain `cargo test` skips them; `./test` installs what is missing
//! and runs them.

use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;

#[test]
#[ignore = "needs chromium, Java and the npm packages: run ./test"]
fn the_fixture_site_in_a_real_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = root.join("tests/fixtures/site");
    let lock_newer = || {
        let m = |p: &str| std::fs::metadata(root.join(p)).and_then(|m| m.modified()).ok();
        m("node_modules/.package-lock.json")
            .is_none_or(|installed| m("package-lock.json").is_some_and(|l| l > installed))
    };
    if !root.join("node_modules/playwright-core").is_dir() || lock_newer() {
        let st = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(root)
            .status()
            .expect("npm (Node.js) is needed for the browser tests");
        assert!(st.success(), "npm ci failed");
    }
    let out = tempfile::tempdir().unwrap();
    let manifest = tempfile::NamedTempFile::new().unwrap();
    build(&site, out.path(), &[OsStr::new("--manifest"), manifest.path().as_os_str()]);
    // The hostile corpus: content that tries to inject script everywhere.
    let hostile = tempfile::tempdir().unwrap();
    build(&root.join("tests/fixtures/hostile"), hostile.path(), &[]);
    // The same with raw HTML allowed: kept, but sanitised.
    let unsafe_site = tempfile::tempdir().unwrap();
    copy_tree(&root.join("tests/fixtures/hostile"), unsafe_site.path());
    let toml = std::fs::read_to_string(unsafe_site.path().join("site.toml")).unwrap();
    std::fs::write(unsafe_site.path().join("site.toml"), format!("{toml}\n[build]\nunsafe_html = true\n")).unwrap();
    let hostile_unsafe = tempfile::tempdir().unwrap();
    build(unsafe_site.path(), hostile_unsafe.path(), &[]);
    // The fixture site with the web editor, which saves into the browser's own storage.
    let cms_site = tempfile::tempdir().unwrap();
    copy_tree(&site, cms_site.path());
    let toml = std::fs::read_to_string(cms_site.path().join("site.toml")).unwrap();
    let editing = "[editing]\ncms = true\nbackend = \"test-repo\"\n";
    std::fs::write(cms_site.path().join("site.toml"), format!("{toml}\n{editing}")).unwrap();
    let cms = tempfile::tempdir().unwrap();
    build(cms_site.path(), cms.path(), &[]);
    // The test files, named one by one (what `node --test DIR` runs differs between
    // Node versions).
    let mut suites: Vec<String> = std::fs::read_dir(root.join("tests/browser"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".test.mjs"))
        .map(|n| format!("tests/browser/{n}"))
        .collect();
    suites.sort();
    assert!(suites.len() >= 6, "the browser suites are found: {suites:?}");
    let hostile_dir = hostile.path().to_str().unwrap();
    let hostile_unsafe_dir = hostile_unsafe.path().to_str().unwrap();
    let suites: Vec<&str> = suites.iter().map(String::as_str).collect();
    node(
        root,
        &suites,
        &[
            ("AREENA_SITE_DIR", out.path().to_str().unwrap()),
            ("AREENA_MANIFEST", manifest.path().to_str().unwrap()),
            ("AREENA_BIN", env!("CARGO_BIN_EXE_areena")),
            ("AREENA_FIXTURE", site.to_str().unwrap()),
            ("AREENA_HOSTILE_DIR", hostile_dir),
            ("AREENA_HOSTILE_UNSAFE_DIR", hostile_unsafe_dir),
            ("AREENA_CMS_DIR", cms.path().to_str().unwrap()),
            ("AREENA_PREFIX", "/jarjestot/"),
            ("AREENA_SCREENSHOTS", root.join("target/screenshots").to_str().unwrap()),
        ],
    );

    search_over_parts(root, &site);
    for lang in ["sv", "en"] {
        other_language(root, lang);
    }
}

/// Run node's test runner over `suites` with `env`; fails unless every suite passed
/// and at least as many tests passed as the files call `test(` (a file that registers
/// fewer tests or none, or a test skipped, would otherwise go unnoticed).
fn node(root: &Path, suites: &[&str], env: &[(&str, &str)]) -> String {
    let expected: usize = suites
        .iter()
        .map(|s| {
            let text = std::fs::read_to_string(root.join(s)).unwrap();
            // Calls of `test(`, not methods such as a regular expression's `.test(`.
            text.match_indices("test(")
                .filter(|&(i, _)| {
                    text[..i].chars().next_back().is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '.'))
                })
                .count()
        })
        .sum();
    let output = Command::new("node")
        .args(["--test", "--test-reporter=spec"])
        .args(suites)
        .current_dir(root)
        .envs(env.iter().copied())
        .output()
        .expect("node");
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    println!("{text}");
    assert!(output.status.success(), "browser tests failed:\n{text}");
    let count = |what: &str| -> usize {
        text.lines()
            .filter_map(|l| l.trim_start().strip_prefix(&format!("ℹ {what} ")))
            .map(|n| n.trim().parse::<usize>().unwrap())
            .sum()
    };
    assert!(expected > 0, "no test( call in {suites:?}");
    assert!(
        count("pass") >= expected && count("tests") >= expected,
        "{suites:?}: {} of at least {expected} tests passed",
        count("pass")
    );
    assert_eq!(
        (count("skipped"), count("todo"), count("cancelled")),
        (0, 0, 0),
        "{suites:?}: tests skipped or cancelled"
    );
    // A file that registers no test at all is reported as one test of its own name.
    let files: Vec<&str> = text.lines().filter(|l| l.contains(".test.mjs (")).collect();
    assert!(files.is_empty(), "a file ran no test: {files:?}");
    text
}

/// The gates over a site in another language: the Swedish or English fixture site
/// (valid HTML, WCAG 2.1 AA) and the hostile corpus in that language.
fn other_language(root: &Path, lang: &str) {
    let site = root.join(format!("tests/fixtures/site-{lang}"));
    let out = tempfile::tempdir().unwrap();
    let manifest = out.path().join("pages.json");
    let built = out.path().join("site");
    build(&site, &built, &[OsStr::new("--manifest"), manifest.as_os_str()]);
    // The hostile corpus in this language (its paths kept, which the hostile suite opens).
    let hostile = tempfile::tempdir().unwrap();
    copy_tree(&root.join("tests/fixtures/hostile"), hostile.path());
    let toml = std::fs::read_to_string(hostile.path().join("site.toml")).unwrap();
    let toml = toml.replace("language = \"fi\"", &format!("language = \"{lang}\""));
    let paths = "[paths]\norganisations = \"jarjestot\"\nsearch = \"haku\"\n";
    std::fs::write(hostile.path().join("site.toml"), format!("{toml}\n{paths}")).unwrap();
    build(hostile.path(), &out.path().join("hostile"), &[]);
    let prefix = if lang == "sv" { "/foreningar/" } else { "/" };
    // One width each (Swedish at a phone's, English at a desktop's), and the corpus
    // without `unsafe_html` (sanitising does not depend on the language): the two
    // languages add about two minutes to the run.
    let width = if lang == "sv" { "360" } else { "1280" };
    node(
        root,
        &["tests/browser/html.test.mjs", "tests/browser/a11y.test.mjs", "tests/browser/hostile.test.mjs"],
        &[
            ("AREENA_SITE_DIR", built.to_str().unwrap()),
            ("AREENA_MANIFEST", manifest.to_str().unwrap()),
            ("AREENA_MIN_PAGES", "20"),
            ("AREENA_PREFIX", prefix),
            ("AREENA_HOSTILE_DIR", out.path().join("hostile").to_str().unwrap()),
            ("AREENA_HOSTILE_UNSAFE_DIR", "none"),
            ("AREENA_A11Y_WIDTHS", width),
        ],
    );
}

fn build(site: &Path, output: &Path, extra: &[&OsStr]) {
    let st = Command::new(env!("CARGO_BIN_EXE_areena"))
        .args([OsStr::new("build"), OsStr::new("--root"), site.as_os_str(), OsStr::new("--output"), output.as_os_str()])
        .args(extra)
        .env("AREENA_TODAY", "2026-11-23")
        .status()
        .unwrap();
    assert!(st.success(), "{} builds", site.display());
}

fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// The search tests over an index made of several parts (as a large directory's is),
/// merged in the browser.
fn search_over_parts(root: &Path, site: &Path) {
    let parts = tempfile::tempdir().unwrap();
    let st = Command::new(env!("CARGO_BIN_EXE_areena"))
        .args(["build", "--root", site.to_str().unwrap(), "--output", parts.path().to_str().unwrap()])
        .env("AREENA_TODAY", "2026-11-23")
        .env("AREENA_SEARCH_PARTS", "3")
        .status()
        .unwrap();
    assert!(st.success(), "the fixture site builds with its index in 3 parts");
    assert!(parts.path().join("pagefind/part-2/pagefind-entry.json").is_file(), "the index is in 3 parts");
    node(
        root,
        &["tests/browser/search.test.mjs"],
        &[("AREENA_SITE_DIR", parts.path().to_str().unwrap()), ("AREENA_PREFIX", "/jarjestot/")],
    );
}

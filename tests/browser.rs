//! Browser tests: build the fixture site (`tests/fixtures/site`) and the hostile
//! corpus and open them in headless chromium (Debian's `chromium`, driven by
//! playwright-core from npm; see tests/browser/). They need chromium, Java and the
//! npm packages, so plain `cargo test` skips them; `./test` installs what is missing
//! and runs them.

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
    let st = Command::new(env!("CARGO_BIN_EXE_areena"))
        .args(["build", "--root", site.to_str().unwrap(), "--output", out.path().to_str().unwrap()])
        .arg("--manifest")
        .arg(manifest.path())
        .env("AREENA_TODAY", "2026-11-23")
        .status()
        .unwrap();
    assert!(st.success(), "the fixture site builds");
    // The hostile corpus: content that tries to inject script everywhere.
    let hostile = tempfile::tempdir().unwrap();
    let st = Command::new(env!("CARGO_BIN_EXE_areena"))
        .args(["build", "--root", root.join("tests/fixtures/hostile").to_str().unwrap()])
        .args(["--output", hostile.path().to_str().unwrap()])
        .env("AREENA_TODAY", "2026-11-23")
        .status()
        .unwrap();
    assert!(st.success(), "the hostile corpus builds");
    // The same with raw HTML allowed: kept, but sanitised.
    let hostile_unsafe = tempfile::tempdir().unwrap();
    build_with(&root.join("tests/fixtures/hostile"), "[build]\nunsafe_html = true\n", hostile_unsafe.path());
    // The fixture site with the web editor, which saves into the browser's own storage.
    let cms = tempfile::tempdir().unwrap();
    build_with(&site, "[editing]\ncms = true\nbackend = \"test-repo\"\n", cms.path());
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
    let output = Command::new("node")
        .args(["--test", "--test-reporter=spec"])
        .args(&suites)
        .current_dir(root)
        .env("AREENA_SITE_DIR", out.path())
        .env("AREENA_MANIFEST", manifest.path())
        .env("AREENA_BIN", env!("CARGO_BIN_EXE_areena"))
        .env("AREENA_FIXTURE", &site)
        .env("AREENA_HOSTILE_DIR", hostile.path())
        .env("AREENA_HOSTILE_UNSAFE_DIR", hostile_unsafe.path())
        .env("AREENA_CMS_DIR", cms.path())
        .env("AREENA_PREFIX", "/jarjestot/")
        .env("AREENA_SCREENSHOTS", root.join("target/screenshots"))
        .output()
        .expect("node");
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    println!("{text}");
    assert!(output.status.success(), "browser tests failed:\n{text}");

    search_over_parts(root, &site);
}

/// Build a copy of the site at `from`, with `settings` added to its site.toml, into `out`.
fn build_with(from: &Path, settings: &str, out: &Path) {
    let copy = tempfile::tempdir().unwrap();
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(from).unwrap();
        let to = copy.path().join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
    let toml = std::fs::read_to_string(copy.path().join("site.toml")).unwrap();
    std::fs::write(copy.path().join("site.toml"), format!("{toml}\n{settings}")).unwrap();
    let st = Command::new(env!("CARGO_BIN_EXE_areena"))
        .args(["build", "--root", copy.path().to_str().unwrap()])
        .args(["--output", out.to_str().unwrap()])
        .env("AREENA_TODAY", "2026-11-23")
        .status()
        .unwrap();
    assert!(st.success(), "{} builds with {settings}", from.display());
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
    let output = Command::new("node")
        .args(["--test", "--test-reporter=spec", "tests/browser/search.test.mjs"])
        .current_dir(root)
        .env("AREENA_SITE_DIR", parts.path())
        .env("AREENA_PREFIX", "/jarjestot/")
        .output()
        .expect("node");
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    println!("{text}");
    assert!(output.status.success(), "browser search tests over a 3-part index failed:\n{text}");
}

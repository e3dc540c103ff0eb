//! Browser tests: build the example site and open it in headless chromium
//! (Debian's `chromium`, driven by playwright-core from npm; see tests/browser/).

use std::path::Path;
use std::process::Command;

#[test]
fn the_example_site_in_a_real_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !root.join("node_modules/playwright-core").is_dir() {
        let st = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(root)
            .status()
            .expect("npm (Node.js) is needed for the browser tests");
        assert!(st.success(), "npm ci failed");
    }
    let out = tempfile::tempdir().unwrap();
    let st = Command::new(env!("CARGO_BIN_EXE_areena"))
        .args(["build", "--root", root.to_str().unwrap(), "--output", out.path().to_str().unwrap()])
        .env("AREENA_TODAY", "2026-11-23")
        .status()
        .unwrap();
    assert!(st.success(), "the example site builds");
    // The hostile corpus: content that tries to inject script everywhere.
    let hostile = tempfile::tempdir().unwrap();
    let st = Command::new(env!("CARGO_BIN_EXE_areena"))
        .args(["build", "--root", root.join("tests/fixtures/hostile").to_str().unwrap()])
        .args(["--output", hostile.path().to_str().unwrap()])
        .env("AREENA_TODAY", "2026-11-23")
        .status()
        .unwrap();
    assert!(st.success(), "the hostile corpus builds");
    let output = Command::new("node")
        .args(["--test", "--test-reporter=spec", "tests/browser/"])
        .current_dir(root)
        .env("AREENA_SITE_DIR", out.path())
        .env("AREENA_HOSTILE_DIR", hostile.path())
        .env("AREENA_PREFIX", "/jarjestot/")
        .env("AREENA_SCREENSHOTS", root.join("target/screenshots"))
        .output()
        .expect("node");
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    println!("{text}");
    assert!(output.status.success(), "browser tests failed:\n{text}");
}

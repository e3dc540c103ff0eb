//! Tiny fixture sites and a runner for the `areena` binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

pub(crate) const SITE: &str = r#"title = "Testihakemisto"
base_url = "https://example.org/"
language = "fi"
region = "Keski-Suomi"
accessibility = { feedback_email = "saavutettavuus@testiyhdistys.example", assessed = 2026-01-15 }

[build]
stale_after_months = 18
"#;

/// [`SITE`] without its `accessibility = { ... }` line.
pub(crate) fn site_without_statement() -> String {
    SITE.lines().filter(|l| !l.starts_with("accessibility =")).map(|l| format!("{l}\n")).collect()
}

pub(crate) const THEMES: &str = r#"[[theme]]
id = "omaishoito"
name = "Omaishoito"

[[theme]]
id = "ikaihmiset"
name = "Ikäihmiset"
"#;

pub(crate) const ORG: &str = r#"+++
name = "Keuruun Testiyhdistys ry"
themes = ["omaishoito"]
municipalities = ["Keuruu"]
+++
Kuvaus.
"#;

pub(crate) const NETWORK: &str = r#"+++
name = "Testiverkosto"
kind = "theme-group"
members = ["keuruun-testiyhdistys"]
+++
"#;

/// A site in a temporary folder, removed when dropped.
pub(crate) struct Site {
    pub(crate) dir: tempfile::TempDir,
}

impl Site {
    /// The base site: site.toml, themes.toml, one organisation and one network.
    pub(crate) fn new() -> Site {
        let s = Site { dir: tempfile::tempdir().expect("temp dir") };
        s.write("site.toml", SITE);
        s.write("content/themes.toml", THEMES);
        s.write("content/organisations/keuruun-testiyhdistys.md", ORG);
        s.write("content/networks/testiverkosto.md", NETWORK);
        s
    }

    pub(crate) fn root(&self) -> &Path {
        self.dir.path()
    }

    pub(crate) fn write(&self, rel: &str, text: &str) -> &Self {
        self.write_bytes(rel, text.as_bytes())
    }

    pub(crate) fn write_bytes(&self, rel: &str, bytes: &[u8]) -> &Self {
        let p = self.dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
        self
    }

    pub(crate) fn remove(&self, rel: &str) -> &Self {
        std::fs::remove_file(self.dir.path().join(rel)).unwrap();
        self
    }

    pub(crate) fn read(&self, rel: &str) -> String {
        String::from_utf8_lossy(&std::fs::read(self.dir.path().join(rel)).unwrap()).into_owned()
    }

    /// `areena check --format json` on this site.
    pub(crate) fn check_json(&self) -> Run {
        run(&["check", "--format", "json", "--root", self.root().to_str().unwrap()])
    }

    /// `areena check` (human output) on this site.
    pub(crate) fn check_human(&self) -> Run {
        run(&["check", "--root", self.root().to_str().unwrap()])
    }
}

pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Run {
    /// The JSON diagnostics; panics when a stdout line is not a diagnostic.
    pub(crate) fn diagnostics(&self) -> Vec<Diag> {
        self.stdout
            .lines()
            .map(|l| {
                let v: Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l:?}: {e}"));
                let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
                let mut sorted = keys.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, ["code", "column", "file", "help", "line", "message", "severity"], "{l}");
                Diag {
                    file: v["file"].as_str().unwrap().into(),
                    line: v["line"].as_u64().unwrap() as usize,
                    column: v["column"].as_u64().unwrap() as usize,
                    severity: v["severity"].as_str().unwrap().into(),
                    code: v["code"].as_str().unwrap().into(),
                    message: v["message"].as_str().unwrap().into(),
                    help: v["help"].as_str().map(String::from),
                }
            })
            .collect()
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Diag {
    pub(crate) file: String,
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) severity: String,
    pub(crate) code: String,
    pub(crate) message: String,
    pub(crate) help: Option<String>,
}

/// A fixture site under `tests/fixtures/` (the tests never use the example site at
/// the repository root, which a region's fork replaces).
pub(crate) fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

pub(crate) fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_areena"))
}

/// The commands that report problems in a language (`--lang`).
const WITH_LANG: &[&str] = &["check", "build", "serve", "new"];

/// Run `areena` with `args`. The tests' sites are Finnish but most tests read the
/// English reports: `--lang en` is added unless the arguments choose a language (or
/// [`run_as_site`] is used).
pub(crate) fn run(args: &[&str]) -> Run {
    let mut all: Vec<&str> = args.to_vec();
    if args.first().is_some_and(|c| WITH_LANG.contains(c)) && !args.contains(&"--lang") {
        all.insert(1, "--lang");
        all.insert(2, "en");
    }
    run_as_site(&all)
}

/// Run `areena` with exactly `args`: problems in the site's language unless `--lang` says.
pub(crate) fn run_as_site(args: &[&str]) -> Run {
    let out = Command::new(bin())
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

/// 1-based line and column (in characters) of the first occurrence of `needle`.
pub(crate) fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, col)
}

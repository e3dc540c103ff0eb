//! `areena check` on tiny broken sites: each mistake an editor can make is reported
//! with its code, at the right file, line and column, with the fix.

mod cases;
mod events;
mod external;
mod fuzz;
mod lang;
mod many;
mod new;
mod panics;
mod props;
mod robust;
mod snapshots;

use crate::support::{Diag, Site, position_of};

/// An organisation file with this front matter.
pub(crate) fn org(front: &str) -> String {
    format!("+++\n{front}+++\nKuvaus.\n")
}

/// Assert that `check` reports `code` in `file` at the first `at` in that file (or at
/// 1:1 for a problem with the whole file), with a help containing `help`.
pub(crate) fn expect(site: &Site, code: &str, file: &str, at: Option<&str>, help: &str) -> Diag {
    let run = site.check_json();
    let diags = run.diagnostics();
    let d = diags
        .iter()
        .find(|d| d.code == code && d.file == file)
        .unwrap_or_else(|| panic!("no {code} in {file}; got {diags:#?}\nstderr: {}", run.stderr))
        .clone();
    let want = match at {
        Some(needle) => position_of(&site.read(file), needle),
        None => (1, 1),
    };
    assert_eq!((d.line, d.column), want, "position of {code} in {file}: {d:#?}");
    let h = d.help.clone().unwrap_or_default();
    assert!(h.contains(help), "help of {code} is {h:?}, expected it to contain {help:?}");
    let expected_exit = if diags.iter().any(|d| d.severity == "error") { 1 } else { 0 };
    assert_eq!(run.code, expected_exit, "exit code");
    if d.severity == "warning" {
        assert!(!diags.iter().any(|x| x.severity == "error"), "a warning case must have no errors: {diags:#?}");
    }
    d
}

#[test]
fn the_base_fixture_is_clean() {
    let site = Site::new();
    let run = site.check_json();
    assert_eq!(run.stdout, "", "{}", run.stderr);
    assert_eq!(run.code, 0);
    let human = site.check_human();
    assert!(human.stderr.contains("no problems found"), "{}", human.stderr);
}

#[test]
fn the_fixture_site_has_no_errors() {
    let root = crate::support::fixture("site");
    let run = crate::support::run(&["check", "--format", "json", "--root", root.to_str().unwrap()]);
    let errors: Vec<Diag> = run.diagnostics().into_iter().filter(|d| d.severity == "error").collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(run.code, 0);
}

#[test]
fn exit_codes_for_usage_and_io() {
    let empty = tempfile::tempdir().unwrap();
    let run = crate::support::run(&["check", "--root", empty.path().to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("has no site.toml"), "{}", run.stderr);
    let run = crate::support::run(&["check", "--no-such-flag"]);
    assert_eq!(run.code, 2);
    let run = crate::support::run(&["check", "--format", "xml"]);
    assert_eq!(run.code, 2);
    let run = crate::support::run(&["--version"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with("areena "), "{}", run.stdout);
    let run = crate::support::run(&["check", "--help"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("--format"));
}

#[test]
fn json_output_is_only_json_lines_and_human_output_goes_to_stderr() {
    let site = Site::new();
    site.write("content/organisations/a.md", &org("name = \"A\"\nthemes = [\"x\"]\n"));
    let run = site.check_json();
    assert_eq!(run.code, 1);
    assert!(run.diagnostics().len() >= 2);
    let human = site.check_human();
    assert_eq!(human.stdout, "");
    assert!(human.stderr.contains("content/organisations/a.md:3:11"), "{}", human.stderr);
}

#[test]
fn drafts_are_checked_only_when_asked_for() {
    let site = Site::new();
    site.write(
        "content/organisations/luonnos.md",
        &org("name = \"L\"\ndraft = true\nthemes = [\"eiole\"]\nnationwide = true\n"),
    );
    assert_eq!(site.check_json().code, 0);
    let run = crate::support::run(&["check", "--drafts", "--format", "json", "--root", site.root().to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.diagnostics().iter().any(|d| d.code == "unknown-theme"));
}

#[test]
fn every_code_is_documented() {
    // In English, Finnish and Swedish, each page linking to the other two.
    for (page, others) in [
        ("errors.md", ["errors.fi.md", "errors.sv.md"]),
        ("errors.fi.md", ["errors.md", "errors.sv.md"]),
        ("errors.sv.md", ["errors.md", "errors.fi.md"]),
    ] {
        let path = format!("{}/docs/{page}", env!("CARGO_MANIFEST_DIR"));
        let doc = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let missing: Vec<&str> = areena::diagnostics::Code::ALL
            .iter()
            .map(|c| c.as_str())
            .filter(|c| !doc.contains(&format!("## `{c}`")))
            .collect();
        assert!(missing.is_empty(), "codes without a section in docs/{page}: {missing:?}");
        for other in others {
            assert!(doc.contains(&format!("({other})")), "docs/{page} links to {other}");
        }
    }
}

#[test]
fn github_format_puts_each_problem_on_its_line() {
    let s = Site::new();
    s.write(
        "content/organisations/x.md",
        "+++\nname = \"X, ry: 100%\"\nthemes = [\"eiole\"]\nmunicipalities = [\"Keuruu\"]\n+++\n",
    );
    let r = crate::support::run(&["check", "--format", "github", "--root", s.root().to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let line = r.stdout.lines().find(|l| l.contains("unknown-theme")).expect(&r.stdout);
    assert!(
        line.starts_with(
            "::error file=content/organisations/x.md,line=3,col=11,title=unknown-theme::there is no theme `eiole`"
        ),
        "{line}"
    );
    assert!(line.contains("%0Ahelp: "), "the help on its own line: {line}");
    assert!(r.stdout.lines().last().unwrap().starts_with("::notice title=areena::1 error"), "{}", r.stdout);
    assert!(r.stdout.lines().all(|l| l.starts_with("::")), "only workflow commands: {}", r.stdout);
}

#[cfg(unix)]
#[test]
fn the_pre_commit_hook_checks_the_staged_files() {
    let s = Site::new();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(s.root())
            .env("GIT_AUTHOR_NAME", "Testi")
            .env("GIT_AUTHOR_EMAIL", "testi@example.org")
            .env("GIT_COMMITTER_NAME", "Testi")
            .env("GIT_COMMITTER_EMAIL", "testi@example.org")
            .output()
            .expect("git");
        (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    assert!(git(&["init", "-q"]).0);
    let hook = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("hooks/pre-commit");
    std::fs::copy(&hook, s.root().join(".git/hooks/pre-commit")).unwrap();
    // The hook finds areena through $AREENA.
    let bin = crate::support::bin();
    let run_hook = || {
        let out = std::process::Command::new(s.root().join(".git/hooks/pre-commit"))
            .current_dir(s.root())
            .env("AREENA", &bin)
            .output()
            .unwrap();
        (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    assert!(git(&["add", "-A"]).0);
    let (ok, err) = run_hook();
    assert!(ok, "a clean site passes: {err}");
    // A broken file staged: refused, with the problem at its line.
    s.write("content/organisations/rikki.md", "+++\nname = \"R\"\nthemes = [\"eiole\"]\nnationwide = true\n+++\n");
    assert!(git(&["add", "-A"]).0);
    let (ok, err) = run_hook();
    assert!(!ok);
    assert!(err.contains("content/organisations/rikki.md:3:11") && err.contains("unknown-theme"), "{err}");
    // Fixed in the folder but not staged: still refused (the staged file counts).
    s.write("content/organisations/rikki.md", "+++\nname = \"R\"\nthemes = [\"omaishoito\"]\nnationwide = true\n+++\n");
    assert!(!run_hook().0);
    assert!(git(&["add", "-A"]).0);
    assert!(run_hook().0);
}

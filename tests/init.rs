//! `areena init`: a new site for a region checks and builds at once, and the
//! publishing workflows it writes (kept in examples/workflows/) have the expected
//! structure and their areena command lines work on such a site.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_norway::Value;

const BIN: &str = env!("CARGO_BIN_EXE_areena");
const GITHUB: &str = include_str!("../examples/workflows/.github/workflows/areena.yml");
const GITLAB: &str = include_str!("../examples/workflows/.gitlab-ci.yml");

fn areena(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN).args(args).current_dir(dir).output().expect("areena runs")
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// `areena init <tmp>/site --region REGION --language LANG`; the site's folder.
fn init(tmp: &Path, region: &str, lang: &str) -> PathBuf {
    let o = areena(tmp, &["init", "site", "--region", region, "--language", lang]);
    assert!(o.status.success(), "init {region} {lang}: {}", text(&o));
    tmp.join("site")
}

#[test]
fn a_new_site_checks_and_builds_in_every_language() {
    let cases = [
        ("Pirkanmaa", "fi", "Pirkanmaan järjestöt", "Pirkanmaa", "jarjestot", "tietoa"),
        ("Österbotten", "sv", "Organisationer i Österbotten", "Österbotten", "organisationer", "om"),
        ("pohjanmaa", "sv", "Organisationer i Österbotten", "Österbotten", "organisationer", "ga-med"),
        ("Åland", "en", "Organisations in Åland", "Åland", "organisations", "about"),
        ("AHVENANMAA", "fi", "Ahvenanmaan järjestöt", "Ahvenanmaa", "jarjestot", "liity"),
        ("Nyland", "fi", "Uudenmaan järjestöt", "Uusimaa", "jarjestot", "tietoa"),
        ("lappi", "en", "Organisations in Lappi", "Lappi", "organisations", "join"),
        ("Keski-Suomi", "sv", "Organisationer i Mellersta Finland", "Mellersta Finland", "organisationer", "om"),
    ];
    for (region, lang, title, written_region, organisations, page) in cases {
        let tmp = tempfile::tempdir().unwrap();
        let site = init(tmp.path(), region, lang);
        let config: toml::Table = std::fs::read_to_string(site.join("site.toml")).unwrap().parse().unwrap();
        assert_eq!(config["title"].as_str(), Some(title));
        assert_eq!(config["language"].as_str(), Some(lang));
        assert_eq!(config["region"].as_str(), Some(written_region));
        assert!(config.contains_key("accessibility"), "{region}: [accessibility] is there to fill in");
        let themes: toml::Table = std::fs::read_to_string(site.join("content/themes.toml")).unwrap().parse().unwrap();
        assert_eq!(themes["theme"].as_array().map(Vec::len), Some(10));
        for f in ["README.md", ".gitignore", ".github/workflows/areena.yml", ".gitlab-ci.yml"] {
            assert!(site.join(f).is_file(), "{region} {lang}: {f}");
        }
        let o = areena(&site, &["check"]);
        assert!(o.status.success(), "check {region} {lang}: {}", text(&o));
        let o = areena(&site, &["build"]);
        assert!(o.status.success(), "build {region} {lang}: {}", text(&o));
        let public = site.join("public");
        assert!(public.join("index.html").is_file());
        assert!(public.join(organisations).join("index.html").is_file(), "{region} {lang}: /{organisations}/");
        assert!(public.join(page).join("index.html").is_file(), "{region} {lang}: /{page}/");
        let front = std::fs::read_to_string(public.join("index.html")).unwrap();
        assert!(front.contains(title), "{region} {lang}: the front page names the site");
        let list = std::fs::read_to_string(public.join(organisations).join("index.html")).unwrap();
        assert!(list.contains("<p class=\"empty\">"), "{region} {lang}: A–Ö says there are none yet");
    }
}

#[test]
fn init_writes_the_shipped_workflows_and_a_gitignore() {
    let tmp = tempfile::tempdir().unwrap();
    let site = init(tmp.path(), "Pirkanmaa", "fi");
    assert_eq!(std::fs::read_to_string(site.join(".github/workflows/areena.yml")).unwrap(), GITHUB);
    assert_eq!(std::fs::read_to_string(site.join(".gitlab-ci.yml")).unwrap(), GITLAB);
    let ignore = std::fs::read_to_string(site.join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "public/") && ignore.lines().any(|l| l == "target/"));
    let readme = std::fs::read_to_string(site.join("README.md")).unwrap();
    for cmd in ["areena new organisation", "areena check", "areena serve", "areena build"] {
        assert!(readme.contains(cmd), "README: {cmd}");
    }
}

#[test]
fn title_and_base_url_are_taken_as_given() {
    let tmp = tempfile::tempdir().unwrap();
    let o = areena(
        tmp.path(),
        &["init", "a/b", "--region", "Kainuu", "--title", "Kainuun \"areena\"", "--base-url", "https://x.example/k/"],
    );
    assert!(o.status.success(), "{}", text(&o));
    let site = tmp.path().join("a/b");
    let config: toml::Table = std::fs::read_to_string(site.join("site.toml")).unwrap().parse().unwrap();
    assert_eq!(config["title"].as_str(), Some("Kainuun \"areena\""));
    assert_eq!(config["base_url"].as_str(), Some("https://x.example/k/"));
    assert!(areena(&site, &["check"]).status.success());
}

#[test]
fn a_folder_with_files_is_refused_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("site")).unwrap();
    std::fs::write(tmp.path().join("site/notes.txt"), "mine").unwrap();
    let o = areena(tmp.path(), &["init", "site", "--region", "Pirkanmaa"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let left: Vec<_> = std::fs::read_dir(tmp.path().join("site")).unwrap().collect();
    assert_eq!(left.len(), 1, "only the editor's own file is there");
    // An empty folder is fine.
    std::fs::create_dir(tmp.path().join("empty")).unwrap();
    assert!(areena(tmp.path(), &["init", "empty", "--region", "Pirkanmaa"]).status.success());
}

#[test]
fn an_unknown_region_names_the_nearest_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let o = areena(tmp.path(), &["init", "site", "--region", "Pirkanma"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("`Pirkanmaa`"), "{}", text(&o));
    let o = areena(tmp.path(), &["init", "site", "--region", "Osterbotten", "--language", "en"]);
    assert!(text(&o).contains("did you mean `Pohjanmaa`"), "{}", text(&o));
    assert!(!tmp.path().join("site").exists());
}

fn get<'a>(v: &'a Value, key: &str) -> &'a Value {
    v.get(key).unwrap_or_else(|| panic!("no `{key}` in {v:?}"))
}

/// The `on:` of a GitHub workflow (a YAML 1.1 reader may take `on` for `true`).
fn triggers(doc: &Value) -> &Value {
    doc.get("on").or_else(|| doc.as_mapping().and_then(|m| m.get(Value::Bool(true)))).expect("on:")
}

/// The `run:` lines of a job's steps.
fn runs(job: &Value) -> Vec<String> {
    let steps = get(job, "steps").as_sequence().expect("steps");
    steps
        .iter()
        .filter_map(|s| s.get("run").and_then(Value::as_str))
        .flat_map(|r| r.lines().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

/// The step that `uses:` an action starting with `action`.
fn uses<'a>(job: &'a Value, action: &str) -> &'a Value {
    let steps = get(job, "steps").as_sequence().expect("steps");
    steps
        .iter()
        .find(|s| s.get("uses").and_then(Value::as_str).is_some_and(|u| u.starts_with(action)))
        .unwrap_or_else(|| panic!("no step uses {action}"))
}

#[test]
fn the_github_workflow_checks_pull_requests_and_builds_and_deploys_main_daily() {
    let doc: Value = serde_norway::from_str(GITHUB).unwrap();
    let on = triggers(&doc);
    assert!(on.get("pull_request").is_some());
    let branches = get(get(on, "push"), "branches").as_sequence().unwrap();
    assert!(branches.iter().any(|b| b.as_str() == Some("main")));
    let cron = get(&get(on, "schedule")[0], "cron").as_str().unwrap();
    assert_eq!(cron.split_whitespace().count(), 5, "a daily cron: {cron}");
    let env = get(&doc, "env");
    assert!(get(env, "AREENA_RELEASES").as_str().unwrap().contains("vars.AREENA_RELEASES"));
    assert!(get(env, "AREENA_SHA256").as_str().unwrap().contains("vars.AREENA_SHA256"));

    let jobs = get(&doc, "jobs");
    let check = get(jobs, "check");
    assert!(get(check, "if").as_str().unwrap().contains("== 'pull_request'"));
    let check_runs = runs(check);
    assert!(check_runs.iter().any(|r| r.starts_with("sha256sum -c")), "the download is checked");
    assert!(!check_runs.iter().any(|r| r.contains("cargo ")), "areena is not compiled: {check_runs:?}");
    assert!(check_runs.iter().any(|r| r == "areena check --format github"));

    let build = get(jobs, "build");
    assert!(get(build, "if").as_str().unwrap().contains("!= 'pull_request'"));
    assert_eq!(get(uses(build, "actions/configure-pages@"), "id").as_str(), Some("pages"));
    let build_runs = runs(build);
    let line = build_runs.iter().find(|r| r.starts_with("areena build")).expect("areena build");
    assert!(line.contains("--base-url \"${{ steps.pages.outputs.base_url }}/\""), "{line}");
    assert!(line.contains("--output public"));
    let upload = uses(build, "actions/upload-pages-artifact@");
    assert_eq!(get(get(upload, "with"), "path").as_str(), Some("public"));

    let deploy = get(jobs, "deploy");
    assert_eq!(get(deploy, "needs").as_str(), Some("build"));
    let perms = get(deploy, "permissions");
    assert_eq!(get(perms, "pages").as_str(), Some("write"));
    assert_eq!(get(perms, "id-token").as_str(), Some("write"));
    assert_eq!(get(get(deploy, "environment"), "name").as_str(), Some("github-pages"));
    assert_eq!(get(uses(deploy, "actions/deploy-pages@"), "id").as_str(), Some("deployment"));
}

#[test]
fn the_gitlab_pipeline_checks_merge_requests_and_publishes_public() {
    let doc: Value = serde_norway::from_str(GITLAB).unwrap();
    assert!(get(get(&doc, "variables"), "AREENA_RELEASES").as_str().is_some());
    let install = get(get(&doc, "default"), "before_script").as_sequence().unwrap();
    assert!(install.iter().filter_map(Value::as_str).any(|l| l.starts_with("sha256sum -c")));
    assert!(!install.iter().filter_map(Value::as_str).any(|l| l.contains("cargo ")), "areena is not compiled");
    let check = get(&doc, "check");
    assert!(get(check, "script").as_sequence().unwrap().iter().any(|s| s.as_str() == Some("areena check")));
    assert!(get(&get(check, "rules")[0], "if").as_str().unwrap().contains("merge_request_event"));
    let pages = get(&doc, "pages");
    let script: Vec<&str> = get(pages, "script").as_sequence().unwrap().iter().filter_map(Value::as_str).collect();
    let line = script.iter().find(|s| s.starts_with("areena build")).expect("areena build");
    assert!(line.contains("--base-url \"$CI_PAGES_URL/\"") && line.contains("--output public"), "{line}");
    let paths = get(get(pages, "artifacts"), "paths").as_sequence().unwrap();
    assert_eq!(paths.first().and_then(Value::as_str), Some("public"));
    assert!(get(&get(pages, "rules")[0], "if").as_str().unwrap().contains("$CI_DEFAULT_BRANCH"));
}

/// Run workflow command lines with `sh`, `areena` being the binary under test.
fn run_lines(site: &Path, lines: &[String], env: &[(&str, &str)]) {
    let bin = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(BIN, bin.path().join("areena")).unwrap();
    let path = format!("{}:{}", bin.path().display(), std::env::var("PATH").unwrap_or_default());
    for line in lines {
        let o = Command::new("sh")
            .args(["-c", line])
            .current_dir(site)
            .env("PATH", &path)
            .envs(env.iter().copied())
            .output()
            .unwrap();
        assert!(o.status.success(), "`{line}`: {}", text(&o));
    }
}

/// The `areena …` lines among `lines`.
fn areena_lines(lines: impl IntoIterator<Item = String>) -> Vec<String> {
    lines.into_iter().filter(|l| l.starts_with("areena ")).collect()
}

#[cfg(unix)]
#[test]
fn the_workflows_command_lines_build_a_new_site_for_their_pages_address() {
    // GitHub: the build job's lines, with the address configure-pages gives.
    let doc: Value = serde_norway::from_str(GITHUB).unwrap();
    let jobs = get(&doc, "jobs");
    let tmp = tempfile::tempdir().unwrap();
    let site = init(tmp.path(), "Pohjanmaa", "sv");
    let mut lines = areena_lines(runs(get(jobs, "check")));
    lines.extend(
        areena_lines(runs(get(jobs, "build")))
            .into_iter()
            .map(|l| l.replace("${{ steps.pages.outputs.base_url }}", "https://owner.example/katalog")),
    );
    assert_eq!(lines.len(), 3, "{lines:?}");
    run_lines(&site, &lines, &[]);
    let sitemap = std::fs::read_to_string(site.join("public/sitemap.xml")).unwrap();
    assert!(sitemap.contains("https://owner.example/katalog/organisationer/"), "{sitemap}");

    // GitLab: the pages job's script, with the address GitLab gives.
    let doc: Value = serde_norway::from_str(GITLAB).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let site = init(tmp.path(), "Pirkanmaa", "fi");
    let script = get(get(&doc, "pages"), "script").as_sequence().unwrap();
    let lines = areena_lines(script.iter().filter_map(Value::as_str).map(str::to_string));
    assert_eq!(lines.len(), 2, "{lines:?}");
    run_lines(&site, &lines, &[("CI_PAGES_URL", "https://ns.example/hakemisto")]);
    let sitemap = std::fs::read_to_string(site.join("public/sitemap.xml")).unwrap();
    assert!(sitemap.contains("https://ns.example/hakemisto/jarjestot/"), "{sitemap}");
}

/// The release archives of the binary under test, made by release/package as the
/// release workflow makes them, served over HTTP on a free local port as
/// `/v<version>/<archive>`. Returns the server's address.
fn serve_release(dir: &Path) -> String {
    let version = env!("CARGO_PKG_VERSION");
    let target = format!("{}-unknown-linux-musl", std::env::consts::ARCH);
    let out = dir.join(format!("v{version}"));
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("release/package");
    let o = Command::new("sh").arg(script).args([BIN, &target, version]).arg(&out).output().unwrap();
    assert!(o.status.success(), "release/package: {}", text(&o));
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let addr = format!("http://{}", server.server_addr().to_ip().unwrap());
    let root = dir.to_path_buf();
    std::thread::spawn(move || {
        for req in server.incoming_requests() {
            let rel = req.url().trim_start_matches('/').to_string();
            let file = (!rel.contains("..")).then(|| root.join(&rel)).filter(|p| p.is_file());
            let _ = match file {
                Some(p) => req.respond(tiny_http::Response::from_data(std::fs::read(p).unwrap())),
                None => req.respond(tiny_http::Response::empty(404)),
            };
        }
    });
    addr
}

/// The `run:` block of the step named `name` in a GitHub job.
fn step_script(job: &Value, name: &str) -> String {
    let steps = get(job, "steps").as_sequence().unwrap();
    let step = steps.iter().find(|s| s.get("name").and_then(Value::as_str) == Some(name)).expect(name);
    get(step, "run").as_str().unwrap().to_string()
}

#[test]
fn both_workflows_install_this_version_of_areena() {
    let github: Value = serde_norway::from_str(GITHUB).unwrap();
    let gitlab: Value = serde_norway::from_str(GITLAB).unwrap();
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(get(get(&github, "env"), "AREENA_VERSION").as_str(), Some(version));
    assert_eq!(get(get(&gitlab, "variables"), "AREENA_VERSION").as_str(), Some(version));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = std::fs::read_to_string(root.join("release/install.sh")).unwrap();
    assert!(script.lines().any(|l| l == format!("version=\"{version}\"")), "install.sh installs {version} by default");
    // cargo binstall's address of an archive is the one the release publishes.
    let manifest: toml::Table = std::fs::read_to_string(root.join("Cargo.toml")).unwrap().parse().unwrap();
    let package = manifest["package"].as_table().unwrap();
    let binstall = package["metadata"]["binstall"].as_table().unwrap();
    let url = binstall["pkg-url"]
        .as_str()
        .unwrap()
        .replace("{ repo }", package["repository"].as_str().unwrap())
        .replace("{ version }", version)
        .replace("{ name }", "areena")
        .replace("{ target }", "x86_64-unknown-linux-musl")
        .replace("{ archive-suffix }", ".tar.gz");
    let releases = get(get(&github, "env"), "AREENA_RELEASES").as_str().unwrap();
    let default = releases.split('\'').nth(1).expect("a default address in the workflow");
    assert_eq!(url, format!("{default}/v{version}/areena-v{version}-x86_64-unknown-linux-musl.tar.gz"));
}

#[cfg(unix)]
#[test]
fn the_workflows_install_the_released_binary_check_its_sum_and_build_with_it() {
    let releases = tempfile::tempdir().unwrap();
    let url = serve_release(releases.path());
    let version = env!("CARGO_PKG_VERSION");
    let doc: Value = serde_norway::from_str(GITHUB).unwrap();
    let build = get(get(&doc, "jobs"), "build");
    let install = step_script(build, "Install areena");
    let tmp = tempfile::tempdir().unwrap();
    let site = init(tmp.path(), "Pirkanmaa", "fi");
    let runner = tempfile::tempdir().unwrap();
    let github_path = runner.path().join("github-path");
    // GitHub runs a `run:` block with `bash -e`.
    let step = |sha: &str| {
        Command::new("bash")
            .args(["-e", "-c", &install])
            .current_dir(&site)
            .env("AREENA_VERSION", version)
            .env("AREENA_RELEASES", &url)
            .env("AREENA_SHA256", sha)
            .env("RUNNER_TEMP", runner.path())
            .env("GITHUB_PATH", &github_path)
            .output()
            .unwrap()
    };
    // A pinned checksum that is not the archive's stops the job.
    let o = step("0000000000000000000000000000000000000000000000000000000000000000");
    assert!(!o.status.success(), "a wrong pinned checksum is accepted: {}", text(&o));
    let o = step("");
    assert!(o.status.success(), "install: {}", text(&o));
    let bin_dir = std::fs::read_to_string(&github_path).unwrap().lines().last().unwrap().to_string();
    let installed = Path::new(&bin_dir).join("areena");
    assert_eq!(std::fs::read(&installed).unwrap(), std::fs::read(BIN).unwrap(), "the released binary is installed");
    assert!(!site.join(format!("areena-v{version}-{}-unknown-linux-musl.tar.gz", std::env::consts::ARCH)).exists());
    let lines: Vec<String> = areena_lines(runs(build))
        .into_iter()
        .map(|l| l.replace("${{ steps.pages.outputs.base_url }}", "https://owner.example/hakemisto"))
        .collect();
    let path = format!("{bin_dir}:{}", std::env::var("PATH").unwrap_or_default());
    for line in &lines {
        let o = Command::new("sh").args(["-c", line]).current_dir(&site).env("PATH", &path).output().unwrap();
        assert!(o.status.success(), "`{line}`: {}", text(&o));
    }
    assert!(site.join("public/index.html").is_file());

    // A tampered archive fails the checksum.
    let archive = releases
        .path()
        .join(format!("v{version}/areena-v{version}-{}-unknown-linux-musl.tar.gz", std::env::consts::ARCH));
    let mut bytes = std::fs::read(&archive).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    std::fs::write(&archive, bytes).unwrap();
    assert!(!step("").status.success(), "a tampered archive is installed");
}

#[cfg(unix)]
#[test]
fn the_gitlab_install_lines_install_the_released_binary() {
    let releases = tempfile::tempdir().unwrap();
    let url = serve_release(releases.path());
    let doc: Value = serde_norway::from_str(GITLAB).unwrap();
    let lines: Vec<&str> =
        get(get(&doc, "default"), "before_script").as_sequence().unwrap().iter().filter_map(Value::as_str).collect();
    // The image's package manager is not here; every other line runs as GitLab runs it.
    let script = lines.iter().filter(|l| !l.starts_with("apk ")).copied().collect::<Vec<_>>().join("\n");
    let tmp = tempfile::tempdir().unwrap();
    let bin = tmp.path().join("bin");
    let o = Command::new("sh")
        .args(["-e", "-c", &script])
        .current_dir(tmp.path())
        .env("AREENA_VERSION", env!("CARGO_PKG_VERSION"))
        .env("AREENA_RELEASES", &url)
        .env("AREENA_BIN", &bin)
        .output()
        .unwrap();
    assert!(o.status.success(), "{script}\n{}", text(&o));
    assert_eq!(std::fs::read(bin.join("areena")).unwrap(), std::fs::read(BIN).unwrap());
}

#[cfg(unix)]
#[test]
fn the_install_script_installs_the_release_for_this_machine() {
    let releases = tempfile::tempdir().unwrap();
    let url = serve_release(releases.path());
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("release/install.sh");
    let to = tempfile::tempdir().unwrap();
    let install = |extra: &[&str]| {
        Command::new("sh")
            .arg(&script)
            .args(["--to", to.path().to_str().unwrap()])
            .args(extra)
            .env("AREENA_RELEASES", &url)
            .output()
            .unwrap()
    };
    let o = install(&["--sha256", "0000"]);
    assert!(!o.status.success() && !to.path().join("areena").exists(), "{}", text(&o));
    let o = install(&["--version", &format!("v{}", env!("CARGO_PKG_VERSION"))]);
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(std::fs::read(to.path().join("areena")).unwrap(), std::fs::read(BIN).unwrap());
    let o = install(&["--version", "0.0.0-none"]);
    assert!(!o.status.success(), "a missing release fails: {}", text(&o));
}

#[test]
fn the_release_workflow_publishes_every_platform_as_the_installers_expect() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc: Value =
        serde_norway::from_str(&std::fs::read_to_string(root.join(".github/workflows/release.yml")).unwrap()).unwrap();
    let tags = get(get(triggers(&doc), "push"), "tags").as_sequence().unwrap();
    assert!(tags.iter().filter_map(Value::as_str).any(|t| t.starts_with('v')));
    let binaries = get(get(&doc, "jobs"), "binaries");
    let targets: Vec<&str> = get(get(get(binaries, "strategy"), "matrix"), "include")
        .as_sequence()
        .unwrap()
        .iter()
        .map(|m| get(m, "target").as_str().unwrap())
        .collect();
    for t in [
        "x86_64-unknown-linux-musl",
        "aarch64-unknown-linux-musl",
        "x86_64-apple-darwin",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(targets.contains(&t), "{t} is released: {targets:?}");
    }
    let upload = get(uses(binaries, "taiki-e/upload-rust-binary-action@"), "with");
    // The archive name and checksum file that install.sh, the workflows and binstall fetch.
    assert_eq!(get(upload, "archive").as_str(), Some("$bin-$tag-$target"));
    assert_eq!(get(upload, "checksum").as_str(), Some("sha256"));
    let profile = get(upload, "profile").as_str().unwrap();
    let manifest: toml::Table = std::fs::read_to_string(root.join("Cargo.toml")).unwrap().parse().unwrap();
    assert!(manifest["profile"].get(profile).is_some(), "the profile `{profile}` is defined in Cargo.toml");
    let include = get(upload, "include").as_str().unwrap();
    for f in include.split(',') {
        assert!(root.join(f).is_file(), "{f} is in the repository");
    }
}

/// The built-in municipalities of a region (Finnish name), from data/municipalities.tsv.
fn municipalities_of(region_fi: &str) -> Vec<String> {
    let tsv = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/municipalities.tsv")).unwrap();
    tsv.lines()
        .skip(1)
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (cols[4] == region_fi).then(|| cols[1].to_string())
        })
        .collect()
}

#[test]
fn every_municipality_of_the_region_has_a_page_that_says_how_to_get_listed() {
    for (region, lang, region_fi, segment, join) in [
        ("Pirkanmaa", "fi", "Pirkanmaa", "kunnat", "/liity/"),
        ("Österbotten", "sv", "Pohjanmaa", "kommuner", "/ga-med/"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let site = init(tmp.path(), region, lang);
        let o = areena(&site, &["build"]);
        assert!(o.status.success(), "{}", text(&o));
        let names = municipalities_of(region_fi);
        assert!(names.len() > 10, "{region}: {names:?}");
        let dir = site.join("public").join(segment);
        let pages: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path().join("index.html"))
            .filter(|p| p.is_file())
            .collect();
        assert_eq!(pages.len(), names.len(), "{region}: one page per municipality of the region");
        for page in pages {
            let html = std::fs::read_to_string(&page).unwrap();
            assert!(
                html.contains(&format!("<a href=\"{join}\">")),
                "{}: the empty page links to the page that tells how to get listed",
                page.display()
            );
            assert!(html.contains("class=\"notice\""), "{}: one empty-state notice", page.display());
        }
    }
}

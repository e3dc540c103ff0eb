//! `areena serve`: the site on loopback under its sub-path, rebuilt after an edit.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

fn get(addr: &str, path: &str) -> (u16, String) {
    get_as(addr, path, addr)
}

/// GET `path` exactly as written (no normalisation, as `curl --path-as-is`) with `host`.
fn get_as(addr: &str, path: &str, host: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    (status, text)
}

#[test]
fn serve_rebuilds_after_an_edit() {
    let s = super::small_site();
    s.write("site.toml", &crate::support::SITE.replace("https://example.org/", "https://example.org/jarjestot/"));
    let (_child, addr, rx) = serve(&s);
    let wait_for = |what: &str| wait_line(&rx, what);
    let (status, body) = get(&addr, "/jarjestot/jarjestot/zeta/");
    assert_eq!(status, 200);
    assert!(body.contains("Zeta ry"));
    assert_eq!(get(&addr, "/jarjestot/ei-ole/").0, 404);
    assert_eq!(get(&addr, "/jarjestot/../site.toml").0, 403);

    s.write(
        "content/organisations/zeta.md",
        "+++\nname = \"Zeta Uusi Nimi ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n+++\n",
    );
    wait_for("built ");
    let (_, body) = get(&addr, "/jarjestot/jarjestot/zeta/");
    assert!(body.contains("Zeta Uusi Nimi ry"), "the page was rebuilt");
}

/// A running `areena serve`, stopped when dropped (also when a test fails).
struct Serving(std::process::Child);

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `areena serve` on `s`; the child, its address and its standard error lines.
fn serve(s: &crate::support::Site) -> (Serving, String, mpsc::Receiver<String>) {
    serve_with(s, &[])
}

fn serve_with(s: &crate::support::Site, env: &[(&str, &Path)]) -> (Serving, String, mpsc::Receiver<String>) {
    let (child, addr, rx, _) = serve_args(s, &[], env);
    (child, addr, rx)
}

/// [`serve_with`] with more arguments; also the lines printed before `serving …`.
fn serve_args(
    s: &crate::support::Site,
    args: &[&str],
    env: &[(&str, &Path)],
) -> (Serving, String, mpsc::Receiver<String>, Vec<String>) {
    std::fs::create_dir_all(s.root().join("tmp")).unwrap();
    let mut child = Command::new(crate::support::bin())
        .args(["serve", "--lang", "en", "--port", "0", "--root", s.root().to_str().unwrap()])
        .args(args)
        .env("AREENA_TODAY", "2026-11-23")
        .env("TMPDIR", s.root().join("tmp"))
        .envs(env.iter().copied())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let mut before = Vec::new();
    let line = loop {
        let line = rx.recv_timeout(Duration::from_secs(30)).expect("a line with \"serving \"");
        if line.starts_with("serving ") {
            break line;
        }
        before.push(line);
    };
    let url = line.rsplit(" at ").next().unwrap().split_whitespace().next().unwrap().to_string();
    let addr = url.trim_start_matches("http://").split('/').next().unwrap().to_string();
    (Serving(child), addr, rx, before)
}

fn wait_line(rx: &mpsc::Receiver<String>, what: &str) -> String {
    loop {
        let line = rx.recv_timeout(Duration::from_secs(30)).unwrap_or_else(|_| panic!("no line with {what:?}"));
        if line.contains(what) {
            return line;
        }
    }
}

#[test]
fn serve_hands_out_the_site_and_nothing_else() {
    let s = super::small_site();
    s.write("site.toml", &crate::support::SITE.replace("https://example.org/", "https://example.org/jarjestot/"));
    let secret = s.root().join("salaisuus.txt");
    std::fs::write(&secret, "SALAINEN").unwrap();
    let secret = secret.to_str().unwrap().trim_start_matches('/').to_string();
    let (_child, addr, _rx) = serve(&s);
    assert_eq!(get(&addr, "/jarjestot/").0, 200);
    let enc = secret.replace('/', "%2f");
    for path in [
        format!("/jarjestot//{secret}"),
        format!("/jarjestot/%2f{enc}"),
        format!("/jarjestot/%2F{secret}"),
        "/jarjestot//etc/passwd".to_string(),
        "/jarjestot/%2fetc%2fpasswd".to_string(),
        "/jarjestot/%2Fetc/passwd".to_string(),
        "/jarjestot/../site.toml".to_string(),
        "/jarjestot/..%2fsite.toml".to_string(),
        "/jarjestot/%2e%2e/site.toml".to_string(),
        "/jarjestot/..%5csite.toml".to_string(),
        "/jarjestot/jarjestot/zeta/%00".to_string(),
        "/jarjestot/%ff".to_string(),
    ] {
        let (status, body) = get(&addr, &path);
        assert!(matches!(status, 400 | 403 | 404), "{path}: {status}");
        assert!(!body.contains("SALAINEN") && !body.contains("root:"), "{path} leaked a file");
    }
    // DNS rebinding: a page of another name that resolves to 127.0.0.1.
    let (status, body) = get_as(&addr, "/jarjestot/", "evil.example");
    assert_eq!(status, 421, "{body}");
    assert_eq!(get_as(&addr, "/jarjestot/", "localhost").0, 200);
    // A stylesheet comes with a tag; asked again with it, it is not sent again.
    let (status, text) = get(&addr, "/jarjestot/style.css");
    assert_eq!(status, 200);
    let tag = text
        .lines()
        .find_map(|l| l.strip_prefix("ETag: ").or_else(|| l.strip_prefix("etag: ")))
        .expect("an ETag")
        .trim()
        .to_string();
    let mut s2 = TcpStream::connect(&addr).unwrap();
    write!(
        s2,
        "GET /jarjestot/style.css HTTP/1.1\r\nHost: {addr}\r\nIf-None-Match: {tag}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut buf = String::new();
    s2.read_to_string(&mut buf).unwrap();
    assert!(buf.starts_with("HTTP/1.1 304"), "{buf}");
}

#[test]
fn one_slow_client_does_not_stall_the_others() {
    let s = super::small_site();
    s.write_bytes("static/iso.bin", &vec![7u8; 20 * 1024 * 1024]);
    let (_child, addr, _rx) = serve(&s);
    // Ask for 20 MB and never read it.
    let mut slow = TcpStream::connect(&addr).unwrap();
    write!(slow, "GET /iso.bin HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let (tx, rx) = mpsc::channel();
    let a = addr.clone();
    std::thread::spawn(move || {
        let _ = tx.send(get(&a, "/").0);
    });
    assert_eq!(rx.recv_timeout(Duration::from_secs(10)), Ok(200), "another client was answered");
    // Many requests in one connection, none of them read.
    let mut pipelined = TcpStream::connect(&addr).unwrap();
    for _ in 0..100 {
        write!(pipelined, "GET /iso.bin HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    }
    std::thread::sleep(Duration::from_millis(500));
    let (tx, rx) = mpsc::channel();
    let a = addr.clone();
    std::thread::spawn(move || {
        let _ = tx.send(get(&a, "/").0);
    });
    assert_eq!(rx.recv_timeout(Duration::from_secs(10)), Ok(200), "another client was answered");
    drop(pipelined);
    drop(slow);
}

#[cfg(unix)]
#[test]
fn nothing_is_left_behind_on_ctrl_c_and_a_crashing_rebuild_keeps_the_watcher() {
    let s = super::small_site();
    let trigger = s.root().join("paniikki");
    let (child, addr, rx) = serve_with(&s, &[("AREENA_TEST_PANIC_IF", &trigger)]);
    // A link that once made the build panic: reported, and the next fix is rebuilt.
    s.write(
        "content/organisations/zeta.md",
        "+++\nname = \"Zeta ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n+++\n[x](%aé.md) ![k](/kuvat/%aé.png)\n",
    );
    wait_line(&rx, "build failed");
    // An internal error while rebuilding: reported with its cause, watching goes on.
    std::fs::write(&trigger, "").unwrap();
    s.write(
        "content/organisations/zeta.md",
        "+++\nname = \"Zeta ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n+++\n",
    );
    let line = wait_line(&rx, "internal error");
    assert!(line.contains("AREENA_TEST_PANIC_IF") && line.contains("still serving"), "{line}");
    std::fs::remove_file(&trigger).unwrap();
    s.write(
        "content/organisations/zeta.md",
        "+++\nname = \"Zeta Korjattu ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n+++\n",
    );
    wait_line(&rx, "built ");
    assert!(get(&addr, "/jarjestot/zeta/").1.contains("Zeta Korjattu ry"));
    let status = Command::new("kill").args(["-INT", &child.0.id().to_string()]).status().unwrap();
    assert!(status.success());
    let mut child = child;
    let _ = child.0.wait();
    let left: Vec<_> = std::fs::read_dir(s.root().join("tmp")).unwrap().flatten().map(|e| e.path()).collect();
    assert!(left.is_empty(), "nothing is left in the temporary folder: {left:?}");
    let site_files: Vec<_> = std::fs::read_dir(s.root()).unwrap().flatten().map(|e| e.file_name()).collect();
    assert!(!site_files.iter().any(|f| f == "public"), "serve writes no output folder: {site_files:?}");
}

#[test]
fn each_problem_is_printed_once_and_editor_scratch_files_are_ignored() {
    let s = super::small_site();
    s.write(
        "content/organisations/vanha.md",
        "+++\nname = \"Vanha ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\nupdated = 2020-01-01\n+++\n",
    );
    let (_child, _addr, rx) = serve(&s);
    // The swap file of an editor is not a change of the site.
    s.write("content/organisations/.zeta.md.swp", "binary");
    s.write("content/organisations/zeta.md~", "backup");
    let until = std::time::Instant::now() + Duration::from_millis(1500);
    while let Some(left) = until.checked_duration_since(std::time::Instant::now()) {
        match rx.recv_timeout(left) {
            // The first version's search index, made in the background.
            Ok(line) if line.starts_with("search index of version 1 ") => {}
            Ok(line) => panic!("no rebuild for scratch files: {line}"),
            Err(_) => break,
        }
    }
    // A real edit: the old warning is not printed again, only counted.
    s.write(
        "content/organisations/zeta.md",
        "+++\nname = \"Zeta Toinen ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n+++\n",
    );
    let mut lines = Vec::new();
    loop {
        let line = rx.recv_timeout(Duration::from_secs(30)).expect("a rebuild");
        let done = line.starts_with("built ");
        lines.push(line);
        if done {
            break;
        }
    }
    let text = lines.join("\n");
    assert!(!text.contains("stale-entry"), "printed again: {text}");
    assert!(text.contains("(1 problem reported before, unchanged)"), "{text}");
}

/// The events a page hears, line by line (`event: …` and `data: …`).
fn listen(addr: &str, page: &str) -> mpsc::Receiver<String> {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(s, "GET /__areena/events?page={page} HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(s).lines().map_while(Result::ok) {
            if line.starts_with("event: ") || line.starts_with("data: ") {
                let _ = tx.send(line);
            }
        }
    });
    rx
}

fn next_event(rx: &mpsc::Receiver<String>) -> (String, String) {
    let name = rx.recv_timeout(Duration::from_secs(30)).expect("an event");
    let data = rx.recv_timeout(Duration::from_secs(5)).expect("its data");
    (name.trim_start_matches("event: ").to_string(), data.trim_start_matches("data: ").to_string())
}

#[test]
fn an_open_page_hears_of_its_change_of_problems_and_of_their_fix() {
    let s = super::small_site();
    s.write("site.toml", &crate::support::SITE.replace("https://example.org/", "https://example.org/jarjestot/"));
    let (_child, addr, rx) = serve(&s);
    let page = "/jarjestot/jarjestot/zeta/";
    let other = "/jarjestot/jarjestot/multian-kyla/";
    assert!(get(&addr, page).1.contains("Zeta ry"));
    assert_eq!(get(&addr, other).0, 200);
    let zeta = listen(&addr, page);
    let multia = listen(&addr, other);
    std::thread::sleep(Duration::from_millis(200));
    // A body edit: the page that shows it reloads and is served anew.
    s.write(
        "content/organisations/zeta.md",
        "+++\nname = \"Zeta ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n+++\nUusi kappale tekstissä.\n",
    );
    assert_eq!(next_event(&zeta).0, "reload");
    assert!(get(&addr, page).1.contains("Uusi kappale tekstissä."));
    // A mistake: every page gets the problems, with the file and the line.
    s.write(
        "content/organisations/zeta.md",
        "+++\nname = \"Zeta ry\"\nthemes = \"omaishoito\"\nnationwide = true\n+++\n",
    );
    wait_line(&rx, "build failed");
    for listener in [&zeta, &multia] {
        let (name, data) = next_event(listener);
        assert_eq!(name, "problems");
        let problems: serde_json::Value = serde_json::from_str(&data).unwrap();
        let first = &problems[0];
        assert_eq!(first["file"], "content/organisations/zeta.md", "{data}");
        assert_eq!(first["line"], 3, "{data}");
        assert!(first["source_line"].as_str().unwrap().contains("themes"), "{data}");
    }
    // The last good version is still served.
    assert!(get(&addr, page).1.contains("Uusi kappale tekstissä."));
    // The fix: the edited page reloads, the other one is told the problems are gone.
    s.write(
        "content/organisations/zeta.md",
        "+++\nname = \"Zeta ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n+++\nKorjattu.\n",
    );
    assert_eq!(next_event(&zeta).0, "reload");
    assert_eq!(next_event(&multia).0, "fixed");
}

#[test]
fn another_address_is_listened_on_only_when_asked_and_with_a_warning() {
    let s = super::small_site();
    let (_child, addr, _rx, before) = serve_args(&s, &["--bind", "0.0.0.0"], &[]);
    let warning = before.iter().find(|l| l.starts_with("warning:")).expect("a warning");
    assert!(warning.contains("0.0.0.0") && warning.contains("other machines"), "{warning}");
    let port = addr.rsplit(':').next().unwrap().to_string();
    // Addresses in digits are answered; a name other than localhost is not.
    assert_eq!(get_as(&addr, "/", &format!("127.0.0.1:{port}")).0, 200);
    assert_eq!(get_as(&addr, "/", &format!("192.0.2.1:{port}")).0, 200);
    assert_eq!(get_as(&addr, "/", &format!("evil.example:{port}")).0, 421);
}

#[test]
fn a_page_served_before_a_change_is_told_at_once_and_static_links_are_not_followed() {
    let s = super::small_site();
    s.write("static/ohje.txt", "ohje");
    s.write("static/osa/tiedote.txt", "tiedote");
    let secret = s.root().join("salaisuus.txt");
    std::fs::write(&secret, "SALAINEN").unwrap();
    let outside = s.root().join("muualla");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("tiedote.txt"), "SALAINEN").unwrap();
    let (_child, addr, rx) = serve(&s);
    // A page that shows another version than the current one (its hash differs)
    // reloads as soon as it listens; one that shows the current one does not.
    let (_, body) = get(&addr, "/jarjestot/zeta/");
    let served = body.split("data-served=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    let old = listen(&addr, "/jarjestot/zeta/&served=0");
    assert_eq!(next_event(&old).0, "reload");
    let current = listen(&addr, &format!("/jarjestot/zeta/&served={served}"));
    assert!(current.recv_timeout(Duration::from_millis(500)).is_err(), "no event for a page that is current");
    // A static file replaced by a symbolic link to a file outside the site.
    assert_eq!(get(&addr, "/ohje.txt").0, 200);
    #[cfg(unix)]
    {
        std::fs::remove_file(s.root().join("static/ohje.txt")).unwrap();
        std::os::unix::fs::symlink(&secret, s.root().join("static/ohje.txt")).unwrap();
        let (status, body) = get(&addr, "/ohje.txt");
        assert!(!body.contains("SALAINEN"), "{status}: the link was followed");
        // A folder above a static file replaced by a link to a folder outside the
        // site, while a broken build keeps the last good version (and its list of
        // files) served.
        let (status, body) = get(&addr, "/osa/tiedote.txt");
        assert!(status == 200 && body.ends_with("\r\n\r\ntiedote"), "{body}");
        s.write("content/organisations/zeta.md", "+++\nname = \n");
        wait_line(&rx, "build failed");
        std::fs::rename(s.root().join("static/osa"), s.root().join("osa-ennen")).unwrap();
        std::os::unix::fs::symlink(&outside, s.root().join("static/osa")).unwrap();
        std::thread::sleep(Duration::from_millis(300));
        let (status, body) = get(&addr, "/osa/tiedote.txt");
        assert!(!body.contains("SALAINEN"), "{status}: the folder's link was followed");
    }
}

#[test]
fn every_language_is_served_with_its_search_and_a_translation_edit_shows() {
    let s = super::small_site();
    let toml = crate::support::SITE
        .replace("https://example.org/", "https://example.org/jarjestot/")
        .replace("language = \"fi\"\n", "language = \"fi\"\nlanguages = [\"fi\", \"sv\"]\n");
    s.write("site.toml", &toml);
    s.write("content/organisations/zeta.sv.md", "+++\nname = \"Zeta rf\"\n+++\nPå svenska.\n");
    let (_child, addr, rx) = serve(&s);
    let (status, body) = get(&addr, "/jarjestot/sv/organisationer/zeta/");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Zeta rf") && body.contains("På svenska."), "{body}");
    assert!(
        body.contains("hreflang=\"fi\"") && body.contains("/jarjestot/jarjestot/zeta/"),
        "links to the Finnish page"
    );
    let (_, fi) = get(&addr, "/jarjestot/jarjestot/zeta/");
    assert!(fi.contains("/jarjestot/sv/organisationer/zeta/"), "links to the Swedish page");
    // The Swedish search index, made with Swedish stemming, once the first is ready.
    wait_line(&rx, "search index of version 1 ready");
    let (status, entry) = get(&addr, "/jarjestot/sv/pagefind/pagefind-entry.json");
    assert_eq!(status, 200, "{entry}");
    assert!(entry.contains("\"languages\":{\"sv\""), "{entry}");
    assert!(get(&addr, "/jarjestot/pagefind/pagefind-entry.json").1.contains("\"languages\":{\"fi\""));

    s.write("content/organisations/zeta.sv.md", "+++\nname = \"Zeta rf\"\n+++\nEn ny text på svenska.\n");
    wait_line(&rx, "built version 2");
    let (_, body) = get(&addr, "/jarjestot/sv/organisationer/zeta/");
    assert!(body.contains("En ny text på svenska.") && !body.contains("<p>På svenska.</p>"), "{body}");
}

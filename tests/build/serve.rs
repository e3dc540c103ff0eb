//! `areena serve`: the site on loopback under its sub-path, rebuilt after an edit.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

fn get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
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
    let mut child = Command::new(crate::support::bin())
        .args(["serve", "--port", "0", "--root", s.root().to_str().unwrap()])
        .env("AREENA_TODAY", "2026-11-23")
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
    let wait_for = |what: &str| -> String {
        loop {
            let line = rx.recv_timeout(Duration::from_secs(20)).unwrap_or_else(|_| panic!("no line with {what:?}"));
            if line.contains(what) {
                return line;
            }
        }
    };
    let line = wait_for("serving ");
    let url = line.rsplit(" at ").next().unwrap().split_whitespace().next().unwrap().to_string();
    let addr = url.trim_start_matches("http://").split('/').next().unwrap().to_string();
    assert!(url.ends_with("/jarjestot/"), "{url}");

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
    let _ = child.kill();
    let _ = child.wait();
}

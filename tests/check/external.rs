//! `areena check --external-links` against a web server on this machine.

use crate::support::{Site, run};

#[test]
fn dead_external_links_are_warnings_at_their_place() {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let port = server.server_addr().to_ip().unwrap().port();
    let handle = std::thread::spawn(move || {
        for req in server.incoming_requests() {
            let url = req.url().to_string();
            if url == "/stop" {
                let _ = req.respond(tiny_http::Response::empty(200));
                break;
            }
            // Each request on its own thread: a slow one must not hold up the rest.
            std::thread::spawn(move || {
                if url == "/slow" {
                    std::thread::sleep(std::time::Duration::from_millis(2500));
                }
                let code = if url == "/ok" || url == "/slow" { 200 } else { 404 };
                let _ = req.respond(tiny_http::Response::empty(code));
            });
        }
    });
    let base = format!("http://127.0.0.1:{port}");
    let s = Site::new();
    s.write(
        "content/organisations/keuruun-testiyhdistys.md",
        &format!(
            "+++\nname = \"K\"\nthemes = [\"omaishoito\"]\nnationwide = true\nwebsite = \"{base}/ok\"\n+++\nKatso [vanha sivu]({base}/gone) ja [hidas]({base}/slow).\n"
        ),
    );
    let r = run(&[
        "check",
        "--format",
        "json",
        "--external-links",
        "--timeout",
        "1",
        "--concurrency",
        "2",
        "--root",
        s.root().to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "warnings only: {}", r.stderr);
    let diags = r.diagnostics();
    let codes: Vec<(&str, usize, &str)> =
        diags.iter().map(|d| (d.code.as_str(), d.line, d.severity.as_str())).collect();
    assert_eq!(codes, [("broken-external-link", 7, "warning"), ("broken-external-link", 7, "warning")], "{diags:#?}");
    assert!(diags.iter().any(|d| d.message.contains("/gone") && d.message.contains("404")), "{diags:#?}");
    assert!(diags.iter().any(|d| d.message.contains("/slow")), "the slow address timed out: {diags:#?}");
    assert!(r.stderr.contains("3 addresses checked, 2 not answering"), "{}", r.stderr);
    let _ = std::net::TcpStream::connect(("127.0.0.1", port)).and_then(|mut c| {
        use std::io::Write;
        c.write_all(b"GET /stop HTTP/1.0\r\n\r\n")
    });
    let _ = handle.join();
}

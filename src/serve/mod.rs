//! `areena serve`: build the site into a private temporary folder, serve it on this
//! machine, and build again whenever a file of the site changes.
//!
//! It reuses the whole pipeline (a failed rebuild reports its problems and keeps
//! serving the last good build). The site is served under the same sub-path as its
//! `base_url`, so links behave exactly as on the real host.
//!
//! Only the built site is served: a request path is decoded once, and a path with an
//! empty, `.` or `..` segment, a backslash, a colon or a NUL is refused before it
//! touches the disk; what is left must resolve to a file inside the output folder.
//! Requests whose `Host` is not this machine's loopback name are refused, so a web
//! page cannot reach the preview through DNS rebinding. Each request is answered on
//! a thread of its own, so one slow client does not hold up the others.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::pipeline::{self, BuildOptions, Settings};

mod live;

/// Requests answered at once; more get 503 until one is done.
const MAX_ANSWERING: usize = 256;

/// Build once; return whether it succeeded (problems are printed).
/// Problems reported by earlier builds, so that each is printed once, not again on
/// every save.
type Seen = std::collections::HashSet<(String, &'static str, String)>;

/// Print the problems that earlier builds did not report; count the others.
fn report_new(diags: &crate::diagnostics::Diagnostics, seen: &mut Seen) {
    let mut fresh = crate::diagnostics::Diagnostics::new();
    let mut known = 0;
    let mut now = Seen::new();
    for d in diags.items() {
        let key = (d.file.clone(), d.code.as_str(), d.message.clone());
        if seen.contains(&key) {
            known += 1;
        } else {
            if let Some(text) = diags.source(&d.file) {
                fresh.add_source(&d.file, std::sync::Arc::from(text));
            }
            fresh.push(d.clone());
        }
        now.insert(key);
    }
    if !fresh.items().is_empty() {
        crate::commands::report(&fresh, crate::cli::Format::Human);
    }
    if known > 0 {
        eprintln!("({known} problem{} reported before, unchanged)", if known == 1 { "" } else { "s" });
    }
    *seen = now;
}

/// Build once; `Err` holds the problems for the pages (JSON) when it failed.
fn build_once(root: &Path, out: &Path, base_url: &str, drafts: bool, seen: &mut Seen) -> Result<(), String> {
    let opts = BuildOptions {
        settings: Settings { drafts, today: pipeline::today() },
        output: Some(out.to_path_buf()),
        base_url: Some(base_url.to_string()),
        force: false,
        manifest: None,
    };
    let t = Instant::now();
    match pipeline::build(root, &opts) {
        Ok(built) => {
            report_new(&built.diagnostics, seen);
            if built.diagnostics.has_errors() {
                eprintln!("build failed: still serving the last good build");
                Err(live::problems_json(&built.diagnostics))
            } else {
                eprintln!("built {} files in {:.2} s", built.files, t.elapsed().as_secs_f64());
                Ok(())
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            Err(one_problem(&e.to_string()))
        }
    }
}

/// A problem that is not in a file (the site cannot be read), for the pages.
fn one_problem(message: &str) -> String {
    serde_json::json!([{ "file": "site.toml", "line": 1, "column": 1, "severity": "error", "code": "io",
        "message": message, "help": null, "source_line": null }])
    .to_string()
}

/// [`build_once`], with a panic caught and reported instead of ending the watcher.
fn build_guarded(root: &Path, out: &Path, base_url: &str, drafts: bool, seen: &mut Seen) -> Result<(), String> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| build_once(root, out, base_url, drafts, seen))) {
        Ok(result) => result,
        Err(payload) => {
            let cause = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".into());
            eprintln!(
                "build failed: areena stopped with an internal error ({cause}); still serving the last good build \
                 and watching for changes. Please report this with the file you changed."
            );
            Err(one_problem(&format!("areena stopped with an internal error ({cause})")))
        }
    }
}

pub(crate) fn run(root: &Path, port: u16, drafts: bool) -> Result<(), String> {
    let config = pipeline::site_config(root).map_err(|e| e.to_string())?;
    let server =
        tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| format!("cannot listen on port {port}: {e}"))?;
    let port = server.server_addr().to_ip().map(|a| a.port()).unwrap_or(port);
    let base_url = config.base_url.with_origin(&format!("http://127.0.0.1:{port}"));
    let prefix = base_url.path().to_string();
    let base_url = base_url.to_string();
    // A private folder (random name, only this user may enter it), removed on exit.
    let mut builder = tempfile::Builder::new();
    builder.prefix("areena-serve-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o700));
    }
    let dir = builder.tempdir().map_err(|e| format!("cannot create a temporary folder: {e}"))?;
    let dir_path = dir.path().to_path_buf();
    ctrlc::set_handler(move || {
        // A build may still be writing into the folder: remove until it is gone.
        for _ in 0..50 {
            let _ = std::fs::remove_dir_all(&dir_path);
            if !dir_path.exists() {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        // Standard error may be closed already: writing must not panic here.
        let _ = writeln!(std::io::stderr(), "stopped");
        std::process::exit(130);
    })
    .map_err(|e| format!("cannot set up Ctrl-C: {e}"))?;
    let out = dir.path().join("site");
    let mut seen = Seen::new();
    let hub = Arc::new(live::Hub::default());
    match build_guarded(root, &out, &base_url, drafts, &mut seen) {
        Ok(()) => hub.start(&out),
        Err(problems) => hub.failed(problems),
    }

    let (tx, rx) = mpsc::channel();
    let _watcher = watch(root, tx)?;
    eprintln!("serving {} at {base_url} (Ctrl-C to stop)", root.display());
    let root_owned = root.to_path_buf();
    let out_for_builds = out.clone();
    let hub_for_builds = Arc::clone(&hub);
    std::thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            // Wait for a quiet moment: editors save in several steps.
            let mut changed: Vec<PathBuf> = first;
            while let Ok(more) = rx.recv_timeout(Duration::from_millis(150)) {
                changed.extend(more);
            }
            if let Some(p) = changed.first() {
                eprintln!("changed: {}", p.strip_prefix(&root_owned).unwrap_or(p).display());
            }
            let css_only = changed.iter().all(|p| p.extension().is_some_and(|e| e == "css"));
            match build_guarded(&root_owned, &out_for_builds, &base_url, drafts, &mut seen) {
                Ok(()) => hub_for_builds.built(&out_for_builds, css_only),
                Err(problems) => hub_for_builds.failed(problems),
            }
        }
    });

    // Each request is answered on a thread of its own (up to a limit), so that a
    // client that does not read its answers, even with many requests in one
    // connection, holds up only itself.
    let site = Arc::new(Site { out, prefix, hub });
    let active = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    for request in server.incoming_requests() {
        use std::sync::atomic::Ordering;
        if active.load(Ordering::Acquire) >= MAX_ANSWERING {
            let _ = request.respond(tiny_http::Response::from_string("busy").with_status_code(503));
            continue;
        }
        active.fetch_add(1, Ordering::AcqRel);
        let (site, active) = (Arc::clone(&site), Arc::clone(&active));
        std::thread::spawn(move || {
            site.answer(request);
            active.fetch_sub(1, Ordering::AcqRel);
        });
    }
    drop(dir);
    Ok(())
}

/// Watch site.toml and the source folders; changed paths (not editors' scratch
/// files) go to `tx`. The watcher stops when the returned value is dropped.
fn watch(root: &Path, tx: mpsc::Sender<Vec<PathBuf>>) -> Result<notify::RecommendedWatcher, String> {
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(ev) = res
            && !ev.kind.is_access()
        {
            let paths: Vec<PathBuf> = ev.paths.into_iter().filter(|p| !is_editor_scratch(p)).collect();
            if !paths.is_empty() {
                let _ = tx.send(paths);
            }
        }
    })
    .map_err(|e| format!("cannot watch files: {e}"))?;
    for sub in std::iter::once(crate::layout::SITE_TOML).chain(crate::layout::SOURCE_FOLDERS) {
        let p = root.join(sub);
        if p.exists() {
            let _ = watcher.watch(&p, RecursiveMode::Recursive);
        }
    }
    Ok(watcher)
}

/// Files editors write beside the one being saved (swap, backup and test files of
/// vim, emacs, sed -i and others): changes to them are not changes of the site.
pub(crate) fn is_editor_scratch(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return false };
    name.ends_with('~')
        || name.starts_with(".#")
        || name == "4913"
        || [".swp", ".swx", ".swo", ".tmp", ".kate-swp"].iter().any(|e| name.ends_with(e))
        || (name.starts_with("sed") && name.len() == 9 && name.is_ascii())
        || (name.starts_with('#') && name.ends_with('#'))
}

/// What the server hands out.
struct Site {
    /// The output folder of the builds.
    out: PathBuf,
    /// The sub-path of `base_url`, e.g. `/jarjestot/`.
    prefix: String,
    /// The pages listening for live reload.
    hub: Arc<live::Hub>,
}

/// Why a request gets no file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refused {
    /// 400: a path no page of the site can have.
    BadPath,
    /// 403: a path that tries to leave the site.
    Forbidden,
    /// 404: outside the site's sub-path, or no such file.
    NotFound,
}

/// Host names the preview answers to (any port): the loopback names.
pub(crate) fn host_allowed(host: Option<&str>) -> bool {
    let Some(host) = host else { return false };
    let (name, rest) = if host.starts_with('[') {
        match host.find(']') {
            Some(i) => host.split_at(i + 1),
            None => return false,
        }
    } else {
        host.split_at(host.find(':').unwrap_or(host.len()))
    };
    // Nothing but an optional port may follow the name.
    let port_ok = rest.is_empty()
        || rest.strip_prefix(':').is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    port_ok && matches!(name.as_str(), "127.0.0.1" | "localhost" | "[::1]")
}

/// The file under `out` that the request path `url` (as sent, with its query)
/// names, or why there is none. `out` must be a real path (no symbolic links).
pub(crate) fn site_file(out: &Path, prefix: &str, url: &str) -> Result<PathBuf, Refused> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let rel = match path.strip_prefix(prefix) {
        Some(rel) => rel,
        None if path.trim_end_matches('/') == prefix.trim_end_matches('/') => "",
        None => return Err(Refused::NotFound),
    };
    let decoded = percent_encoding::percent_decode_str(rel).decode_utf8().map_err(|_| Refused::BadPath)?;
    if decoded.contains(['\\', '\0', ':']) || decoded.chars().any(char::is_control) {
        return Err(Refused::BadPath);
    }
    let segments: Vec<&str> = decoded.split('/').collect();
    let last = segments.len() - 1;
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "" if i != last => return Err(Refused::BadPath),
            "." | ".." => return Err(Refused::Forbidden),
            _ => {}
        }
    }
    let mut file = out.join(decoded.as_ref());
    if file.is_dir() {
        file = file.join("index.html");
    }
    let real = std::fs::canonicalize(&file).map_err(|_| Refused::NotFound)?;
    if !real.starts_with(out) || !real.is_file() {
        return Err(Refused::Forbidden);
    }
    Ok(real)
}

impl Site {
    fn answer(&self, request: tiny_http::Request) {
        let header = |v: &str| tiny_http::Header::from_bytes("Content-Type", v).expect("valid header");
        let host = request.headers().iter().find(|h| h.field.equiv("Host")).map(|h| h.value.as_str().to_string());
        if !host_allowed(host.as_deref()) {
            let _ = request.respond(
                tiny_http::Response::from_string("this preview answers only to 127.0.0.1 and localhost")
                    .with_status_code(421),
            );
            return;
        }
        let path = request.url().split(['?', '#']).next().unwrap_or("/").to_string();
        if path == live::SCRIPT {
            let _ = request.respond(
                tiny_http::Response::from_string(live::LIVE_JS).with_header(header("text/javascript; charset=utf-8")),
            );
            return;
        }
        if path == live::EVENTS {
            let page = request
                .url()
                .split_once("?page=")
                .map(|(_, p)| percent_encoding::percent_decode_str(p).decode_utf8_lossy().into_owned())
                .and_then(|p| live::page_file(&self.out, &self.prefix, &p))
                .unwrap_or_default();
            let mut events = self.hub.connect(page);
            // The headers now, then events as they come, until the page goes away.
            let response = tiny_http::Response::empty(200)
                .with_header(header("text/event-stream"))
                .with_header(tiny_http::Header::from_bytes("Cache-Control", "no-cache").expect("valid header"));
            let mut stream = request.upgrade("areena-events", response);
            while let Some(message) = events.next() {
                if stream.write_all(&message).and_then(|()| stream.flush()).is_err() {
                    break;
                }
            }
            return;
        }
        let out = std::fs::canonicalize(&self.out).unwrap_or_else(|_| self.out.clone());
        match site_file(&out, &self.prefix, request.url()) {
            Ok(file) if content_type(&file).starts_with("text/html") => match std::fs::read(&file) {
                Ok(bytes) => {
                    let _ = request.respond(
                        tiny_http::Response::from_data(live::inject(&bytes)).with_header(header(content_type(&file))),
                    );
                }
                Err(_) => self.not_found(request, &out),
            },
            Ok(file) => self.send_file(request, &file, &out),
            Err(Refused::NotFound) if !request.url().starts_with(&self.prefix) => {
                // Outside the site's sub-path: point to it.
                let body = format!(
                    "<!doctype html><title>areena</title><p>The site is at <a href=\"{0}\">{0}</a>.</p>",
                    self.prefix
                );
                let _ = request.respond(
                    tiny_http::Response::from_string(body)
                        .with_status_code(404)
                        .with_header(header("text/html; charset=utf-8")),
                );
            }
            Err(Refused::NotFound) => self.not_found(request, &out),
            Err(Refused::BadPath) => {
                let _ = request.respond(tiny_http::Response::from_string("bad request path").with_status_code(400));
            }
            Err(Refused::Forbidden) => {
                let _ = request.respond(tiny_http::Response::from_string("forbidden").with_status_code(403));
            }
        }
    }

    /// A file other than a page, with its tag; 304 when the browser has it already.
    fn send_file(&self, request: tiny_http::Request, file: &Path, out: &Path) {
        let header = |v: &str| tiny_http::Header::from_bytes("Content-Type", v).expect("valid header");
        let Ok(f) = std::fs::File::open(file) else { return self.not_found(request, out) };
        let tag = f.metadata().ok().map(|m| etag(&m));
        let asked =
            request.headers().iter().find(|h| h.field.equiv("If-None-Match")).map(|h| h.value.as_str().to_string());
        let etag_header = |t: &str| tiny_http::Header::from_bytes("ETag", t).expect("valid header");
        let response = tiny_http::Response::from_file(f).with_header(header(content_type(file)));
        let _ = match tag {
            Some(t) if asked.as_deref() == Some(t.as_str()) => {
                request.respond(tiny_http::Response::empty(304).with_header(etag_header(&t)))
            }
            Some(t) => request.respond(response.with_header(etag_header(&t))),
            None => request.respond(response),
        };
    }

    fn not_found(&self, request: tiny_http::Request, out: &Path) {
        let header = tiny_http::Header::from_bytes("Content-Type", "text/html; charset=utf-8").expect("valid header");
        let body = std::fs::read(out.join("404.html")).map_or_else(|_| b"not found".to_vec(), |b| live::inject(&b));
        let _ = request.respond(tiny_http::Response::from_data(body).with_status_code(404).with_header(header));
    }
}

/// A tag that changes when the file does (its size and time of change).
fn etag(m: &std::fs::Metadata) -> String {
    let modified = m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).unwrap_or_default();
    format!("\"{:x}-{:x}\"", m.len(), modified.as_nanos())
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_site_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let out = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir_all(out.join("a")).unwrap();
        std::fs::write(out.join("a/index.html"), "x").unwrap();
        std::fs::write(out.join("kevät.css"), "x").unwrap();
        let f = |u: &str| site_file(&out, "/j/", u);
        assert_eq!(f("/j/a/"), Ok(out.join("a/index.html")));
        assert_eq!(f("/j/a"), Ok(out.join("a/index.html")));
        assert_eq!(f("/j/kev%C3%A4t.css?x=1"), Ok(out.join("kevät.css")));
        assert_eq!(f("/j/"), Err(Refused::NotFound), "no index.html");
        for bad in ["/j//etc/passwd", "/j/%2fetc%2fpasswd", "/j/%2Fetc/passwd", "/j/a//index.html", "/j/a%5c..%5cx"] {
            assert_eq!(f(bad), Err(Refused::BadPath), "{bad}");
        }
        for bad in ["/j/../etc/passwd", "/j/..%2f..%2fetc/passwd", "/j/a/%2e%2e/%2e%2e/x", "/j/./a/"] {
            assert_eq!(f(bad), Err(Refused::Forbidden), "{bad}");
        }
        assert_eq!(f("/j/%00"), Err(Refused::BadPath));
        assert_eq!(f("/j/%ff"), Err(Refused::BadPath), "not UTF-8");
        assert_eq!(f("/other/"), Err(Refused::NotFound));
    }

    #[test]
    fn editor_scratch_files() {
        for f in ["a.md~", ".a.md.swp", ".a.md.swx", "4913", "sedAb12Cd", ".#a.md", "#a.md#", "x.tmp"] {
            assert!(is_editor_scratch(Path::new(f)), "{f}");
        }
        for f in ["a.md", "site.toml", "sedation.md", "themes.toml", "4913.md"] {
            assert!(!is_editor_scratch(Path::new(f)), "{f}");
        }
    }

    #[test]
    fn hosts() {
        for ok in ["127.0.0.1:8000", "localhost:8000", "localhost", "[::1]:8000", "LOCALHOST."] {
            assert!(host_allowed(Some(ok)), "{ok}");
        }
        for bad in [
            "evil.example:8000",
            "127.0.0.1.evil.example",
            "localhost.evil.example",
            "[::2]:8000",
            "",
            "127.0.0.1:1@evil.example",
            "localhost:evil.example",
            "localhost:",
            "[::1",
        ] {
            assert!(!host_allowed(Some(bad)), "{bad}");
        }
        assert!(!host_allowed(None));
    }
}

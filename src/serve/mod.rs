//! `areena serve`: build the site into a temporary folder, serve it on this machine,
//! and build again whenever a file of the site changes.
//!
//! It reuses the whole pipeline (a failed rebuild reports its problems and keeps
//! serving the last good build). The site is served under the same sub-path as its
//! `base_url`, so links behave exactly as on the real host.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::pipeline::{self, BuildOptions, Settings};
use crate::render::Routes;

/// Build once; return whether it succeeded (problems are printed).
fn build_once(root: &Path, out: &Path, base_url: &str, drafts: bool) -> bool {
    let opts = BuildOptions {
        settings: Settings { drafts, today: pipeline::today() },
        output: Some(out.to_path_buf()),
        base_url: Some(base_url.to_string()),
    };
    let t = Instant::now();
    match pipeline::build(root, &opts) {
        Ok(built) => {
            if !built.diagnostics.items().is_empty() {
                crate::commands::report(&built.diagnostics, crate::cli::Format::Human);
            }
            if built.diagnostics.has_errors() {
                eprintln!("build failed: still serving the last good build");
                false
            } else {
                eprintln!("built {} files in {:.2} s", built.files, t.elapsed().as_secs_f64());
                true
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            false
        }
    }
}

/// The sub-path of the site's `base_url` (`/jarjestot/`), read from site.toml.
fn sub_path(root: &Path) -> String {
    let text = std::fs::read_to_string(root.join("site.toml")).unwrap_or_default();
    let base = toml::from_str::<toml::Table>(&text)
        .ok()
        .and_then(|t| t.get("base_url").and_then(|v| v.as_str()).map(String::from))
        .unwrap_or_else(|| "/".into());
    Routes::new(&base, &crate::model::Paths::defaults(crate::model::Language::Fi)).base().to_string()
}

pub fn run(root: &Path, port: u16, drafts: bool) -> Result<(), String> {
    if !root.join("site.toml").is_file() {
        return Err(format!("{} has no site.toml: give the site's folder with --root", root.display()));
    }
    let server =
        tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| format!("cannot listen on port {port}: {e}"))?;
    let port = server.server_addr().to_ip().map(|a| a.port()).unwrap_or(port);
    let prefix = sub_path(root);
    let base_url = format!("http://127.0.0.1:{port}{prefix}");
    let dir = tempfile_dir()?;
    let out = dir.join("site");
    build_once(root, &out, &base_url, drafts);
    eprintln!("serving {} at {base_url} (Ctrl-C to stop)", root.display());

    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(ev) = res
            && !ev.kind.is_access()
        {
            let _ = tx.send(ev.paths);
        }
    })
    .map_err(|e| format!("cannot watch files: {e}"))?;
    for sub in ["site.toml", "content", "static", "templates", "themes"] {
        let p = root.join(sub);
        if p.exists() {
            let _ = watcher.watch(&p, RecursiveMode::Recursive);
        }
    }
    let root_owned = root.to_path_buf();
    let out_for_builds = out.clone();
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
            build_once(&root_owned, &out_for_builds, &base_url, drafts);
        }
    });

    for request in server.incoming_requests() {
        let response = respond(&out, &prefix, request.url());
        let _ = request.respond(response);
    }
    Ok(())
}

fn tempfile_dir() -> Result<PathBuf, String> {
    let dir = std::env::temp_dir().join(format!("areena-serve-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
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

fn respond(out: &Path, prefix: &str, url: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let header = |v: &str| tiny_http::Header::from_bytes("Content-Type", v).expect("valid header");
    let Some(rel) = path
        .strip_prefix(prefix)
        .or_else(|| (path.trim_end_matches('/') == prefix.trim_end_matches('/')).then_some(""))
    else {
        // Outside the site's sub-path: point to it.
        let body =
            format!("<!doctype html><title>areena</title><p>The site is at <a href=\"{prefix}\">{prefix}</a>.</p>");
        return tiny_http::Response::from_data(body.into_bytes())
            .with_status_code(404)
            .with_header(header("text/html; charset=utf-8"));
    };
    let decoded = crate::model::body::percent_decode(rel);
    if decoded.split('/').any(|s| s == "..") {
        return tiny_http::Response::from_data(b"forbidden".to_vec()).with_status_code(403);
    }
    let mut file = out.join(&decoded);
    if file.is_dir() {
        file = file.join("index.html");
    }
    match std::fs::read(&file) {
        Ok(bytes) => tiny_http::Response::from_data(bytes).with_header(header(content_type(&file))),
        Err(_) => {
            let body = std::fs::read(out.join("404.html")).unwrap_or_else(|_| b"not found".to_vec());
            tiny_http::Response::from_data(body).with_status_code(404).with_header(header("text/html; charset=utf-8"))
        }
    }
}

//! `areena serve`: hold the site in memory, serve it on this machine, and update it
//! whenever a file of the site changes.
//!
//! It reuses the pipeline's stages ([`preview`]): a change that breaks the site
//! reports its problems (in the terminal and over every open page) and keeps serving
//! the last good version. The site is served under the same sub-path as its
//! `base_url`, so links behave exactly as on the real host. Nothing is written to
//! the disk but the search index's temporary records while it is made.
//!
//! Only the site is served: a request path is decoded once, and a path with an empty,
//! `.` or `..` segment, a backslash, a colon or a NUL is refused; what is left is
//! looked up among the files the site has (never on the disk). Requests whose `Host`
//! is not this machine's loopback name (or, with `--bind`, an address) are refused,
//! so a web page cannot reach the preview through DNS rebinding. Each request is
//! answered on a thread of its own, so one slow client does not hold up the others.

use std::io::Write as _;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, RwLock, mpsc};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::diagnostics::{Diagnostics, Language, Localized, tr};
use crate::pipeline;

mod live;
pub(crate) mod preview;
#[cfg(test)]
mod same_as_build;

use preview::{Body, Preview, State, Update};

/// Requests answered at once; more get 503 until one is done.
const MAX_ANSWERING: usize = 256;

/// How long the files must be quiet before a change is taken (editors save in
/// several steps, a few milliseconds apart).
const QUIET: Duration = Duration::from_millis(30);

/// Problems reported by earlier versions, so that each is printed once, not again on
/// every save.
type Seen = std::collections::HashSet<(String, &'static str, Localized)>;

/// Print the problems that earlier versions did not report (in `lang`); count the others.
fn report_new(diags: &Diagnostics, seen: &mut Seen, lang: Language) {
    let mut fresh = Diagnostics::new();
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
        crate::commands::report(&fresh, crate::cli::Format::Human, lang);
    }
    if known > 0 {
        eprintln!("({known} problem{} reported before, unchanged)", if known == 1 { "" } else { "s" });
    }
    *seen = now;
}

/// A problem that is not in a file (the site cannot be read), for the pages.
fn one_problem(message: &Localized, lang: Language) -> String {
    serde_json::json!([{ "file": "site.toml", "line": 1, "column": 1, "severity": "error", "code": "io",
        "message": message.get(lang), "help": null, "source_line": null }])
    .to_string()
}

/// [`Preview::update`], with a panic caught and reported instead of ending the
/// watcher; `Ok` holds the new version and how long it took, `Err` the problems
/// for the pages (JSON).
fn update_guarded(
    preview: &mut Preview,
    changed: &[PathBuf],
    seen: &mut Seen,
    lang: Language,
) -> Result<(Arc<State>, bool, std::time::Duration), String> {
    // A test hook: an update panics while the file named here exists (to test that
    // `serve` survives an internal error).
    let hook = || {
        if let Some(p) = std::env::var_os("AREENA_TEST_PANIC_IF")
            && Path::new(&p).exists()
        {
            panic!("test hook AREENA_TEST_PANIC_IF");
        }
    };
    let t = Instant::now();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        hook();
        preview.update(changed)
    }));
    match result {
        Ok(Ok(Update::Ready { state, rendered_all, warnings })) => {
            report_new(&warnings, seen, lang);
            Ok((state, rendered_all, t.elapsed()))
        }
        Ok(Ok(Update::Failed(diags))) => {
            report_new(&diags, seen, lang);
            eprintln!("build failed: still serving the last good version");
            Err(live::problems_json(&diags, lang))
        }
        Ok(Err(e)) => {
            eprintln!("error: {e}");
            Err(one_problem(&e.localized(), lang))
        }
        Err(payload) => {
            // The next update reads every file again.
            *preview = preview.fresh();
            let cause = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".into());
            eprintln!(
                "build failed: areena stopped with an internal error ({cause}); still serving the last good version \
                 and watching for changes. Please report this with the file you changed."
            );
            let message = tr!(
                en: "areena stopped with an internal error ({cause})",
                fi: "areena pysähtyi sisäiseen virheeseen ({cause})",
                sv: "areena stannade på grund av ett internt fel ({cause})"
            );
            Err(one_problem(&message, lang))
        }
    }
}

/// What the thread that makes versions hears.
enum Msg {
    /// Files changed.
    Changed(Vec<PathBuf>),
    /// The background work on a version is done: every page renders and the search
    /// bundle is in place, or the problems that stop it.
    Finished { generation: u64, problems: Option<Diagnostics> },
    /// The search bundle of a version is made (that version may be out of date).
    SearchMade(Arc<State>),
}

/// Where `serve` listens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Listen {
    pub(crate) bind: IpAddr,
    pub(crate) port: u16,
}

pub(crate) fn run(root: &Path, listen: Listen, drafts: bool, lang: Option<Language>) -> Result<(), String> {
    // One spelling of the site's folder, so that watched paths compare with it.
    let root = &std::fs::canonicalize(root).map_err(|e| format!("cannot read {}: {e}", root.display()))?;
    let config = pipeline::site_config(root).map_err(|e| e.to_string())?;
    let server = tiny_http::Server::http((listen.bind, listen.port))
        .map_err(|e| format!("cannot listen on {}:{}: {e}", listen.bind, listen.port))?;
    let port = server.server_addr().to_ip().map(|a| a.port()).unwrap_or(listen.port);
    let shown = match listen.bind {
        a if a.is_unspecified() || a.is_loopback() => "127.0.0.1".to_string(),
        IpAddr::V6(a) => format!("[{a}]"),
        a => a.to_string(),
    };
    if !listen.bind.is_loopback() {
        eprintln!(
            "warning: serving on {} makes the preview (with drafts, if asked for) reachable from other machines \
             of the network; stop with Ctrl-C when done",
            listen.bind
        );
    }
    let base_url = config.base_url.with_origin(&format!("http://{shown}:{port}"));
    let prefix = base_url.path().to_string();
    let base_url = base_url.to_string();
    ctrlc::set_handler(move || {
        // Standard error may be closed already: writing must not panic here.
        let _ = writeln!(std::io::stderr(), "stopped");
        std::process::exit(130);
    })
    .map_err(|e| format!("cannot set up Ctrl-C: {e}"))?;

    let site = Arc::new(Site {
        current: RwLock::new(None),
        prefix,
        hub: live::Hub::default(),
        bind: listen.bind,
        root: root.clone(),
        lang,
    });
    let (tx, rx) = mpsc::channel();
    let watcher = watch(root, tx.clone())?;
    let mut versions = Versions::new(root, drafts, &base_url, Arc::clone(&site), tx);
    versions.lang = lang;
    versions.watcher = Some(watcher);
    versions.watch_new_folders();
    versions.apply(&[]);
    // Printed once the files are watched: an edit made after this line is seen (the
    // tests edit only after it).
    eprintln!("serving {} at {base_url} (Ctrl-C to stop)", root.display());
    std::thread::spawn(move || versions.run(&rx));

    // Each request is answered on a thread of its own (up to a limit), so that a
    // client that does not read its answers, even with many requests in one
    // connection, holds up only itself.
    let active = Arc::new(AtomicUsize::new(0));
    for request in server.incoming_requests() {
        if active.load(Ordering::Acquire) >= MAX_ANSWERING {
            let _ = request.respond(tiny_http::Response::from_string("busy").with_status_code(503));
            continue;
        }
        active.fetch_add(1, Ordering::AcqRel);
        let (site, active) = (Arc::clone(&site), Arc::clone(&active));
        std::thread::spawn(move || {
            // Counted down also when answering panics.
            struct Done(Arc<AtomicUsize>);
            impl Drop for Done {
                fn drop(&mut self) {
                    self.0.fetch_sub(1, Ordering::AcqRel);
                }
            }
            let _done = Done(active);
            site.answer(request);
        });
    }
    Ok(())
}

/// Makes the versions of the site on one thread, and their search bundles (and the
/// check that every page renders) on another.
struct Versions {
    preview: Preview,
    site: Arc<Site>,
    seen: Seen,
    /// The last version whose pages all render.
    checked: Option<Arc<State>>,
    /// The generation of the newest version handed to the background.
    newest: Arc<AtomicU64>,
    background: Arc<Pending>,
    root: PathBuf,
    watcher: Option<notify::RecommendedWatcher>,
    /// The source folders watched (one made after `serve` started is added).
    watched: std::collections::HashSet<&'static str>,
    /// `--lang`: the language of the problems reported (else site.toml's, read again
    /// for each version).
    lang: Option<Language>,
}

impl Versions {
    fn new(root: &Path, drafts: bool, base_url: &str, site: Arc<Site>, tx: mpsc::Sender<Msg>) -> Versions {
        let newest = Arc::new(AtomicU64::new(0));
        let background = Arc::new(Pending::default());
        let (latest, jobs) = (Arc::clone(&newest), Arc::clone(&background));
        std::thread::spawn(move || background_work(&jobs, &latest, &tx));
        Versions {
            preview: Preview::new(root, drafts, base_url),
            site,
            seen: Seen::new(),
            checked: None,
            newest,
            background,
            root: root.to_path_buf(),
            watcher: None,
            watched: std::collections::HashSet::new(),
            lang: None,
        }
    }

    /// Watch the source folders that exist now and were not watched yet.
    fn watch_new_folders(&mut self) {
        let Some(w) = self.watcher.as_mut() else { return };
        for sub in crate::layout::SOURCE_FOLDERS {
            let p = self.root.join(sub);
            if !self.watched.contains(sub) && p.is_dir() && w.watch(&p, RecursiveMode::Recursive).is_ok() {
                self.watched.insert(sub);
            }
        }
    }

    /// Make the version after `changed` and serve it (or its problems).
    fn apply(&mut self, changed: &[PathBuf]) {
        // A source folder that was removed (or moved away) lost its watch: watched
        // again if it is there now (made again), else when it comes back.
        for sub in crate::layout::SOURCE_FOLDERS {
            let p = self.root.join(sub);
            if changed.contains(&p) && self.watched.remove(sub) {
                if let Some(w) = self.watcher.as_mut() {
                    let _ = w.unwatch(&p);
                }
                // Its files may have changed without events: read everything again.
                self.preview = self.preview.fresh();
            }
        }
        self.watch_new_folders();
        if let Some(p) = changed.first() {
            eprintln!("changed: {}", p.strip_prefix(&self.root).unwrap_or(p).display());
        }
        let css_only = !changed.is_empty() && changed.iter().all(|p| p.extension().is_some_and(|e| e == "css"));
        let lang = pipeline::report_language(&self.root, self.lang);
        match update_guarded(&mut self.preview, changed, &mut self.seen, lang) {
            Ok((state, rendered_all, took)) => {
                if rendered_all {
                    self.checked = Some(Arc::clone(&state));
                }
                self.newest.store(state.generation, Ordering::Release);
                *self.site.current.write().expect("lock") = Some(Arc::clone(&state));
                // Said once it is what a request gets.
                eprintln!(
                    "built version {}: {} files in {:.3} s",
                    state.generation,
                    state.paths().len(),
                    took.as_secs_f64()
                );
                self.tell_pages(&state, css_only);
                self.background.put(state, rendered_all);
            }
            Err(problems) => self.site.hub.failed(problems),
        }
    }

    /// Tell the open pages about a new version (a panic while rendering one of them
    /// is reported; the watching goes on).
    fn tell_pages(&self, state: &State, css_only: bool) {
        let told = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.site.hub.updated(state, css_only)));
        if told.is_err() {
            eprintln!("areena stopped with an internal error while rendering an open page; watching goes on");
        }
    }

    fn run(mut self, rx: &mpsc::Receiver<Msg>) {
        while let Ok(msg) = rx.recv() {
            match msg {
                Msg::Changed(first) => {
                    // Wait for a quiet moment: editors save in several steps.
                    let mut changed = first;
                    let mut finished = Vec::new();
                    while let Ok(more) = rx.recv_timeout(QUIET) {
                        match more {
                            Msg::Changed(paths) => changed.extend(paths),
                            f @ (Msg::Finished { .. } | Msg::SearchMade(_)) => finished.push(f),
                        }
                    }
                    // An editor's save is often several events for one file.
                    changed.sort();
                    changed.dedup();
                    self.apply(&changed);
                    for f in finished {
                        self.finished(f);
                    }
                }
                f @ (Msg::Finished { .. } | Msg::SearchMade(_)) => self.finished(f),
            }
        }
    }

    /// The background work on a version is done.
    fn finished(&mut self, msg: Msg) {
        if let Msg::SearchMade(made) = &msg {
            self.preview.search_made(made);
            if let Some(current) = self.site.current.read().expect("lock").as_ref() {
                current.adopt_search(made);
            }
            return;
        }
        let Msg::Finished { generation, problems } = msg else { return };
        let current = self.site.current.read().expect("lock").clone();
        let Some(current) = current.filter(|c| c.generation == generation) else { return };
        match problems {
            None => {
                self.checked = Some(current);
            }
            Some(diags) => {
                // A page of this version does not render: back to the last version
                // whose pages all do, and show why.
                let lang = pipeline::report_language(&self.root, self.lang);
                report_new(&diags, &mut self.seen, lang);
                eprintln!("build failed: still serving the last good version");
                let back = self.checked.clone();
                *self.site.current.write().expect("lock") = back.clone();
                if let Some(b) = &back {
                    self.tell_pages(b, false);
                }
                self.site.hub.failed(live::problems_json(&diags, lang));
            }
        }
    }
}

/// The newest version waiting for its background work (one slot: a version that a
/// newer one replaces before its turn is let go of at once, so that edits faster than
/// the search index do not pile versions up in memory).
#[derive(Default)]
struct Pending {
    slot: std::sync::Mutex<Option<(Arc<State>, bool)>>,
    ready: std::sync::Condvar,
}

impl Pending {
    fn put(&self, state: Arc<State>, rendered_all: bool) {
        *self.slot.lock().expect("lock") = Some((state, rendered_all));
        self.ready.notify_one();
    }

    fn take(&self) -> (Arc<State>, bool) {
        let mut slot = self.slot.lock().expect("lock");
        loop {
            if let Some(job) = slot.take() {
                return job;
            }
            slot = self.ready.wait(slot).expect("lock");
        }
    }
}

/// Make the search bundle of the newest version, then check that every page of it
/// renders (unless that was done); versions replaced while waiting are skipped.
fn background_work(jobs: &Pending, newest: &AtomicU64, tx: &mpsc::Sender<Msg>) {
    // At the lowest priority (threads made from here inherit it), and with threads
    // of its own, so that the next edit is neither queued behind it nor slowed by it.
    #[cfg(unix)]
    let _ = rustix::process::nice(19);
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(threads).build() else { return };
    loop {
        let (state, rendered_all) = jobs.take();
        let generation = state.generation;
        let stale = || newest.load(Ordering::Acquire) != generation;
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            pool.install(|| {
                // The search first: residents' view of the preview; then the check.
                let t = Instant::now();
                let mut problems: Vec<_> = state.make_search().err().into_iter().collect();
                if problems.is_empty() && state.search_enabled() {
                    eprintln!("search index of version {generation} ready in {:.1} s", t.elapsed().as_secs_f64());
                    // Taken up even if a newer version came meanwhile: under steady
                    // editing the search lags by one index, not more.
                    let _ = tx.send(Msg::SearchMade(Arc::clone(&state)));
                }
                if problems.is_empty() && !rendered_all && !stale() {
                    problems = state.render_all(&stale);
                }
                problems
            })
        }));
        if stale() {
            continue;
        }
        let problems = match result {
            Ok(p) if p.is_empty() => None,
            Ok(p) => Some(p),
            Err(_) => Some(vec![crate::diagnostics::Diagnostic::error(
                crate::diagnostics::Code::OutputError,
                "(serve)",
                None,
                tr!(
                    en: "areena stopped with an internal error while making the search index",
                    fi: "areena pysähtyi sisäiseen virheeseen koostaessaan hakutoiminnon tietoja",
                    sv: "areena stannade på grund av ett internt fel när sökfunktionens uppgifter sammanställdes"
                ),
            )]),
        };
        let problems = problems.map(|p| {
            let mut d = Diagnostics::new();
            d.extend(p);
            d
        });
        if tx.send(Msg::Finished { generation, problems }).is_err() {
            return;
        }
    }
}

/// Watch the site's folder (not recursively) and, once added, its source folders;
/// changed paths that are site.toml or in a source folder (not editors' scratch
/// files) go to `tx`. The watcher stops when the returned value is dropped.
fn watch(root: &Path, tx: mpsc::Sender<Msg>) -> Result<notify::RecommendedWatcher, String> {
    let site = root.to_path_buf();
    let of_site = move |p: &Path| {
        let Ok(rel) = p.strip_prefix(&site) else { return false };
        let first = rel.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned()).unwrap_or_default();
        first == crate::layout::SITE_TOML || crate::layout::SOURCE_FOLDERS.contains(&first.as_str())
    };
    let everything = root.join(crate::layout::SITE_TOML);
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        // Events were lost (the system's queue overflowed) or the watcher failed: read
        // everything again (a change of site.toml does).
        let lost = match &res {
            Ok(ev) => ev.need_rescan(),
            Err(_) => true,
        };
        if lost {
            let _ = tx.send(Msg::Changed(vec![everything.clone()]));
            return;
        }
        if let Ok(ev) = res
            && !ev.kind.is_access()
        {
            let paths: Vec<PathBuf> = ev.paths.into_iter().filter(|p| of_site(p) && !is_editor_scratch(p)).collect();
            if !paths.is_empty() {
                let _ = tx.send(Msg::Changed(paths));
            }
        }
    })
    .map_err(|e| format!("cannot watch files: {e}"))?;
    // The root itself (not its subfolders): site.toml, and source folders made later.
    watcher.watch(root, RecursiveMode::NonRecursive).map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
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
        || (name.len() == 9
            && name.starts_with("sed")
            && name[3..].bytes().all(|b| b.is_ascii_alphanumeric())
            && !name[3..].bytes().all(|b| b.is_ascii_lowercase()))
        || (name.starts_with('#') && name.ends_with('#'))
}

/// What the server hands out.
struct Site {
    /// The version served; `None` until the site first builds.
    current: RwLock<Option<Arc<State>>>,
    /// The sub-path of `base_url`, e.g. `/jarjestot/`.
    prefix: String,
    /// The pages listening for live reload.
    hub: live::Hub,
    /// The address listened on (other than loopback: `--bind`).
    bind: IpAddr,
    /// The site's folder and `--lang`, for the language of a problem shown instead of a page.
    root: PathBuf,
    lang: Option<Language>,
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

/// Host names the preview answers to (any port): the loopback names, and with a
/// `--bind` address other than loopback, any address written as digits (a name
/// could be an attacker's name for this machine; an address cannot).
pub(crate) fn host_allowed(host: Option<&str>, bind: IpAddr) -> bool {
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
    let address = name.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>().is_ok();
    port_ok && (matches!(name.as_str(), "127.0.0.1" | "localhost" | "[::1]") || (!bind.is_loopback() && address))
}

/// The path under the site that the request path `url` (as sent, with its query)
/// names, decoded and without the leading `/`, or why there is none.
pub(crate) fn site_path(prefix: &str, url: &str) -> Result<String, Refused> {
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
    Ok(decoded.into_owned())
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name, value).expect("valid header")
}

impl Site {
    fn current(&self) -> Option<Arc<State>> {
        self.current.read().expect("lock").clone()
    }

    fn answer(&self, request: tiny_http::Request) {
        let host = request.headers().iter().find(|h| h.field.equiv("Host")).map(|h| h.value.as_str().to_string());
        if !host_allowed(host.as_deref(), self.bind) {
            let _ = request.respond(
                tiny_http::Response::from_string("this preview answers only to 127.0.0.1 and localhost")
                    .with_status_code(421),
            );
            return;
        }
        let path = request.url().split(['?', '#']).next().unwrap_or("/").to_string();
        if path == live::SCRIPT {
            let _ = request.respond(
                tiny_http::Response::from_string(live::LIVE_JS)
                    .with_header(header("Content-Type", "text/javascript; charset=utf-8")),
            );
            return;
        }
        if path == live::EVENTS {
            return self.events(request);
        }
        let Some(state) = self.current() else { return self.not_built(request) };
        let found = site_path(&self.prefix, request.url()).and_then(|rel| state.lookup(&rel).ok_or(Refused::NotFound));
        match found {
            Ok(file) => self.send(request, &state, &file),
            Err(Refused::NotFound) if !request.url().starts_with(&self.prefix) => {
                // Outside the site's sub-path: point to it.
                let body = format!(
                    "<!doctype html><title>areena</title><p>The site is at <a href=\"{0}\">{0}</a>.</p>",
                    self.prefix
                );
                let _ = request.respond(
                    tiny_http::Response::from_string(body)
                        .with_status_code(404)
                        .with_header(header("Content-Type", "text/html; charset=utf-8")),
                );
            }
            Err(Refused::NotFound) => self.not_found(request, &state),
            Err(Refused::BadPath) => {
                let _ = request.respond(tiny_http::Response::from_string("bad request path").with_status_code(400));
            }
            Err(Refused::Forbidden) => {
                let _ = request.respond(tiny_http::Response::from_string("forbidden").with_status_code(403));
            }
        }
    }

    /// The event stream of a page: headers now, then events as they come, until
    /// the page goes away.
    fn events(&self, request: tiny_http::Request) {
        let query = request.url().split_once('?').map_or("", |(_, q)| q);
        let param = |name: &str| {
            query
                .split('&')
                .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
                .map(|v| percent_encoding::percent_decode_str(v).decode_utf8_lossy().into_owned())
        };
        let state = self.current();
        let page = param("page").and_then(|p| site_path(&self.prefix, &p).ok()).unwrap_or_default();
        let now = state.as_deref().and_then(|s| live::page_hash(s, &page));
        // A page that is not there (the tab shows the not-found page) shows nothing.
        let shows = now.and(param("served").and_then(|h| u64::from_str_radix(&h, 16).ok()).or(now));
        let mut events = self.hub.connect(page, shows, now);
        let response = tiny_http::Response::empty(200)
            .with_header(header("Content-Type", "text/event-stream"))
            .with_header(header("Cache-Control", "no-cache"));
        let mut stream = request.upgrade("areena-events", response);
        while let Some(message) = events.next() {
            if stream.write_all(&message).and_then(|()| stream.flush()).is_err() {
                break;
            }
        }
    }

    /// The file `file` of `state`: pages with the live-reload script; other files
    /// with a tag, and 304 when the browser has them already.
    fn send(&self, request: tiny_http::Request, state: &State, file: &str) {
        let kind = content_type(file);
        let body = match state.get(file) {
            Some(Ok(b)) => b,
            Some(Err(d)) => {
                let lang = pipeline::report_language(&self.root, self.lang);
                let text = tr!(
                    en: "this page does not render: {m}",
                    fi: "tätä sivua ei voi näyttää: {m}",
                    sv: "den här sidan kan inte visas: {m}",
                    m = d.message
                );
                let _ = request.respond(tiny_http::Response::from_string(text.get(lang)).with_status_code(500));
                return;
            }
            None => return self.not_found(request, state),
        };
        if kind.starts_with("text/html") {
            let bytes = match &body {
                Body::Bytes(b) => b.to_vec(),
                Body::Builtin(b) => b.to_vec(),
                Body::File(p) => match preview::read_plain(p, file) {
                    Some(b) => b,
                    None => return self.not_found(request, state),
                },
            };
            let _ = request.respond(
                tiny_http::Response::from_data(live::inject(&bytes)).with_header(header("Content-Type", kind)),
            );
            return;
        }
        let asked =
            request.headers().iter().find(|h| h.field.equiv("If-None-Match")).map(|h| h.value.as_str().to_string());
        let (response, tag) = match body {
            Body::File(p) => {
                // A static file, or a folder above it, that became a symbolic link
                // since is not followed (a build never copies one).
                let Some(f) = preview::open_plain(&p, file) else {
                    return self.not_found(request, state);
                };
                let tag = f.metadata().ok().map(|m| etag(&m));
                (tiny_http::Response::from_file(f).boxed(), tag)
            }
            Body::Bytes(b) => (tiny_http::Response::from_data(b.to_vec()).boxed(), Some(hash_tag(&b))),
            Body::Builtin(b) => (tiny_http::Response::from_data(b.to_vec()).boxed(), Some(hash_tag(b))),
        };
        let response = response.with_header(header("Content-Type", kind));
        let _ = match tag {
            Some(t) if asked.as_deref() == Some(t.as_str()) => {
                request.respond(tiny_http::Response::empty(304).with_header(header("ETag", &t)))
            }
            Some(t) => request.respond(response.with_header(header("ETag", &t))),
            None => request.respond(response),
        };
    }

    fn not_found(&self, request: tiny_http::Request, state: &State) {
        let body = match state.lookup("404.html").and_then(|p| state.bytes(&p)) {
            Some(Ok(b)) => live::inject(&b),
            _ => b"not found".to_vec(),
        };
        let _ = request.respond(
            tiny_http::Response::from_data(body)
                .with_status_code(404)
                .with_header(header("Content-Type", "text/html; charset=utf-8")),
        );
    }

    /// Before the site first builds: a page that shows its problems (and reloads
    /// when they are fixed).
    fn not_built(&self, request: tiny_http::Request) {
        let body = live::inject(
            b"<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>areena</title><body>\
              <p>The site does not build yet: fix the problems shown, and this page reloads.</p></body></html>",
        );
        let _ = request.respond(
            tiny_http::Response::from_data(body)
                .with_status_code(503)
                .with_header(header("Content-Type", "text/html; charset=utf-8")),
        );
    }
}

/// A tag that changes when the file does (its size and time of change).
fn etag(m: &std::fs::Metadata) -> String {
    let modified = m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).unwrap_or_default();
    format!("\"{:x}-{:x}\"", m.len(), modified.as_nanos())
}

/// A tag from a file's bytes.
fn hash_tag(bytes: &[u8]) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    format!("\"{:x}-{:x}\"", bytes.len(), h.finish())
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map_or("", |(_, e)| e) {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "csv" => "text/csv; charset=utf-8",
        "yml" | "yaml" => "application/yaml; charset=utf-8",
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
        let f = |u: &str| site_path("/j/", u);
        assert_eq!(f("/j/a/"), Ok("a/".into()));
        assert_eq!(f("/j/a"), Ok("a".into()));
        assert_eq!(f("/j/kev%C3%A4t.css?x=1"), Ok("kevät.css".into()));
        assert_eq!(f("/j/"), Ok(String::new()));
        assert_eq!(f("/j"), Ok(String::new()));
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
        for f in ["a.md", "site.toml", "sedation.md", "sedona.md", "sedimentt", "themes.toml", "4913.md"] {
            assert!(!is_editor_scratch(Path::new(f)), "{f}");
        }
    }

    #[test]
    fn hosts() {
        for ok in ["127.0.0.1:8000", "localhost:8000", "localhost", "[::1]:8000", "LOCALHOST."] {
            assert!(host_allowed(Some(ok), LOOPBACK), "{ok}");
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
            assert!(!host_allowed(Some(bad), LOOPBACK), "{bad}");
        }
        assert!(!host_allowed(None, LOOPBACK));
        // Bound to another address: addresses (never names) are answered too.
        let lan: IpAddr = "0.0.0.0".parse().unwrap();
        assert!(host_allowed(Some("192.0.2.7:8000"), lan));
        assert!(host_allowed(Some("[2001:db8::1]:8000"), lan));
        assert!(!host_allowed(Some("192.0.2.7:8000"), LOOPBACK));
        assert!(!host_allowed(Some("evil.example:8000"), lan));
    }

    const LOOPBACK: IpAddr = IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);
}

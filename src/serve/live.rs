//! Live reload for `areena serve`: pages it serves get a small script that listens
//! on Server-Sent Events. After a build, a page whose file changed is told to
//! reload (and only such a page); when only stylesheets changed, pages swap them
//! without a reload; a failed build sends its problems, shown over the page until
//! a build succeeds again.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::Mutex;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use serde::Serialize;

use super::preview::State;
use crate::diagnostics::{Diagnostics, Positions, Severity};

/// Where pages listen for events.
pub(super) const EVENTS: &str = "/__areena/events";
/// The script every served page gets.
pub(super) const SCRIPT: &str = "/__areena/live.js";
/// Its text.
pub(super) const LIVE_JS: &str = include_str!("live.js");

/// The tag put before `</body>` of every HTML page `serve` hands out; it carries a
/// hash of the page, so that a page can be told to reload when the page it shows is
/// no longer the current one (also when a new version came before it listened).
pub(super) fn inject(html: &[u8]) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT}\" data-served=\"{:x}\" defer></script>", hash(html));
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{tag}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{tag}").into_bytes(),
    }
}

struct Client {
    /// The page's path under the site (`jarjestot/x/`).
    page: String,
    /// The hash of the page as the browser shows it (`None`: the not-found page).
    shows: Option<u64>,
    tx: Sender<String>,
}

/// The pages listening, what each shows, and the problems of the last change when
/// it failed.
#[derive(Default)]
pub(super) struct Hub {
    clients: Mutex<Vec<Client>>,
    problems: Mutex<Option<String>>,
}

fn event(name: &str, data: &str) -> String {
    format!("event: {name}\ndata: {data}\n\n")
}

/// The hash of the page at `rel` (a path under the site) in `state`; `None` when
/// there is no such page.
pub(super) fn page_hash(state: &State, rel: &str) -> Option<u64> {
    let file = state.lookup(rel)?;
    state.bytes(&file)?.ok().map(|b| hash(&b))
}

fn hash(bytes: &[u8]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

impl Hub {
    /// A page starts listening at `page` (its path under the site), showing the page
    /// whose hash is `shows` (`None`: the not-found page); `now` is the hash of that
    /// page in the current version. It hears at once about problems of the last
    /// change, or that it is out of date.
    pub(super) fn connect(&self, page: String, shows: Option<u64>, now: Option<u64>) -> Events {
        let (tx, rx) = mpsc::channel();
        if let Some(p) = self.problems.lock().expect("lock").as_ref() {
            let _ = tx.send(event("problems", p));
        } else if shows != now {
            let _ = tx.send(event("reload", "{}"));
        }
        self.clients.lock().expect("lock").push(Client { page, shows, tx });
        Events { rx, first: true }
    }

    /// Tell the pages whose predicate holds; forget pages that are gone.
    fn tell(&self, message: impl Fn(&Client) -> Option<String>) {
        self.clients.lock().expect("lock").retain(|c| match message(c) {
            Some(m) => c.tx.send(m).is_ok(),
            None => true,
        });
    }

    /// A new version is served: each open page whose bytes differ from what it was
    /// handed (rendered now, so this costs one page per open page) reloads; if only
    /// stylesheets changed (`css_only`), pages swap them; the problems are gone.
    pub(super) fn updated(&self, state: &State, css_only: bool) {
        let had_problems = self.problems.lock().expect("lock").take().is_some();
        let open: HashSet<String> = self.clients.lock().expect("lock").iter().map(|c| c.page.clone()).collect();
        // Each open page rendered once (outside the lock), whatever its number of tabs.
        let now: HashMap<String, Option<u64>> = open
            .into_iter()
            .map(|page| {
                let h = page_hash(state, &page);
                (page, h)
            })
            .collect();
        self.tell(|c| {
            let current = now.get(&c.page).copied().flatten();
            if css_only {
                Some(event("css", "{}"))
            } else if current != c.shows {
                Some(event("reload", "{}"))
            } else if had_problems {
                Some(event("fixed", "{}"))
            } else {
                None
            }
        });
    }

    /// A change failed: every page shows its problems (also one that starts
    /// listening meanwhile).
    pub(super) fn failed(&self, problems: String) {
        *self.problems.lock().expect("lock") = Some(problems.clone());
        self.tell(|_| Some(event("problems", &problems)));
    }
}

/// The event stream of one page.
pub(super) struct Events {
    rx: Receiver<String>,
    first: bool,
}

impl Events {
    /// The next message to send; `None` when the server stops.
    pub(super) fn next(&mut self) -> Option<Vec<u8>> {
        if std::mem::take(&mut self.first) {
            return Some(b": areena\n\n".to_vec());
        }
        match self.rx.recv_timeout(Duration::from_secs(15)) {
            Ok(m) => Some(m.into_bytes()),
            // A comment now and then: a page that went away is noticed.
            Err(RecvTimeoutError::Timeout) => Some(b": ping\n\n".to_vec()),
            Err(RecvTimeoutError::Disconnected) => None,
        }
    }
}

#[derive(Serialize)]
struct Problem<'a> {
    #[serde(flatten)]
    base: crate::diagnostics::report::JsonLine<'a>,
    /// The line the problem is on, as in the terminal report.
    source_line: Option<&'a str>,
}

/// The problems of a failed build, errors first, as the page shows them (JSON).
pub(super) fn problems_json(diags: &Diagnostics, lang: crate::diagnostics::Language) -> String {
    let mut list = Vec::new();
    let mut positions: Option<(&str, Positions<'_>)> = None;
    let mut sorted = diags.sorted();
    sorted.sort_by_key(|d| d.severity != Severity::Error);
    for d in sorted {
        let source = diags.source(&d.file).unwrap_or("");
        if positions.as_ref().is_none_or(|(f, _)| *f != d.file) {
            positions = Some((d.file.as_str(), Positions::new(source)));
        }
        let (line, column) = match (&d.span, positions.as_mut()) {
            (Some(s), Some((_, p))) => p.at(s.start),
            _ => (1, 1),
        };
        let source_line = d.span.as_ref().and_then(|_| source.lines().nth(line - 1)).map(|l| {
            let end = l.char_indices().nth(300).map_or(l.len(), |(i, _)| i);
            &l[..end]
        });
        list.push(Problem { base: crate::diagnostics::report::JsonLine::new(d, (line, column), lang), source_line });
    }
    serde_json::to_string(&list).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_end_of_the_body() {
        let page = b"<html><body><p>x</p></body></html>";
        let html = String::from_utf8(inject(page)).unwrap();
        let tag = format!("<script src=\"/__areena/live.js\" data-served=\"{:x}\" defer></script>", hash(page));
        assert_eq!(html, format!("<html><body><p>x</p>{tag}</body></html>"));
        assert_ne!(inject(b"<p>y</p>"), inject(b"<p>z</p>"), "the tag tells pages apart");
    }
}

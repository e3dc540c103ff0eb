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

/// The tag put before `</body>` of every HTML page `serve` hands out.
pub(super) fn inject(html: &[u8]) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT}\" defer></script>");
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{tag}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{tag}").into_bytes(),
    }
}

struct Client {
    /// The page's file in the site (`jarjestot/x/index.html`).
    page: String,
    tx: Sender<String>,
}

/// The pages listening, what each page was when it was last handed out, and the
/// problems of the last change when it failed.
#[derive(Default)]
pub(super) struct Hub {
    clients: Mutex<Vec<Client>>,
    served: Mutex<HashMap<String, u64>>,
    problems: Mutex<Option<String>>,
}

fn event(name: &str, data: &str) -> String {
    format!("event: {name}\ndata: {data}\n\n")
}

fn hash(bytes: &[u8]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

impl Hub {
    /// A page starts listening; it hears at once about problems of the last change.
    pub(super) fn connect(&self, page: String) -> Events {
        let (tx, rx) = mpsc::channel();
        if let Some(p) = self.problems.lock().expect("lock").as_ref() {
            let _ = tx.send(event("problems", p));
        }
        self.clients.lock().expect("lock").push(Client { page, tx });
        Events { rx, first: true }
    }

    /// The page `page` was handed out with these bytes.
    pub(super) fn served(&self, page: &str, bytes: &[u8]) {
        self.served.lock().expect("lock").insert(page.to_string(), hash(bytes));
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
        let served = self.served.lock().expect("lock").clone();
        let changed: HashSet<String> = open
            .into_iter()
            .filter(|page| {
                let now = state.bytes(page).and_then(Result::ok).map(|b| hash(&b));
                now.is_none() || now != served.get(page).copied()
            })
            .collect();
        self.tell(|c| {
            if css_only {
                Some(event("css", "{}"))
            } else if changed.contains(&c.page) {
                Some(event("reload", "{}"))
            } else if had_problems {
                Some(event("fixed", "{}"))
            } else {
                None
            }
        });
    }

    /// A change failed: every page shows its problems.
    pub(super) fn failed(&self, problems: String) {
        self.tell(|_| Some(event("problems", &problems)));
        *self.problems.lock().expect("lock") = Some(problems);
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
pub(super) fn problems_json(diags: &Diagnostics) -> String {
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
        list.push(Problem { base: crate::diagnostics::report::JsonLine::new(d, (line, column)), source_line });
    }
    serde_json::to_string(&list).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_end_of_the_body() {
        let html = inject(b"<html><body><p>x</p></body></html>");
        assert_eq!(
            String::from_utf8(html).unwrap(),
            "<html><body><p>x</p><script src=\"/__areena/live.js\" defer></script></body></html>"
        );
    }
}

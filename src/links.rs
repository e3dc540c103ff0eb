//! External links, checked on demand (`areena check --external-links`), never as part
//! of a build: the web is slow and changes, so a dead link is a warning with its
//! place, not a reason to refuse a build.
//!
//! Every `http(s)` address of the content (web sites in front matter, links and
//! pictures in Markdown) is requested once, with a few requests at a time and a
//! time limit each; each place that uses a failing address gets a warning.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Mutex;
use std::time::Duration;

use pulldown_cmark::{Event, Parser, Tag};

use crate::diagnostics::{Code, Diagnostic, Localized, tr};
use crate::load::raw::Text;
use crate::load::{Entry, Loaded};
use crate::model::body::markdown_options;

/// One use of an external address.
#[derive(Debug, Clone)]
pub struct ExternalLink {
    pub file: String,
    pub span: Option<Range<usize>>,
    pub url: String,
}

fn is_external(url: &str) -> bool {
    let l = url.trim().to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://")
}

fn from_body<R>(e: &Entry<R>, out: &mut Vec<ExternalLink>) {
    for (ev, range) in Parser::new_ext(e.body(), markdown_options()).into_offset_iter() {
        if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = ev
            && is_external(&dest_url)
        {
            out.push(ExternalLink {
                file: e.source.file.clone(),
                span: Some(range.start + e.body.start..range.end + e.body.start),
                url: dest_url.trim().to_string(),
            });
        }
    }
}

fn from_field<R>(e: &Entry<R>, t: &Option<Text>, out: &mut Vec<ExternalLink>) {
    if let Some(t) = t
        && is_external(t.get_ref())
    {
        let s = t.span();
        out.push(ExternalLink {
            file: e.source.file.clone(),
            span: Some(s.start + e.front_matter_offset..s.end + e.front_matter_offset),
            url: t.get_ref().trim().to_string(),
        });
    }
}

/// Every external address the content uses, with its place.
pub fn collect(loaded: &Loaded) -> Vec<ExternalLink> {
    let mut out = Vec::new();
    for e in &loaded.organisations {
        if let Some(r) = &e.raw {
            from_field(e, &r.website, &mut out);
        }
        from_body(e, &mut out);
    }
    for e in &loaded.networks {
        if let Some(r) = &e.raw {
            from_field(e, &r.website, &mut out);
        }
        from_body(e, &mut out);
    }
    for t in &loaded.tables {
        if let Some(e) = &t.index {
            if let Some(r) = &e.raw {
                from_field(e, &r.website, &mut out);
            }
            from_body(e, &mut out);
        }
        for n in &t.notes {
            from_body(n, &mut out);
        }
    }
    for e in &loaded.pages {
        from_body(e, &mut out);
    }
    out
}

/// What one request found: `None` when the address answered with success.
fn probe(agent: &ureq::Agent, url: &str) -> Option<Localized> {
    let answer = |r: Result<ureq::http::Response<ureq::Body>, ureq::Error>| match r {
        Ok(resp) => Ok(resp.status().as_u16()),
        Err(e) => Err(e.to_string()),
    };
    match answer(agent.head(url).call()) {
        Ok(s) if s < 400 => None,
        // Some servers refuse HEAD: ask again with GET before calling it broken.
        Ok(_) | Err(_) => match answer(agent.get(url).call()) {
            Ok(s) if s < 400 => None,
            Ok(s) => Some(tr!(
                en: "answered with status {s}",
                fi: "vastasi tilakoodilla {s}",
                sv: "svarade med statuskoden {s}"
            )),
            Err(e) => Some(tr!(
                en: "{e}",
                fi: "ei vastannut (osoitetta ei löytynyt, yhteys katkesi tai vastaus viipyi liian kauan)",
                sv: "svarade inte (adressen hittades inte, anslutningen bröts eller svaret dröjde för länge)"
            )),
        },
    }
}

/// The outcome of a link check.
pub struct Summary {
    pub addresses: usize,
    pub broken: usize,
}

/// Request every distinct address with at most `concurrency` requests at a time and
/// `timeout` each; one warning per use of a failing address.
pub fn check(links: &[ExternalLink], concurrency: usize, timeout: Duration) -> (Vec<Diagnostic>, Summary) {
    let mut by_url: BTreeMap<&str, Vec<&ExternalLink>> = BTreeMap::new();
    for l in links {
        by_url.entry(l.url.as_str()).or_default().push(l);
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .max_redirects(5)
        .user_agent("areena link check")
        .build()
        .into();
    let queue = Mutex::new(by_url.keys().copied().collect::<Vec<&str>>());
    let failures = Mutex::new(BTreeMap::new());
    std::thread::scope(|scope| {
        for _ in 0..concurrency.max(1) {
            scope.spawn(|| {
                loop {
                    let next = queue.lock().expect("lock").pop();
                    let Some(url) = next else { break };
                    if let Some(why) = probe(&agent, url) {
                        failures.lock().expect("lock").insert(url, why);
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().expect("lock");
    let mut diags = Vec::new();
    for (url, why) in &failures {
        for l in &by_url[url] {
            diags.push(
                Diagnostic::warning(
                    Code::BrokenExternalLink,
                    &l.file,
                    l.span.clone(),
                    tr!(en: "{url} {why}", fi: "{url} {why}", sv: "{url} {why}", why = why),
                )
                .with_help(tr!(
                    en: "check the address in a browser; fix it, or remove it if the page is gone",
                    fi: "avaa osoite selaimessa; korjaa se tai poista se, jos sivua ei enää ole",
                    sv: "öppna adressen i en webbläsare; rätta den eller ta bort den om sidan inte längre finns"
                )),
            );
        }
    }
    (diags, Summary { addresses: by_url.len(), broken: failures.len() })
}

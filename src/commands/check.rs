//! `areena check`: the pipeline without output; reports every problem.

use std::time::Duration;

use super::{Outcome, report};
use crate::cli::CheckArgs;
use crate::pipeline::{self, Settings};

pub fn run(args: &CheckArgs) -> Outcome {
    let settings = Settings { drafts: args.site.drafts, today: pipeline::today() };
    let (checked, summary) = if args.external_links {
        match pipeline::check_external(&args.site.root, settings, args.concurrency, Duration::from_secs(args.timeout)) {
            Ok((c, s)) => (c, Some(s)),
            Err(e) => {
                eprintln!("error: {e}");
                return Outcome::UsageOrIo;
            }
        }
    } else {
        match pipeline::check(&args.site.root, settings) {
            Ok(c) => (c, None),
            Err(e) => {
                eprintln!("error: {e}");
                return Outcome::UsageOrIo;
            }
        }
    };
    let lang = pipeline::report_language(&args.site.root, args.site.lang);
    report(&checked.diagnostics, args.format, lang);
    if let Some(s) = summary {
        eprintln!("external links: {} addresses checked, {} not answering", s.addresses, s.broken);
    }
    if checked.diagnostics.has_errors() { Outcome::ContentErrors } else { Outcome::Ok }
}

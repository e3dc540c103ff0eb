//! `areena check`: the pipeline without output; reports every problem.

use super::{Outcome, report};
use crate::cli::CheckArgs;
use crate::pipeline::{self, Settings};

pub fn run(args: &CheckArgs) -> Outcome {
    let settings = Settings { drafts: args.site.drafts, today: pipeline::today() };
    let checked = match pipeline::check(&args.site.root, settings) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return Outcome::UsageOrIo;
        }
    };
    report(&checked.diagnostics, args.format);
    if checked.diagnostics.has_errors() { Outcome::ContentErrors } else { Outcome::Ok }
}

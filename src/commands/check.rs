//! `areena check`: the pipeline without output; reports every problem.

use std::io::{IsTerminal, Write};

use super::Outcome;
use crate::cli::{CheckArgs, Format};
use crate::diagnostics::report;
use crate::pipeline::{self, Settings};

pub fn run(args: &CheckArgs) -> Outcome {
    let settings = Settings {
        drafts: args.site.drafts,
        today: pipeline::today(),
    };
    let checked = match pipeline::check(&args.site.root, settings) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return Outcome::UsageOrIo;
        }
    };
    let diags = &checked.diagnostics;
    match args.format {
        Format::Json => {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(report::json(diags).as_bytes());
        }
        Format::Human => {
            let stderr = std::io::stderr();
            let color = stderr.is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let width = if color { 120 } else { 100 };
            let _ = stderr
                .lock()
                .write_all(report::human(diags, report::Style { color, width }).as_bytes());
        }
    }
    if diags.has_errors() {
        Outcome::ContentErrors
    } else {
        Outcome::Ok
    }
}

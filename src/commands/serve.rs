//! `areena serve`: see [`crate::serve`].

use super::Outcome;
use crate::cli::ServeArgs;

pub fn run(args: &ServeArgs) -> Outcome {
    match crate::serve::run(
        &args.site.root,
        crate::serve::Listen { bind: args.bind, port: args.port },
        args.site.drafts,
        args.site.lang,
    ) {
        Ok(()) => Outcome::Ok,
        Err(e) => {
            eprintln!("error: {e}");
            Outcome::UsageOrIo
        }
    }
}

//! `areena build`: the whole site into a folder of static files.

use std::io::Write;
use std::time::Instant;

use super::{Outcome, report};
use crate::cli::BuildArgs;
use crate::pipeline::{self, BuildOptions, Settings};

pub fn run(args: &BuildArgs) -> Outcome {
    let start = Instant::now();
    let opts = BuildOptions {
        settings: Settings { drafts: args.site.drafts, today: pipeline::today() },
        output: args.output.clone(),
        base_url: args.base_url.clone(),
        force: args.force,
        manifest: args.manifest.clone(),
    };
    let built = match pipeline::build(&args.site.root, &opts) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            return Outcome::UsageOrIo;
        }
    };
    let diags = &built.diagnostics;
    if !diags.items().is_empty() {
        report(diags, args.format, pipeline::report_language(&args.site.root, args.site.lang));
    }
    if args.timings {
        let mut err = std::io::stderr().lock();
        for (stage, d) in &built.timings.stages {
            let _ = writeln!(err, "{stage:<20} {:>9.3} s", d.as_secs_f64());
        }
    }
    if diags.has_errors() {
        eprintln!("build failed: nothing was written; {} is as it was", built.output.display());
        return Outcome::ContentErrors;
    }
    let kept = if built.kept > 0 {
        format!(" ({} of them unchanged, kept from the previous output)", built.kept)
    } else {
        String::new()
    };
    eprintln!(
        "wrote {} files to {}{kept} in {:.2} s",
        built.files,
        built.output.display(),
        start.elapsed().as_secs_f64()
    );
    Outcome::Ok
}

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

use areena::cli::{Cli, Command};
use areena::commands;
use clap::Parser;

fn main() -> ExitCode {
    // No transparent huge pages: the allocator asks for them, and the kernel then
    // zeroes two megabytes at every first touch of a new one. A build with search
    // spent a third of its system time on that (a tenth of its whole time).
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    // Smaller index chunks than Pagefind's default (20,000 word locations): a search
    // downloads the chunk of each word in every part of the index, so a chunk should
    // hold little more than the word's own entries. Pagefind reads this setting only
    // from the environment; it is set before any other thread starts.
    if std::env::var_os(areena::SEARCH_CHUNK_ENV).is_none() {
        // SAFETY: no other thread runs yet, so none reads the environment meanwhile.
        unsafe { std::env::set_var(areena::SEARCH_CHUNK_ENV, areena::SEARCH_CHUNK_LOCATIONS) };
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // --help and --version are not errors.
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    if !matches!(cli.command, Command::Serve(_)) {
        areena::keep_freed_memory();
    }
    let outcome = match &cli.command {
        Command::Check(args) => commands::check::run(args),
        Command::Build(args) => commands::build::run(args),
        Command::Serve(args) => commands::serve::run(args),
        Command::New(args) => commands::new::run(args),
        Command::Init(args) => commands::init::run(args),
        Command::Import(kind) => commands::import::run(kind),
    };
    ExitCode::from(outcome.code())
}

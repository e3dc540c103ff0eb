//! areena compiles a regional directory of civic organisations — organisations,
//! networks, partnership tables and their meeting notes — from Markdown + TOML files
//! into a static website.
//!
//! Data flows one way:
//!
//! ```text
//!  files ──load──▶ Raw* + spans ──model──▶ Site (typed, validated)
//!        (collect every problem as a Diagnostic, with file, line and column)
//!  Site ──index──▶ cross references ──render──▶ pages (site theme's templates)
//!       ──write──▶ staging folder, swapped in only when nothing failed
//! ```
//!
//! [`pipeline`] calls the stages in order; `check` is the pipeline without
//! index, render and write.

// Public: what the `areena` binary, the integration tests and the benchmarks use.
// The rest is private to the crate.
pub mod cli;
pub mod commands;
pub mod diagnostics;
/// `areena import`: content files from a spreadsheet (beside the pipeline: it writes
/// sources, not output).
pub(crate) mod import;
pub mod index;
pub(crate) mod layout;
pub mod links;
pub mod load;
pub mod model;
pub mod pipeline;
pub mod render;
pub(crate) mod search;
pub(crate) mod serve;
pub(crate) mod write;

/// The environment variable through which Pagefind takes its index chunk size.
pub const SEARCH_CHUNK_ENV: &str = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE";
/// Word locations per index chunk (Pagefind's default is 20,000).
pub const SEARCH_CHUNK_LOCATIONS: &str = "2500";

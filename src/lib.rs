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

/// mimalloc's option `purge_delay` (its number in the `mi_option_e` of mimalloc 3's
/// `mimalloc.h`, which `libmimalloc-sys` names no constant for).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keep the memory a command frees for what it makes next, instead of giving it
/// back to the system a second later (the allocator's default). A build lets go of
/// the pages it has written while it indexes the search, and of each part of the
/// index while it makes the next: given back, every new page of memory cost a fault
/// and zeroing again, which was a tenth of a 100,000-organisation build's CPU time
/// (docs/performance.md). The peak memory is the same; a one-time command hands it
/// all back when it ends. `serve`, which keeps running, does not call this.
pub fn keep_freed_memory() {
    // SAFETY: sets one of the linked allocator's options; mimalloc reads its options
    // at each use, and they may be set at any time.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

#[cfg(test)]
mod allocator_tests {
    #[test]
    fn purge_delay_is_the_option_number_of_the_linked_mimalloc() {
        // Its default (1000 ms) tells it apart from the options beside it (14: 1,
        // 16: 0), should a newer mimalloc number them differently.
        // SAFETY: reads an option of the linked allocator.
        let delay = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(delay, 1000);
        }
    }
}

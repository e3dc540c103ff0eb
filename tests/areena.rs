//! areena's integration tests: tiny sites built in temporary folders, checked as an
//! editor or a reader would see them.

mod build;
mod check;
mod import;
mod support;

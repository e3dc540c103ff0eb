//! The stages in order: load → model. Every stage adds to one [`Diagnostics`].

use std::path::Path;

use crate::diagnostics::Diagnostics;
use crate::load::{self, LoadError};
use crate::model::{self, Site};

/// Settings that change what the pipeline keeps.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub drafts: bool,
    pub today: jiff::civil::Date,
}

/// The outcome of loading and validating a site.
pub struct Checked {
    pub site: Site,
    pub diagnostics: Diagnostics,
}

/// Load and validate the site at `root`.
pub fn check(root: &Path, settings: Settings) -> Result<Checked, LoadError> {
    let mut diagnostics = Diagnostics::new();
    let loaded = load::load(root, &mut diagnostics)?;
    let site = model::resolve(
        &loaded,
        model::Options {
            drafts: settings.drafts,
            today: settings.today,
        },
        &mut diagnostics,
    );
    Ok(Checked { site, diagnostics })
}

/// Today's date, or the date in `AREENA_TODAY` (YYYY-MM-DD) when set, so that checks
/// which depend on the date (`stale_after_months`) can be reproduced.
pub fn today() -> jiff::civil::Date {
    if let Ok(s) = std::env::var("AREENA_TODAY")
        && let Ok(d) = s.trim().parse()
    {
        return d;
    }
    jiff::ZonedDateTime::now().date()
}

//! The page for an address that does not exist (`404.html`).

use super::*;

pub(super) fn render(r: &Renderer<'_>) -> Result<Output, Diagnostic> {
    let mut meta = r.meta(r.theme.t("not_found"), r.routes.file("404.html"), "");
    // The not-found page answers at many addresses: no canonical one.
    meta.canonical = String::new();
    r.template::<()>("404.html", &meta, "", None)
}

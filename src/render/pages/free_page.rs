//! A free page of `content/pages/`.

use serde::Serialize;

use super::*;

/// `page.html`: a free page.
#[derive(Debug, Clone, Serialize)]
struct FreePageView {
    body_html: String,
}

pub(super) fn render(r: &Renderer<'_>, p: usize) -> Result<Output, Diagnostic> {
    let pg = &r.site.pages[p];
    let mut meta = r.meta(&pg.title, r.routes.free_page(&pg.slug), "");
    meta.description = pg.description.clone();
    if pg.menu {
        meta.section = format!("page-{}", pg.slug);
    }
    let view = FreePageView { body_html: r.html(&pg.body, 2) };
    r.page(&meta, &view)
}

impl PageView for FreePageView {
    const TEMPLATE: &'static str = "page.html";
    const KEY: &'static str = "free";
}

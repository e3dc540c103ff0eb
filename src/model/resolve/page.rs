//! A free page into a [`Page`].

use super::*;

pub(super) fn page(ctx: &Ctx<'_>, e: &Entry<RawPage>, raw: &RawPage, out: &mut Vec<Diagnostic>) -> Option<Page> {
    let mut r = Report::new(ctx, e);
    let RawPage { title, description, menu, weight, draft } = raw;
    r.invisible(title);
    let title_v = r.required(title, "title", "\"Tietoa hakemistosta\"");
    let p = Page {
        slug: e.slug.clone(),
        title: title_v,
        description: r.text(description),
        menu: menu.unwrap_or(false),
        weight: weight.as_ref().map(|w| *w.get_ref()).unwrap_or(0),
        draft: draft.unwrap_or(false),
        body: body_of(e),
    };
    r.finish(out);
    Some(p)
}

//! A network file into a [`Network`].

use super::*;

pub(super) fn network(
    ctx: &Ctx<'_>,
    e: &Entry<RawNetwork>,
    raw: &RawNetwork,
    out: &mut Vec<Diagnostic>,
) -> Option<Network> {
    let mut r = Report::new(ctx, e);
    let RawNetwork {
        name,
        kind,
        coordinator,
        members,
        themes,
        municipalities,
        regions,
        website,
        email,
        phone,
        updated,
        draft,
        contact,
    } = raw;
    r.invisible(name);
    let name_v = r.required(name, "name", "\"Keski-Suomen Järjestöareena\"");
    let n = Network {
        slug: e.slug.clone(),
        name: name_v,
        kind: r.kind(kind, NetworkKind::NAMES, NetworkKind::parse, NetworkKind::default()),
        coordinator: coordinator.as_ref().and_then(|c| r.reference(&ctx.orgs, c, Code::UnknownOrganisation)),
        members: r.references(&ctx.orgs, members, Code::UnknownOrganisation),
        themes: r.themes(themes),
        area: r.area(municipalities, regions, false),
        website: r.url(website),
        email: r.email(email),
        phone: r.phone(phone),
        updated: r.date(updated),
        draft: draft.unwrap_or(false),
        contact: r.contact(contact),
        body: body_of(e),
    };
    r.finish(out);
    Some(n)
}

//! The networks: the list, and one page per network with its members.

use serde::Serialize;

use super::*;

#[derive(Debug, Clone, Serialize)]
struct NetworkItem<'a> {
    name: &'a str,
    url: String,
    kind: &'static str,
    kind_label: String,
    members: usize,
}

/// `networks.html`.
#[derive(Debug, Clone, Serialize)]
struct NetworksView<'a> {
    networks: Vec<NetworkItem<'a>>,
}

/// `network.html`.
#[derive(Debug, Clone, Serialize)]
struct NetworkView<'a> {
    name: &'a str,
    kind: &'static str,
    kind_label: String,
    coordinator: Option<Link<'a>>,
    members: Vec<Card>,
    themes: Vec<Link<'a>>,
    municipalities: Vec<Link<'a>>,
    regions: Vec<&'a str>,
    website: Option<&'a str>,
    email: Option<&'a str>,
    phone: Option<&'a str>,
    phone_href: Option<String>,
    contact: Option<ContactView<'a>>,
    updated: Option<DateView>,
    body_html: String,
}

pub(super) fn render_index(r: &Renderer<'_>) -> Result<Output, Diagnostic> {
    let (site, ix, rt) = (r.site, r.index, &r.routes);
    let mut meta = r.meta(r.title_of("networks"), rt.networks(), "networks");
    let networks = ix
        .network_order
        .iter()
        .map(|&n| {
            let nw = &site.networks[n];
            NetworkItem {
                name: &nw.name,
                url: rt.network(&nw.slug),
                kind: nw.kind.as_str(),
                kind_label: r.theme.t(nw.kind.label_key()),
                members: ix.network_members[n].len(),
            }
        })
        .collect::<Vec<NetworkItem<'_>>>();
    r.set_list_json_ld(&mut meta, networks.iter().map(|n| (n.name, n.url.as_str())));
    r.page(&meta, &NetworksView { networks })
}

pub(super) fn render(r: &Renderer<'_>, n: NetworkId) -> Result<Output, Diagnostic> {
    let (site, ix, rt) = (r.site, r.index, &r.routes);
    let nw = &site.networks[n];
    let meta = r.meta(&nw.name, rt.network(&nw.slug), "networks");
    let mut meta = r.with_events(meta, &r.index.events.network[n], None);
    meta.description = Some(crate::model::body::first_sentence(nw.body.markdown())).filter(|d| !d.is_empty());
    let ld = r.group_json_ld(&meta, &nw.area, ix.network_members[n].iter().copied(), []);
    meta.json_ld = vec![crate::render::structured::script_json(&ld)];
    let view = NetworkView {
        name: &nw.name,
        kind: nw.kind.as_str(),
        kind_label: r.theme.t(nw.kind.label_key()),
        coordinator: nw.coordinator.map(|c| r.org_link(c)),
        members: r.items(&ix.network_members[n]),
        themes: r.theme_links(&nw.themes),
        municipalities: r.municipality_links(&nw.area),
        regions: r.region_names(&nw.area),
        website: nw.website.as_deref(),
        email: nw.email.as_deref(),
        phone: nw.phone.as_deref(),
        phone_href: nw.phone.as_deref().map(tel),
        contact: r.contact(&nw.contact),
        updated: nw.updated.map(|d| dates::view(d, r.lang())),
        body_html: r.html(&nw.body, 3),
    };
    r.page(&meta, &view)
}

impl PageView for NetworksView<'_> {
    const TEMPLATE: &'static str = "networks.html";
    const KEY: &'static str = "networks";
}

impl PageView for NetworkView<'_> {
    const TEMPLATE: &'static str = "network.html";
    const KEY: &'static str = "network";
}

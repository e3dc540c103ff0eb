//! The networks: the list, and one page per network with its members.

use serde::Serialize;

use super::*;

#[derive(Debug, Clone, Serialize)]
pub struct NetworkItem<'a> {
    pub name: &'a str,
    pub url: String,
    pub kind: &'static str,
    pub kind_label: String,
    pub members: usize,
}

/// `networks.html`.
#[derive(Debug, Clone, Serialize)]
pub struct NetworksView<'a> {
    pub networks: Vec<NetworkItem<'a>>,
}

/// `network.html`.
#[derive(Debug, Clone, Serialize)]
pub struct NetworkView<'a> {
    pub name: &'a str,
    pub kind: &'static str,
    pub kind_label: String,
    pub coordinator: Option<Link<'a>>,
    pub members: Vec<OrganisationItem<'a>>,
    pub themes: Vec<Link<'a>>,
    pub municipalities: Vec<Link<'a>>,
    pub regions: Vec<&'a str>,
    pub website: Option<&'a str>,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub phone_href: Option<String>,
    pub contact: Option<ContactView<'a>>,
    pub updated: Option<DateView>,
    pub body_html: String,
}

pub(super) fn render_index(r: &Renderer<'_>) -> Result<Output, Diagnostic> {
    let (site, ix, rt) = (r.site, r.index, &r.routes);
    let meta = r.meta(r.title_of("networks"), rt.networks(), "networks");
    let networks = ix
        .network_order
        .iter()
        .map(|&n| {
            let nw = &site.networks[n];
            NetworkItem {
                name: &nw.name,
                url: rt.network(&nw.slug),
                kind: nw.kind.as_str(),
                kind_label: r.theme.t(&format!("network_{}", nw.kind.as_str())),
                members: ix.network_members[n].len(),
            }
        })
        .collect();
    r.template("networks.html", &meta, "networks", Some(&NetworksView { networks }))
}

pub(super) fn render(r: &Renderer<'_>, n: usize) -> Result<Output, Diagnostic> {
    let (site, ix, rt) = (r.site, r.index, &r.routes);
    let nw = &site.networks[n];
    let meta = r.meta(&nw.name, rt.network(&nw.slug), "networks");
    let view = NetworkView {
        name: &nw.name,
        kind: nw.kind.as_str(),
        kind_label: r.theme.t(&format!("network_{}", nw.kind.as_str())),
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
    r.template("network.html", &meta, "network", Some(&view))
}

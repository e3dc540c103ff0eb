//! The A–Ö list of every organisation, in pages of [`PAGE_SIZE`], with a letter index.

use serde::Serialize;

use super::*;
use crate::index::initial;

/// Organisations per page of the A–Ö list.
pub(crate) const PAGE_SIZE: usize = 1000;

/// `organisations.html`: A–Ö.
#[derive(Debug, Clone, Serialize)]
struct OrganisationsView {
    count: usize,
    /// The letters on this page.
    letters: Vec<Group>,
    /// Every letter of the whole list, linking to the page and place it starts.
    letter_index: Vec<TextLink>,
    /// The pages of a long list (empty when it fits on one page).
    pages: Vec<PagerItem>,
}

/// One page of a long list.
#[derive(Debug, Clone, Serialize)]
pub(super) struct PagerItem {
    number: usize,
    url: String,
    current: bool,
}

/// The pager of a list of `pages` pages (none when it fits on one), `page` current.
pub(super) fn pager(pages: usize, page: usize, url: impl Fn(usize) -> String) -> Vec<PagerItem> {
    if pages <= 1 {
        return Vec::new();
    }
    (0..pages).map(|p| PagerItem { number: p + 1, url: url(p), current: p == page }).collect()
}

/// Page `page` (from 0) of a long list, and how many pages the list has (at least 1).
pub(super) fn paged<T>(list: &[T], page: usize) -> (&[T], usize) {
    let start = (page * PAGE_SIZE).min(list.len());
    (&list[start..(start + PAGE_SIZE).min(list.len())], list.len().div_ceil(PAGE_SIZE).max(1))
}

pub(super) fn render(r: &Renderer<'_>, page: usize) -> Result<Output, Diagnostic> {
    let (site, ix, rt, lang) = (r.site, r.index, &r.routes, r.lang());
    let url = if page == 0 { rt.organisations() } else { rt.organisations_page(page + 1) };
    let mut meta = r.meta(r.theme.t("all_organisations"), url, "organisations");
    let (slice, pages) = paged(&ix.order, page);
    if page > 0 {
        meta.title = format!("{} ({}/{pages})", meta.title, page + 1);
    }
    let page_url = |p: usize| if p == 0 { rt.organisations() } else { rt.organisations_page(p + 1) };
    // The index of every letter, pointing at the page where it starts.
    let letter_index: Vec<TextLink> = r
        .letter_starts()
        .iter()
        .map(|(pos, letter)| {
            let target = if pos / PAGE_SIZE == page { String::new() } else { page_url(pos / PAGE_SIZE) };
            TextLink { url: format!("{target}#kirjain-{}", letter_id(letter)), text: letter.clone() }
        })
        .collect();
    let mut letters: Vec<Group> = Vec::new();
    for &id in slice {
        let letter = initial(&site.organisations[id].name, lang);
        if letters.last().is_none_or(|g| g.name != letter) {
            let anchor = format!("kirjain-{}", letter_id(&letter));
            letters.push(Group {
                name: letter,
                id: anchor,
                url: None,
                count: 0,
                organisations: Vec::new(),
                more: None,
            });
        }
        let g = letters.last_mut().expect("pushed");
        g.organisations.push(r.item(id));
        g.count += 1;
    }
    let listed = letters.iter().flat_map(|g| &g.organisations);
    r.set_list_json_ld(&mut meta, listed.map(|o| (o.name(), o.url())));
    let view = OrganisationsView { count: ix.order.len(), letters, letter_index, pages: pager(pages, page, page_url) };
    r.page(&meta, &view)
}

/// A fragment id for a letter heading; Å, Ä and Ö must not collide with A and O.
fn letter_id(letter: &str) -> String {
    match letter {
        "Å" => "aa".into(),
        "Ä" => "ae".into(),
        "Ö" => "oe".into(),
        "0–9" => "0-9".into(),
        "#" => "muut".into(),
        other => other.to_lowercase(),
    }
}

impl PageView for OrganisationsView {
    const TEMPLATE: &'static str = "organisations.html";
    const KEY: &'static str = "orgs";
}

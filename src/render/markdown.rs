//! Markdown bodies to HTML: raw HTML escaped unless the site allows it, links between
//! content files turned into page links, site-root links and images given the base
//! path, headings moved one level down (the page's h1 is the entity's name) and given
//! ids, and links that could run script made inert.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Parser, Tag, TagEnd, html};

use crate::model::body::{is_unsafe_url, markdown_options, resolve_relative};
use crate::model::slug::slugify;

/// Ids the default theme's templates give to parts of a page; heading ids made from
/// Markdown never take them (a heading "About" becomes `about-2`).
const TEMPLATE_IDS: &[&str] = &[
    "main",
    "about",
    "activities",
    "attendees",
    "basic-info",
    "by-municipality",
    "contact-title",
    "decisions",
    "members",
    "nationwide",
    "nearby",
    "org-networks",
    "org-notes",
    "org-tables",
    "purpose",
    "reach-local",
    "reach-nation",
    "reach-region",
    "region-wide",
    "search-q",
    "search-results",
    "header-q",
    "home-q",
    "table-notes",
    "theme-networks",
    "theme-tables",
];

/// What link rewriting needs to know about the site.
pub struct LinkContext<'a> {
    /// Content file (under `content/`, e.g. `organisations/x.md`) → page URL.
    pub pages: &'a HashMap<String, String>,
    /// The base path of site-root links, `/` or `/jarjestot/` (in every language the
    /// first language's, where the static files are).
    pub base: &'a str,
    pub unsafe_html: bool,
    /// The level the body's top-most headings get (2 when the body sits right under
    /// the page's h1, 3 under a section heading of the template).
    pub top_level: u8,
}

/// Render the Markdown `body` of the content file `file` (a path under the site root).
pub fn to_html(body: &str, file: &str, cx: &LinkContext<'_>) -> String {
    // Control and direction-override characters go first (check warns about them):
    // taking them out later could join `java\u{7}script:` into a working scheme.
    let cleaned = crate::model::values::without_dropped_chars(body);
    let body = cleaned.as_deref().unwrap_or(body);
    let in_content = file.strip_prefix("content/").unwrap_or(file);
    let mut events: Vec<Event<'_>> = Parser::new_ext(body, markdown_options()).collect();
    // Shift headings so that the body's top-most level becomes `top_level`: no
    // second h1 on a page, and no skipped levels.
    let min = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as u8),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let shift = i16::from(cx.top_level) - i16::from(min);
    // The ids taken besides the templates' own, made at the first heading (most
    // bodies of a directory have none or a few, and every page has a body).
    let mut used_ids: Option<HashSet<String>> = None;
    let taken = |id: &str, used: &mut HashSet<String>| TEMPLATE_IDS.contains(&id) || !used.insert(id.to_string());
    let mut i = 0;
    // Each event is taken out of the list as it is written (a heading still reads the
    // events after it for its text).
    let out_events = std::iter::from_fn(|| {
        let ev = std::mem::replace(events.get_mut(i)?, Event::SoftBreak);
        let ev = match ev {
            Event::Html(s) | Event::InlineHtml(s) if !cx.unsafe_html => Event::Text(s),
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                Event::Start(Tag::Link { link_type, dest_url: rewrite(&dest_url, in_content, cx), title, id })
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                Event::Start(Tag::Image { link_type, dest_url: rewrite(&dest_url, in_content, cx), title, id })
            }
            // Of the `{#id .class key=value}` attributes of a heading only the id is
            // kept: no attribute written in content reaches a page (check warns).
            Event::Start(Tag::Heading { level, id, .. }) => {
                let wanted = id.map_or_else(|| slugify(&heading_text(&events[i + 1..])), |s| s.to_string());
                let wanted = if wanted.is_empty() { "osio".to_string() } else { wanted };
                let used = used_ids.get_or_insert_with(HashSet::new);
                let mut unique = wanted.clone();
                let mut n = 2;
                while taken(&unique, used) {
                    unique = format!("{wanted}-{n}");
                    n += 1;
                }
                Event::Start(Tag::Heading {
                    level: shifted(level, shift),
                    id: Some(CowStr::from(unique)),
                    classes: Vec::new(),
                    attrs: Vec::new(),
                })
            }
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(shifted(level, shift))),
            other => other,
        };
        i += 1;
        Some(ev)
    });
    let mut html_out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut html_out, out_events);
    // Character references (`&#7;`) can still make such characters: out with them
    // too, and only then, when raw HTML is allowed, the sanitiser has the last word.
    // (Only a reference makes one: the body has none left, and without an `&` it has
    // no reference.)
    let html_out = if body.contains('&') {
        crate::model::values::without_dropped_chars(&html_out).unwrap_or(html_out)
    } else {
        html_out
    };
    if !cx.unsafe_html {
        return html_out;
    }
    // The sanitiser decodes references in raw HTML (`java&#7;script:`); what it
    // decodes into such characters is taken out and the result sanitised once more,
    // so that nothing it let pass can turn into a script address.
    let clean = sanitise(&html_out);
    match crate::model::values::without_dropped_chars(&clean) {
        Some(stripped) => sanitise(&stripped),
        None => clean,
    }
}

/// With `unsafe_html = true` raw HTML of the content is kept, but not script: the
/// rendered body goes through ammonia's allowlist of elements and attributes (no
/// `<script>`, `<style>`, `on…` attributes or `javascript:` addresses). Ids stay on
/// headings and footnotes, and the only classes kept are the footnotes'.
fn sanitise(html: &str) -> String {
    use std::sync::OnceLock;
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    let cleaner = CLEANER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.add_generic_attributes(["id"])
            .add_tags(["input"])
            .add_tag_attributes("input", ["type", "checked", "disabled"])
            .add_allowed_classes("sup", ["footnote-reference"])
            .add_allowed_classes("div", ["footnote-definition"])
            .add_allowed_classes("span", ["footnote-definition-label"])
            .link_rel(None)
            .url_relative(ammonia::UrlRelative::PassThrough);
        b
    });
    cleaner.clean(html).to_string()
}

fn shifted(level: HeadingLevel, shift: i16) -> HeadingLevel {
    match (level as i16 + shift).clamp(2, 6) {
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

fn heading_text(events: &[Event<'_>]) -> String {
    let mut s = String::new();
    for e in events {
        match e {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            _ => {}
        }
    }
    s
}

fn rewrite<'e>(dest: &CowStr<'e>, in_content: &str, cx: &LinkContext<'_>) -> CowStr<'e> {
    let url = dest.trim();
    if is_unsafe_url(url) {
        return CowStr::from("#");
    }
    if url.starts_with("//")
        || url.starts_with('#')
        || url.contains(':') && !url.starts_with('/') && !url.starts_with('.')
    {
        return dest.clone();
    }
    if let Some(rest) = url.strip_prefix('/') {
        return CowStr::from(format!("{}{}", cx.base, rest));
    }
    let (path, fragment) = match url.find('#') {
        Some(i) => (&url[..i], &url[i..]),
        None => (url, ""),
    };
    if path.ends_with(".md")
        && let Some(target) = resolve_relative(in_content, path)
        && let Some(page) = cx.pages.get(&target)
    {
        return CowStr::from(format!("{page}{fragment}"));
    }
    dest.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(md: &str, unsafe_html: bool) -> String {
        let mut pages = HashMap::new();
        pages.insert("organisations/b.md".to_string(), "/j/jarjestot/b/".to_string());
        pages.insert("networks/n.md".to_string(), "/j/verkostot/n/".to_string());
        to_html(
            md,
            "content/organisations/a.md",
            &LinkContext { pages: &pages, base: "/j/", unsafe_html, top_level: 2 },
        )
    }

    #[test]
    fn links_and_images() {
        let h =
            render("[b](b.md) [n](../networks/n.md#x) [t](/teemat/) ![k](/kuvat/k.jpg) [w](https://a.example)", false);
        assert!(h.contains(r#"href="/j/jarjestot/b/""#), "{h}");
        assert!(h.contains(r#"href="/j/verkostot/n/#x""#), "{h}");
        assert!(h.contains(r#"href="/j/teemat/""#), "{h}");
        assert!(h.contains(r#"src="/j/kuvat/k.jpg""#), "{h}");
        assert!(h.contains(r#"href="https://a.example""#), "{h}");
        // An address with a scheme is left as written, even where its path would
        // lead to a content file.
        let h = render("[s](x:/../../networks/n.md) [f](#yhteystiedot) [p](//a.example/opas.md)", false);
        assert!(h.contains(r#"href="//a.example/opas.md""#), "{h}");
        assert!(h.contains(r#"href="x:/../../networks/n.md""#), "{h}");
        assert!(h.contains(r##"href="#yhteystiedot""##), "{h}");
    }

    #[test]
    fn hostile_markdown_is_inert() {
        let h = render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>", false);
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("<img src=x"), "{h}");
        assert!(!h.contains("javascript:"), "{h}");
        assert!(h.contains("&lt;script&gt;"), "{h}");
        let h = render("<b>bold</b>", true);
        assert!(h.contains("<b>bold</b>"));
    }

    #[test]
    fn heading_attributes_other_than_the_id_are_dropped() {
        for unsafe_html in [false, true] {
            let h = render(
                "## Toiminta {onfocus=alert(document.domain) autofocus tabindex=1}\n\n## Muu {#oma .punainen style=x}",
                unsafe_html,
            );
            assert!(h.contains(r#"<h2 id="toiminta">Toiminta</h2>"#), "{h}");
            assert!(h.contains(r#"<h2 id="oma">Muu</h2>"#), "{h}");
            for bad in ["onfocus", "autofocus", "tabindex", "punainen", "style"] {
                assert!(!h.contains(bad), "{bad} in {h}");
            }
        }
    }

    #[test]
    fn raw_html_allowed_by_the_site_carries_no_script() {
        let h = render(
            "<script>alert(1)</script>\n\n<p onclick=\"alert(1)\">x <a href=\"javascript:alert(1)\">y</a> <img src=x onerror=alert(1)></p>\n\n<details><summary>Lisää</summary>Teksti</details>\n\n- [x] tehty[^1]\n\n[^1]: Huomautus.",
            true,
        );
        for bad in ["<script", "onclick", "javascript:", "onerror"] {
            assert!(!h.contains(bad), "{bad} in {h}");
        }
        assert!(h.contains("<details>") && h.contains("<summary>Lisää</summary>"), "{h}");
        assert!(h.contains(r#"type="checkbox""#) && h.contains(r#"class="footnote-reference""#), "{h}");
    }

    #[test]
    fn removed_characters_cannot_join_into_a_script_link() {
        for unsafe_html in [false, true] {
            for md in [
                "<a href=\"java\u{7}script:alert(1)\">c1</a>",
                "<a href=\"java\u{202e}script:alert(2)\">c2</a>",
                "<a href=\"java&#x202e;script:alert(3)\">c3</a>",
                "<a href=\"java&#7;script:alert(4)\">c4</a>",
                "<a href=\"jav&#x2069;ascript:alert(7)\">c7</a>",
                "[c8](java\u{202e}script:alert(8)) [c9](java&#x202e;script:alert(9)) [c10](jav\u{200b}ascript:alert(10))",
                "<a href=\"java&#x200b;script:alert(11)\">c11</a>",
            ] {
                let h = render(md, unsafe_html);
                // As a browser reads the links: no scheme that runs script.
                let doc = scraper::Html::parse_fragment(&h);
                let links = scraper::Selector::parse("[href], [src]").unwrap();
                for el in doc.select(&links) {
                    let v = el.value();
                    let url = v.attr("href").or(v.attr("src")).unwrap_or("");
                    let scheme: String = url
                        .chars()
                        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
                        .collect::<String>()
                        .to_ascii_lowercase();
                    assert!(!scheme.starts_with("javascript:"), "unsafe_html={unsafe_html}: {md} -> {h}");
                }
            }
        }
    }

    #[test]
    fn control_characters_are_left_out() {
        let h = render("Kello\u{7} soi \u{202e}takaperin\u{1b}[0m", false);
        assert!(!h.contains(['\u{7}', '\u{1b}', '\u{202e}']), "{h:?}");
        assert!(h.contains("Kello soi takaperin[0m"), "{h:?}");
    }

    #[test]
    fn headings_move_down_and_get_unique_ids() {
        let h = render("# Toiminta\n\n## Toiminta\n\n### Yhteystiedot {#yht}\n\n## About", false);
        assert!(h.contains(r#"<h2 id="toiminta">Toiminta</h2>"#), "{h}");
        assert!(h.contains(r#"<h3 id="toiminta-2">Toiminta</h3>"#), "{h}");
        assert!(h.contains(r#"<h4 id="yht">Yhteystiedot</h4>"#), "{h}");
        assert!(h.contains(r#"<h3 id="about-2">About</h3>"#), "an id the templates use is not taken: {h}");
        // The same heading again and again counts on: -2, -3, -4.
        let h = render("## Kokoukset\n\n## Kokoukset\n\n## Kokoukset\n\n## Kokoukset", false);
        for id in ["kokoukset", "kokoukset-2", "kokoukset-3", "kokoukset-4"] {
            assert_eq!(h.matches(&format!(r#"id="{id}""#)).count(), 1, "{id}: {h}");
        }
        // A body that starts at ## still starts at the top level.
        let h = render("## Jäsenyys\n\n### Maksut", false);
        assert!(h.contains("<h2 id=\"jasenyys\">") && h.contains("<h3 id=\"maksut\">"), "{h}");
        // Each level down to the last: h2 … h6, and deeper ones stay at h6.
        let h = render("# A\n\n## B\n\n### C\n\n#### D\n\n##### E\n\n###### F", false);
        for (level, text) in [(2, "A"), (3, "B"), (4, "C"), (5, "D"), (6, "E"), (6, "F")] {
            assert!(h.contains(&format!(">{text}</h{level}>")), "{text} at h{level}: {h}");
        }
    }
}

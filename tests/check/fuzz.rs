//! Property tests ("fuzzing" without nightly Rust): front matter, slugs, Y-tunnus and
//! Markdown rendering with the site's options. CI runs a bounded number of cases;
//! `PROPTEST_CASES=100000 cargo test --test areena fuzz` runs more (docs/quality.md).

use std::collections::HashMap;

use areena::diagnostics::position;
use areena::load::raw::{RawNote, RawOrganisation, RawSite};
use areena::load::toml_fields;
use areena::model::business_id::{check_digit, validate};
use areena::model::slug::{is_slug, slugify};
use areena::render::markdown::{LinkContext, to_html};
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
}

/// TOML-ish lines that reach the typed fields, valid or not.
/// Keys of the content's front matter, for generated input.
pub(super) const FIELD_KEYS: [&str; 21] = [
    "name",
    "short_name",
    "kind",
    "business_id",
    "founded",
    "themes",
    "municipalities",
    "regions",
    "nationwide",
    "networks",
    "activities",
    "languages",
    "website",
    "email",
    "phone",
    "logo",
    "logo_alt",
    "updated",
    "draft",
    "title",
    "date",
];

fn front_matter() -> impl Strategy<Value = String> {
    let mut keys = FIELD_KEYS.to_vec();
    keys.extend(["[address]", "[contact]", "attendees", "x"]);
    let key = prop::sample::select(keys);
    let value = prop_oneof![
        "\"[^\"\\\\\n]{0,20}\"",
        "[0-9]{1,6}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "\\[(\"[a-zäö]{0,8}\", ?){0,3}\\]",
        Just("true".to_string()),
        Just("{ a = 1 }".to_string()),
        "[^\n]{0,10}",
    ];
    prop::collection::vec((key, value), 0..10).prop_map(|lines| {
        lines
            .into_iter()
            .map(|(k, v)| if k.starts_with('[') { format!("{k}\n") } else { format!("{k} = {v}\n") })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn front_matter_never_panics_and_points_inside_the_file(fm in front_matter(), pad in 0usize..5) {
        let file = format!("{}+++\n{fm}+++\n", "\n".repeat(pad));
        let start = pad + 4;
        for d in toml_fields::parse::<RawOrganisation>("f.md", &file[start..file.len() - 4], start).diagnostics
            .into_iter()
            .chain(toml_fields::parse::<RawNote>("f.md", &file[start..file.len() - 4], start).diagnostics)
            .chain(toml_fields::parse::<RawSite>("site.toml", &file[start..file.len() - 4], start).diagnostics)
        {
            if let Some(span) = d.span.clone() {
                prop_assert!(span.start <= file.len(), "{d:?}");
                let (line, _) = position(&file, span.start);
                prop_assert!(line > pad, "a diagnostic points into the front matter, not before it: {d:?}");
            }
        }
    }

    #[test]
    fn arbitrary_text_as_front_matter_never_panics(text in "\\PC{0,300}") {
        let _ = toml_fields::parse::<RawOrganisation>("f.md", &text, 0);
    }

    #[test]
    fn slugs_are_slugs_and_stable(s in "\\PC{0,60}") {
        let slug = slugify(&s);
        prop_assert!(slug.is_empty() || is_slug(&slug), "{slug:?}");
        prop_assert_eq!(slugify(&slug), slug.clone());
        if is_slug(&s) {
            prop_assert_eq!(slug, s);
        }
    }

    #[test]
    fn business_ids_validate_exactly_when_the_check_digit_fits(digits in prop::array::uniform7(0u8..10), c in 0u8..10, junk in "\\PC{0,12}") {
        let id: String = digits.iter().map(|d| char::from(b'0' + d)).collect::<String>() + "-" + &c.to_string();
        prop_assert_eq!(validate(&id).is_ok(), check_digit(&digits) == Some(c));
        let _ = validate(&junk);
    }

    #[test]
    fn markdown_never_runs_script(md in "\\PC{0,400}", tricky in prop::sample::select(vec![
        "<script>alert(1)</script>", "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "<img src=x onerror=alert(1)>",
        "[x](data:text/html,<script>alert(1)</script>)", "![x](javascript:alert(1))", "<a href=\"javascript:x\">a</a>",
        "[x]( javascript:alert(1))", "[x](java&#115;cript:alert(1))", "<svg onload=alert(1)>", "``<script>``",
        "[x]: javascript:alert(1)\n\n[y][x]",
    ])) {
        let pages = HashMap::new();
        let cx = LinkContext { pages: &pages, base: "/", unsafe_html: false, top_level: 2 };
        let html = to_html(&format!("{md}\n\n{tricky}\n{md}"), "content/organisations/a.md", &cx);
        // Read the HTML as a browser would: no element or attribute that runs script.
        let doc = scraper::Html::parse_fragment(&html);
        for el in doc.root_element().descendants().filter_map(scraper::ElementRef::wrap) {
            let v = el.value();
            prop_assert!(!matches!(v.name(), "script" | "svg" | "iframe" | "object" | "embed" | "style"), "{html}");
            for (name, value) in v.attrs() {
                prop_assert!(!name.starts_with("on"), "{html}");
                let value = value.trim().to_ascii_lowercase();
                if matches!(name, "href" | "src") {
                    prop_assert!(!value.starts_with("javascript:") && !value.starts_with("data:") && !value.starts_with("vbscript:"), "{html}");
                }
            }
        }
    }
}

//! No input makes `check` panic.

use proptest::prelude::*;

use crate::support::Site;

fn check(site: &Site) {
    let settings = areena::pipeline::Settings { drafts: true, today: jiff::civil::Date::constant(2026, 11, 23) };
    let _ = areena::pipeline::check(site.root(), settings);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_as_an_organisation(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let s = Site::new();
        s.write_bytes("content/organisations/x.md", &bytes);
        check(&s);
    }

    #[test]
    fn arbitrary_front_matter_text(text in "\\PC{0,300}") {
        let s = Site::new();
        s.write("content/organisations/x.md", &format!("+++\n{text}\n+++\nbody"));
        s.write("content/partnership-tables/p/2025-01-01-x.md", &format!("+++\n{text}\n+++\n"));
        check(&s);
    }

    #[test]
    fn toml_like_front_matter(lines in proptest::collection::vec(
        "(name|themes|municipalities|regions|founded|business_id|kind|updated|\\[contact\\]|networks|languages) = (\"[a-zäö -]{0,12}\"|[0-9-]{1,12}|\\[\"[a-z]{0,8}\"(, [0-9]+)?\\]|true|\\{\\}|\"\\\\u)",
        0..8,
    )) {
        let s = Site::new();
        s.write("content/organisations/x.md", &format!("+++\n{}\n+++\n[a](b.md) ![](/c.png)", lines.join("\n")));
        check(&s);
    }

    #[test]
    fn arbitrary_site_and_themes(site in "\\PC{0,200}", themes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let s = Site::new();
        s.write("site.toml", &site);
        s.write_bytes("content/themes.toml", &themes);
        check(&s);
    }
}

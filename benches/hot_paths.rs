//! Micro-benchmarks of the hot paths, to judge a change in isolation:
//! `cargo bench --bench hot_paths` (results in target/criterion/).

use std::collections::HashMap;
use std::hint::black_box;

use areena::index::Index;
use areena::load::raw::RawOrganisation;
use areena::load::toml_fields;
use areena::pipeline::{self, Settings};
use areena::render::markdown::{LinkContext, to_html};
use areena::render::{Job, Renderer, Routes, theme};
use criterion::{Criterion, criterion_group, criterion_main};

const FRONT_MATTER: &str = r#"name = "Keuruun Omaishoitajat ry"
short_name = "Keuruun Omaishoitajat"
kind = "association"
business_id = "0737546-2"
founded = 1994
themes = ["omaishoito", "ikaihmiset"]
municipalities = ["Keuruu", "Multia"]
networks = ["keski-suomen-jarjestoareena"]
activities = ["Vertaistukiryhmä omaishoitajille", "Virkistyspäivät"]
languages = ["fi"]
website = "https://keuruunomaishoitajat.example"
email = "info@keuruunomaishoitajat.example"
phone = "+358 40 000 0101"
updated = 2025-03-01

[address]
street = "Kauppakatu 1"
postal_code = "42700"
city = "Keuruu"

[contact]
name = "Maija Meikäläinen"
role = "puheenjohtaja"
"#;

fn body() -> String {
    let para = "Yhdistys tukee omaishoitajia Keuruulla ja Multialla. Järjestämme vertaistukiryhmiä, \
                virkistyspäiviä ja retkiä koko perheelle. Toimintaan ovat tervetulleita kaikki. ";
    format!(
        "## Toiminta\n\n{para}{para}\n\n- Vertaistuki\n- Retket\n- Kahvila\n\n[Lisätietoa](https://yhdistys.example)\n\n{para}{para}{para}"
    )
}

fn front_matter(c: &mut Criterion) {
    c.bench_function("front matter: parse an organisation", |b| {
        b.iter(|| toml_fields::parse::<RawOrganisation>("f.md", black_box(FRONT_MATTER), 4))
    });
}

fn markdown(c: &mut Criterion) {
    let body = body();
    let pages = HashMap::new();
    let cx = LinkContext { pages: &pages, base: "/", unsafe_html: false, top_level: 3 };
    c.bench_function("markdown: render a 250-word body", |b| {
        b.iter(|| to_html(black_box(&body), "content/organisations/a.md", &cx))
    });
}

fn template(c: &mut Criterion) {
    // The example site at the repository root, rendered with the built-in theme.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let settings = Settings { drafts: false, today: jiff::civil::Date::constant(2026, 11, 23) };
    let checked = pipeline::check(root, settings).expect("the example site loads");
    let site = checked.site;
    let index = Index::build(&site);
    let theme = theme::load(root, &site.config.theme, site.config.language.code(), &site.config.publish_dot_files)
        .ok()
        .expect("theme loads");
    let routes = Routes::new(&site.config.base_url, &site.config.paths);
    let renderer = Renderer::new(&site, &index, theme, routes);
    c.bench_function("template: render an organisation page", |b| {
        b.iter(|| {
            renderer.render(black_box(Job::Organisation(areena::model::OrganisationId::new(0)))).expect("renders")
        })
    });
    c.bench_function("index: build the cross references of the example site", |b| {
        b.iter(|| Index::build(black_box(&site)))
    });
}

criterion_group!(benches, front_matter, markdown, template);
criterion_main!(benches);

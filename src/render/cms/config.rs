//! `admin/config.yml`: the Sveltia CMS configuration, made from the field tables of
//! [`super::schema`], the site's own data (themes, municipalities, organisations,
//! networks and tables become the choices of select fields) and the interface texts
//! of the site's language (labels and help texts).

use serde::Serialize;

use super::schema::{self, Source, Spec, Widget};
use crate::index::collation::sort_key;
use crate::model::editing::Backend;
use crate::model::{Language, Site};

/// The slug rule of docs/content.md.
pub(crate) const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
/// A dated file name: the date, then the words.
pub(crate) const DATED_SLUG_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}(-[a-z0-9]+)+$";
pub(crate) const BUSINESS_ID_PATTERN: &str = "^[0-9]{7}-[0-9]$";
pub(crate) const EMAIL_PATTERN: &str = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
pub(crate) const URL_PATTERN: &str = "^https?://[^\\s]+$";
pub(crate) const POSTAL_CODE_PATTERN: &str = "^[0-9]{5}$";
pub(crate) const PHONE_PATTERN: &str = "^\\+?[0-9 ()/-]{5,24}$";

#[derive(Serialize)]
pub(crate) struct CmsConfig {
    backend: BackendConfig,
    site_url: String,
    display_url: String,
    /// Pictures of Markdown bodies go to `static/kuvat/` and are linked as `/kuvat/…`.
    media_folder: &'static str,
    public_folder: &'static str,
    slug: SlugFormat,
    output: OutputOptions,
    pub(crate) collections: Vec<Collection>,
}

#[derive(Serialize)]
struct BackendConfig {
    name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    repo: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    branch: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    base_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    auth_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    app_id: Option<String>,
}

#[derive(Serialize)]
struct SlugFormat {
    encoding: &'static str,
    clean_accents: bool,
    sanitize_replacement: &'static str,
}

#[derive(Serialize)]
struct OutputOptions {
    /// An optional field left empty is not written (areena refuses `email = ""`).
    omit_empty_optional_fields: bool,
}

#[derive(Serialize)]
pub(crate) struct Collection {
    pub(crate) name: String,
    label: String,
    label_singular: String,
    pub(crate) folder: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) path: Option<&'static str>,
    extension: &'static str,
    format: &'static str,
    identifier_field: &'static str,
    slug: CollectionSlug,
    #[serde(skip_serializing_if = "Option::is_none")]
    filter: Option<Filter>,
    pub(crate) fields: Vec<Field>,
}

#[derive(Serialize)]
struct CollectionSlug {
    template: &'static str,
    editable: bool,
    hint: String,
    pattern: (&'static str, String),
}

#[derive(Serialize)]
struct Filter {
    field: &'static str,
    pattern: &'static str,
}

/// A field of the editor, in Sveltia CMS's (Decap-compatible) terms.
#[derive(Serialize, Default)]
pub(crate) struct Field {
    pub(crate) name: &'static str,
    label: String,
    pub(crate) widget: &'static str,
    pub(crate) required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    hint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) pattern: Option<(&'static str, String)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) options: Option<Vec<Choice>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) multiple: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    maxlength: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_format: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    media_folder: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    public_folder: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) fields: Option<Vec<Field>>,
}

#[derive(Serialize, Clone)]
pub(crate) struct Choice {
    label: String,
    pub(crate) value: String,
}

/// What labels are looked up in: the interface texts of the site's language.
pub(crate) struct Texts<'a> {
    pub text: &'a std::collections::BTreeMap<String, String>,
}

impl Texts<'_> {
    fn get(&self, key: &str) -> Option<String> {
        self.text.get(key).cloned()
    }

    /// `cms_<collection>_<field>`, else `cms_<field>`; the key itself when neither
    /// exists (a unit test keeps that from happening).
    fn label(&self, collection: &str, field: &str) -> String {
        self.get(&format!("cms_{collection}_{field}"))
            .or_else(|| self.get(&format!("cms_{field}")))
            .unwrap_or_else(|| format!("cms_{field}"))
    }

    fn hint(&self, collection: &str, field: &str) -> Option<String> {
        self.get(&format!("cms_{collection}_{field}_hint")).or_else(|| self.get(&format!("cms_{field}_hint")))
    }

    fn t(&self, key: &str) -> String {
        self.get(key).unwrap_or_else(|| key.to_string())
    }
}

/// One content kind as a collection: where its files are, and its fields.
struct Kind<'a> {
    name: &'static str,
    /// For meeting notes: the slug and name of their table.
    table: Option<(&'a str, &'a str)>,
    folder: String,
    path: Option<&'static str>,
    identifier: &'static str,
    specs: &'static [Spec],
    /// File names start with a date (notes, events).
    dated: bool,
}

/// The whole configuration of the editor for `site`.
pub(crate) fn config(site: &Site, texts: &Texts<'_>) -> CmsConfig {
    let cfg = &site.config;
    let editing = &cfg.editing;
    let choices = Choices::new(site, texts);
    let content = crate::layout::CONTENT;
    let mut kinds = vec![
        kind("organisations", format!("{content}/{}", crate::layout::ORGANISATIONS), "name", schema::ORGANISATION),
        kind("networks", format!("{content}/{}", crate::layout::NETWORKS), "name", schema::NETWORK),
        Kind {
            path: Some("{{slug}}/index"),
            ..kind("tables", format!("{content}/{}", crate::layout::PARTNERSHIP_TABLES), "name", schema::TABLE)
        },
    ];
    // Meeting notes live in their table's folder: one collection per table.
    for t in &site.tables {
        let folder = format!("{content}/{}/{}", crate::layout::PARTNERSHIP_TABLES, t.slug);
        kinds.push(Kind {
            dated: true,
            table: Some((&t.slug, &t.name)),
            ..kind("notes", folder, "title", schema::NOTE)
        });
    }
    kinds.push(Kind {
        dated: true,
        ..kind("events", format!("{content}/{}", crate::layout::EVENTS), "title", schema::EVENT)
    });
    kinds.push(kind("pages", format!("{content}/{}", crate::layout::PAGES), "title", schema::PAGE));
    let collections = kinds.iter().map(|k| collection(k, texts, &choices)).collect();
    let (auth_type, app_id) = match (editing.backend, &editing.app_id) {
        (Backend::Gitlab, Some(id)) => (Some("pkce"), Some(id.clone())),
        _ => (None, None),
    };
    let git = editing.backend != Backend::TestRepo;
    CmsConfig {
        backend: BackendConfig {
            name: editing.backend.name(),
            repo: editing.repo.clone().filter(|_| git),
            branch: git.then(|| editing.branch.clone()),
            base_url: editing.auth_url.clone().filter(|_| git),
            auth_type,
            app_id,
        },
        site_url: cfg.base_url.to_string(),
        display_url: cfg.base_url.to_string(),
        media_folder: "static/kuvat",
        public_folder: "/kuvat",
        slug: SlugFormat { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
        output: OutputOptions { omit_empty_optional_fields: true },
        collections,
    }
}

fn kind(name: &'static str, folder: String, identifier: &'static str, specs: &'static [Spec]) -> Kind<'static> {
    Kind { name, table: None, folder, path: None, identifier, specs, dated: false }
}

fn collection(k: &Kind<'_>, texts: &Texts<'_>, choices: &Choices) -> Collection {
    let (name, label) = match k.table {
        Some((slug, table_name)) => (format!("notes-{slug}"), format!("{}: {table_name}", texts.t("cms_notes"))),
        None => (k.name.to_string(), texts.t(&format!("cms_{}", k.name))),
    };
    let mut fields: Vec<Field> = k.specs.iter().map(|s| field(k.name, s, texts, choices)).collect();
    fields.push(Field {
        name: "body",
        label: texts.label(k.name, "body"),
        widget: "markdown",
        required: false,
        hint: texts.hint(k.name, "body"),
        ..Field::default()
    });
    let (template, pattern, hint) = if k.dated {
        let template = if k.name == "events" {
            "{{fields.start | date('YYYY-MM-DD')}}-{{slug}}"
        } else {
            "{{fields.date}}-{{slug}}"
        };
        (template, DATED_SLUG_PATTERN, texts.t("cms_dated_slug_hint"))
    } else {
        ("{{slug}}", SLUG_PATTERN, texts.t("cms_slug_hint"))
    };
    Collection {
        name,
        label,
        label_singular: texts.t(&format!("cms_{}_one", k.name)),
        folder: k.folder.clone(),
        path: k.path,
        extension: "md",
        format: "toml-frontmatter",
        identifier_field: k.identifier,
        slug: CollectionSlug { template, editable: true, hint, pattern: (pattern, texts.t("cms_slug_invalid")) },
        // A table's folder also holds its index.md, which is not a note; and a
        // translation (`<slug>.sv.md`) is edited as a file of its own language, not
        // as another entry of the collection.
        filter: Some(Filter { field: "slug", pattern: if k.name == "notes" { "^[0-9]{4}-[^.]*$" } else { "^[^.]+$" } }),
        fields,
    }
}

fn field(collection: &str, s: &Spec, texts: &Texts<'_>, choices: &Choices) -> Field {
    let mut f = Field {
        name: s.name,
        label: texts.label(collection, s.name),
        widget: "string",
        required: s.required,
        hint: texts.hint(collection, s.name),
        ..Field::default()
    };
    let invalid = |key: &str| texts.t(key);
    match s.widget {
        Widget::Text => {}
        Widget::Short(n) => f.maxlength = Some(n),
        Widget::Int(min, max) => {
            f.widget = "number";
            f.value_type = Some("int");
            f.min = min;
            f.max = max.or(Some(i64::from(choices.year)));
        }
        Widget::Bool => f.widget = "boolean",
        Widget::Date => {
            f.widget = "datetime";
            f.time_format = Some(false);
        }
        Widget::DateTime => f.widget = "datetime",
        Widget::Select(source, multiple) => {
            let options = choices.of(source);
            if options.is_empty() {
                // Nothing to choose from yet (no networks, say): free text instead.
                if multiple {
                    f.widget = "list";
                }
            } else {
                f.widget = "select";
                f.options = Some(options);
                f.multiple = multiple.then_some(true);
            }
        }
        Widget::List => f.widget = "list",
        Widget::Logo => {
            f.widget = "image";
            f.media_folder = Some("/static/logos");
            f.public_folder = Some("logos");
        }
        Widget::Email => f.pattern = Some((EMAIL_PATTERN, invalid("cms_invalid_email"))),
        Widget::Url => f.pattern = Some((URL_PATTERN, invalid("cms_invalid_url"))),
        Widget::Phone => f.pattern = Some((PHONE_PATTERN, invalid("cms_invalid_phone"))),
        Widget::BusinessId => f.pattern = Some((BUSINESS_ID_PATTERN, invalid("cms_invalid_business_id"))),
        Widget::PostalCode => f.pattern = Some((POSTAL_CODE_PATTERN, invalid("cms_invalid_postal_code"))),
        Widget::Object(specs) => {
            f.widget = "object";
            // Labels of the inner fields are looked up under the table's name first.
            f.fields = Some(specs.iter().map(|inner| field(s.name, inner, texts, choices)).collect());
        }
    }
    f
}

/// The choices of every select field, made once from the site's data.
struct Choices {
    themes: Vec<Choice>,
    municipalities: Vec<Choice>,
    regions: Vec<Choice>,
    languages: Vec<Choice>,
    organisation_kinds: Vec<Choice>,
    network_kinds: Vec<Choice>,
    note_kinds: Vec<Choice>,
    seeking: Vec<Choice>,
    organisations: Vec<Choice>,
    networks: Vec<Choice>,
    tables: Vec<Choice>,
    /// The current year (the latest founding year).
    year: i16,
}

fn choice(label: impl Into<String>, value: impl Into<String>) -> Choice {
    Choice { label: label.into(), value: value.into() }
}

impl Choices {
    fn new(site: &Site, texts: &Texts<'_>) -> Choices {
        let lang = site.config.language;
        let munis = &site.municipalities;
        let shown =
            |fi: &str, sv: &str| if lang == Language::Sv && !sv.is_empty() { sv.to_string() } else { fi.to_string() };
        let by_name = |list: &mut Vec<Choice>| list.sort_by_cached_key(|c| sort_key(&c.label, lang));
        let mut own: Vec<Choice> = Vec::new();
        let mut rest: Vec<Choice> = Vec::new();
        for m in &munis.list {
            let c = choice(shown(&m.name, &m.name_sv), m.name.clone());
            if Some(m.region) == site.config.region { own.push(c) } else { rest.push(c) }
        }
        by_name(&mut own);
        by_name(&mut rest);
        own.extend(rest);
        let mut regions: Vec<Choice> =
            munis.regions.iter().map(|r| choice(shown(&r.name, &r.name_sv), r.name.clone())).collect();
        by_name(&mut regions);
        let mut organisations: Vec<Choice> =
            site.organisations.iter().map(|o| choice(o.name.clone(), o.slug.to_string())).collect();
        by_name(&mut organisations);
        let mut networks: Vec<Choice> =
            site.networks.iter().map(|n| choice(n.name.clone(), n.slug.to_string())).collect();
        by_name(&mut networks);
        let kinds = |names: &[&'static str], keys: Vec<&'static str>| -> Vec<Choice> {
            names.iter().zip(keys).map(|(n, k)| choice(texts.t(k), *n)).collect()
        };
        use crate::model::{NetworkKind, NoteKind, OrganisationKind, Seeking};
        Choices {
            themes: site.themes.iter().map(|t| choice(t.name.clone(), t.id.clone())).collect(),
            municipalities: own,
            regions,
            languages: schema::LANGUAGES.iter().map(|c| choice(texts.t(&format!("lang_{c}")), *c)).collect(),
            organisation_kinds: kinds(
                OrganisationKind::NAMES,
                OrganisationKind::ALL.iter().map(|k| k.label_key()).collect(),
            ),
            network_kinds: kinds(NetworkKind::NAMES, NetworkKind::ALL.iter().map(|k| k.label_key()).collect()),
            note_kinds: kinds(NoteKind::NAMES, NoteKind::ALL.iter().map(|k| k.label_key()).collect()),
            seeking: kinds(Seeking::NAMES, Seeking::ALL.iter().map(|k| k.label_key()).collect()),
            organisations,
            networks,
            tables: site.tables.iter().map(|t| choice(t.name.clone(), t.slug.to_string())).collect(),
            year: site.today.year(),
        }
    }

    fn of(&self, source: Source) -> Vec<Choice> {
        match source {
            Source::Themes => self.themes.clone(),
            Source::Municipalities => self.municipalities.clone(),
            Source::Regions => self.regions.clone(),
            Source::Languages => self.languages.clone(),
            Source::OrganisationKinds => self.organisation_kinds.clone(),
            Source::NetworkKinds => self.network_kinds.clone(),
            Source::NoteKinds => self.note_kinds.clone(),
            Source::Seeking => self.seeking.clone(),
            Source::Organisations => self.organisations.clone(),
            Source::Networks => self.networks.clone(),
            Source::OrganisationsAndNetworks => self.organisations.iter().chain(&self.networks).cloned().collect(),
            Source::Tables => self.tables.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::schema::{EVENT, NETWORK, NOTE, ORGANISATION, PAGE, TABLE};
    use super::*;

    /// Every label, help text and message the configuration names, in every language.
    #[test]
    fn every_label_is_in_every_language() {
        let kinds: [(&str, &[Spec]); 6] = [
            ("organisations", ORGANISATION),
            ("networks", NETWORK),
            ("tables", TABLE),
            ("notes", NOTE),
            ("events", EVENT),
            ("pages", PAGE),
        ];
        for lang in ["fi", "sv", "en"] {
            let theme = crate::render::theme::load(std::path::Path::new("/nonexistent"), "default", lang, &[])
                .ok()
                .expect("built-in theme");
            let texts = Texts { text: &theme.text };
            let has = |key: &str| assert!(theme.text.contains_key(key), "{lang}: no text for {key}");
            for (kind, specs) in kinds {
                has(&format!("cms_{kind}"));
                has(&format!("cms_{kind}_one"));
                let mut all: Vec<(&str, &Spec)> = specs.iter().map(|s| (kind, s)).collect();
                for s in specs {
                    if let Widget::Object(inner) = s.widget {
                        all.extend(inner.iter().map(|i| (s.name, i)));
                    }
                }
                for (owner, s) in all {
                    let label = texts.label(owner, s.name);
                    assert!(!label.starts_with("cms_"), "{lang}: no label for {owner}.{}", s.name);
                }
                assert!(!texts.label(kind, "body").starts_with("cms_"), "{lang}: no label for the body");
            }
            for key in [
                "cms_admin_title",
                "cms_noscript",
                "cms_slug_hint",
                "cms_dated_slug_hint",
                "cms_slug_invalid",
                "cms_invalid_email",
                "cms_invalid_url",
                "cms_invalid_phone",
                "cms_invalid_business_id",
                "cms_invalid_postal_code",
            ] {
                has(key);
            }
            for code in schema::LANGUAGES {
                has(&format!("lang_{code}"));
            }
        }
    }
}

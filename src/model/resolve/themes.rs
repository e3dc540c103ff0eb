//! `content/themes.toml` and a custom `content/municipalities.toml`.

use super::*;

pub(super) fn themes(loaded: &Loaded, diags: &mut Diagnostics) -> Vec<Theme> {
    let Some(file) = &loaded.themes else {
        diags.push(
            Diagnostic::error(Code::MissingFile, "content/themes.toml", None, "the site has no content/themes.toml")
                .with_help("create it with one `[[theme]]` table per theme: id, name and description"),
        );
        return Vec::new();
    };
    let f = file.source.file.as_str();
    let mut out: Vec<Theme> = Vec::new();
    let mut spans: HashMap<String, Range<usize>> = HashMap::new();
    let list = file.raw.as_ref().and_then(|r| r.theme.as_ref());
    if file.raw.is_some() && list.is_none_or(|l| l.is_empty()) {
        diags.push(
            Diagnostic::error(Code::EmptyList, f, None, "content/themes.toml lists no themes")
                .with_help("add `[[theme]]` tables with `id`, `name` and `description`"),
        );
    }
    for t in list.into_iter().flatten() {
        let RawTheme { id, name, description } = t.get_ref();
        let Some(id) = id else {
            diags.push(Diagnostic::error(Code::MissingField, f, Some(t.span()), "this theme has no `id`").with_help(
                format!(
                    "add `id = \"{}\"`",
                    name.as_ref().map(|n| slugify(n.get_ref())).unwrap_or_else(|| "lapset-ja-perheet".into())
                ),
            ));
            continue;
        };
        if !is_slug(id.get_ref()) {
            diags.push(
                Diagnostic::error(
                    Code::InvalidSlug,
                    f,
                    Some(id.span()),
                    format!("the theme id `{}` is not a slug", id.get_ref()),
                )
                .with_help(format!("write `id = \"{}\"`", slugify(id.get_ref()))),
            );
            continue;
        }
        if spans.contains_key(id.get_ref()) {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateSlug,
                    f,
                    Some(id.span()),
                    format!("the theme id `{}` is used twice", id.get_ref()),
                )
                .with_help("give each theme its own id, or merge the two themes"),
            );
            continue;
        }
        if name.is_none() {
            diags.push(
                Diagnostic::error(
                    Code::MissingField,
                    f,
                    Some(id.span()),
                    format!("the theme `{}` has no `name`", id.get_ref()),
                )
                .with_help("add `name = \"Lapset ja perheet\"` (the name readers see)"),
            );
        }
        spans.insert(id.get_ref().clone(), id.span());
        out.push(Theme {
            id: id.get_ref().clone(),
            name: name.as_ref().map(|n| n.get_ref().clone()).unwrap_or_else(|| id.get_ref().clone()),
            description: description.as_ref().map(|d| d.get_ref().clone()),
        });
    }
    out
}

pub(super) fn custom_municipalities(loaded: &Loaded, diags: &mut Diagnostics) -> Option<Municipalities> {
    let file: &TomlFile<RawMunicipalities> = loaded.municipalities.as_ref()?;
    let list = file.raw.as_ref()?.municipality.as_ref()?;
    let f = file.source.file.as_str();
    let mut rows = Vec::new();
    for m in list {
        let RawMunicipality { code, name, name_sv, region, region_sv, county, county_sv } = m.get_ref();
        let (Some(name), Some(region)) = (name, region) else {
            diags.push(
                Diagnostic::error(
                    Code::MissingField,
                    f,
                    Some(m.span()),
                    "a municipality needs at least `name` and `region`",
                )
                .with_help("add `name = \"...\"` and `region = \"...\"`"),
            );
            continue;
        };
        let v = |t: &Option<Text>| t.as_ref().map(|t| t.get_ref().clone()).unwrap_or_default();
        rows.push(MunicipalityRow {
            code: v(code),
            name: name.get_ref().clone(),
            name_sv: name_sv.as_ref().map(|t| t.get_ref().clone()).unwrap_or_else(|| name.get_ref().clone()),
            region: region.get_ref().clone(),
            region_sv: region_sv.as_ref().map(|t| t.get_ref().clone()).unwrap_or_else(|| region.get_ref().clone()),
            region_code: String::new(),
            county: v(county),
            county_sv: v(county_sv),
        });
    }
    Some(Municipalities::from_rows(rows))
}

//! `content/themes.toml` and a custom `content/municipalities.toml`.

use super::*;

pub(super) fn themes(loaded: &Loaded, diags: &mut Diagnostics) -> Vec<Theme> {
    let Some(file) = &loaded.themes else {
        diags.push(no_themes_file());
        return Vec::new();
    };
    let f = file.source.file.as_str();
    let mut out: Vec<Theme> = Vec::new();
    let mut spans: HashMap<String, Range<usize>> = HashMap::new();
    let list = file.raw.as_ref().and_then(|r| r.theme.as_ref());
    if file.raw.is_some() && list.is_none_or(|l| l.is_empty()) {
        diags.push(no_themes(f));
    }
    for t in list.into_iter().flatten() {
        let RawTheme { id, name, description, name_sv, name_en, description_sv, description_en } = t.get_ref();
        let Some(id) = id else {
            diags.push(no_id(f, t.span(), name.as_ref().map(|n| slugify(n.get_ref())).filter(|s| !s.is_empty())));
            continue;
        };
        if !is_slug(id.get_ref()) {
            diags.push(
                Diagnostic::error(Code::InvalidSlug, f, Some(id.span()), {
                    let v = id.get_ref();
                    tr!(
                        en: "the theme id `{v}` is not a slug",
                        fi: "teeman tunnus `{v}` ei kelpaa verkko-osoitteen osaksi",
                        sv: "temats id `{v}` duger inte som del av en webbadress"
                    )
                })
                .with_help({
                    let slug = slugify(id.get_ref());
                    tr!(en: "write `id = \"{slug}\"`", fi: "kirjoita `id = \"{slug}\"`", sv: "skriv `id = \"{slug}\"`")
                }),
            );
            continue;
        }
        if spans.contains_key(id.get_ref()) {
            diags.push(
                Diagnostic::error(Code::DuplicateSlug, f, Some(id.span()), {
                    let v = id.get_ref();
                    tr!(
                        en: "the theme id `{v}` is used twice",
                        fi: "teeman tunnus `{v}` on käytössä kahdesti",
                        sv: "temats id `{v}` används två gånger"
                    )
                })
                .with_help(tr!(
                    en: "give each theme its own id, or merge the two themes",
                    fi: "anna jokaiselle teemalle oma tunnus tai yhdistä teemat",
                    sv: "ge varje tema ett eget id eller slå ihop de två temana"
                )),
            );
            continue;
        }
        if name.is_none() {
            diags.push(no_name(f, id.span(), id.get_ref()));
        }
        spans.insert(id.get_ref().clone(), id.span());
        out.push(Theme {
            id: id.get_ref().clone(),
            name: name.as_ref().map(|n| n.get_ref().clone()).unwrap_or_else(|| id.get_ref().clone()),
            description: description.as_ref().map(|d| d.get_ref().clone()),
            translated: translated([(Language::Sv, name_sv, description_sv), (Language::En, name_en, description_en)]),
        });
    }
    out
}

/// `name_sv`, `description_sv`, ...: what is given, by language.
fn translated(
    given: [(Language, &Option<crate::load::raw::Text>, &Option<crate::load::raw::Text>); 2],
) -> std::collections::BTreeMap<Language, (Option<String>, Option<String>)> {
    let text = |t: &Option<crate::load::raw::Text>| t.as_ref().map(|x| x.get_ref().trim().to_string());
    given.into_iter().filter(|(_, n, d)| n.is_some() || d.is_some()).map(|(l, n, d)| (l, (text(n), text(d)))).collect()
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
                    tr!(
                        en: "a municipality needs at least `name` and `region`",
                        fi: "kunnalla pitää olla ainakin `name` ja `region`",
                        sv: "en kommun behöver åtminstone `name` och `region`"
                    ),
                )
                .with_help(tr!(
                    en: "add `name = \"...\"` and `region = \"...\"`",
                    fi: "lisää `name = \"...\"` ja `region = \"...\"`",
                    sv: "lägg till `name = \"...\"` och `region = \"...\"`"
                )),
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

fn no_themes_file() -> Diagnostic {
    Diagnostic::error(
                Code::MissingFile,
                "content/themes.toml",
                None,
                tr!(
                    en: "the site has no content/themes.toml",
                    fi: "sivustolta puuttuu tiedosto content/themes.toml",
                    sv: "webbplatsen saknar filen content/themes.toml"
                ),
            )
            .with_help(tr!(
                en: "create it with one `[[theme]]` table per theme: id, name and description",
                fi: "luo tiedosto ja kirjoita siihen jokaiselle teemalle oma `[[theme]]`-osio, jossa on id, name ja description",
                sv: "skapa filen och skriv ett eget `[[theme]]`-avsnitt för varje tema, med id, name och description"
            ))
}

fn no_themes(f: &str) -> Diagnostic {
    Diagnostic::error(
        Code::EmptyList,
        f,
        None,
        tr!(
            en: "content/themes.toml lists no themes",
            fi: "tiedostossa content/themes.toml ei ole yhtään teemaa",
            sv: "filen content/themes.toml har inga teman"
        ),
    )
    .with_help(tr!(
        en: "add `[[theme]]` tables with `id`, `name` and `description`",
        fi: "lisää `[[theme]]`-osioita, joissa on `id`, `name` ja `description`",
        sv: "lägg till `[[theme]]`-avsnitt med `id`, `name` och `description`"
    ))
}

/// The theme `id` has no name: one made of the id is offered
/// (`lapset-ja-perheet` → `Lapset ja perheet`).
fn no_name(f: &str, span: Range<usize>, id: &str) -> Diagnostic {
    let words = id.replace('-', " ");
    let mut chars = words.chars();
    let name: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
    Diagnostic::error(
        Code::MissingField,
        f,
        Some(span),
        tr!(
            en: "the theme `{id}` has no `name`",
            fi: "teemalta `{id}` puuttuu `name`",
            sv: "temat `{id}` saknar `name`"
        ),
    )
    .with_help(tr!(
        en: "add `name = \"{name}\"`, or the name readers should see",
        fi: "lisää `name = \"{name}\"` tai muu nimi, jonka lukijat näkevät",
        sv: "lägg till `name = \"{name}\"` eller ett annat namn som läsarna ser"
    ))
}

/// A theme without `id`; `id` is the slug of its name, if it has one.
fn no_id(f: &str, span: Range<usize>, id: Option<String>) -> Diagnostic {
    let msg = tr!(
        en: "this theme has no `id`",
        fi: "tältä teemalta puuttuu `id`",
        sv: "det här temat saknar `id`"
    );
    Diagnostic::error(Code::MissingField, f, Some(span), msg).with_help(match id {
        Some(id) => tr!(
            en: "add `id = \"{id}\"`",
            fi: "lisää `id = \"{id}\"`",
            sv: "lägg till `id = \"{id}\"`"
        ),
        None => tr!(
            en: "add `id` (lowercase letters, digits and hyphens, as in `id = \"lapset-ja-perheet\"`) and the `name` readers see",
            fi: "lisää `id` (pieniä kirjaimia, numeroita ja yhdysmerkkejä, kuten `id = \"lapset-ja-perheet\"`) ja lukijoille näkyvä `name`",
            sv: "lägg till `id` (små bokstäver, siffror och bindestreck, som i `id = \"lapset-ja-perheet\"`) och det `name` som läsarna ser"
        ),
    })
}

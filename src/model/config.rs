//! `site.toml` as a validated [`SiteConfig`], with the URL segments that follow the
//! site's language unless `[paths]` sets them.

use std::path::Path;

use crate::diagnostics::suggest::{did_you_mean, nearest};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Localized, tr};
use crate::load::TomlFile;
use crate::load::raw::{RawPaths, RawSite, Text};
use crate::model::BaseUrl;
use crate::model::municipalities::{Municipalities, RegionId};
use crate::model::slug::{is_slug, slugify};
use crate::model::values::check_url;

/// The language of the interface and the content, and of the problems areena reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum, PartialOrd, Ord)]
pub enum Language {
    /// suomi
    Fi,
    /// svenska
    Sv,
    /// English
    En,
}

impl Language {
    pub const CODES: &'static [&'static str] = &["fi", "sv", "en"];

    pub fn code(self) -> &'static str {
        match self {
            Language::Fi => "fi",
            Language::Sv => "sv",
            Language::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "fi" => Some(Language::Fi),
            "sv" => Some(Language::Sv),
            "en" => Some(Language::En),
            _ => None,
        }
    }
}

/// URL segments of the site's sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub organisations: String,
    pub themes: String,
    pub municipalities: String,
    pub networks: String,
    pub partnership_tables: String,
    pub search: String,
    pub coverage: String,
    /// Upcoming events, one page per event; also the name of the calendar files.
    pub events: String,
    /// Past events, below `events` (not set in `[paths]`).
    pub events_archive: String,
    /// The accessibility statement's page (a free page of that slug replaces it).
    pub accessibility: String,
    /// The page that lists and explains the open data files.
    pub open_data: String,
    /// The free page that tells how an organisation gets listed (as `areena init`
    /// names it); empty lists link to it when the site has it.
    pub join: String,
    /// The lists of organisations looking for volunteers, members and partners (under
    /// `organisations`), in the order of `Seeking::ALL`.
    pub seeking: [String; 3],
    /// The segment before the number of a long list's later pages (`sivu/2/`).
    pub page: String,
    /// The segment of the region-wide lists under `municipalities` (`maakunta/<region>/`).
    pub region: String,
    /// The nationwide list under `municipalities`.
    pub nationwide: String,
}

impl Paths {
    /// The defaults for a language (documented in docs/content.md).
    pub fn defaults(lang: Language) -> Paths {
        let [organisations, themes, municipalities, networks, partnership_tables, search, coverage] = match lang {
            Language::Fi => ["jarjestot", "teemat", "kunnat", "verkostot", "kumppanuuspoydat", "haku", "kattavuus"],
            Language::Sv => ["organisationer", "teman", "kommuner", "natverk", "partnerskapsbord", "sok", "tackning"],
            Language::En => {
                ["organisations", "themes", "municipalities", "networks", "partnership-tables", "search", "coverage"]
            }
        };
        let (events, events_archive) = match lang {
            Language::Fi => ("tapahtumat", "arkisto"),
            Language::Sv => ("evenemang", "arkiv"),
            Language::En => ("events", "archive"),
        };
        let accessibility = match lang {
            Language::Fi => "saavutettavuusseloste",
            Language::Sv => "tillganglighetsutlatande",
            Language::En => "accessibility",
        };
        let seeking = match lang {
            Language::Fi => ["etsii-vapaaehtoisia", "etsii-jasenia", "etsii-kumppaneita"],
            Language::Sv => ["soker-frivilliga", "soker-medlemmar", "soker-partner"],
            Language::En => ["looking-for-volunteers", "looking-for-members", "looking-for-partners"],
        };
        let [page, region, nationwide] = match lang {
            Language::Fi => ["sivu", "maakunta", "valtakunnalliset"],
            Language::Sv => ["sida", "landskap", "riksomfattande"],
            Language::En => ["page", "region", "nationwide"],
        };
        Paths {
            page: page.into(),
            region: region.into(),
            nationwide: nationwide.into(),
            join: match lang {
                Language::Fi => "liity",
                Language::Sv => "ga-med",
                Language::En => "join",
            }
            .into(),
            seeking: seeking.map(String::from),
            accessibility: accessibility.into(),
            open_data: match lang {
                Language::Fi => "avoin-data",
                Language::Sv => "oppna-data",
                Language::En => "open-data",
            }
            .into(),
            organisations: organisations.into(),
            themes: themes.into(),
            municipalities: municipalities.into(),
            networks: networks.into(),
            partnership_tables: partnership_tables.into(),
            search: search.into(),
            coverage: coverage.into(),
            events: events.into(),
            events_archive: events_archive.into(),
        }
    }

    /// Every section segment, plus the fixed ones (`data`), for collision checks.
    pub fn reserved(&self) -> Vec<&str> {
        vec![
            &self.organisations,
            &self.themes,
            &self.municipalities,
            &self.networks,
            &self.partnership_tables,
            &self.search,
            &self.coverage,
            &self.events,
            &self.open_data,
            "data",
        ]
    }
}

/// The validated `site.toml`.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: String,
    pub description: Option<String>,
    pub base_url: BaseUrl,
    pub language: Language,
    /// The languages the site is built in, `language` first (`languages` of
    /// site.toml; only `language` when not given).
    pub languages: Vec<Language>,
    pub theme: String,
    pub region: Option<RegionId>,
    pub output_dir: String,
    /// Where `output_dir` is written in site.toml, for reports about the output folder.
    pub output_dir_span: Option<std::ops::Range<usize>>,
    pub paths: Paths,
    pub search_enabled: bool,
    /// How many words of each description go into the search index.
    pub search_description_words: usize,
    /// Whether meeting notes are searchable.
    pub search_notes: bool,
    /// The licence of the open data (`[data] license`, an SPDX identifier).
    pub data_license: String,
    pub unsafe_html: bool,
    /// `[build] publish_dot_files`: dot files and folders right under `static/` that
    /// are published (all others are not).
    pub publish_dot_files: Vec<String>,
    pub stale_after_months: Option<u32>,
    pub contact_persons: bool,
    pub accessibility: Accessibility,
    /// `image`: a picture under `static/` (path relative to it) that link previews
    /// show for pages without a picture of their own.
    pub image: Option<String>,
    /// `[editing]`: the web editor under `/admin/`.
    pub editing: crate::model::editing::Editing,
}

/// `[accessibility]`: the feedback channel and assessment date of the
/// accessibility statement (saavutettavuusseloste).
#[derive(Debug, Clone, Default)]
pub struct Accessibility {
    pub feedback_email: Option<String>,
    pub feedback_url: Option<String>,
    pub assessed: Option<jiff::civil::Date>,
    pub supervisor: Option<String>,
    pub supervisor_url: Option<String>,
}

const FILE: &str = "site.toml";

/// `languages`: known languages, each once, the first equal to `language` (which
/// is put first when the list is wrong, so that the build goes on).
fn languages(raw: Option<&crate::load::raw::TextList>, language: Language, diags: &mut Diagnostics) -> Vec<Language> {
    let mut out = vec![language];
    let Some(list) = raw else { return out };
    let mut listed = Vec::new();
    // The languages written correctly: a fix never suggests one of them again.
    let present: Vec<Language> =
        list.get_ref().iter().filter_map(|l| Language::parse(l.get_ref())).chain([language]).collect();
    for (i, l) in list.get_ref().iter().enumerate() {
        let v = l.get_ref();
        let Some(lang) = Language::parse(v) else {
            let free: Vec<&str> =
                Language::CODES.iter().copied().filter(|c| !present.iter().any(|p| p.code() == *c)).collect();
            let msg = tr!(
                en: "areena has no interface in language `{v}`",
                fi: "areenassa ei ole käyttöliittymää kielellä `{v}`",
                sv: "areena har inget gränssnitt på språket `{v}`"
            );
            let help = match nearest(&v.to_lowercase(), free.iter().copied(), 1).first().or(free.first()) {
                Some(guess) => tr!(
                    en: "write `\"{guess}\"` (the languages are fi, sv and en)",
                    fi: "kirjoita `\"{guess}\"` (kielet ovat fi, sv ja en)",
                    sv: "skriv `\"{guess}\"` (språken är fi, sv och en)"
                ),
                None => tr!(
                    en: "delete it: the list has every language areena has (fi, sv and en)",
                    fi: "poista se: luettelossa on jo jokainen areenan kieli (fi, sv ja en)",
                    sv: "ta bort det: listan har redan alla språk som areena har (fi, sv och en)"
                ),
            };
            diags.push(err(Code::UnknownSiteLanguage, l, msg).with_help(help));
            continue;
        };
        if i == 0 && lang != language {
            let first = language.code();
            let msg = tr!(
                en: "the first of `languages` must be the site's `language` (`{first}`)",
                fi: "kentän `languages` ensimmäisen kielen pitää olla sivuston `language` (`{first}`)",
                sv: "det första språket i `languages` ska vara webbplatsens `language` (`{first}`)"
            );
            diags.push(err(Code::InvalidValue, l, msg).with_help(tr!(
                en: "write `languages = [\"{first}\", ...]`: the first language's pages keep their addresses, the others go under /<language>/",
                fi: "kirjoita `languages = [\"{first}\", ...]`: ensimmäisen kielen sivut pysyvät osoitteissaan, muut tulevat kansioon /<kieli>/",
                sv: "skriv `languages = [\"{first}\", ...]`: det första språkets sidor behåller sina adresser, de andra hamnar under /<språk>/"
            )));
        }
        if listed.contains(&lang) {
            let code = lang.code();
            let msg = tr!(
                en: "`{code}` is in `languages` twice",
                fi: "`{code}` on kentässä `languages` kahdesti",
                sv: "`{code}` står två gånger i `languages`"
            );
            diags.push(Diagnostic::warning(Code::InvalidValue, FILE, Some(l.span()), msg).with_help(tr!(
                en: "delete this one: the site is built once in each language",
                fi: "poista tämä: sivusto tehdään kullakin kielellä kerran",
                sv: "ta bort det här: webbplatsen byggs en gång på varje språk"
            )));
        }
        listed.push(lang);
        if !out.contains(&lang) {
            out.push(lang);
        }
    }
    out
}

/// The licence of the open data unless `[data] license` says otherwise.
pub const DEFAULT_DATA_LICENSE: &str = "CC-BY-4.0";

/// The largest `stale_after_months` (100 years).
pub const MAX_STALE_MONTHS: u32 = 1200;

/// Words of each description indexed for search unless `[search] description_words` limits
/// them: all of them.
pub const DEFAULT_DESCRIPTION_WORDS: usize = usize::MAX;

/// `image`: a file under `static/`, given relative to it.
fn site_image(root: &Path, image: &Text, diags: &mut Diagnostics) -> Option<String> {
    let path = image.get_ref().trim().trim_start_matches('/').to_string();
    let inside = !path.is_empty() && !path.split('/').any(|p| p.is_empty() || p == "." || p == "..");
    if inside && root.join(crate::layout::STATIC).join(&path).is_file() {
        return Some(path);
    }
    let msg = tr!(
        en: "there is no file static/{path} for `image`",
        fi: "kentän `image` tiedostoa static/{path} ei ole",
        sv: "filen static/{path} för fältet `image` finns inte"
    );
    diags.push(err(Code::MissingStaticFile, image, msg).with_help(tr!(
        en: "put the picture (e.g. 1200×630 pixels, PNG or JPEG) under static/ and write its path from there: `image = \"kuvat/jako.png\"`",
        fi: "tallenna kuva (esim. 1200×630 pikseliä, PNG tai JPEG) kansioon static/ ja kirjoita sen polku sieltä: `image = \"kuvat/jako.png\"`",
        sv: "spara bilden (t.ex. 1200×630 pixlar, PNG eller JPEG) i mappen static/ och skriv dess sökväg därifrån: `image = \"kuvat/jako.png\"`"
    )));
    None
}

fn err(code: Code, t: &Text, msg: Localized) -> Diagnostic {
    Diagnostic::error(code, FILE, Some(t.span()), msg)
}

/// Validate `site.toml`; always returns a usable config (defaults where values are bad).
// Long on purpose: one flat read of every key of site.toml, in the order of the file, each with its own check.
#[allow(clippy::too_many_lines)]
pub fn site_config(
    root: &Path,
    file: &TomlFile<RawSite>,
    munis: &Municipalities,
    diags: &mut Diagnostics,
) -> SiteConfig {
    let default = RawSite::default();
    let raw = file.raw.as_ref().unwrap_or(&default);
    let parsed = file.raw.is_some();
    let required = |diags: &mut Diagnostics, field: &str, example: &str| {
        if parsed {
            diags.push(
                Diagnostic::error(
                    Code::MissingField,
                    FILE,
                    None,
                    tr!(
                        en: "site.toml has no `{field}`",
                        fi: "tiedostosta site.toml puuttuu `{field}`",
                        sv: "filen site.toml saknar `{field}`"
                    ),
                )
                .with_help(tr!(
                    en: "add a line `{field} = {example}`",
                    fi: "lisää rivi `{field} = {example}`",
                    sv: "lägg till raden `{field} = {example}`"
                )),
            );
        }
    };
    let title = match &raw.title {
        Some(t) => t.get_ref().clone(),
        None => {
            required(diags, "title", "\"Keski-Suomen järjestöt\"");
            String::new()
        }
    };
    let base_url = match &raw.base_url {
        Some(u) => BaseUrl::parse(u.get_ref()).unwrap_or_else(|help| {
            let msg = tr!(
                en: "`base_url` must be the site's whole address",
                fi: "kentässä `base_url` pitää olla sivuston koko osoite",
                sv: "fältet `base_url` ska ha webbplatsens hela adress"
            );
            diags.push(err(Code::InvalidUrl, u, msg).with_help(help));
            BaseUrl::root()
        }),
        None => {
            required(diags, "base_url", "\"https://example.org/\"");
            BaseUrl::root()
        }
    };
    let language = match &raw.language {
        Some(l) => Language::parse(l.get_ref()).unwrap_or_else(|| {
            let lower = l.get_ref().to_lowercase();
            let guess = match lower.as_str() {
                "suomi" | "finnish" | "fin" => Some("fi"),
                "svenska" | "ruotsi" | "swedish" | "swe" | "se" => Some("sv"),
                "english" | "englanti" | "eng" => Some("en"),
                _ => nearest(&lower, Language::CODES.iter().copied(), 1).first().copied(),
            };
            let v = l.get_ref();
            let msg = tr!(
                en: "areena has no interface in language `{v}`",
                fi: "areenassa ei ole käyttöliittymää kielellä `{v}`",
                sv: "areena har inget gränssnitt på språket `{v}`"
            );
            diags.push(err(Code::UnknownSiteLanguage, l, msg).with_help(match guess {
                Some(g) => tr!(
                    en: "write `language = \"{g}\"` (one of fi, sv, en)",
                    fi: "kirjoita `language = \"{g}\"` (vaihtoehdot: fi, sv, en)",
                    sv: "skriv `language = \"{g}\"` (alternativen: fi, sv, en)"
                ),
                None => tr!(
                    en: "write one of `fi`, `sv` or `en`",
                    fi: "kirjoita jokin näistä: `fi`, `sv` tai `en`",
                    sv: "skriv något av dessa: `fi`, `sv` eller `en`"
                ),
            }));
            Language::Fi
        }),
        None => Language::Fi,
    };
    let theme = match &raw.theme {
        Some(t) => {
            let name = t.get_ref();
            // A theme is a folder right under themes/: a name, never a path.
            let is_name =
                crate::model::slug::is_slug(name) || name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
            if name != "default" && (!is_name || !root.join(crate::layout::THEMES).join(name).is_dir()) {
                let mut known = vec!["default".to_string()];
                if let Ok(rd) = std::fs::read_dir(root.join(crate::layout::THEMES)) {
                    known.extend(
                        rd.flatten()
                            .filter(|e| e.path().is_dir())
                            .map(|e| e.file_name().to_string_lossy().into_owned()),
                    );
                }
                let help = did_you_mean(&nearest(name, known.iter().map(String::as_str), 1)).unwrap_or_else(|| {
                    tr!(
                        en: "write `theme = \"default\"`, or create the folder themes/<name>/",
                        fi: "kirjoita `theme = \"default\"` tai luo kansio themes/<nimi>/",
                        sv: "skriv `theme = \"default\"` eller skapa mappen themes/<namn>/"
                    )
                });
                let msg = tr!(
                    en: "there is no site theme `{name}`: not built in, and no folder themes/{name}/",
                    fi: "sivuston ulkoasua `{name}` ei ole: se ei ole valmiina areenassa, eikä kansiota themes/{name}/ ole",
                    sv: "webbplatsens utseende `{name}` finns inte: det är inte inbyggt i areena och mappen themes/{name}/ finns inte"
                );
                diags.push(err(Code::UnknownSiteTheme, t, msg).with_help(help));
            }
            name.clone()
        }
        None => "default".to_string(),
    };
    let region = raw.region.as_ref().and_then(|r| {
        let found = munis.find_region(r.get_ref());
        if found.is_none() {
            let help =
                did_you_mean(&munis.suggest_region(r.get_ref())).unwrap_or_else(crate::model::resolve::region_by_name);
            let v = r.get_ref();
            let msg = tr!(
                en: "unknown region `{v}`",
                fi: "tuntematon maakunta `{v}`",
                sv: "okänt landskap `{v}`"
            );
            diags.push(err(Code::UnknownRegion, r, msg).with_help(help));
        }
        found
    });
    let paths = paths(raw.paths.as_ref(), language, diags);
    let languages = languages(raw.languages.as_ref(), language, diags);
    let stale_after_months = raw.build.as_ref().and_then(|b| b.stale_after_months.as_ref()).and_then(|m| {
        match u32::try_from(*m.get_ref()) {
            Ok(n) if n > 0 && n <= MAX_STALE_MONTHS => Some(n),
            _ => {
                diags.push(
                    Diagnostic::error(
                        Code::InvalidValue,
                        FILE,
                        Some(m.span()),
                        tr!(
                            en: "`stale_after_months` must be a number of months from 1 to {MAX_STALE_MONTHS}",
                            fi: "kentän `stale_after_months` pitää olla kuukausien määrä väliltä 1–{MAX_STALE_MONTHS}",
                            sv: "fältet `stale_after_months` ska vara ett antal månader mellan 1 och {MAX_STALE_MONTHS}"
                        ),
                    )
                    .with_help(tr!(
                        en: "write e.g. `stale_after_months = 18`, or delete the line to turn the warning off",
                        fi: "kirjoita esim. `stale_after_months = 18` tai poista rivi, jos et halua varoitusta",
                        sv: "skriv t.ex. `stale_after_months = 18` eller ta bort raden om du inte vill ha varningen"
                    )),
                );
                None
            }
        }
    });
    SiteConfig {
        title,
        description: raw.description.as_ref().map(|d| d.get_ref().clone()),
        base_url,
        language,
        languages,
        theme,
        region,
        output_dir: raw.output_dir.as_ref().map(|o| o.get_ref().clone()).unwrap_or_else(|| "public".into()),
        output_dir_span: raw.output_dir.as_ref().map(|o| o.span()),
        paths,
        search_enabled: raw.search.as_ref().and_then(|s| s.enabled).unwrap_or(true),
        search_description_words: raw
            .search
            .as_ref()
            .and_then(|s| s.description_words.as_ref())
            .and_then(|w| match usize::try_from(*w.get_ref()) {
                Ok(n) if n <= 10_000 => Some(n),
                _ => {
                    diags.push(
                        err(
                            Code::InvalidValue,
                            &toml::Spanned::new(w.span(), String::new()),
                            tr!(
                                en: "`description_words` must be a number of words from 0 to 10000",
                                fi: "kentän `description_words` pitää olla sanojen määrä väliltä 0–10000",
                                sv: "fältet `description_words` ska vara ett antal ord mellan 0 och 10000"
                            ),
                        )
                        .with_help(tr!(
                            en: "write e.g. `description_words = 25`",
                            fi: "kirjoita esim. `description_words = 25`",
                            sv: "skriv t.ex. `description_words = 25`"
                        )),
                    );
                    None
                }
            })
            .unwrap_or(DEFAULT_DESCRIPTION_WORDS),
        search_notes: raw.search.as_ref().and_then(|s| s.notes).unwrap_or(true),
        data_license: raw
            .data
            .as_ref()
            .and_then(|d| d.license.as_ref())
            .map(|l| l.get_ref().trim().to_string())
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| DEFAULT_DATA_LICENSE.to_string()),
        unsafe_html: raw.build.as_ref().and_then(|b| b.unsafe_html).unwrap_or(false),
        publish_dot_files: raw.build.as_ref().and_then(|b| b.publish_dot_files.clone()).unwrap_or_default(),
        stale_after_months,
        contact_persons: raw.privacy.as_ref().and_then(|p| p.contact_persons).unwrap_or(true),
        accessibility: {
            let a = accessibility(raw.accessibility.as_ref(), diags);
            if parsed {
                statement_gaps(&a, &file.source.text, diags);
            }
            a
        },
        image: raw.image.as_ref().and_then(|i| site_image(root, i, diags)),
        editing: crate::model::editing::editing(raw.editing.as_ref(), diags),
    }
}

/// Warns while the accessibility statement lacks what the law asks of it: a feedback
/// channel and the date of the assessment. Until both are given, the statement says
/// what is missing instead of claiming conformance.
fn statement_gaps(a: &Accessibility, text: &str, diags: &mut Diagnostics) {
    // The `[accessibility]` heading, or nothing when the section is absent.
    let span = text.match_indices("[accessibility]").find_map(|(i, _)| {
        let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
        text[line_start..i].trim().is_empty().then(|| i..i + "[accessibility]".len())
    });
    let mut missing = Vec::new();
    if a.feedback_email.is_none() && a.feedback_url.is_none() {
        missing.push("feedback_email = \"saavutettavuus@jarjesto.example\"");
    }
    if a.assessed.is_none() {
        missing.push("assessed = 2026-01-31");
    }
    if missing.is_empty() {
        return;
    }
    let lines = missing.join("`, `");
    let (section_en, section_fi, section_sv) = if span.is_some() {
        ("under `[accessibility]`", "`[accessibility]`-osioon", "under `[accessibility]`")
    } else {
        (
            "in a new section `[accessibility]`",
            "uuteen `[accessibility]`-osioon",
            "i ett nytt avsnitt `[accessibility]`",
        )
    };
    let message = match (a.feedback_email.is_none() && a.feedback_url.is_none(), a.assessed.is_none()) {
        (true, true) => tr!(
            en: "the accessibility statement has no feedback channel and no assessment date",
            fi: "saavutettavuusselosteesta puuttuvat palautekanava ja arviointipäivä",
            sv: "tillgänglighetsutlåtandet saknar både kanal för respons och datum för bedömningen"
        ),
        (true, false) => tr!(
            en: "the accessibility statement has no feedback channel (`feedback_email` or `feedback_url`)",
            fi: "saavutettavuusselosteesta puuttuu palautekanava (`feedback_email` tai `feedback_url`)",
            sv: "tillgänglighetsutlåtandet saknar kanal för respons (`feedback_email` eller `feedback_url`)"
        ),
        _ => tr!(
            en: "the accessibility statement has no assessment date (`assessed`)",
            fi: "saavutettavuusselosteesta puuttuu arviointipäivä (`assessed`)",
            sv: "tillgänglighetsutlåtandet saknar datum för bedömningen (`assessed`)"
        ),
    };
    diags.push(Diagnostic::warning(Code::IncompleteStatement, FILE, span, message).with_help(tr!(
        en: "the law (306/2019) asks for both; until then the statement says what is missing. Add `{lines}` {section_en} with the real address and the date of the last assessment",
        fi: "laki (306/2019) vaatii molemmat; siihen asti seloste kertoo, mitä puuttuu. Lisää `{lines}` {section_fi} oikealla osoitteella ja viimeisimmän arvioinnin päivämäärällä",
        sv: "lagen (306/2019) kräver båda; tills dess säger utlåtandet vad som saknas. Lägg till `{lines}` {section_sv} med den riktiga adressen och datumet för den senaste bedömningen"
    )));
}

fn paths(raw: Option<&RawPaths>, lang: Language, diags: &mut Diagnostics) -> Paths {
    let mut p = Paths::defaults(lang);
    let Some(raw) = raw else { return p };
    let RawPaths { organisations, themes, municipalities, networks, partnership_tables, search, coverage, events } =
        raw;
    let mut seen: Vec<String> = Vec::new();
    for (value, slot) in [
        (organisations, &mut p.organisations),
        (themes, &mut p.themes),
        (municipalities, &mut p.municipalities),
        (networks, &mut p.networks),
        (partnership_tables, &mut p.partnership_tables),
        (search, &mut p.search),
        (coverage, &mut p.coverage),
        (events, &mut p.events),
    ] {
        let Some(v) = value else { continue };
        let s = v.get_ref();
        if !is_slug(s) {
            diags.push(not_a_segment(v));
            continue;
        }
        if seen.contains(s) {
            diags.push(
                err(
                    Code::DuplicateSlug,
                    v,
                    tr!(
                        en: "two sections would share the URL segment `{s}`",
                        fi: "kahdella osiolla olisi sama osoitteen osa `{s}`",
                        sv: "två delar av webbplatsen skulle ha samma adressdel `{s}`"
                    ),
                )
                .with_help(tr!(
                    en: "give each section of [paths] its own segment",
                    fi: "anna jokaiselle [paths]-osion kohdalle oma osoitteen osa",
                    sv: "ge varje rad i avsnittet [paths] en egen adressdel"
                )),
            );
            continue;
        }
        seen.push(s.clone());
        *slot = s.clone();
    }
    // A segment set here may also collide with a default one, or with `data`.
    let values = [organisations, themes, municipalities, networks, partnership_tables, search, coverage, events];
    let all = p.reserved();
    for v in values.into_iter().flatten() {
        let s = v.get_ref().as_str();
        if is_slug(s) && all.iter().filter(|x| **x == s).count() > 1 && seen.iter().filter(|x| *x == s).count() == 1 {
            diags.push(
                err(
                    Code::DuplicateSlug,
                    v,
                    tr!(
                        en: "the URL segment `{s}` is already used by another section of the site",
                        fi: "osoitteen osa `{s}` on jo sivuston toisen osion käytössä",
                        sv: "adressdelen `{s}` används redan av en annan del av webbplatsen"
                    ),
                )
                .with_help({
                    let taken = all.join(", ");
                    tr!(
                        en: "choose another segment; taken: {taken}",
                        fi: "valitse toinen; varattuja ovat: {taken}",
                        sv: "välj en annan; upptagna är: {taken}"
                    )
                }),
            );
        }
    }
    p
}

/// A `[paths]` value that cannot be a URL segment.
fn not_a_segment(v: &Text) -> Diagnostic {
    let s = v.get_ref();
    let slug = slugify(s);
    err(
        Code::InvalidSlug,
        v,
        tr!(
            en: "`{s}` cannot be a URL segment",
            fi: "`{s}` ei kelpaa verkko-osoitteen osaksi",
            sv: "`{s}` duger inte som del av en webbadress"
        ),
    )
    .with_help(tr!(
        en: "use lowercase letters, digits and hyphens: `{slug}`",
        fi: "käytä pieniä kirjaimia, numeroita ja yhdysmerkkejä: `{slug}`",
        sv: "använd små bokstäver, siffror och bindestreck: `{slug}`"
    ))
}

fn accessibility(raw: Option<&crate::load::raw::RawAccessibility>, diags: &mut Diagnostics) -> Accessibility {
    use crate::model::values::{check_email, to_date};
    let Some(raw) = raw else { return Accessibility::default() };
    let crate::load::raw::RawAccessibility { feedback_email, feedback_url, assessed, supervisor, supervisor_url } = raw;
    let url = |t: &Option<Text>, diags: &mut Diagnostics| {
        let t = t.as_ref()?;
        match check_url(t.get_ref()) {
            Ok(()) => Some(t.get_ref().trim().to_string()),
            Err(help) => {
                let v = t.get_ref();
                let msg = tr!(
                    en: "`{v}` is not a web address",
                    fi: "`{v}` ei ole verkko-osoite",
                    sv: "`{v}` är inte en webbadress"
                );
                diags.push(err(Code::InvalidUrl, t, msg).with_help(help));
                None
            }
        }
    };
    Accessibility {
        feedback_email: feedback_email.as_ref().and_then(|e| match check_email(e.get_ref()) {
            Ok(()) => Some(e.get_ref().trim().to_string()),
            Err(help) => {
                let v = e.get_ref();
                let msg = tr!(
                    en: "`{v}` is not an email address",
                    fi: "`{v}` ei ole sähköpostiosoite",
                    sv: "`{v}` är inte en e-postadress"
                );
                diags.push(err(Code::InvalidEmail, e, msg).with_help(help));
                None
            }
        }),
        feedback_url: url(feedback_url, diags),
        assessed: assessed.as_ref().and_then(|d| match to_date(d.get_ref()) {
            Ok(date) => Some(date),
            Err(help) => {
                diags.push(
                    Diagnostic::error(
                        Code::InvalidDate,
                        FILE,
                        Some(d.span()),
                        crate::model::resolve::not_a_date(d.get_ref()),
                    )
                    .with_help(help),
                );
                None
            }
        }),
        supervisor: supervisor.as_ref().map(|s| s.get_ref().trim().to_string()).filter(|s| !s.is_empty()),
        supervisor_url: url(supervisor_url, diags),
    }
}

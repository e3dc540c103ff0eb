//! `areena init`: a new site for one region that checks and builds at once, with
//! themes, free pages, an editors' README and the publishing workflows.

use std::path::{Path, PathBuf};

use super::Outcome;
use crate::cli::InitArgs;
use crate::diagnostics::{Localized, tr};
use crate::model::BaseUrl;
use crate::model::Language;
use crate::model::municipalities::{Municipalities, Region};

/// The GitHub Actions workflow written by `init` (also in examples/workflows/).
pub const GITHUB_WORKFLOW: &str = include_str!("../../examples/workflows/.github/workflows/areena.yml");
/// The GitLab CI configuration written by `init` (also in examples/workflows/).
pub const GITLAB_CI: &str = include_str!("../../examples/workflows/.gitlab-ci.yml");

/// The files of a new site in one language, with `{…}` placeholders.
struct Files {
    site: &'static str,
    themes: &'static str,
    about: &'static str,
    join: &'static str,
    readme: &'static str,
    /// File names of the two free pages.
    about_name: &'static str,
    join_name: &'static str,
}

/// The files of a new site in language `$lang` (a folder under `init_files/`), with
/// the file names of its about and how-to-join pages.
macro_rules! files_in {
    ($lang:literal, $about:literal, $join:literal) => {
        Files {
            site: include_str!(concat!("init_files/", $lang, "/site.toml")),
            themes: include_str!(concat!("init_files/", $lang, "/themes.toml")),
            about: include_str!(concat!("init_files/", $lang, "/about.md")),
            join: include_str!(concat!("init_files/", $lang, "/join.md")),
            readme: include_str!(concat!("init_files/", $lang, "/README.md")),
            about_name: $about,
            join_name: $join,
        }
    };
}

fn files(lang: Language) -> Files {
    match lang {
        Language::Fi => files_in!("fi", "tietoa.md", "liity.md"),
        Language::Sv => files_in!("sv", "om.md", "ga-med.md"),
        Language::En => files_in!("en", "about.md", "join.md"),
    }
}

/// The Finnish genitive of a region's name (`Pirkanmaa` -> `Pirkanmaan`), by region code.
fn genitive(region: &Region) -> String {
    let g = match region.code.as_str() {
        "01" => "Uudenmaan",
        "02" => "Varsinais-Suomen",
        "04" => "Satakunnan",
        "05" => "Kanta-Hämeen",
        "06" => "Pirkanmaan",
        "07" => "Päijät-Hämeen",
        "08" => "Kymenlaakson",
        "09" => "Etelä-Karjalan",
        "10" => "Etelä-Savon",
        "11" => "Pohjois-Savon",
        "12" => "Pohjois-Karjalan",
        "13" => "Keski-Suomen",
        "14" => "Etelä-Pohjanmaan",
        "15" => "Pohjanmaan",
        "16" => "Keski-Pohjanmaan",
        "17" => "Pohjois-Pohjanmaan",
        "18" => "Kainuun",
        "19" => "Lapin",
        "21" => "Ahvenanmaan",
        _ => return format!("{} –", region.name),
    };
    g.to_string()
}

/// The region's name as the site's language writes it (Åland is Åland in English too).
fn region_name(region: &Region, lang: Language) -> String {
    match lang {
        Language::Sv => region.name_sv.clone(),
        Language::En if region.code == "21" => region.name_sv.clone(),
        _ => region.name.clone(),
    }
}

/// The default title and description.
fn title_and_description(region: &Region, lang: Language) -> (String, String) {
    let name = region_name(region, lang);
    match lang {
        Language::Fi => {
            let g = genitive(region);
            (format!("{g} järjestöt"), format!("{g} järjestöjen, verkostojen ja kumppanuuspöytien hakemisto"))
        }
        Language::Sv => (
            format!("Organisationer i {name}"),
            format!("Katalog över organisationer, nätverk och partnerskapsbord i {name}"),
        ),
        Language::En => (
            format!("Organisations in {name}"),
            format!("A directory of organisations, networks and partnership tables in {name}"),
        ),
    }
}

/// A TOML string.
fn q(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The first theme id of a themes.toml text.
fn first_theme(themes: &str) -> &str {
    themes.lines().find_map(|l| l.strip_prefix("id = \"")).and_then(|l| l.strip_suffix('"')).unwrap_or("")
}

/// A municipality of the region for the examples, as a shell word.
fn example_municipality(munis: &Municipalities, region: &Region, lang: Language) -> String {
    let name = munis
        .list
        .iter()
        .find(|m| munis.regions[m.region.index()].code == region.code)
        .map(|m| if lang == Language::Sv { m.name_sv.clone() } else { m.name.clone() })
        .unwrap_or_default();
    if name.contains(' ') { format!("\"{name}\"") } else { name }
}

/// Every file of the new site: its path under the site's folder and its text.
fn site_files(args: &InitArgs, munis: &Municipalities, region: &Region) -> Vec<(PathBuf, String)> {
    let lang = args.language;
    let f = files(lang);
    let (title, description) = title_and_description(region, lang);
    let title = args.title.clone().unwrap_or(title);
    let base_url = args.base_url.clone().unwrap_or_else(|| "https://example.org/".into());
    let name = region_name(region, lang);
    let municipality = example_municipality(munis, region, lang);
    let fill = |t: &str| {
        t.replace("{title}", &title)
            .replace("{region_gen}", &genitive(region))
            .replace("{region}", &name)
            .replace("{theme}", first_theme(f.themes))
            .replace("{municipality}", &municipality)
    };
    let site = f
        .site
        .replace("{title}", &q(&title))
        .replace("{description}", &q(&description))
        .replace("{base_url}", &q(&base_url))
        .replace("{region}", &q(&name));
    let pages = PathBuf::from("content").join("pages");
    vec![
        ("site.toml".into(), site),
        (PathBuf::from("content").join("themes.toml"), f.themes.to_string()),
        (pages.join(f.about_name), fill(f.about)),
        (pages.join(f.join_name), fill(f.join)),
        ("README.md".into(), fill(f.readme)),
        (".gitignore".into(), "public/\ntarget/\n".into()),
        (PathBuf::from(".github").join("workflows").join("areena.yml"), GITHUB_WORKFLOW.into()),
        (".gitlab-ci.yml".into(), GITLAB_CI.into()),
    ]
}

/// The reason `args` cannot make a site, in the language of the new site.
fn refuse(args: &InitArgs, munis: &Municipalities) -> Result<usize, Localized> {
    let dir = args.dir.display();
    if args.dir.exists() {
        let empty = std::fs::read_dir(&args.dir).map(|mut d| d.next().is_none()).unwrap_or(false);
        if !empty {
            return Err(tr!(
                en: "{dir} exists and is not an empty folder; areena init writes only into a new or empty folder",
                fi: "{dir} on jo olemassa eikä ole tyhjä kansio; areena init kirjoittaa vain uuteen tai tyhjään kansioon",
                sv: "{dir} finns redan och är inte en tom mapp; areena init skriver bara i en ny eller tom mapp"
            ));
        }
    }
    if let Some(url) = &args.base_url
        && let Err(help) = BaseUrl::parse(url)
    {
        return Err(help.map(|lang, h| match lang {
            Language::En => format!("--base-url `{url}` is not a web address: {h}"),
            Language::Fi => format!("--base-url `{url}` ei ole verkko-osoite: {h}"),
            Language::Sv => format!("--base-url `{url}` är inte en webbadress: {h}"),
        }));
    }
    if args.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
        return Err(tr!(
            en: "--title is empty",
            fi: "--title on tyhjä",
            sv: "--title är tom"
        ));
    }
    let wanted = args.region.as_str();
    munis.find_region(wanted).map(|r| r.index()).ok_or_else(|| {
        let names: Vec<&str> = munis.regions.iter().map(|r| r.name.as_str()).collect();
        let all = names.join(", ");
        match munis.suggest_region(wanted).first() {
            Some(near) => tr!(
                en: "unknown region `{wanted}`; did you mean `{near}`?",
                fi: "tuntematon maakunta `{wanted}`; tarkoititko `{near}`?",
                sv: "okänt landskap `{wanted}`; menade du `{near}`?"
            ),
            None => tr!(
                en: "unknown region `{wanted}`; the regions are: {all}",
                fi: "tuntematon maakunta `{wanted}`; maakunnat ovat: {all}",
                sv: "okänt landskap `{wanted}`; landskapen är: {all}"
            ),
        }
    })
}

fn write_all(dir: &Path, files: &[(PathBuf, String)]) -> std::io::Result<()> {
    for (rel, text) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, text)?;
    }
    Ok(())
}

/// What to do next, in the site's language.
fn next_steps(lang: Language, dir: &Path, theme: &str, municipality: &str) -> String {
    let dir = dir.display();
    let (written, next, name) = match lang {
        Language::Fi => ("kirjoitettu", "Seuraavaksi", "Esimerkkiyhdistys ry"),
        Language::Sv => ("skrivet", "Sedan", "Exempelföreningen rf"),
        Language::En => ("written", "Next", "Example Association"),
    };
    format!(
        "{written}: {dir}\n\n{next}:\n  cd {dir}\n  areena new organisation \"{name}\" --theme {theme} --municipality {municipality}\n  areena check\n  areena serve\n  areena build\n"
    )
}

pub fn run(args: &InitArgs) -> Outcome {
    let munis = Municipalities::builtin();
    let lang = args.language;
    let region = match refuse(args, munis) {
        Ok(r) => &munis.regions[r],
        Err(msg) => {
            eprintln!("error: {}", msg.get(lang));
            return Outcome::UsageOrIo;
        }
    };
    let written = site_files(args, munis, region);
    if let Err(e) = write_all(&args.dir, &written) {
        eprintln!("error: cannot write into {}: {e}", args.dir.display());
        return Outcome::UsageOrIo;
    }
    for (rel, _) in &written {
        println!("{}", rel.to_string_lossy().replace('\\', "/"));
    }
    println!(
        "\n{}",
        next_steps(lang, &args.dir, first_theme(files(lang).themes), &example_municipality(munis, region, lang))
    );
    Outcome::Ok
}

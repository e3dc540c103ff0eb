//! `areena new`: a new content file with the right name and every field, checked
//! with the same diagnostics as `areena check`.

use std::fmt::Write as _;
use std::path::PathBuf;

use super::{Outcome, report};
use crate::cli::{NewArgs, NewKind};
use crate::layout::{CONTENT, EVENTS, NETWORKS, ORGANISATIONS, PAGES, PARTNERSHIP_TABLES};
use crate::model::Language;
use crate::model::slug::slugify;
use crate::pipeline::{self, Settings};

/// Texts of the new file, in the site's language.
struct Words {
    optional: &'static str,
    body: &'static str,
}

fn words(lang: Language, kind: &NewKind) -> Words {
    let optional = match lang {
        Language::Fi => "# Valinnaiset kentät: poista #-merkki rivin alusta ja täytä arvo.",
        Language::Sv => "# Valfria fält: ta bort # i början av raden och fyll i värdet.",
        Language::En => "# Optional fields: remove the # at the start of a line and fill in the value.",
    };
    let body = match (lang, kind) {
        (Language::Fi, NewKind::Note { .. }) => "Kirjoita tähän muistio.",
        (Language::Sv, NewKind::Note { .. }) => "Skriv minnesanteckningarna här.",
        (Language::En, NewKind::Note { .. }) => "Write the notes here.",
        (Language::Fi, NewKind::Event { .. }) => "Kerro tähän, mitä tapahtumassa on ja kenelle se on tarkoitettu.",
        (Language::Sv, NewKind::Event { .. }) => "Berätta här vad som händer på evenemanget och för vem det är.",
        (Language::En, NewKind::Event { .. }) => "Say here what happens at the event and whom it is for.",
        (Language::Fi, _) => "Kirjoita tähän kuvaus.",
        (Language::Sv, _) => "Skriv beskrivningen här.",
        (Language::En, _) => "Write the description here.",
    };
    Words { optional, body }
}

/// A TOML string.
fn q(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn list(items: &[String]) -> String {
    format!("[{}]", items.iter().map(|s| q(s)).collect::<Vec<_>>().join(", "))
}

/// The optional fields, commented out.
const ORGANISATION_FIELDS: &str = concat!(
    "# short_name = \"\"\n",
    "# summary = \"\"              # one sentence, at most 160 characters, shown in lists\n",
    "# seeking = [\"volunteers\"]  # volunteers | members | partners\n",
    "# kind = \"association\"        # association | federation | foundation | cooperative | informal | other\n",
    "# business_id = \"1234567-1\"   # Y-tunnus\n",
    "# register_number = \"\"\n",
    "# founded = 1990\n",
    "# networks = [\"\"]\n",
    "# activities = [\"\"]\n",
    "# languages = [\"fi\"]\n",
    "# website = \"https://\"\n",
    "# email = \"\"\n",
    "# phone = \"+358 \"\n",
    "# logo = \"logos/<file>.png\"    # a file under static/\n",
    "# logo_alt = \"\"\n",
    "#\n",
    "# [address]\n",
    "# street = \"\"\n",
    "# postal_code = \"\"\n",
    "# city = \"\"\n",
    "#\n",
    "# [contact]\n",
    "# name = \"\"\n",
    "# role = \"\"\n",
    "# email = \"\"\n",
    "# phone = \"\"\n",
);

/// The optional fields, commented out.
const NETWORK_FIELDS: &str = concat!(
    "# coordinator = \"\"          # an organisation's file name without .md\n",
    "# themes = [\"\"]\n",
    "# municipalities = [\"\"]\n",
    "# regions = [\"\"]\n",
    "# website = \"https://\"\n",
    "# email = \"\"\n",
    "#\n",
    "# [contact]\n",
    "# name = \"\"\n",
);

/// The optional fields, commented out.
const TABLE_FIELDS: &str = concat!(
    "# convener = \"\"             # an organisation's or network's file name without .md\n",
    "# public_partners = [\"\"]\n",
    "# members = [\"\"]\n",
    "# themes = [\"\"]\n",
    "# regions = [\"\"]\n",
    "# founded = 2020-01-01\n",
    "# meets = \"\"\n",
    "#\n",
    "# [contact]\n",
    "# name = \"\"\n",
);

/// The optional fields, commented out.
const NOTE_FIELDS: &str = concat!(
    "# attendees = [\"\"]          # organisations' file names without .md\n",
    "# other_attendees = [\"\"]\n",
    "# decisions = [\"\"]\n",
    "# next_meeting = 2026-01-01\n",
    "# themes = [\"\"]\n",
);

/// The optional fields of an event, commented out, with guidance in the site's language.
fn event_fields(lang: Language) -> &'static str {
    match lang {
        Language::Fi => concat!(
            "# end = 2026-09-12T14:00:00       # päättymisaika; koko päivän tapahtumalle päivämäärä\n",
            "# organiser_text = \"\"             # järjestäjä, joka ei ole hakemistossa\n",
            "# themes = [\"\"]                   # teemojen tunnukset (content/themes.toml)\n",
            "# place = \"\"                      # paikka ja osoite\n",
            "# registration = \"https://\"       # ilmoittautumisen verkko-osoite\n",
            "# price = \"maksuton\"\n",
            "# languages = [\"fi\"]\n",
            "# accessibility = \"\"              # esteettömyys: sisäänkäynti, induktiosilmukka\n",
            "# table = \"\"                      # kumppanuuspöydän kansion nimi\n",
        ),
        Language::Sv => concat!(
            "# end = 2026-09-12T14:00:00       # sluttid; ett datum för ett heldagsevenemang\n",
            "# organiser_text = \"\"             # en arrangör som inte finns i katalogen\n",
            "# themes = [\"\"]                   # temanas id (content/themes.toml)\n",
            "# place = \"\"                      # plats och adress\n",
            "# registration = \"https://\"       # webbadressen för anmälan\n",
            "# price = \"avgiftsfri\"\n",
            "# languages = [\"sv\"]\n",
            "# accessibility = \"\"              # tillgänglighet: ingång, hörslinga\n",
            "# table = \"\"                      # partnerskapsbordets mappnamn\n",
        ),
        Language::En => concat!(
            "# end = 2026-09-12T14:00:00       # when it ends; a date for an all-day event\n",
            "# organiser_text = \"\"             # an organiser that is not in the directory\n",
            "# themes = [\"\"]                   # theme ids (content/themes.toml)\n",
            "# place = \"\"                      # place and address\n",
            "# registration = \"https://\"       # where to sign up\n",
            "# price = \"free\"\n",
            "# languages = [\"en\"]\n",
            "# accessibility = \"\"              # accessibility: entrance, induction loop\n",
            "# table = \"\"                      # a partnership table's folder name\n",
        ),
    }
}

/// `start = ...` of a new event, and the date its file name begins with.
fn event_start(start: crate::cli::EventStart) -> (String, jiff::civil::Date) {
    match start {
        crate::cli::EventStart::At(t) => (t.strftime("%Y-%m-%dT%H:%M:%S").to_string(), t.date()),
        crate::cli::EventStart::AllDay(d) => (d.to_string(), d),
    }
}

/// The file's path under the site root and its text.
fn file(args: &NewArgs, lang: Language, today: jiff::civil::Date) -> Result<(PathBuf, String), String> {
    let w = words(lang, &args.kind);
    let mut t = String::from("+++\n");
    let name_slug = |name: &str| {
        let slug = slugify(name);
        if slug.is_empty() { Err(format!("`{name}` gives no file name: use letters or digits")) } else { Ok(slug) }
    };
    let path = match &args.kind {
        NewKind::Organisation { name, theme, municipality, region, nationwide } => {
            let _ = writeln!(t, "name = {}", q(name));
            let _ = writeln!(t, "themes = {}", list(theme));
            if !municipality.is_empty() || (region.is_empty() && !nationwide) {
                let _ = writeln!(t, "municipalities = {}", list(municipality));
            }
            if !region.is_empty() {
                let _ = writeln!(t, "regions = {}", list(region));
            }
            if *nationwide {
                t.push_str("nationwide = true\n");
            }
            let _ = writeln!(t, "updated = {today}");
            let _ = writeln!(t, "\n{}", w.optional);
            t.push_str(ORGANISATION_FIELDS);
            PathBuf::from(CONTENT).join(ORGANISATIONS).join(format!("{}.md", name_slug(name)?))
        }
        NewKind::Network { name, kind } => {
            let _ = writeln!(t, "name = {}", q(name));
            let _ = writeln!(t, "kind = {}   # regional-federation | theme-group | local-network | other", q(kind));
            t.push_str("members = []\n");
            let _ = writeln!(t, "\n{}", w.optional);
            t.push_str(NETWORK_FIELDS);
            PathBuf::from(CONTENT).join(NETWORKS).join(format!("{}.md", name_slug(name)?))
        }
        NewKind::Table { name } => {
            let _ = writeln!(t, "name = {}", q(name));
            let _ = writeln!(t, "\n{}", w.optional);
            t.push_str(TABLE_FIELDS);
            PathBuf::from(CONTENT).join(PARTNERSHIP_TABLES).join(name_slug(name)?).join("index.md")
        }
        NewKind::Note { table, title, date } => {
            let date = date.unwrap_or(today);
            let _ = writeln!(t, "title = {}", q(title));
            let _ = writeln!(t, "date = {date}");
            t.push_str("kind = \"minutes\"   # minutes | agenda | summary | announcement\n");
            let _ = writeln!(t, "\n{}", w.optional);
            t.push_str(NOTE_FIELDS);
            PathBuf::from(CONTENT).join(PARTNERSHIP_TABLES).join(table).join(format!("{date}-{}.md", name_slug(title)?))
        }
        NewKind::Event { title, start, organiser, municipality, online } => {
            let (start, date) = event_start(*start);
            let _ = writeln!(t, "title = {}", q(title));
            let _ = writeln!(t, "start = {start}");
            let _ = writeln!(t, "organisers = {}", list(organiser));
            if let Some(m) = municipality {
                let _ = writeln!(t, "municipality = {}", q(m));
            }
            if *online || municipality.is_none() {
                let _ = writeln!(t, "online = {online}");
            }
            let _ = writeln!(t, "\n{}", w.optional);
            t.push_str(event_fields(lang));
            PathBuf::from(CONTENT).join(EVENTS).join(format!("{date}-{}.md", name_slug(title)?))
        }
        NewKind::Page { title } => {
            let _ = writeln!(t, "title = {}", q(title));
            let _ = writeln!(t, "\n{}", w.optional);
            t.push_str("# description = \"\"\n# menu = true\n# weight = 10\n");
            PathBuf::from(CONTENT).join(PAGES).join(format!("{}.md", name_slug(title)?))
        }
    };
    let _ = writeln!(t, "+++\n{}", w.body);
    Ok((path, t))
}

pub fn run(args: &NewArgs) -> Outcome {
    let root = &args.root;
    let config = match pipeline::site_config(root) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return Outcome::UsageOrIo;
        }
    };
    let today = pipeline::today();
    let (rel, text) = match file(args, config.language, today) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return Outcome::UsageOrIo;
        }
    };
    if let NewKind::Note { table, .. } = &args.kind
        && !root.join(CONTENT).join(PARTNERSHIP_TABLES).join(table).join("index.md").is_file()
    {
        eprintln!("error: there is no partnership table `{table}` (content/{PARTNERSHIP_TABLES}/{table}/index.md)");
        return Outcome::UsageOrIo;
    }
    let path = root.join(&rel);
    if path.exists() {
        eprintln!("error: {} exists already; areena new does not overwrite files", rel.display());
        return Outcome::UsageOrIo;
    }
    let made_folder = path.parent().filter(|p| !p.exists()).map(PathBuf::from);
    if let Err(e) = path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&path, &text)) {
        eprintln!("error: cannot write {}: {e}", rel.display());
        return Outcome::UsageOrIo;
    }
    // The same checks as `areena check`, on the new file in its place.
    let shown = rel.to_string_lossy().replace('\\', "/");
    let checked = match pipeline::check(root, Settings { drafts: true, today }) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return Outcome::UsageOrIo;
        }
    };
    let mut own = crate::diagnostics::Diagnostics::new();
    if let Some(src) = checked.diagnostics.source(&shown) {
        own.add_source(&shown, std::sync::Arc::from(src));
    }
    own.extend(checked.diagnostics.items().iter().filter(|d| d.file == shown).cloned());
    if !own.items().is_empty() {
        report(&own, crate::cli::Format::Human, args.lang.unwrap_or(config.language));
    }
    if own.has_errors() {
        let _ = std::fs::remove_file(&path);
        if let Some(dir) = made_folder {
            let _ = std::fs::remove_dir(dir);
        }
        eprintln!("nothing was written: fix the values above and run the command again");
        return Outcome::ContentErrors;
    }
    println!("{shown}");
    Outcome::Ok
}

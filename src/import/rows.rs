//! One row of the spreadsheet into the fields of one organisation, with every
//! value checked as `areena check` checks it: names of municipalities, regions and
//! themes resolved (a theme also by its name in any language of themes.toml), the
//! Y-tunnus check digit, web and email addresses, phone numbers, years.

use std::collections::BTreeMap;
use std::ops::Range;

use super::columns::{Field, Plan};
use super::table::Row;
use crate::diagnostics::suggest::{did_you_mean, fold, nearest};
use crate::diagnostics::{Code, Diagnostic, Localized, tr};
use crate::model::business_id;
use crate::model::values::{check_email, check_language_code, check_phone, check_url, check_year, is_dropped_char};
use crate::model::{Municipalities, OrganisationKind, Seeking};

/// A value of a field, ready for the front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    Text(String),
    List(Vec<String>),
    Int(i64),
    Bool(bool),
}

/// One organisation of the spreadsheet: the fields of its non-empty cells.
#[derive(Debug, Clone)]
pub(crate) struct Imported {
    pub(crate) row: usize,
    pub(crate) name: String,
    pub(crate) slug: String,
    /// Where the name is, for reports about the whole organisation.
    pub(crate) name_cell: (usize, Range<usize>),
    pub(crate) values: BTreeMap<Field, Value>,
    /// `--theme`, for a row without themes: used only in a new file (an update keeps
    /// the file's themes).
    pub(crate) default_theme: Option<String>,
    /// What a new file would lack (a theme, a place where it acts): errors only when
    /// the row makes a new file, not when it updates one.
    pub(crate) missing: Vec<Diagnostic>,
}

impl Imported {
    pub(crate) fn text(&self, f: Field) -> Option<&str> {
        match self.values.get(&f) {
            Some(Value::Text(s)) => Some(s),
            _ => None,
        }
    }
}

/// A theme of themes.toml with every name it has (`name`, `name_sv`, `name_en`, ...).
#[derive(Debug, Clone)]
pub(crate) struct ThemeNames {
    pub(crate) id: String,
    pub(crate) names: Vec<String>,
}

/// What the values are checked against.
pub(crate) struct Context<'a> {
    pub(crate) file: &'a str,
    pub(crate) themes: &'a [ThemeNames],
    pub(crate) municipalities: &'a Municipalities,
    pub(crate) today: jiff::civil::Date,
    /// `--theme`, resolved to an id.
    pub(crate) default_theme: Option<String>,
    /// Municipalities and regions are written by their Swedish names (a Swedish site).
    pub(crate) swedish: bool,
}

/// A problem with one value: code, message, fix, and the part of the cell it is in
/// (byte offset and length in the cell's text).
pub(crate) struct Problem {
    code: Code,
    message: Localized,
    help: Localized,
    within: Option<(usize, usize)>,
}

fn problem(code: Code, message: Localized, help: Localized) -> Problem {
    Problem { code, message, help, within: None }
}

/// A text as one line: control characters out, runs of white space (line breaks
/// too) one space.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").chars().filter(|&c| !is_dropped_char(c)).collect()
}

/// The items of a list cell, with their byte offsets in the cell.
fn items(text: &str, separators: &[char]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut start = 0;
    for part in text.split(separators) {
        let item = one_line(part);
        if !item.is_empty() {
            let lead = part.len() - part.trim_start().len();
            out.push((start + lead, item));
        }
        start += part.len() + 1;
    }
    out
}

/// One organisation from `row`, or the problems of its cells (pushed to `diags`).
pub(crate) fn organisation(ctx: &Context<'_>, plan: &Plan, row: &Row, diags: &mut Vec<Diagnostic>) -> Option<Imported> {
    let before = diags.len();
    let mut values: BTreeMap<Field, Value> = BTreeMap::new();
    let mut name_cell = None;
    for (i, (field, cell)) in plan.iter().zip(&row.cells).enumerate() {
        let Some(field) = *field else { continue };
        if cell.text.trim().is_empty() {
            continue;
        }
        if field == Field::Name {
            name_cell = Some((i + 1, cell.span.clone()));
        }
        match value(ctx, field, &cell.text) {
            Ok(v) => merge(&mut values, field, v),
            Err(problems) => {
                for p in problems {
                    // The part of the cell, when the cell's text is where its span says.
                    let span = match p.within {
                        Some((at, len)) if cell.span.len() == cell.text.len() => {
                            cell.span.start + at..cell.span.start + at + len
                        }
                        _ => cell.span.clone(),
                    };
                    diags.push(
                        Diagnostic::error(p.code, ctx.file, Some(span), p.message)
                            .with_help(p.help)
                            .in_cell(row.number, i + 1),
                    );
                }
            }
        }
    }
    let default_theme = match &ctx.default_theme {
        Some(t) if !values.contains_key(&Field::Themes) => Some(t.clone()),
        _ => None,
    };
    let mut missing = Vec::new();
    required(ctx, plan, row, &values, &mut missing);
    // Without a name the row can be neither written nor matched: an error at once.
    if let Some(i) = missing.iter().position(|d| d.code == Code::MissingField && !values.contains_key(&Field::Name)) {
        diags.push(missing.remove(i));
    }
    if default_theme.is_some() {
        missing.retain(|d| d.code != Code::MissingField);
    }
    let Some(Value::Text(name)) = values.get(&Field::Name).cloned() else { return None };
    let slug = crate::model::slug::slugify(&name);
    if diags.len() > before {
        return None;
    }
    let name_cell = name_cell.expect("a name has its cell");
    Some(Imported { row: row.number, name, slug, name_cell, values, default_theme, missing })
}

fn merge(values: &mut BTreeMap<Field, Value>, field: Field, v: Value) {
    match (values.get_mut(&field), v) {
        (Some(Value::List(old)), Value::List(new)) => {
            for x in new {
                if !old.contains(&x) {
                    old.push(x);
                }
            }
        }
        (_, v) => {
            values.insert(field, v);
        }
    }
}

/// The name, a theme and a place where it acts are required (the name is the first
/// problem pushed, when it is missing).
fn required(ctx: &Context<'_>, plan: &Plan, row: &Row, values: &BTreeMap<Field, Value>, diags: &mut Vec<Diagnostic>) {
    let column = |f: Field| plan.iter().position(|p| *p == Some(f));
    // A cell with a wrong value has its own report.
    let written = |f: Field| column(f).and_then(|c| row.cells.get(c)).is_some_and(|c| !c.text.trim().is_empty());
    let at = |f: Field, code, message, help| {
        let col = column(f).unwrap_or(0);
        let span = row.cells.get(col).map_or(row.start..row.start, |c| c.span.clone());
        Diagnostic::error(code, ctx.file, Some(span), message).with_help(help).in_cell(row.number, col + 1)
    };
    if !values.contains_key(&Field::Name) && !written(Field::Name) {
        diags.push(at(
            Field::Name,
            Code::MissingField,
            tr!(en: "the row has no name", fi: "rivillä ei ole nimeä", sv: "raden har inget namn"),
            tr!(
                en: "write the organisation's name in the name column (nimi / namn / name), or delete the row",
                fi: "kirjoita järjestön nimi nimisarakkeeseen (nimi), tai poista rivi",
                sv: "skriv organisationens namn i namnkolumnen (namn), eller ta bort raden"
            ),
        ));
    }
    if !values.contains_key(&Field::Themes) && !written(Field::Themes) {
        diags.push(at(
            Field::Themes,
            Code::MissingField,
            tr!(en: "the row has no theme", fi: "rivillä ei ole teemaa", sv: "raden har inget tema"),
            tr!(
                en: "write a theme in the themes column (teemat / teman / themes), or give one for all such rows with `--theme`",
                fi: "kirjoita teema teemasarakkeeseen (teemat), tai anna kaikille tällaisille riveille teema valitsimella `--theme`",
                sv: "skriv ett tema i temakolumnen (teman), eller ge ett tema för alla sådana rader med `--theme`"
            ),
        ));
    }
    let acts = [Field::Municipalities, Field::Regions].iter().any(|f| values.contains_key(f))
        || values.get(&Field::Nationwide) == Some(&Value::Bool(true));
    if !acts && ![Field::Municipalities, Field::Regions, Field::Nationwide].into_iter().any(written) {
        diags.push(at(
            Field::Municipalities,
            Code::NoArea,
            tr!(
                en: "the row says nowhere where the organisation acts",
                fi: "rivillä ei kerrota, missä järjestö toimii",
                sv: "raden säger inte var organisationen verkar"
            ),
            tr!(
                en: "write its municipality in the municipality column (kotikunta / kommun / municipalities), or a region, or mark it nationwide",
                fi: "kirjoita sen kunta kuntasarakkeeseen (kotikunta tai kunnat), tai maakunta, tai merkitse se valtakunnalliseksi",
                sv: "skriv dess kommun i kommunkolumnen (kommun), eller ett landskap, eller markera den som riksomfattande"
            ),
        ));
    }
}

/// The value of one non-empty cell.
fn value(ctx: &Context<'_>, field: Field, text: &str) -> Result<Value, Vec<Problem>> {
    let line = one_line(text);
    let single = |check: fn(&str) -> Result<(), Localized>, code: Code| match check(&line) {
        Ok(()) => Ok(Value::Text(line.clone())),
        Err(help) => Err(vec![problem(code, not_valid(&line, field), help)]),
    };
    match field {
        Field::Description => Ok(Value::Text(
            text.trim().replace("\r\n", "\n").chars().filter(|&c| !is_dropped_char(c)).collect(),
        )),
        Field::BusinessId => business(&line).map(Value::Text).map_err(|p| vec![p]),
        Field::Website => single(check_url, Code::InvalidUrl),
        Field::Email | Field::ContactEmail => single(check_email, Code::InvalidEmail),
        Field::Phone | Field::ContactPhone => single(check_phone, Code::InvalidPhone),
        Field::PostalCode => postal_code(&line).map(Value::Text).map_err(|p| vec![p]),
        Field::Kind => kind(&line).map(|k| Value::Text(k.as_str().into())).map_err(|p| vec![p]),
        Field::Founded => match line.parse::<i64>().map_err(|_| None).and_then(|y| check_year(y, ctx.today).map_err(Some)) {
            Ok(y) => Ok(Value::Int(i64::from(y))),
            Err(help) => Err(vec![problem(
                Code::InvalidYear,
                not_valid(&line, field),
                help.unwrap_or_else(|| {
                    tr!(en: "write the year only, e.g. `1994`", fi: "kirjoita pelkkä vuosi, esim. `1994`", sv: "skriv bara året, t.ex. `1994`")
                }),
            )]),
        },
        Field::Nationwide => yes_no(&line).map(Value::Bool).ok_or_else(|| {
            vec![problem(
                Code::InvalidValue,
                not_valid(&line, field),
                tr!(
                    en: "write `yes` or `no` (kyllä / ei, ja / nej), or leave the cell empty",
                    fi: "kirjoita `kyllä` tai `ei`, tai jätä solu tyhjäksi",
                    sv: "skriv `ja` eller `nej`, eller lämna cellen tom"
                ),
            )]
        }),
        Field::Themes | Field::Municipalities | Field::Regions | Field::Languages | Field::Seeking => {
            list(ctx, field, text)
        }
        Field::Activities => Ok(Value::List(items(text, &[';', '|', '\n']).into_iter().map(|(_, s)| s).collect())),
        _ => Ok(Value::Text(line)),
    }
}

/// Each item of a list cell resolved; every bad item is a problem of its own.
fn list(ctx: &Context<'_>, field: Field, text: &str) -> Result<Value, Vec<Problem>> {
    let mut out: Vec<String> = Vec::new();
    let mut problems = Vec::new();
    for (at, item) in items(text, &[',', ';', '|', '\n']) {
        let resolved = match field {
            Field::Themes => theme(ctx.themes, &item),
            Field::Municipalities => municipality(ctx.municipalities, &item, ctx.swedish),
            Field::Regions => region(ctx.municipalities, &item, ctx.swedish),
            Field::Languages => check_language_code(&item)
                .map(|()| item.clone())
                .map_err(|h| problem(Code::UnknownLanguageCode, not_valid(&item, field), h)),
            _ => seeking(&item).map(|s| s.as_str().to_string()),
        };
        match resolved {
            Ok(v) if !out.contains(&v) => out.push(v),
            Ok(_) => {}
            Err(mut p) => {
                p.within = Some((at, item.len()));
                problems.push(p);
            }
        }
    }
    if problems.is_empty() { Ok(Value::List(out)) } else { Err(problems) }
}

fn not_valid(v: &str, field: Field) -> Localized {
    let key = field.key();
    tr!(en: "`{v}` is not a valid {key}", fi: "`{v}` ei kelpaa kenttään {key}", sv: "`{v}` duger inte som {key}")
}

/// A theme by its id or by one of its names, in any letter case, as its id.
pub(crate) fn theme(themes: &[ThemeNames], v: &str) -> Result<String, Problem> {
    let f = fold(v);
    if let Some(t) = themes.iter().find(|t| fold(&t.id) == f || t.names.iter().any(|n| fold(n) == f)) {
        return Ok(t.id.clone());
    }
    let candidates =
        themes.iter().flat_map(|t| std::iter::once(t.id.as_str()).chain(t.names.iter().map(String::as_str)));
    let mut near: Vec<&str> = nearest(v, candidates, 3)
        .into_iter()
        .filter_map(|n| themes.iter().find(|t| t.id == n || t.names.iter().any(|x| x == n)).map(|t| t.id.as_str()))
        .collect();
    near.dedup();
    let ids = themes.iter().map(|t| t.id.as_str()).collect::<Vec<_>>().join(", ");
    let help = did_you_mean(&near).unwrap_or_else(|| {
        tr!(
            en: "use a theme id or name from content/themes.toml: {ids}",
            fi: "käytä jonkin tiedoston content/themes.toml teeman tunnusta tai nimeä: {ids}",
            sv: "använd ett temas id eller namn från filen content/themes.toml: {ids}"
        )
    });
    Err(problem(
        Code::UnknownTheme,
        tr!(
            en: "there is no theme `{v}` in content/themes.toml",
            fi: "teemaa `{v}` ei ole tiedostossa content/themes.toml",
            sv: "temat `{v}` finns inte i filen content/themes.toml"
        ),
        help,
    ))
}

fn municipality(munis: &Municipalities, v: &str, swedish: bool) -> Result<String, Problem> {
    if let Some(id) = munis.find(v) {
        let m = &munis.list[id.index()];
        return Ok(if swedish { m.name_sv.clone() } else { m.name.clone() });
    }
    let help = match munis.find_region(v) {
        Some(_) => tr!(
            en: "`{v}` is a region: write it in a regions column (maakunnat / landskap / regions)",
            fi: "`{v}` on maakunta: kirjoita se maakuntasarakkeeseen (maakunnat)",
            sv: "`{v}` är ett landskap: skriv det i en landskapskolumn (landskap)"
        ),
        None => did_you_mean(&munis.suggest(v)).unwrap_or_else(|| {
            tr!(
                en: "write the municipality's Finnish or Swedish name, or its code (e.g. `179`)",
                fi: "kirjoita kunnan suomen- tai ruotsinkielinen nimi tai sen numerotunnus (esim. `179`)",
                sv: "skriv kommunens finska eller svenska namn eller dess nummer (t.ex. `179`)"
            )
        }),
    };
    Err(problem(
        Code::UnknownMunicipality,
        tr!(en: "there is no municipality `{v}`", fi: "kuntaa `{v}` ei ole", sv: "kommunen `{v}` finns inte"),
        help,
    ))
}

fn region(munis: &Municipalities, v: &str, swedish: bool) -> Result<String, Problem> {
    if let Some(id) = munis.find_region(v) {
        let r = &munis.regions[id.index()];
        return Ok(if swedish { r.name_sv.clone() } else { r.name.clone() });
    }
    let help = did_you_mean(&munis.suggest_region(v)).unwrap_or_else(|| {
        tr!(
            en: "write the region's (maakunta's) Finnish or Swedish name, e.g. `Keski-Suomi`",
            fi: "kirjoita maakunnan suomen- tai ruotsinkielinen nimi, esim. `Keski-Suomi`",
            sv: "skriv landskapets finska eller svenska namn, t.ex. `Mellersta Finland`"
        )
    });
    Err(problem(
        Code::UnknownRegion,
        tr!(en: "there is no region `{v}`", fi: "maakuntaa `{v}` ei ole", sv: "landskapet `{v}` finns inte"),
        help,
    ))
}

/// A Y-tunnus as written, or the problem with the right form or check digit.
fn business(v: &str) -> Result<String, Problem> {
    business_id::validate(v).map(|()| v.to_string()).map_err(|e| {
        let (code, msg, help) = business_id::problem(v, &e);
        problem(code, msg, help)
    })
}

/// A Finnish postal code: five digits. A spreadsheet that took the column for
/// numbers dropped the leading zeros (`00100` → `100`): the fix puts them back.
fn postal_code(v: &str) -> Result<String, Problem> {
    if v.len() == 5 && v.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(v.to_string());
    }
    let help = if (1..5).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_digit()) {
        let padded = format!("{v:0>5}");
        tr!(
            en: "the spreadsheet dropped its leading zeros: write `{padded}`, and format the column as text",
            fi: "taulukko-ohjelma on pudottanut alusta nollat: kirjoita `{padded}` ja muotoile sarake tekstiksi",
            sv: "kalkylprogrammet har tagit bort nollorna i början: skriv `{padded}` och formatera kolumnen som text"
        )
    } else {
        tr!(
            en: "a Finnish postal code is five digits, e.g. `42700`",
            fi: "suomalaisessa postinumerossa on viisi numeroa, esim. `42700`",
            sv: "ett finskt postnummer har fem siffror, t.ex. `42700`"
        )
    };
    Err(problem(
        Code::InvalidValue,
        tr!(en: "`{v}` is not a postal code", fi: "`{v}` ei ole postinumero", sv: "`{v}` är inte ett postnummer"),
        help,
    ))
}

/// Words of a kind in Finnish, Swedish and English.
const KIND_WORDS: &[(&str, OrganisationKind)] = &[
    ("yhdistys", OrganisationKind::Association),
    ("ry", OrganisationKind::Association),
    ("förening", OrganisationKind::Association),
    ("rf", OrganisationKind::Association),
    ("liitto", OrganisationKind::Federation),
    ("piirijärjestö", OrganisationKind::Federation),
    ("förbund", OrganisationKind::Federation),
    ("säätiö", OrganisationKind::Foundation),
    ("sr", OrganisationKind::Foundation),
    ("stiftelse", OrganisationKind::Foundation),
    ("osuuskunta", OrganisationKind::Cooperative),
    ("andelslag", OrganisationKind::Cooperative),
    ("vapaa ryhmä", OrganisationKind::Informal),
    ("toimintaryhmä", OrganisationKind::Informal),
    ("fri grupp", OrganisationKind::Informal),
    ("muu", OrganisationKind::Other),
    ("annan", OrganisationKind::Other),
];

fn kind(v: &str) -> Result<OrganisationKind, Problem> {
    let f = fold(v);
    let by_word = KIND_WORDS.iter().find(|(w, _)| fold(w) == f).map(|(_, k)| *k);
    if let Some(k) = OrganisationKind::parse(&f).or(by_word) {
        return Ok(k);
    }
    let words = OrganisationKind::NAMES.iter().copied().chain(KIND_WORDS.iter().map(|(w, _)| *w));
    let names = OrganisationKind::NAMES.join(", ");
    let help = did_you_mean(&nearest(v, words, 2)).unwrap_or_else(|| {
        tr!(
            en: "write one of: {names} (or yhdistys, liitto, säätiö, osuuskunta, vapaa ryhmä, muu)",
            fi: "kirjoita jokin näistä: yhdistys, liitto, säätiö, osuuskunta, vapaa ryhmä, muu (tai {names})",
            sv: "skriv något av: förening, förbund, stiftelse, andelslag, fri grupp, annan (eller {names})"
        )
    });
    Err(problem(
        Code::InvalidKind,
        tr!(en: "`{v}` is not a kind of organisation", fi: "`{v}` ei ole järjestön laji", sv: "`{v}` är inte en typ av organisation"),
        help,
    ))
}

fn seeking(v: &str) -> Result<Seeking, Problem> {
    const WORDS: &[(&str, Seeking)] = &[
        ("vapaaehtoisia", Seeking::Volunteers),
        ("vapaaehtoiset", Seeking::Volunteers),
        ("frivilliga", Seeking::Volunteers),
        ("jäseniä", Seeking::Members),
        ("jäsenet", Seeking::Members),
        ("medlemmar", Seeking::Members),
        ("kumppaneita", Seeking::Partners),
        ("kumppanit", Seeking::Partners),
        ("partner", Seeking::Partners),
    ];
    let f = fold(v);
    if let Some(s) = Seeking::parse(&f).or_else(|| WORDS.iter().find(|(w, _)| fold(w) == f).map(|(_, s)| *s)) {
        return Ok(s);
    }
    let names = Seeking::NAMES.join(", ");
    Err(problem(
        Code::InvalidValue,
        not_valid(v, Field::Seeking),
        tr!(
            en: "write one of: {names}",
            fi: "kirjoita jokin näistä: vapaaehtoisia, jäseniä, kumppaneita (tai {names})",
            sv: "skriv något av: frivilliga, medlemmar, partner (eller {names})"
        ),
    ))
}

fn yes_no(v: &str) -> Option<bool> {
    match fold(v).as_str() {
        "kylla" | "k" | "x" | "yes" | "y" | "ja" | "true" | "1" => Some(true),
        "ei" | "e" | "no" | "n" | "nej" | "false" | "0" | "-" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items_and_their_places() {
        assert_eq!(
            items("Keuruu, Multia;  Jämsä|Petäjävesi\nUurainen", &[',', ';', '|', '\n']),
            vec![
                (0, "Keuruu".to_string()),
                (8, "Multia".to_string()),
                (17, "Jämsä".to_string()),
                (25, "Petäjävesi".to_string()),
                (38, "Uurainen".to_string()),
            ]
        );
        assert_eq!(one_line(" Kaksi\r\nriviä\u{202e} "), "Kaksi riviä");
    }

    #[test]
    fn themes_by_id_or_any_name() {
        let themes =
            [ThemeNames { id: "omaishoito".into(), names: vec!["Omaishoito".into(), "Närståendevård".into()] }];
        assert_eq!(theme(&themes, "OMAISHOITO").ok().as_deref(), Some("omaishoito"));
        assert_eq!(theme(&themes, "narstaendevard").ok().as_deref(), Some("omaishoito"));
        let p = theme(&themes, "Omaishoitajat").err().unwrap();
        assert_eq!(p.help.en(), "did you mean `omaishoito`?");
    }

    #[test]
    fn postal_codes_that_lost_their_zeros() {
        assert_eq!(postal_code("42700").ok().as_deref(), Some("42700"));
        assert!(postal_code("100").err().unwrap().help.en().contains("`00100`"));
        assert!(postal_code("FI-42700").err().unwrap().help.en().contains("five digits"));
    }

    #[test]
    fn kinds_and_yes_no_in_three_languages() {
        assert_eq!(kind("Säätiö").ok(), Some(OrganisationKind::Foundation));
        assert_eq!(kind("förening").ok(), Some(OrganisationKind::Association));
        assert_eq!(kind("cooperative").ok(), Some(OrganisationKind::Cooperative));
        assert!(kind("kerho").is_err());
        assert_eq!((yes_no("Kyllä"), yes_no("nej"), yes_no("ehkä")), (Some(true), Some(false), None));
    }
}

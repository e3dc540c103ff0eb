//! Translations of content files, checked against the site's `languages` and the
//! files they translate. The text of a translation is kept as written; which page
//! shows it is decided when the site is made for a language ([`Site::in_language`]).
//!
//! Invariant: every translation kept here is in one of the site's other languages
//! and translates a file that exists, once per language.
//!
//! [`Site::in_language`]: crate::model::Site::in_language

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::diagnostics::suggest::nearest;
use crate::diagnostics::{Code, Diagnostic, Diagnostics, tr};
use crate::load::{Loaded, Translation};
use crate::model::{Body, Language};

/// The translatable text of one file in one language (`None`: not translated).
#[derive(Debug, Clone)]
pub struct Translated {
    pub name: Option<String>,
    pub short_name: Option<String>,
    pub summary: Option<String>,
    pub activities: Option<Vec<String>>,
    pub logo_alt: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub decisions: Option<Vec<String>>,
    pub place: Option<String>,
    pub price: Option<String>,
    pub accessibility: Option<String>,
    /// `role` in `[contact]`.
    pub role: Option<String>,
    /// The text; an empty body leaves the original's text in place.
    pub body: Body,
}

/// Every translation of the site, by the file it translates.
#[derive(Debug, Clone, Default)]
pub struct Translations {
    by_original: HashMap<String, BTreeMap<Language, Translated>>,
}

impl Translations {
    /// The translation of `original` (a path from the site root) into `lang`.
    pub fn get(&self, original: &str, lang: Language) -> Option<&Translated> {
        self.by_original.get(original)?.get(&lang)
    }
}

/// Check each translation file and keep those that can be used.
pub(crate) fn resolve(
    loaded: &Loaded,
    languages: &[Language],
    files: &crate::model::body::Files<'_>,
    diags: &mut Diagnostics,
) -> Translations {
    let originals = originals(loaded);
    let mut out = Translations::default();
    let mut seen: HashMap<(&str, Language), &str> = HashMap::new();
    for t in &loaded.translations {
        let file = t.entry.source.file.as_str();
        // Both mistakes are reported when a file has both.
        let lang = language(t, languages, diags);
        if !originals.contains(t.original.as_str()) {
            diags.push(without_original(t, &originals));
            continue;
        }
        let Some(lang) = lang else { continue };
        if let Some(first) = seen.insert((t.original.as_str(), lang), file) {
            diags.push(duplicate(file, first, &t.original, lang));
            continue;
        }
        if let Some(raw) = &t.entry.raw {
            // The translated text is checked as the original's is (links, images).
            let mut found = Vec::new();
            t.entry.check_body(files, &mut found);
            diags.extend(found);
            let s = |v: &Option<crate::load::raw::Text>| v.as_ref().map(|x| x.get_ref().trim().to_string());
            let l = |v: &Option<crate::load::raw::TextList>| {
                v.as_ref().map(|x| x.get_ref().iter().map(|i| i.get_ref().trim().to_string()).collect())
            };
            let translated = Translated {
                name: s(&raw.name),
                short_name: s(&raw.short_name),
                summary: s(&raw.summary),
                activities: l(&raw.activities),
                logo_alt: s(&raw.logo_alt),
                title: s(&raw.title),
                description: s(&raw.description),
                decisions: l(&raw.decisions),
                place: s(&raw.place),
                price: s(&raw.price),
                accessibility: s(&raw.accessibility),
                role: raw.contact.as_ref().and_then(|c| s(&c.get_ref().role)),
                body: Body::of(&t.entry),
            };
            out.by_original.entry(t.original.clone()).or_default().insert(lang, translated);
        }
    }
    out
}

/// The files that may be translated, by their path from the site root.
fn originals(loaded: &Loaded) -> HashSet<&str> {
    let mut set = HashSet::new();
    set.extend(loaded.organisations.iter().map(|e| e.source.file.as_str()));
    set.extend(loaded.networks.iter().map(|e| e.source.file.as_str()));
    set.extend(loaded.pages.iter().map(|e| e.source.file.as_str()));
    set.extend(loaded.events.iter().map(|e| e.source.file.as_str()));
    for t in &loaded.tables {
        set.extend(t.index.iter().map(|e| e.source.file.as_str()));
        set.extend(t.notes.iter().map(|e| e.source.file.as_str()));
    }
    set
}

/// Where the language is written in the file's name, for a position in reports:
/// the start of the file (a file name has no place inside the file).
const AT_START: Option<std::ops::Range<usize>> = Some(0..0);

fn language(t: &Translation, languages: &[Language], diags: &mut Diagnostics) -> Option<Language> {
    let file = t.entry.source.file.as_str();
    let code = t.lang.as_str();
    let found = Language::parse(code).filter(|l| languages[1..].contains(l));
    if found.is_none() {
        let others: Vec<&str> = languages[1..].iter().map(|l| l.code()).collect();
        let first = languages[0].code();
        let stem = t.original.trim_end_matches(".md");
        let help = match nearest(code, others.iter().copied(), 1).first().or(others.first()) {
            Some(g) => tr!(
                en: "rename the file to {stem}.{g}.md, or add `\"{code}\"` to `languages` in site.toml (languages: fi, sv, en)",
                fi: "nimeä tiedosto uudelleen: {stem}.{g}.md, tai lisää `\"{code}\"` kenttään `languages` tiedostossa site.toml (kielet: fi, sv, en)",
                sv: "byt namn på filen till {stem}.{g}.md eller lägg till `\"{code}\"` i fältet `languages` i site.toml (språk: fi, sv, en)"
            ),
            None => tr!(
                en: "add the site's languages to site.toml, e.g. `languages = [\"{first}\", \"sv\"]` (languages: fi, sv, en)",
                fi: "lisää sivuston kielet tiedostoon site.toml, esim. `languages = [\"{first}\", \"sv\"]` (kielet: fi, sv, en)",
                sv: "lägg till webbplatsens språk i site.toml, t.ex. `languages = [\"{first}\", \"sv\"]` (språk: fi, sv, en)"
            ),
        };
        let message = if code == first {
            tr!(
                en: "this file translates into `{code}`, the language the original is written in",
                fi: "tämä tiedosto kääntää kielelle `{code}`, jolla alkuperäinen on jo kirjoitettu",
                sv: "den här filen översätter till `{code}`, som originalet redan är skrivet på"
            )
        } else {
            tr!(
                en: "`{code}` is not one of the site's languages",
                fi: "`{code}` ei ole sivuston kieliä",
                sv: "`{code}` är inte ett av webbplatsens språk"
            )
        };
        diags.push(Diagnostic::error(Code::TranslationLanguage, file, AT_START, message).with_help(help));
    }
    found
}

fn without_original(t: &Translation, originals: &HashSet<&str>) -> Diagnostic {
    let file = t.entry.source.file.as_str();
    let original = t.original.as_str();
    let (dir, _) = original.rsplit_once('/').unwrap_or(("", original));
    let stem = |f: &'_ str| f.rsplit_once('/').map_or(f, |(_, n)| n).trim_end_matches(".md").to_string();
    let same_dir: Vec<String> =
        originals.iter().filter(|f| f.rsplit_once('/').is_some_and(|(d, _)| d == dir)).map(|f| stem(f)).collect();
    let wanted = stem(original);
    let close = nearest(&wanted, same_dir.iter().map(String::as_str), 1);
    let lang = &t.lang;
    let help = match close.first() {
        Some(c) => tr!(
            en: "did you mean {dir}/{c}.md? rename this file to {dir}/{c}.{lang}.md",
            fi: "tarkoititko tiedostoa {dir}/{c}.md? nimeä tämä tiedosto uudelleen: {dir}/{c}.{lang}.md",
            sv: "menade du filen {dir}/{c}.md? byt namn på den här filen till {dir}/{c}.{lang}.md"
        ),
        None => tr!(
            en: "name a translation after the file it translates: {dir}/<name>.{lang}.md beside {dir}/<name>.md",
            fi: "nimeä käännös käännettävän tiedoston mukaan: {dir}/<nimi>.{lang}.md tiedoston {dir}/<nimi>.md viereen",
            sv: "ge översättningen samma namn som filen den översätter: {dir}/<namn>.{lang}.md bredvid {dir}/<namn>.md"
        ),
    };
    Diagnostic::error(
        Code::TranslationWithoutOriginal,
        file,
        AT_START,
        tr!(
            en: "this translation has no original: there is no {original}",
            fi: "tällä käännöksellä ei ole alkuperäistä: tiedostoa {original} ei ole",
            sv: "den här översättningen har inget original: filen {original} finns inte"
        ),
    )
    .with_help(help)
}

fn duplicate(file: &str, first: &str, original: &str, lang: Language) -> Diagnostic {
    let code = lang.code();
    Diagnostic::error(
        Code::DuplicateTranslation,
        file,
        AT_START,
        tr!(
            en: "{original} is translated into `{code}` twice: also in {first}",
            fi: "tiedosto {original} on käännetty kielelle `{code}` kahdesti: myös tiedostossa {first}",
            sv: "filen {original} är översatt till `{code}` två gånger: även i filen {first}"
        ),
    )
    .with_help(tr!(
        en: "keep one of the two files and delete the other",
        fi: "säilytä toinen tiedostoista ja poista toinen",
        sv: "behåll den ena filen och ta bort den andra"
    ))
}

impl crate::model::Site {
    /// The site as it reads in `lang`, one of its other `languages`: under
    /// `/<lang>/`, with that language's path segments, the translations in place of
    /// the originals' text, and Swedish names of places on Swedish pages. What has no
    /// translation keeps its original text, and its file is listed in `untranslated`.
    pub fn in_language(&self, lang: Language) -> crate::model::Site {
        let mut s = self.clone();
        s.config.language = lang;
        s.config.paths = crate::model::Paths::defaults(lang);
        s.config.base_url = self.config.base_url.under(lang.code());
        s.names_in(lang);
        let tr = &self.translations;
        let mut untranslated = std::collections::HashSet::new();
        let mut body = |b: &mut Body, t: Option<&Translated>| match t {
            Some(t) if !t.body.markdown().trim().is_empty() => *b = t.body.clone(),
            _ => {
                untranslated.insert(b.source.file.clone());
            }
        };
        for o in &mut s.organisations {
            let t = tr.get(&o.body.source.file, lang);
            body(&mut o.body, t);
            if let Some(t) = t {
                organisation(o, t);
            }
        }
        for n in &mut s.networks {
            let t = tr.get(&n.body.source.file, lang);
            body(&mut n.body, t);
            if let Some(t) = t {
                set(&mut n.name, &t.name);
                role(&mut n.contact, &t.role);
            }
        }
        for tb in &mut s.tables {
            let t = tr.get(&tb.body.source.file, lang);
            body(&mut tb.body, t);
            if let Some(t) = t {
                set(&mut tb.name, &t.name);
                role(&mut tb.contact, &t.role);
            }
            for n in &mut tb.notes {
                let t = tr.get(&n.body.source.file, lang);
                body(&mut n.body, t);
                if let Some(t) = t {
                    set(&mut n.title, &t.title);
                    if let Some(d) = &t.decisions {
                        n.decisions = d.clone();
                    }
                }
            }
        }
        for p in &mut s.pages {
            let t = tr.get(&p.body.source.file, lang);
            body(&mut p.body, t);
            if let Some(t) = t {
                set(&mut p.title, &t.title);
                if t.description.is_some() {
                    p.description = t.description.clone();
                }
            }
        }
        for e in &mut s.events {
            let t = tr.get(&e.body.source.file, lang);
            body(&mut e.body, t);
            if let Some(t) = t {
                event(e, t);
            }
        }
        s.untranslated = untranslated;
        s
    }

    /// Places in Swedish on Swedish pages, and the themes' names in `lang`.
    fn names_in(&mut self, lang: Language) {
        let s = self;
        if lang == Language::Sv {
            for m in &mut s.municipalities.list {
                m.name = m.name_sv.clone();
                m.county = m.county_sv.clone();
            }
            for r in &mut s.municipalities.regions {
                r.name = r.name_sv.clone();
            }
        }
        for t in &mut s.themes {
            if let Some((name, description)) = t.translated.get(&lang) {
                if let Some(n) = name {
                    t.name = n.clone();
                }
                if let Some(d) = description {
                    t.description = Some(d.clone());
                }
            }
        }
    }
}

fn organisation(o: &mut crate::model::Organisation, t: &Translated) {
    set(&mut o.name, &t.name);
    o.short_name = t.short_name.clone().or(o.short_name.take());
    if let Some(summary) = &t.summary {
        o.summary = Some(summary.clone());
    }
    o.lead = o.summary.clone().unwrap_or_else(|| crate::model::body::first_sentence(o.body.markdown()));
    if let Some(a) = &t.activities {
        o.activities = a.clone();
    }
    if let (Some(logo), Some(alt)) = (&mut o.logo, &t.logo_alt) {
        logo.alt = alt.clone();
    }
    role(&mut o.contact, &t.role);
}

fn event(e: &mut crate::model::Event, t: &Translated) {
    set(&mut e.title, &t.title);
    for (to, from) in [(&mut e.place, &t.place), (&mut e.price, &t.price), (&mut e.accessibility, &t.accessibility)] {
        if from.is_some() {
            to.clone_from(from);
        }
    }
}

fn set(to: &mut String, from: &Option<String>) {
    if let Some(v) = from.as_ref().filter(|v| !v.is_empty()) {
        to.clone_from(v);
    }
}

fn role(contact: &mut Option<crate::model::Contact>, role: &Option<String>) {
    if let (Some(c), Some(r)) = (contact, role) {
        c.role = Some(r.clone());
    }
}

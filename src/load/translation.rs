//! Translations: `<stem>.<lang>.md` beside a content file holds the text of
//! `<stem>.md` in another language. This module reads such a file and reports the
//! fields it may not hold; whether its original exists and its language is one of
//! the site's is decided by `model`, which knows both.

use std::path::Path;

use toml::de::DeTable;

use super::front_matter::split;
use super::raw::RawTranslation;
use super::{Entry, read_entry};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, tr};

/// The kind of file a translation translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Original {
    Organisation,
    Network,
    Table,
    Note,
    Page,
    Event,
}

impl Original {
    /// The fields a translation of this kind may hold (`contact.role` is `role` in
    /// `[contact]`).
    pub fn translatable(self) -> &'static [&'static str] {
        match self {
            Original::Organisation => &["name", "short_name", "summary", "activities", "logo_alt", "contact.role"],
            Original::Network | Original::Table => &["name", "contact.role"],
            Original::Note => &["title", "decisions"],
            Original::Page => &["title", "description"],
            Original::Event => &["title", "place", "price", "accessibility"],
        }
    }
}

/// A translation file, read.
#[derive(Debug, Clone)]
pub struct Translation {
    /// The language suffix of the file name as written, in lowercase (`sv`).
    pub lang: String,
    /// The file it translates, relative to the site root (`content/organisations/x.md`).
    pub original: String,
    pub of: Original,
    pub entry: Entry<RawTranslation>,
}

/// `x.sv.md` → (`x`, `sv`); `None` for a name without a language suffix. A suffix is
/// a language code, two or three letters, perhaps with a region (`en-GB`, `pt_BR`,
/// which the check of the site's languages then reports): `piste.nimi.md` is a file
/// named with a dot (which its slug's check reports), not a translation into "nimi".
pub(super) fn split_name(file_name: &str) -> Option<(&str, &str)> {
    let stem = file_name.strip_suffix(".md")?;
    let (base, lang) = stem.rsplit_once('.')?;
    let (code, region) = lang.split_once(['-', '_']).unwrap_or((lang, "ok"));
    let language = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphabetic());
    let region = (2..=8).contains(&region.len()) && region.bytes().all(|b| b.is_ascii_alphanumeric());
    (!base.is_empty() && language && region).then_some((base, lang))
}

/// Read the translation at `rel` of the file `original`.
pub(super) fn read(
    root: &Path,
    rel: &str,
    of: Original,
    lang: &str,
    original: &str,
    diags: &mut Diagnostics,
) -> Option<Translation> {
    let entry = read_entry::<RawTranslation>(root, rel, diags)?;
    if let Ok(s) = split(&entry.source.text) {
        let fm = &entry.source.text[s.front_matter.clone()];
        for d in untranslatable(rel, fm, s.front_matter.start, of) {
            diags.push(d);
        }
    }
    Some(Translation { lang: lang.to_lowercase(), original: original.to_string(), of, entry })
}

/// A diagnostic at each key of the front matter that is not translatable.
fn untranslatable(rel: &str, front_matter: &str, offset: usize, of: Original) -> Vec<Diagnostic> {
    let (table, _) = DeTable::parse_recoverable(front_matter);
    let allowed = of.translatable();
    let mut found = Vec::new();
    for (key, value) in table.get_ref().iter() {
        let k = key.get_ref().as_ref();
        let inner = match value.get_ref() {
            toml::de::DeValue::Table(t) if k == "contact" && allowed.contains(&"contact.role") => Some(t),
            _ => None,
        };
        match inner {
            Some(t) => {
                for (ik, _) in t.iter() {
                    let path = format!("contact.{}", ik.get_ref());
                    if !allowed.contains(&path.as_str()) {
                        let span = ik.span();
                        found.push(field_diagnostic(rel, &path, span.start + offset..span.end + offset, of));
                    }
                }
            }
            None if !allowed.contains(&k) => {
                let span = key.span();
                found.push(field_diagnostic(rel, k, span.start + offset..span.end + offset, of));
            }
            None => {}
        }
    }
    found
}

fn field_diagnostic(rel: &str, key: &str, span: std::ops::Range<usize>, of: Original) -> Diagnostic {
    let fields = of.translatable().iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ");
    let original = rel.rsplit_once('/').map_or(rel, |(_, n)| n);
    let original = split_name(original).map_or(original.to_string(), |(b, _)| format!("{b}.md"));
    Diagnostic::error(
        Code::UntranslatableField,
        rel,
        Some(span),
        tr!(
            en: "`{key}` cannot be translated: a translation holds only text in another language",
            fi: "kenttää `{key}` ei käännetä: käännös sisältää vain toisenkielistä tekstiä",
            sv: "fältet `{key}` översätts inte: en översättning innehåller bara text på ett annat språk"
        ),
    )
    .with_help(tr!(
        en: "a translation of this file may hold {fields}; write `{key}` only in {original}",
        fi: "tämän tiedoston käännöksessä voi olla {fields}; kirjoita `{key}` vain tiedostoon {original}",
        sv: "en översättning av den här filen kan ha {fields}; skriv `{key}` bara i filen {original}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_and_without_a_language() {
        assert_eq!(split_name("x.sv.md"), Some(("x", "sv")));
        assert_eq!(split_name("index.en.md"), Some(("index", "en")));
        assert_eq!(split_name("x.md"), None);
        assert_eq!(split_name(".sv.md"), None);
        assert_eq!(split_name("x..md"), None);
        assert_eq!(split_name("piste.nimi.md"), None);
        assert_eq!(split_name("v2.0.md"), None);
        assert_eq!(split_name("x.SV.md"), Some(("x", "SV")));
        assert_eq!(split_name("x.en-GB.md"), Some(("x", "en-GB")));
        assert_eq!(split_name("x.pt_BR.md"), Some(("x", "pt_BR")));
        assert_eq!(split_name("x.en-.md"), None);
    }

    #[test]
    fn only_untranslatable_keys_are_reported() {
        let fm = "name = \"A\"\nkind = \"other\"\n[contact]\nrole = \"r\"\nemail = \"a@b.example\"\n";
        let ds = untranslatable("content/organisations/a.sv.md", fm, 4, Original::Organisation);
        let mut spans: Vec<_> =
            ds.iter().map(|d| &fm[d.span.clone().unwrap().start - 4..d.span.clone().unwrap().end - 4]).collect();
        spans.sort_unstable();
        assert_eq!(spans, ["email", "kind"]);
        assert!(untranslatable("f", "title = \"t\"\ndecisions = []\n", 0, Original::Note).is_empty());
        assert_eq!(untranslatable("f", "name = \"n\"\n", 0, Original::Page).len(), 1);
    }
}

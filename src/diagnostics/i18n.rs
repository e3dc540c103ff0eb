//! Diagnostics in the editor's language: every message and help exists in Finnish,
//! Swedish and English, and the language is chosen only when a report is written.
//!
//! [`tr!`] builds a [`Localized`] from three format strings that capture the same
//! variables; a variable given as `name = value` may itself be a [`Localized`] (a
//! "did you mean" sentence, a fix from a value check) and is then put in each
//! language's text in that language. A translation that forgets a named value does
//! not compile without a warning (an unused variable), and a missing language does
//! not compile at all.

use std::borrow::Cow;
use std::fmt::Display;

pub use crate::model::config::Language;

/// One text in the three languages of areena's reports (boxed: a diagnostic holds two
/// and stays small).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Localized(Box<[String; 3]>);

impl Localized {
    pub fn new(en: String, fi: String, sv: String) -> Self {
        Localized(Box::new([en, fi, sv]))
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Language) -> &str {
        match lang {
            Language::En => &self.0[0],
            Language::Fi => &self.0[1],
            Language::Sv => &self.0[2],
        }
    }

    pub fn en(&self) -> &str {
        &self.0[0]
    }

    pub fn fi(&self) -> &str {
        &self.0[1]
    }

    pub fn sv(&self) -> &str {
        &self.0[2]
    }

    /// The same text made from each language's text (`f` gets the language too).
    pub fn map(&self, f: impl Fn(Language, &str) -> String) -> Localized {
        Localized::by(|lang| f(lang, self.get(lang)))
    }

    /// A text made per language by `f`.
    pub fn by(f: impl Fn(Language) -> String) -> Localized {
        Localized::new(f(Language::En), f(Language::Fi), f(Language::Sv))
    }
}

/// A value put into a [`tr!`] text: anything displayable as it is, or a
/// [`Localized`] text in the language being written.
pub trait TrArg {
    fn in_lang(&self, lang: Language) -> Cow<'_, str>;
}

impl<T: Display + ?Sized> TrArg for T {
    fn in_lang(&self, _: Language) -> Cow<'_, str> {
        Cow::Owned(self.to_string())
    }
}

impl TrArg for Localized {
    fn in_lang(&self, lang: Language) -> Cow<'_, str> {
        Cow::Borrowed(self.get(lang))
    }
}

impl TrArg for &Localized {
    fn in_lang(&self, lang: Language) -> Cow<'_, str> {
        Cow::Borrowed(self.get(lang))
    }
}

/// A [`Localized`] text: `tr!(en: "…{x}…", fi: "…{x}…", sv: "…{x}…")`, formatting
/// each text with the variables in scope; `tr!(en: …, fi: …, sv: …, d = expr)` also
/// binds `d` (a displayable value or a [`Localized`], taken in each language).
macro_rules! tr {
    (en: $en:tt, fi: $fi:tt, sv: $sv:tt $(,)?) => {
        $crate::diagnostics::i18n::Localized::new(format!($en), format!($fi), format!($sv))
    };
    (en: $en:tt, fi: $fi:tt, sv: $sv:tt, $($name:ident = $value:expr),+ $(,)?) => {{
        let ($($name,)+) = ($(&$value,)+);
        $crate::diagnostics::i18n::Localized::new(
            {
                $( let $name = $crate::diagnostics::i18n::TrArg::in_lang($name, $crate::diagnostics::i18n::Language::En); )+
                format!($en)
            },
            {
                $( let $name = $crate::diagnostics::i18n::TrArg::in_lang($name, $crate::diagnostics::i18n::Language::Fi); )+
                format!($fi)
            },
            {
                $( let $name = $crate::diagnostics::i18n::TrArg::in_lang($name, $crate::diagnostics::i18n::Language::Sv); )+
                format!($sv)
            },
        )
    }};
}
pub(crate) use tr;

/// Why a file could not be read or written, from the operating system's error, in
/// words of each language (the system's own English text only in English).
pub fn io_reason(e: &std::io::Error) -> Localized {
    use std::io::ErrorKind as K;
    let (fi, sv) = match e.kind() {
        K::NotFound => ("tiedostoa tai kansiota ei ole", "filen eller mappen finns inte"),
        K::PermissionDenied => ("lupa puuttuu", "behörighet saknas"),
        K::AlreadyExists => ("on jo olemassa", "finns redan"),
        K::IsADirectory => ("se on kansio", "det är en mapp"),
        K::NotADirectory => ("polun osa ei ole kansio", "en del av sökvägen är inte en mapp"),
        K::StorageFull => ("levy on täynnä", "disken är full"),
        K::ReadOnlyFilesystem => ("levylle ei voi kirjoittaa", "disken är skrivskyddad"),
        _ => ("käyttöjärjestelmä ei salli sitä", "operativsystemet tillåter det inte"),
    };
    Localized::new(e.to_string(), fi.to_string(), sv.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_and_named_values() {
        let name = "Keuruu";
        let t = tr!(en: "no `{name}`", fi: "ei `{name}`", sv: "ingen `{name}`");
        assert_eq!((t.en(), t.fi(), t.sv()), ("no `Keuruu`", "ei `Keuruu`", "ingen `Keuruu`"));
        let d = tr!(en: "x", fi: "y", sv: "z");
        let t = tr!(en: "{d} {n}", fi: "{d} {n}", sv: "{d} {n}", d = d, n = 3);
        assert_eq!(t, Localized::new("x 3".into(), "y 3".into(), "z 3".into()));
        assert_eq!(t.get(Language::Sv), "z 3");
        assert_eq!(t.map(|l, s| format!("{}:{s}", l.code())).fi(), "fi:y 3");
    }
}

//! The site theme (look and feel): templates, static files and interface text.
//!
//! Resolution, file by file, highest first:
//! 1. templates: the site's `templates/`, then `themes/<theme>/templates/`, then the
//!    built-in `default` theme;
//! 2. static files: the site's `static/`, then `themes/<theme>/static/`, then built in
//!    (the copy happens in `write`; this module only says which file wins);
//! 3. interface text: `themes/<theme>/i18n/<lang>.toml` key by key over the built-in one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use walkdir::WalkDir;

use crate::diagnostics::{Code, Diagnostic, tr};

/// The built-in `default` theme, embedded at compile time (see build.rs).
static DEFAULT: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");
const _FINGERPRINT: &str = env!("AREENA_THEME_FINGERPRINT");

/// Where a static file of the output comes from.
#[derive(Debug, Clone)]
pub enum StaticSource {
    Builtin(&'static [u8]),
    File(PathBuf),
}

#[derive(Clone)]
pub struct SiteTheme {
    pub tera: tera::Tera,
    /// Interface text of the site language.
    pub text: BTreeMap<String, String>,
    /// Output path (relative, `/`-separated) → source, site files over theme files.
    pub statics: BTreeMap<String, StaticSource>,
}

/// HTML escaping of every value a template writes (`& < > " '`, as tera does):
/// the text between the characters to escape is written in one piece, where
/// tera's own function writes every byte on its own (a seventh of a build's time).
fn escape_html(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    /// The bytes to escape: one look-up per byte for the text that has none.
    const ESCAPED: [bool; 256] = {
        let mut t = [false; 256];
        t[b'&' as usize] = true;
        t[b'<' as usize] = true;
        t[b'>' as usize] = true;
        t[b'"' as usize] = true;
        t[b'\'' as usize] = true;
        t
    };
    let bytes = input.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !ESCAPED[usize::from(b)] {
            continue;
        }
        let entity: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.write_all(&bytes[start..i])?;
        out.write_all(entity)?;
        start = i + 1;
    }
    out.write_all(&bytes[start..])
}

fn files_under(dir: &Path, publish_dot_files: &[String]) -> Vec<(String, PathBuf)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for e in WalkDir::new(dir).sort_by_file_name().into_iter().flatten() {
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(dir).unwrap_or(e.path());
            let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            // Names starting with a dot (.env, .htaccess, .git/) are not published,
            // except the top-level ones that site.toml lists (.well-known).
            let mut parts = rel.split('/');
            let first = parts.next().unwrap_or("");
            let first_ok = !first.starts_with('.') || publish_dot_files.iter().any(|p| p == first);
            if first_ok && !parts.any(|s| s.starts_with('.')) {
                out.push((rel, e.path().to_path_buf()));
            }
        }
    }
    out
}

fn builtin_files(sub: &str) -> Vec<(String, &'static [u8])> {
    fn walk(d: &'static Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
        for f in d.files() {
            out.push((f.path().to_string_lossy().replace('\\', "/"), f.contents()));
        }
        for sub in d.dirs() {
            walk(sub, out);
        }
    }
    let mut out = Vec::new();
    if let Some(d) = DEFAULT.get_dir(sub) {
        walk(d, &mut out);
    }
    let prefix = format!("{sub}/");
    out.into_iter().map(|(p, b)| (p.strip_prefix(&prefix).unwrap_or(&p).to_string(), b)).collect()
}

/// Why a site theme cannot be used: the problems, and the text of the files they
/// point into (for the report).
pub struct ThemeErrors {
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Vec<(String, String)>,
}

/// The report of a template that Tera cannot read (`message`), and the name of that
/// template when Tera names it. Its source goes to `sources`, for the report.
fn template_error(
    message: &str,
    templates: &BTreeMap<String, (String, String)>,
    theme: &str,
    sources: &mut Vec<(String, String)>,
) -> (Diagnostic, Option<String>) {
    // Tera points at the place as `--> name.html:LINE:COL`.
    let place = message.split("--> ").nth(1).and_then(|rest| {
        let loc = rest.split_whitespace().next()?;
        let mut parts = loc.rsplitn(3, ':');
        let col: usize = parts.next()?.parse().ok()?;
        let line: usize = parts.next()?.parse().ok()?;
        Some((parts.next()?.to_string(), line, col))
    });
    let headline = message.lines().next().unwrap_or(message).trim_start_matches("error: ").to_string();
    let (file, span) = match place.as_ref().and_then(|(n, l, c)| templates.get(n).map(|t| (t, *l, *c))) {
        Some(((text, shown), line, col)) => {
            let offset = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum::<usize>()
                + text
                    .split_inclusive('\n')
                    .nth(line.saturating_sub(1))
                    .map_or(0, |l| l.char_indices().nth(col.saturating_sub(1)).map_or(l.len(), |(i, _)| i));
            if !sources.iter().any(|(s, _)| s == shown) {
                sources.push((shown.clone(), text.clone()));
            }
            (shown.clone(), Some(offset..offset + 1))
        }
        None => (format!("themes/{theme}/templates"), None),
    };
    let diagnostic = Diagnostic::error(
        Code::TemplateError,
        &file,
        span,
        tr!(
            en: "the template cannot be read: {headline}",
            fi: "sivupohjaa ei voi lukea (tarkempi tekninen kuvaus englanniksi: `--lang en`)",
            sv: "sidmallen kan inte läsas (en närmare teknisk beskrivning på engelska: `--lang en`)"
        ),
    )
    .with_help(tr!(
        en: "fix the template syntax (Tera 2); the templates and their data are described in docs/themes.md",
        fi: "korjaa sivupohjan kirjoitusasu (Tera 2); sivupohjat ja niiden tiedot kuvataan ohjeessa docs/themes.md",
        sv: "rätta sidmallens skrivsätt (Tera 2); sidmallarna och deras uppgifter beskrivs i anvisningen docs/themes.md"
    ));
    (diagnostic, place.map(|(n, _, _)| n))
}

/// Load the site theme `name` for the site at `root` in language `lang`.
// Long on purpose: three layers (built in, theme, site) of templates, texts and static files, read in that order.
#[allow(clippy::too_many_lines)]
pub fn load(root: &Path, name: &str, lang: &str, publish_dot_files: &[String]) -> Result<SiteTheme, ThemeErrors> {
    let theme_dir = root.join(crate::layout::THEMES).join(name);
    let mut errors = Vec::new();
    let mut sources = Vec::new();

    // Templates: name → (source text, file shown in errors).
    let mut templates: BTreeMap<String, (String, String)> = BTreeMap::new();
    for (rel, bytes) in builtin_files("templates") {
        templates.insert(
            rel.clone(),
            (String::from_utf8_lossy(bytes).into_owned(), format!("(built-in theme) templates/{rel}")),
        );
    }
    for (dir, shown) in [
        (theme_dir.join("templates"), format!("themes/{name}/templates")),
        (root.join(crate::layout::TEMPLATES), crate::layout::TEMPLATES.to_string()),
    ] {
        for (rel, path) in files_under(&dir, &[]) {
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    templates.insert(rel.clone(), (text, format!("{shown}/{rel}")));
                }
                Err(e) => errors.push(Diagnostic::error(
                    Code::Io,
                    &format!("{shown}/{rel}"),
                    None,
                    tr!(
                        en: "cannot read this template: {why}",
                        fi: "tätä sivupohjaa ei voi lukea: {why}",
                        sv: "den här sidmallen kan inte läsas: {why}",
                        why = crate::diagnostics::i18n::io_reason(&e)
                    ),
                )),
            }
        }
    }
    // Every broken template is reported: each one found is replaced by the built-in
    // template of its name (so that the templates extending it do not fail as well),
    // or by an empty one, and the rest read again.
    let mut texts: BTreeMap<&str, &str> = templates.iter().map(|(k, (t, _))| (k.as_str(), t.as_str())).collect();
    let mut replaced = std::collections::BTreeSet::new();
    let tera = loop {
        let mut tera = tera::Tera::default();
        tera.autoescape_on([".html", ".xml"]);
        tera.set_escape_fn(escape_html);
        let Err(e) = tera.add_raw_templates(texts.iter().map(|(k, t)| (*k, *t)).collect::<Vec<_>>()) else {
            break tera;
        };
        let (diagnostic, broken) = template_error(&e.to_string(), &templates, name, &mut sources);
        // A stand-in that does not fit with the other templates: the mistake behind it
        // is reported already.
        if broken.as_ref().is_some_and(|b| replaced.contains(b)) {
            break tera;
        }
        errors.push(diagnostic);
        let Some((name, text)) = broken.and_then(|b| texts.get_key_value(b.as_str())).map(|(k, t)| (*k, *t)) else {
            break tera;
        };
        let stand_in = builtin_files("templates")
            .into_iter()
            .find(|(rel, _)| rel == name)
            .and_then(|(_, bytes)| std::str::from_utf8(bytes).ok())
            .unwrap_or("");
        if text == stand_in {
            break tera;
        }
        texts.insert(name, stand_in);
        replaced.insert(name.to_string());
    };

    // Interface text.
    let mut text = BTreeMap::new();
    let builtin_i18n = builtin_files("i18n");
    let file = format!("{lang}.toml");
    let mut layers: Vec<(String, String)> = builtin_i18n
        .iter()
        .filter(|(p, _)| *p == file)
        .map(|(_, b)| (String::from_utf8_lossy(b).into_owned(), format!("(built-in theme) i18n/{file}")))
        .collect();
    let own = theme_dir.join("i18n").join(&file);
    if own.is_file() {
        match std::fs::read_to_string(&own) {
            Ok(t) => layers.push((t, format!("themes/{name}/i18n/{file}"))),
            Err(e) => errors.push(Diagnostic::error(
                Code::Io,
                &format!("themes/{name}/i18n/{file}"),
                None,
                tr!(
                    en: "cannot read: {why}",
                    fi: "tiedostoa ei voi lukea: {why}",
                    sv: "filen kan inte läsas: {why}",
                    why = crate::diagnostics::i18n::io_reason(&e)
                ),
            )),
        }
    }
    for (src, shown) in layers {
        match toml::from_str::<BTreeMap<String, String>>(&src) {
            Ok(map) => text.extend(map),
            Err(e) => errors.push(
                Diagnostic::error(
                    Code::TemplateError,
                    &shown,
                    None,
                    {
                        let detail = e.message();
                        tr!(
                            en: "the interface text cannot be read: {detail}",
                            fi: "käyttöliittymän tekstejä ei voi lukea (tarkempi tekninen kuvaus englanniksi: `--lang en`)",
                            sv: "gränssnittets texter kan inte läsas (en närmare teknisk beskrivning på engelska: `--lang en`)"
                        )
                    },
                )
                .with_help(tr!(
                    en: "each line is `key = \"text\"`",
                    fi: "jokainen rivi on muotoa `avain = \"teksti\"`",
                    sv: "varje rad har formen `nyckel = \"text\"`"
                )),
            ),
        }
    }

    // Static files: built in, then the theme folder, then the site's static/.
    let mut statics = BTreeMap::new();
    for (rel, bytes) in builtin_files("static") {
        statics.insert(rel, StaticSource::Builtin(bytes));
    }
    for dir in [theme_dir.join(crate::layout::STATIC), root.join(crate::layout::STATIC)] {
        for (rel, path) in files_under(&dir, publish_dot_files) {
            statics.insert(rel, StaticSource::File(path));
        }
    }

    if errors.is_empty() {
        Ok(SiteTheme { tera, text, statics })
    } else {
        Err(ThemeErrors { diagnostics: errors, sources })
    }
}

impl SiteTheme {
    /// Interface text for `key`, or the key itself when the theme lacks it.
    pub fn t(&self, key: &str) -> String {
        self.text.get(key).cloned().unwrap_or_else(|| key.to_string())
    }
}

#[cfg(test)]
mod label_tests {
    use crate::model::{NetworkKind, NoteKind, OrganisationKind};

    #[test]
    fn every_kind_has_its_name_in_every_language() {
        let keys: Vec<&str> = OrganisationKind::ALL
            .iter()
            .map(|k| k.label_key())
            .chain(NetworkKind::ALL.iter().map(|k| k.label_key()))
            .chain(NoteKind::ALL.iter().map(|k| k.label_key()))
            .collect();
        for lang in ["fi", "sv", "en"] {
            let theme =
                super::load(std::path::Path::new("/nonexistent"), "default", lang, &[]).ok().expect("built-in theme");
            for key in &keys {
                assert!(theme.text.contains_key(*key), "{lang}: no text for {key}");
            }
        }
    }
}

#[cfg(test)]
mod escape_tests {
    /// Tera's own escaping, byte by byte: what the faster one must write.
    fn tera_escape(input: &str) -> String {
        let mut out = Vec::new();
        tera::escape_html(input, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn escape(input: &str) -> String {
        let mut out = Vec::new();
        super::escape_html(input, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_special_character_is_escaped_in_place() {
        assert_eq!(
            escape(r#"<a href="x" title='y'>&amp;</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
        );
        assert_eq!(escape(""), "");
        assert_eq!(escape("ääkköset ja 🎉"), "ääkköset ja 🎉");
        assert_eq!(escape("&"), "&amp;");
        // Each special character at every place of texts longer than a block.
        for c in ['&', '<', '>', '"', '\''] {
            for before in 0..80 {
                let s = format!("{}{c}{}", "ä".repeat(before / 2) + &"a".repeat(before % 2), "b".repeat(before));
                assert_eq!(escape(&s), tera_escape(&s), "{s:?}");
                assert_ne!(escape(&s), s, "{s:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn escapes_as_tera_does(s in "(\\PC|[<>&\"'])*") {
            proptest::prop_assert_eq!(escape(&s), tera_escape(&s));
        }
    }
}

//! Checks of a Markdown body: links to other content files, images under `static/`,
//! and links that could run code in a reader's browser.

use std::collections::BTreeSet;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::diagnostics::suggest::{did_you_mean, nearest};
use crate::diagnostics::{Code, Diagnostic, tr};

/// The Markdown extensions of the content format.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Is this a URL whose scheme could run script (`javascript:`, `vbscript:`, `data:`)?
pub fn is_unsafe_url(url: &str) -> bool {
    // Browsers skip some characters inside a scheme; so does this check, and it also
    // skips the invisible ones that areena itself takes out of the text.
    let cleaned: String = url
        .chars()
        .filter(|&c| {
            !c.is_whitespace()
                && !c.is_control()
                && !super::values::is_dropped_char(c)
                && !super::values::is_invisible_char(c)
        })
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"].iter().any(|s| cleaned.starts_with(s))
}

/// Does the URL name a scheme (`https:`, `mailto:`, ...)?
fn has_scheme(url: &str) -> bool {
    match url.split_once(':') {
        Some((scheme, _)) => {
            !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// Resolve `link` (relative to the folder of `from`, both under `content/`) to a path
/// under `content/`; `None` when it climbs out of `content/`.
pub fn resolve_relative(from: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in link.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// The files a body needs to exist, for the checks below.
pub struct Files<'a> {
    /// Under `content/`, without the prefix.
    pub content: &'a BTreeSet<String>,
    /// Under `static/`, without the prefix.
    pub statics: &'a BTreeSet<String>,
}

/// Check the body of `file` (a path under the site root) found at `body_range`.
// Long on purpose: one pass over the Markdown events; each arm is one kind of check and they share the position mapping.
#[allow(clippy::too_many_lines)]
///
/// Returns the text as plain text ([`plain_text`]), made from the same reading of it.
pub fn check(file: &str, body: &str, body_range: Range<usize>, files: &Files<'_>, out: &mut Vec<Diagnostic>) -> String {
    let in_content = file.strip_prefix("content/").unwrap_or(file);
    let at = |r: Range<usize>| Some(r.start + body_range.start..r.end + body_range.start);
    if super::values::has_dropped_char(body)
        && let Some((i, c)) = body.char_indices().find(|&(_, c)| super::values::is_dropped_char(c))
    {
        let n = body.chars().filter(|&c| super::values::is_dropped_char(c)).count();
        out.push(
            Diagnostic::warning(Code::ControlCharacter, file, at(i..i + c.len_utf8()), {
                let s = if n == 1 { "" } else { "s" };
                tr!(
                    en: "the text has {n} invisible control or direction character{s}; they are left out of the site",
                    fi: "tekstissä on näkymättömiä ohjaus- tai suuntamerkkejä ({n} kpl); ne jätetään sivustolta pois",
                    sv: "texten har osynliga styr- eller riktningstecken ({n} st.); de lämnas bort från webbplatsen"
                )
            })
            .with_help(tr!(
                en: "delete them; an editor that shows invisible characters helps",
                fi: "poista ne; apuna on tekstieditori, joka näyttää näkymättömät merkit",
                sv: "ta bort dem; en textredigerare som visar osynliga tecken hjälper"
            )),
        );
    }
    let mut image: Option<(Range<usize>, String)> = None;
    let mut text = PlainText::for_markdown(body);
    for (event, range) in Parser::new_ext(body, markdown_options()).into_offset_iter() {
        text.take(&event);
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                let url = dest_url.trim();
                if is_unsafe_url(url) {
                    out.push(
                        Diagnostic::error(
                            Code::UnsafeLink,
                            file,
                            at(range),
                            tr!(
                                en: "this link would run code in the reader's browser",
                                fi: "tämä linkki suorittaisi ohjelmakoodia lukijan selaimessa",
                                sv: "den här länken skulle köra programkod i läsarens webbläsare"
                            ),
                        )
                        .with_help(tr!(
                            en: "link to a web page (https://...) or to another content file (../organisations/x.md)",
                            fi: "linkitä verkkosivulle (https://...) tai toiseen sisältötiedostoon (../organisations/x.md)",
                            sv: "länka till en webbsida (https://...) eller till en annan innehållsfil (../organisations/x.md)"
                        )),
                    );
                } else if !has_scheme(url) && !url.starts_with('/') && !url.starts_with('#') {
                    let path = url.split(['#', '?']).next().unwrap_or("");
                    if path.ends_with(".md") {
                        check_content_link(file, in_content, path, at(range), files, out);
                    }
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let url = dest_url.trim().to_string();
                if is_unsafe_url(&url) {
                    out.push(
                        Diagnostic::error(
                            Code::UnsafeLink,
                            file,
                            at(range.clone()),
                            tr!(
                                en: "this image address is not allowed",
                                fi: "tämä kuvan osoite ei ole sallittu",
                                sv: "den här bildadressen är inte tillåten"
                            ),
                        )
                        .with_help(tr!(
                            en: "put the picture under static/ and write its path, e.g. `/kuvat/kevatretki.jpg`",
                            fi: "tallenna kuva kansioon static/ ja kirjoita sen polku, esim. `/kuvat/kevatretki.jpg`",
                            sv: "spara bilden i mappen static/ och skriv dess sökväg, t.ex. `/kuvat/kevatretki.jpg`"
                        )),
                    );
                } else if !has_scheme(&url) && !url.starts_with("//") {
                    let path = url.split(['#', '?']).next().unwrap_or("").trim_start_matches('/');
                    let decoded = percent_decode(path);
                    if !files.statics.contains(path) && !files.statics.contains(&decoded) {
                        let near = nearest(&decoded, files.statics.iter().map(String::as_str), 1);
                        let help = match near.first() {
                            Some(n) => tr!(
                                en: "did you mean `/{n}`? Images are files under static/, written from there: `/kuvat/x.jpg` is static/kuvat/x.jpg",
                                fi: "tarkoititko `/{n}`? Kuvat ovat kansion static/ tiedostoja, ja polku kirjoitetaan siitä alkaen: `/kuvat/x.jpg` on static/kuvat/x.jpg",
                                sv: "menade du `/{n}`? Bilder är filer i mappen static/, och sökvägen skrivs därifrån: `/kuvat/x.jpg` är static/kuvat/x.jpg"
                            ),
                            None => tr!(
                                en: "put the picture at static/{decoded}, or fix the path",
                                fi: "tallenna kuva tiedostoksi static/{decoded} tai korjaa polku",
                                sv: "spara bilden som static/{decoded} eller rätta sökvägen"
                            ),
                        };
                        out.push(
                            Diagnostic::error(
                                Code::MissingStaticFile,
                                file,
                                at(range.clone()),
                                tr!(
                                    en: "there is no picture static/{decoded}",
                                    fi: "kuvaa static/{decoded} ei ole",
                                    sv: "bilden static/{decoded} finns inte"
                                ),
                            )
                            .with_help(help),
                        );
                    }
                }
                image = Some((range, String::new()));
            }
            Event::Start(Tag::Heading { classes, attrs, .. }) if !classes.is_empty() || !attrs.is_empty() => {
                // Point at the `{...}` block, the last one of the heading (on the line above
                // a setext heading's `===` or `---`, which holds no braces).
                let text = &body[range.clone()];
                let line_end = text.find('\n').unwrap_or(text.len());
                let start = text.rfind('{').map_or(range.start, |i| range.start + i);
                let end = text.rfind('}').map_or(range.start + line_end, |i| range.start + i + 1);
                let mut dropped: Vec<String> = classes.iter().map(|c| format!(".{c}")).collect();
                dropped.extend(attrs.iter().map(|(k, v)| match v {
                    Some(v) => format!("{k}={v}"),
                    None => k.to_string(),
                }));
                out.push(
                    Diagnostic::warning(Code::HeadingAttribute, file, at(start..end.max(start)), {
                        let dropped = dropped.join(" ");
                        tr!(
                            en: "these heading attributes are left out of the page: {dropped}",
                            fi: "nämä otsikon lisämääreet jätetään sivulta pois: {dropped}",
                            sv: "de här tilläggen till rubriken lämnas bort från sidan: {dropped}"
                        )
                    })
                    .with_help(tr!(
                        en: "only an id is kept, written `{{#my-id}}`; delete the rest",
                        fi: "vain tunniste säilyy, kirjoitettuna `{{#oma-tunniste}}`; poista muut",
                        sv: "bara ett id behålls, skrivet `{{#mitt-id}}`; ta bort resten"
                    )),
                );
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, alt)) = image.as_mut() {
                    alt.push_str(&t);
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((r, alt)) = image.take()
                    && alt.trim().is_empty()
                {
                    out.push(
                        Diagnostic::warning(
                            Code::ImageWithoutAlt,
                            file,
                            at(r),
                            tr!(
                                en: "this image has no alternative text",
                                fi: "kuvalta puuttuu vaihtoehtoinen teksti",
                                sv: "bilden saknar alternativtext"
                            ),
                        )
                        .with_help(tr!(
                            en: "describe the picture between the brackets, e.g. `![Kevätretki Multialla](/kuvat/kevatretki.jpg)`",
                            fi: "kuvaile kuva hakasulkeiden välissä, esim. `![Kevätretki Multialla](/kuvat/kevatretki.jpg)`",
                            sv: "beskriv bilden mellan hakparenteserna, t.ex. `![Vårutflykt i Multia](/kuvat/kevatretki.jpg)`"
                        )),
                    );
                }
            }
            _ => {}
        }
    }
    text.finish()
}

fn check_content_link(
    file: &str,
    in_content: &str,
    path: &str,
    span: Option<Range<usize>>,
    files: &Files<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let decoded = percent_decode(path);
    match resolve_relative(in_content, &decoded) {
        Some(target) if files.content.contains(&target) => {}
        resolved => {
            let shown = resolved.as_deref().map(|t| format!("content/{t}")).unwrap_or_else(|| decoded.clone());
            let names: Vec<&str> = files.content.iter().map(String::as_str).filter(|f| f.ends_with(".md")).collect();
            // The nearest file by name (not by path: every path of a folder looks alike;
            // a table's `index.md` by its folder's name), in the folder linked to if one
            // there has that name, else the nearest path of those with that name.
            let want = resolved.clone().unwrap_or_default();
            let dir = |f: &'_ str| f.rsplit_once('/').map_or(String::new(), |(d, _)| d.to_string());
            let key = |f: &'_ str| {
                let stem = f.rsplit_once('/').map_or(f, |(_, n)| n).trim_end_matches(".md");
                if stem == "index" {
                    dir(f).rsplit('/').next().unwrap_or_default().to_string()
                } else {
                    stem.to_string()
                }
            };
            let keys: Vec<String> = names.iter().map(|f| key(f)).collect();
            let best = nearest(&key(&want), keys.iter().map(String::as_str), 1).first().map(|k| (*k).to_string());
            let near: Vec<&str> = best
                .and_then(|best| {
                    let named: Vec<&str> = names.iter().copied().filter(|f| key(f) == best).collect();
                    named
                        .iter()
                        .copied()
                        .find(|f| dir(f) == dir(&want))
                        .or_else(|| nearest(&want, named.iter().copied(), 1).first().copied())
                        .or_else(|| named.first().copied())
                })
                .into_iter()
                .collect();
            let help = match near.first() {
                Some(n) => {
                    let rel = relative_link(in_content, n);
                    did_you_mean(&[rel.as_str()]).expect("one name")
                }
                None => tr!(
                    en: "link to an existing file, relative to this one: `../organisations/<slug>.md`",
                    fi: "linkitä olemassa olevaan tiedostoon tämän tiedoston sijainnista käsin: `../organisations/<nimi>.md`",
                    sv: "länka till en befintlig fil, räknat från den här filens plats: `../organisations/<namn>.md`"
                ),
            };
            out.push(
                Diagnostic::error(
                    Code::BrokenLink,
                    file,
                    span,
                    tr!(
                        en: "this link points to {shown}, which does not exist",
                        fi: "linkki osoittaa tiedostoon {shown}, jota ei ole",
                        sv: "länken pekar på {shown}, som inte finns"
                    ),
                )
                .with_help(help),
            );
        }
    }
}

/// A relative link from the folder of `from` to `to` (both under `content/`).
pub fn relative_link(from: &str, to: &str) -> String {
    let from_dir: Vec<&str> = from.split('/').collect::<Vec<_>>()[..from.split('/').count() - 1].to_vec();
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dir.iter().zip(&to_parts).take_while(|(a, b)| a == b).count();
    let mut out: Vec<&str> = vec![".."; from_dir.len() - common];
    out.extend(&to_parts[common..]);
    out.join("/")
}

/// Decode `%xx` escapes of a URL path (invalid escapes stay as they are; bytes that
/// do not make UTF-8 become U+FFFD).
pub fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        assert_eq!(resolve_relative("organisations/a.md", "b.md").as_deref(), Some("organisations/b.md"));
        assert_eq!(resolve_relative("organisations/a.md", "../networks/n.md").as_deref(), Some("networks/n.md"));
        assert_eq!(resolve_relative("organisations/a.md", "../../../etc/passwd"), None);
        assert_eq!(relative_link("organisations/a.md", "networks/n.md"), "../networks/n.md");
        assert_eq!(relative_link("organisations/a.md", "organisations/b.md"), "b.md");
        assert_eq!(
            relative_link("partnership-tables/t/2025-01-01-x.md", "organisations/b.md"),
            "../../organisations/b.md"
        );
    }

    #[test]
    fn unsafe_urls() {
        for u in ["javascript:alert(1)", "JavaScript:x", " java\tscript:x", "data:text/html,x", "vbscript:x"] {
            assert!(is_unsafe_url(u), "{u}");
        }
        for u in ["https://a.example", "mailto:a@b.example", "../x.md", "/kuvat/a.jpg"] {
            assert!(!is_unsafe_url(u), "{u}");
        }
    }

    #[test]
    fn percent() {
        assert_eq!(percent_decode("kev%C3%A4t.jpg"), "kevät.jpg");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%41"), "A");
        // An escape followed by a character of several bytes (once a panic).
        assert_eq!(percent_decode("%aé.png"), "%aé.png");
        assert_eq!(percent_decode("%é"), "%é");
    }
}

/// A text's first paragraph (the first one with any text) as plain text, its
/// whitespace collapsed and the characters no page may carry dropped
/// ([`is_dropped_char`](crate::model::values::is_dropped_char)), otherwise whole:
/// what a feed entry of a meeting note says.
pub fn first_paragraph(markdown: &str) -> String {
    let mut text = opening_paragraph(markdown).unwrap_or_else(|| paragraph_text(markdown, false));
    // The dropped characters go first (one may stand between two spaces), then each run
    // of white space becomes one space, in one pass and without a list of the words.
    if crate::model::values::has_dropped_char(&text) {
        text.retain(|c| !crate::model::values::is_dropped_char(c));
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The text of the first paragraph with any text of `markdown`; with `opening`, only
/// of a paragraph that is the text's very first block (else empty).
fn paragraph_text(markdown: &str, opening: bool) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut text = String::new();
    let mut in_paragraph = false;
    for ev in Parser::new_ext(markdown, markdown_options()) {
        match ev {
            Event::Start(Tag::Paragraph) => in_paragraph = true,
            Event::End(TagEnd::Paragraph) if !text.trim().is_empty() => return text,
            Event::End(TagEnd::Paragraph) => in_paragraph = false,
            Event::Text(t) | Event::Code(t) if in_paragraph => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_paragraph => text.push(' '),
            _ => {}
        }
        // Not a paragraph first, or one without text: the whole text decides.
        if opening && !in_paragraph {
            return String::new();
        }
    }
    if opening { String::new() } else { text }
}

/// The first paragraph's text when the Markdown opens with a paragraph, found by
/// parsing only the lines up to the first blank one (a whole description is parsed
/// in one go, before the first event): those lines are the same blocks whatever
/// follows them. Only where nothing later can change the paragraph's words: no link
/// reference or footnote definitions (`]:`, `[^`) anywhere. `None`: parse it all.
fn opening_paragraph(markdown: &str) -> Option<String> {
    if markdown.contains("]:") || markdown.contains("[^") {
        return None;
    }
    let mut end = None;
    let mut seen_text = false;
    let mut at = 0;
    for line in markdown.split_inclusive('\n') {
        // A blank line holds only spaces and tabs (a no-break space is text).
        if line.trim_matches([' ', '\t', '\r', '\n']).is_empty() {
            if seen_text {
                end = Some(at);
                break;
            }
        } else {
            seen_text = true;
        }
        at += line.len();
    }
    let text = paragraph_text(&markdown[..end?], true);
    (!text.trim().is_empty()).then_some(text)
}

/// The first sentence of a text's first paragraph, as plain text (at most about 200
/// characters): what a card shows when an organisation has no `summary`.
pub fn first_sentence(markdown: &str) -> String {
    let text = first_paragraph(markdown);
    // The end of the first sentence: `. `, `! ` or `? ` before a word that does not
    // start with a small letter (so that "esim. kirjastolla" does not end it).
    let mut end = text.len();
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?')
            && let Some(rest) = text[i + 1..].strip_prefix(' ')
            && !rest.chars().next().is_some_and(char::is_lowercase)
        {
            end = i + 1;
            break;
        }
    }
    let sentence = &text[..end];
    const MAX: usize = 200;
    if sentence.chars().count() <= MAX {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(MAX).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}

#[cfg(test)]
mod first_sentence_tests {
    use super::{first_paragraph, first_sentence, paragraph_text};

    proptest::proptest! {
        /// Parsing only the opening lines finds what parsing the whole text finds.
        #[test]
        fn the_opening_lines_give_the_whole_text_s_first_paragraph(
            lines in proptest::collection::vec(proptest::sample::select(vec![
                "", " ", "\t", "\u{a0}", "Yhdistys tukee", "omaisia *ja* [läheisiä][a].", "[a]: https://x.example",
                "[b]", "- kohta", "1. kohta", "  jatko", "    koodia", "> lainaus", "# Otsikko", "Otsikko", "===",
                "---", "```", "<div>", "</div>", "<!--", "-->", "a | b", "--|--", "[^1]", "[^1]: huom", "\r",
                "<span></span>", "`koodi`", "teksti\\", "a \u{7} b", "a\u{85}b", "\u{202e}x\u{2028}y",
            ]), 0..12)
        ) {
            let md = lines.join("\n");
            let mut whole = paragraph_text(&md, false);
            whole.retain(|c| !crate::model::values::is_dropped_char(c));
            let whole = whole.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(first_paragraph(&md), whole, "{:?}", md);
        }
    }

    #[test]
    fn the_first_sentence_of_the_first_paragraph() {
        assert_eq!(first_sentence("# Otsikko\n\nYhdistys tukee omaisia. Toinen lause."), "Yhdistys tukee omaisia.");
        assert_eq!(first_sentence("Kokoonnumme esim. kirjastolla. Tervetuloa!"), "Kokoonnumme esim. kirjastolla.");
        assert_eq!(first_sentence("Mikä *meitä* yhdistää? Luonto."), "Mikä meitä yhdistää?");
        assert_eq!(first_sentence("Ei pistettä lopussa"), "Ei pistettä lopussa");
        // A line break inside the paragraph is a space.
        assert_eq!(first_sentence("Yhdistys\ntukee omaisia.  \nToinen."), "Yhdistys tukee omaisia.");
        assert_eq!(first_sentence("Yhdistys tukee\\\nomaisia. Toinen."), "Yhdistys tukee omaisia.");
        assert_eq!(first_sentence(""), "");
        // A paragraph with no text (raw HTML alone) is passed over, and a heading after
        // it is not part of the next one.
        assert_eq!(first_sentence("<span></span>\n\n# Otsikko\n\nTeksti tässä."), "Teksti tässä.");
        let long = "sana ".repeat(100);
        let s = first_sentence(&long);
        assert!(s.chars().count() <= 201 && s.ends_with('…'), "{s}");
    }
}

/// A Markdown text as plain text: paragraphs, headings and list items on lines of
/// their own (for the open data).
pub fn plain_text(markdown: &str) -> String {
    let mut text = PlainText::for_markdown(markdown);
    Parser::new_ext(markdown, markdown_options()).for_each(|ev| text.take(&ev));
    text.finish()
}

/// [`plain_text`] made from a Markdown text's events as they are read (by
/// [`check`], which reads every body anyway).
struct PlainText(String);

impl PlainText {
    /// The text is at most about as long as its Markdown: one allocation, not a dozen.
    fn for_markdown(markdown: &str) -> PlainText {
        PlainText(String::with_capacity(markdown.len()))
    }

    fn take(&mut self, ev: &Event<'_>) {
        let out = &mut self.0;
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(t),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push('\n');
            }
            _ => {}
        }
    }

    /// Each line trimmed, the empty ones left out.
    fn finish(self) -> String {
        let mut text = String::with_capacity(self.0.len());
        for line in self.0.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(line);
        }
        text
    }
}

#[cfg(test)]
mod plain_text_tests {
    use super::plain_text;

    proptest::proptest! {
        /// The plain text the check of a body makes is the text's plain text.
        #[test]
        fn the_check_makes_the_plain_text(
            lines in proptest::collection::vec(proptest::sample::select(vec![
                "", " ", "\t", "\u{a0}", "Yhdistys tukee", "omaisia *ja* [läheisiä][a].", "[a]: https://x.example",
                "- kohta", "1. kohta", "  jatko", "    koodia", "> lainaus", "# Otsikko", "Otsikko", "===", "---",
                "```", "<div>", "</div>", "a | b", "--|--", "[^1]", "[^1]: huom", "`koodi`", "teksti\\", "rivi  ",
                "![kuva](/kuva.png)", "[linkki](muu.md)", "<b>lihava</b>", "&amp; &#65;", "\u{202e}x\u{2028}y",
            ]), 0..12)
        ) {
            let md = lines.join("\n");
            let files = super::Files { content: &Default::default(), statics: &Default::default() };
            let checked = super::check("content/organisations/x.md", &md, 0..md.len(), &files, &mut Vec::new());
            proptest::prop_assert_eq!(checked, plain_text(&md), "{:?}", md);
        }
    }

    #[test]
    fn paragraphs_headings_and_items_each_on_a_line_of_their_own() {
        let md =
            "# Otsikko\n\nEnsimmäinen\nrivi *korostettu* ja `koodi`.  \nKova rivinvaihto.\n\n- yksi\n- kaksi\n\nLoppu.";
        assert_eq!(
            plain_text(md),
            "Otsikko\nEnsimmäinen rivi korostettu ja koodi.\nKova rivinvaihto.\nyksi\nkaksi\nLoppu."
        );
        assert_eq!(plain_text(""), "");
        assert_eq!(plain_text("<b></b>\n\n   \n\nSana"), "Sana");
    }
}

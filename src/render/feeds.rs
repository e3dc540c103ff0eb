//! Files that are not HTML pages: sitemap.xml, robots.txt and the coverage matrix as
//! CSV (the feeds are made by `atom`, the open data files by `data`). Built in Rust, not
//! templates, so that their formats stay valid whatever the site theme does.

use std::fmt::Write as _;

use super::data::write_safe_record;
use super::{Job, Output, Renderer};
use crate::diagnostics::{Code, Diagnostic, tr};
use crate::model::values::{has_dropped_char, is_dropped_char};

/// Escape text for XML content and attribute values.
pub fn xml_escape(s: &str) -> String {
    // Most text has nothing to escape or leave out: copied at once.
    if !s.bytes().fold(false, |any, b| any | matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'')) && !has_dropped_char(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if is_dropped_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

fn out(r: &Renderer<'_>, url: String, bytes: Vec<u8>) -> Output {
    Output { path: r.routes.output_path(&url), bytes }
}

pub(super) fn render(r: &Renderer<'_>, job: Job) -> Result<Output, Diagnostic> {
    let url = file_url(r, job);
    let bytes = match job {
        Job::Sitemap => sitemap(r).into_bytes(),
        Job::Robots => {
            // The web editor is no page for search engines.
            let admin = if r.site.config.editing.cms {
                format!("Disallow: {}\n", r.routes.file(&format!("{}/", super::cms::FOLDER)))
            } else {
                String::new()
            };
            format!(
                "User-agent: *\n{admin}Allow: /\n\nSitemap: {}\n",
                r.routes.absolute(&r.routes.shared("sitemap.xml"))
            )
            .into_bytes()
        }
        Job::CoverageCsv => coverage_csv(r)?,
        _ => unreachable!("pages are rendered by pages"),
    };
    Ok(out(r, url, bytes))
}

/// The address of a file job (`sitemap.xml` and the like).
pub(super) fn file_url(r: &Renderer<'_>, job: Job) -> String {
    let rt = &r.routes;
    match job {
        Job::Sitemap => rt.shared("sitemap.xml"),
        Job::Atom => rt.file("atom.xml"),
        Job::TableFeed(t) => format!("{}atom.xml", rt.table(&r.site.tables[t].slug)),
        Job::ThemeFeed(t) => format!("{}atom.xml", rt.theme(&r.site.themes[t].id)),
        Job::MunicipalityFeed(m) => format!("{}atom.xml", rt.municipality(&r.site.municipalities.list[m].slug)),
        Job::EventsFeed => format!("{}atom.xml", rt.events()),
        Job::Robots => rt.shared("robots.txt"),
        Job::Data(f) => super::data::url(r, f),
        Job::CoverageCsv => {
            let p = &r.site.config.paths.coverage;
            rt.file(&format!("{p}/{p}.csv"))
        }
        Job::Calendar => rt.calendar(),
        Job::OrganisationCalendar(o) => rt.organisation_calendar(&r.site.organisations[o].slug),
        Job::MunicipalityCalendar(m) => rt.municipality_calendar(&r.site.municipalities.list[m].slug),
        _ => unreachable!("pages have page addresses"),
    }
}

fn sitemap(r: &Renderer<'_>) -> String {
    // Every language's pages, each with its versions in the other languages.
    let routes: Vec<&super::Routes> = match r.versions.len() {
        0 | 1 => vec![&r.routes],
        _ => r.versions.iter().map(|v| &v.routes).collect(),
    };
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"",
    );
    if routes.len() > 1 {
        s.push_str(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
    }
    s.push_str(">\n");
    // Every page but the not-found page, from the one list of what the build makes.
    let jobs: Vec<Job> = r.jobs().into_iter().filter(|&j| j != Job::NotFound && j.kind().is_some()).collect();
    for rt in &routes {
        for &job in &jobs {
            let Some(url) = super::page_url(r.site, rt, job) else { continue };
            let _ = write!(s, "  <url><loc>{}</loc>", xml_escape(&rt.absolute(&url)));
            if let Some(d) = r.last_modified(job) {
                let _ = write!(s, "<lastmod>{d}</lastmod>");
            }
            if routes.len() > 1 {
                for v in &r.versions {
                    if let Some(alt) = super::page_url(r.site, &v.routes, job) {
                        let href = xml_escape(&v.routes.absolute(&alt));
                        let _ =
                            write!(s, "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{href}\"/>", v.lang.code());
                    }
                }
            }
            s.push_str("</url>\n");
        }
    }
    s.push_str("</urlset>\n");
    s
}

fn csv_error(file: &str, e: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error(
        Code::OutputError,
        file,
        None,
        tr!(
            en: "cannot write CSV: {e}",
            fi: "CSV-tiedostoa ei voi kirjoittaa (tarkempi tekninen kuvaus englanniksi: `--lang en`)",
            sv: "CSV-filen kan inte skrivas (en närmare teknisk beskrivning på engelska: `--lang en`)"
        ),
    )
}

fn coverage_csv(r: &Renderer<'_>) -> Result<Vec<u8>, Diagnostic> {
    let file = "coverage.csv";
    let (site, cov) = (r.site, &r.index.coverage);
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec![r.theme.t("municipality"), "code".to_string()];
    header.extend(cov.themes.iter().map(|&t| site.themes[t].name.clone()));
    header.push(r.theme.t("total"));
    write_safe_record(&mut w, header.iter().map(String::as_str)).map_err(|e| csv_error(file, e))?;
    for ((&m, counts), total) in cov.municipalities.iter().zip(&cov.counts).zip(&cov.row_totals) {
        let mu = &site.municipalities.list[m];
        let mut rec = vec![mu.name.clone(), mu.code.clone()];
        rec.extend(counts.iter().map(usize::to_string));
        rec.push(total.to_string());
        write_safe_record(&mut w, rec.iter().map(String::as_str)).map_err(|e| csv_error(file, e))?;
    }
    let mut wide = vec![r.theme.t("coverage_wide"), String::new()];
    wide.extend(cov.wide.iter().map(usize::to_string));
    wide.push(String::new());
    write_safe_record(&mut w, wide.iter().map(String::as_str)).map_err(|e| csv_error(file, e))?;
    w.into_inner().map_err(|e| csv_error(file, e))
}

#[cfg(test)]
mod tests {
    #[test]
    fn xml_text_escapes_markup_and_leaves_out_what_xml_cannot_hold() {
        assert_eq!(super::xml_escape("a<b>&\"'c"), "a&lt;b&gt;&amp;&quot;&apos;c");
        // Control characters are not allowed in XML 1.0; direction overrides would
        // turn the text around where it is shown.
        assert_eq!(super::xml_escape("x\u{1}y\u{202e}z\tw"), "xyz\tw");
        let doc = format!("<t a=\"{0}\">{0}</t>", super::xml_escape("\u{0}\u{b}\u{1f}ok\"<"));
        let parsed = roxmltree::Document::parse(&doc).unwrap();
        assert_eq!(parsed.root_element().text(), Some("ok\"<"));
        // Text with nothing to escape stays as it is; one character to escape or
        // leave out anywhere in a long text is found.
        let plain = "Yhdistys tukee omaisia Jyväskylässä ja lähikunnissa. ".repeat(3);
        assert_eq!(super::xml_escape(&plain), plain);
        for (c, written) in [("&", "&amp;"), ("'", "&apos;"), ("\u{202e}", "")] {
            for at in [0, 31, 32, 77, plain.len()] {
                let s = format!("{}{c}{}", &plain[..at], &plain[at..]);
                assert_eq!(super::xml_escape(&s), format!("{}{written}{}", &plain[..at], &plain[at..]), "{at}");
            }
        }
    }
}

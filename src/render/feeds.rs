//! Files that are not HTML pages: sitemap.xml, atom.xml, robots.txt and the coverage
//! matrix as CSV (the open data files are made by `data`). Built in Rust, not
//! templates, so that their formats stay valid whatever the site theme does.

use std::fmt::Write as _;

use super::data::csv_safe;
use super::{Job, Output, Renderer, dates};
use crate::diagnostics::{Code, Diagnostic, tr};

/// Escape text for XML content and attribute values.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if crate::model::values::is_dropped_char(c) => {}
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
        Job::Atom => atom(r).into_bytes(),
        Job::Robots => {
            format!("User-agent: *\nAllow: /\n\nSitemap: {}\n", r.routes.absolute(&r.routes.file("sitemap.xml")))
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
        Job::Sitemap => rt.file("sitemap.xml"),
        Job::Atom => rt.file("atom.xml"),
        Job::Robots => rt.file("robots.txt"),
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
    let rt = &r.routes;
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut add = |url: String, lastmod: Option<jiff::civil::Date>| {
        let _ = write!(s, "  <url><loc>{}</loc>", xml_escape(&rt.absolute(&url)));
        if let Some(d) = lastmod {
            let _ = write!(s, "<lastmod>{d}</lastmod>");
        }
        s.push_str("</url>\n");
    };
    // Every page but the not-found page, from the one list of what the build makes.
    for job in r.jobs() {
        if job != Job::NotFound
            && let Some(url) = r.page_url(job)
        {
            add(url, r.last_modified(job));
        }
    }
    s.push_str("</urlset>\n");
    s
}

/// Atom feed of meeting notes and announcements, newest first (at most 50).
fn atom(r: &Renderer<'_>) -> String {
    let site = r.site;
    let rt = &r.routes;
    let feed_url = rt.absolute(&rt.file("atom.xml"));
    let updated = r.index.notes_newest_first.first().map(|n| site.tables[n.table].notes[n.note].date);
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = write!(
        s,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{}</title>\n  <id>{}</id>\n  <link rel=\"self\" href=\"{}\"/>\n  <link href=\"{}\"/>\n  <updated>{}T00:00:00Z</updated>\n",
        site.config.language.code(),
        xml_escape(&site.config.title),
        xml_escape(&feed_url),
        xml_escape(&feed_url),
        xml_escape(&rt.absolute(&rt.home())),
        updated.map(|d| d.to_string()).unwrap_or_else(|| "1970-01-01".into()),
    );
    if let Some(d) = &site.config.description {
        let _ = writeln!(s, "  <subtitle>{}</subtitle>", xml_escape(d));
    }
    for nr in r.index.notes_newest_first.iter().take(50) {
        let tb = &site.tables[nr.table];
        let n = &tb.notes[nr.note];
        let url = rt.absolute(&rt.note(&tb.slug, &n.slug));
        let kind = r.theme.t(n.kind.label_key());
        let summary = format!("{kind} · {} · {}", tb.name, dates::format(n.date, site.config.language));
        let _ = write!(
            s,
            "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <link href=\"{}\"/>\n    <updated>{}T00:00:00Z</updated>\n    <author><name>{}</name></author>\n    <summary>{}</summary>\n  </entry>\n",
            xml_escape(&n.title),
            xml_escape(&url),
            xml_escape(&url),
            n.date,
            xml_escape(&tb.name),
            xml_escape(&summary),
        );
    }
    s.push_str("</feed>\n");
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
    w.write_record(header.iter().map(|c| csv_safe(c))).map_err(|e| csv_error(file, e))?;
    for ((&m, counts), total) in cov.municipalities.iter().zip(&cov.counts).zip(&cov.row_totals) {
        let mu = &site.municipalities.list[m];
        let mut rec = vec![mu.name.clone(), mu.code.clone()];
        rec.extend(counts.iter().map(usize::to_string));
        rec.push(total.to_string());
        w.write_record(rec.iter().map(|c| csv_safe(c))).map_err(|e| csv_error(file, e))?;
    }
    let mut wide = vec![r.theme.t("coverage_wide"), String::new()];
    wide.extend(cov.wide.iter().map(usize::to_string));
    wide.push(String::new());
    w.write_record(wide.iter().map(|c| csv_safe(c))).map_err(|e| csv_error(file, e))?;
    w.into_inner().map_err(|e| csv_error(file, e))
}

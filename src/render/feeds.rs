//! Files that are not HTML pages: sitemap.xml, atom.xml, robots.txt, the open data
//! of the directory (JSON and CSV) and the coverage matrix as CSV. Built in Rust, not
//! templates, so that their formats stay valid whatever the site theme does.

use std::fmt::Write as _;

use serde::Serialize;

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
            // The web editor is no page for search engines.
            let admin = if r.site.config.editing.cms {
                format!("Disallow: {}\n", r.routes.file(&format!("{}/", super::cms::FOLDER)))
            } else {
                String::new()
            };
            format!(
                "User-agent: *\n{admin}Allow: /\n\nSitemap: {}\n",
                r.routes.absolute(&r.routes.file("sitemap.xml"))
            )
            .into_bytes()
        }
        Job::DataJson => serde_json::to_vec_pretty(&records(r))
            .map_err(|e| {
                Diagnostic::error(
                    Code::OutputError,
                    "data/organisations.json",
                    None,
                    tr!(
                        en: "{e}",
                        fi: "avoimen datan tiedostoa ei voi kirjoittaa (tarkempi tekninen kuvaus englanniksi: `--lang en`)",
                        sv: "filen med öppna data kan inte skrivas (en närmare teknisk beskrivning på engelska: `--lang en`)"
                    ),
                )
            })?,
        Job::DataCsv => organisations_csv(r)?,
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
        Job::DataJson => rt.file("data/organisations.json"),
        Job::DataCsv => rt.file("data/organisations.csv"),
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

/// One organisation in the open data.
#[derive(Serialize)]
struct Record<'a> {
    slug: &'a str,
    name: &'a str,
    short_name: Option<&'a str>,
    /// Its one line, as written (`null` when it has none).
    summary: Option<&'a str>,
    kind: &'static str,
    business_id: Option<&'a str>,
    founded: Option<i32>,
    themes: Vec<&'a str>,
    municipalities: Vec<&'a str>,
    municipality_codes: Vec<&'a str>,
    regions: Vec<&'a str>,
    nationwide: bool,
    networks: Vec<&'a str>,
    languages: Vec<&'a str>,
    activities: Vec<&'a str>,
    /// `volunteers`, `members`, `partners`.
    seeking: Vec<&'static str>,
    website: Option<&'a str>,
    email: Option<&'a str>,
    phone: Option<&'a str>,
    updated: Option<String>,
    url: String,
    /// Its text as plain text, paragraphs on lines of their own.
    description: String,
}

fn records<'a>(r: &Renderer<'a>) -> Vec<Record<'a>> {
    let site = r.site;
    let m = &site.municipalities;
    r.index
        .order
        .iter()
        .map(|&o| {
            let org = &site.organisations[o];
            let munis = r.index.places(&org.area).municipalities;
            Record {
                slug: &org.slug,
                name: &org.name,
                short_name: org.short_name.as_deref(),
                summary: org.summary.as_deref(),
                kind: org.kind.as_str(),
                business_id: org.business_id.as_deref(),
                founded: org.founded,
                themes: org.themes.iter().map(|&t| site.themes[t].id.as_str()).collect(),
                municipalities: munis.iter().map(|&i| m.list[i].name.as_str()).collect(),
                municipality_codes: munis.iter().map(|&i| m.list[i].code.as_str()).collect(),
                regions: org.area.regions.iter().map(|&i| m.regions[i].name.as_str()).collect(),
                nationwide: org.area.nationwide,
                networks: r.index.org_networks[o].iter().map(|&n| site.networks[n].slug.as_str()).collect(),
                languages: org.languages.iter().map(String::as_str).collect(),
                activities: org.activities.iter().map(String::as_str).collect(),
                seeking: org.seeking.iter().map(|k| k.as_str()).collect(),
                website: org.website.as_deref(),
                email: org.email.as_deref(),
                phone: org.phone.as_deref(),
                updated: org.updated.map(|d| d.to_string()),
                url: r.routes.absolute(&r.routes.organisation(&org.slug)),
                description: crate::model::body::plain_text(org.body.markdown()),
            }
        })
        .collect()
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

/// The organisations as CSV that opens as columns in a Finnish spreadsheet program:
/// UTF-8 with a byte-order mark, `;` between cells, lists in one cell joined with
/// `, ` (activities, which are free text, with ` | `), formulas made text
/// ([`csv_safe`]).
fn organisations_csv(r: &Renderer<'_>) -> Result<Vec<u8>, Diagnostic> {
    let file = "data/organisations.csv";
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(b"\xEF\xBB\xBF".to_vec());
    w.write_record([
        "slug",
        "name",
        "short_name",
        "summary",
        "kind",
        "business_id",
        "founded",
        "themes",
        "municipalities",
        "municipality_codes",
        "regions",
        "nationwide",
        "networks",
        "languages",
        "activities",
        "seeking",
        "website",
        "email",
        "phone",
        "updated",
        "url",
        "description",
    ])
    .map_err(|e| csv_error(file, e))?;
    for rec in records(r) {
        let founded = rec.founded.map(|f| f.to_string()).unwrap_or_default();
        let row: [&str; 22] = [
            rec.slug,
            rec.name,
            rec.short_name.unwrap_or(""),
            rec.summary.unwrap_or(""),
            rec.kind,
            rec.business_id.unwrap_or(""),
            &founded,
            &rec.themes.join(", "),
            &rec.municipalities.join(", "),
            &rec.municipality_codes.join(", "),
            &rec.regions.join(", "),
            if rec.nationwide { "true" } else { "false" },
            &rec.networks.join(", "),
            &rec.languages.join(", "),
            &rec.activities.join(" | "),
            &rec.seeking.join(", "),
            rec.website.unwrap_or(""),
            rec.email.unwrap_or(""),
            rec.phone.unwrap_or(""),
            rec.updated.as_deref().unwrap_or(""),
            &rec.url,
            &rec.description,
        ];
        w.write_record(row.iter().map(|c| csv_safe(c))).map_err(|e| csv_error(file, e))?;
    }
    w.into_inner().map_err(|e| csv_error(file, e))
}

/// Keep spreadsheet programs from reading a cell as a formula: a cell that starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, unless it
/// is a phone number (an optional `+`, then only digits, spaces, hyphens and
/// parentheses).
pub fn csv_safe(cell: &str) -> String {
    let phone = |c: &str| {
        let rest = c.strip_prefix('+').unwrap_or(c);
        rest.chars().any(|ch| ch.is_ascii_digit())
            && rest.chars().all(|ch| ch.is_ascii_digit() || matches!(ch, ' ' | '-' | '(' | ')'))
            && rest.starts_with(|ch: char| ch.is_ascii_digit() || ch == '(')
    };
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !phone(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
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

#[cfg(test)]
mod tests {
    use super::csv_safe;

    #[test]
    fn formulas_are_quoted_and_phone_numbers_are_not() {
        for bad in [
            "+358+HYPERLINK(\"http://evil.example/\",\"x\")",
            "=1+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            "+358 40 000 0001=1",
            "+",
            "-",
            "+cmd|' /C calc'!A0",
        ] {
            assert!(csv_safe(bad).starts_with('\''), "{bad:?}");
        }
        for ok in ["+358 40 000 0001", "+358-40-000-0001", "+358 (0)40 000 0001", "040 000 0001", "Keuruu", ""] {
            assert_eq!(csv_safe(ok), ok, "{ok:?}");
        }
    }
}

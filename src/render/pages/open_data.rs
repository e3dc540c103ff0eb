//! The open data page: every machine-readable file of the site, what it holds, and
//! the licence of the data (`[data] license`).

use serde::Serialize;

use super::*;

/// One file of the open data.
#[derive(Debug, Clone, Serialize)]
struct DataFile {
    url: String,
    /// The file's name as shown (`organisations.json`).
    name: String,
    /// `JSON`, `CSV`, `iCalendar`, `Atom`, `XML`.
    format: &'static str,
    /// The key of its description in the interface texts (`data_file_organisations_json`).
    about: &'static str,
}

/// `open_data.html`.
#[derive(Debug, Clone, Serialize)]
struct OpenDataView<'a> {
    /// The licence's SPDX identifier (`CC-BY-4.0`).
    license: &'a str,
    /// Where the licence is explained, for the licences areena knows.
    license_url: Option<&'static str>,
    files: Vec<DataFile>,
}

/// The web page of the common licences of open data.
fn license_url(id: &str) -> Option<&'static str> {
    Some(match id.to_ascii_uppercase().as_str() {
        "CC-BY-4.0" => "https://creativecommons.org/licenses/by/4.0/",
        "CC-BY-SA-4.0" => "https://creativecommons.org/licenses/by-sa/4.0/",
        "CC0-1.0" => "https://creativecommons.org/publicdomain/zero/1.0/",
        "ODBL-1.0" => "https://opendatacommons.org/licenses/odbl/1-0/",
        "PDDL-1.0" => "https://opendatacommons.org/licenses/pddl/1-0/",
        _ => return None,
    })
}

pub(super) fn render(r: &Renderer<'_>) -> Result<Output, Diagnostic> {
    let rt = &r.routes;
    let meta = r.meta(r.theme.t("open_data"), rt.open_data(), "open-data");
    let file = |job: Job, format, about| {
        let url = crate::render::feeds::file_url(r, job);
        let name = url.rsplit('/').next().unwrap_or_default().to_string();
        DataFile { url, name, format, about }
    };
    let mut files = vec![
        file(Job::DataJson, "JSON", "data_file_organisations_json"),
        file(Job::DataCsv, "CSV", "data_file_organisations_csv"),
        file(Job::CoverageCsv, "CSV", "data_file_coverage_csv"),
        file(Job::Calendar, "iCalendar", "data_file_calendar"),
        file(Job::Atom, "Atom", "data_file_atom"),
        file(Job::Sitemap, "XML", "data_file_sitemap"),
    ];
    for f in &mut files {
        if f.name.is_empty() {
            f.name = f.url.clone();
        }
    }
    let license = r.site.config.data_license.as_str();
    r.page(&meta, &OpenDataView { license, license_url: license_url(license), files })
}

impl PageView for OpenDataView<'_> {
    const TEMPLATE: &'static str = "open_data.html";
    const KEY: &'static str = "data";
}

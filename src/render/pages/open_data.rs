//! The open data page: every machine-readable file of the site, what it holds, its
//! format and schema, and the licence of the data (`[data] license`).

use serde::Serialize;

use super::*;
use crate::render::data::{DataFile, Dataset, hsds::HsdsFile, license_url};

/// One file of the open data.
#[derive(Debug, Clone, Serialize)]
struct DataFileView {
    url: String,
    /// The file's name as shown (`organisations.json`, `hsds/services.json`).
    name: String,
    /// `JSON`, `CSV`, `iCalendar`, `Atom`, `XML`.
    format: &'static str,
    /// The key of its description in the interface texts (`data_file_organisations_json`).
    about: &'static str,
    /// The address of the JSON Schema that describes it.
    schema: Option<String>,
}

/// `open_data.html`.
#[derive(Debug, Clone, Serialize)]
struct OpenDataView<'a> {
    /// The licence's SPDX identifier (`CC-BY-4.0`).
    license: &'a str,
    /// Where the licence is explained, for the licences areena knows.
    license_url: Option<&'static str>,
    /// The directory in areena's own format (each with its schema), the directory
    /// in the Open Referral HSDS format, and the other machine-readable files.
    groups: Vec<DataGroup>,
}

/// A section of the page: a heading, a paragraph and its files.
#[derive(Debug, Clone, Serialize)]
struct DataGroup {
    /// The section's HTML id, also the key of its heading in the interface texts.
    id: &'static str,
    /// Words after the heading (the version of HSDS).
    suffix: &'static str,
    /// The key of its paragraph in the interface texts.
    lead: Option<&'static str>,
    files: Vec<DataFileView>,
}

fn about(f: DataFile) -> &'static str {
    match f {
        DataFile::Json(Dataset::Organisations) => "data_file_organisations_json",
        DataFile::Json(Dataset::Networks) => "data_file_networks_json",
        DataFile::Json(Dataset::Tables) => "data_file_tables_json",
        DataFile::Json(Dataset::Events) => "data_file_events_json",
        DataFile::Csv => "data_file_organisations_csv",
        DataFile::Hsds(HsdsFile::Organizations) => "data_file_hsds_organizations",
        DataFile::Hsds(HsdsFile::Services) => "data_file_hsds_services",
        DataFile::Hsds(HsdsFile::TaxonomyTerms) => "data_file_hsds_taxonomy_terms",
        DataFile::Hsds(HsdsFile::Dataset) => "data_file_hsds_dataset",
        DataFile::Schema(_) | DataFile::CsvSchema => "data_file_schema",
    }
}

pub(super) fn render(r: &Renderer<'_>) -> Result<Output, Diagnostic> {
    let rt = &r.routes;
    let mut meta = r.meta(r.theme.t("open_data"), rt.open_data(), "open-data");
    let data_base = rt.file("data/");
    let view = |job: Job, format, about| {
        let url = crate::render::feeds::file_url(r, job);
        let name = url.strip_prefix(&data_base).or_else(|| url.rsplit('/').next()).unwrap_or_default().to_string();
        let schema = match job {
            Job::Data(f) => f.schema().map(|s| crate::render::feeds::file_url(r, Job::Data(s))),
            _ => None,
        };
        DataFileView { name: if name.is_empty() { url.clone() } else { name }, url, format, about, schema }
    };
    let (mut files, mut hsds) = (Vec::new(), Vec::new());
    for f in DataFile::all() {
        match f {
            DataFile::Hsds(_) => hsds.push(view(Job::Data(f), "JSON", about(f))),
            DataFile::Csv => files.push(view(Job::Data(f), "CSV", about(f))),
            DataFile::Json(_) => files.push(view(Job::Data(f), "JSON", about(f))),
            // Each schema is linked from the file it describes.
            DataFile::Schema(_) | DataFile::CsvSchema => {}
        }
    }
    let other = vec![
        view(Job::CoverageCsv, "CSV", "data_file_coverage_csv"),
        view(Job::Calendar, "iCalendar", "data_file_calendar"),
        view(Job::Atom, "Atom", "data_file_atom"),
        view(Job::Sitemap, "XML", "data_file_sitemap"),
    ];
    let license = r.site.config.data_license.as_str();
    let groups = vec![
        DataGroup { id: "data_files", suffix: "", lead: Some("data_files_lead"), files },
        DataGroup {
            id: "data_hsds",
            suffix: crate::render::data::hsds::VERSION,
            lead: Some("data_hsds_lead"),
            files: hsds,
        },
        DataGroup { id: "data_other_files", suffix: "", lead: None, files: other },
    ];
    let media_type = |format: &str| match format {
        "CSV" => "text/csv",
        "iCalendar" => "text/calendar",
        "Atom" => "application/atom+xml",
        "XML" => "application/xml",
        _ => "application/json",
    };
    let files = groups.iter().flat_map(|g| &g.files).map(|f| (f.name.as_str(), media_type(f.format), f.url.as_str()));
    let ld = r.data_catalog_json_ld(&meta, license, files);
    meta.json_ld = vec![crate::render::structured::script_json(&ld)];
    let view = OpenDataView { license, license_url: license_url(license), groups };
    r.page(&meta, &view)
}

impl PageView for OpenDataView<'_> {
    const TEMPLATE: &'static str = "open_data.html";
    const KEY: &'static str = "data";
}

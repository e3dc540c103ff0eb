//! The web editor under `/admin/` (with `[editing] cms = true`): Sveltia CMS, its
//! configuration made from the site's own schema and data, and the page that starts it.
//!
//! The editor's script is vendored (`vendor/sveltia-cms/`, the version in `VERSION`)
//! and embedded in the binary, so a site never loads it from elsewhere; its licence is
//! written beside it. The admin page is a file, not a page of the site: it is in
//! neither the sitemap nor the search index, and it says `noindex`.

pub(crate) mod config;
pub(crate) mod schema;

use super::{Output, Renderer};
use crate::render::feeds::xml_escape;

/// The built script of the `@sveltia/cms` npm package (`dist/sveltia-cms.js`).
pub const SCRIPT: &[u8] = include_bytes!("../../../vendor/sveltia-cms/sveltia-cms.js");
/// The package's licence.
pub const LICENCE: &[u8] = include_bytes!("../../../vendor/sveltia-cms/LICENSE.txt");
/// The version of the vendored package.
pub const VERSION: &str = include_str!("../../../vendor/sveltia-cms/VERSION");

/// The folder of the editor in the output.
pub const FOLDER: &str = crate::layout::ADMIN;

/// The files of the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AdminFile {
    /// `admin/index.html`
    Page,
    /// `admin/config.yml`
    Config,
    /// `admin/sveltia-cms.js`
    Script,
    /// `admin/LICENSE.txt`
    Licence,
}

impl AdminFile {
    pub const ALL: [AdminFile; 4] = [AdminFile::Page, AdminFile::Config, AdminFile::Script, AdminFile::Licence];

    /// The file's name inside `admin/`.
    pub fn name(self) -> &'static str {
        match self {
            AdminFile::Page => "index.html",
            AdminFile::Config => "config.yml",
            AdminFile::Script => "sveltia-cms.js",
            AdminFile::Licence => "LICENSE.txt",
        }
    }
}

/// The address of an editor file.
pub(crate) fn url(r: &Renderer<'_>, file: AdminFile) -> String {
    match file {
        AdminFile::Page => r.routes.file(&format!("{FOLDER}/")),
        _ => r.routes.file(&format!("{FOLDER}/{}", file.name())),
    }
}

pub(crate) fn render(r: &Renderer<'_>, file: AdminFile) -> Output {
    let bytes = match file {
        AdminFile::Page => page(r).into_bytes(),
        AdminFile::Config => config_yaml(r).into_bytes(),
        AdminFile::Script => SCRIPT.to_vec(),
        AdminFile::Licence => LICENCE.to_vec(),
    };
    Output { path: r.routes.output_path(&url(r, file)), bytes }
}

/// The configuration as YAML.
pub(crate) fn config_yaml(r: &Renderer<'_>) -> String {
    let texts = config::Texts { text: &r.theme.text };
    let cfg = config::config(r.site, &texts);
    let yaml = serde_norway::to_string(&cfg).expect("the editor's configuration serialises");
    format!(
        "# Sveltia CMS {}: made by areena from site.toml and the content; edits here are overwritten.\n{yaml}",
        VERSION.trim()
    )
}

/// The page that starts the editor: no content of its own, kept out of search engines.
fn page(r: &Renderer<'_>) -> String {
    let lang = r.site.config.language.code();
    let title = xml_escape(&format!("{} – {}", r.theme.t("cms_admin_title"), r.site.config.title));
    let noscript = xml_escape(&r.theme.t("cms_noscript"));
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"robots\" content=\"noindex\">\n<title>{title}</title>\n\
<link href=\"config.yml\" type=\"application/yaml\" rel=\"cms-config-url\">\n</head>\n<body>\n\
<noscript><p>{noscript}</p></noscript>\n<script src=\"sveltia-cms.js\"></script>\n</body>\n</html>\n"
    )
}

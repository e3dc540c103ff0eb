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

/// A font the editor's interface uses, vendored from its npm package (`@fontsource…`)
/// and written to `admin/fonts/`, so that the editor asks no font server.
pub struct Font {
    /// The address in the script that the font is served from instead.
    pub cdn_url: &'static str,
    /// The npm package and file the font comes from.
    pub package: &'static str,
    pub file: &'static str,
    pub bytes: &'static [u8],
    /// The name of its licence file under `admin/fonts/`, and the licence.
    pub licence_file: &'static str,
    pub licence: &'static [u8],
}

macro_rules! font {
    ($url:literal, $package:literal, $file:literal, $licence:literal) => {
        Font {
            cdn_url: $url,
            package: $package,
            file: $file,
            bytes: include_bytes!(concat!("../../../vendor/sveltia-cms/fonts/", $file)),
            licence_file: $licence,
            licence: include_bytes!(concat!("../../../vendor/sveltia-cms/fonts/", $licence)),
        }
    };
}

/// The fonts of the editor's interface.
pub const FONTS: [Font; 3] = [
    font!(
        "https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2",
        "@fontsource-variable/source-sans-3",
        "source-sans-3-latin-wght-normal.woff2",
        "LICENSE-source-sans-3.txt"
    ),
    font!(
        "https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2",
        "@fontsource/noto-mono",
        "noto-mono-latin-400-normal.woff2",
        "LICENSE-noto-mono.txt"
    ),
    font!(
        "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2",
        "@fontsource-variable/material-symbols-outlined",
        "material-symbols-outlined-latin-wght-normal.woff2",
        "LICENSE-material-symbols-outlined.txt"
    ),
];

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
    /// `admin/fonts/<file>`: a font of [`FONTS`].
    Font(u8),
    /// `admin/fonts/LICENSE-<font>.txt`
    FontLicence(u8),
}

impl AdminFile {
    /// Every file of the editor.
    pub fn all() -> Vec<AdminFile> {
        let mut all = vec![AdminFile::Page, AdminFile::Config, AdminFile::Script, AdminFile::Licence];
        for i in 0..FONTS.len() as u8 {
            all.extend([AdminFile::Font(i), AdminFile::FontLicence(i)]);
        }
        all
    }

    /// The file's path inside `admin/`.
    pub fn name(self) -> String {
        match self {
            AdminFile::Page => "index.html".into(),
            AdminFile::Config => "config.yml".into(),
            AdminFile::Script => "sveltia-cms.js".into(),
            AdminFile::Licence => "LICENSE.txt".into(),
            AdminFile::Font(i) => format!("fonts/{}", FONTS[usize::from(i)].file),
            AdminFile::FontLicence(i) => format!("fonts/{}", FONTS[usize::from(i)].licence_file),
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
        AdminFile::Script => script().into_bytes(),
        AdminFile::Licence => LICENCE.to_vec(),
        AdminFile::Font(i) => FONTS[usize::from(i)].bytes.to_vec(),
        AdminFile::FontLicence(i) => FONTS[usize::from(i)].licence.to_vec(),
    };
    Output { path: r.routes.output_path(&url(r, file)), bytes }
}

/// The vendored script with its fonts taken from `admin/fonts/` (addresses in its
/// style sheets are relative to the admin page).
pub fn script() -> String {
    let mut s = std::str::from_utf8(SCRIPT).expect("the vendored script is UTF-8").to_string();
    for f in &FONTS {
        s = s.replace(f.cdn_url, &format!("fonts/{}", f.file));
    }
    s
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

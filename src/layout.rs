//! The one place that names the files and folders of a site.

/// The settings file at the site's root.
pub(crate) const SITE_TOML: &str = "site.toml";
/// Markdown and TOML content.
pub(crate) const CONTENT: &str = "content";
/// Files copied into the output as they are.
pub(crate) const STATIC: &str = "static";
/// The site's own template overrides.
pub(crate) const TEMPLATES: &str = "templates";
/// Look-and-feel themes, `themes/<name>/`.
pub(crate) const THEMES: &str = "themes";

/// Under `content/`: one file per organisation.
pub(crate) const ORGANISATIONS: &str = "organisations";
/// Under `content/`: one file per network.
pub(crate) const NETWORKS: &str = "networks";
/// Under `content/`: one folder per partnership table, with its meeting notes.
pub(crate) const PARTNERSHIP_TABLES: &str = "partnership-tables";
/// Under `content/`: free pages.
pub(crate) const PAGES: &str = "pages";
/// Under `content/`: one file per event, named by its start date.
pub(crate) const EVENTS: &str = "events";
/// Under `content/`: the folders areena reads.
pub(crate) const CONTENT_FOLDERS: [&str; 5] = [ORGANISATIONS, NETWORKS, PARTNERSHIP_TABLES, PAGES, EVENTS];

/// The folders at the root that hold sources: what `serve` watches (with
/// `site.toml`) and what an output folder may never be inside.
pub(crate) const SOURCE_FOLDERS: [&str; 4] = [CONTENT, STATIC, TEMPLATES, THEMES];

/// In the output, with `[editing] cms = true`: the folder of the web editor.
pub(crate) const ADMIN: &str = "admin";

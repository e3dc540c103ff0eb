//! The one place that names the files and folders of a site.

/// The settings file at the site's root.
pub const SITE_TOML: &str = "site.toml";
/// Markdown and TOML content.
pub const CONTENT: &str = "content";
/// Files copied into the output as they are.
pub const STATIC: &str = "static";
/// The site's own template overrides.
pub const TEMPLATES: &str = "templates";
/// Look-and-feel themes, `themes/<name>/`.
pub const THEMES: &str = "themes";

/// Under `content/`: one file per organisation.
pub const ORGANISATIONS: &str = "organisations";
/// Under `content/`: one file per network.
pub const NETWORKS: &str = "networks";
/// Under `content/`: one folder per partnership table, with its meeting notes.
pub const PARTNERSHIP_TABLES: &str = "partnership-tables";
/// Under `content/`: free pages.
pub const PAGES: &str = "pages";
/// Under `content/`: the folders areena reads.
pub const CONTENT_FOLDERS: [&str; 4] = [ORGANISATIONS, NETWORKS, PARTNERSHIP_TABLES, PAGES];

/// The folders at the root that hold sources: what `serve` watches (with
/// `site.toml`) and what an output folder may never be inside.
pub const SOURCE_FOLDERS: [&str; 4] = [CONTENT, STATIC, TEMPLATES, THEMES];

//! The command line: one `Args` struct per subcommand, shared flags flattened.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::config::Language;

/// Build a regional directory of associations, networks and partnership tables
/// from Markdown + TOML files into a static website.
#[derive(Debug, Parser)]
#[command(name = "areena", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new site for a region in an empty folder: settings, themes, pages, a
    /// README for editors and publishing workflows. It checks and builds at once.
    Init(InitArgs),
    /// Check the content for mistakes, without writing anything.
    Check(CheckArgs),
    /// Build the site into a folder of static files (public/ by default).
    Build(BuildArgs),
    /// Build the site, serve it on this machine and rebuild when a file changes.
    Serve(ServeArgs),
    /// Write a new content file (organisation, network, table, note or page) with
    /// every field, checked as `areena check` would.
    New(NewArgs),
    /// Write content files from a spreadsheet (CSV, as Excel saves it), checked as
    /// `areena check` would.
    #[command(subcommand)]
    Import(ImportKind),
}

#[derive(Debug, Subcommand)]
pub enum ImportKind {
    /// One content/organisations/<slug>.md per row of FILE.
    Organisations(ImportArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The spreadsheet, saved as CSV (UTF-8 or Windows-1252; `;` or `,` between cells).
    #[arg(value_name = "FILE.csv")]
    pub file: PathBuf,
    /// A TOML file naming the field of each heading that areena does not know.
    #[arg(long, value_name = "mapping.toml")]
    pub map: Option<PathBuf>,
    /// The theme of rows that name none (a theme id or name).
    #[arg(long, value_name = "THEME")]
    pub theme: Option<String>,
    /// Report the problems and what would be written, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Write the valid rows even when other rows have errors (these are reported and left out).
    #[arg(long)]
    pub skip_invalid: bool,
    /// Update existing organisations (same file name, Y-tunnus or name): only the
    /// fields of the spreadsheet's columns change, and `updated`.
    #[arg(long)]
    pub update: bool,
    /// The site's folder (the one with site.toml).
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// The language of the problems reported (default: `language` of site.toml).
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<Language>,
    /// How to report problems.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// Flags every command that reads a site shares.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site's folder (the one with site.toml).
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Include entries marked `draft = true`.
    #[arg(long)]
    pub drafts: bool,
    /// The language of the problems reported (default: `language` of site.toml).
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<Language>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Each problem with the line it is on, for people.
    Human,
    /// One JSON object per problem and line, for editors and scripts.
    Json,
    /// GitHub Actions workflow commands: each problem shown on its line of a pull request.
    Github,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// How to report problems.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Also request every external web address of the content (slow; needs the network).
    #[arg(long)]
    pub external_links: bool,
    /// With --external-links: requests at a time.
    #[arg(long, default_value_t = 8, value_name = "N")]
    pub concurrency: usize,
    /// With --external-links: seconds to wait for each address.
    #[arg(long, default_value_t = 10, value_name = "SECONDS")]
    pub timeout: u64,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Where to write the site (default: `output_dir` of site.toml, or public/).
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// The address the site is served from; overrides `base_url` of site.toml.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// How to report problems.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Print how long each stage took.
    #[arg(long)]
    pub timings: bool,
    /// Write the list of pages (kind and address of each, as JSON) to FILE.
    #[arg(long, value_name = "FILE", hide = true)]
    pub manifest: Option<PathBuf>,
    /// Take over an output folder that holds files areena did not write: everything
    /// in it is deleted. Never needed for a folder areena made.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The port to serve on (0: any free port).
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// The address to listen on. Only this machine can see the preview unless you
    /// give another address (such as 0.0.0.0 to try the site on a phone in the same
    /// network): areena then warns that others can see it too.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDRESS")]
    pub bind: std::net::IpAddr,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder of the new site: created if missing, refused unless empty.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// The region (maakunta) the directory serves, in Finnish or Swedish: "Pirkanmaa", "Österbotten".
    #[arg(long, value_name = "REGION")]
    pub region: String,
    /// The language of the site, its texts and its addresses.
    #[arg(long, value_enum, default_value = "fi", value_name = "LANG")]
    pub language: Language,
    /// The site's title (default: e.g. "Pirkanmaan järjestöt").
    #[arg(long)]
    pub title: Option<String>,
    /// The site's address (default: a placeholder, https://example.org/).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The site's folder (the one with site.toml).
    #[arg(long, default_value = ".", value_name = "DIR", global = true)]
    pub root: PathBuf,
    /// The language of the problems reported (default: `language` of site.toml).
    #[arg(long, value_enum, value_name = "LANG", global = true)]
    pub lang: Option<Language>,
    #[command(subcommand)]
    pub kind: NewKind,
}

#[derive(Debug, Subcommand)]
pub enum NewKind {
    /// content/organisations/<slug>.md
    Organisation {
        /// The organisation's name, e.g. "Keuruun Omaishoitajat ry".
        name: String,
        /// A theme id of content/themes.toml (repeat for more).
        #[arg(long)]
        theme: Vec<String>,
        /// A municipality where it acts (repeat for more).
        #[arg(long)]
        municipality: Vec<String>,
        /// A whole region where it acts (repeat for more).
        #[arg(long)]
        region: Vec<String>,
        /// It acts in the whole country.
        #[arg(long)]
        nationwide: bool,
    },
    /// content/networks/<slug>.md
    Network {
        name: String,
        /// regional-federation, theme-group, local-network or other.
        #[arg(long, default_value = "theme-group")]
        kind: String,
    },
    /// content/partnership-tables/<slug>/index.md
    Table { name: String },
    /// content/partnership-tables/<table>/<date>-<slug>.md (today's date unless --date)
    Note {
        /// The table's folder name.
        #[arg(long)]
        table: String,
        /// The note's title, e.g. "Kokous 3/2026".
        title: String,
        /// The meeting's date (YYYY-MM-DD).
        #[arg(long)]
        date: Option<jiff::civil::Date>,
    },
    /// content/pages/<slug>.md
    Page { title: String },
    /// content/events/<date>-<slug>.md, named by its start date
    Event {
        /// The event's title, e.g. "Järjestöjen syystori".
        title: String,
        /// When it starts: local time in Finland (2026-09-12T10:00), or a date for an all-day event.
        #[arg(long, value_parser = parse_start)]
        start: EventStart,
        /// An organisation's or network's file name without .md (repeat for more).
        #[arg(long)]
        organiser: Vec<String>,
        /// The municipality where it happens.
        #[arg(long)]
        municipality: Option<String>,
        /// It happens on the web.
        #[arg(long)]
        online: bool,
    },
}

/// `--start` of `areena new event`: a local time or a whole day.
#[derive(Debug, Clone, Copy)]
pub enum EventStart {
    At(jiff::civil::DateTime),
    AllDay(jiff::civil::Date),
}

fn parse_start(s: &str) -> Result<EventStart, String> {
    let s = s.trim();
    if let Ok(d) = s.parse::<jiff::civil::Date>()
        && s.len() == 10
    {
        return Ok(EventStart::AllDay(d));
    }
    s.parse::<jiff::civil::DateTime>()
        .map(EventStart::At)
        .map_err(|_| format!("`{s}` is not a time (2026-09-12T10:00) or a date (2026-09-12)"))
}

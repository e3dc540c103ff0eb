//! Render: the model and the index into pages, with the site theme's templates.
//!
//! [`Renderer::jobs`] lists every page; [`Renderer::render`] renders one into bytes
//! and its output path. Jobs are independent, so the caller renders them in parallel
//! and hands each result straight to `write` (no page is kept in memory). Shared data
//! (site, navigation, interface text) is set once in Tera's global context; each page
//! gets only its own small typed view (`views`). This module never writes files.

pub mod atom;
pub mod calendar;
pub mod cms;
pub mod data;
pub mod dates;
pub mod feeds;
pub mod markdown;
pub(crate) mod pages;
pub mod routes;
pub mod structured;
pub mod theme;
pub mod views;

use std::collections::HashMap;
use std::path::PathBuf;

use serde::Serialize;

use crate::diagnostics::{Code, Diagnostic, tr};
use crate::index::{Index, NoteRef};
use crate::model::{EventId, MunicipalityId, NetworkId, OrganisationId, RegionId, Seeking, Site, TableId, ThemeId};
pub use pages::{GROUP_LIMIT, PAGE_SIZE, THEME_PAGE_CARDS, WIDE_ON_MUNICIPALITY_THEME};
pub use routes::Routes;
pub use theme::SiteTheme;

/// One page (or file) of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    Home,
    /// A page of the A–Ö list (0 is the first).
    Organisations(usize),
    Organisation(OrganisationId),
    Themes,
    Theme(ThemeId),
    Municipalities,
    /// A page of a municipality (0 is the first; a long list of local organisations
    /// goes on over further pages).
    Municipality(MunicipalityId, usize),
    /// The organisations of one theme that act in a municipality: locally, across its
    /// region or nationwide (what a municipality page's theme chips lead to).
    MunicipalityTheme(MunicipalityId, ThemeId, usize),
    /// A page of the list of the organisations acting across a whole region (only
    /// without search, when the municipality pages show part of it).
    RegionWide(RegionId, usize),
    /// A page of the list of the nationwide organisations (likewise).
    Nationwide(usize),
    /// The organisations looking for volunteers, members or partners.
    Seeking(Seeking),
    Networks,
    Network(NetworkId),
    Tables,
    Table(TableId),
    Note(NoteRef),
    Coverage,
    CoverageCsv,
    /// Upcoming events by month.
    Events,
    /// Past events by month.
    EventsArchive,
    Event(EventId),
    /// Upcoming events as iCalendar: the whole site's, an organisation's, a municipality's.
    Calendar,
    OrganisationCalendar(OrganisationId),
    MunicipalityCalendar(MunicipalityId),
    Search,
    FreePage(usize),
    /// The accessibility statement (unless a free page of its slug replaces it).
    Accessibility,
    /// The page that lists and explains the open data files.
    OpenData,
    NotFound,
    Sitemap,
    /// The whole site's feed of meeting notes and announcements (`atom.xml`).
    Atom,
    /// A partnership table's notes as Atom (`<table page>/atom.xml`).
    TableFeed(TableId),
    /// A theme's organisations and the notes of its tables as Atom.
    ThemeFeed(ThemeId),
    /// A municipality's local organisations as Atom.
    MunicipalityFeed(MunicipalityId),
    /// The upcoming events as Atom (`<events page>/atom.xml`).
    EventsFeed,
    Robots,
    /// An open data file (`data/organisations.json`, `data/hsds/services.json`, ...).
    Data(data::DataFile),
    /// A file of the web editor under `/admin/` (with `[editing] cms = true`).
    Admin(cms::AdminFile),
}

impl Job {
    /// The kind of page, as the page manifest names it (`None` for files).
    pub fn kind(self) -> Option<&'static str> {
        Some(match self {
            Job::Home => "front",
            Job::Organisations(_) => "organisations",
            Job::Organisation(_) => "organisation",
            Job::Themes => "themes",
            Job::Theme(_) => "theme",
            Job::Municipalities => "municipalities",
            Job::Municipality(..) => "municipality",
            Job::MunicipalityTheme(..) => "municipality-theme",
            Job::RegionWide(..) => "region-wide",
            Job::Nationwide(_) => "nationwide",
            Job::Seeking(_) => "seeking",
            Job::Networks => "networks",
            Job::Network(_) => "network",
            Job::Tables => "tables",
            Job::Table(_) => "table",
            Job::Note(_) => "note",
            Job::Coverage => "coverage",
            Job::Events => "events",
            Job::EventsArchive => "events-archive",
            Job::Event(_) => "event",
            Job::Search => "search",
            Job::FreePage(_) => "page",
            Job::Accessibility => "accessibility",
            Job::OpenData => "open-data",
            Job::NotFound => "not-found",
            Job::CoverageCsv
            | Job::Sitemap
            | Job::Atom
            | Job::TableFeed(_)
            | Job::ThemeFeed(_)
            | Job::MunicipalityFeed(_)
            | Job::EventsFeed
            | Job::Robots
            | Job::Data(_)
            | Job::Calendar
            | Job::OrganisationCalendar(_)
            | Job::MunicipalityCalendar(_)
            | Job::Admin(_) => return None,
        })
    }

    /// Whether each language of the site has its own (the sitemap, robots.txt and the
    /// web editor are made once, in the first language, for all of them).
    pub fn for_each_language(self) -> bool {
        !matches!(self, Job::Sitemap | Job::Robots | Job::Admin(_))
    }

    /// Whether the job is an Atom feed.
    pub fn is_feed(self) -> bool {
        matches!(self, Job::Atom | Job::TableFeed(_) | Job::ThemeFeed(_) | Job::MunicipalityFeed(_) | Job::EventsFeed)
    }

    /// Whether the job is an iCalendar file.
    fn is_calendar(self) -> bool {
        matches!(self, Job::Calendar | Job::OrganisationCalendar(_) | Job::MunicipalityCalendar(_))
    }
}

/// A rendered file: where it goes (relative to the output folder) and its bytes.
pub struct Output {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

#[derive(Serialize)]
struct NavItem {
    key: String,
    name: String,
    url: String,
}

#[derive(Serialize)]
struct SiteGlobal<'a> {
    title: &'a str,
    description: Option<&'a str>,
    lang: &'static str,
    base: &'a str,
    /// Where the static files are: `base`, or in another language of the site
    /// (under `/sv/`) the first language's `base`.
    assets: String,
    region: Option<&'a str>,
    search: bool,
    /// The day the site was built, as readers write dates (`30.11.2026`): printed
    /// handouts say how fresh they are.
    built: String,
}

pub struct Renderer<'a> {
    pub site: &'a Site,
    pub index: &'a Index,
    pub theme: SiteTheme,
    pub routes: Routes,
    /// Content file under `content/` → page URL, for links between content files.
    pub content_pages: HashMap<String, String>,
    /// Every language the site is built in (this one among them), for the links
    /// between the versions of a page; empty for a site in one language.
    pub versions: Vec<Version>,
    /// Page address → its job, to find a page's other versions.
    jobs_by_url: HashMap<String, Job>,
    /// Each organisation's text as plain text, made once for the open data files
    /// that all carry it (JSON, CSV, HSDS), which are made at the same time.
    /// Each organisation's card ([`views::OrganisationItem`]) as the template engine's
    /// value, made once and shared by every list it is on (a large directory's
    /// organisation is on a dozen lists: its municipalities, themes, their pairs).
    cards: Vec<std::sync::OnceLock<views::Card>>,
    /// Where each initial letter starts in the A–Ö list (position, letter), made once
    /// for all the pages of the list.
    letter_starts: std::sync::OnceLock<Vec<(usize, String)>>,
    /// The theme's section components ([`section_components`]).
    section_components: Vec<String>,
    /// Page section → what each section component makes for it (`section_html`),
    /// made at the first page of the section.
    section_html: std::sync::Mutex<HashMap<String, tera::Value>>,
}

/// The site in one of its languages: its addresses and the name of the language
/// in itself ("På svenska"), for the language switcher.
#[derive(Debug, Clone)]
pub struct Version {
    pub lang: crate::model::Language,
    pub routes: Routes,
    pub label: String,
}

/// One language version of a page, for `<link rel="alternate" hreflang>` and the
/// language switcher.
#[derive(Serialize)]
struct Alternate<'a> {
    lang: &'static str,
    /// Path from the host root.
    url: String,
    /// Full URL.
    href: String,
    label: &'a str,
    current: bool,
}

impl<'a> Renderer<'a> {
    pub fn new(site: &'a Site, index: &'a Index, mut theme: SiteTheme, routes: Routes) -> Renderer<'a> {
        let content_pages = content_pages(site, &routes);
        let cfg = &site.config;
        // The main navigation: the index page of each kind, named by its kind.
        let mut nav: Vec<NavItem> = NAVIGATION
            .iter()
            .filter_map(|&job| {
                let kind = job.kind()?;
                Some(NavItem { key: kind.into(), name: theme.t(kind), url: page_url(site, &routes, job)? })
            })
            .collect();
        let mut menu: Vec<_> = site.pages.iter().filter(|p| p.menu).collect();
        menu.sort_by(|a, b| a.weight.cmp(&b.weight).then_with(|| a.title.cmp(&b.title)));
        nav.extend(menu.into_iter().map(|p| NavItem {
            key: format!("page-{}", p.slug),
            name: p.title.clone(),
            url: routes.free_page(&p.slug),
        }));

        let mut urls = HashMap::new();
        urls.insert("home", routes.home());
        urls.insert("organisations", routes.organisations());
        urls.insert("themes", routes.themes());
        urls.insert("municipalities", routes.municipalities());
        urls.insert("networks", routes.networks());
        urls.insert("tables", routes.tables());
        urls.insert("search", routes.search());
        urls.insert("coverage", routes.coverage());
        urls.insert("events", routes.events());
        urls.insert("events_archive", routes.events_archive());
        urls.insert("calendar", routes.calendar());
        urls.insert("atom", routes.file("atom.xml"));
        urls.insert("sitemap", routes.shared("sitemap.xml"));
        urls.insert("css", routes.shared("style.css"));
        urls.insert("accessibility", routes.accessibility());
        urls.insert("open_data", routes.open_data());
        if let Some(join) = site.pages.iter().find(|p| p.slug == cfg.paths.join) {
            urls.insert("join", routes.free_page(&join.slug));
        }

        let region = cfg.region.map(|r| site.municipalities.regions[r].name.as_str());
        let global = SiteGlobal {
            title: &cfg.title,
            description: cfg.description.as_deref(),
            lang: cfg.language.code(),
            base: routes.base(),
            assets: routes.shared(""),
            region,
            search: cfg.search_enabled,
            built: dates::format(site.today, cfg.language),
        };
        let g = theme.tera.global_context();
        // Every name here is in `GLOBALS`.
        g.insert("site", &global);
        g.insert("t", &theme.text);
        g.insert("nav", &nav);
        // The same split as two lists, made once rather than on every page.
        let (pages, sections): (Vec<&NavItem>, Vec<&NavItem>) = nav.iter().partition(|i| i.key.starts_with("page-"));
        g.insert("nav_sections", &sections);
        g.insert("nav_pages", &pages);
        g.insert("urls", &urls);
        let cards = site.organisations.iter().map(|_| std::sync::OnceLock::new()).collect();
        let (versions, jobs_by_url) = (Vec::new(), HashMap::new());
        let letter_starts = std::sync::OnceLock::new();
        let section_components = section_components(&theme.tera);
        Renderer {
            site,
            index,
            theme,
            routes,
            content_pages,
            versions,
            jobs_by_url,
            cards,
            letter_starts,
            section_components,
            section_html: Default::default(),
        }
    }

    /// `section_html` of a page of `section`: each section component of the theme
    /// as it renders for that section, by name (without those it cannot render on
    /// its own: the page calls them and reports the error).
    fn section_html(&self, section: &str) -> tera::Value {
        if self.section_components.is_empty() {
            return tera::Value::from(tera::Map::default());
        }
        if let Some(v) = self.section_html.lock().expect("lock").get(section) {
            return v.clone();
        }
        let mut ctx = tera::Context::new();
        ctx.insert("section", section);
        let mut map = tera::Map::default();
        for name in &self.section_components {
            if let Ok(html) = self.theme.tera.render_component(name, &ctx, None, true) {
                map.insert(name.clone().into(), tera::Value::safe_string(&html));
            }
        }
        let v = tera::Value::from(map);
        self.section_html.lock().expect("lock").insert(section.to_string(), v.clone());
        v
    }

    /// Where each initial letter starts in the A–Ö list: (position, letter).
    pub(crate) fn letter_starts(&self) -> &[(usize, String)] {
        self.letter_starts.get_or_init(|| {
            let lang = self.site.config.language;
            let mut starts: Vec<(usize, String)> = Vec::new();
            for (pos, &id) in self.index.order.iter().enumerate() {
                let letter = crate::index::collation::initial(&self.site.organisations[id].name, lang);
                if starts.last().is_none_or(|(_, last)| *last != letter) {
                    starts.push((pos, letter));
                }
            }
            starts
        })
    }

    /// The text of organisation `o` as plain text (see [`crate::model::body::plain_text`]).
    pub(crate) fn organisation_text(&self, o: OrganisationId) -> &str {
        self.site.organisations[o].body.text()
    }

    /// The languages the site is built in (see [`Version`]): each page links to its
    /// version in each of them.
    pub fn set_versions(&mut self, versions: Vec<Version>) {
        if versions.len() > 1 {
            self.jobs_by_url = self.jobs().into_iter().filter_map(|j| Some((self.page_url(j)?, j))).collect();
        }
        self.versions = versions;
    }

    /// The versions of the page at `url` in every language of the site (none for a
    /// site in one language).
    fn alternates(&self, url: &str) -> Vec<Alternate<'_>> {
        let Some(&job) = self.jobs_by_url.get(url) else { return Vec::new() };
        if job == Job::NotFound {
            return Vec::new();
        }
        self.versions
            .iter()
            .filter_map(|v| {
                let url = page_url(self.site, &v.routes, job)?;
                Some(Alternate {
                    lang: v.lang.code(),
                    href: v.routes.absolute(&url),
                    url,
                    label: &v.label,
                    current: v.lang == self.site.config.language,
                })
            })
            .collect()
    }

    /// Every page and file of the site: the one list of what the build makes. The
    /// pages come first, in the order of the sitemap, which is made from this list.
    pub fn jobs(&self) -> Vec<Job> {
        let (s, ix) = (self.site, self.index);
        let mut jobs = vec![
            Job::Home,
            Job::Organisations(0),
            Job::Themes,
            Job::Municipalities,
            Job::Networks,
            Job::Tables,
            Job::Coverage,
            Job::Events,
            Job::EventsArchive,
        ];
        if s.config.search_enabled {
            jobs.push(Job::Search);
        }
        let pages = s.organisations.len().div_ceil(pages::PAGE_SIZE).max(1);
        jobs.extend((1..pages).map(Job::Organisations));
        jobs.extend(ix.order.iter().map(|&o| Job::Organisation(o)));
        jobs.extend(ThemeId::all(s.themes.len()).map(Job::Theme));
        for &m in &ix.municipality_pages {
            let pages = ix.local[m].len().div_ceil(pages::PAGE_SIZE).max(1);
            jobs.extend((0..pages).map(|p| Job::Municipality(m, p)));
            let local = ix.local_theme_counts(s, m);
            for (t, _) in ix.municipality_themes(s, m) {
                let pages = local[t.index()].div_ceil(pages::PAGE_SIZE).max(1);
                jobs.extend((0..pages).map(|p| Job::MunicipalityTheme(m, t, p)));
            }
        }
        if !s.config.search_enabled {
            // The whole lists that the municipality pages link to when they show only
            // part of them (with search on, the links go to search instead).
            for (r, ids) in ix.region_wide.iter().enumerate() {
                if ids.len() > pages::GROUP_LIMIT {
                    jobs.extend(
                        (0..ids.len().div_ceil(pages::PAGE_SIZE)).map(|p| Job::RegionWide(RegionId::new(r), p)),
                    );
                }
            }
            if ix.nationwide.len() > pages::GROUP_LIMIT {
                jobs.extend((0..ix.nationwide.len().div_ceil(pages::PAGE_SIZE)).map(Job::Nationwide));
            }
        }
        for &k in Seeking::ALL {
            if ix.order.iter().any(|&o| s.organisations[o].seeking.contains(&k)) {
                jobs.push(Job::Seeking(k));
            }
        }
        jobs.extend(ix.network_order.iter().map(|&n| Job::Network(n)));
        for &t in &ix.table_order {
            jobs.push(Job::Table(t));
            jobs.extend((0..s.tables[t].notes.len()).map(|note| Job::Note(NoteRef { table: t, note })));
        }
        jobs.extend(ix.events.upcoming.iter().chain(&ix.events.past).map(|&e| Job::Event(e)));
        jobs.extend((0..s.pages.len()).map(Job::FreePage));
        if !s.pages.iter().any(|p| p.slug == s.config.paths.accessibility) {
            jobs.push(Job::Accessibility);
        }
        if !s.pages.iter().any(|p| p.slug == s.config.paths.open_data) {
            jobs.push(Job::OpenData);
        }
        jobs.extend([Job::NotFound, Job::CoverageCsv, Job::Sitemap, Job::Atom, Job::Robots]);
        jobs.extend(data::DataFile::all().into_iter().map(Job::Data));
        jobs.extend([Job::Calendar, Job::EventsFeed]);
        jobs.extend(ix.table_order.iter().map(|&t| Job::TableFeed(t)));
        jobs.extend(ThemeId::all(s.themes.len()).map(Job::ThemeFeed));
        jobs.extend(ix.municipality_pages.iter().map(|&m| Job::MunicipalityFeed(m)));
        jobs.extend(ix.events.organisation_calendars.iter().map(|&o| Job::OrganisationCalendar(o)));
        jobs.extend(ix.events.municipality_calendars.iter().map(|&m| Job::MunicipalityCalendar(m)));
        if s.config.editing.cms {
            jobs.extend(cms::AdminFile::all().into_iter().map(Job::Admin));
        }
        jobs
    }

    /// The jobs of a site's other language: its pages and the files made for each
    /// language (the sitemap and robots.txt are made once, in the first language).
    pub fn jobs_of_other_language(&self) -> Vec<Job> {
        self.jobs().into_iter().filter(|j| j.for_each_language()).collect()
    }

    /// The address of a page job (`None` for a file such as `sitemap.xml`).
    pub fn page_url(&self, job: Job) -> Option<String> {
        page_url(self.site, &self.routes, job)
    }

    /// The address of any job, page or file.
    pub fn url(&self, job: Job) -> String {
        match job {
            Job::Admin(file) => cms::url(self, file),
            _ => self.page_url(job).unwrap_or_else(|| feeds::file_url(self, job)),
        }
    }

    /// Where a job's output goes, relative to the output folder.
    pub fn output_path(&self, job: Job) -> PathBuf {
        self.routes.output_path(&self.url(job))
    }

    /// When the content of a page last changed, where the content says.
    pub fn last_modified(&self, job: Job) -> Option<jiff::civil::Date> {
        let s = self.site;
        match job {
            Job::Organisation(o) => s.organisations[o].updated,
            Job::Network(n) => s.networks[n].updated,
            Job::Table(t) => s.tables[t].notes.first().map(|n| n.date).max(s.tables[t].updated),
            Job::Note(n) => Some(s.tables[n.table].notes[n.note].date),
            Job::Accessibility => s.config.accessibility.assessed,
            _ => None,
        }
    }

    /// Render one job.
    pub fn render(&self, job: Job) -> Result<Output, Diagnostic> {
        match job {
            Job::Sitemap | Job::Robots | Job::CoverageCsv => feeds::render(self, job),
            Job::Data(f) => data::render(self, f),
            _ if job.is_feed() => Ok(Output { path: self.output_path(job), bytes: self.atom(job).into_bytes() }),
            _ if job.is_calendar() => calendar::render(self, job),
            Job::Admin(file) => Ok(cms::render(self, file)),
            _ => pages::render(self, job),
        }
    }

    /// For a job whose file a build writes as it is made instead of rendering it into
    /// memory first (the open data files, which hold the whole directory): where it
    /// goes, and which file it is ([`Renderer::write_data`] writes it). `None` for the
    /// other jobs.
    pub fn streamed(&self, job: Job) -> Option<(PathBuf, data::DataFile)> {
        match job {
            Job::Data(f) => Some((data::output_path(self, f), f)),
            _ => None,
        }
    }

    /// Write open data file `f` on to `out` as it is made.
    pub fn write_data(&self, f: data::DataFile, out: &mut dyn std::io::Write) -> Result<(), Diagnostic> {
        data::write(self, f, out)
    }

    /// What `<head>` says about a page: its description for search engines and link
    /// previews, the preview picture and the locale.
    fn head<'m>(&'m self, meta: &'m views::PageMeta<'_>) -> views::HeadView<'m> {
        let cfg = &self.site.config;
        let description = meta
            .description
            .as_deref()
            .filter(|d| !d.trim().is_empty())
            .or(cfg.description.as_deref())
            .unwrap_or(&meta.title);
        let image =
            meta.image.clone().or_else(|| cfg.image.as_ref().map(|i| self.routes.absolute(&self.routes.file(i))));
        let locale = match cfg.language {
            crate::model::Language::Fi => "fi_FI",
            crate::model::Language::Sv => "sv_FI",
            crate::model::Language::En => "en_GB",
        };
        views::HeadView { description, image, locale }
    }

    fn template<T: Serialize>(
        &self,
        template: &str,
        meta: &views::PageMeta<'_>,
        key: &str,
        view: Option<&T>,
    ) -> Result<Output, Diagnostic> {
        // A page that says nothing more specific is a `WebPage` of the site.
        let described;
        let meta = if meta.json_ld.is_empty() {
            let mut m = meta.clone();
            m.json_ld = vec![structured::script_json(&self.web_page_json_ld("WebPage", meta))];
            described = m;
            &described
        } else {
            meta
        };
        let mut ctx = tera::Context::new();
        ctx.insert("page", meta);
        ctx.insert("alternates", &self.alternates(&meta.url));
        ctx.insert("head", &self.head(meta));
        ctx.insert("section_html", &self.section_html(&meta.section));
        if let Some(v) = view {
            ctx.insert(key.to_string(), v);
        }
        // Rendered into a buffer sized for a typical page: grown from tera's own
        // guess, most pages were copied several times over while being written.
        let mut html = Vec::with_capacity(PAGE_CAPACITY);
        self.theme.tera.render_to(template, &ctx, &mut html).map_err(|e| {
            let mut msg = e.to_string();
            let mut src = std::error::Error::source(&e);
            while let Some(s) = src {
                msg.push_str(": ");
                msg.push_str(&s.to_string());
                src = s.source();
            }
            Diagnostic::error(Code::TemplateError, &format!("templates/{template}"), None, {
                let url = &meta.url;
                tr!(
                    en: "rendering {url} failed: {msg}",
                    fi: "sivun {url} tekeminen epäonnistui (tarkempi tekninen kuvaus englanniksi: `--lang en`)",
                    sv: "sidan {url} kunde inte göras (en närmare teknisk beskrivning på engelska: `--lang en`)"
                )
            })
            .with_help(tr!(
                en: "fix the template; the fields each template gets are listed in docs/themes.md",
                fi: "korjaa sivupohja; kunkin sivupohjan saamat tiedot luetellaan ohjeessa docs/themes.md",
                sv: "rätta sidmallen; uppgifterna som varje sidmall får räknas upp i anvisningen docs/themes.md"
            ))
        })?;
        Ok(Output { path: self.routes.output_path(&meta.url), bytes: html })
    }
}

/// Content file under `content/` → page URL, for links between content files.
fn content_pages(site: &Site, routes: &Routes) -> HashMap<String, String> {
    let mut content_pages = HashMap::new();
    for o in &site.organisations {
        content_pages.insert(format!("organisations/{}.md", o.slug), routes.organisation(&o.slug));
    }
    for n in &site.networks {
        content_pages.insert(format!("networks/{}.md", n.slug), routes.network(&n.slug));
    }
    for t in &site.tables {
        content_pages.insert(format!("partnership-tables/{}/index.md", t.slug), routes.table(&t.slug));
        for n in &t.notes {
            content_pages.insert(format!("partnership-tables/{}/{}.md", t.slug, n.slug), routes.note(&t.slug, &n.slug));
        }
    }
    for p in &site.pages {
        content_pages.insert(format!("pages/{}.md", p.slug), routes.free_page(&p.slug));
    }
    for e in &site.events {
        content_pages.insert(format!("events/{}.md", e.slug), routes.event(&e.slug));
    }
    content_pages
}

/// The theme's section components: those whose one argument is `section` and whose
/// implicit arguments are values of the global context. Such a component makes the
/// same HTML on every page of a section (the main navigation with its current
/// entry), so it is rendered once per section and the pages write what it made
/// (`section_html`) instead of calling it.
fn section_components(tera: &tera::Tera) -> Vec<String> {
    let mut names: Vec<String> = tera
        .get_component_names()
        .filter(|name| {
            tera.get_component_definition(name).is_some_and(|def| {
                let (implicit, explicit): (Vec<_>, Vec<_>) = def.args().iter().partition(|a| a.is_implicit());
                def.rest_param().is_none()
                    && matches!(explicit.as_slice(), [a] if a.name() == "section")
                    && implicit.iter().all(|a| GLOBALS.contains(&a.name()))
            })
        })
        .map(str::to_string)
        .collect();
    names.sort();
    names
}

/// The names of the values in the template engine's global context, the same on
/// every page of a language.
pub(crate) const GLOBALS: [&str; 6] = ["site", "t", "nav", "nav_sections", "nav_pages", "urls"];

/// The buffer a page is rendered into at first: larger than most pages (an
/// organisation's is 10–20 kB), so that few grow.
const PAGE_CAPACITY: usize = 64 * 1024;

/// Make each renderer link to the versions of its pages in the others' languages.
pub fn set_versions(first: &mut Renderer<'_>, others: &mut [Renderer<'_>]) {
    if others.is_empty() {
        return;
    }
    let versions: Vec<Version> = std::iter::once(&*first)
        .chain(others.iter())
        .map(|r| Version { lang: r.site.config.language, routes: r.routes.clone(), label: r.theme.t("language_self") })
        .collect();
    first.set_versions(versions.clone());
    for r in others {
        r.set_versions(versions.clone());
    }
}

/// The index pages of the main navigation, in its order.
const NAVIGATION: [Job; 7] =
    [Job::Organisations(0), Job::Themes, Job::Municipalities, Job::Networks, Job::Tables, Job::Events, Job::Coverage];

/// The address of a page job (`None` for a file such as `sitemap.xml`).
fn page_url(s: &Site, rt: &Routes, job: Job) -> Option<String> {
    Some(match job {
        Job::Home => rt.home(),
        Job::Organisations(0) => rt.organisations(),
        Job::Organisations(p) => rt.organisations_page(p + 1),
        Job::Organisation(o) => rt.organisation(&s.organisations[o].slug),
        Job::Themes => rt.themes(),
        Job::Theme(t) => rt.theme(&s.themes[t].id),
        Job::Municipalities => rt.municipalities(),
        Job::Municipality(m, 0) => rt.municipality(&s.municipalities.list[m].slug),
        Job::Municipality(m, p) => rt.municipality_page(&s.municipalities.list[m].slug, p + 1),
        Job::MunicipalityTheme(m, t, 0) => rt.municipality_theme(&s.municipalities.list[m].slug, &s.themes[t].id),
        Job::MunicipalityTheme(m, t, p) => {
            rt.municipality_theme_page(&s.municipalities.list[m].slug, &s.themes[t].id, p + 1)
        }
        Job::RegionWide(r, p) => rt.region_wide(&s.municipalities.regions[r].slug, p + 1),
        Job::Nationwide(p) => rt.nationwide(p + 1),
        Job::Seeking(k) => rt.seeking(k),
        Job::Networks => rt.networks(),
        Job::Network(n) => rt.network(&s.networks[n].slug),
        Job::Tables => rt.tables(),
        Job::Table(t) => rt.table(&s.tables[t].slug),
        Job::Note(n) => rt.note(&s.tables[n.table].slug, &s.tables[n.table].notes[n.note].slug),
        Job::Coverage => rt.coverage(),
        Job::Events => rt.events(),
        Job::EventsArchive => rt.events_archive(),
        Job::Event(e) => rt.event(&s.events[e].slug),
        Job::Search => rt.search(),
        Job::FreePage(p) => rt.free_page(&s.pages[p].slug),
        Job::Accessibility => rt.accessibility(),
        Job::OpenData => rt.open_data(),
        Job::NotFound => rt.file("404.html"),
        Job::CoverageCsv
        | Job::Sitemap
        | Job::Atom
        | Job::TableFeed(_)
        | Job::ThemeFeed(_)
        | Job::MunicipalityFeed(_)
        | Job::EventsFeed
        | Job::Robots
        | Job::Data(_)
        | Job::Calendar
        | Job::OrganisationCalendar(_)
        | Job::MunicipalityCalendar(_)
        | Job::Admin(_) => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn section_components_are_those_of_one_section_argument_and_global_values() {
        let mut tera = tera::Tera::default();
        tera.add_raw_template(
            "components.html",
            r#"{% component bar(section: string, @nav, @t) %}{{ section }}{% endcomponent bar %}
{% component menu(section, @urls) %}{{ section }}{% endcomponent menu %}
{% component reads_page(section: string, @page = none) %}{{ section }}{% endcomponent reads_page %}
{% component two(section: string, other) %}{{ section }}{% endcomponent two %}
{% component other_name(current: string, @nav) %}{{ current }}{% endcomponent other_name %}
{% component none_at_all() %}x{% endcomponent none_at_all %}"#,
        )
        .unwrap();
        assert_eq!(super::section_components(&tera), vec!["bar".to_string(), "menu".to_string()]);
        // The default theme's two navigations are.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site");
        let settings = crate::pipeline::Settings { drafts: false, today: "2026-11-23".parse().unwrap() };
        let site = crate::pipeline::check(&root, settings).unwrap().site;
        let theme = crate::pipeline::load_theme(&root, &site, &mut Default::default()).unwrap();
        assert_eq!(super::section_components(&theme.tera), vec!["phone_nav".to_string(), "site_nav".to_string()]);
    }
}

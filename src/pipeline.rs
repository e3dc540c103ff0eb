//! The stages in order: load → model → index → render → write. Every stage adds to
//! one [`Diagnostics`]; a stage boundary decides whether to go on.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::diagnostics::{Code, Diagnostic, Diagnostics, tr};
use crate::index::Index;
use crate::load::{self, LoadError};
use crate::model::{self, Site};
use crate::render::{self, Renderer, Routes};
use crate::write::Staging;
use crate::write::guard::Refusal;

/// Settings that change what the pipeline keeps.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub drafts: bool,
    pub today: jiff::civil::Date,
}

/// The outcome of loading and validating a site.
pub struct Checked {
    pub site: Site,
    pub diagnostics: Diagnostics,
}

/// Load and validate the site at `root`.
pub fn check(root: &Path, settings: Settings) -> Result<Checked, LoadError> {
    check_timed(root, settings, &mut Timings::default())
}

/// `check`, then request every external address of the content.
pub fn check_external(
    root: &Path,
    settings: Settings,
    concurrency: usize,
    timeout: Duration,
) -> Result<(Checked, crate::links::Summary), LoadError> {
    let mut diagnostics = Diagnostics::new();
    let loaded = load::load(root, &mut diagnostics)?;
    let site =
        model::resolve(&loaded, model::Options { drafts: settings.drafts, today: settings.today }, &mut diagnostics);
    let links = crate::links::collect(&loaded);
    let (found, summary) = crate::links::check(&links, concurrency, timeout);
    diagnostics.extend(found);
    Ok((Checked { site, diagnostics }, summary))
}

fn check_timed(root: &Path, settings: Settings, timings: &mut Timings) -> Result<Checked, LoadError> {
    check_with(root, settings, None, timings)
}

/// `check`, reading again only the files of `cache` that changed, with `base_url` in
/// place of site.toml's (for `serve`).
pub(crate) fn check_cached(
    root: &Path,
    settings: Settings,
    base_url: Option<&str>,
    cache: &mut load::FileCache,
) -> Result<Checked, LoadError> {
    let mut checked = check_with(root, settings, Some(cache), &mut Timings::default())?;
    apply_base_url(&mut checked.site, base_url, &mut checked.diagnostics);
    Ok(checked)
}

fn check_with(
    root: &Path,
    settings: Settings,
    mut cache: Option<&mut load::FileCache>,
    timings: &mut Timings,
) -> Result<Checked, LoadError> {
    let mut diagnostics = Diagnostics::new();
    let t = Instant::now();
    let loaded = load::load_with(root, &mut diagnostics, cache.as_deref_mut())?;
    timings.push("load", t.elapsed());
    let t = Instant::now();
    let site =
        model::resolve(&loaded, model::Options { drafts: settings.drafts, today: settings.today }, &mut diagnostics);
    timings.push("validate", t.elapsed());
    let t = Instant::now();
    if let Some(c) = cache {
        c.give_back(loaded);
    }
    timings.push("give back", t.elapsed());
    Ok(Checked { site, diagnostics })
}

/// The settings of site.toml alone, through the same reader and checks as a build
/// (with the built-in municipalities); problems are left to the build to report.
pub fn site_config(root: &Path) -> Result<crate::model::SiteConfig, LoadError> {
    let mut diagnostics = Diagnostics::new();
    let file = load::site_file(root, &mut diagnostics)?;
    Ok(crate::model::config::site_config(root, &file, crate::model::Municipalities::builtin(), &mut diagnostics))
}

/// The language of the reports: `--lang` when given, else `language` of site.toml
/// (read even when site.toml has other mistakes), else Finnish, the default language
/// of a site (also when site.toml cannot be read or names a language areena has no
/// reports in).
pub fn report_language(root: &Path, lang: Option<crate::diagnostics::Language>) -> crate::diagnostics::Language {
    use crate::diagnostics::Language;
    if let Some(l) = lang {
        return l;
    }
    let Ok(text) = std::fs::read_to_string(root.join("site.toml")) else { return Language::Fi };
    let (table, _) = toml::de::DeTable::parse_recoverable(&text);
    table
        .get_ref()
        .get("language")
        .and_then(|v| v.get_ref().as_str())
        .and_then(|s| Language::parse(s.trim()))
        .unwrap_or(Language::Fi)
}

/// Today's date, or the date in `AREENA_TODAY` (YYYY-MM-DD) when set, so that checks
/// which depend on the date (`stale_after_months`) can be reproduced.
pub fn today() -> jiff::civil::Date {
    if let Ok(s) = std::env::var("AREENA_TODAY")
        && let Ok(d) = s.trim().parse()
    {
        return d;
    }
    jiff::ZonedDateTime::now().date()
}

/// Durations of the stages of one run.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    pub stages: Vec<(&'static str, Duration)>,
}

impl Timings {
    fn push(&mut self, stage: &'static str, d: Duration) {
        self.stages.push((stage, d));
    }
}

/// What `build` was asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub settings: Settings,
    /// Output folder; default: `output_dir` of site.toml, relative to the root.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` of site.toml.
    pub base_url: Option<String>,
    /// Take over an output folder that holds files areena did not write (once).
    pub force: bool,
    /// Also write the list of pages (kind and address of each, JSON) to this file.
    pub manifest: Option<PathBuf>,
}

pub struct Built {
    pub diagnostics: Diagnostics,
    /// Pages and files written (0 when the build failed).
    pub files: usize,
    /// Of those, files the same as the previous output's, kept instead of written.
    pub kept: usize,
    pub output: PathBuf,
    pub timings: Timings,
}

/// Build the site at `root`. Content problems are in the returned diagnostics; the
/// output is replaced only when there are none.
pub fn build(root: &Path, opts: &BuildOptions) -> Result<Built, LoadError> {
    // A test hook: a build panics while the file named here exists (to test that
    // `serve` survives an internal error).
    if let Some(p) = std::env::var_os("AREENA_TEST_PANIC_IF")
        && Path::new(&p).exists()
    {
        panic!("test hook AREENA_TEST_PANIC_IF");
    }
    let mut timings = Timings::default();
    let Checked { mut site, mut diagnostics } = check_timed(root, opts.settings, &mut timings)?;
    apply_base_url(&mut site, opts.base_url.as_deref(), &mut diagnostics);
    let output = checked_output(root, &site, opts, &mut diagnostics);
    let mut built = Built { diagnostics: Diagnostics::new(), files: 0, kept: 0, output, timings: Timings::default() };
    if diagnostics.has_errors() {
        built.diagnostics = diagnostics;
        built.timings = timings;
        return Ok(built);
    }

    let t = Instant::now();
    let index = Index::build(&site);
    timings.push("index", t.elapsed());

    let t = Instant::now();
    let Some(theme) = load_theme(root, &site, &mut diagnostics) else {
        built.diagnostics = diagnostics;
        return Ok(built);
    };
    let translated = in_other_languages(&site);
    let Some(other_themes) = other_themes(root, &translated, &mut diagnostics) else {
        built.diagnostics = diagnostics;
        return Ok(built);
    };
    let (renderer, others) = renderers(&site, &index, theme, &translated, other_themes);
    let output = built.output.clone();
    let staging = Staging::new(&output, opts.force).map_err(|e| LoadError::Io { path: output.clone(), source: e })?;
    let out = Out { staging, errors: Mutex::new(Vec::new()) };
    let (jobs, other_jobs) = jobs_of_every_language(&renderer, &others);
    // The page list, only when asked for (it is made for every page).
    let manifest: Vec<serde_json::Value> = match opts.manifest {
        Some(_) => page_list(std::iter::once((&renderer, &jobs)).chain(others.iter().zip(&other_jobs))),
        None => Vec::new(),
    };
    out.statics(&renderer);
    let (mut generated, mut cpu) = out.pages(&renderer, &jobs);
    let other_records = out.other_languages(&others, &other_jobs, &mut generated, &mut cpu);
    let files_of_others: usize = other_jobs.iter().map(Vec::len).sum();
    drop(others);
    drop(translated);
    timings.push("render+write", t.elapsed());
    for d in static_collisions(root, &renderer, &generated) {
        out.error(d);
    }
    let mut files = jobs.len() + files_of_others + renderer.theme.statics.len();
    if site.config.search_enabled {
        let t = Instant::now();
        let records = crate::search::records(&renderer);
        timings.push("  make records", t.elapsed());
        // Indexing needs only the records: let go of the content first (most of the
        // memory of a large build), keeping the sources of files with reports.
        drop(renderer);
        // Letting go of a large directory's millions of small pieces takes a while:
        // another thread does it while indexing starts.
        let letting_go = std::thread::spawn(move || drop((index, site)));
        diagnostics.keep_reported_sources();
        // Each language's records go into its own index (`/sv/pagefind/`), made
        // with that language's stemming.
        for (prefix, records) in std::iter::once((String::new(), records)).chain(other_records) {
            files += out.search(records, &prefix, t, &mut timings).unwrap_or(0);
        }
        let _ = letting_go.join();
    }
    timings.push("  render (cpu)", cpu.0);
    timings.push("  write (cpu)", cpu.1);
    finish(out, opts, &manifest, diagnostics, timings, built, files)
}

/// The site in each of its other languages (under `/<lang>/`), indexed.
pub(crate) fn in_other_languages(site: &Site) -> Vec<(Site, Index)> {
    site.config.languages[1..]
        .iter()
        .map(|&l| {
            let s = site.in_language(l);
            let ix = Index::build(&s);
            (s, ix)
        })
        .collect()
}

/// The site theme of each of the site's other languages (its interface text in that
/// language); `None` when a theme has problems (reported in `diagnostics`).
pub(crate) fn other_themes(
    root: &Path,
    translated: &[(Site, Index)],
    diagnostics: &mut Diagnostics,
) -> Option<Vec<render::SiteTheme>> {
    translated.iter().map(|(s, _)| load_theme(root, s, diagnostics)).collect()
}

/// The renderer of the site's first language and one for each other language (each
/// with its theme, from [`other_themes`], writing under `/<lang>/` of the output),
/// with the links between the versions of a page set.
pub(crate) fn renderers<'s, 't>(
    site: &'s Site,
    index: &'s Index,
    theme: render::SiteTheme,
    translated: &'t [(Site, Index)],
    other_themes: Vec<render::SiteTheme>,
) -> (Renderer<'s>, Vec<Renderer<'t>>) {
    let base = &site.config.base_url;
    let mut first = Renderer::new(site, index, theme, Routes::new(base, &site.config.paths));
    let mut others: Vec<Renderer<'t>> = translated
        .iter()
        .zip(other_themes)
        .map(|((s, ix), theme)| {
            let routes = Routes::new(&s.config.base_url, &s.config.paths).within(base);
            Renderer::new(s, ix, theme, routes)
        })
        .collect();
    render::set_versions(&mut first, &mut others);
    (first, others)
}

/// What each language makes: every page and file of the first language, and the
/// pages of each other language (the files such as the sitemap are made once).
pub(crate) fn jobs_of_every_language(
    first: &Renderer<'_>,
    others: &[Renderer<'_>],
) -> (Vec<render::Job>, Vec<Vec<render::Job>>) {
    (first.jobs(), others.iter().map(Renderer::jobs_of_other_language).collect())
}

/// The folder of an other language's search bundle in the output (`sv/` for the
/// Swedish one, which goes to `sv/pagefind/`).
pub(crate) fn search_prefix(other: &Renderer<'_>) -> String {
    format!("{}/", other.site.config.language.code())
}

/// Move the files of a search bundle under `prefix` of the output (nothing for the
/// first language, whose prefix is empty).
pub(crate) fn put_under(files: &mut [crate::search::SearchFile], prefix: &str) {
    if !prefix.is_empty() {
        for f in files {
            f.path = Path::new(prefix).join(&f.path);
        }
    }
}

/// The page manifest: the kind, address and language of every page of every language.
fn page_list<'r, 's: 'r>(
    renderers: impl Iterator<Item = (&'r Renderer<'s>, &'r Vec<render::Job>)>,
) -> Vec<serde_json::Value> {
    renderers
        .flat_map(|(r, jobs)| {
            let lang = r.site.config.language.code();
            jobs.iter().filter_map(move |&j| {
                Some(serde_json::json!({ "kind": j.kind()?, "url": r.page_url(j)?, "lang": lang }))
            })
        })
        .collect()
}

/// The site theme that site.toml names; `None` when its templates have problems
/// (reported in `diagnostics` with their sources).
/// The search records of the site at `root` as a build hands them to Pagefind: the
/// address and the HTML of each (its weights, filters and meta fields in
/// `data-pagefind-*` attributes), in the index's order. Empty when search is off;
/// `None` when the site has errors. For looking at what search holds (the tests do).
pub fn search_records(root: &Path, settings: Settings) -> Result<Option<Vec<(String, String)>>, LoadError> {
    let Checked { site, mut diagnostics } = check(root, settings)?;
    if diagnostics.has_errors() {
        return Ok(None);
    }
    if !site.config.search_enabled {
        return Ok(Some(Vec::new()));
    }
    let index = Index::build(&site);
    let Some(theme) = load_theme(root, &site, &mut diagnostics) else { return Ok(None) };
    let routes = Routes::new(&site.config.base_url, &site.config.paths);
    Ok(Some(crate::search::record_pages(&Renderer::new(&site, &index, theme, routes))))
}

pub(crate) fn load_theme(root: &Path, site: &Site, diagnostics: &mut Diagnostics) -> Option<render::SiteTheme> {
    let cfg = &site.config;
    match render::theme::load(root, &cfg.theme, cfg.language.code(), &cfg.publish_dot_files) {
        Ok(theme) => Some(theme),
        Err(errs) => {
            for (file, text) in errs.sources {
                diagnostics.add_source(&file, text.into());
            }
            diagnostics.extend(errs.diagnostics);
            None
        }
    }
}

/// The static files of the output (the theme's and the site's): the theme's search
/// script goes only with a search index.
pub(crate) fn statics<'r>(
    renderer: &'r Renderer<'_>,
) -> impl Iterator<Item = (&'r String, &'r render::theme::StaticSource)> {
    let search = renderer.site.config.search_enabled;
    renderer.theme.statics.iter().filter(move |(rel, _)| search || rel.as_str() != crate::search::SCRIPT)
}

/// A file of static/ (or of the theme) with the path of a generated page would be
/// silently replaced: it is an error at the static file.
pub(crate) fn static_collisions(root: &Path, renderer: &Renderer<'_>, generated: &HashSet<String>) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (rel, source) in &renderer.theme.statics {
        if let crate::render::theme::StaticSource::File(from) = source
            && generated.contains(rel)
        {
            let shown = from.strip_prefix(root).unwrap_or(from).to_string_lossy().replace('\\', "/");
            found.push(
                Diagnostic::error(
                    Code::OutputError,
                    &shown,
                    None,
                    tr!(
                        en: "this file has the same path as a page areena makes ({rel}), which would replace it",
                        fi: "tällä tiedostolla on sama polku kuin areenan tekemällä sivulla ({rel}), joka korvaisi sen",
                        sv: "den här filen har samma sökväg som en sida som areena gör ({rel}), och sidan skulle ersätta den"
                    ),
                )
                .with_help(tr!(
                    en: "rename or move the file; to change a generated page, override its template instead",
                    fi: "nimeä tiedosto uudelleen tai siirrä se; jos haluat muuttaa areenan tekemää sivua, korvaa sen sivupohja",
                    sv: "byt namn på filen eller flytta den; vill du ändra en sida som areena gör, ersätt i stället dess sidmall"
                )),
            );
        }
    }
    found
}

/// Problems met while rendering, in a stable order; a broken template fails every
/// page that uses it: it is reported once.
pub(crate) fn once_per_template(errors: &mut Vec<Diagnostic>) {
    errors.sort_by(|a, b| (&a.file, &a.message).cmp(&(&b.file, &b.message)));
    errors.dedup_by(|a, b| a.code == Code::TemplateError && a.file == b.file);
}

/// Swap the staging folder in when nothing failed (else throw it away), write the
/// manifest and delete the previous output.
fn finish(
    out: Out,
    opts: &BuildOptions,
    manifest: &[serde_json::Value],
    mut diagnostics: Diagnostics,
    mut timings: Timings,
    mut built: Built,
    files: usize,
) -> Result<Built, LoadError> {
    let Out { staging, errors } = out;
    let mut errors = errors.into_inner().expect("lock");
    once_per_template(&mut errors);
    if !errors.is_empty() {
        staging.abandon();
        diagnostics.extend(errors);
        built.diagnostics = diagnostics;
        built.timings = timings;
        return Ok(built);
    }
    let t = Instant::now();
    let output = built.output.clone();
    built.kept = staging.kept();
    let old = staging.commit().map_err(|e| LoadError::Io { path: output, source: e })?;
    if let Some(path) = &opts.manifest {
        let text = serde_json::to_string_pretty(manifest).expect("the manifest serialises");
        std::fs::write(path, text).map_err(|e| LoadError::Io { path: path.clone(), source: e })?;
    }
    timings.push("swap", t.elapsed());
    if let Some(old) = old {
        let t = Instant::now();
        let _ = std::fs::remove_dir_all(old);
        timings.push("remove old output", t.elapsed());
    }
    built.files = files;
    built.diagnostics = diagnostics;
    built.timings = timings;
    Ok(built)
}

/// `--base-url` in place of site.toml's `base_url`.
fn apply_base_url(site: &mut Site, base_url: Option<&str>, diagnostics: &mut Diagnostics) {
    let Some(b) = base_url else { return };
    match crate::model::BaseUrl::parse(b) {
        Ok(base) => site.config.base_url = base,
        Err(help) => diagnostics.push(
            Diagnostic::error(
                Code::InvalidUrl,
                "(command line)",
                None,
                tr!(
                    en: "--base-url `{b}` is not a web address",
                    fi: "--base-url `{b}` ei ole verkko-osoite",
                    sv: "--base-url `{b}` är inte en webbadress"
                ),
            )
            .with_help(help),
        ),
    }
}

/// The output folder, resolved and checked ([`crate::write::guard`]); a refusal is
/// reported at `output_dir` of site.toml or at the command line.
fn checked_output(root: &Path, site: &Site, opts: &BuildOptions, diagnostics: &mut Diagnostics) -> PathBuf {
    let (output, from_config) = match &opts.output {
        Some(o) => (o.clone(), false),
        None => (root.join(&site.config.output_dir), true),
    };
    let checked = crate::write::guard::resolve(&output)
        .map_err(|e| Refusal::Unresolvable { path: output.clone(), reason: e.to_string() })
        .and_then(|resolved| crate::write::guard::check(root, &resolved, opts.force).map(|()| resolved));
    match checked {
        Ok(resolved) => resolved,
        Err(refusal) => {
            let (file, span) =
                if from_config { ("site.toml", site.config.output_dir_span.clone()) } else { ("(command line)", None) };
            let what = if from_config { "`output_dir`" } else { "`--output`" };
            let message = refusal.localized().map(|_, text| format!("{what}: {text}"));
            diagnostics.push(Diagnostic::error(Code::UnsafeOutput, file, span, message).with_help(refusal.help()));
            output
        }
    }
}

/// The staging folder and the problems met while writing into it.
struct Out {
    staging: Staging,
    errors: Mutex<Vec<Diagnostic>>,
}

impl Out {
    fn error(&self, d: Diagnostic) {
        self.errors.lock().expect("lock").push(d);
    }

    /// The theme's and the site's static files.
    fn statics(&self, renderer: &Renderer<'_>) {
        for (rel, source) in statics(renderer) {
            if let Err(e) = self.staging.copy_static(rel, source) {
                self.error(output_error(rel, &e));
            }
        }
    }

    /// Render and write each page as soon as it is made (memory stays bounded).
    /// Returns the paths written and the CPU time of rendering and of writing.
    fn pages(&self, renderer: &Renderer<'_>, jobs: &[render::Job]) -> (HashSet<String>, (Duration, Duration)) {
        let generated: Mutex<Vec<String>> = Mutex::new(Vec::new());
        let render_nanos = AtomicU64::new(0);
        let write_nanos = AtomicU64::new(0);
        // The files of the whole directory (open data, sitemap, coverage CSV) take one thread
        // each for long at 100,000 organisations: started first, they run beside the
        // pages instead of after them.
        let whole =
            |j: &render::Job| matches!(j, render::Job::Data(_) | render::Job::Sitemap | render::Job::CoverageCsv);
        let order: Vec<render::Job> =
            jobs.iter().copied().filter(whole).chain(jobs.iter().copied().filter(|j| !whole(j))).collect();
        order.par_iter().for_each(|&job| {
            let t = Instant::now();
            if let Some((path, file)) = renderer.streamed(job) {
                // Rendered and written at once: its time counts as rendering.
                match self.staging.write_with(&path, |out| renderer.write_data(file, out)) {
                    Ok(Ok(())) => generated.lock().expect("lock").push(path.to_string_lossy().replace('\\', "/")),
                    Ok(Err(d)) => self.error(d),
                    Err(e) => self.error(output_error(&path.to_string_lossy(), &e)),
                }
                render_nanos.fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
                return;
            }
            let rendered = renderer.render(job);
            let t2 = Instant::now();
            render_nanos.fetch_add((t2 - t).as_nanos() as u64, Ordering::Relaxed);
            match rendered {
                Ok(out) => {
                    generated.lock().expect("lock").push(out.path.to_string_lossy().replace('\\', "/"));
                    if let Err(e) = self.staging.write(&out.path, &out.bytes) {
                        self.error(output_error(&out.path.to_string_lossy(), &e));
                    }
                    write_nanos.fetch_add(t2.elapsed().as_nanos() as u64, Ordering::Relaxed);
                }
                Err(d) => self.error(d),
            }
        });
        let cpu = (Duration::from_nanos(render_nanos.into_inner()), Duration::from_nanos(write_nanos.into_inner()));
        (generated.into_inner().expect("lock").into_iter().collect(), cpu)
    }

    /// Index the search records and write the bundle; `None` when that failed.
    /// Render and write the pages of the site's other languages; with search on,
    /// make their search records (with the folder of each language's index).
    fn other_languages(
        &self,
        others: &[Renderer<'_>],
        jobs: &[Vec<render::Job>],
        generated: &mut HashSet<String>,
        cpu: &mut (Duration, Duration),
    ) -> Vec<(String, crate::search::Records)> {
        let mut records = Vec::new();
        for (r, jobs) in others.iter().zip(jobs) {
            let (g, c) = self.pages(r, jobs);
            generated.extend(g);
            *cpu = (cpu.0 + c.0, cpu.1 + c.1);
            if r.site.config.search_enabled {
                records.push((search_prefix(r), crate::search::records(r)));
            }
        }
        records
    }

    /// Index the records and write the bundle under `prefix` of the output
    /// (`sv/` for the Swedish index); `None` when that failed.
    fn search(
        &self,
        records: crate::search::Records,
        prefix: &str,
        started: Instant,
        timings: &mut Timings,
    ) -> Option<usize> {
        let writing = AtomicU64::new(0);
        let write = |mut files: Vec<crate::search::SearchFile>| {
            let t = Instant::now();
            put_under(&mut files, prefix);
            // One file after another: a part's files share a few folders, and threads
            // creating files in one folder wait for each other (the kernel spins on
            // the folder's lock). The other part's indexing runs meanwhile.
            files.iter().for_each(|f| {
                if let Err(e) = self.staging.write(&f.path, &f.bytes) {
                    self.error(output_error(&f.path.to_string_lossy(), &e));
                }
            });
            writing.fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
        };
        match crate::search::index(records, &write) {
            Ok(files) => {
                timings.push("search", started.elapsed());
                timings.push("  write search files", Duration::from_nanos(writing.into_inner()));
                Some(files)
            }
            Err(d) => {
                self.error(d);
                None
            }
        }
    }
}

fn output_error(file: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        Code::OutputError,
        file,
        None,
        tr!(
            en: "cannot write this output file: {why}",
            fi: "tätä tulostiedostoa ei voi kirjoittaa: {why}",
            sv: "den här utdatafilen kan inte skrivas: {why}",
            why = crate::diagnostics::i18n::io_reason(e)
        ),
    )
    .with_help(tr!(
        en: "check that the output folder is writable and the disk has room",
        fi: "tarkista, että tulostekansioon saa kirjoittaa ja levyllä on tilaa",
        sv: "kontrollera att utdatamappen är skrivbar och att disken har plats"
    ))
}

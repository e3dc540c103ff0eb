//! The site as `serve` holds it in memory: the model, its index and the theme.
//!
//! After a change only the changed files are read again (the others come from a
//! [`FileCache`]); the model and the index are made anew from them (tens of
//! milliseconds for 10,000 organisations), and no page is rendered until it is asked
//! for. A rendered page is kept until the next change, so what a browser gets is
//! always made from the current files: what `serve` hands out is what `build` would
//! write, without keeping a list of which page depends on what.
//!
//! A site in several languages is held in each of them, as `build` makes it: the
//! site in its first language, and for each other language the site in that
//! language (under `/<lang>/`) with its own index, theme and renderer; the versions
//! of a page link to each other as in a build.
//!
//! Two things take longer and are done after the pages are served: the search
//! bundles (one per language, made anew from the records as `build` makes them, then
//! swapped in) and a check that every page of every language renders, which catches
//! a content change that a template cannot show. A template, theme or site.toml
//! change renders every page before it is shown, as `build` does.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::index::Index;
use crate::load::{FileCache, LoadError};
use crate::model::Site;
use crate::pipeline::{self, Settings};
use crate::render::theme::StaticSource;
use crate::render::{Job, Renderer, SiteTheme};

/// The model and its index, in every language of the site: what the renderers of a
/// state borrow.
pub(crate) struct Model {
    site: Site,
    index: Index,
    /// The site in each of its other languages, indexed ([`pipeline::in_other_languages`]).
    translated: Vec<(Site, Index)>,
}

/// The renderers of a state: the first language's, then one per other language (in
/// the order of `languages`).
type Renderers<'a> = Vec<Renderer<'a>>;

self_cell::self_cell!(
    /// A model with the renderers made for it.
    struct Ready {
        owner: Model,
        #[covariant]
        dependent: Renderers,
    }
);

/// What makes a file of the output.
#[derive(Clone)]
enum Target {
    /// A page or file rendered by the renderer at this position of [`Renderers`] (0:
    /// the first language's).
    Job(usize, Job),
    Static(StaticSource),
}

/// A file's bytes as `serve` hands them out.
pub(crate) enum Body {
    Bytes(Arc<[u8]>),
    /// A static file, read from the disk when asked for.
    File(PathBuf),
    Builtin(&'static [u8]),
}

/// The search bundles of every language: their files by path under the output folder.
type SearchFiles = Arc<HashMap<String, Arc<[u8]>>>;

/// One version of the site: immutable but for the pages rendered on demand and
/// the search bundle swapped in when it is ready.
pub(crate) struct State {
    ready: Ready,
    files: Arc<HashMap<String, Target>>,
    rendered: Mutex<HashMap<String, Arc<[u8]>>>,
    search: RwLock<SearchFiles>,
    /// The version whose search bundle `search` is (0: none made yet).
    search_of: AtomicU64,
    /// Counts the states of one `serve`, from 1.
    pub(crate) generation: u64,
    /// The index files of the parts of the last search index made in each language
    /// (shared by the versions of one `serve`).
    search_parts: Arc<Mutex<SearchParts>>,
}

/// The parts of the last search index of each language, by language code.
type SearchParts = HashMap<&'static str, crate::search::PartCache>;

impl State {
    /// The path of the file that `rel` (a decoded request path under the site, without
    /// the leading `/`) names: a folder names its `index.html`.
    pub(crate) fn lookup(&self, rel: &str) -> Option<String> {
        let has = |p: &str| self.files.contains_key(p) || self.search.read().expect("lock").contains_key(p);
        if rel.is_empty() || rel.ends_with('/') {
            let p = format!("{rel}index.html");
            return has(&p).then_some(p);
        }
        if has(rel) {
            return Some(rel.to_string());
        }
        let p = format!("{rel}/index.html");
        has(&p).then_some(p)
    }

    /// The file at `path` (as [`State::lookup`] gives it): `None` when there is none,
    /// an error when its page does not render.
    pub(crate) fn get(&self, path: &str) -> Option<Result<Body, Diagnostic>> {
        match self.files.get(path) {
            Some(Target::Job(lang, job)) => Some(self.page(path, *lang, *job).map(Body::Bytes)),
            Some(Target::Static(StaticSource::File(p))) => Some(Ok(Body::File(p.clone()))),
            Some(Target::Static(StaticSource::Builtin(b))) => Some(Ok(Body::Builtin(b))),
            None => self.search.read().expect("lock").get(path).map(|b| Ok(Body::Bytes(Arc::clone(b)))),
        }
    }

    /// The bytes of `path`, read or rendered (for comparing with a build).
    pub(crate) fn bytes(&self, path: &str) -> Option<Result<Vec<u8>, Diagnostic>> {
        Some(self.get(path)?.map(|b| match b {
            Body::Bytes(b) => b.to_vec(),
            Body::File(p) => read_plain(&p, path).unwrap_or_default(),
            Body::Builtin(b) => b.to_vec(),
        }))
    }

    /// Every file of this version of the site, sorted.
    pub(crate) fn paths(&self) -> Vec<String> {
        let mut all: Vec<String> = self.files.keys().cloned().collect();
        all.extend(self.search.read().expect("lock").keys().cloned());
        all.sort();
        all
    }

    /// The rendered page of `job` in the language at `lang` of [`Renderers`], from the
    /// ones kept or rendered now.
    fn page(&self, path: &str, lang: usize, job: Job) -> Result<Arc<[u8]>, Diagnostic> {
        if let Some(b) = self.rendered.lock().expect("lock").get(path) {
            return Ok(Arc::clone(b));
        }
        let out = self.ready.borrow_dependent()[lang].render(job)?;
        let bytes: Arc<[u8]> = Arc::from(out.bytes);
        self.rendered.lock().expect("lock").insert(path.to_string(), Arc::clone(&bytes));
        Ok(bytes)
    }

    /// Whether this version has a search index.
    pub(crate) fn search_enabled(&self) -> bool {
        self.ready.borrow_owner().site.config.search_enabled
    }

    /// The paths of the pages that the renderer at `lang` of [`Renderers`] makes (for
    /// the tests).
    #[cfg(test)]
    pub(crate) fn pages_of(&self, lang: usize) -> Vec<String> {
        let mut v: Vec<String> = self
            .files
            .iter()
            .filter(|(_, t)| matches!(t, Target::Job(l, _) if *l == lang))
            .map(|(p, _)| p.clone())
            .collect();
        v.sort();
        v
    }

    /// Render every page of every language (on the calling thread's pool), stopping
    /// early when `stale()` says a newer version exists; the problems, as `build`
    /// reports them.
    pub(crate) fn render_all(&self, stale: &(dyn Fn() -> bool + Sync)) -> Vec<Diagnostic> {
        // Not kept: a page is kept once a browser asks for it (all pages of a large
        // directory would take hundreds of megabytes).
        let r = self.ready.borrow_dependent();
        let mut errors: Vec<Diagnostic> = self
            .files
            .par_iter()
            .filter_map(|(_, t)| match t {
                Target::Job(lang, job) if !stale() => r[*lang].render(*job).err(),
                _ => None,
            })
            .collect();
        pipeline::once_per_template(&mut errors);
        errors
    }

    /// Make the search bundles of this version, one per language as `build` makes
    /// them (the first language's under `pagefind/`, each other's under
    /// `<lang>/pagefind/`), and put them in place (nothing when search is off); a
    /// problem is returned as `build` reports it.
    pub(crate) fn make_search(&self) -> Result<(), Diagnostic> {
        let renderers = self.ready.borrow_dependent();
        if !self.search_enabled() {
            *self.search.write().expect("lock") = Arc::default();
            return Ok(());
        }
        let mut parts = self.search_parts.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        parts.retain(|lang, _| renderers.iter().any(|r| r.site.config.language.code() == *lang));
        let mut files: HashMap<String, Arc<[u8]>> = HashMap::new();
        for (i, r) in renderers.iter().enumerate().filter(|(_, r)| r.site.config.search_enabled) {
            let cache = parts.entry(r.site.config.language.code()).or_default();
            let made = crate::search::index_changed_parts(r, cache);
            let mut made = match made {
                Ok(files) => files,
                Err(d) => {
                    // Nothing half made is kept for the next version.
                    parts.clear();
                    return Err(d);
                }
            };
            if i > 0 {
                pipeline::put_under(&mut made, &pipeline::search_prefix(r));
            }
            files.extend(made.into_iter().map(|f| (f.path.to_string_lossy().replace('\\', "/"), Arc::from(f.bytes))));
        }
        drop(parts);
        *self.search.write().expect("lock") = Arc::new(files);
        self.search_of.store(self.generation, Ordering::Release);
        Ok(())
    }

    /// Take the search bundle of `other` when it is newer than this version's.
    pub(crate) fn adopt_search(&self, other: &State) {
        let of = other.search_of.load(Ordering::Acquire);
        if of > self.search_of.load(Ordering::Acquire) && self.search_enabled() {
            *self.search.write().expect("lock") = Arc::clone(&other.search.read().expect("lock"));
            self.search_of.store(of, Ordering::Release);
        }
    }
}

/// What the themes were loaded for: loaded again when any of it changes.
#[derive(PartialEq)]
struct ThemeKey {
    name: String,
    /// The languages of the site, the first first: one theme each.
    langs: Vec<&'static str>,
    dot_files: Vec<String>,
}

impl ThemeKey {
    fn of(site: &Site) -> ThemeKey {
        let cfg = &site.config;
        let langs = std::iter::once(cfg.language).chain(cfg.languages.iter().skip(1).copied()).map(|l| l.code());
        ThemeKey { name: cfg.theme.clone(), langs: langs.collect(), dot_files: cfg.publish_dot_files.clone() }
    }
}

/// The site theme of each language (as [`Renderers`] orders them).
type Themes = Vec<SiteTheme>;

/// The problems of the last version, but those in the changed texts (`edits`), which
/// are the ones `found` now; with the text of every file they point into.
fn carried_over(
    warnings: &Diagnostics,
    edits: &[(String, Arc<str>, std::ops::Range<usize>)],
    found: Vec<Diagnostic>,
) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    for d in warnings.items() {
        let in_text = edits
            .iter()
            .any(|(rel, _, range)| d.file == *rel && d.span.as_ref().is_some_and(|s| s.start >= range.start));
        if !in_text {
            diagnostics.push(d.clone());
        }
    }
    diagnostics.extend(found);
    let files: HashSet<String> = diagnostics.items().iter().map(|d| d.file.clone()).collect();
    for f in files {
        let text = edits
            .iter()
            .find(|(rel, _, _)| *rel == f)
            .map(|(_, t, _)| Arc::clone(t))
            .or_else(|| warnings.source_text(&f));
        if let Some(t) = text {
            diagnostics.add_source(&f, t);
        }
    }
    diagnostics
}

/// The static file `rel` of the output, read from `path` (its source, which ends in
/// `rel`), unless it is no longer a plain file.
pub(crate) fn read_plain(path: &Path, rel: &str) -> Option<Vec<u8>> {
    let mut f = open_plain(path, rel)?;
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut f, &mut bytes).ok()?;
    Some(bytes)
}

/// Open the static file `rel` of the output from `path`, its source (which ends in
/// `rel`: the file under a static folder). Only a plain file is opened, and only when
/// no part of `rel` is a symbolic link: a link put in place of the file or of a folder
/// above it since the build (which never copies one) is not followed out of the
/// static folder.
pub(crate) fn open_plain(path: &Path, rel: &str) -> Option<std::fs::File> {
    let rel = Path::new(rel);
    if rel.as_os_str().is_empty() || !path.ends_with(rel) {
        return None;
    }
    let base = path.ancestors().nth(rel.components().count())?;
    let file = open_beneath(base, rel)?;
    file.metadata().ok().filter(std::fs::Metadata::is_file)?;
    Some(file)
}

/// `rel` under the folder `base`, opened in one step that refuses a symbolic link in
/// any part of `rel` (Linux's `openat2`).
#[cfg(any(target_os = "linux", target_os = "android"))]
fn open_beneath(base: &Path, rel: &Path) -> Option<std::fs::File> {
    use rustix::fs::{Mode, OFlags, ResolveFlags};
    let dir = rustix::fs::open(base, OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC, Mode::empty()).ok()?;
    let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    match rustix::fs::openat2(&dir, rel, flags, Mode::empty(), ResolveFlags::NO_SYMLINKS | ResolveFlags::BENEATH) {
        Ok(fd) => Some(std::fs::File::from(fd)),
        // Kernels before 5.6 have no `openat2`.
        Err(rustix::io::Errno::NOSYS) => open_checked(base, rel),
        Err(_) => None,
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn open_beneath(base: &Path, rel: &Path) -> Option<std::fs::File> {
    open_checked(base, rel)
}

/// `rel` under `base` when no part of it is a symbolic link, looked at part by part;
/// the file opened must be the one looked at (on Unix, the same device and inode).
#[cfg_attr(any(target_os = "linux", target_os = "android"), allow(dead_code))]
fn open_checked(base: &Path, rel: &Path) -> Option<std::fs::File> {
    let mut path = base.to_path_buf();
    let mut last = None;
    for part in rel.components() {
        let std::path::Component::Normal(part) = part else { return None };
        path.push(part);
        let meta = std::fs::symlink_metadata(&path).ok()?;
        if meta.file_type().is_symlink() {
            return None;
        }
        last = Some(meta);
    }
    let file = std::fs::File::open(&path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let (seen, opened) = (last?, file.metadata().ok()?);
        if (seen.dev(), seen.ino()) != (opened.dev(), opened.ino()) {
            return None;
        }
    }
    #[cfg(not(unix))]
    let _ = last;
    Some(file)
}

/// The text of the content file `rel` in `site`, if it is an entity's.
fn body_of<'s>(site: &'s Site, rel: &str) -> Option<&'s crate::model::Body> {
    site.organisations
        .iter()
        .map(|o| &o.body)
        .chain(site.networks.iter().map(|n| &n.body))
        .chain(site.pages.iter().map(|p| &p.body))
        .chain(site.events.iter().map(|e| &e.body))
        .chain(site.tables.iter().flat_map(|t| std::iter::once(&t.body).chain(t.notes.iter().map(|n| &n.body))))
        .find(|b| b.source.file == rel)
}

fn body_of_mut<'s>(site: &'s mut Site, rel: &str) -> Option<&'s mut crate::model::Body> {
    site.organisations
        .iter_mut()
        .map(|o| &mut o.body)
        .chain(site.networks.iter_mut().map(|n| &mut n.body))
        .chain(site.pages.iter_mut().map(|p| &mut p.body))
        .chain(site.events.iter_mut().map(|e| &mut e.body))
        .chain(
            site.tables
                .iter_mut()
                .flat_map(|t| std::iter::once(&mut t.body).chain(t.notes.iter_mut().map(|n| &mut n.body))),
        )
        .find(|b| b.source.file == rel)
}

/// The outcome of [`Preview::update`].
pub(crate) enum Update {
    /// A new version, ready to serve; `rendered_all` when every page was rendered
    /// (after a template, theme or site.toml change), else the check that every
    /// page renders and the search bundle are still to be done.
    Ready { state: Arc<State>, rendered_all: bool, warnings: Diagnostics },
    /// The files have problems (the previous version stays).
    Failed(Diagnostics),
}

/// Makes the versions of the site from its files.
pub(crate) struct Preview {
    root: PathBuf,
    drafts: bool,
    base_url: String,
    cache: FileCache,
    theme: Option<(ThemeKey, Themes)>,
    generation: u64,
    /// The newest search bundle made, for the next version until its own is made,
    /// and the version it was made for.
    search: SearchFiles,
    search_of: u64,
    /// The last version made, and its warnings.
    last: Option<(Arc<State>, Diagnostics)>,
    search_parts: Arc<Mutex<SearchParts>>,
    /// The date the site is made for; `None`: today's, at each update. (Tests fix it,
    /// so that a build compared with the preview is of the same day around midnight.)
    pub(crate) today: Option<jiff::civil::Date>,
}

impl Preview {
    pub(crate) fn new(root: &Path, drafts: bool, base_url: &str) -> Preview {
        Preview {
            root: root.to_path_buf(),
            drafts,
            base_url: base_url.to_string(),
            cache: FileCache::default(),
            theme: None,
            generation: 0,
            search: Arc::default(),
            search_of: 0,
            last: None,
            search_parts: Arc::default(),
            today: None,
        }
    }

    /// The same preview without the files it read (all are read again), counting on.
    pub(crate) fn fresh(&self) -> Preview {
        Preview {
            root: self.root.clone(),
            drafts: self.drafts,
            base_url: self.base_url.clone(),
            cache: FileCache::default(),
            theme: None,
            generation: self.generation,
            search: Arc::clone(&self.search),
            search_of: self.search_of,
            last: None,
            search_parts: Arc::clone(&self.search_parts),
            today: self.today,
        }
    }

    /// Make the version of the site after `changed` (paths; empty for the first).
    pub(crate) fn update(&mut self, changed: &[PathBuf]) -> Result<Update, LoadError> {
        self.cache.forget(&self.root, changed);
        // Anything but content may change templates, static files or interface text.
        let content = self.root.join(crate::layout::CONTENT);
        if changed.iter().any(|p| !p.starts_with(&content)) {
            self.theme = None;
        }
        let today = self.day();
        if self.theme.is_some()
            && let Some(update) = self.body_only(changed, today)
        {
            return Ok(update);
        }
        let settings = Settings { drafts: self.drafts, today };
        let checked = pipeline::check_cached(&self.root, settings, Some(&self.base_url), &mut self.cache)?;
        let (site, mut diagnostics) = (checked.site, checked.diagnostics);
        if diagnostics.has_errors() {
            return Ok(self.failed(diagnostics));
        }
        let key = ThemeKey::of(&site);
        let translated = pipeline::in_other_languages(&site);
        let theme_changed = self.theme.as_ref().is_none_or(|(k, _)| *k != key);
        if theme_changed {
            let Some(theme) = pipeline::load_theme(&self.root, &site, &mut diagnostics) else {
                return Ok(self.failed(diagnostics));
            };
            let Some(others) = pipeline::other_themes(&self.root, &translated, &mut diagnostics) else {
                return Ok(self.failed(diagnostics));
            };
            self.theme = Some((key, std::iter::once(theme).chain(others).collect()));
        }
        let index = Index::build(&site);
        match self.make_state(Model { site, index, translated }, None) {
            Err(collisions) => {
                diagnostics.extend(collisions);
                Ok(self.failed(diagnostics))
            }
            Ok(state) => {
                if theme_changed {
                    let errors = state.render_all(&|| false);
                    if !errors.is_empty() {
                        // Loaded again next time: a later content fix must not keep it.
                        self.theme = None;
                        diagnostics.extend(errors);
                        return Ok(self.failed(diagnostics));
                    }
                }
                self.last = Some((Arc::clone(&state), diagnostics.clone()));
                Ok(Update::Ready { state, rendered_all: theme_changed, warnings: diagnostics })
            }
        }
    }

    /// The files have problems: the next version is made from all files (the fast
    /// way needs a last version that is the files but for the changed ones).
    fn failed(&mut self, diagnostics: Diagnostics) -> Update {
        self.last = None;
        Update::Failed(diagnostics)
    }

    /// A new version from a model in every language, with the themes loaded; the
    /// files of the last version when they are known to be the same. `Err` holds
    /// static files that have a page's path.
    fn make_state(
        &mut self,
        model: Model,
        files: Option<Arc<HashMap<String, Target>>>,
    ) -> Result<Arc<State>, Vec<Diagnostic>> {
        let themes = self.theme.as_ref().map(|(_, t)| t.clone()).expect("loaded before");
        let ready = Ready::new(model, |m| {
            let mut themes = themes.into_iter();
            let first = themes.next().expect("the first language's theme");
            let (first, others) = pipeline::renderers(&m.site, &m.index, first, &m.translated, themes.collect());
            std::iter::once(first).chain(others).collect()
        });
        let files = match files {
            Some(f) => f,
            None => Arc::new(self.files_of(ready.borrow_dependent())?),
        };
        let search =
            if ready.borrow_owner().site.config.search_enabled { Arc::clone(&self.search) } else { Arc::default() };
        self.generation += 1;
        Ok(Arc::new(State {
            ready,
            files,
            rendered: Mutex::new(HashMap::new()),
            search: RwLock::new(search),
            search_of: AtomicU64::new(self.search_of),
            generation: self.generation,
            search_parts: Arc::clone(&self.search_parts),
        }))
    }

    /// Every file of a version: the static files and the pages and files of every
    /// language, each with the renderer that makes it; `Err` as a build reports
    /// static files that have a page's path.
    fn files_of(&self, renderers: &[Renderer<'_>]) -> Result<HashMap<String, Target>, Vec<Diagnostic>> {
        let (first, others) = renderers.split_first().expect("the first language's renderer");
        let mut files: HashMap<String, Target> = HashMap::new();
        for (rel, source) in pipeline::statics(first) {
            files.insert(rel.clone(), Target::Static(source.clone()));
        }
        let (jobs, other_jobs) = pipeline::jobs_of_every_language(first, others);
        let mut generated = HashSet::new();
        for (lang, (r, jobs)) in std::iter::once((first, &jobs)).chain(others.iter().zip(&other_jobs)).enumerate() {
            for &job in jobs {
                let path = r.output_path(job).to_string_lossy().replace('\\', "/");
                generated.insert(path.clone());
                files.insert(path, Target::Job(lang, job));
            }
        }
        let collisions = pipeline::static_collisions(&self.root, first, &generated);
        if collisions.is_empty() { Ok(files) } else { Err(collisions) }
    }

    /// The fast way for the most common edit: only the text (below the front matter)
    /// of content files changed. The last version's model is taken with the new
    /// texts, only they are checked, and the problems of the other files stay as they
    /// were. `None` when any changed file is not such an edit (the caller then reads
    /// the site as usual): among others a translation (`<stem>.<lang>.md`), which is
    /// no entity's file, and a file that is new or gone.
    ///
    /// In a site of several languages the other languages are made anew from the
    /// new model ([`pipeline::in_other_languages`], as a build makes them), so that a
    /// page of another language that shows the untranslated original shows its new
    /// text; the files of every language stay those of the last version, as an edit
    /// of the text alone changes no page's address.
    fn body_only(&mut self, changed: &[PathBuf], today: jiff::civil::Date) -> Option<Update> {
        let (last, warnings) = self.last.as_ref()?;
        let (content_files, statics) = self.cache.listing()?;
        let prev = &last.ready.borrow_owner().site;
        // A new day since the last version (a preview left open over midnight): events
        // that ended yesterday leave the lists, so everything is made anew.
        if prev.today != today {
            return None;
        }
        let mut edits: Vec<(String, Arc<str>, std::ops::Range<usize>)> = Vec::new();
        for p in changed {
            let rel = p.strip_prefix(&self.root).ok()?.to_str()?.replace('\\', "/");
            if edits.iter().any(|(r, _, _)| *r == rel) {
                continue;
            }
            if !rel.starts_with("content/") || !rel.ends_with(".md") {
                return None;
            }
            let text = std::fs::read_to_string(p).ok()?;
            if text.trim().is_empty() {
                return None;
            }
            let split = crate::load::front_matter::split(&text).ok()?;
            let old = body_of(prev, &rel)?;
            if old.source.text.get(..old.range.start)? != text.get(..split.body.start)? {
                return None;
            }
            edits.push((rel, Arc::<str>::from(text), split.body));
        }
        if edits.is_empty() {
            return None;
        }
        let mut site = prev.clone();
        let files = crate::model::body::Files { content: content_files, statics };
        let mut found = Vec::new();
        for (rel, text, range) in &edits {
            let body = body_of_mut(&mut site, rel).expect("found above");
            *body = crate::model::Body::new(
                crate::load::Source { file: rel.clone(), text: Arc::clone(text) },
                range.clone(),
            );
            crate::model::body::check(rel, &text[range.clone()], range.clone(), &files, &mut found);
        }
        let diagnostics = carried_over(warnings, &edits, found);
        if diagnostics.has_errors() {
            return Some(self.failed(diagnostics));
        }
        let index = last.ready.borrow_owner().index.clone();
        let files = Arc::clone(&last.files);
        let translated = pipeline::in_other_languages(&site);
        let state = self.make_state(Model { site, index, translated }, Some(files)).ok()?;
        self.last = Some((Arc::clone(&state), diagnostics.clone()));
        Some(Update::Ready { state, rendered_all: false, warnings: diagnostics })
    }

    /// The date the next version is made for: the fixed one, else today's.
    fn day(&self) -> jiff::civil::Date {
        self.today.unwrap_or_else(pipeline::today)
    }

    /// The version after `changed` the fast way ([`Preview::body_only`]), `None` when
    /// that way is not taken (for the tests).
    #[cfg(test)]
    pub(crate) fn fast(&mut self, changed: &[PathBuf]) -> Option<Update> {
        self.cache.forget(&self.root, changed);
        let today = self.day();
        self.body_only(changed, today)
    }

    /// The search bundle of `state` is made: the next versions start with it.
    pub(crate) fn search_made(&mut self, state: &State) {
        let of = state.search_of.load(Ordering::Acquire);
        if of <= self.search_of {
            return;
        }
        self.search_of = of;
        self.search = Arc::clone(&state.search.read().expect("lock"));
    }
}

//! The search index, made from the model (never by re-reading rendered pages).
//!
//! Each organisation, network, partnership table and (unless `[search] notes =
//! false`) meeting note becomes one small synthetic HTML record for Pagefind, so
//! that Pagefind's weighting applies: the name weighs most, then the short name,
//! themes and places, then activities, then the first `description_words` words of
//! the description. Records carry filters (theme, municipality, region, kind,
//! language, type; `wide` for region-wide and nationwide records) and short meta
//! fields (title, places, summary). What a record holds
//! decides both what residents find and how large and slow the index is; see
//! docs/search.md.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use pulldown_cmark::{Event, Parser};
use rayon::prelude::*;

use crate::diagnostics::suggest::fold;
use crate::diagnostics::{Code, Diagnostic, tr};
use crate::index::Index;
use crate::model::{Area, EventId, NetworkId, OrganisationId, Organiser, Site, TableId, ThemeId};
use crate::render::{Routes, SiteTheme};

/// The site theme's search script (a static file); left out when search is off.
pub(crate) const SCRIPT: &str = "search.js";

/// Words of the description a result shows.
const SUMMARY_WORDS: usize = 24;

/// The filter that marks region-wide (value: the region) and nationwide records.
const WIDE: &str = "wide";
/// The `wide` value of nationwide records.
const NATIONWIDE: &str = "*";

/// The municipality filter is split into this many filters (`municipality-0` …
/// `municipality-15`, by a hash of the municipality's name): a search with a
/// municipality downloads only the file of its own group instead of every
/// municipality's list. The site theme's search.js computes the same hash.
pub(crate) const MUNICIPALITY_GROUPS: u32 = 16;

/// The filter a municipality's records are listed under (see [`MUNICIPALITY_GROUPS`]):
/// FNV-1a (32 bits) of the name's UTF-8 bytes.
pub(crate) fn municipality_filter(name: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in name.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("municipality-{}", h % MUNICIPALITY_GROUPS)
}

/// The folder of the search files inside the output.
pub(crate) const BUNDLE_DIR: &str = "pagefind";

/// Records per part of the index, at most. Pagefind holds every word of the records
/// it indexes in memory until it writes the index, so a large directory is indexed
/// in parts, two at a time (each a Pagefind index of its own, under
/// `pagefind/part-N/`), which the search page merges in the browser. Smaller parts
/// were indexed faster in all and in less memory (docs/performance.md), and add little
/// to a search's download: a search with a municipality merges the parts of its places.
const PART_RECORDS: usize = 1_250;
/// Parts at most: each adds a few small files to every search.
const MAX_PARTS: usize = 24;

/// How many parts an index of `records` records is made of.
pub(crate) fn parts(records: usize) -> usize {
    #[cfg(test)]
    if let n @ 1.. = TEST_PARTS.load(std::sync::atomic::Ordering::Relaxed) {
        return n;
    }
    // A test (`AREENA_SEARCH_PARTS`) splits even a small site, to search across parts.
    std::env::var("AREENA_SEARCH_PARTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| (1..=64).contains(&n))
        .unwrap_or_else(|| parts_for(records))
}

/// The parts of `records` records: one per [`PART_RECORDS`], at least 1 and at most
/// [`MAX_PARTS`].
fn parts_for(records: usize) -> usize {
    records.div_ceil(PART_RECORDS).clamp(1, MAX_PARTS)
}

/// Unit tests: this many parts whatever the number of records (0: as usual).
#[cfg(test)]
pub(crate) static TEST_PARTS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The number of search records of a site (as [`records`] makes them).
pub(crate) fn record_count(site: &Site, index: &Index) -> usize {
    let notes = if site.config.search_notes { index.notes_newest_first.len() } else { 0 };
    index.order.len() + index.network_order.len() + index.table_order.len() + notes + index.events.upcoming.len()
}

/// The folder of part `i` inside the bundle (part 0 is the bundle itself).
pub(crate) fn part_dir(i: usize) -> String {
    format!("part-{i}")
}

/// Which part each record goes to. A search with a municipality downloads only the
/// parts that hold records found by it (see [`parts_map`]), so records of the same
/// places are kept together: the parts are equal runs of the records ordered by place,
/// 1. region-wide and nationwide records first (every municipality's search finds
///    them, and part 0, which the search page always loads, holds them),
/// 2. then the records listed under municipalities, by region (that of the record's
///    most common municipality), then by their municipalities with the most common
///    first: every record of a region's most common municipality comes in one run,
///    within it those of each next municipality in turn, and so on,
/// 3. last the records with no place (found only by a search without a municipality).
///
/// Within a key, the records keep their order, so the same content gives the same parts.
fn assign_parts(records: &[Record], parts: usize) -> Vec<usize> {
    let n = records.len();
    if parts <= 1 || n == 0 {
        return vec![0; n];
    }
    let mut count: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for r in records {
        for &(m, _) in &r.places.municipalities {
            *count.entry(m).or_default() += 1;
        }
    }
    let mut names: Vec<(&str, usize)> = count.into_iter().collect();
    names.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let rank: std::collections::HashMap<&str, usize> = names.iter().enumerate().map(|(i, (m, _))| (*m, i)).collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_cached_key(|&i| {
        let p = &records[i].places;
        let class = match (p.wide.is_empty(), p.municipalities.is_empty()) {
            (false, _) => 0,
            (true, false) => 1,
            (true, true) => 2,
        };
        let nationwide = !p.wide.contains(&NATIONWIDE);
        let mut wide = p.wide.clone();
        wide.sort_unstable();
        let mut ranks: Vec<usize> = p.municipalities.iter().map(|(m, _)| rank[m]).collect();
        ranks.sort_unstable();
        let region = p.municipalities.iter().min_by_key(|(m, _)| rank[m]).map(|&(_, r)| r);
        (class, nationwide, wide, region, ranks, i)
    });
    let mut part = vec![0; n];
    for (pos, &i) in order.iter().enumerate() {
        part[i] = pos * parts / n;
    }
    part
}

/// The file that tells the search page which parts a search with a municipality
/// needs: `{"parts": N, "municipalities": {"name": [part, …]}, "wide": {"region" or
/// "*": [part, …]}}`. A municipality's search needs the parts of its own records and
/// those of the `wide` values of its region and `*`. Made only for an index of more
/// than one part.
pub(crate) const PARTS_MAP: &str = "parts.json";

fn parts_map(records: &[Record], part: &[usize], parts: usize) -> Option<SearchFile> {
    use std::collections::BTreeMap;
    if parts <= 1 {
        return None;
    }
    let mut municipalities: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    let mut wide: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for (r, &p) in records.iter().zip(part) {
        for &(m, _) in &r.places.municipalities {
            municipalities.entry(m).or_default().insert(p);
        }
        for &w in &r.places.wide {
            wide.entry(w).or_default().insert(p);
        }
    }
    let json = serde_json::json!({ "parts": parts, "municipalities": municipalities, "wide": wide });
    Some(SearchFile { path: Path::new(BUNDLE_DIR).join(PARTS_MAP), bytes: serde_json::to_vec(&json).ok()? })
}

/// The search bundle's files, and the removal of the temporary folder of records
/// (running on its own thread; wait for it with [`Bundle::finish`]).
pub(crate) struct Bundle {
    /// How many files the bundle has (each part's written as soon as it was made).
    pub(crate) files: usize,
    cleanup: std::thread::JoinHandle<()>,
}

impl Bundle {
    /// Waits until the temporary records are removed.
    pub(crate) fn finish(self) {
        let _ = self.cleanup.join();
    }
}

/// A file of the search bundle, relative to the output folder.
pub(crate) struct SearchFile {
    pub(crate) path: PathBuf,
    pub(crate) bytes: Vec<u8>,
}

fn esc(s: &str) -> String {
    crate::render::feeds::xml_escape(s)
}

/// The first `n` words of a Markdown body, as plain text.
fn first_words(markdown: &str, n: usize) -> String {
    let (mut out, mut count) = (String::new(), 0);
    if n == 0 {
        return out;
    }
    for ev in Parser::new(markdown) {
        if let Event::Text(t) | Event::Code(t) = ev {
            for w in t.split_whitespace() {
                if count > 0 {
                    out.push(' ');
                }
                out.push_str(w);
                count += 1;
                if count >= n {
                    return out;
                }
            }
        }
    }
    out
}

/// Forms without diacritics of the words that have them (`jyvaskyla` for Jyväskylä),
/// so that typing without umlauts still finds names.
fn folded_forms<'s>(texts: impl IntoIterator<Item = &'s str>) -> String {
    let mut out = BTreeSet::new();
    for t in texts {
        for w in t.split_whitespace() {
            if !w.is_ascii() {
                out.insert(fold(w));
            }
        }
    }
    out.into_iter().collect::<Vec<_>>().join(" ")
}

/// Sentence punctuation that a record's text may lose next to a word without
/// changing what the index holds (see [`bare_words`]).
const LOOSE_PUNCTUATION: &[char] = &[',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '"', '\'', '-'];

/// `text` with the sentence punctuation around its words left out (`tukea,` →
/// `tukea`, `(ja)` → `ja`), for text whose excerpt the search page never shows.
/// Pagefind indexes the same words either way: it drops what is not a letter or digit
/// from a word, but first takes each word with punctuation apart as a possible
/// compound, the costliest step of indexing a long description. Only a word of
/// letters alone loses its punctuation: there that step adds nothing (with digits it
/// may: `covid19,` is also indexed as `covid` and `19`; inside a word, as in
/// `Keski-Suomi` or `www.example.fi`, punctuation is kept).
fn bare_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        let core = word.trim_matches(LOOSE_PUNCTUATION);
        if !core.is_empty() && core.chars().all(char::is_alphabetic) {
            out.push_str(core);
        } else {
            out.push_str(word);
        }
    }
    out
}

struct Record<'a> {
    url: String,
    html: String,
    /// Where the record is found by a municipality filter: the municipalities it is
    /// listed under and its `wide` values (which part of the index it goes to).
    places: Places<'a>,
}

/// The municipality filter's values of a record (each with its region) and its
/// `wide` values, borrowed from the site.
#[derive(Default)]
struct Places<'a> {
    municipalities: Vec<(&'a str, &'a str)>,
    wide: Vec<&'a str>,
}

/// Builds one record's HTML.
struct RecordHtml<'a> {
    html: String,
    /// Searchable helper words (folded forms, the region's municipalities), kept at
    /// the end so that excerpts come from the record's real text first.
    aux: String,
    places: Places<'a>,
}

impl<'a> RecordHtml<'a> {
    fn new(lang: &str, title: &str) -> Self {
        let mut html = format!("<html lang=\"{lang}\"><body>");
        let _ = write!(html, "<h1 data-pagefind-weight=\"10\" data-pagefind-meta=\"title\">{}</h1>", esc(title));
        RecordHtml { html, aux: String::new(), places: Places::default() }
    }
    fn text(&mut self, weight: u8, text: &str) {
        if !text.trim().is_empty() {
            let _ = write!(self.html, "<p data-pagefind-weight=\"{weight}\">{}</p>", esc(text));
        }
    }
    fn aux(&mut self, text: &str) {
        self.aux_at(1, text);
    }
    fn aux_at(&mut self, weight: u8, text: &str) {
        if !text.trim().is_empty() {
            let _ = write!(self.aux, "<p data-pagefind-weight=\"{weight}\">{}</p>", esc(text));
        }
    }
    fn meta(&mut self, key: &str, value: &str) {
        if !value.is_empty() {
            let _ = write!(self.html, "<span data-pagefind-meta=\"{key}:{}\"></span>", esc(value));
        }
    }
    fn filter(&mut self, key: &str, value: &str) {
        let _ = write!(self.html, "<span data-pagefind-filter=\"{key}:{}\"></span>", esc(value));
    }
    /// Listed under municipality `name` (of `region`) in the municipality filter.
    fn municipality(&mut self, name: &'a str, region: &'a str) {
        self.filter(&municipality_filter(name), name);
        self.places.municipalities.push((name, region));
    }
    /// Region-wide (`value`: the region) or nationwide ([`NATIONWIDE`]).
    fn wide(&mut self, value: &'a str) {
        self.filter(WIDE, value);
        self.places.wide.push(value);
    }
    /// The record of `url`.
    fn finish(mut self, url: String) -> Record<'a> {
        self.html.push_str(&self.aux);
        self.html.push_str("</body></html>");
        Record { url, html: self.html, places: self.places }
    }
}

struct Builder<'a> {
    site: &'a Site,
    index: &'a Index,
    routes: &'a Routes,
    theme: &'a SiteTheme,
    lang: &'static str,
    /// Names of the site region's municipalities: region-wide and nationwide
    /// organisations are found by them too.
    region_municipalities: Vec<&'a str>,
}

impl<'a> Builder<'a> {
    fn place_names(&self, area: &'a Area) -> (Vec<&'a str>, Vec<&'a str>) {
        let m = &self.site.municipalities;
        // In the same (A–Ö) order as on the pages.
        let places = self.index.places(area);
        let munis: Vec<&str> = places.municipalities.iter().map(|&i| m.list[i].name.as_str()).collect();
        let regions: Vec<&str> = area.regions.iter().map(|&r| m.regions[r].name.as_str()).collect();
        (munis, regions)
    }

    /// Place words, the `places` meta, and the municipality and region filters.
    fn places(&self, rec: &mut RecordHtml<'a>, area: &'a Area) {
        let m = &self.site.municipalities;
        let (munis, regions) = self.place_names(area);
        let mut words: Vec<&str> = munis.clone();
        words.extend(&regions);
        let mut wide_words: Vec<&str> = Vec::new();
        let filter_munis: BTreeSet<(&str, &str)> = area
            .municipalities
            .iter()
            .map(|&i| (m.list[i].name.as_str(), m.regions[m.list[i].region].name.as_str()))
            .collect();
        let mut filter_regions: BTreeSet<&str> = regions.iter().copied().collect();
        for &mid in &area.municipalities {
            filter_regions.insert(&m.regions[m.list[mid].region].name);
        }
        let region_wide = area.regions.iter().any(|r| Some(*r) == self.site.config.region);
        if area.nationwide || region_wide {
            // Found by the name of any municipality of the site's region.
            wide_words.extend(&self.region_municipalities);
        }
        let mut meta = munis.join(", ");
        for r in &regions {
            if !meta.is_empty() {
                meta.push_str(" · ");
            }
            meta.push_str(&self.theme.t("places_region_wide").replace("{region}", r));
        }
        if area.nationwide {
            let label = self.theme.t("places_nationwide");
            if !meta.is_empty() {
                meta.push_str(" · ");
            }
            meta.push_str(&label);
            rec.text(4, &label);
        }
        rec.text(4, &words.join(" "));
        // A municipality's name finds its local organisations first (weight 4), then
        // those of its whole region (2), then the nationwide ones (1).
        rec.aux_at(if region_wide { 2 } else { 1 }, &wide_words.join(" "));
        rec.aux(&folded_forms(words.iter().chain(&wide_words).copied()));
        rec.meta("places", &meta);
        for (name, region) in filter_munis {
            rec.municipality(name, region);
        }
        for v in filter_regions {
            rec.filter("region", v);
        }
        // Region-wide and nationwide records are not listed under each municipality
        // (that would repeat them in the municipality filter, which a search with a
        // municipality downloads): the search page adds `wide` = the municipality's
        // region or `*` to a municipality filter instead.
        for r in regions {
            rec.wide(r);
        }
        if area.nationwide {
            rec.wide(NATIONWIDE);
        }
    }

    /// The theme names (searchable at `weight`) and the theme filter.
    fn themes(&self, rec: &mut RecordHtml<'a>, ids: &[ThemeId], weight: u8) {
        let names: Vec<&str> = ids.iter().map(|&t| self.site.themes[t].name.as_str()).collect();
        rec.text(weight, &names.join(", "));
        for n in names {
            rec.filter("theme", n);
        }
    }

    fn organisation(&self, id: OrganisationId) -> Record<'a> {
        let o = &self.site.organisations[id];
        let mut rec = RecordHtml::new(self.lang, &o.name);
        if let Some(s) = &o.short_name {
            rec.text(8, s);
        }
        rec.aux(&folded_forms([o.name.as_str()].into_iter().chain(o.short_name.as_deref())));
        self.themes(&mut rec, &o.themes, 4);
        self.places(&mut rec, &o.area);
        // The organisation's own texts without punctuation (the search page shows its
        // summary, never an excerpt of them: see `bare_words`).
        rec.text(3, &bare_words(&o.activities.join(". ")));
        let description = first_words(o.body.markdown(), self.site.config.search_description_words);
        rec.text(1, &bare_words(&description));
        // What a result shows under its name: its summary (or first sentence), else the
        // description's start, or the activities.
        let summary = if !o.lead.is_empty() {
            o.lead.clone()
        } else if description.is_empty() {
            o.activities.join(", ")
        } else {
            first_words(&description, SUMMARY_WORDS)
        };
        if let Some(s) = &o.summary {
            rec.text(3, &bare_words(s));
        }
        rec.meta("summary", &summary);
        rec.filter("type", &self.theme.t("search_type_organisation"));
        rec.filter("kind", &self.theme.t(o.kind.label_key()));
        for l in &o.languages {
            let name = self.theme.text.get(&format!("lang_{l}")).cloned().unwrap_or_else(|| l.clone());
            rec.filter("language", &name);
        }
        for s in &o.seeking {
            rec.filter("seeking", &self.theme.t(s.label_key()));
        }
        // How to reach it, shown with the result (as on the cards of the lists).
        if let Some(p) = &o.phone {
            rec.meta("phone", p);
        }
        if let Some(e) = &o.email {
            rec.meta("email", e);
        }
        rec.finish(self.routes.organisation(&o.slug))
    }

    fn network(&self, id: NetworkId) -> Record<'a> {
        let n = &self.site.networks[id];
        let mut rec = RecordHtml::new(self.lang, &n.name);
        rec.aux(&folded_forms([n.name.as_str()]));
        self.themes(&mut rec, &n.themes, 4);
        self.places(&mut rec, &n.area);
        rec.text(1, &first_words(n.body.markdown(), self.site.config.search_description_words));
        rec.filter("type", &self.theme.t("search_type_network"));
        rec.finish(self.routes.network(&n.slug))
    }

    fn table(&self, id: TableId) -> Record<'a> {
        let t = &self.site.tables[id];
        let mut rec = RecordHtml::new(self.lang, &t.name);
        rec.aux(&folded_forms([t.name.as_str()]));
        rec.text(3, &t.public_partners.join(", "));
        self.themes(&mut rec, &t.themes, 4);
        self.places(&mut rec, &t.area);
        rec.text(1, &first_words(t.body.markdown(), self.site.config.search_description_words));
        rec.filter("type", &self.theme.t("search_type_table"));
        rec.finish(self.routes.table(&t.slug))
    }

    fn event(&self, id: EventId) -> Record<'a> {
        let e = &self.site.events[id];
        let mut rec = RecordHtml::new(self.lang, &e.title);
        let organisers: Vec<&str> = e
            .organisers
            .iter()
            .map(|o| match *o {
                Organiser::Organisation(o) => self.site.organisations[o].name.as_str(),
                Organiser::Network(n) => self.site.networks[n].name.as_str(),
            })
            .chain(e.organiser_text.as_deref())
            .collect();
        rec.text(3, &organisers.join(", "));
        rec.aux(&folded_forms([e.title.as_str()]));
        let m = &self.site.municipalities;
        let municipality = e.municipality.map(|i| m.list[i].name.as_str());
        if let Some(i) = e.municipality {
            rec.text(3, &m.list[i].name);
            rec.municipality(&m.list[i].name, &m.regions[m.list[i].region].name);
            rec.filter("region", &m.regions[m.list[i].region].name);
        }
        if let Some(p) = &e.place {
            rec.text(3, p);
        }
        // As for notes: a resident typing a theme finds the organisations first.
        self.themes(&mut rec, &e.themes, 1);
        let when = crate::render::dates::event_when(e.start, e.end, self.site.config.language);
        let place = municipality.map(str::to_string).or_else(|| e.online.then(|| self.theme.t("event_online")));
        rec.meta("places", &[Some(when), place].into_iter().flatten().collect::<Vec<_>>().join(" · "));
        rec.text(1, &first_words(e.body.markdown(), self.site.config.search_description_words));
        rec.filter("type", &self.theme.t("search_type_event"));
        rec.finish(self.routes.event(&e.slug))
    }

    fn note(&self, table: TableId, note: usize) -> Record<'a> {
        let t = &self.site.tables[table];
        let n = &t.notes[note];
        let mut rec = RecordHtml::new(self.lang, &n.title);
        rec.aux(&folded_forms([n.title.as_str(), t.name.as_str()]));
        rec.text(3, &t.name);
        rec.text(3, &n.decisions.join(". "));
        let mut themes = t.themes.clone();
        themes.extend(&n.themes);
        themes.sort_unstable();
        themes.dedup();
        // A note is about its themes less than an organisation working on them is:
        // a resident typing a theme finds the organisations first.
        self.themes(&mut rec, &themes, 1);
        rec.meta(
            "places",
            &format!("{} · {}", t.name, crate::render::dates::format(n.date, self.site.config.language)),
        );
        rec.text(1, &first_words(n.body.markdown(), self.site.config.search_description_words));
        rec.filter("type", &self.theme.t("search_type_note"));
        rec.finish(self.routes.note(&t.slug, &n.slug))
    }
}

const RECORDS_PREFIX: &str = "areena-search-";
const RECORDS_MARKER: &str = ".areena-search";

/// Remove record folders that builds killed before they finished left in `tmp`:
/// only folders with areena's marker, of this user, whose build is no longer
/// running (Linux, where a running process has a folder under /proc).
fn remove_abandoned_records(tmp: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(tmp) else { return };
    for e in entries.flatten() {
        let name = e.file_name();
        if !name.to_string_lossy().starts_with(RECORDS_PREFIX) || !e.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            if e.metadata().map(|m| m.uid()).ok() != Some(rustix::process::getuid().as_raw()) {
                continue;
            }
        }
        let Ok(pid) = std::fs::read_to_string(e.path().join(RECORDS_MARKER)) else { continue };
        let pid = pid.trim();
        if !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()) && !Path::new("/proc").join(pid).exists() {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// Remove the record folders of this process (when it is stopped in the middle of
/// indexing, which does not leave time for them to be removed in order); whether
/// any is still there (being written meanwhile).
pub(crate) fn remove_own_records(base: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(base) else { return false };
    let me = std::process::id().to_string();
    let mut left = false;
    for e in entries.flatten() {
        if e.file_name().to_string_lossy().starts_with(RECORDS_PREFIX)
            && std::fs::read_to_string(e.path().join(RECORDS_MARKER)).is_ok_and(|p| p.trim() == me)
        {
            left |= std::fs::remove_dir_all(e.path()).is_err() || e.path().exists();
        }
    }
    left
}

/// Writes each record to `<folder>/<part>/<url>/index.html`: the parts side by side,
/// the records of one part one after the other, so that each part's folder lists them
/// in the same order in every build (Pagefind numbers pages in the order it finds them,
/// and the index files depend on those numbers; each part is an index of its own).
fn write_records(records: &[Record], part: &[usize], base: &Path) -> std::io::Result<tempfile::TempDir> {
    remove_abandoned_records(base);
    let folder = tempfile::Builder::new().prefix(RECORDS_PREFIX).tempdir_in(base)?;
    // Which build the folder is of: a build killed before it removed its records
    // leaves them, and a later build recognises them by this file.
    std::fs::write(folder.path().join(RECORDS_MARKER), std::process::id().to_string())?;
    let mut parts: Vec<Vec<(&str, &str)>> = vec![Vec::new(); part.iter().max().map_or(0, |&p| p + 1)];
    for (r, &p) in records.iter().zip(part) {
        let rel = r.url.trim_start_matches('/');
        if rel.contains(['%', '?', '#', '\\', ':']) || rel.split('/').any(|c| c == ".." || c == ".") {
            return Err(std::io::Error::other(format!("a search record has an unexpected address: {}", r.url)));
        }
        parts[p].push((rel, &r.html));
    }
    parts.par_iter().enumerate().try_for_each(|(p, records)| {
        let dir = folder.path().join(part_dir(p));
        records.iter().try_for_each(|(rel, html)| {
            let dir = dir.join(rel);
            std::fs::create_dir_all(&dir)?;
            std::fs::write(dir.join("index.html"), html)
        })
    })?;
    Ok(folder)
}

/// Where the records are written: a folder in memory where there is one (Linux's
/// `/dev/shm`), as creating and deleting thousands of files is slow on some disks
/// (and `serve` does it after every change); else the temporary folder. Pagefind
/// numbers the records in the order the folder lists them, so `build` and `serve`
/// use the same kind of folder to write the same index.
pub(crate) fn records_base_in_memory() -> PathBuf {
    let shm = Path::new("/dev/shm");
    let writable = tempfile::Builder::new().prefix(RECORDS_PREFIX).tempdir_in(shm).is_ok();
    if writable { shm.to_path_buf() } else { std::env::temp_dir() }
}

/// Every search record of the site, in the index's order.
fn all_records<'a>(site: &'a Site, index: &'a Index, routes: &'a Routes, theme: &'a SiteTheme) -> Vec<Record<'a>> {
    let region_municipalities: Vec<&str> = match site.config.region {
        Some(r) => site.municipalities.list.iter().filter(|m| m.region == r).map(|m| m.name.as_str()).collect(),
        None => Vec::new(),
    };
    let b = Builder { site, index, routes, theme, lang: site.config.language.code(), region_municipalities };
    let mut records: Vec<Record<'_>> = index.order.par_iter().map(|&o| b.organisation(o)).collect();
    records.extend(index.network_order.iter().map(|&n| b.network(n)));
    records.extend(index.table_order.iter().map(|&t| b.table(t)));
    if site.config.search_notes {
        records.extend(index.notes_newest_first.par_iter().map(|n| b.note(n.table, n.note)).collect::<Vec<_>>());
    }
    // Upcoming events (past ones are in the archive, not in search).
    records.extend(index.events.upcoming.iter().map(|&e| b.event(e)));
    records
}

/// The address and HTML of every search record of the site, in the index's order:
/// what Pagefind is given to index.
pub(crate) fn record_pages(site: &Site, index: &Index, routes: &Routes, theme: &SiteTheme) -> Vec<(String, String)> {
    all_records(site, index, routes, theme).into_iter().map(|r| (r.url, r.html)).collect()
}

/// Build the search records of the site and write them to a temporary folder under
/// `base`.
pub(crate) fn records(
    site: &Site,
    index: &Index,
    routes: &Routes,
    theme: &SiteTheme,
    base: &Path,
) -> Result<Records, Diagnostic> {
    let records = all_records(site, index, routes, theme);
    // Pagefind 1.6 adds a synthetic file (`add_html_file`) by first scanning every page
    // added so far for the same URL, which makes indexing quadratic in the number of
    // records (most of a 100,000-organisation build). Its directory indexing has no such
    // scan and parses the files on all cores, so the records are written to a temporary
    // folder, one file per URL, in the records' order, and indexed from there.
    let parts = parts(records.len());
    let part = assign_parts(&records, parts);
    let mut count = vec![0; parts];
    for &p in &part {
        count[p] += 1;
    }
    let folder =
        write_records(&records, &part, base).map_err(|e| fail(format!("could not write the search records: {e}")))?;
    let map = parts_map(&records, &part, parts);
    Ok(Records { folder, count, map, language: site.config.language.code() })
}

/// The index files of each part of the last index made, with a hash of what the part
/// was made from: `serve` indexes again only the parts whose records changed.
#[derive(Default)]
pub(crate) struct PartCache {
    parts: Vec<(u64, Vec<SearchFile>)>,
}

/// The search bundle of the site, indexing again only the parts whose records differ
/// from those `cache` holds; the same files as [`records`] and [`index`] make.
pub(crate) fn index_changed_parts(
    site: &Site,
    index: &Index,
    routes: &Routes,
    theme: &SiteTheme,
    base: &Path,
    cache: &mut PartCache,
) -> Result<Vec<SearchFile>, Diagnostic> {
    use std::hash::{Hash, Hasher};
    let records = all_records(site, index, routes, theme);
    let parts = parts(records.len());
    let language = site.config.language.code();
    let part = assign_parts(&records, parts);
    let map = parts_map(&records, &part, parts);
    let mut split: Vec<Vec<Record>> = (0..parts).map(|_| Vec::new()).collect();
    for (r, p) in records.into_iter().zip(part) {
        split[p].push(r);
    }
    let runtime =
        tokio::runtime::Builder::new_multi_thread().worker_threads(2).build().map_err(|e| fail(e.to_string()))?;
    cache.parts.truncate(parts);
    for (i, part) in split.iter().enumerate() {
        // A fixed-key hasher: the same records give the same hash in every version.
        let mut h = std::hash::DefaultHasher::new();
        (language, i, parts).hash(&mut h);
        for r in part {
            (&r.url, &r.html).hash(&mut h);
        }
        let hash = h.finish();
        if cache.parts.get(i).is_some_and(|(old, _)| *old == hash) {
            continue;
        }
        let folder = write_records(part, &vec![0; part.len()], base)
            .map_err(|e| fail(format!("could not write the search records: {e}")))?;
        let files = runtime.block_on(index_part(&folder.path().join(part_dir(0)), part.len(), language, i))?;
        if i < cache.parts.len() {
            cache.parts[i] = (hash, files);
        } else {
            cache.parts.push((hash, files));
        }
    }
    Ok(cache
        .parts
        .iter()
        .flat_map(|(_, files)| files.iter().map(|f| SearchFile { path: f.path.clone(), bytes: f.bytes.clone() }))
        .chain(map)
        .collect())
}

/// The search records, written to a temporary folder: all that indexing needs, so
/// that the content can be let go of first.
pub(crate) struct Records {
    folder: tempfile::TempDir,
    /// Records in each part.
    count: Vec<usize>,
    /// Which parts a search with a municipality needs ([`parts_map`]).
    map: Option<SearchFile>,
    language: &'static str,
}

fn fail(e: String) -> Diagnostic {
    Diagnostic::error(
        Code::OutputError,
        BUNDLE_DIR,
        None,
        tr!(
            en: "the search index could not be built: {e}",
            fi: "hakutoiminnon tietoja ei voitu koota (tarkempi tekninen kuvaus englanniksi: `--lang en`)",
            sv: "sökfunktionens uppgifter kunde inte sammanställas (en närmare teknisk beskrivning på engelska: `--lang en`)"
        ),
    )
    .with_help(tr!(
        en: "this is a bug in areena; as a workaround set `[search] enabled = false`",
        fi: "tämä on virhe areenassa; kiertotienä voit kirjoittaa site.toml-tiedostoon `[search]`-osioon `enabled = false`",
        sv: "det här är ett fel i areena; som nödlösning kan du skriva `enabled = false` i avsnittet `[search]` i filen site.toml"
    ))
}

/// Index the records with Pagefind: the search bundle (index, filters, fragments and
/// Pagefind's script), two parts at a time. Each part's files are handed to `write`
/// as soon as the part is made, so that writing them (thousands of small files, slow
/// on some disks) goes on while the other parts are indexed.
pub(crate) fn index(records: Records, write: &(dyn Fn(Vec<SearchFile>) + Sync)) -> Result<Bundle, Diagnostic> {
    let Records { folder, count, map, language } = records;
    let mut files = usize::from(map.is_some());
    if let Some(map) = map {
        write(vec![map]);
    }
    // Much of Pagefind's work on one index runs on one thread: two parts are indexed
    // at a time (on two threads), which keeps both cores busy and the memory at that
    // of two parts.
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 2).min(count.len());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let made: Vec<std::sync::Mutex<PartMade>> = count.iter().map(|_| std::sync::Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                let runtime = match tokio::runtime::Builder::new_current_thread().build() {
                    Ok(r) => r,
                    Err(e) => {
                        *made[0].lock().expect("lock") = Some(Err(fail(e.to_string())));
                        return;
                    }
                };
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(&n) = count.get(i) else { break };
                    let dir = folder.path().join(part_dir(i));
                    let result = runtime.block_on(index_part(&dir, n, language, i)).map(|files| {
                        let n = files.len();
                        write(files);
                        n
                    });
                    *made[i].lock().expect("lock") = Some(result);
                }
            });
        }
    });
    for part in made {
        match part.into_inner().expect("lock") {
            Some(Ok(n)) => files += n,
            Some(Err(d)) => return Err(d),
            None => return Err(fail("a part of the search index was not made".into())),
        }
    }
    let cleanup = std::thread::spawn(move || drop(folder));
    Ok(Bundle { files, cleanup })
}

/// The number of a part's index files once made and written (`None` until then).
type PartMade = Option<Result<usize, Diagnostic>>;

/// Index one part's records. Part 0 is the bundle the search page loads
/// (`pagefind/`), with Pagefind's script and WebAssembly; the others, under
/// `pagefind/part-N/`, keep only their index files (the script of part 0 searches them).
async fn index_part(dir: &Path, count: usize, language: &str, part: usize) -> Result<Vec<SearchFile>, Diagnostic> {
    if count == 0 && part > 0 {
        return Ok(Vec::new());
    }
    std::fs::create_dir_all(dir).map_err(|e| fail(e.to_string()))?;
    let config = PagefindServiceConfig::builder().force_language(language.to_string()).keep_index_url(false).build();
    let mut pf = PagefindIndex::new(Some(config)).map_err(|e| fail(e.to_string()))?;
    let root = dir.to_string_lossy().into_owned();
    let added = pf.add_directory(root, Some("**/index.html".into())).await.map_err(|e| fail(e.to_string()))?;
    if added != count {
        return Err(fail(format!("{added} of {count} records were indexed")));
    }
    let files = pf.get_files().await.map_err(|e| fail(e.to_string()))?;
    let out = if part == 0 { PathBuf::from(BUNDLE_DIR) } else { Path::new(BUNDLE_DIR).join(part_dir(part)) };
    // Pagefind's own UIs are not used: the site theme has its own script.
    let unused = ["pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.", "pagefind-highlight."];
    let index_files = ["pagefind-entry.json", "index", "filter", "fragment"];
    Ok(files
        .into_iter()
        .filter_map(|f| {
            let rel = f.filename.strip_prefix("/").unwrap_or(&f.filename).to_path_buf();
            let rel = rel.strip_prefix(BUNDLE_DIR).map(Path::to_path_buf).unwrap_or(rel);
            let first = rel.components().next()?.as_os_str().to_string_lossy().into_owned();
            let keep = if part == 0 {
                !unused.iter().any(|u| first.starts_with(u))
            } else {
                index_files.contains(&first.as_str()) || first.ends_with(".pf_meta")
            };
            keep.then(|| SearchFile { path: out.join(rel), bytes: f.contents })
        })
        .collect())
}

#[cfg(test)]
mod records_tests {
    use super::*;

    #[test]
    fn only_abandoned_record_folders_are_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let made = |name: &str, pid: Option<&str>| {
            let d = tmp.path().join(name);
            std::fs::create_dir(&d).unwrap();
            std::fs::write(d.join("index.html"), "x").unwrap();
            if let Some(p) = pid {
                std::fs::write(d.join(RECORDS_MARKER), p).unwrap();
            }
            d
        };
        let gone = made("areena-search-old", Some("4194399999"));
        let running = made("areena-search-now", Some(&std::process::id().to_string()));
        let unmarked = made("areena-search-other", None);
        let other_name = made("something-else", Some("4194399999"));
        remove_abandoned_records(tmp.path());
        if Path::new("/proc/self").exists() {
            assert!(!gone.exists(), "a folder of a build that is gone is removed");
        }
        assert!(running.exists() && unmarked.exists() && other_name.exists());
    }

    #[test]
    fn a_build_removes_its_own_record_folders_only() {
        let tmp = tempfile::tempdir().unwrap();
        let me = std::process::id().to_string();
        let made = |name: &str, pid: &str| {
            let d = tmp.path().join(name);
            std::fs::create_dir_all(d.join("part-0/x")).unwrap();
            std::fs::write(d.join(RECORDS_MARKER), pid).unwrap();
            d
        };
        let own = made("areena-search-mine", &me);
        let other = made("areena-search-theirs", "4194399999");
        let other_name = made("something-else", &me);
        assert!(!remove_own_records(tmp.path()), "nothing is left");
        assert!(!own.exists());
        assert!(other.exists() && other_name.exists());
    }

    #[test]
    fn records_with_odd_addresses_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let rec =
            |url: &str| Record { url: url.to_string(), html: "<html></html>".to_string(), places: Places::default() };
        let kept = write_records(&[rec("/jarjestot/a/")], &[0], tmp.path()).unwrap();
        assert!(kept.path().join("part-0/jarjestot/a/index.html").is_file());
        for url in ["/jarjestot/%2e%2e/", "/jarjestot/a?b/", "/a/../../b/", "/a/./b/", "/c:/x/"] {
            assert!(write_records(&[rec(url)], &[0], tmp.path()).is_err(), "{url}");
        }
    }

    #[test]
    fn records_are_written_in_memory_where_there_is_a_folder_for_it() {
        let base = records_base_in_memory();
        assert!(base.is_absolute() && base.is_dir(), "{}", base.display());
        let shm = Path::new("/dev/shm");
        if tempfile::tempdir_in(shm).is_ok() {
            assert_eq!(base, shm);
        } else {
            assert_eq!(base, std::env::temp_dir());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn municipality_filter_groups_by_fnv1a() {
        // Published FNV-1a (32-bit) values: "a" 0xe40c292c, "foobar" 0xbf9cf968.
        assert_eq!(municipality_filter("a"), format!("municipality-{}", 0xe40c_292c_u32 % 16));
        assert_eq!(municipality_filter("foobar"), format!("municipality-{}", 0xbf9c_f968_u32 % 16));
        assert_eq!(municipality_filter(""), format!("municipality-{}", 0x811c_9dc5_u32 % 16));
    }

    #[test]
    fn a_part_holds_at_most_part_records_up_to_max_parts() {
        assert_eq!(parts_for(0), 1);
        assert_eq!(parts_for(PART_RECORDS), 1);
        assert_eq!(parts_for(PART_RECORDS + 1), 2);
        assert_eq!(parts_for(10 * PART_RECORDS), 10);
        assert_eq!(parts_for(1_000_000), MAX_PARTS);
    }

    /// A record at `munis` (each of region "R", or "S" when the name starts with "s")
    /// and `wide`.
    fn placed(url: &str, munis: &[&'static str], wide: &[&'static str]) -> Record<'static> {
        let region = |m: &str| if m.starts_with('s') { "S" } else { "R" };
        Record {
            url: url.to_string(),
            html: String::new(),
            places: Places { municipalities: munis.iter().map(|&m| (m, region(m))).collect(), wide: wide.to_vec() },
        }
    }

    /// Records of a directory: wide ones, local ones in one or several municipalities,
    /// and some with no place, interleaved as the content's order would have them.
    fn directory() -> Vec<Record<'static>> {
        let munis = ["big", "mid", "small", "tiny", "sfar", "sother"];
        (0..1200)
            .map(|i| {
                let url = format!("/o/{i}/");
                match i % 12 {
                    0 => placed(&url, &[], &["*"]),
                    1 => placed(&url, &["mid"], &["R"]),
                    2 => placed(&url, &[], &[]),
                    3..=5 => placed(&url, &["big"], &[]),
                    6 => placed(&url, &["big", munis[2 + (i / 12) % 2]], &[]),
                    7 => placed(&url, &["sfar", "sother"], &[]),
                    k => placed(&url, &[munis[(k + i) % munis.len()]], &[]),
                }
            })
            .collect()
    }

    #[test]
    fn parts_keep_the_records_of_a_place_together() {
        let records = directory();
        let parts = 4;
        let part = assign_parts(&records, parts);
        // Equal parts.
        let mut count = vec![0; parts];
        for &p in &part {
            count[p] += 1;
        }
        assert!(count.iter().all(|&c| c == records.len() / parts), "{count:?}");
        // Every region-wide and nationwide record is in part 0, which is always loaded.
        for (r, &p) in records.iter().zip(&part) {
            if !r.places.wide.is_empty() {
                assert_eq!(p, 0, "{}", r.url);
            }
        }
        // The map names every part a municipality's records are in, and only those.
        let map: serde_json::Value = serde_json::from_slice(&parts_map(&records, &part, parts).unwrap().bytes).unwrap();
        assert_eq!(map["parts"], parts);
        for m in ["big", "mid", "small", "tiny", "sfar", "sother"] {
            let mut expected: Vec<usize> = records
                .iter()
                .zip(&part)
                .filter(|(r, _)| r.places.municipalities.iter().any(|&(n, _)| n == m))
                .map(|(_, &p)| p)
                .collect();
            expected.sort_unstable();
            expected.dedup();
            let listed: Vec<usize> =
                map["municipalities"][m].as_array().unwrap().iter().map(|v| v.as_u64().unwrap() as usize).collect();
            assert_eq!(listed, expected, "{m}");
            // Kept together: fewer parts than all.
            assert!(listed.len() < parts, "{m} in {listed:?}");
        }
        assert_eq!(map["wide"]["*"], serde_json::json!([0]));
        assert_eq!(map["wide"]["R"], serde_json::json!([0]));
        // The records with no place come last.
        for (r, &p) in records.iter().zip(&part) {
            if r.places.wide.is_empty() && r.places.municipalities.is_empty() {
                assert_eq!(p, parts - 1, "{}", r.url);
            }
        }
        // The same records give the same parts; one part needs no map.
        assert_eq!(assign_parts(&records, parts), part);
        assert_eq!(assign_parts(&records, 1), vec![0; records.len()]);
        assert!(parts_map(&records, &vec![0; records.len()], 1).is_none());
    }

    #[test]
    fn record_count_counts_the_records_made() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site");
        let settings = crate::pipeline::Settings { drafts: false, today: "2026-11-23".parse().unwrap() };
        let mut site = crate::pipeline::check(&root, settings).unwrap().site;
        for notes in [true, false] {
            site.config.search_notes = notes;
            let index = Index::build(&site);
            let theme = crate::pipeline::load_theme(&root, &site, &mut Default::default()).unwrap();
            let routes = Routes::new(&site.config.base_url, &site.config.paths);
            // Every kind of record is there, each more than one.
            let kinds = [
                index.order.len(),
                index.network_order.len(),
                index.table_order.len(),
                index.notes_newest_first.len(),
                index.events.upcoming.len(),
            ];
            assert!(kinds.iter().all(|&n| n > 1), "{kinds:?}");
            assert_eq!(record_count(&site, &index), all_records(&site, &index, &routes, &theme).len(), "notes {notes}");
        }
    }

    #[test]
    fn words_and_folding() {
        assert_eq!(first_words("# Otsikko\n\nYksi *kaksi* [kolme](x.md) neljä", 3), "Otsikko Yksi kaksi");
        assert_eq!(first_words("a b", 0), "");
        assert_eq!(folded_forms(["Jyväskylä Keuruu", "Äänekoski"]), "aanekoski jyvaskyla");
    }

    #[test]
    fn bare_words_leaves_out_punctuation_around_words_of_letters_only() {
        assert_eq!(
            bare_words("Tarjoamme vertaistukea, neuvontaa (ja) retkiä.\n\"Lähde\" mukaan!"),
            "Tarjoamme vertaistukea neuvontaa ja retkiä Lähde mukaan"
        );
        assert_eq!(bare_words("lasten- ja nuorisotyö; ÄÄNI?"), "lasten ja nuorisotyö ÄÄNI");
        // Kept: digits, punctuation inside a word, other marks, punctuation alone.
        for kept in
            ["covid19,", "Keski-Suomi,", "www.example.fi.", "3.5.", "ry:n", "#sana", "sana…", "–", "(1)", "a/b."]
        {
            assert_eq!(bare_words(kept), kept);
        }
    }

    /// Pagefind's index files of `texts`, each text the description of one record.
    fn index_files_of(texts: &[String]) -> Vec<(PathBuf, Vec<u8>)> {
        let records: Vec<Record> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut rec = RecordHtml::new("fi", &format!("Yhdistys {i}"));
                rec.text(1, t);
                rec.finish(format!("/jarjestot/y{i}/"))
            })
            .collect();
        let tmp = tempfile::tempdir().unwrap();
        let folder = write_records(&records, &vec![0; records.len()], tmp.path()).unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let files = runtime.block_on(index_part(&folder.path().join(part_dir(0)), records.len(), "fi", 0)).unwrap();
        let mut files: Vec<(PathBuf, Vec<u8>)> = files
            .into_iter()
            .filter(|f| f.path.components().any(|c| c.as_os_str() == "index" || c.as_os_str() == "filter"))
            .map(|f| (f.path, f.bytes))
            .collect();
        files.sort();
        files
    }

    #[test]
    fn the_index_holds_the_same_words_with_and_without_the_punctuation_left_out() {
        let texts: Vec<String> = [
            "Tarjoamme vertaistukea, neuvontaa (ja) retkiä. \"Lähde\" mukaan! Kysy: 'miten?'",
            "Lasten- ja nuorisotyötä; (JyväsKylä) ÄÄNI? Ääni. sana.) ...sana [huom] -ja- ja-",
            "covid19, Keski-Suomi, www.example.fi. 3.5. ry:n #sana e-mail. A. x :) — sana… (1)",
            "Omaishoitajien vertaistuki, liikuntavuorot. KESKI-SUOMI! Mielenterveys-yhdistys.",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        let bare: Vec<String> = texts.iter().map(|t| bare_words(t)).collect();
        assert_ne!(texts, bare);
        let (with, without) = (index_files_of(&texts), index_files_of(&bare));
        assert!(!with.is_empty());
        assert_eq!(with, without);
    }

    #[test]
    fn record_html_escapes_everything() {
        let mut r = RecordHtml::new("fi", "<script>x</script>");
        r.filter("theme", "a\"b");
        r.meta("places", "<b>");
        let h = r.finish("/a/".into()).html;
        assert!(!h.contains("<script>"));
        assert!(h.contains("a&quot;b"));
        assert!(h.contains("&lt;b&gt;"));
    }
}

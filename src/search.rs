//! The search index, made from the model (never by re-reading rendered pages).
//!
//! Each organisation, network, partnership table and (unless `[search] notes =
//! false`) meeting note becomes one record for Pagefind, handed over as Pagefind
//! would read it from a small HTML page with `data-pagefind-*` attributes, so that
//! Pagefind's weighting applies: the name weighs most, then the short name,
//! themes and places, then activities, then the first `description_words` words of
//! the description. Records carry filters (theme, municipality, region, kind,
//! language, type; `wide` for region-wide and nationwide records) and short meta
//! fields (title, places, summary). What a record holds
//! decides both what residents find and how large and slow the index is; see
//! docs/search.md.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use rayon::prelude::*;

use crate::diagnostics::suggest::fold;
use crate::diagnostics::{Code, Diagnostic, tr};
use crate::index::Index;
use crate::model::{Area, EventId, NetworkId, OrganisationId, Organiser, Site, TableId, ThemeId};
use crate::render::{Renderer, Routes, SiteTheme};

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

/// A file of the search bundle, relative to the output folder.
pub(crate) struct SearchFile {
    pub(crate) path: PathBuf,
    pub(crate) bytes: Vec<u8>,
}

fn esc(s: &str) -> String {
    crate::render::feeds::xml_escape(s)
}

/// The first `n` words of a plain text (its start, up to the end of the `n`th word).
fn first_words(text: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    // `n` words and the space after the last take more than `n` bytes (and with no
    // limit set, `n` is the largest number there is).
    if n >= text.len() {
        return text;
    }
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == n {
                    return &text[..i];
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text
}

/// The first `n` words of a plain text, one space between them.
fn first_words_joined(text: &str, n: usize) -> String {
    first_words(text, n).split_whitespace().collect::<Vec<_>>().join(" ")
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
    // The punctuation is ASCII: it is trimmed byte by byte, and what is left starts and
    // ends on a character's boundary.
    const LOOSE: [bool; 128] = {
        let mut t = [false; 128];
        let mut i = 0;
        while i < LOOSE_PUNCTUATION.len() {
            t[LOOSE_PUNCTUATION[i] as usize] = true;
            i += 1;
        }
        t
    };
    let loose = |b: u8| b < 128 && LOOSE[b as usize];
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        let b = word.as_bytes();
        let (mut start, mut end) = (0, b.len());
        while start < end && loose(b[start]) {
            start += 1;
        }
        while end > start && loose(b[end - 1]) {
            end -= 1;
        }
        let core = &word[start..end];
        let letters = !core.is_empty()
            && (core.bytes().all(|c| c.is_ascii_alphabetic())
                || (!core.is_ascii() && core.chars().all(char::is_alphabetic)));
        out.push_str(if letters { core } else { word });
    }
    out
}

struct Record<'a> {
    url: String,
    lang: &'static str,
    /// The title, texts, meta fields and filters, in order.
    items: Vec<Item>,
    /// Where the record is found by a municipality filter: the municipalities it is
    /// listed under and its `wide` values (which part of the index it goes to).
    places: Places<'a>,
}

/// A record without its places: what indexing needs.
#[derive(Hash)]
struct Entry {
    url: String,
    lang: &'static str,
    items: Vec<Item>,
}

/// A piece of a search record.
#[derive(Hash)]
enum Item {
    /// The record's name: searchable at the highest weight, and its `title` meta field.
    Title(String),
    /// Searchable text at a weight.
    Text(u8, String),
    /// A meta field (shown with the result).
    Meta(String, String),
    /// A filter value.
    Filter(String, String),
}

/// The municipality filter's values of a record (each with its region) and its
/// `wide` values, borrowed from the site.
#[derive(Default)]
struct Places<'a> {
    municipalities: Vec<(&'a str, &'a str)>,
    wide: Vec<&'a str>,
}

/// Builds one record.
struct RecordMaker<'a> {
    lang: &'static str,
    items: Vec<Item>,
    /// Searchable helper words (folded forms, the region's municipalities), kept at
    /// the end so that excerpts come from the record's real text first.
    aux: Vec<Item>,
    places: Places<'a>,
}

impl<'a> RecordMaker<'a> {
    fn new(lang: &'static str, title: &str) -> Self {
        RecordMaker { lang, items: vec![Item::Title(title.to_string())], aux: Vec::new(), places: Places::default() }
    }
    fn text(&mut self, weight: u8, text: &str) {
        if !text.trim().is_empty() {
            self.items.push(Item::Text(weight, text.to_string()));
        }
    }
    /// As [`RecordMaker::text`], for a text made for the record (kept, not copied).
    fn text_owned(&mut self, weight: u8, text: String) {
        if !text.trim().is_empty() {
            self.items.push(Item::Text(weight, text));
        }
    }
    fn aux(&mut self, text: &str) {
        self.aux_at(1, text);
    }
    fn aux_at(&mut self, weight: u8, text: &str) {
        if !text.trim().is_empty() {
            self.aux.push(Item::Text(weight, text.to_string()));
        }
    }
    fn meta(&mut self, key: &str, value: &str) {
        if !value.is_empty() {
            self.items.push(Item::Meta(key.to_string(), value.to_string()));
        }
    }
    fn filter(&mut self, key: &str, value: &str) {
        self.items.push(Item::Filter(key.to_string(), value.to_string()));
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
        self.items.append(&mut self.aux);
        Record { url, lang: self.lang, items: self.items, places: self.places }
    }
}

/// A record as Pagefind indexes it: its text with the weights marked as Pagefind's
/// HTML reader marks them, its meta fields and filters.
struct PagefindRecord {
    url: String,
    text: String,
    meta: BTreeMap<String, String>,
    filters: BTreeMap<String, Vec<String>>,
}

/// Whether Pagefind's HTML reader ends a block of text that ends in `c` with a full
/// stop (its `[\w'")$*]`; the quotation marks are escaped in the HTML it reads).
fn ends_sentence(c: char) -> bool {
    static WORD: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"^[\w)$*]$").expect("a valid pattern"));
    WORD.is_match(c.encode_utf8(&mut [0; 4]))
}

/// A meta or filter value as Pagefind's HTML reader leaves it: without spaces at the
/// ends, a line break or a run of spaces made one space.
fn pagefind_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    // The length of the run of spaces before `c`, and its first space.
    let (mut run, mut first) = (0, ' ');
    for c in value.trim().chars() {
        if c.is_whitespace() {
            if run == 0 {
                first = c;
            }
            run += 1;
            continue;
        }
        match run {
            0 => {}
            1 if first != '\n' => out.push(first),
            _ => out.push(' '),
        }
        run = 0;
        out.push(c);
    }
    out
}

impl Record<'_> {
    fn entry(self) -> Entry {
        Entry { url: self.url, lang: self.lang, items: self.items }
    }
}

impl Entry {
    /// The record as Pagefind reads it from [`Entry::html`], made directly: the same
    /// index, without writing, reading and parsing a file per record.
    fn for_pagefind(self) -> PagefindRecord {
        let mut text = String::new();
        let mut meta = BTreeMap::new();
        let mut filters: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut weighted = |weight: u8, t: &str| {
            let _ = write!(text, "___PAGEFIND_WEIGHT___{weight} ");
            let start = text.len();
            // Words that look like Pagefind's own marks would change the weights.
            for w in t.split_whitespace().filter(|w| !(w.starts_with("___") && w.contains("PAGEFIND"))) {
                text.push_str(w);
                text.push(' ');
            }
            if text.len() > start && t.chars().next_back().is_some_and(ends_sentence) {
                text.pop();
                text.push_str(". ");
            }
            text.push_str("___END_PAGEFIND_WEIGHT___ ");
        };
        for item in self.items {
            match item {
                Item::Title(t) => {
                    weighted(10, &t);
                    meta.insert("title".to_string(), pagefind_value(&t));
                }
                Item::Text(w, t) => weighted(w, &t),
                Item::Meta(k, v) => {
                    meta.insert(k, pagefind_value(&v));
                }
                Item::Filter(k, v) => filters.entry(k).or_default().push(pagefind_value(&v)),
            }
        }
        PagefindRecord { url: self.url, text, meta, filters }
    }

    /// The record as an HTML page with Pagefind's `data-pagefind-*` attributes: what
    /// [`Entry::for_pagefind`] gives Pagefind, in a form to look at.
    fn html(&self) -> String {
        let mut html = format!("<html lang=\"{}\"><body>", self.lang);
        for item in &self.items {
            let _ = match item {
                Item::Title(t) => {
                    write!(html, "<h1 data-pagefind-weight=\"10\" data-pagefind-meta=\"title\">{}</h1>", esc(t))
                }
                Item::Text(w, t) => write!(html, "<p data-pagefind-weight=\"{w}\">{}</p>", esc(t)),
                Item::Meta(k, v) => write!(html, "<span data-pagefind-meta=\"{k}:{}\"></span>", esc(v)),
                Item::Filter(k, v) => write!(html, "<span data-pagefind-filter=\"{k}:{}\"></span>", esc(v)),
            };
        }
        html.push_str("</body></html>");
        html
    }
}

struct Builder<'a> {
    /// The renderer of the site's pages, whose plain texts of the organisations are
    /// shared with the open data files.
    texts: &'a Renderer<'a>,
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
    fn places(&self, rec: &mut RecordMaker<'a>, area: &'a Area) {
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
    fn themes(&self, rec: &mut RecordMaker<'a>, ids: &[ThemeId], weight: u8) {
        let names: Vec<&str> = ids.iter().map(|&t| self.site.themes[t].name.as_str()).collect();
        rec.text(weight, &names.join(", "));
        for n in names {
            rec.filter("theme", n);
        }
    }

    fn organisation(&self, id: OrganisationId) -> Record<'a> {
        let o = &self.site.organisations[id];
        let mut rec = RecordMaker::new(self.lang, &o.name);
        if let Some(s) = &o.short_name {
            rec.text(8, s);
        }
        rec.aux(&folded_forms([o.name.as_str()].into_iter().chain(o.short_name.as_deref())));
        self.themes(&mut rec, &o.themes, 4);
        self.places(&mut rec, &o.area);
        // The organisation's own texts without punctuation (the search page shows its
        // summary, never an excerpt of them: see `bare_words`).
        rec.text_owned(3, bare_words(&o.activities.join(". ")));
        // Its text as plain text, made once for the open data files as well.
        let description = first_words(self.texts.organisation_text(id), self.site.config.search_description_words);
        rec.text_owned(1, bare_words(description));
        // What a result shows under its name: its summary (or first sentence), else the
        // description's start, or the activities.
        let summary = if !o.lead.is_empty() {
            o.lead.clone()
        } else if description.is_empty() {
            o.activities.join(", ")
        } else {
            first_words_joined(description, SUMMARY_WORDS)
        };
        if let Some(s) = &o.summary {
            rec.text_owned(3, bare_words(s));
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
        let mut rec = RecordMaker::new(self.lang, &n.name);
        rec.aux(&folded_forms([n.name.as_str()]));
        self.themes(&mut rec, &n.themes, 4);
        self.places(&mut rec, &n.area);
        rec.text(1, first_words(n.body.text(), self.site.config.search_description_words));
        rec.filter("type", &self.theme.t("search_type_network"));
        rec.finish(self.routes.network(&n.slug))
    }

    fn table(&self, id: TableId) -> Record<'a> {
        let t = &self.site.tables[id];
        let mut rec = RecordMaker::new(self.lang, &t.name);
        rec.aux(&folded_forms([t.name.as_str()]));
        rec.text(3, &t.public_partners.join(", "));
        self.themes(&mut rec, &t.themes, 4);
        self.places(&mut rec, &t.area);
        rec.text(1, first_words(t.body.text(), self.site.config.search_description_words));
        rec.filter("type", &self.theme.t("search_type_table"));
        rec.finish(self.routes.table(&t.slug))
    }

    fn event(&self, id: EventId) -> Record<'a> {
        let e = &self.site.events[id];
        let mut rec = RecordMaker::new(self.lang, &e.title);
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
        rec.text(1, first_words(e.body.text(), self.site.config.search_description_words));
        rec.filter("type", &self.theme.t("search_type_event"));
        rec.finish(self.routes.event(&e.slug))
    }

    fn note(&self, table: TableId, note: usize) -> Record<'a> {
        let t = &self.site.tables[table];
        let n = &t.notes[note];
        let mut rec = RecordMaker::new(self.lang, &n.title);
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
        rec.text(1, first_words(n.body.text(), self.site.config.search_description_words));
        rec.filter("type", &self.theme.t("search_type_note"));
        rec.finish(self.routes.note(&t.slug, &n.slug))
    }
}

/// Every search record of the site, in the index's order.
fn all_records<'a>(r: &'a Renderer<'a>) -> Vec<Record<'a>> {
    let (site, index, routes, theme) = (r.site, r.index, &r.routes, &r.theme);
    let region_municipalities: Vec<&str> = match site.config.region {
        Some(r) => site.municipalities.list.iter().filter(|m| m.region == r).map(|m| m.name.as_str()).collect(),
        None => Vec::new(),
    };
    let b = Builder { texts: r, site, index, routes, theme, lang: site.config.language.code(), region_municipalities };
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
pub(crate) fn record_pages(r: &Renderer<'_>) -> Vec<(String, String)> {
    all_records(r)
        .into_iter()
        .map(|r| {
            let e = r.entry();
            let html = e.html();
            (e.url, html)
        })
        .collect()
}

/// The search records of the site, split into the parts of the index, as Pagefind
/// indexes them.
pub(crate) fn records(r: &Renderer<'_>) -> Records {
    let records = all_records(r);
    let parts = parts(records.len());
    let part = assign_parts(&records, parts);
    let map = parts_map(&records, &part, parts);
    // Each part's records in the records' order: Pagefind numbers pages in the order
    // they are added, and the index files depend on those numbers (the same content
    // gives the same files).
    let mut split: Vec<Vec<Entry>> = (0..parts).map(|_| Vec::new()).collect();
    for (r, p) in records.into_iter().zip(part) {
        split[p].push(r.entry());
    }
    Records { parts: split, map, language: r.site.config.language.code() }
}

/// The index files of each part of the last index made, with a hash of what the part
/// was made from: `serve` indexes again only the parts whose records changed.
#[derive(Default)]
pub(crate) struct PartCache {
    parts: Vec<(u64, Vec<SearchFile>)>,
}

/// The search bundle of the site, indexing again only the parts whose records differ
/// from those `cache` holds; the same files as [`records`] and [`index`] make.
pub(crate) fn index_changed_parts(r: &Renderer<'_>, cache: &mut PartCache) -> Result<Vec<SearchFile>, Diagnostic> {
    use std::hash::{Hash, Hasher};
    let Records { parts: split, map, language } = records(r);
    let parts = split.len();
    let runtime =
        tokio::runtime::Builder::new_multi_thread().worker_threads(2).build().map_err(|e| fail(e.to_string()))?;
    cache.parts.truncate(parts);
    for (i, part) in split.into_iter().enumerate() {
        // A fixed-key hasher: the same records give the same hash in every version.
        let mut h = std::hash::DefaultHasher::new();
        (language, i, parts).hash(&mut h);
        part.hash(&mut h);
        let hash = h.finish();
        if cache.parts.get(i).is_some_and(|(old, _)| *old == hash) {
            continue;
        }
        let files = runtime.block_on(index_part(part, language, i))?;
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

/// The search records, split into parts: all that indexing needs, so that the
/// content can be let go of first.
pub(crate) struct Records {
    /// Each part's records.
    parts: Vec<Vec<Entry>>,
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
pub(crate) fn index(records: Records, write: &(dyn Fn(Vec<SearchFile>) + Sync)) -> Result<usize, Diagnostic> {
    let Records { parts, map, language } = records;
    let mut files = usize::from(map.is_some());
    if let Some(map) = map {
        write(vec![map]);
    }
    // Much of Pagefind's work on one index runs on one thread: two parts are indexed
    // at a time (on two threads), which keeps both cores busy and the memory at that
    // of two parts.
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 2).min(parts.len());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let parts: Vec<std::sync::Mutex<Vec<Entry>>> = parts.into_iter().map(std::sync::Mutex::new).collect();
    let made: Vec<std::sync::Mutex<PartMade>> = parts.iter().map(|_| std::sync::Mutex::new(None)).collect();
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
                    let Some(records) = parts.get(i) else { break };
                    // Each part's records are let go of once indexed.
                    let records = std::mem::take(&mut *records.lock().expect("lock"));
                    let result = runtime.block_on(index_part(records, language, i)).map(|files| {
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
    Ok(files)
}

/// The number of a part's index files once made and written (`None` until then).
type PartMade = Option<Result<usize, Diagnostic>>;

/// Index one part's records. Part 0 is the bundle the search page loads
/// (`pagefind/`), with Pagefind's script and WebAssembly; the others, under
/// `pagefind/part-N/`, keep only their index files (the script of part 0 searches them).
async fn index_part(records: Vec<Entry>, language: &str, part: usize) -> Result<Vec<SearchFile>, Diagnostic> {
    if records.is_empty() && part > 0 {
        return Ok(Vec::new());
    }
    let config = PagefindServiceConfig::builder().force_language(language.to_string()).keep_index_url(false).build();
    let mut pf = PagefindIndex::new(Some(config)).map_err(|e| fail(e.to_string()))?;
    // Each record is added as Pagefind's HTML reader would have read it from its page
    // (`Entry::html`).
    for entry in records {
        let r = entry.for_pagefind();
        pf.add_custom_record(r.url, r.text, language.to_string(), Some(r.meta), Some(r.filters), None)
            .await
            .map_err(|e| fail(e.to_string()))?;
    }
    let files = pf.get_files_once().await.map_err(|e| fail(e.to_string()))?;
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
mod tests {
    use super::*;
    use crate::model::body::plain_text;

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
            lang: "fi",
            items: Vec::new(),
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
            let r = Renderer::new(&site, &index, theme, routes);
            assert_eq!(record_count(&site, &index), all_records(&r).len(), "notes {notes}");
        }
    }

    #[test]
    fn words_and_folding() {
        let text = plain_text("# Otsikko\n\nYksi *kaksi* [kolme](x.md) neljä");
        assert_eq!(first_words(&text, 3), "Otsikko\nYksi kaksi");
        assert_eq!(first_words_joined(&text, 3), "Otsikko Yksi kaksi");
        assert_eq!(first_words_joined(" a  b\tc ", 2), "a b");
        assert_eq!(first_words("a b", 0), "");
        assert_eq!(first_words("a b ", 5), "a b ");
        // A word with markup inside it stays one word.
        assert_eq!(first_words_joined(&plain_text("yhdistys**ten** tuki"), 1), "yhdistysten");
        assert_eq!(folded_forms(["Jyväskylä Keuruu", "Äänekoski"]), "aanekoski jyvaskyla");
    }

    #[test]
    fn first_words_and_bare_words_agree_with_their_plain_definitions() {
        // The definitions, word by word and character by character.
        fn words(text: &str, n: usize) -> &str {
            let mut ends = text.char_indices().filter(|&(i, c)| {
                c.is_whitespace() && text[..i].chars().next_back().is_some_and(|p| !p.is_whitespace())
            });
            if n == 0 { "" } else { ends.nth(n - 1).map_or(text, |(i, _)| &text[..i]) }
        }
        fn bare(text: &str) -> String {
            let words = text.split_whitespace().map(|w| {
                let core = w.trim_matches(LOOSE_PUNCTUATION);
                if !core.is_empty() && core.chars().all(char::is_alphabetic) { core } else { w }
            });
            words.collect::<Vec<_>>().join(" ")
        }
        let texts = [
            "",
            " ",
            "yksi",
            "a b",
            "a b ",
            "  kaksi  välilyöntiä\t\nja (sulkeet), \"lainaus\" 'heittomerkki' -viiva- ...",
            "covid19, 3. [x] (ä) «kulmat» ¿qué? ―viiva― … café. ÄÄNI!",
            "Keski-Suomi www.example.fi 24/7 e-mail: a@b.example; ok.",
            "sitova\u{a0}väli ja\u{2003}em-väli ja\u{200b}nollaväli",
            "yhdistelmä\u{301}merkki 日本語。 emoji🙂, ok!",
            ".,;:!?()[]\"'- ---- (-) a-",
        ];
        for t in texts {
            assert_eq!(bare_words(t), bare(t), "{t:?}");
            for n in [0, 1, 2, 3, 5, 8, 100, usize::MAX] {
                assert_eq!(first_words(t, n), words(t, n), "{t:?} {n}");
            }
        }
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
        let records: Vec<Entry> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut rec = RecordMaker::new("fi", &format!("Yhdistys {i}"));
                rec.text(1, t);
                rec.finish(format!("/jarjestot/y{i}/")).entry()
            })
            .collect();
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let files = runtime.block_on(index_part(records, "fi", 0)).unwrap();
        let mut files: Vec<(PathBuf, Vec<u8>)> = files
            .into_iter()
            .filter(|f| f.path.components().any(|c| c.as_os_str() == "index" || c.as_os_str() == "filter"))
            .map(|f| (f.path, f.bytes))
            .collect();
        files.sort();
        files
    }

    /// Every file of Pagefind's index of `record` read from its page ([`Record::html`]),
    /// as Pagefind indexes a site's HTML.
    fn index_of_page(record: &Entry) -> Vec<(PathBuf, Vec<u8>)> {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join(record.url.trim_start_matches('/'));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), record.html()).unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let mut files: Vec<(PathBuf, Vec<u8>)> = runtime.block_on(async {
            let config = PagefindServiceConfig::builder().force_language("fi".into()).keep_index_url(false).build();
            let mut pf = PagefindIndex::new(Some(config)).unwrap();
            let root = tmp.path().to_string_lossy().into_owned();
            assert_eq!(pf.add_directory(root, Some("**/index.html".into())).await.unwrap(), 1);
            let files = pf.get_files().await.unwrap().into_iter();
            files.map(|f| (Path::new(BUNDLE_DIR).join(f.filename), f.contents)).collect()
        });
        files.sort();
        files
    }

    /// Every file of the index that [`index_part`] makes of `record`.
    fn index_of_record(record: Entry) -> Vec<(PathBuf, Vec<u8>)> {
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let made = runtime.block_on(index_part(vec![record], "fi", 0)).unwrap();
        let mut files: Vec<(PathBuf, Vec<u8>)> = made.into_iter().map(|f| (f.path, f.bytes)).collect();
        files.sort();
        files
    }

    #[test]
    fn records_handed_to_pagefind_index_as_their_pages_do() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site");
        let settings = crate::pipeline::Settings { drafts: false, today: "2026-11-23".parse().unwrap() };
        let site = crate::pipeline::check(&root, settings).unwrap().site;
        let index = Index::build(&site);
        let theme = crate::pipeline::load_theme(&root, &site, &mut Default::default()).unwrap();
        let routes = Routes::new(&site.config.base_url, &site.config.paths);
        let r = Renderer::new(&site, &index, theme, routes);
        let mut records = all_records(&r);
        // Texts that end in each kind of character, spaces and line breaks in meta
        // fields and filters, and text that looks like markup.
        let endings = [
            "sana", "sana.", "sana?", "(sana)", "\"sana\"", "'sana'", "5 $", "a*", "ä", "e\u{301}", "x²", "a_b", "-",
            "a & b", "<b>", "sana ",
        ];
        for (i, end) in endings.iter().enumerate() {
            let mut rec = RecordMaker::new("fi", &format!("Yhdistys {end}"));
            rec.text(3, end);
            rec.text(1, &format!("Kuvaus  monella\n rivillä\t{end}"));
            rec.meta("summary", &format!("  Tiivistelmä\n\nkahdella   rivillä\nja\ttauko {end}\t"));
            rec.meta("places", "Jyväskylä · Keski-Suomi");
            rec.filter("theme", &format!("Teema {end}"));
            rec.filter("theme", " Toinen\r\nteema ");
            records.push(rec.finish(format!("/jarjestot/loppu-{i}/")));
        }
        assert!(records.len() > 30, "{}", records.len());
        // One record at a time: Pagefind numbers the pages of a folder in the order
        // the system lists them.
        let names = |files: &[(PathBuf, Vec<u8>)]| files.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
        for r in records.into_iter().map(Record::entry) {
            // Pagefind's own search interfaces, left out of the bundle, aside.
            let page = index_of_page(&r);
            let url = r.url.clone();
            let made = index_of_record(r);
            assert!(names(&made).iter().any(|n| n.starts_with("pagefind/fragment/")));
            let page: Vec<_> = page.into_iter().filter(|f| names(&made).contains(&f.0)).collect();
            assert_eq!(names(&page), names(&made), "{url}");
            for ((name, a), (_, b)) in page.iter().zip(&made) {
                assert!(a == b, "{url}: {} differs", name.display());
            }
        }
    }

    /// The index files of `texts` indexed in `lang`, as (name, bytes), sorted.
    fn index_in(lang: &'static str, texts: &[&str]) -> Vec<(PathBuf, Vec<u8>)> {
        let records: Vec<Entry> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut rec = RecordMaker::new(lang, &format!("Yhdistys {i}"));
                rec.text(1, t);
                rec.meta("summary", t);
                rec.finish(format!("/jarjestot/y{i}/")).entry()
            })
            .collect();
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let mut files: Vec<(PathBuf, Vec<u8>)> =
            runtime.block_on(index_part(records, lang, 0)).unwrap().into_iter().map(|f| (f.path, f.bytes)).collect();
        files.sort();
        files
    }

    #[test]
    fn stems_remembered_in_one_language_are_not_used_in_another() {
        // Words that the Finnish and the Swedish stemmer take to different stems.
        const TEXTS: [&str; 3] = [
            "kirjastoissa kirjastojen föreningarna föreningar",
            "vertaistukea vertaistuen stödgrupperna stödgrupper",
            "kirjastoissa föreningarna kaupungeissa städerna",
        ];
        let alone = |lang: &'static str| std::thread::spawn(move || index_in(lang, &TEXTS)).join().unwrap();
        let (fi, sv) = (alone("fi"), alone("sv"));
        let contents = |files: &[(PathBuf, Vec<u8>)]| files.iter().map(|f| f.1.clone()).collect::<BTreeSet<_>>();
        assert_ne!(contents(&fi), contents(&sv), "the two languages index these words alike");
        // Indexed on one thread one after another, each language as if alone.
        let (fi_1, sv_1, fi_2) =
            std::thread::spawn(|| (index_in("fi", &TEXTS), index_in("sv", &TEXTS), index_in("fi", &TEXTS)))
                .join()
                .unwrap();
        assert!(fi_1 == fi && fi_2 == fi, "Finnish indexed after Swedish differs");
        assert!(sv_1 == sv, "Swedish indexed after Finnish differs");
        // Every stem remembered (the second time) or not: the same index, for words with
        // and without diacritics, and compounds, whose parts are stemmed apart.
        const WORDS: [&str; 2] =
            ["Jyväskylän Keski-Suomen sote-palvelut www.esimerkki.example AikuisOpisto", "vertaistuki Äänekoski"];
        let (cold, warm) = std::thread::spawn(|| (index_in("fi", &WORDS), index_in("fi", &WORDS))).join().unwrap();
        assert!(cold == warm, "words indexed from the remembered stems differ");
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
        let mut r = RecordMaker::new("fi", "<script>x</script>");
        r.filter("theme", "a\"b");
        r.meta("places", "<b>");
        let h = r.finish("/a/".into()).entry().html();
        assert!(!h.contains("<script>"));
        assert!(h.contains("a&quot;b"));
        assert!(h.contains("&lt;b&gt;"));
    }

    #[test]
    fn text_that_looks_like_pagefind_marks_does_not_change_the_weights() {
        let mut r = RecordMaker::new("fi", "Nimi");
        r.text(1, "sana ___PAGEFIND_WEIGHT___10 toinen ___END_PAGEFIND_WEIGHT___");
        let text = r.finish("/a/".into()).entry().for_pagefind().text;
        assert_eq!(text.matches("PAGEFIND_WEIGHT___").count(), 4, "{text}");
        assert!(text.contains("sana toinen"), "{text}");
    }
}

//! Atom feeds: the whole site's (`atom.xml`: meeting notes and announcements), and
//! one for each partnership table (its notes), theme (its organisations and the
//! notes of its tables), municipality (its local organisations) and for the
//! upcoming events. Each feed lives next to its page (`<page>/atom.xml`).
//!
//! Ids are the absolute addresses of the feeds and of the pages of their entries,
//! so they stay the same from build to build; every `updated` is a date of the
//! content (a note's date, an organisation's `updated`, an event's first day),
//! never the build's clock, so that two builds of the same content are identical.

use std::fmt::Write as _;

use jiff::civil::Date;

use super::feeds::xml_escape;
use super::{Job, Renderer, dates};
use crate::index::NoteRef;
use crate::model::body::first_paragraph;
use crate::model::{EventId, MunicipalityId, OrganisationId, TableId, ThemeId};

/// The most entries a feed holds.
pub const FEED_LIMIT: usize = 50;

/// One entry of a feed.
struct Entry {
    title: String,
    /// The absolute address of its page: its link and its id.
    url: String,
    updated: Date,
    author: Option<String>,
    summary: String,
}

/// A feed before it is written.
struct Feed {
    title: String,
    /// Its own absolute address: its id and `rel="self"`.
    url: String,
    /// The absolute address of the page it follows.
    page: String,
    entries: Vec<Entry>,
}

impl Renderer<'_> {
    /// The title of the feed of a page job (`None` for a page without one).
    pub fn feed_title(&self, job: Job) -> Option<String> {
        let s = self.site;
        let named = |key: &str, name: &str| self.theme.t(key).replace("{name}", name);
        Some(match job {
            Job::Atom => s.config.title.clone(),
            Job::TableFeed(t) => named("feed_table", &s.tables[t].name),
            Job::ThemeFeed(t) => named("feed_theme", &s.themes[t].name),
            Job::MunicipalityFeed(m) => named("feed_municipality", &s.municipalities.list[m].name),
            Job::EventsFeed => format!("{} – {}", s.config.title, self.theme.t("feed_events")),
            _ => return None,
        })
    }

    /// The page a feed follows.
    fn feed_page(&self, job: Job) -> String {
        let (s, rt) = (self.site, &self.routes);
        match job {
            Job::TableFeed(t) => rt.table(&s.tables[t].slug),
            Job::ThemeFeed(t) => rt.theme(&s.themes[t].id),
            Job::MunicipalityFeed(m) => rt.municipality(&s.municipalities.list[m].slug),
            Job::EventsFeed => rt.events(),
            _ => rt.home(),
        }
    }

    /// What a meeting note's entry says: its first paragraph, else its decisions
    /// (one a line), else its kind, table and date.
    pub fn note_summary(&self, nr: NoteRef) -> String {
        let tb = &self.site.tables[nr.table];
        let n = &tb.notes[nr.note];
        let first = first_paragraph(n.body.markdown());
        if !first.is_empty() {
            return first;
        }
        if !n.decisions.is_empty() {
            return n.decisions.join("\n");
        }
        let kind = self.theme.t(n.kind.label_key());
        format!("{kind} · {} · {}", tb.name, dates::format(n.date, self.site.config.language))
    }

    fn note_entry(&self, nr: NoteRef) -> Entry {
        let tb = &self.site.tables[nr.table];
        let n = &tb.notes[nr.note];
        Entry {
            title: n.title.clone(),
            url: self.routes.absolute(&self.routes.note(&tb.slug, &n.slug)),
            updated: n.date,
            author: Some(tb.name.clone()),
            summary: self.note_summary(nr),
        }
    }

    /// An organisation's entry, when it says when it was last updated.
    fn organisation_entry(&self, id: OrganisationId) -> Option<Entry> {
        let o = &self.site.organisations[id];
        let updated = o.updated?;
        let places = self.places(&o.area);
        Some(Entry {
            title: o.name.clone(),
            url: self.routes.absolute(&self.routes.organisation(&o.slug)),
            updated,
            author: Some(o.name.clone()),
            summary: if o.lead.is_empty() { places } else { format!("{}\n{places}", o.lead) },
        })
    }

    fn event_entry(&self, id: EventId) -> Entry {
        let e = &self.site.events[id];
        let mut summary = dates::event_when(e.start, e.end, self.site.config.language);
        let place = self.event_place(e);
        if !place.is_empty() {
            summary = format!("{summary} · {place}");
        }
        let first = first_paragraph(e.body.markdown());
        if !first.is_empty() {
            summary = format!("{summary}\n{first}");
        }
        Entry {
            title: e.title.clone(),
            url: self.routes.absolute(&self.routes.event(&e.slug)),
            updated: e.start.date(),
            author: None,
            summary,
        }
    }

    fn table_entries(&self, t: TableId) -> Vec<Entry> {
        (0..self.site.tables[t].notes.len()).map(|note| self.note_entry(NoteRef { table: t, note })).collect()
    }

    /// The theme's organisations that say when they were updated, and the notes of
    /// its tables and the notes marked with it, newest first.
    fn theme_entries(&self, t: ThemeId) -> Vec<Entry> {
        let (s, ix) = (self.site, self.index);
        let mut entries = self.newest_organisation_entries(&ix.theme_orgs[t]);
        entries.extend(
            ix.notes_newest_first
                .iter()
                .filter(|nr| {
                    ix.theme_tables[t].contains(&nr.table) || s.tables[nr.table].notes[nr.note].themes.contains(&t)
                })
                .map(|&nr| self.note_entry(nr)),
        );
        entries
    }

    fn municipality_entries(&self, m: MunicipalityId) -> Vec<Entry> {
        self.newest_organisation_entries(&self.index.local[m])
    }

    /// The entries of those of `ids` that a feed can show: the [`FEED_LIMIT`] newest
    /// by the feed's order (date, then title), with any that tie with the last of
    /// them (the feed's sort decides between those), not an entry for each of a
    /// municipality's or theme's organisations.
    fn newest_organisation_entries(&self, ids: &[OrganisationId]) -> Vec<Entry> {
        let orgs = &self.site.organisations;
        let mut dated: Vec<(Date, &str, OrganisationId)> =
            ids.iter().filter_map(|&o| Some((orgs[o].updated?, orgs[o].name.as_str(), o))).collect();
        let order = |a: &(Date, &str, OrganisationId), b: &(Date, &str, OrganisationId)| {
            b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1))
        };
        if dated.len() > FEED_LIMIT {
            let (_, &mut last, _) = dated.select_nth_unstable_by(FEED_LIMIT - 1, order);
            dated.retain(|d| order(d, &last).is_le());
        }
        dated.iter().filter_map(|&(_, _, o)| self.organisation_entry(o)).collect()
    }

    /// The Atom XML of a feed job.
    pub(super) fn atom(&self, job: Job) -> String {
        let mut entries = match job {
            Job::TableFeed(t) => self.table_entries(t),
            Job::ThemeFeed(t) => self.theme_entries(t),
            Job::MunicipalityFeed(m) => self.municipality_entries(m),
            Job::EventsFeed => self.index.events.upcoming.iter().map(|&e| self.event_entry(e)).collect(),
            _ => self.index.notes_newest_first.iter().map(|&nr| self.note_entry(nr)).collect(),
        };
        if job != Job::EventsFeed {
            // Newest first; the same day by title, then address, for a stable order.
            entries
                .sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.title.cmp(&b.title)).then(a.url.cmp(&b.url)));
        }
        entries.truncate(FEED_LIMIT);
        let feed = Feed {
            title: self.feed_title(job).unwrap_or_default(),
            url: self.routes.absolute(&self.url(job)),
            page: self.routes.absolute(&self.feed_page(job)),
            entries,
        };
        self.write_atom(&feed)
    }

    /// The newest date of the whole content: what an empty feed says it was updated.
    fn newest_content_date(&self) -> Option<Date> {
        let s = self.site;
        let notes = s.tables.iter().flat_map(|t| t.notes.iter().map(|n| n.date).chain(t.updated));
        let orgs = s.organisations.iter().filter_map(|o| o.updated);
        let networks = s.networks.iter().filter_map(|n| n.updated);
        notes.chain(orgs).chain(networks).max()
    }

    fn write_atom(&self, feed: &Feed) -> String {
        let cfg = &self.site.config;
        let updated = feed.entries.iter().map(|e| e.updated).max().or_else(|| self.newest_content_date());
        let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = write!(
            s,
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{}</title>\n  <id>{}</id>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n  <updated>{}T00:00:00Z</updated>\n  <author><name>{}</name></author>\n",
            cfg.language.code(),
            xml_escape(&feed.title),
            xml_escape(&feed.url),
            xml_escape(&feed.url),
            xml_escape(&feed.page),
            updated.map(|d| d.to_string()).unwrap_or_else(|| "1970-01-01".into()),
            xml_escape(&cfg.title),
        );
        if let Some(d) = &cfg.description {
            let _ = writeln!(s, "  <subtitle>{}</subtitle>", xml_escape(d));
        }
        for e in &feed.entries {
            let _ = write!(
                s,
                "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <updated>{}T00:00:00Z</updated>\n",
                xml_escape(&e.title),
                xml_escape(&e.url),
                xml_escape(&e.url),
                e.updated,
            );
            if let Some(a) = &e.author {
                let _ = writeln!(s, "    <author><name>{}</name></author>", xml_escape(a));
            }
            let _ = write!(s, "    <summary>{}</summary>\n  </entry>\n", xml_escape(&e.summary));
        }
        s.push_str("</feed>\n");
        s
    }
}

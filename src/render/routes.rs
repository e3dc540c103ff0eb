//! Routes: the one place that makes URLs and output paths.
//!
//! Every URL is a path from the host root that starts with the site's base path
//! (`/jarjestot/` for `base_url = "https://example.org/jarjestot/"`), so the site
//! works when served under a sub-path. Every page URL ends in `/` and is written to
//! `<path>/index.html`; file URLs (`sitemap.xml`) are written as they are.

use std::path::PathBuf;

use crate::model::{BaseUrl, Paths};

#[derive(Debug, Clone)]
pub struct Routes {
    /// `https://example.org` — scheme and host, no trailing slash.
    origin: String,
    /// `/jarjestot/` — always starts and ends with `/`.
    base: String,
    paths: Paths,
    /// The base path of the output folder: `base`, or for a site's other language
    /// (under `/sv/`) the base path of the whole site.
    output_base: String,
}

impl Routes {
    pub fn new(base_url: &BaseUrl, paths: &Paths) -> Routes {
        Routes {
            origin: base_url.origin().to_string(),
            base: base_url.path().to_string(),
            paths: paths.clone(),
            output_base: base_url.path().to_string(),
        }
    }

    /// These routes inside a site whose output folder is served at `base`
    /// (a language's pages under `/sv/` are written to `sv/` of the output).
    pub fn within(mut self, base: &BaseUrl) -> Routes {
        self.output_base = base.path().to_string();
        self
    }

    /// The scheme and host of the site's address (`https://jarjestot.example`).
    pub fn origin(&self) -> &str {
        &self.origin
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// The full URL of a path made by this module.
    pub fn absolute(&self, url: &str) -> String {
        format!("{}{}", self.origin, url)
    }

    fn page(&self, parts: &[&str]) -> String {
        let mut s = self.base.clone();
        for p in parts {
            s.push_str(p);
            s.push('/');
        }
        s
    }

    pub fn home(&self) -> String {
        self.base.clone()
    }
    pub fn organisations(&self) -> String {
        self.page(&[&self.paths.organisations])
    }
    /// Page `n` (2, 3, ...) of a long A–Ö list.
    pub fn organisations_page(&self, n: usize) -> String {
        self.page(&[&self.paths.organisations, &self.paths.page, &n.to_string()])
    }
    pub fn organisation(&self, slug: &str) -> String {
        self.page(&[&self.paths.organisations, slug])
    }
    pub fn themes(&self) -> String {
        self.page(&[&self.paths.themes])
    }
    pub fn theme(&self, id: &str) -> String {
        self.page(&[&self.paths.themes, id])
    }
    pub fn municipalities(&self) -> String {
        self.page(&[&self.paths.municipalities])
    }
    pub fn municipality(&self, slug: &str) -> String {
        self.page(&[&self.paths.municipalities, slug])
    }
    /// The organisations of theme `theme` acting in a municipality.
    pub fn municipality_theme(&self, slug: &str, theme: &str) -> String {
        self.page(&[&self.paths.municipalities, slug, theme])
    }
    /// Page `n` (from 2) of the local organisations of theme `theme` in a municipality.
    pub fn municipality_theme_page(&self, slug: &str, theme: &str, n: usize) -> String {
        self.page(&[&self.paths.municipalities, slug, theme, &self.paths.page, &n.to_string()])
    }
    /// Page `n` (from 2) of a municipality's local organisations.
    pub fn municipality_page(&self, slug: &str, n: usize) -> String {
        self.page(&[&self.paths.municipalities, slug, &self.paths.page, &n.to_string()])
    }
    /// Page `n` (from 1) of the organisations acting across a whole region.
    pub fn region_wide(&self, region_slug: &str, n: usize) -> String {
        match n {
            1 => self.page(&[&self.paths.municipalities, &self.paths.region, region_slug]),
            _ => self.page(&[
                &self.paths.municipalities,
                &self.paths.region,
                region_slug,
                &self.paths.page,
                &n.to_string(),
            ]),
        }
    }
    /// The organisations looking for `k`.
    pub fn seeking(&self, k: crate::model::Seeking) -> String {
        let i = crate::model::Seeking::ALL.iter().position(|&x| x == k).unwrap_or(0);
        self.page(&[&self.paths.organisations, &self.paths.seeking[i]])
    }
    /// Page `n` (from 1) of the nationwide organisations.
    pub fn nationwide(&self, n: usize) -> String {
        match n {
            1 => self.page(&[&self.paths.municipalities, &self.paths.nationwide]),
            _ => self.page(&[&self.paths.municipalities, &self.paths.nationwide, &self.paths.page, &n.to_string()]),
        }
    }
    pub fn networks(&self) -> String {
        self.page(&[&self.paths.networks])
    }
    pub fn network(&self, slug: &str) -> String {
        self.page(&[&self.paths.networks, slug])
    }
    pub fn tables(&self) -> String {
        self.page(&[&self.paths.partnership_tables])
    }
    pub fn table(&self, slug: &str) -> String {
        self.page(&[&self.paths.partnership_tables, slug])
    }
    pub fn note(&self, table: &str, note: &str) -> String {
        self.page(&[&self.paths.partnership_tables, table, note])
    }
    pub fn search(&self) -> String {
        self.page(&[&self.paths.search])
    }
    pub fn coverage(&self) -> String {
        self.page(&[&self.paths.coverage])
    }
    pub fn accessibility(&self) -> String {
        self.page(&[&self.paths.accessibility])
    }
    /// The page about the open data files.
    pub fn open_data(&self) -> String {
        self.page(&[&self.paths.open_data])
    }
    /// Upcoming events.
    pub fn events(&self) -> String {
        self.page(&[&self.paths.events])
    }
    /// Past events.
    pub fn events_archive(&self) -> String {
        self.page(&[&self.paths.events, &self.paths.events_archive])
    }
    pub fn event(&self, slug: &str) -> String {
        self.page(&[&self.paths.events, slug])
    }
    /// The upcoming events of the whole site as iCalendar (`/tapahtumat.ics`).
    pub fn calendar(&self) -> String {
        self.file(&format!("{}.ics", self.paths.events))
    }
    /// One organisation's upcoming events (`/jarjestot/<slug>/tapahtumat.ics`).
    pub fn organisation_calendar(&self, slug: &str) -> String {
        self.file(&format!("{}/{slug}/{}.ics", self.paths.organisations, self.paths.events))
    }
    /// The upcoming events in one municipality (`/kunnat/<slug>/tapahtumat.ics`).
    pub fn municipality_calendar(&self, slug: &str) -> String {
        self.file(&format!("{}/{slug}/{}.ics", self.paths.municipalities, self.paths.events))
    }
    pub fn free_page(&self, slug: &str) -> String {
        self.page(&[slug])
    }
    /// A file at the site root or below it (`sitemap.xml`, `data/organisations.json`).
    pub fn file(&self, name: &str) -> String {
        format!("{}{}", self.base, name.trim_start_matches('/'))
    }

    /// A file made once for all the site's languages (the theme's and the site's
    /// static files, `sitemap.xml`, `robots.txt`): at the root of the output.
    pub fn shared(&self, name: &str) -> String {
        format!("{}{}", self.output_base, name.trim_start_matches('/'))
    }

    /// Where a URL made by this module is written, relative to the output folder.
    pub fn output_path(&self, url: &str) -> PathBuf {
        let rel = url.strip_prefix(&self.output_base).unwrap_or(url.trim_start_matches('/'));
        let mut p = PathBuf::new();
        for seg in rel.split('/').filter(|s| !s.is_empty()) {
            p.push(seg);
        }
        if url.ends_with('/') {
            p.push("index.html");
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    #[test]
    fn sub_path_hosting() {
        let r = Routes::new(&BaseUrl::parse("https://example.org/jarjestot/").unwrap(), &Paths::defaults(Language::Fi));
        assert_eq!(r.home(), "/jarjestot/");
        assert_eq!(r.organisation("x"), "/jarjestot/jarjestot/x/");
        assert_eq!(r.note("poyta", "2025-02-12-kokous"), "/jarjestot/kumppanuuspoydat/poyta/2025-02-12-kokous/");
        assert_eq!(r.file("sitemap.xml"), "/jarjestot/sitemap.xml");
        assert_eq!(r.event("2026-09-12-syystori"), "/jarjestot/tapahtumat/2026-09-12-syystori/");
        assert_eq!(r.events_archive(), "/jarjestot/tapahtumat/arkisto/");
        assert_eq!(r.organisations_page(2), "/jarjestot/jarjestot/sivu/2/");
        assert_eq!(r.region_wide("keski-suomi", 1), "/jarjestot/kunnat/maakunta/keski-suomi/");
        assert_eq!(r.nationwide(1), "/jarjestot/kunnat/valtakunnalliset/");
        assert_eq!(r.calendar(), "/jarjestot/tapahtumat.ics");
        assert_eq!(r.output_path(&r.organisation_calendar("x")), PathBuf::from("jarjestot/x/tapahtumat.ics"));
        assert_eq!(r.absolute(&r.theme("t")), "https://example.org/jarjestot/teemat/t/");
        assert_eq!(r.output_path(&r.organisation("x")), PathBuf::from("jarjestot/x/index.html"));
        assert_eq!(r.output_path(&r.home()), PathBuf::from("index.html"));
        assert_eq!(r.output_path(&r.file("data/organisations.json")), PathBuf::from("data/organisations.json"));
    }

    #[test]
    fn root_hosting() {
        for base in ["https://example.org", "https://example.org/", "http://localhost:8000/"] {
            let r = Routes::new(&BaseUrl::parse(base).unwrap(), &Paths::defaults(Language::Sv));
            assert_eq!(r.home(), "/");
            assert_eq!(r.organisations(), "/organisationer/");
            // Every segment in the page's language.
            assert_eq!(r.organisations_page(2), "/organisationer/sida/2/");
            assert_eq!(r.municipality_page("vasa", 3), "/kommuner/vasa/sida/3/");
            assert_eq!(r.region_wide("osterbotten", 1), "/kommuner/landskap/osterbotten/");
            assert_eq!(r.region_wide("osterbotten", 2), "/kommuner/landskap/osterbotten/sida/2/");
            assert_eq!(r.nationwide(2), "/kommuner/riksomfattande/sida/2/");
        }
    }
}

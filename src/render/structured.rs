//! schema.org descriptions of pages as JSON-LD, one (at least) on every page: an
//! organisation page's `NGO`; a network's and a partnership table's `Organization`
//! with its members; a meeting note's `Report`; every list page's `CollectionPage`
//! of what it lists; the front page's `WebSite` (with its `SearchAction` when
//! search is on); the open data page's `DataCatalog`; and a `WebPage` (or the
//! search page's `SearchResultsPage`) on the others. The event page's `Event` is
//! made with its page. Built with serde_json, never with
//! templates, and written into `<script type="application/ld+json">` only through
//! [`script_json`].

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::Renderer;
use super::views::PageMeta;
use crate::model::{Area, OrganisationId};

/// `s` as a JSON string the way [`script_json`] writes it: serde_json's escapes
/// (`\"`, `\\`, `\n` and the others below U+0020), then `<`, `>`, `&`, U+2028 and
/// U+2029 as `\u` escapes, and without the other dropped characters.
fn push_script_str(out: &mut String, s: &str) {
    out.push('"');
    push_script_chars(out, s);
    out.push('"');
}

/// An absolute address, `origin` then `path`, as [`push_script_str`] writes it.
fn push_script_url(out: &mut String, origin: &str, path: &str) {
    out.push('"');
    push_script_chars(out, origin);
    push_script_chars(out, path);
    out.push('"');
}

/// `,"key":` before a value of an object that already has one.
fn push_key(out: &mut String, key: &str) {
    out.push_str(",\"");
    out.push_str(key);
    out.push_str("\":");
}

fn push_script_chars(out: &mut String, s: &str) {
    /// The bytes that may start a character to replace: `"`, `\\`, `<`, `>`, `&`,
    /// the controls, and the first bytes of U+2028, U+2029 and the dropped
    /// characters ([`crate::model::values::has_dropped_char`]'s). Every other byte,
    /// the rest of a character's bytes among them, is copied as it is.
    const MAY_REPLACE: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 0x20 {
            t[b] = true;
            b += 1;
        }
        t[b'"' as usize] = true;
        t[b'\\' as usize] = true;
        t[b'<' as usize] = true;
        t[b'>' as usize] = true;
        t[b'&' as usize] = true;
        t[0x7f] = true;
        t[0xc2] = true;
        t[0xe2] = true;
        t[0xef] = true;
        t
    };
    // The text between the characters to replace is copied in one piece.
    let bytes = s.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        if !MAY_REPLACE[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().unwrap_or_default();
        let at = i;
        i += c.len_utf8();
        let replacement = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\u{8}' => "\\b",
            '\u{c}' => "\\f",
            '<' => "\\u003c",
            '>' => "\\u003e",
            '&' => "\\u0026",
            '\u{2028}' => "\\u2028",
            '\u{2029}' => "\\u2029",
            c if (c as u32) < 0x20 => {
                out.push_str(&s[start..at]);
                let _ = write!(out, "\\u{:04x}", c as u32);
                start = i;
                continue;
            }
            c if crate::model::values::is_dropped_char(c) => "",
            _ => continue,
        };
        out.push_str(&s[start..at]);
        out.push_str(replacement);
        start = i;
    }
    out.push_str(&s[start..]);
}

/// The `propertyID` of an organisation's Y-tunnus: the ISO 6523 International Code
/// Designator 0037 (*LY-tunnus*, the register of the Finnish Tax Administration,
/// the Y-tunnus under its older name), the scheme that e-invoicing and Peppol
/// addresses of Finnish organisations use (`0037:12345671`).
pub const BUSINESS_ID_SCHEME: &str = "0037";

/// JSON that cannot end its `<script>` element or start a comment there: `<`, `>`
/// and `&` (and the line separators U+2028 and U+2029, which old parsers read as
/// line ends) written as `\u` escapes, which JSON reads as the same characters;
/// the characters no page may carry (direction overrides) left out. Every JSON-LD of
/// every page goes through this.
pub fn script_json(v: &Value) -> String {
    let json = serde_json::to_string(v).unwrap_or_default();
    let mut out = String::with_capacity(json.len() + 64);
    // The text between the characters to replace is copied in one piece.
    let (bytes, mut start, mut i) = (json.as_bytes(), 0, 0);
    while i < bytes.len() {
        // Printable ASCII other than `<>&` (most of the text) is kept as it is.
        if matches!(bytes[i], 0x20..=0x7e) && !matches!(bytes[i], b'<' | b'>' | b'&') {
            i += 1;
            continue;
        }
        let c = json[i..].chars().next().unwrap_or_default();
        let at = i;
        i += c.len_utf8();
        let replacement = match c {
            '<' => "\\u003c",
            '>' => "\\u003e",
            '&' => "\\u0026",
            '\u{2028}' => "\\u2028",
            '\u{2029}' => "\\u2029",
            c if crate::model::values::is_dropped_char(c) => "",
            _ => continue,
        };
        out.push_str(&json[start..at]);
        out.push_str(replacement);
        start = i;
    }
    out.push_str(&json[start..]);
    out
}

impl Renderer<'_> {
    /// The places an organisation acts in as schema.org: each municipality an
    /// `AdministrativeArea` with its municipality code (kuntanumero), each region
    /// one with its region code (maakuntanumero), Finland a `Country`.
    fn area_served(&self, area: &Area) -> Vec<Value> {
        let m = &self.site.municipalities;
        let coded = |name: &str, scheme: &str, code: &str| {
            json!({
                "@type": "AdministrativeArea",
                "name": name,
                "identifier": { "@type": "PropertyValue", "propertyID": scheme, "value": code },
            })
        };
        let places = self.index.places(area);
        let mut out: Vec<Value> =
            places.municipalities.iter().map(|&i| coded(&m.list[i].name, "kuntanumero", &m.list[i].code)).collect();
        out.extend(places.regions.iter().map(|&r| coded(&m.regions[r].name, "maakuntanumero", &m.regions[r].code)));
        if places.nationwide {
            out.push(json!({ "@type": "Country", "name": self.theme.t("country_finland"), "identifier": "FI" }));
        }
        out
    }

    /// The schema.org `NGO` of an organisation page, as [`script_json`] writes it.
    /// Every organisation has one, so the text is written directly rather than built
    /// as a `serde_json::Value` first: the same bytes, with the keys in serde_json's
    /// (sorted) order and each string as [`push_script_str`] writes it.
    pub(super) fn organisation_json_ld(&self, id: OrganisationId) -> String {
        let (site, rt) = (self.site, &self.routes);
        let o = &site.organisations[id];
        let mut out = String::with_capacity(1024);
        // Each key below comes after the one before it in byte order.
        out.push_str(r#"{"@context":"https://schema.org","@type":"NGO""#);
        if let Some(a) = &o.address {
            out.push_str(r#","address":{"@type":"PostalAddress","addressCountry":"FI""#);
            for (key, value) in
                [("addressLocality", &a.city), ("postalCode", &a.postal_code), ("streetAddress", &a.street)]
            {
                if let Some(x) = value {
                    push_key(&mut out, key);
                    push_script_str(&mut out, x);
                }
            }
            out.push('}');
        }
        if let Some(s) = &o.short_name {
            push_key(&mut out, "alternateName");
            push_script_str(&mut out, s);
        }
        push_key(&mut out, "areaServed");
        self.push_area_served(&mut out, &o.area);
        self.push_contact_points(&mut out, id);
        if !o.lead.is_empty() {
            push_key(&mut out, "description");
            push_script_str(&mut out, &o.lead);
        }
        if let Some(f) = o.founded {
            let _ = write!(out, r#","foundingDate":"{f}""#);
        }
        if let Some(b) = &o.business_id {
            let _ = write!(
                out,
                r#","identifier":{{"@type":"PropertyValue","name":"Y-tunnus","propertyID":"{BUSINESS_ID_SCHEME}","value":"#
            );
            push_script_str(&mut out, b);
            let digits: String = b.chars().filter(char::is_ascii_digit).collect();
            let _ = write!(out, r#"}},"iso6523Code":"{BUSINESS_ID_SCHEME}:{digits}""#);
        }
        if let Some(l) = &o.logo {
            push_key(&mut out, "logo");
            push_script_url(&mut out, rt.origin(), &rt.file(&l.path));
        }
        let networks = &self.index.org_networks[id];
        if !networks.is_empty() {
            out.push_str(r#","memberOf":["#);
            for (i, &n) in networks.iter().enumerate() {
                let nw = &site.networks[n];
                out.push_str(if i == 0 { "" } else { "," });
                out.push_str(r#"{"@type":"Organization","name":"#);
                push_script_str(&mut out, &nw.name);
                out.push_str(r#","url":"#);
                push_script_url(&mut out, rt.origin(), &rt.network(&nw.slug));
                out.push('}');
            }
            out.push(']');
        }
        push_key(&mut out, "name");
        push_script_str(&mut out, &o.name);
        if let Some(w) = &o.website {
            push_key(&mut out, "sameAs");
            push_script_str(&mut out, w);
        }
        push_key(&mut out, "url");
        push_script_url(&mut out, rt.origin(), &rt.organisation(&o.slug));
        out.push('}');
        out
    }

    /// [`Renderer::area_served`] as [`script_json`] writes it.
    fn push_area_served(&self, out: &mut String, area: &Area) {
        let m = &self.site.municipalities;
        let mut first = true;
        let mut coded = |out: &mut String, name: &str, scheme: &str, code: &str| {
            out.push_str(if std::mem::take(&mut first) { "" } else { "," });
            let _ = write!(
                out,
                r#"{{"@type":"AdministrativeArea","identifier":{{"@type":"PropertyValue","propertyID":"{scheme}","value":"#
            );
            push_script_str(out, code);
            out.push_str(r#"},"name":"#);
            push_script_str(out, name);
            out.push('}');
        };
        out.push('[');
        let places = self.index.places(area);
        for &i in &places.municipalities {
            coded(out, &m.list[i].name, "kuntanumero", &m.list[i].code);
        }
        for &r in places.regions {
            coded(out, &m.regions[r].name, "maakuntanumero", &m.regions[r].code);
        }
        if places.nationwide {
            out.push_str(if first { "" } else { "," });
            out.push_str(r#"{"@type":"Country","identifier":"FI","name":"#);
            push_script_str(out, &self.theme.t("country_finland"));
            out.push('}');
        }
        out.push(']');
    }

    /// `"contactPoint"` of [`Renderer::contact_points`], with the comma before it,
    /// as [`script_json`] writes it; nothing when there is none.
    fn push_contact_points(&self, out: &mut String, id: OrganisationId) {
        let o = &self.site.organisations[id];
        let point =
            |out: &mut String, name: Option<&str>, role: Option<&str>, phone: Option<&str>, email: Option<&str>| {
                out.push_str(r#"{"@type":"ContactPoint""#);
                for (key, value) in [("contactType", role), ("email", email), ("name", name), ("telephone", phone)] {
                    if let Some(x) = value {
                        push_key(out, key);
                        push_script_str(out, x);
                    }
                }
                out.push('}');
            };
        let own = o.phone.is_some() || o.email.is_some();
        let person = self.site.config.contact_persons
            && o.contact.as_ref().is_some_and(|c| c.name.is_some() || c.phone.is_some() || c.email.is_some());
        if !own && !person {
            return;
        }
        out.push_str(r#","contactPoint":["#);
        if own {
            point(out, None, None, o.phone.as_deref(), o.email.as_deref());
        }
        if person && let Some(c) = &o.contact {
            out.push_str(if own { "," } else { "" });
            point(out, c.name.as_deref(), c.role.as_deref(), c.phone.as_deref(), c.email.as_deref());
        }
        out.push(']');
    }

    /// The schema.org `NGO` of an organisation page built as a `serde_json::Value`:
    /// what [`Renderer::organisation_json_ld`] writes, by its plain definition.
    #[cfg(test)]
    fn organisation_json_ld_value(&self, id: OrganisationId) -> Value {
        let (site, rt) = (self.site, &self.routes);
        let o = &site.organisations[id];
        let mut v = json!({
            "@context": "https://schema.org",
            "@type": "NGO",
            "name": o.name,
            "url": rt.absolute(&rt.organisation(&o.slug)),
            "areaServed": self.area_served(&o.area),
        });
        let set = |v: &mut Value, key: &str, value: Value| {
            v[key] = value;
        };
        if let Some(s) = &o.short_name {
            set(&mut v, "alternateName", json!(s));
        }
        if !o.lead.is_empty() {
            set(&mut v, "description", json!(o.lead));
        }
        if let Some(b) = &o.business_id {
            set(
                &mut v,
                "identifier",
                json!({ "@type": "PropertyValue", "propertyID": BUSINESS_ID_SCHEME, "name": "Y-tunnus", "value": b }),
            );
            let digits: String = b.chars().filter(char::is_ascii_digit).collect();
            set(&mut v, "iso6523Code", json!(format!("{BUSINESS_ID_SCHEME}:{digits}")));
        }
        if let Some(f) = o.founded {
            set(&mut v, "foundingDate", json!(f.to_string()));
        }
        let networks: Vec<Value> = self.index.org_networks[id]
            .iter()
            .map(|&n| {
                let nw = &site.networks[n];
                json!({ "@type": "Organization", "name": nw.name, "url": rt.absolute(&rt.network(&nw.slug)) })
            })
            .collect();
        if !networks.is_empty() {
            set(&mut v, "memberOf", Value::Array(networks));
        }
        if let Some(a) = &o.address {
            let mut addr = json!({ "@type": "PostalAddress", "addressCountry": "FI" });
            for (key, value) in
                [("streetAddress", &a.street), ("postalCode", &a.postal_code), ("addressLocality", &a.city)]
            {
                if let Some(x) = value {
                    addr[key] = json!(x);
                }
            }
            set(&mut v, "address", addr);
        }
        let contacts = self.contact_points(id);
        if !contacts.is_empty() {
            set(&mut v, "contactPoint", Value::Array(contacts));
        }
        if let Some(l) = &o.logo {
            set(&mut v, "logo", json!(rt.absolute(&rt.file(&l.path))));
        }
        if let Some(w) = &o.website {
            set(&mut v, "sameAs", json!(w));
        }
        v
    }

    /// The organisation's own phone and email, and its contact person (name, role,
    /// phone, email) unless `[privacy] contact_persons = false`.
    #[cfg(test)]
    fn contact_points(&self, id: OrganisationId) -> Vec<Value> {
        let o = &self.site.organisations[id];
        let point = |name: Option<&str>, role: Option<&str>, phone: Option<&str>, email: Option<&str>| {
            let mut p = json!({ "@type": "ContactPoint" });
            for (key, value) in [("name", name), ("contactType", role), ("telephone", phone), ("email", email)] {
                if let Some(x) = value {
                    p[key] = json!(x);
                }
            }
            p
        };
        let mut out = Vec::new();
        if o.phone.is_some() || o.email.is_some() {
            out.push(point(None, None, o.phone.as_deref(), o.email.as_deref()));
        }
        if self.site.config.contact_persons
            && let Some(c) = &o.contact
            && (c.name.is_some() || c.phone.is_some() || c.email.is_some())
        {
            out.push(point(c.name.as_deref(), c.role.as_deref(), c.phone.as_deref(), c.email.as_deref()));
        }
        out
    }

    /// A `CollectionPage` whose main entity lists `items` (name, page address) in
    /// the order the page shows them, each once, as [`script_json`] writes it. A
    /// list page may list thousands of organisations, so the text is written
    /// directly rather than built as a `serde_json::Value` first: the same bytes, with
    /// the keys in serde_json's (sorted) order and each string as
    /// [`push_script_str`] writes it.
    pub(super) fn collection_json_ld<'i>(
        &self,
        name: &str,
        url: &str,
        description: Option<&str>,
        items: impl IntoIterator<Item = (&'i str, &'i str)>,
    ) -> String {
        let rt = &self.routes;
        // A list page's addresses differ but for the odd one listed twice: an ordered
        // set of a page's few dozen addresses costs less than hashing each of them.
        let mut seen = std::collections::BTreeSet::new();
        let items: Vec<(&str, &str)> = items.into_iter().filter(|(_, u)| seen.insert(*u)).collect();
        let mut out = String::with_capacity(256 + items.iter().map(|(n, u)| n.len() + u.len() + 96).sum::<usize>());
        // serde_json writes an object's keys in their sorted order.
        out.push_str(r#"{"@context":"https://schema.org","@type":"CollectionPage","#);
        if let Some(d) = description {
            out.push_str(r#""description":"#);
            push_script_str(&mut out, d);
            out.push(',');
        }
        out.push_str(r#""inLanguage":"#);
        push_script_str(&mut out, self.site.config.language.code());
        out.push_str(r#","mainEntity":{"@type":"ItemList","itemListElement":["#);
        for (i, (n, u)) in items.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(r#"{"@type":"ListItem","name":"#);
            push_script_str(&mut out, n);
            let _ = write!(out, r#","position":{},"url":"#, i + 1);
            push_script_url(&mut out, rt.origin(), u);
            out.push('}');
        }
        let _ = write!(out, r#"],"numberOfItems":{}}},"name":"#, items.len());
        push_script_str(&mut out, name);
        out.push_str(r#","url":"#);
        push_script_url(&mut out, rt.origin(), url);
        out.push('}');
        out
    }

    /// The site as the `isPartOf` of its pages.
    fn site_ref(&self) -> Value {
        let rt = &self.routes;
        json!({ "@type": "WebSite", "name": self.site.config.title, "url": rt.absolute(&rt.home()) })
    }

    /// A page that is not about one entity or list: `kind` is `WebPage` or one of
    /// its kinds (`SearchResultsPage`).
    pub(super) fn web_page_json_ld(&self, kind: &str, meta: &PageMeta<'_>) -> Value {
        let mut v = json!({
            "@context": "https://schema.org",
            "@type": kind,
            "name": meta.title,
            "inLanguage": self.site.config.language.code(),
            "isPartOf": self.site_ref(),
        });
        // The not-found page is served at any address: it has none of its own.
        if !meta.canonical.is_empty() {
            v["url"] = json!(meta.canonical);
        }
        if let Some(d) = &meta.description {
            v["description"] = json!(d);
        }
        v
    }

    /// A group of organisations (a network or a partnership table) as an
    /// `Organization` with its `member`s: the organisations of the directory
    /// (`NGO`s with their page) and the public bodies named as partners.
    pub(super) fn group_json_ld<'i>(
        &self,
        meta: &PageMeta<'_>,
        area: &Area,
        members: impl IntoIterator<Item = OrganisationId>,
        public_partners: impl IntoIterator<Item = &'i str>,
    ) -> Value {
        let (site, rt) = (self.site, &self.routes);
        let mut member: Vec<Value> = members
            .into_iter()
            .map(|m| {
                let o = &site.organisations[m];
                json!({ "@type": "NGO", "name": o.name, "url": rt.absolute(&rt.organisation(&o.slug)) })
            })
            .collect();
        member.extend(public_partners.into_iter().map(|p| json!({ "@type": "GovernmentOrganization", "name": p })));
        let mut v = json!({
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": meta.title,
            "url": meta.canonical,
            "areaServed": self.area_served(area),
            "member": member,
        });
        if let Some(d) = &meta.description {
            v["description"] = json!(d);
        }
        v
    }

    /// A meeting note as a `Report` by its partnership table.
    pub(super) fn note_json_ld(&self, meta: &PageMeta<'_>, date: &str, table: &str, table_url: &str) -> Value {
        let mut v = json!({
            "@context": "https://schema.org",
            "@type": "Report",
            "name": meta.title,
            "headline": meta.title,
            "url": meta.canonical,
            "datePublished": date,
            "inLanguage": self.site.config.language.code(),
            "author": { "@type": "Organization", "name": table, "url": self.routes.absolute(table_url) },
            "isPartOf": self.site_ref(),
        });
        if let Some(d) = &meta.description {
            v["description"] = json!(d);
        }
        v
    }

    /// The open data page: a `DataCatalog` of its files (`name`, format as a media
    /// type, address), each a `Dataset` under the site's data licence.
    pub(super) fn data_catalog_json_ld<'i>(
        &self,
        meta: &PageMeta<'_>,
        license: &str,
        files: impl IntoIterator<Item = (&'i str, &'static str, &'i str)>,
    ) -> Value {
        let rt = &self.routes;
        let license = super::data::license_url(license).map_or_else(|| json!(license), |u| json!(u));
        let datasets: Vec<Value> = files
            .into_iter()
            .map(|(name, media_type, url)| {
                json!({
                    "@type": "Dataset",
                    "name": name,
                    "license": license,
                    "distribution": { "@type": "DataDownload", "encodingFormat": media_type, "contentUrl": rt.absolute(url) },
                })
            })
            .collect();
        let mut v = self.web_page_json_ld("WebPage", meta);
        v["mainEntity"] = json!({
            "@type": "DataCatalog",
            "name": meta.title,
            "url": meta.canonical,
            "license": license,
            "dataset": datasets,
        });
        v
    }

    /// The front page's `WebSite`, with a `SearchAction` on the search page's `q`
    /// when search is on.
    pub(super) fn website_json_ld(&self) -> Value {
        let (cfg, rt) = (&self.site.config, &self.routes);
        let mut v = json!({
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": cfg.title,
            "url": rt.absolute(&rt.home()),
            "inLanguage": cfg.language.code(),
        });
        if let Some(d) = &cfg.description {
            v["description"] = json!(d);
        }
        if cfg.search_enabled {
            v["potentialAction"] = json!({
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": format!("{}?q={{search_term_string}}", rt.absolute(&rt.search())),
                },
                "query-input": "required name=search_term_string",
            });
        }
        v
    }
}

#[cfg(test)]
mod tests {
    /// The organisation JSON-LD written directly is the same text as its plain
    /// definition written by [`super::script_json`], for every organisation of the
    /// fixture site (which has each optional field), with contact persons and without.
    #[test]
    fn organisation_json_ld_is_written_as_script_json_writes_its_value() {
        use crate::index::Index;
        use crate::render::{Renderer, Routes};
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site");
        let settings = crate::pipeline::Settings { drafts: false, today: "2026-11-23".parse().unwrap() };
        let mut site = crate::pipeline::check(&root, settings).unwrap().site;
        // Hostile text in the fields the JSON carries.
        let o = &mut site.organisations[0];
        o.name = "A </script><!-- \"x\" \\ & \u{2028}\u{202e} ä".into();
        o.short_name = Some("<b>".into());
        // A contact person only, and no contact at all.
        let o = &mut site.organisations[1];
        (o.phone, o.email) = (None, None);
        let o = &mut site.organisations[2];
        (o.phone, o.email, o.contact) = (None, None, None);
        let orgs = &site.organisations;
        let has = |f: &dyn Fn(&crate::model::Organisation) -> bool| orgs.iter().any(f);
        assert!(has(&|o| o.address.as_ref().is_some_and(|a| a.street.is_some())), "an address");
        assert!(has(&|o| o.logo.is_some()) && has(&|o| o.founded.is_some()), "a logo, a founding year");
        assert!(has(&|o| o.business_id.is_some()) && has(&|o| o.website.is_some()), "a business id, a website");
        assert!(has(&|o| o.contact.is_some() && o.phone.is_none() && o.email.is_none()), "a contact person only");
        assert!(has(&|o| o.area.nationwide) && has(&|o| !o.area.regions.is_empty()), "wide areas");
        for persons in [true, false] {
            site.config.contact_persons = persons;
            let index = Index::build(&site);
            assert!(index.org_networks.iter().any(|n| !n.is_empty()), "members of networks");
            let theme = crate::pipeline::load_theme(&root, &site, &mut Default::default()).unwrap();
            let routes = Routes::new(&site.config.base_url, &site.config.paths);
            let r = Renderer::new(&site, &index, theme, routes);
            for id in crate::model::OrganisationId::all(site.organisations.len()) {
                let expected = super::script_json(&r.organisation_json_ld_value(id));
                assert_eq!(r.organisation_json_ld(id), expected, "{}", site.organisations[id].slug);
            }
        }
    }

    #[test]
    fn json_in_a_script_cannot_close_it() {
        let v = serde_json::json!({ "name": "</script><!-- & \u{2028}\u{2029} <SCRIPT>" });
        let s = super::script_json(&v);
        assert!(!s.contains(['<', '>', '&', '\u{2028}', '\u{2029}']), "{s}");
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
        // A direction override would turn the text around where it is shown.
        let v = serde_json::json!({ "name": "a\u{202e}b\u{2066}c" });
        assert_eq!(super::script_json(&v), r#"{"name":"abc"}"#);
    }

    #[test]
    fn every_escaped_character_is_written_as_script_json_writes_it() {
        let mut s: String = (0u8..0x20).map(char::from).collect();
        s.push_str("\"\\<>&/'\u{7f}\u{85}\u{9f}\u{2028}\u{2029}\u{202e}\u{2066}\u{fffe}\u{ffff}äö€😀 end");
        let mut out = String::new();
        super::push_script_str(&mut out, &s);
        assert_eq!(out, super::script_json(&serde_json::json!(s)));
    }

    proptest::proptest! {
        /// A string written on its own is written as in a whole JSON value.
        #[test]
        fn a_string_is_written_as_script_json_writes_it(s in "(\\PC|[\"\\\\<>&\u{2028}\u{2029}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{fffe}\u{ffff}\x00-\x1f\u{7f}-\u{9f}])*") {
            let mut out = String::new();
            super::push_script_str(&mut out, &s);
            proptest::prop_assert_eq!(out, super::script_json(&serde_json::json!(s)));
            let mut url = String::new();
            super::push_script_url(&mut url, "https://a.example", &s);
            proptest::prop_assert_eq!(url, super::script_json(&serde_json::json!(format!("https://a.example{s}"))));
        }

        /// Any text comes back as itself without the dropped characters, and no
        /// character that could end the script is left.
        #[test]
        fn any_text_reads_back_without_the_dropped_characters(s in "(\\PC|[<>&\u{2028}\u{2029}\u{202a}-\u{202e}\x00-\x1f\u{7f}-\u{9f}])*") {
            let out = super::script_json(&serde_json::json!({ "a": s }));
            proptest::prop_assert!(!out.contains(['<', '>', '&', '\u{2028}', '\u{2029}']), "{}", out);
            let back: serde_json::Value = serde_json::from_str(&out).unwrap();
            // Control characters below U+0020 are escaped by JSON (`\u0001`) and read
            // back as they were (the pages drop them where they come from).
            let kept: String = s.chars().filter(|&c| !crate::model::values::is_dropped_char(c) || (c as u32) < 0x20).collect();
            proptest::prop_assert_eq!(back["a"].as_str().unwrap(), kept.as_str());
        }
    }
}

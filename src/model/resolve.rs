//! Turning everything `load` read into a [`Site`], with every reference resolved.

use std::collections::HashMap;
use std::ops::Range;

use jiff::civil::Date;
use rayon::prelude::*;

use super::body::{self, Files};
use super::business_id::{self, BusinessIdError};
use super::config::site_config;
use super::municipalities::{MunicipalityRow, RegionId};
use super::slug::{is_slug, slugify};
use super::values::{
    check_email, check_language_code, check_phone, check_url, check_year, is_invisible_char, look_alike_key, to_date,
    without_dropped_chars,
};
use super::*;
use crate::diagnostics::suggest::{did_you_mean, nearest};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::load::raw::*;
use crate::load::{Entry, Loaded, TomlFile};

/// What the model stage needs besides the files.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Keep entities marked `draft = true`.
    pub drafts: bool,
    /// The day `stale_after_months` counts back from.
    pub today: Date,
}

/// What a slug written in a reference can point to.
#[derive(Debug, Clone, Copy)]
enum Target {
    Index(usize),
    Draft,
    /// The file exists but could not be read; references to it are not reported.
    Broken,
}

struct Slugs {
    kind: &'static str,
    folder: &'static str,
    map: HashMap<String, Target>,
}

impl Slugs {
    fn new<R>(
        kind: &'static str,
        folder: &'static str,
        entries: &[Entry<R>],
        draft: impl Fn(&R) -> bool,
        drafts: bool,
    ) -> Self {
        let mut map = HashMap::new();
        let mut next = 0;
        for e in entries {
            let target = match &e.raw {
                None => Target::Broken,
                Some(r) if draft(r) && !drafts => Target::Draft,
                Some(_) => {
                    next += 1;
                    Target::Index(next - 1)
                }
            };
            map.entry(e.slug.clone()).or_insert(target);
        }
        Slugs { kind, folder, map }
    }
}

/// Per-file collector with the shared lookups.
struct Ctx<'a> {
    opts: Options,
    config: &'a SiteConfig,
    munis: &'a Municipalities,
    themes: HashMap<&'a str, ThemeId>,
    theme_ids: Vec<&'a str>,
    orgs: Slugs,
    networks: Slugs,
    files: Files<'a>,
}

/// Collects the diagnostics of one file's front matter, whose spans are relative to
/// the front matter until [`Report::finish`] moves them into file positions.
struct Report<'c, 'a> {
    ctx: &'c Ctx<'a>,
    file: &'c str,
    offset: usize,
    /// Keys dropped by `load` after reporting them: not to be called missing.
    removed: &'c [String],
    out: Vec<Diagnostic>,
}

impl<'c, 'a> Report<'c, 'a> {
    fn new<R>(ctx: &'c Ctx<'a>, e: &'c Entry<R>) -> Self {
        Report { ctx, file: &e.source.file, offset: e.front_matter_offset, removed: &e.removed, out: Vec::new() }
    }

    fn finish(self, out: &mut Vec<Diagnostic>) {
        let offset = self.offset;
        out.extend(self.out.into_iter().map(|mut d| {
            d.span = d.span.map(|s| s.start + offset..s.end + offset);
            d
        }));
    }

    fn error(&mut self, code: Code, span: Range<usize>, msg: impl Into<String>, help: impl Into<String>) {
        self.out.push(Diagnostic::error(code, self.file, Some(span), msg).with_help(help));
    }

    fn missing(&mut self, field: &str, example: &str) {
        if self.removed.iter().any(|k| k == field) {
            return;
        }
        self.out.push(
            Diagnostic::error(Code::MissingField, self.file, None, format!("`{field}` is missing"))
                .with_help(format!("add `{field} = {example}` to the front matter")),
        );
    }

    /// A required text: missing or blank is an error.
    fn required(&mut self, t: &Option<Text>, field: &str, example: &str) -> String {
        match t {
            None => {
                self.missing(field, example);
                String::new()
            }
            Some(v) if v.get_ref().trim().is_empty() => {
                self.error(
                    Code::MissingField,
                    v.span(),
                    format!("`{field}` is empty"),
                    format!("write it, e.g. `{field} = {example}`"),
                );
                String::new()
            }
            Some(v) => self.clean(v),
        }
    }

    /// The text of `t`, trimmed, without control and direction-override characters
    /// (warned about at the value).
    fn clean(&mut self, t: &Text) -> String {
        match without_dropped_chars(t.get_ref()) {
            Some(cleaned) => {
                self.out.push(
                    Diagnostic::warning(
                        Code::ControlCharacter,
                        self.file,
                        Some(t.span()),
                        "this text has invisible control or direction characters; they are left out of the site",
                    )
                    .with_help("retype the text, or delete the escapes such as `\\u0007` or `\\u202e`"),
                );
                cleaned.trim().to_string()
            }
            None => t.get_ref().trim().to_string(),
        }
    }

    /// Warn about invisible characters in a name or title.
    fn invisible(&mut self, t: &Option<Text>) {
        if let Some(t) = t
            && t.get_ref().contains(is_invisible_char)
        {
            self.out.push(
                Diagnostic::warning(
                    Code::LookAlikeName,
                    self.file,
                    Some(t.span()),
                    "this name has invisible characters (a zero-width space or a direction mark), so it can look like another name",
                )
                .with_help("retype the name without them"),
            );
        }
    }

    fn text(&mut self, t: &Option<Text>) -> Option<String> {
        let t = t.as_ref()?;
        let cleaned = self.clean(t);
        let s = cleaned.as_str();
        if s.is_empty() {
            self.out.push(
                Diagnostic::warning(Code::InvalidValue, self.file, Some(t.span()), "this value is empty")
                    .with_help("fill it in, or delete the line"),
            );
            return None;
        }
        Some(s.to_string())
    }

    fn texts(&mut self, list: &Option<TextList>) -> Vec<String> {
        let list: Vec<&Text> = list.iter().flat_map(|l| l.get_ref()).collect();
        list.into_iter().map(|t| self.clean(t)).filter(|s| !s.is_empty()).collect()
    }

    /// A text value that `check` accepts, or an error `code` saying it is not `what`.
    fn checked(
        &mut self,
        t: &Option<Text>,
        check: fn(&str) -> Result<(), String>,
        code: Code,
        what: &str,
    ) -> Option<String> {
        let t = t.as_ref()?;
        match check(t.get_ref()) {
            Ok(()) => Some(t.get_ref().trim().to_string()),
            Err(help) => {
                self.error(code, t.span(), format!("`{}` is not {what}", t.get_ref()), help);
                None
            }
        }
    }

    fn url(&mut self, t: &Option<Text>) -> Option<String> {
        self.checked(t, check_url, Code::InvalidUrl, "a web address")
    }

    fn email(&mut self, t: &Option<Text>) -> Option<String> {
        self.checked(t, check_email, Code::InvalidEmail, "an email address")
    }

    fn phone(&mut self, t: &Option<Text>) -> Option<String> {
        self.checked(t, check_phone, Code::InvalidPhone, "a phone number")
    }

    fn date(&mut self, d: &Option<toml::Spanned<toml::value::Datetime>>) -> Option<Date> {
        let d = d.as_ref()?;
        match to_date(d.get_ref()) {
            Ok(date) => Some(date),
            Err(help) => {
                self.error(Code::InvalidDate, d.span(), format!("`{}` is not a plain date", d.get_ref()), help);
                None
            }
        }
    }

    fn kind<K: Copy>(&mut self, t: &Option<Text>, names: &[&str], parse: impl Fn(&str) -> Option<K>, default: K) -> K {
        let Some(t) = t else { return default };
        match parse(t.get_ref()) {
            Some(k) => k,
            None => {
                let help = did_you_mean(&nearest(t.get_ref(), names.iter().copied(), 1))
                    .map(|d| format!("{d} (one of {})", names.join(", ")))
                    .unwrap_or_else(|| format!("write one of: {}", names.join(", ")));
                self.error(Code::InvalidKind, t.span(), format!("`{}` is not a kind", t.get_ref()), help);
                default
            }
        }
    }

    fn contact(&mut self, c: &Option<toml::Spanned<RawContact>>) -> Option<Contact> {
        let c = c.as_ref()?.get_ref();
        let RawContact { name, role, email, phone } = c;
        Some(Contact {
            name: self.text(name),
            role: self.text(role),
            email: self.email(email),
            phone: self.phone(phone),
        })
    }

    fn themes(&mut self, list: &Option<TextList>) -> Vec<ThemeId> {
        let mut out = Vec::new();
        for t in list.iter().flat_map(|l| l.get_ref()) {
            match self.ctx.themes.get(t.get_ref().as_str()) {
                Some(&id) => push_unique(&mut out, id),
                None => {
                    let near = nearest(t.get_ref(), self.ctx.theme_ids.iter().copied(), 3);
                    let help = did_you_mean(&near).unwrap_or_else(|| {
                        format!("use a theme id from content/themes.toml: {}", self.ctx.theme_ids.join(", "))
                    });
                    self.error(
                        Code::UnknownTheme,
                        t.span(),
                        format!("there is no theme `{}` in content/themes.toml", t.get_ref()),
                        help,
                    );
                }
            }
        }
        out
    }

    fn area(&mut self, municipalities: &Option<TextList>, regions: &Option<TextList>, nationwide: bool) -> Area {
        let munis = self.ctx.munis;
        let mut area = Area { nationwide, ..Area::default() };
        for m in municipalities.iter().flat_map(|l| l.get_ref()) {
            match munis.find(m.get_ref()) {
                Some(id) => push_unique(&mut area.municipalities, id),
                None => {
                    let near = munis.suggest(m.get_ref());
                    let help = did_you_mean(&near).unwrap_or_else(|| {
                        "write the municipality's Finnish or Swedish name, or its code (e.g. `179`)".into()
                    });
                    let region_help = munis.find_region(m.get_ref()).map(|_| {
                        format!("`{}` is a region: move it to `regions = [\"{}\"]`", m.get_ref(), m.get_ref())
                    });
                    self.error(
                        Code::UnknownMunicipality,
                        m.span(),
                        format!("there is no municipality `{}`", m.get_ref()),
                        region_help.unwrap_or(help),
                    );
                }
            }
        }
        for r in regions.iter().flat_map(|l| l.get_ref()) {
            if let Some(id) = self.region(r) {
                push_unique(&mut area.regions, id);
            }
        }
        area
    }

    fn region(&mut self, r: &Text) -> Option<RegionId> {
        let munis = self.ctx.munis;
        let found = munis.find_region(r.get_ref());
        if found.is_none() {
            let help = match munis.find(r.get_ref()) {
                Some(_) => format!("`{}` is a municipality: move it to `municipalities`", r.get_ref()),
                None => did_you_mean(&munis.suggest_region(r.get_ref())).unwrap_or_else(|| {
                    "write a region (maakunta) by its Finnish or Swedish name, e.g. `Keski-Suomi`".into()
                }),
            };
            self.error(Code::UnknownRegion, r.span(), format!("there is no region `{}`", r.get_ref()), help);
        }
        found
    }

    fn reference(&mut self, which: &Slugs, t: &Text, code: Code) -> Option<usize> {
        match which.map.get(t.get_ref().as_str()) {
            Some(Target::Index(i)) => Some(*i),
            Some(Target::Broken) => None,
            Some(Target::Draft) => {
                self.out.push(
                    Diagnostic::warning(
                        Code::DraftReference,
                        self.file,
                        Some(t.span()),
                        format!("{} `{}` is a draft and is left out of the site", which.kind, t.get_ref()),
                    )
                    .with_help(format!(
                        "publish it (remove `draft = true` from content/{}/{}.md) or remove this reference",
                        which.folder,
                        t.get_ref()
                    )),
                );
                None
            }
            None => {
                let near = nearest(t.get_ref(), which.map.keys().map(String::as_str), 3);
                let mut sorted = near;
                sorted.sort_unstable();
                let help = did_you_mean(&sorted).unwrap_or_else(|| {
                    format!("write the slug of a file in content/{}/ (its name without .md)", which.folder)
                });
                self.error(
                    code,
                    t.span(),
                    format!(
                        "there is no {} `{}` (no file content/{}/{}.md)",
                        which.kind,
                        t.get_ref(),
                        which.folder,
                        t.get_ref()
                    ),
                    help,
                );
                None
            }
        }
    }

    fn references(&mut self, which: &Slugs, list: &Option<TextList>, code: Code) -> Vec<usize> {
        let mut out = Vec::new();
        for t in list.iter().flat_map(|l| l.get_ref()) {
            if let Some(i) = self.reference(which, t, code) {
                push_unique(&mut out, i);
            }
        }
        out
    }
}

fn push_unique(v: &mut Vec<usize>, x: usize) {
    if !v.contains(&x) {
        v.push(x);
    }
}

fn bad_file_name(file: &str, slug: &str) -> Option<Diagnostic> {
    let name = file.rsplit('/').next().unwrap_or(file);
    let stem = name.strip_suffix(".md").unwrap_or(name);
    (!is_slug(stem)).then(|| {
        let dir = &file[..file.len() - name.len()];
        Diagnostic::error(Code::BadFileName, file, None, format!("the file name `{name}` is not a slug"))
            .with_help(format!("rename the file to {dir}{slug}.md (lowercase a-z, digits and hyphens)"))
    })
}

/// Resolve and validate the whole site.
pub fn resolve(loaded: &Loaded, opts: Options, diags: &mut Diagnostics) -> Site {
    let municipalities = custom_municipalities(loaded, diags).unwrap_or_else(|| Municipalities::builtin().clone());
    let config = site_config(&loaded.root, &loaded.site, &municipalities, diags);
    let themes = themes(loaded, diags);

    duplicates(&loaded.organisations, diags);
    duplicates(&loaded.networks, diags);
    duplicates(&loaded.pages, diags);
    same_names(&loaded.organisations, |r| (r.name.as_ref(), r.draft), "organisation", diags);
    same_names(&loaded.networks, |r| (r.name.as_ref(), r.draft), "network", diags);

    let ctx = Ctx {
        opts,
        config: &config,
        munis: &municipalities,
        themes: themes.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect(),
        theme_ids: themes.iter().map(|t| t.id.as_str()).collect(),
        orgs: Slugs::new(
            "organisation",
            "organisations",
            &loaded.organisations,
            |r| r.draft == Some(true),
            opts.drafts,
        ),
        networks: Slugs::new("network", "networks", &loaded.networks, |r| r.draft == Some(true), opts.drafts),
        files: Files { content: &loaded.content_files, statics: &loaded.static_files },
    };

    let organisations = entities(&ctx, &loaded.organisations, |r| r.draft, organisation, diags);
    let networks = entities(&ctx, &loaded.networks, |r| r.draft, network, diags);
    let tables: Vec<PartnershipTable> = {
        let results: Vec<(Option<PartnershipTable>, Vec<Diagnostic>)> = loaded
            .tables
            .par_iter()
            .map(|dir| {
                let mut out = Vec::new();
                let raw = dir.index.as_ref().and_then(|i| i.raw.as_ref());
                if raw.is_some_and(|r| r.draft == Some(true)) && !ctx.opts.drafts {
                    return (None, out);
                }
                let notes = notes(&ctx, &dir.notes, &mut out);
                let t = dir.index.as_ref().and_then(|index| table(&ctx, &dir.slug, index, notes, &mut out));
                (t, out)
            })
            .collect();
        results
            .into_iter()
            .flat_map(|(t, ds)| {
                diags.extend(ds);
                t
            })
            .collect()
    };
    let pages = entities(&ctx, &loaded.pages, |r| r.draft, page, diags);

    // A network with no members at all: neither its own list nor any organisation
    // (even one left out for its errors) names a member.
    let named: std::collections::HashSet<&str> = loaded
        .organisations
        .iter()
        .filter_map(|e| e.raw.as_ref()?.networks.as_ref())
        .flat_map(|l| l.get_ref().iter().map(|t| t.get_ref().as_str()))
        .collect();
    let declared: HashMap<&str, bool> = loaded
        .networks
        .iter()
        .map(|e| {
            (e.slug.as_str(), e.raw.as_ref().and_then(|r| r.members.as_ref()).is_some_and(|m| !m.get_ref().is_empty()))
        })
        .collect();
    for n in &networks {
        if !declared.get(n.slug.as_str()).copied().unwrap_or(false) && !named.contains(n.slug.as_str()) {
            diags.push(
                Diagnostic::warning(
                    Code::EmptyNetwork,
                    &n.body.source.file,
                    None,
                    format!("network `{}` has no members", n.slug),
                )
                .with_help("list organisation slugs in `members`, or add the network to organisations' `networks`"),
            );
        }
    }
    for p in &pages {
        if config.paths.reserved().contains(&p.slug.as_str()) {
            diags.push(
                Diagnostic::error(
                    Code::ReservedSlug,
                    &p.body.source.file,
                    None,
                    format!("the page slug `{}` is the address of a section of the site", p.slug),
                )
                .with_help(format!("rename the file to content/pages/{}-sivu.md or another free name", p.slug)),
            );
        }
    }

    Site { config, themes, municipalities, organisations, networks, tables, pages }
}

/// Resolve entries in parallel, keeping file order; drafts are dropped unless asked for.
fn entities<R: Sync, T: Send>(
    ctx: &Ctx<'_>,
    entries: &[Entry<R>],
    draft: impl Fn(&R) -> Option<bool> + Sync,
    make: impl Fn(&Ctx<'_>, &Entry<R>, &R, &mut Vec<Diagnostic>) -> Option<T> + Sync,
    diags: &mut Diagnostics,
) -> Vec<T> {
    let results: Vec<(Option<T>, Vec<Diagnostic>)> = entries
        .par_iter()
        .map(|e| {
            let mut out = Vec::new();
            if let Some(d) = bad_file_name(&e.source.file, &e.slug) {
                out.push(d);
            }
            let value = match &e.raw {
                Some(raw) if draft(raw) != Some(true) || ctx.opts.drafts => {
                    body::check(&e.source.file, e.body(), e.body.clone(), &ctx.files, &mut out);
                    make(ctx, e, raw, &mut out)
                }
                _ => None,
            };
            (value, out)
        })
        .collect();
    results
        .into_iter()
        .flat_map(|(v, ds)| {
            diags.extend(ds);
            v
        })
        .collect()
}

fn duplicates<R>(entries: &[Entry<R>], diags: &mut Diagnostics) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for e in entries {
        if let Some(first) = seen.insert(&e.slug, &e.source.file) {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateSlug,
                    &e.source.file,
                    None,
                    format!("the slug `{}` is already used by {first}", e.slug),
                )
                .with_help("give one of the two files another name; each page needs its own address"),
            );
            seen.insert(&e.slug, first);
        }
    }
}

/// Two entities of one kind whose names look the same to a reader (equal after
/// Unicode normalisation, case folding and without invisible characters).
fn same_names<R>(
    entries: &[Entry<R>],
    name: impl Fn(&R) -> (Option<&Text>, Option<bool>),
    kind: &str,
    diags: &mut Diagnostics,
) {
    let mut seen: HashMap<String, (&str, &str)> = HashMap::new();
    for e in entries {
        let Some((Some(n), draft)) = e.raw.as_ref().map(&name) else { continue };
        if draft == Some(true) || n.get_ref().trim().is_empty() {
            continue;
        }
        let key = look_alike_key(n.get_ref());
        match seen.get(&key) {
            Some((first_file, first_name)) => {
                let span = n.span();
                diags.push(
                    Diagnostic::warning(
                        Code::LookAlikeName,
                        &e.source.file,
                        Some(span.start + e.front_matter_offset..span.end + e.front_matter_offset),
                        format!("this {kind} has the same name as {first_file} (`{first_name}`)"),
                    )
                    .with_help(format!(
                        "if they are the same {kind}, keep one file; otherwise make the names tell them apart, e.g. with the municipality"
                    )),
                );
            }
            None => {
                seen.insert(key, (&e.source.file, n.get_ref().as_str()));
            }
        }
    }
}

fn body_of<R>(e: &Entry<R>) -> Body {
    Body { source: e.source.clone(), range: e.body.clone() }
}

fn organisation(
    ctx: &Ctx<'_>,
    e: &Entry<RawOrganisation>,
    raw: &RawOrganisation,
    out: &mut Vec<Diagnostic>,
) -> Option<Organisation> {
    let mut r = Report::new(ctx, e);
    let RawOrganisation {
        name,
        short_name,
        kind,
        business_id,
        register_number,
        founded,
        themes,
        municipalities,
        regions,
        nationwide,
        networks,
        activities,
        languages,
        website,
        email,
        phone,
        logo,
        logo_alt,
        updated,
        draft,
        address,
        contact,
    } = raw;
    r.invisible(name);
    let name_v = r.required(name, "name", "\"Keuruun Omaishoitajat ry\"");
    let kind = r.kind(kind, OrganisationKind::NAMES, OrganisationKind::parse, OrganisationKind::default());
    let business_id = business_id.as_ref().and_then(|b| match business_id::validate(b.get_ref().trim()) {
        Ok(()) => Some(b.get_ref().trim().to_string()),
        Err(BusinessIdError::Format { suggestion }) => {
            let help = match suggestion {
                Some(s) => format!("write it as seven digits, a hyphen and the check digit: `{s}`"),
                None => "a Y-tunnus is seven digits, a hyphen and a check digit, e.g. `1234567-1`".into(),
            };
            r.error(Code::InvalidBusinessId, b.span(), format!("`{}` is not a Y-tunnus", b.get_ref()), help);
            None
        }
        Err(BusinessIdError::CheckDigit { expected }) => {
            let digits = &b.get_ref().trim()[..7];
            let help = match expected {
                Some(c) => format!("the check digit of {digits} is {c}: if the digits are right, write `{digits}-{c}`; otherwise check the number in the trade register (YTJ)"),
                None => format!("no Y-tunnus starts with {digits}: check the digits in the trade register (YTJ)"),
            };
            r.error(Code::BusinessIdCheckDigit, b.span(), format!("the check digit of `{}` is wrong", b.get_ref()), help);
            None
        }
    });
    let founded = founded.as_ref().and_then(|f| match check_year(*f.get_ref(), ctx.opts.today) {
        Ok(y) => Some(y),
        Err(help) => {
            r.error(Code::InvalidYear, f.span(), format!("`{}` is not a founding year", f.get_ref()), help);
            None
        }
    });
    let theme_ids = r.themes(themes);
    if let Some(t) = themes
        && t.get_ref().is_empty()
    {
        r.error(
            Code::EmptyList,
            t.span(),
            "`themes` is empty",
            format!("name at least one theme, e.g. `themes = [\"{}\"]`", ctx.theme_ids.first().unwrap_or(&"...")),
        );
    } else if themes.is_none() {
        r.missing("themes", &format!("[\"{}\"]", ctx.theme_ids.first().unwrap_or(&"...")));
    }
    let nation = nationwide.as_ref().map(|n| *n.get_ref()).unwrap_or(false);
    let area = r.area(municipalities, regions, nation);
    let said_where = municipalities.as_ref().is_some_and(|l| !l.get_ref().is_empty())
        || regions.as_ref().is_some_and(|l| !l.get_ref().is_empty())
        || nation;
    // A dropped key (a misspelt `municipality`, a wrong type) is already reported.
    if !said_where && r.removed.is_empty() {
        r.out.push(
            Diagnostic::error(Code::NoArea, r.file, None, "the organisation says nowhere where it acts")
                .with_help("add `municipalities = [\"Keuruu\"]`, `regions = [\"Keski-Suomi\"]` or `nationwide = true`"),
        );
    }
    let network_ids = r.references(&ctx.networks, networks, Code::UnknownNetwork);
    let mut langs = Vec::new();
    for l in languages.iter().flat_map(|l| l.get_ref()) {
        match check_language_code(l.get_ref()) {
            Ok(()) => langs.push(l.get_ref().clone()),
            Err(help) => {
                r.error(Code::UnknownLanguageCode, l.span(), format!("`{}` is not a language code", l.get_ref()), help)
            }
        }
    }
    let logo = match (logo, logo_alt) {
        (Some(l), alt) => {
            let path = l.get_ref().trim_start_matches('/').to_string();
            if !ctx.files.statics.contains(&path) {
                let near = nearest(&path, ctx.files.statics.iter().map(String::as_str), 1);
                r.error(
                    Code::MissingStaticFile,
                    l.span(),
                    format!("there is no file static/{path}"),
                    did_you_mean(&near).unwrap_or_else(|| format!("put the logo at static/{path}, or fix the path")),
                );
            }
            match alt.as_ref().map(|a| a.get_ref().trim()).filter(|a| !a.is_empty()) {
                Some(alt) => Some(Logo { path, alt: alt.to_string() }),
                None => {
                    r.error(
                        Code::MissingAltText,
                        l.span(),
                        "the logo has no `logo_alt`",
                        "add `logo_alt = \"<organisation>'s logo\"` describing the picture for screen readers",
                    );
                    None
                }
            }
        }
        (None, Some(a)) => {
            r.out.push(
                Diagnostic::warning(Code::InvalidValue, r.file, Some(a.span()), "`logo_alt` without `logo`")
                    .with_help("add `logo = \"logos/<file>\"` or delete `logo_alt`"),
            );
            None
        }
        (None, None) => None,
    };
    let updated = r.date(updated);
    if let (Some(u), Some(months), Some(span)) =
        (updated, ctx.config.stale_after_months, raw.updated.as_ref().map(|u| u.span()))
    {
        let limit = ctx.opts.today.checked_sub(jiff::Span::new().months(i64::from(months))).unwrap_or(ctx.opts.today);
        if u < limit {
            r.out.push(
                Diagnostic::warning(
                    Code::StaleEntry,
                    r.file,
                    Some(span),
                    format!("this entry was last checked on {u}, more than {months} months ago"),
                )
                .with_help("check the details with the organisation and set `updated` to the day you did"),
            );
        }
    }
    let address = address.as_ref().map(|a| {
        let RawAddress { street, postal_code, city } = a.get_ref();
        if let Some(p) = postal_code
            && !(p.get_ref().len() == 5 && p.get_ref().bytes().all(|b| b.is_ascii_digit()))
        {
            r.error(
                Code::InvalidValue,
                p.span(),
                format!("`{}` is not a postal code", p.get_ref()),
                "a Finnish postal code is five digits, e.g. `42700`",
            );
        }
        Address { street: r.text(street), postal_code: r.text(postal_code), city: r.text(city) }
    });
    let org = Organisation {
        slug: e.slug.clone(),
        name: name_v,
        short_name: r.text(short_name),
        kind,
        business_id,
        register_number: r.text(register_number),
        founded,
        themes: theme_ids,
        area,
        networks: network_ids,
        activities: r.texts(activities),
        languages: langs,
        website: r.url(website),
        email: r.email(email),
        phone: r.phone(phone),
        logo,
        updated,
        draft: draft.unwrap_or(false),
        address,
        contact: r.contact(contact),
        body: body_of(e),
    };
    r.finish(out);
    Some(org)
}

fn network(ctx: &Ctx<'_>, e: &Entry<RawNetwork>, raw: &RawNetwork, out: &mut Vec<Diagnostic>) -> Option<Network> {
    let mut r = Report::new(ctx, e);
    let RawNetwork {
        name,
        kind,
        coordinator,
        members,
        themes,
        municipalities,
        regions,
        website,
        email,
        phone,
        updated,
        draft,
        contact,
    } = raw;
    r.invisible(name);
    let name_v = r.required(name, "name", "\"Keski-Suomen Järjestöareena\"");
    let n = Network {
        slug: e.slug.clone(),
        name: name_v,
        kind: r.kind(kind, NetworkKind::NAMES, NetworkKind::parse, NetworkKind::default()),
        coordinator: coordinator.as_ref().and_then(|c| r.reference(&ctx.orgs, c, Code::UnknownOrganisation)),
        members: r.references(&ctx.orgs, members, Code::UnknownOrganisation),
        themes: r.themes(themes),
        area: r.area(municipalities, regions, false),
        website: r.url(website),
        email: r.email(email),
        phone: r.phone(phone),
        updated: r.date(updated),
        draft: draft.unwrap_or(false),
        contact: r.contact(contact),
        body: body_of(e),
    };
    r.finish(out);
    Some(n)
}

fn table(
    ctx: &Ctx<'_>,
    folder: &str,
    e: &Entry<RawTable>,
    notes: Vec<MeetingNote>,
    out: &mut Vec<Diagnostic>,
) -> Option<PartnershipTable> {
    if !is_slug(folder) {
        out.push(
            Diagnostic::error(
                Code::BadFileName,
                &e.source.file,
                None,
                format!("the folder name `{folder}` is not a slug"),
            )
            .with_help(format!("rename the folder to content/partnership-tables/{}/", slugify(folder))),
        );
    }
    let raw = e.raw.as_ref()?;
    if raw.draft == Some(true) && !ctx.opts.drafts {
        return None;
    }
    body::check(&e.source.file, e.body(), e.body.clone(), &ctx.files, out);
    let mut r = Report::new(ctx, e);
    let RawTable {
        name,
        convener,
        public_partners,
        members,
        themes,
        municipalities,
        regions,
        founded,
        meets,
        website,
        email,
        updated,
        draft,
        contact,
    } = raw;
    r.invisible(name);
    let name_v = r.required(name, "name", "\"Maakunnan ja järjestöjen kumppanuuspöytä\"");
    let convener = convener.as_ref().and_then(|c| {
        let slug = c.get_ref().as_str();
        match (ctx.orgs.map.get(slug), ctx.networks.map.get(slug)) {
            (Some(_), _) => r.reference(&ctx.orgs, c, Code::UnknownConvener).map(Convener::Organisation),
            (None, Some(_)) => r.reference(&ctx.networks, c, Code::UnknownConvener).map(Convener::Network),
            (None, None) => {
                let all = ctx.orgs.map.keys().chain(ctx.networks.map.keys()).map(String::as_str);
                let help = did_you_mean(&nearest(slug, all, 3)).unwrap_or_else(|| {
                    "write the slug of an organisation or a network (its file name without .md)".into()
                });
                r.error(
                    Code::UnknownConvener,
                    c.span(),
                    format!("`{slug}` is neither an organisation nor a network"),
                    help,
                );
                None
            }
        }
    });
    let mut t = PartnershipTable {
        slug: if is_slug(folder) { folder.to_string() } else { slugify(folder) },
        name: name_v,
        convener,
        public_partners: r.texts(public_partners),
        members: r.references(&ctx.orgs, members, Code::UnknownOrganisation),
        themes: r.themes(themes),
        area: r.area(municipalities, regions, false),
        founded: r.date(founded),
        meets: r.text(meets),
        website: r.url(website),
        email: r.email(email),
        updated: r.date(updated),
        draft: draft.unwrap_or(false),
        contact: r.contact(contact),
        notes: Vec::new(),
        body: body_of(e),
    };
    r.finish(out);
    t.notes = notes;
    t.notes.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| b.slug.cmp(&a.slug)));
    Some(t)
}

/// Validate a table's notes (also when its index.md is broken, so that one run
/// reports everything); duplicates are reported and dropped.
fn notes(ctx: &Ctx<'_>, notes: &[Entry<RawNote>], out: &mut Vec<Diagnostic>) -> Vec<MeetingNote> {
    let mut kept = Vec::new();
    let mut seen: HashMap<String, &str> = HashMap::new();
    for n in notes {
        if let Some(first) = seen.insert(n.slug.clone(), &n.source.file) {
            out.push(
                Diagnostic::error(
                    Code::DuplicateSlug,
                    &n.source.file,
                    None,
                    format!("the slug `{}` is already used by {first}", n.slug),
                )
                .with_help("give one of the two notes another name"),
            );
            continue;
        }
        if let Some(note) = note(ctx, n, out) {
            kept.push(note);
        }
    }
    kept
}

/// The date at the start of a note's file name, if it has one.
fn date_in_name(stem: &str) -> Option<Date> {
    let d = stem.get(..10)?;
    let rest = &stem[10..];
    if !(rest.is_empty() || rest.starts_with('-')) {
        return None;
    }
    d.parse::<Date>().ok().filter(|_| d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-')
}

fn note(ctx: &Ctx<'_>, e: &Entry<RawNote>, out: &mut Vec<Diagnostic>) -> Option<MeetingNote> {
    let file = &e.source.file;
    let name = file.rsplit('/').next().unwrap_or(file);
    let stem = name.trim_end_matches(".md");
    let name_date = date_in_name(stem);
    let raw = e.raw.as_ref();
    if let Some(d) = bad_file_name(file, &e.slug) {
        out.push(d);
    }
    if name_date.is_none() {
        let date = raw.and_then(|r| r.date.as_ref()).and_then(|d| to_date(d.get_ref()).ok());
        let words = slugify(stem.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-'));
        let words = if words.is_empty() { "kokous".to_string() } else { words };
        let help = match date {
            Some(d) => format!("rename the file to {d}-{words}.md: the meeting's date first, as YYYY-MM-DD"),
            None => format!("rename the file to YYYY-MM-DD-{words}.md: the meeting's date first"),
        };
        out.push(
            Diagnostic::error(
                Code::NoteFileName,
                file,
                None,
                format!("the note's file name `{name}` does not start with a valid date"),
            )
            .with_help(help),
        );
    }
    let raw = raw?;
    if raw.draft == Some(true) && !ctx.opts.drafts {
        return None;
    }
    body::check(file, e.body(), e.body.clone(), &ctx.files, out);
    let mut r = Report::new(ctx, e);
    let RawNote { title, date, kind, attendees, other_attendees, decisions, next_meeting, themes, draft } = raw;
    r.invisible(title);
    let title_v = r.required(title, "title", "\"Kokous 1/2025\"");
    let date_v = r.date(date);
    match (date, date_v, name_date) {
        (None, _, _) => r.missing("date", &name_date.map(|d| d.to_string()).unwrap_or_else(|| "2025-02-12".into())),
        (Some(span), Some(d), Some(nd)) if d != nd => r.error(
            Code::NoteDateMismatch,
            span.span(),
            format!("the date {d} differs from the date in the file name, {nd}"),
            format!("if the meeting was on {d}, rename the file to {d}{}; otherwise write `date = {nd}`", &name[10..]),
        ),
        _ => {}
    }
    let n = MeetingNote {
        slug: e.slug.clone(),
        title: title_v,
        date: date_v.or(name_date)?,
        kind: r.kind(kind, NoteKind::NAMES, NoteKind::parse, NoteKind::default()),
        attendees: r.references(&ctx.orgs, attendees, Code::UnknownOrganisation),
        other_attendees: r.texts(other_attendees),
        decisions: r.texts(decisions),
        next_meeting: r.date(next_meeting),
        themes: r.themes(themes),
        draft: draft.unwrap_or(false),
        body: body_of(e),
    };
    r.finish(out);
    Some(n)
}

fn page(ctx: &Ctx<'_>, e: &Entry<RawPage>, raw: &RawPage, out: &mut Vec<Diagnostic>) -> Option<Page> {
    let mut r = Report::new(ctx, e);
    let RawPage { title, description, menu, weight, draft } = raw;
    r.invisible(title);
    let title_v = r.required(title, "title", "\"Tietoa hakemistosta\"");
    let p = Page {
        slug: e.slug.clone(),
        title: title_v,
        description: r.text(description),
        menu: menu.unwrap_or(false),
        weight: weight.as_ref().map(|w| *w.get_ref()).unwrap_or(0),
        draft: draft.unwrap_or(false),
        body: body_of(e),
    };
    r.finish(out);
    Some(p)
}

fn themes(loaded: &Loaded, diags: &mut Diagnostics) -> Vec<Theme> {
    let Some(file) = &loaded.themes else {
        diags.push(
            Diagnostic::error(Code::MissingFile, "content/themes.toml", None, "the site has no content/themes.toml")
                .with_help("create it with one `[[theme]]` table per theme: id, name and description"),
        );
        return Vec::new();
    };
    let f = file.source.file.as_str();
    let mut out: Vec<Theme> = Vec::new();
    let mut spans: HashMap<String, Range<usize>> = HashMap::new();
    let list = file.raw.as_ref().and_then(|r| r.theme.as_ref());
    if file.raw.is_some() && list.is_none_or(|l| l.is_empty()) {
        diags.push(
            Diagnostic::error(Code::EmptyList, f, None, "content/themes.toml lists no themes")
                .with_help("add `[[theme]]` tables with `id`, `name` and `description`"),
        );
    }
    for t in list.into_iter().flatten() {
        let RawTheme { id, name, description } = t.get_ref();
        let Some(id) = id else {
            diags.push(Diagnostic::error(Code::MissingField, f, Some(t.span()), "this theme has no `id`").with_help(
                format!(
                    "add `id = \"{}\"`",
                    name.as_ref().map(|n| slugify(n.get_ref())).unwrap_or_else(|| "lapset-ja-perheet".into())
                ),
            ));
            continue;
        };
        if !is_slug(id.get_ref()) {
            diags.push(
                Diagnostic::error(
                    Code::InvalidSlug,
                    f,
                    Some(id.span()),
                    format!("the theme id `{}` is not a slug", id.get_ref()),
                )
                .with_help(format!("write `id = \"{}\"`", slugify(id.get_ref()))),
            );
            continue;
        }
        if spans.contains_key(id.get_ref()) {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateSlug,
                    f,
                    Some(id.span()),
                    format!("the theme id `{}` is used twice", id.get_ref()),
                )
                .with_help("give each theme its own id, or merge the two themes"),
            );
            continue;
        }
        if name.is_none() {
            diags.push(
                Diagnostic::error(
                    Code::MissingField,
                    f,
                    Some(id.span()),
                    format!("the theme `{}` has no `name`", id.get_ref()),
                )
                .with_help("add `name = \"Lapset ja perheet\"` (the name readers see)"),
            );
        }
        spans.insert(id.get_ref().clone(), id.span());
        out.push(Theme {
            id: id.get_ref().clone(),
            name: name.as_ref().map(|n| n.get_ref().clone()).unwrap_or_else(|| id.get_ref().clone()),
            description: description.as_ref().map(|d| d.get_ref().clone()),
        });
    }
    out
}

fn custom_municipalities(loaded: &Loaded, diags: &mut Diagnostics) -> Option<Municipalities> {
    let file: &TomlFile<RawMunicipalities> = loaded.municipalities.as_ref()?;
    let list = file.raw.as_ref()?.municipality.as_ref()?;
    let f = file.source.file.as_str();
    let mut rows = Vec::new();
    for m in list {
        let RawMunicipality { code, name, name_sv, region, region_sv, county, county_sv } = m.get_ref();
        let (Some(name), Some(region)) = (name, region) else {
            diags.push(
                Diagnostic::error(
                    Code::MissingField,
                    f,
                    Some(m.span()),
                    "a municipality needs at least `name` and `region`",
                )
                .with_help("add `name = \"...\"` and `region = \"...\"`"),
            );
            continue;
        };
        let v = |t: &Option<Text>| t.as_ref().map(|t| t.get_ref().clone()).unwrap_or_default();
        rows.push(MunicipalityRow {
            code: v(code),
            name: name.get_ref().clone(),
            name_sv: name_sv.as_ref().map(|t| t.get_ref().clone()).unwrap_or_else(|| name.get_ref().clone()),
            region: region.get_ref().clone(),
            region_sv: region_sv.as_ref().map(|t| t.get_ref().clone()).unwrap_or_else(|| region.get_ref().clone()),
            region_code: String::new(),
            county: v(county),
            county_sv: v(county_sv),
        });
    }
    Some(Municipalities::from_rows(rows))
}

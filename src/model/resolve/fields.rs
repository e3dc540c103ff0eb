//! The shared lookups of one run and the per-file collector of field checks.

use super::*;

pub(super) struct Slugs<I> {
    pub(super) kind: &'static str,
    pub(super) folder: &'static str,
    pub(super) map: HashMap<String, Target<I>>,
}

impl<I: crate::model::ids::Id> Slugs<I> {
    pub(super) fn new<R>(
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
                    Target::Index(I::new(next - 1))
                }
            };
            map.entry(e.slug.clone()).or_insert(target);
        }
        Slugs { kind, folder, map }
    }
}

/// Per-file collector with the shared lookups.
pub(super) struct Ctx<'a> {
    pub(super) opts: Options,
    pub(super) config: &'a SiteConfig,
    pub(super) munis: &'a Municipalities,
    pub(super) themes: HashMap<&'a str, ThemeId>,
    pub(super) theme_ids: Vec<&'a str>,
    pub(super) orgs: Slugs<OrganisationId>,
    pub(super) networks: Slugs<NetworkId>,
    pub(super) files: Files<'a>,
}

/// Collects the diagnostics of one file's front matter, whose spans are relative to
/// the front matter until [`Report::finish`] moves them into file positions.
pub(super) struct Report<'c, 'a> {
    pub(super) ctx: &'c Ctx<'a>,
    pub(super) file: &'c str,
    pub(super) offset: usize,
    /// Keys dropped by `load` after reporting them: not to be called missing.
    pub(super) removed: &'c [String],
    pub(super) out: Vec<Diagnostic>,
}

impl<'c, 'a> Report<'c, 'a> {
    pub(super) fn new<R>(ctx: &'c Ctx<'a>, e: &'c Entry<R>) -> Self {
        Report { ctx, file: &e.source.file, offset: e.front_matter_offset, removed: &e.removed, out: Vec::new() }
    }

    pub(super) fn finish(self, out: &mut Vec<Diagnostic>) {
        let offset = self.offset;
        out.extend(self.out.into_iter().map(|mut d| {
            d.span = d.span.map(|s| s.start + offset..s.end + offset);
            d
        }));
    }

    pub(super) fn error(&mut self, code: Code, span: Range<usize>, msg: impl Into<String>, help: impl Into<String>) {
        self.out.push(Diagnostic::error(code, self.file, Some(span), msg).with_help(help));
    }

    pub(super) fn missing(&mut self, field: &str, example: &str) {
        if self.removed.iter().any(|k| k == field) {
            return;
        }
        self.out.push(
            Diagnostic::error(Code::MissingField, self.file, None, format!("`{field}` is missing"))
                .with_help(format!("add `{field} = {example}` to the front matter")),
        );
    }

    /// A required text: missing or blank is an error.
    pub(super) fn required(&mut self, t: &Option<Text>, field: &str, example: &str) -> String {
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
    pub(super) fn clean(&mut self, t: &Text) -> String {
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
    pub(super) fn invisible(&mut self, t: &Option<Text>) {
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

    pub(super) fn text(&mut self, t: &Option<Text>) -> Option<String> {
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

    pub(super) fn texts(&mut self, list: &Option<TextList>) -> Vec<String> {
        let list: Vec<&Text> = list.iter().flat_map(|l| l.get_ref()).collect();
        list.into_iter().map(|t| self.clean(t)).filter(|s| !s.is_empty()).collect()
    }

    /// A text value that `check` accepts, or an error `code` saying it is not `what`.
    pub(super) fn checked(
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

    pub(super) fn url(&mut self, t: &Option<Text>) -> Option<String> {
        self.checked(t, check_url, Code::InvalidUrl, "a web address")
    }

    pub(super) fn email(&mut self, t: &Option<Text>) -> Option<String> {
        self.checked(t, check_email, Code::InvalidEmail, "an email address")
    }

    pub(super) fn phone(&mut self, t: &Option<Text>) -> Option<String> {
        self.checked(t, check_phone, Code::InvalidPhone, "a phone number")
    }

    pub(super) fn date(&mut self, d: &Option<toml::Spanned<toml::value::Datetime>>) -> Option<Date> {
        let d = d.as_ref()?;
        match to_date(d.get_ref()) {
            Ok(date) => Some(date),
            Err(help) => {
                self.error(Code::InvalidDate, d.span(), format!("`{}` is not a plain date", d.get_ref()), help);
                None
            }
        }
    }

    pub(super) fn kind<K: Copy>(
        &mut self,
        t: &Option<Text>,
        names: &[&str],
        parse: impl Fn(&str) -> Option<K>,
        default: K,
    ) -> K {
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

    pub(super) fn contact(&mut self, c: &Option<toml::Spanned<RawContact>>) -> Option<Contact> {
        let c = c.as_ref()?.get_ref();
        let RawContact { name, role, email, phone } = c;
        Some(Contact {
            name: self.text(name),
            role: self.text(role),
            email: self.email(email),
            phone: self.phone(phone),
        })
    }

    pub(super) fn themes(&mut self, list: &Option<TextList>) -> Vec<ThemeId> {
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

    pub(super) fn area(
        &mut self,
        municipalities: &Option<TextList>,
        regions: &Option<TextList>,
        nationwide: bool,
    ) -> Area {
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

    pub(super) fn region(&mut self, r: &Text) -> Option<RegionId> {
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

    pub(super) fn reference<I: Copy>(&mut self, which: &Slugs<I>, t: &Text, code: Code) -> Option<I> {
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

    pub(super) fn references<I: Copy + PartialEq>(
        &mut self,
        which: &Slugs<I>,
        list: &Option<TextList>,
        code: Code,
    ) -> Vec<I> {
        let mut out = Vec::new();
        for t in list.iter().flat_map(|l| l.get_ref()) {
            if let Some(i) = self.reference(which, t, code) {
                push_unique(&mut out, i);
            }
        }
        out
    }
}

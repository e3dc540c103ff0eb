//! The shared lookups of one run and the per-file collector of field checks.

use super::*;
use crate::diagnostics::{Localized, tr};

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

    /// The partnership tables' slugs: a table folder whose `index.md` is missing or
    /// unreadable is broken (reported as such), a draft table is a draft.
    pub(super) fn tables(dirs: &[crate::load::TableDir], drafts: bool) -> Self {
        let mut map = HashMap::new();
        let mut next = 0;
        for d in dirs {
            let target = match d.index.as_ref().and_then(|i| i.raw.as_ref()) {
                None => Target::Broken,
                Some(r) if r.draft == Some(true) && !drafts => Target::Draft,
                Some(_) => {
                    next += 1;
                    Target::Index(I::new(next - 1))
                }
            };
            map.entry(d.slug.clone()).or_insert(target);
        }
        Slugs { kind: "partnership table", folder: crate::layout::PARTNERSHIP_TABLES, map }
    }
}

impl<I> Slugs<I> {
    /// "organisation `x` is a draft and is left out of the site".
    fn draft(&self, v: &str) -> Localized {
        let kind = self.kind;
        match self.folder {
            crate::layout::ORGANISATIONS => tr!(
                en: "{kind} `{v}` is a draft and is left out of the site",
                fi: "järjestö `{v}` on luonnos, eikä se ole sivustolla",
                sv: "organisationen `{v}` är ett utkast och finns inte på webbplatsen"
            ),
            crate::layout::PARTNERSHIP_TABLES => tr!(
                en: "{kind} `{v}` is a draft and is left out of the site",
                fi: "kumppanuuspöytä `{v}` on luonnos, eikä se ole sivustolla",
                sv: "partnerskapsbordet `{v}` är ett utkast och finns inte på webbplatsen"
            ),
            _ => tr!(
                en: "{kind} `{v}` is a draft and is left out of the site",
                fi: "verkosto `{v}` on luonnos, eikä se ole sivustolla",
                sv: "nätverket `{v}` är ett utkast och finns inte på webbplatsen"
            ),
        }
    }

    /// "there is no organisation `x` (no file content/organisations/x.md)".
    fn missing(&self, v: &str) -> Localized {
        let (kind, folder) = (self.kind, self.folder);
        match self.folder {
            crate::layout::ORGANISATIONS => tr!(
                en: "there is no {kind} `{v}` (no file content/{folder}/{v}.md)",
                fi: "järjestöä `{v}` ei ole (ei tiedostoa content/{folder}/{v}.md)",
                sv: "organisationen `{v}` finns inte (ingen fil content/{folder}/{v}.md)"
            ),
            crate::layout::PARTNERSHIP_TABLES => tr!(
                en: "there is no {kind} `{v}` (no file content/{folder}/{v}/index.md)",
                fi: "kumppanuuspöytää `{v}` ei ole (ei tiedostoa content/{folder}/{v}/index.md)",
                sv: "partnerskapsbordet `{v}` finns inte (ingen fil content/{folder}/{v}/index.md)"
            ),
            _ => tr!(
                en: "there is no {kind} `{v}` (no file content/{folder}/{v}.md)",
                fi: "verkostoa `{v}` ei ole (ei tiedostoa content/{folder}/{v}.md)",
                sv: "nätverket `{v}` finns inte (ingen fil content/{folder}/{v}.md)"
            ),
        }
    }
}

/// "`x` is not a plain date".
pub(crate) fn not_a_date(v: impl std::fmt::Display) -> Localized {
    tr!(
        en: "`{v}` is not a plain date",
        fi: "`{v}` ei ole pelkkä päivämäärä",
        sv: "`{v}` är inte ett rent datum"
    )
}

/// How to write a region, when no name is near.
pub(crate) fn region_by_name() -> Localized {
    tr!(
        en: "write a region (maakunta) by its Finnish or Swedish name, e.g. `Keski-Suomi`",
        fi: "kirjoita maakunnan suomen- tai ruotsinkielinen nimi, esim. `Keski-Suomi`",
        sv: "skriv landskapets finska eller svenska namn, t.ex. `Keski-Suomi`"
    )
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
    pub(super) tables: Slugs<TableId>,
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

    pub(super) fn error(&mut self, code: Code, span: Range<usize>, msg: Localized, help: Localized) {
        self.out.push(Diagnostic::error(code, self.file, Some(span), msg).with_help(help));
    }

    pub(super) fn warning(&mut self, code: Code, span: Range<usize>, msg: Localized, help: Localized) {
        self.out.push(Diagnostic::warning(code, self.file, Some(span), msg).with_help(help));
    }

    pub(super) fn missing(&mut self, field: &str, example: &str) {
        if self.removed.iter().any(|k| k == field) {
            return;
        }
        self.out.push(
            Diagnostic::error(
                Code::MissingField,
                self.file,
                None,
                tr!(en: "`{field}` is missing", fi: "`{field}` puuttuu", sv: "`{field}` saknas"),
            )
            .with_help(tr!(
                en: "add `{field} = {example}` to the front matter",
                fi: "lisää tiedoston alun tietoihin (+++-rivien väliin) rivi `{field} = {example}`",
                sv: "lägg till raden `{field} = {example}` i uppgifterna i början av filen (mellan +++-raderna)"
            )),
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
                    tr!(en: "`{field}` is empty", fi: "`{field}` on tyhjä", sv: "`{field}` är tomt"),
                    tr!(
                        en: "write it, e.g. `{field} = {example}`",
                        fi: "kirjoita arvo, esim. `{field} = {example}`",
                        sv: "skriv ett värde, t.ex. `{field} = {example}`"
                    ),
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
                        tr!(
                            en: "this text has invisible control or direction characters; they are left out of the site",
                            fi: "tekstissä on näkymättömiä ohjaus- tai suuntamerkkejä; ne jätetään sivustolta pois",
                            sv: "texten har osynliga styr- eller riktningstecken; de lämnas bort från webbplatsen"
                        ),
                    )
                    .with_help(tr!(
                        en: "retype the text, or delete the escapes such as `\\u0007` or `\\u202e`",
                        fi: "kirjoita teksti uudelleen tai poista merkinnät kuten `\\u0007` tai `\\u202e`",
                        sv: "skriv texten på nytt eller ta bort koder som `\\u0007` eller `\\u202e`"
                    )),
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
                    tr!(
                        en: "this name has invisible characters (a zero-width space or a direction mark), so it can look like another name",
                        fi: "nimessä on näkymättömiä merkkejä (leveydetön välilyönti tai suuntamerkki), joten se voi näyttää toiselta nimeltä",
                        sv: "namnet har osynliga tecken (ett blanksteg utan bredd eller ett riktningstecken), så det kan se ut som ett annat namn"
                    ),
                )
                .with_help(tr!(
                    en: "retype the name without them",
                    fi: "kirjoita nimi uudelleen ilman niitä",
                    sv: "skriv namnet på nytt utan dem"
                )),
            );
        }
    }

    pub(super) fn text(&mut self, t: &Option<Text>) -> Option<String> {
        let t = t.as_ref()?;
        let cleaned = self.clean(t);
        let s = cleaned.as_str();
        if s.is_empty() {
            self.out.push(
                Diagnostic::warning(
                    Code::InvalidValue,
                    self.file,
                    Some(t.span()),
                    tr!(en: "this value is empty", fi: "arvo on tyhjä", sv: "värdet är tomt"),
                )
                .with_help(tr!(
                    en: "fill it in, or delete the line",
                    fi: "täytä se tai poista rivi",
                    sv: "fyll i det eller ta bort raden"
                )),
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
        check: fn(&str) -> Result<(), Localized>,
        code: Code,
        what: Localized,
    ) -> Option<String> {
        let t = t.as_ref()?;
        match check(t.get_ref()) {
            Ok(()) => Some(t.get_ref().trim().to_string()),
            Err(help) => {
                let v = t.get_ref();
                let msg =
                    tr!(en: "`{v}` is not {what}", fi: "`{v}` ei ole {what}", sv: "`{v}` är inte {what}", what = what);
                self.error(code, t.span(), msg, help);
                None
            }
        }
    }

    pub(super) fn url(&mut self, t: &Option<Text>) -> Option<String> {
        let what = tr!(en: "a web address", fi: "verkko-osoite", sv: "en webbadress");
        self.checked(t, check_url, Code::InvalidUrl, what)
    }

    pub(super) fn email(&mut self, t: &Option<Text>) -> Option<String> {
        let what = tr!(en: "an email address", fi: "sähköpostiosoite", sv: "en e-postadress");
        self.checked(t, check_email, Code::InvalidEmail, what)
    }

    pub(super) fn phone(&mut self, t: &Option<Text>) -> Option<String> {
        let what = tr!(en: "a phone number", fi: "puhelinnumero", sv: "ett telefonnummer");
        self.checked(t, check_phone, Code::InvalidPhone, what)
    }

    pub(super) fn date(&mut self, d: &Option<toml::Spanned<toml::value::Datetime>>) -> Option<Date> {
        let d = d.as_ref()?;
        match to_date(d.get_ref()) {
            Ok(date) => Some(date),
            Err(help) => {
                self.error(Code::InvalidDate, d.span(), not_a_date(d.get_ref()), help);
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
                let all = names.join(", ");
                let help = did_you_mean(&nearest(t.get_ref(), names.iter().copied(), 1))
                    .map(|d| {
                        tr!(
                            en: "{d} (one of {all})",
                            fi: "{d} (vaihtoehdot: {all})",
                            sv: "{d} (alternativen: {all})",
                            d = d
                        )
                    })
                    .unwrap_or_else(|| {
                        tr!(
                            en: "write one of: {all}",
                            fi: "kirjoita jokin näistä: {all}",
                            sv: "skriv något av dessa: {all}"
                        )
                    });
                let v = t.get_ref();
                let msg = tr!(
                    en: "`{v}` is not a kind",
                    fi: "`{v}` ei ole sallittu laji",
                    sv: "`{v}` är inte en tillåten typ"
                );
                self.error(Code::InvalidKind, t.span(), msg, help);
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
                    let ids = self.ctx.theme_ids.join(", ");
                    let help = did_you_mean(&near).unwrap_or_else(|| {
                        tr!(
                            en: "use a theme id from content/themes.toml: {ids}",
                            fi: "käytä jonkin tiedoston content/themes.toml teeman tunnusta (id): {ids}",
                            sv: "använd ett temas id från filen content/themes.toml: {ids}"
                        )
                    });
                    let v = t.get_ref();
                    let msg = tr!(
                        en: "there is no theme `{v}` in content/themes.toml",
                        fi: "teemaa `{v}` ei ole tiedostossa content/themes.toml",
                        sv: "temat `{v}` finns inte i filen content/themes.toml"
                    );
                    self.error(Code::UnknownTheme, t.span(), msg, help);
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
        let mut area = Area { nationwide, ..Area::default() };
        for m in municipalities.iter().flat_map(|l| l.get_ref()) {
            if let Some(id) = self.municipality(m, true) {
                push_unique(&mut area.municipalities, id);
            }
        }
        for r in regions.iter().flat_map(|l| l.get_ref()) {
            if let Some(id) = self.region(r) {
                push_unique(&mut area.regions, id);
            }
        }
        area
    }

    /// One municipality by its Finnish or Swedish name or its code; `regions_field`:
    /// the file has a `regions` field to propose for a region's name.
    pub(super) fn municipality(&mut self, m: &Text, regions_field: bool) -> Option<MunicipalityId> {
        let munis = self.ctx.munis;
        let found = munis.find(m.get_ref());
        if found.is_none() {
            let near = munis.suggest(m.get_ref());
            let help = did_you_mean(&near).unwrap_or_else(|| {
                tr!(
                    en: "write the municipality's Finnish or Swedish name, or its code (e.g. `179`)",
                    fi: "kirjoita kunnan suomen- tai ruotsinkielinen nimi tai sen numerotunnus (esim. `179`)",
                    sv: "skriv kommunens finska eller svenska namn eller dess nummer (t.ex. `179`)"
                )
            });
            let v = m.get_ref();
            let region_help = munis.find_region(v).filter(|_| regions_field).map(|_| {
                tr!(
                    en: "`{v}` is a region: move it to `regions = [\"{v}\"]`",
                    fi: "`{v}` on maakunta: siirrä se kenttään `regions = [\"{v}\"]`",
                    sv: "`{v}` är ett landskap: flytta det till `regions = [\"{v}\"]`"
                )
            });
            let msg = tr!(
                en: "there is no municipality `{v}`",
                fi: "kuntaa `{v}` ei ole",
                sv: "kommunen `{v}` finns inte"
            );
            self.error(Code::UnknownMunicipality, m.span(), msg, region_help.unwrap_or(help));
        }
        found
    }

    pub(super) fn region(&mut self, r: &Text) -> Option<RegionId> {
        let munis = self.ctx.munis;
        let found = munis.find_region(r.get_ref());
        if found.is_none() {
            let v = r.get_ref();
            let help = match munis.find(v) {
                Some(_) => tr!(
                    en: "`{v}` is a municipality: move it to `municipalities`",
                    fi: "`{v}` on kunta: siirrä se kenttään `municipalities`",
                    sv: "`{v}` är en kommun: flytta den till `municipalities`"
                ),
                None => did_you_mean(&munis.suggest_region(v)).unwrap_or_else(region_by_name),
            };
            let msg = tr!(
                en: "there is no region `{v}`",
                fi: "maakuntaa `{v}` ei ole",
                sv: "landskapet `{v}` finns inte"
            );
            self.error(Code::UnknownRegion, r.span(), msg, help);
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
                        which.draft(t.get_ref()),
                    )
                    .with_help({
                        // A partnership table is a folder with its index.md.
                        let (folder, v) = (which.folder, t.get_ref());
                        let file = if folder == crate::layout::PARTNERSHIP_TABLES {
                            format!("content/{folder}/{v}/index.md")
                        } else {
                            format!("content/{folder}/{v}.md")
                        };
                        tr!(
                            en: "publish it (remove `draft = true` from {file}) or remove this reference",
                            fi: "julkaise se (poista `draft = true` tiedostosta {file}) tai poista tämä viittaus",
                            sv: "publicera den (ta bort `draft = true` i filen {file}) eller ta bort den här hänvisningen"
                        )
                    }),
                );
                None
            }
            None => {
                let near = nearest(t.get_ref(), which.map.keys().map(String::as_str), 3);
                let mut sorted = near;
                sorted.sort_unstable();
                let folder = which.folder;
                let help = did_you_mean(&sorted).unwrap_or_else(|| {
                    if folder == crate::layout::PARTNERSHIP_TABLES {
                        tr!(
                            en: "write the name of a folder in content/{folder}/ (the one that holds the table's index.md)",
                            fi: "kirjoita jonkin kansion content/{folder}/ alikansion nimi (sen, jossa on pöydän index.md)",
                            sv: "skriv namnet på en mapp i content/{folder}/ (den som har bordets index.md)"
                        )
                    } else {
                        tr!(
                            en: "write the slug of a file in content/{folder}/ (its name without .md)",
                            fi: "kirjoita jonkin kansion content/{folder}/ tiedoston nimi ilman .md-päätettä",
                            sv: "skriv namnet på en fil i mappen content/{folder}/ utan .md"
                        )
                    }
                });
                self.error(code, t.span(), which.missing(t.get_ref()), help);
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

//! An organisation file into an [`Organisation`].

use super::*;

pub(super) fn organisation(
    ctx: &Ctx<'_>,
    e: &Entry<RawOrganisation>,
    raw: &RawOrganisation,
    out: &mut Vec<Diagnostic>,
) -> Option<Organisation> {
    let mut r = Report::new(ctx, e);
    let RawOrganisation {
        name,
        short_name,
        summary,
        seeking,
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
    let business_id = r.business_id(business_id);
    let founded = r.founded(founded);
    let theme_ids = r.org_themes(themes);
    let area = r.org_area(municipalities, regions, nationwide);
    let network_ids = r.references(&ctx.networks, networks, Code::UnknownNetwork);
    let langs = r.languages(languages);
    let logo = r.logo(logo, logo_alt);
    let updated = r.date(updated);
    r.stale(updated, raw.updated.as_ref().map(|u| u.span()));
    let address = address.as_ref().map(|a| r.address(a.get_ref()));
    let summary = r.summary(summary);
    let seeking = r.seeking(seeking);
    let body = body_of(e);
    let lead = summary.clone().unwrap_or_else(|| crate::model::body::first_sentence(body.markdown()));
    let org = Organisation {
        slug: e.slug.clone(),
        name: name_v,
        short_name: r.text(short_name),
        summary,
        lead,
        seeking,
        kind,
        business_id,
        register_number: r.text(register_number),
        founded,
        themes: theme_ids,
        area,
        networks: network_ids,
        activities: r.activities(activities),
        languages: langs,
        website: r.url(website),
        email: r.email(email),
        phone: r.phone(phone),
        logo,
        updated,
        draft: draft.unwrap_or(false),
        address,
        contact: r.contact(contact),
        body,
    };
    r.finish(out);
    Some(org)
}

/// The most characters of a `summary` (one line on a card).
const SUMMARY_MAX: usize = 160;

/// The checks of organisation fields (the shared ones are in `fields.rs`).
impl Report<'_, '_> {
    fn business_id(&mut self, b: &Option<Text>) -> Option<String> {
        let b = b.as_ref()?;
        match business_id::validate(b.get_ref().trim()) {
            Ok(()) => Some(b.get_ref().trim().to_string()),
            Err(e) => {
                let (code, msg, help) = business_id::problem(b.get_ref(), &e);
                self.error(code, b.span(), msg, help);
                None
            }
        }
    }

    /// The activities; a vertical bar in one is a warning: the open data's CSV
    /// writes the activities in one cell with ` | ` between them.
    fn activities(&mut self, list: &Option<TextList>) -> Vec<String> {
        for t in list.iter().flat_map(|l| l.get_ref()) {
            if t.get_ref().contains('|') {
                self.warning(
                    Code::InvalidValue,
                    t.span(),
                    tr!(
                        en: "this activity has a vertical bar `|`, which the open data's CSV file writes between activities",
                        fi: "tässä toimintamuodossa on pystyviiva `|`, jota avoimen datan CSV-tiedosto käyttää toimintamuotojen välissä",
                        sv: "den här verksamhetsformen har ett lodstreck `|`, som öppna datans CSV-fil skriver mellan verksamhetsformerna"
                    ),
                    tr!(
                        en: "write it without `|` (e.g. with `/` or `–`), or as two activities",
                        fi: "kirjoita se ilman merkkiä `|` (esim. merkillä `/` tai `–`) tai kahtena toimintamuotona",
                        sv: "skriv den utan `|` (t.ex. med `/` eller `–`) eller som två verksamhetsformer"
                    ),
                );
            }
        }
        self.texts(list)
    }

    /// The themes, at least one.
    fn org_themes(&mut self, themes: &Option<TextList>) -> Vec<ThemeId> {
        let ids = self.themes(themes);
        let example = self.ctx.theme_ids.first().copied().unwrap_or("...");
        // A list emptied by taking out items already reported is not called empty too.
        if let Some(t) = themes
            && t.get_ref().is_empty()
            && !self.removed.iter().any(|k| k == "themes")
        {
            self.error(
                Code::EmptyList,
                t.span(),
                tr!(en: "`themes` is empty", fi: "`themes` on tyhjä", sv: "`themes` är tomt"),
                tr!(
                    en: "name at least one theme, e.g. `themes = [\"{example}\"]`",
                    fi: "mainitse ainakin yksi teema, esim. `themes = [\"{example}\"]`",
                    sv: "ange minst ett tema, t.ex. `themes = [\"{example}\"]`"
                ),
            );
        } else if themes.is_none() {
            self.missing("themes", &format!("[\"{example}\"]"));
        }
        ids
    }

    /// Where the organisation acts; it must say somewhere.
    fn org_area(
        &mut self,
        municipalities: &Option<TextList>,
        regions: &Option<TextList>,
        nationwide: &Option<toml::Spanned<bool>>,
    ) -> Area {
        let nation = nationwide.as_ref().map(|n| *n.get_ref()).unwrap_or(false);
        let area = self.area(municipalities, regions, nation);
        let said_where = municipalities.as_ref().is_some_and(|l| !l.get_ref().is_empty())
            || regions.as_ref().is_some_and(|l| !l.get_ref().is_empty())
            || nation;
        // A dropped key (a misspelt `municipality`, a wrong type) is already reported.
        if !said_where && self.removed.is_empty() {
            self.out.push(
                Diagnostic::error(
                    Code::NoArea,
                    self.file,
                    None,
                    tr!(
                        en: "the organisation says nowhere where it acts",
                        fi: "järjestön tiedoissa ei kerrota, missä se toimii",
                        sv: "organisationens uppgifter säger inte var den verkar"
                    ),
                )
                .with_help(tr!(
                    en: "add `municipalities = [\"Keuruu\"]`, `regions = [\"Keski-Suomi\"]` or `nationwide = true`",
                    fi: "lisää `municipalities = [\"Keuruu\"]`, `regions = [\"Keski-Suomi\"]` tai `nationwide = true`",
                    sv: "lägg till `municipalities = [\"Keuruu\"]`, `regions = [\"Keski-Suomi\"]` eller `nationwide = true`"
                )),
            );
        }
        area
    }

    /// `founded`: a plausible year.
    fn founded(&mut self, founded: &Option<toml::Spanned<i64>>) -> Option<i32> {
        let f = founded.as_ref()?;
        match check_year(*f.get_ref(), self.ctx.opts.today) {
            Ok(y) => Some(y),
            Err(help) => {
                let v = f.get_ref();
                let msg = tr!(
                    en: "`{v}` is not a founding year",
                    fi: "`{v}` ei ole mahdollinen perustamisvuosi",
                    sv: "`{v}` är inte ett möjligt grundningsår"
                );
                self.error(Code::InvalidYear, f.span(), msg, help);
                None
            }
        }
    }

    /// `summary`: one line of at most [`SUMMARY_MAX`] characters.
    fn summary(&mut self, summary: &Option<Text>) -> Option<String> {
        let text = self.text(summary)?;
        let t = summary.as_ref()?;
        let n = text.chars().count();
        if text.contains('\n') {
            self.warning(
                Code::InvalidValue,
                t.span(),
                tr!(
                    en: "`summary` is one line; this one has several",
                    fi: "`summary` on yksi rivi; tässä on useita",
                    sv: "`summary` är en rad; här finns flera"
                ),
                tr!(
                    en: "write it on one line; a longer text goes below the `+++` line",
                    fi: "kirjoita se yhdelle riville; pidempi teksti kuuluu `+++`-rivin alle",
                    sv: "skriv den på en rad; en längre text hör hemma under `+++`-raden"
                ),
            );
        } else if n > SUMMARY_MAX {
            self.warning(
                Code::InvalidValue,
                t.span(),
                tr!(
                    en: "`summary` has {n} characters; at most {SUMMARY_MAX} fit on a card",
                    fi: "`summary` on {n} merkkiä pitkä; kortille mahtuu enintään {SUMMARY_MAX}",
                    sv: "`summary` är {n} tecken lång; högst {SUMMARY_MAX} ryms på ett kort"
                ),
                tr!(
                    en: "shorten it to one sentence that says what the organisation does for whom",
                    fi: "lyhennä se yhdeksi virkkeeksi, joka kertoo, mitä järjestö tekee ja kenelle",
                    sv: "korta den till en mening som säger vad organisationen gör och för vem"
                ),
            );
        }
        Some(text)
    }

    /// `seeking`: volunteers, members, partners.
    fn seeking(&mut self, seeking: &Option<TextList>) -> Vec<Seeking> {
        let mut out = Vec::new();
        for v in seeking.iter().flat_map(|l| l.get_ref()) {
            match Seeking::parse(v.get_ref().trim()) {
                Some(s) if !out.contains(&s) => out.push(s),
                Some(_) => {}
                None => {
                    let all = Seeking::NAMES.join(", ");
                    let near = nearest(v.get_ref(), Seeking::NAMES.iter().copied(), 1);
                    let help = did_you_mean(&near).unwrap_or_else(|| {
                        tr!(
                            en: "write some of: {all}",
                            fi: "kirjoita jokin näistä: {all}",
                            sv: "skriv något av dessa: {all}"
                        )
                    });
                    let val = v.get_ref();
                    let msg = tr!(
                        en: "`{val}` is not something `seeking` knows",
                        fi: "`{val}` ei ole sallittu `seeking`-arvo",
                        sv: "`{val}` är inget tillåtet värde för `seeking`"
                    );
                    self.error(Code::InvalidValue, v.span(), msg, help);
                }
            }
        }
        out.sort();
        out
    }

    pub(super) fn languages(&mut self, languages: &Option<TextList>) -> Vec<String> {
        let mut langs = Vec::new();
        for l in languages.iter().flat_map(|l| l.get_ref()) {
            match check_language_code(l.get_ref()) {
                Ok(()) => langs.push(l.get_ref().clone()),
                Err(help) => self.error(
                    Code::UnknownLanguageCode,
                    l.span(),
                    {
                        let v = l.get_ref();
                        tr!(
                            en: "`{v}` is not a language code",
                            fi: "`{v}` ei ole kielikoodi",
                            sv: "`{v}` är inte en språkkod"
                        )
                    },
                    help,
                ),
            }
        }
        langs
    }

    /// The logo: a file under static/ with a description.
    fn logo(&mut self, logo: &Option<Text>, logo_alt: &Option<Text>) -> Option<Logo> {
        match (logo, logo_alt) {
            (Some(l), alt) => {
                let path = l.get_ref().trim_start_matches('/').to_string();
                if !self.ctx.files.statics.contains(&path) {
                    let near = nearest(&path, self.ctx.files.statics.iter().map(String::as_str), 1);
                    self.error(
                        Code::MissingStaticFile,
                        l.span(),
                        tr!(
                            en: "there is no file static/{path}",
                            fi: "tiedostoa static/{path} ei ole",
                            sv: "filen static/{path} finns inte"
                        ),
                        did_you_mean(&near).unwrap_or_else(|| {
                            tr!(
                                en: "put the logo at static/{path}, or fix the path",
                                fi: "tallenna logo tiedostoksi static/{path} tai korjaa polku",
                                sv: "spara logon som static/{path} eller rätta sökvägen"
                            )
                        }),
                    );
                }
                match alt.as_ref().map(|a| a.get_ref().trim()).filter(|a| !a.is_empty()) {
                    Some(alt) => Some(Logo { path, alt: alt.to_string() }),
                    None => {
                        self.error(
                            Code::MissingAltText,
                            l.span(),
                            tr!(
                                en: "the logo has no `logo_alt`",
                                fi: "logolta puuttuu `logo_alt`",
                                sv: "logon saknar `logo_alt`"
                            ),
                            tr!(
                                en: "add `logo_alt = \"<organisation>'s logo\"` describing the picture for screen readers",
                                fi: "lisää kuvaa ruudunlukijoille kuvaava teksti, esim. `logo_alt = \"<järjestön> logo\"`",
                                sv: "lägg till en text som beskriver bilden för skärmläsare, t.ex. `logo_alt = \"<organisationens> logo\"`"
                            ),
                        );
                        None
                    }
                }
            }
            (None, Some(a)) => {
                self.out.push(
                    Diagnostic::warning(
                        Code::InvalidValue,
                        self.file,
                        Some(a.span()),
                        tr!(
                            en: "`logo_alt` without `logo`",
                            fi: "`logo_alt` ilman kenttää `logo`",
                            sv: "`logo_alt` utan fältet `logo`"
                        ),
                    )
                    .with_help(tr!(
                        en: "add `logo = \"logos/<file>\"` or delete `logo_alt`",
                        fi: "lisää `logo = \"logos/<tiedosto>\"` tai poista `logo_alt`",
                        sv: "lägg till `logo = \"logos/<fil>\"` eller ta bort `logo_alt`"
                    )),
                );
                None
            }
            (None, None) => None,
        }
    }

    /// A warning when `updated` is older than `stale_after_months`.
    fn stale(&mut self, updated: Option<Date>, span: Option<Range<usize>>) {
        let (Some(u), Some(months), Some(span)) = (updated, self.ctx.config.stale_after_months, span) else {
            return;
        };
        let today = self.ctx.opts.today;
        let limit = today.checked_sub(jiff::Span::new().months(i64::from(months))).unwrap_or(today);
        if u < limit {
            self.out.push(
                Diagnostic::warning(Code::StaleEntry, self.file, Some(span), {
                    let d = format!("{}.{}.{}", u.day(), u.month(), u.year());
                    tr!(
                        en: "this entry was last checked on {u}, more than {months} months ago",
                        fi: "tiedot on viimeksi tarkistettu {d}, yli {months} kuukautta sitten",
                        sv: "uppgifterna kontrollerades senast {d}, för mer än {months} månader sedan"
                    )
                })
                .with_help(tr!(
                    en: "check the details with the organisation and set `updated` to the day you did",
                    fi: "tarkista tiedot järjestöltä ja merkitse kenttään `updated` tarkistuspäivä",
                    sv: "kontrollera uppgifterna med organisationen och skriv kontrolldagen i fältet `updated`"
                )),
            );
        }
    }

    fn address(&mut self, a: &RawAddress) -> Address {
        let RawAddress { street, postal_code, city } = a;
        if let Some(p) = postal_code
            && !(p.get_ref().len() == 5 && p.get_ref().bytes().all(|b| b.is_ascii_digit()))
        {
            self.error(
                Code::InvalidValue,
                p.span(),
                {
                    let v = p.get_ref();
                    tr!(en: "`{v}` is not a postal code", fi: "`{v}` ei ole postinumero", sv: "`{v}` är inte ett postnummer")
                },
                tr!(
                    en: "a Finnish postal code is five digits, e.g. `42700`",
                    fi: "suomalaisessa postinumerossa on viisi numeroa, esim. `42700`",
                    sv: "ett finländskt postnummer har fem siffror, t.ex. `42700`"
                ),
            );
        }
        Address { street: self.text(street), postal_code: self.text(postal_code), city: self.text(city) }
    }
}

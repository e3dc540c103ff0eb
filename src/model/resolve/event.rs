//! An event file (`content/events/<YYYY-MM-DD>-<words>.md`) into an [`Event`].

use jiff::civil::{DateTime, Time};
use toml::value::Datetime;

use super::table::date_in_name;
use super::*;
use crate::diagnostics::Localized;

pub(super) fn event(ctx: &Ctx<'_>, e: &Entry<RawEvent>, raw: &RawEvent, out: &mut Vec<Diagnostic>) -> Option<Event> {
    let file = &e.source.file;
    let name = file.rsplit('/').next().unwrap_or(file);
    let name_date = date_in_name(name.trim_end_matches(".md"));
    if name_date.is_none() {
        out.push(file_name_without_date(file, name, raw));
    }
    let mut r = Report::new(ctx, e);
    let RawEvent {
        title,
        start,
        end,
        organisers,
        organiser_text,
        themes,
        municipality,
        online,
        place,
        registration,
        price,
        languages,
        accessibility,
        table,
        draft,
    } = raw;
    r.invisible(title);
    let title_v = r.required(title, "title", "\"Järjestöjen syystori\"");
    let start_v = start.as_ref().and_then(|s| r.event_time(s));
    let end_v = end.as_ref().and_then(|en| r.event_time(en));
    match (start, start_v, name_date) {
        (None, _, _) => {
            r.missing("start", &name_date.map(|d| format!("{d}T10:00:00")).unwrap_or("2026-09-12T10:00:00".into()))
        }
        (Some(span), Some(s), Some(nd)) if s.date() != nd => {
            let (msg, help) = date_mismatch(s.date(), nd, &name[10..]);
            r.error(Code::EventDateMismatch, span.span(), msg, help);
        }
        _ => {}
    }
    let end_v = match (start_v, end_v, end) {
        (Some(s), Some(en), Some(span)) => r.checked_end(s, en, span.span()),
        _ => end_v,
    };
    let organisers_v = r.organisers(organisers);
    let organiser_text_v = r.text(organiser_text);
    if organisers.as_ref().is_none_or(|l| l.get_ref().is_empty()) && organiser_text.is_none() && r.removed.is_empty() {
        r.out.push(no_organiser(r.file, organisers.as_ref().map(|l| l.span())));
    }
    let municipality_v = municipality.as_ref().and_then(|m| r.municipality(m, false));
    let online_v = online.as_ref().is_some_and(|o| *o.get_ref());
    // A dropped key (a misspelt `municipality`, a wrong type) is already reported.
    if municipality.is_none() && !online_v && r.removed.is_empty() {
        r.out.push(no_place(r.file, online.as_ref().map(|o| o.span())));
    }
    let ev = Event {
        slug: e.slug.clone(),
        title: title_v,
        // A start that could not be read is reported; the file name's date keeps
        // the event in the model so that references to it stay quiet.
        start: start_v.or(name_date.map(EventTime::AllDay))?,
        end: end_v,
        organisers: organisers_v,
        organiser_text: organiser_text_v,
        themes: r.themes(themes),
        municipality: municipality_v,
        online: online_v,
        place: r.text(place),
        registration: r.url(registration),
        price: r.text(price),
        languages: r.languages(languages),
        accessibility: r.text(accessibility),
        table: table.as_ref().and_then(|t| r.reference(&ctx.tables, t, Code::UnknownTable)),
        draft: draft.unwrap_or(false),
        body: body_of(e),
    };
    r.finish(out);
    Some(ev)
}

/// The checks of event fields (the shared ones are in `fields.rs`).
impl Report<'_, '_> {
    /// A local time in Finland (`2026-09-12T10:00:00`) or a date (`2026-09-12`).
    fn event_time(&mut self, d: &toml::Spanned<Datetime>) -> Option<EventTime> {
        match to_event_time(d.get_ref()) {
            Ok(t) => Some(t),
            Err(help) => {
                let v = d.get_ref();
                let msg = tr!(
                    en: "`{v}` is not a local time or a date",
                    fi: "`{v}` ei ole paikallinen aika eikä päivämäärä",
                    sv: "`{v}` är inte en lokal tid eller ett datum"
                );
                self.error(Code::InvalidDate, d.span(), msg, help);
                None
            }
        }
    }

    /// `end`, unless it is before `start` or of another kind than `start`.
    fn checked_end(&mut self, start: EventTime, end: EventTime, span: Range<usize>) -> Option<EventTime> {
        let same_kind =
            matches!((start, end), (EventTime::At(_), EventTime::At(_)) | (EventTime::AllDay(_), EventTime::AllDay(_)));
        if !same_kind {
            let msg = tr!(
                en: "`start` and `end` must both have a time, or both be dates",
                fi: "`start`- ja `end`-kentissä pitää olla molemmissa kellonaika tai molemmissa pelkkä päivämäärä",
                sv: "fälten `start` och `end` ska båda ha ett klockslag eller båda vara bara datum"
            );
            let help = tr!(
                en: "write a time in both (`2026-09-12T14:00:00`), or only dates for an all-day event",
                fi: "kirjoita kellonaika molempiin (`2026-09-12T14:00:00`) tai koko päivän tapahtumalle pelkät päivämäärät",
                sv: "skriv ett klockslag i båda (`2026-09-12T14:00:00`) eller bara datum för ett heldagsevenemang"
            );
            self.error(Code::InvalidDate, span, msg, help);
            return None;
        }
        if end.earliest() < start.earliest() {
            let (s, en) = (show(start), show(end));
            let msg = tr!(
                en: "the event ends ({en}) before it starts ({s})",
                fi: "tapahtuma päättyy ({en}) ennen kuin se alkaa ({s})",
                sv: "evenemanget slutar ({en}) innan det börjar ({s})"
            );
            let help = tr!(
                en: "check the date and time of `end`; it may not be before `start`",
                fi: "tarkista `end`-kentän päivämäärä ja kellonaika; se ei voi olla ennen `start`-kenttää",
                sv: "kontrollera datum och klockslag i `end`; det får inte vara före `start`"
            );
            self.error(Code::EventEndBeforeStart, span, msg, help);
            return None;
        }
        Some(end)
    }

    /// Organisations or networks, each by its slug.
    fn organisers(&mut self, list: &Option<TextList>) -> Vec<Organiser> {
        let mut out = Vec::new();
        for t in list.iter().flat_map(|l| l.get_ref()) {
            let slug = t.get_ref().as_str();
            let ctx = self.ctx;
            let found = match (ctx.orgs.map.get(slug), ctx.networks.map.get(slug)) {
                (Some(_), _) => self.reference(&ctx.orgs, t, Code::UnknownOrganiser).map(Organiser::Organisation),
                (None, Some(_)) => self.reference(&ctx.networks, t, Code::UnknownOrganiser).map(Organiser::Network),
                (None, None) => {
                    let all = ctx.orgs.map.keys().chain(ctx.networks.map.keys()).map(String::as_str);
                    let help = did_you_mean(&nearest(slug, all, 3)).unwrap_or_else(|| {
                        tr!(
                            en: "write the slug of an organisation or a network (its file name without .md), or name the organiser in `organiser_text`",
                            fi: "kirjoita järjestön tai verkoston tiedostonimi ilman .md-päätettä tai kirjoita järjestäjän nimi kenttään `organiser_text`",
                            sv: "skriv filnamnet för en organisation eller ett nätverk utan .md eller skriv arrangörens namn i fältet `organiser_text`"
                        )
                    });
                    let msg = tr!(
                        en: "`{slug}` is neither an organisation nor a network",
                        fi: "`{slug}` ei ole järjestö eikä verkosto",
                        sv: "`{slug}` är varken en organisation eller ett nätverk"
                    );
                    self.error(Code::UnknownOrganiser, t.span(), msg, help);
                    None
                }
            };
            if let Some(o) = found {
                push_unique(&mut out, o);
            }
        }
        out
    }
}

/// A TOML date or local date-time as an event time (no offset: times are Finnish).
fn to_event_time(d: &Datetime) -> Result<EventTime, Localized> {
    let how = || {
        tr!(
            en: "write a local time in Finland as `2026-09-12T10:00:00`, or a date `2026-09-12` for an all-day event",
            fi: "kirjoita Suomen aika muodossa `2026-09-12T10:00:00` tai koko päivän tapahtumalle päivämäärä `2026-09-12`",
            sv: "skriv tiden i Finland som `2026-09-12T10:00:00` eller ett datum `2026-09-12` för ett heldagsevenemang"
        )
    };
    let Some(date) = d.date else { return Err(how()) };
    let day = Date::new(date.year as i16, date.month as i8, date.day as i8).map_err(|_| how())?;
    if d.offset.is_some() {
        let local = format!("{}", Datetime { offset: None, ..*d });
        return Err(tr!(
            en: "write the local time in Finland without a time zone: `{local}`",
            fi: "kirjoita Suomen aika ilman aikavyöhykettä: `{local}`",
            sv: "skriv tiden i Finland utan tidszon: `{local}`"
        ));
    }
    match d.time {
        None => Ok(EventTime::AllDay(day)),
        Some(t) => {
            let time = Time::new(t.hour as i8, t.minute as i8, t.second.unwrap_or(0) as i8, 0).map_err(|_| how())?;
            Ok(EventTime::At(DateTime::from_parts(day, time)))
        }
    }
}

/// `12.9.2026 10:00` or `12.9.2026`, for messages.
fn show(t: EventTime) -> String {
    match t {
        EventTime::At(dt) => format!("{} {:02}:{:02}", dt.date(), dt.hour(), dt.minute()),
        EventTime::AllDay(d) => d.to_string(),
    }
}

fn file_name_without_date(file: &str, name: &str, raw: &RawEvent) -> Diagnostic {
    let stem = name.trim_end_matches(".md");
    let date = raw.start.as_ref().and_then(|d| to_event_time(d.get_ref()).ok()).map(EventTime::date);
    let words = slugify(stem.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-'));
    let words = if words.is_empty() { "tapahtuma".to_string() } else { words };
    let help = match date {
        Some(d) => tr!(
            en: "rename the file to {d}-{words}.md: the event's start date first, as YYYY-MM-DD",
            fi: "nimeä tiedosto uudelleen: {d}-{words}.md (ensin tapahtuman alkamispäivä muodossa VVVV-KK-PP)",
            sv: "byt namn på filen till {d}-{words}.md (först evenemangets startdatum i formen ÅÅÅÅ-MM-DD)"
        ),
        None => tr!(
            en: "rename the file to YYYY-MM-DD-{words}.md: the event's start date first",
            fi: "nimeä tiedosto uudelleen muotoon VVVV-KK-PP-{words}.md (ensin tapahtuman alkamispäivä)",
            sv: "byt namn på filen till formen ÅÅÅÅ-MM-DD-{words}.md (först evenemangets startdatum)"
        ),
    };
    Diagnostic::error(
        Code::EventFileName,
        file,
        None,
        tr!(
            en: "the event's file name `{name}` does not start with a valid date",
            fi: "tapahtuman tiedostonimi `{name}` ei ala oikealla päivämäärällä",
            sv: "evenemangets filnamn `{name}` börjar inte med ett giltigt datum"
        ),
    )
    .with_help(help)
}

fn no_organiser(file: &str, organisers: Option<Range<usize>>) -> Diagnostic {
    Diagnostic::error(
        Code::NoOrganiser,
        file,
        organisers,
        tr!(
            en: "the event says nowhere who organises it",
            fi: "tapahtuman tiedoissa ei kerrota, kuka sen järjestää",
            sv: "evenemangets uppgifter säger inte vem som ordnar det"
        ),
    )
    .with_help(tr!(
        en: "add `organisers = [\"<organisation or network slug>\"]`, or `organiser_text = \"...\"` for an organiser outside the directory",
        fi: "lisää `organisers = [\"<järjestön tai verkoston tiedostonimi>\"]` tai hakemiston ulkopuoliselle järjestäjälle `organiser_text = \"...\"`",
        sv: "lägg till `organisers = [\"<organisationens eller nätverkets filnamn>\"]` eller `organiser_text = \"...\"` för en arrangör utanför katalogen"
    ))
}

fn no_place(file: &str, online: Option<Range<usize>>) -> Diagnostic {
    Diagnostic::error(
        Code::NoEventPlace,
        file,
        online,
        tr!(
            en: "the event says neither where it happens nor that it is online",
            fi: "tapahtuman tiedoissa ei kerrota, missä kunnassa se järjestetään, eikä sitä ole merkitty verkkotapahtumaksi",
            sv: "evenemangets uppgifter säger inte i vilken kommun det ordnas, och det är inte markerat som ett webbevenemang"
        ),
    )
    .with_help(tr!(
        en: "add `municipality = \"Keuruu\"`, or `online = true` for an event on the web",
        fi: "lisää `municipality = \"Keuruu\"` tai verkossa järjestettävälle tapahtumalle `online = true`",
        sv: "lägg till `municipality = \"Keuruu\"` eller `online = true` för ett evenemang på webben"
    ))
}

/// The message and help of an event whose `start` is not on the date of its file name.
fn date_mismatch(d: Date, nd: Date, rest: &str) -> (Localized, Localized) {
    (
        tr!(
            en: "the event starts on {d}, but its file name says {nd}",
            fi: "tapahtuma alkaa {d}, mutta tiedostonimen päivämäärä on {nd}",
            sv: "evenemanget börjar {d}, men datumet i filnamnet är {nd}"
        ),
        tr!(
            en: "if the event starts on {d}, rename the file to {d}{rest}; otherwise correct the date of `start`",
            fi: "jos tapahtuma alkaa {d}, nimeä tiedosto uudelleen: {d}{rest}; muuten korjaa `start`-kentän päivämäärä",
            sv: "om evenemanget börjar {d}, byt namn på filen till {d}{rest}; rätta annars datumet i `start`"
        ),
    )
}

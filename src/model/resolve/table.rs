//! A partnership table folder (its `index.md` and meeting notes) into a [`PartnershipTable`].

use super::*;
use crate::diagnostics::Localized;

pub(super) fn table(
    ctx: &Ctx<'_>,
    folder: &str,
    e: &Entry<RawTable>,
    notes: Vec<MeetingNote>,
    out: &mut Vec<Diagnostic>,
) -> Option<PartnershipTable> {
    if !is_slug(folder) {
        out.push(bad_folder_name(&e.source.file, folder));
    }
    let raw = e.raw.as_ref()?;
    if raw.draft == Some(true) && !ctx.opts.drafts {
        return None;
    }
    e.check_body(&ctx.files, out);
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
                    tr!(
                        en: "write the slug of an organisation or a network (its file name without .md)",
                        fi: "kirjoita järjestön tai verkoston tiedostonimi ilman .md-päätettä",
                        sv: "skriv filnamnet för en organisation eller ett nätverk utan .md"
                    )
                });
                let msg = tr!(
                    en: "`{slug}` is neither an organisation nor a network",
                    fi: "`{slug}` ei ole järjestö eikä verkosto",
                    sv: "`{slug}` är varken en organisation eller ett nätverk"
                );
                r.error(Code::UnknownConvener, c.span(), msg, help);
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
pub(super) fn notes(ctx: &Ctx<'_>, notes: &[Entry<RawNote>], out: &mut Vec<Diagnostic>) -> Vec<MeetingNote> {
    let mut kept = Vec::new();
    let mut seen: HashMap<String, &str> = HashMap::new();
    for n in notes {
        if let Some(first) = seen.insert(n.slug.clone(), &n.source.file) {
            out.push(
                Diagnostic::error(Code::DuplicateSlug, &n.source.file, None, {
                    let slug = &n.slug;
                    tr!(
                        en: "the slug `{slug}` is already used by {first}",
                        fi: "nimi `{slug}` on jo tiedoston {first} käytössä",
                        sv: "namnet `{slug}` används redan av filen {first}"
                    )
                })
                .with_help(tr!(
                    en: "give one of the two notes another name",
                    fi: "anna toiselle muistioista toinen nimi",
                    sv: "ge den ena anteckningen ett annat namn"
                )),
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
pub(super) fn date_in_name(stem: &str) -> Option<Date> {
    let d = stem.get(..10)?;
    let rest = &stem[10..];
    if !(rest.is_empty() || rest.starts_with('-')) {
        return None;
    }
    d.parse::<Date>().ok().filter(|_| d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-')
}

pub(super) fn note(ctx: &Ctx<'_>, e: &Entry<RawNote>, out: &mut Vec<Diagnostic>) -> Option<MeetingNote> {
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
            Some(d) => tr!(
                en: "rename the file to {d}-{words}.md: the meeting's date first, as YYYY-MM-DD",
                fi: "nimeä tiedosto uudelleen: {d}-{words}.md (ensin kokouksen päivämäärä muodossa VVVV-KK-PP)",
                sv: "byt namn på filen till {d}-{words}.md (först mötets datum i formen ÅÅÅÅ-MM-DD)"
            ),
            None => tr!(
                en: "rename the file to YYYY-MM-DD-{words}.md: the meeting's date first",
                fi: "nimeä tiedosto uudelleen muotoon VVVV-KK-PP-{words}.md (ensin kokouksen päivämäärä)",
                sv: "byt namn på filen till formen ÅÅÅÅ-MM-DD-{words}.md (först mötets datum)"
            ),
        };
        out.push(
            Diagnostic::error(
                Code::NoteFileName,
                file,
                None,
                tr!(
                    en: "the note's file name `{name}` does not start with a valid date",
                    fi: "muistion tiedostonimi `{name}` ei ala oikealla päivämäärällä",
                    sv: "anteckningens filnamn `{name}` börjar inte med ett giltigt datum"
                ),
            )
            .with_help(help),
        );
    }
    let raw = raw?;
    if raw.draft == Some(true) && !ctx.opts.drafts {
        return None;
    }
    e.check_body(&ctx.files, out);
    let mut r = Report::new(ctx, e);
    let RawNote { title, date, kind, attendees, other_attendees, decisions, next_meeting, themes, draft } = raw;
    r.invisible(title);
    let title_v = r.required(title, "title", "\"Kokous 1/2025\"");
    let date_v = r.date(date);
    match (date, date_v, name_date) {
        (None, _, _) => r.missing("date", &name_date.map(|d| d.to_string()).unwrap_or_else(|| "2025-02-12".into())),
        (Some(span), Some(d), Some(nd)) if d != nd => {
            let (msg, help) = date_mismatch(d, nd, &name[10..]);
            r.error(Code::NoteDateMismatch, span.span(), msg, help);
        }
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

fn bad_folder_name(file: &str, folder: &str) -> Diagnostic {
    Diagnostic::error(
        Code::BadFileName,
        file,
        None,
        tr!(
            en: "the folder name `{folder}` is not a slug",
            fi: "kansion nimi `{folder}` ei kelpaa verkko-osoitteen osaksi",
            sv: "mappnamnet `{folder}` duger inte som del av en webbadress"
        ),
    )
    .with_help({
        let slug = slugify(folder);
        tr!(
            en: "rename the folder to content/partnership-tables/{slug}/",
            fi: "nimeä kansio uudelleen: content/partnership-tables/{slug}/",
            sv: "byt namn på mappen till content/partnership-tables/{slug}/"
        )
    })
}

/// The message and help of a note whose `date` is not the date of its file name.
fn date_mismatch(d: Date, nd: Date, rest: &str) -> (Localized, Localized) {
    (
        tr!(
            en: "the date {d} differs from the date in the file name, {nd}",
            fi: "päivämäärä {d} poikkeaa tiedostonimen päivämäärästä {nd}",
            sv: "datumet {d} skiljer sig från datumet i filnamnet, {nd}"
        ),
        tr!(
            en: "if the meeting was on {d}, rename the file to {d}{rest}; otherwise write `date = {nd}`",
            fi: "jos kokous pidettiin {d}, nimeä tiedosto uudelleen: {d}{rest}; muuten kirjoita `date = {nd}`",
            sv: "om mötet hölls {d}, byt namn på filen till {d}{rest}; skriv annars `date = {nd}`"
        ),
    )
}

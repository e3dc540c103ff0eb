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

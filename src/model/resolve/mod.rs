//! Turning everything `load` read into a [`Site`], with every reference resolved.

use std::collections::HashMap;
use std::ops::Range;

use jiff::civil::Date;
use rayon::prelude::*;

use super::body::Files;
use super::business_id;
use super::config::site_config;
use super::municipalities::{MunicipalityRow, RegionId};
use super::slug::{is_slug, slugify};
use super::values::{
    check_email, check_language_code, check_phone, check_url, check_year, is_invisible_char, look_alike_key, to_date,
    without_dropped_chars,
};
use super::*;
use crate::diagnostics::suggest::{did_you_mean, nearest};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, tr};
use crate::load::raw::*;
use crate::load::{Entry, Loaded, TomlFile};

mod event;
mod fields;
mod network;
mod organisation;
mod page;
mod table;
mod themes;

use event::event;
use fields::{Ctx, Report, Slugs};
pub(crate) use fields::{not_a_date, region_by_name};
use network::network;
use organisation::organisation;
use page::page;
use table::{notes, table};
use themes::{custom_municipalities, themes};

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
enum Target<I> {
    Index(I),
    Draft,
    /// The file exists but could not be read; references to it are not reported.
    Broken,
}

fn push_unique<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}

fn bad_file_name(file: &str, slug: &str) -> Option<Diagnostic> {
    let name = file.rsplit('/').next().unwrap_or(file);
    let stem = name.strip_suffix(".md").unwrap_or(name);
    (!is_slug(stem)).then(|| {
        let dir = &file[..file.len() - name.len()];
        Diagnostic::error(
            Code::BadFileName,
            file,
            None,
            tr!(
                en: "the file name `{name}` is not a slug",
                fi: "tiedoston nimi `{name}` ei kelpaa verkko-osoitteen osaksi",
                sv: "filnamnet `{name}` duger inte som del av en webbadress"
            ),
        )
        .with_help(tr!(
            en: "rename the file to {dir}{slug}.md (lowercase a-z, digits and hyphens)",
            fi: "nimeä tiedosto uudelleen: {dir}{slug}.md (pienet kirjaimet a–z, numerot ja yhdysmerkit)",
            sv: "byt namn på filen till {dir}{slug}.md (små bokstäver a–z, siffror och bindestreck)"
        ))
    })
}

/// Resolve and validate the whole site.
// Long on purpose: the orchestration of the model stage: each line calls one resolver or site-wide check, in order.
#[allow(clippy::too_many_lines)]
pub fn resolve(loaded: &Loaded, opts: Options, diags: &mut Diagnostics) -> Site {
    let municipalities = custom_municipalities(loaded, diags).unwrap_or_else(|| Municipalities::builtin().clone());
    let config = site_config(&loaded.root, &loaded.site, &municipalities, diags);
    let themes = themes(loaded, diags);

    duplicates(&loaded.organisations, diags);
    duplicates(&loaded.networks, diags);
    duplicates(&loaded.pages, diags);
    duplicates(&loaded.events, diags);
    same_names(&loaded.organisations, |r| (r.name.as_ref(), r.draft), "organisation", diags);
    same_names(&loaded.networks, |r| (r.name.as_ref(), r.draft), "network", diags);

    let ctx = Ctx {
        opts,
        config: &config,
        munis: &municipalities,
        themes: themes.iter().enumerate().map(|(i, t)| (t.id.as_str(), ThemeId::new(i))).collect(),
        theme_ids: themes.iter().map(|t| t.id.as_str()).collect(),
        orgs: Slugs::new(
            "organisation",
            crate::layout::ORGANISATIONS,
            &loaded.organisations,
            |r| r.draft == Some(true),
            opts.drafts,
        ),
        networks: Slugs::new(
            "network",
            crate::layout::NETWORKS,
            &loaded.networks,
            |r| r.draft == Some(true),
            opts.drafts,
        ),
        tables: Slugs::tables(&loaded.tables, opts.drafts),
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
    let mut events = entities(&ctx, &loaded.events, |r| r.draft, event, diags);
    events.sort_by(|a, b| a.start.earliest().cmp(&b.start.earliest()).then_with(|| a.slug.cmp(&b.slug)));

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
                    {
                        let slug = &n.slug;
                        tr!(
                            en: "network `{slug}` has no members",
                            fi: "verkostolla `{slug}` ei ole jäseniä",
                            sv: "nätverket `{slug}` har inga medlemmar"
                        )
                    },
                )
                .with_help(tr!(
                    en: "list organisation slugs in `members`, or add the network to organisations' `networks`",
                    fi: "luettele jäsenjärjestöjen tiedostonimet kentässä `members` tai lisää verkosto järjestöjen kenttään `networks`",
                    sv: "räkna upp medlemsorganisationernas filnamn i fältet `members` eller lägg till nätverket i organisationernas fält `networks`"
                )),
            );
        }
    }
    for p in &pages {
        // With the web editor on, `admin` is its folder.
        let editor = config.editing.cms && p.slug == crate::layout::ADMIN;
        if editor || config.paths.reserved().contains(&p.slug.as_str()) {
            diags.push(
                Diagnostic::error(
                    Code::ReservedSlug,
                    &p.body.source.file,
                    None,
                    {
                        let slug = &p.slug;
                        tr!(
                            en: "the page slug `{slug}` is the address of a section of the site",
                            fi: "sivun nimi `{slug}` on jo sivuston erään osion osoite",
                            sv: "sidans namn `{slug}` är redan adressen till en del av webbplatsen"
                        )
                    },
                )
                .with_help({
                    let slug = &p.slug;
                    tr!(
                        en: "rename the file to content/pages/{slug}-sivu.md or another free name",
                        fi: "nimeä tiedosto uudelleen, esim. content/pages/{slug}-sivu.md, tai anna sille jokin muu vapaa nimi",
                        sv: "byt namn på filen, t.ex. till content/pages/{slug}-sida.md, eller ge den ett annat ledigt namn"
                    )
                }),
            );
        }
    }

    let translations = crate::model::translations::resolve(loaded, &config.languages, &ctx.files, diags);
    Site {
        config,
        themes,
        municipalities,
        organisations,
        networks,
        tables,
        pages,
        events,
        today: opts.today,
        translations,
        untranslated: Default::default(),
    }
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
                    e.check_body(&ctx.files, &mut out);
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
                Diagnostic::error(Code::DuplicateSlug, &e.source.file, None, {
                    let slug = &e.slug;
                    tr!(
                        en: "the slug `{slug}` is already used by {first}",
                        fi: "nimi `{slug}` on jo tiedoston {first} käytössä",
                        sv: "namnet `{slug}` används redan av filen {first}"
                    )
                })
                .with_help(tr!(
                    en: "give one of the two files another name; each page needs its own address",
                    fi: "anna toiselle tiedostoista toinen nimi; jokainen sivu tarvitsee oman osoitteensa",
                    sv: "ge den ena filen ett annat namn; varje sida behöver en egen adress"
                )),
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
                        if kind == "organisation" {
                            tr!(
                                en: "this {kind} has the same name as {first_file} (`{first_name}`)",
                                fi: "tällä järjestöllä on sama nimi kuin tiedostossa {first_file} (`{first_name}`)",
                                sv: "den här organisationen har samma namn som i filen {first_file} (`{first_name}`)"
                            )
                        } else {
                            tr!(
                                en: "this {kind} has the same name as {first_file} (`{first_name}`)",
                                fi: "tällä verkostolla on sama nimi kuin tiedostossa {first_file} (`{first_name}`)",
                                sv: "det här nätverket har samma namn som i filen {first_file} (`{first_name}`)"
                            )
                        },
                    )
                    .with_help(tr!(
                        en: "if they are the same {kind}, keep one file; otherwise make the names tell them apart, e.g. with the municipality",
                        fi: "jos kyse on samasta toimijasta, säilytä vain toinen tiedosto; muuten tee nimistä erilaiset, esim. kunnan nimellä",
                        sv: "om det är samma aktör, behåll bara den ena filen; gör annars namnen olika, t.ex. med kommunens namn"
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
    Body::of(e)
}

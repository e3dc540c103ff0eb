//! One broken input per test: the code, the place and the fix.

use super::{expect, org};
use crate::support::Site;

const O: &str = "content/organisations/keuruun-testiyhdistys.md";
const N: &str = "content/networks/testiverkosto.md";
const T: &str = "content/partnership-tables/poyta/index.md";

fn with_org(front: &str) -> Site {
    let s = Site::new();
    s.write(O, &org(front));
    s
}

const BASE: &str = "name = \"Keuruun Testiyhdistys ry\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\n";

fn with_org_extra(extra: &str) -> Site {
    with_org(&format!("{BASE}{extra}"))
}

fn with_table(front: &str) -> Site {
    let s = Site::new();
    s.write(T, &format!("+++\n{front}+++\nPöydän tarkoitus.\n"));
    s
}

fn with_note(file: &str, front: &str) -> Site {
    let s = with_table("name = \"Pöytä\"\n");
    s.write(&format!("content/partnership-tables/poyta/{file}"), &format!("+++\n{front}+++\nMuistio.\n"));
    s
}

// --- keys and types -------------------------------------------------------------

#[test]
fn unknown_key_suggests_the_nearest() {
    let s = with_org("name = \"K\"\nthemes = [\"omaishoito\"]\nmunicipality = [\"Keuruu\"]\n");
    let d = expect(&s, "unknown-key", O, Some("municipality ="), "did you mean `municipalities`?");
    assert_eq!((d.line, d.column), (4, 1));
}

#[test]
fn unknown_key_in_a_nested_table() {
    let s = with_org_extra("[contact]\nnmae = \"Maija Meikäläinen\"\n");
    let d = expect(&s, "unknown-key", O, Some("nmae"), "did you mean `name`?");
    assert!(d.message.contains("[contact]"), "{}", d.message);
}

#[test]
fn an_entity_key_below_a_table_line_is_to_be_moved_not_deleted() {
    let s = with_org(
        "name = \"K\"\n[contact]\nname = \"Yhteyshenkilö\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\n",
    );
    let d = expect(&s, "unknown-key", O, Some("themes ="), "move this line above the `[contact]` line");
    assert!(d.message.contains("[contact]"), "{}", d.message);
    let all = s.check_json().diagnostics();
    assert!(!all.iter().any(|d| d.code == "missing-field" || d.code == "no-area"), "no follow-ups: {all:#?}");
    // A key that belongs nowhere still gets "did you mean".
    let s = with_org_extra("[contact]\nnmae = \"Maija\"\n");
    expect(&s, "unknown-key", O, Some("nmae"), "did you mean `name`?");
}

#[test]
fn unknown_key_in_site_toml() {
    let s = Site::new();
    s.write(
        "site.toml",
        &format!("{}titel = \"x\"\n", crate::support::SITE.replace("[build]\nstale_after_months = 18\n", "")),
    );
    expect(&s, "unknown-key", "site.toml", Some("titel"), "did you mean `title`?");
}

#[test]
fn quoted_year_is_a_wrong_type() {
    let s = with_org_extra("founded = \"1994\"\n");
    expect(&s, "wrong-type", O, Some("\"1994\""), "write `founded = 1994` without quotes");
}

#[test]
fn a_single_theme_without_brackets_is_a_wrong_type() {
    let s = with_org("name = \"K\"\nthemes = \"omaishoito\"\nnationwide = true\n");
    expect(&s, "wrong-type", O, Some("\"omaishoito\""), "`themes = [\"omaishoito\"]`");
}

#[test]
fn quoted_boolean_is_a_wrong_type() {
    let s = with_org("name = \"K\"\nthemes = [\"omaishoito\"]\nnationwide = \"true\"\n");
    expect(&s, "wrong-type", O, Some("\"true\""), "write `nationwide = true` without quotes");
}

#[test]
fn number_where_text_belongs_is_a_wrong_type() {
    let s = with_org_extra("postal = 1\n[address]\npostal_code = 42700\n");
    expect(&s, "wrong-type", O, Some("42700"), "put the value in quotes: `postal_code = \"42700\"`");
}

#[test]
fn a_number_inside_a_list_is_a_wrong_type_at_the_element() {
    let s = with_org_extra("activities = [\"Kerho\", 5]\n");
    expect(&s, "wrong-type", O, Some("5]"), "`\"5\"` instead of `5`");
}

#[test]
fn missing_name() {
    let s = with_org("themes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\n");
    expect(&s, "missing-field", O, None, "add `name = ");
}

#[test]
fn missing_themes() {
    let s = with_org("name = \"K\"\nmunicipalities = [\"Keuruu\"]\n");
    expect(&s, "missing-field", O, None, "add `themes = [\"omaishoito\"]`");
}

#[test]
fn empty_themes() {
    let s = with_org("name = \"K\"\nthemes = []\nmunicipalities = [\"Keuruu\"]\n");
    expect(&s, "empty-list", O, Some("[]"), "name at least one theme");
}

#[test]
fn no_area() {
    let s = with_org("name = \"K\"\nthemes = [\"omaishoito\"]\n");
    expect(&s, "no-area", O, None, "`nationwide = true`");
}

// --- references -----------------------------------------------------------------

#[test]
fn unknown_theme() {
    let s = with_org("name = \"K\"\nthemes = [\"omaishoitto\"]\nnationwide = true\n");
    expect(&s, "unknown-theme", O, Some("\"omaishoitto\""), "did you mean `omaishoito`?");
}

#[test]
fn unknown_municipality_without_umlauts() {
    let s = with_org("name = \"K\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\", \"Jyvaskyla\"]\n");
    let d = expect(&s, "unknown-municipality", O, Some("\"Jyvaskyla\""), "did you mean `Jyväskylä`?");
    assert_eq!((d.line, d.column), (4, 29));
}

#[test]
fn a_region_written_as_a_municipality() {
    let s = with_org("name = \"K\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keski-Suomi\"]\n");
    expect(&s, "unknown-municipality", O, Some("\"Keski-Suomi\""), "is a region: move it to `regions");
}

#[test]
fn unknown_region() {
    let s = with_org("name = \"K\"\nthemes = [\"omaishoito\"]\nregions = [\"Keski-Suomen\"]\n");
    expect(&s, "unknown-region", O, Some("\"Keski-Suomen\""), "`Keski-Suomi`");
}

#[test]
fn unknown_region_in_site_toml() {
    let s = Site::new();
    s.write("site.toml", &crate::support::SITE.replace("region = \"Keski-Suomi\"", "region = \"Keskisuomi\""));
    expect(&s, "unknown-region", "site.toml", Some("\"Keskisuomi\""), "did you mean `Keski-Suomi`");
}

#[test]
fn unknown_network() {
    let s = with_org_extra("networks = [\"testiverkko\"]\n");
    expect(&s, "unknown-network", O, Some("\"testiverkko\""), "did you mean `testiverkosto`?");
}

#[test]
fn unknown_member_of_a_network() {
    let s = Site::new();
    s.write(N, "+++\nname = \"V\"\nmembers = [\"keuruun-testiyhdistys\", \"keuruun-testyhdistys\"]\n+++\n");
    expect(&s, "unknown-organisation", N, Some("\"keuruun-testyhdistys\""), "did you mean `keuruun-testiyhdistys`?");
}

#[test]
fn unknown_coordinator() {
    let s = Site::new();
    s.write(N, "+++\nname = \"V\"\ncoordinator = \"ei-ole\"\nmembers = [\"keuruun-testiyhdistys\"]\n+++\n");
    expect(&s, "unknown-organisation", N, Some("\"ei-ole\""), "content/organisations/");
}

#[test]
fn unknown_convener() {
    let s = with_table("name = \"Pöytä\"\nconvener = \"testiverkko\"\n");
    expect(&s, "unknown-convener", T, Some("\"testiverkko\""), "did you mean `testiverkosto`?");
}

#[test]
fn unknown_attendee() {
    let s = with_note(
        "2025-02-12-kokous.md",
        "title = \"K\"\ndate = 2025-02-12\nattendees = [\"keuruun-testiyhdistys-ry\"]\n",
    );
    expect(
        &s,
        "unknown-organisation",
        "content/partnership-tables/poyta/2025-02-12-kokous.md",
        Some("\"keuruun-testiyhdistys-ry\""),
        "did you mean `keuruun-testiyhdistys`?",
    );
}

#[test]
fn reference_to_a_draft_is_a_warning() {
    let s = Site::new();
    s.write(
        "content/organisations/luonnos.md",
        &org("name = \"L\"\nthemes = [\"omaishoito\"]\nnationwide = true\ndraft = true\n"),
    );
    s.write(N, "+++\nname = \"V\"\nmembers = [\"keuruun-testiyhdistys\", \"luonnos\"]\n+++\n");
    expect(&s, "draft-reference", N, Some("\"luonnos\""), "remove `draft = true`");
}

// --- values ---------------------------------------------------------------------

#[test]
fn business_id_format() {
    let s = with_org_extra("business_id = \"12345671\"\n");
    expect(&s, "invalid-business-id", O, Some("\"12345671\""), "`1234567-1`");
}

#[test]
fn business_id_check_digit() {
    let s = with_org_extra("business_id = \"1234567-2\"\n");
    expect(&s, "business-id-check-digit", O, Some("\"1234567-2\""), "the check digit of 1234567 is 1");
}

#[test]
fn invalid_organisation_kind() {
    let s = with_org_extra("kind = \"asociation\"\n");
    expect(&s, "invalid-kind", O, Some("\"asociation\""), "did you mean `association`?");
}

#[test]
fn invalid_network_kind() {
    let s = Site::new();
    s.write(N, "+++\nname = \"V\"\nkind = \"theme group\"\nmembers = [\"keuruun-testiyhdistys\"]\n+++\n");
    expect(&s, "invalid-kind", N, Some("\"theme group\""), "did you mean `theme-group`?");
}

#[test]
fn invalid_note_kind() {
    let s = with_note("2025-02-12-kokous.md", "title = \"K\"\ndate = 2025-02-12\nkind = \"minuutes\"\n");
    expect(
        &s,
        "invalid-kind",
        "content/partnership-tables/poyta/2025-02-12-kokous.md",
        Some("\"minuutes\""),
        "did you mean `minutes`?",
    );
}

#[test]
fn website_without_scheme() {
    let s = with_org_extra("website = \"www.testiyhdistys.example\"\n");
    expect(&s, "invalid-url", O, Some("\"www."), "`https://www.testiyhdistys.example`");
}

#[test]
fn javascript_website() {
    let s = with_org_extra("website = \"javascript:alert(1)\"\n");
    expect(&s, "invalid-url", O, Some("\"javascript"), "https://");
}

#[test]
fn malformed_email() {
    let s = with_org_extra("email = \"info(at)testi.example\"\n");
    expect(&s, "invalid-email", O, Some("\"info(at)"), "info@yhdistys.example");
}

#[test]
fn malformed_contact_email() {
    let s = with_org_extra("[contact]\nname = \"Maija Meikäläinen\"\nemail = \"mailto:maija@testi.example\"\n");
    expect(&s, "invalid-email", O, Some("\"mailto:"), "without mailto: `maija@testi.example`");
}

#[test]
fn malformed_phone() {
    let s = with_org_extra("phone = \"puh. 040 000 0101\"\n");
    expect(&s, "invalid-phone", O, Some("\"puh."), "+358 40 123 4567");
}

#[test]
fn implausible_year() {
    let s = with_org_extra("founded = 19994\n");
    expect(&s, "invalid-year", O, Some("19994"), "between 1800 and 2026");
}

#[test]
fn a_year_too_large_for_any_number_is_told_as_such() {
    let s = with_org_extra("founded = 12345678901234567890\n");
    let d = expect(&s, "invalid-value", O, Some("12345678901234567890"), "four digits: `founded = 1994`");
    assert!(d.message.contains("is too large") && !d.message.contains("i64"), "{}", d.message);
}

#[test]
fn a_list_left_open_is_one_mistake_and_the_lines_after_it_are_still_checked() {
    let s = with_org(
        "name = \"Keuruun Testiyhdistys ry\"\nthemes = [\"omaishoito\", \"ikaihmiset\"  # kaksi\nmunicipalities = [\"Keuruu\"]\nactivities = [\n  \"Vertaisryhmät\",\n  \"Retket\"\nfounded = \"1994\"\n",
    );
    let run = s.check_json();
    let syntax: Vec<_> = run.diagnostics().into_iter().filter(|d| d.code == "toml-syntax").collect();
    assert_eq!(syntax.len(), 2, "{}", run.stdout);
    // At the end of each line the `]` is missing from, before the comment.
    assert_eq!((syntax[0].line, syntax[0].column), (3, 37), "{:?}", syntax[0]);
    assert!(
        syntax[0].help.as_deref().unwrap().contains("`themes = [\"omaishoito\", \"ikaihmiset\"]`"),
        "{:?}",
        syntax[0]
    );
    assert_eq!((syntax[1].line, syntax[1].column), (7, 11), "{:?}", syntax[1]);
    assert!(syntax[1].help.as_deref().unwrap().contains("after its last value"), "{:?}", syntax[1]);
    // The mistake on the line after the lists is found too.
    expect(&s, "wrong-type", O, Some("\"1994\""), "write `founded = 1994` without quotes");
    // A `#` inside quotes is no comment, and a comment line before the next key is
    // skipped: the `]` goes after the last value.
    let s = with_org(
        "name = \"Keuruun Testiyhdistys ry\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\nactivities = ['Kerho #1', \"Retki \\\"#2\\\"\"  # kaksi \"\n# Muuta\n\nfounded = 1994\n",
    );
    let run = s.check_json();
    let syntax: Vec<_> = run.diagnostics().into_iter().filter(|d| d.code == "toml-syntax").collect();
    assert_eq!(syntax.len(), 1, "{}", run.stdout);
    assert_eq!((syntax[0].line, syntax[0].column), (5, 41), "{:?}", syntax[0]);
}

#[test]
fn language_name_instead_of_code() {
    let s = with_org_extra("languages = [\"fi\", \"ruotsi\"]\n");
    expect(&s, "unknown-language-code", O, Some("\"ruotsi\""), "`sv`");
}

#[test]
fn datetime_where_a_date_belongs() {
    let s = with_org_extra("updated = 2025-01-01T10:00:00\n");
    expect(&s, "invalid-date", O, Some("2025-01-01T"), "without a time: `2025-01-01`");
}

#[test]
fn postal_code_of_wrong_length() {
    let s = with_org_extra("[address]\npostal_code = \"4270\"\n");
    expect(&s, "invalid-value", O, Some("\"4270\""), "five digits");
}

#[test]
fn logo_file_missing() {
    let s = with_org_extra("logo = \"logos/testi.png\"\nlogo_alt = \"Testin logo\"\n");
    s.write("static/logos/testi.svg", "<svg/>");
    expect(&s, "missing-static-file", O, Some("\"logos/testi.png\""), "did you mean `logos/testi.svg`?");
}

#[test]
fn logo_without_alt_text() {
    let s = with_org_extra("logo = \"logos/testi.png\"\n");
    s.write("static/logos/testi.png", "png");
    expect(&s, "missing-alt-text", O, Some("\"logos/testi.png\""), "logo_alt");
}

// --- files and names ------------------------------------------------------------

#[test]
fn file_name_that_is_not_a_slug() {
    let s = Site::new();
    let f = "content/organisations/Äänekosken Työttömät ry.md";
    s.write(
        f,
        &org("name = \"Äänekosken Työttömät ry\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Äänekoski\"]\n"),
    );
    expect(&s, "bad-file-name", f, None, "content/organisations/aanekosken-tyottomat-ry.md");
}

#[test]
fn a_dot_in_a_file_name_is_a_file_name_to_mend_not_a_translation() {
    // `.sv` and `.en` mark translations; `.nimi` is no language code.
    let s = Site::new();
    let f = "content/organisations/piste.nimi.md";
    s.write(f, &org("name = \"Piste ry\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\n"));
    expect(&s, "bad-file-name", f, None, "content/organisations/piste-nimi.md");
    assert!(!s.check_json().stdout.contains("unknown-language"));
}

#[test]
fn an_md_extension_in_capitals_is_named_in_lowercase() {
    let s = Site::new();
    let f = "content/organisations/toinen-yhdistys.MD";
    s.write(f, &org("name = \"Toinen ry\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\n"));
    expect(&s, "unexpected-file", f, None, "rename the file `toinen-yhdistys.md`");
    // In a place where no content lives, the place is what to mend.
    let f = "content/organisations/vanhat/toinen-yhdistys.MD";
    s.write(f, &org("name = \"Toinen ry\"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\n"));
    expect(&s, "unexpected-file", f, None, "files go directly in their folder");
}

#[test]
fn duplicate_slugs_after_correction() {
    let s = Site::new();
    s.write("content/organisations/Keuruun-Testiyhdistys.md", ORG2);
    expect(&s, "duplicate-slug", "content/organisations/keuruun-testiyhdistys.md", None, "another name");
}

const ORG2: &str = "+++\nname = \"Toinen\"\nthemes = [\"omaishoito\"]\nnationwide = true\n+++\n";

#[test]
fn duplicate_theme_id() {
    let s = Site::new();
    s.write(
        "content/themes.toml",
        &format!("{}\n[[theme]]\nid = \"omaishoito\"\nname = \"Omaishoito 2\"\n", crate::support::THEMES),
    );
    let d = expect(
        &s,
        "duplicate-slug",
        "content/themes.toml",
        Some("\"omaishoito\"\nname = \"Omaishoito 2"),
        "its own id",
    );
    assert_eq!(d.line, 10);
}

#[test]
fn a_theme_without_a_name_is_offered_one_made_of_its_id() {
    let s = Site::new();
    s.write("content/themes.toml", &format!("{}\n[[theme]]\nid = \"vapaaehtoistoiminta\"\n", crate::support::THEMES));
    let d = expect(
        &s,
        "missing-field",
        "content/themes.toml",
        Some("\"vapaaehtoistoiminta\""),
        "`name = \"Vapaaehtoistoiminta\"`",
    );
    assert!(!d.help.unwrap_or_default().contains("Lapset"));
}

#[test]
fn theme_id_that_is_not_a_slug() {
    let s = Site::new();
    s.write(
        "content/themes.toml",
        &format!("{}\n[[theme]]\nid = \"Lapset ja perheet\"\nname = \"Lapset ja perheet\"\n", crate::support::THEMES),
    );
    expect(&s, "invalid-slug", "content/themes.toml", Some("\"Lapset ja perheet\""), "`id = \"lapset-ja-perheet\"`");
}

#[test]
fn note_date_differs_from_file_name() {
    let f = "content/partnership-tables/poyta/2025-02-12-kokous.md";
    let s = with_note("2025-02-12-kokous.md", "title = \"K\"\ndate = 2025-02-13\n");
    expect(&s, "note-date-mismatch", f, Some("2025-02-13"), "rename the file to 2025-02-13-kokous.md");
}

#[test]
fn note_file_name_without_date() {
    let f = "content/partnership-tables/poyta/kevatkokous.md";
    let s = with_note("kevatkokous.md", "title = \"K\"\ndate = 2025-03-04\n");
    expect(&s, "note-file-name", f, None, "rename the file to 2025-03-04-kevatkokous.md");
}

#[test]
fn note_file_name_with_a_wrong_date_keeps_its_words_after_the_right_date() {
    let f = "content/partnership-tables/poyta/2025-03-kevatkokous.md";
    let s = with_note("2025-03-kevatkokous.md", "title = \"K\"\ndate = 2025-03-04\n");
    expect(&s, "note-file-name", f, None, "rename the file to 2025-03-04-kevatkokous.md");
}

#[test]
fn a_note_without_date_is_told_the_date_of_its_file_name() {
    let f = "content/partnership-tables/poyta/2025-02-12-kokous.md";
    let s = with_note("2025-02-12-kokous.md", "title = \"K\"\n");
    let d = expect(&s, "missing-field", f, None, "add `date = 2025-02-12`");
    assert!(d.message.contains("`date` is missing"), "{}", d.message);
}

#[test]
fn table_folder_without_index() {
    let s = Site::new();
    let f = "content/partnership-tables/poyta/2025-02-12-kokous.md";
    s.write(f, "+++\ntitle = \"K\"\ndate = 2025-02-12\n+++\n");
    expect(&s, "missing-file", f, None, "content/partnership-tables/poyta/index.md");
}

#[test]
fn no_themes_file() {
    let s = Site::new();
    s.remove("content/themes.toml");
    expect(&s, "missing-file", "content/themes.toml", None, "[[theme]]");
}

#[test]
fn page_slug_taken_by_a_section() {
    let s = Site::new();
    let f = "content/pages/jarjestot.md";
    s.write(f, "+++\ntitle = \"Järjestöt\"\n+++\n");
    expect(&s, "reserved-slug", f, None, "content/pages/jarjestot-sivu.md");
}

#[test]
fn file_in_an_unknown_folder() {
    let s = Site::new();
    let f = "content/organisation/x.md";
    s.write(f, ORG2);
    expect(&s, "unexpected-file", f, None, "`content/organisations/`");
}

// --- broken files ---------------------------------------------------------------

#[test]
fn unclosed_string() {
    let s = with_org("name = \"Keuruun Testiyhdistys ry\nthemes = [\"omaishoito\"]\nnationwide = true\n");
    let d = expect(&s, "toml-syntax", O, Some("\nthemes"), "end the text with a quote");
    assert_eq!(d.line, 2);
}

#[test]
fn invalid_calendar_date() {
    let s = with_org_extra("updated = 2025-02-30\n");
    expect(&s, "invalid-date", O, Some("2025-02-30"), "YYYY-MM-DD");
}

#[test]
fn a_list_item_of_the_wrong_kind_gets_a_fix_inside_the_list() {
    let s = with_org(
        "name = \"Keuruun Testiyhdistys ry\"\nthemes = [{ id = \"omaishoito\" }]\nmunicipalities = [\"Keuruu\", 5]\n",
    );
    let diags = s.check_json().diagnostics();
    let at = |needle: &str| crate::support::position_of(&s.read(O), needle);
    let wrong: Vec<_> = diags.iter().filter(|d| d.code == "wrong-type").collect();
    assert_eq!(wrong.len(), 2, "{diags:#?}");
    assert_eq!((wrong[0].line, wrong[0].column), at("{ id"), "{wrong:#?}");
    assert!(wrong[0].help.as_deref().unwrap_or("").contains("not as a table"), "{wrong:#?}");
    assert_eq!((wrong[1].line, wrong[1].column), at("5]"), "{wrong:#?}");
    assert!(wrong[1].help.as_deref().unwrap_or("").contains("`\"5\"` instead of `5`"), "{wrong:#?}");
    // The themes list is empty only because its one item was taken out: not reported.
    assert!(!diags.iter().any(|d| d.code == "empty-list"), "{diags:#?}");
}

#[test]
fn a_vertical_bar_in_an_activity_is_warned_about() {
    let s = with_org_extra("activities = [\"Ryhmä | A\", \"Retket, leirit\"]\n");
    let d = expect(&s, "invalid-value", O, Some("\"Ryhmä | A\""), "write it without `|`");
    assert_eq!(d.severity, "warning");
}

#[test]
fn typographic_quotes_and_a_lone_backslash() {
    // Quotes a word processor made, and a folder path written as it is.
    let s = with_org(
        "name = “Keuruun Testiyhdistys ry”\nshort_name = \"Polku C:\\Users\"\nthemes = [\"omaishoito\"]\nnationwide = true\n",
    );
    let d = expect(&s, "toml-syntax", O, Some("“"), "write straight double quotes instead");
    assert!(d.message.contains("typographic quotes (“)"), "{}", d.message);
    let run = s.check_json();
    let diags = run.diagnostics();
    let slash = diags.iter().find(|d| d.line == 3).unwrap_or_else(|| panic!("{diags:#?}"));
    assert!(slash.help.as_deref().unwrap_or("").contains("write it twice"), "{slash:#?}");
}

#[test]
fn key_set_twice() {
    let s = with_org_extra("name = \"Toinen nimi\"\n");
    expect(&s, "toml-syntax", O, Some("name = \"Toinen"), "keep one of the two lines");
}

#[test]
fn missing_closing_fence() {
    let s = Site::new();
    s.write(O, "+++\nname = \"K\"\nthemes = [\"omaishoito\"]\nKuvaus ilman loppuviivaa.\n");
    expect(&s, "unclosed-front-matter", O, None, "add a line with only `+++`");
}

#[test]
fn a_missing_closing_fence_does_not_hide_the_other_mistakes() {
    let s = Site::new();
    s.write(
        O,
        "+++\nname = \"K\"\nthemes = [\"omaishoit\"]\nmunicipalities = [\"Keuruu\"]\n\nYhdistys toimii Keuruulla.\n",
    );
    let d = expect(&s, "unclosed-front-matter", O, None, "(line 6, it seems)");
    assert_eq!(d.severity, "error");
    let all = s.check_json().diagnostics();
    let theme = all.iter().find(|d| d.code == "unknown-theme").expect("the field's own mistake too");
    assert_eq!((theme.line, theme.column), (3, 11));
    assert!(!all.iter().any(|d| d.code == "toml-syntax"), "the text is not read as TOML: {all:#?}");
}

#[test]
fn missing_front_matter() {
    let s = Site::new();
    s.write(O, "name = \"K\"\n");
    expect(&s, "missing-front-matter", O, None, "start the file with `+++`");
}

#[test]
fn not_utf8() {
    let s = Site::new();
    s.write_bytes(O, b"+++\nname = \"K\xe4rs\xe4m\xe4ki\"\n+++\n");
    expect(&s, "not-utf8", O, Some("\u{fffd}"), "UTF-8");
}

#[test]
fn empty_file() {
    let s = Site::new();
    s.write(O, "");
    expect(&s, "empty-file", O, None, "delete the file");
}

// --- site.toml ------------------------------------------------------------------

#[test]
fn unknown_site_language() {
    let s = Site::new();
    s.write("site.toml", &crate::support::SITE.replace("language = \"fi\"", "language = \"suomi\""));
    expect(&s, "unknown-site-language", "site.toml", Some("\"suomi\""), "`language = \"fi\"`");
    for (name, code) in [("Svenska", "sv"), ("se", "sv"), ("English", "en"), ("eng", "en"), ("fin", "fi")] {
        s.write("site.toml", &crate::support::SITE.replace("language = \"fi\"", &format!("language = \"{name}\"")));
        let at = format!("\"{name}\"");
        expect(&s, "unknown-site-language", "site.toml", Some(&at), &format!("`language = \"{code}\"`"));
    }
}

#[test]
fn unknown_site_theme() {
    let s = Site::new();
    s.write("site.toml", &format!("theme = \"defualt\"\n{}", crate::support::SITE));
    expect(&s, "unknown-site-theme", "site.toml", Some("\"defualt\""), "did you mean `default`?");
    // A theme of the site's own is a folder under themes/, named with a-z, digits and
    // `-`, or with letters, digits and `_`.
    for name in ["oma-teema", "Oma_Teema2"] {
        s.write(&format!("themes/{name}/templates/.keep"), "");
        s.write("site.toml", &format!("theme = \"{name}\"\n{}", crate::support::SITE));
        assert_eq!(s.check_json().stdout, "", "{name}");
    }
    // A path is not a name, even when it leads to a folder.
    for path in ["../themes/oma-teema", "oma-teema/templates", "/tmp"] {
        s.write("site.toml", &format!("theme = \"{path}\"\n{}", crate::support::SITE));
        let at = format!("\"{path}\"");
        expect(&s, "unknown-site-theme", "site.toml", Some(&at), "");
    }
}

#[test]
fn the_site_image_is_a_file_under_static_written_plainly() {
    let s = Site::new();
    s.write("static/kuvat/jako.png", "png");
    let with = |image: &str| crate::support::SITE.replace("region =", &format!("image = \"{image}\"\nregion ="));
    for ok in ["kuvat/jako.png", "/kuvat/jako.png"] {
        s.write("site.toml", &with(ok));
        assert_eq!(s.check_json().stdout, "", "{ok}");
    }
    // A file outside static/ (site.toml itself), and paths with `.`, `..` or `//` in them.
    for bad in ["../site.toml", "./kuvat/jako.png", "kuvat/../kuvat/jako.png", "kuvat//jako.png", ""] {
        s.write("site.toml", &with(bad));
        let at = format!("\"{bad}\"");
        expect(&s, "missing-static-file", "site.toml", Some(&at), "under static/");
    }
}

#[test]
fn stale_after_months_and_description_words_take_numbers_in_their_range() {
    let s = Site::new();
    // The error is at the number, with the help and the range.
    let refused = |s: &Site, key: &str, v: &str, help: &str, range: &str| {
        let d = s.check_json().diagnostics().into_iter().find(|d| d.code == "invalid-value").expect(v);
        let (line, col) = crate::support::position_of(&s.read("site.toml"), &format!("{key} = {v}"));
        assert_eq!((d.line, d.column), (line, col + key.len() + 3), "{key} = {v}");
        assert!(d.help.unwrap_or_default().contains(help) && d.message.contains(range), "{}", d.message);
    };
    let stale = |v: &str| crate::support::SITE.replace("stale_after_months = 18", &format!("stale_after_months = {v}"));
    for ok in ["1", "1200"] {
        s.write("site.toml", &stale(ok));
        assert_eq!(s.check_json().stdout, "", "stale_after_months = {ok}");
    }
    for bad in ["0", "-3", "1201"] {
        s.write("site.toml", &stale(bad));
        refused(&s, "stale_after_months", bad, "stale_after_months = 18", "from 1 to 1200");
    }
    let words = |v: &str| format!("{}\n[search]\ndescription_words = {v}\n", crate::support::SITE);
    for ok in ["0", "25", "10000"] {
        s.write("site.toml", &words(ok));
        assert_eq!(s.check_json().stdout, "", "description_words = {ok}");
    }
    for bad in ["10001", "-1"] {
        s.write("site.toml", &words(bad));
        refused(&s, "description_words", bad, "description_words = 25", "from 0 to 10000");
    }
}

#[test]
fn an_accessibility_statement_without_feedback_and_date_names_both() {
    let s = Site::new();
    let site = crate::support::site_without_statement();
    s.write("site.toml", &site);
    let d = expect(&s, "incomplete-statement", "site.toml", None, "in a new section `[accessibility]`");
    assert!(d.message.contains("no feedback channel and no assessment date"), "{}", d.message);
    let h = d.help.unwrap_or_default();
    assert!(h.contains("feedback_email = ") && h.contains("assessed = "), "{h}");
}

#[test]
fn base_url_without_scheme() {
    let s = Site::new();
    s.write("site.toml", &crate::support::SITE.replace("https://example.org/", "example.org/jarjestot/"));
    expect(&s, "invalid-url", "site.toml", Some("\"example.org"), "`https://example.org/jarjestot/`");
}

// --- Markdown bodies ------------------------------------------------------------

#[test]
fn link_to_a_missing_content_file() {
    let s = Site::new();
    s.write(O, &format!("+++\n{BASE}+++\nKatso myös [verkosto](../networks/testiverkko.md).\n"));
    expect(&s, "broken-link", O, Some("[verkosto]"), "did you mean `../networks/testiverkosto.md`?");
}

#[test]
fn a_link_to_a_file_with_no_name_near_it_suggests_no_other_file() {
    // Every path of a folder looks alike (`../organisations/…md`): only a name near the
    // one linked to is offered.
    let s = Site::new();
    s.write(O, &format!("+++\n{BASE}+++\nKatso [seura](../organisations/aivan-muu-yhdistys.md).\n"));
    let d = expect(&s, "broken-link", O, Some("[seura]"), "`../organisations/<slug>.md`");
    assert!(!d.help.unwrap_or_default().contains("did you mean"));
    // A near name in another folder is offered.
    s.write(O, &format!("+++\n{BASE}+++\nKatso [verkosto](../organisations/testiverkosto.md).\n"));
    expect(&s, "broken-link", O, Some("[verkosto]"), "did you mean `../networks/testiverkosto.md`?");
    // A table's `index.md` is named by its folder: the nearest table, not the first.
    for t in ["aaa-poyta", "poyta", "zzz-poyta"] {
        s.write(&format!("content/partnership-tables/{t}/index.md"), "+++\nname = \"Pöytä\"\n+++\n");
    }
    s.write(O, &format!("+++\n{BASE}+++\nKatso [pöytä](../partnership-tables/zzz-pyta/index.md).\n"));
    expect(&s, "broken-link", O, Some("[pöytä]"), "did you mean `../partnership-tables/zzz-poyta/index.md`?");
}

#[test]
fn a_colon_after_a_path_is_not_a_scheme() {
    // `ei-ole.md#klo:10` and `kokous 1:2025.md` name files; only letters, digits and `+-.`
    // before the first colon make a scheme (`https:`, `mailto:`).
    for link in ["../networks/testiverkko.md#klo:10", "../networks/testi verkko:2025.md"] {
        let s = Site::new();
        s.write(O, &format!("+++\n{BASE}+++\nKatso myös [verkosto](<{link}>).\n"));
        expect(&s, "broken-link", O, Some("[verkosto]"), "did you mean `../networks/testiverkosto.md`?");
    }
}

#[test]
fn site_absolute_and_fragment_links_are_not_content_files() {
    // `/liitteet/ohje.md` is a file under static/ and `#ohje.md` a place on the page:
    // neither is checked against content/.
    let s = Site::new();
    s.write(O, &format!("+++\n{BASE}+++\nLue [ohje](/liitteet/ohje.md) ja [alempaa](#ohje.md).\n"));
    assert_eq!(s.check_json().stdout, "");
    // Nor is a link to a Markdown file on another site.
    s.write(O, &format!("+++\n{BASE}+++\nLue [ohje](https://jarjesto.example/ohje.md).\n"));
    assert_eq!(s.check_json().stdout, "");
}

#[test]
fn an_image_path_may_be_written_with_percent_escapes() {
    let s = Site::new();
    s.write("static/kuvat/kevät retki.jpg", "jpg");
    s.write(O, &format!("+++\n{BASE}+++\n![Kevätretki](/kuvat/kev%C3%A4t%20retki.jpg)\n"));
    assert_eq!(s.check_json().stdout, "");
    s.write(O, &format!("+++\n{BASE}+++\n![Kevätretki](</kuvat/kevät retki.jpg>)\n"));
    assert_eq!(s.check_json().stdout, "");
}

#[test]
fn javascript_link_in_markdown() {
    let s = Site::new();
    s.write(O, &format!("+++\n{BASE}+++\nKlikkaa [tästä](javascript:alert(1)).\n"));
    expect(&s, "unsafe-link", O, Some("[tästä]"), "https://");
}

#[test]
fn image_missing_from_static() {
    let s = Site::new();
    s.write("static/kuvat/kevatretki.jpg", "jpg");
    s.write(O, &format!("+++\n{BASE}+++\nKuva:\n\n![Kevätretki](/kuvat/kevatretk.jpg)\n"));
    expect(&s, "missing-static-file", O, Some("![Kevätretki]"), "did you mean `/kuvat/kevatretki.jpg`?");
}

// --- warnings -------------------------------------------------------------------

#[test]
fn image_without_alt_text_is_a_warning() {
    let s = Site::new();
    s.write("static/kuvat/kevatretki.jpg", "jpg");
    s.write(O, &format!("+++\n{BASE}+++\nKuva:\n\n![](/kuvat/kevatretki.jpg)\n"));
    let d = expect(&s, "image-without-alt", O, Some("![]"), "describe the picture");
    assert_eq!(d.severity, "warning");
    // An alternative text of words, of code, or of both is enough; spaces alone are not.
    for alt in ["Kevätretki", "`kartta.png`", "Reitti `A`"] {
        s.write(O, &format!("+++\n{BASE}+++\nKuva:\n\n![{alt}](/kuvat/kevatretki.jpg)\n"));
        assert_eq!(s.check_json().stdout, "", "{alt}");
    }
    s.write(O, &format!("+++\n{BASE}+++\nKuva:\n\n![  ](/kuvat/kevatretki.jpg)\n"));
    expect(&s, "image-without-alt", O, Some("![  ]"), "describe the picture");
}

#[test]
fn heading_attributes_are_a_warning_at_the_braces() {
    let s = Site::new();
    s.write(
        O,
        &format!("+++\n{BASE}+++\nTeksti.\n\n## Toiminta {{onfocus=alert(document.domain) autofocus tabindex=1}}\n"),
    );
    let d = expect(&s, "heading-attribute", O, Some("{onfocus"), "only an id is kept");
    assert_eq!(d.severity, "warning");
    assert!(d.message.contains("onfocus=alert(document.domain)") && d.message.contains("autofocus"), "{}", d.message);
    // An id alone is fine.
    s.write(O, &format!("+++\n{BASE}+++\n## Toiminta {{#toiminta}}\n"));
    assert!(s.check_json().diagnostics().iter().all(|d| d.code != "heading-attribute"));
}

#[test]
fn stale_entry_is_a_warning() {
    let s = with_org_extra("updated = 2024-01-31\n");
    let d = expect(&s, "stale-entry", O, Some("2024-01-31"), "set `updated`");
    assert_eq!(d.severity, "warning");
}

#[test]
fn recent_entry_is_not_stale() {
    let s = with_org_extra("updated = 2025-06-01\n");
    assert_eq!(s.check_json().stdout, "");
    // The tests' today is 2026-11-23 and the limit 18 months: checked exactly 18
    // months ago is not yet stale, a day earlier is.
    let s = with_org_extra("updated = 2025-05-23\n");
    assert_eq!(s.check_json().stdout, "");
    let s = with_org_extra("updated = 2025-05-22\n");
    expect(&s, "stale-entry", O, Some("2025-05-22"), "set `updated`");
}

#[test]
fn network_without_members_is_a_warning() {
    let s = Site::new();
    s.write(N, "+++\nname = \"Tyhjä verkosto\"\n+++\n");
    let d = expect(&s, "empty-network", N, None, "members");
    assert_eq!(d.severity, "warning");
}

#[test]
fn network_with_members_only_through_organisations_is_not_empty() {
    let s = with_org_extra("networks = [\"testiverkosto\"]\n");
    s.write(N, "+++\nname = \"V\"\n+++\n");
    assert_eq!(s.check_json().stdout, "");
}

// --- one problem does not hide or fake others -----------------------------------

#[test]
fn one_bad_theme_entry_keeps_the_other_themes() {
    let s = Site::new();
    s.write(
        "content/themes.toml",
        &format!("{}\n[[theme]]\nid = \"nuoret\"\nnimi = \"Nuoret\"\n", crate::support::THEMES),
    );
    let d = expect(&s, "unknown-key", "content/themes.toml", Some("nimi"), "use one of: id, name, description");
    assert!(d.message.contains("[theme]"), "{}", d.message);
    let all = s.check_json().diagnostics();
    assert!(!all.iter().any(|d| d.code == "unknown-theme"), "{all:#?}");
}

#[test]
fn a_reference_to_an_unreadable_file_is_not_reported_as_missing() {
    let s = Site::new();
    s.write_bytes(O, b"+++\nname = \"K\xe4rs\xe4m\xe4ki\"\n+++\n");
    let all = s.check_json().diagnostics();
    assert!(all.iter().any(|d| d.code == "not-utf8"), "{all:#?}");
    assert!(!all.iter().any(|d| d.code == "unknown-organisation"), "{all:#?}");
}

#[test]
fn a_wrong_type_on_a_required_field_is_not_also_missing() {
    let s = with_org("name = \"K\"\nthemes = \"omaishoito\"\nmunicipalities = [\"Keuruu\"]\n");
    let all = s.check_json().diagnostics();
    assert_eq!(all.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), ["wrong-type"], "{all:#?}");
}

#[test]
fn an_empty_name_is_an_error() {
    let s = with_org("name = \"  \"\nthemes = [\"omaishoito\"]\nmunicipalities = [\"Keuruu\"]\n");
    expect(&s, "missing-field", O, Some("\"  \""), "name = ");
}

#[test]
fn a_path_segment_that_collides_with_a_default_one() {
    let s = Site::new();
    s.write("site.toml", &format!("{}\n[paths]\nthemes = \"kunnat\"\n", crate::support::SITE));
    expect(&s, "duplicate-slug", "site.toml", Some("\"kunnat\""), "choose another segment");
}

// --- summary and seeking --------------------------------------------------------

#[test]
fn an_unknown_seeking_value_names_the_nearest() {
    let s = with_org_extra("seeking = [\"members\", \"volunters\"]\n");
    let d = expect(&s, "invalid-value", O, Some("\"volunters\""), "did you mean `volunteers`?");
    assert!(d.message.contains("volunters"), "{}", d.message);
}

#[test]
fn a_summary_longer_than_a_card_line_is_a_warning() {
    let long = "Yhdistys tukee omaishoitajia ".repeat(8);
    let s = with_org_extra(&format!("summary = \"{long}\"\n"));
    let d = expect(&s, "invalid-value", O, Some("\"Yhdistys tukee"), "shorten it");
    assert_eq!(d.severity, "warning");
    assert!(d.message.contains("160"), "{}", d.message);
    // Characters, not bytes: 160 with umlauts fit, 161 do not.
    let fits = "ä".repeat(160);
    let s = with_org_extra(&format!("summary = \"{fits}\"\n"));
    assert_eq!(s.check_json().stdout, "", "160 characters fit");
    let s = with_org_extra(&format!("summary = \"{fits}ö\"\n"));
    let d = expect(&s, "invalid-value", O, Some("\"ää"), "shorten it");
    assert!(d.message.contains("161"), "{}", d.message);
}

#[test]
fn an_invisible_character_in_a_name_or_title_is_a_warning() {
    let zw = "\\u200B";
    let help = "retype the name without them";
    let s = with_org(&BASE.replace("Keuruun ", &format!("Keuruun{zw} ")));
    expect(&s, "look-alike-name", O, Some("\"Keuruun"), help);
    let s = Site::new();
    s.write(N, &format!("+++\nname = \"Testi{zw}verkosto\"\nkind = \"theme-group\"\n+++\n"));
    expect(&s, "look-alike-name", N, Some("\"Testi"), help);
    let s = with_table(&format!("name = \"Pöy{zw}tä\"\n"));
    expect(&s, "look-alike-name", T, Some("\"Pöy"), help);
    let s = with_note("2025-02-12-kokous.md", &format!("title = \"Kokous{zw}\"\ndate = 2025-02-12\n"));
    expect(&s, "look-alike-name", "content/partnership-tables/poyta/2025-02-12-kokous.md", Some("\"Kokous"), help);
    let s = Site::new();
    s.write("content/pages/tietoa.md", &format!("+++\ntitle = \"Tie{zw}toa\"\n+++\nTeksti.\n"));
    expect(&s, "look-alike-name", "content/pages/tietoa.md", Some("\"Tie"), help);
    let s = Site::new();
    let e = "content/events/2026-12-05-tori.md";
    s.write(
        e,
        &format!(
            "+++\ntitle = \"To{zw}ri\"\nstart = 2026-12-05T10:00:00\norganisers = [\"keuruun-testiyhdistys\"]\nmunicipality = \"Keuruu\"\n+++\n"
        ),
    );
    expect(&s, "look-alike-name", e, Some("\"To"), help);
}

#[test]
fn the_same_name_twice_is_a_warning_at_the_later_name_and_a_draft_is_left_out() {
    let s = Site::new();
    let second = "content/organisations/toinen.md";
    let front = "name = \"KEURUUN  testiyhdistys ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n";
    s.write(second, &format!("+++\n{front}+++\n"));
    let d = expect(&s, "look-alike-name", second, Some("\"KEURUUN"), "keep one file");
    assert!(d.message.contains(O) && d.message.contains("Keuruun Testiyhdistys ry"), "{}", d.message);
    let fi = |s: &Site| {
        let run = crate::support::run_as_site(&["check", "--format", "json", "--root", s.root().to_str().unwrap()]);
        run.diagnostics().into_iter().find(|d| d.code == "look-alike-name").expect("in Finnish").message
    };
    assert!(fi(&s).starts_with("tällä järjestöllä on sama nimi"), "{}", fi(&s));
    // A draft of the same name is not yet a second organisation.
    s.write(second, &format!("+++\n{front}draft = true\n+++\n"));
    assert_eq!(s.check_json().stdout, "", "a draft");
    // Networks are compared among themselves.
    s.remove(second);
    let n2 = "content/networks/toinen-verkosto.md";
    s.write(n2, "+++\nname = \"testiverkosto\"\nkind = \"theme-group\"\nmembers = [\"keuruun-testiyhdistys\"]\n+++\n");
    let d = expect(&s, "look-alike-name", n2, Some("\"testiverkosto"), "keep one file");
    assert!(d.message.contains(N), "{}", d.message);
    assert!(fi(&s).starts_with("tällä verkostolla on sama nimi"), "{}", fi(&s));
}

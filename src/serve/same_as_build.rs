//! What `serve` hands out after any sequence of edits is what a fresh `build` of the
//! same files writes, byte for byte, file for file, in every language of the site (a
//! property test over sequences of body, front-matter, add, delete, rename,
//! break-and-fix, translation, template, interface text and site.toml edits on a
//! small site in Finnish and Swedish).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use proptest::prelude::*;

use super::preview::{Preview, State, Update};
use crate::pipeline::{self, BuildOptions, Settings};

const BASE: &str = "http://127.0.0.1:9/jarjestot/";

/// One edit of the site; numbers pick a file among those there are.
#[derive(Debug, Clone)]
enum Edit {
    /// Append a sentence to an organisation's text.
    Body(usize, u16),
    /// Give an organisation other themes.
    Themes(usize, usize),
    /// Rename an organisation (its name field, which orders lists).
    Name(usize, u16),
    /// A new organisation.
    Add(u16, usize),
    Delete(usize),
    /// Move an organisation's file to a new slug.
    Rename(usize, u16),
    /// Break a file's front matter, take the next version, edit another file's
    /// text, then put the first one back.
    BreakAndFix(usize),
    /// A link that would run script in a file's text (an error found in the text
    /// alone), then the link taken out.
    BadLinkAndFix(usize),
    /// Change the text of a network.
    Network(usize, u16),
    /// A site template with a word added.
    Template(u16),
    /// An interface text of the site's language.
    Text(u16),
    /// The site's title.
    Title(u16),
    /// Edit a translation (`*.sv.md`): its name or title, its text, or its text
    /// emptied (the Swedish page then shows the original's).
    Translation(usize, u16),
    /// A new Swedish translation of an organisation that has none.
    Translate(usize, u16),
}

fn edits() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<usize>(), any::<u16>()).prop_map(|(a, b)| Edit::Body(a, b)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Themes(a, b)),
        1 => (any::<usize>(), any::<u16>()).prop_map(|(a, b)| Edit::Name(a, b)),
        2 => (any::<u16>(), any::<usize>()).prop_map(|(a, b)| Edit::Add(a, b)),
        1 => any::<usize>().prop_map(Edit::Delete),
        1 => (any::<usize>(), any::<u16>()).prop_map(|(a, b)| Edit::Rename(a, b)),
        1 => any::<usize>().prop_map(Edit::BreakAndFix),
        1 => any::<usize>().prop_map(Edit::BadLinkAndFix),
        1 => (any::<usize>(), any::<u16>()).prop_map(|(a, b)| Edit::Network(a, b)),
        1 => any::<u16>().prop_map(Edit::Template),
        1 => any::<u16>().prop_map(Edit::Text),
        1 => any::<u16>().prop_map(Edit::Title),
        2 => (any::<usize>(), any::<u16>()).prop_map(|(a, b)| Edit::Translation(a, b)),
        1 => (any::<usize>(), any::<u16>()).prop_map(|(a, b)| Edit::Translate(a, b)),
    ]
}

struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    out: PathBuf,
    /// The day both the build and the preview are made for (a run may cross midnight).
    today: jiff::civil::Date,
}

impl Fixture {
    fn preview(&self) -> Preview {
        let mut preview = Preview::new(&self.root, false, BASE);
        preview.today = Some(self.today);
        preview
    }
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site");
    for e in walkdir::WalkDir::new(&from).into_iter().flatten() {
        let to = root.join(e.path().strip_prefix(&from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
    let out = dir.path().join("out");
    Fixture { _dir: dir, root, out, today: pipeline::today() }
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|r| r.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    v.sort();
    v
}

/// A translation's name: `<stem>.<lang>.md`.
fn is_translation(p: &Path) -> bool {
    p.file_stem().is_some_and(|s| s.to_string_lossy().contains('.'))
}

/// An original content file of `dir` (not a translation).
fn pick(dir: &Path, i: usize) -> Option<PathBuf> {
    let all: Vec<PathBuf> =
        files_in(dir).into_iter().filter(|p| p.extension().is_some_and(|e| e == "md") && !is_translation(p)).collect();
    (!all.is_empty()).then(|| all[i % all.len()].clone())
}

/// The Swedish translation beside an original (which may not exist).
fn swedish(original: &Path) -> PathBuf {
    original.with_extension("sv.md")
}

/// A translation of the site.
fn pick_translation(root: &Path, i: usize) -> Option<PathBuf> {
    let all: Vec<PathBuf> = walkdir::WalkDir::new(root.join("content"))
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .map(walkdir::DirEntry::into_path)
        .filter(|p| p.extension().is_some_and(|e| e == "md") && is_translation(p))
        .collect();
    (!all.is_empty()).then(|| all[i % all.len()].clone())
}

/// A translation edited: its first field (the name or title), its text, or its
/// text emptied.
fn edit_translation(text: &str, n: u16) -> String {
    let (front, body) = text.rsplit_once("+++\n").unwrap();
    match n % 3 {
        0 => {
            let mut lines: Vec<String> = front.lines().map(String::from).collect();
            if let Some(l) = lines.iter_mut().find(|l| l.starts_with("name = ") || l.starts_with("title = ")) {
                let (field, _) = l.split_once(" = ").unwrap();
                *l = format!("{field} = \"Översatt {n}\"");
            }
            format!("{}\n+++\n{body}", lines.join("\n"))
        }
        1 => format!("{text}\nTillägg {n} till texten.\n"),
        _ => format!("{front}+++\n"),
    }
}

/// Make the edit; the paths it touched.
// Long on purpose: one arm per kind of edit, side by side.
#[allow(clippy::too_many_lines)]
fn apply(f: &Fixture, edit: &Edit) -> Vec<PathBuf> {
    let orgs = f.root.join("content/organisations");
    let themes = ["omaishoito", "mielenterveys", "ikaihmiset", "lapset-ja-perheet", "ei-tallaista"];
    let edit_text = |p: &Path, change: &dyn Fn(&str) -> String| {
        let text = std::fs::read_to_string(p).unwrap();
        std::fs::write(p, change(&text)).unwrap();
        vec![p.to_path_buf()]
    };
    match *edit {
        Edit::Body(i, n) => match pick(&orgs, i) {
            Some(p) => edit_text(&p, &|t| format!("{t}\nLisäys {n} tekstiin.\n")),
            None => vec![],
        },
        Edit::Themes(i, t) => match pick(&orgs, i) {
            Some(p) => edit_text(&p, &|text| {
                text.lines()
                    .map(|l| {
                        if l.starts_with("themes = ") { format!("themes = [\"{}\"]", themes[t % 5]) } else { l.into() }
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
                    + "\n"
            }),
            None => vec![],
        },
        Edit::Name(i, n) => match pick(&orgs, i) {
            Some(p) => edit_text(&p, &|text| {
                text.lines()
                    .map(|l| if l.starts_with("name = ") { format!("name = \"Nimi {n} ry\"") } else { l.into() })
                    .collect::<Vec<_>>()
                    .join("\n")
                    + "\n"
            }),
            None => vec![],
        },
        Edit::Add(n, t) => {
            let p = orgs.join(format!("uusi-{n}.md"));
            let text = format!(
                "+++\nname = \"Uusi {n} ry\"\nthemes = [\"{}\"]\nmunicipalities = [\"Jyväskylä\"]\n+++\nUusi yhdistys.\n",
                themes[t % 4]
            );
            std::fs::write(&p, text).unwrap();
            vec![p]
        }
        // An organisation's translation goes with it.
        Edit::Delete(i) => match pick(&orgs, i) {
            Some(p) => {
                std::fs::remove_file(&p).unwrap();
                let sv = swedish(&p);
                let mut changed = vec![p];
                if sv.exists() {
                    std::fs::remove_file(&sv).unwrap();
                    changed.push(sv);
                }
                changed
            }
            None => vec![],
        },
        Edit::Rename(i, n) => match pick(&orgs, i) {
            Some(p) => {
                let to = orgs.join(format!("siirretty-{n}.md"));
                if to.exists() {
                    return vec![];
                }
                std::fs::rename(&p, &to).unwrap();
                let (sv, to_sv) = (swedish(&p), swedish(&to));
                let mut changed = vec![p, to];
                if sv.exists() {
                    std::fs::rename(&sv, &to_sv).unwrap();
                    changed.extend([sv, to_sv]);
                }
                changed
            }
            None => vec![],
        },
        Edit::Translation(i, n) => match pick_translation(&f.root, i) {
            Some(p) => edit_text(&p, &|t| edit_translation(t, n)),
            None => vec![],
        },
        Edit::Translate(i, n) => match pick(&orgs, i) {
            Some(p) if !swedish(&p).exists() => {
                let sv = swedish(&p);
                std::fs::write(&sv, format!("+++\nname = \"Förening {n} rf\"\n+++\nPå svenska {n}.\n")).unwrap();
                vec![sv]
            }
            _ => vec![],
        },
        Edit::BreakAndFix(_) | Edit::BadLinkAndFix(_) => unreachable!("several steps"),
        Edit::Network(i, n) => match pick(&f.root.join("content/networks"), i) {
            Some(p) => edit_text(&p, &|t| format!("{t}\nVerkoston lisäys {n}.\n")),
            None => vec![],
        },
        Edit::Template(n) => {
            let p = f.root.join("templates/organisation.html");
            let builtin = include_str!("../../themes/default/templates/organisation.html");
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, builtin.replacen("</h1>", &format!(" <small>malli {n}</small></h1>"), 1)).unwrap();
            vec![p]
        }
        Edit::Text(n) => {
            let p = f.root.join("themes/default/i18n/fi.toml");
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, format!("organisations = \"Järjestöt {n}\"\n")).unwrap();
            vec![p]
        }
        Edit::Title(n) => edit_text(&f.root.join("site.toml"), &|t| {
            t.lines()
                .map(|l| if l.starts_with("title = ") { format!("title = \"Järjestöt {n}\"") } else { l.into() })
                .collect::<Vec<_>>()
                .join("\n")
                + "\n"
        }),
    }
}

/// A fresh build of the site: its files, or `None` when it fails.
fn build(f: &Fixture) -> Option<BTreeMap<String, Vec<u8>>> {
    let opts = BuildOptions {
        settings: Settings { drafts: false, today: f.today },
        output: Some(f.out.clone()),
        base_url: Some(BASE.into()),
        force: false,
        manifest: None,
    };
    let built = pipeline::build(&f.root, &opts).unwrap();
    if built.diagnostics.has_errors() {
        return None;
    }
    let mut files = BTreeMap::new();
    for e in walkdir::WalkDir::new(&f.out).into_iter().flatten() {
        if e.file_type().is_file() && e.file_name() != ".areena-output" {
            let rel = e.path().strip_prefix(&f.out).unwrap().to_string_lossy().replace('\\', "/");
            files.insert(rel, std::fs::read(e.path()).unwrap());
        }
    }
    Some(files)
}

/// Take the next version as `serve` does, with its background work done.
fn next(preview: &mut Preview, changed: &[PathBuf]) -> Option<Arc<State>> {
    let update = preview.update(changed).unwrap();
    finish(preview, update)
}

/// The background work on a new version done.
fn finish(preview: &mut Preview, update: Update) -> Option<Arc<State>> {
    match update {
        Update::Ready { state, rendered_all, .. } => {
            if !rendered_all {
                assert!(state.render_all(&|| false).is_empty(), "a page does not render");
            }
            state.make_search().unwrap();
            preview.search_made(&state);
            Some(state)
        }
        Update::Failed(_) => None,
    }
}

fn assert_same(state: &State, built: &BTreeMap<String, Vec<u8>>, after: &[Edit]) {
    // Both languages' pages and search bundles are compared.
    for path in ["index.html", "pagefind/pagefind-entry.json", "sv/index.html", "sv/pagefind/pagefind-entry.json"] {
        assert!(built.contains_key(path), "the build wrote {path} after {after:?}");
    }
    let served = state.paths();
    let written: Vec<&String> = built.keys().collect();
    assert_eq!(served.iter().collect::<Vec<_>>(), written, "the same files after {after:?}");
    for (path, bytes) in built {
        let got = state.bytes(path).unwrap().unwrap();
        assert!(got == *bytes, "{path} differs after {after:?}:\n{}", String::from_utf8_lossy(&got));
    }
}

fn check_sequence(seq: &[Edit]) {
    // The search index in three parts, as a large directory's is, so that an edit
    // makes serve index again only some of them.
    crate::search::TEST_PARTS.store(3, std::sync::atomic::Ordering::Relaxed);
    let f = fixture();
    let mut preview = f.preview();
    let state = next(&mut preview, &[]).expect("the fixture builds");
    assert_same(&state, &build(&f).unwrap(), &[]);
    for (i, edit) in seq.iter().enumerate() {
        let done = &seq[..=i];
        if let Edit::BreakAndFix(k) = edit {
            let Some(p) = pick(&f.root.join("content/organisations"), *k) else { continue };
            let good = std::fs::read_to_string(&p).unwrap();
            std::fs::write(&p, good.replacen("+++\n", "+++\nname = [\n", 1)).unwrap();
            assert!(next(&mut preview, std::slice::from_ref(&p)).is_none(), "a broken file fails");
            assert!(build(&f).is_none(), "the build fails too");
            let other = apply(&f, &Edit::Body(k + 1, 99));
            compare(&mut preview, &f, &other, done);
            std::fs::write(&p, good).unwrap();
            compare(&mut preview, &f, &[p], done);
            continue;
        }
        if let Edit::BadLinkAndFix(k) = edit {
            let Some(p) = pick(&f.root.join("content/organisations"), *k) else { continue };
            let good = std::fs::read_to_string(&p).unwrap();
            std::fs::write(&p, format!("{good}\n[avaa](javascript:alert(1))\n")).unwrap();
            compare(&mut preview, &f, std::slice::from_ref(&p), done);
            std::fs::write(&p, good).unwrap();
            compare(&mut preview, &f, &[p], done);
            continue;
        }
        let changed = apply(&f, edit);
        compare(&mut preview, &f, &changed, done);
    }
}

/// Take the next version and a fresh build: both fail, or both have the same files.
fn compare(preview: &mut Preview, f: &Fixture, changed: &[PathBuf], done: &[Edit]) {
    match (next(preview, changed), build(f)) {
        (Some(state), Some(built)) => assert_same(&state, &built, done),
        (None, None) => {}
        (s, b) => panic!("serve {} but build {} after {done:?}", ok(s.is_some()), ok(b.is_some())),
    }
}

fn ok(b: bool) -> &'static str {
    if b { "succeeded" } else { "failed" }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]
    #[test]
    fn serve_hands_out_what_build_writes(seq in proptest::collection::vec(edits(), 1..7)) {
        check_sequence(&seq);
    }
}

/// The fast way for an edit of the text alone: not taken for a translation; taken
/// for an original, whose new text then shows on the Swedish page that shows the
/// untranslated original too.
#[test]
fn text_edits_in_two_languages() {
    crate::search::TEST_PARTS.store(3, std::sync::atomic::Ordering::Relaxed);
    let f = fixture();
    let mut preview = f.preview();
    let state = next(&mut preview, &[]).expect("the fixture builds");
    assert!(!state.pages_of(1).is_empty() && state.pages_of(1).iter().all(|p| p.starts_with("sv/")));
    let orgs = f.root.join("content/organisations");
    let sv = orgs.join("mantyrinteen-perhetupa.sv.md");
    std::fs::write(&sv, std::fs::read_to_string(&sv).unwrap() + "\nEn ny mening.\n").unwrap();
    assert!(preview.fast(std::slice::from_ref(&sv)).is_none(), "a translation is read as usual");
    let state = next(&mut preview, &[sv]).unwrap();
    let page = |state: &State, path: &str| String::from_utf8(state.bytes(path).unwrap().unwrap()).unwrap();
    assert!(page(&state, "sv/organisationer/mantyrinteen-perhetupa/index.html").contains("En ny mening."));
    assert_same(&state, &build(&f).unwrap(), &[]);

    let fi = orgs.join("aanekosken-iltatahdet.md");
    assert!(!swedish(&fi).exists());
    std::fs::write(&fi, std::fs::read_to_string(&fi).unwrap() + "\nUusi virke tekstiin.\n").unwrap();
    let update = preview.fast(std::slice::from_ref(&fi)).expect("the fast way");
    let state = finish(&mut preview, update).unwrap();
    for path in ["jarjestot/aanekosken-iltatahdet/index.html", "sv/organisationer/aanekosken-iltatahdet/index.html"] {
        assert!(page(&state, path).contains("Uusi virke tekstiin."), "{path}");
    }
    assert_same(&state, &build(&f).unwrap(), &[]);

    // The original of a translated text: its Swedish page keeps the translation.
    let original = orgs.join("mantyrinteen-perhetupa.md");
    std::fs::write(&original, std::fs::read_to_string(&original).unwrap() + "\nToinen uusi virke.\n").unwrap();
    let update = preview.fast(std::slice::from_ref(&original)).expect("the fast way");
    let state = finish(&mut preview, update).unwrap();
    assert!(!page(&state, "sv/organisationer/mantyrinteen-perhetupa/index.html").contains("Toinen uusi virke."));
    assert_same(&state, &build(&f).unwrap(), &[]);
}

#[test]
fn a_text_edit_on_a_new_day_makes_everything_anew() {
    crate::search::TEST_PARTS.store(3, std::sync::atomic::Ordering::Relaxed);
    let mut f = fixture();
    let mut preview = f.preview();
    next(&mut preview, &[]).expect("the fixture builds");
    let p = f.root.join("content/organisations/aanekosken-iltatahdet.md");
    std::fs::write(&p, std::fs::read_to_string(&p).unwrap() + "\nUusi virke tekstiin.\n").unwrap();
    assert!(preview.fast(std::slice::from_ref(&p)).is_some(), "the same day: the fast way");
    // The preview is left open over midnight; the next edit comes the day after.
    f.today = f.today.tomorrow().unwrap();
    preview.today = Some(f.today);
    std::fs::write(&p, std::fs::read_to_string(&p).unwrap() + "\nToinen virke.\n").unwrap();
    assert!(preview.fast(std::slice::from_ref(&p)).is_none(), "a new day: not the fast way");
    let state = next(&mut preview, std::slice::from_ref(&p)).unwrap();
    assert_same(&state, &build(&f).unwrap(), &[]);
}

/// Every kind of edit at least once, in one fixed sequence.
#[test]
fn every_kind_of_edit() {
    check_sequence(&[
        Edit::Body(3, 1),
        Edit::Themes(5, 1),
        Edit::Name(7, 2),
        Edit::Add(4, 0),
        Edit::Delete(9),
        Edit::Rename(11, 5),
        Edit::BreakAndFix(2),
        Edit::BadLinkAndFix(4),
        Edit::Body(4, 2),
        Edit::Network(1, 3),
        Edit::Template(6),
        Edit::Body(3, 7),
        Edit::Text(8),
        Edit::Title(9),
        Edit::Themes(5, 4),
        Edit::Translation(0, 1),
        Edit::Translation(1, 0),
        Edit::Translation(0, 2),
        Edit::Translate(6, 3),
        Edit::Body(6, 4),
        Edit::Delete(6),
        Edit::Translation(1, 2),
    ]);
}

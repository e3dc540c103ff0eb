//! Which folders `build` may replace: the output folder is areena's alone.
//!
//! The output path is resolved to a real path first (`..` and symbolic links taken
//! out), then compared with the site's own folders. A folder is replaced only when it
//! is empty, missing, or carries the marker file [`MARKER`] that every build writes;
//! `--force` takes over a folder without the marker once. Folders that hold the
//! sources, a git repository, the site itself or a home folder are never replaced,
//! not even with `--force`.

use std::path::{Component, Path, PathBuf};

/// The file every output folder (and every staging folder) of areena carries.
pub(crate) const MARKER: &str = ".areena-output";

use crate::diagnostics::{Localized, tr};

/// What the marker file says to a person who opens it.
pub(crate) const MARKER_TEXT: &str = "This folder was made by `areena build`; the next build replaces it as a whole.\n\
Do not keep other files here.\n";

/// Why an output folder is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum Refusal {
    #[error("the output folder {0} is the site's folder or a folder that contains it")]
    SiteOrAncestor(PathBuf),
    #[error("the output folder {path} is inside the site's `{part}` folder, which holds sources")]
    InsideSources { path: PathBuf, part: String },
    #[error("the output folder {path} holds the site's `{part}`, which a symbolic link leads to")]
    HoldsSources { path: PathBuf, part: String },
    #[error("the output folder {0} is inside a git repository's `.git` folder")]
    InsideGit(PathBuf),
    #[error("the output folder {0} is the filesystem root or a folder right under it")]
    SystemFolder(PathBuf),
    #[error("the output folder {0} is a home folder or contains one")]
    HomeFolder(PathBuf),
    #[error("the output path {0} names a file, not a folder")]
    NotAFolder(PathBuf),
    #[error("the output folder {0} already holds files that areena did not write")]
    NotOurs(PathBuf),
    #[error("the output path {path} cannot be resolved: {reason}")]
    Unresolvable { path: PathBuf, reason: String },
}

impl Refusal {
    /// What is wrong, in every language of the reports.
    pub(crate) fn localized(&self) -> Localized {
        match self {
            Refusal::SiteOrAncestor(p) => {
                let p = p.display();
                tr!(
                    en: "{self}",
                    fi: "tulostekansio {p} on sivuston kansio tai sen yläkansio",
                    sv: "utdatamappen {p} är webbplatsens mapp eller en mapp som innehåller den"
                )
            }
            Refusal::InsideSources { path, part } => {
                let p = path.display();
                tr!(
                    en: "{self}",
                    fi: "tulostekansio {p} on sivuston lähdetiedostojen kansiossa `{part}`",
                    sv: "utdatamappen {p} ligger i webbplatsens källmapp `{part}`"
                )
            }
            Refusal::HoldsSources { path, part } => {
                let p = path.display();
                tr!(
                    en: "{self}",
                    fi: "tulostekansiossa {p} on sivuston lähde `{part}`, johon symbolinen linkki vie",
                    sv: "utdatamappen {p} innehåller webbplatsens källa `{part}`, som en symbolisk länk leder till"
                )
            }
            Refusal::InsideGit(p) => {
                let p = p.display();
                tr!(
                    en: "{self}",
                    fi: "tulostekansio {p} on git-versionhallinnan `.git`-kansiossa",
                    sv: "utdatamappen {p} ligger i git-versionshanteringens mapp `.git`"
                )
            }
            Refusal::SystemFolder(p) => {
                let p = p.display();
                tr!(
                    en: "{self}",
                    fi: "tulostekansio {p} on levyn juurikansio tai suoraan sen alla",
                    sv: "utdatamappen {p} är diskens rotmapp eller ligger direkt under den"
                )
            }
            Refusal::HomeFolder(p) => {
                let p = p.display();
                tr!(
                    en: "{self}",
                    fi: "tulostekansio {p} on käyttäjän kotikansio tai sisältää sellaisen",
                    sv: "utdatamappen {p} är en hemmapp eller innehåller en"
                )
            }
            Refusal::NotAFolder(p) => {
                let p = p.display();
                tr!(
                    en: "{self}",
                    fi: "tulostekansioksi annettu {p} on tiedosto eikä kansio",
                    sv: "utdatamappen {p} är en fil och inte en mapp"
                )
            }
            Refusal::NotOurs(p) => {
                let p = p.display();
                tr!(
                    en: "{self}",
                    fi: "tulostekansiossa {p} on jo tiedostoja, joita areena ei ole kirjoittanut",
                    sv: "utdatamappen {p} har redan filer som areena inte har skrivit"
                )
            }
            Refusal::Unresolvable { path, .. } => {
                let p = path.display();
                tr!(
                    en: "{self}",
                    fi: "tulostekansion polkua {p} ei voi selvittää",
                    sv: "utdatamappens sökväg {p} kan inte redas ut"
                )
            }
        }
    }

    /// How to proceed.
    pub(crate) fn help(&self) -> Localized {
        let own = tr!(
            en: "write the output to a folder of its own, e.g. `output_dir = \"public\"` in site.toml or `--output public`",
            fi: "kirjoita tulos omaan kansioonsa, esim. `output_dir = \"public\"` tiedostossa site.toml tai `--output public`",
            sv: "skriv resultatet i en egen mapp, t.ex. `output_dir = \"public\"` i filen site.toml eller `--output public`"
        );
        match self {
            Refusal::NotOurs(p) => {
                let p = p.display();
                tr!(
                    en: "choose an empty or new folder; or, if everything in {p} may be deleted, build once with `--force` to let areena take it over",
                    fi: "valitse tyhjä tai uusi kansio; tai jos kaiken kansiossa {p} saa poistaa, aja build kerran valitsimella `--force`, niin areena ottaa kansion käyttöönsä",
                    sv: "välj en tom eller ny mapp; eller, om allt i {p} får tas bort, kör build en gång med `--force` så tar areena över mappen"
                )
            }
            Refusal::NotAFolder(_) => tr!(
                en: "{own}; areena does not replace files",
                fi: "{own}; areena ei korvaa tiedostoja",
                sv: "{own}; areena ersätter inte filer",
                own = own
            ),
            Refusal::Unresolvable { .. } => tr!(
                en: "check the path; {own}",
                fi: "tarkista polku; {own}",
                sv: "kontrollera sökvägen; {own}",
                own = own
            ),
            _ => tr!(
                en: "{own} (this folder is never replaced, not even with `--force`)",
                fi: "{own} (tätä kansiota ei korvata koskaan, ei edes valitsimella `--force`)",
                sv: "{own} (den här mappen ersätts aldrig, inte ens med `--force`)",
                own = own
            ),
        }
    }
}

/// `path` made absolute, with `..` and symbolic links resolved as far as the path
/// exists; the part that does not exist yet is appended as written (without `.` and `..`).
pub(crate) fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let abs = std::path::absolute(path)?;
    let mut cur = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::Prefix(_) | Component::RootDir => cur.push(c.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                cur.pop();
            }
            Component::Normal(name) => {
                cur.push(name);
                // Follow a symbolic link (or take out `..` met earlier) while the path exists.
                if std::fs::symlink_metadata(&cur).is_ok() {
                    cur = std::fs::canonicalize(&cur)?;
                }
            }
        }
    }
    Ok(cur)
}

fn real(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()))
}

/// Folders of the site that hold sources.
const SOURCES: [&str; 5] =
    [crate::layout::CONTENT, crate::layout::STATIC, crate::layout::TEMPLATES, crate::layout::THEMES, ".git"];

/// Whether areena may build into `out` (already [`resolve`]d) for the site at `root`.
pub(crate) fn check(root: &Path, out: &Path, force: bool) -> Result<(), Refusal> {
    let root = real(root);
    let owned = || out.to_path_buf();
    if root.starts_with(out) {
        return Err(Refusal::SiteOrAncestor(owned()));
    }
    for part in SOURCES {
        let dir = root.join(part);
        if out.starts_with(&dir) || out.starts_with(real(&dir)) {
            return Err(Refusal::InsideSources { path: owned(), part: (*part).to_string() });
        }
    }
    // A source folder (or site.toml, or a theme) that is a symbolic link to a place
    // inside the output folder would be deleted with it.
    for (part, path) in linked_sources(&root) {
        if real(&path).starts_with(out) {
            return Err(Refusal::HoldsSources { path: owned(), part });
        }
    }
    if out.components().any(|c| c.as_os_str() == ".git") {
        return Err(Refusal::InsideGit(owned()));
    }
    if out.parent().is_none_or(|p| p.parent().is_none()) {
        return Err(Refusal::SystemFolder(owned()));
    }
    if is_home(out) {
        return Err(Refusal::HomeFolder(owned()));
    }
    let meta = match std::fs::symlink_metadata(out) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Refusal::Unresolvable { path: owned(), reason: e.to_string() }),
    };
    if !meta.is_dir() {
        return Err(Refusal::NotAFolder(owned()));
    }
    if out.join(".git").exists() || is_bare_repository(out) {
        return Err(Refusal::InsideGit(owned()));
    }
    if is_ours(out) {
        return Ok(());
    }
    if force {
        // Taking a folder over deletes everything in it: not when a repository
        // lives somewhere inside.
        if holds_repository(out) {
            return Err(Refusal::InsideGit(owned()));
        }
        return Ok(());
    }
    match std::fs::read_dir(out) {
        Ok(mut entries) => {
            if entries.next().is_none() {
                Ok(())
            } else {
                Err(Refusal::NotOurs(owned()))
            }
        }
        Err(e) => Err(Refusal::Unresolvable { path: owned(), reason: e.to_string() }),
    }
}

/// The sources of the site that are symbolic links (areena reads through them): the
/// source folders, site.toml and each theme under `themes/`, with their names.
fn linked_sources(root: &Path) -> Vec<(String, PathBuf)> {
    let is_link = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
    let mut found: Vec<(String, PathBuf)> =
        SOURCES.iter().chain(&[crate::layout::SITE_TOML]).map(|part| ((*part).to_string(), root.join(part))).collect();
    if let Ok(themes) = std::fs::read_dir(root.join(crate::layout::THEMES)) {
        for theme in themes.flatten() {
            let name = format!("{}/{}", crate::layout::THEMES, theme.file_name().to_string_lossy());
            // Its folders too (static/, templates/), as areena reads them.
            for e in std::fs::read_dir(theme.path()).into_iter().flatten().flatten() {
                found.push((format!("{name}/{}", e.file_name().to_string_lossy()), e.path()));
            }
            found.push((name, theme.path()));
        }
    }
    found.retain(|(_, p)| is_link(p));
    found
}

/// A bare git repository: `HEAD`, `objects/` and `refs/` side by side.
fn is_bare_repository(dir: &Path) -> bool {
    dir.join("HEAD").is_file() && dir.join("objects").is_dir() && dir.join("refs").is_dir()
}

/// Whether a git repository (a `.git` entry or a bare one) is anywhere under `dir`.
fn holds_repository(dir: &Path) -> bool {
    walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .any(|e| e.file_name() == ".git" || (e.file_type().is_dir() && is_bare_repository(e.path())))
}

/// Whether `dir` carries areena's marker file.
pub(crate) fn is_ours(dir: &Path) -> bool {
    std::fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file())
}

/// `$HOME`, any folder that contains it, and any folder right under `/home`.
fn is_home(out: &Path) -> bool {
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        let home = real(Path::new(&home));
        if home.starts_with(out) {
            return true;
        }
    }
    matches!(out.parent(), Some(p) if p == Path::new("/home") || p == Path::new("/Users")) || out == Path::new("/root")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_takes_out_parent_components() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir(root.join("content")).unwrap();
        assert_eq!(resolve(&root.join("public/../content")).unwrap(), root.join("content"));
        assert_eq!(resolve(&root.join("a/b/../../c/./d")).unwrap(), root.join("c/d"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.join("content"), root.join("link")).unwrap();
            assert_eq!(resolve(&root.join("link/x")).unwrap(), root.join("content/x"));
        }
    }

    #[test]
    fn refusals() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir_all(root.join("content/organisations")).unwrap();
        let r = |p: &str| check(&root, &resolve(&root.join(p)).unwrap(), false);
        assert!(matches!(r("."), Err(Refusal::SiteOrAncestor(_))));
        assert!(matches!(r(".."), Err(Refusal::SiteOrAncestor(_))));
        assert!(matches!(r("public/../content"), Err(Refusal::InsideSources { .. })));
        assert!(matches!(r("content/organisations"), Err(Refusal::InsideSources { .. })));
        assert!(matches!(r(".git/x"), Err(Refusal::InsideSources { .. })));
        assert!(matches!(check(&root, Path::new("/"), true), Err(Refusal::SiteOrAncestor(_))));
        assert!(matches!(check(&root, Path::new("/usr"), true), Err(Refusal::SystemFolder(_))));
        assert_eq!(r("public"), Ok(()));
        std::fs::create_dir(root.join("other")).unwrap();
        assert_eq!(r("other"), Ok(()), "an empty folder may be used");
        std::fs::write(root.join("other/notes.txt"), "x").unwrap();
        assert!(matches!(r("other"), Err(Refusal::NotOurs(_))));
        assert_eq!(check(&root, &root.join("other"), true), Ok(()), "--force takes it over");
        assert!(matches!(r("other/notes.txt"), Err(Refusal::NotAFolder(_))));
        // Repositories: bare ones, and any inside a folder to be taken over.
        std::fs::create_dir_all(root.join("bare.git/objects")).unwrap();
        std::fs::create_dir_all(root.join("bare.git/refs")).unwrap();
        std::fs::write(root.join("bare.git/HEAD"), "ref: refs/heads/main\n").unwrap();
        assert!(matches!(check(&root, &root.join("bare.git"), true), Err(Refusal::InsideGit(_))));
        std::fs::create_dir_all(root.join("projects/one/.git")).unwrap();
        assert!(matches!(check(&root, &root.join("projects"), true), Err(Refusal::InsideGit(_))));
        std::fs::write(root.join("other").join(MARKER), MARKER_TEXT).unwrap();
        assert_eq!(r("other"), Ok(()), "a folder with the marker is areena's");
    }

    /// A source folder, site.toml or theme that is a symbolic link to a place outside
    /// the site: a folder that holds that place is never replaced, not even with
    /// `--force`; a folder beside it may be.
    #[cfg(unix)]
    #[test]
    fn a_folder_that_holds_linked_sources_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let top = std::fs::canonicalize(dir.path()).unwrap();
        let root = top.join("site");
        std::fs::create_dir_all(root.join("themes")).unwrap();
        for (link, target) in [
            ("content", "shared/content"),
            ("static", "files/static"),
            ("site.toml", "settings/site.toml"),
            ("themes/region", "looks/region"),
        ] {
            let target = top.join(target);
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            if link.ends_with(".toml") {
                std::fs::write(&target, "").unwrap();
            } else {
                std::fs::create_dir(&target).unwrap();
            }
            std::os::unix::fs::symlink(&target, root.join(link)).unwrap();
        }
        std::fs::create_dir_all(top.join("looks/blue")).unwrap();
        std::os::unix::fs::symlink(top.join("looks/blue"), top.join("looks/region/templates")).unwrap();
        for (out, part) in [
            ("shared", "content"),
            ("files", "static"),
            ("settings", "site.toml"),
            ("looks/region", "themes/region"),
            ("looks/blue", "themes/region/templates"),
        ] {
            std::fs::write(top.join(out).join("keep.txt"), "x").unwrap();
            assert_eq!(
                check(&root, &top.join(out), true),
                Err(Refusal::HoldsSources { path: top.join(out), part: part.to_string() }),
                "{out}"
            );
        }
        assert!(matches!(check(&root, &top.join("shared/content"), true), Err(Refusal::InsideSources { .. })));
        std::fs::create_dir(top.join("public")).unwrap();
        assert_eq!(check(&root, &top.join("public"), false), Ok(()));
    }
}

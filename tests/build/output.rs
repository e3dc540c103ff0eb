//! The output folder is areena's alone: a mistyped path never deletes sources or
//! other people's files, and a build killed at any instant leaves an output in place.

use std::path::Path;
use std::process::Command;

use super::{build, small_site, tree};
use crate::support::{Site, bin};

fn refused(s: &Site, output: &str, extra: &[&str], what: &str) {
    let before = tree(s.root());
    let mut args = vec!["--output", output];
    args.extend_from_slice(extra);
    let r = build(s, &args);
    assert_eq!(r.code, 1, "{output}: {}", r.stderr);
    assert!(r.stderr.contains("unsafe-output"), "{output}: {}", r.stderr);
    assert!(r.stderr.contains(what), "{output}: expected {what:?} in {}", r.stderr);
    assert_eq!(tree(s.root()), before, "{output}: nothing changed");
}

#[test]
fn parent_components_cannot_reach_the_sources() {
    let s = small_site();
    let root = s.root().to_str().unwrap();
    refused(&s, &format!("{root}/public/../content"), &[], "inside the site's `content` folder");
    refused(&s, &format!("{root}/public/../content"), &["--force"], "not even with `--force`");
    refused(
        &s,
        &format!("{root}/public/../../{}", s.root().file_name().unwrap().to_str().unwrap()),
        &[],
        "site's folder",
    );
    refused(&s, &format!("{root}/content/../.."), &[], "site's folder or a folder that contains it");
    // The same in site.toml, reported at the value.
    s.write("site.toml", &format!("output_dir = \"public/../content\"\n{}", crate::support::SITE));
    let before = tree(s.root());
    let r = s.check_json();
    assert_eq!(r.code, 0, "check does not write, so it does not judge the output: {}", r.stderr);
    let r = crate::support::run(&["build", "--format", "json", "--root", root]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let d = r.diagnostics().into_iter().find(|d| d.code == "unsafe-output").expect("unsafe-output");
    assert_eq!((d.file.as_str(), d.line, d.column), ("site.toml", 1, 14), "{d:?}");
    assert!(d.message.contains(&format!("{}/content", std::fs::canonicalize(root).unwrap().display())), "{d:?}");
    assert_eq!(tree(s.root()), before);
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_to_the_sources_is_followed_before_the_check() {
    let s = small_site();
    std::os::unix::fs::symlink(s.root().join("content"), s.root().join("julkaisu")).unwrap();
    refused(&s, s.root().join("julkaisu").to_str().unwrap(), &["--force"], "`content`");
}

#[test]
fn a_folder_of_other_files_is_refused_until_forced() {
    let s = small_site();
    let other = tempfile::tempdir().unwrap();
    std::fs::write(other.path().join("muistio.txt"), "tärkeä").unwrap();
    let out = other.path().to_str().unwrap();
    refused(&s, out, &[], "already holds files that areena did not write");
    // The way out: another folder, or `--force` when everything in it may go.
    refused(&s, out, &[], "build once with `--force` to let areena take it over");
    assert!(other.path().join("muistio.txt").exists());
    let r = build(&s, &["--output", out]);
    assert!(r.stderr.contains("--force"), "the help says how to proceed: {}", r.stderr);
    // --force takes it over once; from then on it is areena's.
    let r = build(&s, &["--output", out, "--force"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!other.path().join("muistio.txt").exists());
    assert!(other.path().join(".areena-output").is_file());
    let r = build(&s, &["--output", out]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_git_repository_is_never_replaced() {
    let s = small_site();
    let repo = tempfile::tempdir().unwrap();
    std::fs::create_dir(repo.path().join(".git")).unwrap();
    std::fs::write(repo.path().join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    std::fs::write(repo.path().join("README.md"), "x").unwrap();
    refused(&s, repo.path().to_str().unwrap(), &["--force"], "git");
    assert!(repo.path().join(".git/HEAD").exists());
    // The site's own .git.
    std::fs::create_dir(s.root().join(".git")).unwrap();
    s.write(".git/HEAD", "ref: refs/heads/main\n");
    refused(&s, s.root().join(".git").to_str().unwrap(), &["--force"], "`.git`");
    refused(&s, s.root().join(".git/objects").to_str().unwrap(), &["--force"], "`.git`");
}

#[test]
fn a_bare_repository_is_never_replaced_but_a_folder_that_only_looks_like_one_is() {
    let s = small_site();
    let bare = tempfile::tempdir().unwrap();
    std::fs::write(bare.path().join("HEAD"), "ref: refs/heads/main\n").unwrap();
    std::fs::create_dir(bare.path().join("objects")).unwrap();
    std::fs::create_dir(bare.path().join("refs")).unwrap();
    refused(&s, bare.path().to_str().unwrap(), &["--force"], "git");
    refused(&s, bare.path().to_str().unwrap(), &[], "git repository");
    assert!(bare.path().join("HEAD").is_file());
    // A `HEAD` file and an `objects` folder alone are not a repository.
    let other = tempfile::tempdir().unwrap();
    std::fs::write(other.path().join("HEAD"), "otsikko").unwrap();
    std::fs::create_dir(other.path().join("objects")).unwrap();
    let r = build(&s, &["--output", other.path().to_str().unwrap(), "--force"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn the_sources_behind_a_symbolic_link_are_protected_too() {
    // `content` is a link to a folder elsewhere: an output inside that folder is
    // inside the sources.
    let s = small_site();
    let elsewhere = tempfile::tempdir().unwrap();
    let real = elsewhere.path().join("sisalto");
    std::fs::rename(s.root().join("content"), &real).unwrap();
    std::os::unix::fs::symlink(&real, s.root().join("content")).unwrap();
    refused(&s, real.join("public").to_str().unwrap(), &["--force"], "inside the site's `content` folder");
    assert!(!real.join("public").exists());
    // The folder that holds the linked `content` (and other files) is never
    // replaced, not even with `--force`: it would delete the sources.
    let files = tree(elsewhere.path());
    refused(&s, elsewhere.path().to_str().unwrap(), &["--force"], "holds the site's `content`");
    assert_eq!(tree(elsewhere.path()), files, "the linked sources are untouched");
    assert!(real.join("themes.toml").is_file());
}

#[test]
fn an_output_path_through_a_file_cannot_be_resolved() {
    let s = small_site();
    s.write("tiedosto.txt", "x");
    let out = s.root().join("tiedosto.txt/alikansio");
    refused(&s, out.to_str().unwrap(), &[], "cannot be resolved");
    refused(&s, out.to_str().unwrap(), &[], "check the path");
}

#[test]
fn a_folder_right_under_home_is_a_home_folder() {
    let s = small_site();
    let home = format!("/home/areena-testi-{}", std::process::id());
    let r = build(&s, &["--output", &home, "--force"]);
    // Should it have been written, it goes (it carries areena's marker) before the
    // test fails.
    if Path::new(&home).join(".areena-output").is_file() {
        std::fs::remove_dir_all(&home).unwrap();
    }
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("home folder"), "{}", r.stderr);
    assert!(!Path::new(&home).exists());
}

#[test]
fn a_file_is_not_replaced_by_a_folder() {
    let s = small_site();
    s.write("tiedosto.txt", "x");
    refused(&s, s.root().join("tiedosto.txt").to_str().unwrap(), &["--force"], "names a file");
    refused(&s, s.root().join("tiedosto.txt").to_str().unwrap(), &["--force"], "areena does not replace files");
}

#[test]
fn the_filesystem_root_and_system_folders_are_refused() {
    let s = small_site();
    refused(&s, "/", &["--force"], "site's folder or a folder that contains it");
    refused(&s, "/usr", &["--force"], "filesystem root or a folder right under it");
    let home = tempfile::tempdir().unwrap();
    let before = tree(s.root());
    let r = Command::new(bin())
        .args(["build", "--lang", "en", "--force", "--root", s.root().to_str().unwrap()])
        .args(["--output", home.path().to_str().unwrap()])
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&r.stderr).contains("home folder"), "{}", String::from_utf8_lossy(&r.stderr));
    assert_eq!(tree(s.root()), before);
}

#[test]
fn an_empty_or_new_folder_is_used_and_marked() {
    let s = small_site();
    let empty = tempfile::tempdir().unwrap();
    let r = build(&s, &["--output", empty.path().to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(empty.path().join(".areena-output").is_file());
    assert!(empty.path().join("index.html").is_file());
    let r = build(&s, &["--output", s.root().join("deep/new/public").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(s.root().join("deep/new/public/index.html").is_file());
}

/// A build stopped abruptly at `step` (as by `kill -9`), with `env` set.
fn killed_build(s: &Site, step: &str, env: &[(&str, &str)]) {
    let mut cmd = Command::new(bin());
    cmd.args(["build", "--root", s.root().to_str().unwrap()]).env("AREENA_TEST_FAULT", step);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert!(!out.status.success(), "{step}: the build was stopped");
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".staging-") || n.contains(".old-"))
        .collect()
}

#[test]
fn a_build_killed_at_any_step_leaves_an_output_and_the_next_build_cleans_up() {
    for (step, no_exchange) in
        [("before-swap", false), ("after-exchange", false), ("before-swap", true), ("between-renames", true)]
    {
        let s = small_site();
        assert_eq!(build(&s, &[]).code, 0);
        let first = tree(&s.root().join("public"));
        s.write(
            "content/organisations/uusi.md",
            "+++\nname = \"Uusi ry\"\nthemes = [\"omaishoito\"]\nnationwide = true\n+++\n",
        );
        let env: &[(&str, &str)] = if no_exchange { &[("AREENA_TEST_NO_EXCHANGE", "1")] } else { &[] };
        killed_build(&s, step, env);
        let public = s.root().join("public");
        if step == "between-renames" {
            // The one instant where no output is in place: the old one is kept aside
            // under a marked name, and the next build puts it back first.
            assert!(!leftovers(s.root()).is_empty(), "{step}");
        } else {
            let now = tree(&public);
            assert!(now == first || now.contains_key("jarjestot/uusi/index.html"), "{step}: an output is in place");
            assert!(!leftovers(s.root()).is_empty(), "{step}: the killed build left its folder");
        }
        let r = build(&s, &[]);
        assert_eq!(r.code, 0, "{step}: {}", r.stderr);
        assert!(leftovers(s.root()).is_empty(), "{step}: {:?}", leftovers(s.root()));
        assert!(public.join("jarjestot/uusi/index.html").is_file(), "{step}");
    }
}

#[test]
fn an_empty_folder_swapped_out_by_a_killed_build_is_cleaned_up_by_the_next() {
    // The output is an empty folder areena did not make; the build is stopped right
    // after the swap, with the empty folder under the staging name. It was marked
    // before the swap, so the next build knows it as its own and removes it.
    let s = small_site();
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("site");
    std::fs::create_dir(&out).unwrap();
    let mut cmd = Command::new(bin());
    cmd.args(["build", "--root", s.root().to_str().unwrap(), "--output", out.to_str().unwrap()]);
    assert!(!cmd.env("AREENA_TEST_FAULT", "after-exchange").output().unwrap().status.success());
    assert!(out.join("index.html").is_file(), "the new output is in place");
    assert_eq!(leftovers(parent.path()).len(), 1, "the folder swapped out");
    let r = build(&s, &["--output", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(leftovers(parent.path()).is_empty(), "{:?}", leftovers(parent.path()));
}

#[test]
fn an_output_put_aside_by_a_killed_build_is_in_place_after_the_next_build() {
    let s = small_site();
    assert_eq!(build(&s, &[]).code, 0);
    let first = tree(&s.root().join("public"));
    killed_build(&s, "between-renames", &[("AREENA_TEST_NO_EXCHANGE", "1")]);
    assert!(!s.root().join("public").exists());
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(tree(&s.root().join("public")).len(), first.len());
}

#[test]
fn builds_into_one_output_at_once_take_turns() {
    let s = small_site();
    let children: Vec<_> = (0..8)
        .map(|_| {
            Command::new(bin())
                .args(["build", "--root", s.root().to_str().unwrap()])
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert!(leftovers(s.root()).is_empty(), "{:?}", leftovers(s.root()));
    assert!(s.root().join("public/index.html").is_file());
}

/// The inode of each file of `dir` (by its path inside), and the files that are not
/// plain files.
#[cfg(unix)]
fn inodes(dir: &Path) -> (std::collections::BTreeMap<String, u64>, Vec<String>) {
    use std::os::unix::fs::MetadataExt;
    let mut files = std::collections::BTreeMap::new();
    let mut odd = Vec::new();
    for e in walkdir::WalkDir::new(dir).min_depth(1) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
        if e.file_type().is_file() {
            files.insert(rel, e.metadata().unwrap().ino());
        } else if !e.file_type().is_dir() {
            odd.push(rel);
        }
    }
    (files, odd)
}

#[cfg(unix)]
#[test]
fn a_rebuild_keeps_the_files_of_unchanged_pages_and_writes_the_rest_anew() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let s = small_site();
    assert_eq!(build(&s, &[]).code, 0);
    let public = s.root().join("public");
    let (first, _) = inodes(&public);
    // Nothing changed: every file is the same file as before (its time too).
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let said = format!("({} of them unchanged, kept from the previous output)", first.len() - 1);
    assert!(r.stderr.contains(&said), "{said} in {}", r.stderr);
    let (second, odd) = inodes(&public);
    assert!(odd.is_empty(), "{odd:?}");
    let kept = |a: &std::collections::BTreeMap<String, u64>, b: &std::collections::BTreeMap<String, u64>| {
        a.iter().filter(|(k, v)| b.get(*k) == Some(v)).count()
    };
    assert_eq!(first.keys().collect::<Vec<_>>(), second.keys().collect::<Vec<_>>());
    assert!(kept(&first, &second) >= first.len() - 1, "only the marker is new");

    // One description edited; a page's permissions changed and another page replaced
    // by a link to a file elsewhere with the same bytes: those are written anew.
    let zeta = "jarjestot/zeta/index.html";
    let multia = "jarjestot/multian-kyla/index.html";
    let keuruu_page = std::fs::read(public.join(multia)).unwrap();
    std::fs::set_permissions(public.join("index.html"), std::fs::Permissions::from_mode(0o600)).unwrap();
    let elsewhere = s.root().join("elsewhere.html");
    std::fs::write(&elsewhere, &keuruu_page).unwrap();
    std::fs::remove_file(public.join(multia)).unwrap();
    std::os::unix::fs::symlink(&elsewhere, public.join(multia)).unwrap();
    let text = std::fs::read_to_string(s.root().join("content/organisations/zeta.md")).unwrap();
    s.write("content/organisations/zeta.md", &format!("{text}\nUusi kappale kerhoista.\n"));
    assert_eq!(build(&s, &[]).code, 0);
    let (third, odd) = inodes(&public);
    assert!(odd.is_empty(), "no link is carried over: {odd:?}");
    assert_ne!(second[zeta], third[zeta], "the edited page is a new file");
    let data = "data/organisations.json";
    assert_ne!(second[data], third[data], "the open data holds the new text");
    assert!(String::from_utf8_lossy(&std::fs::read(public.join(data)).unwrap()).contains("kerhoista"));
    assert_eq!(second["data/networks.json"], third["data/networks.json"], "unchanged open data is kept");
    assert!(String::from_utf8_lossy(&std::fs::read(public.join(zeta)).unwrap()).contains("kerhoista"));
    assert_ne!(second["index.html"], third["index.html"]);
    let mode = std::fs::metadata(public.join("index.html")).unwrap().mode() & 0o777;
    assert_eq!(mode, std::fs::metadata(public.join(zeta)).unwrap().mode() & 0o777, "as any new file");
    assert_eq!(std::fs::read(&elsewhere).unwrap(), keuruu_page, "the linked file is left alone");
    assert!(kept(&second, &third) > second.len() / 2, "most files are kept");
    for (rel, ino) in &third {
        assert_eq!(std::fs::metadata(public.join(rel)).unwrap().nlink(), 1, "{rel}: one name, {ino}");
    }

    // Byte for byte what a build into a new folder gives.
    let fresh = s.root().join("fresh");
    assert_eq!(build(&s, &["--output", fresh.to_str().unwrap()]).code, 0);
    let (a, b) = (tree(&public), tree(&fresh));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (k, v) in &a {
        assert!(v == &b[k], "{k} differs from a fresh build");
    }
}

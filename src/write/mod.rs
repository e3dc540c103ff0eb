//! Write: the only place that writes the output.
//!
//! Files go into a staging folder next to the output folder; only a build without
//! errors swaps it in. A failed build deletes the staging folder and leaves the
//! previous output exactly as it was. A file the same as the previous output's is
//! linked instead of written ([`Previous::reuse`]), never written through. The swap
//! cannot lose the site: where the
//! system can exchange two folders in one step (Linux `renameat2` with
//! `RENAME_EXCHANGE`) it does that; elsewhere the old output is kept under a
//! hidden name until the new one is in place, and the next build puts it back if a
//! build was killed in between. Builds into one output folder take turns through a
//! lock file beside it. Which folders may be replaced at all: [`guard`].

pub(crate) mod guard;

use std::fs::File;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::render::theme::StaticSource;

pub(crate) use guard::{MARKER, MARKER_TEXT};

pub(crate) struct Staging {
    dir: PathBuf,
    target: PathBuf,
    /// `--force`: a folder of other files at the target may be replaced.
    force: bool,
    /// Held until the staging folder is swapped in or thrown away.
    _lock: File,
    /// The previous output, when areena made it: its files that are unchanged are
    /// linked into the staging folder instead of written again ([`reuse`]).
    previous: Option<Previous>,
    /// Files linked from the previous output so far.
    kept: std::sync::atomic::AtomicUsize,
}

/// The previous output, and what a file written now looks like (its owner and
/// permissions), which a file of the previous output must match to be reused.
struct Previous {
    dir: PathBuf,
    #[cfg(unix)]
    owner: (u32, u32),
    #[cfg(unix)]
    mode: u32,
}

/// `.public.staging-123`, `.public.old-123`, `.public.lock` beside `public`.
fn sibling(target: &Path, tag: &str) -> PathBuf {
    target.with_file_name(format!(".{}.{tag}", name_of(target)))
}

fn name_of(target: &Path) -> String {
    target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into())
}

/// A test hook: `AREENA_TEST_FAULT=<step>` ends the process abruptly at that step of
/// the swap, as a `kill -9` would, so tests can check what is left on disk.
fn fault_point(step: &str) {
    if std::env::var("AREENA_TEST_FAULT").is_ok_and(|s| s == step) {
        std::process::abort();
    }
}

impl Staging {
    /// A fresh staging folder for `target` (already checked by [`guard::check`]).
    ///
    /// Waits while another build writes into the same output; then removes what
    /// killed builds left behind (staging and old folders that carry the marker),
    /// putting an old output back if a killed build left none in place.
    pub(crate) fn new(target: &Path, force: bool) -> io::Result<Staging> {
        let parent = target.parent().ok_or_else(|| io::Error::other("the output folder has no parent folder"))?;
        std::fs::create_dir_all(parent)?;
        let mut options = File::options();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            // A symbolic link in the lock file's place is not followed.
            options.custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
        }
        let lock = options.open(sibling(target, "lock"))?;
        if lock.try_lock().is_err() {
            eprintln!("waiting for another build into {} to finish", target.display());
            lock.lock()?;
        }
        recover(target)?;
        let dir = sibling(target, &format!("staging-{}", std::process::id()));
        std::fs::create_dir(&dir)?;
        std::fs::write(dir.join(MARKER), MARKER_TEXT)?;
        let previous = Previous::of(target, &dir.join(MARKER));
        Ok(Staging { dir, target: target.to_path_buf(), force, _lock: lock, previous, kept: Default::default() })
    }

    fn path_for(&self, rel: &Path) -> io::Result<PathBuf> {
        if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing to write outside the output folder: {}", rel.display()),
            ));
        }
        Ok(self.dir.join(rel))
    }

    /// Write one file (its folders are created as needed).
    pub(crate) fn write(&self, rel: &Path, bytes: &[u8]) -> io::Result<()> {
        let path = self.path_for(rel)?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        match &self.previous {
            None => std::fs::write(path, bytes),
            Some(previous) if previous.reuse(rel, &path, bytes) => {
                self.kept.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                Ok(())
            }
            Some(_) => write_new(&path, bytes),
        }
    }

    /// Write one file as `make` hands its bytes on, without holding them all (the open
    /// data of a large directory). Returns what `make` returns; the file is complete
    /// only when that is a success. Like [`Staging::write`], an unchanged file ends up
    /// as the previous output's, linked ([`Previous::reuse_written`]).
    pub(crate) fn write_with<T, E>(
        &self,
        rel: &Path,
        make: impl FnOnce(&mut dyn io::Write) -> Result<T, E>,
    ) -> io::Result<Result<T, E>> {
        let path = self.path_for(rel)?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut file = io::BufWriter::with_capacity(128 * 1024, create_new(&path)?);
        let made = make(&mut file);
        io::Write::flush(&mut file)?;
        drop(file);
        if made.is_ok()
            && let Some(previous) = &self.previous
            && previous.reuse_written(rel, &path)
        {
            self.kept.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(made)
    }

    /// Copy a static file of the site or its theme.
    pub(crate) fn copy_static(&self, rel: &str, source: &StaticSource) -> io::Result<()> {
        let rel = Path::new(rel);
        match source {
            StaticSource::Builtin(bytes) => self.write(rel, bytes),
            StaticSource::File(from) => self.write(rel, &std::fs::read(from)?),
        }
    }

    /// How many files are the previous output's, unchanged (linked, not written).
    pub(crate) fn kept(&self) -> usize {
        self.kept.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Swap the staging folder in as the output. Returns the old output's new name,
    /// to be deleted by the caller (outside any timed section if it likes).
    pub(crate) fn commit(self) -> io::Result<Option<PathBuf>> {
        fault_point("before-swap");
        let result = self.swap();
        if result.is_err() {
            // The output could not be replaced (a mount point, no permission): the
            // previous output stays, and the new one is thrown away.
            let _ = std::fs::remove_dir_all(&self.dir);
        }
        result
    }

    fn swap(&self) -> io::Result<Option<PathBuf>> {
        let meta = match std::fs::symlink_metadata(&self.target) {
            Err(_) => {
                std::fs::rename(&self.dir, &self.target)?;
                return Ok(None);
            }
            Ok(meta) => meta,
        };
        // The output was checked before the build; look again now, under the lock:
        // something else may have been put there meanwhile.
        if !meta.is_dir() {
            return Err(io::Error::other(format!(
                "{} is no longer a folder; nothing was replaced",
                self.target.display()
            )));
        }
        let empty = std::fs::read_dir(&self.target)?.next().is_none();
        if !guard::is_ours(&self.target) && !empty && !self.force {
            return Err(io::Error::other(format!(
                "{} was filled with other files during the build; nothing was replaced (build again, or use --force if they may be deleted)",
                self.target.display()
            )));
        }
        // What is swapped out is areena's from now on, so a build killed after the
        // swap leaves nothing the next build cannot recognise and remove.
        if !guard::is_ours(&self.target) {
            std::fs::write(self.target.join(MARKER), MARKER_TEXT)?;
        }
        if exchange(&self.dir, &self.target)? {
            // The staging name now holds the previous output.
            fault_point("after-exchange");
            return Ok(Some(self.dir.clone()));
        }
        // No exchange on this system: keep the old output until the new one is in place.
        let old = sibling(&self.target, &format!("old-{}", std::process::id()));
        std::fs::rename(&self.target, &old)?;
        fault_point("between-renames");
        if let Err(e) = std::fs::rename(&self.dir, &self.target) {
            let _ = std::fs::rename(&old, &self.target);
            return Err(e);
        }
        Ok(Some(old))
    }

    /// Throw the staging folder away; the output stays as it was.
    pub(crate) fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Write `bytes` into a new file at `path`. A file already there (which may be a
/// link to the previous output's file) is replaced, never written through.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    create_new(path)?.write_all(bytes)
}

/// A new, empty file at `path`, replacing (never opening) one already there.
fn create_new(path: &Path) -> io::Result<File> {
    let open = || File::options().write(true).create_new(true).open(path);
    match open() {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            std::fs::remove_file(path)?;
            open()
        }
        other => other,
    }
}

impl Previous {
    /// The previous output at `target` if areena made it; `fresh` is a file just
    /// written into the staging folder.
    fn of(target: &Path, fresh: &Path) -> Option<Previous> {
        if std::env::var_os("AREENA_TEST_NO_REUSE").is_some() {
            return None;
        }
        let meta = std::fs::symlink_metadata(target).ok()?;
        if !meta.is_dir() || !guard::is_ours(target) {
            return None;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let fresh = std::fs::symlink_metadata(fresh).ok()?;
            Some(Previous { dir: target.to_path_buf(), owner: (fresh.uid(), fresh.gid()), mode: fresh.mode() })
        }
        #[cfg(not(unix))]
        {
            let _ = fresh;
            Some(Previous { dir: target.to_path_buf() })
        }
    }

    /// Link the previous output's file at `rel` to `new` if it holds exactly `bytes`
    /// (a plain file with no other name, of the owner and permissions a new file gets):
    /// an unchanged page keeps its file and its time, so a rebuild writes only what
    /// changed (and a copy to the host can skip the rest). `false` if not, or if the
    /// system cannot link: then the file is written. The old file is never written to.
    fn reuse(&self, rel: &Path, new: &Path, bytes: &[u8]) -> bool {
        self.reusable(rel, bytes.len() as u64).is_some_and(|old| {
            std::fs::read(&old).is_ok_and(|held| held == bytes) && std::fs::hard_link(&old, new).is_ok()
        })
    }

    /// As [`Previous::reuse`], for a file already written at `new`: when the previous
    /// output's file holds the same bytes, it takes the new file's place (linked under
    /// a temporary name, then renamed over it). `false` leaves the new file.
    fn reuse_written(&self, rel: &Path, new: &Path) -> bool {
        let Ok(len) = std::fs::metadata(new).map(|m| m.len()) else { return false };
        let Some(old) = self.reusable(rel, len) else { return false };
        if !same_contents(&old, new).unwrap_or(false) {
            return false;
        }
        let link = new.with_file_name(format!(".{}.same", name_of(new)));
        let _ = std::fs::remove_file(&link);
        if std::fs::hard_link(&old, &link).is_err() {
            return false;
        }
        std::fs::rename(&link, new).is_ok() || {
            let _ = std::fs::remove_file(&link);
            false
        }
    }

    /// The previous output's file at `rel`, if it may be linked into the new output
    /// and is `len` bytes long: a plain file with no other name (no other folder shares
    /// it), of the owner and permissions a new file gets.
    fn reusable(&self, rel: &Path, len: u64) -> Option<PathBuf> {
        let old = self.dir.join(rel);
        let meta = std::fs::symlink_metadata(&old).ok()?;
        if !meta.file_type().is_file() || meta.len() != len {
            return None;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            if (meta.uid(), meta.gid()) != self.owner || meta.mode() != self.mode || meta.nlink() != 1 {
                return None;
            }
        }
        Some(old)
    }
}

/// Whether two files hold the same bytes, read a block at a time.
fn same_contents(a: &Path, b: &Path) -> io::Result<bool> {
    use std::io::Read;
    let (mut a, mut b) = (File::open(a)?, File::open(b)?);
    let (mut x, mut y) = (vec![0; 64 * 1024], vec![0; 64 * 1024]);
    loop {
        let n = a.read(&mut x)?;
        if n == 0 {
            return Ok(b.read(&mut y[..1])? == 0);
        }
        b.read_exact(&mut y[..n]).map_err(|_| io::Error::other("shorter"))?;
        if x[..n] != y[..n] {
            return Ok(false);
        }
    }
}

/// Exchange two folders in one step; `false` where the system cannot.
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    if std::env::var_os("AREENA_TEST_NO_EXCHANGE").is_some() {
        return Ok(false);
    }
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
            Ok(()) => Ok(true),
            Err(e) if exchange_unsupported(e) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    {
        let _ = (a, b);
        Ok(false)
    }
}

/// Whether the error of an exchange says that the system or the filesystem cannot
/// exchange (an old kernel, or a filesystem without it), rather than that it failed.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn exchange_unsupported(e: rustix::io::Errno) -> bool {
    e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS
}

/// Clean up after builds that were killed: put an old output back when none is in
/// place, then remove staging and old folders that carry areena's marker.
fn recover(target: &Path) -> io::Result<()> {
    let Some(parent) = target.parent() else { return Ok(()) };
    let name = name_of(target);
    let (staging, old) = (format!(".{name}.staging-"), format!(".{name}.old-"));
    let mut leftovers: Vec<(bool, PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(parent)?.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let is_old = file_name.starts_with(&old);
        if (is_old || file_name.starts_with(&staging)) && entry.file_type().is_ok_and(|t| t.is_dir()) {
            let path = entry.path();
            if guard::is_ours(&path) {
                leftovers.push((is_old, path));
            }
        }
    }
    if std::fs::symlink_metadata(target).is_err()
        && let Some((_, old)) = leftovers.iter().find(|(is_old, _)| *is_old)
    {
        eprintln!("putting back the previous output, left aside by a build that was stopped");
        std::fs::rename(old, target)?;
    }
    for (_, path) in leftovers {
        if path.exists() {
            std::fs::remove_dir_all(&path)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(any(target_os = "linux", target_os = "android"))]
    #[test]
    fn only_a_missing_exchange_falls_back_to_two_renames() {
        use rustix::io::Errno;
        assert!(exchange_unsupported(Errno::INVAL) && exchange_unsupported(Errno::NOSYS));
        // A real failure (no permission, a full disk, another filesystem) is an error.
        for e in [Errno::ACCESS, Errno::NOSPC, Errno::XDEV, Errno::NOENT] {
            assert!(!exchange_unsupported(e), "{e:?}");
        }
    }

    #[test]
    fn a_folder_filled_during_the_build_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        let staging = Staging::new(&target, false).unwrap();
        staging.write(Path::new("index.html"), b"new").unwrap();
        // Someone makes the folder and puts a file in it while the build runs.
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("thesis.txt"), "my thesis").unwrap();
        assert!(staging.commit().is_err());
        assert_eq!(std::fs::read_to_string(target.join("thesis.txt")).unwrap(), "my thesis");
        assert!(!target.join(MARKER).exists(), "not claimed");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".staging-"))
            .collect();
        assert!(left.is_empty(), "the staging folder is thrown away");
        // With --force the user has agreed to lose what is there.
        let staging = Staging::new(&target, true).unwrap();
        staging.write(Path::new("index.html"), b"new").unwrap();
        let old = staging.commit().unwrap();
        assert_eq!(std::fs::read_to_string(target.join("index.html")).unwrap(), "new");
        std::fs::remove_dir_all(old.unwrap()).unwrap();
    }

    #[test]
    fn the_previous_output_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        let first = Staging::new(&target, false).unwrap();
        first.write(Path::new("a/index.html"), b"same").unwrap();
        first.write(Path::new("b.html"), b"old").unwrap();
        assert!(first.commit().unwrap().is_none());
        let staging = Staging::new(&target, false).unwrap();
        assert!(staging.previous.is_some(), "areena's own output is reused");
        staging.write(Path::new("a/index.html"), b"same").unwrap();
        staging.write(Path::new("b.html"), b"new").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let ino = |p: &Path| std::fs::metadata(p).unwrap().ino();
            assert_eq!(ino(&staging.dir.join("a/index.html")), ino(&target.join("a/index.html")), "linked");
            assert_ne!(ino(&staging.dir.join("b.html")), ino(&target.join("b.html")), "written");
        }
        // The same file written again with other bytes: a new file, the old one as it was.
        staging.write(Path::new("a/index.html"), b"changed").unwrap();
        staging.copy_static("b.html", &StaticSource::Builtin(b"newer")).unwrap();
        assert_eq!(std::fs::read(staging.dir.join("a/index.html")).unwrap(), b"changed");
        assert_eq!(std::fs::read(target.join("a/index.html")).unwrap(), b"same");
        assert_eq!(std::fs::read(target.join("b.html")).unwrap(), b"old");
        staging.abandon();
        assert_eq!(std::fs::read(target.join("a/index.html")).unwrap(), b"same");
    }

    #[test]
    fn a_file_written_as_it_is_made_is_the_previous_one_only_when_byte_for_byte_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        let pieces = |parts: &'static [&'static [u8]]| {
            move |out: &mut dyn io::Write| -> Result<(), ()> {
                parts.iter().for_each(|p| out.write_all(p).unwrap());
                Ok(())
            }
        };
        let first = Staging::new(&target, false).unwrap();
        for (rel, bytes) in [("data/a.json", b"12345678".as_slice()), ("data/b.json", b"abcdefgh"), ("c.csv", b"ab")] {
            first.write(Path::new(rel), bytes).unwrap();
        }
        assert!(first.commit().unwrap().is_none());
        let staging = Staging::new(&target, false).unwrap();
        let write = |rel: &str, parts: &'static [&'static [u8]]| {
            staging.write_with(Path::new(rel), pieces(parts)).unwrap().unwrap();
        };
        write("data/a.json", &[b"1234", b"", b"5678"]);
        write("data/b.json", &[b"abcdefgX"]);
        write("c.csv", &[b"a", b"bc"]);
        let failed = staging.write_with(Path::new("d.json"), |out| {
            out.write_all(b"half").unwrap();
            Err::<(), _>("cannot")
        });
        assert_eq!(failed.unwrap(), Err("cannot"));
        assert_eq!(staging.kept(), 1, "only the file with the same bytes");
        let read = |p: PathBuf| std::fs::read(p).unwrap();
        assert_eq!(read(staging.dir.join("data/b.json")), b"abcdefgX");
        assert_eq!(read(staging.dir.join("c.csv")), b"abc");
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let ino = |p: &Path| std::fs::metadata(p).unwrap().ino();
            assert_eq!(ino(&staging.dir.join("data/a.json")), ino(&target.join("data/a.json")), "linked");
            assert_ne!(ino(&staging.dir.join("data/b.json")), ino(&target.join("data/b.json")), "written");
        }
        let names: Vec<String> = std::fs::read_dir(staging.dir.join("data"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "no temporary name is left: {names:?}");
        // Written again with other bytes: a new file; the previous output's stays as it was.
        write("data/a.json", &[b"changed"]);
        assert_eq!(read(staging.dir.join("data/a.json")), b"changed");
        assert_eq!(read(target.join("data/a.json")), b"12345678");
        assert_eq!(read(target.join("data/b.json")), b"abcdefgh");
        staging.abandon();
        assert_eq!(read(target.join("data/a.json")), b"12345678");
    }

    #[test]
    fn a_folder_areena_did_not_make_is_not_reused() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("index.html"), "same").unwrap();
        let staging = Staging::new(&target, true).unwrap();
        assert!(staging.previous.is_none());
        staging.write(Path::new("index.html"), b"same").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            assert_eq!(std::fs::metadata(target.join("index.html")).unwrap().nlink(), 1);
        }
        staging.abandon();
    }

    #[cfg(unix)]
    #[test]
    fn the_lock_file_is_not_a_symbolic_link_followed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        let elsewhere = dir.path().join("elsewhere");
        std::os::unix::fs::symlink(&elsewhere, dir.path().join(".public.lock")).unwrap();
        assert!(Staging::new(&target, false).is_err());
        assert!(!elsewhere.exists(), "nothing was made at the link's target");
    }
}

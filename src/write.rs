//! Write: the only place that writes the output.
//!
//! Files go into a staging folder next to the output folder; only a build without
//! errors swaps it in (rename the old output away, rename staging into place, then
//! delete the old tree). A failed build deletes the staging folder and leaves the
//! previous output exactly as it was.

use std::io;
use std::path::{Component, Path, PathBuf};

use crate::render::theme::StaticSource;

pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
}

fn sibling(target: &Path, tag: &str) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
    target.with_file_name(format!(".{name}.{tag}-{}", std::process::id()))
}

impl Staging {
    /// A fresh staging folder for `target`.
    pub fn new(target: &Path) -> io::Result<Staging> {
        let dir = sibling(target, "staging");
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        Ok(Staging { dir, target: target.to_path_buf() })
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
    pub fn write(&self, rel: &Path, bytes: &[u8]) -> io::Result<()> {
        let path = self.path_for(rel)?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, bytes)
    }

    /// Copy a static file of the site or its theme.
    pub fn copy_static(&self, rel: &str, source: &StaticSource) -> io::Result<()> {
        let rel = Path::new(rel);
        match source {
            StaticSource::Builtin(bytes) => self.write(rel, bytes),
            StaticSource::File(from) => {
                let path = self.path_for(rel)?;
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::copy(from, path).map(|_| ())
            }
        }
    }

    /// Swap the staging folder in as the output. Returns the old output's new name,
    /// to be deleted by the caller (outside any timed section if it likes).
    pub fn commit(self) -> io::Result<Option<PathBuf>> {
        let old = if self.target.exists() {
            let old = sibling(&self.target, "old");
            if old.exists() {
                std::fs::remove_dir_all(&old)?;
            }
            std::fs::rename(&self.target, &old)?;
            Some(old)
        } else {
            if let Some(parent) = self.target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            None
        };
        if let Err(e) = std::fs::rename(&self.dir, &self.target) {
            // Put the previous output back before reporting.
            if let Some(old) = &old {
                let _ = std::fs::rename(old, &self.target);
            }
            return Err(e);
        }
        Ok(old)
    }

    /// Throw the staging folder away; the output stays as it was.
    pub fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

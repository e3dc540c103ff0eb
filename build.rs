//! Rebuild when the built-in site theme changes (files added or removed included):
//! the theme is embedded into the binary.

use std::path::Path;

fn visit(dir: &Path, acc: &mut Vec<String>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        println!("cargo:rerun-if-changed={}", p.display());
        if p.is_dir() {
            visit(&p, acc);
        } else {
            let len = e.metadata().map(|m| m.len()).unwrap_or(0);
            acc.push(format!("{}:{len}", p.display()));
        }
    }
}

fn main() {
    let dir = Path::new("themes/default");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut acc = Vec::new();
    visit(dir, &mut acc);
    let mut h: u64 = 0xcbf29ce484222325;
    for b in acc.join("\n").bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100000001b3);
    }
    println!("cargo:rustc-env=AREENA_THEME_FINGERPRINT={h:x}");
}

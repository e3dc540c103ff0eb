//! Resource abuse: huge, deep, binary, looping and escaping input ends in a clear
//! error or a normal build — never a panic, a hang or a file outside the output.

use super::{build, small_site, tree};

fn org(body: &str) -> String {
    format!("+++\nname = \"Iso\"\nthemes = [\"omaishoito\"]\nnationwide = true\n+++\n{body}")
}

/// Everything under the site root except the output folder.
fn sources(s: &crate::support::Site) -> Vec<String> {
    tree(s.root()).into_keys().filter(|k| !k.starts_with("public")).collect()
}

#[test]
fn a_ten_megabyte_body_builds() {
    let s = small_site();
    let para = "Yhdistys järjestää vertaistukea ja retkiä. ".repeat(20);
    let body: String = std::iter::repeat_n(format!("{para}\n\n"), 10 * 1024 * 1024 / (para.len() + 2)).collect();
    assert!(body.len() >= 9 * 1024 * 1024);
    s.write("content/organisations/iso.md", &org(&body));
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn ten_thousand_list_items_build() {
    let s = small_site();
    let body: String = (0..10_000).map(|i| format!("- kohta {i}\n")).collect();
    s.write("content/organisations/lista.md", &org(&body));
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let html = std::fs::read_to_string(s.root().join("public/jarjestot/lista/index.html")).unwrap();
    assert_eq!(html.matches("<li>kohta").count(), 10_000);
}

#[test]
fn deeply_nested_markdown_builds() {
    let s = small_site();
    let quotes = ">".repeat(5_000) + " syvä\n\n";
    let lists: String = (0..2_000).map(|i| format!("{}- taso {i}\n", "  ".repeat(i))).collect();
    let brackets = "[".repeat(20_000) + &"]".repeat(20_000) + "\n\n";
    let emphasis = "*".repeat(20_000) + "x" + &"*".repeat(20_000) + "\n";
    s.write("content/organisations/syva.md", &org(&format!("{quotes}{lists}\n{brackets}{emphasis}")));
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_binary_file_is_a_clear_error() {
    let s = small_site();
    let bytes: Vec<u8> = (0..65_536u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    s.write_bytes("content/organisations/kuva.md", &bytes);
    s.write_bytes("content/themes.toml", &bytes[..1000]);
    let r = build(&s, &[]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("not-utf8"), "{}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_links_out_of_the_site_are_not_followed() {
    use std::os::unix::fs::symlink;
    let s = small_site();
    symlink(s.root().join("content"), s.root().join("content/organisations/silmukka")).unwrap();
    symlink("/etc/passwd", s.root().join("content/organisations/salasanat.md")).unwrap();
    symlink("/etc", s.root().join("static/etc")).unwrap_or_else(|_| {
        std::fs::create_dir_all(s.root().join("static")).unwrap();
        symlink("/etc", s.root().join("static/etc")).unwrap();
    });
    let r = build(&s, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = tree(&s.root().join("public"));
    assert!(
        !out.keys().any(|k| k.contains("passwd") || k.contains("salasanat")),
        "nothing from outside the site is published"
    );
}

#[test]
fn paths_that_climb_out_of_the_site_are_errors() {
    let s = small_site();
    s.write(
        "content/organisations/pako.md",
        "+++\nname = \"Pako\"\nthemes = [\"omaishoito\"]\nnationwide = true\nlogo = \"../../../../etc/passwd\"\nlogo_alt = \"x\"\n+++\n![kuva](/../../../etc/passwd) [linkki](../../../../etc/passwd.md)\n",
    );
    let before = sources(&s);
    let r = build(&s, &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("missing-static-file") && r.stderr.contains("broken-link"), "{}", r.stderr);
    assert_eq!(sources(&s), before, "no file was written among the sources");
}

#[test]
fn an_output_folder_over_the_sources_is_refused() {
    let s = small_site();
    let before = tree(s.root());
    for out in [".", "content", "content/organisations"] {
        let target = s.root().join(out);
        let r = build(&s, &["--output", target.to_str().unwrap()]);
        assert_eq!(r.code, 1, "{out}: {}", r.stderr);
        assert!(r.stderr.contains("unsafe-output"), "{}", r.stderr);
    }
    assert_eq!(tree(s.root()), before);
}

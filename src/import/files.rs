//! The organisation files of an import: a new file in the format of
//! `docs/content.md`, or an existing file with only the imported fields changed
//! (its other fields, its comments and its body kept), each written atomically.
//!
//! Every value goes through `toml_edit`, which quotes and escapes it: no cell can
//! end a string, open a table or close the front matter.

use std::io::Write as _;
use std::path::Path;

use toml_edit::{Array, DocumentMut, Item, Table, value};

use super::columns::Field;
use super::rows::{Imported, Value};

/// The TOML value of a field.
fn toml_value(v: &Value) -> toml_edit::Value {
    match v {
        Value::Text(s) => s.as_str().into(),
        Value::Int(n) => (*n).into(),
        Value::Bool(b) => (*b).into(),
        Value::List(items) => items.iter().map(String::as_str).collect::<Array>().into(),
    }
}

/// Set every imported field (but the description) of `org` in `doc`, and `updated`.
fn set_fields(doc: &mut DocumentMut, org: &Imported, today: jiff::civil::Date) {
    for (field, v) in &org.values {
        if *field == Field::Description {
            continue;
        }
        let key = field.key();
        match key.split_once('.') {
            None => {
                // Keep the comment after an existing value.
                match doc.get_mut(key).and_then(Item::as_value_mut) {
                    Some(old) => {
                        let decor = old.decor().clone();
                        *old = toml_value(v);
                        *old.decor_mut() = decor;
                    }
                    None => doc[key] = value(toml_value(v)),
                }
            }
            Some((table, key)) => {
                if !doc.contains_table(table) {
                    doc[table] = Item::Table(Table::new());
                }
                let t = doc[table].as_table_mut().expect("a table");
                match t.get_mut(key).and_then(Item::as_value_mut) {
                    Some(old) => {
                        let decor = old.decor().clone();
                        *old = toml_value(v);
                        *old.decor_mut() = decor;
                    }
                    None => t[key] = value(toml_value(v)),
                }
            }
        }
    }
    let date: toml_edit::Datetime = today.to_string().parse().expect("a date");
    match doc.get_mut("updated").and_then(Item::as_value_mut) {
        Some(old) => {
            let decor = old.decor().clone();
            *old = date.into();
            *old.decor_mut() = decor;
        }
        None => doc["updated"] = value(date),
    }
}

/// The order of a new file's fields, as in docs/content.md.
fn new_document(org: &Imported, today: jiff::civil::Date) -> DocumentMut {
    let mut doc = DocumentMut::new();
    set_fields(&mut doc, org, today);
    if let Some(t) = &org.default_theme {
        doc["themes"] = value(toml_value(&Value::List(vec![t.clone()])));
    }
    // Tables after the plain fields: toml_edit writes the root's values first.
    doc.sort_values_by(|a, _, b, _| order(a.get()).cmp(&order(b.get())));
    doc
}

fn order(key: &str) -> usize {
    if key == "updated" {
        return Field::ALL.len();
    }
    Field::ALL.iter().position(|f| f.key() == key).unwrap_or(Field::ALL.len() + 1)
}

/// The text of a new organisation file.
pub(crate) fn new_file(org: &Imported, today: jiff::civil::Date) -> String {
    let body = org.text(Field::Description).unwrap_or("");
    let mut text = format!("+++\n{}+++\n", new_document(org, today));
    if !body.is_empty() {
        text.push_str(body);
        text.push('\n');
    }
    text
}

/// `existing` (an organisation file) with the imported fields of `org` changed,
/// `updated` set to `today`, and the body replaced only when the description cell
/// is not empty; `None` when its front matter cannot be read.
pub(crate) fn updated_file(existing: &str, org: &Imported, today: jiff::civil::Date) -> Option<String> {
    let split = crate::load::front_matter::split(existing).ok()?;
    let mut doc: DocumentMut = existing[split.front_matter.clone()].parse().ok()?;
    set_fields(&mut doc, org, today);
    let mut front = doc.to_string();
    if !front.ends_with('\n') {
        front.push('\n');
    }
    let body = match org.text(Field::Description) {
        Some(d) => format!("{d}\n"),
        None => existing[split.body.clone()].to_string(),
    };
    Some(format!("+++\n{front}+++\n{body}"))
}

/// Write `text` to `path` atomically (a temporary file beside it, then renamed);
/// `replace: false` never replaces a file that exists.
pub(crate) fn write(path: &Path, text: &str, replace: bool) -> std::io::Result<()> {
    let dir = path.parent().expect("a file in a folder");
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new().prefix(".areena-import").tempfile_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    if replace { tmp.persist(path).map(drop) } else { tmp.persist_noclobber(path).map(drop) }.map_err(|e| e.error)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::*;
    use crate::import::rows::one_line;

    fn org(name: &str, short: &str, activities: Vec<String>, body: &str) -> Imported {
        let mut values = BTreeMap::new();
        values.insert(Field::Name, Value::Text(name.to_string()));
        values.insert(Field::ShortName, Value::Text(short.to_string()));
        values.insert(Field::Activities, Value::List(activities));
        values.insert(Field::Description, Value::Text(body.to_string()));
        Imported {
            row: 2,
            name: name.to_string(),
            slug: "x".into(),
            name_cell: (1, 0..0),
            values,
            default_theme: Some("omaishoito".into()),
            missing: Vec::new(),
        }
    }

    proptest! {
        /// Whatever the cells hold, the front matter reads back as exactly those
        /// values, and nothing else.
        #[test]
        fn any_cell_reads_back_as_itself(
            name in "[a-zA-Zäö\"'\\[\\]=+#\\\\ \n{}]{1,40}",
            short in "[+\"'\\]\\[\n]{0,12}",
            activity in "[a-z\"'\\]\\[+]{1,12}",
            body in "[a-z+\n\"]{0,40}",
        ) {
            let (name, short, activity) = (one_line(&name), one_line(&short), one_line(&activity));
            let o = org(&name, &short, vec![activity.clone()], body.trim());
            let text = new_file(&o, jiff::civil::date(2026, 11, 23));
            let split = crate::load::front_matter::split(&text).unwrap();
            let table: toml::Table = toml::from_str(&text[split.front_matter.clone()]).unwrap();
            let mut keys: Vec<&str> = table.keys().map(String::as_str).collect();
            keys.sort_unstable();
            prop_assert_eq!(keys, ["activities", "name", "short_name", "themes", "updated"]);
            prop_assert_eq!(table["name"].as_str(), Some(name.as_str()));
            prop_assert_eq!(table["short_name"].as_str(), Some(short.as_str()));
            prop_assert_eq!(&table["activities"], &toml::Value::from(vec![activity]));
            prop_assert_eq!(text[split.body].trim_end_matches('\n'), body.trim());
        }
    }

    #[test]
    fn an_update_keeps_comments_and_other_fields() {
        let old = "+++\nname = \"A\"  # the name\nthemes = [\"x\"]\n\n[contact]\nname = \"B\"\n+++\nText.\n";
        let mut o = org("A ry", "A", vec!["Kerho".into()], "");
        o.values.remove(&Field::Description);
        o.values.insert(Field::ContactEmail, Value::Text("b@a.example".into()));
        let new = updated_file(old, &o, jiff::civil::date(2026, 11, 23)).unwrap();
        assert_eq!(
            new,
            "+++\nname = \"A ry\"  # the name\nthemes = [\"x\"]\nshort_name = \"A\"\nactivities = [\"Kerho\"]\nupdated = 2026-11-23\n\n[contact]\nname = \"B\"\nemail = \"b@a.example\"\n+++\nText.\n"
        );
    }
}

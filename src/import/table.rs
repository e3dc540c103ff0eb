//! Reading a spreadsheet saved as CSV the way Finnish Excel saves it: the text in
//! UTF-8 (with or without a byte order mark) or in Windows-1252, cells separated by
//! `;` (or `,`), the heading row first.
//!
//! Every cell keeps its place: the row as the spreadsheet numbers it (the heading
//! row is 1, even when a cell above holds several lines) and the byte range of its
//! text in the decoded file, so that a report can show it.

use std::ops::Range;

/// Which encoding the file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    Utf8,
    Windows1252,
}

/// The text of a CSV file, decoded: UTF-8 when the bytes are UTF-8 (a byte order
/// mark is left out), else Windows-1252 (what Excel's "CSV (semicolon separated)"
/// writes on a Finnish Windows).
pub(crate) fn decode(bytes: &[u8]) -> (String, Encoding) {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), Encoding::Utf8),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text.into_owned(), Encoding::Windows1252)
        }
    }
}

/// The cell separator: the one of `;`, `,` and tab that the heading row (outside
/// quotes) has most of; `;` when it has none (one column).
pub(crate) fn delimiter(text: &str) -> u8 {
    let mut counts = [(b';', 0usize), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(c) = counts.iter_mut().find(|(d, _)| *d == b) {
                    c.1 += 1;
                }
            }
            _ => {}
        }
    }
    // The first of the most frequent wins: `;` before `,` on a tie.
    counts.iter().fold((b';', 0), |best, &(d, n)| if n > best.1 { (d, n) } else { best }).0
}

/// One cell: its text (line breaks as `\n`) and where it is in the decoded file.
#[derive(Debug, Clone)]
pub(crate) struct Cell {
    pub(crate) text: String,
    pub(crate) span: Range<usize>,
}

/// One row of the spreadsheet.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// As the spreadsheet numbers it: the heading row is 1.
    pub(crate) number: usize,
    /// Where the row starts in the decoded file.
    pub(crate) start: usize,
    pub(crate) cells: Vec<Cell>,
}

impl Row {
    /// Whether every cell is empty (Excel writes `;;;` for an empty row).
    pub(crate) fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.text.trim().is_empty())
    }
}

/// Every row of `text`, the heading row first; `Err` with the row number and the
/// reason when the CSV cannot be read at all.
pub(crate) fn rows(text: &str, delimiter: u8) -> Result<Vec<Row>, (usize, String)> {
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut starts = Vec::new();
    let mut records = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        // After a CRLF record the reader stands between the CR and the LF.
        let mut start = reader.position().byte() as usize;
        while text.as_bytes().get(start).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            start += 1;
        }
        match reader.read_record(&mut record) {
            Ok(true) => {
                starts.push(start);
                records.push(record.clone());
            }
            Ok(false) => break,
            Err(e) => return Err((records.len() + 1, e.to_string())),
        }
    }
    let ends: Vec<usize> = starts.iter().skip(1).copied().chain([text.len()]).collect();
    Ok(records
        .iter()
        .zip(starts.iter().zip(ends))
        .enumerate()
        .map(|(i, (rec, (&start, end)))| Row { number: i + 1, start, cells: cells(text, rec, start..end) })
        .collect())
}

/// The cells of one record, each found in the record's text (a cell whose quotes
/// are doubled is placed where its text begins, or at the row's start).
fn cells(text: &str, record: &csv::StringRecord, range: Range<usize>) -> Vec<Cell> {
    let raw = &text[range.clone()];
    let mut cursor = 0;
    record
        .iter()
        .map(|value| {
            let value = value.replace("\r\n", "\n");
            let at = if value.is_empty() { None } else { raw[cursor..].find(value.as_str()) };
            let span = match at {
                Some(i) => {
                    let s = range.start + cursor + i;
                    cursor += i + value.len();
                    s..s + value.len()
                }
                None => {
                    let s = range.start + cursor;
                    s..s
                }
            };
            Cell { text: value, span }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(decode("nimi;kunta\nÄänekoski".as_bytes()), ("nimi;kunta\nÄänekoski".into(), Encoding::Utf8));
        assert_eq!(decode(b"\xef\xbb\xbfnimi"), ("nimi".into(), Encoding::Utf8));
        // "Jyväskylä" and "Östersundom" in Windows-1252
        assert_eq!(decode(b"Jyv\xe4skyl\xe4;\xd6"), ("Jyväskylä;Ö".into(), Encoding::Windows1252));
    }

    #[test]
    fn delimiters() {
        assert_eq!(delimiter("nimi;kunta;teemat\na,b;c"), b';');
        assert_eq!(delimiter("name,municipality\n"), b',');
        assert_eq!(delimiter("\"nimi; ja muuta\",kunta\n"), b',');
        assert_eq!(delimiter("nimi\tkunta\n"), b'\t');
        assert_eq!(delimiter("nimi\n"), b';');
    }

    #[test]
    fn rows_are_numbered_as_the_spreadsheet_shows_them() {
        let text = "nimi;kuvaus\r\nA ry;\"kaksi\r\nriviä\"\r\nB ry;\"sanoi \"\"hei\"\"\"\r\n";
        let rows = rows(text, b';').unwrap();
        assert_eq!(rows.iter().map(|r| r.number).collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(rows[1].cells[1].text, "kaksi\nriviä");
        assert_eq!(rows[2].cells[1].text, "sanoi \"hei\"");
        assert_eq!(&text[rows[2].cells[0].span.clone()], "B ry");
        assert_eq!(rows[2].start, text.find("B ry").unwrap());
    }
}

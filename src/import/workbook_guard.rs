//! A look at a workbook's parts before calamine opens it: an `.xlsx`'s shared-string table,
//! and an `.ods`'s repeated rows and cells ([`check_ods_content`]).
//!
//! calamine
//! reserves room for as many strings as the table's `uniqueCount` says (`xlsx/mod.rs`,
//! `read_shared_strings`), so a table that claims 10¹³ strings asks for 240 TB and the
//! process aborts; and it keeps every string whole, so one string of a gigabyte takes a
//! gigabyte. Here the table is read once, streamed and counted: it is refused when it
//! inflates past [`MAX_SHARED_STRINGS_BYTES`], when one string is longer than a cell can
//! be, or when it claims far more strings than it holds.

use std::io::{Read, Seek};

/// The most bytes the shared-string table may inflate to.
pub const MAX_SHARED_STRINGS_BYTES: u64 = 256 * 1024 * 1024;
/// The longest text between two tags: Excel's 32,767 characters of up to four bytes, with
/// room for escapes.
pub const LONGEST_SHARED_STRING_BYTES: u64 = 32_767 * 6;

/// The most bytes an `.ods`'s `content.xml` may inflate to.
pub const MAX_ODS_CONTENT_BYTES: u64 = 128 * 1024 * 1024;

/// Checks an `.ods`'s sheets before calamine expands them: calamine writes out every
/// repeated row and cell (`table:number-rows-repeated`, `table:number-columns-repeated`)
/// into its grid, so one row repeated a million times, or a cell repeated across 16,384
/// columns, takes gigabytes. Here the cells holding a value are counted with their repeats,
/// streaming, and a sheet of more than [`super::sheet_range::MAX_SHEET_CELLS`] is refused.
/// Empty cells and rows, which office suites repeat to the sheet's end, are not counted.
pub fn check_ods_content<R: Read + Seek>(archive: &mut zip::ZipArchive<R>) -> Result<(), String> {
    let Ok(entry) = archive.by_name("content.xml") else {
        return Ok(());
    };
    let limited = std::io::BufReader::new(entry.take(MAX_ODS_CONTENT_BYTES + 1));
    let mut xml = quick_xml::Reader::from_reader(limited);
    let mut buffer = Vec::new();
    let mut rows_repeated = 1_u64;
    let mut in_row = 0_u64;
    let mut in_table = 0_u64;
    let limit = super::sheet_range::MAX_SHEET_CELLS;
    let too_many = || {
        format!(
            "a sheet repeats its rows and cells to more than the {limit} cells Bilateral reads from one sheet (save the sheet as CSV)"
        )
    };
    loop {
        buffer.clear();
        let event = xml.read_event_into(&mut buffer);
        if xml.buffer_position() > MAX_ODS_CONTENT_BYTES {
            return Err(format!(
                "its content inflates to more than {} MiB, more than Bilateral reads (save the sheet as CSV)",
                MAX_ODS_CONTENT_BYTES >> 20
            ));
        }
        let Ok(event) = event else {
            // Malformed XML is calamine's to report.
            return Ok(());
        };
        let (element, empty) = match event {
            quick_xml::events::Event::Eof => return Ok(()),
            quick_xml::events::Event::Start(element) => (element, false),
            quick_xml::events::Event::Empty(element) => (element, true),
            quick_xml::events::Event::End(element) => {
                match element.local_name().as_ref() {
                    b"table-row" => {
                        in_table = in_table.saturating_add(in_row.saturating_mul(rows_repeated));
                        if in_table > limit {
                            return Err(too_many());
                        }
                        in_row = 0;
                        rows_repeated = 1;
                    }
                    b"table" => in_table = 0,
                    _ => {}
                }
                continue;
            }
            _ => continue,
        };
        let repeated = |name: &[u8]| {
            element
                .attributes()
                .flatten()
                .find(|a| a.key.local_name().as_ref() == name)
                .and_then(|a| {
                    std::str::from_utf8(&a.value)
                        .ok()?
                        .trim()
                        .parse::<u64>()
                        .ok()
                })
                .unwrap_or(1)
        };
        match element.local_name().as_ref() {
            b"table-row" if !empty => rows_repeated = repeated(b"number-rows-repeated"),
            b"table-cell" | b"covered-table-cell" => {
                let has_value = !empty
                    || element
                        .attributes()
                        .flatten()
                        .any(|a| a.key.local_name().as_ref() == b"value-type");
                if has_value {
                    in_row = in_row.saturating_add(repeated(b"number-columns-repeated"));
                    if in_row.saturating_mul(rows_repeated) > limit {
                        return Err(too_many());
                    }
                }
            }
            _ => {}
        }
    }
}

/// What the table holds, as read.
#[derive(Debug, Default, PartialEq, Eq)]
struct Counted {
    declared: Option<u64>,
    strings: u64,
}

/// Checks every shared-string table among `names` in `archive`; the error says why in words.
pub fn check_shared_strings<R: Read + Seek>(
    archive: &mut zip::ZipArchive<R>,
    names: &[String],
) -> Result<(), String> {
    for name in names {
        if !name.to_ascii_lowercase().ends_with("sharedstrings.xml") {
            continue;
        }
        let entry = archive.by_name(name).map_err(|e| e.to_string())?;
        let counted = scan(entry)?;
        if let Some(declared) = counted.declared
            && declared > counted.strings.saturating_mul(2).saturating_add(1024)
        {
            return Err(format!(
                "its shared-string table says it holds {declared} strings but holds {}: the workbook is damaged or made to exhaust memory",
                counted.strings
            ));
        }
    }
    Ok(())
}

/// Streams the table, counting `<si>` elements and reading `<sst uniqueCount>`.
fn scan(mut entry: impl Read) -> Result<Counted, String> {
    let mut counted = Counted::default();
    let mut chunk = vec![0_u8; 64 * 1024];
    let mut total = 0_u64;
    let mut text_run = 0_u64;
    // The name (and, for `sst`, the attributes) of the tag being read, when inside one.
    let mut tag: Option<Vec<u8>> = None;
    loop {
        let read = entry.read(&mut chunk).map_err(|e| e.to_string())?;
        if read == 0 {
            break;
        }
        total += read as u64;
        if total > MAX_SHARED_STRINGS_BYTES {
            return Err(format!(
                "its shared-string table inflates to more than {} MiB, more than Bilateral reads (save the sheet as CSV)",
                MAX_SHARED_STRINGS_BYTES >> 20
            ));
        }
        for &byte in &chunk[..read] {
            match (&mut tag, byte) {
                (None, b'<') => {
                    tag = Some(Vec::new());
                    text_run = 0;
                }
                (None, _) => {
                    text_run += 1;
                    if text_run > LONGEST_SHARED_STRING_BYTES {
                        return Err(format!(
                            "a shared string is longer than the {LONGEST_SHARED_STRING_BYTES} bytes a cell can hold"
                        ));
                    }
                }
                (Some(name), b'>') => {
                    take_tag(name, &mut counted);
                    tag = None;
                }
                (Some(name), _) => {
                    // Only `sst`'s attributes matter; any tag is cut at 4 KiB.
                    if name.len() < 4096 {
                        name.push(byte);
                    }
                }
            }
        }
    }
    Ok(counted)
}

/// Counts a `<si>` and reads `<sst uniqueCount="…">`; `tag` is what lies between `<` and `>`.
fn take_tag(tag: &[u8], counted: &mut Counted) {
    let name_end = tag
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b'/')
        .unwrap_or(tag.len());
    let name = &tag[..name_end];
    let local = name
        .iter()
        .rposition(|b| *b == b':')
        .map_or(name, |colon| &name[colon + 1..]);
    if local == b"si" {
        counted.strings += 1;
    } else if local == b"sst" {
        counted.declared = attribute(&tag[name_end..], b"uniqueCount").map(|digits| {
            digits
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .try_fold(0_u64, |n, d| {
                    n.checked_mul(10)?.checked_add(u64::from(d - b'0'))
                })
                .unwrap_or(u64::MAX)
        });
    }
}

/// The value of attribute `name` in the attribute text `attributes`.
fn attribute<'a>(attributes: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let at = attributes
        .windows(name.len() + 1)
        .position(|w| w.starts_with(name) && w[name.len()] == b'=')?;
    let rest = &attributes[at + name.len() + 1..];
    let quote = *rest.first()?;
    let inner = rest.get(1..)?;
    let end = inner.iter().position(|b| *b == quote)?;
    Some(&inner[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_counted_and_the_claimed_count_read() {
        let xml = br#"<?xml version="1.0"?><sst xmlns="x" count="3" uniqueCount="2"><si><t>a</t></si><x:si><t>b</t></x:si><si/></sst>"#;
        assert_eq!(
            scan(&xml[..]),
            Ok(Counted {
                declared: Some(2),
                strings: 3
            })
        );
        let absurd = br#"<sst uniqueCount="10000000000000000000000"><si><t>a</t></si></sst>"#;
        assert_eq!(scan(&absurd[..]).map(|c| c.declared), Ok(Some(u64::MAX)));
    }

    #[test]
    fn a_string_longer_than_a_cell_is_refused() {
        let mut xml = b"<sst><si><t>".to_vec();
        xml.extend(std::iter::repeat_n(b'a', 300_000));
        xml.extend(b"</t></si></sst>");
        assert!(scan(&xml[..]).is_err());
    }
}

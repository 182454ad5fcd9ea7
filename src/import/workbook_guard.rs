//! A look at a workbook's parts before calamine opens it: an `.xlsx`'s shared-string table,
//! and an `.ods`'s repeated rows and cells ([`check_ods_content`]).
//!
//! calamine reserves room for as many strings as the table's `uniqueCount` says
//! (`xlsx/mod.rs`, `read_shared_strings`), so a table that claims 10¹³ strings asks for
//! 240 TB and the process aborts; and it keeps every string whole, so one string of a
//! gigabyte takes a gigabyte. Here the table is read once, streamed and counted byte by byte (never parsed as
//! XML, whose reading of a malformed tag could differ from calamine's): it is refused when it
//! inflates past [`MAX_SHARED_STRINGS_BYTES`], when one string is longer than a cell can
//! be, or when it claims far more strings than it holds.

use std::io::{Read, Seek};

/// The most bytes the shared-string table may inflate to.
pub(crate) const MAX_SHARED_STRINGS_BYTES: u64 = 256 * 1024 * 1024;
/// The longest text between two tags: Excel's 32,767 characters of up to four bytes, with
/// room for escapes.
pub(crate) const LONGEST_SHARED_STRING_BYTES: u64 = 32_767 * 6;

/// The most bytes an `.ods`'s `content.xml` may inflate to.
pub(crate) const MAX_ODS_CONTENT_BYTES: u64 = 128 * 1024 * 1024;

/// Checks an `.ods`'s sheets before calamine expands them: calamine writes out every
/// repeated row and cell (`table:number-rows-repeated`, `table:number-columns-repeated`)
/// into its grid, so one row repeated a million times, or a cell repeated across 16,384
/// columns, takes gigabytes. Here the cells holding a value are counted with their repeats,
/// streaming, and a sheet of more than [`super::sheet_range::MAX_SHEET_CELLS`] is refused.
/// Empty cells and rows, which office suites repeat to the sheet's end, are not counted.
pub(crate) fn check_ods_content<R: Read + Seek>(
    archive: &mut zip::ZipArchive<R>,
) -> Result<(), String> {
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

/// The most strings a shared-string table may claim (calamine reserves 24 bytes for each).
pub(crate) const MAX_SHARED_STRINGS: u64 = 1 << 24;

/// What the table holds, as read.
#[derive(Debug, Default, PartialEq, Eq)]
struct Counted {
    declared: Option<u64>,
    strings: u64,
}

/// Checks every shared-string table among `names` in `archive`; the error says why in words.
pub(crate) fn check_shared_strings<R: Read + Seek>(
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
            && (declared > counted.strings.saturating_mul(2).saturating_add(1024)
                || declared > MAX_SHARED_STRINGS)
        {
            return Err(format!(
                "its shared-string table says it holds {declared} strings but holds {}: the workbook is damaged or made to exhaust memory",
                counted.strings
            ));
        }
    }
    Ok(())
}

/// Streams the table byte by byte, without parsing it as XML (a parser that disagreed with
/// calamine's on a malformed tag would be a way round the check): counts `<si` elements,
/// takes the largest number written after any `uniqueCount` (calamine reads the first
/// `<sst>`'s, whatever it is), and measures the runs of bytes between two `<`.
fn scan(mut entry: impl Read) -> Result<Counted, String> {
    const KEY: &[u8] = b"uniqueCount";
    let mut counted = Counted::default();
    let mut chunk = vec![0_u8; 64 * 1024];
    let mut total = 0_u64;
    let mut run = 0_u64;
    // The name after the last `<`, while it is being read.
    let mut name: Option<Vec<u8>> = None;
    // How much of `uniqueCount` has just been read; then the number after it.
    let mut matched = 0;
    let mut number: Option<u64> = None;
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
            if byte == b'<' {
                run = 0;
                name = Some(Vec::new());
            } else {
                run += 1;
                if run > LONGEST_SHARED_STRING_BYTES {
                    return Err(format!(
                        "a shared string is longer than the {LONGEST_SHARED_STRING_BYTES} bytes a cell can hold"
                    ));
                }
                if let Some(letters) = &mut name {
                    if byte.is_ascii_whitespace() || byte == b'>' || byte == b'/' {
                        let local = letters
                            .iter()
                            .rposition(|b| *b == b':')
                            .map_or(&letters[..], |colon| &letters[colon + 1..]);
                        if local == b"si" {
                            counted.strings += 1;
                        }
                        name = None;
                    } else if letters.len() < 16 {
                        letters.push(byte);
                    } else {
                        name = None;
                    }
                }
            }
            if let Some(value) = &mut number {
                if byte.is_ascii_digit() {
                    *value = value
                        .saturating_mul(10)
                        .saturating_add(u64::from(byte - b'0'));
                    continue;
                }
                let digits_started = *value > 0;
                if !digits_started
                    && matches!(
                        byte,
                        b'=' | b'"' | b'\'' | b'+' | b' ' | b'\t' | b'\r' | b'\n'
                    )
                {
                    continue;
                }
                counted.declared = Some(counted.declared.unwrap_or(0).max(*value));
                number = None;
            }
            if KEY.get(matched) == Some(&byte) {
                matched += 1;
                if matched == KEY.len() {
                    number = Some(0);
                    matched = 0;
                }
            } else {
                matched = usize::from(KEY.first() == Some(&byte));
            }
        }
    }
    if let Some(value) = number {
        counted.declared = Some(counted.declared.unwrap_or(0).max(value));
    }
    Ok(counted)
}

/// The names of the entries of `archive` (those whose name reads).
pub(crate) fn entry_names<R: Read + Seek>(archive: &mut zip::ZipArchive<R>) -> Vec<String> {
    (0..archive.len())
        .filter_map(|i| {
            archive
                .by_index_raw(i)
                .ok()
                .and_then(|f| f.name().ok().map(std::borrow::Cow::into_owned))
        })
        .collect()
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
    fn a_claimed_count_is_found_however_the_tags_around_it_are_broken() {
        // Found by the `xlsx_shared_strings` fuzz target: a quote left open in the `<sst>`
        // tag makes the XML reader take everything up to a later `uniqueCount` as its
        // attributes, so the count must be looked for anywhere, not in a well-formed tag.
        let xml = br#"<sst xmlns="http://x" cou"><si><t>Country</t></stml/2006/main" count="1" uniqueCount="09999999999999"></si></sst>"#;
        assert_eq!(
            scan(&xml[..]).map(|c| c.declared),
            Ok(Some(9_999_999_999_999))
        );
        let spaced = br#"<sst uniqueCount = '+77' uniqueCount="5"><si/></sst>"#;
        assert_eq!(scan(&spaced[..]).map(|c| c.declared), Ok(Some(77)));
    }

    #[test]
    fn a_string_longer_than_a_cell_is_refused() {
        let mut xml = b"<sst><si><t>".to_vec();
        xml.extend(std::iter::repeat_n(b'a', 300_000));
        xml.extend(b"</t></si></sst>");
        assert!(scan(&xml[..]).is_err());
    }
}

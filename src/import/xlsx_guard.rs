//! A look at an `.xlsx` workbook's shared-string table before calamine opens it. calamine
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

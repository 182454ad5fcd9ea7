//! ICEWS event files: the published yearly `.tab` files (tab-separated, names with spaces,
//! `NA` for missing) and the CSVs analysts re-export from them (comma-separated, names with
//! underscores, empty for missing, possibly extra columns).
//!
//! ICEWS names countries (`Source Country`, `Target Country`: `Russian Federation`,
//! `Iran`); they are matched by name against Bilateral's country table. It has no quad
//! class, tone or coverage: the quad class is the one GDELT gives the CAMEO root code, the
//! Goldstein column is ICEWS's `Intensity` (the same −10 to 10 scale), and an action's
//! coverage is the number of ICEWS records of the same action (same day, same source and
//! target actor, same code): one record per story sentence that reports it.

use std::collections::HashMap;
use std::io::{BufRead, Read};
use std::sync::atomic::{AtomicBool, AtomicU64};

use crate::data::PartialDate;
use crate::data::country::{CountryId, Pair, countries};

use super::super::decode::{CountingReader, text_reader};
use super::super::detect::{Format, Header};
use super::super::error::{ImportError, ImportErrorKind};
use super::super::progress::Ticker;
use super::super::table::Rows;
use super::FileTally;
use super::cameo::{self, Quad};
use super::tally::CodedEvent;

/// The columns read, as the `.tab` names them.
const COLUMNS: [&str; 9] = [
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Country",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Country",
    "Publisher",
];

/// A header's names with underscores read as spaces (`Event_ID` is `Event ID`).
fn normalized(names: &[String]) -> Header {
    Header::new(names.iter().map(|n| n.replace('_', " ")).collect())
}

fn is_icews(header: &Header) -> bool {
    header.has_all(&COLUMNS[..5]) && header.has_all(&["Target Country"])
}

/// The ICEWS layout of a header line, if it is one.
pub(crate) fn layout_of(line: &[u8]) -> Option<Format> {
    let text = String::from_utf8_lossy(line);
    let (delimiter, format) = if text.contains('\t') {
        ('\t', Format::IcewsTab)
    } else {
        (',', Format::IcewsCsv)
    };
    let names: Vec<String> = text
        .split(delimiter)
        .map(|n| n.trim().trim_matches('"').to_owned())
        .collect();
    is_icews(&normalized(&names)).then_some(format)
}

/// An ICEWS event code as CAMEO writes it: files that went through a spreadsheet or a
/// data frame dropped the leading zero, so `43` is `043` and `211` (no root 21) is `0211`.
pub(crate) fn cameo_code(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let known = |code: &str| cameo::root_of(code).is_some() && cameo::describe(code).is_some();
    if text.len() >= 3 && known(text) {
        return Some(text.to_owned());
    }
    let padded = format!("0{text}");
    known(&padded).then_some(padded)
}

/// The same action reported by several records.
type ActionKey = (PartialDate, String, String, String);

/// Reads an ICEWS table from `reader` into `tally`.
#[expect(
    clippy::too_many_lines,
    reason = "one row's fields in column order, each with its error, then the actions kept"
)]
pub(crate) fn read(
    reader: impl Read,
    file: &str,
    index: usize,
    pair: Option<Pair>,
    bytes: &AtomicU64,
    cancel: &AtomicBool,
    tally: &mut FileTally,
) -> Result<(), ImportError> {
    let mut quiet = |_: &super::super::progress::Progress| {};
    let mut ticker = Ticker::new(&mut quiet, cancel, None);
    let counter = ticker.byte_counter();
    let counted = CountingReader::new(reader, std::sync::Arc::clone(&counter));
    let (text, encoding) =
        text_reader(Box::new(counted)).map_err(|kind| ImportError::whole(file, kind))?;
    let text: Box<dyn BufRead> = text;
    let mut rows = Rows::from_text(file, None, text, encoding, &mut ticker)?;
    let (raw, ()) = rows.find_header(|header| {
        let names = normalized(&header.names);
        is_icews(&names).then_some(())
    })?;
    let header = normalized(&raw.names);
    let format = if rows.dialect().delimiter == b'\t' {
        Format::IcewsTab
    } else {
        Format::IcewsCsv
    };
    tally.format = Some(format);
    let [
        id,
        date,
        source_name,
        source_country,
        code,
        intensity,
        target_name,
        target_country,
    ] = rows.columns(
        &header,
        format,
        [
            COLUMNS[0], COLUMNS[1], COLUMNS[2], COLUMNS[3], COLUMNS[4], COLUMNS[5], COLUMNS[6],
            COLUMNS[7],
        ],
    )?;
    let publisher = header.find(COLUMNS[8]);
    let mut names: HashMap<String, Option<CountryId>> = HashMap::new();
    let mut country = |name: &str| -> Option<CountryId> {
        *names
            .entry(name.to_owned())
            .or_insert_with(|| countries().by_name(name).map(|c| c.id))
    };
    let mut actions: HashMap<ActionKey, (CodedEvent, u32)> = HashMap::new();
    let mut last_bytes = 0;
    while rows.next_row()? {
        rows.tick()?;
        tally.rows += 1;
        if tally.rows.is_multiple_of(4096) {
            let now = counter.load(std::sync::atomic::Ordering::Relaxed);
            bytes.fetch_add(now - last_bytes, std::sync::atomic::Ordering::Relaxed);
            last_bytes = now;
        }
        let day_text = rows.text(date)?.into_owned();
        let day = PartialDate::parse(&day_text)
            .ok()
            .filter(|d| d.day.is_some())
            .ok_or_else(|| {
                rows.error(
                    date,
                    ImportErrorKind::NotAPeriod {
                        column: raw.names[date].clone(),
                        text: day_text.clone(),
                    },
                )
            })?;
        if tally.last_year != Some(day.year) {
            tally.counts.year(day.year);
            tally.last_year = Some(day.year);
        }
        let from_name = rows.text(source_country)?.into_owned();
        let to_name = rows.text(target_country)?.into_owned();
        let missing = |n: &str| n.is_empty() || n == "NA";
        if missing(&from_name) || missing(&to_name) {
            tally.counts.skip("an actor with no country");
            continue;
        }
        let (Some(from), Some(to)) = (country(&from_name), country(&to_name)) else {
            for (column, name) in [(source_country, &from_name), (target_country, &to_name)] {
                if country(name).is_none() {
                    tally.counts.unknown(&raw.names[column], name);
                }
            }
            continue;
        };
        tally.counts.pair(from, to, Some(day.year), 1);
        let Some(pair) = pair.filter(|p| p.is(from, to)) else {
            continue;
        };
        let code_text = rows.text(code)?.into_owned();
        let Some(cameo) = cameo_code(&code_text) else {
            return Err(rows.error(
                code,
                ImportErrorKind::NotANumber {
                    column: raw.names[code].clone(),
                    text: code_text,
                    why: super::super::numbers::NotANumber::Text,
                },
            ));
        };
        let quad = cameo::root_of(&cameo)
            .and_then(Quad::of_root)
            .unwrap_or(Quad::VerbalCooperation);
        let score = rows
            .value(intensity, &raw.names[intensity])?
            .map(|v| v.value);
        let direction = usize::from(from != pair.first);
        tally.pair.count(
            direction,
            (day.year, day.month.unwrap_or(1)),
            quad,
            score,
            None,
        );
        let actors = [
            rows.text(source_name)?.into_owned(),
            rows.text(target_name)?.into_owned(),
        ];
        let key = (day, actors[0].clone(), actors[1].clone(), cameo.clone());
        let line = rows.line();
        let event_id = rows.text(id)?.into_owned();
        let published = match publisher {
            Some(column) => Some(rows.text(column)?.into_owned()).filter(|p| !missing(p)),
            None => None,
        };
        actions
            .entry(key)
            .or_insert_with(|| {
                (
                    CodedEvent {
                        id: event_id,
                        date: day,
                        actors,
                        countries: [from, to],
                        code: cameo,
                        quad,
                        goldstein: score,
                        tone: None,
                        mentions: 0,
                        sources: 0,
                        articles: 0,
                        url: None,
                        publisher: published,
                        file: index,
                        line,
                    },
                    0,
                )
            })
            .1 += 1;
    }
    drop(rows);
    let now = counter.load(std::sync::atomic::Ordering::Relaxed);
    bytes.fetch_add(now - last_bytes, std::sync::atomic::Ordering::Relaxed);
    for (_, (mut event, records)) in actions {
        event.mentions = records;
        event.articles = records;
        tally.pair.offer(event);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_headers_are_told_and_codes_get_their_zero_back() {
        assert_eq!(
            layout_of(b"Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country"),
            Some(Format::IcewsTab)
        );
        assert_eq!(
            layout_of(b"Event_ID,Event_Date,Source_Name,Source_Sectors,Source_Country,Event_Text,CAMEO_Code,Intensity,Target_Name,Target_Sectors,Target_Country"),
            Some(Format::IcewsCsv)
        );
        assert_eq!(layout_of(b"Event ID,Event Date"), None);
        assert_eq!(cameo_code("143").as_deref(), Some("143"));
        assert_eq!(cameo_code("43").as_deref(), Some("043"));
        assert_eq!(cameo_code("211").as_deref(), Some("0211"));
        assert_eq!(cameo_code("1411").as_deref(), Some("1411"));
        assert_eq!(cameo_code("x").as_deref(), None);
    }
}

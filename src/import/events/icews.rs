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

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{BufRead, Read};
use std::sync::atomic::{AtomicBool, AtomicU64};

use crate::data::PartialDate;
use crate::data::country::{CountryId, Pair, countries};

use super::super::decode::{CountingReader, text_reader};
use super::super::detect::{Format, Header};
use super::super::error::{ImportError, ImportErrorKind};
use super::super::numbers::Value;
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

/// The rows of an ICEWS table, from the table reader or, for the published `.tab` files,
/// from [`super::icews_lines::TabLines`].
pub(crate) trait EventRows {
    /// Moves to the next row; false at the end.
    fn next_row(&mut self) -> Result<bool, ImportError>;
    /// Counts the row; now and then checks for Cancel.
    fn tick(&mut self) -> Result<(), ImportError>;
    /// Field `index` as text, trimmed.
    fn text(&self, index: usize) -> Result<Cow<'_, str>, ImportError>;
    /// Field `index` as bytes, trimmed, as the file writes it (for looking names up).
    fn bytes(&self, index: usize) -> &[u8];
    /// Field `index` as a number; `None` when empty or a placeholder (`NA`).
    fn value(&self, index: usize, column: &str) -> Result<Option<Value>, ImportError>;
    /// An error at field `index` of the current row.
    fn error(&self, index: usize, kind: ImportErrorKind) -> ImportError;
    /// The file line of the current row.
    fn line(&self) -> u64;
}

impl EventRows for Rows<'_, '_> {
    fn next_row(&mut self) -> Result<bool, ImportError> {
        Rows::next_row(self)
    }

    fn tick(&mut self) -> Result<(), ImportError> {
        Rows::tick(self)
    }

    fn text(&self, index: usize) -> Result<Cow<'_, str>, ImportError> {
        Rows::text(self, index)
    }

    fn bytes(&self, index: usize) -> &[u8] {
        self.field(index).trim_ascii()
    }

    fn value(&self, index: usize, column: &str) -> Result<Option<Value>, ImportError> {
        Rows::value(self, index, column)
    }

    fn error(&self, index: usize, kind: ImportErrorKind) -> ImportError {
        Rows::error(self, index, kind)
    }

    fn line(&self) -> u64 {
        Rows::line(self)
    }
}

/// Where the columns read are in a header.
struct Columns {
    id: usize,
    date: usize,
    source_name: usize,
    source_country: usize,
    code: usize,
    intensity: usize,
    target_name: usize,
    target_country: usize,
    publisher: Option<usize>,
    /// The header's names as written, for errors.
    names: Vec<String>,
}

impl Columns {
    /// The last column read.
    fn last(&self) -> usize {
        [
            self.id,
            self.date,
            self.source_name,
            self.source_country,
            self.code,
            self.intensity,
            self.target_name,
            self.target_country,
            self.publisher.unwrap_or(0),
        ]
        .into_iter()
        .max()
        .unwrap_or(0)
    }

    /// The columns of `raw` (names as written; underscores read as spaces), or why not.
    fn of(raw: &[String], format: Format) -> Result<Self, ImportErrorKind> {
        let header = normalized(raw);
        let find = |name: &'static str| header.require(format, name);
        Ok(Self {
            id: find(COLUMNS[0])?,
            date: find(COLUMNS[1])?,
            source_name: find(COLUMNS[2])?,
            source_country: find(COLUMNS[3])?,
            code: find(COLUMNS[4])?,
            intensity: find(COLUMNS[5])?,
            target_name: find(COLUMNS[6])?,
            target_country: find(COLUMNS[7])?,
            publisher: header.find(COLUMNS[8]),
            names: raw.to_vec(),
        })
    }
}

/// Reads an ICEWS table from `reader` into `tally`.
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
    let (mut text, encoding) =
        text_reader(Box::new(counted)).map_err(|kind| ImportError::whole(file, kind))?;
    let progress = Progress {
        counter: &counter,
        bytes,
        index,
        pair,
    };
    if let Some(names) = tab_header(&mut text).map_err(|e| ImportError::whole(file, e))? {
        tally.format = Some(Format::IcewsTab);
        let columns =
            Columns::of(&names, Format::IcewsTab).map_err(|kind| ImportError::whole(file, kind))?;
        let mut rows = super::icews_lines::TabLines::new(text, file, columns.last(), &mut ticker);
        return read_rows(&mut rows, &columns, &progress, tally);
    }
    let mut rows = Rows::from_text(file, None, text, encoding, &mut ticker)?;
    let (raw, ()) = rows.find_header(|header| {
        let names = normalized(&header.names);
        is_icews(&names).then_some(())
    })?;
    let format = if rows.dialect().delimiter == b'\t' {
        Format::IcewsTab
    } else {
        Format::IcewsCsv
    };
    tally.format = Some(format);
    let columns = Columns::of(&raw.names, format).map_err(|kind| rows.error_at(None, kind))?;
    read_rows(&mut rows, &columns, &progress, tally)
}

/// The header's names when the text starts with an ICEWS `.tab` header line (consumed);
/// `None`, with nothing consumed, for anything else.
fn tab_header(text: &mut Box<dyn BufRead + '_>) -> Result<Option<Vec<String>>, ImportErrorKind> {
    let head = text
        .fill_buf()
        .map_err(|e| super::super::decode::read_error(&e))?;
    let Some(end) = memchr::memchr(b'\n', head) else {
        return Ok(None);
    };
    let line = &head[..end];
    if layout_of(line) != Some(Format::IcewsTab) {
        return Ok(None);
    }
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let names = String::from_utf8_lossy(line)
        .split('\t')
        .map(|name| name.trim().to_owned())
        .collect();
    text.consume(end + 1);
    Ok(Some(names))
}

/// What the reading of one file reports to the others.
struct Progress<'a> {
    counter: &'a std::sync::Arc<AtomicU64>,
    bytes: &'a AtomicU64,
    index: usize,
    pair: Option<Pair>,
}

impl Progress<'_> {
    fn report(&self, last_bytes: &mut u64) {
        let now = self.counter.load(std::sync::atomic::Ordering::Relaxed);
        self.bytes.fetch_add(
            now.saturating_sub(*last_bytes),
            std::sync::atomic::Ordering::Relaxed,
        );
        *last_bytes = now;
    }
}

/// The countries of ICEWS's names (as the file writes them), looked up once each.
#[derive(Default)]
struct CountryNames(rustc_hash::FxHashMap<Box<[u8]>, Option<CountryId>>);

impl CountryNames {
    fn country(&mut self, name: &[u8]) -> Option<CountryId> {
        if let Some(&known) = self.0.get(name) {
            return known;
        }
        let found = countries()
            .by_name(&super::super::decode::lenient_text(name))
            .map(|c| c.id);
        self.0.insert(name.into(), found);
        found
    }
}

/// Reads the rows after the header into `tally`.
#[expect(
    clippy::too_many_lines,
    reason = "one row's fields in column order, each with its error, then the actions kept"
)]
fn read_rows(
    rows: &mut impl EventRows,
    columns: &Columns,
    progress: &Progress<'_>,
    tally: &mut FileTally,
) -> Result<(), ImportError> {
    let mut names = CountryNames::default();
    let mut actions: HashMap<ActionKey, (CodedEvent, u32)> = HashMap::new();
    let mut last_bytes = 0;
    let missing = |n: &[u8]| n.is_empty() || n == b"NA";
    while rows.next_row()? {
        rows.tick()?;
        tally.rows += 1;
        if tally.rows.is_multiple_of(4096) {
            progress.report(&mut last_bytes);
        }
        let day_text = rows.text(columns.date)?;
        let day = PartialDate::parse(&day_text)
            .ok()
            .filter(|d| d.day.is_some())
            .ok_or_else(|| {
                rows.error(
                    columns.date,
                    ImportErrorKind::NotAPeriod {
                        column: columns.names[columns.date].clone(),
                        text: day_text.clone().into_owned(),
                    },
                )
            })?;
        if tally.last_year != Some(day.year) {
            tally.counts.year(day.year);
            tally.last_year = Some(day.year);
        }
        let from_name = rows.bytes(columns.source_country);
        let to_name = rows.bytes(columns.target_country);
        if missing(from_name) || missing(to_name) {
            tally.counts.skip("an actor with no country");
            continue;
        }
        let (Some(from), Some(to)) = (names.country(from_name), names.country(to_name)) else {
            for column in [columns.source_country, columns.target_country] {
                if names.country(rows.bytes(column)).is_none() {
                    tally
                        .counts
                        .unknown(&columns.names[column], &rows.text(column)?);
                }
            }
            continue;
        };
        tally.counts.pair(from, to, Some(day.year), 1);
        let Some(pair) = progress.pair.filter(|p| p.is(from, to)) else {
            continue;
        };
        let code_text = rows.text(columns.code)?;
        let Some(cameo) = cameo_code(&code_text) else {
            return Err(rows.error(
                columns.code,
                ImportErrorKind::NotANumber {
                    column: columns.names[columns.code].clone(),
                    text: code_text.into_owned(),
                    why: super::super::numbers::NotANumber::Text,
                },
            ));
        };
        let quad = cameo::root_of(&cameo)
            .and_then(Quad::of_root)
            .unwrap_or(Quad::VerbalCooperation);
        let score = rows
            .value(columns.intensity, &columns.names[columns.intensity])?
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
            rows.text(columns.source_name)?.into_owned(),
            rows.text(columns.target_name)?.into_owned(),
        ];
        let key = (day, actors[0].clone(), actors[1].clone(), cameo.clone());
        let line = rows.line();
        let event_id = rows.text(columns.id)?.into_owned();
        let published = match columns.publisher {
            Some(column) => {
                Some(rows.text(column)?.into_owned()).filter(|p| !missing(p.as_bytes()))
            }
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
                        file: progress.index,
                        line,
                    },
                    0,
                )
            })
            .1 += 1;
    }
    progress.report(&mut last_bytes);
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

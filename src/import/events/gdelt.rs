//! GDELT event files: the 2.0 exports (61 tab-separated columns, no header, one file every
//! 15 minutes since 2015, inside `.zip` files) and the 1.0 daily and historical files (57
//! columns; 58 with `SOURCEURL` from April 2013).
//!
//! Rows are read as bytes, without a CSV parser: GDELT never quotes a field, so a line is
//! a row and a tab ends a field. With a pair, a row is looked at only up to the second
//! actor's country code; rows of other countries are counted and passed over.
//!
//! The pair is told by `Actor1CountryCode` and `Actor2CountryCode`, CAMEO country codes,
//! which for states are ISO 3166 alpha-3 (`RUS`, `IRN`); the geography columns
//! (`ActionGeo_CountryCode`: `RS`, `IR`) are FIPS 10-4 and are not used: where an event
//! happened does not say who did it to whom.

use std::io::Read;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use memchr::memmem::Finder;

use crate::data::PartialDate;
use crate::data::country::{CodeScheme, CountryId, Pair, countries};

use super::super::detect::Format;
use super::super::error::{ImportError, ImportErrorKind, Position};
use super::FileTally;
use super::cameo::Quad;
use super::tally::CodedEvent;
#[cfg(test)]
use super::tally::PairTally;

/// Columns (0-based) both versions share.
const SQLDATE: usize = 1;
const ACTOR1_NAME: usize = 6;
const ACTOR1_COUNTRY: usize = 7;
const ACTOR2_NAME: usize = 16;
const ACTOR2_COUNTRY: usize = 17;
const EVENT_CODE: usize = 26;
const QUAD_CLASS: usize = 29;
const GOLDSTEIN: usize = 30;
const MENTIONS: usize = 31;
const SOURCES: usize = 32;
const ARTICLES: usize = 33;
const AVG_TONE: usize = 34;
/// The names of the columns read, for errors.
const NAMES: [(usize, &str); 11] = [
    (SQLDATE, "SQLDATE"),
    (ACTOR1_COUNTRY, "Actor1CountryCode"),
    (ACTOR2_COUNTRY, "Actor2CountryCode"),
    (EVENT_CODE, "EventCode"),
    (QUAD_CLASS, "QuadClass"),
    (GOLDSTEIN, "GoldsteinScale"),
    (MENTIONS, "NumMentions"),
    (SOURCES, "NumSources"),
    (ARTICLES, "NumArticles"),
    (AVG_TONE, "AvgTone"),
    (0, "GLOBALEVENTID"),
];
/// Rows between two looks at the cancel flag.
const ROWS_PER_CHECK: u64 = 16_384;
/// The read buffer.
const CHUNK_BYTES: usize = 1 << 20;

/// The GDELT layout a first line has: 61 fields for 2.0, 57 or 58 for 1.0, an event id
/// and an eight-digit `SQLDATE` first.
pub(crate) fn layout_of(first_line: &[u8]) -> Option<Format> {
    let line = first_line.strip_suffix(b"\r").unwrap_or(first_line);
    let fields = memchr::memchr_iter(b'\t', line).count() + 1;
    let format = match fields {
        61 => Format::Gdelt2,
        57 | 58 => Format::Gdelt1,
        _ => return None,
    };
    let mut parts = line.split(|b| *b == b'\t');
    let id = parts.next()?;
    let date = parts.next()?;
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    (digits(id) && date.len() == 8 && digits(date)).then_some(format)
}

/// Where a GDELT file's rows go and what they are checked against.
pub(crate) struct Reading<'a> {
    /// The file as the user named it, for errors.
    pub(crate) file: &'a str,
    /// The entry inside a `.zip`, for errors.
    pub(crate) entry: Option<&'a str>,
    /// The file's index among those read.
    pub(crate) index: usize,
    /// The pair kept (none: only counting).
    pub(crate) pair: Option<Pair>,
    /// Rows read, shared with the progress reporter.
    pub(crate) rows: &'a AtomicU64,
    /// Bytes read, shared with the progress reporter.
    pub(crate) bytes: &'a AtomicU64,
    /// Set to stop.
    pub(crate) cancel: &'a AtomicBool,
}

impl Reading<'_> {
    fn error(&self, line: u64, column: u64, kind: ImportErrorKind) -> ImportError {
        let position = match self.entry {
            Some(entry) => Position::ZipEntry {
                entry: entry.to_owned(),
                line,
                column,
            },
            None => Position::Text { line, column },
        };
        ImportError {
            file: self.file.to_owned(),
            position: Some(position),
            kind,
        }
    }
}

/// The countries of ISO alpha-3 codes, looked up once each.
#[derive(Default)]
pub(crate) struct CodeCache {
    known: std::collections::HashMap<[u8; 3], Option<CountryId>>,
}

impl CodeCache {
    pub(crate) fn country(&mut self, code: &[u8]) -> Option<CountryId> {
        let key: [u8; 3] = code.try_into().ok()?;
        *self.known.entry(key).or_insert_with(|| {
            let text = std::str::from_utf8(&key).ok()?;
            countries().by_code(CodeScheme::Iso3, text).map(|c| c.id)
        })
    }
}

/// The ISO alpha-3 codes of `pair`, as GDELT's actor country columns write them.
pub(crate) fn wanted_codes(pair: Option<Pair>) -> Option<[[u8; 3]; 2]> {
    pair.map(|pair| {
        pair.countries().map(|id| {
            countries()
                .get(id)
                .and_then(|c| c.iso3.as_bytes().try_into().ok())
                .unwrap_or(*b"???")
        })
    })
}

/// Reads the rows of a GDELT file of layout `format` from `reader` into `tally`.
pub(crate) fn read(
    mut reader: impl Read,
    format: Format,
    how: &Reading<'_>,
    codes: &mut CodeCache,
    tally: &mut FileTally,
) -> Result<(), ImportError> {
    let mut lines = Lines::new(format, how);
    let mut buffer = vec![0_u8; CHUNK_BYTES];
    let mut filled = 0;
    let mut ended = false;
    while !ended {
        let read = loop {
            match reader.read(&mut buffer[filled..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    return Err(ImportError::whole(
                        how.file,
                        super::super::decode::read_error(&e),
                    ));
                }
            }
        };
        how.bytes.fetch_add(read as u64, Ordering::Relaxed);
        filled += read;
        ended = read == 0;
        let start = lines.rows(&buffer[..filled], ended, codes, tally)?;
        if start == 0 && filled == buffer.len() {
            // A line longer than the buffer: GDELT's are under 4 kB; grow once or twice.
            if buffer.len() >= 64 * CHUNK_BYTES {
                return Err(how.error(
                    lines.line_number + 1,
                    1,
                    ImportErrorKind::Io("a line longer than 64 MB: not a GDELT file".into()),
                ));
            }
            buffer.resize(buffer.len() * 2, 0);
        } else {
            buffer.copy_within(start..filled, 0);
            filled -= start;
        }
    }
    Ok(())
}

/// Reads the rows of a whole GDELT file of layout `format` held in `bytes` into `tally`
/// (an inflated `.zip` entry): no copy, no buffer.
pub(crate) fn read_all(
    bytes: &[u8],
    format: Format,
    how: &Reading<'_>,
    codes: &mut CodeCache,
    tally: &mut FileTally,
) -> Result<(), ImportError> {
    Lines::new(format, how).rows(bytes, true, codes, tally)?;
    how.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
    Ok(())
}

/// Which of `needles` `block` holds fewer times (in its first 256 KiB).
fn rarer(needles: &[Finder<'_>; 2], block: &[u8]) -> usize {
    let sample = &block[..block.len().min(256 * 1024)];
    let [first, second] = needles.each_ref().map(|n| n.find_iter(sample).count());
    usize::from(second < first)
}

/// The lines of one file, read block by block.
struct Lines<'h, 'a> {
    format: Format,
    how: &'h Reading<'a>,
    /// The pair's two codes as GDELT writes them.
    wanted: Option<[[u8; 3]; 2]>,
    /// With a pair, `TAB code TAB` of each country: a row of the pair holds both.
    needles: Option<[Finder<'static>; 2]>,
    /// The one of `needles` looked for: the rarer in the first block.
    needle: Option<usize>,
    /// Two line ends with nothing or `\r` between: empty lines.
    blanks: [Finder<'static>; 2],
    /// The last line read.
    line_number: u64,
    /// Rows read and not yet added to the shared count.
    unreported: u64,
}

impl<'h, 'a> Lines<'h, 'a> {
    fn new(format: Format, how: &'h Reading<'a>) -> Self {
        let wanted = wanted_codes(how.pair);
        let needles = wanted.map(|codes| {
            codes.map(|code| Finder::new(&[b'\t', code[0], code[1], code[2], b'\t']).into_owned())
        });
        Self {
            format,
            how,
            wanted,
            needles,
            needle: None,
            blanks: [
                Finder::new(b"\n\n").into_owned(),
                Finder::new(b"\n\r\n").into_owned(),
            ],
            line_number: 0,
            unreported: 0,
        }
    }

    /// Reads the whole lines of `block` (with `ended`, the last one even without its line
    /// end); returns the bytes read.
    fn rows(
        &mut self,
        block: &[u8],
        ended: bool,
        codes: &mut CodeCache,
        tally: &mut FileTally,
    ) -> Result<usize, ImportError> {
        let end = if ended {
            block.len()
        } else {
            memchr::memrchr(b'\n', block).map_or(0, |n| n + 1)
        };
        let block = &block[..end];
        match self.needles.take() {
            Some(needles) => {
                let chosen = *self.needle.get_or_insert_with(|| rarer(&needles, block));
                let read = self.candidate_rows(block, &needles[chosen], codes, tally);
                self.needles = Some(needles);
                read?;
            }
            None => {
                for line in block.split_inclusive(|b| *b == b'\n') {
                    self.line(line, codes, tally)?;
                }
            }
        }
        self.report()?;
        Ok(end)
    }

    /// With a pair: only the lines holding the first country's code between two tabs are
    /// looked at (a row of the pair holds it as an actor's country); the lines between are
    /// counted.
    fn candidate_rows(
        &mut self,
        block: &[u8],
        needle: &Finder<'_>,
        codes: &mut CodeCache,
        tally: &mut FileTally,
    ) -> Result<(), ImportError> {
        let mut at = 0;
        for hit in needle.find_iter(block) {
            if hit < at {
                continue;
            }
            let start = memchr::memrchr(b'\n', &block[at..hit]).map_or(at, |n| at + n + 1);
            self.count(&block[at..start], tally);
            let end = memchr::memchr(b'\n', &block[hit..]).map_or(block.len(), |n| hit + n + 1);
            self.line(&block[start..end], codes, tally)?;
            at = end;
        }
        self.count(&block[at..], tally);
        Ok(())
    }

    /// Counts the lines of `lines` (whole lines) without reading them.
    fn count(&mut self, lines: &[u8], tally: &mut FileTally) {
        let (all, empty) = count_lines(lines, &self.blanks);
        self.line_number += all;
        tally.rows += all - empty;
        self.unreported += all - empty;
    }

    /// Reads one line (with its line end, if any).
    fn line(
        &mut self,
        line: &[u8],
        codes: &mut CodeCache,
        tally: &mut FileTally,
    ) -> Result<(), ImportError> {
        self.line_number += 1;
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            return Ok(());
        }
        tally.rows += 1;
        self.unreported += 1;
        if self.unreported >= ROWS_PER_CHECK {
            self.report()?;
        }
        row(
            line,
            self.line_number,
            self.format,
            self.wanted,
            self.how,
            codes,
            tally,
        )
    }

    /// Adds the rows read to the shared count; stops if cancelled.
    fn report(&mut self) -> Result<(), ImportError> {
        self.how.rows.fetch_add(self.unreported, Ordering::Relaxed);
        self.unreported = 0;
        if self.how.cancel.load(Ordering::Relaxed) {
            return Err(ImportError::whole(
                self.how.file,
                ImportErrorKind::Cancelled,
            ));
        }
        Ok(())
    }
}

/// The lines of `lines` (whole lines, the last perhaps without its line end) and how many
/// of them are empty (nothing, or only `\r`, before the line end).
/// `empty_lines` finds `\n\n` and `\n\r\n`.
fn count_lines(lines: &[u8], empty_lines: &[Finder<'_>; 2]) -> (u64, u64) {
    if lines.is_empty() {
        return (0, 0);
    }
    let ends = memchr::memchr_iter(b'\n', lines).count() as u64;
    let all = ends + u64::from(lines.last() != Some(&b'\n'));
    let mut empty = u64::from(matches!(lines, [b'\n', ..] | [b'\r', b'\n', ..] | [b'\r']));
    for finder in empty_lines {
        // Overlapping: three line ends in a row are two empty lines.
        let mut from = 0;
        while let Some(found) = finder.find(&lines[from..]) {
            empty += 1;
            from += found + 1;
        }
    }
    if lines.ends_with(b"\n\r") {
        empty += 1;
    }
    (all, empty)
}

/// The start of each field of `line` up to `upto` (exclusive of the bounds after it).
fn field_bounds<const N: usize>(line: &[u8]) -> ([usize; N], usize) {
    let mut starts = [0_usize; N];
    let mut found = 1;
    for tab in memchr::memchr_iter(b'\t', line) {
        if found == N {
            break;
        }
        starts[found] = tab + 1;
        found += 1;
    }
    (starts, found)
}

/// Field `index` of `line`, whose fields start at `starts` (only those found).
fn field<'l>(line: &'l [u8], starts: &[usize], index: usize) -> &'l [u8] {
    let Some(&start) = starts.get(index) else {
        return &[];
    };
    let end = starts
        .get(index + 1)
        .map_or(line.len(), |next| next.saturating_sub(1));
    line.get(start..end.max(start)).unwrap_or_default()
}

/// Reads one row (`line`, tab-separated), line `line_number` of its file.
#[expect(
    clippy::too_many_lines,
    reason = "one row's fields in column order, each with its error"
)]
pub(crate) fn row(
    line: &[u8],
    line_number: u64,
    format: Format,
    wanted: Option<[[u8; 3]; 2]>,
    how: &Reading<'_>,
    codes: &mut CodeCache,
    tally: &mut FileTally,
) -> Result<(), ImportError> {
    // With a pair, only the two actors' countries are looked at first.
    if let Some([a, b]) = wanted {
        let (starts, found) = field_bounds::<{ ACTOR2_COUNTRY + 2 }>(line);
        if found <= ACTOR2_COUNTRY {
            return Err(ragged(line, line_number, format, how));
        }
        let one = field(line, &starts[..found], ACTOR1_COUNTRY);
        let two = field(line, &starts[..found], ACTOR2_COUNTRY);
        let forward = one == a && two == b;
        if !(forward || (one == b && two == a)) {
            return Ok(());
        }
    }
    let (starts, found) = field_bounds::<61>(line);
    let expected = expected_width(format, found);
    if found != expected || memchr::memchr_iter(b'\t', line).count() + 1 != expected {
        return Err(ragged(line, line_number, format, how));
    }
    let starts = &starts[..found];
    let text = |index: usize| field(line, starts, index);
    let column = |index: usize| starts[index] as u64 + 1;
    let name = |index: usize| {
        NAMES
            .iter()
            .find(|(i, _)| *i == index)
            .map_or("?", |(_, n)| *n)
    };
    let number = |index: usize| -> Result<Option<f64>, ImportError> {
        let bytes = text(index);
        super::super::numbers::parse_value(bytes)
            .map(|value| value.map(|v| v.value))
            .map_err(|why| {
                how.error(
                    line_number,
                    column(index),
                    ImportErrorKind::NotANumber {
                        column: name(index).to_owned(),
                        text: String::from_utf8_lossy(bytes).into_owned(),
                        why,
                    },
                )
            })
    };
    let count = |index: usize| -> Result<u32, ImportError> {
        let value = number(index)?.unwrap_or(0.0);
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "GDELT's counts are whole numbers well inside u32"
        )]
        Ok(value.clamp(0.0, f64::from(u32::MAX)) as u32)
    };
    let date_bytes = text(SQLDATE);
    let date = parse_day(date_bytes).ok_or_else(|| {
        how.error(
            line_number,
            column(SQLDATE),
            ImportErrorKind::NotAPeriod {
                column: "SQLDATE".into(),
                text: String::from_utf8_lossy(date_bytes).into_owned(),
            },
        )
    })?;
    if tally.last_year != Some(date.year) {
        tally.counts.year(date.year);
        tally.last_year = Some(date.year);
    }
    let one = codes.country(text(ACTOR1_COUNTRY));
    let two = codes.country(text(ACTOR2_COUNTRY));
    let (Some(one), Some(two)) = (one, two) else {
        if wanted.is_none() && !(text(ACTOR1_COUNTRY).is_empty() || text(ACTOR2_COUNTRY).is_empty())
        {
            for index in [ACTOR1_COUNTRY, ACTOR2_COUNTRY] {
                if codes.country(text(index)).is_none() {
                    tally
                        .counts
                        .unknown(name(index), &String::from_utf8_lossy(text(index)));
                }
            }
        } else if wanted.is_none() {
            tally.counts.skip("an actor with no country");
        }
        return Ok(());
    };
    tally.counts.pair(one, two, Some(date.year), 1);
    let Some(pair) = how.pair else {
        return Ok(());
    };
    let direction = usize::from(one != pair.first);
    let quad_bytes = text(QUAD_CLASS);
    let Some(quad) = std::str::from_utf8(quad_bytes)
        .ok()
        .and_then(|t| t.parse().ok())
        .and_then(Quad::from_number)
    else {
        return Err(how.error(
            line_number,
            column(QUAD_CLASS),
            ImportErrorKind::NotANumber {
                column: "QuadClass".into(),
                text: String::from_utf8_lossy(quad_bytes).into_owned(),
                why: super::super::numbers::NotANumber::Text,
            },
        ));
    };
    let goldstein = number(GOLDSTEIN)?;
    let tone = number(AVG_TONE)?;
    let month = (date.year, date.month.unwrap_or(1));
    tally.pair.count(direction, month, quad, goldstein, tone);
    let lossy = |index: usize| String::from_utf8_lossy(text(index)).trim().to_owned();
    let url = (expected != 57)
        .then(|| lossy(expected - 1))
        .filter(|url| !url.is_empty());
    tally.pair.offer(CodedEvent {
        id: lossy(0),
        date,
        actors: [lossy(ACTOR1_NAME), lossy(ACTOR2_NAME)],
        countries: [one, two],
        code: lossy(EVENT_CODE),
        quad,
        goldstein,
        tone,
        mentions: count(MENTIONS)?,
        sources: count(SOURCES)?,
        articles: count(ARTICLES)?,
        url,
        publisher: None,
        file: how.index,
        line: line_number,
    });
    Ok(())
}

/// The fields a row of `format` must have; GDELT 1.0 rows have 57 or 58.
fn expected_width(format: Format, found: usize) -> usize {
    match format {
        Format::Gdelt1 if found == 57 => 57,
        Format::Gdelt1 => 58,
        _ => 61,
    }
}

fn ragged(line: &[u8], line_number: u64, format: Format, how: &Reading<'_>) -> ImportError {
    let found = memchr::memchr_iter(b'\t', line).count() + 1;
    how.error(
        line_number,
        1,
        ImportErrorKind::RaggedRow {
            expected: expected_width(format, found),
            found,
        },
    )
}

/// `20180326` as a day.
pub(crate) fn parse_day(bytes: &[u8]) -> Option<PartialDate> {
    if bytes.len() != 8 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let year: i32 = text[..4].parse().ok()?;
    let month: u8 = text[4..6].parse().ok()?;
    let day: u8 = text[6..].parse().ok()?;
    PartialDate::parse(&format!("{year:04}-{month:02}-{day:02}")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines `(all, empty)` of `text`, one at a time.
    fn count_lines_one_by_one(text: &[u8]) -> (u64, u64) {
        let lines: Vec<&[u8]> = text.split_inclusive(|b| *b == b'\n').collect();
        let empty = lines
            .iter()
            .filter(|line| matches!(line, [] | [b'\n' | b'\r'] | [b'\r', b'\n']))
            .count();
        (lines.len() as u64, empty as u64)
    }

    #[test]
    fn lines_and_empty_lines_are_counted_as_one_at_a_time() {
        for text in [
            &b""[..],
            b"\n",
            b"\r",
            b"\r\n",
            b"a\n\n\n",
            b"\n\r\n\r\na\r\n\n",
            b"a\r\n\r",
            b"a\nb\r\n\r\r\n\nc",
            b"\n\nab\n\r\n\n\r",
        ] {
            let empty_lines = [Finder::new(b"\n\n"), Finder::new(b"\n\r\n")];
            assert_eq!(
                count_lines(text, &empty_lines),
                count_lines_one_by_one(text),
                "{:?}",
                String::from_utf8_lossy(text)
            );
        }
    }

    /// What the rows of `text`, fed `block` bytes at a time, leave in a tally, read with
    /// the look for the code of the pair's country `needle`, or without (`None`).
    fn tally_of(text: &[u8], block: usize, needle: Option<usize>) -> (u64, PairTally, u64) {
        let (rows, bytes) = (AtomicU64::new(0), AtomicU64::new(0));
        let cancel = AtomicBool::new(false);
        let how = Reading {
            file: "t",
            entry: None,
            index: 0,
            pair: Pair::parse("RUS,USA").ok(),
            rows: &rows,
            bytes: &bytes,
            cancel: &cancel,
        };
        let mut lines = Lines::new(Format::Gdelt2, &how);
        assert!(lines.needles.is_some());
        match needle {
            Some(needle) => lines.needle = Some(needle),
            None => lines.needles = None,
        }
        let mut tally = FileTally {
            pair: PairTally::new(50),
            ..FileTally::default()
        };
        let mut codes = CodeCache::default();
        let mut pending = Vec::new();
        for piece in text.chunks(block) {
            pending.extend_from_slice(piece);
            let read = lines
                .rows(&pending, false, &mut codes, &mut tally)
                .expect("reads");
            pending.drain(..read);
        }
        lines
            .rows(&pending, true, &mut codes, &mut tally)
            .expect("reads");
        (tally.rows, tally.pair, lines.line_number)
    }

    #[test]
    fn the_look_for_the_pairs_code_keeps_every_row_and_line_number_of_the_pair() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/relations/events/gdelt2_20180326044500_excerpt.export.CSV");
        let text = std::fs::read(path).expect("fixture");
        // Empty lines, CRLF line ends and no line end at the end, among the real rows.
        let mut mixed = Vec::new();
        for (n, line) in text.split_inclusive(|b| *b == b'\n').enumerate() {
            match n % 4 {
                0 => mixed.extend_from_slice(b"\n"),
                1 => mixed.extend_from_slice(b"\r\n"),
                _ => {}
            }
            if n % 3 == 0 {
                mixed.extend_from_slice(line.strip_suffix(b"\n").unwrap_or(line));
                mixed.extend_from_slice(b"\r\n");
            } else {
                mixed.extend_from_slice(line);
            }
        }
        let mixed = mixed.strip_suffix(b"\n").unwrap_or(&mixed).to_vec();
        for block in [1 << 20, 4096, 333] {
            let every_line = tally_of(&mixed, block, None);
            // 28 rows; 12 of them between the United States and Russia (awk on the file).
            assert_eq!(every_line.0, 28);
            assert_eq!(every_line.1.events(), 12);
            for needle in [0, 1] {
                let filtered = tally_of(&mixed, block, Some(needle));
                assert_eq!(filtered, every_line, "blocks of {block}, code {needle}");
            }
        }
    }

    #[test]
    fn the_first_line_tells_the_version() {
        let mut v2 = vec!["741917022", "20170326"];
        v2.extend(std::iter::repeat_n("", 59));
        assert_eq!(layout_of(v2.join("\t").as_bytes()), Some(Format::Gdelt2));
        let mut v1 = vec!["1", "19790101"];
        v1.extend(std::iter::repeat_n("", 55));
        assert_eq!(layout_of(v1.join("\t").as_bytes()), Some(Format::Gdelt1));
        v1.push("");
        assert_eq!(layout_of(v1.join("\t").as_bytes()), Some(Format::Gdelt1));
        v1[1] = "1979";
        assert_eq!(layout_of(v1.join("\t").as_bytes()), None);
        assert_eq!(parse_day(b"20180230"), None);
        assert_eq!(
            parse_day(b"20180326").map(|d| d.to_string()),
            Some("2018-03-26".into())
        );
    }
}

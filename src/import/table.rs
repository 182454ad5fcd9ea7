//! Rows of a table, from a CSV/TSV stream or a spreadsheet sheet, as byte records that
//! every format reader walks the same way, each field with its place in the file.

use std::borrow::Cow;
use std::io::{BufRead, Read};

use calamine::{Data, Range};
use csv::ByteRecord;

use super::decode::{BUFFER_BYTES, TextEncoding, lenient_text, read_error};
use super::detect::{Format, Header, detect};
use super::error::{ImportError, ImportErrorKind, Position};
use super::numbers::{Commas, Period, Value, parse_period, parse_value_with};
use super::progress::Ticker;
use super::row_bound::{LONGEST_ROW_BYTES, RowBound, RowMark, is_row_too_long};

/// Rows read before giving up on finding a header.
const HEADER_SEARCH_ROWS: usize = 15;

enum Source<'r> {
    Csv(csv::Reader<Box<dyn Read + 'r>>),
    Sheet {
        name: String,
        range: Range<Data>,
        next: usize,
    },
    /// Rows another reader hands over (a Parquet file's), each with its own place.
    Records(Box<dyn RecordSource + 'r>),
}

/// Rows that a reader of another kind of file turns into fields of text, one at a time.
pub(crate) trait RecordSource {
    /// Fills `record` with the next row (the first is the header); false at the end.
    fn next_record(&mut self, record: &mut ByteRecord) -> Result<bool, ImportError>;
    /// Where field `index` of the row last read is.
    fn position(&self, index: usize) -> Position;
    /// The file the row last read came from, when it is not the table's own (a part file of
    /// a folder read as one table).
    fn file(&self) -> Option<String> {
        None
    }
}

/// A table being read row by row.
pub(crate) struct Rows<'r, 'a> {
    file: String,
    entry: Option<String>,
    source: Source<'r>,
    record: ByteRecord,
    strict_utf8: bool,
    quoted: bool,
    delimiter: u8,
    line_offset: u64,
    /// For a block of lines picked out of the file ([`super::prefilter`]): the file line of
    /// each line of the text, which replaces `line_offset`.
    file_lines: Option<&'r [u64]>,
    sheet_row: usize,
    /// Counts rows, reports progress, checks for cancel.
    pub(crate) ticker: &'r mut Ticker<'a>,
    /// Rows above the header (titles such as a DOTS table's reporter and unit).
    pub(crate) preamble: Vec<String>,
    /// The header's names, once found: a later row equal to it is passed over.
    header: Option<Vec<String>>,
    /// The file lines of the rows passed over as a repeated header.
    repeated_headers: Vec<u64>,
    /// Marks each row's end for the bound on a row's length, for a streamed text table.
    row_mark: Option<RowMark>,
}

impl<'r, 'a> Rows<'r, 'a> {
    /// Rows of a text table; the delimiter (comma, tab or semicolon) is detected.
    pub(crate) fn from_text(
        file: &str,
        entry: Option<String>,
        mut reader: Box<dyn BufRead + 'r>,
        encoding: TextEncoding,
        ticker: &'r mut Ticker<'a>,
    ) -> Result<Self, ImportError> {
        let head = reader
            .fill_buf()
            .map_err(|e| ImportError::whole(file, read_error(&e)))?;
        let first_line = head.split(|b| *b == b'\n').next().unwrap_or(head);
        let count = |byte: u8| memchr::memchr_iter(byte, first_line).count();
        let delimiter = [b',', b'\t', b';']
            .into_iter()
            .max_by_key(|d| (count(*d), *d == b','))
            .unwrap_or(b',');
        let quoted = head
            .split(|b| *b == b'\n')
            .skip(1)
            .take(4)
            .any(|line| line.first() == Some(&b'"'));
        let (bounded, row_mark) = RowBound::new(reader, BUFFER_BYTES);
        let csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .buffer_capacity(BUFFER_BYTES)
            .from_reader(Box::new(bounded) as Box<dyn Read + 'r>);
        Ok(Self {
            file: file.to_owned(),
            entry,
            source: Source::Csv(csv),
            record: ByteRecord::new(),
            strict_utf8: encoding == TextEncoding::Utf8Bom,
            quoted,
            delimiter,
            line_offset: 0,
            file_lines: None,
            sheet_row: 0,
            ticker,
            preamble: Vec::new(),
            header: None,
            repeated_headers: Vec::new(),
            row_mark: Some(row_mark),
        })
    }

    /// Rows of a spreadsheet sheet.
    pub(crate) fn from_sheet(
        file: &str,
        name: &str,
        range: Range<Data>,
        ticker: &'r mut Ticker<'a>,
    ) -> Self {
        Self {
            file: file.to_owned(),
            entry: None,
            source: Source::Sheet {
                name: name.to_owned(),
                range,
                next: 0,
            },
            record: ByteRecord::new(),
            strict_utf8: true,
            quoted: false,
            delimiter: b',',
            line_offset: 0,
            file_lines: None,
            sheet_row: 0,
            ticker,
            preamble: Vec::new(),
            header: None,
            repeated_headers: Vec::new(),
            row_mark: None,
        }
    }

    /// Rows handed over by `source`, whose first row is the header.
    pub(crate) fn from_records(
        file: &str,
        source: Box<dyn RecordSource + 'r>,
        ticker: &'r mut Ticker<'a>,
    ) -> Self {
        Self {
            file: file.to_owned(),
            entry: None,
            source: Source::Records(source),
            record: ByteRecord::new(),
            strict_utf8: false,
            quoted: false,
            delimiter: b',',
            line_offset: 0,
            file_lines: None,
            sheet_row: 0,
            ticker,
            preamble: Vec::new(),
            header: None,
            repeated_headers: Vec::new(),
            row_mark: None,
        }
    }

    /// Rows of one block of a text table cut at a line end, parsed on a worker thread with
    /// the dialect of `like`; `first_line` is the file line of the block's first row.
    pub(crate) fn from_block(
        like: &TextDialect,
        bytes: &'r [u8],
        first_line: u64,
        ticker: &'r mut Ticker<'a>,
    ) -> Self {
        let csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(like.delimiter)
            .buffer_capacity(64 * 1024)
            .from_reader(Box::new(bytes) as Box<dyn Read + 'r>);
        Self {
            file: like.file.clone(),
            entry: like.entry.clone(),
            source: Source::Csv(csv),
            record: ByteRecord::new(),
            strict_utf8: like.strict_utf8,
            quoted: like.quoted,
            delimiter: like.delimiter,
            line_offset: first_line.saturating_sub(1),
            file_lines: None,
            sheet_row: 0,
            ticker,
            preamble: Vec::new(),
            header: None,
            repeated_headers: Vec::new(),
            row_mark: None,
        }
    }

    /// Rows of lines picked out of a block of a text table ([`super::prefilter`]), each
    /// a whole row: line `n` of `bytes` (from 1) is line `file_lines[n - 1]` of the file.
    pub(crate) fn from_picked_lines(
        like: &TextDialect,
        bytes: &'r [u8],
        file_lines: &'r [u64],
        ticker: &'r mut Ticker<'a>,
    ) -> Self {
        let mut rows = Self::from_block(like, bytes, 1, ticker);
        rows.file_lines = Some(file_lines);
        rows
    }

    /// The file line of line `line` of the text this reads.
    fn file_line(&self, line: u64) -> u64 {
        match self.file_lines {
            Some(lines) => usize::try_from(line.saturating_sub(1))
                .ok()
                .and_then(|index| lines.get(index).or(lines.last()))
                .copied()
                .unwrap_or(line),
            None => line + self.line_offset,
        }
    }

    /// What a worker needs to parse blocks of this text table the same way.
    pub(crate) fn dialect(&self) -> TextDialect {
        TextDialect {
            file: self.file.clone(),
            entry: self.entry.clone(),
            delimiter: self.delimiter,
            quoted: self.quoted,
            strict_utf8: self.strict_utf8,
        }
    }

    /// The byte offset, in the text, where the next row starts (for text tables).
    pub(crate) fn next_row_byte(&self) -> Option<u64> {
        match &self.source {
            Source::Csv(reader) => Some(reader.position().byte()),
            Source::Sheet { .. } | Source::Records(_) => None,
        }
    }

    /// The file line of the row last read (for text tables).
    pub(crate) fn line(&self) -> u64 {
        self.file_line(self.record.position().map_or(0, csv::Position::line))
    }

    /// The current row.
    pub(crate) fn record(&self) -> &ByteRecord {
        &self.record
    }

    /// Whether this is a spreadsheet sheet, and its name.
    pub(crate) fn sheet_name(&self) -> Option<&str> {
        match &self.source {
            Source::Sheet { name, .. } => Some(name),
            Source::Csv(_) | Source::Records(_) => None,
        }
    }

    /// Reads the next row; false at the end. Spreadsheet rows that are wholly empty are
    /// skipped, and so is a text row equal to the header (two downloads joined with `cat`:
    /// the second file's header is not data); [`Self::repeated_headers`] lists them.
    pub(crate) fn next_row(&mut self) -> Result<bool, ImportError> {
        loop {
            let more = self.next_any_row()?;
            if more && self.is_header_again() {
                self.repeated_headers.push(self.line());
                continue;
            }
            return Ok(more);
        }
    }

    /// Passes over rows equal to `header` from now on (for blocks of a table whose header
    /// was found by another reader).
    pub(crate) fn expect_header(&mut self, header: &Header) {
        self.header = Some(header.names.clone());
    }

    /// The file lines of rows passed over because they repeat the header.
    pub(crate) fn repeated_headers(&self) -> &[u64] {
        &self.repeated_headers
    }

    fn is_header_again(&self) -> bool {
        let (Some(names), Source::Csv(_)) = (&self.header, &self.source) else {
            return false;
        };
        let first = self.field(0).trim_ascii();
        let first = first.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(first);
        names.first().is_some_and(|name| name.as_bytes() == first)
            && names.len() >= 2
            && (0..self.record.len().max(names.len())).skip(1).all(|i| {
                names.get(i).map_or("", String::as_str).as_bytes() == self.field(i).trim_ascii()
            })
    }

    fn next_any_row(&mut self) -> Result<bool, ImportError> {
        match &mut self.source {
            Source::Records(source) => source.next_record(&mut self.record),
            Source::Csv(reader) => match reader.read_byte_record(&mut self.record) {
                Ok(more) => {
                    if let Some(mark) = &self.row_mark {
                        mark.row_ended();
                    }
                    if more
                        && self.strict_utf8
                        && std::str::from_utf8(self.record.as_slice()).is_err()
                    {
                        let index = (0..self.record.len())
                            .find(|i| std::str::from_utf8(self.field(*i)).is_err())
                            .unwrap_or(0);
                        let bytes = self.field(index);
                        let valid =
                            std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| 0);
                        return Err(self.error(
                            index,
                            ImportErrorKind::WrongEncoding(format!(
                                "the file starts with a UTF-8 byte-order mark but byte {} of this field is not UTF-8 (is it Windows-1252?)",
                                valid + 1
                            )),
                        ));
                    }
                    Ok(more)
                }
                Err(error) => {
                    let position = error.position().map(|p| Position::Text {
                        line: self.file_line(p.line()),
                        column: 1,
                    });
                    let kind = match error.into_kind() {
                        csv::ErrorKind::Io(io) if is_row_too_long(&io) => {
                            let line = self.line() + 1;
                            return Err(self.error_at(
                                Some(Position::Text { line, column: 1 }),
                                ImportErrorKind::TooLarge {
                                    what: format!("the row from line {line}"),
                                    limit: format!("{} MiB in one row", LONGEST_ROW_BYTES >> 20),
                                    advice: ": a quoted field that does not end, or a file that is not a table?",
                                },
                            ));
                        }
                        csv::ErrorKind::Io(io) => read_error(&io),
                        other => ImportErrorKind::Csv(format!("{other:?}")),
                    };
                    Err(self.error_at(position, kind))
                }
            },
            Source::Sheet { name, range, next } => {
                let (height, width) = range.get_size();
                while *next < height {
                    let row = *next;
                    *next += 1;
                    self.record.clear();
                    let mut any = false;
                    for column in 0..width {
                        let cell = range.get((row, column)).unwrap_or(&Data::Empty);
                        let text: Cow<str> = match cell {
                            Data::Empty => Cow::Borrowed(""),
                            Data::String(s) => Cow::Borrowed(s.as_str()),
                            Data::Float(f) => Cow::Owned(f.to_string()),
                            Data::Int(i) => Cow::Owned(i.to_string()),
                            Data::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
                            Data::DateTime(d) => Cow::Owned(d.as_f64().to_string()),
                            Data::DateTimeIso(s) | Data::DurationIso(s) => {
                                Cow::Borrowed(s.as_str())
                            }
                            Data::Error(error) => {
                                let (start_row, start_column) = range.start().unwrap_or((0, 0));
                                return Err(ImportError {
                                    file: self.file.clone(),
                                    position: Some(Position::Cell {
                                        sheet: name.clone(),
                                        row: start_row + u32::try_from(row).unwrap_or(0),
                                        column: start_column + u32::try_from(column).unwrap_or(0),
                                    }),
                                    kind: ImportErrorKind::FormulaError(format!("{error}")),
                                });
                            }
                        };
                        any |= !text.trim().is_empty();
                        self.record.push_field(text.as_bytes());
                    }
                    if any {
                        self.sheet_row = row;
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    /// Reads rows until one is a header `recognise` knows; the rows above are kept as the
    /// preamble. Errors when the table is empty or no header is found.
    pub(crate) fn find_header<T>(
        &mut self,
        recognise: impl Fn(&Header) -> Option<T>,
    ) -> Result<(Header, T), ImportError> {
        let mut first_row: Option<String> = None;
        for _ in 0..HEADER_SEARCH_ROWS {
            if !self.next_row()? {
                break;
            }
            let names: Vec<String> = (0..self.record.len())
                .map(|i| lenient_text(self.field(i)).trim().to_owned())
                .collect();
            let header = Header::new(names);
            if let Some(found) = recognise(&header) {
                self.header = Some(header.names.clone());
                return Ok((header, found));
            }
            let line = header.names.join(",");
            self.preamble.push(line.clone());
            first_row.get_or_insert(line);
        }
        let kind = match first_row {
            None => ImportErrorKind::Empty("no rows at all"),
            Some(row) => ImportErrorKind::UnknownLayout {
                first_row: shorten(&row, 160),
                known: Format::known_list(),
            },
        };
        Err(self.error_at(Some(self.start_position()), kind))
    }

    /// Finds the header of any layout Bilateral reads.
    pub(crate) fn find_trade_header(&mut self) -> Result<(Header, Format), ImportError> {
        let in_sheet = self.sheet_name().is_some();
        self.find_header(|header| detect(header, in_sheet))
    }

    /// The bytes of field `index`, empty when the row is shorter.
    #[inline]
    pub(crate) fn field(&self, index: usize) -> &[u8] {
        self.record.get(index).unwrap_or(b"")
    }

    /// The text of field `index`, trimmed.
    pub(crate) fn text(&self, index: usize) -> Result<Cow<'_, str>, ImportError> {
        let bytes = self.field(index).trim_ascii();
        if self.strict_utf8 {
            std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| {
                self.error(
                    index,
                    ImportErrorKind::WrongEncoding(format!(
                        "the file starts with a UTF-8 byte-order mark but byte {} of this field is not UTF-8",
                        e.valid_up_to() + 1
                    )),
                )
            })
        } else {
            Ok(lenient_text(bytes))
        }
    }

    /// The value of field `index`, as [`super::numbers`] reads values; `None` when empty or
    /// a placeholder. In a text table separated by `;` a comma in a value is refused: such
    /// tables come from spreadsheets that write decimal commas.
    pub(crate) fn value(&self, index: usize, column: &str) -> Result<Option<Value>, ImportError> {
        let commas = match self.source {
            Source::Csv(_) if self.delimiter == b';' => Commas::Refused,
            _ => Commas::Thousands,
        };
        parse_value_with(self.field(index), commas).map_err(|why| {
            self.error(
                index,
                ImportErrorKind::NotANumber {
                    column: column.to_owned(),
                    text: shorten(lenient_text(self.field(index)).trim(), 40),
                    why,
                },
            )
        })
    }

    /// The value of field `index` in US dollars, `usd_per_unit` dollars to each unit the
    /// file writes; a value that overflows on the way (`1e305` thousands) is an error at
    /// the field, never an infinity written as `null`.
    pub(crate) fn value_in(
        &self,
        index: usize,
        column: &str,
        usd_per_unit: f64,
    ) -> Result<Option<Value>, ImportError> {
        let Some(mut value) = self.value(index, column)? else {
            return Ok(None);
        };
        value.value *= usd_per_unit;
        if value.value.is_finite() {
            Ok(Some(value))
        } else {
            Err(self.error(
                index,
                ImportErrorKind::NotANumber {
                    column: column.to_owned(),
                    text: shorten(lenient_text(self.field(index)).trim(), 40),
                    why: super::numbers::NotANumber::OutOfRange,
                },
            ))
        }
    }

    /// The period of field `index`.
    pub(crate) fn period(&self, index: usize, column: &str) -> Result<Period, ImportError> {
        parse_period(self.field(index)).ok_or_else(|| {
            self.error(
                index,
                ImportErrorKind::NotAPeriod {
                    column: column.to_owned(),
                    text: shorten(&lenient_text(self.field(index)), 40),
                },
            )
        })
    }

    /// Errors when the row does not have the header's fields (one empty field more, from a
    /// trailing comma, is fine; so is leaving off the header's own empty trailing names).
    pub(crate) fn check_width(&self, header: &Header) -> Result<(), ImportError> {
        let found = self.record.len();
        let named = header.names.len();
        let fits = found == named
            || (found == named + 1 && self.field(named).is_empty())
            || (found < named && found >= header.width());
        if fits {
            Ok(())
        } else {
            Err(self.error(
                found.min(named).saturating_sub(1),
                ImportErrorKind::RaggedRow {
                    expected: header.width(),
                    found,
                },
            ))
        }
    }

    /// An error at field `index` of the current row.
    pub(crate) fn error(&self, index: usize, kind: ImportErrorKind) -> ImportError {
        let position = match &self.source {
            Source::Csv(_) => {
                let line = self.line();
                let quotes = if self.quoted { 2 } else { 0 };
                let column: usize = 1
                    + (0..index.min(self.record.len()))
                        .map(|i| self.field(i).len() + 1 + quotes)
                        .sum::<usize>();
                Some(Position::Text {
                    line,
                    column: column as u64,
                })
            }
            Source::Sheet { name, range, .. } => {
                let (start_row, start_column) = range.start().unwrap_or((0, 0));
                Some(Position::Cell {
                    sheet: name.clone(),
                    row: start_row + u32::try_from(self.sheet_row).unwrap_or(0),
                    column: start_column + u32::try_from(index).unwrap_or(0),
                })
            }
            Source::Records(source) => Some(source.position(index)),
        };
        self.error_at(position, kind)
    }

    fn start_position(&self) -> Position {
        match &self.source {
            Source::Csv(_) => Position::Text { line: 1, column: 1 },
            Source::Sheet { name, .. } => Position::Cell {
                sheet: name.clone(),
                row: 0,
                column: 0,
            },
            Source::Records(source) => source.position(0),
        }
    }

    /// The columns `names` of `header`, in order; the first that the layout needs and the
    /// header lacks is an error at the header row.
    pub(crate) fn columns<const N: usize>(
        &self,
        header: &Header,
        format: Format,
        names: [&'static str; N],
    ) -> Result<[usize; N], ImportError> {
        let mut found = [0; N];
        for (column, name) in found.iter_mut().zip(names) {
            *column = header
                .require(format, name)
                .map_err(|kind| self.error_at(None, kind))?;
        }
        Ok(found)
    }

    /// An error at `position`, placed inside the zip entry when the table is one.
    pub(crate) fn error_at(
        &self,
        position: Option<Position>,
        kind: ImportErrorKind,
    ) -> ImportError {
        let position = match (&self.entry, position) {
            (Some(entry), Some(Position::Text { line, column })) => Some(Position::ZipEntry {
                entry: entry.clone(),
                line,
                column,
            }),
            (_, position) => position,
        };
        let file = match &self.source {
            Source::Records(source) => source.file(),
            _ => None,
        };
        ImportError {
            file: file.unwrap_or_else(|| self.file.clone()),
            position,
            kind,
        }
    }

    /// Counts the current row for progress; errors when cancelled.
    #[inline]
    pub(crate) fn tick(&mut self) -> Result<(), ImportError> {
        self.ticker
            .row()
            .map_err(|kind| ImportError::whole(&self.file, kind))
    }
}

/// How a text table is written, for parsing blocks of it on other threads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextDialect {
    /// The file's name.
    pub(crate) file: String,
    /// The zip entry, when the table is one.
    pub(crate) entry: Option<String>,
    /// The field separator.
    pub(crate) delimiter: u8,
    /// Whether data fields are quoted (for error columns).
    pub(crate) quoted: bool,
    /// Whether bytes that are not UTF-8 are an error.
    pub(crate) strict_utf8: bool,
}

/// `text`, cut to `at_most` characters with an ellipsis and its length, control characters
/// escaped ([`crate::display::safe_text::quote`]).
pub(crate) fn shorten(text: &str, at_most: usize) -> String {
    crate::display::safe_text::quote(text, at_most)
}

//! The rows of ICEWS's published `.tab` files read as lines and tabs, without a CSV parser:
//! those files never quote a field, so a line is a row and a tab ends a field (as GDELT is
//! read). A profile of a year's file put 43 % of the time in the CSV reader before.
//! Re-exported CSVs, and `.tab` files whose first line is not the header, are read by the
//! table reader ([`super::super::table::Rows`]) instead.

use std::borrow::Cow;
use std::io::{BufRead, Read as _};

use super::super::decode::{lenient_text, read_error};
use super::super::error::{ImportError, ImportErrorKind, Position};
use super::super::numbers::{Commas, Value, parse_value_with};
use super::super::progress::Ticker;
use super::super::row_bound::LONGEST_ROW_BYTES;
use super::super::table::shorten;
use super::icews::EventRows;

/// The rows of a `.tab` file after its header line.
pub(crate) struct TabLines<'t, 'p, R> {
    reader: R,
    file: String,
    /// The current row's bytes, without its line end.
    row: Vec<u8>,
    /// Where each field of the current row starts and ends in `row`.
    fields: Vec<(usize, usize)>,
    /// The file line of the current row.
    line: u64,
    /// The last field read (0-based): the ones after it are not split out.
    last_field: usize,
    ticker: &'p mut Ticker<'t>,
}

impl<'t, 'p, R: BufRead> TabLines<'t, 'p, R> {
    /// The rows of `reader`, whose header line has been read (the next line is line 2),
    /// split into fields up to field `last_field` (0-based).
    pub(crate) fn new(
        reader: R,
        file: &str,
        last_field: usize,
        ticker: &'p mut Ticker<'t>,
    ) -> Self {
        Self {
            reader,
            file: file.to_owned(),
            row: Vec::new(),
            fields: Vec::new(),
            line: 1,
            last_field,
            ticker,
        }
    }

    fn field(&self, index: usize) -> &[u8] {
        self.fields
            .get(index)
            .map_or(&[][..], |&(start, end)| &self.row[start..end])
    }
}

impl<R: BufRead> EventRows for TabLines<'_, '_, R> {
    fn next_row(&mut self) -> Result<bool, ImportError> {
        loop {
            self.row.clear();
            let read = std::io::Read::by_ref(&mut self.reader)
                .take(LONGEST_ROW_BYTES + 1)
                .read_until(b'\n', &mut self.row)
                .map_err(|e| ImportError::whole(&self.file, read_error(&e)))?;
            if read == 0 {
                return Ok(false);
            }
            self.line += 1;
            if self.row.len() as u64 > LONGEST_ROW_BYTES {
                let line = self.line;
                return Err(self.error_at(
                    1,
                    ImportErrorKind::TooLarge {
                        what: format!("the row from line {line}"),
                        limit: format!("{} MiB in one row", LONGEST_ROW_BYTES >> 20),
                        advice: ": a file that is not a table?",
                    },
                ));
            }
            while matches!(self.row.last(), Some(b'\n' | b'\r')) {
                self.row.pop();
            }
            if self.row.is_empty() {
                continue;
            }
            self.fields.clear();
            let mut start = 0;
            for tab in memchr::memchr_iter(b'\t', &self.row) {
                self.fields.push((start, tab));
                start = tab + 1;
                if self.fields.len() > self.last_field {
                    return Ok(true);
                }
            }
            self.fields.push((start, self.row.len()));
            return Ok(true);
        }
    }

    fn tick(&mut self) -> Result<(), ImportError> {
        self.ticker
            .row()
            .map_err(|kind| ImportError::whole(&self.file, kind))
    }

    fn text(&self, index: usize) -> Result<Cow<'_, str>, ImportError> {
        Ok(lenient_text(self.field(index).trim_ascii()))
    }

    fn bytes(&self, index: usize) -> &[u8] {
        self.field(index).trim_ascii()
    }

    fn value(&self, index: usize, column: &str) -> Result<Option<Value>, ImportError> {
        parse_value_with(self.field(index), Commas::Thousands).map_err(|why| {
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

    fn error(&self, index: usize, kind: ImportErrorKind) -> ImportError {
        let column = self
            .fields
            .get(index)
            .map_or(self.row.len(), |&(start, _)| start);
        self.error_at(column as u64 + 1, kind)
    }

    fn line(&self) -> u64 {
        self.line
    }
}

impl<R> TabLines<'_, '_, R> {
    fn error_at(&self, column: u64, kind: ImportErrorKind) -> ImportError {
        ImportError {
            file: self.file.clone(),
            position: Some(Position::Text {
                line: self.line,
                column,
            }),
            kind,
        }
    }
}

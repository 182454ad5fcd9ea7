//! Errors from reading a trade file: each says where (line and column, or sheet and cell)
//! and what was expected.

use std::fmt;

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Position {
    /// A line and column (in characters, counting from 1) of a text table.
    Text {
        /// Line, from 1.
        line: u64,
        /// Column, from 1.
        column: u64,
    },
    /// A cell of a spreadsheet, such as `Sheet1!C7`.
    Cell {
        /// The sheet's name.
        sheet: String,
        /// Row, from 0.
        row: u32,
        /// Column, from 0.
        column: u32,
    },
    /// A row and column of a Parquet file: the row counted from 1 over the whole file, its
    /// row group from 1, the column by name.
    Row {
        /// The row group, from 1.
        group: usize,
        /// The row, from 1.
        row: u64,
        /// The column's name.
        column: String,
    },
    /// An entry inside a `.zip`, with a line and column in it.
    ZipEntry {
        /// The entry's name.
        entry: String,
        /// Line, from 1.
        line: u64,
        /// Column, from 1.
        column: u64,
    },
}

/// `A`, `Z`, `AA`: a spreadsheet column letter from a 0-based index.
pub(crate) fn column_letters(column: u32) -> String {
    let mut letters = Vec::new();
    let mut n = u64::from(column) + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rest).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// One thing wrong with a trade file.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportError {
    /// The file as the user named it.
    pub(crate) file: String,
    /// Where, when the problem has a place.
    pub(crate) position: Option<Position>,
    /// What is wrong.
    pub(crate) kind: ImportErrorKind,
}

impl ImportError {
    /// An error about the whole file.
    pub(crate) fn whole(file: &str, kind: ImportErrorKind) -> Self {
        Self {
            file: file.to_owned(),
            position: None,
            kind,
        }
    }
}

impl std::error::Error for ImportError {}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = &self.file;
        let kind = &self.kind;
        let args = match &self.position {
            None => format!("{file}: {kind}"),
            Some(Position::Text { line, column }) => format!("{file}:{line}:{column}: {kind}"),
            Some(Position::Cell { sheet, row, column }) => format!(
                "{file}:{sheet}!{}{}: {kind}",
                column_letters(*column),
                row + 1,
            ),
            Some(Position::ZipEntry {
                entry,
                line,
                column,
            }) => format!("{file}:{entry}:{line}:{column}: {kind}"),
            Some(Position::Row { group, row, column }) => {
                let message = kind.to_string();
                if column.is_empty() || message.starts_with(&format!("`{column}`")) {
                    format!("{file}: row {row} (row group {group}): {message}")
                } else {
                    format!("{file}: row {row} (row group {group}), column `{column}`: {message}")
                }
            }
        };
        crate::display::safe_text::write_safe(f, format_args!("{args}"))
    }
}

/// What is wrong with a trade file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportErrorKind {
    /// The file could not be opened or read.
    #[error("could not read the file: {0}")]
    Io(String),
    /// The file has no bytes, or no rows after its header.
    #[error("the file is empty: {0}")]
    Empty(&'static str),
    /// The bytes are not text in an encoding Bilateral detects.
    #[error("wrong encoding: {0}")]
    WrongEncoding(String),
    /// A row with a different number of fields from the header.
    #[error("this row has {found} fields, the header has {expected}")]
    RaggedRow {
        /// Fields in the header.
        expected: usize,
        /// Fields in this row.
        found: usize,
    },
    /// A field that should hold a number does not.
    #[error("`{column}`: `{text}` is not a number{hint}", hint = .why.hint())]
    NotANumber {
        /// The column's name.
        column: String,
        /// The text found.
        text: String,
        /// Why it is not read as a number.
        why: super::numbers::NotANumber,
    },
    /// A field that should hold a year or period does not.
    #[error("`{column}`: `{text}` is not a year or period (expected 2020, 2020Q3 or 2020M01)")]
    NotAPeriod {
        /// The column's name.
        column: String,
        /// The text found.
        text: String,
    },
    /// A flow that is not one Bilateral knows.
    #[error("`{column}`: `{text}` is not a trade flow (expected {expected})")]
    UnknownFlow {
        /// The column's name.
        column: String,
        /// The text found.
        text: String,
        /// What the format allows.
        expected: &'static str,
    },
    /// A header that matches none of the known layouts.
    #[error(
        "unknown layout: the first rows match none of the formats Bilateral reads ({known}); first row: {first_row}"
    )]
    UnknownLayout {
        /// The first row as found, shortened.
        first_row: String,
        /// The known layouts.
        known: String,
    },
    /// A column the layout needs is missing.
    #[error("the {format} layout needs a column `{column}`")]
    MissingColumn {
        /// The layout.
        format: &'static str,
        /// The column.
        column: &'static str,
    },
    /// A `.zip` with no table Bilateral reads in it.
    #[error("the .zip holds no table Bilateral reads; it holds: {entries}")]
    NoTableInZip {
        /// The entries, shortened.
        entries: String,
    },
    /// A compressed file that does not decompress.
    #[error("corrupt {what}: {message}")]
    Corrupt {
        /// `.gz`, `.zip`.
        what: &'static str,
        /// What the decompressor said.
        message: String,
    },
    /// A spreadsheet that does not open.
    #[error("the spreadsheet does not open: {0}")]
    Spreadsheet(String),
    /// A spreadsheet cell holding a formula error.
    #[error("the cell holds the formula error {0}, not a value")]
    FormulaError(String),
    /// A field that is not valid CSV.
    #[error("not valid CSV: {0}")]
    Csv(String),
    /// An XML file (SDMX-ML) that is not well-formed; the message says at which byte.
    #[error("not well-formed XML: {0}")]
    Xml(String),
    /// A country code that the layout should resolve but Bilateral does not know.
    #[error("`{column}`: `{code}` is not a country code Bilateral knows")]
    UnknownCountry {
        /// The column.
        column: String,
        /// The code.
        code: String,
    },
    /// Neither country of the pair is in the file.
    #[error("neither {wanted} is in this file; it holds {found}")]
    PairNotInFile {
        /// The pair asked for, in words.
        wanted: String,
        /// What the file holds, in words.
        found: String,
    },
    /// The file holds a single pair, another one.
    #[error(
        "the file holds only {found} ({codes}), not {wanted}: import it as a new dataset with --pair {codes}"
    )]
    OtherPair {
        /// The pair asked for.
        wanted: String,
        /// The pair found, in words.
        found: String,
        /// The pair found, as `--pair` takes it.
        codes: String,
    },
    /// The file has rows between the pair, but they make no yearly value (a single month,
    /// say).
    #[error("the file's {rows} rows between {between} make no yearly value: {why}")]
    NoYearlyValuesForPair {
        /// The pair, in words.
        between: String,
        /// How many rows it has.
        rows: u64,
        /// Why they make none, as the reader said.
        why: String,
    },
    /// One of the pair is in the file, but no row has both.
    #[error("no row of this file is between {between}; it holds {found}")]
    NoRowsForPair {
        /// The pair asked for, in words: `the United States and Germany`.
        between: String,
        /// What the file holds.
        found: String,
    },
    /// The rows hold several products and no total; one must be chosen.
    #[error("the rows for the pair hold {count} products and no total: choose one ({examples}, …)")]
    ChooseProduct {
        /// How many products.
        count: usize,
        /// A few of them.
        examples: String,
    },
    /// A product was asked for that the file does not hold for the pair.
    #[error("the rows for the pair have no product `{0}`")]
    NoSuchProduct(String),
    /// Values that add up to more than a number can hold (months of a year, the products
    /// of a BACI pair).
    #[error(
        "{what} add up to more than a number can hold ({sum} USD): a value in the file is out of any range"
    )]
    Overflow {
        /// Which values, in words.
        what: String,
        /// What they add up to.
        sum: f64,
    },
    /// A limit Bilateral keeps to hold memory and time bounded was passed.
    #[error("{what} is more than the {limit} Bilateral reads{advice}")]
    TooLarge {
        /// What passed the limit, in words.
        what: String,
        /// The limit, in words.
        limit: String,
        /// What to do about it, starting with `: ` (or empty).
        advice: &'static str,
    },
    /// Every data row was left out: nothing in the file is a value Bilateral can use.
    #[error(
        "none of the file's {rows} data rows holds a value Bilateral can use; left out: {left_out}"
    )]
    NoUsableRows {
        /// Data rows read.
        rows: u64,
        /// Why they were left out, with counts and the first unknown codes.
        left_out: String,
    },
    /// The user cancelled.
    #[error("cancelled")]
    Cancelled,
    /// A part file of a folder read as one table whose columns are not the first part's.
    #[error("its columns are not those of the folder's first part file, {first}: {difference}")]
    PartColumns {
        /// The first part file.
        first: String,
        /// What differs.
        difference: String,
    },
    /// A field that holds none of the values its column allows (a vote, a date).
    #[error("`{column}`: `{text}` is not {expected}")]
    NotReadable {
        /// The column's name.
        column: String,
        /// The text found.
        text: String,
        /// What the column holds.
        expected: &'static str,
    },
    /// A file (SIPRI, UN votes) that holds nothing to import for the pair, and why.
    #[error("nothing to import: {0}")]
    NothingForPair(String),
    /// A row of a chronology that cannot be read (no date, a date that is none): it is
    /// listed and left out, and the other rows are imported.
    #[error("{0}; the row is left out")]
    RowLeftOut(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_print_as_editors_and_spreadsheets_name_them() {
        let text = ImportError {
            file: "t.csv".into(),
            position: Some(Position::Text { line: 3, column: 7 }),
            kind: ImportErrorKind::Cancelled,
        };
        assert_eq!(text.to_string(), "t.csv:3:7: cancelled");
        let cell = ImportError {
            file: "t.xlsx".into(),
            position: Some(Position::Cell {
                sheet: "Exports, FOB".into(),
                row: 6,
                column: 27,
            }),
            kind: ImportErrorKind::FormulaError("#DIV/0!".into()),
        };
        assert_eq!(
            cell.to_string(),
            "t.xlsx:Exports, FOB!AB7: the cell holds the formula error #DIV/0!, not a value"
        );
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
    }
}

//! One pass over a trade file: open it, see what it is (gzip, zip, spreadsheet, text, XML),
//! find each table's layout and hand its rows to the reader of that layout.

use std::io::{BufRead, BufReader, Read, Seek};
use std::path::Path;
use std::sync::atomic::AtomicBool;

use crate::data::country::{CodeScheme, Pair};
use crate::io::file_state::FileState;

use super::collect::{Collected, Collector, ProductChoice};
use super::decode::{
    BUFFER_BYTES, Container, CountingReader, ReadAhead, TextEncoding, container_of, read_error,
    text_reader,
};
use super::detect::{Format, Header};
use super::error::{ImportError, ImportErrorKind};
use super::parallel::{self, PARALLEL_MIN_BYTES};
use super::prefilter::PairFilter;
use super::progress::{Progress, Ticker};
use super::report::FileReport;
use super::resolve::Resolver;
use super::row_bound::InflateBound;
use super::table::Rows;
use super::{baci, comtrade_legacy, comtrade_plus, imf_dots, imf_imts, tidy, wits};

mod containers;

use self::containers::load_folder_country_codes;

/// What one pass found, with what the source record needs.
pub struct Pass {
    /// Counts for the report.
    pub report: FileReport,
    /// Everything collected.
    pub collected: Collected,
}

struct State<'r, 'a> {
    file: String,
    collector: Collector,
    baci_codes: Resolver,
    baci_codes_loaded: bool,
    format: Option<Format>,
    encoding: Option<&'static str>,
    file_bytes: u64,
    pair: Option<Pair>,
    pass_over_other_pairs: bool,
    ticker: &'r mut Ticker<'a>,
}

/// Reads `path` once, keeping the values of `pair` (none: only counting). With a pair,
/// rows of large tables that cannot be the pair's are passed over unparsed
/// ([`super::prefilter`]): they are counted in `rows_read` but in no other count, and
/// their errors are not seen; [`read_file_every_row`] parses every row.
pub(crate) fn read_file(
    path: &Path,
    pair: Option<Pair>,
    product: Option<&str>,
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<Pass, ImportError> {
    read_path(path, pair, product, true, progress, cancel)
}

/// Reads `path` once as [`read_file`] does, parsing every row: every count is of the
/// whole file, and the first bad row anywhere is an error.
pub(crate) fn read_file_every_row(
    path: &Path,
    pair: Option<Pair>,
    product: Option<&str>,
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<Pass, ImportError> {
    read_path(path, pair, product, false, progress, cancel)
}

fn read_path(
    path: &Path,
    pair: Option<Pair>,
    product: Option<&str>,
    pass_over_other_pairs: bool,
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<Pass, ImportError> {
    let file = path.display().to_string();
    if path.is_dir() {
        return match super::parquet::parts::parts_of(path)? {
            Some(parts) => super::parquet::parts::read_trade_parts(
                path,
                parts,
                (pair, pass_over_other_pairs),
                product,
                progress,
                cancel,
            ),
            None => Err(ImportError::whole(
                &file,
                ImportErrorKind::NothingForPair(
                    "the folder holds no GDELT or ICEWS event file and no Parquet file".to_owned(),
                ),
            )),
        };
    }
    let (opened, metadata) = crate::io::file_state::open_regular(path)
        .map_err(|message| ImportError::whole(&file, ImportErrorKind::Io(message)))?;
    if super::parquet::is_parquet_file(path) {
        let pass = super::parquet::read_trade_file(
            opened,
            &file,
            (pair, pass_over_other_pairs),
            product,
            progress,
            cancel,
        )?;
        return match FileState::of(&metadata).change_since(path) {
            Some(change) => Err(ImportError::whole(&file, ImportErrorKind::Io(change))),
            None => Ok(pass),
        };
    }
    let source = Source {
        file: &file,
        bytes: metadata.len(),
        beside: Some(path),
    };
    let pass = read_source_with(
        opened,
        &source,
        (pair, pass_over_other_pairs),
        product,
        progress,
        cancel,
    )?;
    match FileState::of(&metadata).change_since(path) {
        Some(change) => Err(ImportError::whole(&file, ImportErrorKind::Io(change))),
        None => Ok(pass),
    }
}

/// What [`read_source`] reads: the name to give in errors, the byte count, and the file's
/// path, where a BACI file's country list may lie beside it (`None` for bytes in memory).
pub struct Source<'s> {
    /// The file as the user named it.
    pub file: &'s str,
    /// Its size in bytes.
    pub bytes: u64,
    /// Its path on disk, if it has one.
    pub beside: Option<&'s Path>,
}

/// Reads a trade file from `reader` once, keeping the values of `pair` (none: only
/// counting), passing over rows of other pairs as [`read_file`] does; [`read_file`] opens a
/// path and reads it with this.
pub fn read_source<R: Read + Seek + Send>(
    reader: R,
    source: &Source<'_>,
    pair: Option<Pair>,
    product: Option<&str>,
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<Pass, ImportError> {
    read_source_with(reader, source, (pair, true), product, progress, cancel)
}

/// Why a file whose size reads 0 but that holds bytes is not read.
const PSEUDO_FILE: &str =
    "a pseudo-file (such as /proc/…) has no size to read: copy its content into a regular file";

/// [`read_source`], passing over other pairs' rows or not (`pair.1`).
fn read_source_with<R: Read + Seek + Send>(
    mut reader: R,
    source: &Source<'_>,
    (pair, pass_over_other_pairs): (Option<Pair>, bool),
    product: Option<&str>,
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<Pass, ImportError> {
    let file = source.file.to_owned();
    let path = source.beside;
    let io = |e: std::io::Error| ImportError::whole(&file, ImportErrorKind::Io(e.to_string()));
    if source.bytes == 0 {
        // A file of no size may still hold bytes: a pseudo-file of /proc or /sys.
        let mut first = [0_u8; 1];
        let kind = if reader.read(&mut first).is_ok_and(|read| read > 0) {
            ImportErrorKind::Io(PSEUDO_FILE.to_owned())
        } else {
            ImportErrorKind::Empty("0 bytes")
        };
        return Err(ImportError::whole(&file, kind));
    }
    let mut magic = [0_u8; 4];
    let magic_len = reader.read(&mut magic).map_err(io)?;
    reader.rewind().map_err(io)?;
    if super::parquet::is_parquet(&magic[..magic_len]) {
        // In memory already (bytes to scan, a fuzz input): read into one buffer.
        let mut all = Vec::new();
        reader.read_to_end(&mut all).map_err(io)?;
        return super::parquet::read_trade(
            bytes::Bytes::from(all),
            &file,
            (pair, pass_over_other_pairs),
            product,
            progress,
            cancel,
        );
    }
    let mut ticker = Ticker::new(progress, cancel, Some(source.bytes));
    let counted = CountingReader::new(reader, ticker.byte_counter());
    let mut reader = BufReader::with_capacity(BUFFER_BYTES, counted);
    let head = reader.fill_buf().map_err(io)?;
    let container = container_of(head);
    let xml = looks_like_xml(head);
    let mut state = State {
        file: file.clone(),
        collector: Collector::new(pair).with_product(ProductChoice::new(product)),
        baci_codes: Resolver::codes(CodeScheme::Baci),
        baci_codes_loaded: false,
        format: None,
        encoding: None,
        file_bytes: source.bytes,
        pair,
        pass_over_other_pairs,
        ticker: &mut ticker,
    };
    match container {
        Container::Gzip => {
            let open = move || Ok(InflateBound::new(flate2::read::MultiGzDecoder::new(reader)));
            state.read_text(open, None, path, false)?;
        }
        Container::Zip | Container::Ole => state.read_archive(reader, container, path)?,
        Container::Plain if xml => {
            imf_imts::read_sdmx_ml(reader, &file, state.ticker, &mut state.collector)?;
            state.format = Some(Format::ImfImtsSdmxMl);
        }
        Container::Plain => {
            state.read_text(move || Ok(reader), None, path, false)?;
        }
    }
    let format = state.format.unwrap_or(Format::Tidy);
    let encoding = state.encoding;
    let collector = state.collector;
    finish_pass(&file, format, encoding, pair, collector, &mut ticker)
}

/// The pass of a file of `format` read into `collector`, with its report.
pub(crate) fn finish_pass(
    file: &str,
    format: Format,
    encoding: Option<&'static str>,
    pair: Option<Pair>,
    collector: Collector,
    ticker: &mut Ticker<'_>,
) -> Result<Pass, ImportError> {
    if ticker.rows() == 0 {
        return Err(ImportError::whole(
            file,
            ImportErrorKind::Empty("a header but no data rows"),
        ));
    }
    let collected = collector
        .finish()
        .map_err(|kind| ImportError::whole(file, kind))?;
    ticker.finish();
    // No row used because no row's countries could be told (codes empty or made up) is an
    // error, not "ok, 0 used"; rows all left out by design (breakdowns, say) are reported.
    if collected.observations == 0 && !collected.unknown_codes.is_empty() {
        return Err(ImportError::whole(
            file,
            ImportErrorKind::NoUsableRows {
                rows: ticker.rows(),
                left_out: left_out(&collected),
            },
        ));
    }
    let report = FileReport {
        file: file.to_owned(),
        format,
        encoding,
        rows_read: ticker.rows(),
        rows_used: if pair.is_some() {
            collected.pair_rows
        } else {
            collected.observations
        },
        flows: collected.flows.clone(),
        years: collected.years.clone(),
        skipped: collected.skipped.clone(),
        unknown_codes: collected.unknown_codes.clone(),
        warnings: collected.warnings.clone(),
        chronology: None,
    };
    Ok(Pass { report, collected })
}

/// Why rows were left out, in words: each reason with its count, then the first unknown
/// codes (an empty code shown as such).
fn left_out(collected: &Collected) -> String {
    let reasons = collected
        .skipped
        .iter()
        .map(|(reason, rows)| format!("{reason} ({rows})"));
    let codes = collected.unknown_codes.iter().take(5).map(|(code, rows)| {
        let code = match code.split_once(' ') {
            Some((column, "")) => format!("{column} code empty"),
            _ => format!("`{code}`"),
        };
        format!("{code} ({rows})")
    });
    let parts: Vec<String> = reasons.chain(codes).collect();
    if parts.is_empty() {
        "no row has a value".to_owned()
    } else {
        parts.join(", ")
    }
}

fn looks_like_xml(head: &[u8]) -> bool {
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    text.trim_ascii_start().starts_with(b"<")
}

impl State<'_, '_> {
    /// Reads a text table from the reader `open` makes (plain, gzip, a zip entry): the
    /// reading and decompressing run on a read-ahead thread while this one parses. With
    /// `skip_unknown` a table of no known layout is passed over (false) instead of an error.
    fn read_text<F, R>(
        &mut self,
        open: F,
        entry: Option<String>,
        path: Option<&Path>,
        skip_unknown: bool,
    ) -> Result<bool, ImportError>
    where
        F: FnOnce() -> std::io::Result<R> + Send,
        R: Read,
    {
        std::thread::scope(|scope| {
            let ahead = ReadAhead::spawn(scope, open)
                .map_err(|e| ImportError::whole(&self.file, read_error(&e)))?;
            let (mut text, encoding) = text_reader(Box::new(ahead))
                .map_err(|kind| ImportError::whole(&self.file, kind))?;
            if self.file_bytes >= PARALLEL_MIN_BYTES
                && self.read_in_parallel(&mut text, encoding, entry.as_ref(), path)?
            {
                return Ok(true);
            }
            let mut rows = Rows::from_text(&self.file, entry, text, encoding, self.ticker)?;
            let (header, format) = match rows.find_trade_header() {
                Ok(found) => found,
                Err(_) if skip_unknown => return Ok(false),
                Err(error) => return Err(error),
            };
            if format == Format::Baci && !self.baci_codes_loaded {
                load_folder_country_codes(path, &mut self.baci_codes, &mut self.collector);
            }
            self.encoding.get_or_insert(encoding.label());
            self.format.get_or_insert(format);
            dispatch(
                &mut rows,
                &header,
                format,
                &mut self.baci_codes,
                &mut self.collector,
            )?;
            Ok(true)
        })
    }

    /// Reads a large text table on several threads when its layout allows; false (nothing
    /// read, nothing consumed) when it does not.
    fn read_in_parallel(
        &mut self,
        text: &mut Box<dyn BufRead + '_>,
        encoding: TextEncoding,
        entry: Option<&String>,
        path: Option<&Path>,
    ) -> Result<bool, ImportError> {
        let head = text
            .fill_buf()
            .map_err(|e| ImportError::whole(&self.file, read_error(&e)))?
            .to_vec();
        // Blocks are cut at `\n`: a table whose lines end with a lone `\r` (as old Mac
        // software and some Comtrade downloads write) is read on this thread, where the CSV
        // reader ends rows at either.
        if memchr::memchr(b'\n', &head).is_none() {
            return Ok(false);
        }
        let quiet_cancel = AtomicBool::new(false);
        let mut quiet = |_: &Progress| {};
        let mut probe = Ticker::new(&mut quiet, &quiet_cancel, None);
        let mut rows = Rows::from_text(
            &self.file,
            entry.cloned(),
            Box::new(std::io::Cursor::new(head)),
            encoding,
            &mut probe,
        )?;
        let Ok((header, format)) = rows.find_trade_header() else {
            return Ok(false);
        };
        let (Some(offset), true) = (rows.next_row_byte(), parallel::can_split(format)) else {
            return Ok(false);
        };
        let dialect = rows.dialect();
        let first_line = rows.line() + 1;
        drop(rows);
        text.consume(usize::try_from(offset).unwrap_or(usize::MAX));
        if format == Format::Baci && !self.baci_codes_loaded {
            load_folder_country_codes(path, &mut self.baci_codes, &mut self.collector);
        }
        self.encoding.get_or_insert(encoding.label());
        self.format.get_or_insert(format);
        let prefilter = self
            .pair
            .filter(|_| self.pass_over_other_pairs)
            .and_then(|pair| match format {
                Format::Baci => PairFilter::new(pair, &self.baci_codes),
                Format::ComtradePlus | Format::ComtradePlusBulk | Format::ComtradeLegacy => {
                    PairFilter::new(pair, &Resolver::codes(CodeScheme::M49))
                }
                _ => None,
            });
        let table = parallel::Table {
            header: &header,
            format,
            dialect,
            baci_codes: &self.baci_codes,
            pair: self.pair,
            first_line,
            prefilter: prefilter.as_ref(),
        };
        let workers = std::thread::available_parallelism()
            .map_or(2, std::num::NonZero::get)
            .min(4);
        parallel::read_blocks(
            text,
            &table,
            workers,
            parallel::BLOCK_BYTES,
            self.ticker,
            &mut self.collector,
        )?;
        Ok(true)
    }
}

/// Hands a table to the reader of its layout; rows that repeat the header are passed over
/// and named in a note.
pub(crate) fn dispatch(
    rows: &mut Rows<'_, '_>,
    header: &Header,
    format: Format,
    baci_codes: &mut Resolver,
    collector: &mut Collector,
) -> Result<(), ImportError> {
    rows.expect_header(header);
    read_layout(rows, header, format, baci_codes, collector)?;
    if let Some(first) = rows.repeated_headers().first() {
        let count = rows.repeated_headers().len();
        collector.warn(format!(
            "{count} row(s) from line {first} repeat the header, as when downloads are joined into one file: passed over, not read as data"
        ));
    }
    Ok(())
}

fn read_layout(
    rows: &mut Rows<'_, '_>,
    header: &Header,
    format: Format,
    baci_codes: &mut Resolver,
    collector: &mut Collector,
) -> Result<(), ImportError> {
    match format {
        Format::ComtradePlus | Format::ComtradePlusBulk => {
            comtrade_plus::read(rows, header, format, collector)
        }
        Format::ComtradeLegacy => comtrade_legacy::read(rows, header, collector),
        Format::ImfDotsTimeSeries => imf_dots::read_time_series(rows, header, collector),
        Format::ImfDotsPanel => imf_dots::read_panel(rows, header, collector),
        Format::ImfDotsTable => imf_dots::read_table(rows, header, collector),
        Format::ImfImtsSdmxCsv => imf_imts::read_sdmx_csv(rows, header, collector),
        Format::ImfImtsWide => imf_imts::read_wide(rows, header, collector),
        // SDMX-ML is read as XML above; the relations layouts by `super::relations`, the
        // event layouts by `super::events`.
        Format::ImfImtsSdmxMl
        | Format::SipriRegisterClassic
        | Format::SipriRegisterNew
        | Format::SipriTiv
        | Format::UnVotesVoeten
        | Format::UnVotesUnvotes
        | Format::UnVotesUndl
        | Format::UnRollCalls
        | Format::UnIdealPoints
        | Format::Gdelt2
        | Format::Gdelt1
        | Format::IcewsTab
        | Format::IcewsCsv
        | Format::Chronology => Ok(()),
        Format::WitsSummary => wits::read_summary(rows, header, collector),
        Format::WitsPartner => wits::read_partner(rows, header, collector),
        Format::Baci => baci::read(rows, header, baci_codes, collector),
        Format::Tidy => tidy::read(rows, header, collector),
    }
}

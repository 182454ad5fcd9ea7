//! Reading a large text table on several threads. This thread cuts the text after the
//! header into blocks at line ends outside quoted fields; named worker threads parse the
//! blocks with the layout's reader, each into a collector of its own; the collectors are
//! merged in file order, so the result is the same as reading the rows one by one.
//! Memory stays bounded: a few blocks wait at a time.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use crate::data::country::Pair;

use super::collect::{Collector, PairValues};
use super::detect::{Format, Header};
use super::error::{ImportError, ImportErrorKind};
use super::prefilter::{Filtered, PairFilter};
use super::progress::{Progress, Ticker};
use super::read::dispatch;
use super::resolve::Resolver;
use super::table::{Rows, TextDialect};

/// Text tables at least this large are read on several threads.
pub(crate) const PARALLEL_MIN_BYTES: u64 = 16 * 1024 * 1024;
/// The size of a block handed to a worker.
pub(crate) const BLOCK_BYTES: usize = 512 * 1024;
/// A row longer than this (a quoted field that never ends) is an error.
const LONGEST_ROW_BYTES: usize = 32 * 1024 * 1024;

/// Whether rows of `format` may be cut into blocks: layouts whose fields are either never
/// quoted or quoted as RFC 4180 says (so quote marks come in pairs).
pub(crate) fn can_split(format: Format) -> bool {
    matches!(
        format,
        Format::Baci | Format::ComtradePlus | Format::ComtradePlusBulk | Format::ComtradeLegacy
    )
}

/// What every block of one table shares.
pub(crate) struct Table<'h> {
    /// The header row.
    pub(crate) header: &'h Header,
    /// The layout.
    pub(crate) format: Format,
    /// How the text is written.
    pub(crate) dialect: TextDialect,
    /// BACI numbers from the release's country list.
    pub(crate) baci_codes: &'h Resolver,
    /// The pair whose values are kept.
    pub(crate) pair: Option<Pair>,
    /// The file line of the first row after the header.
    pub(crate) first_line: u64,
    /// Passes over rows that cannot be the pair's before they are parsed, when given.
    pub(crate) prefilter: Option<&'h PairFilter>,
}

struct Block {
    index: usize,
    first_line: u64,
    bytes: Vec<u8>,
}

/// What a worker sends back: a block's pair values (in file order they are merged), or,
/// when it stops, its collector with the counts of every block it read.
enum Outcome {
    Block {
        index: usize,
        result: Result<(PairValues, u64), ImportError>,
    },
    Done(Box<Collector>),
}

/// Reads the rest of `text` (the rows after the header) into `collector`, `workers` blocks
/// at a time, counting rows and checking for cancel with `ticker`.
pub(crate) fn read_blocks(
    text: &mut dyn BufRead,
    table: &Table<'_>,
    workers: usize,
    block_bytes: usize,
    ticker: &mut Ticker<'_>,
    collector: &mut Collector,
) -> Result<(), ImportError> {
    let stop = AtomicBool::new(false);
    let cancel = ticker.cancel_flag();
    let workers = workers.max(1);
    let (block_sender, blocks) = mpsc::sync_channel::<Block>(workers);
    let blocks = Mutex::new(blocks);
    // At most `workers` blocks wait in the queue and `workers` are being parsed, and the
    // outcomes are drained after every block sent, so this bound is never reached.
    let (outcome_sender, outcomes) = mpsc::sync_channel::<Outcome>(4 * workers + 4);
    // Parsed blocks' buffers come back for reuse; when the slots are full one is dropped.
    let (recycle_sender, recycled) = mpsc::sync_channel::<Vec<u8>>(2 * workers + 2);
    // Each block's collector keeps the products the file's collector keeps.
    let product = collector.product().clone();
    std::thread::scope(|scope| {
        for n in 0..workers {
            let outcome_sender = outcome_sender.clone();
            let recycle_sender = recycle_sender.clone();
            let (blocks, stop, product) = (&blocks, &stop, &product);
            std::thread::Builder::new()
                .name(format!("bilateral-parse-{n}"))
                .spawn_scoped(scope, move || {
                    let mut partial = Collector::new(table.pair).with_product(product.clone());
                    let mut codes = table.baci_codes.clone();
                    let mut filtered = (Vec::new(), Vec::new());
                    loop {
                        let next = match blocks.lock() {
                            Ok(receiver) => receiver.recv(),
                            Err(_) => break,
                        };
                        let Ok(block) = next else { break };
                        let result = parse_block(
                            &block,
                            table,
                            cancel,
                            (&mut partial, &mut codes),
                            &mut filtered,
                        );
                        if result.is_err() {
                            stop.store(true, Ordering::Relaxed);
                        }
                        let _ = recycle_sender.try_send(block.bytes);
                        let outcome = Outcome::Block {
                            index: block.index,
                            result,
                        };
                        if outcome_sender.send(outcome).is_err() {
                            return;
                        }
                    }
                    let _ = outcome_sender.send(Outcome::Done(Box::new(partial)));
                })
                .map_err(|e| {
                    ImportError::whole(&table.dialect.file, ImportErrorKind::Io(e.to_string()))
                })?;
        }
        drop(outcome_sender);
        drop(recycle_sender);
        let mut merger = Merger::default();
        let cut = cut_blocks(text, table, block_bytes, &stop, &recycled, |block| {
            if block_sender.send(block).is_err() {
                return Err(ImportErrorKind::Cancelled);
            }
            while let Ok(outcome) = outcomes.try_recv() {
                merger.take(outcome, collector, ticker);
            }
            ticker.check()
        });
        drop(block_sender);
        if cut.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        for outcome in outcomes {
            merger.take(outcome, collector, ticker);
        }
        match (merger.first_error, cut) {
            (Some((_, error)), _) => Err(error),
            (None, Err(kind)) => Err(ImportError::whole(&table.dialect.file, kind)),
            (None, Ok(())) => Ok(()),
        }
    })
}

/// Merges block outcomes in file order and keeps the first error in file order.
#[derive(Default)]
struct Merger {
    next: usize,
    waiting: BTreeMap<usize, PairValues>,
    first_error: Option<(usize, ImportError)>,
}

impl Merger {
    fn take(&mut self, outcome: Outcome, collector: &mut Collector, ticker: &mut Ticker<'_>) {
        match outcome {
            Outcome::Done(partial) => {
                collector.merge(*partial);
                return;
            }
            Outcome::Block {
                index,
                result: Ok((values, rows)),
            } => {
                ticker.add_rows(rows);
                self.waiting.insert(index, values);
            }
            Outcome::Block {
                index,
                result: Err(error),
            } => {
                if self.first_error.as_ref().is_none_or(|(at, _)| index < *at) {
                    self.first_error = Some((index, error));
                }
                self.waiting.insert(index, PairValues::default());
            }
        }
        while let Some(values) = self.waiting.remove(&self.next) {
            collector.merge_values(values);
            self.next += 1;
        }
    }
}

/// Parses one block, or the lines the prefilter (if any) picks out of it into `picked`;
/// returns the pair's values and the rows read, passed over ones included.
fn parse_block(
    block: &Block,
    table: &Table<'_>,
    cancel: &AtomicBool,
    (partial, codes): (&mut Collector, &mut Resolver),
    (picked, file_lines): &mut (Vec<u8>, Vec<u64>),
) -> Result<(PairValues, u64), ImportError> {
    let filtered = table
        .prefilter
        .map(|f| f.filter(&block.bytes, block.first_line, picked, file_lines));
    let mut quiet = |_: &Progress| {};
    let mut ticker = Ticker::new(&mut quiet, cancel, None);
    let (mut rows, passed_over) = match filtered {
        Some(Filtered::Kept { lines_passed_over }) => (
            Rows::from_picked_lines(&table.dialect, picked, file_lines, &mut ticker),
            lines_passed_over,
        ),
        Some(Filtered::Whole) | None => (
            Rows::from_block(&table.dialect, &block.bytes, block.first_line, &mut ticker),
            0,
        ),
    };
    dispatch(&mut rows, table.header, table.format, codes, partial)?;
    drop(rows);
    Ok((partial.take_values(), ticker.rows() + passed_over))
}

/// Cuts `text` into blocks at line ends outside quoted fields and hands each to `send`.
fn cut_blocks(
    text: &mut dyn BufRead,
    table: &Table<'_>,
    block_bytes: usize,
    stop: &AtomicBool,
    recycled: &mpsc::Receiver<Vec<u8>>,
    mut send: impl FnMut(Block) -> Result<(), ImportErrorKind>,
) -> Result<(), ImportErrorKind> {
    let mut carry: Vec<u8> = Vec::new();
    let mut line = table.first_line;
    let mut index = 0;
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        let mut block = std::mem::take(&mut carry);
        let at_end = fill(text, &mut block, block_bytes)?;
        if block.is_empty() {
            return Ok(());
        }
        let cut = if at_end {
            Some(block.len())
        } else {
            last_line_end(&block)
        };
        let Some(cut) = cut else {
            if block.len() > LONGEST_ROW_BYTES {
                return Err(ImportErrorKind::TooLarge {
                    what: format!("the row near line {line}"),
                    limit: format!("{} MiB in one row", LONGEST_ROW_BYTES >> 20),
                    advice: ": a quoted field that does not end, or a file that is not a table?",
                });
            }
            carry = block;
            continue;
        };
        carry = recycled.try_recv().unwrap_or_default();
        carry.clear();
        carry.extend_from_slice(&block[cut..]);
        block.truncate(cut);
        let lines = memchr::memchr_iter(b'\n', &block).count() as u64;
        send(Block {
            index,
            first_line: line,
            bytes: block,
        })?;
        line += lines;
        index += 1;
        if at_end && carry.is_empty() {
            return Ok(());
        }
    }
}

/// Reads until `block` holds `size` more bytes or the text ends; true at the end.
fn fill(text: &mut dyn BufRead, block: &mut Vec<u8>, size: usize) -> Result<bool, ImportErrorKind> {
    let goal = block.len() + size;
    while block.len() < goal {
        let available = text.fill_buf().map_err(|e| super::decode::read_error(&e))?;
        if available.is_empty() {
            return Ok(true);
        }
        let take = available.len().min(goal - block.len());
        block.extend_from_slice(&available[..take]);
        text.consume(take);
    }
    Ok(false)
}

/// Just after the last `\n` that is outside quotes (an even number of `"` before it, the
/// block starting outside quotes), or `None` when there is none.
fn last_line_end(block: &[u8]) -> Option<usize> {
    let quotes = memchr::memchr_iter(b'"', block).count();
    let mut end = block.len();
    let mut quotes_after = 0;
    while let Some(newline) = memchr::memrchr(b'\n', &block[..end]) {
        quotes_after += memchr::memchr_iter(b'"', &block[newline..end]).count();
        if (quotes - quotes_after).is_multiple_of(2) {
            return Some(newline + 1);
        }
        end = newline;
    }
    None
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    #[test]
    fn blocks_and_streamed_rows_share_one_row_limit() {
        assert_eq!(
            LONGEST_ROW_BYTES as u64,
            super::super::row_bound::LONGEST_ROW_BYTES
        );
    }
    use crate::data::country::CodeScheme;
    use crate::import::collect::Collected;
    use crate::import::decode::{TextEncoding, text_reader};
    use std::fmt::Write as _;

    /// How [`read_bytes`] reads.
    #[derive(Clone, Copy)]
    pub(crate) enum Way {
        /// One row at a time on this thread.
        OneReader,
        /// In blocks on three workers, every row parsed.
        Blocks,
        /// In blocks on three workers, other pairs' rows passed over by the prefilter.
        BlocksPrefiltered,
    }

    /// Reads `bytes` (a text table named `t`) the way asked, in blocks of `block_bytes`.
    pub(crate) fn read_bytes(
        bytes: &[u8],
        pair: Option<Pair>,
        block_bytes: usize,
        way: Way,
    ) -> Result<Collected, ImportError> {
        let cancel = AtomicBool::new(false);
        let mut quiet = |_: &Progress| {};
        let mut ticker = Ticker::new(&mut quiet, &cancel, None);
        let (text, encoding) =
            text_reader(Box::new(bytes)).map_err(|k| ImportError::whole("t", k))?;
        assert_eq!(encoding, TextEncoding::Utf8OrWindows1252);
        let mut collector = Collector::new(pair);
        let mut codes = Resolver::codes(CodeScheme::Baci);
        if let Way::OneReader = way {
            let mut rows = Rows::from_text("t", None, text, encoding, &mut ticker)?;
            let (header, format) = rows.find_trade_header()?;
            dispatch(&mut rows, &header, format, &mut codes, &mut collector)?;
        } else {
            let head = bytes.to_vec();
            let mut probe_quiet = |_: &Progress| {};
            let mut probe_ticker = Ticker::new(&mut probe_quiet, &cancel, None);
            let mut probe = Rows::from_text(
                "t",
                None,
                Box::new(std::io::Cursor::new(head)),
                encoding,
                &mut probe_ticker,
            )?;
            let (header, format) = probe.find_trade_header()?;
            let offset = usize::try_from(probe.next_row_byte().unwrap_or(0)).unwrap_or(0);
            let scheme = if format == Format::Baci {
                CodeScheme::Baci
            } else {
                CodeScheme::M49
            };
            let prefilter = pair
                .filter(|_| matches!(way, Way::BlocksPrefiltered))
                .and_then(|pair| PairFilter::new(pair, &Resolver::codes(scheme)));
            let table = Table {
                header: &header,
                format,
                dialect: probe.dialect(),
                baci_codes: &codes,
                pair,
                first_line: probe.line() + 1,
                prefilter: prefilter.as_ref(),
            };
            let mut rest = &bytes[offset..];
            read_blocks(
                &mut rest,
                &table,
                3,
                block_bytes,
                &mut ticker,
                &mut collector,
            )?;
        }
        collector.finish().map_err(|k| ImportError::whole("t", k))
    }

    /// Reads `bytes` one row at a time, and in blocks of `block_bytes` on three workers.
    fn both_ways(
        bytes: &[u8],
        pair: Option<Pair>,
        block_bytes: usize,
    ) -> (
        Result<Collected, ImportError>,
        Result<Collected, ImportError>,
    ) {
        (
            read_bytes(bytes, pair, block_bytes, Way::OneReader),
            read_bytes(bytes, pair, block_bytes, Way::Blocks),
        )
    }

    /// The bytes of a real download in tests/fixtures/trade; a missing file fails.
    pub(crate) fn fixture(relative: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/trade")
            .join(relative);
        std::fs::read(&path).unwrap_or_else(|error| {
            panic!(
                "fixture {relative} could not be read from tests/fixtures/trade/ ({}: {error})",
                path.display()
            )
        })
    }

    #[test]
    fn blocks_on_workers_give_what_one_reader_gives() {
        let comtrade = fixture("comtrade_plus/TradeData_THA_M_8542_2014-2024.csv");
        let pair = Pair::parse("THA,RUS").ok();
        for pair in [None, pair] {
            let (one, blocks) = both_ways(&comtrade, pair, 4096);
            let (one, blocks) = (one.expect("reads"), blocks.expect("reads"));
            assert!(one.observations > 1000);
            assert_eq!(one, blocks);
        }
        let legacy = fixture("comtrade_legacy/comtrade_EU28_partners_252310_2000-2020.csv");
        let (one, blocks) = both_ways(&legacy, Pair::parse("EUU,RUS").ok(), 2048);
        assert_eq!(one.expect("reads"), blocks.expect("reads"));
    }

    #[test]
    fn the_first_error_in_file_order_is_reported_with_its_line() {
        let mut text = String::from("t,i,j,k,v,q\n");
        for n in 0..5000 {
            let v = if n == 3000 || n == 4500 {
                "x1".to_owned()
            } else {
                format!("{n}.5")
            };
            let _ = writeln!(text, "2023,643,364,{n:06},{v},NA");
        }
        let (one, blocks) = both_ways(text.as_bytes(), None, 1000);
        let (one, blocks) = (one.expect_err("bad"), blocks.expect_err("bad"));
        assert_eq!(one.to_string(), blocks.to_string());
        assert!(one.to_string().starts_with("t:3002:"), "{one}");
    }

    #[test]
    fn blocks_end_at_line_ends_outside_quotes() {
        assert_eq!(last_line_end(b"a,b\nc,d\ne"), Some(8));
        assert_eq!(last_line_end(b"\"a\nb\",c\nd,\"e\nf"), Some(8));
        assert_eq!(last_line_end(b"\"a\nb"), None);
        assert_eq!(last_line_end(b"abc"), None);
    }
}

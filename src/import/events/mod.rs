//! Machine-coded event data: GDELT 2.0 exports and GDELT 1.0 daily and historical files
//! ([`gdelt`]), and ICEWS event files, as published (`.tab`) or re-exported as CSV
//! ([`icews`]).
//!
//! Such data comes as many files (a month of GDELT 2.0 is about 2,900 zipped exports): a
//! folder, or any number of files, is one import. The files are read on several threads,
//! one file per thread at a time, with one progress (the bytes of all files) and one
//! cancel flag; each file's tally is merged in file order, so the result does not depend
//! on which thread read what. What becomes of the pair's events is in [`build`].

pub mod build;
pub(crate) mod cameo;
pub(crate) mod gdelt;
pub(crate) mod icews;
mod icews_lines;
pub(crate) mod tally;
mod whole_entry;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Seek as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use crate::data::country::Pair;
use crate::io::file_state::io_message;

use super::decode::{Container, container_of};
use super::detect::Format;
use super::error::{ImportError, ImportErrorKind};
use super::progress::{Progress, Ticker};
use super::relations::counts::Counts;
use super::report::FileReport;
use super::table::shorten;
use tally::PairTally;
use whole_entry::EntryBuffers;

/// What one file held: its counts for the report, the pair's tally, its rows.
#[derive(Debug, Default)]
pub(crate) struct FileTally {
    /// Events by pair and year, left out and unknown, for the report.
    pub(crate) counts: Counts,
    /// What was kept of the pair.
    pub(crate) pair: PairTally,
    /// Rows read.
    pub(crate) rows: u64,
    /// The layout.
    pub(crate) format: Option<Format>,
    /// The year of the last row counted in the report's years.
    pub(crate) last_year: Option<i32>,
    /// Read as Parquet: its events are placed by row, not line.
    pub(crate) parquet: bool,
}

/// What a read of event files found.
#[derive(Debug)]
pub struct EventsPass {
    /// What the files hold, for the dialog and `bilateral check`.
    pub report: FileReport,
    /// What was kept of the pair.
    pub(crate) tally: PairTally,
    /// The files read, as named, in the order read.
    pub(crate) files: Vec<String>,
    /// The layouts found, in file order, each once.
    pub(crate) formats: Vec<Format>,
    /// Whether each file (in the order read) was Parquet: its events are placed by row.
    pub(crate) parquet: Vec<bool>,
}

/// The event layout of a first line (GDELT has no header; ICEWS has one).
pub(crate) fn layout_of_line(line: &[u8]) -> Option<Format> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    gdelt::layout_of(line).or_else(|| icews::layout_of(line))
}

/// The event layout of a file starting with `head` (plain text).
pub(crate) fn sniff_bytes(head: &[u8]) -> Option<Format> {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let end = memchr::memchr(b'\n', head).unwrap_or(head.len());
    layout_of_line(&head[..end])
}

/// The event layout of the file at `path` (a `.zip` by its first entry), or of the first
/// event file in the folder at `path`; `None` for anything else.
pub(crate) fn sniff(path: &Path) -> Option<Format> {
    if path.is_dir() {
        return sorted_files(path).iter().find_map(|file| sniff_file(file));
    }
    sniff_file(path)
}

fn sniff_file(path: &Path) -> Option<Format> {
    let (mut opened, _) = crate::io::file_state::open_regular(path).ok()?;
    let mut head = Vec::new();
    (&mut opened).take(16 * 1024).read_to_end(&mut head).ok()?;
    if super::parquet::is_parquet(&head) {
        return super::parquet::events::sniff(path);
    }
    match container_of(&head) {
        Container::Plain => sniff_bytes(&head),
        Container::Zip => {
            opened.rewind().ok()?;
            let mut archive = zip::ZipArchive::new(BufReader::new(opened)).ok()?;
            if archive.len() != 1 {
                return None;
            }
            let mut head = Vec::new();
            archive
                .by_index(0)
                .ok()?
                .take(16 * 1024)
                .read_to_end(&mut head)
                .ok()?;
            sniff_bytes(&head)
        }
        _ => None,
    }
}

/// The files of the folder at `dir`, by name.
fn sorted_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

/// The event files of the folder at `dir`, by name. Each file is opened to be told by
/// its content (an unzipped start of each `.zip`), on as many threads as cores.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let files = sorted_files(dir);
    let threads = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    let share = files.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let looks: Vec<_> = files
            .chunks(share)
            .map(|chunk| {
                scope.spawn(|| {
                    chunk
                        .iter()
                        .filter(|path| sniff_file(path).is_some())
                        .cloned()
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        looks
            .into_iter()
            .flat_map(|look| look.join().unwrap_or_default())
            .collect()
    })
}

/// The files an import of `path` reads: the event files of a folder, or the file itself.
pub(crate) fn files_of(path: &Path) -> Vec<PathBuf> {
    if path.is_dir() {
        files_in(path)
    } else {
        vec![path.to_owned()]
    }
}

/// Reads `paths` (named `name` in the report), keeping what concerns `pair` and its
/// `top` best-covered events (none: only counting).
pub(crate) fn read_files(
    paths: &[PathBuf],
    name: &str,
    pair: Option<Pair>,
    top: usize,
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<EventsPass, ImportError> {
    if paths.is_empty() {
        return Err(ImportError::whole(
            name,
            ImportErrorKind::Empty("no GDELT or ICEWS event file in the folder"),
        ));
    }
    let bytes_total = paths
        .iter()
        .filter_map(|path| std::fs::metadata(path).ok())
        .map(|m| m.len())
        .sum();
    let mut ticker = Ticker::new(progress, cancel, Some(bytes_total));
    let bytes = ticker.byte_counter();
    let rows = AtomicU64::new(0);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let workers = std::thread::available_parallelism()
        .map_or(2, std::num::NonZero::get)
        .min(paths.len());
    // A worker waits when this many files wait to be merged.
    let (sender, finished) =
        mpsc::sync_channel::<(usize, Result<FileTally, ImportError>)>(2 * workers + 2);
    let mut merged = Merged::new(top);
    let mut first_error: Option<ImportError> = None;
    std::thread::scope(|scope| -> Result<(), ImportError> {
        for n in 0..workers {
            let (rows, next, stop, bytes) = (&rows, &next, &stop, &bytes);
            let sender = sender.clone();
            std::thread::Builder::new()
                .name(format!("bilateral-events-{n}"))
                .spawn_scoped(scope, move || {
                    let mut buffers = EntryBuffers::default();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = paths.get(index) else { break };
                        if stop.load(Ordering::Relaxed) {
                            break;
                        }
                        let shared = Shared {
                            index,
                            pair,
                            top,
                            rows,
                            bytes,
                            cancel: stop,
                        };
                        let result = read_file(path, &shared, &mut buffers);
                        if result.is_err() {
                            stop.store(true, Ordering::Relaxed);
                        }
                        if sender.send((index, result)).is_err() {
                            break;
                        }
                    }
                })
                .map_err(|e| ImportError::whole(name, ImportErrorKind::Io(e.to_string())))?;
        }
        drop(sender);
        // Files are merged as soon as all before them are, so only the few read out of
        // order wait in memory.
        let mut waiting: BTreeMap<usize, Result<FileTally, ImportError>> = BTreeMap::new();
        let mut seen_rows = 0;
        loop {
            match finished.recv_timeout(Duration::from_millis(20)) {
                Ok((index, result)) => {
                    waiting.insert(index, result);
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
            while let Some(result) = waiting.remove(&merged.files) {
                match result {
                    Ok(file) => merged.add(file),
                    Err(error) => {
                        first_error.get_or_insert(error);
                        merged.files = usize::MAX;
                    }
                }
            }
            let now = rows.load(Ordering::Relaxed);
            ticker.add_rows(now - seen_rows);
            seen_rows = now;
            if ticker.check().is_err() {
                stop.store(true, Ordering::Relaxed);
            }
        }
        ticker.add_rows(rows.load(Ordering::Relaxed) - seen_rows);
        Ok(())
    })?;
    if cancel.load(Ordering::Relaxed) {
        return Err(ImportError::whole(name, ImportErrorKind::Cancelled));
    }
    if let Some(error) = first_error {
        return Err(error);
    }
    if merged.files != paths.len() {
        return Err(ImportError::whole(name, ImportErrorKind::Cancelled));
    }
    ticker.finish();
    let names = paths.iter().map(|p| p.display().to_string()).collect();
    merged.finish(names, name)
}

/// The tallies of the files read so far, merged in file order.
struct Merged {
    counts: Counts,
    tally: PairTally,
    formats: Vec<Format>,
    rows_read: u64,
    /// Whether each file merged was Parquet.
    parquet: Vec<bool>,
    /// Files merged: the index of the next.
    files: usize,
}

impl Merged {
    fn new(top: usize) -> Self {
        Self {
            counts: Counts::default(),
            tally: PairTally::new(top),
            formats: Vec::new(),
            rows_read: 0,
            parquet: Vec::new(),
            files: 0,
        }
    }

    fn add(&mut self, file: FileTally) {
        self.counts.merge(file.counts);
        self.tally.merge(file.pair);
        self.rows_read += file.rows;
        self.parquet.push(file.parquet);
        if let Some(format) = file.format
            && !self.formats.contains(&format)
        {
            self.formats.push(format);
        }
        self.files += 1;
    }

    /// The pass of the files `names`, which the report calls `name`.
    fn finish(mut self, names: Vec<String>, name: &str) -> Result<EventsPass, ImportError> {
        if self.rows_read == 0 {
            return Err(ImportError::whole(
                name,
                ImportErrorKind::Empty("no events"),
            ));
        }
        let format = self.formats.first().copied().unwrap_or(Format::Gdelt2);
        if names.len() > 1 {
            self.counts
                .warn(format!("{} files read as one import", names.len()));
        }
        // GDELT and ICEWS text files are UTF-8; a Parquet file's text is its own.
        let encoding = if self.parquet.first() == Some(&true) {
            "Parquet"
        } else {
            "UTF-8"
        };
        let report = self
            .counts
            .finish(name, format, Some(encoding), self.rows_read);
        Ok(EventsPass {
            report,
            tally: self.tally,
            files: names,
            formats: self.formats,
            parquet: self.parquet,
        })
    }
}

/// What every file of one read shares.
struct Shared<'a> {
    index: usize,
    pair: Option<Pair>,
    top: usize,
    rows: &'a AtomicU64,
    bytes: &'a AtomicU64,
    cancel: &'a AtomicBool,
}

impl Shared<'_> {
    /// Where a GDELT reader of `file` (of its `entry`, in a `.zip`) reports its rows and
    /// bytes, as this read shares them.
    fn reading<'s>(&'s self, file: &'s str, entry: Option<&'s str>) -> gdelt::Reading<'s> {
        gdelt::Reading {
            file,
            entry,
            index: self.index,
            pair: self.pair,
            rows: self.rows,
            bytes: self.bytes,
            cancel: self.cancel,
        }
    }
}

/// Reads one file (plain or a `.zip` of one table); `buffers` hold a small entry
/// inflated whole.
fn read_file(
    path: &Path,
    shared: &Shared<'_>,
    buffers: &mut EntryBuffers,
) -> Result<FileTally, ImportError> {
    let file = path.display().to_string();
    let io = |e: &std::io::Error| ImportError::whole(&file, ImportErrorKind::Io(io_message(e)));
    let (mut opened, metadata) = crate::io::file_state::open_regular(path)
        .map_err(|message| ImportError::whole(&file, ImportErrorKind::Io(message)))?;
    let mut magic = [0_u8; 4];
    let magic_len = opened.read(&mut magic).map_err(|e| io(&e))?;
    opened.rewind().map_err(|e| io(&e))?;
    let mut tally = FileTally {
        pair: PairTally::new(shared.top),
        ..FileTally::default()
    };
    if super::parquet::is_parquet(&magic[..magic_len]) {
        tally.parquet = true;
        super::parquet::events::read(opened, &shared.reading(&file, None), &mut tally)?;
        return Ok(tally);
    }
    if container_of(&magic[..magic_len]) == Container::Zip {
        let size = metadata.len();
        let mut archive =
            zip::ZipArchive::new(BufReader::new(opened)).map_err(|e| zip_error(&file, &e))?;
        let mut names = Vec::new();
        let uncounted = AtomicU64::new(0);
        let counted = Shared {
            bytes: &uncounted,
            ..*shared
        };
        for index in 0..archive.len() {
            let entry = archive
                .by_index_raw(index)
                .map_err(|e| zip_error(&file, &e))?;
            if entry.is_dir() {
                continue;
            }
            let entry_name = entry
                .name()
                .map(std::borrow::Cow::into_owned)
                .unwrap_or_default();
            drop(entry);
            names.push(entry_name.clone());
            let corrupt = |message: String| {
                ImportError::whole(
                    &file,
                    ImportErrorKind::Corrupt {
                        what: ".zip",
                        message: format!("{entry_name}: {message}"),
                    },
                )
            };
            if let Some(bytes) =
                whole_entry::inflate_entry(&mut archive, index, buffers).map_err(corrupt)?
            {
                read_table_bytes(bytes, &file, Some(&entry_name), &counted, &mut tally)?;
                continue;
            }
            let entry = archive.by_index(index).map_err(|e| zip_error(&file, &e))?;
            read_table(entry, &file, Some(&entry_name), &counted, &mut tally)?;
        }
        shared.bytes.fetch_add(size, Ordering::Relaxed);
        if tally.format.is_none() {
            return Err(ImportError::whole(
                &file,
                ImportErrorKind::NoTableInZip {
                    entries: shorten(&names.join(", "), 200),
                },
            ));
        }
        return Ok(tally);
    }
    read_table(opened, &file, None, shared, &mut tally)?;
    Ok(tally)
}

fn zip_error(file: &str, error: &zip::result::ZipError) -> ImportError {
    ImportError::whole(
        file,
        ImportErrorKind::Corrupt {
            what: ".zip",
            message: error.to_string(),
        },
    )
}

/// Reads one table: its layout from its first line, then its rows.
fn read_table(
    reader: impl Read,
    file: &str,
    entry: Option<&str>,
    shared: &Shared<'_>,
    tally: &mut FileTally,
) -> Result<(), ImportError> {
    let mut reader = BufReader::with_capacity(64 * 1024, reader);
    let head = reader
        .fill_buf()
        .map_err(|e| ImportError::whole(file, super::decode::read_error(&e)))?;
    let format = table_format(head, file)?;
    tally.format = Some(format);
    match format {
        Format::Gdelt2 | Format::Gdelt1 => gdelt::read(
            reader,
            format,
            &shared.reading(file, entry),
            &mut gdelt::CodeCache::default(),
            tally,
        ),
        _ => icews::read(
            reader,
            file,
            shared.index,
            shared.pair,
            shared.bytes,
            shared.cancel,
            tally,
        ),
    }
}

/// Reads one table held whole in `bytes`, as [`read_table`] does.
fn read_table_bytes(
    bytes: &[u8],
    file: &str,
    entry: Option<&str>,
    shared: &Shared<'_>,
    tally: &mut FileTally,
) -> Result<(), ImportError> {
    let format = table_format(bytes, file)?;
    tally.format = Some(format);
    match format {
        Format::Gdelt2 | Format::Gdelt1 => gdelt::read_all(
            bytes,
            format,
            &shared.reading(file, entry),
            &mut gdelt::CodeCache::default(),
            tally,
        ),
        _ => read_table(bytes, file, entry, shared, tally),
    }
}

/// The event layout of a table starting with `head`.
fn table_format(head: &[u8], file: &str) -> Result<Format, ImportError> {
    if head.is_empty() {
        return Err(ImportError::whole(file, ImportErrorKind::Empty("0 bytes")));
    }
    sniff_bytes(head).ok_or_else(|| {
        let end = memchr::memchr(b'\n', head).unwrap_or(head.len());
        ImportError::whole(
            file,
            ImportErrorKind::UnknownLayout {
                first_row: shorten(&String::from_utf8_lossy(&head[..end]), 120),
                known: "GDELT 2.0 export, GDELT 1.0 daily or historical file, ICEWS events".into(),
            },
        )
    })
}

/// Reads an event file held in memory (for tests and fuzzing), keeping the pair's
/// `top` best-covered events.
pub fn read_bytes(
    bytes: &[u8],
    name: &str,
    pair: Option<Pair>,
    top: usize,
) -> Result<EventsPass, ImportError> {
    read_in_memory(name, pair, top, |shared, tally| {
        read_table_bytes(bytes, name, None, shared, tally)
    })
}

/// Reads GDELT events of a Parquet file held in memory (for tests and fuzzing), as
/// [`read_bytes`] does.
pub fn read_parquet_bytes(
    bytes: &[u8],
    name: &str,
    pair: Option<Pair>,
    top: usize,
) -> Result<EventsPass, ImportError> {
    read_in_memory(name, pair, top, |shared, tally| {
        let chunks = bytes::Bytes::copy_from_slice(bytes);
        tally.parquet = true;
        super::parquet::events::read(chunks, &shared.reading(name, None), tally)
    })
}

/// One file read by `read` in memory, as the only file of a pass.
fn read_in_memory(
    name: &str,
    pair: Option<Pair>,
    top: usize,
    read: impl FnOnce(&Shared<'_>, &mut FileTally) -> Result<(), ImportError>,
) -> Result<EventsPass, ImportError> {
    let (rows, counted) = (AtomicU64::new(0), AtomicU64::new(0));
    let cancel = AtomicBool::new(false);
    let shared = Shared {
        index: 0,
        pair,
        top,
        rows: &rows,
        bytes: &counted,
        cancel: &cancel,
    };
    let mut tally = FileTally {
        pair: PairTally::new(top),
        ..FileTally::default()
    };
    read(&shared, &mut tally)?;
    let mut merged = Merged::new(top);
    merged.add(tally);
    merged.finish(vec![name.to_owned()], name)
}

#[cfg(test)]
mod tests;

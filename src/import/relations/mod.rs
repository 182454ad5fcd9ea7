//! Importing what relates two countries beyond trade: the SIPRI Arms Transfers Database
//! (trade registers in both layouts, TIV tables) and UN General Assembly votes (Voeten,
//! Bailey and Strezhnev; the `unvotes` package; the UN Digital Library), with the
//! ideal-point estimates that go with the votes.
//!
//! These files go through [`super::scan`] and [`super::import`] like trade files: their
//! layout is told by the header row ([`detect`]), they stream through the same decoding
//! reader and row reader ([`super::table::Rows`]) with progress and cancel, their errors
//! give file, line and column, and what they hold is a [`FileReport`]. What an import
//! makes differs: arms deals and opposite votes become events, TIV and vote agreement
//! become series in their own units (never dollars).

pub(crate) mod arms;
pub(crate) mod counts;
pub(crate) mod cow;
pub(crate) mod sipri_register;
pub(crate) mod sipri_tiv;
pub(crate) mod unga;
pub(crate) mod votes;

use std::io::Read;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use crate::data::country::{CountryId, Pair, countries};
use crate::data::new_relationship::new_relationship;
use crate::data::{Dataset, PartialDate};

use super::build::FileFacts;
use super::decode::{CountingReader, text_reader};
use super::detect::{Format, Header};
use super::error::{ImportError, ImportErrorKind};
use super::progress::{Progress, Ticker};
use super::report::FileReport;
use super::table::Rows;

/// The relations layout whose header this is, if any.
pub(crate) fn detect(header: &Header) -> Option<Format> {
    let has = |names: &[&str]| header.has_all(names);
    if has(&[
        "SIPRI AT Database ID",
        "Supplier",
        "Recipient",
        "Delivery year",
    ]) {
        return Some(Format::SipriRegisterNew);
    }
    if has(&[
        "Recipient",
        "Supplier",
        "Year of order",
        "Weapon designation",
        "Year(s) of delivery",
    ]) {
        return Some(Format::SipriRegisterClassic);
    }
    let first = header.names.first().map(|n| n.trim().to_lowercase());
    if matches!(
        first.as_deref(),
        Some("exports by" | "imports by" | "recipient" | "supplier")
    ) && header.period_columns().len() >= 2
    {
        return Some(Format::SipriTiv);
    }
    if has(&["ms_code", "ms_vote", "undl_id"]) {
        return Some(Format::UnVotesUndl);
    }
    if has(&["rcid", "country_code", "vote"]) {
        return Some(Format::UnVotesUnvotes);
    }
    if has(&["rcid", "ccode", "vote"]) {
        return Some(Format::UnVotesVoeten);
    }
    if has(&["ccode", "session"]) && (has(&["IdealPointAll"]) || has(&["Idealpoint"])) {
        return Some(Format::UnIdealPoints);
    }
    if has(&["rcid", "session", "date"]) && (has(&["descr"]) || has(&["short"])) {
        return Some(Format::UnRollCalls);
    }
    None
}

/// What one read of a relations file found.
pub struct Pass {
    /// What the file holds, for the dialog and `bilateral check`.
    pub report: FileReport,
    /// What was kept for the pair.
    pub(crate) content: Content,
    /// The lines above the header (SIPRI's title and "Data generated" lines).
    pub(crate) preamble: Vec<String>,
}

/// What was kept of a file for the pair.
pub(crate) enum Content {
    /// Deals of a SIPRI trade register between the pair.
    Deals(Vec<sipri_register::Deal>),
    /// The pair's rows of a SIPRI TIV table.
    Tiv(sipri_tiv::TivTable),
    /// The pair's votes, with what is known of each roll call.
    Votes(unga::PairVotes),
    /// The pair's ideal points by session.
    IdealPoints(unga::IdealPoints),
    /// Roll-call descriptions only: nothing of a pair.
    RollCalls,
}

/// The relations layout of the file at `path`, from its first rows; `None` for any other
/// file (also when it cannot be read: the trade reader then says why).
pub(crate) fn sniff(path: &Path) -> Option<Format> {
    // A named pipe or a device is refused by the reader that follows, and is not opened in
    // a way that would wait for a writer that never comes.
    let (opened, _) = crate::io::file_state::open_regular(path).ok()?;
    let mut head = Vec::new();
    opened.take(64 * 1024).read_to_end(&mut head).ok()?;
    sniff_bytes(&head)
}

/// The relations layout of a file starting with `head`.
pub(crate) fn sniff_bytes(head: &[u8]) -> Option<Format> {
    if super::decode::container_of(head) != super::decode::Container::Plain {
        return None;
    }
    let cancel = AtomicBool::new(false);
    let mut quiet = |_: &Progress| {};
    let mut ticker = Ticker::new(&mut quiet, &cancel, None);
    let (text, encoding) = text_reader(Box::new(head)).ok()?;
    let mut rows = Rows::from_text("", None, text, encoding, &mut ticker).ok()?;
    rows.find_header(detect).ok().map(|(_, format)| format)
}

/// Reads the relations file at `path`, keeping what concerns `pair` (none: only counting).
pub(crate) fn read_path(
    path: &Path,
    pair: Option<Pair>,
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<Pass, ImportError> {
    let file = path.display().to_string();
    let (opened, metadata) = crate::io::file_state::open_regular(path)
        .map_err(|message| ImportError::whole(&file, ImportErrorKind::Io(message)))?;
    read_source(
        opened,
        &file,
        metadata.len(),
        Some(path),
        pair,
        progress,
        cancel,
    )
}

/// Reads a relations file from `reader` (`bytes` long, named `file`); `beside` is its path,
/// where the roll calls that date a votes file may lie.
pub(crate) fn read_source<R: Read>(
    reader: R,
    file: &str,
    bytes: u64,
    beside: Option<&Path>,
    pair: Option<Pair>,
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<Pass, ImportError> {
    if bytes == 0 {
        return Err(ImportError::whole(file, ImportErrorKind::Empty("0 bytes")));
    }
    let mut ticker = Ticker::new(progress, cancel, Some(bytes));
    let counted = CountingReader::new(reader, ticker.byte_counter());
    let (text, encoding) =
        text_reader(Box::new(counted)).map_err(|kind| ImportError::whole(file, kind))?;
    let mut rows = Rows::from_text(file, None, text, encoding, &mut ticker)?;
    let (header, format) = rows.find_header(detect)?;
    let preamble = rows.preamble.clone();
    let mut counts = counts::Counts::default();
    let content = match format {
        Format::SipriRegisterClassic | Format::SipriRegisterNew => Content::Deals(
            sipri_register::read(&mut rows, &header, format, pair, &mut counts)?,
        ),
        Format::SipriTiv => Content::Tiv(sipri_tiv::read(&mut rows, &header, pair, &mut counts)?),
        Format::UnIdealPoints => Content::IdealPoints(unga::read_ideal_points(
            &mut rows,
            &header,
            pair,
            &mut counts,
        )?),
        Format::UnRollCalls => {
            unga::count_roll_calls(&mut rows, &header, &mut counts)?;
            Content::RollCalls
        }
        _ => Content::Votes(unga::read_votes(
            &mut rows,
            &header,
            format,
            pair,
            beside,
            &mut counts,
        )?),
    };
    drop(rows);
    if ticker.rows() == 0 {
        return Err(ImportError::whole(
            file,
            ImportErrorKind::Empty("a header but no data rows"),
        ));
    }
    ticker.finish();
    let report = counts.finish(file, format, Some(encoding.label()), ticker.rows());
    Ok(Pass {
        report,
        content,
        preamble,
    })
}

/// The name of the country `id`, as the country table gives it.
pub(crate) fn name(id: CountryId) -> &'static str {
    countries().get(id).map_or("?", |c| c.name.as_str())
}

/// The ISO alpha-3 code of `id`, in lower case for record ids.
pub(crate) fn iso3(id: CountryId) -> String {
    countries()
        .get(id)
        .map_or_else(|| "xxx".to_owned(), |c| c.iso3.to_ascii_lowercase())
}

/// An empty dataset for `pair`, dated by the import, with `description`.
pub(crate) fn pair_dataset(
    pair: Pair,
    facts: &FileFacts,
    description: String,
) -> Result<Dataset, ImportErrorKind> {
    let mut dataset = new_relationship(pair, facts.imported_on).ok_or_else(|| {
        ImportErrorKind::NothingForPair("a country of the pair is not in Bilateral's table".into())
    })?;
    dataset.metadata.description = description;
    Ok(dataset)
}

/// The dataset an import of `pass` makes for `pair`; an error saying why when it makes
/// nothing (no row of the pair, votes with no date, roll calls alone).
pub fn build(pass: &Pass, pair: Pair, facts: &FileFacts) -> Result<Dataset, ImportErrorKind> {
    match &pass.content {
        Content::Deals(deals) => arms::build_register(deals, pair, facts, &pass.preamble),
        Content::Tiv(table) => arms::build_tiv(table, pair, facts, &pass.preamble),
        Content::Votes(found) => votes::build_votes(found, pair, facts),
        Content::IdealPoints(points) => votes::build_ideal_points(points, pair, facts),
        Content::RollCalls => Err(ImportErrorKind::NothingForPair(
            "this file describes roll calls but holds no country's vote: import the votes file, with this one beside it".into(),
        )),
    }
}

/// A line of the preamble that starts with `prefix`, without it: SIPRI's
/// `Data generated: 13 Mar 2025 10:02:49 AM`.
pub(crate) fn preamble_line<'p>(preamble: &'p [String], prefix: &str) -> Option<&'p str> {
    preamble.iter().find_map(|line| {
        line.trim_start_matches(',')
            .trim()
            .strip_prefix(prefix)
            .map(|rest| rest.trim().trim_end_matches(',').trim())
    })
}

/// `13 Mar 2025 10:02:49 AM` (or `13 Mar 2025`) as a day.
pub(crate) fn generated_date(text: &str) -> Option<PartialDate> {
    let mut words = text.split_whitespace();
    let day: u8 = words.next()?.parse().ok()?;
    let month = words.next()?.get(..3)?.to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let month = u8::try_from(months.iter().position(|m| *m == month)? + 1).ok()?;
    let year: i32 = words.next()?.parse().ok()?;
    PartialDate::parse(&format!("{year:04}-{month:02}-{day:02}")).ok()
}

/// Reads a relations file held in memory (for tests and fuzzing).
pub fn read_bytes(bytes: &[u8], name: &str, pair: Option<Pair>) -> Result<Pass, ImportError> {
    let cancel = AtomicBool::new(false);
    read_source(
        std::io::Cursor::new(bytes),
        name,
        bytes.len() as u64,
        None,
        pair,
        &mut |_| {},
        &cancel,
    )
}

#[cfg(test)]
mod tests;

//! UN General Assembly votes: the Voeten, Bailey and Strezhnev roll calls (COW `ccode`,
//! votes 1 yes, 2 abstain, 3 no, 8 absent, 9 not a member), the `unvotes` package's CSV
//! (ISO2 `country_code`, `yes`/`no`/`abstain`), the UN Digital Library's bulk CSV (ISO3
//! `ms_code`, `Y`/`N`/`A`/`X`), roll-call descriptions, and ideal-point estimates.
//!
//! A votes file that does not date its roll calls (the `unvotes` CSV, Voeten's raw votes)
//! is dated from a roll-call file beside it, found by content: Voeten's descriptions or
//! the `unvotes` `roll_calls.csv` (and its `issues.csv` for issue codes).

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use crate::data::PartialDate;
use crate::data::country::{CodeScheme, CountryId, Pair, countries};

use super::super::decode::text_reader;
use super::super::detect::{Format, Header};
use super::super::error::{ImportError, ImportErrorKind};
use super::super::numbers::parse_digits;
use super::super::progress::{Progress, Ticker};
use super::super::table::{Rows, shorten};
use super::counts::Counts;
use super::cow::cow_country;

/// A country's vote on a roll call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Vote {
    /// Yes.
    Yes,
    /// Abstained.
    Abstain,
    /// No.
    No,
    /// Present in the Assembly but not voting (absent).
    Absent,
    /// Not a member of the UN at the time.
    NotMember,
}

impl Vote {
    /// `yes`, `abstained`, …
    pub(crate) fn label(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::Abstain => "abstained",
            Self::No => "no",
            Self::Absent => "absent",
            Self::NotMember => "not a member",
        }
    }

    /// Whether the vote counts towards agreement (yes, no or abstain).
    pub(crate) fn is_cast(self) -> bool {
        matches!(self, Self::Yes | Self::No | Self::Abstain)
    }
}

/// The issue codes of the Voeten data, with their names.
pub(crate) const ISSUES: [(&str, &str); 6] = [
    ("me", "the Palestinian conflict"),
    ("nu", "nuclear weapons and nuclear material"),
    ("di", "arms control and disarmament"),
    ("hr", "human rights"),
    ("co", "colonialism"),
    ("ec", "economic development"),
];

/// What is known of one roll call.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct RollCall {
    /// When it was held.
    pub(crate) date: Option<PartialDate>,
    /// The Assembly's session.
    pub(crate) session: Option<u32>,
    /// The resolution (`R/68/262`, `A/RES/78/1`).
    pub(crate) resolution: String,
    /// A short title.
    pub(crate) title: String,
    /// A longer description.
    pub(crate) description: String,
    /// Issue codes ([`ISSUES`]).
    pub(crate) issues: Vec<&'static str>,
    /// Yes, no and abstentions in the whole Assembly, when given.
    pub(crate) totals: Option<[u32; 3]>,
}

impl RollCall {
    /// The year it counts in: its date's, or the year its session opened (approximate).
    pub(crate) fn year(&self) -> Option<(i32, bool)> {
        self.date
            .map(|d| (d.year, false))
            .or_else(|| self.session.map(|s| (session_year(s), true)))
    }
}

/// The highest session number read (the Assembly holds one a year; the 80th opened in 2025).
const MAX_SESSION: u32 = 999;

/// The year session `session` opened (session 1 in 1946, session 74 in 2019).
pub(crate) fn session_year(session: u32) -> i32 {
    1945 + i32::try_from(session).unwrap_or(0)
}

/// The pair's votes, with what is known of their roll calls.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PairVotes {
    /// Votes of the pair's first and second country, by roll call id.
    pub(crate) votes: BTreeMap<String, [Option<Vote>; 2]>,
    /// Roll calls by id (from the file or the roll-call file beside it).
    pub(crate) roll_calls: HashMap<String, RollCall>,
    /// The layout of the votes file.
    pub(crate) format: Option<Format>,
    /// The roll-call files read beside the votes file.
    pub(crate) companions: Vec<String>,
}

/// The pair's ideal points by session.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct IdealPoints {
    /// Ideal point and votes behind it of the first and second country, by session.
    pub(crate) by_session: BTreeMap<u32, [Option<(f64, u32)>; 2]>,
}

/// Which countries took part in which roll call (or session), to count every pair.
#[derive(Default)]
struct Presence {
    index: HashMap<String, usize>,
    years: Vec<Option<i32>>,
    bits: HashMap<CountryId, Vec<u64>>,
}

impl Presence {
    fn mark(&mut self, key: &str, year: Option<i32>, country: CountryId) {
        let next = self.index.len();
        let slot = *self.index.entry(key.to_owned()).or_insert(next);
        if slot == self.years.len() {
            self.years.push(year);
        }
        let words = self.bits.entry(country).or_default();
        let word = slot / 64;
        if words.len() <= word {
            words.resize(word + 1, 0);
        }
        words[word] |= 1 << (slot % 64);
    }

    /// Counts, for every pair, the roll calls (sessions) both took part in.
    fn count_pairs(&self, counts: &mut Counts) {
        let mut countries: Vec<(&CountryId, &Vec<u64>)> = self.bits.iter().collect();
        countries.sort_by_key(|(id, _)| **id);
        for (i, (a, bits_a)) in countries.iter().enumerate() {
            for (b, bits_b) in countries.iter().skip(i + 1) {
                let mut both = 0u64;
                let (mut first, mut last) = (i32::MAX, i32::MIN);
                for (w, (x, y)) in bits_a.iter().zip(bits_b.iter()).enumerate() {
                    let mut common = x & y;
                    both += u64::from(common.count_ones());
                    while common != 0 {
                        let bit = common.trailing_zeros() as usize;
                        common &= common - 1;
                        if let Some(Some(year)) = self.years.get(w * 64 + bit) {
                            first = first.min(*year);
                            last = last.max(*year);
                        }
                    }
                }
                if both > 0 {
                    counts.pair(**a, **b, None, both);
                    if first <= last {
                        counts.pair(**a, **b, Some(first), 0);
                        counts.pair(**a, **b, Some(last), 0);
                    }
                }
            }
        }
    }
}

/// `3/27/2014`, `2014-03-27` or `2014-03-27T00:00:00` as a day.
pub(crate) fn parse_date(text: &str) -> Option<PartialDate> {
    let text = text.trim();
    let text = text.split(['T', ' ']).next().unwrap_or(text);
    let parts: Vec<&str> = text.split(['/', '-']).collect();
    let number = |s: &str| parse_digits(s.as_bytes());
    let (year, month, day) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => (number(y)?, number(m)?, number(d)?),
        [m, d, y] if y.len() == 4 => (number(y)?, number(m)?, number(d)?),
        _ => return None,
    };
    PartialDate::parse(&format!("{year:04}-{month:02}-{day:02}")).ok()
}

/// The columns of a votes layout.
struct VoteColumns {
    id: usize,
    vote: usize,
    country: usize,
    year: Option<usize>,
    session: Option<usize>,
    date: Option<usize>,
    resolution: Option<usize>,
    title: Option<usize>,
    description: Option<usize>,
    issues: Vec<(usize, &'static str)>,
    totals: Option<[usize; 3]>,
}

fn vote_columns(
    rows: &Rows<'_, '_>,
    header: &Header,
    format: Format,
) -> Result<VoteColumns, ImportError> {
    let [id, vote, country] = match format {
        Format::UnVotesUndl => rows.columns(header, format, ["undl_id", "ms_vote", "ms_code"])?,
        Format::UnVotesUnvotes => rows.columns(header, format, ["rcid", "vote", "country_code"])?,
        _ => rows.columns(header, format, ["rcid", "vote", "ccode"])?,
    };
    let find = |names: &[&str]| names.iter().find_map(|n| header.find(n));
    Ok(VoteColumns {
        id,
        vote,
        country,
        year: find(&["year"]),
        session: find(&["session"]),
        date: find(&["date"]),
        resolution: find(&["unres", "resolution"]),
        title: find(&["short", "title"]),
        description: find(&["descr", "agenda_title"]),
        issues: ISSUES
            .iter()
            .filter_map(|(code, _)| header.find(code).map(|i| (i, *code)))
            .collect(),
        totals: match (
            find(&["yes", "total_yes"]),
            find(&["no", "total_no"]),
            find(&["abstain", "total_abstentions"]),
        ) {
            (Some(y), Some(n), Some(a)) => Some([y, n, a]),
            _ => None,
        },
    })
}

fn vote_of(format: Format, text: &str) -> Option<Vote> {
    let text = text.trim();
    match format {
        Format::UnVotesUndl => match text.to_ascii_uppercase().as_str() {
            "Y" => Some(Vote::Yes),
            "N" => Some(Vote::No),
            "A" => Some(Vote::Abstain),
            "X" => Some(Vote::Absent),
            _ => None,
        },
        Format::UnVotesUnvotes => match text.to_ascii_lowercase().as_str() {
            "yes" => Some(Vote::Yes),
            "no" => Some(Vote::No),
            "abstain" => Some(Vote::Abstain),
            _ => None,
        },
        _ => match text {
            "1" => Some(Vote::Yes),
            "2" => Some(Vote::Abstain),
            "3" => Some(Vote::No),
            "8" => Some(Vote::Absent),
            "9" => Some(Vote::NotMember),
            _ => None,
        },
    }
}

/// What the votes layout expects in its vote column, for errors.
fn votes_expected(format: Format) -> &'static str {
    match format {
        Format::UnVotesUndl => "Y, N, A or X",
        Format::UnVotesUnvotes => "yes, no or abstain",
        _ => "1 (yes), 2 (abstain), 3 (no), 8 (absent) or 9 (not a member)",
    }
}

/// The roll call described by the current row, from the columns the layout has.
fn roll_call_of(rows: &Rows<'_, '_>, columns: &VoteColumns) -> Result<RollCall, ImportError> {
    let text = |index: Option<usize>| -> Result<String, ImportError> {
        index.map_or(Ok(String::new()), |i| {
            rows.text(i).map(std::borrow::Cow::into_owned)
        })
    };
    let date_text = text(columns.date)?;
    let date = match date_text.as_str() {
        "" | "NA" => None,
        written => Some(parse_date(written).ok_or_else(|| {
            rows.error(
                columns.date.unwrap_or(0),
                ImportErrorKind::NotReadable {
                    column: "date".into(),
                    text: shorten(written, 40),
                    expected: "a date (M/D/YYYY or YYYY-MM-DD)",
                },
            )
        })?),
    };
    let session = text(columns.session)?;
    let year = text(columns.year)?;
    let mut date = date;
    if date.is_none()
        && let Some(y) = parse_digits(year.as_bytes())
            .filter(|y| (1000..=9999).contains(y))
            .and_then(|y| i32::try_from(y).ok())
    {
        date = Some(PartialDate::year(y));
    }
    let mut issues = Vec::new();
    for (index, code) in &columns.issues {
        if parse_digits(rows.field(*index)).is_some_and(|v| v > 0) {
            issues.push(*code);
        }
    }
    let totals = match columns.totals {
        Some([y, n, a]) => {
            let count = |i: usize| parse_digits(rows.field(i));
            match (count(y), count(n), count(a)) {
                (Some(y), Some(n), Some(a)) => Some([y, n, a]),
                _ => None,
            }
        }
        None => None,
    };
    Ok(RollCall {
        date,
        session: parse_digits(session.as_bytes()).filter(|s| (1..=MAX_SESSION).contains(s)),
        resolution: text(columns.resolution)?,
        title: text(columns.title)?,
        description: text(columns.description)?,
        issues,
        totals,
    })
}

/// Reads a votes file, counting every pair's common votes and keeping `pair`'s.
pub(crate) fn read_votes(
    rows: &mut Rows<'_, '_>,
    header: &Header,
    format: Format,
    pair: Option<Pair>,
    beside: Option<&Path>,
    counts: &mut Counts,
) -> Result<PairVotes, ImportError> {
    let columns = vote_columns(rows, header, format)?;
    // Sessions and years date roll calls only roughly: without days, a roll-call file
    // beside the votes is read, and its dates come first.
    let described_here =
        columns.date.is_some() || columns.year.is_some() || columns.session.is_some();
    let mut found = PairVotes {
        format: Some(format),
        ..PairVotes::default()
    };
    if columns.date.is_none()
        && let Some(path) = beside
    {
        read_companions(path, &mut found, counts);
    }
    let table = countries();
    let mut presence = Presence::default();
    let mut left_out: BTreeMap<&'static str, u64> = BTreeMap::new();
    while rows.next_row()? {
        rows.tick()?;
        let id = rows.text(columns.id)?.into_owned();
        let vote_text = rows.text(columns.vote)?;
        let Some(vote) = vote_of(format, &vote_text) else {
            if vote_text.is_empty() || vote_text == "NA" {
                counts.skip("no vote recorded");
                continue;
            }
            return Err(rows.error(
                columns.vote,
                ImportErrorKind::NotReadable {
                    column: header.names[columns.vote].clone(),
                    text: shorten(&vote_text, 40),
                    expected: votes_expected(format),
                },
            ));
        };
        if described_here && !found.roll_calls.contains_key(&id) {
            let call = roll_call_of(rows, &columns)?;
            found.roll_calls.insert(id.clone(), call);
        }
        let year = found
            .roll_calls
            .get(&id)
            .and_then(RollCall::year)
            .map(|(y, _)| y);
        let code = rows.text(columns.country)?;
        let country = match format {
            Format::UnVotesUndl => table.by_code(CodeScheme::Iso3, &code).map(|c| c.id),
            Format::UnVotesUnvotes if code.eq_ignore_ascii_case("YU") => {
                // The package keeps Yugoslavia's code for Serbia after 2006.
                year.filter(|y| *y >= 2006)
                    .and_then(|_| table.lookup("SRB"))
                    .map(|c| c.id)
            }
            Format::UnVotesUnvotes => table.by_code(CodeScheme::Iso2, &code).map(|c| c.id),
            _ => parse_digits(code.as_bytes())
                .and_then(|c| u16::try_from(c).ok())
                .and_then(|c| cow_country(c, year)),
        };
        let Some(country) = country else {
            counts.unknown(&header.names[columns.country], &code);
            continue;
        };
        if let Some(y) = year {
            counts.year(y);
        }
        if vote.is_cast() {
            presence.mark(&id, year, country);
        } else {
            *left_out.entry(vote.label()).or_insert(0) += 1;
        }
        if let Some(pair) = pair
            && let Some(side) = pair.countries().iter().position(|c| *c == country)
        {
            found.votes.entry(id).or_default()[side] = Some(vote);
        }
    }
    presence.count_pairs(counts);
    counts.set_used(presence_votes(&presence));
    for (why, n) in left_out {
        counts.warn(format!(
            "{n} votes recorded as {why} are left out of agreement"
        ));
    }
    if found.roll_calls.is_empty() {
        counts.warn("the roll calls are not dated: put the roll-call file (the unvotes package's roll_calls.csv, or Voeten's descriptions) beside this file to make yearly series".into());
    }
    Ok(found)
}

fn presence_votes(presence: &Presence) -> u64 {
    presence
        .bits
        .values()
        .flat_map(|words| words.iter())
        .map(|w| u64::from(w.count_ones()))
        .sum()
}

/// Reads the roll-call files beside `path` (found by their header) into `found`.
fn read_companions(path: &Path, found: &mut PairVotes, counts: &mut Counts) {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p != path && p.is_file())
        .filter(|p| {
            p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                ["csv", "tab", "txt", "tsv"].contains(&e.to_ascii_lowercase().as_str())
            })
        })
        .collect();
    files.sort();
    for kind in [Companion::RollCalls, Companion::Issues] {
        for file in &files {
            match read_companion(file, kind, found) {
                Ok(true) => found.companions.push(file.display().to_string()),
                Ok(false) => {}
                Err(error) => counts.warn(format!("roll calls beside the file not read: {error}")),
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Companion {
    RollCalls,
    Issues,
}

/// Reads `path` into `found` when it is a companion of `kind`; false when it is not one.
fn read_companion(
    path: &Path,
    kind: Companion,
    found: &mut PairVotes,
) -> Result<bool, ImportError> {
    let file = path.display().to_string();
    let (opened, _) = crate::io::file_state::open_regular(path)
        .map_err(|message| ImportError::whole(&file, ImportErrorKind::Io(message)))?;
    let mut head = Vec::new();
    let _ = opened.take(64 * 1024).read_to_end(&mut head);
    let recognise = |h: &Header| match kind {
        Companion::RollCalls => (super::detect(h) == Some(Format::UnRollCalls)).then_some(()),
        Companion::Issues => {
            (h.has_all(&["rcid", "issue"]) && h.find("vote").is_none()).then_some(())
        }
    };
    {
        let cancel = AtomicBool::new(false);
        let mut quiet = |_: &Progress| {};
        let mut ticker = Ticker::new(&mut quiet, &cancel, None);
        let (text, encoding) =
            text_reader(Box::new(head.as_slice())).map_err(|k| ImportError::whole(&file, k))?;
        let mut rows = Rows::from_text(&file, None, text, encoding, &mut ticker)?;
        if rows.find_header(recognise).is_err() {
            return Ok(false);
        }
    }
    let (opened, _) = crate::io::file_state::open_regular(path)
        .map_err(|message| ImportError::whole(&file, ImportErrorKind::Io(message)))?;
    let cancel = AtomicBool::new(false);
    let mut quiet = |_: &Progress| {};
    let mut ticker = Ticker::new(&mut quiet, &cancel, None);
    let (text, encoding) =
        text_reader(Box::new(opened)).map_err(|k| ImportError::whole(&file, k))?;
    let mut rows = Rows::from_text(&file, None, text, encoding, &mut ticker)?;
    let (header, ()) = rows.find_header(recognise)?;
    match kind {
        Companion::RollCalls => {
            let columns = roll_call_columns(&rows, &header)?;
            while rows.next_row()? {
                let id = rows.text(columns.id)?.into_owned();
                let call = roll_call_of(&rows, &columns)?;
                found.roll_calls.insert(id, call);
            }
        }
        Companion::Issues => {
            let [id, issue] = rows.columns(&header, Format::UnRollCalls, ["rcid", "issue"])?;
            while rows.next_row()? {
                let name = rows.text(issue)?.to_lowercase();
                let code = ISSUES.iter().find(|(_, n)| {
                    let n = n.trim_start_matches("the ").to_lowercase();
                    name == n || name.starts_with(&n)
                });
                if let (Some((code, _)), Some(call)) =
                    (code, found.roll_calls.get_mut(rows.text(id)?.as_ref()))
                    && !call.issues.contains(code)
                {
                    call.issues.push(code);
                }
            }
        }
    }
    Ok(true)
}

fn roll_call_columns(rows: &Rows<'_, '_>, header: &Header) -> Result<VoteColumns, ImportError> {
    let [id] = rows.columns(header, Format::UnRollCalls, ["rcid"])?;
    let mut columns = vote_columns_of_descriptions(header);
    columns.id = id;
    Ok(columns)
}

fn vote_columns_of_descriptions(header: &Header) -> VoteColumns {
    let find = |names: &[&str]| names.iter().find_map(|n| header.find(n));
    VoteColumns {
        id: 0,
        vote: 0,
        country: 0,
        year: find(&["year"]),
        session: find(&["session"]),
        date: find(&["date"]),
        resolution: find(&["unres"]),
        title: find(&["short"]),
        description: find(&["descr"]),
        issues: ISSUES
            .iter()
            .filter_map(|(code, _)| header.find(code).map(|i| (i, *code)))
            .collect(),
        totals: match (find(&["yes"]), find(&["no"]), find(&["abstain"])) {
            (Some(y), Some(n), Some(a)) => Some([y, n, a]),
            _ => None,
        },
    }
}

/// Counts a roll-call file alone (it holds no country's vote).
pub(crate) fn count_roll_calls(
    rows: &mut Rows<'_, '_>,
    header: &Header,
    counts: &mut Counts,
) -> Result<(), ImportError> {
    let columns = roll_call_columns(rows, header)?;
    while rows.next_row()? {
        rows.tick()?;
        let call = roll_call_of(rows, &columns)?;
        if let Some((year, _)) = call.year() {
            counts.year(year);
        }
    }
    counts.warn("roll-call descriptions only: put this file beside a votes file that lacks dates (the unvotes CSV, Voeten's raw votes) and import that one".into());
    Ok(())
}

/// Reads ideal-point estimates, counting the pairs of countries estimated in the same
/// sessions and keeping `pair`'s points.
pub(crate) fn read_ideal_points(
    rows: &mut Rows<'_, '_>,
    header: &Header,
    pair: Option<Pair>,
    counts: &mut Counts,
) -> Result<IdealPoints, ImportError> {
    let format = Format::UnIdealPoints;
    let [ccode, session] = rows.columns(header, format, ["ccode", "session"])?;
    // `IdealPointAll` in the July 2023 release; also read under the name `Idealpoint`.
    let point = match header
        .find("IdealPointAll")
        .or_else(|| header.find("Idealpoint"))
    {
        Some(point) => point,
        None => rows.columns(header, format, ["IdealPointAll"])?[0],
    };
    let iso3 = header.find("iso3c");
    let votes = header.find("NVotesAll");
    let table = countries();
    let mut presence = Presence::default();
    let mut found = IdealPoints::default();
    while rows.next_row()? {
        rows.tick()?;
        let Some(session_number) =
            parse_digits(rows.field(session)).filter(|s| (1..=MAX_SESSION).contains(s))
        else {
            return Err(rows.error(
                session,
                ImportErrorKind::NotReadable {
                    column: "session".into(),
                    text: shorten(&rows.text(session)?, 40),
                    expected: "a session number",
                },
            ));
        };
        let year = session_year(session_number);
        let by_iso = match iso3 {
            Some(i) => table
                .by_code(CodeScheme::Iso3, &rows.text(i)?)
                .map(|c| c.id),
            None => None,
        };
        let code = rows.text(ccode)?.into_owned();
        let country = parse_digits(code.as_bytes())
            .and_then(|c| u16::try_from(c).ok())
            .and_then(|c| cow_country(c, Some(year)))
            .or(by_iso);
        let Some(country) = country else {
            counts.unknown("ccode", &code);
            continue;
        };
        let Some(value) = rows.value(point, &header.names[point])? else {
            counts.skip("no ideal point");
            continue;
        };
        let behind = match votes {
            Some(i) => parse_digits(rows.field(i)).unwrap_or(0),
            None => 0,
        };
        counts.year(year);
        presence.mark(&session_number.to_string(), Some(year), country);
        if let Some(pair) = pair
            && let Some(side) = pair.countries().iter().position(|c| *c == country)
        {
            found.by_session.entry(session_number).or_default()[side] = Some((value.value, behind));
        }
    }
    presence.count_pairs(counts);
    counts.set_used(presence_votes(&presence));
    Ok(found)
}

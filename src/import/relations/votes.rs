//! What UN General Assembly votes make for a pair: yearly agreement (the share of votes
//! alike, and the agreement index of the literature: 1 same vote, 0.5 when one abstains,
//! 0 opposed), by issue where the data has issue codes, each year with the votes behind
//! it and the votes left out; the votes on which the two voted opposite ways as events;
//! and, from ideal-point estimates, the distance between the two per session.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::data::country::Pair;
use crate::data::{Dataset, Domain, Event, PartialDate, Point, Series, SeriesKind, Source, Stance};
use crate::display::format::format_value;

use super::super::build::{FileFacts, import_id};
use super::super::detect::Format;
use super::super::error::ImportErrorKind;
use super::super::table::shorten;
use super::unga::{ISSUES, IdealPoints, PairVotes, RollCall, Vote, session_year};
use super::{iso3, name, pair_dataset};

/// The unit of the share of votes alike.
pub(crate) const SHARE_UNIT: &str = "% of votes alike";
/// The unit of the agreement index.
pub(crate) const INDEX_UNIT: &str = "agreement index (0–1)";
/// The unit of ideal points and their distance.
pub(crate) const IDEAL_POINT_UNIT: &str = "ideal point (UNGA)";

/// Who published a layout.
fn publisher(format: Format) -> &'static str {
    match format {
        Format::UnVotesUndl => "United Nations Digital Library (voting data)",
        Format::UnVotesUnvotes => {
            "R package unvotes (the UN General Assembly voting data of Voeten, Bailey and Strezhnev)"
        }
        _ => {
            "Erik Voeten, Anton Strezhnev and Michael Bailey, United Nations General Assembly Voting Data, Harvard Dataverse, hdl:1902.1/12379"
        }
    }
}

/// Votes of one year (or one issue in one year).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Tally {
    /// Roll calls both voted yes, no or abstain in.
    pub(crate) both_voted: u32,
    /// Of them, the same vote.
    pub(crate) same: u32,
    /// Of them, one abstaining and the other not.
    pub(crate) one_abstaining: u32,
    /// Of them, yes against no.
    pub(crate) opposed: u32,
    /// Left out: one of them absent.
    pub(crate) absent: u32,
    /// Left out: one of them not a member.
    pub(crate) not_member: u32,
    /// Left out: no vote of one of them in the file.
    pub(crate) unrecorded: u32,
    /// Dated by the session's year, not by the vote's date.
    pub(crate) by_session: bool,
}

impl Tally {
    fn add(&mut self, votes: [Option<Vote>; 2]) {
        match votes {
            [Some(a), Some(b)] if a.is_cast() && b.is_cast() => {
                self.both_voted += 1;
                if a == b {
                    self.same += 1;
                } else if a == Vote::Abstain || b == Vote::Abstain {
                    self.one_abstaining += 1;
                } else {
                    self.opposed += 1;
                }
            }
            _ if votes.contains(&Some(Vote::NotMember)) => self.not_member += 1,
            _ if votes.contains(&Some(Vote::Absent)) => self.absent += 1,
            _ => self.unrecorded += 1,
        }
    }

    /// The share of votes alike, in percent.
    pub(crate) fn share_percent(&self) -> Option<f64> {
        (self.both_voted > 0).then(|| f64::from(self.same) * 100.0 / f64::from(self.both_voted))
    }

    /// The agreement index: 1 same, 0.5 one abstaining, 0 opposed, averaged.
    pub(crate) fn index(&self) -> Option<f64> {
        (self.both_voted > 0).then(|| {
            (f64::from(self.same) + 0.5 * f64::from(self.one_abstaining))
                / f64::from(self.both_voted)
        })
    }

    fn note(&self) -> String {
        let mut note = format!(
            "{} roll calls both voted in ({} alike, {} with one abstaining, {} opposed); left out: {} with one absent, {} with one not a member, {} with no vote of one in the file",
            self.both_voted,
            self.same,
            self.one_abstaining,
            self.opposed,
            self.absent,
            self.not_member,
            self.unrecorded
        );
        if self.by_session {
            note.push_str("; dated by the year the session opened (the file gives no dates)");
        }
        note
    }
}

/// Agreement of the pair: by year, and by issue and year.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Agreement {
    /// All roll calls, by year.
    pub(crate) by_year: BTreeMap<i32, Tally>,
    /// Roll calls with an issue code, by issue and year.
    pub(crate) by_issue: BTreeMap<&'static str, BTreeMap<i32, Tally>>,
    /// Roll calls both voted in that have no year.
    pub(crate) undated: Tally,
}

/// Tallies the pair's votes.
pub(crate) fn agreement(found: &PairVotes) -> Agreement {
    let mut result = Agreement::default();
    for (id, votes) in &found.votes {
        let call = found.roll_calls.get(id);
        let Some((year, by_session)) = call.and_then(RollCall::year) else {
            result.undated.add(*votes);
            continue;
        };
        let tally = result.by_year.entry(year).or_default();
        tally.add(*votes);
        tally.by_session |= by_session;
        for issue in call.map(|c| c.issues.as_slice()).unwrap_or_default() {
            let tally = result
                .by_issue
                .entry(issue)
                .or_default()
                .entry(year)
                .or_default();
            tally.add(*votes);
            tally.by_session |= by_session;
        }
    }
    result
}

fn series(
    id: String,
    label: String,
    unit: &str,
    note: &str,
    tallies: &BTreeMap<i32, Tally>,
    value: impl Fn(&Tally) -> Option<f64>,
    sources: &[String],
) -> Series {
    Series {
        id,
        label,
        unit: unit.to_owned(),
        kind: SeriesKind::Other,
        note: note.to_owned(),
        points: tallies
            .iter()
            .filter_map(|(year, tally)| {
                Some(Point {
                    year: *year,
                    period: None,
                    value: Some(value(tally)?),
                    range: None,
                    approximate: tally.by_session,
                    sources: sources.to_vec(),
                    note: tally.note(),
                })
            })
            .collect(),
    }
}

/// The dataset of the pair's votes.
#[expect(
    clippy::too_many_lines,
    reason = "the sources, the agreement series and the events of one import, in the order a reader meets them"
)]
pub(crate) fn build_votes(
    found: &PairVotes,
    pair: Pair,
    facts: &FileFacts,
) -> Result<Dataset, ImportErrorKind> {
    let (a, b) = (name(pair.first), name(pair.second));
    let tallies = agreement(found);
    let both: u32 = tallies.by_year.values().map(|t| t.both_voted).sum();
    if tallies.by_year.is_empty() || both == 0 {
        let undated = tallies.undated;
        let why = if undated.both_voted > 0 {
            format!(
                "the {} roll calls both {a} and {b} voted in are not dated (over them: {} alike, agreement index {}); put the roll-call file (the unvotes package's roll_calls.csv, or Voeten's descriptions) beside this file",
                undated.both_voted,
                undated.same,
                undated.index().map_or_else(String::new, format_value)
            )
        } else {
            format!("no roll call in this file in which both {a} and {b} voted")
        };
        return Err(ImportErrorKind::NothingForPair(why));
    }
    let format = found.format.unwrap_or(Format::UnVotesVoeten);
    let main = Source {
        id: format!("{}--unga", import_id(&facts.file_name)),
        author: None,
        title: format!(
            "UN General Assembly roll-call votes, {}: {}",
            format.label(),
            facts.file_name
        ),
        publisher: Some(publisher(format).to_owned()),
        date: facts.file_date,
        url: None,
        file: None,
        note: format!(
            "Imported by Bilateral on {} from the file {} ({}), dated {} by its last change.",
            facts.imported_on,
            facts.file_name,
            format.label(),
            facts
                .file_date
                .map_or_else(|| "unknown".to_owned(), |d| d.to_string())
        ),
    };
    let mut records = vec![main];
    for (n, companion) in found.companions.iter().enumerate() {
        let file = std::path::Path::new(companion)
            .file_name()
            .map_or_else(|| companion.clone(), |f| f.to_string_lossy().into_owned());
        records.push(Source {
            id: format!("{}--roll-calls-{}", import_id(&facts.file_name), n + 1),
            author: None,
            title: format!("UN General Assembly roll calls (dates, resolutions, issues): {file}"),
            publisher: Some(publisher(format).to_owned()),
            date: None,
            url: None,
            file: None,
            note: format!(
                "Read by Bilateral on {} from the file {file}, found beside {} to date its roll calls.",
                facts.imported_on, facts.file_name
            ),
        });
    }
    let cited: Vec<String> = records.iter().map(|s| s.id.clone()).collect();
    let mut dataset = pair_dataset(
        pair,
        facts,
        format!(
            "How {a} and {b} voted in the UN General Assembly, from {}: yearly agreement, and the votes on which they voted opposite ways.",
            facts.file_name
        ),
    )?;
    let key = format!("{}-{}", iso3(pair.first), iso3(pair.second));
    let note = "Absences and years of non-membership are left out and counted in each point's note, with the roll calls behind the value.";
    dataset.series.push(series(
        format!("unga-agreement-share-{key}"),
        format!("UN General Assembly votes alike, {a} and {b}"),
        SHARE_UNIT,
        &format!("Share of the roll calls both voted in (yes, no or abstain) where they voted the same way. {note}"),
        &tallies.by_year,
        Tally::share_percent,
        &cited,
    ));
    dataset.series.push(series(
        format!("unga-agreement-index-{key}"),
        format!("UN General Assembly agreement index, {a} and {b}"),
        INDEX_UNIT,
        &format!("1 for the same vote, 0.5 when one abstains, 0 for yes against no, averaged over the roll calls both voted in. {note}"),
        &tallies.by_year,
        Tally::index,
        &cited,
    ));
    for (issue, by_year) in &tallies.by_issue {
        let issue_name = ISSUES
            .iter()
            .find(|(code, _)| code == issue)
            .map_or(*issue, |(_, n)| n);
        dataset.series.push(series(
            format!("unga-agreement-index-{key}-{issue}"),
            format!("UN General Assembly agreement index on {issue_name}, {a} and {b}"),
            INDEX_UNIT,
            &format!("The agreement index over the roll calls the data codes as on {issue_name} (code `{issue}`). {note}"),
            by_year,
            Tally::index,
            &cited,
        ));
    }
    for (id, votes) in &found.votes {
        let ([Some(first), Some(second)], Some(call)) = (votes, found.roll_calls.get(id)) else {
            continue;
        };
        let opposed = matches!(
            (first, second),
            (Vote::Yes, Vote::No) | (Vote::No, Vote::Yes)
        );
        if !opposed {
            continue;
        }
        if let Some(event) = vote_event(id, call, [*first, *second], pair, facts, &cited) {
            dataset.events.push(event);
        }
    }
    dataset.sources = records;
    Ok(dataset)
}

fn vote_event(
    id: &str,
    call: &RollCall,
    votes: [Vote; 2],
    pair: Pair,
    facts: &FileFacts,
    sources: &[String],
) -> Option<Event> {
    let (year, by_session) = call.year()?;
    let date = match call.date {
        Some(date) => date,
        None => PartialDate {
            approximate: by_session,
            ..PartialDate::year(year)
        },
    };
    let (a, b) = (name(pair.first), name(pair.second));
    let what = match (call.resolution.as_str(), call.title.as_str()) {
        ("", "") => format!("roll call {id}"),
        (resolution, "") => resolution.to_owned(),
        ("", title) => shorten(title, 80),
        (resolution, title) => format!("{resolution} ({})", shorten(title, 80)),
    };
    let mut summary = format!(
        "In the UN General Assembly{}, {a} voted {} and {b} voted {} on {what}.",
        call.session
            .map_or_else(String::new, |s| format!(" (session {s})")),
        votes[0].label(),
        votes[1].label()
    );
    if !call.description.is_empty() && call.description != call.title {
        let _ = write!(
            summary,
            " The roll call: {}",
            shorten(&call.description, 400)
        );
    }
    if let Some([yes, no, abstain]) = call.totals {
        let _ = write!(
            summary,
            " The Assembly: {yes} yes, {no} no, {abstain} abstaining."
        );
    }
    if by_session && call.date.is_none() {
        summary.push_str(" The file gives the session, not the day.");
    }
    Some(Event {
        id: format!(
            "{}--vote-{}",
            import_id(&facts.file_name),
            id.to_ascii_lowercase()
                .replace(|c: char| !c.is_ascii_alphanumeric(), "-")
        ),
        date,
        end_date: None,
        title: format!(
            "UN vote: {a} {}, {b} {} ({what})",
            votes[0].label(),
            votes[1].label()
        ),
        summary,
        domains: vec![Domain::Diplomacy],
        stance: Stance::Divergence,
        places: Vec::new(),
        sources: sources.to_vec(),
        machine_coded: false,
        ongoing: false,
    })
}

/// The dataset of the pair's ideal points: each one's, and the distance between them, by
/// session.
pub(crate) fn build_ideal_points(
    points: &IdealPoints,
    pair: Pair,
    facts: &FileFacts,
) -> Result<Dataset, ImportErrorKind> {
    let (a, b) = (name(pair.first), name(pair.second));
    if points.by_session.is_empty() {
        return Err(ImportErrorKind::NothingForPair(format!(
            "neither {a} nor {b} has an ideal point in this file"
        )));
    }
    let record = Source {
        id: format!("{}--ideal-points", import_id(&facts.file_name)),
        author: Some("Michael A. Bailey, Anton Strezhnev and Erik Voeten".to_owned()),
        title: format!(
            "Ideal point estimates from UN General Assembly votes: {}",
            facts.file_name
        ),
        publisher: Some(publisher(Format::UnVotesVoeten).to_owned()),
        date: facts.file_date,
        url: None,
        file: None,
        note: format!(
            "Imported by Bilateral on {} from the file {}. Each session's point is placed in the year the session opened.",
            facts.imported_on, facts.file_name
        ),
    };
    let cited = vec![record.id.clone()];
    let mut dataset = pair_dataset(
        pair,
        facts,
        format!(
            "Ideal points of {a} and {b} estimated from UN General Assembly votes ({}), and the distance between them.",
            facts.file_name
        ),
    )?;
    let point = |session: u32, value: f64, note: String| Point {
        year: session_year(session),
        period: None,
        value: Some(value),
        range: None,
        approximate: false,
        sources: cited.clone(),
        note,
    };
    for (side, country) in pair.countries().into_iter().enumerate() {
        let points: Vec<Point> = points
            .by_session
            .iter()
            .filter_map(|(session, both)| {
                let (value, votes) = both[side]?;
                Some(point(
                    *session,
                    value,
                    format!("session {session}; {votes} votes behind the estimate"),
                ))
            })
            .collect();
        if !points.is_empty() {
            dataset.series.push(Series {
                id: format!("unga-ideal-point-{}", iso3(country)),
                label: format!("UN General Assembly ideal point of {}", name(country)),
                unit: IDEAL_POINT_UNIT.to_owned(),
                kind: SeriesKind::Other,
                note: "Bailey, Strezhnev and Voeten's estimate of the country's position from its votes in each session (IdealPointAll); a session is placed in the year it opened.".to_owned(),
                points,
            });
        }
    }
    let distance: Vec<Point> = points
        .by_session
        .iter()
        .filter_map(|(session, both)| {
            let ((x, _), (y, _)) = (both[0]?, both[1]?);
            Some(point(
                *session,
                (x - y).abs(),
                format!(
                    "session {session}: {a} {}, {b} {}",
                    format_value(x),
                    format_value(y)
                ),
            ))
        })
        .collect();
    if !distance.is_empty() {
        dataset.series.push(Series {
            id: format!("unga-ideal-point-distance-{}-{}", iso3(pair.first), iso3(pair.second)),
            label: format!("Distance between the UN ideal points of {a} and {b}"),
            unit: IDEAL_POINT_UNIT.to_owned(),
            kind: SeriesKind::Other,
            note: "The absolute difference of the two countries' ideal points in each session: the larger, the further apart they vote.".to_owned(),
            points: distance,
        });
    }
    dataset.sources.push(record);
    Ok(dataset)
}

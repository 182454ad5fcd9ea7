//! What a pair's machine-coded events become: series per month, quarter or year in each
//! direction (events by quad class, mean Goldstein score or ICEWS intensity, GDELT's mean
//! tone), each point with the events behind it; and the most covered events as timeline
//! events marked machine-coded, citing the article (GDELT) and the file they were read from.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::data::country::{CountryId, Pair};
use crate::data::{Dataset, Event, Point, Series, SeriesKind, Source, SubYear};
use crate::display::format::format_value;

use super::super::build::{FileFacts, import_id};
use super::super::detect::Format;
use super::super::error::ImportErrorKind;
use super::super::relations::{iso3, name, pair_dataset};
use super::EventsPass;
use super::cameo::{self, Quad};
use super::tally::{Cell, CodedEvent};

/// How long a period each point of the series covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EventPeriod {
    /// Calendar months.
    #[default]
    Month,
    /// Calendar quarters.
    Quarter,
    /// Calendar years.
    Year,
}

impl EventPeriod {
    /// A name for people: `month`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Year => "year",
        }
    }

    fn part(self, month: u8) -> Option<SubYear> {
        match self {
            Self::Month => Some(SubYear::Month(month)),
            Self::Quarter => Some(SubYear::Quarter(month.saturating_sub(1) / 3 + 1)),
            Self::Year => None,
        }
    }
}

/// What an import of event files makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventOptions {
    /// The period of each point.
    pub period: EventPeriod,
    /// How many of the most covered events become timeline events.
    pub top_events: usize,
}

impl Default for EventOptions {
    fn default() -> Self {
        Self {
            period: EventPeriod::Month,
            top_events: 20,
        }
    }
}

/// Who publishes a layout, and its name in labels.
fn data_set(format: Format) -> (&'static str, &'static str) {
    match format {
        Format::IcewsTab | Format::IcewsCsv => (
            "ICEWS",
            "Integrated Crisis Early Warning System (ICEWS) coded event data, Harvard Dataverse",
        ),
        Format::Gdelt1 => ("GDELT", "The GDELT Project (GDELT 1.0 Event Database)"),
        _ => ("GDELT", "The GDELT Project (GDELT 2.0 Event Database)"),
    }
}

/// A name as GDELT writes it (`UNITED STATES`) as people do (`United States`).
fn title_case(text: &str) -> String {
    if text.chars().any(char::is_lowercase) {
        return text.to_owned();
    }
    text.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The host of a URL, for an article's publisher.
fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest
        .split(['/', '?', '#'])
        .next()?
        .trim_start_matches("www.");
    (!host.is_empty()).then(|| host.to_owned())
}

/// The dataset an import of `pass` makes for `pair`.
#[expect(
    clippy::too_many_lines,
    reason = "the sources, the series and the events of one import, in the order a reader meets them"
)]
pub fn build(
    pass: &EventsPass,
    pair: Pair,
    facts: &FileFacts,
    options: EventOptions,
) -> Result<Dataset, ImportErrorKind> {
    let format = pass.formats.first().copied().unwrap_or(Format::Gdelt2);
    let (short, publisher) = data_set(format);
    let (a, b) = (name(pair.first), name(pair.second));
    let events = pass.tally.events();
    if events == 0 {
        let held: Vec<String> = pass
            .report
            .pairs()
            .iter()
            .take(5)
            .map(|(p, rows)| format!("{} ({rows})", p.codes()))
            .collect();
        return Err(ImportErrorKind::NothingForPair(format!(
            "no event between {a} and {b} among the {} rows read; the most frequent pairs are {}",
            pass.report.rows_read,
            if held.is_empty() {
                "none (no row names two known countries)".to_owned()
            } else {
                held.join(", ")
            }
        )));
    }
    let import = import_id(&facts.file_name);
    let mut dataset = pair_dataset(
        pair,
        facts,
        format!(
            "{short} events between {a} and {b}, imported from {}.",
            facts.file_name
        ),
    )?;
    let collection_id = format!("{import}--events");
    let (first_file, last_file) = (
        pass.files.first().cloned().unwrap_or_default(),
        pass.files.last().cloned().unwrap_or_default(),
    );
    let mut note = format!(
        "Imported by Bilateral on {} from {} ({} file{}: {}{}), {} rows read; {events} events between {a} and {b}, told by the actors' countries ({}). The events are machine-coded: a program read them from news reports, and its actors, dates and event codes are sometimes wrong.",
        facts.imported_on,
        facts.file_name,
        pass.files.len(),
        if pass.files.len() == 1 { "" } else { "s" },
        file_label(&first_file),
        if pass.files.len() > 1 {
            format!(" … {}", file_label(&last_file))
        } else {
            String::new()
        },
        pass.report.rows_read,
        if short == "GDELT" {
            "Actor1CountryCode and Actor2CountryCode, CAMEO country codes, which are ISO 3166 alpha-3 for states"
        } else {
            "Source Country and Target Country, by name"
        },
    );
    let layouts: Vec<&str> = pass.formats.iter().map(|f| f.label()).collect();
    let _ = write!(note, " Layout: {}.", layouts.join(", "));
    dataset.sources.push(Source {
        id: collection_id.clone(),
        author: None,
        title: format!("{short} events: {}", facts.file_name),
        publisher: Some(publisher.to_owned()),
        // The files' own dates are when they were downloaded, not published.
        date: None,
        url: None,
        file: None,
        note,
    });
    let cited = vec![collection_id];
    for direction in 0..2 {
        let (from, to) = if direction == 0 {
            (pair.first, pair.second)
        } else {
            (pair.second, pair.first)
        };
        let cells = periods(pass, direction, options.period);
        if cells.is_empty() {
            continue;
        }
        let series_id = |what: &str| {
            format!(
                "{}-{}-{}-{what}",
                short.to_lowercase(),
                iso3(from),
                iso3(to)
            )
        };
        let direction_words = format!("{} → {}", name(from), name(to));
        let actor_words = format!(
            "events coded by {short} with {} as the actor and {} as the one acted on",
            name(from),
            name(to)
        );
        for quad in Quad::ALL {
            dataset.series.push(Series {
                id: series_id(quad.slug()),
                label: format!("{direction_words}: {} ({short} events)", quad.label()),
                unit: "events".to_owned(),
                kind: SeriesKind::Other,
                note: format!(
                    "The number of {actor_words}, of CAMEO quad class {}, per {}.",
                    quad.label(),
                    options.period.label()
                ),
                points: points(&cells, &cited, |cell| {
                    let count = cell.by_quad[quad.index()];
                    #[expect(clippy::cast_precision_loss, reason = "counts far below 2^52")]
                    Some((count as f64, breakdown(cell)))
                }),
            });
        }
        let (score_unit, score_words) = if short == "GDELT" {
            ("Goldstein scale (−10 to 10)", "Goldstein score")
        } else {
            ("ICEWS intensity (−10 to 10)", "intensity")
        };
        dataset.series.push(Series {
            id: series_id("goldstein"),
            label: format!("{direction_words}: mean {score_words} ({short} events)"),
            unit: score_unit.to_owned(),
            kind: SeriesKind::Other,
            note: format!(
                "The mean {score_words} of the {actor_words}, per {}: −10 most conflictual, 10 most cooperative, from the event's CAMEO code alone.",
                options.period.label()
            ),
            points: points(&cells, &cited, |cell| mean(cell.goldstein, cell)),
        });
        if cells.values().any(|cell| cell.tone.1 > 0) {
            dataset.series.push(Series {
                id: series_id("tone"),
                label: format!("{direction_words}: mean tone ({short} events)"),
                unit: "GDELT average tone".to_owned(),
                kind: SeriesKind::Other,
                note: format!(
                    "The mean of GDELT's AvgTone (the tone of the articles that mention an event, −100 to 100, mostly −10 to 10) over the {actor_words}, per {}.",
                    options.period.label()
                ),
                points: points(&cells, &cited, |cell| mean(cell.tone, cell)),
            });
        }
    }
    let mut file_sources: BTreeMap<usize, String> = BTreeMap::new();
    for (rank, event) in pass.tally.best().into_iter().enumerate() {
        let file_source = file_sources.entry(event.file).or_insert_with(|| {
            let id = format!("{import}--file-{}", event.file + 1);
            let path = pass.files.get(event.file).cloned().unwrap_or_default();
            dataset.sources.push(Source {
                id: id.clone(),
                author: None,
                title: format!("{short} event file {}", file_label(&path)),
                publisher: Some(publisher.to_owned()),
                date: None,
                url: None,
                file: Some(path),
                note: format!(
                    "One of the files of the import {}; the events citing it are on the lines (or rows) given in their summaries.",
                    facts.file_name
                ),
            });
            id
        });
        let mut sources = Vec::new();
        if let Some(url) = &event.url {
            let id = format!("{import}--article-{}", rank + 1);
            dataset.sources.push(Source {
                id: id.clone(),
                author: None,
                title: url.clone(),
                publisher: host_of(url),
                date: None,
                url: Some(url.clone()),
                file: None,
                note: format!(
                    "The news article {short} coded event {} from (its SOURCEURL); Bilateral did not read it.",
                    event.id
                ),
            });
            sources.push(id);
        }
        sources.push(file_source.clone());
        let place = if pass.parquet.get(event.file) == Some(&true) {
            "row"
        } else {
            "line"
        };
        let mut made = timeline_event(event, short, &import, place, sources);
        // Two records with one id (an empty id, a file read twice) stay two events.
        let base = made.id.clone();
        let mut again = 1;
        while dataset.events.iter().any(|e| e.id == made.id) {
            again += 1;
            made.id = format!("{base}-{again}");
        }
        dataset.events.push(made);
    }
    Ok(dataset)
}

/// `20180326044500.export.CSV` from a path.
fn file_label(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// The cells of `direction`, by year and period.
fn periods(
    pass: &EventsPass,
    direction: usize,
    period: EventPeriod,
) -> BTreeMap<(i32, Option<SubYear>), Cell> {
    let mut cells: BTreeMap<(i32, Option<SubYear>), Cell> = BTreeMap::new();
    for ((d, year, month), cell) in &pass.tally.months {
        if *d == direction {
            cells
                .entry((*year, period.part(*month)))
                .or_default()
                .add(cell);
        }
    }
    cells
}

fn points(
    cells: &BTreeMap<(i32, Option<SubYear>), Cell>,
    sources: &[String],
    value: impl Fn(&Cell) -> Option<(f64, String)>,
) -> Vec<Point> {
    cells
        .iter()
        .filter_map(|((year, period), cell)| {
            let (value, note) = value(cell)?;
            Some(Point {
                year: *year,
                period: *period,
                value: Some(value),
                range: None,
                approximate: false,
                sources: sources.to_vec(),
                note,
            })
        })
        .collect()
}

/// `12 events: 5 verbal cooperation, …`.
fn breakdown(cell: &Cell) -> String {
    let parts: Vec<String> = Quad::ALL
        .iter()
        .map(|quad| format!("{} {}", cell.by_quad[quad.index()], quad.label()))
        .collect();
    format!("{} events: {}", cell.events(), parts.join(", "))
}

/// The mean of `(sum, count)`, with its note.
fn mean((sum, count): (f64, u64), cell: &Cell) -> Option<(f64, String)> {
    #[expect(clippy::cast_precision_loss, reason = "counts far below 2^52")]
    let value = (count > 0).then(|| sum / count as f64)?;
    Some((
        value,
        format!("mean of {count} events ({})", breakdown(cell)),
    ))
}

/// A timeline event for one of the most covered events; `place` says where it is in its
/// file (`line`, or `row` of a Parquet file).
fn timeline_event(
    event: &CodedEvent,
    short: &str,
    import: &str,
    place: &str,
    sources: Vec<String>,
) -> Event {
    let description = cameo::describe(&event.code).unwrap_or("unknown CAMEO code");
    let (domain, stance) = cameo::domain_and_stance(&event.code);
    let actor = |i: usize| {
        let named = title_case(&event.actors[i]);
        let code = country_code(event.countries[i]);
        if named.is_empty() {
            code
        } else {
            format!("{named} ({code})")
        }
    };
    let mut summary = format!(
        "Machine-coded by {short}: {} → {}, CAMEO {} “{description}” ({})",
        actor(0),
        actor(1),
        event.code,
        event.quad.label()
    );
    if let Some(score) = event.goldstein {
        let _ = write!(summary, ", score {}", format_value(score));
    }
    if let Some(tone) = event.tone {
        let _ = write!(summary, ", average tone {}", format_value(tone));
    }
    if short == "GDELT" {
        let _ = write!(
            summary,
            "; {} mentions in {} sources, {} articles.",
            event.mentions, event.sources, event.articles
        );
    } else {
        let _ = write!(summary, "; {} ICEWS records of this action", event.mentions);
        if let Some(publisher) = &event.publisher {
            let _ = write!(summary, ", the first published by {publisher}");
        }
        summary.push('.');
    }
    let _ = write!(
        summary,
        " Event {} on {place} {} of its file.",
        event.id, event.line
    );
    let headline = description
        .split(", not specified below")
        .next()
        .unwrap_or(description);
    Event {
        id: format!("{import}--{}-{}", short.to_lowercase(), event.id),
        date: event.date,
        end_date: None,
        title: format!(
            "{} → {}: {headline}",
            name(event.countries[0]),
            name(event.countries[1])
        ),
        summary,
        domains: vec![domain],
        stance,
        places: Vec::new(),
        sources,
        machine_coded: true,
        ongoing: false,
    }
}

fn country_code(id: CountryId) -> String {
    iso3(id).to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_hosts_read_as_people_write_them() {
        assert_eq!(title_case("UNITED STATES"), "United States");
        assert_eq!(title_case("Government (Russia)"), "Government (Russia)");
        assert_eq!(
            host_of("https://www.express.co.uk/news/royal/936966").as_deref(),
            Some("express.co.uk")
        );
        assert_eq!(EventPeriod::Quarter.part(12), Some(SubYear::Quarter(4)));
        assert_eq!(EventPeriod::Year.part(12), None);
    }
}

//! Turning a pair's collected values into a dataset: one series per flow and reporter,
//! turnover per reporter, and one source record per reporter citing the file.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::data::country::{Country, CountryId, Pair, countries};
use crate::data::trade_flow::{FlowSeries, ReportedBy, turnover_series_id};
use crate::data::{
    Dataset, Metadata, PartialDate, Party, Point, SCHEMA_VERSION, Series, SeriesKind, Source,
};

use super::collect::{CollectedValues, SeriesKey, YearValue, distinct};
use super::detect::Format;
use super::observation::Valuation;
use super::row_sources::RowSources;

/// The unit imported values are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ValueUnit {
    /// Billions of US dollars, the unit of the built-in figures.
    #[default]
    UsdBn,
    /// Millions of US dollars.
    UsdMn,
    /// US dollars.
    Usd,
}

impl ValueUnit {
    /// The unit's name in series: `USD bn`.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Self::UsdBn => "USD bn",
            Self::UsdMn => "USD mn",
            Self::Usd => "USD",
        }
    }

    /// US dollars in one unit.
    pub(crate) fn dollars(self) -> f64 {
        match self {
            Self::UsdBn => 1e9,
            Self::UsdMn => 1e6,
            Self::Usd => 1.0,
        }
    }
}

/// What the source records need to know about the file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileFacts {
    /// The file's name, without its folder.
    pub file_name: String,
    /// When the file was last changed.
    pub file_date: Option<PartialDate>,
    /// The day of the import.
    pub imported_on: PartialDate,
    /// The layout.
    pub format: Format,
}

/// The id prefix every source of an import of `file_name` shares: `import-tradedata-csv`.
pub fn import_id(file_name: &str) -> String {
    let mut slug = String::from("import-");
    let mut dash = true;
    for c in file_name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
            dash = false;
        } else if !dash {
            slug.push('-');
            dash = true;
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// The source id for one reporter's figures in an import.
fn source_id(import: &str, reporter: Option<&Country>) -> String {
    let side = reporter.map_or("reconciled".to_owned(), |c| c.iso3.to_ascii_lowercase());
    format!("{import}--{side}")
}

fn country(id: CountryId) -> Option<&'static Country> {
    countries().get(id)
}

fn name(id: CountryId) -> &'static str {
    country(id).map_or("?", |c| c.name.as_str())
}

fn iso3(id: CountryId) -> String {
    country(id).map_or_else(|| "XXX".to_owned(), |c| c.iso3.clone())
}

fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// A dataset for `pair` holding the imported series and their sources.
pub fn build_dataset(
    pair: Pair,
    values: &CollectedValues,
    facts: &FileFacts,
    unit: ValueUnit,
) -> Dataset {
    let import = import_id(&facts.file_name);
    let mut sources: BTreeMap<String, Source> = BTreeMap::new();
    let mut series = Vec::new();
    let (row_sources, row_records) = RowSources::new(&import, values, facts);
    for record in row_records {
        sources.insert(record.id.clone(), record);
    }
    for (key, years) in values {
        let reporter = reporter_of(key);
        let source = source_id(&import, reporter);
        sources
            .entry(source.clone())
            .or_insert_with(|| source_record(&source, reporter, facts, unit));
        series.push(flow_series(pair, key, years, (&source, &row_sources), unit));
    }
    series.extend(turnover_series(pair, values, (&import, &row_sources), unit));
    let party = |id: CountryId| {
        let c = country(id);
        Party {
            iso_alpha2: c.and_then(|c| c.iso2.clone()).unwrap_or_default(),
            iso_alpha3: iso3(id),
            iso_numeric: c
                .and_then(|c| c.m49)
                .map_or_else(String::new, |n| format!("{n:03}")),
            name: name(id).to_owned(),
        }
    };
    Dataset {
        metadata: Metadata {
            schema_version: SCHEMA_VERSION,
            title: format!("{} and {}", name(pair.first), name(pair.second)),
            parties: [party(pair.first), party(pair.second)],
            description: format!(
                "Trade figures imported from {} ({}). Each series holds one flow as one country reports it; the two reports of a flow are kept side by side, never averaged.",
                facts.file_name,
                facts.format.label()
            ),
            updated: facts.imported_on,
            map_frame: None,
        },
        sources: sources.into_values().collect(),
        series,
        events: Vec::new(),
        standing_facts: Vec::new(),
        places: Vec::new(),
        corridors: Vec::new(),
        areas: Vec::new(),
        stories: Vec::new(),
        old_story: Vec::new(),
    }
}

fn reporter_of(key: &SeriesKey) -> Option<&'static Country> {
    match key.by {
        ReportedBy::Exporter => country(key.from),
        ReportedBy::Importer => country(key.to),
        ReportedBy::Reconciled => None,
    }
}

fn source_record(
    id: &str,
    reporter: Option<&Country>,
    facts: &FileFacts,
    unit: ValueUnit,
) -> Source {
    let whose = reporter.map_or_else(
        || "the publisher's reconciliation of both countries' reports".to_owned(),
        |c| format!("{} reports", possessive(c.name.as_str())),
    );
    Source {
        id: id.to_owned(),
        author: None,
        title: format!("{}: {} ({whose})", facts.format.label(), facts.file_name),
        publisher: Some(facts.format.publisher().to_owned()),
        date: facts.file_date,
        url: None,
        file: None,
        note: format!(
            "Imported by Bilateral on {} from the file {} ({}), dated {} by its last change. Reporter: {}. Values converted to {} from the file's unit.",
            facts.imported_on,
            facts.file_name,
            facts.format.label(),
            facts
                .file_date
                .map_or_else(|| "unknown".to_owned(), |d| d.to_string()),
            reporter.map_or("none (reconciled figures)", |c| c.name.as_str()),
            unit.label()
        ),
    }
}

fn flow_series(
    pair: Pair,
    key: &SeriesKey,
    years: &BTreeMap<i32, YearValue>,
    source: (&str, &RowSources),
    unit: ValueUnit,
) -> Series {
    let (exporter, importer) = (name(key.from), name(key.to));
    let id = FlowSeries {
        exporter: iso3(key.from),
        importer: iso3(key.to),
        reported_by: key.by,
        product: key.product.as_deref().map(str::to_owned),
    }
    .series_id();
    let mut label = match key.by {
        ReportedBy::Exporter => {
            format!(
                "{} exports to {importer}, as {exporter} reports them",
                possessive(exporter)
            )
        }
        ReportedBy::Importer => {
            format!(
                "{} imports from {exporter}, as {importer} reports them",
                possessive(importer)
            )
        }
        ReportedBy::Reconciled => format!(
            "{} exports to {importer}, reconciled by CEPII (BACI)",
            possessive(exporter)
        ),
    };
    if let Some(product) = &key.product {
        let _ = write!(label, " (product {product})");
    }
    let valuation = years
        .values()
        .next()
        .map_or(Valuation::Unstated, |v| v.valuation);
    let note = match valuation {
        Valuation::Cif => "Valued CIF (cost, insurance and freight, at the importer's border).",
        Valuation::Fob => "Valued FOB (free on board, at the exporter's border).",
        Valuation::Unstated => "The file does not say whether values are CIF or FOB.",
    };
    Series {
        id,
        label,
        unit: unit.label().to_owned(),
        kind: if key.from == pair.first {
            SeriesKind::Exports
        } else {
            SeriesKind::Imports
        },
        note: note.to_owned(),
        points: years
            .iter()
            .map(|(year, value)| point(*year, value, source, unit))
            .collect(),
    }
}

/// The point of `year`, citing the sources its rows name and then the file's record.
fn point(
    year: i32,
    value: &YearValue,
    (file_source, row_sources): (&str, &RowSources),
    unit: ValueUnit,
) -> Point {
    let mut notes = Vec::new();
    if !value.valuation.label().is_empty() {
        notes.push(value.valuation.label().to_owned());
    }
    if let Some(estimate) = value.estimate {
        notes.push(format!("marked as {estimate}"));
    }
    if let Some(made_from) = value.made_from {
        notes.push(format!("{made_from} in the file"));
    }
    if let Some(other) = value.conflicting_usd {
        notes.push(format!(
            "the same file also gives {} for this flow and year; both are in the file",
            crate::display::format::format_usd(other)
        ));
    }
    Point {
        year,
        period: None,
        value: Some(value.value_usd / unit.dollars()),
        range: None,
        approximate: value.estimate.is_some(),
        sources: row_sources
            .ids_for(value)
            .chain(std::iter::once(file_source.to_owned()))
            .collect(),
        note: notes.join("; "),
    }
}

/// Exports plus imports, for each side that reports both in a year.
fn turnover_series(
    pair: Pair,
    values: &CollectedValues,
    (import, row_sources): (&str, &RowSources),
    unit: ValueUnit,
) -> Vec<Series> {
    let [a, b] = pair.countries();
    let find = |from, to, by| {
        values
            .iter()
            .find(|(k, _)| k.from == from && k.to == to && k.by == by)
    };
    let sides: [(Option<CountryId>, ReportedBy, ReportedBy); 3] = [
        (Some(a), ReportedBy::Exporter, ReportedBy::Importer),
        (Some(b), ReportedBy::Exporter, ReportedBy::Importer),
        (None, ReportedBy::Reconciled, ReportedBy::Reconciled),
    ];
    let mut result = Vec::new();
    for (reporter, out_side, in_side) in sides {
        let (exports, imports) = match reporter {
            Some(r) => {
                let other = pair.other(r).unwrap_or(r);
                (find(r, other, out_side), find(other, r, in_side))
            }
            None => (find(a, b, out_side), find(b, a, in_side)),
        };
        let (Some((export_key, exports)), Some((_, imports))) = (exports, imports) else {
            continue;
        };
        let source = source_id(import, reporter.and_then(country));
        let points: Vec<Point> = exports
            .iter()
            .filter_map(|(year, out)| {
                let back = imports.get(year)?;
                let sum = YearValue {
                    value_usd: out.value_usd + back.value_usd,
                    valuation: Valuation::Unstated,
                    estimate: out.estimate.or(back.estimate),
                    made_from: None,
                    conflicting_usd: None,
                    row_sources: distinct(out.row_sources.iter().chain(&back.row_sources)),
                };
                let mut point = point(*year, &sum, (&source, row_sources), unit);
                let sum_note = format!(
                    "exports {} plus imports {}",
                    out.valuation.label(),
                    back.valuation.label()
                );
                point.note = if point.note.is_empty() {
                    sum_note
                } else {
                    format!("{sum_note}; {}", point.note)
                };
                Some(point)
            })
            .collect();
        if points.is_empty() {
            continue;
        }
        let (label, id) = match reporter {
            Some(r) => (
                format!(
                    "{}–{} trade turnover, as {} reports it",
                    name(a),
                    name(b),
                    name(r)
                ),
                turnover_series_id(&iso3(a), &iso3(b), Some(&iso3(r))),
            ),
            None => (
                format!(
                    "{}–{} trade turnover, reconciled by CEPII (BACI)",
                    name(a),
                    name(b)
                ),
                turnover_series_id(&iso3(a), &iso3(b), None),
            ),
        };
        let product = export_key
            .product
            .as_deref()
            .map(|p| format!(" (product {p})"))
            .unwrap_or_default();
        result.push(Series {
            id: format!(
                "{id}{}",
                product.replace(" (product ", "-product-").replace(')', "")
            ),
            label: format!("{label}{product}"),
            unit: unit.label().to_owned(),
            kind: SeriesKind::TradeTurnover,
            note: "Exports plus imports in the years one side reports both.".to_owned(),
            points,
        });
    }
    result
}

/// Removes every record an import of `file_name` added: its sources, the points citing
/// them, and series left empty. Returns how many points were removed.
pub(crate) fn remove_import(dataset: &mut Dataset, file_name: &str) -> usize {
    remove_import_id(dataset, &import_id(file_name))
}

/// Takes the import with id `import_id` (`import-<file name slug>`, what [`import_id`]
/// makes) out of `dataset`: its sources, the points citing them, and series left empty.
/// Returns the points removed.
pub fn remove_import_id(dataset: &mut Dataset, import_id: &str) -> usize {
    let prefix = format!("{import_id}--");
    let ours = |id: &str| id.starts_with(&prefix);
    dataset.sources.retain(|source| !ours(&source.id));
    let mut removed = 0;
    let mut emptied = Vec::new();
    for series in &mut dataset.series {
        let before = series.points.len();
        series
            .points
            .retain(|point| !point.sources.iter().any(|s| ours(s)));
        removed += before - series.points.len();
        if before > 0 && series.points.is_empty() {
            emptied.push(series.id.clone());
        }
    }
    dataset
        .series
        .retain(|series| !emptied.contains(&series.id));
    // Events an import made (arms deals, opposite votes) cite only its sources.
    dataset
        .events
        .retain(|event| event.sources.is_empty() || !event.sources.iter().all(|s| ours(s)));
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_ids_are_slugs_that_do_not_overlap() {
        assert_eq!(import_id("TradeData (1).csv"), "import-tradedata-1-csv");
        let a = format!("{}--", import_id("a.csv"));
        assert!(!format!("{}--rus", import_id("a.csv2")).starts_with(&a));
    }
}

//! The chart's values, or the whole dataset's series, as CSV with sources and citations.
//!
//! Absent values are empty cells; several source ids are joined by `;` and several
//! citations by ` | `. A source id that itself holds `;` does not read back as one id.

use super::{marker_unit, year_text};
use crate::chart::{ChartModel, MarkerRole};
use crate::data::{Dataset, SeriesKind};
use crate::display::format::source_citation;

/// The columns of [`chart_csv`], in order.
pub(crate) const CHART_COLUMNS: [&str; 10] = [
    "series_id",
    "series_label",
    "unit",
    "year",
    "role",
    "value",
    "approximate",
    "sources",
    "citations",
    "note",
];

/// The columns of [`dataset_csv`], in order.
pub(crate) const DATASET_COLUMNS: [&str; 12] = [
    "series_id",
    "series_label",
    "unit",
    "kind",
    "year",
    "value",
    "range_low",
    "range_high",
    "approximate",
    "sources",
    "citations",
    "note",
];

/// Joins source ids in one cell.
const SOURCE_SEPARATOR: &str = ";";
/// Joins full citations in one cell.
const CITATION_SEPARATOR: &str = " | ";

/// What the chart shows, one row per marker of the visible series, in legend order:
/// the columns of [`CHART_COLUMNS`]. `role` is `value`, `range_low`, `range_high` or
/// `computed`; the unit of a year-over-year chart is `%`.
pub fn chart_csv(dataset: &Dataset, model: &ChartModel) -> String {
    let unit = marker_unit(model);
    let rows = model.visible_markers().map(|(series, marker)| {
        let when = marker
            .point
            .resolve(dataset)
            .map_or_else(|| year_text(marker.x), |(_, p)| p.when());
        let note = marker
            .point
            .resolve(dataset)
            .map(|(_, p)| p.note.as_str())
            .unwrap_or_default();
        let note = match (marker.role, marker.previous.as_ref()) {
            (MarkerRole::Computed, Some(previous)) => {
                let previous_year = previous
                    .resolve(dataset)
                    .map_or_else(String::new, |(_, p)| p.when());
                let computed = format!("percent change computed from {previous_year} to {when}");
                if note.is_empty() {
                    computed
                } else {
                    format!("{computed}; {note}")
                }
            }
            _ => note.to_owned(),
        };
        let role = marker.role.name();
        let sources = marker.sources(dataset);
        vec![
            series.id.clone(),
            series.label.clone(),
            unit.to_owned(),
            when,
            role.to_owned(),
            marker.value.to_string(),
            marker.approximate.to_string(),
            sources.join(SOURCE_SEPARATOR),
            citations(dataset, &sources),
            note,
        ]
    });
    write_csv(&CHART_COLUMNS, rows)
}

/// Every point of every series, whether charted or not: the columns of
/// [`DATASET_COLUMNS`], `kind` as the dataset format spells it (`trade_turnover`).
pub fn dataset_csv(dataset: &Dataset) -> String {
    let rows = dataset.series.iter().flat_map(|series| {
        series.points.iter().map(move |point| {
            let optional = |value: Option<f64>| value.map(|v| v.to_string()).unwrap_or_default();
            vec![
                series.id.clone(),
                series.label.clone(),
                series.unit.clone(),
                kind_name(series.kind),
                point.when(),
                optional(point.value),
                optional(point.range().map(|r| r.low)),
                optional(point.range().map(|r| r.high)),
                point.approximate.to_string(),
                point.sources.join(SOURCE_SEPARATOR),
                citations(dataset, &point.sources),
                point.note.clone(),
            ]
        })
    });
    write_csv(&DATASET_COLUMNS, rows)
}

/// A row of [`dataset_csv`], read back: the tests' proof that what is written reads back
/// whole (the product never reads its own CSV).
#[cfg(test)]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CsvPoint {
    /// Series id.
    pub(crate) series_id: String,
    /// Series label.
    pub(crate) series_label: String,
    /// Unit of the series.
    pub unit: String,
    /// What the series measures.
    pub(crate) kind: SeriesKind,
    /// Year of the point.
    pub(crate) year: i32,
    /// The value, when the point has one.
    pub(crate) value: Option<f64>,
    /// The range, when the point has one.
    pub(crate) range: Option<crate::data::ValueRange>,
    /// Whether the source gives the value as approximate.
    pub(crate) approximate: bool,
    /// Source ids.
    pub(crate) sources: Vec<String>,
    /// Full citations, one per source.
    pub(crate) citations: Vec<String>,
    /// The point's note.
    pub(crate) note: String,
}

#[cfg(test)]
#[derive(Debug, serde::Deserialize)]
struct DatasetRow {
    series_id: String,
    series_label: String,
    unit: String,
    kind: SeriesKind,
    year: i32,
    value: Option<f64>,
    range_low: Option<f64>,
    range_high: Option<f64>,
    approximate: bool,
    sources: String,
    citations: String,
    note: String,
}

/// Reads text written by [`dataset_csv`] (a header row naming its columns, in any
/// order). A range needs both `range_low` and `range_high`; one without the other is an
/// error naming the line.
#[cfg(test)]
pub(crate) fn parse_dataset_csv(text: &str) -> Result<Vec<CsvPoint>, ::csv::Error> {
    let mut reader = ::csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let mut points = Vec::new();
    for record in reader.deserialize::<DatasetRow>() {
        let row = record?;
        let range = match (row.range_low, row.range_high) {
            (Some(low), Some(high)) => Some(crate::data::ValueRange { low, high }),
            (None, None) => None,
            _ => {
                // Row 1 is the header.
                let line = points.len() + 2;
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("record {line}: a range needs both range_low and range_high"),
                )
                .into());
            }
        };
        let split = |cell: &str, separator: &str| -> Vec<String> {
            if cell.is_empty() {
                Vec::new()
            } else {
                cell.split(separator).map(str::to_owned).collect()
            }
        };
        points.push(CsvPoint {
            series_id: row.series_id,
            series_label: row.series_label,
            unit: row.unit,
            kind: row.kind,
            year: row.year,
            value: row.value,
            range,
            approximate: row.approximate,
            sources: split(&row.sources, SOURCE_SEPARATOR),
            citations: split(&row.citations, CITATION_SEPARATOR),
            note: row.note,
        });
    }
    Ok(points)
}

fn citations(dataset: &Dataset, ids: &[impl AsRef<str>]) -> String {
    ids.iter()
        .map(|id| source_citation(dataset, id.as_ref()))
        .collect::<Vec<_>>()
        .join(CITATION_SEPARATOR)
}

/// The name the dataset format gives `kind`.
fn kind_name(kind: SeriesKind) -> String {
    match serde_json::to_value(kind) {
        Ok(serde_json::Value::String(name)) => name,
        _ => format!("{kind:?}"),
    }
}

/// `header` and `rows` as CSV. The writer writes to memory and gets only string
/// records, so the csv crate has nothing to report; were it to fail, the error is
/// logged and the text ends before the failed row.
fn write_csv(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let written = std::iter::once(header.iter().map(|s| (*s).to_owned()).collect())
        .chain(rows)
        .try_for_each(|row: Vec<String>| writer.write_record(&row));
    if let Err(error) = written {
        log::error!("could not write CSV to memory: {error}");
    }
    match writer.into_inner() {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(error) => {
            log::error!("could not write CSV to memory: {error}");
            String::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{self, ChartMode, ChartOptions};
    use crate::data::builtin::builtin_dataset;

    fn builtin() -> Dataset {
        builtin_dataset().expect("the built-in dataset loads")
    }

    fn records(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let header = reader
            .headers()
            .expect("a header")
            .iter()
            .map(str::to_owned)
            .collect();
        let rows = reader
            .records()
            .map(|r| r.expect("a record").iter().map(str::to_owned).collect())
            .collect();
        (header, rows)
    }

    #[test]
    fn the_dataset_csv_of_the_built_in_data_reads_back_point_for_point() {
        let dataset = builtin();
        let text = dataset_csv(&dataset);
        let read = parse_dataset_csv(&text).expect("parses");
        let points: Vec<(&crate::data::Series, &crate::data::Point)> = dataset
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(move |p| (s, p)))
            .collect();
        assert_eq!(read.len(), points.len());
        assert!(points.iter().any(|(_, p)| p.range.is_some()));
        assert!(points.iter().any(|(_, p)| p.approximate));
        for (row, (series, point)) in read.iter().zip(&points) {
            assert_eq!(row.series_id, series.id);
            assert_eq!(row.series_label, series.label);
            assert_eq!(row.unit, series.unit);
            assert_eq!(row.kind, series.kind);
            assert_eq!(row.year, point.year);
            assert_eq!(row.value, point.value);
            assert_eq!(row.range, point.range());
            assert_eq!(row.approximate, point.approximate);
            assert_eq!(row.sources, point.sources);
            assert_eq!(row.note, point.note);
            let citations: Vec<String> = point
                .sources
                .iter()
                .map(|id| source_citation(&dataset, id))
                .collect();
            assert_eq!(row.citations, citations);
        }
    }

    #[test]
    fn the_dataset_csv_has_its_columns_and_empty_cells_for_absent_values() {
        let dataset = builtin();
        let (header, rows) = records(&dataset_csv(&dataset));
        assert_eq!(header, DATASET_COLUMNS);
        let range_row = rows.iter().find(|r| !r[6].is_empty()).expect("a range row");
        assert_eq!(range_row[5], "", "no value beside a range");
        let turnover = rows
            .iter()
            .find(|r| r[0] == "trade-turnover")
            .expect("turnover");
        assert_eq!(turnover[3], "trade_turnover");
        assert_eq!((turnover[6].as_str(), turnover[7].as_str()), ("", ""));
    }

    #[test]
    fn the_chart_csv_has_exactly_the_visible_markers() {
        let dataset = builtin();
        let mut options = ChartOptions::default();
        options
            .series_shown
            .insert("russian-fdi-into-iran".into(), false);
        let model = chart::build(&dataset, &options);
        let (header, rows) = records(&chart_csv(&dataset, &model));
        assert_eq!(header, CHART_COLUMNS);
        let expected: Vec<(String, String, String)> = model
            .visible_markers()
            .map(|(s, m)| (s.id.clone(), year_text(m.x), m.value.to_string()))
            .collect();
        let written: Vec<(String, String, String)> = rows
            .iter()
            .map(|r| (r[0].clone(), r[3].clone(), r[5].clone()))
            .collect();
        assert_eq!(written, expected);
        assert!(rows.iter().all(|r| r[0] != "russian-fdi-into-iran"));
        let first = &rows[0];
        assert_eq!(first[0], "trade-turnover");
        assert_eq!(first[2], "USD bn");
        assert_eq!(first[4], "value");
        assert_eq!(first[6], "false", "Trenin's 2010 figure is not qualified");
        assert_eq!(first[7], "trenin-2016");
        assert!(first[8].contains("Dmitri Trenin"));
        assert!(!first[9].is_empty(), "the point's note");
    }

    #[test]
    fn the_chart_csv_of_a_year_over_year_chart_is_in_percent_and_says_how_it_was_computed() {
        let dataset = builtin();
        let options = ChartOptions {
            mode: ChartMode::YearOverYear,
            ..ChartOptions::default()
        };
        let model = chart::build(&dataset, &options);
        let (_, rows) = records(&chart_csv(&dataset, &model));
        assert_eq!(rows.len(), model.visible_markers().count());
        assert!(rows.iter().all(|r| r[2] == "%"));
        let computed = rows
            .iter()
            .find(|r| r[4] == "computed" && r[3] == "2023")
            .expect("the 2023 change");
        assert!(
            computed[9].starts_with("percent change computed from 2022 to 2023"),
            "{}",
            computed[9]
        );
        let value: f64 = computed[5].parse().expect("a number");
        assert!((value + 20.0).abs() < 1e-9);
    }

    #[test]
    fn a_range_with_one_end_is_an_error() {
        let text = "series_id,series_label,unit,kind,year,value,range_low,range_high,approximate,sources,citations,note\n\
                    s,S,km,other,2024,,300,,false,a,,\n";
        let error = parse_dataset_csv(text).expect_err("one end only");
        assert!(error.to_string().contains("record 2"), "{error}");
    }

    #[test]
    fn commas_quotes_and_line_breaks_survive_the_round_trip() {
        let mut dataset = builtin();
        let note = "A \"quoted\", comma\nand a line break";
        dataset.series[0].points[0].note = note.to_owned();
        let read = parse_dataset_csv(&dataset_csv(&dataset)).expect("parses");
        assert_eq!(read[0].note, note);
    }
}

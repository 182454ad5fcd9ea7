//! Both sides of the mirror: one flow of goods as the exporter reports it and as the
//! importer reports it, year by year, with the gap between them. Nothing is averaged:
//! each report is kept with its sources, and years only one side reported are marked.

use std::collections::BTreeMap;

use super::model::{Dataset, Point};
use super::trade_flow::{FlowSeries, ReportedBy};

/// One side's figure for a year.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Report {
    /// The value, in the series' unit.
    pub(crate) value: f64,
    /// True when the source marks it as an estimate or approximate.
    pub(crate) approximate: bool,
    /// Ids of the sources.
    pub(crate) sources: Vec<String>,
    /// The point's note (valuation, how it was made).
    pub(crate) note: String,
}

/// Which sides reported a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Coverage {
    /// Both the exporter and the importer.
    Both,
    /// Only the exporter.
    ExporterOnly,
    /// Only the importer.
    ImporterOnly,
}

/// The two reports of one flow in one year.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MirrorYear {
    /// The year.
    pub(crate) year: i32,
    /// The exporter's reports (several when several sources give one).
    pub(crate) exporter: Vec<Report>,
    /// The importer's reports.
    pub(crate) importer: Vec<Report>,
}

impl MirrorYear {
    /// Which sides reported.
    pub(crate) fn coverage(&self) -> Coverage {
        match (self.exporter.is_empty(), self.importer.is_empty()) {
            (false, false) => Coverage::Both,
            (false, true) => Coverage::ExporterOnly,
            _ => Coverage::ImporterOnly,
        }
    }

    /// The two values when each side gives exactly one (several values on a side are kept
    /// side by side, never averaged, so there is then no single gap).
    pub(crate) fn pair_of_values(&self) -> Option<(f64, f64)> {
        match (self.exporter.as_slice(), self.importer.as_slice()) {
            ([exporter], [importer]) => Some((exporter.value, importer.value)),
            _ => None,
        }
    }

    /// The importer's figure divided by the exporter's (imports are usually valued CIF,
    /// so a ratio a little above 1 is expected).
    pub(crate) fn ratio(&self) -> Option<f64> {
        self.pair_of_values()
            .filter(|(exporter, _)| *exporter != 0.0)
            .map(|(exporter, importer)| importer / exporter)
    }

    /// The importer's figure minus the exporter's.
    pub(crate) fn difference(&self) -> Option<f64> {
        self.pair_of_values()
            .map(|(exporter, importer)| importer - exporter)
    }
}

/// One flow seen from both sides.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mirror {
    /// ISO alpha-3 of the exporter.
    pub(crate) exporter: String,
    /// ISO alpha-3 of the importer.
    pub(crate) importer: String,
    /// The unit of every value.
    pub(crate) unit: String,
    /// Ids of the exporter's series and the importer's series.
    pub(crate) series_ids: (Option<String>, Option<String>),
    /// Every year either side reported, in order.
    pub(crate) years: Vec<MirrorYear>,
}

impl Mirror {
    /// Years only one side reported.
    pub(crate) fn one_sided_years(&self) -> Vec<i32> {
        self.years
            .iter()
            .filter(|y| y.coverage() != Coverage::Both)
            .map(|y| y.year)
            .collect()
    }
}

/// The flow from `exporter` to `importer` (ISO alpha-3) as both report it, for all
/// products, in `unit`; `None` when neither side's series is in the dataset.
pub(crate) fn mirror(
    dataset: &Dataset,
    exporter: &str,
    importer: &str,
    unit: &str,
) -> Option<Mirror> {
    let find = |reported_by| {
        let id = FlowSeries {
            exporter: exporter.to_ascii_uppercase(),
            importer: importer.to_ascii_uppercase(),
            reported_by,
            product: None,
        }
        .series_id();
        dataset
            .series
            .iter()
            .find(|series| series.id == id && series.unit == unit)
    };
    let exporter_series = find(ReportedBy::Exporter);
    let importer_series = find(ReportedBy::Importer);
    if exporter_series.is_none() && importer_series.is_none() {
        return None;
    }
    let mut years: BTreeMap<i32, MirrorYear> = BTreeMap::new();
    let mut add = |points: &[Point], exporter_side: bool| {
        for point in points {
            let Some(value) = point.value else { continue };
            let year = years.entry(point.year).or_insert_with(|| MirrorYear {
                year: point.year,
                exporter: Vec::new(),
                importer: Vec::new(),
            });
            let report = Report {
                value,
                approximate: point.approximate,
                sources: point.sources.clone(),
                note: point.note.clone(),
            };
            if exporter_side {
                year.exporter.push(report);
            } else {
                year.importer.push(report);
            }
        }
    };
    if let Some(series) = exporter_series {
        add(&series.points, true);
    }
    if let Some(series) = importer_series {
        add(&series.points, false);
    }
    Some(Mirror {
        exporter: exporter.to_ascii_uppercase(),
        importer: importer.to_ascii_uppercase(),
        unit: unit.to_owned(),
        series_ids: (
            exporter_series.map(|s| s.id.clone()),
            importer_series.map(|s| s.id.clone()),
        ),
        years: years.into_values().collect(),
    })
}

/// Both directions between the dataset's two parties, those with any series.
pub(crate) fn party_mirrors(dataset: &Dataset, unit: &str) -> Vec<Mirror> {
    let [a, b] = &dataset.metadata.parties;
    [
        mirror(dataset, &a.iso_alpha3, &b.iso_alpha3, unit),
        mirror(dataset, &b.iso_alpha3, &a.iso_alpha3, unit),
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin::builtin_dataset;
    use crate::data::{Series, SeriesKind};

    fn point(year: i32, value: f64, source: &str) -> Point {
        Point {
            year,
            period: None,
            value: Some(value),
            range: None,
            approximate: false,
            sources: vec![source.into()],
            note: String::new(),
        }
    }

    fn series(reported_by: ReportedBy, points: Vec<Point>) -> Series {
        Series {
            id: FlowSeries {
                exporter: "RUS".into(),
                importer: "IRN".into(),
                reported_by,
                product: None,
            }
            .series_id(),
            label: String::new(),
            unit: "USD bn".into(),
            kind: SeriesKind::Exports,
            note: String::new(),
            points,
        }
    }

    #[test]
    fn the_two_reports_of_a_flow_with_their_gap_and_one_sided_years() {
        let mut dataset = builtin_dataset().expect("built-in");
        dataset.series.push(series(
            ReportedBy::Exporter,
            vec![point(2010, 3.36, "a"), point(2011, 3.0, "a")],
        ));
        dataset.series.push(series(
            ReportedBy::Importer,
            vec![point(2010, 1.15, "b"), point(2022, 2.0, "b")],
        ));
        let found = mirror(&dataset, "RUS", "IRN", "USD bn").expect("a mirror");
        let years: Vec<i32> = found.years.iter().map(|y| y.year).collect();
        assert_eq!(years, vec![2010, 2011, 2022]);
        let first = &found.years[0];
        assert_eq!(first.coverage(), Coverage::Both);
        assert!((first.ratio().expect("ratio") - 1.15 / 3.36).abs() < 1e-12);
        assert!((first.difference().expect("difference") - (1.15 - 3.36)).abs() < 1e-12);
        assert_eq!(found.years[1].coverage(), Coverage::ExporterOnly);
        assert_eq!(found.years[1].ratio(), None);
        assert_eq!(found.years[2].coverage(), Coverage::ImporterOnly);
        assert_eq!(found.one_sided_years(), vec![2011, 2022]);
        assert_eq!(party_mirrors(&dataset, "USD bn").len(), 1);
        assert!(mirror(&dataset, "IRN", "RUS", "USD bn").is_none());
    }

    #[test]
    fn two_reports_on_one_side_are_kept_and_give_no_single_gap() {
        let mut dataset = builtin_dataset().expect("built-in");
        dataset.series.push(series(
            ReportedBy::Exporter,
            vec![point(2010, 3.36, "comtrade"), point(2010, 3.4, "imf")],
        ));
        dataset
            .series
            .push(series(ReportedBy::Importer, vec![point(2010, 1.15, "b")]));
        let found = mirror(&dataset, "RUS", "IRN", "USD bn").expect("a mirror");
        assert_eq!(found.years[0].exporter.len(), 2);
        assert_eq!(found.years[0].ratio(), None);
        assert_eq!(found.years[0].difference(), None);
    }
}

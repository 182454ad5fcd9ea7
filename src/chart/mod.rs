//! What the trade chart shows, computed from the dataset with no UI: markers, the
//! lines between them, gaps, log and year-over-year transforms. The trade view draws
//! it; exporters can write it.

mod frame;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use crate::data::{Dataset, Point, PointTime, Series, SeriesKind, Stance, SubYear, ValueRange};

pub(crate) use frame::MIN_FRAME_YEARS;

/// The most markers the chart draws at once. Past it, the later visible series (in legend
/// order) are not drawn: a frame's triangles go to the graphics card in buffers of limited
/// size (256 MiB with wgpu), and 3,880,000 markers with their lines made 430 MB and ended
/// the window.
pub(crate) const DRAWN_MARKERS_LIMIT: usize = 400_000;

/// Values as given, or the change from the previous year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChartMode {
    /// The reported values.
    #[default]
    Values,
    /// Percent change from the year before, where both years are observed.
    YearOverYear,
}

/// What the user chose to see.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartOptions {
    /// The unit whose series are shown; `None` picks the trade-turnover unit.
    pub(crate) unit: Option<String>,
    /// The user's legend choices, series id → shown; the rest follow [`shown_by_default`].
    pub series_shown: BTreeMap<String, bool>,
    /// Draw dashed lines across years with no data.
    pub connect_gaps: bool,
    /// Plot log10 of the values.
    pub log_scale: bool,
    /// Values or year-over-year change.
    pub mode: ChartMode,
}

/// A point of the dataset: the series id and the index in its `points`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PointRef {
    /// Series id, shared by the markers of a series (a chart of millions of points holds
    /// one copy per series).
    pub series_id: Arc<str>,
    /// Index into the series' points.
    pub index: usize,
}

impl PointRef {
    /// The series and the point this refers to, if the dataset has them.
    pub(crate) fn resolve<'d>(&self, dataset: &'d Dataset) -> Option<(&'d Series, &'d Point)> {
        let series = dataset.series_by_id(&self.series_id)?;
        Some((series, series.points.get(self.index)?))
    }
}

/// Which part of a point a marker draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerRole {
    /// The reported value.
    Value,
    /// The low end of a reported range.
    RangeLow,
    /// The high end of a reported range.
    RangeHigh,
    /// A change computed from two reported values.
    Computed,
}

/// One marker on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// Year.
    pub x: f64,
    /// Plotted value (log10 of the value on a log scale).
    pub(crate) y: f64,
    /// The value in the series' unit, before any log transform.
    pub value: f64,
    /// Drawn hollow: the source says "about", or a computed value uses such a value.
    pub(crate) approximate: bool,
    /// What the marker stands for.
    pub(crate) role: MarkerRole,
    /// The point it draws; for computed changes, the later of the two.
    pub(crate) point: PointRef,
    /// For computed changes, the earlier point.
    pub(crate) previous: Option<PointRef>,
}

impl Marker {
    /// The points behind the marker in `points` (its series' points): the earlier one first
    /// for a computed change.
    fn points_behind<'d>(&self, points: &'d [Point]) -> impl Iterator<Item = &'d Point> {
        [self.previous.as_ref(), Some(&self.point)]
            .into_iter()
            .flatten()
            .filter_map(|point| points.get(point.index))
    }

    /// The ids of every source behind the marker, each once, read from the points of its
    /// series in `points` (the sources are the dataset's, not copied into the chart).
    pub(crate) fn sources_in<'d>(&self, points: &'d [Point]) -> Vec<&'d str> {
        let mut ids: Vec<&str> = Vec::new();
        for point in self.points_behind(points) {
            for id in &point.sources {
                if !ids.contains(&id.as_str()) {
                    ids.push(id);
                }
            }
        }
        ids
    }

    /// [`Self::sources_in`] the points of its series in `dataset`.
    pub(crate) fn sources<'d>(&self, dataset: &'d Dataset) -> Vec<&'d str> {
        dataset
            .series_by_id(&self.point.series_id)
            .map(|series| self.sources_in(&series.points))
            .unwrap_or_default()
    }

    /// Whether `source` is behind the marker, with `points` its series' points.
    pub(crate) fn cites(&self, points: &[Point], source: &str) -> bool {
        self.points_behind(points)
            .any(|point| point.sources.iter().any(|id| id == source))
    }
}

/// A straight piece of line between two markers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LinePiece {
    /// Start `[x, y]`.
    pub(crate) from: [f64; 2],
    /// End `[x, y]`.
    pub(crate) to: [f64; 2],
    /// True when it bridges years without data (drawn dashed, only with "connect gaps").
    pub(crate) across_gap: bool,
}

/// One series as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSeries {
    /// Series id.
    pub id: String,
    /// Legend label.
    pub(crate) label: String,
    /// Index into the palette: the series' place among those shown in this unit.
    pub(crate) palette_index: usize,
    /// False when the user switched it off.
    pub(crate) visible: bool,
    /// Markers, in year order.
    pub(crate) markers: Vec<Marker>,
    /// Lines between markers.
    pub(crate) lines: Vec<LinePiece>,
    /// Vertical bars for values reported as ranges: `(x, low, high)` in plot space.
    pub(crate) range_bars: Vec<(f64, f64, f64)>,
}

impl ChartSeries {
    /// The line pieces joined into polylines: consecutive pieces that meet and share a style
    /// become one run of points, so a long series is drawn as a few lines rather than one
    /// per year. Each run says whether it is dashed (across a gap).
    pub(crate) fn polylines(&self) -> Vec<(Vec<[f64; 2]>, bool)> {
        let mut runs: Vec<(Vec<[f64; 2]>, bool)> = Vec::new();
        for piece in &self.lines {
            match runs.last_mut() {
                Some((points, across_gap))
                    if *across_gap == piece.across_gap && points.last() == Some(&piece.from) =>
                {
                    points.push(piece.to);
                }
                _ => runs.push((vec![piece.from, piece.to], piece.across_gap)),
            }
        }
        runs
    }
}

/// An event drawn as a vertical rule.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EventMark {
    /// Position on the year axis (the start of its month or day, or of the year).
    pub(crate) x: f64,
    /// Event id.
    pub(crate) id: String,
    /// Title.
    pub(crate) title: String,
    /// Date as the sources give it.
    pub(crate) date: String,
    /// Stance, for colour.
    pub(crate) stance: Stance,
}

/// The whole chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartModel {
    /// The unit on the y axis.
    pub(crate) unit: String,
    /// The y-axis title.
    pub(crate) y_label: String,
    /// Units the dataset has, for the unit picker.
    pub(crate) units: Vec<String>,
    /// Series of that unit.
    pub(crate) series: Vec<ChartSeries>,
    /// Values left out because a log scale cannot show zero or less.
    pub(crate) hidden_on_log_scale: usize,
    /// Whether y is log10.
    pub(crate) log_scale: bool,
    /// Values or year-over-year change, as built.
    pub(crate) mode: ChartMode,
    /// Months between consecutive points of the finest series shown: 1 for counts per
    /// month, 3 per quarter, 12 for yearly values (what a break in a line is a gap of).
    pub(crate) step_months: i64,
}

impl MarkerRole {
    /// The name exports write: `value`, `range_low`, `range_high`, `computed`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Value => "value",
            Self::RangeLow => "range_low",
            Self::RangeHigh => "range_high",
            Self::Computed => "computed",
        }
    }
}

impl ChartModel {
    /// What a break in a line stands for: `years`, `quarters` or `months` without data.
    pub(crate) fn gap_name(&self) -> &'static str {
        match self.step_months {
            1 => "months",
            3 => "quarters",
            _ => "years",
        }
    }

    /// The ids of the sources behind the visible markers, each once, in order of first use,
    /// read from `dataset` (the one the model was built from).
    pub(crate) fn source_ids<'d>(&self, dataset: &'d Dataset) -> Vec<&'d str> {
        let points_of: HashMap<&str, &[Point]> = dataset
            .series
            .iter()
            .map(|s| (s.id.as_str(), s.points.as_slice()))
            .collect();
        let mut seen: HashSet<&str> = HashSet::new();
        let mut ids: Vec<&str> = Vec::new();
        for series in self.series.iter().filter(|series| series.visible) {
            let Some(points) = points_of.get(series.id.as_str()) else {
                continue;
            };
            for marker in &series.markers {
                for point in marker.points_behind(points) {
                    for id in &point.sources {
                        if seen.insert(id) {
                            ids.push(id);
                        }
                    }
                }
            }
        }
        ids
    }

    /// The visible series that are drawn, in legend order: those that fit, one after the
    /// other, in [`DRAWN_MARKERS_LIMIT`] markers.
    pub(crate) fn drawn_series(&self) -> impl Iterator<Item = (usize, &ChartSeries)> {
        let mut markers = 0_usize;
        self.series
            .iter()
            .enumerate()
            .filter(|(_, series)| series.visible)
            .take_while(move |(_, series)| {
                markers = markers.saturating_add(series.markers.len());
                markers <= DRAWN_MARKERS_LIMIT
            })
    }

    /// The markers of [`Self::drawn_series`].
    pub(crate) fn drawn_markers(&self) -> impl Iterator<Item = (&ChartSeries, &Marker)> {
        self.drawn_series()
            .flat_map(|(_, series)| series.markers.iter().map(move |marker| (series, marker)))
    }

    /// How many visible series are not drawn (past [`DRAWN_MARKERS_LIMIT`]).
    pub(crate) fn undrawn_series(&self) -> usize {
        let visible = self.series.iter().filter(|series| series.visible).count();
        visible - self.drawn_series().count()
    }

    /// Markers of the visible series.
    pub fn visible_markers(&self) -> impl Iterator<Item = (&ChartSeries, &Marker)> {
        self.series
            .iter()
            .filter(|series| series.visible)
            .flat_map(|series| series.markers.iter().map(move |marker| (series, marker)))
    }
}

/// Units in the dataset, the trade-turnover unit first.
pub(crate) fn units(dataset: &Dataset) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    let preferred = dataset
        .series
        .iter()
        .find(|s| s.kind == SeriesKind::TradeTurnover)
        .map(|s| s.unit.clone());
    for unit in preferred
        .into_iter()
        .chain(dataset.series.iter().map(|s| s.unit.clone()))
    {
        if !units.contains(&unit) {
            units.push(unit);
        }
    }
    units
}

/// Whether a series is drawn before the user ticks or unticks it in the legend: investment
/// that was only talked about (tens of billions) would dwarf the money that moved, so it
/// starts hidden, one click away.
pub(crate) fn shown_by_default(series: &Series) -> bool {
    series.kind != SeriesKind::InvestmentPledged
}

/// Builds the chart for `dataset` as `options` ask.
pub fn build(dataset: &Dataset, options: &ChartOptions) -> ChartModel {
    let units = units(dataset);
    let unit = options
        .unit
        .clone()
        .filter(|unit| units.contains(unit))
        .or_else(|| units.first().cloned())
        .unwrap_or_default();
    let mut hidden_on_log_scale = 0;
    let mut series = Vec::new();
    let mut finest_step = 12;
    for one in &dataset.series {
        let markers = match options.mode {
            ChartMode::Values if one.unit == unit => value_markers(one),
            ChartMode::YearOverYear
                if one.unit == unit && one.kind != SeriesKind::PercentChange =>
            {
                computed_change_markers(one)
            }
            ChartMode::YearOverYear if one.kind == SeriesKind::PercentChange => value_markers(one),
            _ => continue,
        };
        let (markers, hidden) = apply_log(markers, options.log_scale);
        hidden_on_log_scale += hidden;
        let label = match (options.mode, one.kind) {
            (ChartMode::YearOverYear, SeriesKind::PercentChange) => {
                format!("{} (as stated)", one.label)
            }
            (ChartMode::YearOverYear, _) => format!("{} (computed change)", one.label),
            _ => one.label.clone(),
        };
        let range_bars = range_bars(&markers);
        let step = step_months(one);
        finest_step = finest_step.min(step);
        series.push(ChartSeries {
            id: one.id.clone(),
            label,
            palette_index: series.len(),
            visible: options
                .series_shown
                .get(&one.id)
                .copied()
                .unwrap_or_else(|| shown_by_default(one)),
            lines: lines(&markers, step, options.connect_gaps),
            markers,
            range_bars,
        });
    }
    let y_label = match options.mode {
        ChartMode::Values if options.log_scale => format!("{unit} (log scale)"),
        ChartMode::Values => unit.clone(),
        ChartMode::YearOverYear => format!("% change from the previous year ({unit} series)"),
    };
    ChartModel {
        unit,
        y_label,
        units,
        series,
        hidden_on_log_scale,
        log_scale: options.log_scale,
        mode: options.mode,
        step_months: finest_step,
    }
}

/// Every event as a rule on the year axis, in date order.
pub(crate) fn event_marks(dataset: &Dataset) -> Vec<EventMark> {
    let mut marks: Vec<EventMark> = dataset
        .events
        .iter()
        .map(|event| EventMark {
            x: event.date.start_as_year_fraction(),
            id: event.id.clone(),
            title: event.title.clone(),
            date: event.date.to_string(),
            stance: event.stance,
        })
        .collect();
    marks.sort_by(|a, b| a.x.total_cmp(&b.x));
    marks
}

fn value_markers(series: &Series) -> Vec<Marker> {
    let mut markers = Vec::new();
    let series_id: Arc<str> = Arc::from(series.id.as_str());
    for (index, point) in series.points.iter().enumerate() {
        let point_ref = PointRef {
            series_id: Arc::clone(&series_id),
            index,
        };
        let marker = |value: f64, role| Marker {
            x: point.x(),
            y: value,
            value,
            approximate: point.approximate || role != MarkerRole::Value,
            role,
            point: point_ref.clone(),
            previous: None,
        };
        if let Some(value) = point.value {
            markers.push(marker(value, MarkerRole::Value));
        } else if let Some(ValueRange { low, high }) = point.range() {
            markers.push(marker(low, MarkerRole::RangeLow));
            markers.push(marker(high, MarkerRole::RangeHigh));
        }
    }
    markers.sort_by(|a, b| a.x.total_cmp(&b.x));
    markers
}

/// Years (or months, or quarters) where exactly one point with a single value is
/// reported: the only ones a line or a computed change may use without picking between
/// sources.
fn unambiguous_values(series: &Series) -> BTreeMap<PointTime, (usize, &Point, f64)> {
    let mut by_year: BTreeMap<PointTime, Vec<(usize, &Point)>> = BTreeMap::new();
    for (index, point) in series.points.iter().enumerate() {
        by_year
            .entry(point.time())
            .or_default()
            .push((index, point));
    }
    by_year
        .into_iter()
        .filter_map(|(year, points)| match points.as_slice() {
            [(index, point)] => point.value.map(|value| (year, (*index, *point, value))),
            _ => None,
        })
        .collect()
}

fn computed_change_markers(series: &Series) -> Vec<Marker> {
    let values = unambiguous_values(series);
    let mut markers = Vec::new();
    let series_id: Arc<str> = Arc::from(series.id.as_str());
    for ((year, period), (index, point, value)) in &values {
        let Some((previous_index, previous, previous_value)) = values.get(&(year - 1, *period))
        else {
            continue;
        };
        if *previous_value == 0.0 {
            continue;
        }
        let change = (value - previous_value) / previous_value.abs() * 100.0;
        markers.push(Marker {
            x: point.x(),
            y: change,
            value: change,
            approximate: point.approximate || previous.approximate,
            role: MarkerRole::Computed,
            point: PointRef {
                series_id: Arc::clone(&series_id),
                index: *index,
            },
            previous: Some(PointRef {
                series_id: Arc::clone(&series_id),
                index: *previous_index,
            }),
        });
    }
    markers
}

fn apply_log(markers: Vec<Marker>, log_scale: bool) -> (Vec<Marker>, usize) {
    if !log_scale {
        return (markers, 0);
    }
    let before = markers.len();
    let kept: Vec<Marker> = markers
        .into_iter()
        .filter(|marker| marker.value > 0.0)
        .map(|marker| Marker {
            y: marker.value.log10(),
            ..marker
        })
        .collect();
    let hidden = before - kept.len();
    (kept, hidden)
}

fn range_bars(markers: &[Marker]) -> Vec<(f64, f64, f64)> {
    markers
        .iter()
        .filter(|m| m.role == MarkerRole::RangeLow)
        .filter_map(|low| {
            markers
                .iter()
                .find(|high| high.role == MarkerRole::RangeHigh && high.point == low.point)
                .map(|high| (low.x, low.y, high.y))
        })
        .collect()
}

/// The months between two consecutive points of `series`: 12 for yearly values, 3 or 1
/// for counts per quarter or month.
fn step_months(series: &Series) -> i64 {
    series
        .points
        .iter()
        .filter_map(|point| match point.period {
            Some(SubYear::Month(_)) => Some(1),
            Some(SubYear::Quarter(_)) => Some(3),
            None => None,
        })
        .min()
        .unwrap_or(12)
}

/// Lines join markers of consecutive years (months, quarters: `step_months` apart) that
/// each have exactly one value; a year with several values (sources that disagree) or a
/// range breaks the line, so the chart never picks one source over another.
fn lines(markers: &[Marker], step_months: i64, connect_gaps: bool) -> Vec<LinePiece> {
    let mut per_year: BTreeMap<i64, Vec<&Marker>> = BTreeMap::new();
    for marker in markers {
        // Markers sit at the start of a month; rounding only groups them.
        #[expect(
            clippy::cast_possible_truncation,
            reason = "months since year 0 fit in i64"
        )]
        per_year
            .entry((marker.x * 12.0).round() as i64)
            .or_default()
            .push(marker);
    }
    let years: Vec<(i64, Option<&Marker>)> = per_year
        .into_iter()
        .map(|(year, markers)| match markers.as_slice() {
            [only] if matches!(only.role, MarkerRole::Value | MarkerRole::Computed) => {
                (year, Some(*only))
            }
            _ => (year, None),
        })
        .collect();
    years
        .windows(2)
        .filter_map(|pair| {
            let [(year_a, Some(a)), (year_b, Some(b))] = pair else {
                return None;
            };
            let across_gap = year_b - year_a > step_months;
            (!across_gap || connect_gaps).then_some(LinePiece {
                from: [a.x, a.y],
                to: [b.x, b.y],
                across_gap,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polylines_join_pieces_that_meet_and_share_a_style() {
        let piece = |from: [f64; 2], to: [f64; 2], across_gap| LinePiece {
            from,
            to,
            across_gap,
        };
        let series = ChartSeries {
            id: "s".into(),
            label: "S".into(),
            palette_index: 0,
            visible: true,
            markers: Vec::new(),
            lines: vec![
                piece([2010.0, 1.0], [2011.0, 2.0], false),
                piece([2011.0, 2.0], [2012.0, 3.0], false),
                // A dashed bridge over missing years, then solid again.
                piece([2012.0, 3.0], [2015.0, 4.0], true),
                piece([2015.0, 4.0], [2016.0, 5.0], false),
                // A break: the next piece does not start where the last ended.
                piece([2018.0, 1.0], [2019.0, 1.5], false),
            ],
            range_bars: Vec::new(),
        };
        assert_eq!(
            series.polylines(),
            vec![
                (vec![[2010.0, 1.0], [2011.0, 2.0], [2012.0, 3.0]], false),
                (vec![[2012.0, 3.0], [2015.0, 4.0]], true),
                (vec![[2015.0, 4.0], [2016.0, 5.0]], false),
                (vec![[2018.0, 1.0], [2019.0, 1.5]], false),
            ]
        );
    }
    use crate::data::json::parse_dataset;

    fn dataset() -> Dataset {
        let text = r#"{
          "metadata": {"schema_version": 1, "title": "T", "updated": "2026",
            "parties": [{"iso_alpha2": "RU", "iso_alpha3": "RUS", "iso_numeric": "643", "name": "Russia"},
                        {"iso_alpha2": "IR", "iso_alpha3": "IRN", "iso_numeric": "364", "name": "Iran"}]},
          "sources": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
          "series": [
            {"id": "fdi", "label": "FDI", "unit": "USD bn", "kind": "fdi", "points": [
              {"year": 2023, "value": 2.76, "sources": ["b"]}]},
            {"id": "trade", "label": "Trade", "unit": "USD bn", "kind": "trade_turnover", "points": [
              {"year": 2010, "value": 3.5, "approximate": true, "sources": ["a"]},
              {"year": 2011, "value": 3.5, "approximate": true, "sources": ["a"]},
              {"year": 2015, "value": 1.2, "approximate": true, "sources": ["a"]},
              {"year": 2022, "value": 5.0, "sources": ["b"]},
              {"year": 2023, "value": 4.0, "sources": ["b"]},
              {"year": 2024, "value": 4.5, "sources": ["a"]},
              {"year": 2024, "value": 4.9, "sources": ["b"]}]},
            {"id": "stated", "label": "Stated change", "unit": "%", "kind": "percent_change", "points": [
              {"year": 2023, "value": -17, "sources": ["b"]}]},
            {"id": "range", "label": "Range", "unit": "USD bn", "kind": "other", "points": [
              {"year": 2016, "range": {"low": 35, "high": 45}, "sources": ["a"]}]}
          ]}"#;
        parse_dataset(text.as_bytes(), "t.json").expect("valid")
    }

    fn series<'m>(model: &'m ChartModel, id: &str) -> &'m ChartSeries {
        model
            .series
            .iter()
            .find(|s| s.id == id)
            .expect("series shown")
    }

    #[test]
    fn the_turnover_unit_comes_first_and_other_units_are_left_out() {
        let model = build(&dataset(), &ChartOptions::default());
        assert_eq!(model.unit, "USD bn");
        assert_eq!(model.units, vec!["USD bn".to_owned(), "%".to_owned()]);
        assert!(model.series.iter().all(|s| s.id != "stated"));
    }

    #[test]
    fn every_observation_is_a_marker_and_approximate_ones_are_flagged() {
        let model = build(&dataset(), &ChartOptions::default());
        let trade = series(&model, "trade");
        let years: Vec<f64> = trade.markers.iter().map(|m| m.x).collect();
        assert_eq!(
            years,
            vec![2010.0, 2011.0, 2015.0, 2022.0, 2023.0, 2024.0, 2024.0]
        );
        let approximate: Vec<bool> = trade.markers.iter().map(|m| m.approximate).collect();
        assert_eq!(
            approximate,
            vec![true, true, true, false, false, false, false]
        );
    }

    #[test]
    fn gaps_break_the_line_unless_asked_to_connect() {
        let trade = |connect_gaps| {
            let options = ChartOptions {
                connect_gaps,
                ..ChartOptions::default()
            };
            series(&build(&dataset(), &options), "trade").lines.clone()
        };
        let spans = |pieces: &[LinePiece]| -> Vec<(f64, f64, bool)> {
            pieces
                .iter()
                .map(|p| (p.from[0], p.to[0], p.across_gap))
                .collect()
        };
        assert_eq!(
            spans(&trade(false)),
            vec![(2010.0, 2011.0, false), (2022.0, 2023.0, false)]
        );
        assert_eq!(
            spans(&trade(true)),
            vec![
                (2010.0, 2011.0, false),
                (2011.0, 2015.0, true),
                (2015.0, 2022.0, true),
                (2022.0, 2023.0, false)
            ]
        );
    }

    #[test]
    fn disagreeing_sources_both_show_and_no_line_picks_one() {
        let model = build(&dataset(), &ChartOptions::default());
        let trade = series(&model, "trade");
        let values_2024: Vec<f64> = trade
            .markers
            .iter()
            .filter(|m| m.x == 2024.0)
            .map(|m| m.value)
            .collect();
        assert_eq!(values_2024, vec![4.5, 4.9]);
        assert!(trade.lines.iter().all(|p| p.to[0] != 2024.0));
    }

    #[test]
    fn ranges_are_bars_between_their_ends_never_a_midpoint() {
        let model = build(&dataset(), &ChartOptions::default());
        let range = series(&model, "range");
        let values: Vec<f64> = range.markers.iter().map(|m| m.value).collect();
        assert_eq!(values, vec![35.0, 45.0]);
        assert_eq!(range.range_bars, vec![(2016.0, 35.0, 45.0)]);
    }

    #[test]
    fn log_scale_plots_log10_and_keeps_the_value() {
        let options = ChartOptions {
            log_scale: true,
            ..ChartOptions::default()
        };
        let model = build(&dataset(), &options);
        let marker = &series(&model, "trade").markers[3];
        assert_eq!(marker.value, 5.0);
        assert!((marker.y - 5.0_f64.log10()).abs() < 1e-12);
        assert!(model.y_label.contains("log"));
    }

    #[test]
    fn year_over_year_needs_both_years_and_shows_stated_changes_beside_computed_ones() {
        let options = ChartOptions {
            mode: ChartMode::YearOverYear,
            ..ChartOptions::default()
        };
        let model = build(&dataset(), &options);
        let computed: Vec<(f64, f64)> = series(&model, "trade")
            .markers
            .iter()
            .map(|m| (m.x, (m.value * 10.0).round() / 10.0))
            .collect();
        assert_eq!(computed, vec![(2011.0, 0.0), (2023.0, -20.0)]);
        let stated = series(&model, "stated");
        assert_eq!(stated.markers[0].value, -17.0);
        assert!(stated.label.contains("as stated"));
        let change_2023 = &series(&model, "trade").markers[1];
        assert_eq!(change_2023.previous.as_ref().map(|p| p.index), Some(3));
    }

    #[test]
    fn a_computed_change_cites_the_sources_of_both_its_years_from_the_dataset() {
        let dataset = dataset();
        let options = ChartOptions {
            mode: ChartMode::YearOverYear,
            ..ChartOptions::default()
        };
        let model = build(&dataset, &options);
        // 2011 over 2010: both cite `a`; 2023 over 2022: both cite `b`.
        let trade = series(&model, "trade");
        assert_eq!(trade.markers[0].sources(&dataset), vec!["a"]);
        assert_eq!(trade.markers[1].sources(&dataset), vec!["b"]);
        let points = &dataset.series_by_id("trade").expect("trade").points;
        assert!(trade.markers[1].cites(points, "b"));
        assert!(!trade.markers[1].cites(points, "a"));
        // Every source behind the visible markers, each once, as first met.
        assert_eq!(model.source_ids(&dataset), vec!["a", "b"]);
    }

    #[test]
    fn series_past_the_drawing_limit_are_counted_and_not_drawn() {
        let mut dataset = dataset();
        let template = dataset.series_by_id("trade").expect("trade").clone();
        let each = template.points.len();
        // Enough copies of the series for the limit to fall inside the last one.
        let copies = DRAWN_MARKERS_LIMIT / each + 1;
        for copy in 0..copies {
            let mut series = template.clone();
            series.id = format!("copy-{copy}");
            dataset.series.push(series);
        }
        let model = build(&dataset, &ChartOptions::default());
        let visible = model.series.iter().filter(|s| s.visible).count();
        let drawn: Vec<usize> = model.drawn_series().map(|(index, _)| index).collect();
        assert!(model.drawn_markers().count() <= DRAWN_MARKERS_LIMIT);
        assert!(!drawn.is_empty());
        assert_eq!(model.undrawn_series(), visible - drawn.len());
        assert!(model.undrawn_series() > 0);
        // Drawn in legend order, without a gap.
        let first_visible: Vec<usize> = model
            .series
            .iter()
            .enumerate()
            .filter(|(_, s)| s.visible)
            .map(|(index, _)| index)
            .take(drawn.len())
            .collect();
        assert_eq!(drawn, first_visible);
        // The chart of the plain dataset draws everything.
        assert_eq!(
            build(&self::dataset(), &ChartOptions::default()).undrawn_series(),
            0
        );
    }

    #[test]
    fn hidden_series_stay_in_the_model_but_not_visible() {
        let mut options = ChartOptions::default();
        options.series_shown.insert("fdi".into(), false);
        let model = build(&dataset(), &options);
        assert!(!series(&model, "fdi").visible);
        assert!(model.visible_markers().all(|(s, _)| s.id != "fdi"));
    }

    #[test]
    fn investment_only_discussed_starts_hidden_until_the_user_shows_it() {
        let mut dataset = dataset();
        let mut talk = dataset.series[0].clone();
        talk.id = "talk".into();
        talk.kind = SeriesKind::InvestmentPledged;
        dataset.series.push(talk);
        let mut options = ChartOptions::default();
        assert!(!series(&build(&dataset, &options), "talk").visible);
        assert!(series(&build(&dataset, &options), "trade").visible);
        options.series_shown.insert("talk".into(), true);
        assert!(series(&build(&dataset, &options), "talk").visible);
    }

    #[test]
    fn the_caption_names_gaps_in_the_finest_period_shown() {
        let mut dataset = dataset();
        assert_eq!(
            build(&dataset, &ChartOptions::default()).gap_name(),
            "years"
        );
        let mut monthly = dataset.series[0].clone();
        monthly.id = "monthly".into();
        monthly.points[0].period = Some(SubYear::Month(3));
        dataset.series.push(monthly.clone());
        assert_eq!(
            build(&dataset, &ChartOptions::default()).gap_name(),
            "months"
        );
        monthly.points[0].period = Some(SubYear::Quarter(1));
        *dataset.series.last_mut().expect("added") = monthly;
        assert_eq!(
            build(&dataset, &ChartOptions::default()).gap_name(),
            "quarters"
        );
    }
}

//! The years a dataset covers, from everything dated in it: the ranges the views fall
//! back to when the records they draw (events, map records) say nothing, so that a
//! dataset of trade figures alone opens on its own years, not on another pair's.

use super::model::Dataset;

/// The first and last year of any event, series point, standing fact, place, corridor or
/// area of `dataset` (open spans end at their start); `None` when nothing is dated.
pub(crate) fn years_covered(dataset: &Dataset) -> Option<(i32, i32)> {
    let spans = dataset
        .places
        .iter()
        .map(|p| p.years)
        .chain(dataset.corridors.iter().map(|c| c.years))
        .chain(dataset.areas.iter().map(|a| a.years))
        .map(|span| (span.from, span.to.unwrap_or(span.from)));
    let single = dataset
        .events
        .iter()
        .map(|e| e.date.year)
        .chain(
            dataset
                .series
                .iter()
                .flat_map(|s| s.points.iter().map(|p| p.year)),
        )
        .chain(
            dataset
                .standing_facts
                .iter()
                .filter_map(|f| f.as_of.map(|date| date.year)),
        )
        .map(|year| (year, year));
    spans
        .chain(single)
        .reduce(|(first, last), (from, to)| (first.min(from), last.max(to)))
}

/// [`years_covered`], or the ten years up to the dataset's `updated` date when nothing is
/// dated.
pub(crate) fn years_or_recent(dataset: &Dataset) -> (i32, i32) {
    years_covered(dataset).unwrap_or_else(|| {
        let year = dataset.metadata.updated.year;
        (year - 10, year)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::country::Pair;
    use crate::data::new_relationship::new_relationship;
    use crate::data::{PartialDate, Point, Series};

    #[test]
    fn an_empty_relationship_covers_the_years_before_it_was_made_and_trade_widens_them() {
        let pair = Pair::parse("IND,IRN").expect("pair");
        let mut dataset = new_relationship(pair, PartialDate::year(2026)).expect("made");
        assert_eq!(years_covered(&dataset), None);
        assert_eq!(years_or_recent(&dataset), (2016, 2026));
        let builtin = crate::data::builtin::builtin_dataset().expect("loads");
        let mut series: Series = builtin.series[0].clone();
        series.points = [1994, 2003]
            .into_iter()
            .map(|year| Point {
                year,
                ..builtin.series[0].points[0].clone()
            })
            .collect();
        dataset.series.push(series);
        assert_eq!(years_covered(&dataset), Some((1994, 2003)));
    }
}

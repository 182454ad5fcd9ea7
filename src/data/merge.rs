//! Merging one dataset into another: how several files, and later imported trade
//! files, become one dataset without losing or silently replacing a record.

use std::collections::HashMap;

use super::error::Problem;
use super::model::{Dataset, Point, PointTime};

/// Adds everything in `other` to `base`.
///
/// Records with a new id are appended; a record equal to one already present is
/// skipped; a record with a known id but different content is a conflict. Series
/// with the same id and unit gain the points they do not already have, so that
/// several sources for the same year sit side by side. Stories are told apart by name: a
/// story of a new name is added, a different story under a known name is a conflict.
pub(crate) fn merge_into(base: &mut Dataset, mut other: Dataset) -> Vec<Problem> {
    let mut conflicts = Vec::new();
    base.adopt_old_story();
    other.adopt_old_story();
    merge_list(
        &mut base.stories,
        other.stories,
        "stories",
        |s| &s.name,
        &mut conflicts,
    );
    merge_list(
        &mut base.sources,
        other.sources,
        "sources",
        |s| &s.id,
        &mut conflicts,
    );
    merge_list(
        &mut base.events,
        other.events,
        "events",
        |e| &e.id,
        &mut conflicts,
    );
    merge_list(
        &mut base.standing_facts,
        other.standing_facts,
        "standing_facts",
        |f| &f.id,
        &mut conflicts,
    );
    merge_list(
        &mut base.places,
        other.places,
        "places",
        |p| &p.id,
        &mut conflicts,
    );
    merge_list(
        &mut base.corridors,
        other.corridors,
        "corridors",
        |c| &c.id,
        &mut conflicts,
    );
    merge_list(
        &mut base.areas,
        other.areas,
        "areas",
        |a| &a.id,
        &mut conflicts,
    );
    let mut series_at: HashMap<String, usize> = HashMap::new();
    for (index, series) in base.series.iter().enumerate() {
        series_at.entry(series.id.clone()).or_insert(index);
    }
    for series in other.series {
        match series_at
            .get(&series.id)
            .and_then(|at| base.series.get_mut(*at))
        {
            None => {
                series_at.insert(series.id.clone(), base.series.len());
                base.series.push(series);
            }
            Some(known) if known.unit != series.unit || known.kind != series.kind => {
                conflicts.push(Problem::Conflict {
                    list: "series",
                    id: series.id,
                });
            }
            Some(known) => {
                // Points are compared with those of the same year only, so a series of
                // many years merges in time linear in its points.
                let mut by_year: HashMap<PointTime, Vec<usize>> = HashMap::new();
                for (index, point) in known.points.iter().enumerate() {
                    by_year.entry(point.time()).or_default().push(index);
                }
                for point in series.points {
                    let same_year = by_year.entry(point.time()).or_default();
                    if !same_year.iter().any(|at| known.points[*at] == point) {
                        same_year.push(known.points.len());
                        known.points.push(point);
                    }
                }
                known.points.sort_by_key(Point::time);
            }
        }
    }
    conflicts
}

fn merge_list<T: PartialEq>(
    base: &mut Vec<T>,
    other: Vec<T>,
    list: &'static str,
    id_of: impl Fn(&T) -> &String,
    conflicts: &mut Vec<Problem>,
) {
    // The first record with each id, as a search from the start would find it.
    let mut at: HashMap<String, usize> = HashMap::new();
    for (index, known) in base.iter().enumerate() {
        at.entry(id_of(known).clone()).or_insert(index);
    }
    for record in other {
        match at.get(id_of(&record)).and_then(|index| base.get(*index)) {
            None => {
                at.insert(id_of(&record).clone(), base.len());
                base.push(record);
            }
            Some(known) if *known == record => {}
            Some(_) => conflicts.push(Problem::Conflict {
                list,
                id: id_of(&record).clone(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin::builtin_dataset;
    use crate::data::{Point, Series, SeriesKind};

    fn base() -> Dataset {
        builtin_dataset().expect("built-in loads")
    }

    #[test]
    fn merging_a_dataset_into_itself_changes_nothing() {
        let mut merged = base();
        assert!(merge_into(&mut merged, base()).is_empty());
        assert_eq!(merged, base());
    }

    #[test]
    fn points_for_the_same_year_from_another_source_sit_side_by_side() {
        let mut merged = base();
        let mut other = base();
        let turnover = other
            .series
            .iter_mut()
            .find(|s| s.kind == SeriesKind::TradeTurnover)
            .expect("turnover series");
        let mut second_opinion = turnover.points[0].clone();
        second_opinion.value = Some(3.3);
        turnover.points = vec![second_opinion.clone()];
        let id = turnover.id.clone();
        assert!(merge_into(&mut merged, other).is_empty());
        let merged_turnover = merged.series_by_id(&id).expect("kept");
        let same_year: Vec<&Point> = merged_turnover
            .points
            .iter()
            .filter(|p| p.year == second_opinion.year)
            .collect();
        assert_eq!(same_year.len(), 2);
    }

    #[test]
    fn stories_are_merged_by_name_and_a_changed_one_is_a_conflict() {
        let mut merged = base();
        let stories = std::mem::take(&mut merged.stories);
        assert!(!stories.is_empty());
        assert!(merge_into(&mut merged, base()).is_empty());
        assert_eq!(merged.stories, stories, "taken from the later file");
        let mut other = base();
        other.stories[0].slides.truncate(1);
        let mut renamed = other.stories[0].clone();
        renamed.name = "Short".into();
        other.stories.push(renamed.clone());
        let conflicts = merge_into(&mut merged, other);
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        assert_eq!(merged.stories[0], stories[0], "the first story stays");
        assert_eq!(merged.stories.last(), Some(&renamed), "a new name is added");
    }

    #[test]
    fn a_different_record_under_a_known_id_is_a_conflict() {
        let mut merged = base();
        let mut other = base();
        other.events[0].title.push_str(" (edited)");
        other.series.push(Series {
            unit: "EUR bn".into(),
            ..other.series[0].clone()
        });
        let conflicts = merge_into(&mut merged, other);
        assert_eq!(conflicts.len(), 2, "{conflicts:?}");
    }
}

//! Which records the map shows: the domain and stance toggles, at the year of the app's
//! time cursor.

use std::collections::BTreeSet;

use crate::data::{Dataset, Domain, Stance, YearSpan};

/// The map's filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MapFilter {
    /// Domains switched on.
    pub(crate) domains: BTreeSet<Domain>,
    /// Stances switched on.
    pub(crate) stances: BTreeSet<Stance>,
}

impl Default for MapFilter {
    fn default() -> Self {
        Self::all()
    }
}

impl MapFilter {
    /// Everything on.
    pub(crate) fn all() -> Self {
        Self {
            domains: Domain::ALL.into_iter().collect(),
            stances: Stance::ALL.into_iter().collect(),
        }
    }

    /// Whether a record with these fields is on the map of `year`.
    pub(crate) fn shows(
        &self,
        year: i32,
        domains: &[Domain],
        stance: Stance,
        years: YearSpan,
    ) -> bool {
        years.contains(year)
            && self.stances.contains(&stance)
            && (domains.is_empty() || domains.iter().any(|d| self.domains.contains(d)))
    }

    /// Whether a GeoJSON feature with optional fields is on the map of `year`: missing
    /// fields never hide it.
    pub(crate) fn shows_optional(
        &self,
        year: i32,
        domain: Option<Domain>,
        stance: Option<Stance>,
        years: Option<YearSpan>,
    ) -> bool {
        years.is_none_or(|years| years.contains(year))
            && stance.is_none_or(|stance| self.stances.contains(&stance))
            && domain.is_none_or(|domain| self.domains.contains(&domain))
    }
}

/// The first and last years in which any map record of `dataset` is active, for the slider.
/// Records still active run to the dataset's last dated year. Without map records: the
/// years the dataset covers ([`crate::data::years_covered`]).
pub fn year_range(dataset: &Dataset) -> (i32, i32) {
    let spans = dataset
        .places
        .iter()
        .map(|p| p.years)
        .chain(dataset.corridors.iter().map(|c| c.years))
        .chain(dataset.areas.iter().map(|a| a.years));
    let event_years = dataset.events.iter().map(|e| e.date.year);
    let mut first = i32::MAX;
    let mut last = i32::MIN;
    for span in spans {
        first = first.min(span.from);
        last = last.max(span.to.unwrap_or(span.from));
    }
    for year in event_years {
        last = last.max(year);
    }
    if first > last {
        crate::data::years_covered::years_or_recent(dataset)
    } else {
        (first, last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const Y2016: YearSpan = YearSpan::new(2016, Some(2016));

    #[test]
    fn records_show_only_in_their_years() {
        let filter = MapFilter::all();
        assert!(filter.shows(2016, &[Domain::Military], Stance::Cooperation, Y2016));
        assert!(!filter.shows(2023, &[Domain::Military], Stance::Cooperation, Y2016));
        let open = YearSpan::new(2015, None);
        assert!(filter.shows(2023, &[Domain::Military], Stance::Cooperation, open));
    }

    #[test]
    fn domain_and_stance_toggles_hide_records() {
        let mut filter = MapFilter::all();
        filter.domains.remove(&Domain::Military);
        assert!(!filter.shows(2016, &[Domain::Military], Stance::Cooperation, Y2016));
        assert!(filter.shows(
            2016,
            &[Domain::Military, Domain::Energy],
            Stance::Cooperation,
            Y2016
        ));
        filter.stances.remove(&Stance::Divergence);
        assert!(!filter.shows(2016, &[Domain::Energy], Stance::Divergence, Y2016));
    }

    #[test]
    fn optional_fields_never_hide_a_feature() {
        let mut filter = MapFilter::all();
        filter.domains.clear();
        assert!(filter.shows_optional(1990, None, None, None));
        assert!(!filter.shows_optional(1990, Some(Domain::Trade), None, None));
        assert!(!filter.shows_optional(1990, None, None, Some(Y2016)));
    }
}

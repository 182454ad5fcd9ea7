//! The Russia–Iran dataset that ships inside the binary.

use super::error::LoadErrors;
use super::json::parse_dataset;
use super::model::{Dataset, Metadata, PartialDate, Party, SCHEMA_VERSION};

/// The embedded file, as written in `assets/russia-iran.json`.
pub const BUILTIN_JSON: &str = include_str!("../../assets/russia-iran.json");

/// How errors name the embedded file.
pub const BUILTIN_LABEL: &str = "built-in russia-iran.json";

/// Parses the embedded dataset. A test keeps this from ever failing in a release.
pub fn builtin_dataset() -> Result<Dataset, LoadErrors> {
    parse_dataset(BUILTIN_JSON.as_bytes(), BUILTIN_LABEL)
}

/// A dataset with nothing in it, shown only if the built-in one could not be read.
pub fn empty_dataset() -> Dataset {
    let unknown = || Party {
        iso_alpha2: String::new(),
        iso_alpha3: String::new(),
        iso_numeric: String::new(),
        name: "?".to_owned(),
    };
    Dataset {
        metadata: Metadata {
            schema_version: SCHEMA_VERSION,
            title: "No data".to_owned(),
            parties: [unknown(), unknown()],
            description: String::new(),
            updated: PartialDate::year(2026),
        },
        sources: Vec::new(),
        series: Vec::new(),
        events: Vec::new(),
        places: Vec::new(),
        corridors: Vec::new(),
        areas: Vec::new(),
        story: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::data::{Dataset, Point, SegmentStatus};

    fn dataset() -> Dataset {
        match builtin_dataset() {
            Ok(dataset) => dataset,
            Err(errors) => panic!("the built-in dataset does not load:\n{errors}"),
        }
    }

    /// The points of the series with `id`, as (year, value, approximate, sources).
    fn points(dataset: &Dataset, id: &str) -> Vec<(i32, Option<f64>, bool, Vec<String>)> {
        let series = dataset.series_by_id(id);
        let series = series.unwrap_or_else(|| panic!("series {id} missing"));
        series
            .points
            .iter()
            .map(|p: &Point| (p.year, p.value, p.approximate, p.sources.clone()))
            .collect()
    }

    fn cites(sources: &[String], source: &str) -> bool {
        sources.iter().any(|s| s == source)
    }

    #[test]
    fn trade_turnover_holds_the_five_article_figures_with_their_sources() {
        let dataset = dataset();
        let turnover = points(&dataset, "trade-turnover");
        let expected = [
            (2010, 3.5, true, "trenin-2016"),
            (2011, 3.5, true, "trenin-2016"),
            (2015, 1.2, true, "trenin-2016"),
            (2022, 5.0, false, "avdaliani-2024"),
            (2023, 4.0, false, "avdaliani-2024"),
        ];
        assert_eq!(turnover.len(), expected.len());
        for ((year, value, approximate, sources), (e_year, e_value, e_approx, e_source)) in
            turnover.iter().zip(expected)
        {
            assert_eq!(
                (*year, *value, *approximate),
                (e_year, Some(e_value), e_approx)
            );
            assert!(cites(sources, e_source), "{year} cites {sources:?}");
        }
    }

    #[test]
    fn the_stated_seventeen_percent_fall_is_kept_beside_the_figures_it_contradicts() {
        let dataset = dataset();
        let stated = points(&dataset, "trade-turnover-change-stated");
        assert_eq!(stated.len(), 1);
        assert_eq!((stated[0].0, stated[0].1), (2023, Some(-17.0)));
    }

    #[test]
    fn investment_and_loan_figures_are_there_as_the_articles_give_them() {
        let dataset = dataset();
        let first = |id: &str| points(&dataset, id).first().map(|p| (p.0, p.1, p.2));
        assert_eq!(
            first("russian-fdi-into-iran"),
            Some((2023, Some(2.76), false))
        );
        assert_eq!(
            first("iran-fdi-inflow-all-countries"),
            Some((2023, Some(4.2), false))
        );
        assert_eq!(
            first("russian-loans-released-eur"),
            Some((2016, Some(2.2), false))
        );
        assert_eq!(
            first("russian-loans-released-usd-conversion"),
            Some((2016, Some(2.5), true))
        );
        assert_eq!(
            first("russian-loan-promised-not-disbursed"),
            Some((2016, Some(5.0), false))
        );
        assert_eq!(
            first("investment-deals-discussed"),
            Some((2015, Some(40.0), false))
        );
        assert_eq!(
            first("instc-container-run"),
            Some((2023, Some(36.0), false))
        );
        assert!(
            points(&dataset, "instc-length")
                .iter()
                .all(|p| p.1 == Some(7200.0))
        );
    }

    #[test]
    fn events_run_from_the_treaties_to_2024_and_keep_the_embargo_disagreement() {
        let dataset = dataset();
        let years: Vec<i32> = dataset.events.iter().map(|e| e.date.year).collect();
        assert!(years.contains(&1813) && years.contains(&1828));
        assert_eq!(years.iter().max(), Some(&2024));
        let embargo: Vec<(i32, &Vec<String>)> = dataset
            .events
            .iter()
            .filter(|e| e.title.contains("arms embargo"))
            .map(|e| (e.date.year, &e.sources))
            .collect();
        assert!(
            embargo
                .iter()
                .any(|(year, s)| *year == 2023 && cites(s, "avdaliani-2024"))
        );
        assert!(
            embargo
                .iter()
                .any(|(year, s)| *year == 2020 && cites(s, "web-does-russia-support-iran"))
        );
    }

    #[test]
    fn the_western_corridor_has_its_rasht_astara_gap_and_hamadan_is_a_2016_site() {
        let dataset = dataset();
        let western = dataset
            .corridor("instc-western-route")
            .expect("western route");
        let gap = western
            .segments
            .iter()
            .position(|s| s.status == SegmentStatus::MissingLink)
            .expect("a missing link");
        let ends = (
            &western.waypoints[gap].name,
            &western.waypoints[gap + 1].name,
        );
        assert_eq!(ends, (&"Astara".to_owned(), &"Rasht".to_owned()));
        let hamadan = dataset.place("shahid-nojeh-air-base").expect("Hamadan");
        assert!(hamadan.years.contains(2016) && !hamadan.years.contains(2023));
    }
}

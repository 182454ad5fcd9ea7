//! The Russia–Iran dataset that ships inside the binary.

use crate::assets::RUSSIA_IRAN_JSON;

use super::error::{LoadError, LoadErrorKind, LoadErrors};
use super::json::parse_dataset;
use super::model::{Dataset, Metadata, PartialDate, Party, SCHEMA_VERSION};

/// How errors name the embedded file.
pub(crate) const BUILTIN_LABEL: &str = "built-in russia-iran.json";

/// The embedded file's bytes, as written in `assets/russia-iran.json`.
pub(crate) fn builtin_json() -> Result<Vec<u8>, LoadErrors> {
    RUSSIA_IRAN_JSON.inflate().map_err(|error| {
        LoadErrors::one(LoadError {
            file: BUILTIN_LABEL.to_owned(),
            position: None,
            kind: LoadErrorKind::Io(error.to_string()),
        })
    })
}

/// Parses the embedded dataset. A test keeps this from ever failing in a release.
pub fn builtin_dataset() -> Result<Dataset, LoadErrors> {
    parse_dataset(&builtin_json()?, BUILTIN_LABEL)
}

/// A dataset with nothing in it, shown only if the built-in one could not be read.
pub(crate) fn empty_dataset() -> Dataset {
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
            map_frame: None,
        },
        sources: Vec::new(),
        series: Vec::new(),
        events: Vec::new(),
        standing_facts: Vec::new(),
        places: Vec::new(),
        corridors: Vec::new(),
        areas: Vec::new(),
        stories: Vec::new(),
        old_story: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::data::validate::validate;
    use crate::data::{Basis, Dataset, Point, SegmentStatus, YearSpan};

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
            (2010, 3.5, false, "trenin-2016"),
            (2011, 3.5, false, "trenin-2016"),
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
    /// Every record's years with where they come from, as (record, years, basis).
    fn spans(dataset: &Dataset) -> Vec<(String, YearSpan, Option<&Basis>)> {
        let places = dataset
            .places
            .iter()
            .map(|p| (format!("places/{}", p.id), p.years, p.years_basis.as_ref()));
        let corridors = dataset.corridors.iter().map(|c| {
            (
                format!("corridors/{}", c.id),
                c.years,
                c.years_basis.as_ref(),
            )
        });
        let areas = dataset
            .areas
            .iter()
            .map(|a| (format!("areas/{}", a.id), a.years, a.years_basis.as_ref()));
        places.chain(corridors).chain(areas).collect()
    }

    #[test]
    fn the_builtin_dataset_passes_every_check_a_user_dataset_gets() {
        let problems = validate(&dataset());
        assert!(problems.is_empty(), "{problems:?}");
    }

    /// Places are where things happened: an event's text names each place it is placed at,
    /// so a place cannot stand in for what the event is only about.
    #[test]
    fn every_event_place_is_named_in_the_events_own_text() {
        let dataset = dataset();
        let mut unnamed = Vec::new();
        for event in &dataset.events {
            let text = format!("{} {}", event.title, event.summary).to_lowercase();
            for place_id in &event.places {
                let place = dataset.places.iter().find(|p| &p.id == place_id);
                let name = place.map(|p| p.name.to_lowercase()).unwrap_or_default();
                let named = name
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|word| word.chars().count() >= 4)
                    .any(|word| text.contains(word));
                if !named {
                    unnamed.push(format!("{} at {place_id}", event.id));
                }
            }
        }
        assert!(
            unnamed.is_empty(),
            "placed where the text does not say: {unnamed:?}"
        );
    }

    #[test]
    fn every_corridor_status_names_its_basis_and_sourced_ones_cite_the_corridor_sources() {
        let dataset = dataset();
        let mut general_knowledge = 0;
        for corridor in &dataset.corridors {
            for (index, segment) in corridor.segments.iter().enumerate() {
                match &segment.basis {
                    Basis::Sources(ids) => assert!(
                        !ids.is_empty() && ids.iter().all(|id| corridor.sources.contains(id)),
                        "{} segment {index}: {ids:?} not among {:?}",
                        corridor.id,
                        corridor.sources
                    ),
                    other => {
                        let text = other.explanation().unwrap_or_default();
                        assert!(text.len() > 20, "{} segment {index}", corridor.id);
                        general_knowledge +=
                            usize::from(matches!(other, Basis::GeneralKnowledge(_)));
                    }
                }
            }
        }
        assert!(general_knowledge > 0, "general knowledge is named as such");
        let western = dataset
            .corridors
            .iter()
            .find(|c| c.id == "instc-western-route")
            .expect("western route");
        for segment in &western.segments {
            match segment.status {
                SegmentStatus::Operating => assert!(
                    matches!(segment.basis, Basis::GeneralKnowledge(_)),
                    "the articles do not say the other stretches run"
                ),
                _ => assert_eq!(segment.basis, Basis::Sources(vec!["avdaliani-2024".into()])),
            }
        }
    }

    #[test]
    fn years_that_are_rough_or_borrowed_say_where_they_come_from() {
        let dataset = dataset();
        for (record, years, basis) in spans(&dataset) {
            if years.approximate {
                assert!(basis.is_some(), "{record}: rough years without a basis");
            }
            if let Some(Basis::OtherRelationship(text)) = basis {
                assert!(
                    years.approximate,
                    "{record}: borrowed years not approximate"
                );
                assert!(text.contains('–'), "{record}: names the other pair: {text}");
            }
        }
        let turkey = spans(&dataset)
            .into_iter()
            .find(|(record, _, _)| record == "areas/turkey")
            .expect("Turkey");
        assert!(matches!(turkey.2, Some(Basis::OtherRelationship(_))));
    }

    #[test]
    fn standing_facts_hold_the_undated_themes_and_each_contradiction_names_the_other_side() {
        let dataset = dataset();
        let themes: Vec<&str> = dataset
            .standing_facts
            .iter()
            .map(|f| f.theme.as_str())
            .collect();
        for theme in [
            "Natural gas and oil",
            "Trade: what each side sells the other",
            "Payments and sanctions",
        ] {
            assert!(themes.contains(&theme), "{theme} missing");
        }
        let web = "web-does-russia-support-iran";
        for fact in &dataset.standing_facts {
            let undated_source = fact.sources.iter().any(|s| s == web);
            assert_eq!(
                fact.as_of.is_none(),
                undated_source,
                "{}: as_of follows the source",
                fact.id
            );
        }
        let gas: Vec<_> = dataset
            .standing_facts
            .iter()
            .filter(|f| f.id.starts_with("gas-for-europe"))
            .collect();
        assert_eq!(gas.len(), 2, "Trenin's and the web article's versions");
        assert_ne!(gas[0].stance, gas[1].stance);
        assert!(
            gas[0]
                .see_also
                .contains(&format!("standing_facts/{}", gas[1].id))
        );
        assert!(
            gas[1]
                .see_also
                .contains(&format!("standing_facts/{}", gas[0].id))
        );
    }
}

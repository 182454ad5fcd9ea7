//! An empty dataset for any pair of countries: File ▸ New relationship… and
//! `bilateral new`. Its parties, title and description come from the country table the
//! trade importers use; everything else is for the analyst (and their trade files) to add.

use super::country::{Country, Pair, countries};
use super::model::{Dataset, Metadata, PartialDate, Party, SCHEMA_VERSION};

/// A party as the country table names and codes it.
pub(crate) fn party_of(country: &Country) -> Party {
    Party {
        iso_alpha2: country.iso2.clone().unwrap_or_default(),
        iso_alpha3: country.iso3.clone(),
        iso_numeric: country
            .m49
            .map_or_else(String::new, |code| format!("{code:03}")),
        name: country.name.clone(),
    }
}

/// A dataset for `pair` with nothing in it but its parties, title and description,
/// dated `updated`. `None` when the table does not know one of the two.
pub fn new_relationship(pair: Pair, updated: PartialDate) -> Option<Dataset> {
    let table = countries();
    let [first, second] = pair.countries().map(|id| table.get(id));
    let (first, second) = (first?, second?);
    Some(Dataset {
        metadata: Metadata {
            schema_version: SCHEMA_VERSION,
            title: format!("{} and {}", first.name, second.name),
            parties: [party_of(first), party_of(second)],
            description: format!(
                "The relationship between {} and {}, started empty in Bilateral: import trade files, or add sources, events, places, routes and areas.",
                first.name, second.name
            ),
            updated,
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
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::json::{parse_dataset, to_json};
    use crate::data::validate::validate;

    #[test]
    fn a_new_relationship_names_its_parties_from_the_country_table_and_loads_back() {
        let pair = Pair::parse("CHN,RUS").expect("known pair");
        let dataset = new_relationship(pair, PartialDate::year(2026)).expect("made");
        let [china, russia] = &dataset.metadata.parties;
        assert_eq!(
            (
                china.iso_alpha3.as_str(),
                china.iso_alpha2.as_str(),
                china.iso_numeric.as_str()
            ),
            ("CHN", "CN", "156")
        );
        assert_eq!(
            (russia.iso_alpha3.as_str(), russia.iso_numeric.as_str()),
            ("RUS", "643")
        );
        assert_eq!(
            dataset.metadata.title,
            format!("{} and {}", china.name, russia.name)
        );
        assert!(validate(&dataset).is_empty(), "{:?}", validate(&dataset));
        let text = to_json(&dataset);
        let back = parse_dataset(text.as_bytes(), "new.json").expect("loads back");
        assert_eq!(back, dataset);
    }
}

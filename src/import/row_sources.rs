//! The sources a table's rows name (the tidy table's `source` column): one source record
//! per distinct text, cited by the points made from those rows beside the record of the
//! file itself.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::data::Source;

use super::build::{FileFacts, import_id};
use super::collect::{CollectedValues, YearValue};

/// The source ids given to the texts rows name.
#[derive(Debug, Default)]
pub(crate) struct RowSources {
    ids: BTreeMap<Box<str>, String>,
}

impl RowSources {
    /// Gives every text the rows of `values` name a source id under the import `import`
    /// (`import-<file>--source-<text>`), and makes their records.
    pub(crate) fn new(
        import: &str,
        values: &CollectedValues,
        facts: &FileFacts,
    ) -> (Self, Vec<Source>) {
        let mut ids: BTreeMap<Box<str>, String> = BTreeMap::new();
        let mut taken: HashSet<String> = HashSet::new();
        // The number last tried for each stem: texts that reduce to one slug take -2, -3, …
        // in one step each, never retrying from the start.
        let mut last_tried: HashMap<String, u64> = HashMap::new();
        let mut records = Vec::new();
        let named = values
            .values()
            .flat_map(BTreeMap::values)
            .flat_map(|value| &value.row_sources);
        for text in named {
            if ids.contains_key(text) {
                continue;
            }
            let slug = import_id(text);
            let slug = slug.trim_start_matches("import").trim_start_matches('-');
            let stem = if slug.is_empty() {
                format!("{import}--source")
            } else {
                format!("{import}--source-{slug}")
            };
            let mut id = stem.clone();
            let n = last_tried.entry(stem.clone()).or_insert(1);
            while taken.contains(&id) {
                *n += 1;
                id = format!("{stem}-{n}");
            }
            records.push(record(&id, text, facts));
            taken.insert(id.clone());
            ids.insert(text.clone(), id);
        }
        (Self { ids }, records)
    }

    /// The ids of the sources the rows of `value` name, in the order they were met.
    pub(crate) fn ids_for<'a>(&'a self, value: &'a YearValue) -> impl Iterator<Item = String> + 'a {
        value
            .row_sources
            .iter()
            .filter_map(|text| self.ids.get(text).cloned())
    }
}

fn record(id: &str, text: &str, facts: &FileFacts) -> Source {
    let text = text.trim();
    let is_address = text.starts_with("https://") || text.starts_with("http://");
    Source {
        id: id.to_owned(),
        author: None,
        title: text.to_owned(),
        publisher: None,
        date: None,
        url: is_address.then(|| text.to_owned()),
        file: None,
        note: format!(
            "Named in the `source` column of {} ({}) for the values that cite it; imported by Bilateral on {}.",
            facts.file_name,
            facts.format.label(),
            facts.imported_on
        ),
    }
}

//! The trade files imported into a dataset, read from its sources: every import's sources
//! have ids `import-<file>--<reporter>` and name the file they were read from. Nothing
//! else keeps a list of imports, so it cannot drift from the data.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::data::Dataset;

/// One import found in a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRecord {
    /// The import's id (`import-<file name slug>`), which removes it.
    pub id: String,
    /// The titles of its sources (layout, file, whose report).
    pub(crate) titles: Vec<String>,
    /// The file it was read from, when its sources name it (imports made before they did
    /// do not).
    pub file: Option<PathBuf>,
    /// Points citing it.
    pub points: usize,
    /// Events citing it (arms deals, votes apart).
    pub(crate) events: usize,
}

/// The imports in `dataset`, in the order of their ids.
pub(crate) fn imports_of(dataset: &Dataset) -> Vec<ImportRecord> {
    let mut found: BTreeMap<&str, ImportRecord> = BTreeMap::new();
    for source in &dataset.sources {
        let Some(id) = import_of_source(&source.id) else {
            continue;
        };
        let record = found.entry(id).or_insert_with(|| ImportRecord {
            id: id.to_owned(),
            titles: Vec::new(),
            file: None,
            points: 0,
            events: 0,
        });
        record.titles.push(source.title.clone());
        if record.file.is_none() {
            record.file = source.file.as_ref().map(PathBuf::from);
        }
    }
    let mut count = |sources: &[String], counter: fn(&mut ImportRecord) -> &mut usize| {
        let mut counted: Option<&str> = None;
        for id in sources.iter().filter_map(|s| import_of_source(s)) {
            if counted != Some(id)
                && let Some(record) = found.get_mut(id)
            {
                *counter(record) += 1;
                counted = Some(id);
            }
        }
    };
    for point in dataset.series.iter().flat_map(|series| &series.points) {
        count(&point.sources, |record| &mut record.points);
    }
    for event in &dataset.events {
        count(&event.sources, |record| &mut record.events);
    }
    found.into_values().collect()
}

/// Names `path` as the file of every source of the import `import_id` in `dataset`, but
/// the sources a chronology's rows cite (`…--cited-N`), which were not read from it.
pub(crate) fn set_import_file(dataset: &mut Dataset, import_id: &str, path: &std::path::Path) {
    for source in &mut dataset.sources {
        if import_of_source(&source.id) == Some(import_id) && !source.id.contains("--cited-") {
            source.file = Some(path.display().to_string());
        }
    }
}

/// The import a source id belongs to: `import-a-csv` for `import-a-csv--rus`.
fn import_of_source(source_id: &str) -> Option<&str> {
    let (id, _reporter) = source_id.split_once("--")?;
    id.starts_with("import-").then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin::builtin_dataset;
    use crate::data::{Point, Series, SeriesKind, Source};

    #[test]
    fn imports_are_grouped_by_file_with_their_points_and_file() {
        let mut dataset = builtin_dataset().expect("built-in");
        let before = imports_of(&dataset);
        assert!(before.is_empty(), "{before:?}");
        for reporter in ["rus", "irn"] {
            dataset.sources.push(Source {
                id: format!("import-a-csv--{reporter}"),
                author: None,
                title: format!("A file ({reporter})"),
                publisher: None,
                date: None,
                url: None,
                file: None,
                note: String::new(),
            });
        }
        dataset.series.push(Series {
            id: "trade-rus-to-irn-reported-by-rus".into(),
            label: String::new(),
            unit: "USD bn".into(),
            kind: SeriesKind::Exports,
            note: String::new(),
            points: vec![Point {
                year: 2010,
                period: None,
                value: Some(3.36),
                range: None,
                approximate: false,
                sources: vec!["import-a-csv--rus".into(), "import-a-csv--irn".into()],
                note: String::new(),
            }],
        });
        set_import_file(
            &mut dataset,
            "import-a-csv",
            std::path::Path::new("/data/a.csv"),
        );
        let found = imports_of(&dataset);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, "import-a-csv");
        assert_eq!(found[0].titles.len(), 2);
        assert_eq!(
            found[0].points, 1,
            "a point citing both reporters counts once"
        );
        assert_eq!(found[0].file, Some(PathBuf::from("/data/a.csv")));
    }
}

//! What an import makes: cited series, turnover, the mirror, replacing and removing.

use super::*;
use crate::data::builtin::builtin_dataset;
use crate::data::mirror::{Coverage, mirror};

#[test]
fn an_import_makes_cited_series_per_flow_and_reporter_and_turnover() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = tidy_file(
        &folder,
        "mirror.csv",
        "2010,RUS,IRN,exports,3.36,USD bn,\n2010,IRN,RUS,imports,1.15,USD bn,\n2010,RUS,IRN,imports,0.3,USD bn,yes\n2011,IRN,RUS,imports,1.2,USD bn,\n",
    );
    let imported = import(
        &path,
        &ImportOptions::new(pair("RUS,IRN")),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .expect("imports");
    let dataset = &imported.dataset;
    let labels: Vec<&str> = dataset.series.iter().map(|s| s.label.as_str()).collect();
    assert!(
        labels.contains(&"Russia's exports to Iran, as Russia reports them"),
        "{labels:?}"
    );
    assert!(
        labels.contains(&"Iran's imports from Russia, as Iran reports them"),
        "{labels:?}"
    );
    assert!(
        labels
            .iter()
            .any(|l| l.contains("turnover, as Russia reports it")),
        "{labels:?}"
    );
    assert!(dataset.series.iter().all(|s| s.unit == "USD bn"));
    let russia_source = dataset
        .sources
        .iter()
        .find(|s| s.id.ends_with("--rus"))
        .expect("a source for Russia's reports");
    assert!(russia_source.title.contains("mirror.csv"));
    assert!(
        russia_source.note.contains("Reporter: Russia."),
        "{}",
        russia_source.note
    );
    assert!(russia_source.date.is_some());
    for series in &dataset.series {
        for point in &series.points {
            assert!(
                point
                    .sources
                    .iter()
                    .all(|id| dataset.sources.iter().any(|s| &s.id == id)),
                "{} cites a source that is not there",
                series.id
            );
        }
    }
    let estimate = value(&imported, "IRN", "RUS", ReportedBy::Importer, None, 2010);
    close(estimate, 0.3);
    assert!(
        crate::data::validate::validate(dataset).is_empty(),
        "{:?}",
        crate::data::validate::validate(dataset)
    );
    let mirrored = mirror(dataset, "RUS", "IRN", "USD bn").expect("mirror");
    assert_eq!(mirrored.years[0].coverage(), Coverage::Both);
    close(mirrored.years[0].ratio(), 1.15 / 3.36);
    assert_eq!(mirrored.years[1].coverage(), Coverage::ImporterOnly);
}

#[test]
fn importing_a_file_again_replaces_it_and_it_can_be_removed() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = tidy_file(&folder, "again.csv", "2010,RUS,IRN,exports,3.36,USD bn,\n");
    let original = builtin_dataset().expect("built-in");
    let mut dataset = original.clone();
    let options = ImportOptions::new(pair("RUS,IRN"));
    let cancel = AtomicBool::new(false);
    for _ in 0..2 {
        let imported = import(&path, &options, &mut |_| {}, &cancel).expect("imports");
        assert!(merge_import(&mut dataset, imported).is_empty());
    }
    let id = "trade-rus-to-irn-reported-by-rus";
    let series = dataset.series.iter().find(|s| s.id == id).expect("series");
    assert_eq!(series.points.len(), 1, "not doubled");
    std::fs::write(
        &path,
        "year,reporter,partner,flow,value,unit\n2010,RUS,IRN,exports,3.5,USD bn\n",
    )
    .expect("rewrite");
    let imported = import(&path, &options, &mut |_| {}, &cancel).expect("imports");
    assert!(merge_import(&mut dataset, imported).is_empty());
    let series = dataset.series.iter().find(|s| s.id == id).expect("series");
    assert_eq!(
        series.points.iter().map(|p| p.value).collect::<Vec<_>>(),
        vec![Some(3.5)]
    );
    assert!(remove_import(&mut dataset, "again.csv") > 0);
    assert_eq!(
        dataset, original,
        "removing the import restores the dataset"
    );
}

#[test]
fn scan_lists_pairs_and_an_import_of_another_pair_says_which_pair_the_file_holds() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = tidy_file(
        &folder,
        "thai.csv",
        "2020,THA,RUS,imports,5,USD mn,\n2021,THA,RUS,imports,6,USD mn,\n",
    );
    let report = run_scan(&path).expect("scans");
    let [(only, rows)] = report.pairs()[..] else {
        panic!("one pair: {:?}", report.pairs());
    };
    assert_eq!((only.codes().as_str(), rows), ("RUS,THA", 2));
    assert_eq!(report.years, vec![2020, 2021]);
    let error = run_import(&path, "RUS,IRN").expect_err("another pair");
    assert!(
        matches!(error.kind, ImportErrorKind::OtherPair { .. }),
        "{error}"
    );
    assert!(error.to_string().contains("--pair RUS,THA"), "{error}");
    let two_pairs = tidy_file(
        &folder,
        "two.csv",
        "2020,THA,RUS,imports,5,USD mn,\n2020,THA,CHN,imports,6,USD mn,\n",
    );
    let error = run_import(&two_pairs, "USA,IRN").expect_err("neither country");
    assert!(
        matches!(error.kind, ImportErrorKind::PairNotInFile { .. }),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .contains("neither the United States nor Iran"),
        "{error}"
    );
}

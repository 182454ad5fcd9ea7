//! Folders of Parquet part files written by Spark, DuckDB and polars from the real download
//! in tests/fixtures (tests/fixtures/parquet/PROVENANCE.md), read as one table against the
//! download read as CSV.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use super::super::tests::{
    BAD_VALUE, COMTRADE_CSV, TIDY_POLARS, TIDY_SPARK, bad_value_error, fixture, imported, points,
    value_at,
};
use super::partition_of;
use crate::data::country::Pair;
use crate::import::{Format, ImportErrorKind, ImportOptions, import, scan};

const DUCKDB_BY_YEAR: &str = "parquet/tidy_trade_tha_8542.duckdb_by_year";
const POLARS_BY_FLOW: &str = "parquet/tidy_trade_tha_8542.polars_by_flow";

fn folder(relative: &str) -> std::path::PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative);
    assert!(path.is_dir(), "fixture folder {relative} is missing");
    path
}

#[test]
fn spark_folder_of_tidy_part_files_is_one_table_with_the_numbers_of_the_comtrade_csv() {
    // Iran's rows are in the first part file, Russia's in the second (PROVENANCE).
    let spark = folder(TIDY_SPARK);
    for (codes, slug, year, value) in [
        ("THA,IRN", "irn", 2024, 31_794.41),
        ("THA,RUS", "rus", 2022, 49_909.144),
    ] {
        let csv = imported(&fixture(COMTRADE_CSV), codes);
        let parquet = imported(&spark, codes);
        assert_eq!(parquet.report.format, Format::Tidy);
        assert_eq!(parquet.report.encoding, Some("Parquet"));
        let from_csv = points(&csv.dataset);
        assert!(!from_csv.is_empty());
        assert_eq!(points(&parquet.dataset), from_csv, "{codes}");
        assert_eq!(value_at(&parquet.dataset, year, slug), Some(value));
        // A part is passed over when neither country of the pair, in any spelling, is in its
        // partners' range: the first part (`ABW` to `LUX`) for Thailand and Russia. For
        // Thailand and Iran both are read (`THA` lies in the second part's range).
        let passed_over = parquet
            .report
            .warnings
            .iter()
            .any(|w| w.starts_with("1 of 2 row groups (587 rows) passed over"));
        assert_eq!(
            passed_over,
            slug == "rus",
            "{codes}: {:?}",
            parquet.report.warnings
        );
    }
}

#[test]
fn a_scan_of_a_spark_folder_counts_the_rows_of_every_part_file() {
    let report =
        scan(&folder(TIDY_SPARK), &mut |_| {}, &AtomicBool::new(false)).expect("the folder reads");
    // 587 + 591 rows (PROVENANCE): as many as the CSV's rows the polars query keeps.
    assert_eq!(report.rows_read, 1_178);
    let single =
        scan(&fixture(TIDY_POLARS), &mut |_| {}, &AtomicBool::new(false)).expect("the file reads");
    assert_eq!(report.rows_read, single.rows_read);
}

#[test]
fn duckdb_partitions_by_year_give_the_year_from_the_folder_names() {
    // DuckDB leaves `year` out of the files: only `year=2014/` and the like hold it.
    let partitioned = imported(&folder(DUCKDB_BY_YEAR), "THA,RUS");
    let csv = imported(&fixture(COMTRADE_CSV), "THA,RUS");
    assert_eq!(partitioned.report.format, Format::Tidy);
    assert_eq!(points(&partitioned.dataset), points(&csv.dataset));
    assert_eq!(value_at(&partitioned.dataset, 2014, "rus"), Some(467.0));
}

#[test]
fn polars_partitions_by_flow_keep_the_column_the_files_also_hold() {
    let partitioned = imported(&folder(POLARS_BY_FLOW), "THA,RUS");
    let csv = imported(&fixture(COMTRADE_CSV), "THA,RUS");
    assert_eq!(points(&partitioned.dataset), points(&csv.dataset));
}

fn import_error(path: &Path) -> crate::import::ImportError {
    let options = ImportOptions::new(Pair::parse("THA,RUS").expect("pair"));
    import(path, &options, &mut |_| {}, &AtomicBool::new(false)).expect_err("the folder is refused")
}

#[test]
fn a_part_with_other_columns_is_refused_naming_it_and_the_difference() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::copy(fixture(TIDY_POLARS), dir.path().join("part-0.parquet")).expect("copy");
    std::fs::copy(fixture(BAD_VALUE), dir.path().join("part-1.parquet")).expect("copy");
    let error = import_error(dir.path());
    assert!(error.file.ends_with("part-1.parquet"), "{error}");
    let ImportErrorKind::PartColumns { first, difference } = &error.kind else {
        panic!("{error}");
    };
    assert!(first.ends_with("part-0.parquet"), "{first}");
    assert_eq!(difference, "it has no column `valuation`");
}

#[test]
fn a_part_in_a_partition_folder_the_first_lacks_is_refused() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::create_dir(dir.path().join("b")).expect("a folder");
    std::fs::create_dir(dir.path().join("b").join("region=asia")).expect("a folder");
    std::fs::copy(fixture(TIDY_POLARS), dir.path().join("a.parquet")).expect("copy");
    std::fs::copy(
        fixture(TIDY_POLARS),
        dir.path().join("b").join("region=asia").join("c.parquet"),
    )
    .expect("copy");
    let error = import_error(dir.path());
    assert!(error.file.ends_with("c.parquet"), "{error}");
    assert!(
        error
            .to_string()
            .contains("its folder names a partition `region` that the first's do not"),
        "{error}"
    );
}

#[test]
fn a_bad_value_in_a_part_is_an_error_at_that_part_file_and_its_row() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let part = dir.path().join("year=ignored").join("part-0.parquet");
    std::fs::create_dir(dir.path().join("year=ignored")).expect("a folder");
    std::fs::copy(fixture(BAD_VALUE), &part).expect("copy");
    let error = bad_value_error(dir.path());
    assert_eq!(error.file, part.display().to_string());
}

#[test]
fn a_folder_with_nothing_to_read_says_so() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("_SUCCESS"), b"").expect("write");
    std::fs::write(dir.path().join("notes.txt"), b"not a table").expect("write");
    // A Parquet file whose name starts with `_` or `.` is not a part (`_SUCCESS`, `.crc`).
    std::fs::copy(fixture(TIDY_POLARS), dir.path().join("_metadata")).expect("copy");
    let error = import_error(dir.path());
    assert_eq!(
        error.to_string(),
        format!(
            "{}: nothing to import: the folder holds no GDELT or ICEWS event file and no Parquet file",
            dir.path().display()
        )
    );
}

#[test]
fn partition_folder_names_give_their_column_and_value() {
    assert_eq!(
        partition_of("year=2020"),
        Some(("year".to_owned(), "2020".to_owned()))
    );
    // Hive escapes `=`, `/` and `%` in names and values.
    assert_eq!(
        partition_of("a%3Db=x%2Fy%25"),
        Some(("a=b".to_owned(), "x/y%".to_owned()))
    );
    assert_eq!(
        partition_of("flow=__HIVE_DEFAULT_PARTITION__"),
        Some(("flow".to_owned(), String::new()))
    );
    assert_eq!(partition_of("2020"), None);
    assert_eq!(partition_of("=2020"), None);
    // A `%` that starts no escape stays as it is.
    assert_eq!(
        partition_of("share=50%"),
        Some(("share".to_owned(), "50%".to_owned()))
    );
}

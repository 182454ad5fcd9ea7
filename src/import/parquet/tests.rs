//! Parquet files written by polars and DuckDB from the real downloads in tests/fixtures
//! (tests/fixtures/parquet/PROVENANCE.md), read against the same downloads read as CSV.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use crate::data::country::Pair;
use crate::data::{Dataset, PartialDate};
use crate::import::error::Position;
use crate::import::events::build::EventPeriod;
use crate::import::{
    Format, ImportErrorKind, ImportOptions, Imported, ValueUnit, import, scan, scan_bytes,
};

pub(super) fn fixture(relative: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative);
    assert!(path.is_file(), "fixture {relative} is missing");
    path
}

pub(super) const COMTRADE_CSV: &str = "trade/comtrade_plus/TradeData_THA_M_8542_2014-2024.csv";
pub(super) const TIDY_POLARS: &str = "parquet/tidy_trade_tha_8542.polars.parquet";
const TIDY_DUCKDB: &str = "parquet/tidy_trade_tha_8542.duckdb.parquet";
const GDELT_CSV: &str = "relations/events/gdelt2_20180326044500_excerpt.export.CSV";
const GDELT_POLARS: &str = "parquet/gdelt2_20180326044500_excerpt.polars.parquet";
const GDELT_DUCKDB: &str = "parquet/gdelt2_20180326044500_excerpt.duckdb.parquet";
const GDELT_ALL_COLUMNS: &str = "parquet/gdelt2_20180326044500_excerpt.all_columns.polars.parquet";

pub(super) fn imported(path: &Path, codes: &str) -> Imported {
    let mut options = ImportOptions {
        unit: ValueUnit::Usd,
        imported_on: Some(PartialDate::year(2026)),
        ..ImportOptions::new(Pair::parse(codes).expect("a pair"))
    };
    options.events.period = EventPeriod::Month;
    import(path, &options, &mut |_| {}, &AtomicBool::new(false))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every point of every series: id, year, part of the year, value.
pub(super) fn points(dataset: &Dataset) -> Vec<(String, i32, String, Option<f64>)> {
    let mut all: Vec<_> = dataset
        .series
        .iter()
        .flat_map(|s| {
            s.points
                .iter()
                .map(|p| (s.id.clone(), p.year, format!("{:?}", p.period), p.value))
        })
        .collect();
    all.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    all
}

pub(super) fn value_at(dataset: &Dataset, year: i32, partner_slug: &str) -> Option<f64> {
    dataset
        .series
        .iter()
        .filter(|s| s.id.contains(partner_slug) && s.id.ends_with("reported-by-tha-product-8542"))
        .flat_map(|s| s.points.iter())
        .find(|p| p.year == year)
        .and_then(|p| p.value)
}

#[test]
fn a_tidy_table_from_polars_gives_the_numbers_of_the_comtrade_csv_it_was_made_from() {
    let csv = imported(&fixture(COMTRADE_CSV), "THA,RUS");
    let parquet = imported(&fixture(TIDY_POLARS), "THA,RUS");
    assert_eq!(parquet.report.format, Format::Tidy);
    assert_eq!(parquet.report.encoding, Some("Parquet"));
    let from_csv = points(&csv.dataset);
    assert!(!from_csv.is_empty());
    assert_eq!(points(&parquet.dataset), from_csv);
    // Thailand's imports from Russia in 2022, as the download writes them (PROVENANCE).
    assert_eq!(value_at(&parquet.dataset, 2022, "rus"), Some(49_909.144));
    assert_eq!(value_at(&parquet.dataset, 2014, "rus"), Some(467.0));
    // Every value cites the Parquet file.
    for series in &parquet.dataset.series {
        for point in &series.points {
            let source = parquet
                .dataset
                .sources
                .iter()
                .find(|s| point.sources.contains(&s.id))
                .expect("a source");
            assert!(
                source.title.contains("tidy_trade_tha_8542.polars.parquet"),
                "{}",
                source.title
            );
        }
    }
}

#[test]
fn row_groups_whose_statistics_leave_out_the_pair_are_passed_over() {
    // Sorted by partner in 12 row groups of 100 rows: only ranges holding RUS or THA are read.
    let parquet = imported(&fixture(TIDY_POLARS), "THA,RUS");
    assert!(
        parquet
            .report
            .warnings
            .iter()
            .any(|w| w.starts_with("10 of 12 row groups")),
        "{:?}",
        parquet.report.warnings
    );
    // Rows passed over are counted as read, as the CSV prefilter counts them.
    let all = scan(&fixture(TIDY_POLARS), &mut |_| {}, &AtomicBool::new(false)).expect("scans");
    assert_eq!(all.rows_read, 1178);
    assert_eq!(parquet.report.rows_read, 1178);
    assert!(all.warnings.iter().all(|w| !w.contains("row groups")));
    assert!(all.pairs().len() > 100);
}

#[test]
fn duckdb_snappy_with_comtrade_numbers_gives_the_same_numbers() {
    let csv = imported(&fixture(COMTRADE_CSV), "THA,IRN");
    let parquet = imported(&fixture(TIDY_DUCKDB), "THA,IRN");
    assert_eq!(points(&parquet.dataset), points(&csv.dataset));
    assert_eq!(value_at(&parquet.dataset, 2024, "irn"), Some(31_794.41));
}

#[test]
fn gdelt_events_from_polars_and_duckdb_make_what_the_export_makes() {
    let csv = imported(&fixture(GDELT_CSV), "USA,RUS");
    for file in [GDELT_POLARS, GDELT_DUCKDB, GDELT_ALL_COLUMNS] {
        let parquet = imported(&fixture(file), "USA,RUS");
        assert_eq!(parquet.report.format, Format::Gdelt2, "{file}");
        assert_eq!(points(&parquet.dataset), points(&csv.dataset), "{file}");
        let titles = |d: &Dataset| {
            let mut t: Vec<String> = d
                .events
                .iter()
                .map(|e| format!("{} {}", e.date, e.title))
                .collect();
            t.sort();
            t
        };
        assert_eq!(titles(&parquet.dataset), titles(&csv.dataset), "{file}");
        assert!(parquet.dataset.events.iter().all(|e| e.machine_coded));
    }
    // Sorted by the actors' countries in row groups of 4: the first (Canada to China as
    // first actors) is passed over for the United States and Russia.
    let polars = imported(&fixture(GDELT_POLARS), "USA,RUS");
    assert!(
        polars
            .report
            .warnings
            .iter()
            .any(|w| w.starts_with("1 of 5 row groups (4 rows) passed over")),
        "{:?}",
        polars.report.warnings
    );
    // United States → Russia, March 2018: three material-conflict events (the export's test).
    let parquet = imported(&fixture(GDELT_DUCKDB), "USA,RUS");
    let conflict = parquet
        .dataset
        .series
        .iter()
        .find(|s| s.id == "gdelt-usa-rus-material-conflict")
        .and_then(|s| s.points.first())
        .and_then(|p| p.value);
    assert_eq!(conflict, Some(3.0));
}

/// Four tidy rows of Russia and Iran whose third `value` is `3.36bn` (PROVENANCE).
pub(super) const BAD_VALUE: &str = "parquet/hand_made_tidy_bad_value.polars.parquet";

/// The error of an import of `path`, which holds [`BAD_VALUE`]'s rows: at the third row,
/// in row group 2, column `value`.
pub(super) fn bad_value_error(path: &Path) -> crate::import::ImportError {
    let options = ImportOptions::new(Pair::parse("RUS,IRN").expect("pair"));
    let error = import(path, &options, &mut |_| {}, &AtomicBool::new(false))
        .expect_err("3.36bn is no number");
    assert_eq!(
        error.position,
        Some(Position::Row {
            group: 2,
            row: 3,
            column: "value".into()
        })
    );
    assert!(matches!(error.kind, ImportErrorKind::NotANumber { .. }));
    error
}

#[test]
fn a_value_that_is_no_number_is_an_error_at_its_row_group_row_and_column() {
    let error = bad_value_error(&fixture(BAD_VALUE));
    assert!(
        error
            .to_string()
            .contains(": row 3 (row group 2): `value`: `3.36bn` is not a number"),
        "{error}"
    );
}

#[test]
fn cut_or_damaged_files_are_refused_without_a_panic() {
    let whole = std::fs::read(fixture(TIDY_POLARS)).expect("reads");
    let cancel = AtomicBool::new(false);
    let scan_of = |bytes: &[u8]| scan_bytes(bytes, "x.parquet", &mut |_| {}, &cancel);
    assert!(scan_of(&whole).is_ok());
    for cut in [4, 12, whole.len() / 2, whole.len() - 1] {
        let error = scan_of(&whole[..cut]).expect_err("cut short");
        assert!(
            matches!(error.kind, ImportErrorKind::Corrupt { .. }),
            "{cut}: {error}"
        );
    }
    // A footer length of 2 GB.
    let mut huge = whole.clone();
    let at = huge.len() - 8;
    huge[at..at + 4].copy_from_slice(&0x7fff_ffff_u32.to_le_bytes());
    let error = scan_of(&huge).expect_err("footer too large");
    assert!(
        matches!(error.kind, ImportErrorKind::TooLarge { .. }),
        "{error}"
    );
    // Bytes flipped through the pages and the footer: an error or a read, never a panic.
    for step in 0..64 {
        let mut damaged = whole.clone();
        let at = 4 + step * (whole.len() - 12) / 64;
        damaged[at] ^= 0x5a;
        let _ = scan_of(&damaged);
    }
}

#[test]
fn events_that_share_an_id_stay_distinct_events() {
    // Found by the fuzz target: the DuckDB file with bytes shuffled, so that several of
    // the best covered events read one `GLOBALEVENTID`.
    let bytes =
        std::fs::read(fixture("parquet/fuzz_gdelt_shuffled_event_ids.parquet")).expect("reads");
    let read = crate::import::events::read_parquet_bytes;
    let scanned = read(&bytes, "x.parquet", None, 0).expect("reads");
    let pair = scanned.report.pairs()[0].0;
    let pass = read(&bytes, "x.parquet", Some(pair), 5).expect("reads");
    let facts = crate::import::build::FileFacts {
        file_name: "x.parquet".into(),
        file_date: None,
        imported_on: PartialDate::year(2026),
        format: Format::Gdelt2,
    };
    let options = crate::import::events::build::EventOptions::default();
    let dataset =
        crate::import::events::build::build(&pass, pair, &facts, options).expect("builds");
    assert!(dataset.events.len() > 1);
    let mut ids: Vec<&str> = dataset.events.iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), dataset.events.len());
    assert_eq!(crate::data::validate::validate(&dataset), []);
}

#[test]
fn a_page_that_says_it_holds_two_gib_is_refused_before_room_is_made_for_it() {
    let whole = std::fs::read(fixture(TIDY_POLARS)).expect("reads");
    let metadata = parquet::file::metadata::ParquetMetaDataReader::new()
        .parse_and_finish(&bytes::Bytes::from(whole.clone()))
        .expect("footer");
    let directory = tempfile::tempdir().expect("temporary folder");
    let path = directory.path().join("two-gib-page.parquet");
    let options = ImportOptions::new(Pair::parse("THA,RUS").expect("pair"));
    // Row groups whose statistics leave the pair out are not read, so the first page of
    // each row group in turn is made to say it holds 2^31 - 1 bytes decompressed, until
    // one that is read says so.
    let refused = (0..metadata.num_row_groups()).find_map(|group| {
        let start =
            usize::try_from(metadata.row_group(group).column(0).byte_range().0).expect("offset");
        // A page header starts with its type (field 1) and its size decompressed (field 2,
        // an i32 as a zigzag varint).
        let header = &whole[start..];
        assert_eq!(
            (header[0], header[2]),
            (0x15, 0x15),
            "fields 1 and 2 as polars writes them"
        );
        let old_size_bytes = header[3..]
            .iter()
            .position(|b| b & 0x80 == 0)
            .expect("varint")
            + 1;
        let mut hostile = whole[..start + 3].to_vec();
        hostile.extend_from_slice(&[0xfe, 0xff, 0xff, 0xff, 0x0f]);
        hostile.extend_from_slice(&whole[start + 3 + old_size_bytes..]);
        std::fs::write(&path, hostile).expect("writes");
        let error = import(&path, &options, &mut |_| {}, &AtomicBool::new(false))
            .expect_err("a damaged file is refused");
        let message = error.to_string();
        message
            .contains(&format!("row group {}, ", group + 1))
            .then_some(message)
    });
    let message = refused.expect("a row group that is read names its damaged page");
    assert!(
        message.contains("page 1: says it holds 2147483647 bytes, more than the 256 MiB"),
        "{message}"
    );
}

pub(super) const TIDY_SPARK: &str = "parquet/tidy_trade_tha_8542.spark";
const GDELT_SPARK: &str = "parquet/gdelt2_20180326044500_excerpt.spark";

/// The part files of Spark's output folder `relative`, by name.
fn spark_parts(relative: &str) -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative);
    assert!(
        folder.join("_SUCCESS").is_file(),
        "{relative}: Spark's _SUCCESS"
    );
    let mut parts: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("a folder")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with("part-") && name.ends_with(".snappy.parquet")
        })
        .collect();
    parts.sort();
    parts
}

#[test]
fn spark_part_files_with_a_decimal_value_give_the_numbers_of_the_comtrade_csv() {
    // Range-partitioned by partner into two part files: Iran in the first, Russia in the
    // second (PROVENANCE).
    let parts = spark_parts(TIDY_SPARK);
    assert_eq!(parts.len(), 2);
    for (part, codes, slug, year, value) in [
        (&parts[0], "THA,IRN", "irn", 2024, 31_794.41),
        (&parts[1], "THA,RUS", "rus", 2022, 49_909.144),
    ] {
        let csv = imported(&fixture(COMTRADE_CSV), codes);
        let parquet = imported(part, codes);
        assert_eq!(parquet.report.format, Format::Tidy);
        assert_eq!(parquet.report.encoding, Some("Parquet"));
        let from_csv = points(&csv.dataset);
        assert!(!from_csv.is_empty());
        assert_eq!(points(&parquet.dataset), from_csv, "{codes}");
        // The download's own figures (PROVENANCE of trade/), read from DECIMAL(18,3).
        assert_eq!(value_at(&parquet.dataset, year, slug), Some(value));
    }
    assert_eq!(
        value_at(&imported(&parts[1], "THA,RUS").dataset, 2014, "rus"),
        Some(467.0)
    );
}

#[test]
fn gdelt_events_from_spark_make_what_the_export_makes_from_a_part_file_or_the_folder() {
    let csv = imported(&fixture(GDELT_CSV), "USA,RUS");
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(GDELT_SPARK);
    let parts = spark_parts(GDELT_SPARK);
    assert!(!parts.is_empty());
    for path in parts.iter().chain([&folder]) {
        let parquet = imported(path, "USA,RUS");
        assert_eq!(parquet.report.format, Format::Gdelt2);
        assert_eq!(points(&parquet.dataset), points(&csv.dataset));
        let dates = |d: &Dataset| {
            let mut t: Vec<String> = d
                .events
                .iter()
                .map(|e| format!("{} {}", e.date, e.title))
                .collect();
            t.sort();
            t
        };
        assert_eq!(
            dates(&parquet.dataset),
            dates(&csv.dataset),
            "{}",
            path.display()
        );
        assert!(parquet.dataset.events.iter().all(|e| e.machine_coded));
        // A Parquet file's text is no UTF-8 file's; its events are placed by row.
        assert_eq!(parquet.report.encoding, Some("Parquet"));
        assert!(
            parquet
                .dataset
                .events
                .iter()
                .all(|e| e.summary.contains(" on row ") && !e.summary.contains(" on line ")),
            "{:?}",
            parquet.dataset.events[0].summary
        );
    }
    assert_eq!(csv.report.encoding, Some("UTF-8"));
    assert!(
        csv.dataset
            .events
            .iter()
            .all(|e| e.summary.contains(" on line "))
    );
    // United States → Russia, March 2018: three material-conflict events (the export's test).
    let parquet = imported(&folder, "USA,RUS");
    let conflict = parquet
        .dataset
        .series
        .iter()
        .find(|s| s.id == "gdelt-usa-rus-material-conflict")
        .and_then(|s| s.points.first())
        .and_then(|p| p.value);
    assert_eq!(conflict, Some(3.0));
}

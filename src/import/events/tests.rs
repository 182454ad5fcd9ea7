//! Event files read from the real downloads in tests/fixtures/relations/events (see its
//! PROVENANCE.md): values as the files give them.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use super::build::{EventOptions, EventPeriod, build};
use super::{EventsPass, read_files};
use crate::data::country::Pair;
use crate::data::{Dataset, PartialDate, Stance, SubYear};
use crate::import::build::FileFacts;
use crate::import::detect::Format;
use crate::import::error::{ImportErrorKind, Position};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/relations/events")
        .join(name)
}

const GDELT_2018: &str = "gdelt2_20180326044500_excerpt.export.CSV";
const GDELT_2015: &str = "gdelt2_20151027220000_excerpt.csv";
const ICEWS_CSV: &str = "icews_protests_egypt_excerpt.csv";
const ICEWS_TAB: &str = "hand_made_icews_invented.tab";
const GDELT_1: &str = "gdelt1_20141124_rows.export.CSV";

fn pair(codes: &str) -> Pair {
    Pair::parse(codes).expect("known pair")
}

fn read(paths: &[PathBuf], pair: Option<Pair>) -> EventsPass {
    let cancel = AtomicBool::new(false);
    read_files(paths, "test", pair, 20, &mut |_| {}, &cancel).expect("reads")
}

fn imported(paths: &[PathBuf], codes: &str, period: EventPeriod) -> Dataset {
    let pass = read(paths, Some(pair(codes)));
    let facts = FileFacts {
        file_name: "events".into(),
        file_date: None,
        imported_on: PartialDate::year(2026),
        format: pass.formats[0],
    };
    let options = EventOptions {
        period,
        top_events: 20,
    };
    build(&pass, pair(codes), &facts, options).expect("builds")
}

/// The value and note of series `id` at `year` and `period`.
fn point(dataset: &Dataset, id: &str, year: i32, period: Option<SubYear>) -> (f64, String) {
    let series = dataset
        .series
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("series {id}"));
    let point = series
        .points
        .iter()
        .find(|p| p.year == year && p.period == period)
        .unwrap_or_else(|| panic!("{id} has no point at {year} {period:?}"));
    (point.value.expect("a value"), point.note.clone())
}

#[test]
fn a_gdelt_2_export_is_told_by_content_and_counted_by_actor_countries() {
    let pass = read(&[fixture(GDELT_2018)], None);
    assert_eq!(pass.report.format, Format::Gdelt2);
    assert_eq!(pass.report.rows_read, 28);
    // Twelve events between the United States and Russia, both ways; 9 rows lack a country.
    assert_eq!(pass.report.rows_for(pair("USA,RUS")), 12);
    assert_eq!(pass.report.years, [2017, 2018]);
}

#[test]
fn the_pairs_events_become_monthly_series_in_each_direction() {
    let dataset = imported(&[fixture(GDELT_2018)], "USA,RUS", EventPeriod::Month);
    let march = Some(SubYear::Month(3));
    // United States → Russia: 741918440–442 `173` (quad 4, −5.0) and seven `010` (quad 1, 0.0).
    let (conflict, note) = point(&dataset, "gdelt-usa-rus-material-conflict", 2018, march);
    assert_eq!(conflict, 3.0);
    assert!(
        note.starts_with("10 events: 7 verbal cooperation"),
        "{note}"
    );
    assert_eq!(
        point(&dataset, "gdelt-usa-rus-verbal-cooperation", 2018, march).0,
        7.0
    );
    assert_eq!(
        point(&dataset, "gdelt-usa-rus-goldstein", 2018, march).0,
        -1.5
    );
    // Russia → United States: 741918185 `050` 3.5 and 741918186 `190` −10.0.
    assert_eq!(
        point(&dataset, "gdelt-rus-usa-goldstein", 2018, march).0,
        -3.25
    );
    let tone = point(&dataset, "gdelt-rus-usa-tone", 2018, march).0;
    assert!((tone - f64::midpoint(-1.035_502_958_579_89, -4.109_589_041_095_89)).abs() < 1e-12);
    // The most covered events, one per article, as machine-coded timeline events.
    assert!(dataset.events.iter().all(|e| e.machine_coded));
    let arrest = dataset
        .events
        .iter()
        .find(|e| e.summary.contains("CAMEO 173"))
        .expect("an arrest event");
    assert_eq!(arrest.stance, Stance::Divergence);
    assert_eq!(arrest.date.to_string(), "2018-03-26");
    assert_eq!(
        arrest.title,
        "United States → Russia: Arrest, detain, or charge with legal action"
    );
    let article = dataset
        .sources
        .iter()
        .find(|s| s.id == arrest.sources[0])
        .expect("the article cited");
    assert_eq!(
        article.url.as_deref(),
        Some("https://intelnews.org/2018/03/26/01-2295/")
    );
    assert_eq!(crate::data::validate::validate(&dataset), Vec::new());
}

#[test]
fn quarters_and_years_sum_the_months() {
    let quarters = imported(&[fixture(GDELT_2015)], "IRN,RUS", EventPeriod::Quarter);
    // 479492373 Iran → Russia and 479492819 Russia → Iran, both `153`, quad 4, −7.2.
    let q4 = Some(SubYear::Quarter(4));
    assert_eq!(
        point(&quarters, "gdelt-irn-rus-material-conflict", 2015, q4).0,
        1.0
    );
    assert_eq!(
        point(&quarters, "gdelt-rus-irn-material-conflict", 2015, q4).0,
        1.0
    );
    assert_eq!(
        point(&quarters, "gdelt-rus-irn-goldstein", 2015, q4).0,
        -7.2
    );
    let years = imported(&[fixture(GDELT_2015)], "IRN,RUS", EventPeriod::Year);
    assert_eq!(point(&years, "gdelt-irn-rus-goldstein", 2015, None).0, -7.2);
}

#[test]
fn zipped_and_plain_files_read_together_as_one_import() {
    let dir = std::env::temp_dir().join(format!("bilateral-events-zip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let zipped = dir.join("20180326044500.export.CSV.zip");
    let bytes = std::fs::read(fixture(GDELT_2018)).expect("fixture");
    let mut writer = zip::ZipWriter::new(std::fs::File::create(&zipped).expect("create"));
    writer
        .start_file(
            "20180326044500.export.CSV",
            zip::write::SimpleFileOptions::default(),
        )
        .expect("entry");
    writer.write_all(&bytes).expect("write");
    writer.finish().expect("finish");
    let plain = dir.join("copy.CSV");
    std::fs::write(&plain, &bytes).expect("copy");
    let dataset = imported(&[zipped, plain], "USA,RUS", EventPeriod::Month);
    let _ = std::fs::remove_dir_all(&dir);
    let march = Some(SubYear::Month(3));
    assert_eq!(
        point(&dataset, "gdelt-usa-rus-material-conflict", 2018, march).0,
        6.0
    );
}

#[test]
fn a_short_row_is_an_error_at_its_line() {
    let text = std::fs::read_to_string(fixture(GDELT_2018)).expect("fixture");
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    // Line 16 (741918186, Russia → United States) loses its last field.
    let cut = lines[15].rfind('\t').expect("tabs");
    lines[15].truncate(cut);
    let broken = lines.join("\n");
    let error = super::read_bytes(broken.as_bytes(), "broken.CSV", Some(pair("USA,RUS")), 5)
        .expect_err("ragged");
    assert_eq!(
        error.position,
        Some(Position::Text {
            line: 16,
            column: 1
        })
    );
    assert_eq!(
        error.kind,
        ImportErrorKind::RaggedRow {
            expected: 61,
            found: 60
        }
    );
}

#[test]
fn icews_csv_reexports_are_read_by_their_underscored_header() {
    let pass = read(&[fixture(ICEWS_CSV)], None);
    assert_eq!(pass.report.format, Format::IcewsCsv);
    assert_eq!(pass.report.rows_read, 41);
    // Egyptian protests against Egypt: no pair of two countries; the first row's target
    // country is empty.
    assert!(pass.report.pairs().is_empty());
    assert_eq!(pass.report.years, [2010, 2011]);
    let pass = read(&[fixture(ICEWS_CSV)], Some(pair("EGY,USA")));
    let facts = FileFacts {
        file_name: ICEWS_CSV.into(),
        file_date: None,
        imported_on: PartialDate::year(2026),
        format: Format::IcewsCsv,
    };
    let error = build(&pass, pair("EGY,USA"), &facts, EventOptions::default());
    assert!(matches!(error, Err(ImportErrorKind::NothingForPair(_))));
}

#[test]
fn icews_tab_files_name_countries_and_count_records_of_one_action() {
    let dataset = imported(&[fixture(ICEWS_TAB)], "RUS,IRN", EventPeriod::Month);
    let march = Some(SubYear::Month(3));
    assert_eq!(
        point(&dataset, "icews-rus-irn-verbal-cooperation", 2015, march).0,
        2.0
    );
    assert_eq!(
        point(&dataset, "icews-irn-rus-verbal-conflict", 2015, march).0,
        1.0
    );
    assert_eq!(
        point(&dataset, "icews-irn-rus-goldstein", 2015, march).0,
        -2.0
    );
    let visit = &dataset.events[0];
    assert!(
        visit.summary.contains("2 ICEWS records"),
        "{}",
        visit.summary
    );
    assert_eq!(visit.title, "Russia → Iran: Make a visit");
}

#[test]
fn cancel_stops_the_read() {
    let cancel = AtomicBool::new(true);
    let error = read_files(&[fixture(GDELT_2018)], "t", None, 0, &mut |_| {}, &cancel)
        .expect_err("cancelled");
    assert_eq!(error.kind, ImportErrorKind::Cancelled);
}

#[test]
fn gdelt_1_rows_are_read_with_and_without_a_source_url() {
    // The real GDELT 1.0 rows in the fixtures (gdelt1_20141124_rows) hold no pair: these
    // rows of a pair are the 2.0 rows without the three `ADM2Code` columns, `DATEADDED` a day (the documented layout), 58 columns, and
    // without `SOURCEURL` as the historical files have them, 57.
    let text = std::fs::read_to_string(fixture(GDELT_2015)).expect("fixture");
    let to_v1 = |with_url: bool| -> String {
        text.lines()
            .map(|line| {
                let mut fields: Vec<&str> = line.split('\t').collect();
                for adm2 in [55, 47, 39] {
                    fields.remove(adm2);
                }
                fields[56] = &fields[56][..8];
                if !with_url {
                    fields.pop();
                }
                fields.join("\t")
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    for with_url in [true, false] {
        let bytes = to_v1(with_url);
        let pass = super::read_bytes(
            bytes.as_bytes(),
            "20151027.export.CSV",
            Some(pair("IRN,RUS")),
            5,
        )
        .expect("reads");
        assert_eq!(pass.formats, [Format::Gdelt1]);
        assert_eq!(pass.tally.events(), 2);
        let best = pass.tally.best();
        assert_eq!(best[0].url.is_some(), with_url);
        assert_eq!(best[0].code, "153");
        assert_eq!(best[0].goldstein, Some(-7.2));
    }
}

#[test]
fn real_gdelt_1_daily_rows_are_told_by_content_and_counted() {
    // Three rows of the 2014-11-24 daily file (58 columns, DATEADDED 20141124, SOURCEURL
    // last), none with two actor countries: 324845984 (POLICE, no country), 324845987
    // (COMPANIES → EXXON, USA), 324846008 (FARMER).
    let pass = read(&[fixture(GDELT_1)], None);
    assert_eq!(pass.report.format, Format::Gdelt1);
    assert_eq!(pass.formats, [Format::Gdelt1]);
    assert_eq!(pass.report.rows_read, 3);
    // SQLDATE 20041126 twice and 20131124: events found in 2014's news, dated when they
    // happened.
    assert_eq!(pass.report.years, [2004, 2013]);
    assert_eq!(
        pass.report.skipped,
        [("an actor with no country".to_owned(), 3)]
    );
    assert!(pass.report.pairs().is_empty());
    // With a pair, the same rows are read and none is kept.
    let with_pair = read(&[fixture(GDELT_1)], Some(pair("USA,RUS")));
    assert_eq!(with_pair.report.rows_read, 3);
    assert_eq!(with_pair.tally.events(), 0);
}

/// A `.tab` whose first line is its header is read as lines and tabs; the same text under a
/// title line goes through the table reader. Both keep the same counts and events, and an
/// error in the line reader is placed at its line and column.
#[test]
fn icews_tab_lines_read_as_the_table_reader_reads_them() {
    let tally_of = |text: &str| {
        let mut tally = super::FileTally {
            pair: super::tally::PairTally::new(5),
            ..super::FileTally::default()
        };
        let (bytes, cancel) = (std::sync::atomic::AtomicU64::new(0), AtomicBool::new(false));
        super::icews::read(
            text.as_bytes(),
            "events.tab",
            0,
            Some(pair("RUS,IRN")),
            &bytes,
            &cancel,
            &mut tally,
        )
        .map(|()| tally)
    };
    let text = std::fs::read_to_string(fixture(ICEWS_TAB)).expect("fixture");
    let fast = tally_of(&text).expect("reads");
    let general = tally_of(&format!("ICEWS excerpt\tinvented rows\n{text}")).expect("reads");
    assert_eq!(fast.rows, general.rows);
    assert_eq!(fast.format, general.format);
    assert_eq!(fast.pair.months, general.pair.months);
    assert!(fast.pair.events() > 0);
    let kept = |tally: &super::FileTally, shift: u64| {
        let mut kept: Vec<_> = tally
            .pair
            .best()
            .into_iter()
            .map(|e| (e.date, e.code.clone(), e.mentions, e.line + shift))
            .collect();
        kept.sort_by_key(|kept| kept.3);
        kept
    };
    // The title line moves every row down one line.
    assert_eq!(kept(&fast, 1), kept(&general, 0));

    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[2] = lines[2].replacen("2015-03-02", "2015-13-40", 1);
    let error = tally_of(&lines.join("\n")).expect_err("a date that is not one");
    assert_eq!(error.position, Some(Position::Text { line: 3, column: 3 }));
    assert!(matches!(error.kind, ImportErrorKind::NotAPeriod { .. }));
}

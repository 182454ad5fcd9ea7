//! Chronologies read from excerpts of real event lists in
//! tests/fixtures/relations/chronology (see its PROVENANCE.md), with their values.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use crate::data::country::Pair;
use crate::data::validate::validate;
use crate::data::{DatePrecision, Domain, Event, PartialDate, Stance};
use crate::import::error::Position;
use crate::import::{
    Format, ImportErrorKind, ImportOptions, Imported, import, merge_import, remove_import, scan,
};

use super::columns::Role;
use super::rows::{KnownPlace, OrderTold, evaluate};
use super::{DayOrder, Table, read_bytes, read_path};

fn fixture(name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/relations/chronology")
        .join(name);
    assert!(path.is_file(), "fixture {name} is missing");
    path
}

fn table(name: &str) -> Table {
    read_path(&fixture(name), &mut |_| {}, &AtomicBool::new(false))
        .expect("reads")
        .expect("a chronology")
}

fn run_import(name: &str, pair: &str, choices: &[&str]) -> Imported {
    let table = table(name);
    let choices: Vec<String> = choices.iter().map(|c| (*c).to_owned()).collect();
    let columns = table
        .guess()
        .with_choices(&table.header, &choices)
        .expect("valid choices");
    let options = ImportOptions {
        imported_on: Some(PartialDate::year(2026)),
        columns: Some(columns),
        ..ImportOptions::new(Pair::parse(pair).expect("a pair"))
    };
    import(
        &fixture(name),
        &options,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .expect("imports")
}

fn event<'d>(events: &'d [Event], title: &str) -> &'d Event {
    events
        .iter()
        .find(|e| e.title == title)
        .unwrap_or_else(|| panic!("no event {title}"))
}

fn day(text: &str) -> PartialDate {
    PartialDate::parse(text).expect("a date")
}

#[test]
fn the_cir_monitor_is_guessed_read_and_its_undated_rows_listed_with_their_lines() {
    let table = table("cir_monitor_excerpt.csv");
    assert_eq!(table.rows.len(), 65);
    let columns = table.guess();
    let name = |role| columns.get(role).map(|c| table.header[c].as_str());
    assert_eq!(name(Role::Date), Some("date"));
    assert_eq!(name(Role::Title), Some("title"));
    assert_eq!(name(Role::Summary), Some("brief description"));
    assert_eq!(name(Role::Source), Some("link"));
    assert_eq!(name(Role::Place), Some("town/city"));
    assert_eq!(name(Role::Country), Some("country"));
    assert_eq!(name(Role::EndDate), None);
    let evaluation = evaluate(&table, &columns, None, &[]);
    assert_eq!(evaluation.readings.len(), 61);
    // The last four rows of the monitor have no date (UW0331, UW1074, UW8529, UW8530).
    let lines: Vec<String> = evaluation
        .problems
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(lines.len(), 4);
    for (problem, line) in evaluation.problems.iter().zip([63, 64, 65, 66]) {
        assert_eq!(
            problem.position,
            Some(Position::Text { line, column: 8 }),
            "{problem}"
        );
        assert!(matches!(problem.kind, ImportErrorKind::RowLeftOut(_)));
    }
    assert!(
        lines[3].starts_with(&format!(
            "{}:66:8: `date`: `` is not a date: no date",
            table.file
        )),
        "{}",
        lines[3]
    );
    let report = scan(
        &fixture("cir_monitor_excerpt.csv"),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .expect("scans");
    assert_eq!(report.format, Format::Chronology);
    assert_eq!((report.rows_read, report.rows_used), (65, 61));
    assert_eq!(report.years, vec![2022, 2024]);
}

#[test]
fn the_cir_monitor_makes_the_pairs_events_citing_their_links_and_the_file() {
    let imported = run_import(
        "cir_monitor_excerpt.csv",
        "RUS,UKR",
        &["default_domain=military"],
    );
    let dataset = &imported.dataset;
    assert!(validate(dataset).is_empty(), "{:?}", validate(dataset));
    // 36 rows in Russia, 6 in Ukraine and 2 with no country, less the 4 undated; the 21
    // rows in Belarus are of neither country.
    assert_eq!(dataset.events.len(), 40);
    assert_eq!(
        imported.report.skipped,
        vec![
            ("rows that cannot be read".to_owned(), 4),
            ("rows of other countries".to_owned(), 21)
        ]
    );
    let first = &dataset.events[0];
    assert_eq!(
        first.title,
        "02/01/2022 Russian military equipment on the road"
    );
    assert_eq!(first.date, day("2022-01-02"));
    assert_eq!(first.date.precision(), DatePrecision::Day);
    assert_eq!(first.domains, vec![Domain::Military]);
    assert_eq!(first.stance, Stance::Context);
    assert!(
        first
            .summary
            .starts_with("Russian military equipment on the road. town/city: Novokuybyshevskoye Shosse; entry: UW0064;"),
        "{}",
        first.summary
    );
    let last = dataset.events.last().expect("events");
    assert_eq!(
        last.title,
        "26/02/2024 A video of civilian trying to stop a tank"
    );
    assert_eq!(last.date, day("2024-02-26"));
    let cited = dataset
        .sources
        .iter()
        .find(|s| s.id == first.sources[0])
        .expect("the row's source");
    assert_eq!(
        cited.url.as_deref(),
        Some("https://twitter.com/GirkinGirkin/status/1488434485884604418")
    );
    assert_eq!(cited.file, None);
    let file = dataset
        .sources
        .iter()
        .find(|s| s.id == first.sources[1])
        .expect("the file's source");
    assert_eq!(file.title, "Chronology: cir_monitor_excerpt.csv");
    assert!(
        file.file
            .as_deref()
            .is_some_and(|f| f.ends_with("cir_monitor_excerpt.csv"))
    );
    assert!(file.note.contains("date in “date”"), "{}", file.note);
    // One source per distinct link, and the file's own.
    assert_eq!(dataset.sources.len(), 41);
}

#[test]
fn the_aei_tracker_reads_year_and_month_columns_as_months_and_lists_unknown_sectors() {
    let table = table("aei_cgit_excerpt.csv");
    assert_eq!(
        table.header[0], "Year",
        "the byte-order mark is not part of the name"
    );
    let columns = table.guess();
    let name = |role| columns.get(role).map(|c| table.header[c].as_str());
    assert_eq!(name(Role::Date), Some("Year"));
    assert_eq!(name(Role::Month), Some("Month"));
    assert_eq!(name(Role::Title), Some("Chinese Entity"));
    assert_eq!(name(Role::Domain), Some("Sector"));
    assert_eq!(name(Role::Country), Some("Country"));
    let imported = run_import(
        "aei_cgit_excerpt.csv",
        "CHN,IRN",
        &["default_domain=finance"],
    );
    let events = &imported.dataset.events;
    assert!(validate(&imported.dataset).is_empty());
    assert_eq!(events.len(), 35, "every Iran row of the excerpt");
    let first = &events[0];
    assert_eq!(first.title, "CITIC, China Aluminum");
    assert_eq!(first.date, day("2005-12"));
    assert_eq!(first.date.precision(), DatePrecision::Month);
    assert_eq!(first.domains, vec![Domain::Finance]);
    assert_eq!(
        first.summary,
        "Sector: Metals; Quantity in Millions: 900; Transaction Party: South Iran Aluminum; Subsector: Aluminum; Region: West Asia; BRI: 0."
    );
    let total = events
        .iter()
        .find(|e| e.summary.contains("Transaction Party: Total;"))
        .expect("CNPC and Total, 2016");
    assert_eq!(total.title, "CNPC");
    assert_eq!(total.date, day("2016-11"));
    assert_eq!(total.domains, vec![Domain::Energy]);
    assert!(
        total
            .summary
            .contains("Quantity in Millions: 600; Share size: 0.3;")
    );
    let notes = imported.report.warnings.join("\n");
    assert!(
        notes.contains("imported as finance and kept in the summary: “Chemicals” (1), “Metals” (11), “Real estate” (1), “Utilities” (2)"),
        "{notes}"
    );
    assert_eq!(
        imported.report.skipped,
        vec![("rows of other countries".to_owned(), 38)]
    );
    let russia = run_import("aei_cgit_excerpt.csv", "CHN,RUS", &[]);
    assert_eq!(
        russia.dataset.events.len(),
        34,
        "“Russian Federation” is Russia"
    );
    let sinopec = event(&russia.dataset.events, "Sinopec");
    assert_eq!(sinopec.date, day("2006-06"));
    assert!(
        sinopec
            .summary
            .contains("Quantity in Millions: 3490; Share size: 0.49; Transaction Party: Rosneft;")
    );
}

#[test]
fn a_reimport_replaces_the_events_and_removing_it_takes_them_and_their_sources_out() {
    let first = run_import("cir_monitor_excerpt.csv", "RUS,UKR", &[]);
    let mut dataset = first.dataset.clone();
    let again = run_import("cir_monitor_excerpt.csv", "RUS,UKR", &[]);
    assert!(merge_import(&mut dataset, again).is_empty());
    assert_eq!(dataset.events.len(), 40);
    remove_import(&mut dataset, "cir_monitor_excerpt.csv");
    assert!(dataset.events.is_empty());
    assert!(dataset.sources.is_empty(), "{:?}", dataset.sources);
}

#[test]
fn places_are_matched_by_name_and_the_others_kept_in_the_summary() {
    let table = table("cir_monitor_excerpt.csv");
    let places = [KnownPlace {
        id: "stavropol".into(),
        name: "Stavropol".into(),
    }];
    let evaluation = evaluate(&table, &table.guess(), None, &places);
    let matched: Vec<_> = evaluation
        .readings
        .iter()
        .filter(|r| !r.places.is_empty())
        .collect();
    assert_eq!(matched.len(), 1);
    assert_eq!(table.rows[matched[0].row].cells[0], "UW0047");
    assert!(!matched[0].summary.contains("Stavropol;"));
    assert_eq!(evaluation.unmatched_places.get("Petrishki"), Some(&1));
}

#[test]
fn the_order_of_day_and_month_is_told_from_the_column_or_chosen() {
    let csv = "When,What\n02/06/2022,a\n25/06/2022,b\n2016,c\nsoon,d\n";
    let table = read_bytes(csv.as_bytes(), "t.csv")
        .expect("reads")
        .expect("a chronology");
    let evaluation = evaluate(&table, &table.guess(), None, &[]);
    assert_eq!(evaluation.order, DayOrder::DayFirst);
    assert_eq!(evaluation.order_told, OrderTold::Detected(1));
    assert_eq!(evaluation.readings[0].span.start, day("2022-06-02"));
    assert_eq!(evaluation.readings[2].span.start, PartialDate::year(2016));
    assert_eq!(evaluation.problems.len(), 1);
    assert_eq!(
        evaluation.problems[0].to_string(),
        "t.csv:5:1: `When`: `soon` is not a date: `soon` is not part of a date; the row is left out"
    );
    let mut chosen = table.guess();
    chosen.day_order = Some(DayOrder::MonthFirst);
    let evaluation = evaluate(&table, &chosen, None, &[]);
    assert_eq!(evaluation.readings[0].span.start, day("2022-02-06"));
    assert_eq!(
        evaluation.readings[1].span.start,
        day("2022-06-25"),
        "only one reading"
    );
}

#[test]
fn a_file_no_header_of_which_is_a_chronology_is_not_read_as_one() {
    for text in ["a,b,c\n1,2,3\n", "Title,Summary\nx,y\n"] {
        assert_eq!(
            read_bytes(text.as_bytes(), "t.csv").expect("reads"),
            None,
            "{text}"
        );
    }
}

#[test]
fn the_same_chronology_saved_as_xlsx_and_ods_reads_as_the_csv_does() {
    let csv = table("cir_monitor_excerpt.csv");
    let from_csv = evaluate(&csv, &csv.guess(), None, &[]);
    for name in ["cir_monitor_excerpt.xlsx", "cir_monitor_excerpt.ods"] {
        let sheet = table(name);
        assert_eq!(
            sheet.sheet.as_deref(),
            Some("cir_monitor_excerpt"),
            "{name}"
        );
        assert_eq!(sheet.header, csv.header, "{name}");
        let columns = sheet.guess();
        assert_eq!(columns, csv.guess(), "{name}");
        let evaluation = evaluate(&sheet, &columns, None, &[]);
        assert_eq!(evaluation.readings.len(), from_csv.readings.len(), "{name}");
        for (read, expected) in evaluation.readings.iter().zip(&from_csv.readings) {
            assert_eq!(
                (read.span, &read.title, &read.summary, &read.source),
                (
                    expected.span,
                    &expected.title,
                    &expected.summary,
                    &expected.source
                ),
                "{name}"
            );
        }
        // The four undated rows, named by their cells: column B, rows 63 to 66.
        let places: Vec<String> = evaluation
            .problems
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(places.len(), 4, "{name}");
        assert!(
            places[0].starts_with(&format!("{}:cir_monitor_excerpt!B63: `date`", sheet.file)),
            "{}",
            places[0]
        );
    }
}

#[test]
fn a_source_cell_that_is_only_a_scheme_still_makes_a_source_with_a_title() {
    // Found by fuzzing: `https://` alone made a source whose title was empty.
    let csv = "Date,Event,Link\n2016,a,https://\n2017,b,https://example.org/x/\n";
    let pair = Pair::parse("RUS,UKR").expect("a pair");
    let facts = crate::import::FileFacts {
        file_name: "t.csv".to_owned(),
        file_date: None,
        imported_on: PartialDate::year(2026),
        format: Format::Chronology,
    };
    let dataset = super::import_bytes(csv.as_bytes(), "t.csv", pair, &facts)
        .expect("reads")
        .expect("a chronology");
    assert!(validate(&dataset).is_empty(), "{:?}", validate(&dataset));
    let titles: Vec<&str> = dataset.sources.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Chronology: t.csv", "https://", "example.org/x"]);
}

#[test]
fn rows_that_start_on_one_line_make_events_with_distinct_ids() {
    // Found by fuzzing: a lone carriage return ends a row but not a line.
    let csv = "Date,Event\n2016,a\r2017,b\n";
    let pair = Pair::parse("RUS,UKR").expect("a pair");
    let facts = crate::import::FileFacts {
        file_name: "t.csv".to_owned(),
        file_date: None,
        imported_on: PartialDate::year(2026),
        format: Format::Chronology,
    };
    let dataset = super::import_bytes(csv.as_bytes(), "t.csv", pair, &facts)
        .expect("reads")
        .expect("a chronology");
    assert_eq!(dataset.events.len(), 2);
    assert!(validate(&dataset).is_empty(), "{:?}", validate(&dataset));
}

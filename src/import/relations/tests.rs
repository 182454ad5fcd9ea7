//! SIPRI and UN votes files read from excerpts of real downloads in
//! tests/fixtures/relations (see its PROVENANCE.md), with the publishers' values.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use crate::data::country::Pair;
use crate::data::validate::validate;
use crate::data::{Dataset, Domain, PartialDate, Series, Stance};
use crate::import::{
    Format, ImportError, ImportErrorKind, ImportOptions, Imported, import, merge_import,
    remove_import, scan,
};

use super::arms::TIV_UNIT;
use super::votes::{INDEX_UNIT, SHARE_UNIT};

fn fixture(relative: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/relations")
        .join(relative);
    assert!(
        path.is_file(),
        "fixture {relative} is missing from tests/fixtures/relations/"
    );
    path
}

fn run_import(path: &Path, codes: &str) -> Result<Imported, ImportError> {
    let options = ImportOptions {
        imported_on: Some(PartialDate::year(2026)),
        ..ImportOptions::new(Pair::parse(codes).expect("a pair"))
    };
    import(path, &options, &mut |_| {}, &AtomicBool::new(false))
}

fn series<'d>(dataset: &'d Dataset, id: &str) -> &'d Series {
    dataset
        .series
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| {
            panic!(
                "no series {id}; found {:?}",
                dataset.series.iter().map(|s| &s.id).collect::<Vec<_>>()
            )
        })
}

fn at(series: &Series, year: i32) -> Option<f64> {
    series
        .points
        .iter()
        .find(|p| p.year == year)
        .and_then(|p| p.value)
}

fn assert_valid(dataset: &Dataset) {
    let problems = validate(dataset);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn classic_register_in_latin_1_with_split_comments() {
    let path = fixture("sipri/trade-register-classic_excerpt.csv");
    let report = scan(&path, &mut |_| {}, &AtomicBool::new(false)).expect("scans");
    assert_eq!(report.format, Format::SipriRegisterClassic);
    // 43 records on 47 physical lines below the header: the four split by a line break
    // in their comment are joined (see PROVENANCE.md).
    assert_eq!(report.rows_read, 43);
    let imported = run_import(&path, "RUS,IRN").expect("imports");
    let dataset = &imported.dataset;
    assert_valid(dataset);
    // 30 deals Iran←Russia and 5 Russia←Iran in the excerpt, each one event.
    assert_eq!(dataset.events.len(), 35);
    assert!(
        dataset
            .events
            .iter()
            .all(|e| e.domains == [Domain::Military] && e.stance == Stance::Cooperation)
    );
    let s300 = dataset
        .events
        .iter()
        .find(|e| e.title.contains("S-300PMU2 Favorit"))
        .expect("the S-300 deal");
    assert_eq!(
        s300.title,
        "Russia to Iran: 4 S-300PMU2 Favorit (SAM system)"
    );
    assert_eq!(s300.date, PartialDate::year(2015));
    assert_eq!(s300.end_date, Some(PartialDate::year(2016)));
    assert!(
        s300.summary.contains("4 ordered; 4 delivered"),
        "{}",
        s300.summary
    );
    assert!(
        s300.summary
            .contains("SIPRI TIV (millions): 55 per unit, 220 for the order, 220 delivered"),
        "{}",
        s300.summary
    );
    let su35 = dataset
        .events
        .iter()
        .find(|e| e.title.contains("Su-35S"))
        .expect("Su-35");
    assert_eq!(su35.title, "Russia to Iran: c. 24 Su-35S (FGA aircraft)");
    assert!(su35.date.approximate, "the order year 2023 is marked `?`");
    assert_eq!(su35.end_date, None);
    assert!(
        su35.summary.contains("c. 24 ordered; 0 delivered"),
        "{}",
        su35.summary
    );
    assert!(
        su35.summary
            .contains("60 per unit, 1,440 for the order, 0 delivered"),
        "{}",
        su35.summary
    );
    let shahed = dataset
        .events
        .iter()
        .find(|e| e.title.contains("Shahed-136"))
        .expect("Shahed");
    // The `?` after `Number ordered` marks the 6600 uncertain; the 4600 delivered is not.
    assert_eq!(
        shahed.title,
        "Iran to Russia: c. 6,600 Shahed-136 (one-way attack drone)"
    );
    assert_eq!(
        (shahed.date, shahed.end_date),
        (PartialDate::year(2022), Some(PartialDate::year(2024)))
    );
    assert!(
        shahed
            .summary
            .contains("c. 6,600 ordered; 4,600 delivered; delivered in 2022, 2023, 2024"),
        "{}",
        shahed.summary
    );
    assert!(
        shahed
            .summary
            .contains("0.1 per unit, 660 for the order, 460 delivered")
    );
    // The source cites the register and the day SIPRI generated it.
    let source = &dataset.sources[0];
    assert_eq!(source.date, PartialDate::parse("2025-03-13").ok());
    assert!(source.note.contains("13 Mar 2025 10:02:49 AM"));
    assert!(shahed.sources == [source.id.clone()]);
    // The classic layout gives no TIV per year: no series is made up from it.
    assert!(dataset.series.is_empty());
    // A pair not in the excerpt's deals is refused with the reason.
    let china = run_import(&path, "RUS,CHN").expect("China←Russia is in the excerpt");
    let s400 = &china.dataset.events[0];
    assert!(
        s400.summary
            .contains("65 per unit, 520 for the order, 520 delivered")
    );
    let none = run_import(&path, "USA,IRN").expect_err("no such deal");
    assert!(
        matches!(none.kind, ImportErrorKind::NothingForPair(_)),
        "{none}"
    );
}

#[test]
fn classic_register_joins_the_split_rows_with_their_tiv() {
    let path = fixture("sipri/trade-register-classic_excerpt.csv");
    let saudi = run_import(&path, "SAU,DEU").expect("imports");
    let engine = &saudi.dataset.events[0];
    assert!(
        engine
            .summary
            .contains("MTU-12V-1163 (5950hp) diesel engine for 3 Avante-2000 frigate from Spain")
    );
    assert!(
        engine
            .summary
            .contains("1.5 per unit, 18 for the order, 0 delivered"),
        "{}",
        engine.summary
    );
    let thailand = run_import(&path, "THA,UKR").expect("imports");
    assert!(
        thailand.dataset.events[0]
            .summary
            .contains("0.25 per unit, 3.5 for the order, 3.25 delivered")
    );
    // Windows-1252 text is decoded.
    let finland = run_import(&path, "DZA,FIN").expect("imports");
    assert!(finland.dataset.events[0].summary.contains("Wärtsilä"));
}

#[test]
fn new_register_sums_each_years_tiv_in_each_direction() {
    let path = fixture("sipri/trade-register-new_excerpt.csv");
    let report = scan(&path, &mut |_| {}, &AtomicBool::new(false)).expect("scans");
    assert_eq!(report.format, Format::SipriRegisterNew);
    let imported = run_import(&path, "IRN,RUS").expect("imports");
    let dataset = &imported.dataset;
    assert_valid(dataset);
    // 29 deal ids Russia→Iran and 2 Iran→Russia (counted with python on the whole file).
    assert_eq!(dataset.events.len(), 31);
    let to_iran = series(dataset, "arms-tiv-rus-irn");
    assert_eq!(to_iran.unit, TIV_UNIT);
    // Sums of `TIV delivery values` by year, computed with python's csv module on the
    // whole download: 1993 557.25, 2016 413, 2023 21. The 2016 and 2023 sums equal Iran's
    // imports in SIPRI's own TIV table (413 and 21): Russia was the only supplier.
    assert_eq!(at(to_iran, 1993), Some(557.25));
    assert_eq!(at(to_iran, 2016), Some(413.0));
    assert_eq!(at(to_iran, 2023), Some(21.0));
    assert_eq!(to_iran.points.len(), 30);
    let to_russia = series(dataset, "arms-tiv-irn-rus");
    assert_eq!(at(to_russia, 2022), Some(123.0));
    assert_eq!(at(to_russia, 2023), Some(120.0));
    let s300 = dataset
        .events
        .iter()
        .find(|e| e.id.ends_with("deal-59015"))
        .expect("deal 59015");
    assert_eq!(s300.date, PartialDate::year(2015));
    assert!(
        s300.summary.contains("4 delivered; delivered in 2016 (4)"),
        "{}",
        s300.summary
    );
    assert!(
        s300.summary.contains("55 per unit, 220 delivered"),
        "{}",
        s300.summary
    );
    let yak = dataset
        .events
        .iter()
        .find(|e| e.id.ends_with("deal-66931"))
        .expect("deal 66931");
    assert!(yak.date.approximate, "order date 2022 is an estimate");
    assert!(yak.summary.contains("21 delivered"), "{}", yak.summary);
    let shahed = dataset
        .events
        .iter()
        .find(|e| e.id.ends_with("deal-65539"))
        .expect("deal 65539");
    assert_eq!(shahed.end_date, Some(PartialDate::year(2023)));
    assert!(
        shahed
            .summary
            .contains("c. 1,200 delivered; delivered in 2022 (c. 600), 2023 (c. 600)"),
        "{}",
        shahed.summary
    );
    assert_eq!(
        dataset.sources[0].date,
        PartialDate::parse("2024-04-13").ok()
    );
}

#[test]
fn tiv_tables_keep_sipris_values_and_unit() {
    let exporters = fixture("sipri/tiv-exporters_1990-2023.csv");
    let report = scan(&exporters, &mut |_| {}, &AtomicBool::new(false)).expect("scans");
    assert_eq!(report.format, Format::SipriTiv);
    let pair = Pair::parse("RUS,IRN").expect("pair");
    assert!(
        report.rows_to_import(pair) > 0,
        "the dialog offers the pair"
    );
    let imported = run_import(&exporters, "RUS,IRN").expect("imports");
    assert_valid(&imported.dataset);
    let russia = series(&imported.dataset, "arms-tiv-rus-world");
    assert_eq!(russia.unit, TIV_UNIT);
    assert_eq!(at(russia, 1992), Some(2639.0));
    assert_eq!(at(russia, 2016), Some(6706.0));
    assert_eq!(at(russia, 2022), Some(2603.0));
    assert_eq!(at(russia, 2023), Some(1269.0));
    assert_eq!(
        at(russia, 1990),
        None,
        "an empty cell is no deliveries identified, not 0"
    );
    assert!(russia.note.contains("SIPRI's total for 1990-2023: 155,994"));
    let iran = series(&imported.dataset, "arms-tiv-irn-world");
    assert_eq!((at(iran, 2022), at(iran, 2023)), (Some(136.0), Some(184.0)));
    assert!(iran.note.contains("total for 1990-2023: 852"));
    let china = run_import(&exporters, "CHN,USA").expect("imports");
    assert_eq!(
        at(series(&china.dataset, "arms-tiv-chn-world"), 2023),
        Some(2432.0)
    );
    assert_eq!(
        at(series(&china.dataset, "arms-tiv-usa-world"), 2022),
        Some(15592.0)
    );
    let bahamas = run_import(&exporters, "BHS,USA").expect("imports");
    let zero = series(&bahamas.dataset, "arms-tiv-bhs-world").points[0].clone();
    assert_eq!((zero.year, zero.value), (2015, Some(0.0)));
    assert!(
        zero.range().is_some_and(|r| r.high == 0.5),
        "SIPRI's 0 is below 0.5"
    );

    let importers = fixture("sipri/tiv-importers_1990-2023.csv");
    let imported = run_import(&importers, "RUS,IRN").expect("imports");
    let iran = series(&imported.dataset, "arms-tiv-world-irn");
    assert_eq!(at(iran, 1992), Some(403.0));
    assert_eq!(at(iran, 2016), Some(413.0));
    assert_eq!(at(iran, 2019), Some(3.0));
    assert_eq!(at(iran, 2021), None);
    assert_eq!(at(iran, 2023), Some(21.0));
    assert!(iran.note.contains("total for 1990-2023: 8,510"));
    assert_eq!(
        at(series(&imported.dataset, "arms-tiv-world-rus"), 2022),
        Some(129.0)
    );
}

#[test]
fn a_sipri_import_is_replaced_and_removed_with_its_events() {
    let path = fixture("sipri/trade-register-new_excerpt.csv");
    let mut base = run_import(&path, "RUS,IRN").expect("imports").dataset;
    let events = base.events.len();
    assert!(merge_import(&mut base, run_import(&path, "RUS,IRN").expect("again")).is_empty());
    assert_eq!(
        base.events.len(),
        events,
        "importing again replaces, never doubles"
    );
    remove_import(&mut base, "trade-register-new_excerpt.csv");
    assert!(base.events.is_empty() && base.series.is_empty() && base.sources.is_empty());
}

#[test]
fn unvotes_csv_counts_every_pair_and_needs_roll_calls_for_years() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("unvotes.csv");
    std::fs::copy(fixture("unga/unvotes_tail.csv"), &path).expect("copy");
    let report = scan(&path, &mut |_| {}, &AtomicBool::new(false)).expect("scans");
    assert_eq!(report.format, Format::UnVotesUnvotes);
    assert_eq!(report.rows_read, 527);
    // Every row is a yes, no or abstain; `YU` (Serbia, in the package) needs a date to
    // be read. Liechtenstein and Monaco are in the country table.
    assert_eq!(report.rows_used, 524);
    assert_eq!(
        report.unknown_codes,
        [("country_code YU", 3)].map(|(code, n)| (code.to_owned(), n))
    );
    let pair = Pair::parse("RUS,IRN").expect("pair");
    assert_eq!(
        report.rows_for(pair),
        3,
        "both voted in the three roll calls"
    );
    // Namibia's quoted "NA" is the country, not a missing value.
    assert_eq!(report.rows_for(Pair::parse("NAM,IRN").expect("pair")), 3);
    let error = run_import(&path, "RUS,IRN").expect_err("no dates");
    // rcid 9100 and 9098 both yes, 9101 Russia abstain and Iran yes: 2 alike, and
    // (2 + 0.5) / 3 = 0.833 (counted by hand from the file's rows).
    assert!(error.to_string().contains("the 3 roll calls both Russia and Iran voted in are not dated (over them: 2 alike, agreement index 0.833)"), "{error}");
}

#[test]
fn voeten_votes_are_dated_by_the_descriptions_beside_them() {
    let folder = tempfile::tempdir().expect("temp dir");
    let votes = folder.path().join("votes.csv");
    std::fs::copy(fixture("hand_made/voeten_votes_invented.csv"), &votes).expect("copy");
    std::fs::copy(
        fixture("unga/voeten_descriptions_excerpt.csv"),
        folder.path().join("descriptions.csv"),
    )
    .expect("copy");
    let report = scan(&votes, &mut |_| {}, &AtomicBool::new(false)).expect("scans");
    assert_eq!(report.format, Format::UnVotesVoeten);
    assert_eq!(report.years, vec![1946, 2013, 2014]);
    let imported = run_import(&votes, "RUS,IRN").expect("imports");
    let dataset = &imported.dataset;
    assert_valid(dataset);
    let share = series(dataset, "unga-agreement-share-rus-irn");
    assert_eq!(share.unit, SHARE_UNIT);
    let index = series(dataset, "unga-agreement-index-rus-irn");
    assert_eq!(index.unit, INDEX_UNIT);
    // 2013: rcid 5303 both no (alike), 5305 Iran absent (left out); 2014: rcid 5309 no
    // against abstain. 1946: ccode 365 is the USSR then, not Russia: no point.
    assert_eq!((at(share, 2013), at(index, 2013)), (Some(100.0), Some(1.0)));
    assert_eq!((at(share, 2014), at(index, 2014)), (Some(0.0), Some(0.5)));
    assert_eq!(at(index, 1946), None);
    let note = &index.points[0].note;
    assert!(note.starts_with("1 roll calls both voted in (1 alike, 0 with one abstaining, 0 opposed); left out: 1 with one absent"), "{note}");
    assert!(dataset.events.is_empty(), "never yes against no");
    assert!(
        dataset
            .sources
            .iter()
            .any(|s| s.title.contains("descriptions.csv"))
    );

    let usa = run_import(&votes, "RUS,USA").expect("imports");
    let index = series(&usa.dataset, "unga-agreement-index-rus-usa");
    assert_eq!((at(index, 2013), at(index, 2014)), (Some(0.5), Some(0.0)));
    // rcid 5303 (human rights in Iran) is coded hr = 1.
    let human_rights = series(&usa.dataset, "unga-agreement-index-rus-usa-hr");
    assert_eq!(at(human_rights, 2013), Some(0.0));
    assert_eq!(usa.dataset.events.len(), 2);
    let ukraine = usa
        .dataset
        .events
        .iter()
        .find(|e| e.id.ends_with("vote-5309"))
        .expect("5309");
    assert_eq!(
        ukraine.date,
        PartialDate::parse("2014-03-27").expect("date")
    );
    assert_eq!(ukraine.stance, Stance::Divergence);
    assert!(
        ukraine
            .title
            .contains("Russia no, United States yes (R/68/262"),
        "{}",
        ukraine.title
    );
    assert!(
        ukraine.summary.contains("100 yes, 11 no, 58 abstaining"),
        "{}",
        ukraine.summary
    );
    let soviet = run_import(&votes, "SUN,USA").expect("the USSR in 1946");
    assert_eq!(
        soviet.dataset.events[0].date,
        PartialDate::parse("1946-01-01").expect("date")
    );
}

#[test]
fn ideal_points_reproduce_the_estimates_and_their_distance() {
    let path = fixture("unga/idealpoints_excerpt.csv");
    let report = scan(&path, &mut |_| {}, &AtomicBool::new(false)).expect("scans");
    assert_eq!(report.format, Format::UnIdealPoints);
    let imported = run_import(&path, "RUS,IRN").expect("imports");
    assert_valid(&imported.dataset);
    let russia = series(&imported.dataset, "unga-ideal-point-rus");
    let iran = series(&imported.dataset, "unga-ideal-point-irn");
    // Session 77 opened in 2022.
    assert_eq!(at(russia, 2022), Some(-0.346_577_4));
    assert_eq!(at(iran, 2022), Some(-1.960_967));
    assert!(
        russia
            .points
            .iter()
            .any(|p| p.note == "session 77; 86 votes behind the estimate")
    );
    let distance = series(&imported.dataset, "unga-ideal-point-distance-rus-irn");
    let gap = at(distance, 2022).expect("session 77");
    assert!((gap - (1.960_967 - 0.346_577_4)).abs() < 1e-12, "{gap}");
    // ccode 365 before 1992 is the USSR: Russia's series starts with session 47 (1992).
    assert_eq!(russia.points.first().map(|p| p.year), Some(1992));
    let usa = run_import(&path, "USA,CHN").expect("imports");
    assert_eq!(
        at(series(&usa.dataset, "unga-ideal-point-usa"), 2022),
        Some(2.463_429)
    );
    assert_eq!(
        at(series(&usa.dataset, "unga-ideal-point-chn"), 2013),
        Some(-0.530_105)
    );
}

#[test]
fn undl_layout_reads_iso3_codes_and_y_n_a_x() {
    // The UN Digital Library's documented header (record 4060887); the rows are made up for
    // this test, as no real download was found (see PROVENANCE.md).
    let text = "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,title,agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link\n\
        1,RUS,RUSSIAN FEDERATION,N,2022-03-02,ES-11,A/RES/ES-11/1,,,,Aggression against Ukraine,,,,141,5,35,12,193,\n\
        1,USA,UNITED STATES,Y,2022-03-02,ES-11,A/RES/ES-11/1,,,,Aggression against Ukraine,,,,141,5,35,12,193,\n\
        2,RUS,RUSSIAN FEDERATION,A,2022-12-15,77,A/RES/77/1,,,,A title,,,,100,10,50,33,193,\n\
        2,USA,UNITED STATES,X,2022-12-15,77,A/RES/77/1,,,,A title,,,,100,10,50,33,193,\n";
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("undl.csv");
    std::fs::write(&path, text).expect("write");
    let imported = run_import(&path, "RUS,USA").expect("imports");
    assert_eq!(imported.report.format, Format::UnVotesUndl);
    let index = series(&imported.dataset, "unga-agreement-index-rus-usa");
    assert_eq!(at(index, 2022), Some(0.0));
    assert!(index.points[0].note.contains("1 with one absent"));
    assert_eq!(imported.dataset.events.len(), 1);
    assert_eq!(
        imported.dataset.events[0].date,
        PartialDate::parse("2022-03-02").expect("date")
    );
    let bad = text.replace(",N,2022-03-02", ",Q,2022-03-02");
    std::fs::write(&path, bad).expect("write");
    let error = run_import(&path, "RUS,USA").expect_err("an unknown vote");
    assert_eq!(
        error.to_string(),
        format!(
            "{}:2:26: `ms_vote`: `Q` is not Y, N, A or X",
            path.display()
        )
    );
}

#[test]
fn a_bad_number_in_a_register_names_its_line_and_column() {
    let text = std::fs::read(fixture("sipri/trade-register-new_excerpt.csv")).expect("read");
    let text = String::from_utf8(text).expect("ASCII").replacen(
        ",New,1.1,1.1,165,",
        ",New,1.1,1.1,16x5,",
        1,
    );
    let error = super::read_bytes(text.as_bytes(), "register.csv", None)
        .err()
        .expect("an error");
    assert!(error.to_string().starts_with("register.csv:"), "{error}");
    assert!(
        error
            .to_string()
            .contains("`TIV delivery values`: `16x5` is not a number"),
        "{error}"
    );
}

#[test]
fn the_chart_offers_tiv_and_agreement_in_their_own_units() {
    let register =
        run_import(&fixture("sipri/trade-register-new_excerpt.csv"), "RUS,IRN").expect("imports");
    let mut dataset = register.dataset;
    let folder = tempfile::tempdir().expect("temp dir");
    let votes = folder.path().join("votes.csv");
    std::fs::copy(fixture("hand_made/voeten_votes_invented.csv"), &votes).expect("copy");
    std::fs::copy(
        fixture("unga/voeten_descriptions_excerpt.csv"),
        folder.path().join("d.csv"),
    )
    .expect("copy");
    assert!(
        merge_import(
            &mut dataset,
            run_import(&votes, "RUS,IRN").expect("imports")
        )
        .is_empty()
    );
    let units = crate::chart::units(&dataset);
    for unit in [TIV_UNIT, SHARE_UNIT, INDEX_UNIT] {
        assert!(units.iter().any(|u| u == unit), "{units:?}");
        let model = crate::chart::build(
            &dataset,
            &crate::chart::ChartOptions {
                unit: Some(unit.to_owned()),
                ..crate::chart::ChartOptions::default()
            },
        );
        assert_eq!(
            model.y_label, unit,
            "the axis names the unit, never dollars"
        );
        assert!(!model.series.is_empty());
    }
}

#[test]
fn every_sipri_alias_is_a_country_bilateral_knows() {
    for name in [
        "UAE",
        "Bosnia-Herzegovina",
        "Viet Nam",
        "East Germany (GDR)",
        "Saint Vincent",
        "eSwatini",
        "Turkiye",
        "Cabo Verde",
        "Brunei",
        "Central African Republic",
        "Czechoslovakia",
        "Dominican Republic",
        "Soviet Union",
        "Cote d'Ivoire",
    ] {
        assert!(
            super::sipri_register::country_named(name).is_some(),
            "{name}"
        );
    }
    assert_eq!(
        super::sipri_register::country_named("Hezbollah (Lebanon)*"),
        None
    );
}

#[test]
fn unvotes_csv_is_dated_by_roll_calls_and_issues_beside_it() {
    // The votes are the real tail of the package's CSV; the roll calls and issues beside
    // them are made up in the package's layout (see PROVENANCE.md).
    let folder = tempfile::tempdir().expect("temp dir");
    let votes = folder.path().join("unvotes.csv");
    std::fs::copy(fixture("unga/unvotes_tail.csv"), &votes).expect("copy");
    for name in [
        "unvotes_roll_calls_invented.csv",
        "unvotes_issues_invented.csv",
    ] {
        std::fs::copy(
            fixture(&format!("hand_made/{name}")),
            folder.path().join(name),
        )
        .expect("copy");
    }
    let imported = run_import(&votes, "RUS,IRN").expect("imports");
    assert_valid(&imported.dataset);
    // Both yes on 9098 and 9100, Russia abstaining on 9101: 2 of 3 alike, (2 + 0.5) / 3.
    let share = at(
        series(&imported.dataset, "unga-agreement-share-rus-irn"),
        2019,
    )
    .expect("2019");
    assert!((share - 200.0 / 3.0).abs() < 1e-12, "{share}");
    let index = at(
        series(&imported.dataset, "unga-agreement-index-rus-irn"),
        2019,
    )
    .expect("2019");
    assert!((index - 2.5 / 3.0).abs() < 1e-12, "{index}");
    assert_eq!(
        at(
            series(&imported.dataset, "unga-agreement-index-rus-irn-hr"),
            2019
        ),
        Some(0.5)
    );
    assert_eq!(
        imported.dataset.sources.len(),
        3,
        "the votes and the two files beside them"
    );
    // With a date, the package's `YU` is Serbia.
    assert!(
        !imported
            .report
            .unknown_codes
            .iter()
            .any(|(code, _)| code.ends_with("YU"))
    );
    let usa = run_import(&votes, "RUS,USA").expect("imports");
    assert_eq!(
        usa.dataset.events.len(),
        2,
        "9098 and 9100: yes against no; 9101 abstain"
    );
}

#[test]
fn parenthesised_years_and_numbers_are_uncertain() {
    // The classic excerpt's preamble and header with one row written as older exports write
    // uncertain values, `(2015)` and `(4)`: a made-up variant of the S-300 row.
    let real = std::fs::read(fixture("sipri/trade-register-classic_excerpt.csv")).expect("read");
    let mut text: Vec<u8> = real
        .split(|b| *b == b'\n')
        .take(12)
        .flat_map(|line| line.iter().copied().chain([b'\n']))
        .collect();
    text.extend_from_slice(
        b"Iran,Russia,(2015),,(4),,S-300PMU2 Favorit,SAM system,4,,(2016),New,,55,220,220\n",
    );
    let pass = super::read_bytes(
        &text,
        "register.csv",
        Some(Pair::parse("RUS,IRN").expect("pair")),
    )
    .expect("reads");
    let super::Content::Deals(deals) = &pass.content else {
        panic!("a register");
    };
    let deal = &deals[0];
    assert!(
        deal.order_year
            .is_some_and(|y| y.value == 2015 && y.uncertain)
    );
    assert!(deal.ordered.is_some_and(|n| n.value == 4.0 && n.uncertain));
    assert!(deal.delivered.is_some_and(|n| !n.uncertain));
    assert!(deal.deliveries[0].year.uncertain);
}

#[test]
fn a_tiv_table_named_xls_is_read_as_the_csv_it_is() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("TIV-Import-IR-1990-2023.xls");
    std::fs::copy(fixture("sipri/tiv-importers_1990-2023.csv"), &path).expect("copy");
    let imported = run_import(&path, "IRN,RUS").expect("imports");
    assert_eq!(imported.report.format, Format::SipriTiv);
    assert_eq!(
        at(series(&imported.dataset, "arms-tiv-world-irn"), 2016),
        Some(413.0)
    );
}

//! Real downloads from UN Comtrade, the IMF, WITS and CEPII, with the values their README gives.

use super::*;

#[test]
fn comtrade_plus_csv_in_windows_1252_with_trailing_commas() {
    let path = fixture("comtrade_plus/TradeData_THA_M_8542_2014-2024.csv");
    let report = run_scan(&path).expect("scans");
    assert_eq!(report.format, Format::ComtradePlus);
    assert_eq!(report.rows_read, 1178);
    assert_eq!(report.years, (2014..=2024).collect::<Vec<_>>());
    // 899 is Comtrade's "Areas, nes": not a country, so its rows are counted as unknown.
    assert_eq!(report.unknown_codes, vec![("partner 899".to_owned(), 8)]);
    let russia = run_import(&path, "THA,RUS").expect("imports");
    let by = ReportedBy::Importer;
    close(
        value(&russia, "RUS", "THA", by, Some("8542"), 2022),
        49_909.144,
    );
    close(value(&russia, "RUS", "THA", by, Some("8542"), 2014), 467.0);
    let iran = run_import(&path, "THA,IRN").expect("imports");
    close(
        value(&iran, "IRN", "THA", by, Some("8542"), 2024),
        31_794.41,
    );
    let world = run_import(&path, "THA,WLD").expect("imports");
    close(
        value(&world, "WLD", "THA", by, Some("8542"), 2014),
        9_680_795_326.0,
    );
    close(
        value(&world, "WLD", "THA", by, Some("8542"), 2024),
        24_427_995_897.78,
    );
    let point = &world.dataset.series[0].points[0];
    assert_eq!(point.note, "CIF");
    assert!(!point.approximate);
}

#[test]
fn comtrade_plus_xlsx_gives_the_same_values_as_its_csv() {
    let path = fixture("comtrade_plus/TradeData_THA_M_8542_2014-2024.xlsx");
    let report = run_scan(&path).expect("scans");
    assert_eq!(report.format, Format::ComtradePlus);
    assert_eq!(report.rows_read, 1178);
    let russia = run_import(&path, "THA,RUS").expect("imports");
    close(
        value(
            &russia,
            "RUS",
            "THA",
            ReportedBy::Importer,
            Some("8542"),
            2022,
        ),
        49_909.144,
    );
}

#[test]
fn comtrade_plus_bulk_keeps_only_totals_and_x_and_m() {
    let path = fixture("comtrade_plus_bulk/comtrade_example.txt");
    let report = run_scan(&path).expect("scans");
    assert_eq!(report.format, Format::ComtradePlusBulk);
    assert_eq!((report.rows_read, report.rows_used), (10, 0));
    let skipped = |reason: &str| {
        report
            .skipped
            .iter()
            .find(|(r, _)| r.contains(reason))
            .map_or(0, |(_, n)| *n)
    };
    assert_eq!(skipped("customs procedure"), 8, "{:?}", report.skipped);
    assert_eq!(skipped("mode of transport"), 2, "{:?}", report.skipped);
    // The same bytes with row 9 made a total export row: the TSV, CRLF and last row without
    // a newline are read, and the value is the file's.
    let text = std::fs::read_to_string(&path).expect("ascii");
    let edited = text.replace(
        "DX\t643\t0\tHS\tH6\t1\t7326\tC03",
        "X\t643\t0\tHS\tH6\t1\t7326\tC00",
    );
    assert_ne!(edited, text);
    let folder = tempfile::tempdir().expect("temp dir");
    let gz = folder.path().join("bulk.txt.gz");
    let mut encoder = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).expect("create"),
        flate2::Compression::default(),
    );
    encoder.write_all(edited.as_bytes()).expect("write");
    encoder.finish().expect("finish");
    let imported = run_import(&gz, "BGR,RUS").expect("imports from .gz");
    close(
        value(
            &imported,
            "BGR",
            "RUS",
            ReportedBy::Exporter,
            Some("7326"),
            2023,
        ),
        36_029.962,
    );
}

#[test]
fn legacy_comtrade_takes_the_total_row_of_mixed_levels() {
    let path = fixture("comtrade_legacy/comtrade_CHN_USA_X_2018_HS2.csv");
    let report = run_scan(&path).expect("scans");
    assert_eq!(report.format, Format::ComtradeLegacy);
    assert_eq!(report.rows_read, 5526);
    let imported = run_import(&path, "CHN,USA").expect("imports");
    close(
        value(&imported, "CHN", "USA", ReportedBy::Exporter, None, 2018),
        479_701_580_548.0,
    );
    let options = ImportOptions {
        product: Some("85".into()),
        unit: ValueUnit::Usd,
        ..ImportOptions::new(pair("CHN,USA"))
    };
    let chapter = import(&path, &options, &mut |_| {}, &AtomicBool::new(false)).expect("hs 85");
    close(
        value(
            &chapter,
            "CHN",
            "USA",
            ReportedBy::Exporter,
            Some("85"),
            2018,
        ),
        119_511_219_602.0,
    );
}

#[test]
fn legacy_comtrade_with_plus_values_keeps_one_of_the_c00_c01_duplicates() {
    let path = fixture("comtrade_legacy/comtrade_EU28_partners_252310_2000-2020.csv");
    let iran = run_import(&path, "EUU,IRN").expect("imports");
    let by = ReportedBy::Importer;
    close(
        value(&iran, "IRN", "EUU", by, Some("252310"), 2000),
        5_366_124.0,
    );
    let russia = run_import(&path, "EUU,RUS").expect("imports");
    close(
        value(&russia, "RUS", "EUU", by, Some("252310"), 2000),
        2_570_740.0,
    );
    close(
        value(&russia, "RUS", "EUU", by, Some("252310"), 2019),
        4701.0,
    );
    close(
        value(&russia, "RUS", "EUU", by, Some("252310"), 2020),
        414.0,
    );
    assert!(
        russia
            .report
            .skipped
            .iter()
            .any(|(r, _)| r.contains("customs")),
        "{:?}",
        russia.report.skipped
    );
}

#[test]
fn legacy_comtrade_never_adds_re_exports() {
    let path = fixture("comtrade_legacy/comtrade_all_WLD_TOTAL_2017.csv");
    let russia = run_import(&path, "RUS,WLD").expect("imports");
    close(
        value(&russia, "RUS", "WLD", ReportedBy::Exporter, None, 2017),
        359_151_975_200.0,
    );
    close(
        value(&russia, "WLD", "RUS", ReportedBy::Importer, None, 2017),
        228_212_749_973.0,
    );
    let hong_kong = run_import(&path, "HKG,WLD").expect("imports");
    close(
        value(&hong_kong, "HKG", "WLD", ReportedBy::Exporter, None, 2017),
        550_239_645_863.0,
    );
    let turnover = hong_kong
        .dataset
        .series
        .iter()
        .find(|s| s.kind == crate::data::SeriesKind::TradeTurnover)
        .expect("turnover");
    close(
        turnover.points[0].value,
        550_239_645_863.0 + 589_823_683_161.0,
    );
}

#[test]
fn legacy_comtrade_rows_out_of_year_order() {
    let path = fixture("comtrade_legacy/comtrade_EU28_UKR_X_1007.csv");
    let imported = run_import(&path, "EUU,UKR").expect("imports");
    let by = ReportedBy::Exporter;
    close(
        value(&imported, "EUU", "UKR", by, Some("1007"), 2017),
        640_252.0,
    );
    close(
        value(&imported, "EUU", "UKR", by, Some("1007"), 2000),
        28_171.0,
    );
    let years: Vec<i32> = imported.dataset.series[0]
        .points
        .iter()
        .map(|p| p.year)
        .collect();
    assert!(years.windows(2).all(|w| w[0] < w[1]), "{years:?}");
}

#[test]
fn imf_dots_csv_by_imf_numbers_with_status_rows_left_out() {
    let path = fixture("imf_dots/DOTS_G7_2024M2.csv");
    let report = run_scan(&path).expect("scans");
    assert_eq!(report.format, Format::ImfDotsTimeSeries);
    assert_eq!(report.rows_read, 180);
    assert!(
        report
            .skipped
            .iter()
            .any(|(r, n)| r == "status rows" && *n == 48)
    );
    // One month is not a year: the import says so.
    let error = run_import(&path, "GBR,FRA").expect_err("a single month");
    assert!(
        matches!(
            error.kind,
            ImportErrorKind::NoYearlyValuesForPair { rows: 4, .. }
        ),
        "the pair's rows are there, not missing: {error}"
    );
    let message = error.to_string();
    assert!(
        message.contains("rows between the United Kingdom and France make no yearly value")
            && message.contains("month"),
        "{message}"
    );
    // The same bytes with the period written as a year give the file's values.
    let text = std::fs::read_to_string(&path).expect("ascii");
    let folder = tempfile::tempdir().expect("temp dir");
    let yearly = temp_file(
        &folder,
        "dots.csv",
        text.replacen("2024M2", "2024", 1).as_bytes(),
    );
    let uk = run_import(&yearly, "GBR,FRA").expect("imports");
    close(
        value(&uk, "GBR", "FRA", ReportedBy::Exporter, None, 2024),
        2_466_848_948.0,
    );
    let germany = run_import(&yearly, "DEU,CAN").expect("imports");
    close(
        value(&germany, "DEU", "CAN", ReportedBy::Exporter, None, 2024),
        1_058_843_775.0,
    );
    // Its Status is `r`, not an estimate; made `e`, the value is flagged as one.
    let point = |imported: &Imported| {
        let series = imported
            .dataset
            .series
            .iter()
            .find(|s| s.points.iter().any(|p| p.value == Some(1_058_843_775.0)));
        series.expect("the series").points[0].clone()
    };
    assert!(!point(&germany).approximate);
    let status = "134,\"Goods, Value of Exports, Free on board (FOB), US Dollars\",TXG_FOB_USD,Canada,156,Status,r,";
    assert_eq!(text.matches(status).count(), 1);
    let estimated = temp_file(
        &folder,
        "dots-e.csv",
        text.replacen("2024M2", "2024", 1)
            .replacen(status, &status.replace(",r,", ",e,"), 1)
            .as_bytes(),
    );
    let flagged = point(&run_import(&estimated, "DEU,CAN").expect("imports"));
    assert!(flagged.approximate);
    assert!(flagged.note.contains("Status `e`"), "{}", flagged.note);
}

#[test]
fn imf_dots_excel_table_adds_months_into_years() {
    use calamine::Reader;
    let path = fixture("imf_dots/Exports_and_Imports_by_Areas_and_Countries_2014-2017_edited.xlsx");
    let imported = run_import(&path, "WLD,RUS").expect("imports");
    assert!(imported.report.warnings.iter().any(|w| w.contains("World")));
    // The 2014 value is the sum of the twelve monthly cells, in US$ millions.
    let mut workbook = calamine::open_workbook_auto(&path).expect("opens");
    let sheet = workbook.worksheet_range("Exports").expect("sheet");
    let row = sheet
        .rows()
        .find(|row| row[0] == "Russian Federation")
        .expect("Russia's row");
    assert_eq!(row[1].to_string(), "23246.890568");
    let sum: f64 = row[1..=12]
        .iter()
        .map(|c| c.to_string().parse::<f64>().expect("number"))
        .sum();
    close(
        value(&imported, "WLD", "RUS", ReportedBy::Exporter, None, 2014),
        sum * 1e6,
    );
    let note = &imported.dataset.series[0].points[0].note;
    assert!(note.contains("12 monthly"), "{note}");
}

#[test]
fn imf_imts_sdmx_ml_is_read_in_dollars_despite_its_scale() {
    let path = fixture("imf_imts/IMTS_USA_XG_FOB_USD_G001-G998_A_2023-2024.xml");
    let report = run_scan(&path).expect("scans");
    assert_eq!(report.format, Format::ImfImtsSdmxMl);
    let world = run_import(&path, "USA,WLD").expect("imports");
    let by = ReportedBy::Exporter;
    close(
        value(&world, "USA", "WLD", by, None, 2023),
        2_019_551_635_133.0,
    );
    close(
        value(&world, "USA", "WLD", by, None, 2024),
        2_065_411_250_609.0,
    );
    let eu = run_import(&path, "USA,EUU").expect("imports");
    close(value(&eu, "USA", "EUU", by, None, 2023), 369_756_760_426.0);
    close(value(&eu, "USA", "EUU", by, None, 2024), 371_064_529_410.0);
}

#[test]
fn wits_trade_summary_with_padded_numbers_and_units_in_names() {
    let path = fixture("wits/en_RUS_AllYears_WITS_Trade_Summary.CSV");
    let report = run_scan(&path).expect("scans");
    assert_eq!(report.format, Format::WitsSummary);
    assert_eq!(report.rows_read, 114);
    let world = run_import(&path, "RUS,WLD").expect("imports");
    close(
        value(&world, "RUS", "WLD", ReportedBy::Exporter, None, 2015),
        343_907.65e6,
    );
    close(
        value(&world, "WLD", "RUS", ReportedBy::Importer, None, 2015),
        182_781.96e6,
    );
    let china = run_import(&path, "RUS,CHN").expect("imports");
    close(
        value(&china, "RUS", "CHN", ReportedBy::Exporter, None, 2015),
        28_334.95e6,
    );
    let error = run_import(&path, "RUS,IRN").expect_err("no Iran rows");
    assert!(
        matches!(error.kind, ImportErrorKind::NoRowsForPair { .. }),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .contains("no row of this file is between Russia and Iran; it holds "),
        "{error}"
    );
    assert_eq!(
        crate::import::in_a_sentence("United States"),
        "the United States"
    );
    assert_eq!(crate::import::in_a_sentence("Germany"), "Germany");
}

#[test]
fn wits_partner_tables_in_csv_xlsx_and_xls() {
    let xlsx = fixture("wits/WITS-Partner_AUS_2021.xlsx");
    let russia = run_import(&xlsx, "AUS,RUS").expect("imports");
    close(
        value(&russia, "AUS", "RUS", ReportedBy::Exporter, None, 2021),
        183_936.89e3,
    );
    close(
        value(&russia, "RUS", "AUS", ReportedBy::Importer, None, 2021),
        381_039.14e3,
    );
    let iran = run_import(&xlsx, "AUS,IRN").expect("imports");
    close(
        value(&iran, "AUS", "IRN", ReportedBy::Exporter, None, 2021),
        51_051.13e3,
    );
    let world = run_import(&xlsx, "AUS,WLD").expect("imports");
    close(
        value(&world, "AUS", "WLD", ReportedBy::Exporter, None, 2021),
        342_036_103.27e3,
    );

    // The same download saved as Excel 97-2003 (.xls, BIFF8) by LibreOffice: the binary
    // workbook passes the look at its records (xls_guard) and gives the same values.
    let xls = fixture("wits/WITS-Partner_AUS_2021.xls");
    let russia = run_import(&xls, "AUS,RUS").expect("the .xls imports");
    close(
        value(&russia, "AUS", "RUS", ReportedBy::Exporter, None, 2021),
        183_936.89e3,
    );
    close(
        value(&russia, "RUS", "AUS", ReportedBy::Importer, None, 2021),
        381_039.14e3,
    );
    let world = run_import(&xls, "AUS,WLD").expect("the .xls imports");
    close(
        value(&world, "AUS", "WLD", ReportedBy::Exporter, None, 2021),
        342_036_103.27e3,
    );

    let usa = fixture("wits/WITS-Partner_USA_M_1991-2018.csv");
    let russia = run_import(&usa, "USA,RUS").expect("imports");
    let by = ReportedBy::Importer;
    assert_eq!(value(&russia, "RUS", "USA", by, None, 1991), None);
    close(value(&russia, "RUS", "USA", by, None, 1992), 709_317.696e3);
    close(
        value(&russia, "RUS", "USA", by, None, 2018),
        21_595_991.66e3,
    );
    let iran = run_import(&usa, "USA,IRN").expect("imports");
    close(value(&iran, "IRN", "USA", by, None, 1991), 260_385.856e3);

    let world = fixture("wits/WITS-Partner_WLD_X_2018.csv");
    let imported = run_import(&world, "WLD,RUS").expect("imports");
    close(
        value(&imported, "WLD", "RUS", ReportedBy::Exporter, None, 2018),
        223_053_546.8e3,
    );
}

#[test]
fn baci_subset_with_its_country_list_in_the_same_folder() {
    let path = fixture("baci/baci_HS22_Y2023_KOR_852352_subset.csv");
    let report = run_scan(&path).expect("scans");
    assert_eq!(report.format, Format::Baci);
    assert_eq!(report.rows_read, 81);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains("country_codes_V202501")),
        "{:?}",
        report.warnings
    );
    let usa = run_import(&path, "KOR,USA").expect("imports");
    close(
        value(&usa, "KOR", "USA", ReportedBy::Reconciled, None, 2023),
        43_256.355e3,
    );
    assert!(usa.dataset.series[0].label.contains("BACI"));
}

#[test]
fn baci_is_read_straight_out_of_its_zip_with_the_release_country_list() {
    let data = std::fs::read(fixture("baci/baci_HS22_Y2023_KOR_852352_subset.csv")).expect("read");
    let mut data = String::from_utf8(data).expect("ascii");
    data.push_str("2023,410,381,852352,12.5,NA\n");
    let codes = std::fs::read(fixture("baci/country_codes_V202201.csv")).expect("read");
    let folder = tempfile::tempdir().expect("temp dir");
    let zip = temp_file(
        &folder,
        "BACI_HS22_V202201.zip",
        &zip_of(&[
            ("Readme.txt", b"BACI, release 202201"),
            ("BACI_HS22_Y2023_V202201.csv", data.as_bytes()),
            ("country_codes_V202201.csv", &codes),
        ]),
    );
    let china = run_import(&zip, "KOR,CHN").expect("imports");
    close(
        value(&china, "KOR", "CHN", ReportedBy::Reconciled, None, 2023),
        2_907.707e3,
    );
    // The subset is of release V202501, where Italy is 380; V202201 writes 381. Both are Italy.
    let italy_380: f64 = data
        .lines()
        .find(|line| line.starts_with("2023,410,380,"))
        .and_then(|line| line.split(',').nth(4))
        .and_then(|v| v.parse().ok())
        .expect("a row for Italy as 380");
    let italy = run_import(&zip, "KOR,ITA").expect("381 is Italy in V202201");
    close(
        value(&italy, "KOR", "ITA", ReportedBy::Reconciled, None, 2023),
        italy_380 * 1000.0 + 12_500.0,
    );
}

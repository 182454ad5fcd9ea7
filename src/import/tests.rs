//! Tests of the importers on real downloads (values from the fixtures' README) and on bad input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use super::*;
use crate::data::builtin::builtin_dataset;
use crate::data::country::CodeScheme;
use crate::data::mirror::{Coverage, mirror};
use crate::data::trade_flow::{FlowSeries, ReportedBy};

/// A real download: from tests/fixtures/trade when a copy is there, else from the shared
/// fixtures beside the repository (CI has both places; a missing file fails the test).
fn fixture(relative: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copied = root.join("tests/fixtures/trade").join(relative);
    if copied.exists() {
        return copied;
    }
    let shared = root.join("../shared/fixtures/trade").join(relative);
    assert!(
        shared.exists(),
        "fixture {relative} is in neither tests/fixtures/trade nor ../shared/fixtures/trade"
    );
    shared
}

fn pair(codes: &str) -> Pair {
    Pair::parse(codes).expect("a pair")
}

fn run_scan(path: &Path) -> Result<FileReport, ImportError> {
    scan(path, &mut |_| {}, &AtomicBool::new(false))
}

fn run_import(path: &Path, codes: &str) -> Result<Imported, ImportError> {
    let options = ImportOptions {
        unit: ValueUnit::Usd,
        imported_on: Some(PartialDate::year(2026)),
        ..ImportOptions::new(pair(codes))
    };
    import(path, &options, &mut |_| {}, &AtomicBool::new(false))
}

/// The value for `year` in the series of the flow `exporter`→`importer` reported by `by`.
fn value(
    imported: &Imported,
    exporter: &str,
    importer: &str,
    by: ReportedBy,
    product: Option<&str>,
    year: i32,
) -> Option<f64> {
    let id = FlowSeries {
        exporter: exporter.into(),
        importer: importer.into(),
        reported_by: by,
        product: product.map(str::to_owned),
    }
    .series_id();
    let series = imported.dataset.series.iter().find(|s| s.id == id)?;
    series.points.iter().find(|p| p.year == year)?.value
}

fn close(found: Option<f64>, expected: f64) {
    let found = found.unwrap_or(f64::NAN);
    assert!(
        (found - expected).abs() <= expected.abs() * 1e-12 + 1e-9,
        "found {found}, expected {expected}"
    );
}

fn temp_file(folder: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = folder.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

// ---- Real downloads ---------------------------------------------------------------

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
    assert!(error.to_string().contains("month"), "{error}");
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
        .find(|row| row[0].to_string() == "Russian Federation")
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
}

#[test]
fn wits_partner_tables_in_csv_and_xlsx() {
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

/// A zip holding `entries` (name, bytes).
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        writer
            .start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("entry");
        writer.write_all(bytes).expect("write");
    }
    writer.finish().expect("finish").into_inner()
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

// ---- Formats with no real download --------------------------------------------------

#[test]
fn imf_imts_sdmx_csv_and_portal_csv() {
    let folder = tempfile::tempdir().expect("temp dir");
    let sdmx = temp_file(
        &folder,
        "imts.csv",
        b"STRUCTURE,STRUCTURE_ID,ACTION,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE,SCALE\r\n\
dataflow,IMF.STA:IMTS(1.0.0),I,RUS,XG_FOB_USD,IRN,A,2021,4000000000,6\r\n\
dataflow,IMF.STA:IMTS(1.0.0),I,IRN,MG_CIF_USD,RUS,A,2021,3100000000,6\r\n\
dataflow,IMF.STA:IMTS(1.0.0),I,IRN,TBG_USD,RUS,A,2021,-1,6\r\n",
    );
    let imported = run_import(&sdmx, "RUS,IRN").expect("imports");
    assert_eq!(imported.report.format, Format::ImfImtsSdmxCsv);
    close(
        value(&imported, "RUS", "IRN", ReportedBy::Exporter, None, 2021),
        4e9,
    );
    close(
        value(&imported, "RUS", "IRN", ReportedBy::Importer, None, 2021),
        3.1e9,
    );
    let wide = temp_file(
        &folder,
        "dataset_IMTS.csv",
        b"SERIES_CODE,OBS_MEASURE,2020,2021\nRUS.XG_FOB_USD.IRN.A,OBS_VALUE,3500000000,4000000000\n",
    );
    let imported = run_import(&wide, "RUS,IRN").expect("imports");
    assert_eq!(imported.report.format, Format::ImfImtsWide);
    close(
        value(&imported, "RUS", "IRN", ReportedBy::Exporter, None, 2020),
        3.5e9,
    );
}

#[test]
fn imf_dots_time_series_with_bom_and_panel() {
    let folder = tempfile::tempdir().expect("temp dir");
    let series = temp_file(
        &folder,
        "DOT_timeSeries.csv",
        "\u{feff}\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"Counterpart Country Name\",\"Counterpart Country Code\",\"Attribute\",\"1948\",\"2020\",\"2020Q3\",\n\
\"Russian Federation\",\"922\",\"Goods, Value of Exports, Free on board (FOB), US Dollars\",\"TXG_FOB_USD\",\"Iran, Islamic Rep. of\",\"429\",\"Value\",\"\",\"1100000000\",\"300000000\",\n\
\"Russian Federation\",\"922\",\"Goods, Value of Exports, Free on board (FOB), US Dollars\",\"TXG_FOB_USD\",\"Iran, Islamic Rep. of\",\"429\",\"Status\",\"\",\"e\",\"\",\n"
            .as_bytes(),
    );
    let imported = run_import(&series, "RUS,IRN").expect("imports");
    assert_eq!(imported.report.format, Format::ImfDotsTimeSeries);
    assert_eq!(imported.report.encoding, Some("UTF-8 with BOM"));
    close(
        value(&imported, "RUS", "IRN", ReportedBy::Exporter, None, 2020),
        1.1e9,
    );
    let panel = temp_file(
        &folder,
        "DOT_panel.csv",
        b"Country Name,Country Code,Counterpart Country Name,Counterpart Country Code,Time Period,\"Goods, Value of Exports, Free on board (FOB), US Dollars (TXG_FOB_USD)\",\"Goods, Value of Imports, Cost, Insurance, Freight (CIF), US Dollars (TMG_CIF_USD)\"\n\
Islamic Republic of Iran,429,Russian Federation,922,2019,900000000,1200000000\n",
    );
    let imported = run_import(&panel, "RUS,IRN").expect("imports");
    assert_eq!(imported.report.format, Format::ImfDotsPanel);
    close(
        value(&imported, "IRN", "RUS", ReportedBy::Exporter, None, 2019),
        9e8,
    );
    close(
        value(&imported, "RUS", "IRN", ReportedBy::Importer, None, 2019),
        1.2e9,
    );
}

/// A minimal xlsx with one sheet; cells that parse as numbers are numbers, `#…` are
/// formula errors, everything else inline text.
fn xlsx(sheet: &str, rows: &[&[&str]]) -> Vec<u8> {
    let mut data = String::new();
    for (r, row) in rows.iter().enumerate() {
        data.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, cell) in row.iter().enumerate() {
            let reference = format!(
                "{}{}",
                error::column_letters(u32::try_from(c).expect("small")),
                r + 1
            );
            if cell.is_empty() {
                continue;
            } else if cell.starts_with('#') {
                data.push_str(&format!("<c r=\"{reference}\" t=\"e\"><v>{cell}</v></c>"));
            } else if cell.parse::<f64>().is_ok() {
                data.push_str(&format!("<c r=\"{reference}\"><v>{cell}</v></c>"));
            } else {
                data.push_str(&format!(
                    "<c r=\"{reference}\" t=\"inlineStr\"><is><t>{cell}</t></is></c>"
                ));
            }
        }
        data.push_str("</row>");
    }
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let package = "http://schemas.openxmlformats.org/package/2006/relationships";
    zip_of(&[
        (
            "[Content_Types].xml",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>").as_bytes(),
        ),
        (
            "_rels/.rels",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{package}\"><Relationship Id=\"rId1\" Type=\"{rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>").as_bytes(),
        ),
        (
            "xl/workbook.xml",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{main}\" xmlns:r=\"{rel}\"><sheets><sheet name=\"{sheet}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>").as_bytes(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{package}\"><Relationship Id=\"rId1\" Type=\"{rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>").as_bytes(),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{main}\"><sheetData>{data}</sheetData></worksheet>").as_bytes(),
        ),
    ])
}

#[test]
fn imf_dots_excel_with_title_rows_keeps_and_flags_estimates() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = temp_file(
        &folder,
        "Exports_FOB.xlsx",
        &xlsx(
            "Exports, FOB",
            &[
                &["Direction of Trade Statistics (DOTS)"],
                &["Exports, FOB to Partner Countries"],
                &["Russian Federation"],
                &["Millions of US Dollars"],
                &[""],
                &["Source: International Monetary Fund"],
                &["", "2019", "2020"],
                &["Iran, Islamic Rep. of", "1234.5", "256.26 e"],
            ],
        ),
    );
    let imported = run_import(&path, "RUS,IRN").expect("imports");
    assert_eq!(imported.report.format, Format::ImfDotsTable);
    let by = ReportedBy::Exporter;
    close(value(&imported, "RUS", "IRN", by, None, 2019), 1234.5e6);
    close(value(&imported, "RUS", "IRN", by, None, 2020), 256.26e6);
    let points = &imported.dataset.series[0].points;
    assert!(!points[0].approximate);
    assert!(points[1].approximate);
    assert!(
        points[1].note.contains("IMF estimate"),
        "{}",
        points[1].note
    );
}

#[test]
fn tidy_table_in_utf16_and_as_a_spreadsheet() {
    let text = "year,reporter,partner,flow,value,unit,source\n2010,RUS,IRN,exports,3.36,USD bn,hand\n2010,Iran,Russian Federation,imports,1150,USD mn,hand\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let folder = tempfile::tempdir().expect("temp dir");
    let path = temp_file(&folder, "tidy.txt", &utf16);
    let imported = run_import(&path, "RUS,IRN").expect("imports");
    assert_eq!(imported.report.format, Format::Tidy);
    assert_eq!(imported.report.encoding, Some("UTF-16LE"));
    close(
        value(&imported, "RUS", "IRN", ReportedBy::Exporter, None, 2010),
        3.36e9,
    );
    close(
        value(&imported, "RUS", "IRN", ReportedBy::Importer, None, 2010),
        1.15e9,
    );
    let sheet = temp_file(
        &folder,
        "tidy.xlsx",
        &xlsx(
            "Data",
            &[
                &["Year", "Reporter", "Partner", "Flow", "Value", "Unit"],
                &["2010", "643", "364", "X", "3.36", "USD bn"],
            ],
        ),
    );
    let imported = run_import(&sheet, "RUS,IRN").expect("imports");
    close(
        value(&imported, "RUS", "IRN", ReportedBy::Exporter, None, 2010),
        3.36e9,
    );
}

// ---- What an import makes -----------------------------------------------------------

fn tidy_file(folder: &tempfile::TempDir, name: &str, rows: &str) -> PathBuf {
    temp_file(
        folder,
        name,
        format!("year,reporter,partner,flow,value,unit,estimate\n{rows}").as_bytes(),
    )
}

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
        error.to_string().contains("neither United States nor Iran"),
        "{error}"
    );
}

// ---- Bad input ----------------------------------------------------------------------

fn error_of(name: &str, bytes: &[u8]) -> ImportError {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = temp_file(&folder, name, bytes);
    let result = std::panic::catch_unwind(|| run_scan(&path));
    result.expect("no panic").expect_err("an error")
}

#[test]
fn a_wrong_encoding_says_where() {
    let error = error_of(
        "bom.csv",
        b"\xEF\xBB\xBFyear,reporter,partner,flow,value,unit\n2010,RUS,Cura\xE7ao,exports,1,USD\n",
    );
    assert!(
        matches!(error.kind, ImportErrorKind::WrongEncoding(_)),
        "{error}"
    );
    assert!(error.to_string().contains("bom.csv:2:10:"), "{error}");
    let error = error_of(
        "binary.csv",
        b"\x00\x01\x02\x03\x00\x00\x07\x00\x00\x00\x00\x01",
    );
    assert!(
        matches!(error.kind, ImportErrorKind::WrongEncoding(_)),
        "{error}"
    );
}

#[test]
fn a_ragged_row_says_its_line() {
    let error = error_of(
        "ragged.csv",
        b"t,i,j,k,v,q\n2023,410,842,852352,1.5,2\n2023,410,842\n",
    );
    assert_eq!(
        error.kind,
        ImportErrorKind::RaggedRow {
            expected: 6,
            found: 3
        }
    );
    assert!(
        error.to_string().starts_with(&format!("{}:3:", error.file)),
        "{error}"
    );
}

#[test]
fn a_number_that_is_not_one_says_line_and_column() {
    let error = error_of("nan.csv", b"t,i,j,k,v,q\n2023,410,842,852352,12a,2\n");
    assert!(
        matches!(error.kind, ImportErrorKind::NotANumber { .. }),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .contains("nan.csv:2:21: `v`: `12a` is not a number"),
        "{error}"
    );
}

#[test]
fn an_unknown_layout_lists_the_known_ones() {
    let error = error_of("other.csv", b"name,age\nAnn,3\n");
    assert!(
        matches!(error.kind, ImportErrorKind::UnknownLayout { .. }),
        "{error}"
    );
    let message = error.to_string();
    assert!(
        message.contains("UN Comtrade Plus download") && message.contains("CEPII BACI"),
        "{message}"
    );
    assert!(message.contains("name,age"), "{message}");
}

#[test]
fn an_empty_file_is_an_error() {
    assert_eq!(
        error_of("empty.csv", b"").kind,
        ImportErrorKind::Empty("0 bytes")
    );
    assert_eq!(
        error_of("blank.csv", b"\n\n").kind,
        ImportErrorKind::Empty("no rows at all")
    );
    let header_only = error_of("header.csv", b"t,i,j,k,v,q\n");
    assert!(
        matches!(header_only.kind, ImportErrorKind::Empty(_)),
        "{header_only}"
    );
}

#[test]
fn a_zip_without_a_table_lists_what_it_holds() {
    let error = error_of(
        "nothing.zip",
        &zip_of(&[("Readme.txt", b"hello"), ("logo.png", b"\x89PNG")]),
    );
    assert!(
        matches!(error.kind, ImportErrorKind::NoTableInZip { .. }),
        "{error}"
    );
    assert!(
        error.to_string().contains("Readme.txt, logo.png"),
        "{error}"
    );
}

#[test]
fn corrupt_gz_zip_and_xlsx_are_errors() {
    let mut gz = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3];
    gz.extend_from_slice(b"this is not deflate data at all");
    let error = error_of("broken.csv.gz", &gz);
    assert!(
        matches!(error.kind, ImportErrorKind::Corrupt { .. }),
        "{error}"
    );
    let error = error_of("broken.zip", b"PK\x03\x04 then nothing of a zip");
    assert!(
        matches!(error.kind, ImportErrorKind::Corrupt { what: ".zip", .. }),
        "{error}"
    );
    let mut workbook = xlsx("Sheet1", &[&["year"]]);
    let middle = workbook.len() / 2;
    workbook.truncate(middle);
    let error = error_of("broken.xlsx", &workbook);
    assert!(
        matches!(
            error.kind,
            ImportErrorKind::Corrupt { .. } | ImportErrorKind::Spreadsheet(_)
        ),
        "{error}"
    );
}

#[test]
fn a_formula_error_cell_is_named_by_sheet_and_cell() {
    let error = error_of(
        "formula.xlsx",
        &xlsx(
            "Data",
            &[
                &["Year", "Reporter", "Partner", "Flow", "Value", "Unit"],
                &["2010", "RUS", "IRN", "X", "#DIV/0!", "USD bn"],
            ],
        ),
    );
    assert!(
        matches!(error.kind, ImportErrorKind::FormulaError(_)),
        "{error}"
    );
    assert!(
        error.to_string().contains("formula.xlsx:Data!E2: "),
        "{error}"
    );
}

#[test]
fn cancel_stops_a_long_import_promptly() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut text = String::from("t,i,j,k,v,q\n");
    for n in 0..50_000 {
        text.push_str(&format!("2023,643,364,{:06},1.0,NA\n", n));
    }
    let path = temp_file(&folder, "long.csv", text.as_bytes());
    let cancelled = AtomicBool::new(true);
    let error = scan(&path, &mut |_| {}, &cancelled).expect_err("cancelled");
    assert_eq!(error.kind, ImportErrorKind::Cancelled);
    let finished = scan(&path, &mut |_| {}, &AtomicBool::new(false)).expect("scans");
    assert_eq!(finished.rows_read, 50_000);
    assert_eq!(finished.rows_for(pair("RUS,IRN")), 50_000);
    let russia = crate::data::country::countries()
        .by_code(CodeScheme::Iso3, "RUS")
        .expect("Russia");
    assert_eq!(finished.reporters()[0].0, russia.id);
}

//! Numbers as publishers write them, through whole imports: thousands separators, estimate
//! and footnote marks and placeholders in text cells and quoted CSV fields, for every layout.

use super::*;
use crate::data::model::Point;

/// A file made by hand for these tests, in `tests/fixtures/trade/hand_made` (never the
/// shared fixtures: see `tests/fixtures/trade/PROVENANCE.md`).
fn hand_made(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/trade/hand_made")
        .join(name)
}

/// The point for `year` of the flow `exporter`→`importer` reported by `by`.
fn point<'a>(
    imported: &'a Imported,
    exporter: &str,
    importer: &str,
    by: ReportedBy,
    year: i32,
) -> Option<&'a Point> {
    let id = FlowSeries {
        exporter: exporter.into(),
        importer: importer.into(),
        reported_by: by,
        product: None,
    }
    .series_id();
    let series = imported.dataset.series.iter().find(|s| s.id == id)?;
    series.points.iter().find(|p| p.year == year)
}

/// Asserts the point is `expected` US dollars, approximate exactly when `reason` is given,
/// with the reason in its note.
fn assert_point(found: Option<&Point>, expected: f64, reason: Option<&str>) {
    let found = found.expect("a point");
    close(found.value, expected);
    assert_eq!(found.approximate, reason.is_some(), "{found:?}");
    if let Some(reason) = reason {
        assert!(found.note.contains(reason), "{}", found.note);
    }
}

#[test]
fn imf_dots_excel_text_cells_with_separators_and_marks() {
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
                &["", "2017", "2018", "2019", "2020", "2021", "2022"],
                &[
                    "Iran, Islamic Rep. of",
                    "1,118.84 e",
                    "2,345.6 p",
                    "...",
                    "1\u{a0}234.5",
                    "3,000*",
                    "-",
                ],
            ],
        ),
    );
    let imported = run_import(&path, "RUS,IRN").expect("imports");
    let by = ReportedBy::Exporter;
    let at = |year| point(&imported, "RUS", "IRN", by, year);
    assert_point(at(2017), 1_118.84e6, Some("IMF estimate (marked `e`"));
    assert_point(
        at(2018),
        2_345.6e6,
        Some("IMF provisional figure (marked `p`"),
    );
    assert!(at(2019).is_none(), "`...` is no value: {:?}", at(2019));
    assert_point(at(2020), 1_234.5e6, None);
    assert_point(at(2021), 3_000e6, None);
    assert!(at(2022).is_none(), "`-` is no value: {:?}", at(2022));
    // `bilateral check` prints the scan's report: it reads the file and counts the marks.
    let report = run_scan(&path).expect("scans").to_string();
    assert!(
        report.contains(
            "note: 2 values kept and flagged approximate, as the file marks them: 1 an IMF estimate (marked `e` in the file); 1 an IMF provisional figure (marked `p` in the file)"
        ),
        "{report}"
    );
}

#[test]
fn imf_dots_time_series_with_quoted_publisher_numbers() {
    let path = hand_made("DOTS_timeSeries_RUS_IRN_written_numbers.csv");
    let imported = run_import(&path, "RUS,IRN").expect("imports");
    let estimate = Some("an IMF estimate (marked `e` in the file)");
    let exported = |year| point(&imported, "RUS", "IRN", ReportedBy::Exporter, year);
    assert_point(exported(2019), 1_118_840_000.0, None);
    assert_point(exported(2020), 2_345_600_000.0, estimate);
    assert!(exported(2021).is_none());
    assert_point(
        exported(2022),
        3_000_000_000.0,
        Some("an IMF provisional figure (marked `p` in the file)"),
    );
    // Iran's imports: no-break spaces between the groups, `-` and an empty field no value.
    let imported_by_iran = |year| point(&imported, "RUS", "IRN", ReportedBy::Importer, year);
    assert_point(imported_by_iran(2019), 1_200_000_000.0, None);
    assert!(imported_by_iran(2020).is_none());
    assert_point(imported_by_iran(2021), 1_250_000_000.5, estimate);
    assert!(imported_by_iran(2022).is_none());
    // Importing counts the pair's marked values, scanning every pair's: here the same three.
    let counted = |warnings: &[String]| {
        warnings.iter().any(|w| {
            w.starts_with("3 values kept and flagged approximate")
                && w.contains("2 an IMF estimate")
                && w.contains("1 an IMF provisional figure")
        })
    };
    assert!(
        counted(&imported.report.warnings),
        "{:?}",
        imported.report.warnings
    );
    let report = run_scan(&path).expect("scans");
    assert_eq!(report.format, Format::ImfDotsTimeSeries);
    assert!(counted(&report.warnings), "{:?}", report.warnings);
}

#[test]
fn every_layout_keeps_and_flags_a_marked_value() {
    let estimate = Some("an estimate (marked `e` in the file)");
    let imf_estimate = Some("an IMF estimate (marked `e` in the file)");
    let provisional = Some("a provisional figure (marked `p` in the file)");
    let cases: [(&str, &str, ReportedBy, f64, Option<&str>); 6] = [
        (
            "tidy.csv",
            "year,reporter,partner,flow,value,unit\n2021,RUS,IRN,exports,\"1,118.84 e\",USD mn\n",
            ReportedBy::Exporter,
            1_118.84e6,
            estimate,
        ),
        (
            "WITS-Partner.csv",
            "Reporter Name,Partner Name,Year,Export (US$ Thousand)\nRussian Federation,\"Iran, Islamic Rep.\",2021,\"183,936.89 p\"\n",
            ReportedBy::Exporter,
            183_936_890.0,
            provisional,
        ),
        (
            "imts.csv",
            "COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE\nIRN,MG_CIF_USD,RUS,A,2021,\"3,100,000,000 e\"\n",
            ReportedBy::Importer,
            3.1e9,
            imf_estimate,
        ),
        (
            "TradeData.csv",
            "reporterCode,reporterISO,partnerCode,flowCode,period,primaryValue\n643,RUS,364,X,2021,\"49,909.144 e\"\n",
            ReportedBy::Exporter,
            49_909.144,
            estimate,
        ),
        (
            "comtrade.csv",
            "Year,Trade Flow Code,Reporter Code,Partner Code,Trade Value (US$)\n2021,1,364,643,\"1 234 567 p\"\n",
            ReportedBy::Importer,
            1_234_567.0,
            provisional,
        ),
        (
            "baci.csv",
            "t,i,j,k,v,q\n2021,643,364,010101,\"1,500.5 e\",NA\n",
            ReportedBy::Reconciled,
            1_500_500.0,
            estimate,
        ),
    ];
    let folder = tempfile::tempdir().expect("temp dir");
    for (name, text, by, expected, reason) in cases {
        let path = temp_file(&folder, name, text.as_bytes());
        let imported = run_import(&path, "RUS,IRN").expect(name);
        assert_point(point(&imported, "RUS", "IRN", by, 2021), expected, reason);
    }
}

#[test]
fn a_decimal_comma_in_a_quoted_field_is_refused_at_its_line_and_column() {
    let error = error_of(
        "bad.csv",
        b"\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"Counterpart Country Name\",\"Counterpart Country Code\",\"Attribute\",\"2019\",\n\
\"Russian Federation\",\"922\",\"Goods, Value of Exports, Free on board (FOB), US Dollars\",\"TXG_FOB_USD\",\"Iran, Islamic Rep. of\",\"429\",\"Value\",\"12,34\",\n",
    );
    assert!(
        matches!(
            error.kind,
            ImportErrorKind::NotANumber {
                why: crate::import::numbers::NotANumber::DecimalComma,
                ..
            }
        ),
        "{error}"
    );
    // The field's opening quote is the 139th character of line 2.
    let message = error.to_string();
    assert!(
        message.starts_with(&format!(
            "{}:2:139: `2019`: `12,34` is not a number (a decimal comma?",
            error.file
        )),
        "{message}"
    );
}

#[test]
fn a_comma_in_a_semicolon_table_and_a_decimal_comma_in_a_text_cell_are_refused() {
    let error = error_of(
        "semicolons.csv",
        b"year;reporter;partner;flow;value;unit\n2010;RUS;IRN;exports;1,118;USD mn\n",
    );
    let message = error.to_string();
    assert!(
        message.starts_with(&format!(
            "{}:2:22: `value`: `1,118` is not a number (the file separates its fields with `;`",
            error.file
        )),
        "{message}"
    );
    let sheet = xlsx(
        "Exports, FOB",
        &[
            &["Russian Federation"],
            &["Millions of US Dollars"],
            &["", "2018", "2019"],
            &["Iran, Islamic Rep. of", "1.5", "12,34"],
        ],
    );
    let error = error_of("Exports_FOB.xlsx", &sheet);
    let message = error.to_string();
    assert!(
        message.starts_with(&format!(
            "{}:Exports, FOB!C4: `2019`: `12,34` is not a number (a decimal comma?",
            error.file
        )),
        "{message}"
    );
}

#[test]
fn a_semicolon_table_reads_spaces_between_groups_and_marks() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = temp_file(
        &folder,
        "semicolons.csv",
        "year;reporter;partner;flow;value;unit\n2010;RUS;IRN;exports;1\u{a0}118.5 e;USD mn\n"
            .as_bytes(),
    );
    let imported = run_import(&path, "RUS,IRN").expect("imports");
    assert_point(
        point(&imported, "RUS", "IRN", ReportedBy::Exporter, 2010),
        1_118.5e6,
        Some("an estimate (marked `e` in the file)"),
    );
}

//! Layouts for which no real download was found, written from their documented shape.

use super::*;

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
    // The Status row marks 2020 `e`: an IMF estimate.
    let points = &imported.dataset.series[0].points;
    assert_eq!(points.len(), 1);
    assert!(points[0].approximate, "{:?}", points[0]);
    assert!(
        points[0].note.contains("IMF estimate"),
        "{}",
        points[0].note
    );
    assert!(
        imported.report.warnings.contains(
            &"1 value kept and flagged approximate, as the file marks it: 1 an IMF estimate (Status `e` in the file)".to_owned()
        ),
        "{:?}",
        imported.report.warnings
    );
    // A Status row before its Value row, months, and another pair's `e`: only Iran's
    // March imports are estimates, so the year made of twelve months is one.
    let mut text = String::from("Country Code,Indicator Code,Counterpart Country Code,Attribute");
    for month in 1..=12 {
        let _ = write!(text, ",2021M{month:02}");
    }
    text.push('\n');
    let row = |country: &str,
               indicator: &str,
               partner: &str,
               attribute: &str,
               cell: &dyn Fn(u32) -> String| {
        let cells: Vec<String> = (1..=12).map(cell).collect();
        format!(
            "{country},{indicator},{partner},{attribute},{}\n",
            cells.join(",")
        )
    };
    text.push_str(&row("429", "TMG_CIF_USD", "922", "Status", &|m| {
        if m == 3 { "e".into() } else { String::new() }
    }));
    text.push_str(&row("922", "TXG_FOB_USD", "111", "Status", &|_| "e".into()));
    text.push_str(&row("922", "TXG_FOB_USD", "111", "Value", &|m| {
        format!("{m}00")
    }));
    text.push_str(&row("429", "TMG_CIF_USD", "922", "Value", &|m| {
        format!("{m}000")
    }));
    text.push_str(&row("922", "TXG_FOB_USD", "429", "Value", &|m| {
        format!("{m}0")
    }));
    text.push_str(&row("922", "TXG_FOB_USD", "429", "Status", &|_| "r".into()));
    let months = temp_file(&folder, "DOT_months.csv", text.as_bytes());
    let imported = run_import(&months, "RUS,IRN").expect("imports");
    let flagged = |exporter: &str, importer: &str, by| {
        let id = FlowSeries {
            exporter: exporter.into(),
            importer: importer.into(),
            reported_by: by,
            product: None,
        }
        .series_id();
        let series = imported.dataset.series.iter().find(|s| s.id == id);
        series.expect("series").points[0].approximate
    };
    close(
        value(&imported, "RUS", "IRN", ReportedBy::Importer, None, 2021),
        78_000.0,
    );
    assert!(flagged("RUS", "IRN", ReportedBy::Importer));
    assert!(!flagged("RUS", "IRN", ReportedBy::Exporter));
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

#[test]
fn tidy_source_column_makes_one_source_record_per_text_cited_by_its_rows() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = temp_file(
        &folder,
        "sources.csv",
        b"year,reporter,partner,flow,value,unit,source\n\
2010,RUS,IRN,exports,3.36,USD bn,Federal Customs Service\n\
2011,RUS,IRN,exports,3.5,USD bn,\n\
2012,RUS,IRN,exports,2.3,USD bn,federal customs service!\n\
2010,IRN,RUS,imports,1.15,USD bn,https://example.org/irica\n\
2011,IRN,RUS,imports,1.2,USD bn,Federal Customs Service\n",
    );
    let imported = run_import(&path, "RUS,IRN").expect("imports");
    let dataset = &imported.dataset;
    let record = |title: &str| {
        dataset
            .sources
            .iter()
            .find(|s| s.title == title)
            .unwrap_or_else(|| panic!("no record {title}: {:?}", dataset.sources))
    };
    let customs = record("Federal Customs Service");
    let lower = record("federal customs service!");
    let irica = record("https://example.org/irica");
    assert_ne!(customs.id, lower.id);
    assert!(
        customs.id.starts_with("import-sources-csv--source-"),
        "{}",
        customs.id
    );
    assert_eq!(irica.url.as_deref(), Some("https://example.org/irica"));
    let cited = |exporter: &str, importer: &str, by, year| {
        let id = FlowSeries {
            exporter: exporter.into(),
            importer: importer.into(),
            reported_by: by,
            product: None,
        }
        .series_id();
        let series = dataset.series.iter().find(|s| s.id == id).expect("series");
        let point = series
            .points
            .iter()
            .find(|p| p.year == year)
            .expect("point");
        point.sources.clone()
    };
    let file = "import-sources-csv--rus";
    assert_eq!(
        cited("RUS", "IRN", ReportedBy::Exporter, 2010),
        [customs.id.clone(), file.to_owned()]
    );
    assert_eq!(cited("RUS", "IRN", ReportedBy::Exporter, 2011), [file]);
    assert_eq!(
        cited("RUS", "IRN", ReportedBy::Exporter, 2012),
        [lower.id.clone(), file.to_owned()]
    );
    assert_eq!(
        cited("RUS", "IRN", ReportedBy::Importer, 2010),
        [irica.id.clone(), "import-sources-csv--irn".to_owned()]
    );
    // Three distinct texts, two reporters' file records; every cited id is a record.
    assert_eq!(dataset.sources.len(), 5);
    assert!(crate::data::validate::validate(dataset).is_empty());
    // Removing the import takes the row sources too.
    let mut merged = dataset.clone();
    assert!(remove_import(&mut merged, "sources.csv") > 0);
    assert!(merged.sources.is_empty(), "{:?}", merged.sources);
}

#[test]
fn a_conflicting_value_is_noted_rounded_with_its_unit() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = tidy_file(
        &folder,
        "conflict.csv",
        "2010,RUS,IRN,exports,3.36,USD bn,\n2010,RUS,IRN,exports,3421.987654,USD mn,\n",
    );
    let imported = run_import(&path, "RUS,IRN").expect("imports");
    let point = &imported.dataset.series[0].points[0];
    assert!(
        point
            .note
            .contains("the same file also gives USD 3.42 bn for this flow and year"),
        "{}",
        point.note
    );
}

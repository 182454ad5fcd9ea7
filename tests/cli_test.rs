//! The command line as a script would use it: the real binary, its output and exit codes.

#![allow(
    clippy::expect_used,
    reason = "a failed expectation is a failed test, with its message"
)]

use std::process::Command;

fn bilateral() -> Command {
    Command::new(env!("CARGO_BIN_EXE_bilateral"))
}

#[test]
fn check_prints_a_summary_of_a_valid_file() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("data.json");
    let converted = bilateral()
        .args(["convert", "-o"])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(converted.status.success(), "{converted:?}");
    let checked = bilateral().arg("check").arg(&path).output().expect("runs");
    assert_eq!(checked.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&checked.stdout);
    assert!(stdout.contains(": ok: "), "{stdout}");
    assert!(stdout.contains(" sources, "), "{stdout}");
}

#[test]
fn check_reports_every_bad_file_with_line_and_column_and_exits_1() {
    let folder = tempfile::tempdir().expect("temp dir");
    let bad = folder.path().join("bad.json");
    std::fs::write(&bad, "{\n  \"metadata\": [}\n").expect("write");
    let missing = folder.path().join("missing.json");
    let output = bilateral()
        .arg("check")
        .arg(&bad)
        .arg(&missing)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("{}:2:", bad.display())),
        "{stderr}"
    );
    assert!(stderr.contains(&missing.display().to_string()), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn convert_without_files_writes_the_built_in_dataset_with_its_sources() {
    let output = bilateral().arg("convert").output().expect("runs");
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(json["metadata"]["schema_version"], 1);
    assert!(json["sources"].as_array().is_some_and(|s| s.len() >= 4));
    let series = json["series"].as_array().expect("series");
    for one in series {
        for point in one["points"].as_array().expect("points") {
            assert!(
                point["sources"].as_array().is_some_and(|s| !s.is_empty()),
                "{point}"
            );
        }
    }
}

#[test]
fn check_without_files_is_a_usage_error() {
    let output = bilateral().arg("check").output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
}

/// The `data-year` of every marker of `series` in `svg`, parsed as XML.
fn marker_years(svg: &str, series: &str) -> Vec<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(svg);
    let mut years = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(element) | Event::Empty(element) => {
                let attribute = |name: &str| {
                    element
                        .try_get_attribute(name)
                        .expect("well-formed attributes")
                        .map(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .expect("a value")
                                .into_owned()
                        })
                };
                if attribute("class").as_deref() == Some("marker")
                    && attribute("data-series").as_deref() == Some(series)
                {
                    years.push(attribute("data-year").expect("a year"));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    years
}

#[test]
fn export_writes_the_trade_chart_as_svg_and_csv() {
    let folder = tempfile::tempdir().expect("temp dir");
    let svg = folder.path().join("out/trade.svg");
    let csv = folder.path().join("trade.csv");
    let output = bilateral()
        .args(["export", "--view", "trade", "--svg"])
        .arg(&svg)
        .arg("--csv")
        .arg(&csv)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let svg_text = std::fs::read_to_string(&svg).expect("the SVG is written");
    assert_eq!(
        marker_years(&svg_text, "trade-turnover"),
        ["2010", "2011", "2015", "2022", "2023"]
    );
    assert!(svg_text.contains("Dmitri Trenin"));
    let mut reader = csv::Reader::from_path(&csv).expect("the CSV is written");
    let header = reader.headers().expect("a header").clone();
    assert_eq!(&header[0], "series_id");
    let turnover_years: Vec<String> = reader
        .records()
        .map(|r| r.expect("a record"))
        .filter(|r| &r[0] == "trade-turnover")
        .map(|r| r[3].to_owned())
        .collect();
    assert_eq!(turnover_years, ["2010", "2011", "2015", "2022", "2023"]);
    let leftovers: Vec<_> = std::fs::read_dir(folder.path().join("out"))
        .expect("list")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name())
        .collect();
    assert_eq!(leftovers, [std::ffi::OsString::from("trade.svg")]);
}

#[test]
fn export_all_data_writes_every_point_of_every_series() {
    let folder = tempfile::tempdir().expect("temp dir");
    let csv = folder.path().join("all.csv");
    let output = bilateral()
        .args([
            "export",
            "--view",
            "trade",
            "--mode",
            "yoy",
            "--all-data",
            "--csv",
        ])
        .arg(&csv)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = std::fs::read_to_string(&csv).expect("written");
    let points = bilateral::export::parse_dataset_csv(&text).expect("parses");
    let dataset = bilateral::data::builtin::builtin_dataset().expect("built-in");
    let expected: usize = dataset.series.iter().map(|s| s.points.len()).sum();
    assert_eq!(points.len(), expected);
    assert!(points.iter().any(|p| p.unit == "km"), "other units too");
}

#[test]
fn export_of_a_bad_file_exits_1_with_file_line_and_column_and_writes_nothing() {
    let folder = tempfile::tempdir().expect("temp dir");
    let bad = folder.path().join("bad.json");
    std::fs::write(&bad, "{\n  \"metadata\": [}\n").expect("write");
    let svg = folder.path().join("trade.svg");
    let output = bilateral()
        .arg("export")
        .arg(&bad)
        .args(["--view", "trade", "--svg"])
        .arg(&svg)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("{}:2:", bad.display())),
        "{stderr}"
    );
    assert!(!svg.exists());
}

#[test]
fn export_usage_errors_exit_2() {
    let folder = tempfile::tempdir().expect("temp dir");
    let svg = folder.path().join("x.svg");
    let svg = svg.to_str().expect("UTF-8 temp path");
    let cases: [&[&str]; 6] = [
        &["export", "--view", "trade"],
        &["export", "--svg", svg],
        &["export", "--view", "map", "--svg", svg],
        &["export", "--view", "trade", "--all-data", "--svg", svg],
        &[
            "export", "--view", "trade", "--mode", "yoy", "--log", "--svg", svg,
        ],
        &[
            "export", "--view", "trade", "--unit", "parsecs", "--svg", svg,
        ],
    ];
    for args in cases {
        let output = bilateral().args(args).output().expect("runs");
        assert_eq!(output.status.code(), Some(2), "{args:?}: {output:?}");
        assert!(!output.stderr.is_empty(), "{args:?}");
    }
    assert!(!std::path::Path::new(svg).exists());
}

#[test]
fn export_to_a_place_that_cannot_be_written_exits_1() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = folder.path().join("a-file");
    std::fs::write(&file, "not a folder").expect("write");
    let svg = file.join("trade.svg");
    let output = bilateral()
        .args(["export", "--view", "trade", "--svg"])
        .arg(&svg)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("could not write"), "{stderr}");
    assert!(stderr.contains(&svg.display().to_string()), "{stderr}");
}

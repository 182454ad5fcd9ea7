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

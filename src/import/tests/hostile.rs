//! Hostile and unlucky input (issue 22): values past any range, joined downloads, rows
//! without end, special files, messages that quote a file. Each test fails without the fix
//! it names; the large inputs of the same classes are made by `scripts/robustness.sh`.

use super::*;
use crate::import::collect::MAX_UNKNOWN_CODES;

const TIDY_HEADER: &str = "year,reporter,partner,flow,value,unit\n";

fn tidy_text(rows: &str) -> Vec<u8> {
    format!("{TIDY_HEADER}{rows}").into_bytes()
}

fn scan_bytes_as(name: &str, bytes: &[u8]) -> Result<FileReport, ImportError> {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = temp_file(&folder, name, bytes);
    run_scan(&path)
}

#[test]
fn a_value_that_overflows_with_its_unit_is_an_error_at_its_field_not_null() {
    let error = error_of(
        "huge.csv",
        &tidy_text("2020,RUS,IRN,exports,1e300,USD bn\n"),
    );
    assert!(
        matches!(
            error.kind,
            ImportErrorKind::NotANumber {
                why: numbers::NotANumber::OutOfRange,
                ..
            }
        ),
        "{error}"
    );
    assert!(
        error.to_string().starts_with(&format!("{}:2:", error.file)),
        "{error}"
    );
}

#[test]
fn months_that_add_up_past_the_largest_number_are_an_error_not_null() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut rows = String::new();
    for month in 1..=12 {
        let _ = writeln!(rows, "2020M{month:02},RUS,IRN,exports,1.7e308,USD");
    }
    let path = temp_file(&folder, "months.csv", &tidy_text(&rows));
    let error = run_import(&path, "RUS,IRN").expect_err("an overflow");
    assert!(
        matches!(error.kind, ImportErrorKind::Overflow { .. }),
        "{error}"
    );
}

#[test]
fn negative_and_absurd_values_are_read_and_named_in_a_note() {
    let report = scan_bytes_as(
        "odd.csv",
        &tidy_text(
            "2019,RUS,IRN,exports,-5e9,USD\n2020,RUS,IRN,exports,1.2e17,USD\n2021,RUS,IRN,exports,3e9,USD\n",
        ),
    )
    .expect("read");
    assert_eq!(report.rows_used, 3);
    let notes = report.warnings.join("\n");
    assert!(
        notes.contains("negative values, which no trade flow has: 1"),
        "{notes}"
    );
    assert!(notes.contains("above 1e15 USD"), "{notes}");
    assert!(notes.contains("-5e9 USD"), "{notes}");
}

#[test]
fn a_second_header_from_joined_downloads_is_passed_over_with_a_note() {
    let joined = format!(
        "{TIDY_HEADER}2019,RUS,IRN,exports,1,USD\n\u{feff}{TIDY_HEADER}2020,RUS,IRN,exports,2,USD\n"
    );
    let report = scan_bytes_as("joined.csv", joined.as_bytes()).expect("read");
    assert_eq!((report.rows_read, report.rows_used), (2, 2));
    let notes = report.warnings.join("\n");
    assert!(notes.contains("from line 3 repeat the header"), "{notes}");
}

#[test]
fn a_gz_that_inflates_to_one_endless_line_is_refused_at_the_row_limit() {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(TIDY_HEADER.as_bytes()).expect("write");
    let line = vec![b'7'; 1024 * 1024];
    for _ in 0..40 {
        encoder.write_all(&line).expect("write");
    }
    let gz = encoder.finish().expect("finish");
    assert!(gz.len() < 1024 * 1024, "small on disk: {}", gz.len());
    let error = error_of("endless.csv.gz", &gz);
    assert!(
        matches!(error.kind, ImportErrorKind::TooLarge { .. }),
        "{error}"
    );
    assert!(error.to_string().contains("32 MiB in one row"), "{error}");
}

#[test]
fn a_large_table_whose_lines_end_with_a_lone_cr_opens() {
    let csv = std::fs::read(fixture("comtrade_plus/TradeData_THA_M_8542_2014-2024.csv"))
        .expect("fixture");
    let mut lines = csv
        .split(|b| *b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l));
    let header = lines.next().expect("header");
    let rows: Vec<&[u8]> = lines.filter(|l| !l.is_empty()).collect();
    let mut text = header.to_vec();
    text.push(b'\r');
    let mut count = 0_u64;
    // Past the longest row a block may carry, as a 40 MB Comtrade download with CR line
    // ends is: cut at `\n` only, it was one row too long.
    let past = row_bound::LONGEST_ROW_BYTES + 1024 * 1024;
    while (text.len() as u64) < past {
        for row in &rows {
            text.extend_from_slice(row);
            text.push(b'\r');
            count += 1;
        }
    }
    let report = scan_bytes_as("cr.csv", &text).expect("a CR-only file opens");
    assert_eq!(report.rows_read, count);
}

#[test]
fn distinct_unknown_codes_are_kept_up_to_a_limit_and_the_rest_counted() {
    let mut rows = String::new();
    for n in 0..MAX_UNKNOWN_CODES + 500 {
        let _ = writeln!(rows, "2020,Q{n},IRN,exports,1,USD");
    }
    let report = scan_bytes_as(
        "codes.csv",
        &tidy_text(&format!("{rows}2020,RUS,IRN,exports,1,USD\n")),
    )
    .expect("read");
    assert_eq!(report.unknown_codes.len(), MAX_UNKNOWN_CODES + 1);
    let (last, rows) = report.unknown_codes.last().expect("the rest");
    assert!(last.contains("other codes"), "{last}");
    assert_eq!(*rows, 500);
}

#[test]
fn a_table_whose_codes_are_all_empty_is_an_error_not_ok_with_none_used() {
    let error = error_of(
        "empty-codes.csv",
        &tidy_text("2020,,,exports,1,USD\n2020,,,exports,2,USD\n"),
    );
    assert!(
        matches!(error.kind, ImportErrorKind::NoUsableRows { rows: 2, .. }),
        "{error}"
    );
    assert!(
        error.to_string().contains("reporter code empty (2)"),
        "{error}"
    );
}

#[test]
fn text_from_the_file_reaches_a_message_escaped_and_cut() {
    let mut bytes = b"\x1b[2J\x07name,".to_vec();
    bytes.extend(std::iter::repeat_n(b'z', 1024 * 1024));
    bytes.extend(b"\nAnn,3\n");
    let error = error_of("inject.csv", &bytes);
    let message = error.to_string();
    assert!(
        !message.contains('\u{1b}') && !message.contains('\u{7}'),
        "{message:?}"
    );
    assert!(message.contains("\\u{1b}[2J\\u{7}name"), "{message}");
    assert!(message.len() < 4096, "{} bytes", message.len());
}

#[cfg(unix)]
#[test]
fn special_files_are_refused_without_waiting() {
    let folder = tempfile::tempdir().expect("temp dir");
    let fifo = folder.path().join("pipe.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let zero = folder.path().join("zero.csv");
    std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
    for (path, said) in [(fifo, "a named pipe (FIFO)"), (zero, "a device")] {
        let (sender, answer) = std::sync::mpsc::sync_channel(1);
        let scanned = path.clone();
        std::thread::Builder::new()
            .name("hostile-special-file".into())
            .spawn(move || {
                let _ = sender.send(run_scan(&scanned).map(|_| ()));
            })
            .expect("a thread");
        let result = answer
            .recv_timeout(std::time::Duration::from_secs(20))
            .unwrap_or_else(|_| panic!("{} hung", path.display()));
        let error = result.expect_err("refused");
        assert!(error.to_string().contains(said), "{error}");
        assert!(!crate::io::is_dataset_file(&path));
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_pseudo_file_of_no_size_is_named_so_and_an_empty_file_still_empty() {
    let error = run_scan(std::path::Path::new("/proc/self/status")).expect_err("refused");
    assert!(
        error
            .to_string()
            .contains("a pseudo-file (such as /proc/…) has no size to read"),
        "{error}"
    );
    let folder = tempfile::tempdir().expect("temp dir");
    let empty = folder.path().join("empty.csv");
    std::fs::write(&empty, b"").expect("written");
    let error = run_scan(&empty).expect_err("refused");
    assert_eq!(error.kind, ImportErrorKind::Empty("0 bytes"));
}

#[test]
fn a_zip_with_two_entries_of_one_name_is_refused_not_read_in_part() {
    let one = tidy_text("2019,RUS,IRN,exports,1,USD\n");
    let two = tidy_text("2020,RUS,IRN,exports,2,USD\n");
    let mut zip = zip_of(&[("trade.csv", &one), ("tradf.csv", &two)]);
    // Rename the second entry in its local header and in the central directory.
    let renamed: Vec<usize> = zip
        .windows(9)
        .enumerate()
        .filter(|(_, w)| *w == b"tradf.csv")
        .map(|(at, _)| at)
        .collect();
    assert_eq!(renamed.len(), 2);
    for at in renamed {
        zip[at + 4] = b'e';
    }
    let error = error_of("joined.zip", &zip);
    assert!(error.to_string().contains("the same name"), "{error}");
}

#[test]
fn an_xlsx_whose_string_table_claims_absurd_counts_is_refused_before_calamine_reserves() {
    let sheet = xlsx(
        "Data",
        &[
            &["year", "reporter", "partner", "flow", "value", "unit"],
            &["2020", "RUS", "IRN", "exports", "1", "USD"],
        ],
    );
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(sheet)).expect("zip");
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("entry");
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut bytes).expect("read");
        entries.push((entry.name().expect("name").into_owned(), bytes));
    }
    entries.push((
        "xl/sharedStrings.xml".into(),
        br#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="10000000000000"><si><t>a</t></si></sst>"#.to_vec(),
    ));
    let parts: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
        .collect();
    let error = error_of("claims.xlsx", &zip_of(&parts));
    assert!(
        error
            .to_string()
            .contains("says it holds 10000000000000 strings but holds 1"),
        "{error}"
    );
}

#[test]
fn a_sheet_writing_one_cell_again_and_again_is_refused_before_keeping_them() {
    let cells = "<c r=\"A1\"><v>1</v></c>".repeat(3);
    let error = error_of(
        "again.xlsx",
        &xlsx_of_rows("Data", &format!("<row r=\"1\">{cells}</row>")),
    );
    assert!(error.to_string().contains("again and again"), "{error}");
}

#[test]
fn a_sheet_is_read_the_same_through_the_two_passes() {
    let rows: &[&[&str]] = &[
        &["", "", ""],
        &["", "year", "reporter", "partner", "flow", "value", "unit"],
        &["", "2020", "RUS", "IRN", "exports", "1.5", "USD bn"],
        &["", "2021", "IRN", "RUS", "imports", "", "USD bn"],
    ];
    let folder = tempfile::tempdir().expect("temp dir");
    let path = temp_file(&folder, "offset.xlsx", &xlsx("Data", rows));
    let report = run_scan(&path).expect("read");
    assert_eq!((report.rows_read, report.rows_used), (2, 1));
    let imported = run_import(&path, "RUS,IRN").expect("imports");
    close(
        value(&imported, "RUS", "IRN", ReportedBy::Exporter, None, 2020),
        1.5e9,
    );
}

/// An `.ods` whose one sheet is `rows` (the `table:table` element's content).
fn ods_of(rows: &str) -> Vec<u8> {
    let content = format!(
        "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet><table:table table:name=\"Data\">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"
    );
    zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
        (
            "META-INF/manifest.xml",
            b"<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/><manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>",
        ),
        ("content.xml", content.as_bytes()),
    ])
}

#[test]
fn an_ods_repeating_cells_past_the_sheet_limit_is_refused_before_calamine_expands_it() {
    let cell = "<table:table-cell table:number-columns-repeated=\"16384\" office:value-type=\"float\" office:value=\"1\"/>";
    let error = error_of(
        "repeated.ods",
        &ods_of(&format!(
            "<table:table-row table:number-rows-repeated=\"1000\">{cell}</table:table-row>"
        )),
    );
    assert!(
        error.to_string().contains("repeats its rows and cells"),
        "{error}"
    );
    // Empty cells and rows repeated to the sheet's end, as LibreOffice writes, are fine.
    let text = |t: &str| {
        format!(
            "<table:table-cell office:value-type=\"string\"><text:p>{t}</text:p></table:table-cell>"
        )
    };
    let header: String = ["year", "reporter", "partner", "flow", "value", "unit"]
        .iter()
        .map(|t| text(t))
        .collect();
    let row: String = ["2020", "RUS", "IRN", "exports", "1", "USD"]
        .iter()
        .map(|t| text(t))
        .collect();
    let padding = "<table:table-cell table:number-columns-repeated=\"16378\"/>";
    let sheet = format!(
        "<table:table-row>{header}{padding}</table:table-row><table:table-row>{row}{padding}</table:table-row><table:table-row table:number-rows-repeated=\"1048574\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
    );
    let folder = tempfile::tempdir().expect("temp dir");
    let path = temp_file(&folder, "padded.ods", &ods_of(&sheet));
    let report = run_scan(&path).expect("a LibreOffice-padded sheet reads");
    assert_eq!(report.rows_used, 1);
}

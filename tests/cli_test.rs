//! The command line as a script would use it: the real binary, its output and exit codes.

#![allow(
    clippy::expect_used,
    reason = "a failed expectation is a failed test, with its message"
)]

use std::process::Command;

#[path = "common/trade_fixture.rs"]
mod trade_fixture;
use trade_fixture::{relations_fixture, trade_fixture};

fn bilateral() -> Command {
    Command::new(env!("CARGO_BIN_EXE_bilateral"))
}

/// `git rev-parse --short=12 HEAD` of the checkout the tests run in; `None` without git or
/// outside a repository (a source tarball).
fn head_commit() -> Option<String> {
    let output = Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

#[test]
fn version_names_the_version_and_the_commit_built_from() {
    let output = bilateral().arg("--version").output().expect("runs");
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let prefix = format!("bilateral {} (", env!("CARGO_PKG_VERSION"));
    let commit = stdout
        .trim_end()
        .strip_prefix(&prefix)
        .and_then(|rest| rest.strip_suffix(')'))
        .unwrap_or_else(|| panic!("not `{prefix}…)`: {stdout:?}"));
    match head_commit() {
        Some(head) => assert_eq!(commit, format!("commit {head}")),
        // Built without git: `unknown commit`, or the commit a packager named (build.rs).
        None => assert!(
            commit == "unknown commit"
                || commit
                    .strip_prefix("commit ")
                    .is_some_and(|hash| !hash.is_empty()),
            "{commit:?}"
        ),
    }
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
fn export_writes_the_map_as_svg_with_its_labels_as_text() {
    let folder = tempfile::tempdir().expect("temp dir");
    let svg = folder.path().join("map.svg");
    let output = bilateral()
        .args(["export", "--view", "map", "--year", "2016", "--svg"])
        .arg(&svg)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = std::fs::read_to_string(&svg).expect("the SVG is written");
    assert!(text.starts_with("<svg"), "an SVG document");
    assert!(!text.contains("<image"), "vectors, not a picture");
    // The party's name as the map labels it, and the picture's title, as text.
    assert!(text.contains(">IRAN</text>"));
    assert!(text.contains(">Russia and Iran — Map, 2016</text>"));
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
    let mut reader = csv::Reader::from_path(&csv).expect("written");
    let unit = reader
        .headers()
        .expect("a header")
        .iter()
        .position(|name| name == "unit")
        .expect("a unit column");
    let units: Vec<String> = reader
        .records()
        .map(|record| record.expect("a record")[unit].to_owned())
        .collect();
    let dataset = bilateral::data::builtin::builtin_dataset().expect("built-in");
    let expected: usize = dataset.series.iter().map(|s| s.points.len()).sum();
    assert_eq!(units.len(), expected);
    assert!(units.iter().any(|u| u == "km"), "other units too");
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
    let png = folder.path().join("x.png");
    let png = png.to_str().expect("UTF-8 temp path");
    let pdf = folder.path().join("x.pdf");
    let pdf = pdf.to_str().expect("UTF-8 temp path");
    let cases: [&[&str]; 13] = [
        &["export", "--view", "trade"],
        &["export", "--pdf", pdf],
        &["export", "--story"],
        &["export", "--story", "--view", "map", "--pdf", pdf],
        &["export", "--story", "Another", "--pdf", pdf],
        &["export", "--svg", svg],
        &["export", "--view", "timeline", "--csv", svg],
        &["export", "--view", "map", "--png", png, "--size", "800"],
        &["export", "--view", "map", "--png", png, "--size", "20x20"],
        &["export", "--view", "events", "--png", png],
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
    assert!(!std::path::Path::new(png).exists());
    assert!(!std::path::Path::new(pdf).exists());
}

#[test]
fn new_writes_an_empty_dataset_for_any_pair_that_check_accepts() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("india-iran.json");
    let made = bilateral()
        .args(["new", "--pair", "IND,Iran", "-o"])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(made.status.success(), "{made:?}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("written")).expect("JSON");
    let parties = &json["metadata"]["parties"];
    assert_eq!(parties[0]["iso_alpha3"], "IND");
    assert_eq!(parties[1]["iso_numeric"], "364");
    assert_eq!(json["metadata"]["title"], "India and Iran");
    let checked = bilateral().arg("check").arg(&path).output().expect("runs");
    assert_eq!(checked.status.code(), Some(0), "{checked:?}");
    for bad in ["IND", "IND,XXQ", "IND,IND"] {
        let output = bilateral()
            .args(["new", "--pair", bad])
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(2), "{bad}: {output:?}");
    }
}

#[test]
fn check_and_convert_read_sipri_registers_and_tiv_tables_for_a_pair() {
    let register = relations_fixture("sipri/trade-register-new_excerpt.csv");
    let tiv = relations_fixture("sipri/tiv-importers_1990-2023.csv");
    let checked = bilateral()
        .arg("check")
        .arg(&register)
        .output()
        .expect("runs");
    assert_eq!(checked.status.code(), Some(0), "{checked:?}");
    let stdout = String::from_utf8_lossy(&checked.stdout);
    assert!(
        stdout.contains(": ok: SIPRI trade register (new layout)"),
        "{stdout}"
    );
    let folder = tempfile::tempdir().expect("temp dir");
    let out = folder.path().join("russia-iran.json");
    let converted = bilateral()
        .arg("convert")
        .arg(&register)
        .arg(&tiv)
        .args(["--pair", "RUS,IRN", "-o"])
        .arg(&out)
        .output()
        .expect("runs");
    assert!(converted.status.success(), "{converted:?}");
    let written = std::fs::read_to_string(&out).expect("written");
    assert!(
        written.contains("\"id\": \"arms-tiv-rus-irn\""),
        "the register's yearly TIV"
    );
    assert!(
        written.contains("\"id\": \"arms-tiv-world-irn\""),
        "the table's series, merged"
    );
    assert!(written.contains("\"unit\": \"SIPRI TIV mn\""));
    let checked = bilateral().arg("check").arg(&out).output().expect("runs");
    assert_eq!(
        checked.status.code(),
        Some(0),
        "the dataset made is valid: {checked:?}"
    );
}

/// `--story NAME` picks one of a dataset's stories: here a second story of the built-in
/// data's two trade-chart slides (pages of vectors, drawn without a GPU), written as a PDF of
/// two pages with their titles as text.
#[test]
fn export_story_by_name_writes_that_story() {
    let folder = tempfile::tempdir().expect("temp dir");
    let asset = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/russia-iran.json");
    let mut dataset: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(asset).expect("the asset")).expect("JSON");
    let stories = dataset["stories"].as_array_mut().expect("stories");
    let trade: Vec<serde_json::Value> = stories[0]["slides"]
        .as_array()
        .expect("slides")
        .iter()
        .filter(|slide| slide["view"] == "trade")
        .cloned()
        .collect();
    assert_eq!(trade.len(), 2);
    stories.push(serde_json::json!({"name": "Trade only", "slides": trade}));
    let file = folder.path().join("two-stories.json");
    std::fs::write(&file, dataset.to_string()).expect("written");
    let pdf = folder.path().join("trade.pdf");
    let output = bilateral()
        .arg("export")
        .arg(&file)
        .args(["--story", "Trade only", "--pdf"])
        .arg(&pdf)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{output:?}");
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils, scripts/install-system-deps.sh)");
    let text = String::from_utf8_lossy(&text.stdout);
    for slide in &trade {
        let title = slide["title"].as_str().expect("a title");
        assert!(text.contains(title), "{title} in {text}");
    }
    assert_eq!(text.matches('\u{c}').count(), 2, "two pages: {text}");
}

/// Pictures need a wgpu adapter (Mesa's lavapipe here, any GPU on a desktop), as the
/// snapshot tests do, so they run with them: `cargo test -- --ignored snapshot`.
mod snapshot_pictures {
    use super::bilateral;

    /// The share of the picture's pixels within a few levels of `rgb`.
    fn share_of(image: &image::RgbaImage, rgb: [u8; 3]) -> f64 {
        let near = image
            .pixels()
            .filter(|p| (0..3).all(|i| p.0[i].abs_diff(rgb[i]) <= 3))
            .count();
        f64::from(u32::try_from(near).expect("a count of pixels"))
            / (f64::from(image.width()) * f64::from(image.height()))
    }

    fn export_png(args: &[&str], dataset: Option<&std::path::Path>) -> image::RgbaImage {
        let folder = tempfile::tempdir().expect("temp dir");
        let png = folder.path().join("out.png");
        let mut command = bilateral();
        command.arg("export");
        if let Some(dataset) = dataset {
            command.arg(dataset);
        }
        let output = command
            .args(args)
            .arg("--png")
            .arg(&png)
            .output()
            .expect("runs");
        assert!(output.status.success(), "{args:?}: {output:?}");
        image::open(&png).expect("a PNG").to_rgba8()
    }

    #[test]
    #[ignore = "renders with wgpu (Mesa's lavapipe in CI): cargo test -- --ignored snapshot"]
    fn the_story_exports_as_a_pdf_and_as_numbered_pngs() {
        let folder = tempfile::tempdir().expect("temp dir");
        let pdf = folder.path().join("story.pdf");
        let pages = folder.path().join("pages");
        let output = bilateral()
            .args(["export", "--story", "--pdf"])
            .arg(&pdf)
            .arg("--png-dir")
            .arg(&pages)
            .output()
            .expect("runs");
        assert!(output.status.success(), "{output:?}");
        let pdf_bytes = std::fs::read(&pdf).expect("the PDF");
        assert!(pdf_bytes.starts_with(b"%PDF-"));
        let mut names: Vec<String> = std::fs::read_dir(&pages)
            .expect("the folder")
            .map(|entry| {
                entry
                    .expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        // The built-in story has five slides.
        assert_eq!(
            names,
            [
                "slide-1.png",
                "slide-2.png",
                "slide-3.png",
                "slide-4.png",
                "slide-5.png"
            ]
        );
        for name in &names {
            let image = image::open(pages.join(name)).expect("a PNG");
            assert_eq!((image.width(), image.height()), (2560, 1440), "{name}");
        }
    }

    #[test]
    #[ignore = "renders with wgpu (Mesa's lavapipe in CI): cargo test -- --ignored snapshot"]
    fn every_view_exports_as_png_at_twice_its_size() {
        for view in ["trade", "map", "timeline"] {
            let image = export_png(
                &["--view", view, "--size", "500x300", "--year", "2016"],
                None,
            );
            assert_eq!((image.width(), image.height()), (1000, 600), "{view}");
            let distinct: std::collections::HashSet<[u8; 4]> =
                image.pixels().map(|p| p.0).collect();
            assert!(
                distinct.len() > 50,
                "{view} drew something: {} colours",
                distinct.len()
            );
        }
    }

    #[test]
    #[ignore = "renders with wgpu (Mesa's lavapipe in CI): cargo test -- --ignored snapshot"]
    fn a_new_pair_s_map_shows_both_parties_in_their_colour() {
        let folder = tempfile::tempdir().expect("temp dir");
        let party_fill = bilateral::views::theme::map_colors(false).party.to_array();
        let party_fill = [party_fill[0], party_fill[1], party_fill[2]];
        let mut shares = Vec::new();
        for pair in ["USA,IRN", "BRA,ARG"] {
            let path = folder.path().join(format!("{pair}.json"));
            let made = bilateral()
                .args(["new", "--pair", pair, "-o"])
                .arg(&path)
                .output()
                .expect("runs");
            assert!(made.status.success(), "{made:?}");
            let image = export_png(&["--view", "map", "--size", "800x450"], Some(&path));
            shares.push(share_of(&image, party_fill));
        }
        // The USA and Iran on a world map; Brazil and Argentina filling a continent.
        assert!(shares[0] > 0.02, "{shares:?}");
        assert!(shares[1] > shares[0], "{shares:?}");
    }
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

#[test]
fn check_names_the_layout_rows_countries_and_years_of_trade_files() {
    let comtrade = trade_fixture("comtrade_plus/TradeData_THA_M_8542_2014-2024.csv");
    let wits = trade_fixture("wits/WITS-Partner_AUS_2021.xlsx");
    let output = bilateral()
        .arg("check")
        .arg(&comtrade)
        .arg(&wits)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("UN Comtrade Plus download (UTF-8/Windows-1252), 1178 rows read"),
        "{stdout}"
    );
    assert!(stdout.contains("reporters: THA ("), "{stdout}");
    assert!(
        stdout.contains("unknown codes: partner 899 (8)"),
        "{stdout}"
    );
    assert!(stdout.contains("years: 2014–2024"), "{stdout}");
    assert!(stdout.contains("WITS partner table"), "{stdout}");
    assert!(stdout.contains("years: 2021"), "{stdout}");
}

#[test]
fn check_of_bad_trade_files_says_where_and_exits_1() {
    let folder = tempfile::tempdir().expect("temp dir");
    let bad = folder.path().join("bad.csv");
    std::fs::write(
        &bad,
        "t,i,j,k,v,q\n2023,643,364,010101,1.5,NA\n2023,643,364,010102,x1,NA\n",
    )
    .expect("write");
    let unknown = folder.path().join("unknown.csv");
    std::fs::write(&unknown, "name,age\nAnn,3\n").expect("write");
    let output = bilateral()
        .arg("check")
        .arg(&bad)
        .arg(&unknown)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("{}:3:", bad.display())),
        "{stderr}"
    );
    assert!(stderr.contains("`x1` is not a number"), "{stderr}");
    assert!(stderr.contains("unknown layout"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn convert_makes_a_new_dataset_for_the_pair_from_a_trade_file() {
    let folder = tempfile::tempdir().expect("temp dir");
    let out = folder.path().join("tha-rus.json");
    let comtrade = trade_fixture("comtrade_plus/TradeData_THA_M_8542_2014-2024.csv");
    let output = bilateral()
        .arg("convert")
        .arg(&comtrade)
        .args(["--pair", "THA,RUS", "-o"])
        .arg(&out)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out).expect("written")).expect("json");
    assert_eq!(json["metadata"]["parties"][0]["iso_alpha3"], "THA");
    let series = json["series"].as_array().expect("series");
    let imports = series
        .iter()
        .find(|s| s["id"] == "trade-rus-to-tha-reported-by-tha-product-8542")
        .expect("Thailand's imports from Russia");
    let points = imports["points"].as_array().expect("points");
    let year_2022 = points.iter().find(|p| p["year"] == 2022).expect("2022");
    let value = year_2022["value"].as_f64().expect("value");
    assert!((value - 49_909.144e-9).abs() < 1e-15, "{value}");
    let checked = bilateral().arg("check").arg(&out).output().expect("runs");
    assert_eq!(checked.status.code(), Some(0), "{checked:?}");
    let many = bilateral()
        .arg("convert")
        .arg(&comtrade)
        .output()
        .expect("runs");
    assert_eq!(many.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&many.stderr).contains("--pair"));
}

#[test]
fn convert_and_export_merge_trade_files_after_a_dataset() {
    let folder = tempfile::tempdir().expect("temp dir");
    let dataset = folder.path().join("russia-iran.json");
    let made = bilateral()
        .args(["convert", "-o"])
        .arg(&dataset)
        .output()
        .expect("runs");
    assert!(made.status.success());
    let tidy = folder.path().join("figures.csv");
    std::fs::write(
        &tidy,
        "year,reporter,partner,flow,value,unit\n2010,RUS,IRN,exports,3.36,USD bn\n2010,IRN,RUS,imports,1.15,USD bn\n",
    )
    .expect("write");
    let merged = folder.path().join("merged.json");
    let output = bilateral()
        .arg("convert")
        .arg(&dataset)
        .arg(&tidy)
        .arg("-o")
        .arg(&merged)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&merged).expect("written")).expect("json");
    let ids: Vec<&str> = json["series"]
        .as_array()
        .expect("series")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert!(
        ids.contains(&"trade-turnover"),
        "the dataset's own series stay: {ids:?}"
    );
    assert!(ids.contains(&"trade-rus-to-irn-reported-by-rus"), "{ids:?}");
    assert!(ids.contains(&"trade-rus-to-irn-reported-by-irn"), "{ids:?}");
    let csv = folder.path().join("all.csv");
    let exported = bilateral()
        .args(["export", "--view", "trade", "--all-data", "--csv"])
        .arg(&csv)
        .arg(&dataset)
        .arg(&tidy)
        .output()
        .expect("runs");
    assert!(exported.status.success(), "{exported:?}");
    let text = std::fs::read_to_string(&csv).expect("written");
    assert!(text.contains("trade-rus-to-irn-reported-by-irn"), "{text}");
    let other_pair = bilateral()
        .arg("convert")
        .arg(&dataset)
        .arg(&tidy)
        .args(["--pair", "THA,RUS"])
        .output()
        .expect("runs");
    assert_eq!(other_pair.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&other_pair.stderr).contains("is not the pair"));
}

#[test]
fn check_and_convert_read_gdelt_exports_together_as_one_import() {
    let export = relations_fixture("events/gdelt2_20180326044500_excerpt.export.CSV");
    let checked = bilateral()
        .arg("check")
        .arg(&export)
        .output()
        .expect("runs");
    assert_eq!(checked.status.code(), Some(0), "{checked:?}");
    let stdout = String::from_utf8_lossy(&checked.stdout);
    assert!(stdout.contains(": ok: GDELT 2.0 event export"), "{stdout}");
    // Two exports on one command line are one import: their events are counted together.
    let folder = tempfile::tempdir().expect("temp dir");
    let (first, second) = (
        folder.path().join("20180326044500.export.CSV"),
        folder.path().join("20180326050000.export.CSV"),
    );
    std::fs::copy(&export, &first).expect("copy");
    std::fs::copy(&export, &second).expect("copy");
    let out = folder.path().join("usa-russia.json");
    let converted = bilateral()
        .arg("convert")
        .arg(&first)
        .arg(&second)
        .args([
            "--pair",
            "USA,RUS",
            "--period",
            "quarter",
            "--top-events",
            "3",
            "-o",
        ])
        .arg(&out)
        .output()
        .expect("runs");
    assert!(converted.status.success(), "{converted:?}");
    let dataset: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("written")).expect("JSON");
    let conflict = dataset["series"]
        .as_array()
        .expect("series")
        .iter()
        .find(|s| s["id"] == "gdelt-usa-rus-material-conflict")
        .expect("the series of United States → Russia material conflict");
    // Three `173` events in each copy, in the first quarter of 2018.
    assert_eq!(conflict["points"][0]["period"]["quarter"], 1);
    assert_eq!(conflict["points"][0]["value"], 6.0);
    let events = dataset["events"].as_array().expect("events");
    assert_eq!(events.len(), 3);
    assert!(events.iter().all(|e| e["machine_coded"] == true));
}

#[test]
fn check_and_convert_read_parquet_as_polars_and_duckdb_write_it() {
    let parquet = |name: &str| {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/parquet")
            .join(name)
    };
    let checked = bilateral()
        .arg("check")
        .arg(parquet("tidy_trade_tha_8542.polars.parquet"))
        .output()
        .expect("runs");
    assert_eq!(checked.status.code(), Some(0), "{checked:?}");
    let stdout = String::from_utf8_lossy(&checked.stdout);
    assert!(
        stdout.contains(": ok: tidy trade table (Parquet), 1178 rows read"),
        "{stdout}"
    );
    let bad = bilateral()
        .arg("check")
        .arg(parquet("hand_made_tidy_bad_value.polars.parquet"))
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(1), "{bad:?}");
    assert!(String::from_utf8_lossy(&bad.stderr).contains(": row 3 (row group 2): `value`"));
    let folder = tempfile::tempdir().expect("temp dir");
    let out = folder.path().join("usa-russia.json");
    let converted = bilateral()
        .arg("convert")
        .arg(parquet("gdelt2_20180326044500_excerpt.duckdb.parquet"))
        .args(["--pair", "USA,RUS", "-o"])
        .arg(&out)
        .output()
        .expect("runs");
    assert!(converted.status.success(), "{converted:?}");
    let dataset: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("written")).expect("JSON");
    let conflict = dataset["series"]
        .as_array()
        .expect("series")
        .iter()
        .find(|s| s["id"] == "gdelt-usa-rus-material-conflict")
        .expect("the series of United States → Russia material conflict");
    // The export's three `173` events of March 2018, as its own test finds them.
    assert_eq!(conflict["points"][0]["value"], 3.0);
}

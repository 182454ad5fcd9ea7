//! The GeoJSON conformance suites (geojsonhint, geojson-schema) in tests/fixtures, and
//! damaged variants of their files: each must load or be refused as the suite says,
//! never panic, and a loaded layer must keep the promises of its types.

use std::path::Path;

use serde_json::Value;

use super::{GeoLayer, GeoShape, READER_REFUSED, parse_geojson_layer};

/// Messages of geojsonhint's `bad/*.result` files that are recommendations, not
/// errors: a bad file whose `.result` lists only these (or nothing) must load.
const ACCEPTED_WARNINGS: [(&str, &str); 4] = [
    (
        "should follow the right-hand rule",
        "winding order is a SHOULD in RFC 7946 §3.1.6; drawing and filling do not depend on it",
    ),
    (
        "position should not have more than 3 elements",
        "geojsonhint gives it at level `message`; numbers after longitude and latitude are dropped",
    ),
    (
        "should avoid nested geometry collections",
        "a SHOULD in RFC 7946 §3.1.8; nested collections are flattened like any other",
    ),
    (
        "with a single geometry should be avoided",
        "a SHOULD in RFC 7946 §3.1.8; a one-member collection is still a valid geometry",
    ),
];
// A `.result` that is empty (excessive_precision_truncated: excess precision is only
// trimmed by geojsonhint, never an error) also means the file must load.

/// Files of the suites whose verdict Bilateral deliberately does not share, each with why.
const DIFFERENT_VERDICTS: [(&str, &str); 1] = [(
    "geojsonhint/good/issue82.geojson",
    "geojsonhint accepts longitudes to -259 and latitudes to -141; RFC 7946 §4 positions are WGS 84 degrees, so Bilateral refuses them with their place (issue 10)",
)];

/// The suites, copied into the repository with their licences (tests/fixtures/geojson).
fn fixtures_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/geojson")
}

/// Every file under `dir` whose name ends with `extension`, sorted.
fn files_under(dir: &Path, extension: &str) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == extension) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

enum Outcome {
    Loaded,
    Refused(String),
    Panicked,
}

fn outcome(bytes: &[u8], name: &str) -> Outcome {
    match std::panic::catch_unwind(|| parse_geojson_layer(bytes, name)) {
        Ok(Ok(_)) => Outcome::Loaded,
        Ok(Err(errors)) => Outcome::Refused(errors.to_string()),
        Err(_) => Outcome::Panicked,
    }
}

/// Whether every message of a geojsonhint `.result` file is an accepted warning.
fn only_accepted_warnings(result_file: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(result_file) else {
        return false;
    };
    let Ok(Value::Array(messages)) = serde_json::from_str::<Value>(&text) else {
        return false;
    };
    messages.iter().all(|entry| {
        let message = entry.get("message").and_then(Value::as_str).unwrap_or("");
        ACCEPTED_WARNINGS
            .iter()
            .any(|(warning, _)| message.contains(warning))
    })
}

#[test]
fn conformance_suites() {
    let dir = fixtures_dir();
    for (relative, _) in DIFFERENT_VERDICTS {
        assert!(
            dir.join(relative).is_file(),
            "{relative} is not in the suite"
        );
    }
    let suites = [
        ("geojsonhint/good", "geojson"),
        ("geojsonhint/bad", "geojson"),
        ("geojson-schema/valid", "json"),
        ("geojson-schema/invalid", "json"),
    ];
    let mut failures = Vec::new();
    let mut panicked = Vec::new();
    let mut tally = Vec::new();
    for (folder, extension) in suites {
        let files = files_under(&dir.join(folder), extension);
        assert!(!files.is_empty(), "no .{extension} files in {folder}");
        let (mut loaded, mut refused) = (0, 0);
        for file in &files {
            let name = file.display().to_string();
            let bytes = std::fs::read(file).unwrap_or_default();
            let suite_says_load = match folder {
                "geojsonhint/good" | "geojson-schema/valid" => true,
                "geojsonhint/bad" => only_accepted_warnings(&file.with_extension("result")),
                _ => false,
            };
            let differs = DIFFERENT_VERDICTS
                .iter()
                .any(|(relative, _)| file.ends_with(relative));
            let must_load = suite_says_load != differs;
            match outcome(&bytes, &name) {
                Outcome::Loaded => {
                    loaded += 1;
                    if !must_load {
                        failures.push(format!("{name}: loaded, but must be refused"));
                    }
                }
                Outcome::Refused(errors) => {
                    refused += 1;
                    if must_load {
                        failures.push(format!("{name}: refused, but must load: {errors}"));
                    }
                }
                Outcome::Panicked => panicked.push(name),
            }
        }
        tally.push(format!("{folder}: {loaded} loaded, {refused} refused"));
    }
    println!(
        "GeoJSON conformance: {}; {} panicked",
        tally.join("; "),
        panicked.len()
    );
    assert!(panicked.is_empty(), "parsing panicked on: {panicked:#?}");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn truncated_and_corrupted_fixtures_never_panic() {
    let dir = fixtures_dir();
    let mut files = files_under(&dir, "geojson");
    files.extend(files_under(&dir, "json"));
    let replacements = b"[]{}\",:0-e.n \\\xff\xc3";
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |bound: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        usize::try_from(seed % (bound.max(1) as u64)).unwrap_or(0)
    };
    let mut panicked = Vec::new();
    let mut broken = Vec::new();
    let mut cases = 0;
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_default();
        let name = file.display().to_string();
        let len = bytes.len();
        let mut variants: Vec<(String, Vec<u8>)> = (0..=8)
            .map(|eighth| len * eighth / 8)
            .chain([1, len.saturating_sub(1)])
            .map(|cut| (format!("cut at {cut}"), bytes[..cut.min(len)].to_vec()))
            .collect();
        for round in 0..16 {
            let mut mutated = bytes.clone();
            let flips = 1 + round % 3;
            let mut places = Vec::new();
            for _ in 0..flips {
                if mutated.is_empty() {
                    break;
                }
                let place = next(mutated.len());
                mutated[place] = replacements[next(replacements.len())];
                places.push(place);
            }
            variants.push((format!("bytes changed at {places:?}"), mutated));
        }
        for (what, variant) in variants {
            cases += 1;
            let result = std::panic::catch_unwind(|| parse_geojson_layer(&variant, &name));
            match result {
                Err(_) => panicked.push(format!("{name}: {what}")),
                Ok(Ok(layer)) => {
                    if let Some(promise) = broken_promise(&layer) {
                        broken.push(format!("{name}: {what}: {promise}"));
                    }
                }
                Ok(Err(errors)) if errors.to_string().contains(READER_REFUSED) => {
                    broken.push(format!("{name}: {what}: passed the checks but {errors}"));
                }
                Ok(Err(_)) => {}
            }
        }
    }
    println!(
        "GeoJSON robustness: {cases} damaged variants of {} files, {} panicked",
        files.len(),
        panicked.len()
    );
    assert!(
        panicked.is_empty(),
        "parsing panicked on:\n{}",
        panicked.join("\n")
    );
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

/// What a loaded layer breaks of the promises its types document (finite positions
/// within ±180° longitude and ±90° latitude, lines of 2, closed rings of 4), if anything.
fn broken_promise(layer: &GeoLayer) -> Option<String> {
    let finite = |positions: &[[f64; 2]]| {
        positions
            .iter()
            .all(|[lon, lat]| lon.abs() <= 180.0 && lat.abs() <= 90.0)
    };
    let ring_ok =
        |ring: &[[f64; 2]]| ring.len() >= 4 && ring.first() == ring.last() && finite(ring);
    layer
        .features
        .iter()
        .flat_map(|f| &f.shapes)
        .find_map(|shape| {
            let ok = match shape {
                GeoShape::Point(position) => finite(std::slice::from_ref(position)),
                GeoShape::Line(positions) => positions.len() >= 2 && finite(positions),
                GeoShape::Polygon { exterior, holes } => {
                    ring_ok(exterior) && holes.iter().all(|hole| ring_ok(hole))
                }
            };
            (!ok).then(|| format!("{shape:?}"))
        })
}

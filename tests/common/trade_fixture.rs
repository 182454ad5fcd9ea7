//! Where the tests find real downloads (trade, and SIPRI and UN votes excerpts); shared by
//! the app and command-line tests.

use std::path::{Path, PathBuf};

/// A real download in `tests/fixtures/trade/` (see its PROVENANCE.md). A missing file fails
/// the test, naming the folder.
pub fn trade_fixture(relative: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/trade")
        .join(relative);
    assert!(
        path.is_file(),
        "fixture {relative} is missing from tests/fixtures/trade/ (see PROVENANCE.md there)"
    );
    path
}

/// An excerpt of a real SIPRI or UN votes download in `tests/fixtures/relations/` (see its
/// PROVENANCE.md). A missing file fails the test, naming the folder.
pub fn relations_fixture(relative: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/relations")
        .join(relative);
    assert!(
        path.is_file(),
        "fixture {relative} is missing from tests/fixtures/relations/ (see PROVENANCE.md there)"
    );
    path
}

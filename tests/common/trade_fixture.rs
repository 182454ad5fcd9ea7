//! Where the tests find real trade downloads; shared by the app and command-line tests.

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

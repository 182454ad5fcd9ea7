//! Where the tests find real trade downloads; shared by the app and command-line tests.

use std::path::{Path, PathBuf};

/// A real download: in `tests/fixtures/trade/` when copied there, else in the shared
/// fixtures beside the repository (see tests/fixtures/trade/PROVENANCE.md). A file in
/// neither place fails the test.
pub fn trade_fixture(relative: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copied = root.join("tests/fixtures/trade").join(relative);
    if copied.exists() {
        return copied;
    }
    let shared = root.join("../shared/fixtures/trade").join(relative);
    assert!(shared.exists(), "fixture {relative} not found");
    shared
}

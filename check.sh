#!/usr/bin/env bash
# Everything a change must pass: formatting, clippy with warnings as errors on all targets, the
# docs without a warning (private items too: the module docs name their rooms), tests.
set -euo pipefail
cd "$(dirname "$0")"
# A /dev/null that is a regular file breaks Cargo's probe of rustc (scripts/ensure-dev-null.sh).
bash scripts/ensure-dev-null.sh
cargo fmt --all -- --check
cargo clippy --all-targets --all-features -- -D warnings
# The library without `gui` (the loaders only, as the fuzz targets build it) must stand alone.
cargo clippy --lib --no-default-features -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --all-features --document-private-items
cargo test

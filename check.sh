#!/usr/bin/env bash
# Everything a change must pass: formatting, clippy with warnings as errors on all targets, tests.
set -euo pipefail
cd "$(dirname "$0")"
cargo fmt --all -- --check
cargo clippy --all-targets --all-features -- -D warnings
cargo test

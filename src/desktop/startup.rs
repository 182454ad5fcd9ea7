//! How long the start takes, phase by phase, measured from the top of `main`.
//!
//! Logged at `info` under the target `bilateral::startup` (kept from before this file moved
//! to `desktop/`), so a normal run prints nothing: `RUST_LOG=bilateral::startup=info
//! bilateral` shows the phases, and
//! `scripts/bench-startup.sh` reads them to measure the cold start.

use std::sync::OnceLock;
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();

/// Starts the clock; the first call wins, later ones do nothing.
pub fn begin() {
    STARTED.get_or_init(Instant::now);
}

/// Logs that `phase` is done, with the milliseconds since [`begin`]. Does nothing when the
/// clock was never started (tests, benchmarks).
pub fn mark(phase: &str) {
    if let Some(started) = STARTED.get() {
        log::info!(
            target: "bilateral::startup",
            "{phase}: {:.1} ms",
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
}

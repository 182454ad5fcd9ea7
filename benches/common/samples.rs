//! Reading timed samples, shared by the benchmarks.

use std::time::Duration;

/// The sample at `fraction` (0.5 the median, 0.9 the 90th percentile) of samples sorted
/// from fastest to slowest.
pub fn percentile(sorted: &[Duration], fraction: f64) -> Duration {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss,
        reason = "an index into a few hundred samples"
    )]
    let index = ((sorted.len() - 1) as f64 * fraction).round() as usize;
    sorted[index]
}

/// `duration` in milliseconds, for printing.
pub fn milliseconds(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

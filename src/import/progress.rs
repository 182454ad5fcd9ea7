//! How far an import has come, for a progress bar, and the cancel check.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::error::ImportErrorKind;

/// A snapshot of an import in progress.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// Bytes of the file read so far (compressed bytes for `.gz` and `.zip`).
    pub(crate) bytes_read: u64,
    /// The file's size, when known.
    pub(crate) bytes_total: Option<u64>,
    /// Data rows read so far.
    pub(crate) rows: u64,
    /// Time since the import started.
    pub(crate) elapsed: Duration,
    /// True for the last report, sent when reading is done.
    pub(crate) done: bool,
}

impl Progress {
    /// Rows read per second so far.
    #[expect(clippy::cast_precision_loss, reason = "a rate shown to three digits")]
    pub(crate) fn rows_per_second(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64();
        if seconds > 0.0 {
            self.rows as f64 / seconds
        } else {
            0.0
        }
    }

    /// The share of the file read, 0 to 1, when the size is known.
    #[expect(
        clippy::cast_precision_loss,
        reason = "a share shown as a progress bar"
    )]
    pub(crate) fn fraction(&self) -> Option<f64> {
        self.bytes_total
            .filter(|total| *total > 0)
            .map(|total| (self.bytes_read as f64 / total as f64).clamp(0.0, 1.0))
    }

    /// The time left at the rate so far, when the size is known.
    pub(crate) fn time_left(&self) -> Option<Duration> {
        let fraction = self.fraction()?;
        if fraction <= 0.0 {
            return None;
        }
        let total = self.elapsed.as_secs_f64() / fraction;
        Some(Duration::from_secs_f64(
            (total - self.elapsed.as_secs_f64()).max(0.0),
        ))
    }
}

/// Rows between two looks at the cancel flag and the clock.
const ROWS_PER_CHECK: u64 = 8192;
/// The least time between two progress reports.
const REPORT_EVERY: Duration = Duration::from_millis(100);

/// Counts rows, reports progress now and then, and stops when cancelled.
pub(crate) struct Ticker<'a> {
    report: &'a mut dyn FnMut(&Progress),
    cancel: &'a AtomicBool,
    bytes: Arc<AtomicU64>,
    bytes_total: Option<u64>,
    rows: u64,
    start: Instant,
    last_report: Instant,
}

impl<'a> Ticker<'a> {
    /// A ticker for one file.
    pub(crate) fn new(
        report: &'a mut dyn FnMut(&Progress),
        cancel: &'a AtomicBool,
        bytes_total: Option<u64>,
    ) -> Self {
        let now = Instant::now();
        Self {
            report,
            cancel,
            bytes: Arc::new(AtomicU64::new(0)),
            bytes_total,
            rows: 0,
            start: now,
            last_report: now,
        }
    }

    /// The counter that readers of the file add their bytes to.
    pub(crate) fn byte_counter(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.bytes)
    }

    /// Counts one row; now and then checks the cancel flag and reports progress.
    #[inline]
    pub(crate) fn row(&mut self) -> Result<(), ImportErrorKind> {
        self.rows += 1;
        if self.rows.is_multiple_of(ROWS_PER_CHECK) {
            self.check()?;
        }
        Ok(())
    }

    /// Checks the cancel flag and reports progress if it is time to.
    pub(crate) fn check(&mut self) -> Result<(), ImportErrorKind> {
        if self.cancel.load(Ordering::Relaxed) {
            return Err(ImportErrorKind::Cancelled);
        }
        let now = Instant::now();
        if now.duration_since(self.last_report) >= REPORT_EVERY {
            self.last_report = now;
            let snapshot = self.snapshot(false);
            (self.report)(&snapshot);
        }
        Ok(())
    }

    /// Adds rows counted elsewhere (by worker threads).
    pub(crate) fn add_rows(&mut self, rows: u64) {
        self.rows += rows;
    }

    /// The flag that cancels this import, for worker threads to watch.
    pub(crate) fn cancel_flag(&self) -> &'a AtomicBool {
        self.cancel
    }

    /// Data rows counted so far.
    pub(crate) fn rows(&self) -> u64 {
        self.rows
    }

    /// Sends the final report.
    pub(crate) fn finish(&mut self) {
        let last = self.snapshot(true);
        (self.report)(&last);
    }

    fn snapshot(&self, done: bool) -> Progress {
        Progress {
            bytes_read: self.bytes.load(Ordering::Relaxed),
            bytes_total: self.bytes_total,
            rows: self.rows,
            elapsed: self.start.elapsed(),
            done,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_gives_rate_share_and_time_left() {
        let progress = Progress {
            bytes_read: 25,
            bytes_total: Some(100),
            rows: 1000,
            elapsed: Duration::from_secs(2),
            done: false,
        };
        assert!((progress.rows_per_second() - 500.0).abs() < 1e-9);
        assert_eq!(progress.fraction(), Some(0.25));
        assert_eq!(progress.time_left(), Some(Duration::from_secs(6)));
    }

    #[test]
    fn a_set_cancel_flag_stops_at_the_next_check() {
        let cancel = AtomicBool::new(false);
        let mut reports = 0;
        let mut report = |_: &Progress| reports += 1;
        let mut ticker = Ticker::new(&mut report, &cancel, None);
        for _ in 0..ROWS_PER_CHECK {
            ticker.row().expect("not cancelled");
        }
        cancel.store(true, Ordering::Relaxed);
        let stopped = (0..ROWS_PER_CHECK).try_for_each(|_| ticker.row());
        assert_eq!(stopped, Err(ImportErrorKind::Cancelled));
        ticker.finish();
        assert!(reports >= 1);
    }
}

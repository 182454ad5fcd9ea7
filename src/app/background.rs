//! Work that runs on a named thread while the window keeps drawing and answering: a trade
//! file's scan or import, a watched file read again. The window looks for the answer each
//! frame; the work's progress is shared through a mutex and wakes the window; Cancel sets a
//! flag the work checks, and the window stops waiting at once.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};

use eframe::egui;

use crate::import::Progress;

/// What a job's answer looks like this frame.
pub(super) enum Answer<T> {
    /// Still working.
    Running,
    /// Finished with this result.
    Done(T),
    /// The thread ended without an answer (it panicked).
    Lost,
}

/// Work on a thread of its own, with its progress and its cancel flag.
pub(super) struct Job<T> {
    cancel: Arc<AtomicBool>,
    progress: Arc<Mutex<Option<Progress>>>,
    answer: mpsc::Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a thread named `name`. The work is handed a progress callback
    /// (which repaints the window) and the cancel flag.
    pub(super) fn start(
        name: &str,
        ctx: &egui::Context,
        work: impl FnOnce(&mut dyn FnMut(&Progress), &AtomicBool) -> T + Send + 'static,
    ) -> std::io::Result<Self> {
        let cancel = Arc::new(AtomicBool::new(false));
        let progress: Arc<Mutex<Option<Progress>>> = Arc::new(Mutex::new(None));
        // One answer, one slot.
        let (sender, answer) = mpsc::sync_channel(1);
        let (thread_cancel, thread_progress, repaint) =
            (Arc::clone(&cancel), Arc::clone(&progress), ctx.clone());
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let mut report = |now: &Progress| {
                    if let Ok(mut shared) = thread_progress.lock() {
                        *shared = Some(*now);
                    }
                    repaint.request_repaint();
                };
                let result = work(&mut report, &thread_cancel);
                // The receiver is gone when the window stopped waiting (Cancel, closed).
                let _ = sender.send(result);
                repaint.request_repaint();
            })?;
        Ok(Self {
            cancel,
            progress,
            answer,
        })
    }

    /// The last progress the work reported.
    pub(super) fn progress(&self) -> Option<Progress> {
        self.progress.lock().ok().and_then(|shared| *shared)
    }

    /// Asks the work to stop at its next check; its answer, if any, is not waited for.
    pub(super) fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// The answer, once there is one.
    pub(super) fn poll(&self) -> Answer<T> {
        match self.answer.try_recv() {
            Ok(result) => Answer::Done(result),
            Err(mpsc::TryRecvError::Empty) => Answer::Running,
            Err(mpsc::TryRecvError::Disconnected) => Answer::Lost,
        }
    }
}

impl<T> Drop for Job<T> {
    /// A job nobody waits for any more stops at its next check.
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn wait_for<T: Send + 'static>(job: &Job<T>) -> Answer<T> {
        let start = Instant::now();
        loop {
            match job.poll() {
                Answer::Running if start.elapsed() < Duration::from_secs(10) => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                other => return other,
            }
        }
    }

    #[test]
    fn a_job_hands_back_its_result_and_last_progress() {
        let ctx = egui::Context::default();
        let job = Job::start("test job", &ctx, |progress, _| {
            progress(&Progress {
                bytes_read: 5,
                bytes_total: Some(10),
                rows: 3,
                elapsed: Duration::ZERO,
                done: false,
            });
            42
        })
        .expect("a thread");
        assert!(matches!(wait_for(&job), Answer::Done(42)));
        assert_eq!(job.progress().map(|p| p.rows), Some(3));
    }

    #[test]
    fn cancel_reaches_the_work() {
        let ctx = egui::Context::default();
        let job = Job::start("test job", &ctx, |_, cancel| {
            let start = Instant::now();
            while !cancel.load(Ordering::Relaxed) && start.elapsed() < Duration::from_secs(10) {
                std::thread::sleep(Duration::from_millis(1));
            }
            cancel.load(Ordering::Relaxed)
        })
        .expect("a thread");
        assert!(matches!(job.poll(), Answer::Running));
        job.cancel();
        assert!(matches!(wait_for(&job), Answer::Done(true)));
    }
}

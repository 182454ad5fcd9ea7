//! File ▸ Export story as PDF or PNG pages on a background job: the slides' pictures are
//! drawn on a thread of their own while the window keeps drawing, with the pages done so far,
//! Cancel, and a message saying what was written or why it was not.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use eframe::egui::{self, RichText};

use super::background::{Answer, Job};
use super::{BilateralApp, Message};
use crate::app::command::ExportKind;
use crate::app::story;
use crate::chart::ChartOptions;
use crate::data::{Dataset, SlideView};
use crate::export::{deck, view_png};
use crate::views::cache::ViewCaches;

/// A story export under way.
pub(super) struct StoryExport {
    /// The work, answering with the message to show.
    job: Job<Result<String, String>>,
    /// Slide pictures drawn so far.
    drawn: Arc<AtomicUsize>,
    /// Slide pictures to draw (the trade chart's pages are vectors, drawn at once).
    to_draw: usize,
    /// Where it is written.
    path: PathBuf,
}

impl BilateralApp {
    /// Starts writing the story chosen as `kind` (PDF or PNG pages) to `path` on a thread.
    pub(super) fn start_story_export(
        &mut self,
        ctx: &egui::Context,
        kind: ExportKind,
        path: &Path,
    ) {
        if self.story_export.is_some() {
            self.message = Some(Message::Notice(
                "A story export is still running; wait for it or cancel it.".to_owned(),
            ));
            return;
        }
        let dataset = self.document.shared_dataset();
        let slides = story::slides(&dataset, self.story).into_owned();
        let to_draw = slides
            .iter()
            .filter(|slide| slide.view != SlideView::Trade)
            .count();
        let layers = self.document.layers().to_vec();
        let (cursor, states) = (self.cursor.clone(), self.views.clone());
        let drawn = Arc::new(AtomicUsize::new(0));
        let (counter, repaint, target) = (Arc::clone(&drawn), ctx.clone(), path.to_owned());
        let work = move |_: &mut dyn FnMut(&crate::import::Progress), cancel: &AtomicBool| {
            let mut caches = ViewCaches::default();
            caches.refresh(&dataset, 0, &ChartOptions::default());
            let source = deck::StorySource {
                dataset: &dataset,
                layers: &layers,
                caches: &caches,
                cursor: &cursor,
                states: &states,
            };
            let mut render = |picture: &view_png::ViewPicture<'_>| {
                if cancel.load(Ordering::Relaxed) {
                    return Err("cancelled".to_owned());
                }
                let drawn = crate::export::view_svg::render_slide_picture(picture);
                counter.fetch_add(1, Ordering::Relaxed);
                repaint.request_repaint();
                drawn
            };
            let pages = deck::story_pages(&source, &slides, &mut render)?;
            if cancel.load(Ordering::Relaxed) {
                return Err("cancelled".to_owned());
            }
            write_pages(&dataset, kind, &target, &pages)
        };
        match Job::start("export story", ctx, work) {
            Ok(job) => {
                self.story_export = Some(StoryExport {
                    job,
                    drawn,
                    to_draw,
                    path: path.to_owned(),
                });
            }
            Err(error) => {
                self.message = Some(Message::Notice(format!(
                    "Could not start the export: {error}"
                )));
            }
        }
    }

    /// Shows the export's message once it is done (the document is not changed).
    pub(super) fn poll_story_export(&mut self) {
        let Some(export) = &self.story_export else {
            return;
        };
        let text = match export.job.poll() {
            Answer::Running => return,
            Answer::Done(Ok(text)) => text,
            Answer::Done(Err(error)) => format!("Export failed: {error}"),
            Answer::Lost => "Export failed: the export stopped unexpectedly".to_owned(),
        };
        self.story_export = None;
        self.message = Some(Message::Notice(text));
    }

    /// The export's progress and its Cancel button, while it runs.
    pub(super) fn story_export_window(&mut self, ctx: &egui::Context) {
        let Some(export) = &self.story_export else {
            return;
        };
        let drawn = export.drawn.load(Ordering::Relaxed).min(export.to_draw);
        let mut cancel = false;
        egui::Window::new("Exporting the story")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.label(format!("To {}", export.path.display()));
                #[expect(clippy::cast_precision_loss, reason = "a few hundred slides at most")]
                let done = if export.to_draw == 0 {
                    1.0
                } else {
                    drawn as f32 / export.to_draw as f32
                };
                ui.add(egui::ProgressBar::new(done).text(format!(
                    "{drawn} of {} slide pictures drawn",
                    export.to_draw
                )));
                ui.label(RichText::new("The window keeps working meanwhile.").weak());
                cancel = ui.button("Cancel").clicked();
            });
        if cancel {
            export.job.cancel();
            self.story_export = None;
            self.message = Some(Message::Notice(
                "Export cancelled; nothing was written.".to_owned(),
            ));
        }
    }
}

/// Writes `pages` as a PDF, or as numbered PNGs into the folder `path`; the message to show.
fn write_pages(
    dataset: &Dataset,
    kind: ExportKind,
    path: &Path,
    pages: &[String],
) -> Result<String, String> {
    if kind == ExportKind::StoryPngs {
        std::fs::create_dir_all(path)
            .map_err(|error| format!("could not make {}: {error}", path.display()))?;
        for (index, page) in pages.iter().enumerate() {
            let file = path.join(deck::png_page_name(index + 1, pages.len()));
            let bytes = deck::png_of_page(page)?;
            crate::io::write_atomically(&file, &bytes)
                .map_err(|error| format!("could not write {}: {error}", file.display()))?;
        }
        return Ok(format!(
            "Exported {} PNG pages to {}",
            pages.len(),
            path.display()
        ));
    }
    let bytes = deck::pdf_of_pages(&dataset.metadata.title, pages)?;
    crate::io::write_atomically(path, &bytes)
        .map_err(|error| format!("could not write {}: {error}", path.display()))?;
    Ok(format!(
        "Exported {} to {}",
        kind.file_type(),
        path.display()
    ))
}

//! File ▸ Export: the current view as PNG, the chart as SVG, its data and all data as CSV,
//! the story as a PDF and as PNG pages.

use std::path::Path;

use eframe::egui;

use super::{BilateralApp, Message};
use crate::app::command::ExportKind;
use crate::app::story;
use crate::export::{self, deck};

impl BilateralApp {
    /// Writes an export of what is on screen to `path`.
    pub(super) fn export(&mut self, ctx: &egui::Context, kind: ExportKind, path: &Path) {
        self.refresh_caches();
        let chart = self.caches.chart();
        let bytes: Result<Vec<u8>, String> = match kind {
            ExportKind::ViewPng => self.render_view_png(ctx.theme() == egui::Theme::Dark),
            ExportKind::ChartSvg => Ok(export::trade_chart_svg(
                self.document.dataset(),
                chart,
                &export::SvgOptions::default(),
            )
            .into_bytes()),
            ExportKind::ChartCsv => {
                Ok(export::chart_csv(self.document.dataset(), chart).into_bytes())
            }
            ExportKind::DataCsv => Ok(export::dataset_csv(self.document.dataset()).into_bytes()),
            ExportKind::StoryPdf => self.story_pages().and_then(|pages| {
                deck::pdf_of_pages(&self.document.dataset().metadata.title, &pages)
            }),
            ExportKind::StoryPngs => {
                self.message = Some(Message::Notice(match self.write_story_pngs(path) {
                    Ok(count) => format!("Exported {count} PNG pages to {}", path.display()),
                    Err(error) => format!("Export failed: {error}"),
                }));
                return;
            }
        };
        let written = bytes.and_then(|bytes| {
            crate::io::write_atomically(path, &bytes)
                .map_err(|error| format!("could not write {}: {error}", path.display()))
        });
        self.message = Some(Message::Notice(match written {
            Ok(()) => format!("Exported {} to {}", kind.file_type(), path.display()),
            Err(error) => format!("Export failed: {error}"),
        }));
    }

    /// Puts the current view on the clipboard as a picture, as File ▸ Export draws it (the
    /// window's theme, twice its pixels, with title and sources). egui hands it to the
    /// system clipboard through arboard, as an image only: arboard offers no SVG format.
    pub(super) fn copy_view_image(&mut self, ctx: &egui::Context) {
        self.refresh_caches();
        let picture = export::view_png::ViewPicture {
            dataset: self.document.dataset(),
            layers: self.document.layers(),
            caches: &self.caches,
            view: self.view,
            cursor: &self.cursor,
            states: &self.views,
            size_points: self.view_size,
            dark: ctx.theme() == egui::Theme::Dark,
        };
        self.message = Some(Message::Notice(
            match export::view_png::render_view_image(&picture) {
                Ok(image) => {
                    let size = [image.width() as usize, image.height() as usize];
                    ctx.copy_image(egui::ColorImage::from_rgba_unmultiplied(
                        size,
                        image.as_raw(),
                    ));
                    format!(
                        "Copied the {} view to the clipboard as a picture ({} × {} pixels)",
                        self.view.label(),
                        size[0],
                        size[1]
                    )
                }
                Err(error) => format!("Could not copy the view: {error}"),
            },
        ));
    }

    /// The pages of the story, drawn from the views as they are now.
    fn story_pages(&self) -> Result<Vec<String>, String> {
        let dataset = self.document.dataset();
        let source = deck::StorySource {
            dataset,
            layers: self.document.layers(),
            caches: &self.caches,
            cursor: &self.cursor,
            states: &self.views,
        };
        deck::story_pages(
            &source,
            &story::slides(dataset, self.story),
            &mut export::view_png::render_view_png,
        )
    }

    /// Writes the story's pages as `slide-1.png`, … into `folder`; returns how many.
    fn write_story_pngs(&self, folder: &Path) -> Result<usize, String> {
        let pages = self.story_pages()?;
        std::fs::create_dir_all(folder)
            .map_err(|error| format!("could not make {}: {error}", folder.display()))?;
        for (index, page) in pages.iter().enumerate() {
            let path = folder.join(deck::png_page_name(index + 1, pages.len()));
            let bytes = deck::png_of_page(page)?;
            crate::io::write_atomically(&path, &bytes)
                .map_err(|error| format!("could not write {}: {error}", path.display()))?;
        }
        Ok(pages.len())
    }

    /// The current view drawn again off screen at twice its pixels, in the window's
    /// theme, with a title and the sources of what it shows, and without controls.
    fn render_view_png(&self, dark: bool) -> Result<Vec<u8>, String> {
        export::view_png::render_view_png(&export::view_png::ViewPicture {
            dataset: self.document.dataset(),
            layers: self.document.layers(),
            caches: &self.caches,
            view: self.view,
            cursor: &self.cursor,
            states: &self.views,
            size_points: self.view_size,
            dark,
        })
    }
}

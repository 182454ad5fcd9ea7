//! File ▸ Export: the current view as PNG and as SVG, the chart as SVG, its data and all
//! data as CSV; the story as a PDF and as PNG pages is written on a background job
//! (`story_export.rs`).

use std::path::Path;

use eframe::egui;

use super::{BilateralApp, Message};
use crate::app::command::ExportKind;
use crate::export;

impl BilateralApp {
    /// Writes an export of what is on screen to `path`.
    pub(super) fn export(&mut self, ctx: &egui::Context, kind: ExportKind, path: &Path) {
        self.refresh_caches();
        let chart = self.caches.chart();
        let bytes: Result<Vec<u8>, String> = match kind {
            ExportKind::ViewPng => self.render_view_png(ctx.theme() == egui::Theme::Dark),
            ExportKind::ViewSvg => self.render_view_svg(ctx.theme() == egui::Theme::Dark),
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
            ExportKind::StoryPdf | ExportKind::StoryPngs => {
                self.start_story_export(ctx, kind, path);
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
        let picture = self.view_picture(ctx.theme() == egui::Theme::Dark);
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

    /// Puts the current view on the clipboard as an SVG file, as File ▸ Export ▸ Current
    /// view as SVG writes it: written to the cache folder (`clipboard/`), then the file
    /// itself is put on the clipboard, as a file manager copies one. Clipboards have no SVG
    /// format that slide programs agree on, but they take a pasted SVG file as a drawing.
    pub(super) fn copy_view_svg(&mut self, ctx: &egui::Context) {
        self.refresh_caches();
        let copied = self
            .render_view_svg(ctx.theme() == egui::Theme::Dark)
            .and_then(|svg| {
                let folder = crate::settings::project_dirs()
                    .map(|dirs| dirs.cache_dir().join("clipboard"))
                    .ok_or_else(|| "this system names no cache folder".to_owned())?;
                let path = folder.join(format!("Bilateral {}.svg", self.view.label()));
                crate::io::write_atomically(&path, &svg)
                    .map_err(|error| format!("could not write {}: {error}", path.display()))?;
                let clipboard = match self.file_clipboard.as_mut() {
                    Some(clipboard) => clipboard,
                    None => self
                        .file_clipboard
                        .insert(arboard::Clipboard::new().map_err(|error| error.to_string())?),
                };
                clipboard
                    .set()
                    .file_list(&[&path])
                    .map_err(|error| error.to_string())?;
                Ok(path)
            });
        self.message = Some(Message::Notice(match copied {
            Ok(path) => format!(
                "Copied the {} view to the clipboard as an SVG file ({}): paste it into a slide",
                self.view.label(),
                path.display()
            ),
            Err(error) => format!("Could not copy the view as SVG: {error}"),
        }));
    }

    /// The current view drawn again off screen at twice its pixels, in the window's
    /// theme, with a title and the sources of what it shows, and without controls.
    fn render_view_png(&self, dark: bool) -> Result<Vec<u8>, String> {
        export::view_png::render_view_png(&self.view_picture(dark))
    }

    /// The current view as vectors: the trade chart drawn from its data, any other view's
    /// own shapes as File ▸ Export frames them, in the window's theme.
    fn render_view_svg(&self, dark: bool) -> Result<Vec<u8>, String> {
        let svg = if self.view == crate::views::ViewKind::Trade {
            export::trade_chart_svg(
                self.document.dataset(),
                self.caches.chart(),
                &export::SvgOptions::default(),
            )
        } else {
            export::view_svg::render_view_svg(&self.view_picture(dark))
                .map_err(|unwritable| format!("{unwritable}; export the view as PNG instead"))?
        };
        Ok(svg.into_bytes())
    }

    /// What File ▸ Export draws of the current view.
    fn view_picture(&self, dark: bool) -> export::view_png::ViewPicture<'_> {
        export::view_png::ViewPicture {
            dataset: self.document.dataset(),
            layers: self.document.layers(),
            caches: &self.caches,
            view: self.view,
            cursor: &self.cursor,
            states: &self.views,
            size_points: self.view_size,
            dark,
        }
    }
}

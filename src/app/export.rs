//! File ▸ Export: the current view as PNG, the chart as SVG, its data and all data as CSV.

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

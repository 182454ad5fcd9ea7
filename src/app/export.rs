//! File ▸ Export: the current view as PNG, the chart as SVG, its data and all data as CSV.

use std::path::Path;

use eframe::egui;

use super::{BilateralApp, Message};
use crate::command::ExportKind;
use crate::export;
use crate::format::source_citation;
use crate::views::{self, Chrome, ViewContext, ViewKind};

impl BilateralApp {
    /// Writes an export of what is on screen to `path`.
    pub(super) fn export(&mut self, ctx: &egui::Context, kind: ExportKind, path: &Path) {
        self.refresh_caches();
        let chart = self.caches.chart();
        let bytes: Result<Vec<u8>, String> = match kind {
            ExportKind::ViewPng => self.render_view_png(ctx.theme() == egui::Theme::Dark),
            ExportKind::ChartSvg => {
                Ok(
                    export::trade_chart_svg(&self.dataset, chart, &export::SvgOptions::default())
                        .into_bytes(),
                )
            }
            ExportKind::ChartCsv => Ok(export::chart_csv(&self.dataset, chart).into_bytes()),
            ExportKind::DataCsv => Ok(export::dataset_csv(&self.dataset).into_bytes()),
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
        let title = format!(
            "{} — {}, {}",
            self.dataset.metadata.title,
            self.view.label(),
            self.cursor.year
        );
        let citations: Vec<String> = match self.view {
            ViewKind::Trade => self
                .caches
                .chart()
                .source_ids()
                .into_iter()
                .map(|id| source_citation(&self.dataset, id))
                .collect(),
            _ => self
                .dataset
                .sources
                .iter()
                .map(crate::data::Source::citation)
                .collect(),
        };
        let frame = export::png::PngFrame {
            title,
            source_line: format!("Sources: {}. Made with Bilateral.", citations.join("; ")),
            dark,
        };
        let cx = ViewContext {
            dataset: &self.dataset,
            layers: &self.layers,
            cursor: &self.cursor,
            chrome: Chrome::Export,
            caches: &self.caches,
        };
        let mut states = self.views.clone();
        export::png::render_png(self.view_size, &frame, |ui| {
            // An exported picture answers no input: what the view asks for is dropped.
            let mut ignored = Vec::new();
            views::view_ui(ui, self.view, &cx, &mut states, &mut ignored);
        })
    }
}

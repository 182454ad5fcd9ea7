//! What File › Export writes, with the words and file types the menus and dialogs use.

/// What File › Export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The current view as a PNG image at twice its pixels, with title and sources.
    ViewPng,
    /// The current view as an SVG drawing: vectors, its text as text.
    ViewSvg,
    /// The trade chart as SVG, drawn from its data.
    ChartSvg,
    /// The values the trade chart shows, as CSV with sources.
    ChartCsv,
    /// Every point of every series, as CSV with sources.
    DataCsv,
    /// The story as a PDF, one page per slide, its text searchable.
    StoryPdf,
    /// The story's pages as numbered PNG pictures in a folder.
    StoryPngs,
}

impl ExportKind {
    /// Every kind, in menu order.
    pub const ALL: [Self; 7] = [
        Self::ViewPng,
        Self::ViewSvg,
        Self::ChartSvg,
        Self::ChartCsv,
        Self::DataCsv,
        Self::StoryPdf,
        Self::StoryPngs,
    ];

    /// Menu label.
    pub fn label(self) -> &'static str {
        match self {
            Self::ViewPng => "Current view as PNG (2×)…",
            Self::ViewSvg => "Current view as SVG…",
            Self::ChartSvg => "Trade chart as SVG…",
            Self::ChartCsv => "Trade chart data as CSV (as shown)…",
            Self::DataCsv => "All series as CSV…",
            Self::StoryPdf => "Story as PDF…",
            Self::StoryPngs => "Story as PNG pages…",
        }
    }

    /// File name extension.
    pub(crate) fn extension(self) -> &'static str {
        match self {
            Self::ViewPng | Self::StoryPngs => "png",
            Self::ViewSvg | Self::ChartSvg => "svg",
            Self::StoryPdf => "pdf",
            Self::ChartCsv | Self::DataCsv => "csv",
        }
    }

    /// Name of the file type, for the save dialog.
    pub(crate) fn file_type(self) -> &'static str {
        match self {
            Self::ViewPng => "PNG image",
            Self::ViewSvg | Self::ChartSvg => "SVG drawing",
            Self::StoryPdf => "PDF document",
            Self::StoryPngs => "PNG pages",
            Self::ChartCsv | Self::DataCsv => "CSV table",
        }
    }
}

//! `bilateral export --story`: the dataset's story as a PDF (one page per slide) and as
//! numbered PNG pages, drawn as File ▸ Export story draws them.

use std::io::Write;
use std::path::Path;

use super::ExportArgs;
use crate::chart::ChartOptions;
use crate::data::Dataset;
use crate::export::deck::{StorySource, pdf_of_pages, png_of_page, png_page_name, story_pages};
use crate::export::view_svg::render_slide_picture;
use crate::io::write_atomically;
use crate::views::cache::ViewCaches;
use crate::views::{TimeCursor, ViewStates};

/// Writes a story of `dataset` (the one named by `--story NAME`, else the first) to `--pdf`
/// and/or as PNGs into `--png-dir`; returns the exit code: 0 written, 1 drawing or writing
/// failed, 2 the dataset has no story by the name (the names it has are listed).
pub(crate) fn export_story(dataset: &Dataset, args: &ExportArgs, err: &mut dyn Write) -> u8 {
    let (pdf, png_dir) = (args.pdf.as_deref(), args.png_dir.as_deref());
    let mut chosen = 0;
    if let Some(Some(name)) = &args.story {
        let Some(index) = dataset.stories.iter().position(|story| story.name == *name) else {
            let names: Vec<String> = dataset
                .stories
                .iter()
                .map(|story| format!("  {}", story.name))
                .collect();
            let _ = if names.is_empty() {
                writeln!(
                    err,
                    "bilateral export: no story is named `{name}`; the dataset has no stories (leave out the name for one slide per view)"
                )
            } else {
                writeln!(
                    err,
                    "bilateral export: no story is named `{name}`; the dataset's stories are:\n{}",
                    names.join("\n")
                )
            };
            return 2;
        };
        chosen = index;
    }
    let slides = crate::app::story::slides(dataset, chosen);
    let mut caches = ViewCaches::default();
    caches.refresh(dataset, 0, &ChartOptions::default());
    let mut states = ViewStates::default();
    states.on_dataset_changed(dataset);
    let cursor = TimeCursor::at(crate::geo::filter::year_range(dataset).1);
    let source = StorySource {
        dataset,
        layers: &[],
        caches: &caches,
        cursor: &cursor,
        states: &states,
    };
    let pages = match story_pages(&source, &slides, &mut render_slide_picture) {
        Ok(pages) => pages,
        Err(error) => {
            let _ = writeln!(err, "bilateral export: could not draw the story: {error}");
            return 1;
        }
    };
    let mut failed = false;
    let mut write = |path: &Path, bytes: Result<Vec<u8>, String>| {
        let written = bytes.and_then(|bytes| {
            write_atomically(path, &bytes).map_err(|error| format!("could not write: {error}"))
        });
        if let Err(error) = written {
            failed = true;
            let _ = writeln!(err, "{}: {error}", path.display());
        }
    };
    if let Some(path) = pdf {
        write(path, pdf_of_pages(&dataset.metadata.title, &pages));
    }
    if let Some(dir) = png_dir {
        if let Err(error) = std::fs::create_dir_all(dir) {
            write(dir, Err(format!("could not make the folder: {error}")));
        } else {
            for (index, page) in pages.iter().enumerate() {
                let path = dir.join(png_page_name(index + 1, pages.len()));
                write(&path, png_of_page(page));
            }
        }
    }
    u8::from(failed)
}

//! Presenter mode: the slides of a dataset's story, or the views when it has none.

use crate::data::{Dataset, Slide, SlideView};
use crate::views::ViewKind;

/// Type scale in presenter mode unless the user picks another.
pub const DEFAULT_SCALE: f32 = 1.6;
/// The scales offered in the menu.
pub const SCALES: [f32; 4] = [1.6, 2.0, 2.5, 3.0];

/// Where the presenter is in the slides.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Presenter {
    /// Index of the slide on screen.
    pub slide: usize,
    /// The zoom factor to restore on leaving.
    pub previous_zoom: f32,
}

/// The view a slide asks for.
pub fn view_of(slide: SlideView) -> ViewKind {
    match slide {
        SlideView::Trade => ViewKind::Trade,
        SlideView::Map => ViewKind::Map,
        SlideView::Timeline => ViewKind::Timeline,
        SlideView::Events => ViewKind::Events,
        SlideView::Sources => ViewKind::Sources,
    }
}

/// The slides to present: the dataset's story, or one slide per view.
pub fn slides(dataset: &Dataset) -> Vec<Slide> {
    if !dataset.story.is_empty() {
        return dataset.story.clone();
    }
    [
        SlideView::Trade,
        SlideView::Map,
        SlideView::Timeline,
        SlideView::Events,
        SlideView::Sources,
    ]
    .into_iter()
    .map(|view| Slide {
        title: view_of(view).label().to_owned(),
        view,
        year: None,
        span: None,
        select: None,
        domains: Vec::new(),
        stances: Vec::new(),
        caption: String::new(),
        sources: Vec::new(),
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin::{builtin_dataset, empty_dataset};

    #[test]
    fn the_built_in_story_is_presented_in_order() {
        let dataset = builtin_dataset().expect("built-in loads");
        let slides = slides(&dataset);
        assert_eq!(slides, dataset.story);
        assert!(slides.len() >= 4);
        assert!(slides.iter().all(|slide| !slide.sources.is_empty()));
    }

    #[test]
    fn without_a_story_the_slides_are_the_views() {
        let views: Vec<ViewKind> = slides(&empty_dataset())
            .iter()
            .map(|slide| view_of(slide.view))
            .collect();
        assert_eq!(views, ViewKind::ALL.to_vec());
    }
}

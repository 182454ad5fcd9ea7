//! Presenter mode: the slides of a dataset's story, or the views when it has none.

use std::borrow::Cow;
use std::collections::BTreeSet;

use crate::data::{Dataset, Domain, Slide, SlideView, Stance};
use crate::geo::filter::MapFilter;
use crate::views::ViewKind;

/// Type scale in presenter mode unless the user picks another.
pub const DEFAULT_SCALE: f32 = 1.6;
/// The scales offered in the menu.
pub const SCALES: [f32; 4] = [1.6, 2.0, 2.5, 3.0];

/// Where the presenter is in the slides, and what to put back on leaving.
#[derive(Debug, Clone, PartialEq)]
pub struct Presenter {
    /// Index of the slide on screen.
    pub slide: usize,
    /// The zoom factor to restore on leaving.
    pub previous_zoom: f32,
    /// The filters the slides replace, restored on leaving.
    pub filters_before: FiltersBefore,
}

/// The map's and the timeline's filters as they were before presenting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FiltersBefore {
    /// The map's year and filters.
    pub map: Option<MapFilter>,
    /// Domains the timeline showed.
    pub timeline_domains: BTreeSet<Domain>,
    /// Stances the timeline showed.
    pub timeline_stances: BTreeSet<Stance>,
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

/// The slides to present: the dataset's story (borrowed), or one slide per view.
pub fn slides(dataset: &Dataset) -> Cow<'_, [Slide]> {
    if !dataset.story.is_empty() {
        return Cow::Borrowed(&dataset.story);
    }
    let per_view: Vec<Slide> = [
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
    .collect();
    Cow::Owned(per_view)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin::{builtin_dataset, empty_dataset};

    #[test]
    fn the_built_in_story_is_presented_in_order() {
        let dataset = builtin_dataset().expect("built-in loads");
        let slides = slides(&dataset);
        assert_eq!(slides.as_ref(), dataset.story.as_slice());
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

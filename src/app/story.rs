//! A dataset's story: the slides presenter mode walks through, or one slide per view
//! when the dataset tells none. Plain data; the app shell runs presenter mode.

use std::borrow::Cow;

use crate::data::{Dataset, Slide, SlideView};

pub(crate) use crate::views::slide_state::view_of;

/// The slides to present: the dataset's story (borrowed), or one slide per view.
pub(crate) fn slides(dataset: &Dataset) -> Cow<'_, [Slide]> {
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
    use crate::settings::view_kind::ViewKind;

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

//! What a story slide sets: every view's state as the slide asks, from the view and year to
//! the filters and the timeline's span. Presenter mode, the slide export and the story
//! editor's previews all set the views through [`apply_slide`].

use std::collections::BTreeSet;

use crate::data::{Domain, Slide, SlideView, Stance};
use crate::views::{TimeCursor, ViewKind, ViewStates};

/// The view a slide asks for.
pub(crate) fn view_of(slide: SlideView) -> ViewKind {
    match slide {
        SlideView::Trade => ViewKind::Trade,
        SlideView::Map => ViewKind::Map,
        SlideView::Timeline => ViewKind::Timeline,
        SlideView::Events => ViewKind::Events,
        SlideView::Sources => ViewKind::Sources,
    }
}

/// Sets `cursor` and `views` as `slide` asks (year, selection, filters, timeline span, a
/// map framed anew) and returns the view to show.
pub(crate) fn apply_slide(
    slide: &Slide,
    cursor: &mut TimeCursor,
    views: &mut ViewStates,
) -> ViewKind {
    if let Some(year) = slide.year {
        cursor.year = year;
    }
    cursor.selected_event.clone_from(&slide.select);
    let domains: BTreeSet<Domain> = if slide.domains.is_empty() {
        Domain::ALL.into_iter().collect()
    } else {
        slide.domains.iter().copied().collect()
    };
    let stances: BTreeSet<Stance> = if slide.stances.is_empty() {
        Stance::ALL.into_iter().collect()
    } else {
        slide.stances.iter().copied().collect()
    };
    views.map.filter.domains.clone_from(&domains);
    views.map.filter.stances.clone_from(&stances);
    views.timeline.domains = domains;
    views.timeline.stances = stances;
    // The timeline shows the slide's span or year.
    if let Some(span) = slide.span {
        views.timeline.show_range(
            f64::from(span.from),
            f64::from(span.to.unwrap_or(span.from)) + 1.0,
        );
    } else if let Some(year) = slide.year {
        views.timeline.centre_on(year);
    }
    views.map.forget_selection();
    // Each slide starts with the map key folded (presenter mode).
    views.map.key_unfolded_presenting = false;
    // Reframe the map for the canvas it is drawn on.
    views.map.view = None;
    views.trade.selected = None;
    view_of(slide.view)
}

//! What a story slide sets: every view's state as the slide asks, from the view and year to
//! the filters and the timeline's span. Presenter mode, the slide export and the story
//! editor's previews all set the views through [`apply_slide`].

use std::collections::BTreeSet;

use crate::chart::ChartMode;
use crate::data::{Domain, Slide, SlideChart, SlideView, Stance, YearSpan};
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

/// Sets `cursor` and `views` as `slide` asks (year, selection, filters, timeline span, the
/// map's frame) and returns the view to show.
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
    if let Some(chart) = &slide.chart {
        let options = &mut views.trade.options;
        options.unit.clone_from(&chart.unit);
        options.series_shown.clone_from(&chart.series_shown);
        options.connect_gaps = chart.connect_gaps;
        options.log_scale = chart.log_scale;
        options.mode = if chart.year_over_year {
            ChartMode::YearOverYear
        } else {
            ChartMode::Values
        };
    }
    views.map.forget_selection();
    // Each slide starts with the map key folded (presenter mode).
    views.map.key_unfolded_presenting = false;
    // The slide's frame fitted to the canvas it is drawn on, or the default frame.
    views.map.view = None;
    views.map.wanted_frame = slide.map;
    views.trade.selected = None;
    view_of(slide.view)
}

/// The slide kind of a view.
fn slide_view_of(view: ViewKind) -> SlideView {
    match view {
        ViewKind::Trade => SlideView::Trade,
        ViewKind::Map => SlideView::Map,
        ViewKind::Timeline => SlideView::Timeline,
        ViewKind::Events => SlideView::Events,
        ViewKind::Sources => SlideView::Sources,
    }
}

/// A slide of what is on screen: the view, the year, the selected event, the filters
/// (none kept when all are on), the timeline's span on a timeline slide, the map's frame on
/// a map slide and the chart's options on a chart slide. Titled after the view and year; no caption, notes or sources.
pub(crate) fn capture_slide(view: ViewKind, cursor: &TimeCursor, views: &ViewStates) -> Slide {
    let (domains, stances) = if view == ViewKind::Timeline {
        (&views.timeline.domains, &views.timeline.stances)
    } else {
        (&views.map.filter.domains, &views.map.filter.stances)
    };
    let all_domains = Domain::ALL.iter().all(|domain| domains.contains(domain));
    let all_stances = Stance::ALL.iter().all(|stance| stances.contains(stance));
    #[expect(
        clippy::cast_possible_truncation,
        reason = "years on the timeline are far within i32"
    )]
    let span = (view == ViewKind::Timeline).then(|| YearSpan {
        from: views.timeline.start.floor() as i32,
        to: Some((views.timeline.end.ceil() as i32 - 1).max(views.timeline.start.floor() as i32)),
        approximate: false,
    });
    let options = &views.trade.options;
    let map = (view == ViewKind::Map)
        .then_some(views.map.shown_frame)
        .flatten();
    let chart = (view == ViewKind::Trade).then(|| SlideChart {
        unit: options.unit.clone(),
        series_shown: options.series_shown.clone(),
        connect_gaps: options.connect_gaps,
        log_scale: options.log_scale,
        year_over_year: options.mode == ChartMode::YearOverYear,
    });
    Slide {
        title: format!("{}, {}", view.label(), cursor.year),
        view: slide_view_of(view),
        year: Some(cursor.year),
        span,
        select: cursor.selected_event.clone(),
        domains: if all_domains {
            Vec::new()
        } else {
            domains.iter().copied().collect()
        },
        stances: if all_stances {
            Vec::new()
        } else {
            stances.iter().copied().collect()
        },
        caption: String::new(),
        sources: Vec::new(),
        notes: String::new(),
        chart,
        map,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin::builtin_dataset;

    #[test]
    fn a_captured_slide_puts_the_views_back_as_they_were() {
        let dataset = builtin_dataset().expect("built-in loads");
        let mut views = ViewStates::default();
        views.on_dataset_changed(&dataset);
        let mut cursor = TimeCursor::at(2016);
        cursor.selected_event = dataset.events.first().map(|event| event.id.clone());
        views.timeline.domains.remove(&Domain::Trade);
        views.timeline.show_range(2010.0, 2020.0);
        views.trade.options.log_scale = true;
        let timeline = capture_slide(ViewKind::Timeline, &cursor, &views);
        assert_eq!(timeline.view, SlideView::Timeline);
        assert_eq!(timeline.year, Some(2016));
        assert_eq!(timeline.select, cursor.selected_event);
        assert!(!timeline.domains.contains(&Domain::Trade) && !timeline.domains.is_empty());
        assert!(timeline.stances.is_empty(), "all stances on: none kept");
        assert_eq!(
            timeline.span.map(|span| (span.from, span.to)),
            Some((2010, Some(2019)))
        );
        assert_eq!(timeline.chart, None, "only a chart slide keeps the chart");
        let chart = capture_slide(ViewKind::Trade, &cursor, &views);
        assert!(chart.chart.as_ref().is_some_and(|chart| chart.log_scale));

        let (mut other_cursor, mut other_views) = (TimeCursor::at(1990), ViewStates::default());
        other_views.on_dataset_changed(&dataset);
        assert_eq!(
            apply_slide(&timeline, &mut other_cursor, &mut other_views),
            ViewKind::Timeline
        );
        assert_eq!(other_cursor, cursor);
        assert_eq!(other_views.timeline.domains, views.timeline.domains);
        assert!((other_views.timeline.start - 2010.0).abs() < 1e-9);
        assert!((other_views.timeline.end - 2020.0).abs() < 1e-9);
        apply_slide(&chart, &mut other_cursor, &mut other_views);
        assert!(other_views.trade.options.log_scale);
    }
}

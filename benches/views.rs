//! What every view costs, headless:
//!
//! - **Frame cost**: egui layout of the view plus tessellation into triangles, at 1600×900,
//!   with the pointer sweeping across the view (hover work included), for the built-in
//!   dataset and for a large one (40 series over 60 years, 2,000 events, 500 places; made
//!   here from the built-in records, for measuring only). Median and 90th percentile.
//! - **Idle**: the whole app (menus, status bar, the view) left alone after it has settled:
//!   how many frames it asks for in the next 5 seconds. The target is none.
//!
//! Run with `cargo bench --bench views` (or `scripts/bench-views.sh`, which also measures
//! the cold start); results are recorded in docs/benchmarks.md. Words after `--` choose views
//! and datasets (`cargo bench --bench views -- trade large`), for profiling one of them.

use std::time::{Duration, Instant};

use bilateral::app::{AppOptions, BilateralApp};
use bilateral::data::builtin::builtin_dataset;
use bilateral::data::{Dataset, PartialDate};
use bilateral::geo::filter::year_range;
use bilateral::views::cache::ViewCaches;
use bilateral::views::{self, Chrome, TimeCursor, ViewContext, ViewKind, ViewStates};
use eframe::egui;

#[path = "common/samples.rs"]
mod samples;
use samples::{milliseconds, percentile};

/// The same allocator as the app (see `src/main.rs`).
#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const WARM_UP_FRAMES: usize = 30;
const MEASURED_FRAMES: usize = 300;
const VIEWS: [ViewKind; 5] = [
    ViewKind::Trade,
    ViewKind::Map,
    ViewKind::Timeline,
    ViewKind::Events,
    ViewKind::Sources,
];
const SCREEN: egui::Vec2 = egui::vec2(1600.0, 900.0);
/// How long the idle app is watched.
const IDLE_WATCH: Duration = Duration::from_secs(5);

/// The built-in dataset grown to 40 series over 60 years, 2,000 events and 500 places by
/// copying its own records under new ids, with dates and positions spread out. For
/// measuring only: the values mean nothing.
fn large_dataset(builtin: &Dataset) -> Dataset {
    let mut large = builtin.clone();
    let Some(template_series) = builtin.series.iter().find(|s| !s.points.is_empty()) else {
        panic!("the built-in dataset has no series to copy");
    };
    large.series = (0..40_u32)
        .map(|index| {
            let mut series = template_series.clone();
            series.id = format!("bench-series-{index}");
            series.label = format!("Bench series {index}");
            let point = series.points[0].clone();
            series.points = (1965..2025)
                .map(|year| {
                    let mut point = point.clone();
                    point.year = year;
                    // Some gaps and approximate values, as real series have.
                    point.value = ((year + index.cast_signed()) % 11 != 0)
                        .then(|| f64::from(index + 1) * (1.0 + f64::from(year - 1965) / 20.0));
                    point.approximate = year % 7 == 0;
                    point
                })
                .collect();
            series
        })
        .collect();
    large.events = (0..2000_u32)
        .map(|index| {
            let mut event = builtin.events[index as usize % builtin.events.len()].clone();
            event.id = format!("bench-event-{index}");
            let year = 1965 + (index % 60).cast_signed();
            event.date = PartialDate {
                year,
                month: u8::try_from(index % 12 + 1).ok(),
                day: None,
                approximate: false,
            };
            event.end_date = None;
            event
        })
        .collect();
    large.places = (0..500_u32)
        .map(|index| {
            let mut place = builtin.places[index as usize % builtin.places.len()].clone();
            place.id = format!("bench-place-{index}");
            place.lon += f64::from(index % 25) * 0.4 - 5.0;
            place.lat += f64::from(index / 25) * 0.3 - 3.0;
            place
        })
        .collect();
    large
}

/// Frame costs of `view` over `MEASURED_FRAMES` frames, the pointer sweeping across it.
fn frame_costs(dataset: &Dataset, view: ViewKind) -> Vec<Duration> {
    let ctx = egui::Context::default();
    bilateral::assets::fonts::install(&ctx);
    let mut states = ViewStates::default();
    states.on_dataset_changed(dataset);
    let cursor = TimeCursor::at(year_range(dataset).1);
    let mut caches = ViewCaches::default();
    caches.refresh(dataset, 0, &states.trade.options);
    let layers = Vec::new();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN);
    let mut samples = Vec::with_capacity(MEASURED_FRAMES);
    for frame in 0..WARM_UP_FRAMES + MEASURED_FRAMES {
        #[expect(clippy::cast_precision_loss, reason = "a few hundred frames")]
        let sweep = (frame % 150) as f32 / 150.0;
        let pointer = egui::pos2(
            80.0 + sweep * (SCREEN.x - 160.0),
            150.0 + sweep * (SCREEN.y - 300.0),
        );
        let input = egui::RawInput {
            screen_rect: Some(screen),
            events: vec![egui::Event::PointerMoved(pointer)],
            ..egui::RawInput::default()
        };
        let cx = ViewContext {
            dataset,
            layers: &layers,
            cursor: &cursor,
            chrome: Chrome::Full,
            caches: &caches,
            drawing: None,
            editor_open: false,
        };
        let started = Instant::now();
        let output = ctx.run_ui(input, |ui| {
            let mut commands = Vec::new();
            views::view_ui(ui, view, &cx, &mut states, &mut commands);
        });
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        let elapsed = started.elapsed();
        std::hint::black_box(primitives);
        if frame >= WARM_UP_FRAMES {
            samples.push(elapsed);
        }
    }
    samples.sort();
    samples
}

/// How many frames the whole app asks for in `IDLE_WATCH` once it has settled on `view`
/// with nobody touching it: each frame's requested repaint delay is followed as eframe
/// would, on a simulated clock.
fn idle_frames(view: ViewKind) -> u32 {
    let mut harness = egui_kittest::Harness::builder()
        .with_size(SCREEN)
        .build_eframe(move |creation| {
            let mut options = AppOptions::default();
            options.settings.last_view = view;
            BilateralApp::new(creation, options)
        });
    // Let it settle: first frames, fonts, the view's own first layout.
    harness.run_steps(10);
    let mut watched = Duration::ZERO;
    let mut frames = 0;
    loop {
        let delay = harness
            .output()
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .map_or(Duration::MAX, |viewport| viewport.repaint_delay);
        if delay >= IDLE_WATCH.saturating_sub(watched) {
            break;
        }
        watched += delay.max(Duration::from_millis(1));
        harness.step();
        frames += 1;
    }
    frames
}

fn main() {
    let Ok(builtin) = builtin_dataset() else {
        panic!("the built-in dataset does not load");
    };
    let large = large_dataset(&builtin);
    let chosen: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with("--"))
        .map(|arg| arg.to_lowercase())
        .collect();
    let view_words: Vec<&String> = chosen
        .iter()
        .filter(|w| VIEWS.iter().any(|v| v.label().eq_ignore_ascii_case(w)))
        .collect();
    let dataset_words: Vec<&String> = chosen
        .iter()
        .filter(|w| ["built-in", "large"].contains(&w.as_str()))
        .collect();
    let view_wanted = |view: &ViewKind| {
        view_words.is_empty()
            || view_words
                .iter()
                .any(|w| view.label().eq_ignore_ascii_case(w))
    };
    let dataset_wanted =
        |label: &str| dataset_words.is_empty() || dataset_words.iter().any(|w| *w == label);
    println!("frame cost (layout + tessellation, 1600x900, pointer moving), median / p90:");
    for view in VIEWS.into_iter().filter(view_wanted) {
        for (label, dataset) in [("built-in", &builtin), ("large", &large)]
            .into_iter()
            .filter(|(label, _)| dataset_wanted(label))
        {
            let samples = frame_costs(dataset, view);
            println!(
                "  {:<9} {label:<9} median {:.3} ms, p90 {:.3} ms over {} frames",
                view.label(),
                milliseconds(percentile(&samples, 0.5)),
                milliseconds(percentile(&samples, 0.9)),
                samples.len()
            );
        }
    }
    if !chosen.is_empty() {
        return;
    }
    println!("idle (whole app, nobody touching it), frames asked for in 5 s after settling:");
    for view in VIEWS {
        println!("  {:<9} {} frames", view.label(), idle_frames(view));
    }
}

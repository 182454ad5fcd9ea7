//! CPU cost of one map frame: egui layout of the whole map view plus tessellation into
//! triangles, headless, at 1600×900, every domain and stance on, a GeoJSON layer added,
//! while panning, for the built-in Russia–Iran dataset and for a new USA–Iran relationship
//! (a world map in Equal Earth, panned across the Atlantic). Run with
//! `cargo bench --bench map_frame`; it prints the median and the 90th percentile. Results
//! are recorded in docs/benchmarks.md.

use std::time::{Duration, Instant};

use bilateral::chart::ChartOptions;
use bilateral::data::Dataset;
use bilateral::data::builtin::builtin_dataset;
use bilateral::data::country::Pair;
use bilateral::data::geojson::parse_geojson_layer;
use bilateral::data::new_relationship::new_relationship;
use bilateral::geo::filter::year_range;
use bilateral::views::cache::ViewCaches;
use bilateral::views::map::{self, MapViewState};
use bilateral::views::{Chrome, TimeCursor, ViewContext};
use eframe::egui;

#[path = "common/samples.rs"]
mod samples;
use samples::{milliseconds, percentile};

/// The same allocator as the app (see `src/main.rs`).
#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const WARM_UP_FRAMES: usize = 30;
const MEASURED_FRAMES: usize = 600;

/// How far each frame pans, in points: 60 frames one way, 60 back.
const PAN_POINTS: [f32; 2] = [4.0, 1.5];

/// A small layer like one an analyst would drop: a line and a polygon with properties.
const LAYER: &str = r#"{"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"name": "Route", "domain": "transport", "stance": "cooperation"},
   "geometry": {"type": "LineString", "coordinates": [[47.5, 42.9], [49.8, 40.4], [48.9, 38.4], [51.4, 35.7]]}},
  {"type": "Feature", "properties": {"name": "Zone", "domain": "security", "stance": "divergence"},
   "geometry": {"type": "Polygon", "coordinates": [[[44, 38], [47, 38], [47, 41], [44, 41], [44, 38]]]}}
]}"#;

fn measure(dataset: &Dataset, year: Option<i32>) -> Vec<Duration> {
    let Ok(layer) = parse_geojson_layer(LAYER.as_bytes(), "bench.geojson") else {
        panic!("the bench layer does not load");
    };
    let layers = vec![layer];
    let ctx = egui::Context::default();
    bilateral::assets::fonts::install(&ctx);
    let mut state = MapViewState::default();
    let cursor = TimeCursor::at(year.unwrap_or_else(|| year_range(dataset).1));
    let mut caches = ViewCaches::default();
    caches.refresh(dataset, 0, &ChartOptions::default());
    let cx = ViewContext {
        dataset,
        layers: &layers,
        cursor: &cursor,
        chrome: Chrome::Full,
        caches: &caches,
        drawing: None,
        editor_open: false,
    };
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 900.0));
    let mut samples = Vec::with_capacity(MEASURED_FRAMES);
    for frame in 0..WARM_UP_FRAMES + MEASURED_FRAMES {
        if let Some(view) = state.view.as_mut() {
            // Pan back and forth, as a person dragging the map.
            let direction = if (frame / 60) % 2 == 0 { 1.0 } else { -1.0 };
            view.pan_by_points([PAN_POINTS[0] * direction, PAN_POINTS[1] * direction]);
        }
        let input = egui::RawInput {
            screen_rect: Some(screen),
            ..egui::RawInput::default()
        };
        let started = Instant::now();
        let output = ctx.run_ui(input, |ui| {
            let mut commands = Vec::new();
            map::ui(ui, &cx, &mut state, &mut commands);
        });
        let laid_out = started.elapsed();
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        let elapsed = started.elapsed();
        if frame == WARM_UP_FRAMES + MEASURED_FRAMES - 1
            && std::env::var_os("BENCH_SPLIT").is_some()
        {
            println!(
                "  last frame: layout {:.3} ms, total {:.3} ms",
                milliseconds(laid_out),
                milliseconds(elapsed)
            );
            for primitive in &primitives {
                if let egui::epaint::Primitive::Mesh(mesh) = &primitive.primitive {
                    println!("  primitive: {} vertices", mesh.vertices.len());
                }
            }
        }
        std::hint::black_box(primitives);
        if frame >= WARM_UP_FRAMES {
            samples.push(elapsed);
        }
    }
    samples.sort();
    samples
}

fn main() {
    let Ok(builtin) = builtin_dataset() else {
        panic!("the built-in dataset does not load");
    };
    let Some(usa_iran) = Pair::parse("USA,IRN")
        .ok()
        .and_then(|pair| new_relationship(pair, builtin.metadata.updated))
    else {
        panic!("the USA–Iran relationship cannot be made");
    };
    for (label, dataset, year) in [
        ("Russia–Iran, default year (latest)", &builtin, None),
        ("Russia–Iran, 2016 (most sites)", &builtin, Some(2016)),
        ("USA–Iran (new, world map)", &usa_iran, None),
    ] {
        let samples = measure(dataset, year);
        println!(
            "map frame, {label}: median {:.3} ms, p90 {:.3} ms over {} frames (layout + tessellation, 1600x900)",
            milliseconds(percentile(&samples, 0.5)),
            milliseconds(percentile(&samples, 0.9)),
            samples.len()
        );
    }
}

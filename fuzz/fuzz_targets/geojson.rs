//! The GeoJSON layer loader; a layer that loads keeps its promises: positions finite and on
//! the globe, lines of 2 or more, closed rings of 4 or more.
#![no_main]
use bilateral::data::geojson::{GeoShape, parse_geojson_layer};

fn on_globe(positions: &[[f64; 2]]) -> bool {
    positions
        .iter()
        .all(|[lon, lat]| lon.abs() <= 180.0 && lat.abs() <= 90.0)
}

fn ring_ok(ring: &[[f64; 2]]) -> bool {
    ring.len() >= 4 && ring.first() == ring.last() && on_globe(ring)
}

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let Ok(layer) = parse_geojson_layer(bytes, "fuzz.geojson") else {
        return;
    };
    for shape in layer.features.iter().flat_map(|f| &f.shapes) {
        let ok = match shape {
            GeoShape::Point(position) => on_globe(std::slice::from_ref(position)),
            GeoShape::Line(positions) => positions.len() >= 2 && on_globe(positions),
            GeoShape::Polygon { exterior, holes } => {
                ring_ok(exterior) && holes.iter().all(|h| ring_ok(h))
            }
        };
        assert!(ok, "a loaded layer holds {shape:?}");
    }
    let _ = layer.bounds();
});

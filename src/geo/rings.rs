//! Plain geometry on rings of longitude–latitude positions, for the basemap: making a ring
//! continuous across the antimeridian, containment, spherical area, centroid and the point
//! where a country's name is written.

use super::basemap::Polygon;

/// Mean Earth radius used for areas, in kilometres (the same sphere as the projection).
const EARTH_RADIUS_KM: f64 = super::projection::EARTH_RADIUS_KM;

/// Removes the 360° jumps of a ring that crosses the antimeridian, then shifts the ring by
/// whole turns so that the middle of its longitudes lies in -180..180. A ring whose jumps
/// do not cancel out goes around a pole and is left unchanged.
pub(super) fn make_continuous(ring: &mut [[f64; 2]]) {
    let mut turns = 0_i32;
    let mut crossings = 0_usize;
    for pair in ring.windows(2) {
        let step = pair[1][0] - pair[0][0];
        if step > 180.0 {
            turns -= 1;
            crossings += 1;
        } else if step < -180.0 {
            turns += 1;
            crossings += 1;
        }
    }
    if crossings == 0 || turns != 0 {
        return;
    }
    let mut shift = 0.0;
    let mut previous = ring.first().map_or(0.0, |point| point[0]);
    for point in ring.iter_mut().skip(1) {
        let original = point[0];
        let step = original - previous;
        if step > 180.0 {
            shift -= 360.0;
        } else if step < -180.0 {
            shift += 360.0;
        }
        previous = original;
        point[0] = original + shift;
    }
    let recentre = (longitude_middle(ring) / 360.0).round() * 360.0;
    if recentre != 0.0 {
        for point in ring.iter_mut() {
            point[0] -= recentre;
        }
    }
}

/// The middle of the range of a ring's longitudes.
pub(super) fn longitude_middle(ring: &[[f64; 2]]) -> f64 {
    let (min, max) = ring
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(min, max), point| {
            (min.min(point[0]), max.max(point[0]))
        });
    if min.is_finite() {
        f64::midpoint(min, max)
    } else {
        0.0
    }
}

/// `lon` brought into -180..180.
pub(super) fn wrap_longitude(lon: f64) -> f64 {
    (lon + 180.0).rem_euclid(360.0) - 180.0
}

/// Even–odd test of `lon_lat` against a ring (closed or not).
pub(super) fn ring_contains(ring: &[[f64; 2]], lon_lat: [f64; 2]) -> bool {
    let [x, y] = lon_lat;
    let Some(&last) = ring.last() else {
        return false;
    };
    let mut inside = false;
    let mut previous = last;
    for &current in ring {
        if (current[1] > y) != (previous[1] > y) {
            let x_crossing = current[0]
                + (y - current[1]) / (previous[1] - current[1]) * (previous[0] - current[0]);
            if x < x_crossing {
                inside = !inside;
            }
        }
        previous = current;
    }
    inside
}

/// A ring's area in km² (unsigned), via the sinusoidal projection centred on its first
/// point's meridian.
pub(super) fn ring_area_km2(ring: &[[f64; 2]]) -> f64 {
    let Some(&[lon_ref, _]) = ring.first() else {
        return 0.0;
    };
    let to_xy_km = |[lon, lat]: [f64; 2]| {
        let lat_rad = lat.to_radians();
        [
            (lon - lon_ref).to_radians() * lat_rad.cos() * EARTH_RADIUS_KM,
            lat_rad * EARTH_RADIUS_KM,
        ]
    };
    let twice_area: f64 = ring
        .windows(2)
        .map(|pair| {
            let (a, b) = (to_xy_km(pair[0]), to_xy_km(pair[1]));
            a[0] * b[1] - b[0] * a[1]
        })
        .sum();
    (twice_area / 2.0).abs()
}

/// A ring's unsigned area and area centroid in the longitude–latitude plane.
fn ring_area_centroid(ring: &[[f64; 2]]) -> (f64, [f64; 2]) {
    let Some(&origin) = ring.first() else {
        return (0.0, [0.0; 2]);
    };
    let (mut twice_area, mut sum_x, mut sum_y) = (0.0, 0.0, 0.0);
    for pair in ring.windows(2) {
        let a = [pair[0][0] - origin[0], pair[0][1] - origin[1]];
        let b = [pair[1][0] - origin[0], pair[1][1] - origin[1]];
        let cross = a[0] * b[1] - b[0] * a[1];
        twice_area += cross;
        sum_x += (a[0] + b[0]) * cross;
        sum_y += (a[1] + b[1]) * cross;
    }
    if twice_area == 0.0 {
        return (0.0, origin);
    }
    let centroid = [
        origin[0] + sum_x / (3.0 * twice_area),
        origin[1] + sum_y / (3.0 * twice_area),
    ];
    ((twice_area / 2.0).abs(), centroid)
}

/// A point inside `polygon` for its label (see [`Country::label_lon_lat`](super::basemap::Country::label_lon_lat)).
pub(super) fn label_point(polygon: &Polygon) -> [f64; 2] {
    let (exterior_area, exterior_centroid) = ring_area_centroid(&polygon.exterior);
    let (mut area, mut moment_x, mut moment_y) = (
        exterior_area,
        exterior_area * exterior_centroid[0],
        exterior_area * exterior_centroid[1],
    );
    for hole in &polygon.holes {
        let (hole_area, hole_centroid) = ring_area_centroid(hole);
        area -= hole_area;
        moment_x -= hole_area * hole_centroid[0];
        moment_y -= hole_area * hole_centroid[1];
    }
    let centroid = if area > 0.0 {
        [moment_x / area, moment_y / area]
    } else {
        exterior_centroid
    };
    if polygon.contains(centroid) {
        return centroid;
    }
    let bounds = polygon.bounds();
    let height = bounds.max[1] - bounds.min[1];
    [centroid[1], bounds.min[1] + height / 2.0]
        .into_iter()
        .chain([0.25, 0.75, 0.125, 0.375, 0.625, 0.875].map(|f| bounds.min[1] + height * f))
        .find_map(|lat| widest_stretch_middle(polygon, lat))
        .unwrap_or(polygon.exterior.first().copied().unwrap_or(centroid))
}

/// The middle of the widest stretch of the parallel `lat` that lies inside `polygon`.
fn widest_stretch_middle(polygon: &Polygon, lat: f64) -> Option<[f64; 2]> {
    let mut crossings: Vec<f64> = Vec::new();
    for ring in std::iter::once(&polygon.exterior).chain(&polygon.holes) {
        for pair in ring.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if (a[1] > lat) != (b[1] > lat) {
                crossings.push(a[0] + (lat - a[1]) / (b[1] - a[1]) * (b[0] - a[0]));
            }
        }
    }
    crossings.sort_by(f64::total_cmp);
    crossings
        .chunks_exact(2)
        .map(|stretch| {
            (
                stretch[1] - stretch[0],
                f64::midpoint(stretch[0], stretch[1]),
            )
        })
        .filter(|&(width, _)| width > 0.0)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, lon)| [lon, lat])
}

//! The map chosen for a dataset: its projection and its default frame, a pure function of
//! the dataset (and the embedded basemap).
//!
//! What the map must show, its *focus*: the dataset's `map_frame` when it gives one;
//! otherwise both parties' main territory (their polygons of at least
//! [`MAIN_POLYGON_SHARE`] of their largest, so Alaska counts and Hawaii does not), every
//! place, every corridor waypoint, every area's outline and countries.
//!
//! The projection: the focus's longitudes are read on the circle, and the shortest arc
//! holding them all gives the central meridian (so a focus across the antimeridian, the
//! USA and Russia, is centred on the Pacific). When that arc is wider than
//! [`MAX_CONIC_SPAN_DEG`], or the focus reaches more than [`EQUATOR_MARGIN_DEG`] to both
//! sides of the equator, the map is a world map: Equal Earth. Otherwise it is an Albers
//! equal-area conic with standard parallels one sixth of the latitude range in from each
//! edge (the rule of Deetz and Adams), so that scale errors are small and balanced within
//! the focus.
//!
//! The frame: the focus projected, its bounding box, and [`FRAME_MARGIN`] of it added on
//! each side (none for a dataset's own `map_frame`, which is taken as it is given; the
//! map view keeps a computed frame clear of its key, [`MapSetup::frame_given`]).

use crate::data::Dataset;
use crate::geo::basemap::{Basemap, Country};
use crate::geo::projection::Projection;

/// A party's polygons smaller than this share of its largest are left out of the focus.
pub(crate) const MAIN_POLYGON_SHARE: f64 = 0.02;

/// The widest arc of longitude a conic projection is chosen for, degrees.
pub(crate) const MAX_CONIC_SPAN_DEG: f64 = 200.0;

/// A focus reaching more than this many degrees both north and south of the equator gets
/// a world projection.
pub(crate) const EQUATOR_MARGIN_DEG: f64 = 10.0;

/// The margin added to each side of the focus, as a share of its width or height.
pub(crate) const FRAME_MARGIN: f64 = 0.06;

/// The projection and default frame of a dataset's map.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MapSetup {
    /// The projection everything is drawn in.
    pub(crate) projection: Projection,
    /// The projected box the map frames at first and on *Reset view*, `(min, max)` km.
    pub(crate) frame_km: ([f64; 2], [f64; 2]),
    /// The parties' ISO numeric codes (empty when unknown), drawn as the parties.
    pub(crate) parties: [String; 2],
    /// The frame is the dataset's own `map_frame`, to be shown as it is given.
    pub(crate) frame_given: bool,
}

impl MapSetup {
    /// The map of `dataset` over `basemap` (see the module documentation).
    pub(crate) fn for_dataset(dataset: &Dataset, basemap: &Basemap) -> Self {
        let parties = dataset
            .metadata
            .parties
            .clone()
            .map(|party| party.iso_numeric);
        let (focus, margin) = focus_points(dataset, basemap);
        let projection = choose_projection(&focus);
        let frame_km = frame_around(&projection, &focus, margin);
        Self {
            projection,
            frame_km,
            parties,
            frame_given: dataset.metadata.map_frame.is_some(),
        }
    }

    /// Whether `iso_numeric` is one of the parties.
    pub(crate) fn is_party(&self, iso_numeric: &str) -> bool {
        !iso_numeric.is_empty() && self.parties.iter().any(|party| party == iso_numeric)
    }
}

/// The `[lon, lat]` points the map must show, and the margin to add around them.
fn focus_points(dataset: &Dataset, basemap: &Basemap) -> (Vec<[f64; 2]>, f64) {
    if let Some(frame) = dataset.metadata.map_frame {
        let mut points = Vec::new();
        for step in 0..=8_u8 {
            let t = f64::from(step) / 8.0;
            let lon = frame.west + (frame.east - frame.west) * t;
            let lat = frame.south + (frame.north - frame.south) * t;
            points.extend([
                [lon, frame.south],
                [lon, frame.north],
                [frame.west, lat],
                [frame.east, lat],
            ]);
        }
        return (points, 0.0);
    }
    let mut points: Vec<[f64; 2]> = Vec::new();
    let add_country = |code: &str, points: &mut Vec<[f64; 2]>| {
        if let Some(country) = basemap.country(code) {
            points.extend(main_territory(country));
        }
    };
    for party in &dataset.metadata.parties {
        add_country(&party.iso_numeric, &mut points);
    }
    points.extend(dataset.places.iter().map(|place| [place.lon, place.lat]));
    points.extend(
        dataset
            .corridors
            .iter()
            .flat_map(|corridor| &corridor.waypoints)
            .map(|waypoint| [waypoint.lon, waypoint.lat]),
    );
    for area in &dataset.areas {
        points.extend(area.outline.iter().copied());
        for code in &area.countries {
            add_country(code, &mut points);
        }
    }
    (points, FRAME_MARGIN)
}

/// The exterior points of a country's main polygons.
fn main_territory(country: &Country) -> impl Iterator<Item = [f64; 2]> + '_ {
    let largest = country
        .polygons
        .iter()
        .map(crate::geo::basemap::Polygon::area_km2)
        .fold(0.0, f64::max);
    country
        .polygons
        .iter()
        .filter(move |polygon| polygon.area_km2() >= largest * MAIN_POLYGON_SHARE)
        .flat_map(|polygon| polygon.exterior.iter().copied())
}

/// The shortest arc of longitude holding every point: `(west, width)` in degrees, the
/// west edge in -180..180. `None` without points.
fn longitude_arc(points: &[[f64; 2]]) -> Option<(f64, f64)> {
    let mut longitudes: Vec<f64> = points
        .iter()
        .map(|p| crate::geo::projection::wrap_degrees(p[0]))
        .filter(|lon| lon.is_finite())
        .collect();
    longitudes.sort_by(f64::total_cmp);
    let (&first, &last) = (longitudes.first()?, longitudes.last()?);
    // The widest gap between neighbours, the one across ±180 included, is left out.
    let mut widest = (first + 360.0 - last, first);
    for pair in longitudes.windows(2) {
        let gap = pair[1] - pair[0];
        if gap > widest.0 {
            widest = (gap, pair[1]);
        }
    }
    Some((widest.1, 360.0 - widest.0))
}

/// The projection for a focus (see the module documentation).
fn choose_projection(points: &[[f64; 2]]) -> Projection {
    let Some((west, span)) = longitude_arc(points) else {
        return Projection::equal_earth(0.0);
    };
    let lon0 = west + span / 2.0;
    let (south, north) = points.iter().fold((90.0_f64, -90.0_f64), |(s, n), p| {
        (s.min(p[1]), n.max(p[1]))
    });
    let across_equator = south < -EQUATOR_MARGIN_DEG && north > EQUATOR_MARGIN_DEG;
    if span > MAX_CONIC_SPAN_DEG || across_equator {
        return Projection::equal_earth(lon0);
    }
    let sixth = (north - south) / 6.0;
    Projection::albers(
        lon0,
        f64::midpoint(south, north),
        south + sixth,
        north - sixth,
    )
}

/// The projected box around `points` with `margin` of its size added on each side; the
/// whole world when there are no points.
fn frame_around(projection: &Projection, points: &[[f64; 2]], margin: f64) -> ([f64; 2], [f64; 2]) {
    let lon0 = projection.central_meridian();
    let projected: Vec<[f64; 2]> = if points.is_empty() {
        [[-180.0, 0.0], [180.0, 0.0], [0.0, 85.0], [0.0, -60.0]]
            .iter()
            .map(|&[lambda, lat]| projection.project_unwrapped([lon0 + lambda, lat]))
            .collect()
    } else {
        // Every focus point lies within 180° of the centre, on its own side.
        points
            .iter()
            .map(|&[lon, lat]| {
                projection.project_unwrapped([
                    lon0 + crate::geo::projection::wrap_degrees(lon - lon0),
                    lat,
                ])
            })
            .collect()
    };
    let (mut min, mut max) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
    for xy_km in projected {
        for axis in 0..2 {
            min[axis] = min[axis].min(xy_km[axis]);
            max[axis] = max[axis].max(xy_km[axis]);
        }
    }
    let pad = [(max[0] - min[0]) * margin, (max[1] - min[1]) * margin];
    (
        [min[0] - pad[0], min[1] - pad[1]],
        [max[0] + pad[0], max[1] + pad[1]],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin::builtin_dataset;
    use crate::data::{Party, Place, PlaceKind, Stance, YearSpan};
    use crate::geo::basemap::builtin_basemap;
    use crate::geo::projection::MapView;
    use std::sync::OnceLock;

    fn basemap() -> &'static Basemap {
        static BASEMAP: OnceLock<Basemap> = OnceLock::new();
        BASEMAP.get_or_init(|| builtin_basemap().expect("decodes"))
    }

    /// An empty dataset for two countries by ISO numeric code.
    fn pair(first: &str, second: &str) -> Dataset {
        let mut dataset = builtin_dataset().expect("built-in loads");
        let party = |code: &str| Party {
            iso_alpha2: String::new(),
            iso_alpha3: String::new(),
            iso_numeric: code.to_owned(),
            name: code.to_owned(),
        };
        dataset.metadata.parties = [party(first), party(second)];
        dataset.metadata.map_frame = None;
        dataset.places.clear();
        dataset.corridors.clear();
        dataset.areas.clear();
        dataset
    }

    fn setup(first: &str, second: &str) -> MapSetup {
        MapSetup::for_dataset(&pair(first, second), basemap())
    }

    fn in_frame(setup: &MapSetup, lon_lat: [f64; 2]) -> bool {
        let [x, y] = setup.projection.project(lon_lat);
        let (min, max) = setup.frame_km;
        (min[0]..=max[0]).contains(&x) && (min[1]..=max[1]).contains(&y)
    }

    const WASHINGTON: [f64; 2] = [-77.04, 38.91];
    const TEHRAN: [f64; 2] = [51.39, 35.69];
    const MOSCOW: [f64; 2] = [37.62, 55.76];
    const BEIJING: [f64; 2] = [116.4, 39.9];
    const BRASILIA: [f64; 2] = [-47.9, -15.8];
    const BUENOS_AIRES: [f64; 2] = [-58.4, -34.6];
    const ANADYR: [f64; 2] = [177.5, 64.7];

    /// The scale along the parallel at `lon_lat`: projected over true length.
    fn parallel_scale(projection: &Projection, lon_lat: [f64; 2]) -> f64 {
        let d = 0.01;
        let a = projection.project(lon_lat);
        let b = projection.project([lon_lat[0] + d, lon_lat[1]]);
        let true_km = crate::geo::projection::EARTH_RADIUS_KM
            * d.to_radians()
            * lon_lat[1].to_radians().cos();
        (b[0] - a[0]).hypot(b[1] - a[1]) / true_km
    }

    #[test]
    fn neighbours_get_a_conic_centred_between_them() {
        let china_russia = setup("156", "643");
        let Projection::Albers(_) = china_russia.projection else {
            panic!("China–Russia is a conic: {:?}", china_russia.projection);
        };
        let lon0 = china_russia.projection.central_meridian();
        assert!((80.0..130.0).contains(&lon0), "{lon0}");
        for (city, lon_lat) in [("Moscow", MOSCOW), ("Beijing", BEIJING), ("Anadyr", ANADYR)] {
            assert!(in_frame(&china_russia, lon_lat), "{city}");
        }
        for lon_lat in [MOSCOW, BEIJING, [135.0, 48.5]] {
            let scale = parallel_scale(&china_russia.projection, lon_lat);
            assert!((scale - 1.0).abs() < 0.12, "{lon_lat:?}: {scale}");
        }
        let india_iran = setup("356", "364");
        assert!(matches!(india_iran.projection, Projection::Albers(_)));
        assert!(in_frame(&india_iran, TEHRAN) && in_frame(&india_iran, [77.2, 28.6]));
        assert!(!in_frame(&india_iran, MOSCOW), "the frame is not the world");
    }

    #[test]
    fn a_southern_pair_gets_southern_standard_parallels() {
        let brazil_argentina = setup("076", "032");
        assert!(
            matches!(brazil_argentina.projection, Projection::Albers(_)),
            "{:?}",
            brazil_argentina.projection
        );
        // Equal-area: a scale true to 5% along the parallels of both capitals and the
        // south of Patagonia means shapes are nearly true too.
        for (lon_lat, tolerance) in [
            (BRASILIA, 0.05),
            (BUENOS_AIRES, 0.05),
            ([-68.3, -50.0], 0.08),
        ] {
            let scale = parallel_scale(&brazil_argentina.projection, lon_lat);
            assert!((scale - 1.0).abs() < tolerance, "{lon_lat:?}: {scale}");
        }
        assert!(in_frame(&brazil_argentina, BRASILIA) && in_frame(&brazil_argentina, BUENOS_AIRES));
        // Ushuaia and the Amazon mouth are both in.
        assert!(in_frame(&brazil_argentina, [-68.3, -54.8]));
        assert!(in_frame(&brazil_argentina, [-50.0, 0.0]));
    }

    #[test]
    fn pairs_far_apart_or_across_the_equator_get_a_world_projection() {
        for (first, second, cities) in [
            ("840", "364", [WASHINGTON, TEHRAN]),
            ("076", "156", [BRASILIA, BEIJING]),
            ("840", "643", [WASHINGTON, MOSCOW]),
        ] {
            let setup = setup(first, second);
            assert!(
                matches!(setup.projection, Projection::EqualEarth(_)),
                "{first}–{second}: {:?}",
                setup.projection
            );
            for city in cities {
                assert!(in_frame(&setup, city), "{first}–{second}: {city:?}");
            }
        }
    }

    #[test]
    fn usa_and_russia_meet_across_the_pacific() {
        let usa_russia = setup("840", "643");
        let lon0 = usa_russia.projection.central_meridian();
        // Centred on the Bering Strait side, not on the Atlantic.
        let from_pacific = crate::geo::projection::wrap_degrees(lon0 - 180.0).abs();
        assert!(from_pacific < 60.0, "centred on {lon0}");
        assert!(in_frame(&usa_russia, ANADYR) && in_frame(&usa_russia, [-150.0, 61.2]));
        let anadyr = usa_russia.projection.project(ANADYR);
        let anchorage = usa_russia.projection.project([-149.9, 61.2]);
        let moscow = usa_russia.projection.project(MOSCOW);
        assert!(
            (anadyr[0] - anchorage[0]).abs() < (anadyr[0] - moscow[0]).abs(),
            "Chukotka is drawn beside Alaska"
        );
    }

    #[test]
    fn places_widen_the_frame() {
        let mut dataset = pair("356", "364");
        let before = MapSetup::for_dataset(&dataset, basemap());
        let port_louis = [57.5, -20.16];
        assert!(!in_frame(&before, port_louis));
        dataset.places.push(Place {
            id: "port-louis".into(),
            name: "Port Louis".into(),
            kind: PlaceKind::Port,
            lon: port_louis[0],
            lat: port_louis[1],
            domains: Vec::new(),
            stance: Stance::Cooperation,
            years: YearSpan::new(2000, Some(2001)),
            years_basis: None,
            summary: String::new(),
            sources: Vec::new(),
        });
        let after = MapSetup::for_dataset(&dataset, basemap());
        assert!(in_frame(&after, port_louis) && in_frame(&after, TEHRAN));
    }

    #[test]
    fn the_builtin_dataset_keeps_its_own_frame_and_a_conic_like_the_one_it_had() {
        let dataset = builtin_dataset().expect("loads");
        let setup = MapSetup::for_dataset(&dataset, basemap());
        let Projection::Albers(_) = setup.projection else {
            panic!("{:?}", setup.projection);
        };
        assert!((setup.projection.central_meridian() - 53.0).abs() < 1e-9);
        assert!(in_frame(&setup, TEHRAN) && in_frame(&setup, [50.5, 42.0]));
        assert!(!in_frame(&setup, [100.0, 60.0]), "Siberia is not framed");
        let view = MapView::fitting(setup.frame_km, [1600.0, 900.0]);
        let old = MapView::default_for([1600.0, 900.0]);
        assert!(
            (view.km_per_point / old.km_per_point - 1.0).abs() < 0.05,
            "{} against {}",
            view.km_per_point,
            old.km_per_point
        );
    }

    #[test]
    fn unknown_parties_and_no_places_show_the_world() {
        let setup = setup("", "");
        assert!(matches!(setup.projection, Projection::EqualEarth(_)));
        assert!(in_frame(&setup, WASHINGTON) && in_frame(&setup, BEIJING));
    }

    #[test]
    fn the_arc_goes_the_short_way_round() {
        let (west, span) = longitude_arc(&[[170.0, 0.0], [-170.0, 0.0]]).expect("an arc");
        assert!((west - 170.0).abs() < 1e-9 && (span - 20.0).abs() < 1e-9);
        let (west, span) = longitude_arc(&[[10.0, 0.0], [40.0, 0.0]]).expect("an arc");
        assert!((west - 10.0).abs() < 1e-9 && (span - 30.0).abs() < 1e-9);
        assert!(longitude_arc(&[]).is_none());
    }
}

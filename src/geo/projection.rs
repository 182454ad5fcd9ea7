//! The map projection, and the view that maps projected kilometres to screen points.
//!
//! Every map is equal-area, so that a large party keeps its true size beside a small one
//! instead of swelling as it does in Web Mercator (which at Moscow's latitude magnifies
//! lengths 1.8 times and areas 3.2 times, against 1.1 and 1.2 at 25°N): the Albers
//! equal-area conic, with standard parallels bracketing the pair so that shapes within it
//! are barely distorted, or Equal Earth for a pair too far apart for one cone.
//! [`crate::geo::setup`] chooses which, and where, for each dataset.
//!
//! [`MapView`] is the camera: which projected point sits at the centre of the screen
//! rectangle and how many kilometres one screen point covers. It is plain data the app
//! owns; screen positions are `[x, y]` points with y pointing down, as in egui.

#[cfg(test)]
use crate::geo::basemap::LonLatBounds;
pub(crate) use crate::geo::equal_earth::EqualEarth;

/// Radius of the sphere the projection uses, in kilometres (the mean Earth radius).
pub(crate) const EARTH_RADIUS_KM: f64 = 6371.0;

/// The smallest allowed [`MapView::km_per_point`] (closest zoom).
pub(crate) const MIN_KM_PER_POINT: f64 = 0.05;

/// The largest allowed [`MapView::km_per_point`] (farthest zoom: the whole world in a
/// picture 400 points wide).
pub(crate) const MAX_KM_PER_POINT: f64 = 100.0;

/// The area [`MapView::default_for`] frames: longitudes 28..78°E, latitudes 8..52°N.
#[cfg(test)]
#[cfg(test)]
pub(crate) const DEFAULT_FRAME_LON_LAT: LonLatBounds = LonLatBounds {
    min: [28.0, 8.0],
    max: [78.0, 52.0],
};

/// A map projection from `[lon, lat]` degrees to `[x, y]` kilometres east and north of
/// its centre: a conic for a pair that fits in one part of the world, a world projection
/// for a pair far apart (see [`crate::geo::setup`] for the choice).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Projection {
    /// Albers equal-area conic.
    Albers(Albers),
    /// Equal Earth, an equal-area world projection.
    EqualEarth(EqualEarth),
}

impl Projection {
    /// The projection the Russia–Iran map had before maps were chosen per dataset:
    /// Albers with standard parallels 20°N and 45°N, centred at 52°E, 32°N. For tests.
    #[cfg(test)]
    pub(crate) fn region() -> Self {
        Self::albers(52.0, 32.0, 20.0, 45.0)
    }

    /// Albers equal-area conic; see [`Albers::new`].
    pub(crate) fn albers(lon0: f64, lat0: f64, phi1: f64, phi2: f64) -> Self {
        Self::Albers(Albers::new(lon0, lat0, phi1, phi2))
    }

    /// Equal Earth centred on the meridian `lon0` (degrees).
    pub(crate) fn equal_earth(lon0: f64) -> Self {
        Self::EqualEarth(EqualEarth::new(lon0))
    }

    /// The projection's name, for the map's credit line.
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Self::Albers(_) => "Albers equal-area conic",
            Self::EqualEarth(_) => "Equal Earth",
        }
    }

    /// The central meridian, degrees; the map is cut along the meridian opposite it.
    pub(crate) fn central_meridian(&self) -> f64 {
        match self {
            Self::Albers(albers) => albers.lon0_deg,
            Self::EqualEarth(equal_earth) => equal_earth.lon0_deg(),
        }
    }

    /// `lon_lat` in degrees to `[x, y]` km east and north of the centre. Longitudes are
    /// taken modulo 360°, so 190° projects as -170°; the cut is the meridian opposite the
    /// centre.
    pub(crate) fn project(&self, lon_lat: [f64; 2]) -> [f64; 2] {
        let lambda_deg = wrap_degrees(lon_lat[0] - self.central_meridian());
        self.project_lambda(lambda_deg, lon_lat[1])
    }

    /// Like [`Projection::project`], for a longitude already within 180° of the central
    /// meridian (as the basemap's rings are after [`crate::geo::antimeridian`] cut them):
    /// not wrapped, so a point on the cut stays on its own side.
    pub(crate) fn project_unwrapped(&self, lon_lat: [f64; 2]) -> [f64; 2] {
        let lambda_deg = (lon_lat[0] - self.central_meridian()).clamp(-180.0, 180.0);
        self.project_lambda(lambda_deg, lon_lat[1])
    }

    fn project_lambda(&self, lambda_deg: f64, lat: f64) -> [f64; 2] {
        match self {
            Self::Albers(albers) => albers.project_lambda(lambda_deg, lat),
            Self::EqualEarth(_) => EqualEarth::project_lambda(lambda_deg, lat),
        }
    }

    /// The inverse of [`Projection::project`]: `[x, y]` km to `[lon, lat]` degrees, the
    /// longitude in -180..180.
    pub(crate) fn unproject(&self, xy_km: [f64; 2]) -> [f64; 2] {
        match self {
            Self::Albers(albers) => albers.unproject(xy_km),
            Self::EqualEarth(equal_earth) => equal_earth.unproject(xy_km),
        }
    }
}

/// The spherical Albers equal-area conic projection (Snyder, *Map Projections: A Working
/// Manual*, pp. 98–103), projecting `[lon, lat]` degrees to `[x, y]` kilometres east and
/// north of the centre.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Albers {
    /// Central meridian, degrees.
    lon0_deg: f64,
    /// The cone constant n; near zero the cone degenerates to a cylinder.
    n: f64,
    /// Snyder's C = cos²φ₁ + 2n·sin φ₁.
    c: f64,
    /// Radius of the centre's parallel, km.
    rho0_km: f64,
    /// cos φ₁ and sin φ₀, for the cylindrical case.
    cos_phi1: f64,
    sin_phi0: f64,
}

impl Albers {
    /// Albers equal-area conic centred at `lon0`, `lat0` with standard parallels `phi1` and
    /// `phi2` (all degrees). Parallels symmetric about the equator (`phi1 == -phi2`) give
    /// the cylindrical equal-area projection with standard parallel `phi1`.
    pub(crate) fn new(lon0: f64, lat0: f64, phi1: f64, phi2: f64) -> Self {
        let (phi0, phi1, phi2) = (lat0.to_radians(), phi1.to_radians(), phi2.to_radians());
        let n = f64::midpoint(phi1.sin(), phi2.sin());
        let c = phi1.cos().powi(2) + 2.0 * n * phi1.sin();
        let rho0_km = if n.abs() < 1e-10 {
            0.0
        } else {
            EARTH_RADIUS_KM * (c - 2.0 * n * phi0.sin()).max(0.0).sqrt() / n
        };
        Self {
            lon0_deg: lon0,
            n,
            c,
            rho0_km,
            cos_phi1: phi1.cos().max(1e-12),
            sin_phi0: phi0.sin(),
        }
    }

    /// `[lambda, lat]` (degrees, lambda from the central meridian) to km.
    fn project_lambda(&self, lambda_deg: f64, lat: f64) -> [f64; 2] {
        let lambda = lambda_deg.to_radians();
        let phi = lat.clamp(-90.0, 90.0).to_radians();
        if self.n.abs() < 1e-10 {
            return [
                EARTH_RADIUS_KM * self.cos_phi1 * lambda,
                EARTH_RADIUS_KM * (phi.sin() - self.sin_phi0) / self.cos_phi1,
            ];
        }
        let rho = EARTH_RADIUS_KM * (self.c - 2.0 * self.n * phi.sin()).max(0.0).sqrt() / self.n;
        let theta = self.n * lambda;
        [rho * theta.sin(), self.rho0_km - rho * theta.cos()]
    }

    /// The inverse of the projection: `[x, y]` km to `[lon, lat]` degrees, the
    /// longitude in -180..180. Points outside the projected globe give the nearest
    /// meaningful latitude (±90°) rather than NaN.
    pub(crate) fn unproject(&self, xy_km: [f64; 2]) -> [f64; 2] {
        let [x, y] = xy_km;
        if self.n.abs() < 1e-10 {
            let sin_phi = (y * self.cos_phi1 / EARTH_RADIUS_KM + self.sin_phi0).clamp(-1.0, 1.0);
            let lambda = x / (EARTH_RADIUS_KM * self.cos_phi1);
            return [
                wrap_degrees(self.lon0_deg + lambda.to_degrees()),
                sin_phi.asin().to_degrees(),
            ];
        }
        let dy = self.rho0_km - y;
        let rho = x.hypot(dy);
        let theta = if self.n > 0.0 {
            x.atan2(dy)
        } else {
            (-x).atan2(-dy)
        };
        let rho_n = rho * self.n / EARTH_RADIUS_KM;
        let sin_phi = ((self.c - rho_n * rho_n) / (2.0 * self.n)).clamp(-1.0, 1.0);
        [
            wrap_degrees(self.lon0_deg + (theta / self.n).to_degrees()),
            sin_phi.asin().to_degrees(),
        ]
    }
}

/// `degrees` brought into -180..180.
pub(crate) fn wrap_degrees(degrees: f64) -> f64 {
    (degrees + 180.0).rem_euclid(360.0) - 180.0
}

/// Maps projected km to screen points and back, walkers-style "Projector": the point
/// `center_km` sits at the centre of the screen rectangle, and one screen point covers
/// `km_per_point` km. Screen y points down, projected y north.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapView {
    /// The projected point at the centre of the screen rectangle, km.
    pub(crate) center_km: [f64; 2],
    /// Kilometres per screen point, within [`MIN_KM_PER_POINT`]..=[`MAX_KM_PER_POINT`];
    /// smaller is closer.
    pub(crate) km_per_point: f64,
}

/// The affine map from projected km to screen points for one view and rectangle, for
/// transforming many points without recomputing it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ScreenTransform {
    /// Screen position of the projected origin.
    origin_screen: [f64; 2],
    /// Screen points per km.
    points_per_km: f64,
}

impl ScreenTransform {
    /// The screen position of `xy_km`.
    #[inline]
    #[expect(
        clippy::cast_possible_truncation,
        reason = "screen positions in points; f32 is what egui draws with"
    )]
    pub(crate) fn apply(&self, xy_km: [f64; 2]) -> [f32; 2] {
        [
            (self.origin_screen[0] + xy_km[0] * self.points_per_km) as f32,
            (self.origin_screen[1] - xy_km[1] * self.points_per_km) as f32,
        ]
    }
}

impl MapView {
    /// The projected point at the centre of the screen rectangle, km.
    pub fn center_km(&self) -> [f64; 2] {
        self.center_km
    }

    /// Kilometres per screen point; smaller is closer.
    pub fn km_per_point(&self) -> f64 {
        self.km_per_point
    }

    /// The view of [`Projection::region`] that frames [`DEFAULT_FRAME_LON_LAT`] (lon 28..78,
    /// lat 8..52: the Levant to Central Asia, southern Russia to the Arabian Sea) in a
    /// screen rectangle of `screen_size` points. For tests.
    #[cfg(test)]
    pub(crate) fn default_for(screen_size: [f32; 2]) -> Self {
        Self::framing(&Projection::region(), DEFAULT_FRAME_LON_LAT, screen_size)
    }

    #[cfg(test)]
    /// The view that just holds the projected box `frame_km` (`(min, max)`) in a rectangle
    /// of `screen_size` points, centred: a dataset's default frame.
    pub(crate) fn fitting(frame_km: ([f64; 2], [f64; 2]), screen_size: [f32; 2]) -> Self {
        Self::fitting_above(frame_km, screen_size, 0.0)
    }

    /// Like `MapView::fitting` (tests), in the part of the rectangle above its bottom
    /// `inset_points` (where the map's key is drawn).
    pub(crate) fn fitting_above(
        frame_km: ([f64; 2], [f64; 2]),
        screen_size: [f32; 2],
        inset_points: f32,
    ) -> Self {
        let (min_km, max_km) = frame_km;
        let width = f64::from(screen_size[0].max(1.0));
        let inset = f64::from(inset_points.clamp(0.0, screen_size[1] / 2.0));
        let height = (f64::from(screen_size[1]) - inset).max(1.0);
        let km_per_point = clamp_km_per_point(
            ((max_km[0] - min_km[0]) / width).max((max_km[1] - min_km[1]) / height),
        );
        Self {
            center_km: [
                f64::midpoint(min_km[0], max_km[0]),
                f64::midpoint(min_km[1], max_km[1]) - inset / 2.0 * km_per_point,
            ],
            km_per_point,
        }
    }

    #[cfg(test)]
    /// The view that just holds the whole of `bounds` (its edges sampled, as a conic bends
    /// them) in a rectangle of `screen_size` points, centred.
    pub(crate) fn framing(
        projection: &Projection,
        bounds: LonLatBounds,
        screen_size: [f32; 2],
    ) -> Self {
        const STEPS: u32 = 32;
        let (mut min_km, mut max_km) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
        for step in 0..=STEPS {
            let t = f64::from(step) / f64::from(STEPS);
            let lon = bounds.min[0] + (bounds.max[0] - bounds.min[0]) * t;
            let lat = bounds.min[1] + (bounds.max[1] - bounds.min[1]) * t;
            for lon_lat in [
                [lon, bounds.min[1]],
                [lon, bounds.max[1]],
                [bounds.min[0], lat],
                [bounds.max[0], lat],
            ] {
                let xy_km = projection.project(lon_lat);
                for axis in 0..2 {
                    min_km[axis] = min_km[axis].min(xy_km[axis]);
                    max_km[axis] = max_km[axis].max(xy_km[axis]);
                }
            }
        }
        let width = f64::from(screen_size[0].max(1.0));
        let height = f64::from(screen_size[1].max(1.0));
        let km_per_point = ((max_km[0] - min_km[0]) / width).max((max_km[1] - min_km[1]) / height);
        Self {
            center_km: [
                f64::midpoint(min_km[0], max_km[0]),
                f64::midpoint(min_km[1], max_km[1]),
            ],
            km_per_point: clamp_km_per_point(km_per_point),
        }
    }

    /// The km → screen map for a rectangle at `screen_rect_min` of `screen_size` points.
    pub(crate) fn screen_transform(
        &self,
        screen_rect_min: [f32; 2],
        screen_size: [f32; 2],
    ) -> ScreenTransform {
        let points_per_km = 1.0 / self.km_per_point;
        let center_screen = rect_center(screen_rect_min, screen_size);
        ScreenTransform {
            origin_screen: [
                center_screen[0] - self.center_km[0] * points_per_km,
                center_screen[1] + self.center_km[1] * points_per_km,
            ],
            points_per_km,
        }
    }

    #[cfg(test)]
    /// The screen position of the projected point `xy_km`, in a rectangle at
    /// `screen_rect_min` of `screen_size` points.
    pub(crate) fn to_screen(
        self,
        xy_km: [f64; 2],
        screen_rect_min: [f32; 2],
        screen_size: [f32; 2],
    ) -> [f32; 2] {
        self.screen_transform(screen_rect_min, screen_size)
            .apply(xy_km)
    }

    /// The projected point (km) under the screen position `pos_screen`; the inverse of
    /// `MapView::to_screen`.
    pub(crate) fn screen_to_km(
        &self,
        pos_screen: [f32; 2],
        screen_rect_min: [f32; 2],
        screen_size: [f32; 2],
    ) -> [f64; 2] {
        let center_screen = rect_center(screen_rect_min, screen_size);
        [
            self.center_km[0] + (f64::from(pos_screen[0]) - center_screen[0]) * self.km_per_point,
            self.center_km[1] - (f64::from(pos_screen[1]) - center_screen[1]) * self.km_per_point,
        ]
    }

    /// Moves the map with a drag of `delta_points` (screen points, y down): what was under
    /// the pointer stays under it.
    pub fn pan_by_points(&mut self, delta_points: [f32; 2]) {
        self.center_km[0] -= f64::from(delta_points[0]) * self.km_per_point;
        self.center_km[1] += f64::from(delta_points[1]) * self.km_per_point;
    }

    /// Zooms by `factor` (above 1 closer, below 1 farther, as egui's zoom delta) keeping
    /// the projected point under `anchor_screen` where it is. The zoom is clamped to
    /// [`MIN_KM_PER_POINT`]..=[`MAX_KM_PER_POINT`]; a factor that is not a positive finite
    /// number changes nothing.
    pub(crate) fn zoom_around(
        &mut self,
        factor: f64,
        anchor_screen: [f32; 2],
        screen_rect_min: [f32; 2],
        screen_size: [f32; 2],
    ) {
        if !(factor.is_finite() && factor > 0.0) {
            return;
        }
        let anchor_km = self.screen_to_km(anchor_screen, screen_rect_min, screen_size);
        let center_screen = rect_center(screen_rect_min, screen_size);
        self.km_per_point = clamp_km_per_point(self.km_per_point / factor);
        self.center_km = [
            anchor_km[0] - (f64::from(anchor_screen[0]) - center_screen[0]) * self.km_per_point,
            anchor_km[1] + (f64::from(anchor_screen[1]) - center_screen[1]) * self.km_per_point,
        ];
    }

    #[cfg(test)]
    /// The projected box (km, `(min, max)`) the screen rectangle shows, for culling meshes
    /// by their `bounds_km`.
    pub(crate) fn visible_km(&self, screen_size: [f32; 2]) -> ([f64; 2], [f64; 2]) {
        let half = [
            f64::from(screen_size[0]) / 2.0 * self.km_per_point,
            f64::from(screen_size[1]) / 2.0 * self.km_per_point,
        ];
        (
            [self.center_km[0] - half[0], self.center_km[1] - half[1]],
            [self.center_km[0] + half[0], self.center_km[1] + half[1]],
        )
    }
}

/// `km_per_point` within the allowed range; NaN becomes the farthest zoom.
fn clamp_km_per_point(km_per_point: f64) -> f64 {
    if km_per_point.is_nan() {
        MAX_KM_PER_POINT
    } else {
        km_per_point.clamp(MIN_KM_PER_POINT, MAX_KM_PER_POINT)
    }
}

/// The centre of a screen rectangle, in f64.
fn rect_center(screen_rect_min: [f32; 2], screen_size: [f32; 2]) -> [f64; 2] {
    [
        f64::from(screen_rect_min[0]) + f64::from(screen_size[0]) / 2.0,
        f64::from(screen_rect_min[1]) + f64::from(screen_size[1]) / 2.0,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEHRAN: [f64; 2] = [51.39, 35.69];
    const MOSCOW: [f64; 2] = [37.62, 55.76];

    /// Great-circle distance in km on the projection's sphere (haversine).
    fn haversine_km(a: [f64; 2], b: [f64; 2]) -> f64 {
        let (phi_a, phi_b) = (a[1].to_radians(), b[1].to_radians());
        let d_phi = phi_b - phi_a;
        let d_lambda = (b[0] - a[0]).to_radians();
        let h = (d_phi / 2.0).sin().powi(2)
            + phi_a.cos() * phi_b.cos() * (d_lambda / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * h.sqrt().asin()
    }

    fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
        (a[0] - b[0]).hypot(a[1] - b[1])
    }

    #[test]
    fn round_trips_over_the_region() {
        let projection = Projection::region();
        for lon in (0..=110).step_by(5) {
            for lat in (-5..=75).step_by(5) {
                let lon_lat = [f64::from(lon) + 0.3, f64::from(lat) + 0.7];
                let back = projection.unproject(projection.project(lon_lat));
                assert!(
                    (back[0] - lon_lat[0]).abs() < 1e-6 && (back[1] - lon_lat[1]).abs() < 1e-6,
                    "{lon_lat:?} came back as {back:?}"
                );
            }
        }
    }

    #[test]
    fn round_trips_southern_cone_and_cylinder() {
        for projection in [
            Projection::albers(-60.0, -30.0, -20.0, -45.0),
            Projection::albers(0.0, 0.0, 30.0, -30.0),
        ] {
            for lon_lat in [[-70.0, -35.0], [-40.0, -10.0], [10.0, 20.0]] {
                let back = projection.unproject(projection.project(lon_lat));
                assert!(distance(back, lon_lat) < 1e-6, "{lon_lat:?} → {back:?}");
            }
        }
    }

    #[test]
    fn centre_maps_to_origin() {
        let [x, y] = Projection::region().project([52.0, 32.0]);
        assert!(x.abs() < 1e-9 && y.abs() < 1e-9, "{x}, {y}");
        let [lon, lat] = Projection::region().unproject([0.0, 0.0]);
        assert!(
            (lon - 52.0).abs() < 1e-9 && (lat - 32.0).abs() < 1e-9,
            "{lon}, {lat}"
        );
    }

    #[test]
    fn north_is_up_and_east_is_right() {
        let projection = Projection::region();
        assert!(projection.project([52.0, 40.0])[1] > 0.0);
        assert!(projection.project([60.0, 32.0])[0] > 0.0);
        assert!(
            projection.project([52.0, 40.0])[0].abs() < 1e-9,
            "the central meridian is straight"
        );
    }

    #[test]
    fn tehran_moscow_distance_is_nearly_true() {
        let projection = Projection::region();
        let great_circle = haversine_km(TEHRAN, MOSCOW);
        assert!((great_circle - 2460.0).abs() < 20.0, "{great_circle}");
        let projected = distance(projection.project(TEHRAN), projection.project(MOSCOW));
        assert!(
            (projected / great_circle - 1.0).abs() < 0.02,
            "{projected} km projected against {great_circle} km"
        );
    }

    #[test]
    fn small_squares_keep_their_area() {
        let projection = Projection::region();
        for lon_lat in [[35.0, 10.0], [52.0, 32.0], [75.0, 55.0], [40.0, 70.0]] {
            let d = 0.01;
            let [x0, y0] = projection.project(lon_lat);
            let [x1, y1] = projection.project([lon_lat[0] + d, lon_lat[1]]);
            let [x2, y2] = projection.project([lon_lat[0], lon_lat[1] + d]);
            let projected = ((x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0)).abs();
            let true_area = EARTH_RADIUS_KM.powi(2)
                * d.to_radians()
                * ((lon_lat[1] + d).to_radians().sin() - lon_lat[1].to_radians().sin());
            assert!((projected / true_area - 1.0).abs() < 1e-3, "{lon_lat:?}");
        }
    }

    #[test]
    fn a_fitted_frame_fills_the_rectangle_above_the_inset() {
        let frame_km = ([-3000.0, -1000.0], [5000.0, 2500.0]);
        let (rect_min, size) = ([0.0, 0.0], [1600.0, 900.0]);
        for inset in [0.0, 130.0] {
            let view = MapView::fitting_above(frame_km, size, inset);
            let top_left = view.to_screen([frame_km.0[0], frame_km.1[1]], rect_min, size);
            let bottom_right = view.to_screen([frame_km.1[0], frame_km.0[1]], rect_min, size);
            assert!(top_left[0] >= -0.01 && top_left[1] >= -0.01, "{top_left:?}");
            assert!(
                bottom_right[0] <= 1600.01 && bottom_right[1] <= 900.0 - inset + 0.01,
                "{bottom_right:?} with {inset}"
            );
            // It fills one of the two directions.
            let touches_sides =
                (top_left[0].abs() < 0.01) && ((bottom_right[0] - 1600.0).abs() < 0.01);
            let touches_ends =
                (top_left[1].abs() < 0.01) && ((bottom_right[1] - (900.0 - inset)).abs() < 0.01);
            assert!(
                touches_sides || touches_ends,
                "{top_left:?} {bottom_right:?}"
            );
        }
    }

    #[test]
    fn screen_round_trip() {
        let view = MapView {
            center_km: [120.0, -340.0],
            km_per_point: 2.5,
        };
        let (rect_min, size) = ([30.0, 60.0], [800.0, 600.0]);
        assert_eq!(
            view.to_screen(view.center_km, rect_min, size),
            [430.0, 360.0]
        );
        for xy_km in [[0.0, 0.0], [-1500.0, 900.0], [2300.5, -1200.25]] {
            let pos_screen = view.to_screen(xy_km, rect_min, size);
            let back = view.screen_to_km(pos_screen, rect_min, size);
            assert!(
                distance(back, xy_km) < 1e-3 * view.km_per_point,
                "{xy_km:?} → {back:?}"
            );
        }
        let north = view.to_screen([120.0, 0.0], rect_min, size);
        assert!(north[1] < 360.0, "north is up on screen");
    }

    #[test]
    fn zoom_keeps_the_anchor_fixed() {
        let (rect_min, size) = ([10.0, 20.0], [1600.0, 900.0]);
        let mut view = MapView::default_for(size);
        let anchor = [300.0, 700.0];
        let under_anchor = view.screen_to_km(anchor, rect_min, size);
        let before = view.km_per_point;
        view.zoom_around(1.5, anchor, rect_min, size);
        assert!((view.km_per_point - before / 1.5).abs() < 1e-12);
        let after = view.to_screen(under_anchor, rect_min, size);
        assert!((after[0] - anchor[0]).abs() < 1e-3 && (after[1] - anchor[1]).abs() < 1e-3);

        view.zoom_around(1e9, anchor, rect_min, size);
        assert_eq!(view.km_per_point, MIN_KM_PER_POINT);
        let after = view.to_screen(under_anchor, rect_min, size);
        assert!((after[0] - anchor[0]).abs() < 1e-2 && (after[1] - anchor[1]).abs() < 1e-2);

        view.zoom_around(1e-9, anchor, rect_min, size);
        assert_eq!(view.km_per_point, MAX_KM_PER_POINT);
        let unchanged = view;
        view.zoom_around(f64::NAN, anchor, rect_min, size);
        view.zoom_around(-2.0, anchor, rect_min, size);
        assert_eq!(view, unchanged);
    }

    #[test]
    fn pan_moves_with_the_pointer() {
        let (rect_min, size) = ([0.0, 0.0], [1600.0, 900.0]);
        let mut view = MapView::default_for(size);
        let tehran_km = Projection::region().project(TEHRAN);
        let before = view.to_screen(tehran_km, rect_min, size);
        view.pan_by_points([40.0, -25.0]);
        let after = view.to_screen(tehran_km, rect_min, size);
        assert!((after[0] - before[0] - 40.0).abs() < 1e-3);
        assert!((after[1] - before[1] + 25.0).abs() < 1e-3);
    }

    #[test]
    fn default_view_shows_the_region() {
        let (rect_min, size) = ([0.0, 0.0], [1600.0, 900.0]);
        let view = MapView::default_for(size);
        let projection = Projection::region();
        for (place, lon_lat) in [
            ("Damascus", [36.29, 33.51]),
            ("Tashkent", [69.24, 41.30]),
            ("the Caspian", [50.5, 42.0]),
            ("the Arabian Sea", [62.0, 15.0]),
            ("Tehran", TEHRAN),
            ("Baku", [49.87, 40.41]),
        ] {
            let [x, y] = view.to_screen(projection.project(lon_lat), rect_min, size);
            assert!(
                (0.0..=size[0]).contains(&x) && (0.0..=size[1]).contains(&y),
                "{place} is off screen at {x}, {y}"
            );
        }
        assert!(
            (1.0..10.0).contains(&view.km_per_point),
            "{}",
            view.km_per_point
        );
        let (min_km, max_km) = view.visible_km(size);
        assert!((max_km[0] - min_km[0] - 1600.0 * view.km_per_point).abs() < 1e-6);
        assert!(MapView::default_for([0.0, 0.0]).km_per_point <= MAX_KM_PER_POINT);
    }
}

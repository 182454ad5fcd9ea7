//! The Equal Earth projection (Šavrič, Patterson and Jenny, "The Equal Earth map
//! projection", *International Journal of Geographical Information Science* 33, 2019):
//! equal-area, with straight parallels and meridians bowed like a globe's, for pairs too
//! far apart for one conic (the USA and Iran, Brazil and China).

use crate::geo::projection::{EARTH_RADIUS_KM, wrap_degrees};

const A1: f64 = 1.340_264;
const A2: f64 = -0.081_106;
const A3: f64 = 0.000_893;
const A4: f64 = 0.003_796;

/// √3 / 2.
const M: f64 = 0.866_025_403_784_438_6;

/// Equal Earth on the sphere of [`EARTH_RADIUS_KM`], centred on one meridian.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct EqualEarth {
    lon0_deg: f64,
}

impl EqualEarth {
    /// Equal Earth centred on the meridian `lon0` (degrees).
    pub(crate) fn new(lon0: f64) -> Self {
        Self {
            lon0_deg: wrap_degrees(lon0),
        }
    }

    /// The central meridian, degrees.
    pub(crate) fn lon0_deg(self) -> f64 {
        self.lon0_deg
    }

    /// `[lambda, lat]` (degrees, lambda from the central meridian) to km.
    pub(crate) fn project_lambda(lambda_deg: f64, lat: f64) -> [f64; 2] {
        let lambda = lambda_deg.to_radians();
        let phi = lat.clamp(-90.0, 90.0).to_radians();
        let theta = (M * phi.sin()).asin();
        let theta2 = theta * theta;
        let theta6 = theta2 * theta2 * theta2;
        let x = 2.0 * 3_f64.sqrt() * lambda * theta.cos()
            / (3.0 * (9.0 * A4 * theta6 * theta2 + 7.0 * A3 * theta6 + 3.0 * A2 * theta2 + A1));
        let y = theta * (A4 * theta6 * theta2 + A3 * theta6 + A2 * theta2 + A1);
        [EARTH_RADIUS_KM * x, EARTH_RADIUS_KM * y]
    }

    /// `[x, y]` km back to `[lon, lat]` degrees, the longitude in -180..180 (Newton's
    /// method on the parametric latitude, as the authors give it).
    pub(crate) fn unproject(self, xy_km: [f64; 2]) -> [f64; 2] {
        let (x, y) = (xy_km[0] / EARTH_RADIUS_KM, xy_km[1] / EARTH_RADIUS_KM);
        let mut theta = y;
        for _ in 0..12 {
            let theta2 = theta * theta;
            let theta6 = theta2 * theta2 * theta2;
            let f = theta * (A4 * theta6 * theta2 + A3 * theta6 + A2 * theta2 + A1) - y;
            let derivative =
                9.0 * A4 * theta6 * theta2 + 7.0 * A3 * theta6 + 3.0 * A2 * theta2 + A1;
            let step = f / derivative;
            theta -= step;
            if step.abs() < 1e-12 {
                break;
            }
        }
        let theta2 = theta * theta;
        let theta6 = theta2 * theta2 * theta2;
        let derivative = 9.0 * A4 * theta6 * theta2 + 7.0 * A3 * theta6 + 3.0 * A2 * theta2 + A1;
        let lambda = 3.0 * x * derivative / (2.0 * 3_f64.sqrt() * theta.cos().max(1e-12));
        let phi = (theta.sin() / M).clamp(-1.0, 1.0).asin();
        [
            wrap_degrees(self.lon0_deg + lambda.to_degrees()),
            phi.to_degrees(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::projection::Projection;

    #[test]
    fn round_trips_over_the_world() {
        let projection = Projection::equal_earth(150.0);
        for lon in (-180..180).step_by(15) {
            for lat in (-85..=85).step_by(10) {
                let lon_lat = [f64::from(lon) + 0.4, f64::from(lat) + 0.3];
                let back = projection.unproject(projection.project(lon_lat));
                let d_lon = wrap_degrees(back[0] - lon_lat[0]);
                assert!(
                    d_lon.abs() < 1e-6 && (back[1] - lon_lat[1]).abs() < 1e-6,
                    "{lon_lat:?} came back as {back:?}"
                );
            }
        }
    }

    #[test]
    fn small_squares_keep_their_area() {
        let projection = Projection::equal_earth(-40.0);
        for lon_lat in [[-40.0, 0.0], [100.0, 60.0], [-170.0, -45.0], [10.0, 80.0]] {
            let d = 0.01;
            let [x0, y0] = projection.project(lon_lat);
            let [x1, y1] = projection.project([lon_lat[0] + d, lon_lat[1]]);
            let [x2, y2] = projection.project([lon_lat[0], lon_lat[1] + d]);
            let projected = ((x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0)).abs();
            let true_area = EARTH_RADIUS_KM.powi(2)
                * d.to_radians()
                * ((lon_lat[1] + d).to_radians().sin() - lon_lat[1].to_radians().sin());
            assert!(
                (projected / true_area - 1.0).abs() < 1e-3,
                "{lon_lat:?}: {projected} against {true_area}"
            );
        }
    }

    #[test]
    fn the_world_is_about_twice_as_wide_as_high() {
        // The authors give a width-to-height ratio of 2.05:1.
        let projection = Projection::equal_earth(0.0);
        let width = projection.project_unwrapped([180.0, 0.0])[0]
            - projection.project_unwrapped([-180.0, 0.0])[0];
        let height = projection.project([0.0, 90.0])[1] - projection.project([0.0, -90.0])[1];
        assert!((width / height - 2.05).abs() < 0.01, "{}", width / height);
    }
}

//! The basemap prepared once for the region: decoded, projected, triangulated, labelled.

use std::sync::LazyLock;

use super::basemap::{Basemap, LonLatBounds, builtin_basemap};
use super::mesh::{CountryMesh, build_meshes, build_simplified_meshes};
use super::projection::{DEFAULT_FRAME_LON_LAT, Projection};

/// The part of the world the map prepares: wide enough to pan around the region.
pub const PREPARED_LON_LAT: LonLatBounds = LonLatBounds {
    min: [-10.0, -5.0],
    max: [110.0, 75.0],
};

/// Simplification tolerances of the coarser levels of detail, in km, finest first.
const LOD_TOLERANCES_KM: [f64; 3] = [0.75, 2.0, 5.0];

/// A country's name and where to write it.
#[derive(Debug, Clone)]
pub struct CountryLabel {
    /// English name.
    pub name: String,
    /// Where the label goes, projected.
    pub anchor_km: [f64; 2],
    /// Width of the country's projected bounds, to decide whether the name fits.
    pub width_km: f64,
}

/// Everything the map view needs from the basemap, built once per process.
pub struct RegionMap {
    /// The projection all of it is in.
    pub projection: Projection,
    /// The decoded countries; meshes refer to them by index.
    pub basemap: Basemap,
    /// Triangulated countries near the region, at full detail.
    pub meshes: Vec<CountryMesh>,
    /// Coarser copies of `meshes`, as (tolerance in km, meshes), finest first.
    pub simplified: Vec<(f64, Vec<CountryMesh>)>,
    /// Country names, one per mesh.
    pub labels: Vec<CountryLabel>,
}

impl RegionMap {
    /// The meshes to draw at a zoom of `km_per_point`: the coarsest level whose
    /// simplification stays within a screen point.
    pub fn meshes_for(&self, km_per_point: f64) -> &[CountryMesh] {
        self.simplified
            .iter()
            .rev()
            .find(|(tolerance_km, _)| *tolerance_km <= km_per_point)
            .map_or(&self.meshes, |(_, meshes)| meshes)
    }

    /// The mesh under the projected point `xy_km`, as drawn.
    pub fn mesh_at(&self, xy_km: [f64; 2]) -> Option<&CountryMesh> {
        #[expect(clippy::cast_possible_truncation, reason = "map kilometres fit in f32")]
        let point = [xy_km[0] as f32, xy_km[1] as f32];
        self.meshes.iter().find(|mesh| mesh.contains_km(point))
    }
}

/// Where to write a country's name: its own label point when that is in the default
/// frame, otherwise the area-weighted centre of its triangles inside the frame (so that
/// Russia is named in the south, where the map looks), when that centre is on its land.
fn label_anchor(mesh: &CountryMesh, own_km: [f64; 2], frame_km: ([f64; 2], [f64; 2])) -> [f64; 2] {
    let inside = |p: [f64; 2]| {
        p[0] >= frame_km.0[0]
            && p[0] <= frame_km.1[0]
            && p[1] >= frame_km.0[1]
            && p[1] <= frame_km.1[1]
    };
    if inside(own_km) {
        return own_km;
    }
    let (mut weight, mut sum) = (0.0_f64, [0.0_f64; 2]);
    for [a, b, c] in mesh.triangles() {
        let centre = [
            f64::from(a[0] + b[0] + c[0]) / 3.0,
            f64::from(a[1] + b[1] + c[1]) / 3.0,
        ];
        if !inside(centre) {
            continue;
        }
        let area =
            f64::from(((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0);
        weight += area;
        sum = [sum[0] + centre[0] * area, sum[1] + centre[1] * area];
    }
    if weight <= 0.0 {
        return own_km;
    }
    let centre = [sum[0] / weight, sum[1] / weight];
    #[expect(clippy::cast_possible_truncation, reason = "map kilometres fit in f32")]
    let on_land = mesh.contains_km([centre[0] as f32, centre[1] as f32]);
    if on_land { centre } else { own_km }
}

fn prepare() -> Result<RegionMap, String> {
    let basemap = builtin_basemap().map_err(|error| error.to_string())?;
    let projection = Projection::region();
    let meshes = build_meshes(&basemap, &projection, PREPARED_LON_LAT);
    let corners = [
        projection.project(DEFAULT_FRAME_LON_LAT.min),
        projection.project(DEFAULT_FRAME_LON_LAT.max),
        projection.project([DEFAULT_FRAME_LON_LAT.min[0], DEFAULT_FRAME_LON_LAT.max[1]]),
        projection.project([DEFAULT_FRAME_LON_LAT.max[0], DEFAULT_FRAME_LON_LAT.min[1]]),
    ];
    let frame_km = corners.iter().fold(
        ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]),
        |(min, max), p| {
            (
                [min[0].min(p[0]), min[1].min(p[1])],
                [max[0].max(p[0]), max[1].max(p[1])],
            )
        },
    );
    let labels = meshes
        .iter()
        .map(|mesh| {
            let country = basemap.countries.get(mesh.country_index);
            let own_km = country.map_or([0.0, 0.0], |c| projection.project(c.label_lon_lat));
            CountryLabel {
                name: country.map(|c| c.name.clone()).unwrap_or_default(),
                anchor_km: label_anchor(mesh, own_km, frame_km),
                width_km: f64::from(mesh.bounds_km.1[0] - mesh.bounds_km.0[0]),
            }
        })
        .collect();
    let simplified = LOD_TOLERANCES_KM
        .iter()
        .map(|&tolerance_km| {
            (
                tolerance_km,
                build_simplified_meshes(&basemap, &projection, PREPARED_LON_LAT, tolerance_km),
            )
        })
        .collect();
    Ok(RegionMap {
        projection,
        basemap,
        meshes,
        simplified,
        labels,
    })
}

static REGION_MAP: LazyLock<Result<RegionMap, String>> = LazyLock::new(prepare);

/// The prepared basemap, or why it could not be prepared.
pub fn region_map() -> Result<&'static RegionMap, &'static str> {
    REGION_MAP.as_ref().map_err(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russia_is_labelled_in_the_part_the_map_shows() {
        let region = region_map().expect("basemap prepares");
        let russia = region
            .meshes
            .iter()
            .position(|mesh| mesh.iso_numeric == "643")
            .expect("Russia is meshed");
        let anchor = region.projection.unproject(region.labels[russia].anchor_km);
        assert!(DEFAULT_FRAME_LON_LAT.contains(anchor), "{anchor:?}");
        assert_eq!(
            region
                .mesh_at(region.labels[russia].anchor_km)
                .map(|m| m.iso_numeric.as_str()),
            Some("643")
        );
    }

    #[test]
    fn zooming_out_picks_coarser_meshes() {
        let region = region_map().expect("basemap prepares");
        let vertices =
            |meshes: &[CountryMesh]| meshes.iter().map(|m| m.vertices_km.len()).sum::<usize>();
        let levels: Vec<usize> = [0.2, 1.0, 3.0, 40.0]
            .into_iter()
            .map(|km_per_point| vertices(region.meshes_for(km_per_point)))
            .collect();
        assert_eq!(levels[0], vertices(&region.meshes));
        assert!(
            levels.windows(2).all(|pair| pair[1] < pair[0]),
            "{levels:?}"
        );
    }

    #[test]
    fn the_caspian_is_water_and_tehran_is_iran() {
        let region = region_map().expect("basemap prepares");
        let at = |lon_lat| {
            region
                .mesh_at(region.projection.project(lon_lat))
                .map(|m| m.iso_numeric.clone())
        };
        assert_eq!(at([50.5, 42.0]), None);
        assert_eq!(at([51.39, 35.69]).as_deref(), Some("364"));
    }
}

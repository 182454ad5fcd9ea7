//! The whole world's basemap prepared for one [`MapSetup`]: every Natural Earth country
//! cut at the meridian opposite the projection's centre, projected once, and triangulated
//! lazily, one country and one level of detail at a time, the first time a frame needs it.
//!
//! A frame costs what it shows, not what the world holds: countries whose projected box
//! is off screen are skipped before any work, and the level of detail is the coarsest
//! whose simplification stays within a screen point ([`LEVELS`]): the 1:50m countries
//! simplified more and more as the view zooms out, then the 1:110m countries (also from
//! world-atlas 2.0.2) for views of the whole world, so that such a view draws a few
//! thousand vertices, not the 1:50m coasts.
//!
//! Prepared maps are kept in a small cache keyed by their setup ([`world_map`]): switching
//! between two datasets does not project the world again.

use std::sync::{Arc, LazyLock, Mutex, OnceLock, PoisonError};

use super::antimeridian::pieces_within;
use super::basemap::{
    BUILTIN_OBJECT_NAME, Basemap, BasemapError, builtin_basemap, decode_topojson,
};
use super::mesh::{CountryMesh, append_projected_polygon, outline_bounds};
use super::projection::Projection;
use super::setup::MapSetup;
use crate::assets::COUNTRIES_110M_TOPOJSON;

/// Which basemap a level of detail draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scale {
    /// Natural Earth 1:50m.
    Fine,
    /// Natural Earth 1:110m; countries it lacks are drawn from 1:50m.
    Coarse,
}

/// The levels of detail, finest first: from how many km per screen point each is used,
/// its basemap, and how far (km) its rings are simplified.
pub(crate) const LEVELS: [(f64, Scale, f64); 6] = [
    (0.0, Scale::Fine, 0.0),
    (0.75, Scale::Fine, 0.75),
    (2.0, Scale::Fine, 2.0),
    (5.0, Scale::Fine, 5.0),
    (12.0, Scale::Fine, 12.0),
    (25.0, Scale::Coarse, 0.0),
];

/// How far a country the 1:110m basemap lacks is simplified at the coarse level, km.
const COARSE_FALLBACK_TOLERANCE_KM: f64 = 12.0;

/// The level whose meshes place the parties' labels.
const LABEL_LEVEL: usize = 3;

/// Polygons smaller than this are left out: world-atlas has a ring of zero area along
/// the South Pole (latitude -89.999°), which a conic projection opens into an arc across
/// the whole map.
const MIN_POLYGON_KM2: f64 = 1.0;

/// How many prepared maps the cache keeps.
const CACHED_MAPS: usize = 4;

/// A country's name and where to write it.
#[derive(Debug, Clone)]
pub(crate) struct CountryLabel {
    /// English name, as the basemap gives it.
    pub(crate) name: String,
    /// The country's ISO numeric code (empty for the features without one).
    pub(crate) code: String,
    /// Where the label goes, projected.
    pub(crate) anchor_km: [f64; 2],
    /// Width of the country's projected bounds, to decide whether the name fits.
    pub(crate) width_km: f64,
    /// One of the two parties: always named, and named more boldly.
    pub(crate) party: bool,
}

/// One country projected: its polygons' open rings in km, exterior first.
struct ProjectedCountry {
    iso_numeric: String,
    name: String,
    polygons_km: Vec<Vec<Vec<[f64; 2]>>>,
    bounds_km: ([f32; 2], [f32; 2]),
}

/// One country of one level: which projected country, how simplified, and its mesh
/// once built (`None` when nothing is left of it at that level).
struct LevelEntry {
    scale: Scale,
    index: usize,
    tolerance_km: f64,
    mesh: OnceLock<Option<CountryMesh>>,
}

/// The basemap of one setup.
pub(crate) struct WorldMap {
    /// The setup it was prepared for.
    pub(crate) setup: MapSetup,
    /// The decoded 1:50m countries; meshes refer to them by index.
    pub(crate) basemap: &'static Basemap,
    countries: Vec<ProjectedCountry>,
    /// The 1:110m countries, projected.
    coarse_countries: Vec<ProjectedCountry>,
    /// Per level of detail, the countries it draws.
    levels: Vec<Vec<LevelEntry>>,
    /// Country names, one per country of the basemap.
    pub(crate) labels: Vec<CountryLabel>,
}

impl std::fmt::Debug for WorldMap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WorldMap")
            .field("setup", &self.setup)
            .field("countries", &self.countries.len())
            .finish_non_exhaustive()
    }
}

impl WorldMap {
    /// Projects every country of `basemap` and `coarse` for `setup`; triangulates only
    /// the parties, at one level, to place their labels.
    pub(crate) fn prepare(
        setup: MapSetup,
        basemap: &'static Basemap,
        coarse: &'static Basemap,
    ) -> Self {
        let countries = project_countries(basemap, &setup.projection);
        let coarse_countries = project_countries(coarse, &setup.projection);
        let levels = LEVELS
            .iter()
            .map(|&(_, scale, tolerance_km)| match scale {
                Scale::Fine => (0..countries.len())
                    .map(|index| LevelEntry::new(Scale::Fine, index, tolerance_km))
                    .collect(),
                Scale::Coarse => coarse_level(&countries, &coarse_countries, tolerance_km),
            })
            .collect();
        let mut map = Self {
            setup,
            basemap,
            countries,
            coarse_countries,
            levels,
            labels: Vec::new(),
        };
        map.labels = map.make_labels();
        map
    }

    /// The projection everything is drawn in.
    pub(crate) fn projection(&self) -> &Projection {
        &self.setup.projection
    }

    /// The level of detail for a zoom of `km_per_point`: the coarsest whose tolerance is
    /// at most one screen point.
    pub(crate) fn level_for(km_per_point: f64) -> usize {
        LEVELS
            .iter()
            .rposition(|&(from_km_per_point, _, _)| from_km_per_point <= km_per_point)
            .unwrap_or(0)
    }

    /// The mesh of entry `index` at `level` (at the 1:50m levels, the basemap's country
    /// `index`), built the first time it is asked for.
    pub(crate) fn mesh(&self, level: usize, index: usize) -> Option<&CountryMesh> {
        let entry = self.levels.get(level)?.get(index)?;
        entry.mesh.get_or_init(|| self.build_mesh(entry)).as_ref()
    }

    fn projected(&self, scale: Scale, index: usize) -> Option<&ProjectedCountry> {
        match scale {
            Scale::Fine => self.countries.get(index),
            Scale::Coarse => self.coarse_countries.get(index),
        }
    }

    /// The meshes at the level for `km_per_point` of the countries whose projected box
    /// `sees` accepts; only those are triangulated.
    pub(crate) fn visible_meshes<'a>(
        &'a self,
        km_per_point: f64,
        sees: impl Fn(([f32; 2], [f32; 2])) -> bool + 'a,
    ) -> impl Iterator<Item = &'a CountryMesh> + 'a {
        let level = Self::level_for(km_per_point);
        let entries = self.levels.get(level).map_or(&[][..], Vec::as_slice);
        entries
            .iter()
            .enumerate()
            .filter(move |(_, entry)| {
                self.projected(entry.scale, entry.index)
                    .is_some_and(|country| sees(country.bounds_km))
            })
            .filter_map(move |(index, _)| self.mesh(level, index))
    }

    /// The country under the projected point `xy_km` as drawn at a zoom of
    /// `km_per_point` (0 for full detail), so that hovering agrees with the fill.
    pub(crate) fn mesh_at(&self, xy_km: [f64; 2], km_per_point: f64) -> Option<&CountryMesh> {
        #[expect(clippy::cast_possible_truncation, reason = "map kilometres fit in f32")]
        let point = [xy_km[0] as f32, xy_km[1] as f32];
        self.visible_meshes(km_per_point, move |(min, max)| {
            (min[0]..=max[0]).contains(&point[0]) && (min[1]..=max[1]).contains(&point[1])
        })
        .find(|mesh| mesh.contains_km(point))
    }

    fn build_mesh(&self, entry: &LevelEntry) -> Option<CountryMesh> {
        let country = self.projected(entry.scale, entry.index)?;
        let tolerance_km = entry.tolerance_km;
        let country_index = match entry.scale {
            Scale::Fine => entry.index,
            Scale::Coarse => fine_index(&self.countries, country)?,
        };
        let mut mesh = CountryMesh {
            iso_numeric: country.iso_numeric.clone(),
            country_index,
            vertices_km: Vec::new(),
            indices: Vec::new(),
            outlines_km: Vec::new(),
            bounds_km: country.bounds_km,
        };
        for rings in &country.polygons_km {
            append_projected_polygon(&mut mesh, rings, &country.name, tolerance_km);
        }
        if mesh.outlines_km.is_empty() {
            return None;
        }
        mesh.bounds_km = outline_bounds(&mesh.outlines_km);
        Some(mesh)
    }

    /// Every country's label at its own label point; a party's, when that point is
    /// outside the default frame, at the centre of its land inside the frame.
    fn make_labels(&self) -> Vec<CountryLabel> {
        let projection = self.setup.projection;
        self.basemap
            .countries
            .iter()
            .zip(&self.countries)
            .enumerate()
            .map(|(index, (country, projected))| {
                let own_km = projection.project(country.label_lon_lat);
                let party = self.setup.is_party(&country.iso_numeric);
                let anchor_km = if party {
                    self.mesh(LABEL_LEVEL, index).map_or(own_km, |mesh| {
                        label_anchor(mesh, own_km, self.setup.frame_km)
                    })
                } else {
                    own_km
                };
                CountryLabel {
                    name: country.name.clone(),
                    code: country.iso_numeric.clone(),
                    anchor_km,
                    width_km: f64::from(projected.bounds_km.1[0] - projected.bounds_km.0[0]),
                    party,
                }
            })
            .collect()
    }
}

impl LevelEntry {
    fn new(scale: Scale, index: usize, tolerance_km: f64) -> Self {
        Self {
            scale,
            index,
            tolerance_km,
            mesh: OnceLock::new(),
        }
    }
}

/// Every country of `basemap` cut at the meridian opposite the projection's centre and
/// projected.
fn project_countries(basemap: &Basemap, projection: &Projection) -> Vec<ProjectedCountry> {
    let lon0 = projection.central_meridian();
    basemap
        .countries
        .iter()
        .map(|country| {
            let polygons_km: Vec<Vec<Vec<[f64; 2]>>> = country
                .polygons
                .iter()
                .filter(|polygon| polygon.area_km2() >= MIN_POLYGON_KM2)
                .flat_map(|polygon| pieces_within(polygon, lon0))
                .map(|rings| {
                    rings
                        .iter()
                        .map(|ring| {
                            ring.iter()
                                .map(|&lon_lat| projection.project_unwrapped(lon_lat))
                                .collect()
                        })
                        .collect()
                })
                .collect();
            #[expect(clippy::cast_possible_truncation, reason = "map kilometres fit in f32")]
            let outlines: Vec<Vec<[f32; 2]>> = polygons_km
                .iter()
                .filter_map(|rings| rings.first())
                .map(|ring| ring.iter().map(|p| [p[0] as f32, p[1] as f32]).collect())
                .collect();
            ProjectedCountry {
                iso_numeric: country.iso_numeric.clone(),
                name: country.name.clone(),
                bounds_km: outline_bounds(&outlines),
                polygons_km,
            }
        })
        .collect()
}

/// The 1:50m country that `coarse` is (same code, or same name for the features without
/// one).
fn fine_index(fine: &[ProjectedCountry], coarse: &ProjectedCountry) -> Option<usize> {
    fine.iter().position(|country| {
        if coarse.iso_numeric.is_empty() {
            country.iso_numeric.is_empty() && country.name == coarse.name
        } else {
            country.iso_numeric == coarse.iso_numeric
        }
    })
}

/// The coarse level: every 1:110m country that matches a 1:50m one, and the 1:50m
/// countries it lacks (small islands and states), simplified.
fn coarse_level(
    fine: &[ProjectedCountry],
    coarse: &[ProjectedCountry],
    tolerance_km: f64,
) -> Vec<LevelEntry> {
    let matched: Vec<Option<usize>> = coarse.iter().map(|c| fine_index(fine, c)).collect();
    let mut entries: Vec<LevelEntry> = matched
        .iter()
        .enumerate()
        .filter(|(_, fine_index)| fine_index.is_some())
        .map(|(index, _)| LevelEntry::new(Scale::Coarse, index, tolerance_km))
        .collect();
    entries.extend(
        (0..fine.len())
            .filter(|index| !matched.contains(&Some(*index)))
            .map(|index| LevelEntry::new(Scale::Fine, index, COARSE_FALLBACK_TOLERANCE_KM)),
    );
    entries
}

/// Where to write a party's name: its own label point when that is in the default frame,
/// otherwise the area-weighted centre of its triangles inside the frame (so that Russia
/// is named in the south when the map looks at the south), when that centre is on its
/// land.
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

static BASEMAP: LazyLock<Result<Basemap, String>> =
    LazyLock::new(|| builtin_basemap().map_err(|error| error.to_string()));

static COARSE_BASEMAP: LazyLock<Result<Basemap, String>> = LazyLock::new(|| {
    // The 1:110m countries of world-atlas 2.0.2, unmodified, for views of the whole world.
    COUNTRIES_110M_TOPOJSON
        .inflate()
        .map_err(BasemapError::from)
        .and_then(|topojson| decode_topojson(&topojson, BUILTIN_OBJECT_NAME))
        .map_err(|error| error.to_string())
});

/// The embedded 1:50m basemap, decoded once per process, or why it could not be.
pub(crate) fn world_basemap() -> Result<&'static Basemap, &'static str> {
    BASEMAP.as_ref().map_err(String::as_str)
}

/// The embedded 1:110m basemap, decoded once per process, or why it could not be.
pub(crate) fn coarse_basemap() -> Result<&'static Basemap, &'static str> {
    COARSE_BASEMAP.as_ref().map_err(String::as_str)
}

static CACHE: Mutex<Vec<Arc<WorldMap>>> = Mutex::new(Vec::new());

/// The world prepared for `setup`, from the cache or prepared now.
pub(crate) fn world_map(setup: &MapSetup) -> Result<Arc<WorldMap>, &'static str> {
    let basemap = world_basemap()?;
    let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(position) = cache.iter().position(|map| map.setup == *setup) {
        let map = cache.remove(position);
        cache.push(Arc::clone(&map));
        return Ok(map);
    }
    let map = Arc::new(WorldMap::prepare(setup.clone(), basemap, coarse_basemap()?));
    if cache.len() >= CACHED_MAPS {
        cache.remove(0);
    }
    cache.push(Arc::clone(&map));
    Ok(map)
}

/// The map setup of `dataset` over the embedded basemap, and the world prepared for it.
pub(crate) fn world_map_for(dataset: &crate::data::Dataset) -> Result<Arc<WorldMap>, &'static str> {
    let basemap = world_basemap()?;
    world_map(&MapSetup::for_dataset(dataset, basemap))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin::builtin_dataset;

    fn builtin_world() -> Arc<WorldMap> {
        world_map_for(&builtin_dataset().expect("loads")).expect("prepares")
    }

    fn usa_russia() -> Arc<WorldMap> {
        let basemap = world_basemap().expect("decodes");
        let mut dataset = builtin_dataset().expect("loads");
        dataset.metadata.map_frame = None;
        dataset.metadata.parties[1].iso_numeric = "840".into();
        dataset.places.clear();
        dataset.corridors.clear();
        dataset.areas.clear();
        world_map(&MapSetup::for_dataset(&dataset, basemap)).expect("prepares")
    }

    fn mesh_area_km2(mesh: &CountryMesh) -> f64 {
        mesh.triangles()
            .map(|[a, b, c]| {
                f64::from(((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs())
                    / 2.0
            })
            .sum()
    }

    fn index_of(world: &WorldMap, iso: &str) -> usize {
        world
            .basemap
            .countries
            .iter()
            .position(|c| c.iso_numeric == iso)
            .expect(iso)
    }

    #[test]
    fn russia_is_labelled_in_the_part_the_builtin_map_shows() {
        let world = builtin_world();
        let russia = index_of(&world, "643");
        let label = &world.labels[russia];
        assert!(label.party);
        let (min, max) = world.setup.frame_km;
        let [x, y] = label.anchor_km;
        assert!((min[0]..=max[0]).contains(&x) && (min[1]..=max[1]).contains(&y));
        assert_eq!(
            world
                .mesh_at(label.anchor_km, 0.0)
                .map(|m| m.iso_numeric.as_str()),
            Some("643")
        );
    }

    #[test]
    fn the_caspian_is_water_and_tehran_is_iran() {
        let world = builtin_world();
        let at = |lon_lat| {
            world
                .mesh_at(world.projection().project(lon_lat), 0.0)
                .map(|m| m.iso_numeric.clone())
        };
        assert_eq!(at([50.5, 42.0]), None);
        assert_eq!(at([51.39, 35.69]).as_deref(), Some("364"));
        assert_eq!(
            at([-77.04, 38.91]).as_deref(),
            Some("840"),
            "the world is there"
        );
    }

    #[test]
    fn zooming_out_picks_coarser_meshes_and_keeps_areas() {
        let world = builtin_world();
        let everything = |_| true;
        let vertices = |km_per_point: f64| {
            world
                .visible_meshes(km_per_point, everything)
                .map(|m| m.vertices_km.len())
                .sum::<usize>()
        };
        let levels: Vec<usize> = [0.2, 1.0, 3.0, 8.0, 20.0, 40.0]
            .into_iter()
            .map(vertices)
            .collect();
        assert!(
            levels.windows(2).all(|pair| pair[1] < pair[0]),
            "{levels:?}"
        );
        let iran = |km_per_point: f64| {
            world
                .visible_meshes(km_per_point, everything)
                .find(|mesh| mesh.iso_numeric == "364")
                .map(mesh_area_km2)
                .expect("Iran at every level")
        };
        let full = iran(0.2);
        assert!((full / 1_648_195.0 - 1.0).abs() < 0.10, "{full}");
        for (from_km_per_point, _, _) in LEVELS {
            let coarse = iran(from_km_per_point + 0.01);
            assert!(
                (coarse / full - 1.0).abs() < 0.03,
                "{from_km_per_point}: {coarse}"
            );
        }
        // A small state the 1:110m basemap lacks is still drawn at the coarsest level.
        assert!(
            world
                .visible_meshes(40.0, everything)
                .any(|mesh| mesh.iso_numeric == "048"),
            "Bahrain"
        );
    }

    #[test]
    fn only_what_is_seen_is_triangulated() {
        let basemap = world_basemap().expect("decodes");
        let world = WorldMap::prepare(
            MapSetup::for_dataset(&builtin_dataset().expect("loads"), basemap),
            basemap,
            coarse_basemap().expect("decodes"),
        );
        let iran = index_of(&world, "364");
        let iran_box = world.countries[iran].bounds_km;
        let shown = world
            .visible_meshes(1.0, |bounds| bounds == iran_box)
            .count();
        assert_eq!(shown, 1);
        let built: usize = world
            .levels
            .iter()
            .flatten()
            .filter(|entry| entry.mesh.get().is_some())
            .count();
        // Iran at this level, and the two parties at the label level.
        assert!(built <= 3, "{built} meshes built");
    }

    #[test]
    fn russia_is_whole_and_beside_alaska_on_a_pacific_map() {
        let world = usa_russia();
        let russia = index_of(&world, "643");
        let mesh = world.mesh(0, russia).expect("Russia");
        let area = mesh_area_km2(mesh);
        assert!((area / 17_098_246.0 - 1.0).abs() < 0.10, "{area}");
        let width_km = mesh.bounds_km.1[0] - mesh.bounds_km.0[0];
        assert!(width_km < 14_000.0, "Russia is {width_km} km wide");
        let chukotka = world.projection().project([-175.0, 66.0]);
        assert_eq!(
            world.mesh_at(chukotka, 0.0).map(|m| m.iso_numeric.as_str()),
            Some("643")
        );
    }

    #[test]
    fn a_map_centred_on_greenwich_cuts_chukotka_without_tearing_it() {
        let basemap = world_basemap().expect("decodes");
        let setup = MapSetup {
            projection: Projection::equal_earth(0.0),
            frame_km: ([-1.0; 2], [1.0; 2]),
            parties: [String::new(), String::new()],
            frame_given: false,
        };
        let world = WorldMap::prepare(setup, basemap, coarse_basemap().expect("decodes"));
        let russia = index_of(&world, "643");
        let mesh = world.mesh(2, russia).expect("Russia");
        let area = mesh_area_km2(mesh);
        assert!((area / 17_098_246.0 - 1.0).abs() < 0.10, "{area}");
        for [a, b, c] in mesh.triangles() {
            let width = a[0].max(b[0]).max(c[0]) - a[0].min(b[0]).min(c[0]);
            // The map is about 34,000 km wide; a torn polygon would cross it.
            assert!(
                width < 15_000.0,
                "a triangle {width} km wide across the map"
            );
        }
        for lon_lat in [[-175.0, 66.0], [175.0, 66.0]] {
            let found = world.mesh_at(world.projection().project(lon_lat), 0.0);
            assert_eq!(
                found.map(|m| m.iso_numeric.as_str()),
                Some("643"),
                "{lon_lat:?}"
            );
        }
    }
}

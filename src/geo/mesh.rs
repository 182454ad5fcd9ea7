//! Country triangle meshes in projected kilometres, built once with `earcutr`, and the
//! per-frame transform of their vertices to screen points.
//!
//! [`crate::geo::world`] projects and triangulates the countries a view shows, once, through
//! [`append_projected_polygon`]; each frame the view only maps vertices to the screen with
//! [`transform_to_screen`] and [`points_to_screen`].

use crate::geo::projection::MapView;

/// One country's fill triangles and outline rings, in projected km (x east, y north).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CountryMesh {
    /// The country's [`crate::geo::basemap::Country::iso_numeric`]; empty for the features without an id.
    pub(crate) iso_numeric: String,
    /// The country's index in [`crate::geo::basemap::Basemap::countries`], which tells apart the features
    /// without an id and gives the name, label point and polygons.
    pub(crate) country_index: usize,
    /// Triangle vertices, km.
    pub(crate) vertices_km: Vec<[f32; 2]>,
    /// Triangles as triples of indexes into `vertices_km`.
    pub(crate) indices: Vec<u32>,
    /// Every ring (exteriors and holes) of the kept polygons, closed (last point = first),
    /// for strokes.
    pub(crate) outlines_km: Vec<Vec<[f32; 2]>>,
    /// The box around all the outlines, `(min, max)` in km.
    pub(crate) bounds_km: ([f32; 2], [f32; 2]),
}

impl CountryMesh {
    /// Whether the projected point `xy_km` lies in one of the mesh's triangles: what is
    /// drawn, so hovering agrees with the fill.
    pub(crate) fn contains_km(&self, xy_km: [f32; 2]) -> bool {
        let (min, max) = self.bounds_km;
        if xy_km[0] < min[0] || xy_km[0] > max[0] || xy_km[1] < min[1] || xy_km[1] > max[1] {
            return false;
        }
        self.triangles()
            .any(|triangle| triangle_contains(triangle, xy_km))
    }

    /// The mesh's triangles as vertex positions (km); skips any index out of range.
    pub(crate) fn triangles(&self) -> impl Iterator<Item = [[f32; 2]; 3]> + '_ {
        self.indices.chunks_exact(3).filter_map(|triangle| {
            let vertex = |i: u32| self.vertices_km.get(usize::try_from(i).ok()?).copied();
            Some([
                vertex(triangle[0])?,
                vertex(triangle[1])?,
                vertex(triangle[2])?,
            ])
        })
    }
}

/// Douglas–Peucker on an open ring: the points to keep, first and last always kept.
fn simplify_open(points: &[[f64; 2]], tolerance_km: f64) -> Vec<[f64; 2]> {
    if points.len() <= 2 || tolerance_km <= 0.0 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((start, end)) = stack.pop() {
        let (a, b) = (points[start], points[end]);
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let length = dx.hypot(dy);
        let mut farthest = (0.0, start);
        for (index, p) in points.iter().enumerate().take(end).skip(start + 1) {
            let distance = if length > 0.0 {
                (dy * (p[0] - a[0]) - dx * (p[1] - a[1])).abs() / length
            } else {
                (p[0] - a[0]).hypot(p[1] - a[1])
            };
            if distance > farthest.0 {
                farthest = (distance, index);
            }
        }
        if farthest.0 > tolerance_km {
            keep[farthest.1] = true;
            stack.push((start, farthest.1));
            stack.push((farthest.1, end));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(point, kept)| kept.then_some(*point))
        .collect()
}

/// A closed ring (given open, projected) simplified, split at its first point and the
/// point farthest from it so that both halves keep their ends; `None` when too little is left.
fn simplify_ring(ring_km: &[[f64; 2]], tolerance_km: f64) -> Option<Vec<[f64; 2]>> {
    if tolerance_km <= 0.0 {
        return Some(ring_km.to_vec());
    }
    let first = *ring_km.first()?;
    let (split, _) = ring_km
        .iter()
        .enumerate()
        .fold((0, 0.0), |best, (index, p)| {
            let distance = (p[0] - first[0]).hypot(p[1] - first[1]);
            if distance > best.1 {
                (index, distance)
            } else {
                best
            }
        });
    if split == 0 {
        return None;
    }
    let mut closed: Vec<[f64; 2]> = ring_km.to_vec();
    closed.push(first);
    let mut simplified = simplify_open(&closed[..=split], tolerance_km);
    simplified.pop();
    simplified.extend(simplify_open(&closed[split..], tolerance_km));
    simplified.pop();
    let area = simplified
        .iter()
        .zip(simplified.iter().cycle().skip(1))
        .map(|(a, b)| a[0] * b[1] - b[0] * a[1])
        .sum::<f64>()
        .abs()
        / 2.0;
    (simplified.len() >= 3 && area >= tolerance_km * tolerance_km).then_some(simplified)
}

/// Writes into `out` (cleared first) the screen positions of `mesh`'s vertices, in the
/// order of [`CountryMesh::vertices_km`], so that `mesh.indices` index `out`.
pub(crate) fn transform_to_screen(
    mesh: &CountryMesh,
    view: &MapView,
    rect_min: [f32; 2],
    size: [f32; 2],
    out: &mut Vec<[f32; 2]>,
) {
    points_to_screen(&mesh.vertices_km, view, rect_min, size, out);
}

/// Writes into `out` (cleared first) the screen positions of the projected `points_km`,
/// for example one of [`CountryMesh::outlines_km`].
pub(crate) fn points_to_screen(
    points_km: &[[f32; 2]],
    view: &MapView,
    rect_min: [f32; 2],
    size: [f32; 2],
    out: &mut Vec<[f32; 2]>,
) {
    let transform = view.screen_transform(rect_min, size);
    out.clear();
    out.extend(
        points_km
            .iter()
            .map(|point| transform.apply([f64::from(point[0]), f64::from(point[1])])),
    );
}

/// The box around `outlines_km`, `(min, max)`; inverted (infinite) when there are none.
pub(crate) fn outline_bounds(outlines_km: &[Vec<[f32; 2]>]) -> ([f32; 2], [f32; 2]) {
    let (mut min, mut max) = ([f32::INFINITY; 2], [f32::NEG_INFINITY; 2]);
    for point in outlines_km.iter().flatten() {
        for axis in 0..2 {
            min[axis] = min[axis].min(point[axis]);
            max[axis] = max[axis].max(point[axis]);
        }
    }
    (min, max)
}

/// Adds one projected polygon (open rings in km, the exterior first) to `mesh`: its
/// outlines and triangles, its rings simplified to `tolerance_km`.
pub(crate) fn append_projected_polygon(
    mesh: &mut CountryMesh,
    rings_km: &[Vec<[f64; 2]>],
    name: &str,
    tolerance_km: f64,
) {
    let mut coords_km: Vec<f64> = Vec::new();
    let mut hole_starts: Vec<usize> = Vec::new();
    for (ring_number, projected) in rings_km.iter().enumerate() {
        if projected.len() < 3 {
            if ring_number == 0 {
                return;
            }
            continue;
        }
        let Some(simplified) = simplify_ring(projected, tolerance_km) else {
            if ring_number == 0 {
                return;
            }
            continue;
        };
        if ring_number > 0 {
            if coords_km.is_empty() {
                return;
            }
            hole_starts.push(coords_km.len() / 2);
        }
        let mut outline = Vec::with_capacity(simplified.len() + 1);
        for xy_km in simplified {
            coords_km.extend_from_slice(&xy_km);
            outline.push(km_f32(xy_km));
        }
        if let Some(&first) = outline.first() {
            outline.push(first);
        }
        mesh.outlines_km.push(outline);
    }
    if coords_km.is_empty() {
        return;
    }
    let triangles = match earcutr::earcut(&coords_km, &hole_starts, 2) {
        Ok(triangles) => triangles,
        Err(error) => {
            log::warn!("cannot triangulate a polygon of {name}: {error}");
            return;
        }
    };
    let base = mesh.vertices_km.len();
    let Some(indices) = triangles
        .iter()
        .map(|&i| u32::try_from(base + i).ok())
        .collect::<Option<Vec<u32>>>()
    else {
        log::warn!("too many vertices to index a polygon of {name}");
        return;
    };
    mesh.vertices_km.extend(
        coords_km
            .chunks_exact(2)
            .map(|xy_km| km_f32([xy_km[0], xy_km[1]])),
    );
    mesh.indices.extend(indices);
}

/// A closed ring without its repeated last point.
pub(crate) fn open_ring(ring: &[[f64; 2]]) -> &[[f64; 2]] {
    match ring {
        [first, .., last] if first == last => &ring[..ring.len() - 1],
        _ => ring,
    }
}

/// Whether `point` lies in the triangle (edges included), whatever its winding.
fn triangle_contains([a, b, c]: [[f32; 2]; 3], point: [f32; 2]) -> bool {
    let side = |p: [f32; 2], q: [f32; 2]| {
        (q[0] - p[0]) * (point[1] - p[1]) - (q[1] - p[1]) * (point[0] - p[0])
    };
    let (ab, bc, ca) = (side(a, b), side(b, c), side(c, a));
    let has_negative = ab < 0.0 || bc < 0.0 || ca < 0.0;
    let has_positive = ab > 0.0 || bc > 0.0 || ca > 0.0;
    !(has_negative && has_positive)
}

/// A projected position in km, stored as `f32` for the GPU.
#[expect(
    clippy::cast_possible_truncation,
    reason = "projected km are within ±40,000, where f32 keeps metre precision"
)]
fn km_f32(xy_km: [f64; 2]) -> [f32; 2] {
    [xy_km[0] as f32, xy_km[1] as f32]
}

#[cfg(test)]
#[allow(clippy::expect_used)] // Tests may panic with a message.
mod tests {
    use super::*;
    use crate::geo::basemap::{Basemap, Country, LonLatBounds, Polygon, builtin_basemap};
    use crate::geo::projection::Projection;
    use std::sync::OnceLock;

    // The meshes of a whole basemap built in one go, as the map once did before
    // `crate::geo::world` cut and triangulated it lazily: a fixture for these tests only.

    /// Projects and triangulates, once, each country of `basemap` whose bounds meet
    /// `clip_lon_lat`, keeping only its polygons whose bounds meet `clip_lon_lat` (so Russia
    /// keeps its mainland and western islands but not Sakhalin or the Kurils for a clip box
    /// ending at 110°E). Longitudes are compared modulo 360°. A polygon `earcutr` cannot
    /// triangulate keeps its outline and loses its fill (logged as a warning).
    ///
    /// The clip box must lie within 180° of the projection's central meridian: polygons beyond
    /// the meridian opposite it would be torn apart; [`crate::geo::world`] cuts polygons there first.
    fn build_meshes(
        basemap: &Basemap,
        projection: &Projection,
        clip_lon_lat: LonLatBounds,
    ) -> Vec<CountryMesh> {
        build_simplified_meshes(basemap, projection, clip_lon_lat, 0.0)
    }

    /// Like [`build_meshes`], with every projected ring first simplified (Douglas–Peucker)
    /// so that no point moves more than `tolerance_km`; rings that shrink to fewer than
    /// three points or to less than `tolerance_km²` of area are left out. A level of detail
    /// for views where a screen point covers several kilometres.
    fn build_simplified_meshes(
        basemap: &Basemap,
        projection: &Projection,
        clip_lon_lat: LonLatBounds,
        tolerance_km: f64,
    ) -> Vec<CountryMesh> {
        basemap
            .countries
            .iter()
            .enumerate()
            .filter_map(|(country_index, country)| {
                build_country_mesh(
                    country_index,
                    country,
                    projection,
                    &clip_lon_lat,
                    tolerance_km,
                )
            })
            .collect()
    }

    /// The mesh of one country, or `None` if none of its polygons meets the clip box.
    fn build_country_mesh(
        country_index: usize,
        country: &Country,
        projection: &Projection,
        clip_lon_lat: &LonLatBounds,
        tolerance_km: f64,
    ) -> Option<CountryMesh> {
        if !country.bounds.intersects_wrapped(clip_lon_lat) {
            return None;
        }
        let mut mesh = CountryMesh {
            iso_numeric: country.iso_numeric.clone(),
            country_index,
            vertices_km: Vec::new(),
            indices: Vec::new(),
            outlines_km: Vec::new(),
            bounds_km: ([f32::INFINITY; 2], [f32::NEG_INFINITY; 2]),
        };
        for polygon in &country.polygons {
            if polygon.bounds().intersects_wrapped(clip_lon_lat) {
                append_polygon(&mut mesh, polygon, projection, &country.name, tolerance_km);
            }
        }
        if mesh.outlines_km.is_empty() {
            return None;
        }
        mesh.bounds_km = outline_bounds(&mesh.outlines_km);
        Some(mesh)
    }

    /// Adds one polygon's outlines and triangles to `mesh`, its rings simplified to `tolerance_km`.
    fn append_polygon(
        mesh: &mut CountryMesh,
        polygon: &Polygon,
        projection: &Projection,
        name: &str,
        tolerance_km: f64,
    ) {
        let rings_km: Vec<Vec<[f64; 2]>> = std::iter::once(&polygon.exterior)
            .chain(&polygon.holes)
            .map(|ring| {
                open_ring(ring)
                    .iter()
                    .map(|&lon_lat| projection.project(lon_lat))
                    .collect()
            })
            .collect();
        append_projected_polygon(mesh, &rings_km, name, tolerance_km);
    }

    /// The clip box the app uses: lon 0..110, lat -5..75.
    const CLIP: LonLatBounds = LonLatBounds {
        min: [0.0, -5.0],
        max: [110.0, 75.0],
    };

    /// The built-in basemap and its meshes, built once for all tests.
    fn fixture() -> &'static (Basemap, Vec<CountryMesh>) {
        static FIXTURE: OnceLock<(Basemap, Vec<CountryMesh>)> = OnceLock::new();
        FIXTURE.get_or_init(|| {
            let basemap = builtin_basemap().expect("the built-in basemap decodes");
            let meshes = build_meshes(&basemap, &Projection::region(), CLIP);
            (basemap, meshes)
        })
    }

    fn mesh(iso: &str) -> &'static CountryMesh {
        fixture()
            .1
            .iter()
            .find(|mesh| mesh.iso_numeric == iso)
            .expect(iso)
    }

    fn triangle_area_km2([a, b, c]: [[f32; 2]; 3]) -> f64 {
        let (a, b, c) = (a.map(f64::from), b.map(f64::from), c.map(f64::from));
        ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
    }

    fn mesh_area_km2(mesh: &CountryMesh) -> f64 {
        mesh.triangles().map(triangle_area_km2).sum()
    }

    #[test]
    fn meshes_are_well_formed() {
        let (basemap, meshes) = fixture();
        assert!(meshes.len() > 60 && meshes.len() < basemap.countries.len());
        for mesh in meshes {
            let country = &basemap.countries[mesh.country_index];
            assert_eq!(mesh.iso_numeric, country.iso_numeric);
            assert_eq!(mesh.indices.len() % 3, 0, "{}", country.name);
            assert!(
                mesh.indices
                    .iter()
                    .all(|&i| (i as usize) < mesh.vertices_km.len()),
                "{}",
                country.name
            );
            assert!(!mesh.outlines_km.is_empty());
            for outline in &mesh.outlines_km {
                assert!(outline.len() >= 4 && outline.first() == outline.last());
            }
            let (min, max) = mesh.bounds_km;
            assert!(min[0] <= max[0] && min[1] <= max[1]);
            assert!(
                mesh.vertices_km
                    .iter()
                    .all(|v| v[0].is_finite() && v[1].is_finite())
            );
        }
        for far in ["036", "076", "840", "010"] {
            assert!(
                meshes.iter().all(|mesh| mesh.iso_numeric != far),
                "{far} is clipped"
            );
        }
    }

    #[test]
    fn iran_mesh_has_iran_s_area() {
        let iran = mesh("364");
        assert!(iran.indices.len() >= 3);
        let area = mesh_area_km2(iran);
        assert!(
            (area / 1_648_195.0 - 1.0).abs() < 0.10,
            "Iran's mesh covers {area} km²"
        );
    }

    #[test]
    fn russia_mesh_is_whole_across_the_antimeridian() {
        let russia = mesh("643");
        let area = mesh_area_km2(russia);
        assert!(
            (area / 17_098_246.0 - 1.0).abs() < 0.10,
            "Russia's mesh covers {area} km²"
        );
        let width_km = russia.bounds_km.1[0] - russia.bounds_km.0[0];
        assert!(width_km < 10_000.0, "Russia is {width_km} km wide");
    }

    #[test]
    fn triangles_honour_the_caspian() {
        let projection = Projection::region();
        let to_km = |lon_lat: [f64; 2]| km_f32(projection.project(lon_lat));
        let caspian = to_km([50.5, 42.0]);
        let (basemap, meshes) = fixture();
        for mesh in meshes {
            assert!(
                !mesh.contains_km(caspian),
                "the Caspian is in {}'s mesh",
                basemap.countries[mesh.country_index].name
            );
        }
        assert!(mesh("364").contains_km(to_km([51.39, 35.69])), "Tehran");
        assert!(mesh("643").contains_km(to_km([37.62, 55.76])), "Moscow");
    }

    #[test]
    fn frame_transform_matches_the_view() {
        let iran = mesh("364");
        let (rect_min, size) = ([12.0, 34.0], [1600.0, 900.0]);
        let view = MapView::default_for(size);
        let mut out = vec![[9.0, 9.0]];
        transform_to_screen(iran, &view, rect_min, size, &mut out);
        assert_eq!(out.len(), iran.vertices_km.len());
        for (pos_screen, xy_km) in out.iter().zip(&iran.vertices_km) {
            let expected = view.to_screen(xy_km.map(f64::from), rect_min, size);
            assert!((pos_screen[0] - expected[0]).abs() < 1e-3);
            assert!((pos_screen[1] - expected[1]).abs() < 1e-3);
            assert!((0.0..=1612.0).contains(&pos_screen[0]), "Iran is on screen");
        }
        points_to_screen(&iran.outlines_km[0], &view, rect_min, size, &mut out);
        assert_eq!(out.len(), iran.outlines_km[0].len());
    }

    #[test]
    fn simplified_meshes_keep_area_with_far_fewer_vertices() {
        let basemap = builtin_basemap().expect("decodes");
        let projection = Projection::region();
        let clip = LonLatBounds::new([-10.0, -5.0], [110.0, 75.0]);
        let full = build_meshes(&basemap, &projection, clip);
        let coarse = build_simplified_meshes(&basemap, &projection, clip, 2.0);
        let vertices =
            |meshes: &[CountryMesh]| meshes.iter().map(|m| m.vertices_km.len()).sum::<usize>();
        assert!(
            vertices(&coarse) * 5 < vertices(&full) * 3,
            "{} vs {}",
            vertices(&coarse),
            vertices(&full)
        );
        let area = |meshes: &[CountryMesh], iso: &str| -> f64 {
            meshes
                .iter()
                .filter(|m| m.iso_numeric == iso)
                .flat_map(CountryMesh::triangles)
                .map(|[a, b, c]| {
                    f64::from(((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs())
                        / 2.0
                })
                .sum()
        };
        let (full_iran, coarse_iran) = (area(&full, "364"), area(&coarse, "364"));
        assert!(
            (coarse_iran / full_iran - 1.0).abs() < 0.02,
            "{coarse_iran} vs {full_iran}"
        );
    }

    #[test]
    fn douglas_peucker_drops_only_points_within_tolerance() {
        let line = [[0.0, 0.0], [1.0, 0.1], [2.0, -0.1], [3.0, 5.0], [4.0, 0.0]];
        assert_eq!(
            simplify_open(&line, 0.5),
            vec![[0.0, 0.0], [2.0, -0.1], [3.0, 5.0], [4.0, 0.0]]
        );
        assert_eq!(simplify_open(&line, 0.0).len(), line.len());
    }

    #[test]
    fn triangulates_holes() {
        let square =
            |min: f64, max: f64| vec![[min, min], [max, min], [max, max], [min, max], [min, min]];
        let polygon = Polygon {
            exterior: square(40.0, 44.0),
            holes: vec![square(41.0, 43.0)],
        };
        let mut mesh = CountryMesh {
            iso_numeric: String::new(),
            country_index: 0,
            vertices_km: Vec::new(),
            indices: Vec::new(),
            outlines_km: Vec::new(),
            bounds_km: ([0.0; 2], [0.0; 2]),
        };
        append_polygon(&mut mesh, &polygon, &Projection::region(), "test", 0.0);
        assert_eq!(mesh.outlines_km.len(), 2);
        assert_eq!(mesh.vertices_km.len(), 8);
        assert_eq!(
            mesh.indices.len(),
            8 * 3,
            "a square ring makes eight triangles"
        );
        let to_km = |lon_lat: [f64; 2]| km_f32(Projection::region().project(lon_lat));
        assert!(
            !mesh
                .triangles()
                .any(|t| triangle_contains(t, to_km([42.0, 42.0])))
        );
        assert!(
            mesh.triangles()
                .any(|t| triangle_contains(t, to_km([40.5, 42.0])))
        );
    }
}

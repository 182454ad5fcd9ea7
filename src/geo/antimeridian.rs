//! Cutting the basemap along the meridian opposite a projection's centre.
//!
//! The basemap's rings are continuous in longitude (Russia's Chukotka runs on past 180°E;
//! see [`crate::geo::basemap`]). A projection centred on `lon0` shows longitudes
//! `lon0 - 180 ..= lon0 + 180`; a polygon that reaches across `lon0 + 180` is cut there
//! and the part beyond is moved by −360°, so every piece projects without a seam torn
//! across the map (Chukotka for a map centred on the Atlantic, Fiji, the Pacific routes).

use crate::geo::basemap::Polygon;
use crate::geo::mesh::open_ring;

/// The pieces of `polygon` with every longitude in `lon0 - 180 ..= lon0 + 180`, as open
/// rings (exterior first, then holes) per piece. Rings are clipped with
/// Sutherland–Hodgman against the cut meridian; a clipped ring closes along the cut.
pub(crate) fn pieces_within(polygon: &Polygon, lon0: f64) -> Vec<Vec<Vec<[f64; 2]>>> {
    let cut = lon0 + 180.0;
    let exterior = open_ring(&polygon.exterior);
    let Some(min_lon) = exterior.iter().map(|p| p[0]).reduce(f64::min) else {
        return Vec::new();
    };
    let max_lon = exterior
        .iter()
        .map(|p| p[0])
        .fold(f64::NEG_INFINITY, f64::max);
    // Move the polygon so its west edge lies in cut - 360 .. cut.
    let shift = ((cut - 360.0 - min_lon) / 360.0).ceil() * 360.0;
    let shifted = |ring: &[[f64; 2]], by: f64| -> Vec<[f64; 2]> {
        ring.iter().map(|p| [p[0] + by, p[1]]).collect()
    };
    let rings: Vec<Vec<[f64; 2]>> = std::iter::once(exterior)
        .chain(polygon.holes.iter().map(|hole| open_ring(hole)))
        .map(|ring| shifted(ring, shift))
        .collect();
    if max_lon + shift <= cut {
        return vec![rings];
    }
    let mut pieces = Vec::new();
    for keep_west in [true, false] {
        let back = if keep_west { 0.0 } else { -360.0 };
        let mut clipped: Vec<Vec<[f64; 2]>> = Vec::new();
        for (number, ring) in rings.iter().enumerate() {
            let piece = clip_ring(ring, cut, keep_west);
            if piece.len() < 3 {
                if number == 0 {
                    break;
                }
                continue;
            }
            clipped.push(shifted(&piece, back));
        }
        if !clipped.is_empty() {
            pieces.push(clipped);
        }
    }
    pieces
}

/// The part of the open ring west (`keep_west`) or east of the meridian `cut`.
fn clip_ring(ring: &[[f64; 2]], cut: f64, keep_west: bool) -> Vec<[f64; 2]> {
    let inside = |p: [f64; 2]| if keep_west { p[0] <= cut } else { p[0] >= cut };
    let mut out = Vec::with_capacity(ring.len());
    let Some(&last) = ring.last() else {
        return out;
    };
    let mut previous = last;
    for &current in ring {
        let crossing = || {
            let t = (cut - previous[0]) / (current[0] - previous[0]);
            [cut, previous[1] + t * (current[1] - previous[1])]
        };
        match (inside(previous), inside(current)) {
            (true, true) => out.push(current),
            (true, false) => out.push(crossing()),
            (false, true) => {
                out.push(crossing());
                out.push(current);
            }
            (false, false) => {}
        }
        previous = current;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(west: f64, east: f64) -> Polygon {
        Polygon {
            exterior: vec![
                [west, 60.0],
                [east, 60.0],
                [east, 70.0],
                [west, 70.0],
                [west, 60.0],
            ],
            holes: Vec::new(),
        }
    }

    fn lon_range(rings: &[Vec<[f64; 2]>]) -> (f64, f64) {
        let lons = rings.iter().flatten().map(|p| p[0]);
        (
            lons.clone().fold(f64::INFINITY, f64::min),
            lons.fold(f64::NEG_INFINITY, f64::max),
        )
    }

    #[test]
    fn a_polygon_away_from_the_cut_is_kept_whole_and_moved_into_range() {
        let pieces = pieces_within(&square(170.0, 175.0), -160.0);
        assert_eq!(pieces.len(), 1);
        assert_eq!(lon_range(&pieces[0]), (-190.0, -185.0));
        let pieces = pieces_within(&square(40.0, 60.0), 52.0);
        assert_eq!(lon_range(&pieces[0]), (40.0, 60.0));
    }

    #[test]
    fn chukotka_is_cut_at_the_antimeridian_for_a_map_centred_on_greenwich() {
        let pieces = pieces_within(&square(170.0, 190.0), 0.0);
        assert_eq!(pieces.len(), 2);
        assert_eq!(lon_range(&pieces[0]), (170.0, 180.0));
        assert_eq!(lon_range(&pieces[1]), (-180.0, -170.0));
        for piece in &pieces {
            assert_eq!(piece[0].len(), 4, "a rectangle each: {piece:?}");
        }
    }

    #[test]
    fn a_map_centred_on_the_pacific_keeps_chukotka_whole() {
        let pieces = pieces_within(&square(170.0, 190.0), 160.0);
        assert_eq!(pieces.len(), 1);
        assert_eq!(lon_range(&pieces[0]), (170.0, 190.0));
    }
}

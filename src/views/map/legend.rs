//! The key in the map's corner, which explains only what the map shows this frame (no
//! key at all for a map with no places, areas or routes) and folds away to one small
//! button; and the basemap credit.

use eframe::egui::{self, Color32, Painter, Rect, vec2};

use super::layers::{CORRIDOR_FALLBACK, PLACE_AND_AREA_FALLBACK, record_domain};
use crate::data::{Dataset, Domain, PlaceKind, SegmentStatus, Stance};
use crate::geo::filter::MapFilter;
use crate::views::theme::{self, MapColors};

/// The height of one line of the key, in points.
const LINE_HEIGHT: f32 = 16.0;
/// The key's inner margin, in points.
const PADDING: f32 = 6.0;
/// The key's distance from the map's edge, in points.
const MARGIN: f32 = 2.0 * PADDING;

/// Place symbols, each with the kinds drawn that way.
const SYMBOLS: [(&[PlaceKind], &str); 5] = [
    (&[PlaceKind::AirBase], "triangle = air base"),
    (&[PlaceKind::NuclearFacility], "diamond = nuclear"),
    (
        &[PlaceKind::Port, PlaceKind::NavalBase],
        "square = port or base",
    ),
    (&[PlaceKind::BorderCrossing], "hexagon = crossing"),
    (
        &[
            PlaceKind::City,
            PlaceKind::Facility,
            PlaceKind::Region,
            PlaceKind::Sea,
        ],
        "circle = city, facility, region or sea",
    ),
];

/// How a place's symbol shows its stance.
const PLACE_STANCES: [(Stance, &str); 4] = [
    (Stance::Cooperation, "filled = cooperation"),
    (Stance::Divergence, "hollow = divergence"),
    (Stance::Mixed, "half = mixed"),
    (Stance::Context, "grey = context"),
];

/// How an area's edge shows its stance.
const AREA_STANCES: [(Stance, &str); 4] = [
    (Stance::Cooperation, "solid edge = cooperation"),
    (Stance::Divergence, "dashed = divergence"),
    (Stance::Mixed, "dotted = mixed"),
    (Stance::Context, "thin short dash = context"),
];

/// How a route's segment shows its status (a missing link has a line of its own).
const ROUTE_STATUSES: [(SegmentStatus, &str); 3] = [
    (SegmentStatus::Operating, "solid = operating"),
    (
        SegmentStatus::UnderConstruction,
        "long dash = under construction",
    ),
    (SegmentStatus::Planned, "short dash = planned"),
];

/// What the key explains: the symbols, stances and statuses the map shows this frame,
/// and the domains whose colours it uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct KeyContents {
    /// Lines of text, in order.
    lines: Vec<String>,
    /// Whether a route has a missing link (a line of its own, in its colour).
    missing_link: bool,
    /// The domains whose colours are on the map, in [`Domain::ALL`] order.
    domains: Vec<Domain>,
}

impl KeyContents {
    /// What the map of `year` with `filter` shows of `dataset`.
    pub(super) fn of(dataset: &Dataset, filter: &MapFilter, year: i32) -> Self {
        let places: Vec<_> = dataset
            .places
            .iter()
            .filter(|p| filter.shows(year, &p.domains, p.stance, p.years))
            .collect();
        let areas: Vec<_> = dataset
            .areas
            .iter()
            .filter(|a| filter.shows(year, &a.domains, a.stance, a.years))
            .collect();
        let corridors: Vec<_> = dataset
            .corridors
            .iter()
            .filter(|c| filter.shows(year, &c.domains, c.stance, c.years))
            .collect();
        let mut lines = Vec::new();
        push_joined(
            &mut lines,
            "",
            SYMBOLS
                .iter()
                .filter(|(kinds, _)| places.iter().any(|p| kinds.contains(&p.kind))),
        );
        push_joined(
            &mut lines,
            "",
            PLACE_STANCES
                .iter()
                .filter(|(stance, _)| places.iter().any(|p| p.stance == *stance)),
        );
        push_joined(
            &mut lines,
            "areas: ",
            AREA_STANCES
                .iter()
                .filter(|(stance, _)| areas.iter().any(|a| a.stance == *stance)),
        );
        let statuses = || corridors.iter().flat_map(|c| &c.segments).map(|s| s.status);
        push_joined(
            &mut lines,
            "routes: ",
            ROUTE_STATUSES
                .iter()
                .filter(|(status, _)| statuses().any(|s| s == *status)),
        );
        // The colour a record is drawn in: its first domain's, or its layer's fallback.
        let colours: Vec<Domain> = places
            .iter()
            .map(|p| record_domain(&p.domains, PLACE_AND_AREA_FALLBACK))
            .chain(
                areas
                    .iter()
                    .map(|a| record_domain(&a.domains, PLACE_AND_AREA_FALLBACK)),
            )
            .chain(
                corridors
                    .iter()
                    .map(|c| record_domain(&c.domains, CORRIDOR_FALLBACK)),
            )
            .collect();
        Self {
            lines,
            missing_link: statuses().any(|s| s == SegmentStatus::MissingLink),
            domains: Domain::ALL
                .into_iter()
                .filter(|domain| colours.contains(domain))
                .collect(),
        }
    }

    /// Whether the map shows nothing the key explains.
    pub(super) fn is_empty(&self) -> bool {
        self.lines.is_empty() && !self.missing_link
    }
}

/// Adds `prefix` and the labels of `items`, joined, as one line, when there are any.
fn push_joined<'a, T: 'a>(
    lines: &mut Vec<String>,
    prefix: &str,
    items: impl Iterator<Item = &'a (T, &'static str)>,
) {
    let labels: Vec<&str> = items.map(|(_, label)| *label).collect();
    if !labels.is_empty() {
        lines.push(format!("{prefix}{}", labels.join(" · ")));
    }
}

/// About how tall the key of `contents` is with its margin, in points (nothing when there is
/// no key or it is folded): a computed default frame is fitted above it.
pub(super) fn key_height_points(contents: &KeyContents, folded: bool) -> f32 {
    if contents.is_empty() || folded {
        return 0.0;
    }
    // The title, the lines, the missing link and the colour line.
    let rows = 2 + contents.lines.len() + usize::from(contents.missing_link);
    #[expect(clippy::cast_precision_loss, reason = "a handful of rows")]
    let height = rows as f32 * LINE_HEIGHT;
    height + 2.0 * PADDING + MARGIN
}

/// Paints the key of `contents` in the map's bottom-left corner, sized to its text, or
/// only its title when `folded`; returns where it is, to be clicked to fold or unfold it.
/// Where the domain toggles are hidden (presenting, exporting), `list_domains` lists the
/// domains on the map with their colours; otherwise the key points to the toggles.
pub(super) fn paint_legend(
    painter: &Painter,
    rect: Rect,
    colors: MapColors,
    contents: &KeyContents,
    list_domains: bool,
    folded: bool,
) -> Option<Rect> {
    if contents.is_empty() {
        return None;
    }
    let font = egui::FontId::proportional(12.0);
    let title = if folded { "Key (show)" } else { "Key (hide)" };
    let mut lines: Vec<(String, Color32)> = vec![(title.to_owned(), colors.label)];
    if !folded {
        lines.extend(
            contents
                .lines
                .iter()
                .map(|line| (line.clone(), colors.label)),
        );
        if contents.missing_link {
            lines.push((
                "orange dots with ! = missing link".to_owned(),
                theme::MISSING_LINK,
            ));
        }
        let colour_line = if list_domains {
            "colour = domain:"
        } else {
            "colour = domain (see the toggles above)"
        };
        lines.push((colour_line.to_owned(), colors.label));
    }
    let galleys: Vec<_> = lines
        .into_iter()
        .map(|(text, color)| painter.layout_no_wrap(text, font.clone(), color))
        .collect();
    let mut width = galleys.iter().map(|g| g.size().x).fold(0.0, f32::max);
    // The domain key: a swatch and a name each, after "colour = domain:", wrapping rows.
    let max_width = (rect.width() - 4.0 * PADDING).max(width);
    let mut key = Vec::new();
    let mut x = galleys.last().map_or(0.0, |g| g.size().x) + 8.0;
    let mut row = galleys.len() - 1;
    let listed: &[Domain] = if list_domains && !folded {
        &contents.domains
    } else {
        &[]
    };
    for domain in listed {
        let name = painter.layout_no_wrap(domain.label().to_owned(), font.clone(), colors.label);
        let item_width = 14.0 + name.size().x + 10.0;
        if x + item_width > max_width {
            row += 1;
            x = 0.0;
        }
        key.push((x, row, theme::domain_color(*domain), name));
        x += item_width;
        width = width.max(x);
    }
    let rows = row + 1;
    #[expect(clippy::cast_precision_loss, reason = "a handful of rows")]
    let height = rows as f32 * LINE_HEIGHT;
    let origin = rect.left_bottom() + vec2(MARGIN, -MARGIN - height);
    let background = Rect::from_min_size(origin, vec2(width, height)).expand(PADDING);
    painter.rect_filled(background, 4.0, colors.water.gamma_multiply(0.85));
    for (index, galley) in galleys.into_iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "a handful of lines")]
        let y = index as f32 * LINE_HEIGHT;
        painter.galley(origin + vec2(0.0, y), galley, colors.label);
    }
    for (x, row, color, name) in key {
        #[expect(clippy::cast_precision_loss, reason = "a handful of rows")]
        let top_left = origin + vec2(x, row as f32 * LINE_HEIGHT);
        painter.circle_filled(top_left + vec2(5.0, LINE_HEIGHT / 2.0 - 1.0), 5.0, color);
        painter.galley(top_left + vec2(14.0, 0.0), name, colors.label);
    }
    Some(background)
}

/// The basemap's source and the projection's name, in the bottom-right corner.
pub(super) fn paint_credit(
    painter: &Painter,
    rect: Rect,
    colors: MapColors,
    projection: &crate::geo::projection::Projection,
) {
    painter.text(
        rect.right_bottom() + vec2(-8.0, -6.0),
        egui::Align2::RIGHT_BOTTOM,
        format!(
            "Basemap: Natural Earth via world-atlas 2.0.2 · {}",
            projection.name()
        ),
        egui::FontId::proportional(11.0),
        colors.label,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin::builtin_dataset;
    use crate::data::country::Pair;
    use crate::data::new_relationship::new_relationship;
    use crate::data::{PartialDate, YearSpan};

    #[test]
    fn a_new_relationship_has_no_key() {
        let pair = Pair::parse("USA,IRN").expect("known pair");
        let dataset = new_relationship(pair, PartialDate::year(2026)).expect("made");
        let contents = KeyContents::of(&dataset, &MapFilter::all(), 2024);
        assert!(contents.is_empty(), "{contents:?}");
        assert!(contents.domains.is_empty());
        assert_eq!(key_height_points(&contents, false), 0.0);
    }

    #[test]
    fn the_key_explains_what_the_built_in_map_shows_and_only_that() {
        let dataset = builtin_dataset().expect("built-in loads");
        let all = KeyContents::of(&dataset, &MapFilter::all(), 2016);
        assert!(!all.is_empty());
        assert!(
            all.lines.iter().any(|line| line.starts_with("routes: ")),
            "{all:?}"
        );
        let air_base = dataset
            .places
            .iter()
            .any(|p| p.kind == PlaceKind::AirBase && p.years.contains(2016));
        assert_eq!(
            all.lines
                .iter()
                .any(|line| line.contains("triangle = air base")),
            air_base
        );
        // Only routes' domains: the key names no symbol or area.
        let mut places_gone = dataset.clone();
        places_gone.places.clear();
        places_gone.areas.clear();
        let routes_only = KeyContents::of(&places_gone, &MapFilter::all(), 2016);
        assert!(
            routes_only
                .lines
                .iter()
                .all(|line| line.starts_with("routes: ")),
            "{routes_only:?}"
        );
        assert!(key_height_points(&routes_only, false) < key_height_points(&all, false));
        assert_eq!(key_height_points(&all, true), 0.0, "folded");
    }

    #[test]
    fn the_colours_are_those_of_the_records_shown() {
        let mut dataset = builtin_dataset().expect("built-in loads");
        dataset.areas.clear();
        dataset.corridors.clear();
        dataset.places.truncate(1);
        let place = &mut dataset.places[0];
        place.domains = vec![Domain::Energy, Domain::Military];
        place.years = YearSpan {
            from: 2000,
            to: None,
            approximate: false,
        };
        let contents = KeyContents::of(&dataset, &MapFilter::all(), 2016);
        assert_eq!(
            contents.domains,
            [Domain::Energy],
            "the first domain's colour"
        );
        assert_eq!(
            contents.lines.len(),
            2,
            "its symbol and stance: {contents:?}"
        );
        let before = KeyContents::of(&dataset, &MapFilter::all(), 1990);
        assert!(before.is_empty(), "not yet on the map");
    }
}

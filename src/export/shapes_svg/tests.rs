//! The writer on shapes egui makes: drawn through a `Ui` in an export's own context, as the
//! views draw, and read back from the SVG with an XML parser.

use std::sync::Arc;

use eframe::egui::{
    self, Color32, CornerRadius, FontId, Mesh, Rect, Shape, Stroke, StrokeKind, pos2, vec2,
};
use resvg::usvg::roxmltree::{Document, Node};

use super::*;
use crate::export::png::PngFrame;
use crate::export::view_svg::capture_svg;
use crate::views::paint::sprites::{SpriteLayer, SpriteShape, SpriteSheet};

const SIZE: Vec2 = Vec2::new(400.0, 300.0);

/// What `draw` paints, framed as an export frames a view, as SVG.
fn captured(draw: impl FnMut(&mut egui::Ui)) -> Result<String, Unwritable> {
    let frame = PngFrame {
        title: "A frame title".into(),
        source_line: "Sources: a test".into(),
        dark: false,
    };
    capture_svg(SIZE, &frame, draw)
}

fn elements<'a>(document: &'a Document<'a>, name: &str) -> Vec<Node<'a, 'a>> {
    document
        .descendants()
        .filter(|node| node.tag_name().name() == name)
        .collect()
}

/// The numbers of a `points` attribute, in pairs.
fn points(node: &Node<'_, '_>) -> Vec<[f32; 2]> {
    node.attribute("points")
        .unwrap_or_default()
        .split(' ')
        .filter_map(|pair| {
            let (x, y) = pair.split_once(',')?;
            Some([x.parse().ok()?, y.parse().ok()?])
        })
        .collect()
}

fn number(node: &Node<'_, '_>, attribute: &str) -> f32 {
    node.attribute(attribute)
        .and_then(|text| text.parse().ok())
        .unwrap_or(f32::NAN)
}

#[test]
fn shapes_become_svg_elements_with_their_colours_and_text_becomes_text() {
    let mut label_origin = Pos2::ZERO;
    let svg = captured(|ui| {
        let painter = ui.painter();
        let origin = ui.max_rect().min;
        painter.rect(
            Rect::from_min_size(origin + vec2(10.0, 10.0), vec2(60.0, 30.0)),
            CornerRadius::same(4),
            Color32::RED,
            Stroke::new(2.0, Color32::BLUE),
            StrokeKind::Inside,
        );
        painter.circle_filled(origin + vec2(100.0, 30.0), 8.0, Color32::GREEN);
        painter.line_segment(
            [origin + vec2(10.0, 60.0), origin + vec2(200.0, 60.0)],
            Stroke::new(1.5, Color32::BLACK.gamma_multiply(0.5)),
        );
        let galley = painter.layout_no_wrap(
            "Hamadan".to_owned(),
            FontId::proportional(14.0),
            Color32::DARK_GRAY,
        );
        label_origin = origin + vec2(20.0, 80.0);
        painter.galley(label_origin, galley, Color32::DARK_GRAY);
    })
    .expect("every shape is written");
    let document = Document::parse(&svg).expect("well-formed");
    let root = document.root_element();
    assert_eq!(root.attribute("viewBox"), Some("0 0 400 300"));

    let rects = elements(&document, "rect");
    let fill = rects
        .iter()
        .find(|rect| rect.attribute("fill") == Some("#ff0000"))
        .expect("the red rectangle");
    assert_eq!(number(fill, "width"), 60.0);
    assert_eq!(fill.attribute("rx"), Some("4"));
    // The stroke lies inside the rectangle: its middle is half its width in.
    let outline = rects
        .iter()
        .find(|rect| rect.attribute("stroke") == Some("#0000ff"))
        .expect("the blue outline");
    assert_eq!(number(outline, "width"), 58.0);
    assert_eq!(number(outline, "stroke-width"), 2.0);

    let circle = elements(&document, "circle")
        .into_iter()
        .find(|circle| circle.attribute("fill") == Some("#00ff00"))
        .expect("the green dot");
    assert_eq!(number(&circle, "r"), 8.0);

    let line = elements(&document, "line")
        .into_iter()
        .find(|line| line.attribute("stroke") == Some("#000000"))
        .expect("the half-transparent line");
    assert_eq!(line.attribute("stroke-opacity"), Some("0.5"));

    let texts = elements(&document, "text");
    let label = texts
        .iter()
        .find(|text| text.text() == Some("Hamadan"))
        .expect("the label as text");
    assert_eq!(label.attribute("font-size"), Some("14"));
    assert!(
        label
            .attribute("font-family")
            .is_some_and(|family| family.starts_with("Ubuntu")),
        "{label:?}"
    );
    assert_eq!(number(label, "x"), label_origin.x);
    // The baseline is below the top of the text by about the font's ascent.
    let below_top = number(label, "y") - label_origin.y;
    assert!((8.0..16.0).contains(&below_top), "{below_top}");
    assert!(
        texts
            .iter()
            .any(|text| text.text() == Some("A frame title")),
        "the export's own title"
    );
}

#[test]
fn a_dashed_line_and_a_dotted_line_become_one_path_each() {
    let svg = captured(|ui| {
        let painter = ui.painter();
        let origin = ui.max_rect().min;
        painter.extend(Shape::dashed_line(
            &[origin + vec2(10.0, 70.0), origin + vec2(210.0, 70.0)],
            Stroke::new(2.0, Color32::ORANGE),
            8.0,
            4.0,
        ));
        painter.extend(Shape::dotted_line(
            &[origin + vec2(10.0, 75.0), origin + vec2(210.0, 75.0)],
            Color32::CYAN,
            10.0,
            1.5,
        ));
    })
    .expect("written");
    let document = Document::parse(&svg).expect("well-formed");
    // A dashed line's dashes, one path of one stroke: 200 points long, 12 a dash and a gap.
    let dashes: Vec<Node<'_, '_>> = elements(&document, "path")
        .into_iter()
        .filter(|path| path.attribute("stroke") == Some("#ffa500"))
        .collect();
    assert_eq!(dashes.len(), 1);
    assert_eq!(dashes[0].attribute("fill"), Some("none"));
    let dash_count = dashes[0]
        .attribute("d")
        .unwrap_or_default()
        .matches('M')
        .count();
    assert_eq!(dash_count, 17, "{dashes:?}");

    // A dotted line's dots, one path of round caps as wide as a dot: one every 10 points
    // along 200 from the start (egui puts none on the far end).
    let dots: Vec<Node<'_, '_>> = elements(&document, "path")
        .into_iter()
        .filter(|path| path.attribute("stroke") == Some("#00ffff"))
        .collect();
    assert_eq!(dots.len(), 1);
    assert_eq!(dots[0].attribute("stroke-linecap"), Some("round"));
    assert_eq!(number(&dots[0], "stroke-width"), 3.0);
    let dot_count = dots[0]
        .attribute("d")
        .unwrap_or_default()
        .matches("h0")
        .count();
    assert_eq!(dot_count, 20, "{dots:?}");
}

#[test]
fn meshes_become_outlines_sprites_symbols_and_fades_gradients() {
    let mut diamond_centre = Pos2::ZERO;
    let svg = captured(|ui| {
        let painter = ui.painter();
        let origin = ui.max_rect().min;
        // Two triangles of one square, as the map's country fills are built.
        let mut square = Mesh::default();
        square.add_colored_rect(
            Rect::from_min_size(origin + vec2(10.0, 10.0), vec2(50.0, 50.0)),
            Color32::KHAKI,
        );
        painter.add(Shape::mesh(square));
        // A place's symbol, drawn as the map draws it: a sprite's fill and outline.
        diamond_centre = origin + vec2(120.0, 40.0);
        let sheet = SpriteSheet::get(ui.ctx(), SpriteShape::Diamond, 6.0, 1.5);
        let mut symbols = sheet.mesh(2);
        sheet.add(
            &mut symbols,
            diamond_centre,
            SpriteLayer::Fill,
            Color32::PURPLE,
        );
        sheet.add(
            &mut symbols,
            diamond_centre,
            SpriteLayer::Stroke,
            Color32::BLACK,
        );
        painter.add(Shape::mesh(symbols));
        painter.add(Shape::gradient_rect(
            Rect::from_min_size(origin + vec2(10.0, 100.0), vec2(100.0, 20.0)),
            egui::Direction::TopDown,
            [Color32::WHITE, Color32::TRANSPARENT],
        ));
    })
    .expect("every mesh is written");
    let document = Document::parse(&svg).expect("well-formed");

    let fill = elements(&document, "path")
        .into_iter()
        .find(|path| path.attribute("fill") == Some("#f0e68c"))
        .expect("the square's fill");
    let data = fill.attribute("d").unwrap_or_default();
    assert_eq!(data.matches('M').count(), 1, "one ring: {data}");
    assert_eq!(data.split(' ').count(), 4, "four corners: {data}");

    let polygons = elements(&document, "polygon");
    let symbol_fill = polygons
        .iter()
        .find(|polygon| polygon.attribute("fill") == Some("#800080"))
        .expect("the symbol's fill");
    let corners = points(symbol_fill);
    assert_eq!(corners.len(), 4, "a diamond");
    // Centred where the sprite was put (sprites sit on the pixel grid: within half a point).
    let mean_x = corners.iter().map(|[x, _]| x).sum::<f32>() / 4.0;
    let mean_y = corners.iter().map(|[_, y]| y).sum::<f32>() / 4.0;
    assert!((mean_x - diamond_centre.x).abs() <= 0.5, "{mean_x}");
    assert!((mean_y - diamond_centre.y).abs() <= 0.5, "{mean_y}");
    let top = corners
        .iter()
        .map(|[_, y]| *y)
        .fold(f32::INFINITY, f32::min);
    assert!((mean_y - top - 6.0).abs() < 0.01, "radius 6: {top}");
    let symbol_outline = polygons
        .iter()
        .find(|polygon| polygon.attribute("stroke") == Some("#000000"))
        .expect("the symbol's outline");
    assert_eq!(symbol_outline.attribute("fill"), Some("none"));
    assert_eq!(number(symbol_outline, "stroke-width"), 1.5);

    let gradient = elements(&document, "linearGradient")
        .into_iter()
        .next()
        .expect("the fade");
    let stops: Vec<(Option<&str>, Option<&str>)> = gradient
        .children()
        .filter(Node::is_element)
        .map(|stop| (stop.attribute("stop-color"), stop.attribute("stop-opacity")))
        .collect();
    assert_eq!(
        stops,
        [(Some("#ffffff"), Some("1")), (Some("#ffffff"), Some("0"))]
    );
}

#[test]
fn a_shape_partly_outside_its_clip_is_clipped_and_one_wholly_outside_is_left_out() {
    let svg = captured(|ui| {
        let origin = ui.max_rect().min;
        let clip = Rect::from_min_size(origin + vec2(10.0, 10.0), vec2(50.0, 50.0));
        let painter = ui.painter().with_clip_rect(clip);
        painter.circle_filled(origin + vec2(60.0, 60.0), 20.0, Color32::GOLD);
        painter.circle_filled(origin + vec2(300.0, 200.0), 5.0, Color32::BROWN);
    })
    .expect("written");
    let document = Document::parse(&svg).expect("well-formed");
    let circles = elements(&document, "circle");
    let clipped = circles
        .iter()
        .find(|circle| circle.attribute("fill") == Some("#ffd700"))
        .expect("the circle across the clip's corner");
    let group = clipped.parent_element().expect("in a group");
    let clip_id = group
        .attribute("clip-path")
        .expect("the group is clipped")
        .trim_start_matches("url(#")
        .trim_end_matches(')');
    let clip_rect = elements(&document, "clipPath")
        .into_iter()
        .find(|clip| clip.attribute("id") == Some(clip_id))
        .and_then(|clip| clip.first_element_child())
        .expect("the clip's rectangle");
    assert_eq!(number(&clip_rect, "width"), 50.0);
    assert!(
        circles
            .iter()
            .all(|circle| circle.attribute("fill") != Some("#a52a2a")),
        "what the clip hides is not written"
    );
}

#[test]
fn what_vectors_cannot_hold_is_refused_by_name_not_dropped() {
    let image = captured(|ui| {
        let mut picture = Mesh::with_texture(egui::TextureId::User(7));
        picture.add_rect_with_uv(
            Rect::from_min_size(pos2(20.0, 40.0), vec2(30.0, 30.0)),
            Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
            Color32::WHITE,
        );
        ui.painter().add(Shape::mesh(picture));
    });
    assert_eq!(image, Err(Unwritable("a textured mesh (an image)")));
    let callback = captured(|ui| {
        ui.painter().add(egui::PaintCallback {
            rect: Rect::from_min_size(pos2(20.0, 40.0), vec2(30.0, 30.0)),
            callback: Arc::new(()),
        });
    });
    assert_eq!(
        callback,
        Err(Unwritable("a paint callback (drawn by the GPU)"))
    );
}

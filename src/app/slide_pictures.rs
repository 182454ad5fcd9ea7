//! Pictures of the slides for the presenter's window: the current and the next slide, drawn
//! off screen ([`view_png::render_view_alone`]) on a background job, one at a time, and
//! kept by what they show (the slide, the data's generation, the size of the audience's
//! screen, the theme). The window never waits for one: until a picture is there, the
//! presenter's window shows the slide's title and "drawing…".

use std::sync::Arc;
use std::time::{Duration, Instant};

use eframe::egui;

use super::background::{Answer, Job};
use crate::data::geojson::GeoLayer;
use crate::data::{Dataset, Slide};
use crate::export::view_png::{self, ViewPicture};
use crate::views::cache::ViewCaches;
use crate::views::slide_state::apply_slide;
use crate::views::{TimeCursor, ViewKind, ViewStates};

/// How wide a slide's picture is drawn, in pixels: enough for the presenter's window, a
/// fraction of the audience's pixels (a software renderer pays for each one).
const PICTURE_WIDTH_PIXELS: f32 = 720.0;

/// How long the audience's view must keep its size before a picture is drawn for it (going
/// full screen changes it over a few frames).
const SIZE_SETTLES_AFTER: Duration = Duration::from_millis(400);

/// How many pictures are kept.
const KEPT: usize = 12;

/// Everything a slide's picture is drawn from: the data and the views as the slide sets
/// them, the size of the audience's view, and the pixels to draw it at.
pub struct SlideScene {
    dataset: Arc<Dataset>,
    layers: Vec<GeoLayer>,
    generation: u64,
    view: ViewKind,
    cursor: TimeCursor,
    states: ViewStates,
    size_points: egui::Vec2,
    pixels_per_point: f32,
    dark: bool,
}

impl SlideScene {
    /// The view the slide shows.
    pub fn view(&self) -> ViewKind {
        self.view
    }

    /// The picture's size in pixels, width then height.
    pub fn size_pixels(&self) -> [usize; 2] {
        let size = self.size_points * self.pixels_per_point;
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a picture's size in pixels, a few hundred"
        )]
        [
            size.x.round().max(1.0) as usize,
            size.y.round().max(1.0) as usize,
        ]
    }
}

/// Draws a slide's picture. The app draws it off screen with wgpu
/// ([`draw_off_screen`]); tests stand another drawing in.
pub type DrawSlidePicture = fn(&SlideScene) -> Result<egui::ColorImage, String>;

/// Draws the scene's view off screen with egui's wgpu renderer, as the exports do.
///
/// # Errors
/// When there is no graphics adapter or the renderer fails.
pub fn draw_off_screen(scene: &SlideScene) -> Result<egui::ColorImage, String> {
    let mut caches = ViewCaches::default();
    caches.refresh(
        &scene.dataset,
        scene.generation,
        &scene.states.trade.options,
    );
    let image = view_png::render_view_alone(
        &ViewPicture {
            dataset: &scene.dataset,
            layers: &scene.layers,
            caches: &caches,
            view: scene.view,
            cursor: &scene.cursor,
            states: &scene.states,
            size_points: scene.size_points,
            dark: scene.dark,
        },
        scene.pixels_per_point,
        // As the audience sees it.
        crate::views::Chrome::Presenting,
    )?;
    let size = [image.width() as usize, image.height() as usize];
    Ok(egui::ColorImage::from_rgba_unmultiplied(
        size,
        image.as_raw(),
    ))
}

/// What a picture shows; a picture is drawn again when any of it changes.
#[derive(Debug, Clone, PartialEq)]
struct PictureKey {
    slide: Slide,
    generation: u64,
    size_points: [u32; 2],
    dark: bool,
}

/// A slide's picture this frame.
pub(super) enum SlidePicture {
    /// Drawn: the picture.
    Ready(egui::TextureHandle),
    /// Not drawn yet.
    Drawing,
    /// It could not be drawn, and why.
    Failed(String),
}

/// What the presenter's window asks for: the slides to show, and what they are drawn from.
pub(super) struct Wanted<'a> {
    /// The slides shown, the first drawn first.
    pub(super) slides: Vec<&'a Slide>,
    /// The data.
    pub(super) dataset: &'a Arc<Dataset>,
    /// Its GeoJSON layers.
    pub(super) layers: &'a [GeoLayer],
    /// The document's generation.
    pub(super) generation: u64,
    /// The time cursor and views the slides are applied to.
    pub(super) base: (&'a TimeCursor, &'a ViewStates),
    /// The size in points of the audience's screen, which the view is laid out at.
    pub(super) size_points: egui::Vec2,
    /// The dark theme is on.
    pub(super) dark: bool,
}

/// The pictures drawn, the one being drawn, and how to draw one.
pub(super) struct SlidePictures {
    draw: DrawSlidePicture,
    /// Pictures drawn, the most recently used last.
    kept: Vec<(PictureKey, egui::TextureHandle)>,
    failed: Vec<(PictureKey, String)>,
    drawing: Option<(PictureKey, Job<Result<egui::ColorImage, String>>)>,
    /// The audience's view's size, and since when it has had it.
    size_since: Option<(egui::Vec2, Instant)>,
}

impl SlidePictures {
    /// No pictures yet; `draw` draws them.
    pub(super) fn new(draw: DrawSlidePicture) -> Self {
        Self {
            draw,
            kept: Vec::new(),
            failed: Vec::new(),
            drawing: None,
            size_since: None,
        }
    }

    /// Forgets every picture (presenting starts again, perhaps from other views).
    pub(super) fn clear(&mut self) {
        *self = Self::new(self.draw);
    }

    /// Takes the picture being drawn when it is done, starts the next one missing, and
    /// returns each wanted slide's picture this frame.
    pub(super) fn pictures(
        &mut self,
        ctx: &egui::Context,
        wanted: &Wanted<'_>,
    ) -> Vec<SlidePicture> {
        self.take_finished(ctx);
        let size_points = [wanted.size_points.x, wanted.size_points.y].map(|side| {
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "a view's size in points, a few thousand"
            )]
            let points = side.round().max(1.0) as u32;
            points
        });
        let keys: Vec<PictureKey> = wanted
            .slides
            .iter()
            .map(|slide| PictureKey {
                slide: (*slide).clone(),
                generation: wanted.generation,
                size_points,
                dark: wanted.dark,
            })
            .collect();
        if self.drawing.is_none() && self.size_settled(ctx, wanted.size_points) {
            let missing = keys.iter().find(|key| {
                !self.kept.iter().any(|(kept, _)| kept == *key)
                    && !self.failed.iter().any(|(failed, _)| failed == *key)
            });
            if let Some(key) = missing {
                self.start(ctx, key.clone(), wanted);
            }
        }
        keys.iter().map(|key| self.picture(key)).collect()
    }

    /// The picture of `key`, marked as the most recently used.
    fn picture(&mut self, key: &PictureKey) -> SlidePicture {
        if let Some(at) = self.kept.iter().position(|(kept, _)| kept == key) {
            let entry = self.kept.remove(at);
            let texture = entry.1.clone();
            self.kept.push(entry);
            return SlidePicture::Ready(texture);
        }
        match self.failed.iter().find(|(failed, _)| failed == key) {
            Some((_, why)) => SlidePicture::Failed(why.clone()),
            None => SlidePicture::Drawing,
        }
    }

    /// Whether the audience's view has kept `size` long enough to draw for it.
    fn size_settled(&mut self, ctx: &egui::Context, size: egui::Vec2) -> bool {
        let now = Instant::now();
        match self.size_since {
            Some((since_size, since)) if since_size == size => {
                let waited = now.duration_since(since);
                if waited < SIZE_SETTLES_AFTER {
                    ctx.request_repaint_after(SIZE_SETTLES_AFTER.saturating_sub(waited));
                }
                waited >= SIZE_SETTLES_AFTER
            }
            _ => {
                self.size_since = Some((size, now));
                ctx.request_repaint_after(SIZE_SETTLES_AFTER);
                false
            }
        }
    }

    /// Starts drawing `key`'s picture on a background job.
    fn start(&mut self, ctx: &egui::Context, key: PictureKey, wanted: &Wanted<'_>) {
        let (cursor, states) = wanted.base;
        let (mut cursor, mut states) = (cursor.clone(), states.clone());
        let view = apply_slide(&key.slide, &mut cursor, &mut states);
        let scene = SlideScene {
            dataset: Arc::clone(wanted.dataset),
            layers: wanted.layers.to_vec(),
            generation: wanted.generation,
            view,
            cursor,
            states,
            size_points: wanted.size_points,
            pixels_per_point: (PICTURE_WIDTH_PIXELS / wanted.size_points.x.max(1.0)).min(1.0),
            dark: wanted.dark,
        };
        let draw = self.draw;
        match Job::start("slide picture", ctx, move |_, _| draw(&scene)) {
            Ok(job) => self.drawing = Some((key, job)),
            Err(error) => self
                .failed
                .push((key, format!("could not start drawing: {error}"))),
        }
    }

    /// Keeps the picture being drawn once it is done.
    fn take_finished(&mut self, ctx: &egui::Context) {
        let Some((_, job)) = &self.drawing else {
            return;
        };
        let result = match job.poll() {
            Answer::Running => return,
            Answer::Done(result) => result,
            Answer::Lost => Err("the drawing stopped unexpectedly".to_owned()),
        };
        let Some((key, _)) = self.drawing.take() else {
            return;
        };
        match result {
            Ok(image) => {
                let texture =
                    ctx.load_texture("slide picture", image, egui::TextureOptions::LINEAR);
                if self.kept.len() >= KEPT {
                    drop(self.kept.remove(0));
                }
                self.kept.push((key, texture));
            }
            Err(why) => self.failed.push((key, why)),
        }
    }
}

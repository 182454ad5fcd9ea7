//! Presenter mode: full screen, big type, the dataset's story slide by slide, and on
//! leaving, everything as it was before.

use eframe::egui::{self, RichText, Ui};

use super::{BilateralApp, chrome};
use crate::app::command::Command;
use crate::app::story;
use crate::views::slide_state::apply_slide;
use crate::views::theme;
use crate::views::{TimeCursor, ViewKind, ViewStates};

/// Where the presenter is in the slides, and what to put back on leaving.
#[derive(Debug, Clone)]
pub struct Presenter {
    /// Index of the slide on screen.
    pub slide: usize,
    /// The zoom factor to restore on leaving.
    previous_zoom: f32,
    /// Everything the slides change, as it was before presenting.
    before: Snapshot,
    /// The audience's screen is black (B or `.`).
    pub black: bool,
    /// The presenter's window is open (N).
    pub notes_window: bool,
    /// Digits typed for a jump to a slide, taken on Enter.
    pub(crate) typed_number: String,
    /// When presenting began, for the presenter's timer.
    pub(crate) started: std::time::Instant,
    /// With two displays or more: the display of the audience's view and the one of the
    /// presenter's window, each full screen ([`super::displays`]).
    pub(crate) places: Option<(usize, usize)>,
    /// Where the main window was before presenting, to put it back there.
    window_before: Option<egui::Pos2>,
}

/// The whole state the slides may change: the view, the time cursor, and every view's
/// state. Saved whole, so filters added later are restored without anyone listing them.
#[derive(Debug, Clone)]
struct Snapshot {
    view: ViewKind,
    cursor: TimeCursor,
    views: ViewStates,
}

impl Presenter {
    /// The view presenter mode goes back to on leaving.
    pub(crate) fn view_before(&self) -> ViewKind {
        self.before.view
    }

    /// The time cursor and views as they were before presenting, which each slide sets
    /// its own way (the slides' pictures start from them).
    pub(crate) fn views_before(&self) -> (&TimeCursor, &ViewStates) {
        (&self.before.cursor, &self.before.views)
    }
}

impl BilateralApp {
    pub(super) fn toggle_presenter(&mut self, ctx: &egui::Context) {
        if let Some(presenter) = self.presenter.take() {
            // The slides' pictures are not needed until presenting starts again.
            self.slide_pictures.clear();
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            // Back where it was, from the other display. The position was read at the zoom
            // before presenting; the command is carried out at this frame's zoom.
            if presenter.places.is_some()
                && let Some(position) = presenter.window_before
            {
                let scale = presenter.previous_zoom / ctx.zoom_factor();
                ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(
                    (position.to_vec2() * scale).to_pos2(),
                ));
            }
            ctx.set_zoom_factor(presenter.previous_zoom);
            let Snapshot {
                view,
                cursor,
                views,
            } = presenter.before;
            self.view = view;
            self.cursor = cursor;
            self.views = views;
            self.apply_look(ctx);
        } else {
            let places = self.displays.presenting_places();
            self.presenter = Some(Presenter {
                slide: 0,
                previous_zoom: ctx.zoom_factor(),
                before: Snapshot {
                    view: self.view,
                    cursor: self.cursor.clone(),
                    views: self.views.clone(),
                },
                black: false,
                // With two displays, the presenter's window opens on the presenter's.
                notes_window: places.is_some(),
                typed_number: String::new(),
                started: std::time::Instant::now(),
                places,
                window_before: ctx.input(|input| input.viewport().outer_rect.map(|r| r.min)),
            });
            self.slide_pictures.clear();
            match places {
                Some((audience, _)) => super::displays::audience_to(ctx, audience),
                None => ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true)),
            }
            ctx.set_zoom_factor(self.settings.presenter_scale);
            self.apply_look(ctx);
            self.show_slide(0);
        }
    }

    /// Whether presenter mode's high-contrast look is on now.
    pub(super) fn high_contrast(&self) -> bool {
        self.presenter.is_some() && self.settings.presenter_high_contrast
    }

    /// Sets the look: presenter mode's high contrast when it is on, else the user's theme.
    /// When the window clears each frame to the panels' colour ([`AppOptions`]'s
    /// `window_clears_background`), the panels are made transparent so that they do not
    /// paint that colour a second time (in a software renderer, every pixel painted costs).
    ///
    /// [`AppOptions`]: super::AppOptions
    pub(super) fn apply_look(&self, ctx: &egui::Context) {
        if self.high_contrast() {
            ctx.set_theme(egui::ThemePreference::Dark);
            ctx.set_visuals_of(egui::Theme::Dark, theme::high_contrast_visuals());
        } else {
            chrome::apply_theme(ctx, self.settings.theme);
        }
        if self.window_clears_background {
            ctx.all_styles_mut(|style| style.visuals.panel_fill = egui::Color32::TRANSPARENT);
        }
    }

    pub(super) fn step_slide(&mut self, step: isize) {
        let Some(current) = self.presenter.as_ref().map(|p| p.slide) else {
            return;
        };
        let count = story::slides(self.document.dataset(), self.story).len();
        let next = current
            .saturating_add_signed(step)
            .min(count.saturating_sub(1));
        self.show_slide(next);
    }

    /// Sets every view as the slide asks: view, year, selection, filters, timeline span.
    pub(super) fn show_slide(&mut self, index: usize) {
        let slides = story::slides(self.document.dataset(), self.story);
        let Some(slide) = slides.get(index) else {
            return;
        };
        if let Some(presenter) = &mut self.presenter {
            presenter.slide = index;
        }
        self.view = apply_slide(slide, &mut self.cursor, &mut self.views);
    }

    /// The caption under a slide: title, position, keys, caption text and sources.
    pub(super) fn slide_caption_ui(&self, ui: &mut Ui) {
        let Some(presenter) = &self.presenter else {
            return;
        };
        let slides = story::slides(self.document.dataset(), self.story);
        let Some(slide) = slides.get(presenter.slide) else {
            return;
        };
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(&slide.title).heading().strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(
                    RichText::new(format!("{} / {}", presenter.slide + 1, slides.len())).weak(),
                );
            });
        });
        if !slide.caption.is_empty() {
            ui.label(RichText::new(&slide.caption).size(18.0));
        }
        let citations: Vec<String> = slide
            .sources
            .iter()
            .map(|id| crate::display::format::source_citation(self.document.dataset(), id))
            .collect();
        if !citations.is_empty() {
            ui.label(
                RichText::new(format!("Sources: {}", citations.join("; ")))
                    .small()
                    .weak(),
            );
        }
        // The keys, for the presenter: on their own line, so a long title never runs into
        // them; in the presenter's window instead while it is open.
        if !presenter.notes_window {
            ui.label(RichText::new(Command::presenter_key_help()).small().weak());
        }
        ui.add_space(6.0);
    }
}

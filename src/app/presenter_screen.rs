//! What a presenter has besides the slides: a black screen (B or `.`), a jump to any slide
//! by typing its number and Enter, and the presenter's window (N), a second window with
//! pictures of the current and next slide ([`super::slide_pictures`]), the notes, the slide
//! number and a timer.

use eframe::egui::{self, RichText, Ui};

use super::BilateralApp;
use super::slide_pictures::{SlidePicture, Wanted};
use crate::app::command::{Command, PRESENTER_KEYS, PresenterAction};
use crate::app::story;
use crate::data::Slide;

/// The keys that type a slide number.
const DIGITS: [(egui::Key, char); 10] = [
    (egui::Key::Num0, '0'),
    (egui::Key::Num1, '1'),
    (egui::Key::Num2, '2'),
    (egui::Key::Num3, '3'),
    (egui::Key::Num4, '4'),
    (egui::Key::Num5, '5'),
    (egui::Key::Num6, '6'),
    (egui::Key::Num7, '7'),
    (egui::Key::Num8, '8'),
    (egui::Key::Num9, '9'),
];

impl BilateralApp {
    /// Runs a presenter's action; outside presenter mode, nothing.
    pub(super) fn present(&mut self, ctx: &egui::Context, action: PresenterAction) {
        let Some(presenter) = &mut self.presenter else {
            return;
        };
        match action {
            PresenterAction::ToggleBlackScreen => presenter.black = !presenter.black,
            PresenterAction::TogglePresenterWindow => {
                presenter.notes_window = !presenter.notes_window;
            }
            PresenterAction::ChooseStory(_) | PresenterAction::PresentStory(_) => {}
            PresenterAction::SwapDisplays => {
                presenter.places = match presenter.places {
                    Some((audience, presenter_display)) => Some((presenter_display, audience)),
                    None => self.displays.presenting_places(),
                };
                match presenter.places {
                    Some((audience, _)) => {
                        presenter.notes_window = true;
                        super::displays::audience_to(ctx, audience);
                    }
                    None => {
                        self.message = Some(super::Message::Notice(
                            "Only one display is connected.".to_owned(),
                        ));
                    }
                }
            }
            PresenterAction::GoToSlide(index) => {
                presenter.black = false;
                let count = story::slides(self.document.dataset(), self.story).len();
                self.show_slide(index.min(count.saturating_sub(1)));
            }
        }
    }

    /// In presenter mode, digits typed then Enter: the jump to that slide.
    pub(super) fn typed_slide_number(&mut self, ctx: &egui::Context) -> Option<Command> {
        let presenter = self.presenter.as_mut()?;
        typed_slide_number(ctx, &mut presenter.typed_number)
    }

    /// The presenter's window, while it is open: a second native window where the platform
    /// has them (a window inside this one where it does not).
    pub(super) fn presenter_window(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(presenter) = &self.presenter else {
            return;
        };
        if !presenter.notes_window {
            return;
        }
        let dataset = self.document.shared_dataset();
        let slides = story::slides(&dataset, self.story);
        let index = presenter.slide;
        // The view as it would fill the audience's screen: the caption under it changes
        // height from slide to slide, and each change would draw both pictures again.
        let audience_size = ctx.content_rect().size();
        let pictures = self.slide_pictures.pictures(
            ctx,
            &Wanted {
                slides: slides.iter().skip(index).take(2).collect(),
                dataset: &dataset,
                layers: self.document.layers(),
                generation: self.document.generation(),
                base: presenter.views_before(),
                size_points: audience_size,
                dark: ctx.global_style().visuals.dark_mode,
            },
        );
        let mut shown = Shown {
            slides: &slides,
            index,
            elapsed_s: presenter.started.elapsed().as_secs(),
            black: presenter.black,
            typed: presenter.typed_number.clone(),
            pictures,
            aspect: audience_size.y / audience_size.x.max(1.0),
            displays: match presenter.places {
                Some((audience, _)) => {
                    Some(format!("Audience on {}", self.displays.describe(audience)))
                }
                None if self.displays.list.len() > 1 => Some(format!(
                    "{} displays; the audience's view is on this window's",
                    self.displays.list.len()
                )),
                None => None,
            },
        };
        let id = egui::ViewportId::from_hash_of("bilateral_presenter_window");
        let mut builder = egui::ViewportBuilder::default()
            .with_title("Bilateral — presenter")
            .with_inner_size([760.0, 560.0]);
        if let Some((_, on)) = presenter.places {
            builder = builder.with_monitor(on);
        }
        let closed = ctx.show_viewport_immediate(id, builder, |ui, class| {
            // A window of its own has its own keyboard: the clicker's keys work there too.
            if class != egui::ViewportClass::EmbeddedWindow {
                commands.extend(clicker_keys(ui.ctx()));
                commands.extend(typed_slide_number(ui.ctx(), &mut shown.typed));
            }
            egui::CentralPanel::default().show(ui, |ui| {
                presenter_window_ui(ui, &shown, commands);
            });
            ui.ctx().input(|input| input.viewport().close_requested())
        });
        let typed = shown.typed;
        // A second window repaints with the first; the timer needs one a second.
        ctx.request_repaint_after(std::time::Duration::from_secs(1));
        if let Some(presenter) = &mut self.presenter {
            presenter.typed_number = typed;
            if closed {
                presenter.notes_window = false;
            }
        }
    }
}

/// The keys presentation clickers send ([`PRESENTER_KEYS`]), pressed in `ctx`'s window, as
/// the commands they run.
fn clicker_keys(ctx: &egui::Context) -> Vec<Command> {
    let mut commands = Vec::new();
    for (keys, command, _) in &PRESENTER_KEYS {
        for key in *keys {
            if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, *key)) {
                commands.push(command.clone());
            }
        }
    }
    commands
}

/// Digits typed in `ctx`'s window go into `typed`; Enter after them is the jump to that
/// slide.
fn typed_slide_number(ctx: &egui::Context, typed: &mut String) -> Option<Command> {
    for (key, digit) in DIGITS {
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key)) {
            typed.push(digit);
        }
    }
    if typed.is_empty()
        || !ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
    {
        return None;
    }
    let number: usize = std::mem::take(typed).parse().ok()?;
    Some(Command::Present(PresenterAction::GoToSlide(
        number.saturating_sub(1),
    )))
}

/// What the presenter's window shows this frame.
struct Shown<'a> {
    /// The story's slides.
    slides: &'a [Slide],
    /// The slide on the audience's screen.
    index: usize,
    /// Time since presenting began.
    elapsed_s: u64,
    /// The audience's screen is black.
    black: bool,
    /// Digits typed for a jump to a slide.
    typed: String,
    /// Pictures of the current slide and the next, as far as they are drawn.
    pictures: Vec<SlidePicture>,
    /// The audience's view's height over its width.
    aspect: f32,
    /// Where the audience's view is, with two displays or more.
    displays: Option<String>,
}

/// The presenter's window: where the talk is, what comes next, and what to say.
fn presenter_window_ui(ui: &mut Ui, shown: &Shown<'_>, commands: &mut Vec<Command>) {
    let (slides, index) = (shown.slides, shown.index);
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!("Slide {} / {}", index + 1, slides.len()))
                .heading()
                .strong(),
        );
        ui.separator();
        ui.label(
            RichText::new(format!(
                "{:02}:{:02}",
                shown.elapsed_s / 60,
                shown.elapsed_s % 60
            ))
            .heading()
            .monospace(),
        );
        if shown.black {
            ui.separator();
            ui.label(RichText::new("Audience screen is black (B)").strong());
        }
        if !shown.typed.is_empty() {
            ui.separator();
            ui.label(format!("Go to slide {}… (Enter)", shown.typed));
        }
    });
    ui.separator();
    let Some(slide) = slides.get(index) else {
        return;
    };
    let gap = ui.spacing().item_spacing.x * 2.0;
    let now_width = ((ui.available_width() - gap) * 0.6).max(1.0);
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(now_width);
            ui.label(RichText::new("Now").weak());
            picture_ui(ui, shown.pictures.first(), slide, now_width, shown.aspect);
            ui.label(RichText::new(&slide.title).size(22.0).strong());
            if !slide.caption.is_empty() {
                ui.label(&slide.caption);
            }
        });
        ui.add_space(gap);
        ui.vertical(|ui| {
            let next_width = ui.available_width().max(1.0);
            ui.label(RichText::new("Next").weak());
            match slides.get(index + 1) {
                Some(next) => {
                    picture_ui(ui, shown.pictures.get(1), next, next_width, shown.aspect);
                    ui.label(RichText::new(&next.title).size(18.0));
                }
                None => {
                    ui.label(RichText::new("End of the story").weak());
                }
            }
        });
    });
    ui.add_space(8.0);
    ui.label(RichText::new("Notes").weak());
    egui::ScrollArea::vertical()
        .max_height(ui.available_height() - 70.0)
        .show(ui, |ui| {
            if slide.notes.is_empty() {
                ui.label(RichText::new("No notes for this slide.").weak());
            } else {
                ui.label(RichText::new(&slide.notes).size(20.0));
            }
        });
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        for (label, command) in [
            ("Previous", Command::PreviousSlide),
            ("Next", Command::NextSlide),
            (
                "Black screen",
                Command::Present(PresenterAction::ToggleBlackScreen),
            ),
        ] {
            if ui.button(label).clicked() {
                commands.push(command);
            }
        }
        if let Some(displays) = &shown.displays {
            ui.separator();
            ui.label(displays);
            let swap = Command::Present(PresenterAction::SwapDisplays);
            if ui
                .button(swap.label())
                .on_hover_text(swap.description())
                .clicked()
            {
                commands.push(swap);
            }
        }
    });
    ui.label(RichText::new(Command::presenter_key_help()).small().weak());
}

/// A slide's picture `width` wide, or while it is drawn (or when it could not be) a box of
/// its size saying so.
fn picture_ui(ui: &mut Ui, picture: Option<&SlidePicture>, slide: &Slide, width: f32, aspect: f32) {
    let size = egui::vec2(width, (width * aspect).round());
    if let Some(SlidePicture::Ready(texture)) = picture {
        ui.add(
            egui::Image::new(texture)
                .fit_to_exact_size(size)
                .alt_text(format!("Picture of the slide “{}”", slide.title)),
        );
        return;
    }
    let text = match picture {
        Some(SlidePicture::Failed(why)) => format!("No picture: {why}"),
        _ => "drawing…".to_owned(),
    };
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    ui.painter()
        .rect_filled(rect, 4.0, ui.visuals().faint_bg_color);
    ui.put(
        rect.shrink(8.0),
        egui::Label::new(RichText::new(text).weak()).wrap(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One frame of a window's context with these keys pressed; what the presenter's
    /// window makes of them.
    fn pressed(keys: &[egui::Key], typed: &mut String) -> Vec<Command> {
        let ctx = egui::Context::default();
        let mut input = egui::RawInput::default();
        for key in keys {
            input.events.push(egui::Event::Key {
                key: *key,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: egui::Modifiers::NONE,
            });
        }
        let mut commands = Vec::new();
        let mut output = ctx.run_ui(input, |ui| {
            commands.extend(clicker_keys(ui.ctx()));
            commands.extend(typed_slide_number(ui.ctx(), typed));
        });
        output.textures_delta.clear();
        commands
    }

    #[test]
    fn the_presenters_window_takes_the_clickers_keys_and_a_slide_number() {
        let mut typed = String::new();
        assert_eq!(
            pressed(&[egui::Key::PageDown, egui::Key::PageUp], &mut typed),
            [Command::NextSlide, Command::PreviousSlide]
        );
        assert_eq!(
            pressed(&[egui::Key::Space, egui::Key::ArrowLeft], &mut typed),
            [Command::NextSlide, Command::PreviousSlide]
        );
        assert_eq!(
            pressed(&[egui::Key::B], &mut typed),
            [Command::Present(PresenterAction::ToggleBlackScreen)]
        );
        assert_eq!(
            pressed(&[egui::Key::Escape], &mut typed),
            [Command::TogglePresenter]
        );
        assert!(pressed(&[egui::Key::Num1], &mut typed).is_empty());
        assert_eq!(typed, "1");
        assert_eq!(
            pressed(&[egui::Key::Num2, egui::Key::Enter], &mut typed),
            [Command::Present(PresenterAction::GoToSlide(11))]
        );
        assert!(typed.is_empty());
    }
}

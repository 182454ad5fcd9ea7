//! The app shell: owns the document, the time cursor, the views' states and the settings;
//! runs commands; lays out the window. It is the only part of the UI that touches files,
//! dialogs or the time cursor, and [`commands`] is the only place the document changes.
//!
//! Its rooms: [`commands`] runs each [`Command`]; [`saving`] saves, asks about unsaved
//! changes and keeps the recovery copy; [`chrome`] draws the menus, tabs, banner, status
//! bar and windows around the view; [`menu`] is the menu bar as data; [`input`] turns keys
//! and dropped files into commands; [`presenter`] runs presenter mode; [`dialogs`] shows
//! native file dialogs; [`export`] writes exports; [`persistence`] saves the settings;
//! [`crash_note`] keeps what a crash leaves for the next start; [`follow_document`] brings
//! the views and the cursor along when the document changes.

mod background;
mod chrome;
pub mod command;
mod commands;
pub mod crash_note;
mod dialogs;
mod displays;
mod editing;
mod export;
mod export_kind;
mod finished;
mod follow_data;
mod follow_document;
pub mod graphics;
mod import;
mod input;
pub(crate) mod menu;
pub(crate) mod palette;
mod persistence;
mod presenter;
mod presenter_screen;
mod reload;
mod saving;
pub mod slide_pictures;
pub mod story;
mod story_editing;
mod story_export;
pub mod warm_up;
mod watch;

use std::path::PathBuf;

use eframe::egui::{self, Ui};

use crate::app::command::Command;
use crate::data::LoadErrors;
use crate::data::builtin::{builtin_dataset, empty_dataset};
use crate::document::recovery::RecoveryStore;
use crate::document::{Content, Document};
use crate::geo::filter::year_range;
use crate::settings::{Settings, SettingsStore};
use crate::views::cache::ViewCaches;
use crate::views::{self, Chrome, TimeCursor, ViewContext, ViewKind, ViewStates};

pub use crate::document::DataOrigin;
pub(crate) use presenter::Presenter;

/// A message shown in a banner above the view until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// A file did not load; the data on screen did not change.
    LoadFailed {
        /// What was wrong.
        errors: LoadErrors,
    },
    /// Something worth knowing that is not a failure to load.
    Notice(String),
    /// A previous run left unsaved changes (from when, of what): restore or discard them.
    Recovery {
        /// When its last copy was written.
        written_at: String,
        /// What the data was.
        what: String,
    },
    /// The opened file changed on disk while the document has unsaved changes.
    ChangedOnDisk(PathBuf),
}

/// How the app is started: its settings and what to open first.
#[derive(Debug, Clone)]
pub struct AppOptions {
    /// Where settings are written.
    pub settings_store: SettingsStore,
    /// The settings read from that store.
    pub settings: Settings,
    /// Why the settings could not be read, if they could not.
    pub settings_warning: Option<String>,
    /// A file to open instead of the built-in data.
    pub initial_file: Option<PathBuf>,
    /// The window clears each frame to the panels' colour ([`BilateralApp`]'s
    /// `clear_color`), so the panels need not paint it again. True in the real window; false
    /// where nothing clears to that colour (test harnesses render on transparent black).
    pub window_clears_background: bool,
    /// What the last run left when it crashed: the app then opens on the trade view and
    /// says so ([`crash_note`]).
    pub previous_crash: Option<crash_note::CrashNote>,
    /// Where recovery copies of unsaved changes are kept, and looked for at start (none in
    /// tests unless they set one).
    pub recovery: RecoveryStore,
    /// Draws the slides' pictures in the presenter's window (off screen with wgpu; tests
    /// stand in a drawing of their own).
    pub draw_slide_picture: slide_pictures::DrawSlidePicture,
}

impl AppOptions {
    /// Reads the settings from `store` once.
    pub fn load(settings_store: SettingsStore, initial_file: Option<PathBuf>) -> Self {
        let (settings, settings_warning) = settings_store.load();
        Self {
            settings_store,
            settings,
            settings_warning,
            initial_file,
            window_clears_background: false,
            previous_crash: None,
            recovery: RecoveryStore::none(),
            draw_slide_picture: slide_pictures::draw_off_screen,
        }
    }
}

impl Default for AppOptions {
    fn default() -> Self {
        Self::load(SettingsStore::in_memory(), None)
    }
}

/// Windows that float over the view.
#[derive(Debug, Clone, Default)]
struct OpenWindows {
    about: bool,
    shortcuts: bool,
    imports: bool,
    /// File › New relationship…, with the countries chosen so far.
    new_relationship: Option<crate::views::dialogs::new_relationship::NewRelationshipForm>,
    /// The command palette, with what is typed in it.
    palette: Option<palette::PaletteState>,
    /// The story editor's side panel, while open.
    story_editor: Option<crate::views::story_editor::StoryEditorState>,
    /// “Delete this record?”, about this record.
    delete_question: Option<crate::data::records::RecordRef>,
}

/// The Bilateral app.
pub struct BilateralApp {
    /// The relationship on screen, with its undo history.
    document: Document,
    /// The banner, if any.
    message: Option<Message>,
    /// The view that fills the window.
    view: ViewKind,
    /// Saved settings.
    settings: Settings,
    /// Every view's own choices: filters, zoom, selection within the view.
    views: ViewStates,
    cursor: TimeCursor,
    presenter: Option<Presenter>,
    /// Index of the story chosen: the one the story editor edits and presenter mode presents.
    story: usize,
    /// File ▸ Export story running on a background job.
    story_export: Option<story_export::StoryExport>,
    /// The slides' pictures in the presenter's window.
    slide_pictures: slide_pictures::SlidePictures,
    /// The displays the platform knows, read each frame.
    displays: displays::Displays,
    /// The clipboard an SVG file was put on: kept, since on X11 and Wayland the data is
    /// served by the program that put it there only while that program holds it.
    file_clipboard: Option<arboard::Clipboard>,
    /// The document as the views and the cursor last followed it ([`follow_document`]).
    followed: (u64, Content),
    /// The document generation the cursor was last checked against ([`follow_data`]).
    cursor_checked_generation: u64,
    caches: ViewCaches,
    persistence: persistence::Persistence,
    file_dialog: Option<dialogs::PendingDialog>,
    /// Size of the view's area in the last frame, for exports.
    view_size: egui::Vec2,
    windows: OpenWindows,
    window_title: String,
    /// The import dialog and the work it runs, while open.
    import_session: Option<import::ImportSession>,
    /// The files the data came from, watched for changes.
    watch: watch::FileWatch,
    /// The document generation the watched files were last taken from.
    watched_generation: Option<u64>,
    /// A changed file being read again.
    reloading: Option<reload::Reloading>,
    /// Changed files waiting to be read again.
    reload_queue: std::collections::VecDeque<PathBuf>,
    /// The period and number of events the import dialog chose for each event file imported
    /// in this session, so that reading a changed file again keeps them.
    event_choices: std::collections::HashMap<PathBuf, crate::import::events::build::EventOptions>,
    /// Saving, asking about unsaved changes, the recovery copy.
    saving: saving::SavingState,
    /// See [`AppOptions::window_clears_background`].
    window_clears_background: bool,
    /// The record editor beside the view, while a record is made or changed.
    editor: Option<crate::views::editor::EditorState>,
}

impl BilateralApp {
    /// Starts the app in an eframe window.
    pub fn new(creation: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
        crate::desktop::startup::mark("window and renderer ready");
        if let Some(render_state) = &creation.wgpu_render_state {
            crate::views::paint::flat_mesh::install(render_state, &creation.egui_ctx);
        }
        let app = Self::with_context(&creation.egui_ctx, options);
        crate::desktop::startup::mark("dataset loaded");
        app
    }

    /// Starts the app on an egui context (the window's, or a test harness's).
    pub(crate) fn with_context(ctx: &egui::Context, options: AppOptions) -> Self {
        let AppOptions {
            settings_store,
            settings,
            settings_warning,
            initial_file,
            window_clears_background,
            previous_crash,
            recovery,
            draw_slide_picture,
        } = options;
        crate::assets::fonts::install(ctx);
        let (dataset, message) = match builtin_dataset() {
            Ok(dataset) => (dataset, None),
            Err(errors) => (empty_dataset(), Some(Message::LoadFailed { errors })),
        };
        let mut views = ViewStates::default();
        views.on_dataset_changed(&dataset);
        // After a crash, not the view it crashed on, which could crash again.
        let view = if previous_crash.is_some() {
            ViewKind::Trade
        } else {
            settings.last_view
        };
        let crash_notice = previous_crash.map(|note| Message::Notice(note.notice()));
        let left_behind = recovery.take_left_behind();
        let document = Document::new(dataset, DataOrigin::BuiltIn);
        let mut app = Self {
            cursor: TimeCursor::at(year_range(document.dataset()).1),
            followed: (document.generation(), document.content().clone()),
            document,
            message: message.or(settings_warning.map(Message::Notice)),
            view,
            persistence: persistence::Persistence::new(settings_store, settings.clone()),
            settings,
            views,
            presenter: None,
            story: 0,
            story_export: None,
            slide_pictures: slide_pictures::SlidePictures::new(draw_slide_picture),
            displays: displays::Displays::default(),
            file_clipboard: None,
            cursor_checked_generation: 0,
            caches: ViewCaches::default(),
            file_dialog: None,
            view_size: egui::vec2(1200.0, 700.0),
            windows: OpenWindows::default(),
            window_title: String::new(),
            import_session: None,
            watch: watch::FileWatch::new(ctx),
            watched_generation: None,
            reloading: None,
            reload_queue: std::collections::VecDeque::new(),
            event_choices: std::collections::HashMap::new(),
            saving: saving::SavingState::new(recovery.start_writer()),
            window_clears_background,
            editor: None,
        };
        app.apply_look(ctx);
        if let Some(path) = initial_file {
            app.run(ctx, Command::OpenPath(path));
        }
        // Told after the file is opened (a file that opens clears the banner); a file that
        // did not open keeps its error, which the user must see first.
        if let Some(notice) = crash_notice
            && !matches!(app.message, Some(Message::LoadFailed { .. }))
        {
            app.message = Some(notice);
        }
        app.offer_recovery(left_behind);
        app
    }

    /// The relationship on screen, with its history.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The banner on screen, if any.
    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// The view on screen.
    pub fn view(&self) -> ViewKind {
        self.view
    }

    /// The settings as they will be saved (the last view is the one on screen).
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Every view's own state.
    pub fn views(&self) -> &ViewStates {
        &self.views
    }

    /// Every view's own state, to change it (tests: hide what varies between runs).
    pub fn views_mut(&mut self) -> &mut ViewStates {
        &mut self.views
    }

    /// The record editor, while open.
    pub fn editor(&self) -> Option<&crate::views::editor::EditorState> {
        self.editor.as_ref()
    }

    /// Whether the command palette is open.
    pub fn palette_open(&self) -> bool {
        self.windows.palette.is_some()
    }

    /// The time cursor every view shares: the year and the selected event.
    pub fn cursor(&self) -> &TimeCursor {
        &self.cursor
    }

    /// Presenter mode, when on.
    pub fn presenter(&self) -> Option<&Presenter> {
        self.presenter.as_ref()
    }

    /// A story export is running on its background job.
    pub fn story_export_running(&self) -> bool {
        self.story_export.is_some()
    }

    /// Index of the story chosen, among the dataset's stories.
    pub fn chosen_story(&self) -> usize {
        story::chosen_story(self.document.dataset(), self.story)
    }

    /// The size, in points, of the area the view had in the last frame.
    pub fn view_size(&self) -> egui::Vec2 {
        self.view_size
    }

    /// The view saved as the last one: the view on screen, or in presenter mode the view
    /// presenter mode will go back to.
    fn view_to_remember(&self) -> ViewKind {
        self.presenter
            .as_ref()
            .map_or(self.view, Presenter::view_before)
    }

    /// What Escape and the shortcuts go to this frame.
    fn keyboard_focus(&self) -> input::KeyboardFocus {
        if self.saving.asking() {
            input::KeyboardFocus::Question
        } else if self.windows.palette.is_some() {
            input::KeyboardFocus::Palette
        } else if self.import_session.is_some() {
            input::KeyboardFocus::ImportDialog
        } else if self.windows.delete_question.is_some() {
            input::KeyboardFocus::DeleteQuestion
        } else if self.editor.is_some() {
            input::KeyboardFocus::Editor
        } else {
            input::KeyboardFocus::Window
        }
    }

    /// What the menus and the palette need to know to list their commands.
    fn menu_state(&self) -> menu::MenuState<'_> {
        menu::MenuState {
            settings: &self.settings,
            undo: self.document.undo_label(),
            redo: self.document.redo_label(),
            has_selection: self.selected_record().is_some(),
            editing: self.editor.is_some(),
            stories: &self.document.dataset().stories,
        }
    }

    /// How much interface the window draws around the view: derived, never stored.
    fn chrome(&self) -> Chrome {
        if self.presenter.is_some() {
            Chrome::Presenting
        } else {
            Chrome::Full
        }
    }

    /// Brings the caches up to date with the data and the trade view's options.
    fn refresh_caches(&mut self) {
        self.caches.refresh(
            self.document.dataset(),
            self.document.generation(),
            &self.views.trade.options,
        );
    }

    /// Draws the current view into `ui` with the window's chrome.
    fn view_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        self.view_size = ui.available_size();
        let drawing = self
            .editor
            .as_ref()
            .and_then(crate::views::editor::EditorState::drawing);
        let cx = ViewContext {
            dataset: self.document.dataset(),
            layers: self.document.layers(),
            cursor: &self.cursor,
            chrome: self.chrome(),
            caches: &self.caches,
            drawing: drawing.as_deref(),
            editor_open: self.editor.is_some(),
        };
        views::view_ui(ui, self.view, &cx, &mut self.views, commands);
    }

    /// The menu bar, tabs, banner and status bar around the view (or presenter mode's
    /// caption), and the view.
    fn panels_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        if self
            .presenter
            .as_ref()
            .is_some_and(|presenter| presenter.black)
        {
            egui::CentralPanel::default()
                .frame(egui::Frame::new().fill(egui::Color32::BLACK))
                .show(ui, |_| {});
            return;
        }
        if self.presenter.is_some() {
            egui::Panel::bottom("slide_caption").show(ui, |ui| self.slide_caption_ui(ui));
        } else {
            egui::Panel::top("menu_bar").show(ui, |ui| {
                menu::menu_bar_ui(ui, &self.menu_state(), commands);
                chrome::tabs_ui(ui, self.view, self.document.dataset(), commands);
            });
            if let Some(message) = &self.message {
                egui::Panel::top("message")
                    .frame(egui::Frame::new())
                    .show(ui, |ui| {
                        chrome::message_ui(ui, message, self.document.origin(), commands);
                    });
            }
            egui::Panel::bottom("status_bar").show(ui, |ui| chrome::status_ui(ui, &self.document));
            self.editor_panel_ui(ui, commands);
            self.story_editor_panel(ui, commands);
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::new())
            .show(ui, |ui| self.view_ui(ui, commands));
    }
}

impl eframe::App for BilateralApp {
    /// The panels' colour of the look on screen (see [`AppOptions::window_clears_background`]).
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        crate::views::theme::panel_background(visuals.dark_mode, self.high_contrast())
            .to_normalized_gamma_f32()
    }

    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.displays = displays::Displays::read(frame);
        if ctx.cumulative_frame_nr() == 1 {
            // The first frame has been painted and presented before the second begins.
            crate::desktop::startup::mark("first frame drawn");
            warm_up::release_graphics();
        }
        crash_note::note_view_on_screen(self.view);
        // A change made outside this loop (a command run by a test or at start) is followed
        // before this frame's commands, so that it is not mistaken for one of theirs.
        self.follow_document();
        let mut commands = self.poll_file_dialog();
        commands.extend(self.poll_import(&ctx));
        commands.extend(self.reload_changed_files(&ctx));
        commands.extend(self.poll_save());
        self.poll_story_export();
        commands.extend(self.close_requested(&ctx));
        commands.extend(self.cursor_to_the_data());
        commands.extend(input::commands_from_input(
            &ctx,
            input::InputState {
                presenting: self.presenter.is_some(),
                focus: self.keyboard_focus(),
            },
        ));
        self.refresh_caches();

        // The panels paint no background when the window clears to it (`apply_look`); this
        // scope tells what they contain which colour is behind them, which egui's scroll
        // fades need, without painting it.
        let background =
            crate::views::theme::panel_background(ui.visuals().dark_mode, self.high_contrast());
        let behind_the_panels = egui::UiBuilder::new().ui_stack_info(
            egui::UiStackInfo::new(egui::UiKind::Frame)
                .with_frame(egui::Frame::NONE.fill(background)),
        );
        ui.scope_builder(behind_the_panels, |ui| self.panels_ui(ui, &mut commands));

        chrome::about_window(&ctx, &mut self.windows.about);
        chrome::shortcuts_window(&ctx, &mut self.windows.shortcuts);
        if let Some(mut palette) = self.windows.palette.take() {
            palette::palette_window(&ctx, &mut palette, &self.menu_state(), &mut commands);
            self.windows.palette = Some(palette);
        }
        self.unsaved_prompt(&ctx, &mut commands);
        if self.presenter.is_none() {
            self.delete_question_ui(&ctx, &mut commands);
            self.import_dialog(&ctx, &mut commands);
            self.imports_window(&ctx, &mut commands);
            crate::views::dialogs::new_relationship::new_relationship_window(
                &ctx,
                &mut self.windows.new_relationship,
                &mut commands,
            );
        }
        chrome::drop_overlay(&ctx);
        commands.extend(self.typed_slide_number(&ctx));
        self.presenter_window(&ctx, &mut commands);
        self.story_export_window(&ctx);

        for command in commands {
            self.run(&ctx, command);
            self.follow_document();
        }
        self.keep_recovery_copy(&ctx);
        self.remember_window(&ctx);
        self.update_title(&ctx);
        self.settings.last_view = self.view_to_remember();
        self.persistence
            .save_when_due(&ctx, &self.settings, &mut self.message);
        if ctx.cumulative_frame_nr() == 0 {
            crate::desktop::startup::mark("first frame laid out");
        }
    }

    fn on_exit(&mut self) {
        self.settings.last_view = self.view_to_remember();
        self.persistence
            .save_pending(&self.settings, &mut self.message);
        self.saving.close_normally();
    }
}

impl Drop for BilateralApp {
    /// Settings changed in the last moments are written even when the app goes away
    /// without `on_exit` (a test harness, a closed event loop).
    fn drop(&mut self) {
        self.settings.last_view = self.view_to_remember();
        self.persistence
            .save_pending(&self.settings, &mut self.message);
        self.saving.close_normally();
    }
}

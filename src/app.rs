//! The app shell: owns the data and the settings, runs commands, lays out the window.
//! It is the only part of the UI that touches files or dialogs.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use eframe::egui::{self, Color32, RichText, Ui};

use crate::chart;
use crate::command::{Command, ExportKind};
use crate::data::builtin::{builtin_dataset, empty_dataset};
use crate::data::geojson::GeoLayer;
use crate::data::summary::DatasetSummary;
use crate::data::{Dataset, LoadErrors};
use crate::export;
use crate::io::{OPENABLE_TYPES, OpenedFile, open_file};
use crate::geo::filter::year_range;
use crate::presenter::{self, FiltersBefore, Presenter};
use crate::settings::{Settings, SettingsStore, ThemeChoice, WindowGeometry};
use crate::theme;
use crate::views::{
    self, Shared, ViewKind, events::EventsViewState, map::MapViewState,
    timeline::TimelineViewState, trade::TradeViewState,
};

/// What a native file dialog is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DialogPurpose {
    /// Pick a file to open.
    Open,
    /// Pick where to write an export.
    Save(ExportKind),
}

/// Where the data on screen came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataOrigin {
    /// The dataset that ships in the binary.
    BuiltIn,
    /// A file on disk.
    File(PathBuf),
}

impl DataOrigin {
    /// A short description for the status bar and window title.
    pub fn label(&self) -> String {
        match self {
            Self::BuiltIn => "built-in data".to_owned(),
            Self::File(path) => path.display().to_string(),
        }
    }
}

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
        }
    }
}

impl Default for AppOptions {
    fn default() -> Self {
        Self::load(SettingsStore::in_memory(), None)
    }
}

/// The Bilateral app.
pub struct BilateralApp {
    /// The data on screen.
    pub dataset: Dataset,
    /// Where it came from.
    pub origin: DataOrigin,
    /// The banner, if any.
    pub message: Option<Message>,
    /// The view that fills the window.
    pub view: ViewKind,
    /// Saved settings.
    pub settings: Settings,
    /// The trade view's choices.
    pub trade: TradeViewState,
    /// The events view's choices.
    pub events: EventsViewState,
    /// The map's view, year, filters and selection.
    pub map: MapViewState,
    /// The timeline's span, filters and search.
    pub timeline: TimelineViewState,
    /// The time cursor and selected event every view shares.
    pub shared: Shared,
    /// Presenter mode, when on.
    pub presenter: Option<Presenter>,
    /// GeoJSON layers opened on top of the dataset.
    pub layers: Vec<GeoLayer>,
    store: SettingsStore,
    file_dialog: Option<(DialogPurpose, mpsc::Receiver<Option<PathBuf>>)>,
    /// Size of the view's area in the last frame, for exports.
    view_size: egui::Vec2,
    show_about: bool,
    show_shortcuts: bool,
    window_title: String,
}

impl BilateralApp {
    /// Starts the app in an eframe window.
    pub fn new(creation: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
        Self::with_context(&creation.egui_ctx, options)
    }

    /// Starts the app on an egui context (the window's, or a test harness's).
    pub fn with_context(ctx: &egui::Context, options: AppOptions) -> Self {
        let AppOptions {
            settings_store,
            settings,
            settings_warning,
            initial_file,
        } = options;
        let (dataset, message) = match builtin_dataset() {
            Ok(dataset) => (dataset, None),
            Err(errors) => (empty_dataset(), Some(Message::LoadFailed { errors })),
        };
        let mut app = Self {
            dataset,
            origin: DataOrigin::BuiltIn,
            message: message.or(settings_warning.map(Message::Notice)),
            view: settings.last_view,
            settings,
            trade: TradeViewState::default(),
            events: EventsViewState::default(),
            map: MapViewState::default(),
            timeline: TimelineViewState::default(),
            shared: Shared::at(0),
            presenter: None,
            layers: Vec::new(),
            store: settings_store,
            file_dialog: None,
            view_size: egui::vec2(1200.0, 700.0),
            show_about: false,
            show_shortcuts: false,
            window_title: String::new(),
        };
        app.shared = Shared::at(year_range(&app.dataset).1);
        app.timeline.show_all(&app.dataset);
        app.timeline.remember_year(app.shared.year);
        apply_theme(ctx, app.settings.theme);
        if let Some(path) = initial_file {
            app.run(ctx, Command::OpenPath(path));
        }
        app
    }

    /// Runs one command. Menus, shortcuts, drag and drop, the command line and tests all come here.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::ShowOpenDialog => self.show_file_dialog(ctx, DialogPurpose::Open),
            Command::ShowExportDialog(kind) => {
                self.show_file_dialog(ctx, DialogPurpose::Save(kind))
            }
            Command::Export(kind, path) => self.export(ctx, kind, &path),
            Command::OpenPath(path) => match open_file(&path) {
                Ok(opened) => {
                    self.settings.remember_recent(&path);
                    self.save_settings();
                    match opened {
                        OpenedFile::Dataset(dataset) => {
                            self.accept(Ok(*dataset), DataOrigin::File(path));
                        }
                        OpenedFile::Layer(layer) => self.add_layer(layer),
                    }
                }
                Err(errors) => self.accept(Err(errors), DataOrigin::File(path)),
            },
            Command::RemoveLayer(index) => {
                if index < self.layers.len() {
                    self.layers.remove(index);
                    self.map.selected = None;
                    self.map.hovered = None;
                }
            }
            Command::RevertToBuiltin => {
                self.accept(builtin_dataset(), DataOrigin::BuiltIn);
            }
            Command::ClearRecentFiles => {
                self.settings.recent_files.clear();
                self.save_settings();
            }
            Command::ShowView(view) => {
                self.view = view;
                self.settings.last_view = view;
                self.save_settings();
            }
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                apply_theme(ctx, theme);
                self.save_settings();
            }
            Command::DismissMessage => self.message = None,
            Command::ShowAbout => self.show_about = true,
            Command::ShowShortcuts => self.show_shortcuts = !self.show_shortcuts,
            Command::TogglePresenter => self.toggle_presenter(ctx),
            Command::NextSlide => self.step_slide(1),
            Command::PreviousSlide => self.step_slide(-1),
            Command::SetPresenterScale(scale) => {
                self.settings.presenter_scale = scale;
                if self.presenter.is_some() {
                    ctx.set_zoom_factor(scale);
                }
                self.save_settings();
            }
            Command::SetHighContrast(on) => {
                self.settings.presenter_high_contrast = on;
                if self.presenter.is_some() {
                    self.apply_presenter_look(ctx);
                }
                self.save_settings();
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Replaces the data on success; on failure keeps it and shows why.
    fn accept(&mut self, result: Result<Dataset, LoadErrors>, origin: DataOrigin) {
        match result {
            Ok(dataset) => {
                self.dataset = dataset;
                self.origin = origin;
                self.message = None;
                self.trade.on_dataset_changed();
                self.map.on_dataset_changed();
                let presenting = self.shared.presenting;
                self.shared = Shared::at(year_range(&self.dataset).1);
                self.shared.presenting = presenting;
                self.timeline.show_all(&self.dataset);
                self.timeline.remember_year(self.shared.year);
            }
            Err(errors) => {
                log::warn!("{errors}");
                self.message = Some(Message::LoadFailed { errors });
            }
        }
    }

    fn toggle_presenter(&mut self, ctx: &egui::Context) {
        if let Some(presenter) = self.presenter.take() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            ctx.set_zoom_factor(presenter.previous_zoom);
            self.map.view = None;
            let FiltersBefore {
                map,
                timeline_domains,
                timeline_stances,
            } = presenter.filters_before;
            self.map.filter = map;
            self.timeline.domains = timeline_domains;
            self.timeline.stances = timeline_stances;
            apply_theme(ctx, self.settings.theme);
            self.shared.presenting = false;
        } else {
            self.presenter = Some(Presenter {
                slide: 0,
                previous_zoom: ctx.zoom_factor(),
                filters_before: FiltersBefore {
                    map: self.map.filter.clone(),
                    timeline_domains: self.timeline.domains.clone(),
                    timeline_stances: self.timeline.stances.clone(),
                },
            });
            self.shared.presenting = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
            ctx.set_zoom_factor(self.settings.presenter_scale);
            self.apply_presenter_look(ctx);
            self.show_slide(0);
        }
    }

    fn apply_presenter_look(&self, ctx: &egui::Context) {
        if self.settings.presenter_high_contrast {
            ctx.set_theme(egui::ThemePreference::Dark);
            ctx.set_visuals_of(egui::Theme::Dark, theme::high_contrast_visuals());
        } else {
            apply_theme(ctx, self.settings.theme);
        }
    }

    fn step_slide(&mut self, step: isize) {
        let Some(current) = self.presenter.as_ref().map(|p| p.slide) else {
            return;
        };
        let count = presenter::slides(&self.dataset).len();
        let next = current
            .saturating_add_signed(step)
            .min(count.saturating_sub(1));
        self.show_slide(next);
    }

    /// Sets every view as the slide asks: view, year, selection, filters, timeline span.
    fn show_slide(&mut self, index: usize) {
        let slides = presenter::slides(&self.dataset);
        let Some(slide) = slides.get(index) else {
            return;
        };
        if let Some(presenter) = &mut self.presenter {
            presenter.slide = index;
        }
        self.view = presenter::view_of(slide.view);
        if let Some(year) = slide.year {
            self.shared.year = year;
        }
        self.shared.selected_event.clone_from(&slide.select);
        let domains: std::collections::BTreeSet<_> = if slide.domains.is_empty() {
            crate::data::Domain::ALL.into_iter().collect()
        } else {
            slide.domains.iter().copied().collect()
        };
        let stances: std::collections::BTreeSet<_> = if slide.stances.is_empty() {
            crate::data::Stance::ALL.into_iter().collect()
        } else {
            slide.stances.iter().copied().collect()
        };
        let filter = self.map.filter_mut(&self.dataset);
        filter.domains.clone_from(&domains);
        filter.stances.clone_from(&stances);
        self.timeline.domains = domains;
        self.timeline.stances = stances;
        if let Some(span) = slide.span {
            self.timeline.show_range(
                f64::from(span.from),
                f64::from(span.to.unwrap_or(span.from)) + 1.0,
            );
        } else if let Some(year) = slide.year {
            self.timeline.centre_on(year);
        }
        // The timeline shows the slide's span or year, not a re-centred view of its own.
        self.timeline.remember_year(self.shared.year);
        self.map.selected = None;
        // Reframe the map for the presenter's scaled canvas.
        self.map.view = None;
        self.trade.selected = None;
    }

    fn slide_caption_ui(&self, ui: &mut Ui) {
        let Some(presenter) = &self.presenter else {
            return;
        };
        let slides = presenter::slides(&self.dataset);
        let Some(slide) = slides.get(presenter.slide) else {
            return;
        };
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(&slide.title).heading().strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(
                    RichText::new(format!(
                        "{} / {}   ·   Right or PageDown: next   ·   Left or PageUp: previous   ·   Esc: leave",
                        presenter.slide + 1,
                        slides.len()
                    ))
                    .weak(),
                );
            });
        });
        if !slide.caption.is_empty() {
            ui.label(RichText::new(&slide.caption).size(18.0));
        }
        let citations: Vec<String> = slide
            .sources
            .iter()
            .map(|id| crate::format::source_citation(&self.dataset, id))
            .collect();
        if !citations.is_empty() {
            ui.label(
                RichText::new(format!("Sources: {}", citations.join("; ")))
                    .small()
                    .weak(),
            );
        }
        ui.add_space(6.0);
    }

    fn add_layer(&mut self, layer: GeoLayer) {
        self.message = Some(Message::Notice(format!(
            "Added the map layer “{}” ({} features). Remove it from the Layers list on the map.",
            layer.name,
            layer.features.len()
        )));
        self.layers.push(layer);
        self.map.selected = None;
        self.view = ViewKind::Map;
    }

    fn save_settings(&mut self) {
        if let Err(error) = self.store.save(&self.settings) {
            log::warn!("{error}");
            self.message = Some(Message::Notice(error));
        }
    }

    /// Shows a native open or save dialog without blocking the window; its answer
    /// arrives in [`Self::poll_file_dialog`] and becomes a command.
    fn show_file_dialog(&mut self, ctx: &egui::Context, purpose: DialogPurpose) {
        if self.file_dialog.is_some() {
            return;
        }
        if let Some(reason) = native_dialog_unavailable() {
            let advice = match purpose {
                DialogPurpose::Open => {
                    "Drag a dataset file onto the window instead, or pass it on the command line: bilateral FILE"
                }
                DialogPurpose::Save(_) => "Use the command line instead: bilateral export --help",
            };
            self.message = Some(Message::Notice(format!(
                "No file dialog can be shown here ({reason}). {advice}"
            )));
            return;
        }
        let start_folder = self
            .settings
            .recent_files
            .first()
            .and_then(|path| path.parent())
            .map(Path::to_owned);
        let suggested_name = match purpose {
            DialogPurpose::Open => String::new(),
            DialogPurpose::Save(kind) => format!(
                "{}-{}.{}",
                self.dataset.metadata.title.to_lowercase().replace(' ', "-"),
                self.view.label().to_lowercase(),
                kind.extension()
            ),
        };
        let (sender, receiver) = mpsc::channel();
        let repaint = ctx.clone();
        let pick = move || {
            let mut dialog = rfd::FileDialog::new();
            if let Some(folder) = start_folder {
                dialog = dialog.set_directory(folder);
            }
            let picked = match purpose {
                DialogPurpose::Open => {
                    dialog = dialog.set_title("Open a Bilateral dataset or GeoJSON layer");
                    for (name, extensions) in OPENABLE_TYPES {
                        dialog = dialog.add_filter(*name, extensions);
                    }
                    dialog.add_filter("All files", &["*"]).pick_file()
                }
                DialogPurpose::Save(kind) => dialog
                    .set_title(kind.label().trim_end_matches('…'))
                    .add_filter(kind.file_type(), &[kind.extension()])
                    .set_file_name(&suggested_name)
                    .save_file(),
            };
            // The receiver is gone only if the app closed meanwhile.
            let _ = sender.send(picked);
            repaint.request_repaint();
        };
        if cfg!(target_os = "macos") {
            // macOS dialogs must run on the main thread; they are modal there anyway.
            pick();
        } else {
            // Elsewhere the window keeps drawing while the dialog is open.
            std::thread::spawn(pick);
        }
        self.file_dialog = Some((purpose, receiver));
    }

    fn poll_file_dialog(&mut self, ctx: &egui::Context) {
        let Some((purpose, receiver)) = &self.file_dialog else {
            return;
        };
        let purpose = *purpose;
        match receiver.try_recv() {
            Ok(Some(path)) => {
                self.file_dialog = None;
                let command = match purpose {
                    DialogPurpose::Open => Command::OpenPath(path),
                    DialogPurpose::Save(kind) => Command::Export(kind, path),
                };
                self.run(ctx, command);
            }
            Ok(None) | Err(mpsc::TryRecvError::Disconnected) => self.file_dialog = None,
            Err(mpsc::TryRecvError::Empty) => {}
        }
    }

    /// The size, in points, of the area the view had in the last frame.
    pub fn view_size(&self) -> egui::Vec2 {
        self.view_size
    }

    /// Writes an export of what is on screen to `path`.
    fn export(&mut self, ctx: &egui::Context, kind: ExportKind, path: &Path) {
        let chart = || chart::build(&self.dataset, &self.trade.options);
        let bytes: Result<Vec<u8>, String> = match kind {
            ExportKind::ViewPng => self.render_view_png(ctx.theme() == egui::Theme::Dark),
            ExportKind::ChartSvg => Ok(export::trade_chart_svg(
                &self.dataset,
                &chart(),
                &export::SvgOptions::default(),
            )
            .into_bytes()),
            ExportKind::ChartCsv => Ok(export::chart_csv(&self.dataset, &chart()).into_bytes()),
            ExportKind::DataCsv => Ok(export::dataset_csv(&self.dataset).into_bytes()),
        };
        let written = bytes.and_then(|bytes| {
            crate::io::write_atomically(path, &bytes)
                .map_err(|error| format!("could not write {}: {error}", path.display()))
        });
        self.message = Some(Message::Notice(match written {
            Ok(()) => format!("Exported {} to {}", kind.file_type(), path.display()),
            Err(error) => format!("Export failed: {error}"),
        }));
    }

    /// The current view drawn again off screen at twice its pixels, in the window's
    /// theme, with a title and the sources of what it shows, and without controls.
    fn render_view_png(&self, dark: bool) -> Result<Vec<u8>, String> {
        let mut shared = self.shared.clone();
        shared.presenting = true;
        shared.exporting = true;
        let title = format!(
            "{} — {}, {}",
            self.dataset.metadata.title,
            self.view.label(),
            shared.year
        );
        let citations: Vec<String> = match self.view {
            ViewKind::Trade => chart::build(&self.dataset, &self.trade.options)
                .source_ids()
                .into_iter()
                .map(|id| crate::format::source_citation(&self.dataset, id))
                .collect(),
            _ => self.dataset.sources.iter().map(|s| s.citation()).collect(),
        };
        let frame = export::png::PngFrame {
            title,
            source_line: format!("Sources: {}. Made with Bilateral.", citations.join("; ")),
            dark,
        };
        let dataset = &self.dataset;
        let layers = &self.layers;
        let view = self.view;
        let mut trade = self.trade.clone();
        let mut map = self.map.clone();
        let mut timeline = self.timeline.clone();
        let mut events = self.events.clone();
        export::png::render_png(self.view_size, &frame, |ui| match view {
            ViewKind::Trade => views::trade::ui(ui, dataset, &mut trade, &mut shared),
            ViewKind::Map => {
                let _ = views::map::ui(ui, dataset, layers, &mut map, &mut shared);
            }
            ViewKind::Timeline => {
                let _ = views::timeline::ui(ui, dataset, &mut timeline, &mut shared);
            }
            ViewKind::Events => views::events::ui(ui, dataset, &mut events),
            ViewKind::Sources => views::sources::ui(ui, dataset),
        })
    }

    fn dropped_files(ctx: &egui::Context) -> Vec<Command> {
        ctx.input(|input| {
            input
                .raw
                .dropped_files
                .iter()
                .map(|file| Command::OpenPath(file.path().to_owned()))
                .collect()
        })
    }

    fn shortcut_commands(ctx: &egui::Context, presenting: bool) -> Vec<Command> {
        let mut commands = Vec::new();
        if presenting {
            for key in [
                egui::Key::ArrowRight,
                egui::Key::PageDown,
                egui::Key::Space,
                egui::Key::ArrowLeft,
                egui::Key::PageUp,
                egui::Key::Escape,
            ] {
                if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key))
                    && let Some(command) = Command::presenter_key(key)
                {
                    commands.push(command);
                }
            }
        }
        commands.extend(Command::with_shortcuts().into_iter().filter(|command| {
            command
                .shortcut()
                .is_some_and(|shortcut| ctx.input_mut(|i| i.consume_shortcut(&shortcut)))
        }));
        commands
    }

    fn menu_bar_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                command_button(ui, "Open…", Command::ShowOpenDialog, commands);
                ui.menu_button("Open recent", |ui| {
                    if self.settings.recent_files.is_empty() {
                        ui.label(RichText::new("No recent files").weak());
                    }
                    for path in &self.settings.recent_files {
                        command_button(
                            ui,
                            &path.display().to_string(),
                            Command::OpenPath(path.clone()),
                            commands,
                        );
                    }
                    ui.separator();
                    command_button(
                        ui,
                        "Clear recent files",
                        Command::ClearRecentFiles,
                        commands,
                    );
                });
                command_button(
                    ui,
                    "Revert to built-in data",
                    Command::RevertToBuiltin,
                    commands,
                );
                ui.separator();
                ui.menu_button("Export", |ui| {
                    for kind in ExportKind::ALL {
                        command_button(ui, kind.label(), Command::ShowExportDialog(kind), commands);
                    }
                });
                ui.separator();
                command_button(ui, "Quit", Command::Quit, commands);
            });
            ui.menu_button("View", |ui| {
                for view in ViewKind::ALL {
                    command_button(ui, view.label(), Command::ShowView(view), commands);
                }
                ui.separator();
                command_button(ui, "Presenter", Command::TogglePresenter, commands);
                ui.menu_button("Presenter type size", |ui| {
                    for scale in presenter::SCALES {
                        if ui
                            .radio(
                                (self.settings.presenter_scale - scale).abs() < 1e-3,
                                format!("×{scale}"),
                            )
                            .clicked()
                        {
                            commands.push(Command::SetPresenterScale(scale));
                        }
                    }
                });
                let mut high_contrast = self.settings.presenter_high_contrast;
                if ui
                    .checkbox(&mut high_contrast, "High contrast when presenting")
                    .changed()
                {
                    commands.push(Command::SetHighContrast(high_contrast));
                }
                ui.separator();
                ui.menu_button("Theme", |ui| {
                    for choice in ThemeChoice::ALL {
                        if ui
                            .radio(self.settings.theme == choice, choice.label())
                            .clicked()
                        {
                            commands.push(Command::SetTheme(choice));
                        }
                    }
                });
            });
            ui.menu_button("Help", |ui| {
                command_button(ui, "Keyboard shortcuts", Command::ShowShortcuts, commands);
                command_button(ui, "About Bilateral", Command::ShowAbout, commands);
            });
        });
    }

    fn tabs_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            for view in ViewKind::ALL {
                let shortcut = Command::ShowView(view)
                    .shortcut()
                    .map(|s| ui.ctx().format_shortcut(&s))
                    .unwrap_or_default();
                if ui
                    .selectable_label(self.view == view, RichText::new(view.label()).heading())
                    .on_hover_text(shortcut)
                    .clicked()
                {
                    commands.push(Command::ShowView(view));
                }
            }
            ui.separator();
            ui.label(
                RichText::new(&self.dataset.metadata.title)
                    .heading()
                    .strong(),
            );
        });
    }

    fn message_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let Some(message) = &self.message else {
            return;
        };
        let (background, headline, details): (Color32, String, Vec<String>) = match message {
            Message::LoadFailed { errors } => {
                let file = errors.first().map(|e| e.file.clone()).unwrap_or_default();
                (
                    theme::ERROR_BACKGROUND,
                    format!(
                        "Could not open {file}. The data on screen is unchanged ({}).",
                        self.origin.label()
                    ),
                    errors.0.iter().map(ToString::to_string).collect(),
                )
            }
            Message::Notice(text) => (theme::NOTICE_BACKGROUND, text.clone(), Vec::new()),
        };
        egui::Frame::new()
            .fill(background)
            .inner_margin(8.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.label(RichText::new(headline).color(theme::BANNER_TEXT).strong());
                    if ui.button("Dismiss").clicked() {
                        commands.push(Command::DismissMessage);
                    }
                });
                const SHOWN: usize = 8;
                for detail in details.iter().take(SHOWN) {
                    ui.label(RichText::new(detail).color(theme::BANNER_TEXT).monospace());
                }
                if details.len() > SHOWN {
                    ui.label(
                        RichText::new(format!(
                            "…and {} more (run `bilateral check FILE` to list them all)",
                            details.len() - SHOWN
                        ))
                        .color(theme::BANNER_TEXT),
                    );
                }
            });
    }

    fn status_ui(&self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.label(format!(
                "{} · {}",
                self.origin.label(),
                DatasetSummary::of(&self.dataset)
            ));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(RichText::new("Drop a dataset file here to open it").weak());
            });
        });
    }

    fn remember_window(&mut self, ctx: &egui::Context) {
        let geometry = ctx.input(|i| {
            let viewport = i.viewport();
            let inner = viewport.inner_rect?;
            let outer = viewport.outer_rect.unwrap_or(inner);
            Some(WindowGeometry {
                x: outer.min.x,
                y: outer.min.y,
                width: inner.width(),
                height: inner.height(),
            })
        });
        if geometry.is_some() {
            self.settings.window = geometry;
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = format!(
            "Bilateral — {} ({})",
            self.dataset.metadata.title,
            self.origin.label()
        );
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }
}

fn command_button(ui: &mut Ui, label: &str, command: Command, commands: &mut Vec<Command>) {
    let mut button = egui::Button::new(label);
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add(button).clicked() {
        commands.push(command);
    }
}

/// Sets the theme the user chose, with egui's own dark look (undoing presenter mode's high contrast).
fn apply_theme(ctx: &egui::Context, theme: ThemeChoice) {
    ctx.set_visuals_of(egui::Theme::Dark, egui::Visuals::dark());
    ctx.set_theme(match theme {
        ThemeChoice::System => egui::ThemePreference::System,
        ThemeChoice::Light => egui::ThemePreference::Light,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
    });
}

/// Why no native file dialog can be shown, if that is known before trying.
fn native_dialog_unavailable() -> Option<&'static str> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let has_portal_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    let has_zenity = std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|folder| folder.join("zenity").is_file())
    });
    (!has_portal_bus && !has_zenity)
        .then_some("this Linux desktop has neither an XDG desktop portal nor zenity")
}

impl eframe::App for BilateralApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.poll_file_dialog(&ctx);
        let mut commands = Self::shortcut_commands(&ctx, self.presenter.is_some());
        commands.extend(Self::dropped_files(&ctx));

        if self.presenter.is_some() {
            egui::Panel::bottom("slide_caption").show(ui, |ui| self.slide_caption_ui(ui));
        } else {
            egui::Panel::top("menu_bar").show(ui, |ui| {
                self.menu_bar_ui(ui, &mut commands);
                self.tabs_ui(ui, &mut commands);
            });
            if self.message.is_some() {
                egui::Panel::top("message")
                    .frame(egui::Frame::new())
                    .show(ui, |ui| self.message_ui(ui, &mut commands));
            }
            egui::Panel::bottom("status_bar").show(ui, |ui| self.status_ui(ui));
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::new())
            .show(ui, |ui| {
                self.view_size = ui.available_size();
                match self.view {
                    ViewKind::Trade => {
                        views::trade::ui(ui, &self.dataset, &mut self.trade, &mut self.shared);
                    }
                    ViewKind::Map => {
                        commands.extend(views::map::ui(
                            ui,
                            &self.dataset,
                            &self.layers,
                            &mut self.map,
                            &mut self.shared,
                        ));
                    }
                    ViewKind::Timeline => {
                        commands.extend(views::timeline::ui(
                            ui,
                            &self.dataset,
                            &mut self.timeline,
                            &mut self.shared,
                        ));
                    }
                    ViewKind::Events => views::events::ui(ui, &self.dataset, &mut self.events),
                    ViewKind::Sources => views::sources::ui(ui, &self.dataset),
                }
            });

        about_window(&ctx, &mut self.show_about);
        shortcuts_window(&ctx, &mut self.show_shortcuts);
        drop_overlay(&ctx);

        for command in commands {
            self.run(&ctx, command);
        }
        self.remember_window(&ctx);
        self.update_title(&ctx);
    }

    fn on_exit(&mut self) {
        self.save_settings();
    }
}

fn about_window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("About Bilateral")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label(format!("Bilateral {}", env!("CARGO_PKG_VERSION")));
            ui.label("A desktop atlas of the relationship between two countries.");
            ui.label("The built-in Russia–Iran dataset was compiled by hand from four articles; every figure cites its source (see the Sources view).");
            ui.label("Basemap: Natural Earth 1:50m countries (public domain) via world-atlas 2.0.2 (ISC licence).");
            ui.label("Bilateral makes no network requests.");
        });
}

fn shortcuts_window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for command in Command::with_shortcuts() {
                        if let Some(shortcut) = command.shortcut() {
                            ui.label(RichText::new(ctx.format_shortcut(&shortcut)).monospace());
                            ui.label(command.label());
                            ui.end_row();
                        }
                    }
                    for (keys, what) in [
                        ("Right, PageDown, Space", "next slide (presenter mode)"),
                        ("Left, PageUp", "previous slide (presenter mode)"),
                        ("Esc", "leave presenter mode"),
                        (
                            "Drag, scroll, pinch",
                            "pan and zoom the map and the timeline",
                        ),
                    ] {
                        ui.label(RichText::new(keys).monospace());
                        ui.label(what);
                        ui.end_row();
                    }
                });
        });
}

fn drop_overlay(ctx: &egui::Context) {
    let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
    if !hovering {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop_overlay"),
    ));
    let screen = ctx.content_rect();
    painter.rect_filled(screen, 0.0, Color32::from_black_alpha(180));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        "Drop to open this dataset",
        egui::FontId::proportional(32.0),
        Color32::WHITE,
    );
}

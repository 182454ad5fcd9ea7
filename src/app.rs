//! The app shell: owns the data and the settings, runs commands, lays out the window.
//! It is the only part of the UI that touches files or dialogs.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use eframe::egui::{self, Color32, RichText, Ui};

use crate::command::Command;
use crate::data::builtin::{builtin_dataset, empty_dataset};
use crate::data::geojson::GeoLayer;
use crate::data::summary::DatasetSummary;
use crate::data::{Dataset, LoadErrors};
use crate::io::{OPENABLE_TYPES, OpenedFile, open_file};
use crate::settings::{Settings, SettingsStore, ThemeChoice, WindowGeometry};
use crate::theme;
use crate::views::{
    self, ViewKind, events::EventsViewState, map::MapViewState, trade::TradeViewState,
};

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
    /// GeoJSON layers opened on top of the dataset.
    pub layers: Vec<GeoLayer>,
    store: SettingsStore,
    open_dialog: Option<mpsc::Receiver<Option<PathBuf>>>,
    show_about: bool,
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
            layers: Vec::new(),
            store: settings_store,
            open_dialog: None,
            show_about: false,
            window_title: String::new(),
        };
        apply_theme(ctx, app.settings.theme);
        if let Some(path) = initial_file {
            app.run(ctx, Command::OpenPath(path));
        }
        app
    }

    /// Runs one command. Menus, shortcuts, drag and drop, the command line and tests all come here.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::ShowOpenDialog => self.show_open_dialog(ctx),
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
            }
            Err(errors) => {
                log::warn!("{errors}");
                self.message = Some(Message::LoadFailed { errors });
            }
        }
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

    fn show_open_dialog(&mut self, ctx: &egui::Context) {
        if self.open_dialog.is_some() {
            return;
        }
        if let Some(reason) = native_dialog_unavailable() {
            self.message = Some(Message::Notice(format!(
                "No file dialog can be shown here ({reason}). Drag a dataset file onto the window instead, or pass it on the command line: bilateral FILE"
            )));
            return;
        }
        let start_folder = self
            .settings
            .recent_files
            .first()
            .and_then(|path| path.parent())
            .map(Path::to_owned);
        let (sender, receiver) = mpsc::channel();
        let repaint = ctx.clone();
        let pick = move || {
            let mut dialog = rfd::FileDialog::new().set_title("Open a Bilateral dataset");
            for (name, extensions) in OPENABLE_TYPES {
                dialog = dialog.add_filter(*name, extensions);
            }
            dialog = dialog.add_filter("All files", &["*"]);
            if let Some(folder) = start_folder {
                dialog = dialog.set_directory(folder);
            }
            let picked = dialog.pick_file();
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
        self.open_dialog = Some(receiver);
    }

    fn poll_open_dialog(&mut self, ctx: &egui::Context) {
        let Some(receiver) = &self.open_dialog else {
            return;
        };
        match receiver.try_recv() {
            Ok(Some(path)) => {
                self.open_dialog = None;
                self.run(ctx, Command::OpenPath(path));
            }
            Ok(None) | Err(mpsc::TryRecvError::Disconnected) => self.open_dialog = None,
            Err(mpsc::TryRecvError::Empty) => {}
        }
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

    fn shortcut_commands(ctx: &egui::Context) -> Vec<Command> {
        Command::with_shortcuts()
            .into_iter()
            .filter(|command| {
                command
                    .shortcut()
                    .is_some_and(|shortcut| ctx.input_mut(|i| i.consume_shortcut(&shortcut)))
            })
            .collect()
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
                command_button(ui, "Quit", Command::Quit, commands);
            });
            ui.menu_button("View", |ui| {
                for view in ViewKind::ALL {
                    command_button(ui, view.label(), Command::ShowView(view), commands);
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

fn apply_theme(ctx: &egui::Context, theme: ThemeChoice) {
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
        self.poll_open_dialog(&ctx);
        let mut commands = Self::shortcut_commands(&ctx);
        commands.extend(Self::dropped_files(&ctx));

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
        egui::CentralPanel::default()
            .frame(egui::Frame::new())
            .show(ui, |ui| match self.view {
                ViewKind::Trade => views::trade::ui(ui, &self.dataset, &mut self.trade),
                ViewKind::Map => {
                    commands.extend(views::map::ui(
                        ui,
                        &self.dataset,
                        &self.layers,
                        &mut self.map,
                    ));
                }
                ViewKind::Events => views::events::ui(ui, &self.dataset, &mut self.events),
                ViewKind::Sources => views::sources::ui(ui, &self.dataset),
            });

        about_window(&ctx, &mut self.show_about);
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

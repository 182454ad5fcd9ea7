//! The `bilateral` binary: the window, or `check`, `convert` and `export` on the command line.

use std::process::ExitCode;

use bilateral::app::crash_note::CrashNotes;
use bilateral::app::{AppOptions, BilateralApp, graphics};
use bilateral::cli::{Cli, CliCommand, run_check, run_convert, run_export, run_new};
use bilateral::settings::SettingsStore;
use clap::Parser;
use eframe::egui;

/// mimalloc keeps memory it has used, so that the map's per-frame buffers do not fault
/// fresh pages every frame as glibc's trimming makes them do (see docs/benchmarks.md).
#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    bilateral::desktop::startup::begin();
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = Cli::parse();
    // The command-line tools lock stdout and stderr while they run; the window must not
    // hold them, or a background thread that logs (the file dialog's) would wait forever.
    match cli.command {
        Some(CliCommand::Check { files, columns }) => ExitCode::from(run_check(
            &files,
            &columns,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        )),
        Some(CliCommand::Convert {
            files,
            output,
            trade,
        }) => ExitCode::from(run_convert(
            &files,
            output.as_deref(),
            &trade,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        )),
        Some(CliCommand::New { pair, output }) => ExitCode::from(run_new(
            &pair,
            output.as_deref(),
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        )),
        Some(CliCommand::Export(args)) => {
            ExitCode::from(run_export(&args, &mut std::io::stderr().lock()))
        }
        None => {
            let crash_notes = CrashNotes::platform();
            let options = AppOptions {
                window_clears_background: true,
                previous_crash: crash_notes.take(),
                recovery: bilateral::document::recovery::RecoveryStore::platform(),
                ..AppOptions::load(SettingsStore::platform(), cli.file)
            };
            crash_notes.install_panic_hook();
            bilateral::desktop::startup::mark("settings read");
            run_window(&options)
        }
    }
}

fn run_window(options: &AppOptions) -> ExitCode {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Bilateral")
        .with_app_id(bilateral::desktop::identity::APP_ID)
        .with_min_inner_size([640.0, 420.0])
        .with_inner_size([1280.0, 800.0])
        .with_drag_and_drop(true);
    if let Some(icon) = bilateral::desktop::identity::window_icon() {
        viewport = viewport.with_icon(icon);
    }
    if let Some(window) = options.settings.window {
        viewport = viewport
            .with_inner_size([window.width.max(640.0), window.height.max(420.0)])
            .with_position([window.x, window.y]);
    }
    bilateral::app::warm_up::start(options);
    // Native graphics first, OpenGL only when they give no adapter (app/graphics.rs).
    let attempts = graphics::backend_attempts(eframe::wgpu::Backends::from_env());
    if let Some(first) = attempts.first() {
        bilateral::app::warm_up::start_graphics(*first);
    }
    for (attempt, backends) in attempts.iter().enumerate() {
        let native_options = eframe::NativeOptions {
            viewport: viewport.clone(),
            wgpu_options: graphics::wgpu_options(*backends),
            ..eframe::NativeOptions::default()
        };
        let options = options.clone();
        let result = eframe::run_native(
            "Bilateral",
            native_options,
            Box::new(|creation| Ok(Box::new(BilateralApp::new(creation, options)))),
        );
        match result {
            Ok(()) => return ExitCode::SUCCESS,
            Err(eframe::Error::Wgpu(error)) if attempt + 1 < attempts.len() => {
                log::info!("no graphics adapter with {backends:?} ({error}); trying the next");
            }
            Err(error) => {
                eprintln!("bilateral: could not open a window: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::FAILURE
}

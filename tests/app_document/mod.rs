//! The document through the window: undo and redo from the keyboard and the Edit menu,
//! Save, “Save the changes?” before leaving, the recovery copy after a killed app, and the
//! command palette.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bilateral::app::command::Command;
use bilateral::app::{AppOptions, BilateralApp, DataOrigin, Message};
use bilateral::data::country::Pair;
use bilateral::document::recovery::RecoveryStore;
use bilateral::settings::SettingsStore;
use bilateral::views::ViewKind;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common::{harness_with, new_harness, run, run_until};

/// A tidy trade table with Russia's and Iran's reports of 2010, as an analyst keeps one.
fn write_trade_table(folder: &Path) -> PathBuf {
    let table = folder.join("mirror.csv");
    std::fs::write(
        &table,
        "year,reporter,partner,flow,value,unit,valuation\n\
         2010,RUS,IRN,exports,3.36,USD bn,FOB\n\
         2010,IRN,RUS,imports,1.15,USD bn,CIF\n",
    )
    .expect("write");
    table
}

/// Imports `table` into the open Russia–Iran dataset and waits for it.
fn import_table(harness: &mut Harness<'static, BilateralApp>, table: PathBuf) {
    run(
        harness,
        Command::ImportTradeFile {
            path: table,
            pair: Pair::parse("RUS,IRN").expect("pair"),
            new_relationship: false,
        },
    );
    run_until(harness, "the import", |h| {
        !h.state().import_dialog_open() && h.state().document().has_unsaved_changes()
    });
}

fn press(harness: &mut Harness<'static, BilateralApp>, modifiers: egui::Modifiers, key: egui::Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_steps(2);
}

const CTRL: egui::Modifiers = egui::Modifiers::COMMAND;

fn ctrl_shift() -> egui::Modifiers {
    egui::Modifiers::COMMAND | egui::Modifiers::SHIFT
}

fn imported_points(app: &BilateralApp) -> usize {
    app.document()
        .imports()
        .iter()
        .map(|record| record.points)
        .sum()
}

#[test]
fn an_import_is_undone_and_redone_from_the_keyboard_and_the_edit_menu() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = new_harness();
    assert!(!harness.state().document().has_unsaved_changes());
    import_table(&mut harness, write_trade_table(folder.path()));
    assert_eq!(imported_points(harness.state()), 2);
    let record = &harness.state().document().imports()[0];
    assert_eq!(
        record.file.as_deref(),
        Some(folder.path().join("mirror.csv").as_path()),
        "the import's sources name its file"
    );

    // The Edit menu names what Undo takes back.
    harness.get_by_label("Edit").click();
    harness.run_steps(2);
    harness
        .get_by_label_contains("Undo Import mirror.csv")
        .click();
    harness.run_steps(2);
    assert!(harness.state().document().imports().is_empty());
    assert!(
        !harness.state().document().has_unsaved_changes(),
        "undone back to the data as opened"
    );

    press(&mut harness, ctrl_shift(), egui::Key::Z);
    assert_eq!(imported_points(harness.state()), 2, "Ctrl+Shift+Z redoes");
    press(&mut harness, CTRL, egui::Key::Z);
    assert!(
        harness.state().document().imports().is_empty(),
        "Ctrl+Z undoes"
    );
    press(&mut harness, CTRL, egui::Key::Y);
    assert_eq!(imported_points(harness.state()), 2, "Ctrl+Y redoes");
    assert!(harness.state().document().has_unsaved_changes());

    // Removing the import is a change of its own, undone the same way.
    let id = harness.state().document().imports()[0].id.clone();
    run(&mut harness, Command::RemoveImport(id));
    assert!(harness.state().document().imports().is_empty());
    press(&mut harness, CTRL, egui::Key::Z);
    assert_eq!(imported_points(harness.state()), 2);
}

#[test]
fn a_new_relationship_and_a_map_layer_are_undone() {
    let folder = tempfile::tempdir().expect("temp dir");
    let layer = folder.path().join("borders.geojson");
    std::fs::write(
        &layer,
        r#"{"type":"Feature","properties":{"name":"A point"},"geometry":{"type":"Point","coordinates":[50,35]}}"#,
    )
    .expect("write");
    let mut harness = new_harness();
    run(&mut harness, Command::OpenPath(layer));
    assert_eq!(harness.state().document().layers().len(), 1);
    run(
        &mut harness,
        Command::NewRelationship(Pair::parse("CHN,RUS").expect("pair")),
    );
    assert_eq!(*harness.state().document().origin(), DataOrigin::New);
    assert!(harness.state().document().layers().is_empty());
    press(&mut harness, CTRL, egui::Key::Z);
    assert_eq!(*harness.state().document().origin(), DataOrigin::BuiltIn);
    assert_eq!(
        harness.state().document().layers().len(),
        1,
        "the layer came back with the data"
    );
    press(&mut harness, CTRL, egui::Key::Z);
    assert!(
        harness.state().document().layers().is_empty(),
        "the layer is undone too"
    );
}

#[test]
fn save_writes_the_file_and_the_title_loses_its_mark() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("pair.json");
    std::fs::write(
        &path,
        bilateral::data::json::to_json(
            &bilateral::data::builtin::builtin_dataset().expect("built-in"),
        ),
    )
    .expect("write");
    let mut harness = harness_with(AppOptions::load(
        SettingsStore::in_memory(),
        Some(path.clone()),
    ));
    import_table(&mut harness, write_trade_table(folder.path()));
    harness.get_by_label_contains("unsaved changes");
    press(&mut harness, CTRL, egui::Key::S);
    run_until(&mut harness, "the save", |h| {
        !h.state().document().has_unsaved_changes()
    });
    assert!(
        matches!(harness.state().message(), Some(Message::Notice(text)) if text.starts_with("Saved "))
    );
    let saved = bilateral::io::load_dataset_file(&path).expect("the saved file opens");
    assert_eq!(saved, *harness.state().document().dataset());
    assert!(
        bilateral::document::save::backup_path(&path).is_file(),
        "the previous version is kept"
    );
    assert!(harness.query_by_label_contains("unsaved changes").is_none());

    // Save As writes another file, which the document then comes from.
    let other = folder.path().join("copy.json");
    run(&mut harness, Command::SaveAs(other.clone()));
    run_until(&mut harness, "the save as", |h| {
        h.state().document().origin().file() == Some(other.as_path())
    });
    assert_eq!(
        bilateral::io::load_dataset_file(&other).expect("opens"),
        saved
    );

    // Save as the answer to “Save the changes?”: the file is written, then the waiting
    // command runs; the answer does not carry over to the next question.
    let modified = |file: &Path| {
        std::fs::metadata(file)
            .and_then(|m| m.modified())
            .expect("stat")
    };
    let copy_written = modified(&other);
    import_table(&mut harness, write_trade_table(folder.path()));
    run(&mut harness, Command::OpenPath(path.clone()));
    harness.get_by_label("Save").click();
    run_until(&mut harness, "the save, then the file opened", |h| {
        h.state().document().origin().file() == Some(path.as_path())
    });
    assert!(
        modified(&other) > copy_written,
        "copy.json was saved before pair.json opened"
    );
    import_table(&mut harness, write_trade_table(folder.path()));
    run(&mut harness, Command::Quit);
    harness.get_by_label_contains("before closing");
}

#[test]
fn leaving_unsaved_changes_asks_and_cancel_keeps_them() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = new_harness();
    import_table(&mut harness, write_trade_table(folder.path()));

    // Quit asks; Cancel stays.
    run(&mut harness, Command::Quit);
    harness.get_by_label_contains("Save the changes to");
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains("Save the changes to")
            .is_none()
    );
    assert!(harness.state().document().has_unsaved_changes());

    // Opening another dataset asks; Don't save opens it.
    let other = folder.path().join("other.json");
    let mut dataset = bilateral::data::builtin::builtin_dataset().expect("built-in");
    dataset.metadata.title = "Another file".into();
    std::fs::write(&other, bilateral::data::json::to_json(&dataset)).expect("write");
    run(&mut harness, Command::OpenPath(other.clone()));
    assert_eq!(
        harness.state().document().dataset().metadata.title,
        bilateral::data::builtin::builtin_dataset()
            .expect("built-in")
            .metadata
            .title,
        "nothing opened before the answer"
    );
    harness.get_by_label_contains("before opening another file");
    harness.get_by_label("Don't save").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().document().dataset().metadata.title,
        "Another file"
    );
    assert!(!harness.state().document().has_unsaved_changes());

    // A new relationship with unsaved changes asks too; Save on a document without a file
    // asks where (no dialog here, so it says so), and nothing is replaced.
    import_table(&mut harness, write_trade_table(folder.path()));
    run(
        &mut harness,
        Command::NewRelationship(Pair::parse("CHN,RUS").expect("pair")),
    );
    harness.get_by_label_contains("before starting another relationship");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains("before starting another relationship")
            .is_none(),
        "Escape cancels"
    );
    assert_eq!(
        harness.state().document().dataset().metadata.title,
        "Another file"
    );
}

/// The window's close button, as the window system sends it.
fn close_button(harness: &mut Harness<'static, BilateralApp>) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
}

fn window_commands(harness: &Harness<'static, BilateralApp>) -> Vec<egui::ViewportCommand> {
    harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|viewport| viewport.commands.clone())
        .unwrap_or_default()
}

#[test]
fn the_close_button_with_unsaved_changes_keeps_the_window_and_asks() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = new_harness();
    close_button(&mut harness);
    assert!(
        !window_commands(&harness).contains(&egui::ViewportCommand::CancelClose),
        "nothing unsaved: the window closes"
    );
    import_table(&mut harness, write_trade_table(folder.path()));
    close_button(&mut harness);
    assert!(window_commands(&harness).contains(&egui::ViewportCommand::CancelClose));
    harness.run_steps(2);
    harness.get_by_label_contains("before closing");
    harness.get_by_label("Don't save").click();
    harness.step();
    assert!(window_commands(&harness).contains(&egui::ViewportCommand::Close));
}

#[test]
fn the_command_palette_finds_a_command_by_name_and_runs_it() {
    let mut harness = new_harness();
    press(&mut harness, CTRL, egui::Key::K);
    assert!(harness.state().palette_open());
    harness.get_by_label_contains("Save as…");
    harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .type_text("timel");
    harness.run_steps(2);
    assert!(
        harness.query_by_label_contains("Save as…").is_none(),
        "filtered as one types"
    );
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert_eq!(harness.state().view(), ViewKind::Timeline);
    assert!(
        !harness.state().palette_open(),
        "running a command closes it"
    );

    press(&mut harness, ctrl_shift(), egui::Key::P);
    assert!(harness.state().palette_open(), "Ctrl+Shift+P opens it too");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(!harness.state().palette_open(), "Escape closes it");
}

/// The environment variable that makes [`recovery_child_edits_and_waits_to_be_killed`] run.
const CHILD_FOLDER: &str = "BILATERAL_TEST_RECOVERY_CHILD";

#[test]
fn the_changes_of_a_killed_app_are_offered_and_restored_at_the_next_start() {
    let folder = tempfile::tempdir().expect("temp dir");
    let recovery = folder.path().join("recovery");
    let mut child = std::process::Command::new(std::env::current_exe().expect("this test binary"))
        .args([
            "--exact",
            "app_document::recovery_child_edits_and_waits_to_be_killed",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_FOLDER, folder.path())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("the child starts");
    let ready = folder.path().join("ready");
    let start = Instant::now();
    while !ready.is_file() {
        assert!(
            start.elapsed() < Duration::from_mins(2),
            "the child never edited"
        );
        assert!(
            child.try_wait().expect("child state").is_none(),
            "the child ended early"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // SIGKILL on Unix, TerminateProcess on Windows: nothing runs in the child after this.
    child.kill().expect("kill");
    child.wait().expect("reaped");

    let options = AppOptions {
        recovery: RecoveryStore::at(recovery.clone()),
        ..AppOptions::load(SettingsStore::in_memory(), None)
    };
    let mut harness = harness_with(options);
    assert!(
        matches!(harness.state().message(), Some(Message::Recovery { .. })),
        "{:?}",
        harness.state().message()
    );
    harness.get_by_label_contains("did not close normally");
    harness.get_by_label("Restore").click();
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(imported_points(app), 2, "the child's import came back");
    assert!(
        app.document().has_unsaved_changes(),
        "restored changes are unsaved"
    );
    assert!(
        matches!(app.message(), Some(Message::Notice(text)) if text.starts_with("Restored the unsaved changes"))
    );
    drop(harness);
    // Offered once: the next start finds nothing left behind.
    assert!(RecoveryStore::at(recovery).take_left_behind().is_none());
}

/// The child of the test above: imports into the built-in data, waits until the recovery
/// copy is on disk, says so, and waits to be killed.
#[test]
#[ignore = "run as a child process by the_changes_of_a_killed_app_are_offered_and_restored_at_the_next_start"]
fn recovery_child_edits_and_waits_to_be_killed() {
    let folder = PathBuf::from(
        std::env::var_os(CHILD_FOLDER)
            .expect("run only by the recovery test, which sets the folder"),
    );
    let recovery = folder.join("recovery");
    let options = AppOptions {
        recovery: RecoveryStore::at(recovery.clone()),
        ..AppOptions::load(SettingsStore::in_memory(), None)
    };
    let mut harness = harness_with(options);
    import_table(&mut harness, write_trade_table(&folder));
    let start = Instant::now();
    let has_copy = || {
        std::fs::read_dir(&recovery).is_ok_and(|entries| {
            entries
                .filter_map(Result::ok)
                .any(|e| e.path().extension().is_some_and(|x| x == "json"))
        })
    };
    while !has_copy() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no recovery copy within 30 s"
        );
        harness.run_steps(1);
        std::thread::sleep(Duration::from_millis(20));
    }
    std::fs::write(folder.join("ready"), b"").expect("ready");
    loop {
        std::thread::sleep(Duration::from_secs(1));
    }
}

/// The environment variable that makes [`save_child_saves_until_killed`] run.
const SAVE_CHILD_FILE: &str = "BILATERAL_TEST_SAVE_CHILD";

/// Two versions of a dataset big enough that a save takes a while.
fn big_version(title: &str) -> bilateral::data::Dataset {
    let mut dataset = bilateral::data::builtin::builtin_dataset().expect("built-in");
    title.clone_into(&mut dataset.metadata.title);
    let series = dataset.series[0].clone();
    for copy in 0..400 {
        let mut more = series.clone();
        more.id = format!("{}-copy-{copy}", series.id);
        dataset.series.push(more);
    }
    dataset
}

#[test]
fn a_save_killed_half_way_leaves_a_whole_file() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("pair.json");
    for attempt in 0..5_u64 {
        let mut child =
            std::process::Command::new(std::env::current_exe().expect("this test binary"))
                .args([
                    "--exact",
                    "app_document::save_child_saves_until_killed",
                    "--ignored",
                    "--test-threads=1",
                ])
                .env(SAVE_CHILD_FILE, &path)
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("the child starts");
        let start = Instant::now();
        while !bilateral::document::save::backup_path(&path).is_file() {
            assert!(
                start.elapsed() < Duration::from_mins(1),
                "the child never saved twice"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        // Somewhere in the middle of a later save.
        std::thread::sleep(Duration::from_millis(40 + 37 * attempt));
        child.kill().expect("kill");
        child.wait().expect("reaped");
        let on_disk = bilateral::io::load_dataset_file(&path).expect("the file is whole");
        assert!(
            ["version A", "version B"].contains(&on_disk.metadata.title.as_str()),
            "{}",
            on_disk.metadata.title
        );
        std::fs::remove_file(bilateral::document::save::backup_path(&path)).expect("reset");
    }
}

/// The child of the test above: saves two versions in turn until it is killed.
#[test]
#[ignore = "run as a child process by a_save_killed_half_way_leaves_a_whole_file"]
fn save_child_saves_until_killed() {
    let path = PathBuf::from(
        std::env::var_os(SAVE_CHILD_FILE).expect("run only by the save test, which sets the file"),
    );
    let versions = [big_version("version A"), big_version("version B")];
    for version in versions.iter().cycle() {
        bilateral::document::save::save_dataset(version, &path).expect("save");
    }
}

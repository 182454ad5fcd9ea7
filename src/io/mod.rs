//! Reading dataset files from disk: the one place the app shell and the command line touch files.

pub(crate) mod file_state;

use std::path::Path;

use crate::data::geojson::{GeoLayer, looks_like_geojson, parse_geojson_layer};
use crate::data::json::{parse_dataset, read_valid_dataset};
use crate::data::{Dataset, LoadError, LoadErrorKind, LoadErrors};
use crate::io::file_state::{FileState, io_message, open_regular};

/// Files larger than this are refused before they are read.
pub(crate) const MAX_DATASET_BYTES: u64 = 256 * 1024 * 1024;

/// File types Bilateral opens, for file dialogs: (description, extensions).
pub(crate) const OPENABLE_TYPES: &[(&str, &[&str])] = &[
    ("Bilateral dataset or GeoJSON", &["json", "geojson"]),
    ("Bilateral dataset (JSON)", &["json"]),
    ("GeoJSON map layer", &["geojson"]),
];

/// What a file turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum OpenedFile {
    /// A Bilateral dataset, which replaces the one on screen.
    Dataset(Box<Dataset>),
    /// A GeoJSON layer, which is added to the map.
    Layer(GeoLayer),
}

/// Reads `path` as a dataset or, for `.geojson` files and `.json` files whose top-level
/// `type` is a GeoJSON type, as a map layer.
pub(crate) fn open_file(path: &Path) -> Result<OpenedFile, LoadErrors> {
    if let Some(dataset) = stream_valid_dataset(path) {
        return Ok(OpenedFile::Dataset(Box::new(dataset)));
    }
    let file = path.display().to_string();
    let bytes = read_checked(path)?;
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if extension.as_deref() == Some("geojson") || looks_like_geojson(&bytes) {
        parse_geojson_layer(&bytes, &file).map(OpenedFile::Layer)
    } else {
        parse_dataset(&bytes, &file).map(|dataset| OpenedFile::Dataset(Box::new(dataset)))
    }
}

/// Whether `path` is a Bilateral dataset or GeoJSON rather than a trade file: a `.json` or
/// `.geojson` name, or text whose first character is `{`. A file that cannot be read counts
/// as a dataset when its name ends in `.json`, so the error names what was expected.
pub(crate) fn is_dataset_file(path: &Path) -> bool {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if matches!(extension.as_deref(), Some("json" | "geojson")) {
        return true;
    }
    // Only a regular file is read to look at its start: a FIFO (opened without waiting
    // for a writer) is not read, which would take the bytes the import needs.
    let Ok((mut opened, _)) = crate::io::file_state::open_regular(path) else {
        return false;
    };
    let mut head = [0_u8; 512];
    let read = {
        use std::io::Read;
        opened.read(&mut head)
    };
    match read {
        Ok(n) => {
            let text = crate::data::strip_bom(&head[..n]);
            text.trim_ascii_start().first() == Some(&b'{')
        }
        Err(_) => false,
    }
}

/// Reads and checks the dataset at `path`; a GeoJSON map layer is refused as one, not
/// read as a dataset with unknown fields.
pub fn load_dataset_file(path: &Path) -> Result<Dataset, LoadErrors> {
    if let Some(dataset) = stream_valid_dataset(path) {
        return Ok(dataset);
    }
    let file = path.display().to_string();
    let bytes = read_checked(path)?;
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if extension.as_deref() == Some("geojson") || looks_like_geojson(&bytes) {
        return Err(LoadErrors::one(LoadError {
            file,
            position: None,
            kind: LoadErrorKind::Structure(
                "this is a GeoJSON map layer, not a dataset: open it in the window to add it to the map, or check it with `bilateral check`".into(),
            ),
        }));
    }
    parse_dataset(&bytes, &file)
}

/// The dataset at `path` read as it streams (see [`read_valid_dataset`]), when it is a
/// regular `.json` file within the size limit that opens as it is and did not change while
/// it was read; otherwise `None`, and the caller reads the file whole to say what is wrong.
fn stream_valid_dataset(path: &Path) -> Option<Dataset> {
    let is_json = path
        .extension()
        .and_then(|e| e.to_str())
        .is_none_or(|extension| extension.eq_ignore_ascii_case("json"));
    if !is_json {
        return None;
    }
    let (opened, metadata) = open_regular(path).ok()?;
    if metadata.len() > MAX_DATASET_BYTES {
        return None;
    }
    let before = FileState::of(&metadata);
    let reader = std::io::BufReader::with_capacity(
        STREAM_BUFFER_BYTES,
        std::io::Read::take(opened, MAX_DATASET_BYTES + 1),
    );
    let dataset = read_valid_dataset(reader)?;
    before.change_since(path).is_none().then_some(dataset)
}

/// The read buffer of a dataset read as it streams.
const STREAM_BUFFER_BYTES: usize = 1024 * 1024;

/// The bytes of `path`, after checking its type and size.
fn read_checked(path: &Path) -> Result<Vec<u8>, LoadErrors> {
    let file = path.display().to_string();
    let fail = |kind| {
        LoadErrors::one(LoadError {
            file: file.clone(),
            position: None,
            kind,
        })
    };
    if let Some(extension) = path.extension().and_then(|e| e.to_str())
        && !OPENABLE_TYPES
            .iter()
            .any(|(_, extensions)| extensions.iter().any(|x| x.eq_ignore_ascii_case(extension)))
    {
        return Err(fail(LoadErrorKind::UnsupportedFileType(format!(
            ".{extension}"
        ))));
    }
    let (opened, metadata) =
        open_regular(path).map_err(|message| fail(LoadErrorKind::Io(message)))?;
    if metadata.len() > MAX_DATASET_BYTES {
        return Err(fail(LoadErrorKind::TooLarge {
            size_mib: metadata.len() / (1024 * 1024),
            limit_mib: MAX_DATASET_BYTES / (1024 * 1024),
        }));
    }
    read_unchanged(path, FileState::of(&metadata), |_| {
        use std::io::Read as _;
        // One byte over the limit is enough to see a file that grew past it meanwhile. Room
        // for the size the system gives (at most the limit, checked above), so that the
        // buffer is not doubled past it as it fills.
        let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0) + 1);
        opened
            .take(MAX_DATASET_BYTES + 1)
            .read_to_end(&mut bytes)
            .map(|_| bytes)
    })
    .map_err(|message| fail(LoadErrorKind::Io(message)))
}

/// The bytes `read` gets from `path`, unless the file changed or vanished since it looked
/// like `before`: then what happened, in words, and no bytes.
fn read_unchanged(
    path: &Path,
    before: FileState,
    read: impl FnOnce(&Path) -> std::io::Result<Vec<u8>>,
) -> Result<Vec<u8>, String> {
    let bytes = read(path).map_err(|e| io_message(&e))?;
    match before.change_since(path) {
        Some(change) => Err(change),
        None => Ok(bytes),
    }
}

/// Writes `contents` to `path` atomically: a temporary file in the same folder, named for
/// this process, written and flushed to disk, then renamed over `path`. A writer killed
/// half-way leaves at most a temporary file; `path` holds the old contents or the new,
/// never part of either.
pub(crate) fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    if let Some(parent) = path.parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent)?;
    }
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(format!(".{}.tmp", std::process::id()));
    let temporary = std::path::PathBuf::from(temporary);
    let written = std::fs::File::create(&temporary).and_then(|mut file| {
        file.write_all(contents)?;
        file.sync_all()
    });
    let renamed = written.and_then(|()| std::fs::rename(&temporary, path));
    if renamed.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    renamed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_is_an_io_error_naming_the_file() {
        let errors = load_dataset_file(Path::new("/no/such/dir/data.json")).err();
        let error = errors.as_ref().and_then(LoadErrors::first).cloned();
        let error = error.expect("an error");
        assert!(matches!(error.kind, LoadErrorKind::Io(_)));
        assert!(error.to_string().starts_with("/no/such/dir/data.json: "));
    }

    #[test]
    fn spreadsheet_is_refused_by_type_before_reading() {
        let error = load_dataset_file(Path::new("/no/such/trade.xlsx"))
            .err()
            .and_then(|e| e.first().cloned())
            .expect("an error");
        assert_eq!(
            error.kind,
            LoadErrorKind::UnsupportedFileType(".xlsx".into())
        );
    }

    #[test]
    fn geojson_is_recognised_by_extension_or_content() {
        let folder = tempfile::tempdir().expect("temp dir");
        let point = r#"{"type": "Point", "coordinates": [51.4, 35.7]}"#;
        for name in ["layer.geojson", "layer.json"] {
            let path = folder.path().join(name);
            std::fs::write(&path, point).expect("write");
            assert!(
                matches!(open_file(&path), Ok(OpenedFile::Layer(_))),
                "{name}"
            );
        }
        let dataset = folder.path().join("data.json");
        std::fs::write(
            &dataset,
            crate::data::builtin::builtin_json().expect("inflates"),
        )
        .expect("write");
        assert!(matches!(open_file(&dataset), Ok(OpenedFile::Dataset(_))));
    }

    #[test]
    fn a_map_layer_loaded_as_a_dataset_is_named_a_map_layer() {
        let folder = tempfile::tempdir().expect("temp dir");
        for name in ["layer.json", "layer.geojson"] {
            let path = folder.path().join(name);
            std::fs::write(&path, r#"{"type": "FeatureCollection", "features": []}"#)
                .expect("write");
            let message = load_dataset_file(&path)
                .expect_err("not a dataset")
                .to_string();
            assert!(
                message.contains("GeoJSON map layer, not a dataset"),
                "{message}"
            );
        }
    }

    #[test]
    fn datasets_are_told_from_trade_files_by_name_or_first_character() {
        let folder = tempfile::tempdir().expect("temp dir");
        let json = folder.path().join("data.txt");
        std::fs::write(&json, " {\"metadata\": {}}").expect("write");
        let csv = folder.path().join("data.csv");
        std::fs::write(&csv, "year,reporter\n").expect("write");
        assert!(is_dataset_file(&json));
        assert!(!is_dataset_file(&csv));
        assert!(is_dataset_file(Path::new("/no/such/file.json")));
        assert!(!is_dataset_file(Path::new("/no/such/file.csv")));
    }

    #[test]
    fn a_folder_is_refused() {
        let folder = tempfile::tempdir().expect("temp dir");
        let error = load_dataset_file(folder.path())
            .err()
            .and_then(|e| e.first().cloned())
            .expect("an error");
        assert!(matches!(error.kind, LoadErrorKind::Io(_)));
    }

    #[test]
    fn a_file_that_changes_or_vanishes_while_read_is_refused_with_what_happened() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("data.json");
        std::fs::write(
            &path,
            crate::data::builtin::builtin_json().expect("inflates"),
        )
        .expect("write");
        let before = FileState::of(&std::fs::metadata(&path).expect("stat"));
        let appended = read_unchanged(&path, before, |path| {
            let bytes = std::fs::read(path);
            std::fs::write(path, "{}").expect("another program rewrites it");
            bytes
        });
        assert_eq!(appended, Err(crate::io::file_state::CHANGED.to_owned()));
        std::fs::write(
            &path,
            crate::data::builtin::builtin_json().expect("inflates"),
        )
        .expect("write");
        let before = FileState::of(&std::fs::metadata(&path).expect("stat"));
        let vanished = read_unchanged(&path, before, |path| {
            let bytes = std::fs::read(path);
            std::fs::remove_file(path).expect("another program deletes it");
            bytes
        });
        assert_eq!(vanished, Err(crate::io::file_state::VANISHED.to_owned()));
        let error = load_dataset_file(&path)
            .err()
            .and_then(|e| e.first().cloned())
            .expect("an error");
        assert!(
            error
                .to_string()
                .ends_with("there is no such file (was it moved or deleted?)"),
            "{error}"
        );
    }

    #[test]
    fn atomic_write_creates_folders_and_leaves_no_temporary() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("a/b/settings.json");
        write_atomically(&path, b"one").expect("write");
        write_atomically(&path, b"two").expect("overwrite");
        assert_eq!(std::fs::read(&path).expect("read"), b"two");
        let names: Vec<_> = std::fs::read_dir(path.parent().expect("parent"))
            .expect("list")
            .filter_map(Result::ok)
            .map(|entry| entry.file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("settings.json")]);
    }
}

//! Writing a dataset file so that nothing is lost whatever happens half-way: the new
//! version goes to a temporary file in the same folder, is flushed and synced to disk, the
//! previous version is copied beside it as a backup (`pair.json.bak`), and only then is the
//! temporary file renamed over the old one. A save interrupted at any point (an error, a
//! killed process, a power cut) leaves the old file whole.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::data::Dataset;
use crate::data::json::to_json;

/// Why a save failed; the file on disk is as it was.
#[derive(Debug, thiserror::Error)]
#[error("could not save {}: {message}", path.display())]
pub struct SaveError {
    /// The file that was being written.
    pub(crate) path: PathBuf,
    /// What went wrong, in words.
    pub(crate) message: String,
}

/// What a finished save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The file written.
    pub(crate) path: PathBuf,
    /// Bytes written.
    pub(crate) bytes: usize,
    /// Where the previous version was kept, when there was one.
    pub(crate) backup: Option<PathBuf>,
}

/// Writes `dataset` to `path` in Bilateral's JSON format, keeping the previous version as a
/// backup.
pub fn save_dataset(dataset: &Dataset, path: &Path) -> Result<Saved, SaveError> {
    let text = to_json(dataset);
    write_keeping_backup(path, |file| file.write_all(text.as_bytes())).map(|backup| Saved {
        path: path.to_owned(),
        bytes: text.len(),
        backup,
    })
}

/// Where the previous version of `path` is kept: `pair.json.bak` beside `pair.json`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

/// Writes a new version of `path` with `write`, atomically, keeping the old one as a
/// backup; returns the backup's path when there was an old version.
pub(crate) fn write_keeping_backup(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<Option<PathBuf>, SaveError> {
    let fail = |message: String| SaveError {
        path: path.to_owned(),
        message,
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = super::file_name(path);
    let mut temporary = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".saving")
        .tempfile_in(&folder)
        .map_err(|error| fail(format!("cannot write in {}: {error}", folder.display())))?;
    write(temporary.as_file_mut())
        .and_then(|()| temporary.as_file_mut().flush())
        .and_then(|()| match permissions_for(path) {
            Some(permissions) => temporary.as_file().set_permissions(permissions),
            None => Ok(()),
        })
        .and_then(|()| temporary.as_file().sync_all())
        .map_err(|error| fail(error.to_string()))?;
    let backup = if path.is_file() {
        let backup = backup_path(path);
        std::fs::copy(path, &backup).map_err(|error| {
            fail(format!(
                "could not keep the previous version as {}: {error}",
                backup.display()
            ))
        })?;
        Some(backup)
    } else {
        None
    };
    temporary
        .persist(path)
        .map_err(|error| fail(error.error.to_string()))?;
    sync_folder(&folder);
    Ok(backup)
}

/// The permissions the new version gets: the old version's, or for a new file on Unix what
/// a newly created file usually has (the temporary file starts readable by its owner only).
/// Elsewhere a new file keeps the temporary file's.
#[cfg_attr(
    unix,
    expect(
        clippy::unnecessary_wraps,
        reason = "only Unix always has permissions to give"
    )
)]
fn permissions_for(path: &Path) -> Option<std::fs::Permissions> {
    if let Ok(metadata) = std::fs::metadata(path) {
        return Some(metadata.permissions());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        Some(std::fs::Permissions::from_mode(0o644))
    }
    #[cfg(not(unix))]
    None
}

/// Makes the rename itself durable (Unix; elsewhere the file system does it).
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Err(error) = std::fs::File::open(folder).and_then(|dir| dir.sync_all()) {
        log::warn!("could not sync {}: {error}", folder.display());
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin::builtin_dataset;

    fn files_in(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .expect("list")
            .map(|entry| {
                entry
                    .expect("entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_save_writes_the_dataset_and_keeps_the_previous_version() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("pair.json");
        let mut dataset = builtin_dataset().expect("built-in");
        let first = save_dataset(&dataset, &path).expect("first save");
        assert_eq!(first.backup, None);
        dataset.metadata.title = "Second version".into();
        let second = save_dataset(&dataset, &path).expect("second save");
        assert_eq!(second.backup, Some(backup_path(&path)));
        let reread = crate::io::load_dataset_file(&path).expect("the saved file opens");
        assert_eq!(reread, dataset);
        let backup = std::fs::read(backup_path(&path)).expect("backup");
        let old = crate::data::json::parse_dataset(&backup, "backup").expect("backup opens");
        assert_eq!(
            old.metadata.title,
            builtin_dataset().expect("built-in").metadata.title
        );
        assert_eq!(files_in(folder.path()), ["pair.json", "pair.json.bak"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = |p: &Path| std::fs::metadata(p).expect("stat").permissions().mode() & 0o777;
            assert_eq!(
                mode(&path),
                0o644,
                "readable like any new file, not the temporary's 0600"
            );
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
            save_dataset(&dataset, &path).expect("third save");
            assert_eq!(mode(&path), 0o640, "a save keeps the file's permissions");
        }
    }

    #[test]
    fn an_interrupted_save_leaves_the_old_file_whole_and_no_temporary_file() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("pair.json");
        let dataset = builtin_dataset().expect("built-in");
        save_dataset(&dataset, &path).expect("first save");
        let before = std::fs::read(&path).expect("read");
        let error = write_keeping_backup(&path, |file| {
            file.write_all(&before[..before.len() / 2])?;
            Err(std::io::Error::other("the disk is full"))
        })
        .expect_err("the write failed");
        assert!(error.to_string().contains("the disk is full"), "{error}");
        assert_eq!(
            std::fs::read(&path).expect("read"),
            before,
            "old file whole"
        );
        assert_eq!(
            files_in(folder.path()),
            ["pair.json"],
            "no temporary file left"
        );
    }

    #[test]
    fn a_folder_that_cannot_be_written_is_said() {
        let error = save_dataset(
            &builtin_dataset().expect("built-in"),
            Path::new("/no/such/folder/pair.json"),
        )
        .expect_err("no folder");
        assert!(
            error.to_string().starts_with(
                "could not save /no/such/folder/pair.json: cannot write in /no/such/folder"
            ),
            "{error}"
        );
    }
}

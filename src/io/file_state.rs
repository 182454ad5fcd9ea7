//! Noticing that a file vanished or changed while it was being read, and saying so in
//! words a user can act on.

use std::fs::Metadata;
use std::path::Path;
use std::time::SystemTime;

/// What a file looked like when reading began: its size and when it was last changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FileState {
    bytes: u64,
    modified: Option<SystemTime>,
}

impl FileState {
    /// The state `metadata` describes.
    pub(crate) fn of(metadata: &Metadata) -> Self {
        Self {
            bytes: metadata.len(),
            modified: metadata.modified().ok(),
        }
    }

    /// Why the file at `path` is no longer what was read, or `None` when it is unchanged.
    pub(crate) fn change_since(&self, path: &Path) -> Option<String> {
        match std::fs::metadata(path) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Some(VANISHED.to_owned()),
            Err(error) => Some(io_message(&error)),
            Ok(now) if Self::of(&now) != *self => Some(CHANGED.to_owned()),
            Ok(_) => None,
        }
    }
}

/// The metadata of the file `path` names, following symbolic links, when it is a regular
/// file; else why it is not read, in words. A folder, a FIFO (which would block the reader
/// until another program writes to it), a device (`/dev/zero` never ends) or a socket is
/// refused before it is opened.
pub(crate) fn regular_file(path: &Path) -> Result<Metadata, String> {
    let metadata = std::fs::metadata(path).map_err(|e| io_message(&e))?;
    if metadata.is_file() {
        return Ok(metadata);
    }
    let what = if metadata.is_dir() {
        "a folder"
    } else {
        special_kind(&metadata)
    };
    Err(format!(
        "it is {what}, not a file: Bilateral reads only regular files (copy the data into one)"
    ))
}

#[cfg(unix)]
fn special_kind(metadata: &Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt as _;
    let kind = metadata.file_type();
    if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &Metadata) -> &'static str {
    "a special file"
}

/// Said when a file changed between the start and the end of reading it.
pub(crate) const CHANGED: &str = "the file changed while it was being read (is another program still writing it?); open it again once it is complete";

/// Said when a file went away while it was being read.
pub(crate) const VANISHED: &str =
    "the file was moved or deleted while it was being read; nothing was loaded from it";

/// An I/O error in words: a missing file says so plainly, others as the system puts them.
pub(crate) fn io_message(error: &std::io::Error) -> String {
    if error.kind() == std::io::ErrorKind::NotFound {
        "there is no such file (was it moved or deleted?)".to_owned()
    } else {
        error.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_grows_shrinks_or_goes_is_noticed() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("data.json");
        std::fs::write(&path, b"{}").expect("write");
        let state = FileState::of(&std::fs::metadata(&path).expect("stat"));
        assert_eq!(state.change_since(&path), None);
        std::fs::write(&path, b"{ \"longer\": true }").expect("rewrite");
        assert_eq!(state.change_since(&path).as_deref(), Some(CHANGED));
        std::fs::remove_file(&path).expect("remove");
        assert_eq!(state.change_since(&path).as_deref(), Some(VANISHED));
    }

    #[test]
    fn a_missing_file_is_said_plainly() {
        let error = std::fs::read("/no/such/folder/data.json").expect_err("missing");
        assert_eq!(
            io_message(&error),
            "there is no such file (was it moved or deleted?)"
        );
    }
}

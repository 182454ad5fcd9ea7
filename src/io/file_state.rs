//! Noticing that a file vanished or changed while it was being read, and saying so in
//! words a user can act on.

use std::fs::{File, Metadata};
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

/// Why a path whose metadata is `metadata` (not a regular file) is not read.
fn not_a_file(metadata: &Metadata) -> String {
    let what = if metadata.is_dir() {
        "a folder"
    } else {
        special_kind(metadata)
    };
    format!("it is {what}, not a file: Bilateral reads only regular files (copy the data into one)")
}

/// The file `path` names (following symbolic links), opened, with its metadata, when it is
/// a regular file; else why it is not read, in words. A folder, a FIFO (which would block
/// the reader until another program writes to it), a device (`/dev/zero` never ends) or a
/// socket is refused. The type is checked on the opened file, so a file swapped for a FIFO
/// or a device between a look at its name and the open is refused too; and on Unix the open
/// does not wait: a FIFO is opened without blocking, seen to be one, and closed.
pub(crate) fn open_regular(path: &Path) -> Result<(File, Metadata), String> {
    let opened = open_without_waiting(path).map_err(|error| {
        // Windows does not open a folder as a file: say what it is rather than the error.
        match std::fs::metadata(path) {
            Ok(metadata) if !metadata.is_file() => not_a_file(&metadata),
            _ => io_message(&error),
        }
    })?;
    let metadata = opened.metadata().map_err(|e| io_message(&e))?;
    if metadata.is_file() {
        return Ok((opened, metadata));
    }
    Err(not_a_file(&metadata))
}

#[cfg(unix)]
fn open_without_waiting(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    // O_NONBLOCK changes nothing for a regular file's reads (they never wait).
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> std::io::Result<File> {
    File::open(path)
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

    /// A FIFO nobody writes to is refused at once: opening it the ordinary way would wait
    /// for a writer forever, which is what a file swapped for a FIFO after the type check
    /// did. The open runs on a thread so that a regression fails here instead of hanging.
    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_by_the_open_itself_without_waiting() {
        let folder = tempfile::tempdir().expect("temp dir");
        let fifo = folder.path().join("trade.csv");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success(), "mkfifo made the FIFO");
        let (sender, receiver) = std::sync::mpsc::sync_channel(1);
        let path = fifo.clone();
        std::thread::Builder::new()
            .name("open a FIFO".into())
            .spawn(move || {
                let _ = sender.send(open_regular(&path).map(|_| ()));
            })
            .expect("thread");
        let answer = receiver
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("the open returned instead of waiting for a writer");
        assert_eq!(
            answer,
            Err("it is a named pipe (FIFO), not a file: Bilateral reads only regular files (copy the data into one)".to_owned())
        );
        let regular = folder.path().join("plain.csv");
        std::fs::write(&regular, b"year,value\n").expect("write");
        let (_, metadata) = open_regular(&regular).expect("a regular file opens");
        assert_eq!(metadata.len(), 11);
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

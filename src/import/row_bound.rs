//! A bound on the bytes of one row of a text table, whatever ends its lines (`\n`, `\r\n`
//! or a lone `\r`) and however it is quoted: the CSV reader keeps a row whole in memory, so
//! a first line of 400 MiB, a `.gz` that inflates to one endless line or a quote that never
//! closes would otherwise take all the memory there is.

use std::cell::Cell;
use std::io::{self, Read};
use std::rc::Rc;

/// The most bytes one row may take.
pub(crate) const LONGEST_ROW_BYTES: u64 = 32 * 1024 * 1024;

/// A reader that fails once more than [`LONGEST_ROW_BYTES`] (plus the CSV reader's own
/// buffer) have been read since the last row ended; the table reader marks each row's end
/// with [`RowMark::row_ended`].
pub(crate) struct RowBound<R> {
    inner: R,
    since_row: Rc<Cell<u64>>,
    slack: u64,
}

/// The table reader's handle on a [`RowBound`].
#[derive(Clone, Debug)]
pub(crate) struct RowMark(Rc<Cell<u64>>);

impl RowMark {
    /// Says a row was read whole.
    #[inline]
    pub(crate) fn row_ended(&self) {
        self.0.set(0);
    }
}

/// The error a [`RowBound`] gives, recognised with [`is_row_too_long`].
#[derive(Debug)]
struct RowTooLong;

impl std::fmt::Display for RowTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a row longer than {} MiB", LONGEST_ROW_BYTES >> 20)
    }
}

impl std::error::Error for RowTooLong {}

impl<R> RowBound<R> {
    /// Bounds the rows read from `inner` by a reader that buffers `buffer_bytes`.
    pub(crate) fn new(inner: R, buffer_bytes: usize) -> (Self, RowMark) {
        let since_row = Rc::new(Cell::new(0));
        (
            Self {
                inner,
                since_row: Rc::clone(&since_row),
                slack: buffer_bytes as u64,
            },
            RowMark(since_row),
        )
    }
}

impl<R: Read> Read for RowBound<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.since_row.get() > LONGEST_ROW_BYTES + self.slack {
            return Err(io::Error::other(RowTooLong));
        }
        let read = self.inner.read(buf)?;
        self.since_row.set(self.since_row.get() + read as u64);
        Ok(read)
    }
}

/// The most bytes a compressed stream (a `.gz`, a zip entry) may inflate to: several times
/// the largest Comtrade bulk file, so that a small file inflating without end is stopped.
pub(crate) const MAX_INFLATED_BYTES: u64 = 64 * 1024 * 1024 * 1024;

/// A decompressing reader that fails past [`MAX_INFLATED_BYTES`].
pub(crate) struct InflateBound<R> {
    inner: R,
    left: u64,
}

impl<R> InflateBound<R> {
    /// Bounds `inner` at [`MAX_INFLATED_BYTES`].
    pub(crate) fn new(inner: R) -> Self {
        Self::with_limit(inner, MAX_INFLATED_BYTES)
    }

    /// Bounds `inner` at `limit` bytes.
    pub(crate) fn with_limit(inner: R, limit: u64) -> Self {
        Self { inner, left: limit }
    }
}

impl<R: Read> Read for InflateBound<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.left = self.left.checked_sub(read as u64).ok_or_else(|| {
            io::Error::other(format!(
                "it inflates to more than {} GiB, more than Bilateral reads",
                MAX_INFLATED_BYTES >> 30
            ))
        })?;
        Ok(read)
    }
}

/// Whether `error` is a [`RowBound`]'s.
pub(crate) fn is_row_too_long(error: &io::Error) -> bool {
    error
        .get_ref()
        .is_some_and(|inner| inner.downcast_ref::<RowTooLong>().is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_within_the_bound_read_and_a_longer_one_fails() {
        let long = vec![b'x'; usize::try_from(LONGEST_ROW_BYTES).unwrap_or(0) + 2 * 1024 * 1024];
        let (mut bound, mark) = RowBound::new(&long[..], 1024);
        let mut chunk = vec![0; 64 * 1024];
        let mut read = 0;
        let error = loop {
            match bound.read(&mut chunk) {
                Ok(n) => read += n as u64,
                Err(error) => break error,
            }
        };
        assert!(is_row_too_long(&error));
        assert!(read <= LONGEST_ROW_BYTES + 1024 + 64 * 1024, "{read}");

        let (mut bound, mark2) = RowBound::new(&long[..], 1024);
        let mut chunk = vec![0; 1024 * 1024];
        for _ in 0..=(long.len() / chunk.len()) {
            mark2.row_ended();
            if bound.read(&mut chunk).expect("each chunk is a row") == 0 {
                break;
            }
        }
        drop(mark);
    }

    #[test]
    fn a_stream_inflating_past_its_bound_fails() {
        let bytes = vec![0_u8; 10_000];
        let mut within = InflateBound::with_limit(&bytes[..], 10_000);
        assert_eq!(within.read_to_end(&mut Vec::new()).ok(), Some(10_000));
        let mut past = InflateBound::with_limit(&bytes[..], 9_999);
        let error = past
            .read_to_end(&mut Vec::new())
            .expect_err("past the bound");
        assert!(
            error.to_string().contains("inflates to more than"),
            "{error}"
        );
    }
}

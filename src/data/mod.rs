//! The data model and its loaders. Nothing in here knows about egui.

pub(crate) mod basis;
pub mod builtin;
pub mod country;
pub(crate) mod error;
pub mod geojson;
pub mod json;
mod json_head;
pub(crate) mod locate;
pub(crate) mod merge;
pub(crate) mod mirror;
pub(crate) mod model;
pub mod new_relationship;
pub mod records;
pub(crate) mod schema;
pub(crate) mod standing;
pub(crate) mod summary;
pub(crate) mod trade_flow;
pub mod validate;
pub(crate) mod years_covered;

#[cfg(test)]
mod copy_check;

pub use basis::Basis;
pub use error::{LoadError, LoadErrorKind, LoadErrors, Problem};
pub use model::*;
pub use standing::StandingFact;

/// The bytes without a leading UTF-8 byte-order mark, which some Windows editors write.
pub fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

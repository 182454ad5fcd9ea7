//! Tests that span the crate: hand-made bad inputs against every loader, and property tests
//! of the data's round trips.

mod bad_input;
#[cfg(feature = "gui")]
mod proptests;

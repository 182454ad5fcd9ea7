//! The windows that float over the views: the import dialog, File › New relationship,
//! File › Imports, and the searchable country picker they use. Like the views, they read
//! what the app hands them and ask for changes with commands.

pub(crate) mod chronology_columns;
pub(crate) mod country_picker;
pub(crate) mod event_options;
pub mod import_dialog;
pub(crate) mod imports;
pub(crate) mod new_relationship;

//! The JSON Schema of the dataset format, generated from the Rust types.

#[cfg(test)]
use super::model::Dataset;

#[cfg(test)]
/// Where the committed schema lives, relative to the crate root.
pub(crate) const SCHEMA_PATH: &str = "docs/dataset.schema.json";

#[cfg(test)]
/// The JSON Schema (draft 2020-12) of a dataset file, pretty-printed.
pub(crate) fn dataset_schema_json() -> String {
    let schema = schemars::schema_for!(Dataset);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed schema must match the types; `UPDATE_SCHEMA=1 cargo test` rewrites it.
    #[test]
    fn committed_schema_matches_the_types() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA_PATH);
        let generated = dataset_schema_json();
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &generated).expect("write schema");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{SCHEMA_PATH} is out of date: run `UPDATE_SCHEMA=1 cargo test committed_schema`"
        );
        assert!(generated.contains("\"schema_version\""));
    }
}

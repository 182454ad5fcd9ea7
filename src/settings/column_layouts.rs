//! The columns chosen for each chronology layout, remembered by its header row: the next
//! file with the same header opens with the same choices.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// How many layouts are remembered; the oldest goes first.
pub(crate) const MAX_LAYOUTS: usize = 50;

/// The columns chosen for one header row.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ColumnLayout {
    /// The header row, as the file writes it.
    pub header: Vec<String>,
    /// Each role's column, by name: `date` → `Start`.
    pub roles: BTreeMap<String, String>,
    /// The other choices, as `--column` takes them: `day_order=dmy`, `default_domain=energy`.
    pub options: Vec<String>,
}

/// Remembered layouts, most recent first.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ColumnLayouts(pub Vec<ColumnLayout>);

impl ColumnLayouts {
    /// The layout remembered for `header`.
    pub(crate) fn find(&self, header: &[String]) -> Option<&ColumnLayout> {
        self.0.iter().find(|layout| layout.header == header)
    }

    /// Remembers `layout`, first, in place of any for the same header.
    pub(crate) fn remember(&mut self, layout: ColumnLayout) {
        self.0.retain(|known| known.header != layout.header);
        self.0.insert(0, layout);
        self.0.truncate(MAX_LAYOUTS);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_layout_is_found_by_its_header_and_the_newest_choice_wins() {
        let header = vec!["When".to_owned(), "What".to_owned()];
        let mut layouts = ColumnLayouts::default();
        for title in ["What", "When"] {
            layouts.remember(ColumnLayout {
                header: header.clone(),
                roles: BTreeMap::from([("title".to_owned(), title.to_owned())]),
                options: Vec::new(),
            });
        }
        assert_eq!(layouts.0.len(), 1);
        let found = layouts.find(&header).expect("remembered");
        assert_eq!(found.roles["title"], "When");
        assert!(layouts.find(&["When".to_owned()]).is_none());
    }
}

//! The views and the time cursor follow the document: after each command that changed it
//! (an import, an undo, another file), what they hold that may no longer exist is
//! forgotten. Nothing calls this by hand after a change; it compares the document with
//! what was last followed.

use std::sync::Arc;

use super::BilateralApp;
use crate::document::Content;
use crate::geo::filter::year_range;
use crate::views::TimeCursor;

/// How the document changed since it was last followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    /// Nothing the views read (a save renamed where it came from, say).
    None,
    /// Another relationship: another pair or another file.
    Replaced,
    /// The same relationship, with records added, changed or removed.
    Edited,
    /// Only the map layers.
    Layers,
}

fn change_between(before: &Content, now: &Content) -> Change {
    if !Arc::ptr_eq(&before.dataset, &now.dataset) {
        let another_pair = before.dataset.metadata.parties != now.dataset.metadata.parties;
        if another_pair || before.origin != now.origin {
            Change::Replaced
        } else {
            Change::Edited
        }
    } else if !Arc::ptr_eq(&before.layers, &now.layers) {
        Change::Layers
    } else {
        Change::None
    }
}

impl BilateralApp {
    /// Brings the views and the cursor along when the document changed.
    pub(super) fn follow_document(&mut self) {
        let generation = self.document.generation();
        if self.followed.0 == generation {
            return;
        }
        let (_, before) = std::mem::replace(
            &mut self.followed,
            (generation, self.document.content().clone()),
        );
        match change_between(&before, self.document.content()) {
            Change::None => {}
            Change::Replaced => {
                self.editor = None;
                let dataset = self.document.dataset();
                self.cursor = TimeCursor::at(year_range(dataset).1);
                self.views.on_dataset_changed(dataset);
            }
            Change::Edited => {
                let dataset = self.document.dataset();
                self.views.trade.on_dataset_changed();
                self.views.map.forget_what_is_gone(dataset);
                if let Some(id) = &self.cursor.selected_event
                    && dataset.event(id).is_none()
                {
                    self.cursor.selected_event = None;
                }
                // Undo took away the record being edited.
                if let Some(editing) = self.editor.as_ref().and_then(|e| e.replacing())
                    && crate::data::records::record(dataset, editing).is_none()
                {
                    self.editor = None;
                }
            }
            Change::Layers => self.views.map.forget_selection(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin::{builtin_dataset, empty_dataset};
    use crate::document::DataOrigin;

    #[test]
    fn changes_are_told_apart() {
        let before = Content::new(builtin_dataset().expect("built-in"), DataOrigin::BuiltIn);
        assert_eq!(change_between(&before, &before.clone()), Change::None);
        let mut edited = before.clone();
        Arc::make_mut(&mut edited.dataset).metadata.title = "Edited".into();
        assert_eq!(change_between(&before, &edited), Change::Edited);
        let mut layered = before.clone();
        Arc::make_mut(&mut layered.layers).clear();
        assert_eq!(change_between(&before, &layered), Change::Layers);
        let other = Content::new(empty_dataset(), DataOrigin::New);
        assert_eq!(change_between(&before, &other), Change::Replaced);
        let mut saved = before.clone();
        saved.origin = DataOrigin::File("/tmp/a.json".into());
        assert_eq!(change_between(&before, &saved), Change::None);
    }
}

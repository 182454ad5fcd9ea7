//! The time cursor follows the data when the data moves away from it: after an import is
//! merged into a dataset whose years it does not share (an empty new relationship sits at
//! the year it was made), or removed, the cursor goes to the latest year with data, by
//! the same `Command::SetYear` every view uses.

use super::BilateralApp;
use crate::app::command::Command;
use crate::data::years_covered::years_covered;
use crate::views::{TimeCursor, ViewKind};

impl BilateralApp {
    /// Once per change of the data: the command that moves the cursor to the data's
    /// latest year, when the cursor lies outside every year the data covers.
    pub(super) fn cursor_to_the_data(&mut self) -> Option<Command> {
        if self.cursor_checked_generation == self.document.generation() {
            return None;
        }
        self.cursor_checked_generation = self.document.generation();
        let covered = years_covered(self.document.dataset())?;
        year_to_follow(&self.cursor, covered).map(|year| Command::SetYear {
            year,
            // No view moved it: the imported figures show in the trade view, and the
            // timeline recentres on the year as for any other view.
            from: ViewKind::Trade,
        })
    }
}

/// The data's last year when `cursor` is outside `(first, last)`.
fn year_to_follow(cursor: &TimeCursor, (first, last): (i32, i32)) -> Option<i32> {
    (cursor.year < first || cursor.year > last).then_some(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_moves_only_when_outside_the_data() {
        let at = TimeCursor::at;
        assert_eq!(year_to_follow(&at(2026), (1994, 2003)), Some(2003));
        assert_eq!(year_to_follow(&at(1990), (1994, 2003)), Some(2003));
        assert_eq!(year_to_follow(&at(2000), (1994, 2003)), None);
        assert_eq!(year_to_follow(&at(2003), (1994, 2003)), None);
    }
}

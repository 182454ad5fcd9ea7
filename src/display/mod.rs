//! How figures and text are written for people: numbers and citations (`format`), where
//! the ticks of an axis go and what they say (`ticks`, one algorithm for the trade chart,
//! the timeline and the SVG export), and text quoted from a file made safe and short for a
//! terminal or the window (`safe_text`). Pure text and arithmetic; nothing here knows about
//! egui.

pub(crate) mod format;
pub(crate) mod safe_text;
pub(crate) mod ticks;

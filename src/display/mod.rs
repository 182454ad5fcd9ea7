//! How figures are written for people: numbers and citations (`format`), and where the
//! ticks of an axis go and what they say (`ticks`, one algorithm for the trade chart, the
//! timeline and the SVG export). Pure text and arithmetic; nothing here knows about egui.

pub(crate) mod format;
pub(crate) mod ticks;

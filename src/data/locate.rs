//! Finds where in a JSON text a value sits, so that errors found after parsing
//! (an unknown source id, a duplicate id) can still name a line and column.

use std::collections::HashMap;

/// One step of a path into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathStep {
    /// A member of an object.
    Key(String),
    /// An element of an array.
    Index(usize),
}

/// A path into a JSON document, such as `series[0].points[3].sources[1]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonPath(pub Vec<PathStep>);

impl JsonPath {
    /// The path with one more object member.
    #[must_use]
    pub(crate) fn key(&self, key: &str) -> Self {
        let mut steps = self.0.clone();
        steps.push(PathStep::Key(key.to_owned()));
        Self(steps)
    }

    /// The path with one more array index.
    #[must_use]
    pub(crate) fn index(&self, index: usize) -> Self {
        let mut steps = self.0.clone();
        steps.push(PathStep::Index(index));
        Self(steps)
    }
}

impl std::fmt::Display for JsonPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (position, step) in self.0.iter().enumerate() {
            match step {
                PathStep::Key(key) if position == 0 => write!(f, "{key}")?,
                PathStep::Key(key) => write!(f, ".{key}")?,
                PathStep::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// A 1-based line and column (in characters) in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextPosition {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub(crate) column: usize,
}

/// Finds many positions in one text in time linear in the text and the number asked:
/// line starts and character counts are computed once, and each array or object the paths
/// go through is scanned once, however many paths go through it.
pub(crate) struct Locator<'t> {
    text: &'t str,
    /// The byte offset of each line's start.
    line_starts: Vec<usize>,
    /// Characters before each multiple of [`CHECKPOINT_BYTES`] (at the char boundary at or
    /// before it).
    chars_before: Vec<(usize, usize)>,
    /// For each array (by its offset): where each element starts.
    elements: HashMap<usize, Vec<usize>>,
    /// For each object (by its offset): where each member's value starts.
    members: HashMap<usize, HashMap<&'t [u8], usize>>,
}

const CHECKPOINT_BYTES: usize = 4096;

impl<'t> Locator<'t> {
    /// A locator over `text`.
    pub(crate) fn new(text: &'t str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1))
            .collect();
        let mut chars_before = Vec::with_capacity(text.len() / CHECKPOINT_BYTES + 1);
        let mut chars = 0;
        let mut at = 0;
        while at < text.len() {
            chars_before.push((at, chars));
            let mut end = (at + CHECKPOINT_BYTES).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            chars += text.get(at..end).map_or(0, |part| part.chars().count());
            at = end;
        }
        Self {
            text,
            line_starts,
            chars_before,
            elements: HashMap::new(),
            members: HashMap::new(),
        }
    }

    /// Characters in the text before byte `offset` (a char boundary).
    fn chars_to(&self, offset: usize) -> usize {
        let slot = self
            .chars_before
            .partition_point(|(at, _)| *at <= offset)
            .saturating_sub(1);
        let (at, chars) = self.chars_before.get(slot).copied().unwrap_or((0, 0));
        chars
            + self
                .text
                .get(at..offset)
                .map_or(0, |part| part.chars().count())
    }

    /// The line and column of byte `offset`.
    pub(crate) fn position(&self, offset: usize) -> TextPosition {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|start| *start <= offset);
        let start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        TextPosition {
            line,
            column: self.chars_to(offset) - self.chars_to(start) + 1,
        }
    }

    /// Where the value at `path` starts, or the deepest enclosing value that exists.
    pub(crate) fn locate(&mut self, path: &JsonPath) -> TextPosition {
        let bytes = self.text.as_bytes();
        let mut scanner = Scanner { bytes, at: 0 };
        scanner.skip_whitespace();
        let mut found = scanner.at;
        for step in &path.0 {
            let next = match step {
                PathStep::Index(index) => self.element_starts(found).get(*index).copied(),
                PathStep::Key(key) => self.member_starts(found).get(key.as_bytes()).copied(),
            };
            match next {
                Some(offset) => found = offset,
                None => break,
            }
        }
        self.position(found)
    }

    fn element_starts(&mut self, array: usize) -> &[usize] {
        let bytes = self.text.as_bytes();
        self.elements.entry(array).or_insert_with(|| {
            let mut starts = Vec::new();
            let mut scanner = Scanner { bytes, at: array };
            if scanner.peek() != Some(b'[') {
                return starts;
            }
            scanner.at += 1;
            loop {
                scanner.skip_whitespace();
                if matches!(scanner.peek(), None | Some(b']')) {
                    break;
                }
                starts.push(scanner.at);
                if scanner.skip_value().is_none() {
                    break;
                }
                scanner.skip_whitespace();
                if scanner.peek() != Some(b',') {
                    break;
                }
                scanner.at += 1;
            }
            starts
        })
    }

    fn member_starts(&mut self, object: usize) -> &HashMap<&'t [u8], usize> {
        let bytes: &'t [u8] = self.text.as_bytes();
        self.members.entry(object).or_insert_with(|| {
            let mut members = HashMap::new();
            let mut scanner = Scanner { bytes, at: object };
            if scanner.peek() != Some(b'{') {
                return members;
            }
            scanner.at += 1;
            loop {
                scanner.skip_whitespace();
                if scanner.peek() != Some(b'"') {
                    break;
                }
                let key_start = scanner.at + 1;
                if scanner.skip_string().is_none() {
                    break;
                }
                let Some(key) = bytes.get(key_start..scanner.at - 1) else {
                    break;
                };
                scanner.skip_whitespace();
                if scanner.peek() != Some(b':') {
                    break;
                }
                scanner.at += 1;
                scanner.skip_whitespace();
                members.entry(key).or_insert(scanner.at);
                if scanner.skip_value().is_none() {
                    break;
                }
                scanner.skip_whitespace();
                if scanner.peek() != Some(b',') {
                    break;
                }
                scanner.at += 1;
            }
            members
        })
    }
}

/// The line and column of a byte offset into `text`.
pub(crate) fn position_of_offset(text: &str, offset: usize) -> TextPosition {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let column = before
        .get(line_start..)
        .map_or(0, |rest| rest.chars().count())
        + 1;
    TextPosition { line, column }
}

/// Where the value at `path` starts in the JSON `text`, or the deepest enclosing
/// value that exists when the path goes further than the document. For many paths in one
/// text, a [`Locator`] finds them all in one pass.
pub(crate) fn locate(text: &str, path: &JsonPath) -> TextPosition {
    Locator::new(text).locate(path)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn skip_string(&mut self) -> Option<()> {
        self.at += 1;
        loop {
            match self.peek()? {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    return Some(());
                }
                _ => self.at += 1,
            }
        }
    }

    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.skip_string(),
            b'{' | b'[' => {
                let mut depth = 0_usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.skip_string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.at += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.at += 1;
                }
            }
            _ => {
                while !matches!(
                    self.peek()?,
                    b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'
                ) {
                    self.at += 1;
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"a\": {\"s\": \"x,]}\\\"\", \"n\": [1, 2]},\n  \"list\": [\n    {\"id\": \"p\"},\n    {\"id\": \"q\", \"sources\": [\"s1\", \"s2\"]}\n  ]\n}\n";

    #[test]
    fn finds_nested_values_past_tricky_strings() {
        let path = JsonPath::default()
            .key("list")
            .index(1)
            .key("sources")
            .index(1);
        assert_eq!(
            locate(TEXT, &path),
            TextPosition {
                line: 5,
                column: 35
            }
        );
        assert_eq!(path.to_string(), "list[1].sources[1]");
    }

    #[test]
    fn falls_back_to_the_deepest_existing_value() {
        let path = JsonPath::default().key("list").index(7);
        assert_eq!(
            locate(TEXT, &path),
            TextPosition {
                line: 3,
                column: 11
            }
        );
    }

    #[test]
    fn one_locator_finds_many_paths_in_any_order_counting_characters() {
        let text = "{\"é\": 1,\n \"k\": [\"ä\", \"ö\",\n   \"z\"]}";
        let mut locator = Locator::new(text);
        let k = JsonPath::default().key("k");
        let at = |line, column| TextPosition { line, column };
        assert_eq!(locator.locate(&k.index(2)), at(3, 4));
        assert_eq!(locator.locate(&JsonPath::default().key("é")), at(1, 7));
        assert_eq!(locator.locate(&k.index(0)), at(2, 8));
        assert_eq!(locator.locate(&k.index(1)), at(2, 13));
        assert_eq!(locator.locate(&k.index(9)), at(2, 7));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(
            position_of_offset("«é»x", "«é»".len()),
            TextPosition { line: 1, column: 4 }
        );
    }
}

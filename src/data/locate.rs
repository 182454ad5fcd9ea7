//! Finds where in a JSON text a value sits, so that errors found after parsing
//! (an unknown source id, a duplicate id) can still name a line and column.

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
    pub fn key(&self, key: &str) -> Self {
        let mut steps = self.0.clone();
        steps.push(PathStep::Key(key.to_owned()));
        Self(steps)
    }

    /// The path with one more array index.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
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
    pub column: usize,
}

/// The line and column of a byte offset into `text`.
pub fn position_of_offset(text: &str, offset: usize) -> TextPosition {
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
/// value that exists when the path goes further than the document.
pub fn locate(text: &str, path: &JsonPath) -> TextPosition {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: 0,
    };
    scanner.skip_whitespace();
    let mut found = scanner.at;
    for step in &path.0 {
        match scanner.enter(step) {
            Some(offset) => found = offset,
            None => break,
        }
    }
    position_of_offset(text, found)
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

    /// Moves to the start of the child named by `step` of the value at the cursor.
    fn enter(&mut self, step: &PathStep) -> Option<usize> {
        match (self.peek()?, step) {
            (b'{', PathStep::Key(wanted)) => {
                self.at += 1;
                loop {
                    self.skip_whitespace();
                    if self.peek()? != b'"' {
                        return None;
                    }
                    let key_start = self.at + 1;
                    self.skip_string()?;
                    let key = self.bytes.get(key_start..self.at - 1)?;
                    self.skip_whitespace();
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.at += 1;
                    self.skip_whitespace();
                    if key == wanted.as_bytes() {
                        return Some(self.at);
                    }
                    self.skip_value()?;
                    self.skip_whitespace();
                    if self.peek()? != b',' {
                        return None;
                    }
                    self.at += 1;
                }
            }
            (b'[', PathStep::Index(wanted)) => {
                self.at += 1;
                for _ in 0..*wanted {
                    self.skip_whitespace();
                    self.skip_value()?;
                    self.skip_whitespace();
                    if self.peek()? != b',' {
                        return None;
                    }
                    self.at += 1;
                }
                self.skip_whitespace();
                (self.peek()? != b']').then_some(self.at)
            }
            _ => None,
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
    fn columns_count_characters_not_bytes() {
        assert_eq!(
            position_of_offset("«é»x", "«é»".len()),
            TextPosition { line: 1, column: 4 }
        );
    }
}

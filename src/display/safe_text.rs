//! Text from a file made safe to show: every error and report that can quote a file's
//! contents is written through [`write_safe`], so what reaches a terminal or the window is
//! short (a quoted run of input is cut, saying how long it was) and inert (control
//! characters such as ESC and BEL, and the bidirectional overrides, are shown escaped,
//! never obeyed).

use std::fmt::{self, Write as _};

/// A run of text between backticks or curly quotes longer than this is cut.
pub const QUOTED_MAX_CHARS: usize = 200;
/// A line of a message longer than this is cut.
pub const LINE_MAX_CHARS: usize = 2_000;

/// Writes `args` to `f` as [`safe`] makes it.
pub fn write_safe(f: &mut fmt::Formatter<'_>, args: fmt::Arguments<'_>) -> fmt::Result {
    f.write_str(&safe(&args.to_string()))
}

/// `message` with quoted runs longer than [`QUOTED_MAX_CHARS`] and lines longer than
/// [`LINE_MAX_CHARS`] cut (each cut says how many characters the whole had), and every
/// control character but the line break and tab escaped (`\u{1b}`).
pub fn safe(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(4 * LINE_MAX_CHARS));
    for (index, line) in message.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let line = cut_quoted(line);
        let total = line.chars().count();
        for (chars, c) in line.chars().enumerate() {
            if chars == LINE_MAX_CHARS {
                let _ = write!(out, "… (a line of {total} characters, cut)");
                break;
            }
            push_escaped(&mut out, c);
        }
    }
    out
}

/// `text`, cut to `at_most` characters with an ellipsis and its whole length, its control
/// characters escaped: for quoting a field of a file in a message.
pub fn quote(text: &str, at_most: usize) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    for c in chars.by_ref().take(at_most) {
        push_escaped(&mut out, c);
    }
    if chars.next().is_some() {
        let _ = write!(out, "… ({} characters)", text.chars().count());
    }
    out
}

/// Whether `c` would act on a terminal or reorder text instead of being shown.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

fn push_escaped(out: &mut String, c: char) {
    if is_unsafe(c) {
        out.extend(c.escape_unicode());
    } else {
        out.push(c);
    }
}

/// `line` with every run between a pair of backticks or of curly quotes longer than
/// [`QUOTED_MAX_CHARS`] cut.
fn cut_quoted(line: &str) -> std::borrow::Cow<'_, str> {
    if line.chars().count() <= QUOTED_MAX_CHARS {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::new();
    let mut rest = line;
    while let Some(open) = rest.find(['`', '“']) {
        let opener = rest[open..].chars().next().unwrap_or('`');
        let closer = if opener == '`' { '`' } else { '”' };
        let inner_start = open + opener.len_utf8();
        out.push_str(&rest[..inner_start]);
        let Some(length) = rest[inner_start..].find(closer) else {
            rest = &rest[inner_start..];
            break;
        };
        let inner = &rest[inner_start..inner_start + length];
        if inner.chars().count() > QUOTED_MAX_CHARS {
            let kept: String = inner.chars().take(QUOTED_MAX_CHARS).collect();
            out.push_str(&kept);
            let _ = write!(out, "… ({} characters)", inner.chars().count());
        } else {
            out.push_str(inner);
        }
        out.push(closer);
        rest = &rest[inner_start + length + closer.len_utf8()..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_escaped_not_sent() {
        let shown = safe("bad `\u{1b}[2J\u{7}x\r` here\nnext\tline \u{202E}");
        assert_eq!(
            shown,
            "bad `\\u{1b}[2J\\u{7}x\\u{d}` here\nnext\tline \\u{202e}"
        );
    }

    #[test]
    fn a_long_quoted_run_is_cut_with_its_length_and_the_rest_kept() {
        let field = "x".repeat(5_000);
        let shown = safe(&format!("`{field}` is not a number; “{field}” either"));
        assert!(shown.len() < 2 * QUOTED_MAX_CHARS + 200, "{}", shown.len());
        assert!(shown.contains("… (5000 characters)`"), "{shown}");
        assert!(shown.ends_with("characters)” either"), "{shown}");
    }

    #[test]
    fn a_long_line_without_quotes_is_cut_too() {
        let shown = safe(&"y".repeat(100_000));
        assert!(shown.chars().count() < LINE_MAX_CHARS + 60);
        assert!(shown.ends_with("(a line of 100000 characters, cut)"));
    }

    #[test]
    fn quoting_a_field_cuts_and_escapes_it() {
        assert_eq!(quote("ab\u{7}", 10), "ab\\u{7}");
        assert_eq!(quote("abcdef", 3), "abc… (6 characters)");
    }
}

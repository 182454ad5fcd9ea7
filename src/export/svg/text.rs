//! Writing SVG text: numbers, colours and escaped text as XML wants them, and how much
//! room text takes without a font at hand.

use eframe::egui::Color32;

use super::{BOLD_WIDTH_FACTOR, CHAR_WIDTH_EM};

/// `text` broken at spaces into lines of at most `max_chars` characters; a longer word
/// keeps a line of its own.
pub(crate) fn wrap_words(text: &str, max_chars: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_chars = 0;
    for word in text.split_whitespace() {
        let word_chars = word.chars().count();
        if line_chars > 0 && line_chars + 1 + word_chars > max_chars {
            lines.push(std::mem::take(&mut line));
            line_chars = 0;
        }
        if line_chars > 0 {
            line.push(' ');
            line_chars += 1;
        }
        line.push_str(word);
        line_chars += word_chars;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` cut to `max_chars` characters with an ellipsis.
pub(super) fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    short.push('…');
    short
}

/// About how wide `text` is in a sans-serif font of `font_px`.
pub(super) fn text_width_px(text: &str, font_px: f64) -> f64 {
    #[expect(
        clippy::cast_precision_loss,
        reason = "text lengths are far below 2^52"
    )]
    let chars = text.chars().count() as f64;
    chars * font_px * CHAR_WIDTH_EM
}

/// About how wide `text` is in a bold sans-serif font of `font_px`; generous, as
/// capitals are wide.
pub(super) fn bold_text_width_px(text: &str, font_px: f64) -> f64 {
    text_width_px(text, font_px) * BOLD_WIDTH_FACTOR
}

/// `#rrggbb`.
pub(super) fn hex(color: Color32) -> String {
    format!("#{:02x}{:02x}{:02x}", color.r(), color.g(), color.b())
}

/// A coordinate with at most two decimals and no trailing zeros.
pub(crate) fn num(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// `text` safe inside XML text and attribute values: the five special characters as
/// entities, and characters XML 1.0 does not allow (most control characters) left out.
pub(crate) fn escape_xml(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\t' | '\n' | '\r' => escaped.push(c),
            c if u32::from(c) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_wrapped_and_shortened() {
        assert_eq!(
            escape_xml("a & b < c > d \" e ' f\u{1}g"),
            "a &amp; b &lt; c &gt; d &quot; e &apos; fg"
        );
        assert_eq!(
            wrap_words("one two three four", 9),
            ["one two", "three", "four"]
        );
        assert_eq!(
            wrap_words("unbreakable-word x", 5),
            ["unbreakable-word", "x"]
        );
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(hex(crate::views::theme::SERIES_PALETTE[0]), "#0072b2");
    }
}

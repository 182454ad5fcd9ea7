//! Country codes of one file to countries, each distinct code looked up once.

use std::collections::HashMap;

use crate::data::country::{CodeScheme, CountryId, countries};

/// Codes written as text whose answers are kept; others are looked up each time.
const MAX_CACHED_TEXTS: usize = 65_536;

use super::numbers::parse_digits;

const DIRECT: usize = 1000;

/// Resolves the codes (or names) a file uses in one scheme, remembering each answer.
#[derive(Debug, Clone)]
pub(crate) struct Resolver {
    scheme: Option<CodeScheme>,
    numeric: bool,
    /// Answers by number: `None` not asked yet, `Some(None)` asked and unknown.
    #[expect(
        clippy::option_option,
        reason = "a cache of an optional answer: not asked yet and asked without answer differ"
    )]
    numbers: Vec<Option<Option<CountryId>>>,
    texts: HashMap<Box<[u8]>, Option<CountryId>>,
}

impl Resolver {
    /// A resolver of codes in `scheme`; ISO alpha-3 codes also fall back to names
    /// (IMTS writes `G001` for the world).
    pub(crate) fn codes(scheme: CodeScheme) -> Self {
        Self {
            scheme: Some(scheme),
            numeric: matches!(scheme, CodeScheme::M49 | CodeScheme::Imf | CodeScheme::Baci),
            numbers: vec![None; DIRECT],
            texts: HashMap::new(),
        }
    }

    /// A resolver of names, or of any code or name (tidy files).
    pub(crate) fn names() -> Self {
        Self {
            scheme: None,
            numeric: false,
            numbers: vec![None; DIRECT],
            texts: HashMap::new(),
        }
    }

    /// Makes `code` mean `country`, as a file's own code list says (BACI's `country_codes`).
    pub(crate) fn set(&mut self, code: u32, country: Option<CountryId>) {
        match usize::try_from(code)
            .ok()
            .and_then(|c| self.numbers.get_mut(c))
        {
            Some(slot) => *slot = Some(country),
            None => {
                self.texts
                    .insert(code.to_string().into_bytes().into_boxed_slice(), country);
            }
        }
    }

    /// The country `code` means, if known.
    #[inline]
    pub(crate) fn resolve(&mut self, code: &[u8]) -> Option<CountryId> {
        if self.numeric
            && let Some(index) = short_number(code)
            && let Some(known) = self.numbers[index]
        {
            return known;
        }
        self.resolve_slowly(code)
    }

    fn resolve_slowly(&mut self, code: &[u8]) -> Option<CountryId> {
        let code = code.trim_ascii();
        if self.numeric
            && let Some(index) = parse_digits(code).and_then(|n| usize::try_from(n).ok())
            && index < DIRECT
        {
            if let Some(known) = self.numbers[index] {
                return known;
            }
            let found = self.lookup(code);
            self.numbers[index] = Some(found);
            return found;
        }
        if let Some(known) = self.texts.get(code) {
            return *known;
        }
        let found = self.lookup(code);
        // A file of millions of made-up codes must not grow the cache without end.
        if self.texts.len() < MAX_CACHED_TEXTS {
            self.texts.insert(Box::from(code), found);
        }
        found
    }

    /// Every number this resolver reads as `country`, in decimal without leading zeros;
    /// `None` for codes that are not numbers. Any text it reads as `country` holds one of
    /// them: a number is read by its value (leading zeros and spaces aside), and a text
    /// only as a number the country table or the file's own list gives (used by
    /// [`super::prefilter`]).
    pub(crate) fn numbers_of(&self, country: CountryId) -> Option<Vec<Vec<u8>>> {
        let scheme = self.scheme.filter(|_| self.numeric)?;
        let mut numbers: Vec<Vec<u8>> = (0..DIRECT)
            .filter(|n| {
                let text = n.to_string();
                let answer = self.numbers[*n].unwrap_or_else(|| self.lookup(text.as_bytes()));
                answer == Some(country)
            })
            .map(|n| n.to_string().into_bytes())
            .collect();
        numbers.extend(
            self.texts
                .iter()
                .filter(|(_, answer)| **answer == Some(country))
                .map(|(text, _)| text.to_vec()),
        );
        if let Some(listed) = countries().get(country) {
            let table_codes: Vec<u16> = match scheme {
                CodeScheme::M49 => listed.m49.iter().chain(&listed.comtrade).copied().collect(),
                CodeScheme::Imf => listed.imf.iter().copied().collect(),
                CodeScheme::Baci => listed.baci.clone(),
                CodeScheme::Iso3 | CodeScheme::Iso2 => Vec::new(),
            };
            numbers.extend(table_codes.iter().map(|c| c.to_string().into_bytes()));
        }
        Some(numbers)
    }

    fn lookup(&self, code: &[u8]) -> Option<CountryId> {
        let text = super::decode::lenient_text(code);
        let table = countries();
        let found = match self.scheme {
            Some(scheme @ (CodeScheme::Iso3 | CodeScheme::Iso2)) => table
                .by_code(scheme, &text)
                .or_else(|| table.by_name(&text)),
            Some(scheme) => table.by_code(scheme, &text),
            None => table.lookup(&text),
        };
        found.map(|country| country.id)
    }
}

/// One to three ASCII digits, untrimmed, as an index; the common case of a code.
#[inline]
fn short_number(code: &[u8]) -> Option<usize> {
    let digit = |b: u8| {
        if b.is_ascii_digit() {
            Some(usize::from(b - b'0'))
        } else {
            None
        }
    };
    match *code {
        [a] => digit(a),
        [a, b] => Some(digit(a)? * 10 + digit(b)?),
        [a, b, c] => Some(digit(a)? * 100 + digit(b)? * 10 + digit(c)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_scheme_reads_its_own_numbers() {
        let table = countries();
        let iso3 = |id: Option<CountryId>| id.and_then(|id| table.get(id)).map(|c| c.iso3.clone());
        let mut imf = Resolver::codes(CodeScheme::Imf);
        assert_eq!(iso3(imf.resolve(b"922")).as_deref(), Some("RUS"));
        assert_eq!(iso3(imf.resolve(b"643")).as_deref(), Some("ERI"));
        let mut m49 = Resolver::codes(CodeScheme::M49);
        assert_eq!(iso3(m49.resolve(b"643")).as_deref(), Some("RUS"));
        assert_eq!(iso3(m49.resolve(b" 643 ")).as_deref(), Some("RUS"));
        assert_eq!(m49.resolve(b"999"), None);
        let mut iso = Resolver::codes(CodeScheme::Iso3);
        assert_eq!(iso3(iso.resolve(b"G001")).as_deref(), Some("WLD"));
        let mut names = Resolver::names();
        assert_eq!(iso3(names.resolve(b" World")).as_deref(), Some("WLD"));
        assert_eq!(
            iso3(names.resolve(b"Iran, Islamic Rep.")).as_deref(),
            Some("IRN")
        );
    }
}

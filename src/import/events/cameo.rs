//! CAMEO, the event codes of GDELT and ICEWS: what a code means, its quad class, and the
//! Bilateral domain and stance its root code maps onto (the table in docs/importing.md).
//!
//! The descriptions are those of the CAMEO codebook (Schrodt, version 1.1b3) as GDELT
//! publishes them in `CAMEO.eventcodes.txt`, with its typing slips mended.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::data::{Domain, Stance};

/// The codebook's descriptions, one `code<TAB>description` a line.
const CODES: &str = include_str!("cameo_codes.tsv");

/// The four quad classes, in GDELT's order (`QuadClass` 1 to 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Quad {
    /// Verbal cooperation (roots 01–05).
    VerbalCooperation,
    /// Material cooperation (roots 06–09).
    MaterialCooperation,
    /// Verbal conflict (roots 10–14).
    VerbalConflict,
    /// Material conflict (roots 15–20).
    MaterialConflict,
}

impl Quad {
    /// Every quad class, in GDELT's order.
    pub(crate) const ALL: [Self; 4] = [
        Self::VerbalCooperation,
        Self::MaterialCooperation,
        Self::VerbalConflict,
        Self::MaterialConflict,
    ];

    /// GDELT's `QuadClass` number.
    pub(crate) fn from_number(number: u8) -> Option<Self> {
        Self::ALL.get(usize::from(number.checked_sub(1)?)).copied()
    }

    /// The quad class of a CAMEO root code (1 to 20), as GDELT assigns it.
    pub(crate) fn of_root(root: u8) -> Option<Self> {
        match root {
            1..=5 => Some(Self::VerbalCooperation),
            6..=9 => Some(Self::MaterialCooperation),
            10..=14 => Some(Self::VerbalConflict),
            15..=20 => Some(Self::MaterialConflict),
            _ => None,
        }
    }

    /// Its index in [`Self::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// A name for people.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Self::VerbalCooperation => "verbal cooperation",
            Self::MaterialCooperation => "material cooperation",
            Self::VerbalConflict => "verbal conflict",
            Self::MaterialConflict => "material conflict",
        }
    }

    /// For ids: `verbal-cooperation`.
    pub(crate) fn slug(self) -> &'static str {
        match self {
            Self::VerbalCooperation => "verbal-cooperation",
            Self::MaterialCooperation => "material-cooperation",
            Self::VerbalConflict => "verbal-conflict",
            Self::MaterialConflict => "material-conflict",
        }
    }
}

fn table() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        CODES
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .collect()
    })
}

/// The codebook's description of `code` (`173`: "Arrest, detain, or charge with legal
/// action"); for a code the codebook lacks, the description of the longest known prefix.
pub(crate) fn describe(code: &str) -> Option<&'static str> {
    let code = code.trim();
    (2..=code.len())
        .rev()
        .find_map(|len| code.get(..len).and_then(|prefix| table().get(prefix)))
        .copied()
}

/// The root code (1 to 20) of an event code: its first two digits (`0211` → 2).
pub(crate) fn root_of(code: &str) -> Option<u8> {
    let root: u8 = code.trim().get(..2)?.parse().ok()?;
    (1..=20).contains(&root).then_some(root)
}

/// The Bilateral domain and stance of an event with `code`: by its root code, with the
/// base codes that name a field of their own (economic, military, intelligence
/// cooperation; aid; sanctions) taken apart.
pub(crate) fn domain_and_stance(code: &str) -> (Domain, Stance) {
    let code = code.trim();
    let base = code.get(..3).unwrap_or(code);
    let by_base = match base {
        "061" => Some(Domain::Trade),
        "071" | "085" | "162" | "163" => Some(Domain::Finance),
        "062" | "072" | "074" | "087" | "138" | "152" | "154" => Some(Domain::Military),
        "063" | "064" | "091" => Some(Domain::Security),
        _ => None,
    };
    let root = root_of(code).unwrap_or(0);
    let (domain, stance) = match root {
        2..=8 => (Domain::Diplomacy, Stance::Cooperation),
        10..=12 | 14 | 16 => (Domain::Diplomacy, Stance::Divergence),
        13 | 17 | 18 => (Domain::Security, Stance::Divergence),
        15 | 19 | 20 => (Domain::Military, Stance::Divergence),
        // 01 statements, 09 investigations, and codes outside CAMEO.
        _ => (Domain::Diplomacy, Stance::Context),
    };
    (by_base.unwrap_or(domain), stance)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_as_the_codebook_says() {
        assert_eq!(
            describe("173"),
            Some("Arrest, detain, or charge with legal action")
        );
        assert_eq!(describe("051"), Some("Praise or endorse"));
        assert_eq!(describe("0211"), Some("Appeal for economic cooperation"));
        // An unknown sub-code falls back on its base code.
        assert_eq!(
            describe("1389"),
            Some("Threaten to use military force, not specified below")
        );
        assert_eq!(describe("99"), None);
        assert_eq!(root_of("0211"), Some(2));
        assert_eq!(root_of("21"), None);
    }

    #[test]
    fn roots_fall_into_gdelt_quad_classes_and_stances() {
        assert_eq!(Quad::of_root(5), Some(Quad::VerbalCooperation));
        assert_eq!(Quad::of_root(9), Some(Quad::MaterialCooperation));
        assert_eq!(Quad::of_root(14), Some(Quad::VerbalConflict));
        assert_eq!(Quad::of_root(15), Some(Quad::MaterialConflict));
        assert_eq!(Quad::from_number(4), Some(Quad::MaterialConflict));
        assert_eq!(Quad::from_number(0), None);
        assert_eq!(
            domain_and_stance("163"),
            (Domain::Finance, Stance::Divergence)
        );
        assert_eq!(
            domain_and_stance("062"),
            (Domain::Military, Stance::Cooperation)
        );
        assert_eq!(
            domain_and_stance("042"),
            (Domain::Diplomacy, Stance::Cooperation)
        );
        assert_eq!(
            domain_and_stance("190"),
            (Domain::Military, Stance::Divergence)
        );
    }
}

//! The fingerprint of the source articles: 32-bit hashes of their word features, and no
//! words. Two kinds of feature are hashed into one set, each with its own tag:
//!
//! - a **run**: [`RUN_WORDS`] consecutive words (the exact-copy rule);
//! - a **pair of blocks**: two blocks of [`BLOCK_WORDS`] consecutive words with at most
//!   [`MAX_GAP`] words between them, the gap itself left out (the near-copy rule). The same
//!   blocks with a different gap hash the same, so a word swapped, added or dropped between
//!   them keeps the feature.
//!
//! A hash is FNV-1a (64 bits) of the tag and the words with separators, mixed by the
//! finaliser of `MurmurHash3`, of which the top 32 bits are kept. The file is the sorted set
//! in hexadecimal, one hash a line, after `#` comment lines, one of which gives the count.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::words::{is_stopword, words};

/// Words in a run: the exact-copy rule's "eight words in a row".
pub(crate) const RUN_WORDS: usize = 8;

/// Words in each block of a pair.
pub(crate) const BLOCK_WORDS: usize = 2;

/// The most words between the two blocks of a pair, on either side.
pub(crate) const MAX_GAP: usize = 2;

/// The fewest words of a pair that are not stopwords: "of the … in the" is no evidence.
const MIN_CONTENT_WORDS: usize = 2;

/// The tag hashed before a run's words.
const RUN_TAG: u8 = b'r';

/// The tag hashed before a pair's words.
const PAIR_TAG: u8 = b'p';

/// Hashed between two words.
const WORD_SEPARATOR: u8 = 0x1f;

/// Hashed between the two blocks of a pair.
const BLOCK_SEPARATOR: u8 = 0x1e;

/// The comment line that gives how many hashes follow.
const COUNT_PREFIX: &str = "# hashes: ";

/// The positions in a text of a pair's words, in order.
pub(crate) type Positions = [usize; 2 * BLOCK_WORDS];

/// A pair of blocks found in a text: where its words are and its hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pair {
    /// Where its words are.
    pub(crate) positions: Positions,
    /// Its hash.
    pub(crate) hash: u32,
}

/// The hashes of the source articles' runs and pairs.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Fingerprint {
    /// Every hash.
    hashes: HashSet<u32>,
}

impl Fingerprint {
    /// The fingerprint of `articles`, each a whole text.
    pub(crate) fn of_articles(articles: &[String]) -> Self {
        let mut hashes = HashSet::new();
        for article in articles {
            let words = words(article);
            hashes.extend(run_hashes(&words));
            hashes.extend(pairs(&words).iter().map(|pair| pair.hash));
        }
        Self { hashes }
    }

    /// Whether `hash` is one of the articles'.
    pub(crate) fn contains(&self, hash: u32) -> bool {
        self.hashes.contains(&hash)
    }

    /// How many hashes it holds.
    pub(crate) fn len(&self) -> usize {
        self.hashes.len()
    }

    /// The file: `header` (each line made a comment), the count, then the sorted hashes.
    pub(crate) fn render(&self, header: &str) -> String {
        let mut sorted: Vec<u32> = self.hashes.iter().copied().collect();
        sorted.sort_unstable();
        let mut out = String::with_capacity(9 * sorted.len() + header.len() + 64);
        for line in header.lines() {
            out.push_str(format!("# {line}").trim_end());
            out.push('\n');
        }
        let _ = writeln!(out, "{COUNT_PREFIX}{}", sorted.len());
        for hash in sorted {
            let _ = writeln!(out, "{hash:08x}");
        }
        out
    }

    /// Reads a file written by [`Fingerprint::render`]; one that lacks its count line, has
    /// a line that is not a hash, or holds another number of hashes than it says is refused.
    pub(crate) fn parse(text: &str) -> Result<Self, String> {
        let mut expected = None;
        let mut hashes = HashSet::new();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            if let Some(count) = line.strip_prefix(COUNT_PREFIX) {
                expected =
                    Some(count.parse::<usize>().map_err(|error| {
                        format!("line {}: count {count:?}: {error}", index + 1)
                    })?);
            } else if !(line.is_empty() || line.starts_with('#')) {
                let hash = u32::from_str_radix(line, 16)
                    .map_err(|error| format!("line {}: {line:?}: {error}", index + 1))?;
                hashes.insert(hash);
            }
        }
        match expected {
            None => Err(format!("no {COUNT_PREFIX:?} line")),
            Some(count) if count != hashes.len() => Err(format!(
                "says {count} hashes but holds {}: the file is cut short or edited",
                hashes.len()
            )),
            Some(_) => Ok(Self { hashes }),
        }
    }
}

/// The hash of every run of [`RUN_WORDS`] words in `words`, in order.
pub(crate) fn run_hashes(words: &[String]) -> impl Iterator<Item = u32> + '_ {
    words.windows(RUN_WORDS).map(|run| hash(RUN_TAG, &[run]))
}

/// Every pair of blocks in `words` with at least [`MIN_CONTENT_WORDS`] words that are not
/// stopwords.
pub(crate) fn pairs(words: &[String]) -> Vec<Pair> {
    let mut found = Vec::new();
    for first in 0..words.len() {
        for gap in 0..=MAX_GAP {
            let second = first + BLOCK_WORDS + gap;
            if second + BLOCK_WORDS > words.len() {
                break;
            }
            let (one, two) = (
                &words[first..first + BLOCK_WORDS],
                &words[second..second + BLOCK_WORDS],
            );
            let content = one
                .iter()
                .chain(two)
                .filter(|word| !is_stopword(word))
                .count();
            if content < MIN_CONTENT_WORDS {
                continue;
            }
            let mut positions: Positions = [0; 2 * BLOCK_WORDS];
            for (offset, slot) in positions.iter_mut().enumerate() {
                *slot = if offset < BLOCK_WORDS {
                    first + offset
                } else {
                    second + offset - BLOCK_WORDS
                };
            }
            found.push(Pair {
                positions,
                hash: hash(PAIR_TAG, &[one, two]),
            });
        }
    }
    found
}

/// The hash of `blocks` of words under `tag`.
fn hash(tag: u8, blocks: &[&[String]]) -> u32 {
    let mut state = Fnv1a::new();
    state.eat(&[tag]);
    for (index, block) in blocks.iter().enumerate() {
        if index > 0 {
            state.eat(&[BLOCK_SEPARATOR]);
        }
        for (position, word) in block.iter().enumerate() {
            if position > 0 {
                state.eat(&[WORD_SEPARATOR]);
            }
            state.eat(word.as_bytes());
        }
    }
    let [a, b, c, d, ..] = mix(state.0).to_be_bytes();
    u32::from_be_bytes([a, b, c, d])
}

/// The 64-bit FNV-1a hash state.
struct Fnv1a(u64);

impl Fnv1a {
    /// The offset basis.
    fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    /// Takes in `bytes`.
    fn eat(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// The 64-bit finaliser of `MurmurHash3`, so that the top bits depend on every input byte.
fn mix(mut value: u64) -> u64 {
    value ^= value >> 33;
    value = value.wrapping_mul(0xff51_afd7_ed55_8ccd);
    value ^= value >> 33;
    value = value.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    value ^ (value >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_gives_the_published_test_vectors() {
        for (input, expected) in [
            ("", 0xcbf2_9ce4_8422_2325_u64),
            ("a", 0xaf63_dc4c_8601_ec8c),
            ("foobar", 0x8594_4171_f739_67e8),
        ] {
            let mut state = Fnv1a::new();
            state.eat(input.as_bytes());
            assert_eq!(state.0, expected, "{input:?}");
        }
    }

    #[test]
    fn a_pair_hashes_the_same_whatever_its_gap_and_nothing_else_does() {
        let near = |text: &str| pairs(&words(text));
        let tight = near("grain barges cross rivers");
        let loose = near("grain barges often cross rivers");
        assert_eq!(tight.len(), 1);
        assert_eq!(tight[0].positions, [0, 1, 2, 3]);
        assert!(
            loose
                .iter()
                .any(|pair| pair.hash == tight[0].hash && pair.positions == [0, 1, 3, 4])
        );
        let reordered = near("cross rivers grain barges");
        assert!(reordered.iter().all(|pair| pair.hash != tight[0].hash));
        assert!(
            near("of the in the").is_empty(),
            "stopwords alone make no pair"
        );
        let wide = near("grain barges a b c cross rivers");
        assert!(
            wide.iter().all(|pair| pair.hash != tight[0].hash),
            "a gap of three"
        );
    }

    #[test]
    fn the_file_reads_back_and_a_cut_file_is_refused() {
        let fingerprint = Fingerprint::of_articles(&[
            "Barges carry the grain of the upper valley down to the sea every spring.".to_owned(),
        ]);
        assert!(fingerprint.len() > 20, "{}", fingerprint.len());
        let file = fingerprint.render("made-up article\nsecond line");
        assert!(file.starts_with("# made-up article\n# second line\n# hashes: "));
        assert_eq!(Fingerprint::parse(&file), Ok(fingerprint));
        let cut = &file[..file.len() - 9];
        assert!(Fingerprint::parse(cut).is_err_and(|error| error.contains("cut short")));
        assert!(Fingerprint::parse("00000001\n").is_err_and(|error| error.contains("no ")));
        assert!(Fingerprint::parse("# hashes: 1\nbarges\n").is_err());
    }
}

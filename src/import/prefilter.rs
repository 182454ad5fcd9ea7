//! Passing over the rows of other pairs before they are parsed.
//!
//! When a pair is chosen, most rows of a large file (a BACI year, a Comtrade query of every
//! partner) cannot belong to it. A row of the pair names both countries by code, and every
//! spelling of a code a [`Resolver`] reads as a country holds that country's number as
//! written in the country table, in decimal without leading zeros (`643`, `0643`,
//! `"643"`, ` 643 `; see [`Resolver::numbers_of`]). So a row that does not hold a number of
//! each country, somewhere in its bytes, cannot be the pair's. Those rows are not parsed:
//! the lines kept are parsed with the file line of each, so errors in them keep their
//! place. A row kept may still be another pair's; the layout's reader decides, as before.
//!
//! Rows are lines: a quoted field holding a line break would make a line part of a row.
//! A block where a line holding a country's number does not start and end outside quotes
//! is not filtered at all (every row is parsed), so such fields never mislead the filter.

use memchr::memmem::Finder;

use crate::data::country::{CountryId, Pair};

use super::resolve::Resolver;

/// The numbers of a pair's two countries, as they are searched for in rows.
#[derive(Debug, Clone)]
pub(crate) struct PairFilter {
    /// The numbers of the country searched for in the whole block.
    searched: Vec<Finder<'static>>,
    /// The numbers of the other country, looked for in the lines found.
    other: Vec<Finder<'static>>,
}

/// What filtering a block did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Filtered {
    /// The lines that may be the pair's rows are in the output; this many were passed over.
    Kept {
        /// Lines passed over.
        lines_passed_over: u64,
    },
    /// Nothing was filtered (a quoted line break near a country's number): parse the block.
    Whole,
}

impl PairFilter {
    /// The filter for `pair` in a file whose country codes `resolver` reads; `None` when the
    /// codes are not numbers (names, ISO codes), which this filter does not know.
    pub(crate) fn new(pair: Pair, resolver: &Resolver) -> Option<Self> {
        let [a, b] = pair.countries();
        let (mut first, mut second) = (numbers(resolver, a)?, numbers(resolver, b)?);
        // Search the whole block for the country whose numbers are fewest and longest: it
        // stops the search least often.
        let cost = |numbers: &[Vec<u8>]| {
            (
                numbers.iter().map(Vec::len).min().map(std::cmp::Reverse),
                numbers.len(),
            )
        };
        if cost(&second) < cost(&first) {
            std::mem::swap(&mut first, &mut second);
        }
        let finders = |numbers: Vec<Vec<u8>>| -> Vec<Finder<'static>> {
            numbers
                .iter()
                .map(|number| Finder::new(number).into_owned())
                .collect()
        };
        Some(Self {
            searched: finders(first),
            other: finders(second),
        })
    }

    /// Writes into `out` the lines of `block` (whole lines, starting outside quotes, the
    /// first of them file line `first_line`) that may be the pair's, and into `file_lines`
    /// the file line of each.
    pub(crate) fn filter(
        &self,
        block: &[u8],
        first_line: u64,
        out: &mut Vec<u8>,
        file_lines: &mut Vec<u64>,
    ) -> Filtered {
        out.clear();
        file_lines.clear();
        let Some(kept) = self.candidate_lines(block) else {
            return Filtered::Whole;
        };
        let quoted = memchr::memchr(b'"', block).is_some();
        if quoted && !outside_quotes(block, &kept) {
            return Filtered::Whole;
        }
        let mut line = first_line;
        let mut at = 0;
        for (start, end) in kept {
            line += memchr::memchr_iter(b'\n', &block[at..start]).count() as u64;
            out.extend_from_slice(&block[start..end]);
            file_lines.push(line);
            line += 1;
            at = end;
        }
        line += memchr::memchr_iter(b'\n', &block[at..]).count() as u64;
        if at < block.len() && !block.ends_with(b"\n") {
            // The last line, passed over, has no line end.
            line += 1;
        }
        let lines = line - first_line;
        Filtered::Kept {
            lines_passed_over: lines - file_lines.len() as u64,
        }
    }

    /// The lines (start, end after the `\n`) holding a number of each country, in order;
    /// `None` when there are too many to be worth filtering.
    fn candidate_lines(&self, block: &[u8]) -> Option<Vec<(usize, usize)>> {
        let mut lines: Vec<(usize, usize)> = Vec::new();
        let mut hits = 0usize;
        for finder in &self.searched {
            let mut line_end = 0;
            for at in finder.find_iter(block) {
                hits += 1;
                if at < line_end {
                    continue;
                }
                let start = memchr::memrchr(b'\n', &block[..at]).map_or(0, |n| n + 1);
                let end = memchr::memchr(b'\n', &block[at..]).map_or(block.len(), |n| at + n + 1);
                line_end = end;
                let line = &block[start..end];
                if self.other.iter().any(|f| f.find(line).is_some()) {
                    lines.push((start, end));
                }
            }
        }
        // Every line holds a number: filtering would copy the block for nothing.
        if hits > block.len() / 8 {
            return None;
        }
        if self.searched.len() > 1 {
            lines.sort_unstable();
            lines.dedup();
        }
        Some(lines)
    }
}

/// The numbers `resolver` reads as `country`, in decimal.
fn numbers(resolver: &Resolver, country: CountryId) -> Option<Vec<Vec<u8>>> {
    let mut numbers = resolver.numbers_of(country)?;
    numbers.sort();
    numbers.dedup();
    // A number inside another (`64` in `643`) is found by the shorter one.
    let all = numbers.clone();
    numbers.retain(|number| {
        !all.iter()
            .any(|shorter| shorter.len() < number.len() && contains(number, shorter))
    });
    Some(numbers)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(haystack, needle).is_some()
}

/// Whether each line starts and ends outside quotes, counting quote marks from the start
/// of the block (which starts outside quotes).
fn outside_quotes(block: &[u8], lines: &[(usize, usize)]) -> bool {
    let mut odd = false;
    let mut at = 0;
    for &(start, end) in lines {
        odd ^= odd_quotes(&block[at..start]);
        if odd || odd_quotes(&block[start..end]) {
            return false;
        }
        at = end;
    }
    true
}

/// Whether `bytes` hold an odd number of `"`.
fn odd_quotes(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .fold(0u8, |parity, &b| parity ^ u8::from(b == b'"'))
        == 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::country::CodeScheme;
    use crate::import::collect::Collected;
    use crate::import::parallel::tests::{Way, fixture, read_bytes};
    use std::fmt::Write as _;

    /// What a read of the pair gives that the prefilter must not change: the values, the
    /// pair's rows, the warnings about the pair's years; or the error.
    fn pair_part(read: Result<Collected, crate::import::ImportError>) -> String {
        match read {
            Ok(c) => format!("{:?} {} {:?}", c.values, c.pair_rows, c.warnings),
            Err(error) => format!("error {error}"),
        }
    }

    /// Compares a read of every row with a prefiltered read, for every pair the file
    /// holds; returns how many pairs had values.
    fn same_with_and_without_prefilter(bytes: &[u8], block_bytes: usize, name: &str) -> usize {
        let scanned = read_bytes(bytes, None, block_bytes, Way::OneReader).expect("scans");
        let mut pairs: Vec<Pair> = scanned
            .flows
            .iter()
            .filter_map(|f| Pair::new(f.reporter, f.partner))
            .collect();
        // The pairs with most rows first (flows come most rows first), at most 30.
        let mut seen = std::collections::HashSet::new();
        pairs.retain(|p| seen.insert(p.countries()));
        pairs.truncate(30);
        assert!(!pairs.is_empty(), "{name}: no pairs");
        let mut with_values = 0;
        for pair in pairs {
            let every_row = read_bytes(bytes, Some(pair), block_bytes, Way::OneReader);
            with_values += usize::from(every_row.as_ref().is_ok_and(|c| !c.values.is_empty()));
            let filtered = read_bytes(bytes, Some(pair), block_bytes, Way::BlocksPrefiltered);
            assert_eq!(pair_part(every_row), pair_part(filtered), "{pair}");
        }
        with_values
    }

    #[test]
    fn real_downloads_give_the_same_values_for_every_pair_with_the_prefilter() {
        for (file, block_bytes) in [
            ("comtrade_plus/TradeData_THA_M_8542_2014-2024.csv", 8192),
            ("comtrade_plus_bulk/comtrade_example.txt", 300),
            (
                "comtrade_legacy/comtrade_EU28_partners_252310_2000-2020.csv",
                4096,
            ),
            ("comtrade_legacy/comtrade_all_WLD_TOTAL_2017.csv", 2048),
            ("comtrade_legacy/comtrade_CHN_USA_X_2018_HS2.csv", 65536),
            ("comtrade_legacy/comtrade_EU28_UKR_X_1007.csv", 512),
            ("baci/baci_HS22_Y2023_KOR_852352_subset.csv", 512),
        ] {
            let mut bytes = fixture(file);
            if file.starts_with("comtrade_plus_bulk") {
                // Every row of this extract is a breakdown; row 9 made a total export row
                // (as in the bulk test of `import::tests`) gives a pair with values.
                let text = String::from_utf8(bytes).expect("ascii");
                bytes = text
                    .replace(
                        "DX\t643\t0\tHS\tH6\t1\t7326\tC03",
                        "X\t643\t0\tHS\tH6\t1\t7326\tC00",
                    )
                    .into_bytes();
            }
            let pairs = same_with_and_without_prefilter(&bytes, block_bytes, file);
            assert!(pairs > 0, "{file}: no pair with values");
        }
    }

    #[test]
    fn real_downloads_are_mostly_passed_over() {
        let bytes = fixture("comtrade_plus/TradeData_THA_M_8542_2014-2024.csv");
        let body = &bytes[memchr::memchr(b'\n', &bytes).expect("a header") + 1..];
        let (out, filtered) = run(&filter("THA,RUS", CodeScheme::M49), &lossy(body));
        let Filtered::Kept { lines_passed_over } = filtered else {
            panic!("not filtered");
        };
        // 1,178 rows; Russia is a partner in each of 11 years.
        let kept = out.lines().count();
        assert!((11..100).contains(&kept), "{kept}");
        assert_eq!(lines_passed_over + kept as u64, 1178);
    }

    fn lossy(bytes: &[u8]) -> String {
        bytes.iter().map(|b| char::from(*b)).collect()
    }

    /// A deterministic stream of numbers for generated rows.
    struct Numbers(u64);

    impl Numbers {
        fn next(&mut self, below: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % below
        }
    }

    /// Codes as files write them, the pair's among others, with leading zeros and spaces.
    fn code(numbers: &mut Numbers) -> String {
        let codes = [643, 364, 156, 842, 276, 280, 810, 4, 36, 64, 3, 0];
        let n = codes[usize::try_from(numbers.next(codes.len() as u64)).unwrap_or(0)];
        match numbers.next(6) {
            0 => format!("{n:04}"),
            1 => format!(" {n} "),
            _ => n.to_string(),
        }
    }

    #[test]
    fn generated_baci_rows_give_the_same_values_with_the_prefilter() {
        let mut numbers = Numbers(0x5eed);
        let mut text = String::from("t,i,j,k,v,q\n");
        for _ in 0..3000 {
            let (i, j) = (code(&mut numbers), code(&mut numbers));
            let product = numbers.next(1_000_000);
            let value = numbers.next(10_000_000);
            let ending = if numbers.next(3) == 0 { "\r\n" } else { "\n" };
            let _ = write!(
                text,
                "{},{i},{j},{product:06},{}.{},NA{ending}",
                2021 + numbers.next(3),
                value / 1000,
                value % 1000
            );
        }
        for block_bytes in [700, 65536] {
            assert!(same_with_and_without_prefilter(text.as_bytes(), block_bytes, "BACI") > 10);
        }
    }

    #[test]
    fn generated_comtrade_rows_with_quoted_line_breaks_give_the_same_values() {
        let real = fixture("comtrade_plus/TradeData_THA_M_8542_2014-2024.csv");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(real.as_slice());
        let mut records = reader.byte_records();
        let header = records.next().expect("header").expect("reads");
        let template = records.next().expect("a row").expect("reads");
        let mut text: Vec<u8> = header.iter().collect::<Vec<_>>().join(&b","[..]);
        text.extend_from_slice(b"\n");
        let mut numbers = Numbers(0x00c0_ffee);
        for _ in 0..2000 {
            let mut fields: Vec<Vec<u8>> = template.iter().map(<[u8]>::to_vec).collect();
            fields[6] = code(&mut numbers).into_bytes();
            fields[11] = code(&mut numbers).into_bytes();
            fields[5] = (2014 + numbers.next(4)).to_string().into_bytes();
            fields[9] = if numbers.next(2) == 0 {
                b"M".to_vec()
            } else {
                b"X".to_vec()
            };
            fields[43] = format!("{}.{}", numbers.next(1_000_000), numbers.next(1000)).into_bytes();
            fields[14] = if numbers.next(8) == 0 {
                b"643".to_vec()
            } else {
                b"0".to_vec()
            };
            if numbers.next(40) == 0 {
                fields[21] = format!("circuits\nsee note {}", numbers.next(1000)).into_bytes();
            }
            for field in &fields[..header.len()] {
                if !field.is_empty() {
                    text.push(b'"');
                    text.extend_from_slice(field);
                    text.push(b'"');
                }
                text.push(b',');
            }
            text.extend_from_slice(b"\r\n");
        }
        for block_bytes in [2000, 16384] {
            assert!(same_with_and_without_prefilter(&text, block_bytes, "Comtrade") > 10);
        }
    }

    #[test]
    fn a_bad_row_of_the_pair_is_reported_at_the_same_place() {
        let mut text = String::from("t,i,j,k,v,q\n");
        for n in 0..5000 {
            let (i, v) = match n {
                3000 => (643, "x1".to_owned()),
                4000 => (156, "y".to_owned()),
                _ => (if n % 7 == 0 { 643 } else { 156 }, format!("{n}.5")),
            };
            let _ = writeln!(text, "2023,{i},364,{n:06},{v},NA");
        }
        let pair = Pair::parse("RUS,IRN").ok();
        let every_row = read_bytes(text.as_bytes(), pair, 1000, Way::Blocks);
        let filtered = read_bytes(text.as_bytes(), pair, 1000, Way::BlocksPrefiltered);
        let (every_row, filtered) = (
            every_row.expect_err("bad").to_string(),
            filtered.expect_err("bad").to_string(),
        );
        assert_eq!(every_row, filtered);
        assert!(every_row.starts_with("t:3002:21:"), "{every_row}");
    }

    fn filter(pair: &str, scheme: CodeScheme) -> PairFilter {
        let pair = Pair::parse(pair).expect("pair");
        PairFilter::new(pair, &Resolver::codes(scheme)).expect("numeric codes")
    }

    fn run(filter: &PairFilter, block: &str) -> (String, Filtered) {
        run_lines(filter, block).0
    }

    fn run_lines(filter: &PairFilter, block: &str) -> ((String, Filtered), Vec<u64>) {
        let (mut out, mut lines) = (Vec::new(), Vec::new());
        let filtered = filter.filter(block.as_bytes(), 10, &mut out, &mut lines);
        ((String::from_utf8(out).expect("utf-8"), filtered), lines)
    }

    #[test]
    fn only_lines_with_both_numbers_are_kept_with_their_file_lines() {
        let baci = filter("RUS,IRN", CodeScheme::Baci);
        let block =
            "2023,643,364,1,2,NA\n2023,643,156,1,2,NA\n2023,4,8,364,643.5,NA\n2023,364,643,9,9,9";
        let ((out, filtered), lines) = run_lines(&baci, block);
        assert_eq!(
            out,
            "2023,643,364,1,2,NA\n2023,4,8,364,643.5,NA\n2023,364,643,9,9,9"
        );
        assert_eq!(lines, [10, 12, 13]);
        assert_eq!(
            filtered,
            Filtered::Kept {
                lines_passed_over: 1
            }
        );
        let (out, filtered) = run(&baci, "1,2,3\r\n4,5,6");
        assert_eq!(out, "");
        assert_eq!(
            filtered,
            Filtered::Kept {
                lines_passed_over: 2
            }
        );
    }

    #[test]
    fn a_quoted_line_break_near_a_number_leaves_the_block_whole() {
        let comtrade = filter("RUS,IRN", CodeScheme::M49);
        let block = "\"A\",\"643\",\"364\"\n\"B\",\"note\nnext\",\"643\",\"364\"\n";
        assert_eq!(run(&comtrade, block).1, Filtered::Whole);
        let quoted_elsewhere = "\"A\",\"643\",\"364\"\n\"B\",\"note\nnext\",\"1\",\"2\"\n";
        assert_eq!(
            run_lines(&comtrade, quoted_elsewhere),
            (
                (
                    "\"A\",\"643\",\"364\"\n".to_owned(),
                    Filtered::Kept {
                        lines_passed_over: 2
                    }
                ),
                vec![10]
            )
        );
    }

    #[test]
    fn every_code_of_a_country_is_searched_for() {
        // Comtrade numbers Germany 276 and, before 1991, the Federal Republic 280.
        let table = crate::data::country::countries();
        let germany = table.lookup("DEU").expect("Germany");
        let filter = filter("DEU,USA", CodeScheme::M49);
        let mut block = String::new();
        for code in germany.comtrade.iter().chain(germany.m49.iter()) {
            let _ = writeln!(block, "\"{code:03}\",\"842\"");
        }
        let (out, _) = run(&filter, &block);
        assert_eq!(out, block);
    }
}

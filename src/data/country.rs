//! One table of countries with every code the trade publishers use, and the pair of
//! countries a dataset is about.
//!
//! The table is data (`assets/countries.csv`), parsed once. A country is found by ISO
//! alpha-3 or alpha-2, by UN M49 or Comtrade number, by IMF number, by BACI number, or by
//! any name a publisher uses ("Russian Federation", "Iran, Islamic Rep.", "Türkiye").
//! States that ended (the USSR until 1991) are rows of their own with a note; they are
//! never silently joined with their successors.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// The table as shipped.
pub(crate) const COUNTRIES_CSV: &str = include_str!("../../assets/countries.csv");

/// Index of a country in [`CountryTable::all`]; cheap to copy and compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct CountryId(pub u16);

/// The numbering a code belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum CodeScheme {
    /// ISO 3166-1 alpha-3 (`RUS`), with Comtrade's and BACI's extra codes (`S19`, `SUN`).
    Iso3,
    /// ISO 3166-1 alpha-2 (`RU`).
    Iso2,
    /// UN M49 or the Comtrade reporter code where it differs (France is 250 in M49, 251 in Comtrade).
    M49,
    /// IMF country number (Russia 922, Iran 429), as DOTS uses it.
    Imf,
    /// CEPII BACI country number (as Comtrade's, plus codes of older releases: Italy 381).
    Baci,
}

/// One country, territory, former state or aggregate.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// Where it sits in the table.
    pub(crate) id: CountryId,
    /// ISO alpha-3 or the publisher code standing in for one (`SUN`, `WLD`).
    pub(crate) iso3: String,
    /// ISO alpha-2, when there is one.
    pub(crate) iso2: Option<String>,
    /// UN M49 number, when there is one.
    pub(crate) m49: Option<u16>,
    /// Comtrade reporter/partner numbers (the M49 one and any historic ones).
    pub(crate) comtrade: Vec<u16>,
    /// IMF number, when known.
    pub(crate) imf: Option<u16>,
    /// BACI numbers over releases.
    pub(crate) baci: Vec<u16>,
    /// The common English name shown ("Russia", "Iran").
    pub(crate) name: String,
    /// Other names publishers use.
    pub(crate) other_names: Vec<String>,
    /// First year it existed as coded here, for states that began (Russia 1992).
    pub(crate) from_year: Option<i32>,
    /// Last year it existed, for states that ended (the USSR 1991).
    pub(crate) to_year: Option<i32>,
    /// ISO alpha-3 of the state it followed, kept apart from it (Russia: `SUN`).
    pub(crate) predecessor: Option<String>,
    /// What a reader should know: history, what an aggregate covers.
    pub(crate) note: String,
    /// True for groups of countries (the World, the EU).
    pub(crate) aggregate: bool,
}

impl Country {
    /// The name with its ISO code: `Russian Federation (RUS)`.
    pub fn label(&self) -> String {
        format!("{} ({})", self.name, self.iso3)
    }

    #[cfg(test)]
    /// Whether the country existed, as coded here, in `year`.
    pub(crate) fn existed_in(&self, year: i32) -> bool {
        self.from_year.is_none_or(|from| year >= from) && self.to_year.is_none_or(|to| year <= to)
    }
}

/// Every country Bilateral knows, with lookups by any code or name.
#[derive(Debug, Default)]
pub struct CountryTable {
    countries: Vec<Country>,
    by_code: HashMap<(CodeScheme, String), CountryId>,
    by_name: HashMap<String, CountryId>,
}

impl CountryTable {
    /// Parses a table in the format of `assets/countries.csv`.
    pub(crate) fn parse(text: &str) -> Result<Self, String> {
        let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let mut table = Self::default();
        for (index, record) in reader.records().enumerate() {
            let line = index + 2;
            let record = record.map_err(|e| format!("countries.csv:{line}: {e}"))?;
            let field = |i: usize| record.get(i).unwrap_or("").trim();
            let numbers = |i: usize| -> Result<Vec<u16>, String> {
                field(i)
                    .split('|')
                    .filter(|s| !s.is_empty())
                    .map(|s| {
                        s.parse::<u16>()
                            .map_err(|_| format!("countries.csv:{line}: `{s}` is not a code"))
                    })
                    .collect()
            };
            let year = |i: usize| -> Result<Option<i32>, String> {
                let text = field(i);
                if text.is_empty() {
                    return Ok(None);
                }
                text.parse()
                    .map(Some)
                    .map_err(|_| format!("countries.csv:{line}: `{text}` is not a year"))
            };
            let optional = |i: usize| Some(field(i).to_owned()).filter(|s| !s.is_empty());
            let id = CountryId(
                u16::try_from(table.countries.len())
                    .map_err(|_| "countries.csv: too many rows".to_owned())?,
            );
            let country = Country {
                id,
                iso3: field(0).to_owned(),
                iso2: optional(1),
                m49: numbers(2)?.first().copied(),
                comtrade: numbers(3)?,
                imf: numbers(4)?.first().copied(),
                baci: numbers(5)?,
                name: field(6).to_owned(),
                other_names: field(7)
                    .split('|')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
                from_year: year(8)?,
                to_year: year(9)?,
                predecessor: optional(10),
                note: field(11).to_owned(),
                aggregate: field(2) == "0" || field(0) == "EUU",
            };
            if country.iso3.len() != 3 || country.name.is_empty() {
                return Err(format!(
                    "countries.csv:{line}: a row needs an alpha-3 code and a name"
                ));
            }
            table.add(country)?;
        }
        Ok(table)
    }

    fn add(&mut self, country: Country) -> Result<(), String> {
        let id = country.id;
        let mut codes = vec![(CodeScheme::Iso3, country.iso3.clone())];
        codes.extend(country.iso2.iter().map(|c| (CodeScheme::Iso2, c.clone())));
        codes.extend(country.m49.iter().map(|c| (CodeScheme::M49, c.to_string())));
        codes.extend(
            country
                .comtrade
                .iter()
                .map(|c| (CodeScheme::M49, c.to_string())),
        );
        codes.extend(country.imf.iter().map(|c| (CodeScheme::Imf, c.to_string())));
        codes.extend(
            country
                .baci
                .iter()
                .map(|c| (CodeScheme::Baci, c.to_string())),
        );
        for (scheme, code) in codes {
            let key = (scheme, code.to_ascii_uppercase());
            match self.by_code.get(&key) {
                Some(known) if *known != id => {
                    return Err(format!(
                        "countries.csv: {scheme:?} code {} is given to two countries",
                        key.1
                    ));
                }
                _ => {
                    self.by_code.insert(key, id);
                }
            }
        }
        for name in std::iter::once(&country.name).chain(&country.other_names) {
            self.by_name.entry(name_key(name)).or_insert(id);
        }
        self.countries.push(country);
        Ok(())
    }

    /// Every row, in table order.
    pub(crate) fn all(&self) -> &[Country] {
        &self.countries
    }

    /// The country with `id`.
    pub(crate) fn get(&self, id: CountryId) -> Option<&Country> {
        self.countries.get(usize::from(id.0))
    }

    /// The country with `code` in `scheme`; numbers may carry leading zeros (`004`).
    pub(crate) fn by_code(&self, scheme: CodeScheme, code: &str) -> Option<&Country> {
        let code = code.trim();
        let key = match scheme {
            CodeScheme::M49 | CodeScheme::Imf | CodeScheme::Baci => {
                let digits = code.trim_start_matches('0');
                if digits.is_empty() && !code.is_empty() {
                    "0".to_owned()
                } else {
                    digits.to_owned()
                }
            }
            CodeScheme::Iso3 | CodeScheme::Iso2 => code.to_ascii_uppercase(),
        };
        self.by_code
            .get(&(scheme, key))
            .and_then(|id| self.get(*id))
    }

    /// The country a publisher's name means, ignoring case, accents and punctuation.
    pub(crate) fn by_name(&self, name: &str) -> Option<&Country> {
        self.by_name
            .get(&name_key(name))
            .and_then(|id| self.get(*id))
    }

    /// Any code or name: ISO alpha-3, alpha-2, a number (UN M49/Comtrade first, then IMF,
    /// then BACI), or a name. A number that is both an M49 and an IMF code means the M49
    /// country (643 is Russia, not the IMF's Eritrea); readers that know their scheme use
    /// [`Self::by_code`].
    pub fn lookup(&self, code_or_name: &str) -> Option<&Country> {
        let text = code_or_name.trim();
        if text.is_empty() {
            return None;
        }
        if text.bytes().all(|b| b.is_ascii_digit()) {
            return [CodeScheme::M49, CodeScheme::Imf, CodeScheme::Baci]
                .into_iter()
                .find_map(|scheme| self.by_code(scheme, text));
        }
        let by_iso = match text.len() {
            3 => self.by_code(CodeScheme::Iso3, text),
            2 => self.by_code(CodeScheme::Iso2, text),
            _ => None,
        };
        by_iso.or_else(|| self.by_name(text))
    }
}

/// Folds a name for matching: lower case, accents dropped, punctuation as spaces.
pub(crate) fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    let mut space = true;
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = fold_accent(c);
        if c.is_alphanumeric() {
            key.push(c);
            space = false;
        } else if !space && c != '\'' && c != '’' {
            key.push(' ');
            space = true;
        }
    }
    key.trim_end().to_owned()
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

/// The shipped table, parsed on first use. A table that does not parse (a build defect
/// the tests catch) leaves the table empty and logs why.
pub fn countries() -> &'static CountryTable {
    static TABLE: OnceLock<CountryTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        CountryTable::parse(COUNTRIES_CSV).unwrap_or_else(|error| {
            log::error!("the built-in country table does not parse: {error}");
            CountryTable::default()
        })
    })
}

/// Two countries, in order: the dataset's first and second party.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pair {
    /// The first party.
    pub(crate) first: CountryId,
    /// The second party.
    pub(crate) second: CountryId,
}

/// Why a pair could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PairError {
    /// Not two names or codes separated by a comma.
    #[error("expected two countries separated by a comma, such as RUS,IRN; got `{0}`")]
    Shape(String),
    /// A code or name that is not in the country table.
    #[error("`{0}` is not a country code or name Bilateral knows")]
    Unknown(String),
    /// The same country twice.
    #[error("a pair needs two different countries; got {0} twice")]
    Same(String),
}

impl Pair {
    /// The pair of two different countries.
    pub(crate) fn new(first: CountryId, second: CountryId) -> Option<Self> {
        (first != second).then_some(Self { first, second })
    }

    /// Reads `RUS,IRN` (any codes or names the table knows, in either order of schemes).
    pub fn parse(text: &str) -> Result<Self, PairError> {
        let (a, b) = text
            .split_once(',')
            .ok_or_else(|| PairError::Shape(text.to_owned()))?;
        let table = countries();
        let find = |code: &str| {
            table
                .lookup(code)
                .map(|country| country.id)
                .ok_or_else(|| PairError::Unknown(code.trim().to_owned()))
        };
        let (first, second) = (find(a)?, find(b)?);
        Self::new(first, second).ok_or_else(|| PairError::Same(a.trim().to_owned()))
    }

    /// The pair of the dataset's two parties, when the table knows both.
    pub(crate) fn of_parties(parties: &[super::Party; 2]) -> Option<Self> {
        let table = countries();
        let find = |party: &super::Party| {
            table
                .by_code(CodeScheme::Iso3, &party.iso_alpha3)
                .map(|c| c.id)
        };
        Self::new(find(&parties[0])?, find(&parties[1])?)
    }

    /// Whether `a` and `b` are this pair's two countries, in either order.
    pub(crate) fn is(self, a: CountryId, b: CountryId) -> bool {
        (a == self.first && b == self.second) || (a == self.second && b == self.first)
    }

    /// Whether `country` is one of the two.
    pub(crate) fn contains(self, country: CountryId) -> bool {
        country == self.first || country == self.second
    }

    /// The other country of the pair, when `country` is one of them.
    pub(crate) fn other(self, country: CountryId) -> Option<CountryId> {
        if country == self.first {
            Some(self.second)
        } else if country == self.second {
            Some(self.first)
        } else {
            None
        }
    }

    /// The two countries, first then second.
    pub(crate) fn countries(self) -> [CountryId; 2] {
        [self.first, self.second]
    }

    /// `RUS,IRN`, as `--pair` takes it.
    pub(crate) fn codes(self) -> String {
        let table = countries();
        let code = |id| table.get(id).map_or("?", |c: &Country| c.iso3.as_str());
        format!("{},{}", code(self.first), code(self.second))
    }
}

impl fmt::Display for Pair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let table = countries();
        let name = |id| table.get(id).map_or("?", |c: &Country| c.name.as_str());
        write!(f, "{}–{}", name(self.first), name(self.second))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso3(found: Option<&Country>) -> Option<&str> {
        found.map(|c| c.iso3.as_str())
    }

    #[test]
    fn the_shipped_table_parses() {
        let table = CountryTable::parse(COUNTRIES_CSV).expect("parses");
        assert!(table.all().len() > 200, "{}", table.all().len());
    }

    #[test]
    fn russia_is_found_by_every_code_and_name() {
        let table = countries();
        for code in [
            "RUS",
            "rus",
            "RU",
            "643",
            "922",
            "Russian Federation",
            "russia",
        ] {
            assert_eq!(iso3(table.lookup(code)), Some("RUS"), "{code}");
        }
        assert_eq!(iso3(table.by_code(CodeScheme::Imf, "922")), Some("RUS"));
        assert_eq!(iso3(table.by_code(CodeScheme::Baci, "643")), Some("RUS"));
    }

    #[test]
    fn publisher_names_for_iran_and_turkey_resolve() {
        let table = countries();
        for name in [
            "Iran, Islamic Rep.",
            "Iran, Islamic Rep. of",
            "Iran (Islamic Republic of)",
            "IRAN",
            "429",
            "364",
        ] {
            assert_eq!(iso3(table.lookup(name)), Some("IRN"), "{name}");
        }
        for name in ["Türkiye", "Turkey", "TURKIYE", "792", "186"] {
            assert_eq!(iso3(table.lookup(name)), Some("TUR"), "{name}");
        }
    }

    #[test]
    fn a_number_means_the_scheme_asked_for() {
        let table = countries();
        assert_eq!(iso3(table.by_code(CodeScheme::Imf, "643")), Some("ERI"));
        assert_eq!(iso3(table.by_code(CodeScheme::M49, "643")), Some("RUS"));
        assert_eq!(iso3(table.by_code(CodeScheme::M49, "004")), Some("AFG"));
        assert_eq!(iso3(table.by_code(CodeScheme::M49, "251")), Some("FRA"));
        assert_eq!(iso3(table.by_code(CodeScheme::M49, "250")), Some("FRA"));
        assert_eq!(iso3(table.by_code(CodeScheme::Baci, "381")), Some("ITA"));
        assert_eq!(iso3(table.by_code(CodeScheme::Iso2, "NA")), Some("NAM"));
        assert_eq!(iso3(table.lookup("W00")), Some("WLD"));
    }

    #[test]
    fn the_ussr_is_its_own_row_before_russia_never_joined() {
        let table = countries();
        let ussr = table.lookup("810").expect("USSR");
        let russia = table.lookup("RUS").expect("Russia");
        assert_eq!(ussr.iso3, "SUN");
        assert_ne!(ussr.id, russia.id);
        assert_eq!(iso3(table.lookup("SUN")), Some("SUN"));
        assert!(ussr.existed_in(1991) && !ussr.existed_in(1992));
        assert!(russia.existed_in(1992) && !russia.existed_in(1991));
        assert_eq!(russia.predecessor.as_deref(), Some("SUN"));
        assert!(russia.note.contains("never silently joined"));
    }

    #[test]
    fn pairs_parse_from_any_codes_and_refuse_nonsense() {
        let pair = Pair::parse("RUS,IRN").expect("pair");
        assert_eq!(pair, Pair::parse("643, Iran, Islamic Rep.").expect("pair"));
        assert_eq!(pair.codes(), "RUS,IRN");
        assert_eq!(pair.to_string(), "Russia–Iran");
        assert!(matches!(Pair::parse("RUS"), Err(PairError::Shape(_))));
        assert!(matches!(Pair::parse("RUS,XXQ"), Err(PairError::Unknown(_))));
        assert!(matches!(Pair::parse("RUS,643"), Err(PairError::Same(_))));
        let [a, b] = pair.countries();
        assert!(pair.is(b, a));
        assert_eq!(pair.other(a), Some(b));
    }
}

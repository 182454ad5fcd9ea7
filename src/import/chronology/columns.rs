//! Which column of a chronology holds what: the roles a column can have, the guess made
//! from the header's words (in several languages), and a choice given by name
//! (`--column title="Chinese Entity"`, or remembered per header row in the settings).

use std::collections::BTreeMap;
use std::fmt;

use crate::data::country::name_key;
use crate::data::{Domain, Stance};

use super::dates::DayOrder;

/// What a column of a chronology can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// When it happened (or started); also a year alone, with a month column beside it.
    Date,
    /// When it ended.
    EndDate,
    /// The month, for a table that writes the year and the month in two columns.
    Month,
    /// A short title.
    Title,
    /// A sentence or two.
    Summary,
    /// A URL or a citation.
    Source,
    /// Bilateral's domain (military, energy, …).
    Domain,
    /// Cooperation, divergence, mixed or context.
    Stance,
    /// A place, matched against the dataset's places by name.
    Place,
    /// The country (or countries) a row concerns: rows naming neither country of the pair
    /// are left out.
    Country,
}

impl Role {
    /// Every role, in the order the dialog lists them.
    pub const ALL: [Self; 10] = [
        Self::Date,
        Self::EndDate,
        Self::Month,
        Self::Title,
        Self::Summary,
        Self::Source,
        Self::Domain,
        Self::Stance,
        Self::Place,
        Self::Country,
    ];

    /// The key in `--column KEY=HEADER` and the settings: `date`, `end_date`, ….
    pub fn key(self) -> &'static str {
        match self {
            Self::Date => "date",
            Self::EndDate => "end_date",
            Self::Month => "month",
            Self::Title => "title",
            Self::Summary => "summary",
            Self::Source => "source",
            Self::Domain => "domain",
            Self::Stance => "stance",
            Self::Place => "place",
            Self::Country => "country",
        }
    }

    /// For people: `End date`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Date => "Date",
            Self::EndDate => "End date",
            Self::Month => "Month",
            Self::Title => "Title",
            Self::Summary => "Summary",
            Self::Source => "Source or URL",
            Self::Domain => "Domain",
            Self::Stance => "Stance",
            Self::Place => "Place",
            Self::Country => "Country",
        }
    }

    fn index(self) -> usize {
        Self::ALL.iter().position(|r| *r == self).unwrap_or(0)
    }

    /// The role named by `key` (`date`, `end-date`, `end_date`, `url`…).
    pub fn from_key(key: &str) -> Option<Self> {
        let key = key.trim().to_ascii_lowercase().replace('-', "_");
        match key.as_str() {
            "url" | "link" => Some(Self::Source),
            "end" => Some(Self::EndDate),
            "description" => Some(Self::Summary),
            _ => Self::ALL.into_iter().find(|role| role.key() == key),
        }
    }

    /// Header words that mean this role ([`ROLE_WORDS`]).
    fn words(self) -> &'static [&'static str] {
        ROLE_WORDS
            .iter()
            .find(|(role, _)| *role == self)
            .map_or(&[], |(_, words)| words)
    }
}

/// Header words that mean each role, most telling first: a header equal to a phrase, or
/// holding one of its words, has the role. End dates are tried before dates, so `End date`
/// is an end.
const ROLE_WORDS: [(Role, &[&str]); 10] = [
    (
        Role::EndDate,
        &[
            "end date",
            "end",
            "to",
            "until",
            "finish",
            "ended",
            "end year",
            "date fin",
            "fin",
            "ende",
            "bis",
            "enddatum",
            "fecha fin",
            "hasta",
            "конец",
            "окончание",
        ],
    ),
    (Role::Month, &["month", "mois", "monat", "mes", "месяц"]),
    (
        Role::Date,
        &[
            "date",
            "start date",
            "start",
            "when",
            "begin",
            "from",
            "day",
            "year",
            "datum",
            "jour",
            "annee",
            "jahr",
            "fecha",
            "ano",
            "дата",
            "год",
            "начало",
        ],
    ),
    (
        Role::Title,
        &[
            "title",
            "headline",
            "event",
            "name",
            "subject",
            "what",
            "titre",
            "evenement",
            "titel",
            "ereignis",
            "titulo",
            "evento",
            "событие",
            "заголовок",
            "название",
        ],
    ),
    (
        Role::Summary,
        &[
            "summary",
            "description",
            "details",
            "detail",
            "notes",
            "note",
            "text",
            "comment",
            "comments",
            "resume",
            "beschreibung",
            "zusammenfassung",
            "descripcion",
            "resumen",
            "описание",
            "комментарий",
        ],
    ),
    (
        Role::Source,
        &[
            "source",
            "sources",
            "link",
            "links",
            "url",
            "reference",
            "references",
            "citation",
            "lien",
            "quelle",
            "fuente",
            "enlace",
            "источник",
            "ссылка",
        ],
    ),
    (
        Role::Domain,
        &[
            "domain",
            "category",
            "sector",
            "field",
            "theme",
            "topic",
            "domaine",
            "categorie",
            "secteur",
            "bereich",
            "kategorie",
            "sektor",
            "ambito",
            "categoria",
            "sector",
            "сфера",
            "категория",
            "область",
        ],
    ),
    (
        Role::Stance,
        &[
            "stance",
            "tone",
            "nature",
            "cooperation",
            "attitude",
            "posture",
            "position",
            "orientation",
            "charakter",
            "tono",
            "характер",
        ],
    ),
    (
        Role::Place,
        &[
            "place",
            "location",
            "town",
            "city",
            "site",
            "where",
            "lieu",
            "ville",
            "ort",
            "stadt",
            "lugar",
            "ciudad",
            "место",
            "город",
        ],
    ),
    (
        Role::Country,
        &[
            "country",
            "countries",
            "state",
            "partner",
            "counterpart",
            "pays",
            "land",
            "staat",
            "pais",
            "страна",
            "государство",
        ],
    ),
];

/// The order in which roles take their header: an end before a date, a month before a
/// date (`Month` is no date), the rest as listed.
const GUESS_ORDER: [Role; 10] = [
    Role::EndDate,
    Role::Month,
    Role::Date,
    Role::Title,
    Role::Summary,
    Role::Source,
    Role::Domain,
    Role::Stance,
    Role::Place,
    Role::Country,
];

/// Which column holds each role, and how what the columns say is read.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Columns {
    /// The column (from 0) of each role, in the order of [`Role::ALL`].
    roles: [Option<usize>; 10],
    /// The order of day and month in dates written with numbers; `None`: told from the
    /// column (a value over 12 settles it), day first when nothing does.
    pub day_order: Option<DayOrder>,
    /// The domain of rows whose domain is not given or not one of Bilateral's.
    pub default_domain: Domain,
    /// The stance of rows whose stance is not given or not one of Bilateral's.
    pub default_stance: Stance,
    /// Whether the columns with no role are kept in the summary (`Header: value`).
    pub other_columns: bool,
}

impl Default for Columns {
    fn default() -> Self {
        Self {
            roles: [None; 10],
            day_order: None,
            default_domain: Domain::Diplomacy,
            default_stance: Stance::Context,
            other_columns: true,
        }
    }
}

impl Columns {
    /// The column of `role`.
    pub fn get(&self, role: Role) -> Option<usize> {
        self.roles[role.index()]
    }

    /// Gives `role` the column `column` (or none), taking it from any other role.
    pub fn set(&mut self, role: Role, column: Option<usize>) {
        if let Some(column) = column {
            for other in &mut self.roles {
                if *other == Some(column) {
                    *other = None;
                }
            }
        }
        self.roles[role.index()] = column;
    }

    /// The role of column `column`, if it has one.
    pub fn role_of(&self, column: usize) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|role| self.get(*role) == Some(column))
    }

    /// The guess from the header's names: each role takes the header that names it best
    /// (leftmost on a tie), each header one role. With neither title nor summary, the
    /// first column with no role whose first values are words becomes the title.
    pub fn guess(header: &[String], first_rows: &[Vec<String>]) -> Self {
        // Each header's key, and the key between spaces, made once for every role; an empty
        // one names nothing (a wide sheet's header is mostly empty cells).
        let keys: Vec<Option<(String, String)>> = header
            .iter()
            .map(|name| {
                let key = header_key(name);
                (!key.is_empty()).then(|| {
                    let padded = format!(" {key} ");
                    (key, padded)
                })
            })
            .collect();
        let mut columns = Self::default();
        for role in GUESS_ORDER {
            let phrases = Phrases::of(role);
            let best = keys
                .iter()
                .enumerate()
                .filter_map(|(index, key)| Some((index, key.as_ref()?)))
                .filter(|(index, _)| columns.role_of(*index).is_none())
                .filter_map(|(index, (key, padded))| {
                    phrases.rank(key, padded).map(|rank| (rank, index))
                })
                .min();
            if let Some((_, index)) = best {
                columns.set(role, Some(index));
            }
        }
        if columns.get(Role::Title).is_none() && columns.get(Role::Summary).is_none() {
            let wordy = (0..header.len()).find(|index| {
                columns.role_of(*index).is_none()
                    && first_rows.iter().any(|row| {
                        row.get(*index)
                            .is_some_and(|cell| cell.chars().any(char::is_alphabetic))
                    })
            });
            columns.set(Role::Title, wordy);
        }
        columns
    }

    /// Whether the header looks like a chronology's: a date and a title, summary or month.
    pub(crate) fn looks_like_chronology(&self) -> bool {
        self.get(Role::Date).is_some()
            && [Role::Title, Role::Summary, Role::Month]
                .iter()
                .any(|role| self.get(*role).is_some())
    }

    /// These columns with the choices in `choices` applied: `role=Header name` (or
    /// `role=` for none), `day_order=dmy|mdy|auto`, `default_domain=energy`,
    /// `default_stance=cooperation`, `other_columns=yes|no`. A header is found by its
    /// name (ignoring case) or its letter (`C`) or number (`3`, from 1).
    pub fn with_choices(mut self, header: &[String], choices: &[String]) -> Result<Self, String> {
        for choice in choices {
            let (key, value) = choice
                .split_once('=')
                .ok_or_else(|| format!("`{choice}`: expected ROLE=COLUMN, such as date=Year"))?;
            let value = value.trim().trim_matches('"');
            match key.trim() {
                "day_order" | "day-order" => {
                    self.day_order = match value {
                        "auto" | "" => None,
                        other => Some(DayOrder::from_key(other).ok_or_else(|| {
                            format!("day_order={other}: expected dmy, mdy or auto")
                        })?),
                    };
                }
                "default_domain" | "default-domain" => {
                    self.default_domain = Domain::ALL
                        .into_iter()
                        .find(|d| d.label().eq_ignore_ascii_case(value))
                        .ok_or_else(|| {
                            format!("default_domain={value}: expected one of {}", domain_list())
                        })?;
                }
                "default_stance" | "default-stance" => {
                    self.default_stance = Stance::ALL
                        .into_iter()
                        .find(|s| s.label().eq_ignore_ascii_case(value))
                        .ok_or_else(|| {
                            format!(
                                "default_stance={value}: expected cooperation, divergence, mixed or context"
                            )
                        })?;
                }
                "other_columns" | "other-columns" => {
                    self.other_columns = !matches!(value, "no" | "false" | "0" | "drop");
                }
                key => {
                    let role = Role::from_key(key).ok_or_else(|| {
                        format!(
                            "`{key}` is not a role: expected one of {}",
                            Role::ALL.map(Role::key).join(", ")
                        )
                    })?;
                    let column = if value.is_empty() {
                        None
                    } else {
                        Some(find_column(header, value).ok_or_else(|| {
                            format!(
                                "{key}={value}: the header has no such column (it has {})",
                                quoted_list(header)
                            )
                        })?)
                    };
                    self.set(role, column);
                }
            }
        }
        Ok(self)
    }

    /// The roles by header name, as the settings keep them.
    pub fn by_name(&self, header: &[String]) -> BTreeMap<String, String> {
        Role::ALL
            .into_iter()
            .filter_map(|role| {
                let column = self.get(role)?;
                Some((role.key().to_owned(), header.get(column)?.clone()))
            })
            .collect()
    }

    /// The choices other than columns, as [`Self::with_choices`] takes them
    /// (`day_order=dmy`, `default_domain=energy`, …), for the settings.
    pub fn options(&self) -> Vec<String> {
        vec![
            format!("day_order={}", self.day_order.map_or("auto", DayOrder::key)),
            format!("default_domain={}", self.default_domain.label()),
            format!("default_stance={}", self.default_stance.label()),
            format!(
                "other_columns={}",
                if self.other_columns { "yes" } else { "no" }
            ),
        ]
    }

    /// The columns named in `by_name` (as [`Self::by_name`] gives them), for `header`.
    pub fn from_names(header: &[String], by_name: &BTreeMap<String, String>) -> Self {
        let mut columns = Self::default();
        for (key, name) in by_name {
            if let (Some(role), Some(index)) =
                (Role::from_key(key), header.iter().position(|h| h == name))
            {
                columns.set(role, Some(index));
            }
        }
        columns
    }

    /// `date in “date”, title in “title”, …`: the columns used, for `bilateral check` and
    /// the source's note.
    pub fn describe(&self, header: &[String]) -> String {
        let used: Vec<String> = Role::ALL
            .into_iter()
            .filter_map(|role| {
                let name = header.get(self.get(role)?)?;
                Some(format!("{} in “{name}”", role.label().to_lowercase()))
            })
            .collect();
        if used.is_empty() {
            "no column".to_owned()
        } else {
            used.join(", ")
        }
    }
}

impl fmt::Display for DayOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A header name as matched: lower case, accents dropped, `_`, `/` and `-` as spaces.
fn header_key(name: &str) -> String {
    name_key(&name.replace(['_', '/', '-'], " "))
}

/// The phrases that name a role, as header keys, made once per guess (a header of
/// thousands of columns is ranked against them without making them again for each).
struct Phrases {
    /// Each phrase's key, and the key between spaces (to find it among a header's words).
    keys: Vec<(String, String)>,
}

impl Phrases {
    fn of(role: Role) -> Self {
        Self {
            keys: role
                .words()
                .iter()
                .map(|w| {
                    let key = name_key(w);
                    let padded = format!(" {key} ");
                    (key, padded)
                })
                .collect(),
        }
    }

    /// How well `key` (`padded`: between spaces) names the role: 0 for its first phrase
    /// exactly, higher for later phrases and for a phrase found among the header's words;
    /// `None` when it does not.
    fn rank(&self, key: &str, padded: &str) -> Option<usize> {
        if let Some(exact) = self.keys.iter().position(|(phrase, _)| phrase == key) {
            return Some(exact);
        }
        self.keys
            .iter()
            .position(|(_, phrase)| padded.contains(phrase.as_str()))
            .map(|index| 100 + index)
    }
}

fn find_column(header: &[String], wanted: &str) -> Option<usize> {
    if let Some(index) = header
        .iter()
        .position(|name| name.trim().eq_ignore_ascii_case(wanted))
    {
        return Some(index);
    }
    if let Ok(number) = wanted.parse::<usize>() {
        return (1..=header.len()).contains(&number).then(|| number - 1);
    }
    let letters = wanted.to_ascii_uppercase();
    if !letters.is_empty() && letters.len() <= 2 && letters.bytes().all(|b| b.is_ascii_uppercase())
    {
        let index = letters
            .bytes()
            .fold(0usize, |sum, b| sum * 26 + usize::from(b - b'A' + 1))
            - 1;
        return (index < header.len()).then_some(index);
    }
    None
}

fn quoted_list(header: &[String]) -> String {
    header
        .iter()
        .map(|name| format!("“{name}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn domain_list() -> String {
    Domain::ALL.map(Domain::label).join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    fn guessed(header: &[&str]) -> Vec<(Role, String)> {
        let header = names(header);
        let columns = Columns::guess(&header, &[]);
        Role::ALL
            .into_iter()
            .filter_map(|role| Some((role, header[columns.get(role)?].clone())))
            .collect()
    }

    #[test]
    fn headers_in_several_wordings_and_languages_are_guessed() {
        assert_eq!(
            guessed(&["Start", "End", "Event", "Description", "Link"]),
            vec![
                (Role::Date, "Start".into()),
                (Role::EndDate, "End".into()),
                (Role::Title, "Event".into()),
                (Role::Summary, "Description".into()),
                (Role::Source, "Link".into()),
            ]
        );
        assert_eq!(
            guessed(&["Datum", "Ereignis", "Quelle", "Ort"]),
            vec![
                (Role::Date, "Datum".into()),
                (Role::Title, "Ereignis".into()),
                (Role::Source, "Quelle".into()),
                (Role::Place, "Ort".into()),
            ]
        );
        assert_eq!(
            guessed(&["When", "What", "Category", "Tone", "Country"]),
            vec![
                (Role::Date, "When".into()),
                (Role::Title, "What".into()),
                (Role::Domain, "Category".into()),
                (Role::Stance, "Tone".into()),
                (Role::Country, "Country".into()),
            ]
        );
        assert_eq!(
            guessed(&["Start date", "End date", "Titre", "Résumé"]),
            vec![
                (Role::Date, "Start date".into()),
                (Role::EndDate, "End date".into()),
                (Role::Title, "Titre".into()),
                (Role::Summary, "Résumé".into()),
            ]
        );
    }

    #[test]
    fn choices_by_name_letter_or_number_override_the_guess() {
        let header = names(&["Year", "Month", "Chinese Entity", "Sector"]);
        let columns = Columns::guess(&header, &[])
            .with_choices(
                &header,
                &[
                    "title=chinese entity".to_owned(),
                    "domain=D".to_owned(),
                    "day_order=mdy".to_owned(),
                ],
            )
            .expect("valid choices");
        assert_eq!(columns.get(Role::Title), Some(2));
        assert_eq!(columns.get(Role::Domain), Some(3));
        assert_eq!(columns.get(Role::Date), Some(0));
        assert_eq!(columns.get(Role::Month), Some(1));
        assert_eq!(columns.day_order, Some(DayOrder::MonthFirst));
        let error = Columns::default()
            .with_choices(&header, &["title=Nope".to_owned()])
            .expect_err("no such column");
        assert!(error.contains("“Chinese Entity”"), "{error}");
        let remembered = columns.by_name(&header);
        assert_eq!(
            Columns::from_names(&header, &remembered).roles,
            columns.roles
        );
    }
}

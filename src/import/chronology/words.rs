//! The words a chronology's cells use for months, Bilateral's domains and its stances, in
//! English and a few other languages. Matching ignores case and accents; a value that is
//! none of these words is reported, never guessed.

use crate::data::country::name_key;
use crate::data::{Domain, Stance};

/// Month names and their usual abbreviations: English, French, German, Spanish, Russian
/// (nominative and genitive).
const MONTHS: [&[&str]; 12] = [
    &[
        "january",
        "jan",
        "janvier",
        "janv",
        "januar",
        "janner",
        "enero",
        "ene",
        "январь",
        "января",
        "янв",
    ],
    &[
        "february",
        "feb",
        "fevrier",
        "fevr",
        "fev",
        "februar",
        "febrero",
        "февраль",
        "февраля",
        "фев",
    ],
    &[
        "march",
        "mar",
        "mars",
        "marz",
        "maerz",
        "mrz",
        "marzo",
        "март",
        "марта",
    ],
    &[
        "april",
        "apr",
        "avril",
        "avr",
        "abril",
        "abr",
        "апрель",
        "апреля",
        "апр",
    ],
    &["may", "mai", "mayo", "май", "мая"],
    &[
        "june", "jun", "juin", "juni", "junio", "июнь", "июня", "июн",
    ],
    &[
        "july", "jul", "juillet", "juil", "juli", "julio", "июль", "июля", "июл",
    ],
    &[
        "august",
        "aug",
        "aout",
        "agosto",
        "ago",
        "август",
        "августа",
        "авг",
    ],
    &[
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setiembre",
        "сентябрь",
        "сентября",
        "сен",
    ],
    &[
        "october",
        "oct",
        "octobre",
        "oktober",
        "okt",
        "octubre",
        "октябрь",
        "октября",
        "окт",
    ],
    &[
        "november",
        "nov",
        "novembre",
        "noviembre",
        "ноябрь",
        "ноября",
        "ноя",
    ],
    &[
        "december",
        "dec",
        "decembre",
        "dezember",
        "dez",
        "diciembre",
        "dic",
        "декабрь",
        "декабря",
        "дек",
    ],
];

/// The month (1–12) `word` names, ignoring case, accents and a final dot.
pub(crate) fn month_number(word: &str) -> Option<u8> {
    let key = name_key(word.trim_end_matches('.'));
    MONTHS
        .iter()
        .position(|names| names.contains(&key.as_str()))
        .and_then(|index| u8::try_from(index + 1).ok())
}

/// Words read as each domain: its own name, in English and other languages, and the
/// few other words that mean nothing else (docs/importing.md lists them).
const DOMAIN_WORDS: [(Domain, &[&str]); 9] = [
    (
        Domain::Military,
        &[
            "military",
            "defence",
            "defense",
            "arms",
            "army",
            "navy",
            "air force",
            "armed forces",
            "weapons",
            "militaire",
            "militar",
            "militär",
            "военное",
            "военная",
            "военный",
        ],
    ),
    (
        Domain::Security,
        &[
            "security",
            "terrorism",
            "counterterrorism",
            "intelligence",
            "securite",
            "sicherheit",
            "seguridad",
            "безопасность",
        ],
    ),
    (
        Domain::Energy,
        &[
            "energy",
            "oil",
            "gas",
            "oil and gas",
            "electricity",
            "power",
            "energie",
            "energia",
            "энергетика",
        ],
    ),
    (
        Domain::Nuclear,
        &[
            "nuclear",
            "atomic",
            "nucleaire",
            "nuklear",
            "atom",
            "ядерная",
            "ядерный",
        ],
    ),
    (
        Domain::Trade,
        &[
            "trade",
            "commerce",
            "economy",
            "economic",
            "exports",
            "imports",
            "handel",
            "comercio",
            "торговля",
        ],
    ),
    (
        Domain::Finance,
        &[
            "finance",
            "financial",
            "banking",
            "investment",
            "finances",
            "finanzen",
            "finanzas",
            "финансы",
        ],
    ),
    (
        Domain::Transport,
        &[
            "transport",
            "transportation",
            "logistics",
            "rail",
            "railway",
            "shipping",
            "aviation",
            "transports",
            "verkehr",
            "transporte",
            "транспорт",
        ],
    ),
    (
        Domain::Diplomacy,
        &[
            "diplomacy",
            "diplomatic",
            "politics",
            "political",
            "visit",
            "visits",
            "summit",
            "diplomatie",
            "diplomacia",
            "дипломатия",
            "политика",
        ],
    ),
    (
        Domain::Technology,
        &[
            "technology",
            "tech",
            "space",
            "science",
            "cyber",
            "technologie",
            "tecnologia",
            "технологии",
        ],
    ),
];

/// Words read as each stance.
const STANCE_WORDS: [(Stance, &[&str]); 4] = [
    (
        Stance::Cooperation,
        &[
            "cooperation",
            "co operation",
            "cooperative",
            "cooperate",
            "positive",
            "partnership",
            "agreement",
            "friendly",
            "+",
            "cooperacion",
            "zusammenarbeit",
            "сотрудничество",
        ],
    ),
    (
        Stance::Divergence,
        &[
            "divergence",
            "conflict",
            "negative",
            "tension",
            "tensions",
            "dispute",
            "rivalry",
            "confrontation",
            "hostile",
            "-",
            "conflit",
            "konflikt",
            "conflicto",
            "конфликт",
            "противоречие",
        ],
    ),
    (
        Stance::Mixed,
        &[
            "mixed",
            "both",
            "ambivalent",
            "ambiguous",
            "mixte",
            "gemischt",
            "mixto",
        ],
    ),
    (
        Stance::Context,
        &[
            "context",
            "neutral",
            "background",
            "contexte",
            "kontext",
            "contexto",
            "контекст",
        ],
    ),
];

/// The key a cell's word is matched by: lower case, no accents, punctuation as spaces
/// (but `+` and `-` alone kept, as stances).
fn word_key(text: &str) -> String {
    let text = text.trim();
    if text == "+" || text == "-" {
        return text.to_owned();
    }
    name_key(text)
}

/// The domains a cell names (`Energy`, `energy; finance`), and the parts that name none.
pub(crate) fn domains_in(cell: &str) -> (Vec<Domain>, Vec<String>) {
    let mut domains = Vec::new();
    let mut unknown = Vec::new();
    for part in split_values(cell) {
        let key = word_key(part);
        match DOMAIN_WORDS
            .iter()
            .find(|(_, words)| words.iter().any(|w| name_key(w) == key))
        {
            Some((domain, _)) if !domains.contains(domain) => domains.push(*domain),
            Some(_) => {}
            None => unknown.push(part.to_owned()),
        }
    }
    (domains, unknown)
}

/// The stance a cell names, if it is one of the stance words.
pub(crate) fn stance_of(cell: &str) -> Option<Stance> {
    let key = word_key(cell);
    STANCE_WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| word_key(w) == key))
        .map(|(stance, _)| *stance)
}

/// The values of a cell that holds several, separated by `;`, `,`, `/` or `|`.
pub(crate) fn split_values(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([';', ',', '/', '|'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_read_in_several_languages_and_abbreviations() {
        for (word, month) in [
            ("Aug", 8),
            ("August", 8),
            ("aug.", 8),
            ("août", 8),
            ("März", 3),
            ("marzo", 3),
            ("марта", 3),
            ("Sept", 9),
            ("décembre", 12),
        ] {
            assert_eq!(month_number(word), Some(month), "{word}");
        }
        assert_eq!(month_number("Augustus"), None);
    }

    #[test]
    fn domains_and_stances_are_matched_by_name_and_the_rest_is_listed() {
        assert_eq!(
            domains_in("Energy; Finance"),
            (vec![Domain::Energy, Domain::Finance], vec![])
        );
        assert_eq!(domains_in("Metals"), (vec![], vec!["Metals".to_owned()]));
        assert_eq!(domains_in("Sécurité"), (vec![Domain::Security], vec![]));
        assert_eq!(stance_of("Conflict"), Some(Stance::Divergence));
        assert_eq!(stance_of("+"), Some(Stance::Cooperation));
        assert_eq!(stance_of("meh"), None);
    }
}

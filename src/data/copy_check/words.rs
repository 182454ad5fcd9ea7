//! The words the copy check compares: lower case, without punctuation, in American spelling,
//! each marked when the text wrote it as part of a name or a figure.

/// Words too common to be evidence of copying on their own. A near feature needs two words
/// outside this list, and a copied stretch does not begin or end with one.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "also", "an", "and", "are", "as", "at", "be", "been", "before",
    "between", "but", "by", "during", "for", "from", "had", "has", "have", "her", "his", "in",
    "into", "is", "it", "its", "no", "not", "of", "on", "or", "over", "so", "such", "than", "that",
    "the", "their", "then", "there", "these", "this", "those", "to", "under", "was", "were",
    "which", "while", "who", "whom", "whose", "with",
];

/// Lower-case words that join the parts of one name, as in "Jabhat al-Nusra" (stopwords do
/// too, as in "Organisation of Islamic Cooperation").
const NAME_JOINERS: &[&str] = &["al", "bin", "ibn", "de", "el"];

/// British spellings (and a few variants) mapped to the American ones; everything else
/// ending in -ise/-ised/-ises/-ising/-isation is mapped to -iz- by rule.
const SPELLING: &[(&str, &str)] = &[
    ("neighbour", "neighbor"),
    ("neighbours", "neighbors"),
    ("neighbouring", "neighboring"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("favour", "favor"),
    ("favours", "favors"),
    ("favoured", "favored"),
    ("favourable", "favorable"),
    ("honour", "honor"),
    ("labour", "labor"),
    ("colour", "color"),
    ("colourful", "colorful"),
    ("behaviour", "behavior"),
    ("endeavour", "endeavor"),
    ("harbour", "harbor"),
    ("armour", "armor"),
    ("rumour", "rumor"),
    ("vigour", "vigor"),
    ("centre", "center"),
    ("centres", "centers"),
    ("metre", "meter"),
    ("kilometre", "kilometer"),
    ("kilometres", "kilometers"),
    ("theatre", "theater"),
    ("travelled", "traveled"),
    ("travelling", "traveling"),
    ("cancelled", "canceled"),
    ("fuelled", "fueled"),
    ("labelled", "labeled"),
    ("modelled", "modeled"),
    ("signalled", "signaled"),
    ("levelled", "leveled"),
    ("channelled", "channeled"),
    ("totalled", "totaled"),
    ("totalling", "totaling"),
    ("counselling", "counseling"),
    ("analyse", "analyze"),
    ("analysed", "analyzed"),
    ("paralyse", "paralyze"),
    ("manoeuvre", "maneuver"),
    ("manoeuvring", "maneuvering"),
    ("sceptical", "skeptical"),
    ("judgement", "judgment"),
    ("towards", "toward"),
    ("afterwards", "afterward"),
    ("grey", "gray"),
    ("catalogue", "catalog"),
];

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// Lower case, without apostrophes, in American spelling.
    pub(crate) text: String,
    /// Written with a capital or a digit first (and not a stopword such as a sentence's
    /// first "The"): part of a name, a title or a figure.
    pub(crate) name: bool,
}

/// The words of `text`. Dashes and slashes split words, apostrophes do not, "U.S." is one
/// word and "per cent" is "percent".
pub(crate) fn tokens(text: &str) -> Vec<Word> {
    let text = text.replace(['\u{2019}', '\u{2018}', '\u{02bc}'], "'");
    let text = replace_ignoring_case(&text, "u.s.", "us");
    let text = replace_ignoring_case(&text, "u.k.", "uk");
    let text = replace_ignoring_case(&text, "per cent", "percent");
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|piece| piece.replace('\'', ""))
        .filter_map(|piece| {
            let first = piece.chars().next()?;
            let text = american(&piece.to_lowercase());
            let name = (first.is_uppercase() || first.is_numeric()) && !is_stopword(&text);
            Some(Word { text, name })
        })
        .collect()
}

/// The words of `text` without their marks.
pub(crate) fn words(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|word| word.text).collect()
}

/// Whether `word` (already normalised) is a stopword.
pub(crate) fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

/// For each word, whether it belongs to a name: a name word, or a stopword or joiner
/// standing between two name words ("Organisation of Islamic Cooperation" is one name).
pub(crate) fn in_names(words: &[Word]) -> Vec<bool> {
    let mut marks: Vec<bool> = words.iter().map(|word| word.name).collect();
    let mut last_name: Option<usize> = None;
    for (index, word) in words.iter().enumerate() {
        if word.name {
            if let Some(previous) = last_name {
                marks[previous + 1..index].fill(true);
            }
            last_name = Some(index);
        } else if !(is_stopword(&word.text) || NAME_JOINERS.contains(&word.text.as_str())) {
            last_name = None;
        }
    }
    marks
}

/// `text` with every `from` (ASCII, lower case) replaced by `to` whatever its case, keeping
/// a capital first letter.
fn replace_ignoring_case(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest
        .as_bytes()
        .windows(from.len())
        .position(|window| window.eq_ignore_ascii_case(from.as_bytes()))
    {
        out.push_str(&rest[..at]);
        if rest.as_bytes()[at].is_ascii_uppercase() {
            out.push_str(&to[..1].to_ascii_uppercase());
            out.push_str(&to[1..]);
        } else {
            out.push_str(to);
        }
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    out
}

/// `word` (lower case) in American spelling.
fn american(word: &str) -> String {
    if let Some((_, us)) = SPELLING.iter().find(|(uk, _)| *uk == word) {
        return (*us).to_owned();
    }
    for (uk, us) in [
        ("isations", "izations"),
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
    ] {
        if let Some(stem) = word.strip_suffix(uk)
            && stem.len() >= 3
        {
            return format!("{stem}{us}");
        }
    }
    word.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_set_aside_case_punctuation_and_british_spelling() {
        assert_eq!(
            words("The U.S. Defence programme—a good Neighbour’s centre, organised!"),
            [
                "the",
                "us",
                "defense",
                "program",
                "a",
                "good",
                "neighbors",
                "center",
                "organized"
            ]
        );
        assert_eq!(words("Organisation"), words("organization"));
        assert_eq!(words("17 per cent"), words("17 percent"));
        assert_eq!(words("17 Per Cent"), words("17 percent"));
    }

    #[test]
    fn names_and_figures_are_marked_and_a_first_stopword_is_not() {
        let marked: Vec<bool> = tokens("The U.S. port of Varnholm moved 1,250 tonnes")
            .iter()
            .map(|word| word.name)
            .collect();
        assert_eq!(
            marked,
            [false, true, false, false, true, false, true, true, false]
        );
    }

    #[test]
    fn a_name_with_small_words_inside_is_one_name() {
        let words = tokens("the Northern Grain Exchange of Varnholm sets prices");
        assert_eq!(
            in_names(&words),
            [false, true, true, true, true, true, false, false]
        );
        let words = tokens("Varnholm and Ostrava, their ports");
        assert_eq!(in_names(&words), [true, true, true, false, false]);
        let words = tokens("Jabhat al-Nusra of the north");
        assert_eq!(in_names(&words), [true, true, true, false, false, false]);
    }
}

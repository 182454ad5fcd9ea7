//! What a pass over event files keeps for a pair: per month and direction, the events by
//! quad class with the sums behind mean Goldstein score and mean tone, and the few events
//! most covered (by mentions, then articles), one per news article.

use std::collections::{BTreeMap, HashMap};

use crate::data::PartialDate;
use crate::data::country::CountryId;

use super::cameo::Quad;

/// One event as a machine coded it, kept as a candidate for the timeline.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CodedEvent {
    /// The event's id in its data set (GDELT's `GLOBALEVENTID`, ICEWS's `Event ID`).
    pub(crate) id: String,
    /// The day it happened, as coded.
    pub(crate) date: PartialDate,
    /// The two actors' names as coded (`UNITED STATES`, `Government (Russia)`).
    pub(crate) actors: [String; 2],
    /// The two actors' countries: the first acts on the second.
    pub(crate) countries: [CountryId; 2],
    /// The CAMEO event code, as text with its leading zeros (`051`).
    pub(crate) code: String,
    /// The quad class.
    pub(crate) quad: Quad,
    /// The Goldstein score (GDELT) or intensity (ICEWS), −10 to 10.
    pub(crate) goldstein: Option<f64>,
    /// GDELT's average tone of the articles.
    pub(crate) tone: Option<f64>,
    /// GDELT's mentions; for ICEWS, the records of the same action on the same day.
    pub(crate) mentions: u32,
    /// GDELT's sources (outlets).
    pub(crate) sources: u32,
    /// GDELT's articles.
    pub(crate) articles: u32,
    /// The article it was coded from (GDELT's `SOURCEURL`), when given.
    pub(crate) url: Option<String>,
    /// Who published the story (ICEWS's `Publisher`), when given.
    pub(crate) publisher: Option<String>,
    /// The index of its file among those read.
    pub(crate) file: usize,
    /// Its line in that file.
    pub(crate) line: u64,
}

impl CodedEvent {
    /// Most covered first: mentions, then articles, then the lower id.
    fn coverage_key(&self) -> (std::cmp::Reverse<u32>, std::cmp::Reverse<u32>, &str) {
        (
            std::cmp::Reverse(self.mentions),
            std::cmp::Reverse(self.articles),
            self.id.as_str(),
        )
    }

    /// The key events are told apart by: their article, or their id when they have none.
    fn article_key(&self) -> String {
        self.url
            .clone()
            .unwrap_or_else(|| format!("id {}", self.id))
    }
}

/// The events of one direction in one month.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Cell {
    /// Events by quad class, in [`Quad::ALL`] order.
    pub(crate) by_quad: [u64; 4],
    /// The sum of the Goldstein scores given, and how many were given.
    pub(crate) goldstein: (f64, u64),
    /// The sum of the average tones given, and how many were given.
    pub(crate) tone: (f64, u64),
}

impl Cell {
    /// Events counted.
    pub(crate) fn events(&self) -> u64 {
        self.by_quad.iter().sum()
    }

    /// Adds `other`'s events.
    pub(crate) fn add(&mut self, other: &Self) {
        for (mine, theirs) in self.by_quad.iter_mut().zip(other.by_quad) {
            *mine += theirs;
        }
        self.goldstein.0 += other.goldstein.0;
        self.goldstein.1 += other.goldstein.1;
        self.tone.0 += other.tone.0;
        self.tone.1 += other.tone.1;
    }
}

/// The month of an event: year, month (1–12), and direction (0: the pair's first country
/// acts on the second; 1: the other way).
pub(crate) type MonthKey = (usize, i32, u8);

/// What was kept of the pair's events.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PairTally {
    /// Events by direction and month.
    pub(crate) months: BTreeMap<MonthKey, Cell>,
    /// The best-covered events seen, one per article.
    top: HashMap<String, CodedEvent>,
    /// How many events [`Self::top`] must be able to give.
    wanted: usize,
}

impl PairTally {
    /// A tally keeping the `wanted` best-covered events.
    pub(crate) fn new(wanted: usize) -> Self {
        Self {
            wanted,
            ..Self::default()
        }
    }

    /// Counts one event of direction `direction` dated `year`-`month`.
    pub(crate) fn count(
        &mut self,
        direction: usize,
        (year, month): (i32, u8),
        quad: Quad,
        goldstein: Option<f64>,
        tone: Option<f64>,
    ) {
        let cell = self.months.entry((direction, year, month)).or_default();
        cell.by_quad[quad.index()] += 1;
        if let Some(score) = goldstein {
            cell.goldstein.0 += score;
            cell.goldstein.1 += 1;
        }
        if let Some(tone) = tone {
            cell.tone.0 += tone;
            cell.tone.1 += 1;
        }
    }

    /// Offers an event for the timeline: kept when it is among the best covered, and
    /// better covered than what is kept of its article.
    pub(crate) fn offer(&mut self, event: CodedEvent) {
        if self.wanted == 0 {
            return;
        }
        let key = event.article_key();
        match self.top.get(&key) {
            Some(kept) if kept.coverage_key() <= event.coverage_key() => return,
            _ => {}
        }
        self.top.insert(key, event);
        if self.top.len() > 4 * self.wanted {
            let mut kept: Vec<(String, CodedEvent)> = self.top.drain().collect();
            kept.sort_by(|a, b| a.1.coverage_key().cmp(&b.1.coverage_key()));
            kept.truncate(2 * self.wanted);
            self.top = kept.into_iter().collect();
        }
    }

    /// Adds what `other` (a later file) kept.
    pub(crate) fn merge(&mut self, other: Self) {
        for (key, cell) in &other.months {
            self.months.entry(*key).or_default().add(cell);
        }
        for event in other.top.into_values() {
            self.offer(event);
        }
    }

    /// Events counted in all.
    pub(crate) fn events(&self) -> u64 {
        self.months.values().map(Cell::events).sum()
    }

    /// The `wanted` best-covered events, best first.
    pub(crate) fn best(&self) -> Vec<&CodedEvent> {
        let mut best: Vec<&CodedEvent> = self.top.values().collect();
        best.sort_by(|a, b| a.coverage_key().cmp(&b.coverage_key()));
        best.truncate(self.wanted);
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: &str, mentions: u32, url: &str) -> CodedEvent {
        CodedEvent {
            id: id.into(),
            date: PartialDate::year(2018),
            actors: ["A".into(), "B".into()],
            countries: [CountryId(1), CountryId(2)],
            code: "042".into(),
            quad: Quad::VerbalCooperation,
            goldstein: Some(1.9),
            tone: None,
            mentions,
            sources: 1,
            articles: mentions,
            url: Some(url.into()),
            publisher: None,
            file: 0,
            line: 1,
        }
    }

    #[test]
    fn the_best_covered_events_are_kept_one_per_article_whatever_the_order() {
        let mut tally = PairTally::new(2);
        let mut other = PairTally::new(2);
        for n in 0..50 {
            let target = if n % 2 == 0 { &mut tally } else { &mut other };
            target.offer(event(&format!("{n}"), n, &format!("u{}", n % 10)));
        }
        tally.merge(other);
        let best: Vec<&str> = tally.best().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(best, ["49", "48"]);
    }

    #[test]
    fn cells_sum_events_and_means_count_only_scores_given() {
        let mut tally = PairTally::new(0);
        tally.count(0, (2018, 3), Quad::MaterialConflict, Some(-5.0), Some(-3.0));
        tally.count(0, (2018, 3), Quad::VerbalCooperation, None, Some(1.0));
        let cell = tally.months[&(0, 2018, 3)];
        assert_eq!(cell.by_quad, [1, 0, 0, 1]);
        assert_eq!(cell.goldstein, (-5.0, 1));
        assert_eq!(cell.tone, (-2.0, 2));
        assert_eq!(tally.events(), 2);
    }
}

//! The dataset model: what a Bilateral dataset holds, with no UI and no I/O.
//!
//! The JSON format (version 1) is exactly these types through serde; see
//! `docs/dataset-format.md` and the generated `docs/dataset.schema.json`.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::basis::Basis;
use super::standing::StandingFact;

/// The dataset format version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole dataset: one country pair, its sources and everything cited from them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// What the dataset is about and which format version it uses.
    pub metadata: Metadata,
    /// Every work cited by the records below.
    pub sources: Vec<Source>,
    /// Numeric series over years: trade turnover, FDI, loans, and the like.
    #[serde(default)]
    pub series: Vec<Series>,
    /// Dated events.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Facts the sources state as standing, without a date of their own, dated "as of".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub standing_facts: Vec<StandingFact>,
    /// Points on the map: bases, ports, facilities, crossings.
    #[serde(default)]
    pub places: Vec<Place>,
    /// Routes made of waypoints, each segment with a status.
    #[serde(default)]
    pub corridors: Vec<Corridor>,
    /// Countries or regions where the two parties cooperate or diverge.
    #[serde(default)]
    pub areas: Vec<Area>,
    /// An ordered walk through the data for presenter mode; optional.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub story: Vec<Slide>,
}

/// Which view a slide shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SlideView {
    /// The trade chart.
    Trade,
    /// The map.
    Map,
    /// The timeline.
    Timeline,
    /// The events list.
    Events,
    /// The sources.
    Sources,
}

/// One step of a story: a view, a year or span, a selection, filters and a caption.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Slide {
    /// Shown above the caption.
    pub title: String,
    /// The view the slide shows.
    pub view: SlideView,
    /// The year every view is set to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The span the timeline shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<YearSpan>,
    /// An event id to select.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<String>,
    /// Domains left on (empty: all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<Domain>,
    /// Stances left on (empty: all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stances: Vec<Stance>,
    /// A sentence or two for the audience, paraphrased from the sources.
    pub caption: String,
    /// Ids of the sources behind the caption.
    pub sources: Vec<String>,
}

/// What a dataset is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// The dataset format version; this build reads version 1.
    pub schema_version: u32,
    /// A short title, shown in the window title and on exports.
    pub title: String,
    /// The two parties of the relationship.
    pub parties: [Party; 2],
    /// A paragraph on what the dataset covers.
    #[serde(default)]
    pub description: String,
    /// When the dataset was last updated.
    pub updated: PartialDate,
}

/// One of the two states in the relationship.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// ISO 3166-1 alpha-2 code, such as `RU`.
    pub iso_alpha2: String,
    /// ISO 3166-1 alpha-3 code, such as `RUS`.
    pub iso_alpha3: String,
    /// ISO 3166-1 numeric code as three digits, such as `643`.
    pub iso_numeric: String,
    /// The common English name.
    pub name: String,
}

/// A cited work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Unique id that records cite.
    pub id: String,
    /// Author or authors, when the work names them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Title of the work.
    pub title: String,
    /// Publisher or outlet, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Publication date, as precise as known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Where the work can be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Anything a reader should know about the work or how it was cited.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Source {
    /// The full citation in one line: author, title, publisher, date.
    pub fn citation(&self) -> String {
        let mut parts = Vec::new();
        if let Some(author) = &self.author {
            parts.push(author.clone());
        }
        parts.push(format!("“{}”", self.title));
        if let Some(publisher) = &self.publisher {
            parts.push(publisher.clone());
        }
        if let Some(date) = &self.date {
            parts.push(date.to_string());
        }
        parts.join(", ")
    }
}

/// What a series measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SeriesKind {
    /// Total trade in both directions.
    TradeTurnover,
    /// Exports from the first party to the second.
    Exports,
    /// Imports of the first party from the second.
    Imports,
    /// Foreign direct investment.
    Fdi,
    /// Loans released or promised.
    Loans,
    /// Investment announced or discussed, not necessarily made.
    InvestmentPledged,
    /// A change in percent, as stated by a source.
    PercentChange,
    /// Anything else that is counted over years.
    Other,
}

impl SeriesKind {
    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            Self::TradeTurnover => "trade turnover",
            Self::Exports => "exports",
            Self::Imports => "imports",
            Self::Fdi => "foreign direct investment",
            Self::Loans => "loans",
            Self::InvestmentPledged => "investment announced or discussed",
            Self::PercentChange => "percent change",
            Self::Other => "other",
        }
    }
}

/// A numeric series over years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// Unique id; imported files merge into the series with the same id.
    pub id: String,
    /// Legend label.
    pub label: String,
    /// Unit of every value, such as `USD bn`, `%` or `km`.
    pub unit: String,
    /// What the series measures.
    pub kind: SeriesKind,
    /// Which party reports or which direction, in words, when it matters.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Observations; several sources may give a value for the same year.
    pub points: Vec<Point>,
}

/// One observation of a series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// Calendar year of the observation.
    pub year: i32,
    /// The value as reported; absent when a source gives only a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// A range, when the source reports the value as one (`low` to `high`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<ValueRange>,
    /// True when the source gives the value as approximate ("about", "some").
    #[serde(default, skip_serializing_if = "is_false")]
    pub approximate: bool,
    /// Ids of the sources that give this value.
    pub sources: Vec<String>,
    /// Context for the value: conversions, caveats, disagreements.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Point {
    /// The value to plot: the reported value, or the middle of a reported range.
    pub fn plotted_value(&self) -> Option<f64> {
        self.value
            .or_else(|| self.range.map(|range| (range.low + range.high) / 2.0))
    }
}

/// A value reported as a range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValueRange {
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// Fields of the relationship a record belongs to.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    /// Armed forces, arms sales, bases.
    Military,
    /// Intelligence, surveillance, counter-terrorism, policing.
    Security,
    /// Oil, gas and their markets.
    Energy,
    /// Nuclear power and the nuclear programme.
    Nuclear,
    /// Trade in goods and services.
    Trade,
    /// Loans, banking, payments, investment, sanctions finance.
    Finance,
    /// Rail, road, sea and air routes.
    Transport,
    /// Treaties, summits, organisations, mediation.
    Diplomacy,
    /// Science, cyber and other technology.
    Technology,
}

impl Domain {
    /// Every domain, in display order.
    pub const ALL: [Self; 9] = [
        Self::Military,
        Self::Security,
        Self::Energy,
        Self::Nuclear,
        Self::Trade,
        Self::Finance,
        Self::Transport,
        Self::Diplomacy,
        Self::Technology,
    ];

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Military => "military",
            Self::Security => "security",
            Self::Energy => "energy",
            Self::Nuclear => "nuclear",
            Self::Trade => "trade",
            Self::Finance => "finance",
            Self::Transport => "transport",
            Self::Diplomacy => "diplomacy",
            Self::Technology => "technology",
        }
    }
}

/// How the two parties stand towards each other in a record.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// They work together.
    Cooperation,
    /// Their interests or actions pull apart.
    Divergence,
    /// Both at once.
    Mixed,
    /// Background that is neither.
    Context,
}

impl Stance {
    /// Every stance, in display order.
    pub const ALL: [Self; 4] = [
        Self::Cooperation,
        Self::Divergence,
        Self::Mixed,
        Self::Context,
    ];

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Cooperation => "cooperation",
            Self::Divergence => "divergence",
            Self::Mixed => "mixed",
            Self::Context => "context",
        }
    }
}

/// A dated event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Unique id.
    pub id: String,
    /// When it happened, as precise as the sources say (`1813`, `2016-08`, `2024-01-24`).
    pub date: PartialDate,
    /// For something that lasted: when it ended, as precise as known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<PartialDate>,
    /// A short title.
    pub title: String,
    /// A sentence or two, paraphrased from the sources.
    pub summary: String,
    /// Fields the event belongs to.
    pub domains: Vec<Domain>,
    /// How the parties stand in it.
    pub stance: Stance,
    /// Ids of places involved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// Ids of the sources that report it.
    pub sources: Vec<String>,
}

impl Event {
    /// When it happened, for people: `2016-08`, `2015-09 – 2016-03`, `c. 2000`.
    pub fn when(&self) -> String {
        match self.end_date {
            Some(end) => format!("{} – {}", self.date, end),
            None => self.date.to_string(),
        }
    }

    /// Whether the sources give its start or its end only roughly.
    pub fn dated_roughly(&self) -> bool {
        self.date.approximate || self.end_date.is_some_and(|end| end.approximate)
    }
}

/// What kind of place a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A military air base.
    AirBase,
    /// A naval base.
    NavalBase,
    /// A commercial port.
    Port,
    /// A city or capital.
    City,
    /// A nuclear facility.
    NuclearFacility,
    /// Another facility: a plant, a factory.
    Facility,
    /// A border crossing.
    BorderCrossing,
    /// A region, marked at a representative point.
    Region,
    /// A sea, marked at a representative point.
    Sea,
}

impl PlaceKind {
    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            Self::AirBase => "air base",
            Self::NavalBase => "naval base",
            Self::Port => "port",
            Self::City => "city",
            Self::NuclearFacility => "nuclear facility",
            Self::Facility => "facility",
            Self::BorderCrossing => "border crossing",
            Self::Region => "region",
            Self::Sea => "sea",
        }
    }
}

/// Inclusive years in which a record was active; `to` absent means still active.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearSpan {
    /// First year.
    pub from: i32,
    /// Last year, if it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<i32>,
    /// The sources give these years only roughly ("early 2000s", "soon after"); shown as "c.".
    #[serde(default, skip_serializing_if = "is_false")]
    pub approximate: bool,
}

impl YearSpan {
    /// The years `from` through `to` (open-ended without `to`), as the sources state them.
    pub const fn new(from: i32, to: Option<i32>) -> Self {
        Self {
            from,
            to,
            approximate: false,
        }
    }

    /// Whether the span covers `year`.
    pub fn contains(&self, year: i32) -> bool {
        year >= self.from && self.to.is_none_or(|to| year <= to)
    }
}

impl fmt::Display for YearSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            write!(f, "c. ")?;
        }
        match self.to {
            Some(to) if to == self.from => write!(f, "{}", self.from),
            Some(to) => write!(f, "{}–{}", self.from, to),
            None => write!(f, "{}–", self.from),
        }
    }
}

/// A point on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Unique id.
    pub id: String,
    /// Name as shown on the map.
    pub name: String,
    /// What it is.
    pub kind: PlaceKind,
    /// Longitude in degrees east, WGS 84.
    pub lon: f64,
    /// Latitude in degrees north, WGS 84.
    pub lat: f64,
    /// Fields it matters for.
    pub domains: Vec<Domain>,
    /// How the parties stand there.
    pub stance: Stance,
    /// Years in which it was a site of the relationship.
    pub years: YearSpan,
    /// Where the years come from when the sources do not state them for this relationship.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years_basis: Option<Basis>,
    /// What happened there, in a sentence.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Ids of the sources that name it.
    pub sources: Vec<String>,
}

/// The state of one stretch of a corridor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SegmentStatus {
    /// In use.
    Operating,
    /// Being built.
    UnderConstruction,
    /// Needed for the route but not built.
    MissingLink,
    /// Agreed or proposed only.
    Planned,
}

impl SegmentStatus {
    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Operating => "operating",
            Self::UnderConstruction => "under construction",
            Self::MissingLink => "missing link",
            Self::Planned => "planned",
        }
    }
}

/// A named point of a corridor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Waypoint {
    /// Name of the town, port or crossing.
    pub name: String,
    /// Longitude in degrees east.
    pub lon: f64,
    /// Latitude in degrees north.
    pub lat: f64,
}

/// The stretch between two consecutive waypoints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    /// Its state.
    pub status: SegmentStatus,
    /// What the status rests on: the sources that state it, or general knowledge.
    pub basis: Basis,
    /// Mode or caveat, such as "by sea" or "the Rasht–Astara gap".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A route across the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Corridor {
    /// Unique id.
    pub id: String,
    /// Name shown on the map.
    pub name: String,
    /// Fields it matters for.
    pub domains: Vec<Domain>,
    /// How the parties stand on it.
    pub stance: Stance,
    /// Years in which it was part of the relationship.
    pub years: YearSpan,
    /// Where the years come from when the sources do not state them for this relationship.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years_basis: Option<Basis>,
    /// What it is, in a sentence or two.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Ordered points along the route; at least two.
    pub waypoints: Vec<Waypoint>,
    /// One entry per stretch between consecutive waypoints (waypoints − 1).
    pub segments: Vec<Segment>,
    /// Ids of the sources that describe it.
    pub sources: Vec<String>,
}

/// A country or region where the parties cooperate or diverge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Unique id.
    pub id: String,
    /// Name shown on the map.
    pub name: String,
    /// ISO 3166-1 numeric codes (three digits) of the countries it covers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// Or an outline as `[lon, lat]` pairs, for areas that are not whole countries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outline: Vec<[f64; 2]>,
    /// Fields it matters for.
    pub domains: Vec<Domain>,
    /// How the parties stand there.
    pub stance: Stance,
    /// Years in which it was an arena of the relationship.
    pub years: YearSpan,
    /// Where the years come from when the sources do not state them for this relationship.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years_basis: Option<Basis>,
    /// What happens there, in a sentence or two.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Ids of the sources that describe it.
    pub sources: Vec<String>,
}

/// A calendar date known to the year, the month or the day, and perhaps only roughly.
///
/// Written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a trailing `~` when the sources give it
/// only approximately (`2000~` for "the early 2000s"), as ISO 8601-2 (EDTF) does. Shown to
/// people as `c. 2000`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    /// Year (proleptic Gregorian).
    pub year: i32,
    /// Month 1–12, when known.
    pub month: Option<u8>,
    /// Day 1–31, when known (only with a month).
    pub day: Option<u8>,
    /// Only approximately this date.
    pub approximate: bool,
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePrecision {
    /// Only the year.
    Year,
    /// The year and the month.
    Month,
    /// The exact day.
    Day,
}

impl PartialDate {
    /// A date known only to the year.
    pub fn year(year: i32) -> Self {
        Self {
            year,
            month: None,
            day: None,
            approximate: false,
        }
    }

    /// The date as written in a dataset file: `2016-08`, or `2000~` when approximate.
    pub fn to_edtf(&self) -> String {
        let mut text = format!("{:04}", self.year);
        if let Some(month) = self.month {
            text.push_str(&format!("-{month:02}"));
            if let Some(day) = self.day {
                text.push_str(&format!("-{day:02}"));
            }
        }
        if self.approximate {
            text.push('~');
        }
        text
    }

    /// How precisely the date is known.
    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// The date as a fractional year at the start of its period (2016-07 → 2016.5).
    pub fn start_as_year_fraction(&self) -> f64 {
        let month_index = f64::from(self.month.unwrap_or(1).saturating_sub(1));
        let day_index = f64::from(self.day.unwrap_or(1).saturating_sub(1));
        f64::from(self.year) + month_index / 12.0 + day_index / 365.0
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, each with an optional trailing `~`.
    pub fn parse(text: &str) -> Result<Self, DateParseError> {
        let (exact, approximate) = match text.strip_suffix('~') {
            Some(exact) => (exact, true),
            None => (text, false),
        };
        let mut parts = exact.split('-');
        let year_text = parts.next().unwrap_or_default();
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DateParseError(text.to_owned()));
        }
        let year: i32 = year_text
            .parse()
            .map_err(|_| DateParseError(text.to_owned()))?;
        let month = parts
            .next()
            .map(|m| parse_two_digits(m, 1, 12, text))
            .transpose()?;
        let day = parts
            .next()
            .map(|d| parse_two_digits(d, 1, days_in_month(year, month.unwrap_or(1)), text))
            .transpose()?;
        if parts.next().is_some() {
            return Err(DateParseError(text.to_owned()));
        }
        Ok(Self {
            year,
            month,
            day,
            approximate,
        })
    }
}

fn parse_two_digits(part: &str, min: u8, max: u8, whole: &str) -> Result<u8, DateParseError> {
    if part.len() != 2 || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateParseError(whole.to_owned()));
    }
    let value: u8 = part.parse().map_err(|_| DateParseError(whole.to_owned()))?;
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(DateParseError(whole.to_owned()))
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date string that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD, with `~` after it if approximate"
)]
pub struct DateParseError(pub String);

/// For people: `2016-08`, or `c. 2000` when approximate. Files use [`PartialDate::to_edtf`].
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            write!(f, "c. ")?;
        }
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
            if let Some(day) = self.day {
                write!(f, "-{day:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_edtf())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A date known to the year, the month or the day: YYYY, YYYY-MM or YYYY-MM-DD; a trailing ~ marks it approximate (ISO 8601-2), as in 2000~ for the early 2000s.",
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?~?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_date_parses_each_precision_and_prints_it_back() {
        for text in ["1813", "2016-08", "2024-01-24"] {
            let date = PartialDate::parse(text).expect("valid date");
            assert_eq!(date.to_string(), text);
        }
        assert_eq!(
            PartialDate::parse("2016-08").map(|d| d.precision()),
            Ok(DatePrecision::Month)
        );
    }

    #[test]
    fn an_approximate_date_keeps_its_mark_in_files_and_reads_as_circa() {
        let date = PartialDate::parse("2000~").expect("valid approximate date");
        assert!(date.approximate);
        assert_eq!(date.precision(), DatePrecision::Year);
        assert_eq!(date.to_edtf(), "2000~");
        assert_eq!(date.to_string(), "c. 2000");
        assert_eq!(
            serde_json::to_string(&date).expect("serializes"),
            "\"2000~\""
        );
        assert!(!PartialDate::parse("2016-08").expect("valid").approximate);
        for text in ["~2000", "2000~~", "2000-~"] {
            assert!(
                PartialDate::parse(text).is_err(),
                "{text} should be refused"
            );
        }
    }

    #[test]
    fn partial_date_rejects_impossible_dates() {
        for text in [
            "",
            "16",
            "2016-13",
            "2016-00",
            "2023-02-29",
            "2016-8",
            "2016-08-01-01",
        ] {
            assert!(
                PartialDate::parse(text).is_err(),
                "{text} should be refused"
            );
        }
        assert!(PartialDate::parse("2024-02-29").is_ok());
    }

    #[test]
    fn year_span_without_end_stays_active() {
        let span = YearSpan::new(2016, None);
        assert!(!span.contains(2015));
        assert!(span.contains(2040));
        let closed = YearSpan::new(2016, Some(2016));
        assert!(closed.contains(2016) && !closed.contains(2017));
        assert_eq!(closed.to_string(), "2016");
        let rough = YearSpan {
            approximate: true,
            ..span
        };
        assert_eq!(rough.to_string(), "c. 2016–");
    }

    #[test]
    fn range_points_plot_at_their_middle_and_values_win() {
        let mut point = Point {
            year: 2016,
            value: None,
            range: Some(ValueRange {
                low: 35.0,
                high: 45.0,
            }),
            approximate: false,
            sources: vec!["a".into()],
            note: String::new(),
        };
        assert_eq!(point.plotted_value(), Some(40.0));
        point.value = Some(1.0);
        assert_eq!(point.plotted_value(), Some(1.0));
    }
}

//! Errors from reading a dataset: each names the file and, where there is one, the line and column.

use std::fmt;

use super::locate::TextPosition;

/// One thing wrong with a file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct LoadError {
    /// The file as the user named it (a path, or a label such as `built-in`).
    pub(crate) file: String,
    /// Where in the file, when the problem has a place.
    pub position: Option<TextPosition>,
    /// What is wrong.
    pub kind: LoadErrorKind,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some(position) => crate::display::safe_text::write_safe(
                f,
                format_args!(
                    "{}:{}:{}: {}",
                    self.file, position.line, position.column, self.kind
                ),
            ),
            None => crate::display::safe_text::write_safe(
                f,
                format_args!("{}: {}", self.file, self.kind),
            ),
        }
    }
}

/// What is wrong with a file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadErrorKind {
    /// The file could not be read.
    #[error("could not read the file: {0}")]
    Io(String),
    /// The file is larger than any dataset should be.
    #[error("the file is {size_mib} MiB; datasets larger than {limit_mib} MiB are refused")]
    TooLarge {
        /// Size of the file.
        size_mib: u64,
        /// The limit.
        limit_mib: u64,
    },
    /// The file's name says it is a format Bilateral does not read.
    #[error("`{0}` files are not a format Bilateral reads; expected a .json dataset")]
    UnsupportedFileType(String),
    /// The bytes are not UTF-8 text.
    #[error("the file is not UTF-8 text (is it a spreadsheet or an image?)")]
    NotUtf8,
    /// The text is not JSON.
    #[error("not valid JSON: {0}")]
    Syntax(String),
    /// The JSON does not have the shape of a dataset (a missing field, a wrong type, an unknown field).
    #[error("{0}")]
    Structure(String),
    /// The file declares a format version this build does not read.
    #[error(
        "schema_version {found} is not supported: this build of Bilateral reads version {supported}"
    )]
    UnsupportedVersion {
        /// The version in the file.
        found: String,
        /// The version this build reads.
        supported: u32,
    },
    /// The records do not hold together.
    #[error("{0}")]
    Invalid(#[from] Problem),
    /// The JSON is not GeoJSON (RFC 7946): a wrong or missing `type`, malformed
    /// coordinates, a ring that is not closed. The message names the JSON path.
    #[error("not valid GeoJSON: {0}")]
    GeoJson(String),
}

/// A dataset that parses but does not hold together.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// Two records in one list share an id.
    #[error("duplicate id `{id}` in {list}: ids must be unique")]
    DuplicateId {
        /// The list, such as `events`.
        list: &'static str,
        /// The id.
        id: String,
    },
    /// A record cites a source id that the dataset does not define.
    #[error("{record} cites source `{id}`, which is not in `sources`")]
    UnknownSource {
        /// The record, such as "series `trade` point 2010".
        record: String,
        /// The missing id.
        id: String,
    },
    /// An event names a place id that the dataset does not define.
    #[error("{record} names place `{id}`, which is not in `places`")]
    UnknownPlace {
        /// The record.
        record: String,
        /// The missing id.
        id: String,
    },
    /// A slide selects an event id that the dataset does not define.
    #[error("{record} selects event `{id}`, which is not in `events`")]
    UnknownEvent {
        /// The record.
        record: String,
        /// The missing id.
        id: String,
    },
    /// A record cites no source at all.
    #[error("{record} cites no source: every record needs at least one")]
    NoSource {
        /// The record.
        record: String,
    },
    /// A required text is empty.
    #[error("{record}: `{field}` must not be empty")]
    Empty {
        /// The record.
        record: String,
        /// The field.
        field: &'static str,
    },
    /// A point has neither a value nor a range.
    #[error("{record} has neither `value` nor `range`")]
    NoValue {
        /// The record.
        record: String,
    },
    /// A point's month above 12 or quarter above 4 (or 0).
    #[error("{record}: there is no such month or quarter (months run 1…12, quarters 1…4)")]
    NoSuchPeriod {
        /// The record.
        record: String,
    },
    /// A range whose low end is above its high end.
    #[error("{record}: range low {low} is above high {high}")]
    ReversedRange {
        /// The record.
        record: String,
        /// Low end.
        low: String,
        /// High end.
        high: String,
    },
    /// A longitude or latitude outside the globe.
    #[error("{record}: lon {lon}, lat {lat} is not on the globe (lon −180…180, lat −90…90)")]
    CoordinateOutOfRange {
        /// The record.
        record: String,
        /// Longitude.
        lon: String,
        /// Latitude.
        lat: String,
    },
    /// A slide's map frame whose width or height is not a positive number of km.
    #[error("{record}: the map's {field} must be more than 0 km")]
    BadMapExtent {
        /// The record.
        record: String,
        /// `width_km` or `height_km`.
        field: &'static str,
    },
    /// A span of years that ends before it starts.
    #[error("{record}: years run from {from} to {to}, which is backwards")]
    ReversedYears {
        /// The record.
        record: String,
        /// First year.
        from: i32,
        /// Last year.
        to: i32,
    },
    /// An event that ends before it starts.
    #[error("{record}: end_date {end} is before date {start}")]
    EndBeforeStart {
        /// The record.
        record: String,
        /// Start.
        start: String,
        /// End.
        end: String,
    },
    /// An event marked ongoing that also has an end date.
    #[error(
        "{record} is marked ongoing but has an end_date ({end}): an ongoing event has no end yet"
    )]
    OngoingWithEnd {
        /// The record.
        record: String,
        /// The end date given.
        end: String,
    },
    /// A corridor with fewer than two waypoints.
    #[error("{record} needs at least two waypoints, found {found}")]
    TooFewWaypoints {
        /// The record.
        record: String,
        /// How many there are.
        found: usize,
    },
    /// A corridor whose segment count does not match its waypoints.
    #[error("{record} has {waypoints} waypoints, so it needs {expected} segments, found {found}")]
    SegmentCount {
        /// The record.
        record: String,
        /// Waypoint count.
        waypoints: usize,
        /// Segments needed.
        expected: usize,
        /// Segments present.
        found: usize,
    },
    /// An area that is neither a list of countries nor an outline.
    #[error(
        "{record} needs `countries` (ISO 3166 numeric codes) or an `outline` of at least three points"
    )]
    AreaWithoutShape {
        /// The record.
        record: String,
    },
    /// Two files define the same id differently.
    #[error("`{id}` in {list} is defined differently in an earlier file")]
    Conflict {
        /// The list.
        list: &'static str,
        /// The id.
        id: String,
    },
    /// A standing fact refers to a record that the dataset does not define.
    #[error(
        "{record} refers to `{id}`, which is not a record: write `list/id`, as in `events/jcpoa` or `areas/syria`"
    )]
    UnknownReference {
        /// The record.
        record: String,
        /// The missing id.
        id: String,
    },
    /// Years marked approximate without saying where they come from.
    #[error(
        "{record}: its years are marked approximate, so `years_basis` must say where they come from (inferred, general knowledge, another relationship, or the sources that give them roughly)"
    )]
    RoughYearsWithoutBasis {
        /// The record.
        record: String,
    },
    /// Years taken from another relationship but not marked approximate.
    #[error(
        "{record}: its years are taken from another relationship, so `years.approximate` must be true"
    )]
    BorrowedYearsNotApproximate {
        /// The record.
        record: String,
    },
    /// An event placed somewhere that was not a site of the relationship at the time.
    #[error(
        "{record} names place `{place}` for {when}, but that place is a site only in {years}: `places` are where the event happened"
    )]
    PlaceOutsideItsYears {
        /// The event.
        record: String,
        /// The place id.
        place: String,
        /// When the event happened.
        when: String,
        /// The place's years.
        years: String,
    },
    /// An event placed somewhere that none of its own sources names.
    #[error(
        "{record} names place `{place}`, but the place cites none of the event's sources: the sources that report an event must name where it happened"
    )]
    PlaceNotInEventSources {
        /// The event.
        record: String,
        /// The place id.
        place: String,
    },
    /// A country code that is not three digits.
    #[error("{record}: `{code}` is not an ISO 3166-1 numeric code (three digits, such as \"760\")")]
    BadCountryCode {
        /// The record.
        record: String,
        /// The code.
        code: String,
    },
}

/// Every error found in one file; never empty.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadErrors(pub Vec<LoadError>);

impl LoadErrors {
    /// A single error.
    pub(crate) fn one(error: LoadError) -> Self {
        Self(vec![error])
    }

    /// The first error, which the UI shows in full.
    pub fn first(&self) -> Option<&LoadError> {
        self.0.first()
    }
}

impl fmt::Display for LoadErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, error) in self.0.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadErrors {}

//! Telling the layout of a trade table by its header row, not by the file's name.

use std::collections::HashMap;

use super::error::ImportErrorKind;
use super::numbers::parse_period;

/// The layouts Bilateral reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// UN Comtrade Plus "Get data" or API download (CSV or the portal's xlsx).
    ComtradePlus,
    /// UN Comtrade Plus bulk file: codes only, tab-separated, often inside `.gz`.
    ComtradePlusBulk,
    /// The old comtrade.un.org CSV (22 or 35 columns).
    ComtradeLegacy,
    /// IMF DOTS time series: one row per country, indicator, counterpart and attribute, periods across.
    ImfDotsTimeSeries,
    /// IMF DOTS panel: one row per country, counterpart and period, indicators across.
    ImfDotsPanel,
    /// IMF DOTS Excel table: counterparts down, periods across, flow in the sheet name.
    ImfDotsTable,
    /// IMF IMTS SDMX-CSV: one observation per row.
    ImfImtsSdmxCsv,
    /// IMF IMTS portal CSV: one series per row, periods across.
    ImfImtsWide,
    /// IMF IMTS SDMX-ML (XML) data message.
    ImfImtsSdmxMl,
    /// World Bank WITS trade summary: indicators down, years across.
    WitsSummary,
    /// World Bank WITS partner table (long or wide).
    WitsPartner,
    /// CEPII BACI year file (`t,i,j,k,v,q`).
    Baci,
    /// Bilateral's tidy CSV or spreadsheet (see docs/trade-import-format.md).
    Tidy,
    /// SIPRI trade register, classic layout (16 columns, one row per deal).
    SipriRegisterClassic,
    /// SIPRI trade register, new layout (17 columns, one row per deal and delivery year).
    SipriRegisterNew,
    /// SIPRI TIV table: arms exports or imports of each country by year.
    SipriTiv,
    /// UN General Assembly votes of Voeten, Bailey and Strezhnev (COW codes, 1/2/3/8/9).
    UnVotesVoeten,
    /// UN General Assembly votes as the `unvotes` package's CSV (ISO2, yes/no/abstain).
    UnVotesUnvotes,
    /// UN General Assembly votes as the UN Digital Library's bulk CSV (ISO3, Y/N/A/X).
    UnVotesUndl,
    /// UN General Assembly roll-call descriptions (dates, resolutions, issue codes).
    UnRollCalls,
    /// Ideal-point estimates from UN General Assembly votes.
    UnIdealPoints,
    /// GDELT 2.0 event export (61 tab-separated columns, no header).
    Gdelt2,
    /// GDELT 1.0 daily or historical event file (57 or 58 columns, no header).
    Gdelt1,
    /// ICEWS event file as published (tab-separated, names with spaces).
    IcewsTab,
    /// ICEWS events re-exported as CSV (names with underscores).
    IcewsCsv,
    /// An analyst's chronology of events (CSV or spreadsheet, any headers).
    Chronology,
}

impl Format {
    /// Every layout, in the order they are tried.
    pub(crate) const ALL: [Self; 26] = [
        Self::ComtradePlus,
        Self::ComtradePlusBulk,
        Self::ComtradeLegacy,
        Self::ImfDotsTimeSeries,
        Self::ImfDotsPanel,
        Self::ImfImtsSdmxCsv,
        Self::ImfImtsWide,
        Self::ImfImtsSdmxMl,
        Self::WitsSummary,
        Self::WitsPartner,
        Self::Baci,
        Self::Tidy,
        Self::ImfDotsTable,
        Self::SipriRegisterClassic,
        Self::SipriRegisterNew,
        Self::SipriTiv,
        Self::UnVotesVoeten,
        Self::UnVotesUnvotes,
        Self::UnVotesUndl,
        Self::UnRollCalls,
        Self::UnIdealPoints,
        Self::Gdelt2,
        Self::Gdelt1,
        Self::IcewsTab,
        Self::IcewsCsv,
        Self::Chronology,
    ];

    /// A name for people.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Self::ComtradePlus => "UN Comtrade Plus download",
            Self::ComtradePlusBulk => "UN Comtrade Plus bulk file",
            Self::ComtradeLegacy => "UN Comtrade legacy CSV",
            Self::ImfDotsTimeSeries => "IMF DOTS time series",
            Self::ImfDotsPanel => "IMF DOTS panel",
            Self::ImfDotsTable => "IMF DOTS table",
            Self::ImfImtsSdmxCsv => "IMF IMTS SDMX-CSV",
            Self::ImfImtsWide => "IMF IMTS portal CSV",
            Self::ImfImtsSdmxMl => "IMF IMTS SDMX-ML",
            Self::WitsSummary => "WITS trade summary",
            Self::WitsPartner => "WITS partner table",
            Self::Baci => "CEPII BACI",
            Self::Tidy => "tidy trade table",
            Self::SipriRegisterClassic => "SIPRI trade register (classic layout)",
            Self::SipriRegisterNew => "SIPRI trade register (new layout)",
            Self::SipriTiv => "SIPRI TIV table",
            Self::UnVotesVoeten => "UN votes (Voeten, Bailey and Strezhnev)",
            Self::UnVotesUnvotes => "UN votes (unvotes package CSV)",
            Self::UnVotesUndl => "UN votes (UN Digital Library CSV)",
            Self::UnRollCalls => "UN roll-call descriptions",
            Self::UnIdealPoints => "UN ideal-point estimates",
            Self::Gdelt2 => "GDELT 2.0 event export",
            Self::Gdelt1 => "GDELT 1.0 event file",
            Self::IcewsTab => "ICEWS events (.tab)",
            Self::IcewsCsv => "ICEWS events (CSV)",
            Self::Chronology => "chronology of events",
        }
    }

    /// The publisher, for the source record.
    pub(crate) fn publisher(self) -> &'static str {
        match self {
            Self::ComtradePlus | Self::ComtradePlusBulk | Self::ComtradeLegacy => {
                "United Nations Statistics Division (UN Comtrade)"
            }
            Self::ImfDotsTimeSeries | Self::ImfDotsPanel | Self::ImfDotsTable => {
                "International Monetary Fund (Direction of Trade Statistics)"
            }
            Self::ImfImtsSdmxCsv | Self::ImfImtsWide | Self::ImfImtsSdmxMl => {
                "International Monetary Fund (International Merchandise Trade Statistics)"
            }
            Self::WitsSummary | Self::WitsPartner => "World Bank (WITS)",
            Self::Baci => "CEPII (BACI)",
            Self::Tidy | Self::Chronology => "as stated in the file",
            Self::SipriRegisterClassic | Self::SipriRegisterNew | Self::SipriTiv => {
                "Stockholm International Peace Research Institute (SIPRI)"
            }
            Self::UnVotesVoeten | Self::UnRollCalls | Self::UnIdealPoints => {
                "Voeten, Bailey and Strezhnev (Harvard Dataverse)"
            }
            Self::UnVotesUnvotes => "R package unvotes",
            Self::UnVotesUndl => "United Nations Digital Library",
            Self::Gdelt2 | Self::Gdelt1 => "The GDELT Project",
            Self::IcewsTab | Self::IcewsCsv => "Integrated Crisis Early Warning System (ICEWS)",
        }
    }

    /// Whether the layout holds votes, whose pairs are countries that voted in the same
    /// roll calls (or sessions) rather than trade partners.
    pub(crate) fn is_votes(self) -> bool {
        matches!(
            self,
            Self::UnVotesVoeten | Self::UnVotesUnvotes | Self::UnVotesUndl | Self::UnIdealPoints
        )
    }

    /// Whether the layout holds machine-coded events (GDELT, ICEWS), whose pairs are an
    /// actor's country and the country it acts on.
    pub(crate) fn is_events(self) -> bool {
        matches!(
            self,
            Self::Gdelt2 | Self::Gdelt1 | Self::IcewsTab | Self::IcewsCsv
        )
    }

    /// The list of known layouts, for the "unknown layout" message.
    pub(crate) fn known_list() -> String {
        let names: Vec<&str> = Self::ALL.iter().map(|f| f.label()).collect();
        names.join(", ")
    }
}

/// A header row, with names matched ignoring case and surrounding spaces.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Header {
    /// The names as written.
    pub(crate) names: Vec<String>,
    keys: HashMap<String, usize>,
}

impl Header {
    /// A header from its names.
    pub(crate) fn new(names: Vec<String>) -> Self {
        let mut keys = HashMap::new();
        for (index, name) in names.iter().enumerate() {
            keys.entry(key(name)).or_insert(index);
        }
        Self { names, keys }
    }

    /// The column named `name` (any case).
    pub(crate) fn find(&self, name: &str) -> Option<usize> {
        self.keys.get(&key(name)).copied()
    }

    /// Whether every name is present.
    pub(crate) fn has_all(&self, names: &[&str]) -> bool {
        names.iter().all(|name| self.find(name).is_some())
    }

    /// The column `name`, or the error that the layout needs it.
    pub(crate) fn require(
        &self,
        format: Format,
        name: &'static str,
    ) -> Result<usize, ImportErrorKind> {
        self.find(name).ok_or(ImportErrorKind::MissingColumn {
            format: format.label(),
            column: name,
        })
    }

    /// How many names, not counting empty names at the end (a trailing comma).
    pub(crate) fn width(&self) -> usize {
        self.names
            .iter()
            .rposition(|name| !name.trim().is_empty())
            .map_or(0, |last| last + 1)
    }

    /// Columns whose name is a period (`2014`, `2020M01`), with the period's text.
    pub(crate) fn period_columns(&self) -> Vec<(usize, String)> {
        self.names
            .iter()
            .enumerate()
            .filter(|(_, name)| parse_period(name.as_bytes()).is_some())
            .map(|(index, name)| (index, name.trim().to_owned()))
            .collect()
    }
}

fn key(name: &str) -> String {
    name.trim().trim_start_matches('\u{feff}').to_lowercase()
}

/// The layout whose header this is, if any. Spreadsheet-only layouts need `in_sheet`.
pub(crate) fn detect(header: &Header, in_sheet: bool) -> Option<Format> {
    let has = |names: &[&str]| header.has_all(names);
    if has(&["primaryValue", "reporterCode", "partnerCode", "flowCode"]) {
        return Some(if header.find("reporterISO").is_some() {
            Format::ComtradePlus
        } else {
            Format::ComtradePlusBulk
        });
    }
    if has(&[
        "Trade Flow Code",
        "Reporter Code",
        "Partner Code",
        "Trade Value (US$)",
    ]) {
        return Some(Format::ComtradeLegacy);
    }
    if has(&[
        "Country Code",
        "Counterpart Country Code",
        "Indicator Code",
        "Attribute",
    ]) {
        return Some(Format::ImfDotsTimeSeries);
    }
    if has(&["Country Code", "Counterpart Country Code", "Time Period"]) {
        return Some(Format::ImfDotsPanel);
    }
    if has(&[
        "COUNTRY",
        "INDICATOR",
        "COUNTERPART_COUNTRY",
        "TIME_PERIOD",
        "OBS_VALUE",
    ]) {
        return Some(Format::ImfImtsSdmxCsv);
    }
    if has(&["SERIES_CODE"]) && !header.period_columns().is_empty() {
        return Some(Format::ImfImtsWide);
    }
    if has(&[
        "Reporter",
        "Partner",
        "Product categories",
        "Indicator Type",
        "Indicator",
    ]) {
        return Some(Format::WitsSummary);
    }
    if has(&["Reporter Name", "Partner Name"]) {
        return Some(Format::WitsPartner);
    }
    if header.width() == 6 && has(&["t", "i", "j", "k", "v", "q"]) {
        return Some(Format::Baci);
    }
    if has(&["year", "reporter", "partner", "flow", "value", "unit"]) {
        return Some(Format::Tidy);
    }
    if in_sheet && is_dots_table(header) {
        return Some(Format::ImfDotsTable);
    }
    None
}

/// A DOTS table header: a first cell such as `Country` (or empty) and periods across.
fn is_dots_table(header: &Header) -> bool {
    let first = header
        .names
        .first()
        .map(String::as_str)
        .map(key)
        .unwrap_or_default();
    let periods = header.period_columns();
    matches!(first.as_str(), "" | "country" | "countries" | "partner")
        && periods.len() >= 2
        && periods.first().is_some_and(|(index, _)| *index == 1)
}

/// Whether the header is a BACI country-code list (`country_code` and an ISO3 column).
pub(crate) fn is_baci_country_codes(header: &Header) -> bool {
    header.find("country_code").is_some()
        && (header.find("country_iso3").is_some() || header.find("iso_3digit_alpha").is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str) -> Header {
        Header::new(text.split(',').map(str::to_owned).collect())
    }

    #[test]
    fn headers_are_matched_ignoring_case() {
        let plus = header("typeCode,reporterCode,REPORTERISO,flowCode,partnerCode,primaryValue,");
        assert_eq!(detect(&plus, false), Some(Format::ComtradePlus));
        assert_eq!(plus.width(), 6);
        let bulk = header("reportercode,flowcode,partnercode,CIFValue,FOBValue,primaryvalue");
        assert_eq!(detect(&bulk, false), Some(Format::ComtradePlusBulk));
        assert_eq!(detect(&header("t,i,j,k,v,q"), false), Some(Format::Baci));
        assert_eq!(
            detect(
                &header("Year,Reporter,Partner,Flow,Value,Unit,Source"),
                false
            ),
            Some(Format::Tidy)
        );
        assert_eq!(
            detect(&header("Country,2014M01,2014M02"), true),
            Some(Format::ImfDotsTable)
        );
        assert_eq!(detect(&header("Country,2014M01,2014M02"), false), None);
        assert_eq!(detect(&header("name,age"), true), None);
    }
}

//! One value a trade file states: who reports what flow with whom, for which period.

use crate::data::country::CountryId;
pub(crate) use crate::data::trade_flow::ReportedBy;

use super::numbers::Period;

/// The direction of a flow, from the reporter's side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Flow {
    /// The reporter's exports to the partner (re-exports included, as publishers count them).
    Exports,
    /// The reporter's imports from the partner.
    Imports,
}

/// How a flow is valued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Valuation {
    /// Free on board: at the exporter's border.
    Fob,
    /// Cost, insurance and freight: at the importer's border.
    Cif,
    /// The file does not say.
    Unstated,
}

impl Valuation {
    /// `FOB`, `CIF`, or empty.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Self::Fob => "FOB",
            Self::Cif => "CIF",
            Self::Unstated => "",
        }
    }
}

/// One value from a file, in US dollars.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Observation<'a> {
    /// The period it covers.
    pub(crate) period: Period,
    /// The reporting country; for reconciled values, the exporter.
    pub(crate) reporter: CountryId,
    /// The partner; for reconciled values, the importer.
    pub(crate) partner: CountryId,
    /// Exports or imports, from the reporter's side.
    pub(crate) flow: Flow,
    /// The value in US dollars.
    pub(crate) value_usd: f64,
    /// FOB, CIF or unstated.
    pub(crate) valuation: Valuation,
    /// Why the value is an estimate, when the file marks it as one.
    pub(crate) estimate: Option<&'static str>,
    /// The product code, or `None` for all products.
    pub(crate) product: Option<&'a str>,
    /// True for a publisher's reconciliation rather than a country's report.
    pub(crate) reconciled: bool,
}

impl Observation<'_> {
    /// The exporter, the importer and who reports, whatever side the file takes.
    pub(crate) fn direction(&self) -> (CountryId, CountryId, ReportedBy) {
        match (self.flow, self.reconciled) {
            (Flow::Exports, true) => (self.reporter, self.partner, ReportedBy::Reconciled),
            (Flow::Imports, true) => (self.partner, self.reporter, ReportedBy::Reconciled),
            (Flow::Exports, false) => (self.reporter, self.partner, ReportedBy::Exporter),
            (Flow::Imports, false) => (self.partner, self.reporter, ReportedBy::Importer),
        }
    }
}

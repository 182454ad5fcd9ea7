//! How series of one trade flow, as one side reports it, are named: the id convention that
//! imports write and the mirror view reads.

/// Whose figure a series holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum ReportedBy {
    /// The exporting country's own report.
    Exporter,
    /// The importing country's own report.
    Importer,
    /// A publisher's reconciliation of both reports (CEPII BACI).
    Reconciled,
}

/// One flow of goods from an exporter to an importer, as one side reports it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct FlowSeries {
    /// ISO alpha-3 of the exporter.
    pub(crate) exporter: String,
    /// ISO alpha-3 of the importer.
    pub(crate) importer: String,
    /// Whose figure.
    pub(crate) reported_by: ReportedBy,
    /// A product code, or `None` for all products.
    pub(crate) product: Option<String>,
}

impl FlowSeries {
    /// The series id: `trade-rus-to-irn-reported-by-rus`, `…-reported-by-irn`,
    /// `…-reconciled`, with `-product-8542` for one product.
    pub(crate) fn series_id(&self) -> String {
        let side = match self.reported_by {
            ReportedBy::Exporter => format!("reported-by-{}", self.exporter.to_ascii_lowercase()),
            ReportedBy::Importer => format!("reported-by-{}", self.importer.to_ascii_lowercase()),
            ReportedBy::Reconciled => "reconciled".to_owned(),
        };
        let mut id = format!(
            "trade-{}-to-{}-{side}",
            self.exporter.to_ascii_lowercase(),
            self.importer.to_ascii_lowercase()
        );
        if let Some(product) = &self.product {
            id.push_str("-product-");
            id.push_str(&product.to_ascii_lowercase());
        }
        id
    }

    #[cfg(test)]
    /// Reads an id written by [`Self::series_id`].
    pub(crate) fn parse(id: &str) -> Option<Self> {
        let rest = id.strip_prefix("trade-")?;
        let (exporter, rest) = rest.split_once("-to-")?;
        let importer = rest.get(..3)?;
        let rest = rest.get(3..)?.strip_prefix('-')?;
        let (side, product) = match rest.split_once("-product-") {
            Some((side, product)) => (side, Some(product.to_ascii_uppercase())),
            None => (rest, None),
        };
        let reported_by = match side.strip_prefix("reported-by-") {
            Some(reporter) if reporter == exporter => ReportedBy::Exporter,
            Some(reporter) if reporter == importer => ReportedBy::Importer,
            None if side == "reconciled" => ReportedBy::Reconciled,
            Some(_) | None => return None,
        };
        (exporter.len() == 3).then(|| Self {
            exporter: exporter.to_ascii_uppercase(),
            importer: importer.to_ascii_uppercase(),
            reported_by,
            product,
        })
    }
}

/// The id of the turnover series of `a` and `b` as `reporter` reports it (`None`: reconciled).
pub(crate) fn turnover_series_id(a: &str, b: &str, reporter: Option<&str>) -> String {
    let side = reporter.map_or_else(
        || "reconciled".to_owned(),
        |r| format!("reported-by-{}", r.to_ascii_lowercase()),
    );
    format!(
        "trade-turnover-{}-{}-{side}",
        a.to_ascii_lowercase(),
        b.to_ascii_lowercase()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for reported_by in [
            ReportedBy::Exporter,
            ReportedBy::Importer,
            ReportedBy::Reconciled,
        ] {
            for product in [None, Some("8542".to_owned())] {
                let flow = FlowSeries {
                    exporter: "RUS".into(),
                    importer: "IRN".into(),
                    reported_by,
                    product,
                };
                assert_eq!(FlowSeries::parse(&flow.series_id()), Some(flow.clone()));
            }
        }
        assert_eq!(
            FlowSeries {
                exporter: "RUS".into(),
                importer: "IRN".into(),
                reported_by: ReportedBy::Importer,
                product: None
            }
            .series_id(),
            "trade-rus-to-irn-reported-by-irn"
        );
        assert_eq!(FlowSeries::parse("trade-turnover"), None);
        assert_eq!(FlowSeries::parse("trade-rus-to-irn-reported-by-chn"), None);
    }
}

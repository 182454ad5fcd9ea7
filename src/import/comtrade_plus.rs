//! UN Comtrade Plus: the portal's "Get data" CSV and xlsx, the API CSV and the bulk TSV.
//!
//! One row is one flow of one reporter with one partner for one commodity and period. In
//! "plus" breakdown mode a flow is also split by second partner, customs procedure and
//! mode of transport; only the totals (`partner2Code` 0, `customsCode` C00, `motCode` 0)
//! are kept, so nothing is counted twice. Only flows `X` and `M` are read: re-exports
//! (`RX`), domestic exports (`DX`) and processing flows are parts of them, never added.

use crate::data::country::CodeScheme;

use super::collect::Collector;
use super::detect::{Format, Header};
use super::error::ImportError;
use super::numbers::{Estimate, Value};
use super::observation::{Flow, Observation, Valuation};
use super::resolve::Resolver;
use super::table::Rows;

/// Reads every row of a Comtrade Plus table.
#[expect(
    clippy::too_many_lines,
    reason = "one pass over the rows reading the columns in the file's order, each rule beside its column"
)]
pub(crate) fn read(
    rows: &mut Rows<'_, '_>,
    header: &Header,
    format: Format,
    collector: &mut Collector,
) -> Result<(), ImportError> {
    let [reporter_column, partner_column, flow_column, value_column] = rows.columns(
        header,
        format,
        ["reporterCode", "partnerCode", "flowCode", "primaryValue"],
    )?;
    let period_column = header
        .find("period")
        .or_else(|| header.find("refYear"))
        .ok_or_else(|| rows.error_at(None, missing(format, "period")))?;
    let partner2 = header.find("partner2Code");
    let customs = header.find("customsCode");
    let transport = header.find("motCode");
    let supply = header.find("mosCode");
    let commodity = header.find("cmdCode");
    let cif = header.find("cifvalue");
    let fob = header.find("fobvalue");
    let mut resolver = Resolver::codes(CodeScheme::M49);
    while rows.next_row()? {
        rows.tick()?;
        rows.check_width(header)?;
        let total = |column: Option<usize>, totals: &[&[u8]]| {
            column.is_none_or(|c| {
                let code = rows.field(c).trim_ascii();
                code.is_empty() || totals.contains(&code)
            })
        };
        if !total(partner2, &[b"0"]) {
            collector.skip("breakdown by second partner");
            continue;
        }
        if !total(customs, &[b"C00"]) {
            collector.skip("breakdown by customs procedure");
            continue;
        }
        if !total(transport, &[b"0"]) || !total(supply, &[b"0"]) {
            collector.skip("breakdown by mode of transport or supply");
            continue;
        }
        let flow = match rows.field(flow_column).trim_ascii() {
            b"X" => Flow::Exports,
            b"M" => Flow::Imports,
            _ => {
                collector.skip("flows other than X and M (re-exports, domestic exports, processing: parts of X and M)");
                continue;
            }
        };
        let (Some(reporter), Some(partner)) = (
            resolver.resolve(rows.field(reporter_column)),
            resolver.resolve(rows.field(partner_column)),
        ) else {
            unknown(
                rows,
                &mut resolver,
                collector,
                reporter_column,
                partner_column,
            )?;
            continue;
        };
        let period = rows.period(period_column, &header.names[period_column])?;
        let wanted = collector.wants(reporter, partner);
        let value = if wanted {
            if let Some(value) = rows.value(value_column, "primaryValue")? {
                value
            } else {
                collector.skip("no value");
                continue;
            }
        } else {
            Value {
                value: 0.0,
                estimate: None,
            }
        };
        let stated =
            |column: Option<usize>| column.is_some_and(|c| !rows.field(c).trim_ascii().is_empty());
        // The stated valuation that fits the flow first (CIF for imports, FOB for exports),
        // then whichever is stated, CIF before FOB.
        #[expect(
            clippy::match_same_arms,
            reason = "the arms are rules in order of preference; merging them changes the order"
        )]
        let valuation = match flow {
            Flow::Imports if stated(cif) => Valuation::Cif,
            Flow::Exports if stated(fob) => Valuation::Fob,
            _ if stated(cif) => Valuation::Cif,
            _ if stated(fob) => Valuation::Fob,
            _ => Valuation::Unstated,
        };
        let product_text = commodity.map(|c| rows.field(c).trim_ascii());
        let product = match product_text {
            None | Some(b"TOTAL" | b"" | b"ALL") => None,
            Some(code) => std::str::from_utf8(code).ok(),
        };
        collector.push(&Observation {
            period,
            reporter,
            partner,
            flow,
            value_usd: value.value,
            valuation,
            estimate: value.estimate.map(Estimate::reason),
            product,
            reconciled: false,
        });
    }
    Ok(())
}

fn missing(format: Format, column: &'static str) -> super::error::ImportErrorKind {
    super::error::ImportErrorKind::MissingColumn {
        format: format.label(),
        column,
    }
}

/// Counts the code that did not resolve and leaves the row out.
pub(crate) fn unknown(
    rows: &Rows<'_, '_>,
    resolver: &mut Resolver,
    collector: &mut Collector,
    reporter_column: usize,
    partner_column: usize,
) -> Result<(), ImportError> {
    for (column, name) in [(reporter_column, "reporter"), (partner_column, "partner")] {
        if resolver.resolve(rows.field(column)).is_none() {
            let code = rows.text(column)?;
            collector.unknown_code(name, &code);
        }
    }
    collector.skip("unknown country code");
    Ok(())
}

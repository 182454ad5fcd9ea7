//! The old comtrade.un.org CSV, 22 or 35 columns.
//!
//! Flows are `1 Import`, `2 Export`, `3 Re-Export`, `4 Re-Import`; some files carry
//! Comtrade Plus values in the legacy header (flow code `0`, flow `M`), with rows repeated
//! for customs procedures C00 and C01: only the C00 totals are kept. Rows of different
//! aggregate levels (TOTAL, HS2, HS4, HS6) are different products and are never summed.

use crate::data::country::CodeScheme;

use super::collect::Collector;
use super::comtrade_plus::unknown;
use super::detect::{Format, Header};
use super::error::{ImportError, ImportErrorKind};
use super::numbers::{Estimate, Value};
use super::observation::{Flow, Observation, Valuation};
use super::resolve::Resolver;
use super::table::Rows;

/// What a legacy flow code or name means: a flow to read, or a reason to leave the row out.
fn flow_of(code: &[u8], name: &[u8]) -> Result<Option<Flow>, ()> {
    let by_code = match code.trim_ascii() {
        b"1" => return Ok(Some(Flow::Imports)),
        b"2" => return Ok(Some(Flow::Exports)),
        b"3" | b"4" => return Ok(None),
        b"0" | b"" => true,
        _ => false,
    };
    if !by_code {
        return Err(());
    }
    match name.trim_ascii().to_ascii_lowercase().as_slice() {
        b"m" | b"import" | b"imports" => Ok(Some(Flow::Imports)),
        b"x" | b"export" | b"exports" => Ok(Some(Flow::Exports)),
        b"rm" | b"rx" | b"re-import" | b"re-export" | b"dx" | b"fm" => Ok(None),
        _ => Err(()),
    }
}

/// Reads every row of a legacy Comtrade table.
#[expect(
    clippy::too_many_lines,
    reason = "one pass over the rows reading the columns in the file's order, each rule beside its column"
)]
pub(crate) fn read(
    rows: &mut Rows<'_, '_>,
    header: &Header,
    collector: &mut Collector,
) -> Result<(), ImportError> {
    let format = Format::ComtradeLegacy;
    let [reporter_column, partner_column, flow_code, value_column] = rows.columns(
        header,
        format,
        [
            "Reporter Code",
            "Partner Code",
            "Trade Flow Code",
            "Trade Value (US$)",
        ],
    )?;
    let period_column = match header.find("Period") {
        Some(column) => column,
        None => rows.columns(header, format, ["Year"])?[0],
    };
    let flow_name = header.find("Trade Flow");
    let partner2 = header.find("2nd Partner Code");
    let customs = header.find("Customs Proc. Code");
    let transport = header.find("Mode of Transport Code");
    let commodity = header.find("Commodity Code");
    let cif = header.find("CIF Trade Value (US$)");
    let fob = header.find("FOB Trade Value (US$)");
    let mut resolver = Resolver::codes(CodeScheme::M49);
    while rows.next_row()? {
        rows.tick()?;
        rows.check_width(header)?;
        let breakdown = |column: Option<usize>, total: &[u8]| {
            column.is_some_and(|c| {
                let code = rows.field(c).trim_ascii();
                !code.is_empty() && code != total
            })
        };
        if breakdown(partner2, b"0") || breakdown(customs, b"C00") || breakdown(transport, b"0") {
            collector.skip("breakdown rows (second partner, customs procedure, transport)");
            continue;
        }
        let name = flow_name.map_or(&b""[..], |c| rows.field(c));
        let flow = match flow_of(rows.field(flow_code), name) {
            Ok(Some(flow)) => flow,
            Ok(None) => {
                collector.skip("re-exports and re-imports (parts of exports and imports)");
                continue;
            }
            Err(()) => {
                let text = format!(
                    "{} {}",
                    rows.text(flow_code)?,
                    super::decode::lenient_text(name)
                );
                return Err(rows.error(
                    flow_code,
                    ImportErrorKind::UnknownFlow {
                        column: "Trade Flow Code".into(),
                        text: text.trim().to_owned(),
                        expected: "1 Import, 2 Export, 3 Re-Export, 4 Re-Import, or flow 0 with M or X",
                    },
                ));
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
        let value = if collector.wants(reporter, partner) {
            if let Some(value) = rows.value(value_column, "Trade Value (US$)")? {
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
        let valuation = match flow {
            Flow::Imports if stated(cif) => Valuation::Cif,
            Flow::Exports if stated(fob) => Valuation::Fob,
            _ => Valuation::Unstated,
        };
        let product = match commodity.map(|c| rows.field(c).trim_ascii()) {
            None | Some(b"TOTAL" | b"") => None,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flows_by_code_or_by_letter() {
        assert_eq!(flow_of(b"1", b"Import"), Ok(Some(Flow::Imports)));
        assert_eq!(flow_of(b"2", b"Export"), Ok(Some(Flow::Exports)));
        assert_eq!(flow_of(b"3", b"Re-Export"), Ok(None));
        assert_eq!(flow_of(b"0", b"M"), Ok(Some(Flow::Imports)));
        assert_eq!(flow_of(b"0", b"RX"), Ok(None));
        assert_eq!(flow_of(b"7", b"Import"), Err(()));
        assert_eq!(flow_of(b"0", b"Q"), Err(()));
    }
}

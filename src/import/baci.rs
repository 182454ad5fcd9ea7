//! CEPII BACI year files: `t,i,j,k,v,q`, one row per exporter, importer and HS6 product.
//!
//! `v` is in thousands of US dollars, `q` in tonnes (or `NA`; not read). BACI values are
//! CEPII's reconciliation of the exporter's and the importer's reports, so they are kept
//! as their own series, never as either country's report. A pair's products add up to
//! its total. Country numbers come from the release's `country_codes_V*.csv` when the
//! `.zip` (or the folder) has one, else from Bilateral's table.

use crate::data::country::{CodeScheme, countries};

use super::collect::Collector;
use super::detect::Header;
use super::error::{ImportError, ImportErrorKind};
use super::numbers::{Estimate, Period, parse_digits};
use super::observation::{Flow, Observation, Valuation};
use super::resolve::Resolver;
use super::table::Rows;

/// Reads a `country_codes_V*.csv` into `resolver`; returns how many codes it set.
pub(crate) fn read_country_codes(
    rows: &mut Rows<'_, '_>,
    header: &Header,
    resolver: &mut Resolver,
) -> Result<usize, ImportError> {
    let code_column = header.find("country_code").unwrap_or(0);
    let iso3_column = header
        .find("country_iso3")
        .or_else(|| header.find("iso_3digit_alpha"))
        .unwrap_or(0);
    let table = countries();
    let mut set = 0;
    while rows.next_row()? {
        let Some(code) = parse_digits(rows.field(code_column)) else {
            continue;
        };
        let iso3 = rows.text(iso3_column)?;
        let country = table
            .by_code(CodeScheme::Iso3, &iso3)
            .or_else(|| table.by_code(CodeScheme::Baci, &code.to_string()));
        resolver.set(code, country.map(|c| c.id));
        set += 1;
    }
    Ok(set)
}

/// Reads every row of a BACI year file.
#[expect(
    clippy::many_single_char_names,
    reason = "BACI names its columns t, i, j, k and v; the same names here are easiest to check"
)]
pub(crate) fn read(
    rows: &mut Rows<'_, '_>,
    header: &Header,
    resolver: &mut Resolver,
    collector: &mut Collector,
) -> Result<(), ImportError> {
    collector.set_additive_products();
    let column = |name: &str| header.find(name).unwrap_or(0);
    let (t, i, j, k, v) = (
        column("t"),
        column("i"),
        column("j"),
        column("k"),
        column("v"),
    );
    while rows.next_row()? {
        rows.tick()?;
        if rows.record().len() != 6 {
            rows.check_width(header)?;
        }
        let Some(year) = parse_digits(rows.field(t)).and_then(|y| i32::try_from(y).ok()) else {
            return Err(rows.error(
                t,
                ImportErrorKind::NotAPeriod {
                    column: "t".into(),
                    text: rows.text(t)?.into_owned(),
                },
            ));
        };
        let (Some(exporter), Some(importer)) = (
            resolver.resolve(rows.field(i)),
            resolver.resolve(rows.field(j)),
        ) else {
            super::comtrade_plus::unknown(rows, resolver, collector, i, j)?;
            continue;
        };
        if !collector.wants(exporter, importer) {
            collector.count(exporter, importer, Flow::Exports, year);
            continue;
        }
        let Some(value) = rows.value_in(v, "v", 1000.0)? else {
            collector.skip("no value");
            continue;
        };
        let product = std::str::from_utf8(rows.field(k).trim_ascii()).ok();
        collector.push(&Observation {
            period: Period::Year(year),
            reporter: exporter,
            partner: importer,
            flow: Flow::Exports,
            value_usd: value.value,
            valuation: Valuation::Fob,
            estimate: value.estimate.map(Estimate::reason),
            product,
            reconciled: true,
        });
    }
    Ok(())
}

//! IMF International Merchandise Trade Statistics (DOTS's successor since 2025): SDMX-CSV,
//! the portal's wide CSV and SDMX-ML (XML) `StructureSpecific` data messages.
//!
//! Countries are ISO alpha-3, with IMF groups such as `G001` (the World) and `G998` (the
//! EU). `OBS_VALUE` is in US dollars already, although `SCALE` says 6: it is not multiplied.

use std::io::BufRead;

use quick_xml::events::{BytesStart, Event};

use crate::data::country::{CodeScheme, CountryId};

use super::collect::Collector;
use super::detect::{Format, Header};
use super::error::{ImportError, ImportErrorKind};
use super::imf_dots::indicator;
use super::numbers::{Estimate, Value, parse_period, parse_value};
use super::observation::{Flow, Observation, Valuation};
use super::progress::Ticker;
use super::resolve::Resolver;
use super::table::Rows;

/// SDMX-CSV: one observation per row.
pub(crate) fn read_sdmx_csv(
    rows: &mut Rows<'_, '_>,
    header: &Header,
    collector: &mut Collector,
) -> Result<(), ImportError> {
    let format = Format::ImfImtsSdmxCsv;
    let [country, indicator_column, counterpart, period, value_column] = rows.columns(
        header,
        format,
        [
            "COUNTRY",
            "INDICATOR",
            "COUNTERPART_COUNTRY",
            "TIME_PERIOD",
            "OBS_VALUE",
        ],
    )?;
    let mut resolver = Resolver::codes(CodeScheme::Iso3);
    while rows.next_row()? {
        rows.tick()?;
        rows.check_width(header)?;
        let (flow, valuation) = match indicator(&rows.text(indicator_column)?) {
            Ok(found) => found,
            Err(reason) => {
                collector.skip(reason);
                continue;
            }
        };
        let (Some(reporter), Some(partner)) = (
            resolver.resolve(rows.field(country)),
            resolver.resolve(rows.field(counterpart)),
        ) else {
            super::comtrade_plus::unknown(rows, &mut resolver, collector, country, counterpart)?;
            continue;
        };
        let period = rows.period(period, "TIME_PERIOD")?;
        let Some(value) = rows.value(value_column, "OBS_VALUE")? else {
            collector.skip("no value");
            continue;
        };
        push(
            collector,
            period,
            (reporter, partner),
            (flow, valuation),
            value,
        );
    }
    Ok(())
}

/// Pushes `value` (in US dollars), flagged when the field marks it (`… e`, `… p`).
fn push(
    collector: &mut Collector,
    period: super::numbers::Period,
    (reporter, partner): (CountryId, CountryId),
    (flow, valuation): (Flow, Valuation),
    value: Value,
) {
    collector.push(&Observation {
        period,
        reporter,
        partner,
        flow,
        value_usd: value.value,
        valuation,
        estimate: value.estimate.map(Estimate::imf_reason),
        product: None,
        reconciled: false,
    });
}

/// The portal's wide CSV: a `SERIES_CODE` such as `USA.XG_FOB_USD.G001.A`, periods across.
pub(crate) fn read_wide(
    rows: &mut Rows<'_, '_>,
    header: &Header,
    collector: &mut Collector,
) -> Result<(), ImportError> {
    let series = header
        .require(Format::ImfImtsWide, "SERIES_CODE")
        .map_err(|kind| rows.error_at(None, kind))?;
    let periods = header.period_columns();
    let mut resolver = Resolver::codes(CodeScheme::Iso3);
    while rows.next_row()? {
        rows.tick()?;
        rows.check_width(header)?;
        let code = rows.text(series)?.into_owned();
        let parts: Vec<&str> = code.split('.').collect();
        let [country, indicator_code, counterpart, ..] = parts.as_slice() else {
            return Err(rows.error(
                series,
                ImportErrorKind::UnknownFlow {
                    column: "SERIES_CODE".into(),
                    text: code.clone(),
                    expected: "COUNTRY.INDICATOR.COUNTERPART.FREQUENCY, such as USA.XG_FOB_USD.G001.A",
                },
            ));
        };
        let (flow, valuation) = match indicator(indicator_code) {
            Ok(found) => found,
            Err(reason) => {
                collector.skip(reason);
                continue;
            }
        };
        let (Some(reporter), Some(partner)) = (
            resolver.resolve(country.as_bytes()),
            resolver.resolve(counterpart.as_bytes()),
        ) else {
            collector.unknown_code("series", &code);
            collector.skip("unknown country code");
            continue;
        };
        for (column, name) in &periods {
            let (Some(period), Some(value)) =
                (parse_period(name.as_bytes()), rows.value(*column, name)?)
            else {
                continue;
            };
            push(
                collector,
                period,
                (reporter, partner),
                (flow, valuation),
                value,
            );
        }
    }
    Ok(())
}

/// The attributes of a `Series` element that the observations inherit.
#[derive(Default)]
struct SeriesKey {
    reporter: Option<CountryId>,
    partner: Option<CountryId>,
    flow: Option<(Flow, Valuation)>,
    code: String,
}

/// An SDMX-ML `StructureSpecific` message: `Series` elements with `Obs` children.
pub(crate) fn read_sdmx_ml<R: BufRead>(
    reader: R,
    file: &str,
    ticker: &mut Ticker<'_>,
    collector: &mut Collector,
) -> Result<(), ImportError> {
    let mut xml = quick_xml::Reader::from_reader(reader);
    let mut buffer = Vec::new();
    let mut resolver = Resolver::codes(CodeScheme::Iso3);
    let mut series = SeriesKey::default();
    let mut series_seen = false;
    loop {
        let at = xml.buffer_position();
        let event = xml.read_event_into(&mut buffer).map_err(|e| {
            ImportError::whole(file, ImportErrorKind::Xml(format!("at byte {at}: {e}")))
        })?;
        match event {
            Event::Eof => break,
            Event::Start(element) | Event::Empty(element) => match element.local_name().as_ref() {
                b"Series" => {
                    series_seen = true;
                    series = series_key(&element, &mut resolver, collector);
                }
                b"Obs" => {
                    ticker
                        .row()
                        .map_err(|kind| ImportError::whole(file, kind))?;
                    let period = attribute(&element, b"TIME_PERIOD");
                    let value = attribute(&element, b"OBS_VALUE");
                    let (Some(reporter), Some(partner), Some((flow, valuation))) =
                        (series.reporter, series.partner, series.flow)
                    else {
                        collector.skip("observations of series not read (other indicators or unknown countries)");
                        continue;
                    };
                    let period = parse_period(period.as_bytes()).ok_or_else(|| {
                        ImportError::whole(
                            file,
                            ImportErrorKind::NotAPeriod {
                                column: format!(
                                    "TIME_PERIOD of series {} (byte {at})",
                                    series.code
                                ),
                                text: period.clone(),
                            },
                        )
                    })?;
                    match parse_value(value.as_bytes()) {
                        Ok(Some(value)) => {
                            push(
                                collector,
                                period,
                                (reporter, partner),
                                (flow, valuation),
                                value,
                            );
                        }
                        Ok(None) => collector.skip("no value"),
                        Err(why) => {
                            return Err(ImportError::whole(
                                file,
                                ImportErrorKind::NotANumber {
                                    column: format!(
                                        "OBS_VALUE of series {} (byte {at})",
                                        series.code
                                    ),
                                    text: value,
                                    why,
                                },
                            ));
                        }
                    }
                }
                _ => {}
            },
            _ => {}
        }
        buffer.clear();
    }
    if series_seen {
        Ok(())
    } else {
        Err(ImportError::whole(
            file,
            ImportErrorKind::UnknownLayout {
                first_row: "an XML document without SDMX `Series` elements".into(),
                known: Format::known_list(),
            },
        ))
    }
}

fn attribute(element: &BytesStart<'_>, name: &[u8]) -> String {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
        .unwrap_or_default()
}

fn series_key(
    element: &BytesStart<'_>,
    resolver: &mut Resolver,
    collector: &mut Collector,
) -> SeriesKey {
    let country = attribute(element, b"COUNTRY");
    let counterpart = attribute(element, b"COUNTERPART_COUNTRY");
    let indicator_code = attribute(element, b"INDICATOR");
    let code = format!("{country}.{indicator_code}.{counterpart}");
    let flow = match indicator(&indicator_code) {
        Ok(found) => Some(found),
        Err(reason) => {
            collector.warn(format!("series {code} left out: {reason}"));
            None
        }
    };
    let reporter = resolver.resolve(country.as_bytes());
    let partner = resolver.resolve(counterpart.as_bytes());
    if reporter.is_none() || partner.is_none() {
        collector.unknown_code("series", &code);
    }
    SeriesKey {
        reporter,
        partner,
        flow,
        code,
    }
}

//! SIPRI Arms Transfers Database trade registers, in both layouts in use.
//!
//! - **Classic** (16 columns, one row per deal): `Recipient, Supplier, Year of order, ?,
//!   Number ordered, ?, Weapon designation, Weapon description, Number delivered, ?,
//!   Year(s) of delivery, status, Comments, SIPRI TIV per unit, … for total order, … of
//!   delivered weapons`. The three uncertainty columns have a blank name and hold `?`;
//!   older exports put uncertain years and numbers in parentheses (`(2015)`). Comments may
//!   end in a raw line break, which splits the row over two lines: the parts are joined.
//! - **New** (17 columns, one row per deal and delivery year): `SIPRI AT Database ID,
//!   Supplier, Recipient, …`, uncertainty as `Yes`/`No`, and the TIV of each year's
//!   deliveries. Rows of one deal are gathered by its id.

use std::collections::BTreeMap;

use crate::data::country::{CountryId, Pair, countries};

use super::super::decode::lenient_text;
use super::super::detect::{Format, Header};
use super::super::error::{ImportError, ImportErrorKind, Position};
use super::super::numbers::{parse_digits, parse_value};
use super::super::table::{Rows, shorten};
use super::counts::Counts;

/// A value the register gives, perhaps marked uncertain.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Marked<T> {
    /// The value.
    pub(crate) value: T,
    /// True when the register marks it uncertain (`?`, `(…)`, `Yes`).
    pub(crate) uncertain: bool,
}

/// One year's deliveries of a deal.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Delivery {
    /// The year, perhaps uncertain.
    pub(crate) year: Marked<i32>,
    /// Weapons delivered that year (new layout only).
    pub(crate) number: Option<Marked<f64>>,
    /// TIV of that year's deliveries, in millions (new layout only).
    pub(crate) tiv: Option<f64>,
}

/// One arms deal as the register gives it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Deal {
    /// SIPRI's deal id (new layout only).
    pub(crate) id: Option<String>,
    /// The file line of its (first) row.
    pub(crate) line: u64,
    /// The supplier.
    pub(crate) supplier: CountryId,
    /// The recipient.
    pub(crate) recipient: CountryId,
    /// The year of order.
    pub(crate) order_year: Option<Marked<i32>>,
    /// Weapons ordered (classic layout only).
    pub(crate) ordered: Option<Marked<f64>>,
    /// Weapons delivered in all.
    pub(crate) delivered: Option<Marked<f64>>,
    /// Weapon designation (`S-300PMU2 Favorit`).
    pub(crate) designation: String,
    /// Weapon description (`SAM system`).
    pub(crate) description: String,
    /// Armament category (new layout only).
    pub(crate) category: String,
    /// Years of delivery.
    pub(crate) deliveries: Vec<Delivery>,
    /// `New`, `Second hand`, …
    pub(crate) status: String,
    /// SIPRI's comments (classic layout only).
    pub(crate) comments: String,
    /// TIV per unit, in millions.
    pub(crate) tiv_per_unit: Option<f64>,
    /// TIV of the whole order, in millions (classic layout only).
    pub(crate) tiv_order: Option<f64>,
    /// TIV of the weapons delivered, in millions.
    pub(crate) tiv_delivered: Option<f64>,
    /// The new layout's `Local production` (`Yes`/`No`).
    pub(crate) local_production: String,
}

/// SIPRI names the country table does not hold.
const ALIASES: [(&str, &str); 12] = [
    ("Brunei", "BRN"),
    ("Central African Republic", "CAF"),
    ("Czechoslovakia", "CSK"),
    ("Dominican Republic", "DOM"),
    ("UAE", "ARE"),
    ("Bosnia-Herzegovina", "BIH"),
    ("Viet Nam", "VNM"),
    ("East Germany (GDR)", "DDR"),
    ("Saint Vincent", "VCT"),
    ("eSwatini", "SWZ"),
    ("Turkiye", "TUR"),
    ("Cabo Verde", "CPV"),
];

/// The country a SIPRI name means; `None` for rebels, organisations (`*`, `**`) and
/// names Bilateral does not know.
pub(crate) fn country_named(name: &str) -> Option<CountryId> {
    let table = countries();
    let name = name.trim();
    if name.ends_with('*') || name.is_empty() {
        return None;
    }
    table
        .by_name(name)
        .or_else(|| {
            ALIASES
                .iter()
                .find(|(alias, _)| alias.eq_ignore_ascii_case(name))
                .and_then(|(_, iso3)| table.lookup(iso3))
        })
        .map(|country| country.id)
}

/// A row's fields as text, with the line and column each starts at.
struct Fields {
    text: Vec<String>,
    line: u64,
}

impl Fields {
    fn of(rows: &Rows<'_, '_>) -> Self {
        Self {
            text: (0..rows.record().len())
                .map(|i| lenient_text(rows.field(i)).into_owned())
                .collect(),
            line: rows.line(),
        }
    }

    fn get(&self, index: usize) -> &str {
        self.text.get(index).map_or("", |t| t.trim())
    }

    /// An error at field `index` (its column on the row's first line).
    fn error(&self, rows: &Rows<'_, '_>, index: usize, kind: ImportErrorKind) -> ImportError {
        let column = 1
            + (0..index.min(self.text.len()))
                .map(|i| self.text[i].chars().count() as u64 + 1)
                .sum::<u64>();
        rows.error_at(
            Some(Position::Text {
                line: self.line,
                column,
            }),
            kind,
        )
    }

    fn number(
        &self,
        rows: &Rows<'_, '_>,
        index: usize,
        column: &str,
    ) -> Result<Option<Marked<f64>>, ImportError> {
        let (text, parenthesised) = unparenthesise(self.get(index));
        parse_value(text.as_bytes())
            .map(|value| {
                value.map(|v| Marked {
                    value: v.value,
                    uncertain: parenthesised,
                })
            })
            .map_err(|why| {
                self.error(
                    rows,
                    index,
                    ImportErrorKind::NotANumber {
                        column: column.to_owned(),
                        text: shorten(self.get(index), 40),
                        why,
                    },
                )
            })
    }

    /// The year in field `index`, `None` when empty; `uncertain` when a mark says so.
    fn optional_year(
        &self,
        rows: &Rows<'_, '_>,
        index: usize,
        column: &str,
        uncertain: bool,
    ) -> Result<Option<Marked<i32>>, ImportError> {
        match self.get(index) {
            "" => Ok(None),
            text => {
                let mut year = self.year(rows, text, index, column)?;
                year.uncertain |= uncertain;
                Ok(Some(year))
            }
        }
    }

    fn year(
        &self,
        rows: &Rows<'_, '_>,
        text: &str,
        index: usize,
        column: &str,
    ) -> Result<Marked<i32>, ImportError> {
        let (digits, parenthesised) = unparenthesise(text);
        let year = parse_digits(digits.as_bytes())
            .filter(|_| digits.len() == 4)
            .and_then(|y| i32::try_from(y).ok());
        year.map(|value| Marked {
            value,
            uncertain: parenthesised,
        })
        .ok_or_else(|| {
            self.error(
                rows,
                index,
                ImportErrorKind::NotAPeriod {
                    column: column.to_owned(),
                    text: shorten(text, 40),
                },
            )
        })
    }
}

/// `(2015)` → (`2015`, true); `2015` → (`2015`, false).
fn unparenthesise(text: &str) -> (&str, bool) {
    let text = text.trim();
    match text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        Some(inner) => (inner.trim(), true),
        None => (text, false),
    }
}

/// `?` or `Yes` in an uncertainty column.
fn marked_uncertain(text: &str) -> bool {
    let text = text.trim();
    text == "?" || text.eq_ignore_ascii_case("yes")
}

/// Reads a register, keeping the deals between `pair` (none: only counting).
pub(crate) fn read(
    rows: &mut Rows<'_, '_>,
    header: &Header,
    format: Format,
    pair: Option<Pair>,
    counts: &mut Counts,
) -> Result<Vec<Deal>, ImportError> {
    match format {
        Format::SipriRegisterNew => read_new(rows, header, pair, counts),
        _ => read_classic(rows, header, pair, counts),
    }
}

/// The supplier and recipient of a row, or `None` (counted) when one is not a country.
fn parties(
    fields: &Fields,
    (supplier, recipient): (usize, usize),
    counts: &mut Counts,
) -> Option<(CountryId, CountryId)> {
    let from = country_named(fields.get(supplier));
    let to = country_named(fields.get(recipient));
    if from.is_none() {
        counts.unknown("supplier", fields.get(supplier));
    }
    if to.is_none() {
        counts.unknown("recipient", fields.get(recipient));
    }
    from.zip(to)
}

/// The next row of a classic register, joined with the line after it when a comment
/// ending in a raw line break split it (the next line goes on with the comment and holds
/// the fields after it); `None` at the end.
fn joined_row(
    rows: &mut Rows<'_, '_>,
    width: usize,
    comments: usize,
) -> Result<Option<Fields>, ImportError> {
    if !rows.next_row()? {
        return Ok(None);
    }
    rows.tick()?;
    let mut fields = Fields::of(rows);
    while fields.text.len() < width && fields.text.len() > comments {
        if !rows.next_row()? {
            break;
        }
        let mut rest = Fields::of(rows).text.into_iter();
        if let Some(last) = fields.text.last_mut() {
            last.push('\n');
            last.push_str(&rest.next().unwrap_or_default());
        }
        fields.text.extend(rest);
    }
    let found = fields.text.len();
    if found < width || fields.text.iter().skip(width).any(|f| !f.trim().is_empty()) {
        return Err(fields.error(
            rows,
            found.min(width).saturating_sub(1),
            ImportErrorKind::RaggedRow {
                expected: width,
                found,
            },
        ));
    }
    Ok(Some(fields))
}

#[expect(
    clippy::too_many_lines,
    reason = "one pass over the layout's sixteen columns, in the order the register gives them"
)]
fn read_classic(
    rows: &mut Rows<'_, '_>,
    header: &Header,
    pair: Option<Pair>,
    counts: &mut Counts,
) -> Result<Vec<Deal>, ImportError> {
    let format = Format::SipriRegisterClassic;
    let [
        recipient,
        supplier,
        order,
        ordered,
        designation,
        description,
        delivered,
        years,
    ] = rows.columns(
        header,
        format,
        [
            "Recipient",
            "Supplier",
            "Year of order",
            "Number ordered",
            "Weapon designation",
            "Weapon description",
            "Number delivered",
            "Year(s) of delivery",
        ],
    )?;
    let [status, comments, per_unit, order_tiv, delivered_tiv] = rows.columns(
        header,
        format,
        [
            "status",
            "Comments",
            "SIPRI TIV per unit",
            "SIPRI TIV for total order",
            "SIPRI TIV of delivered weapons",
        ],
    )?;
    let width = header.width();
    let mut deals = Vec::new();
    while let Some(fields) = joined_row(rows, width, comments)? {
        let Some((from, to)) = parties(&fields, (supplier, recipient), counts) else {
            counts.skip(
                "a supplier or recipient that is not a country (rebels, organisations, unknown)",
            );
            continue;
        };
        let order_year = fields.optional_year(
            rows,
            order,
            "Year of order",
            marked_uncertain(fields.get(order + 1)),
        )?;
        let mut deliveries = Vec::new();
        for part in fields
            .get(years)
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            deliveries.push(Delivery {
                year: fields.year(rows, part, years, "Year(s) of delivery")?,
                number: None,
                tiv: None,
            });
        }
        let mark = |value: Option<Marked<f64>>, index: usize| {
            value.map(|mut v| {
                v.uncertain |= marked_uncertain(fields.get(index + 1));
                v
            })
        };
        let deal = Deal {
            id: None,
            line: fields.line,
            supplier: from,
            recipient: to,
            order_year,
            ordered: mark(fields.number(rows, ordered, "Number ordered")?, ordered),
            delivered: mark(
                fields.number(rows, delivered, "Number delivered")?,
                delivered,
            ),
            designation: fields.get(designation).to_owned(),
            description: fields.get(description).to_owned(),
            category: String::new(),
            deliveries,
            status: fields.get(status).to_owned(),
            comments: fields.get(comments).to_owned(),
            tiv_per_unit: fields
                .number(rows, per_unit, "SIPRI TIV per unit")?
                .map(|v| v.value),
            tiv_order: fields
                .number(rows, order_tiv, "SIPRI TIV for total order")?
                .map(|v| v.value),
            tiv_delivered: fields
                .number(rows, delivered_tiv, "SIPRI TIV of delivered weapons")?
                .map(|v| v.value),
            local_production: String::new(),
        };
        let year = deal.order_year.map(|y| y.value);
        for y in year
            .into_iter()
            .chain(deal.deliveries.iter().map(|d| d.year.value))
        {
            counts.year(y);
        }
        counts.pair(from, to, year, 1);
        if pair.is_some_and(|p| p.is(from, to)) {
            deals.push(deal);
        }
    }
    Ok(deals)
}

#[expect(
    clippy::too_many_lines,
    reason = "one pass over the layout's seventeen columns, gathering a deal's delivery rows"
)]
fn read_new(
    rows: &mut Rows<'_, '_>,
    header: &Header,
    pair: Option<Pair>,
    counts: &mut Counts,
) -> Result<Vec<Deal>, ImportError> {
    let format = Format::SipriRegisterNew;
    let [
        id,
        supplier,
        recipient,
        designation,
        description,
        category,
        order,
        order_estimate,
    ] = rows.columns(
        header,
        format,
        [
            "SIPRI AT Database ID",
            "Supplier",
            "Recipient",
            "Designation",
            "Description",
            "Armament category",
            "Order date",
            "Order date is estimate",
        ],
    )?;
    let [
        number,
        number_estimate,
        year,
        year_estimate,
        status,
        per_unit,
        value,
    ] = rows.columns(
        header,
        format,
        [
            "Numbers delivered",
            "Numbers delivered is estimate",
            "Delivery year",
            "Delivery year is estimate",
            "Status",
            "TIV deal unit",
            "TIV delivery values",
        ],
    )?;
    let local = header.find("Local production");
    let mut deals: BTreeMap<String, Deal> = BTreeMap::new();
    while rows.next_row()? {
        rows.tick()?;
        rows.check_width(header)?;
        let fields = Fields::of(rows);
        let Some((from, to)) = parties(&fields, (supplier, recipient), counts) else {
            counts.skip(
                "a supplier or recipient that is not a country (rebels, organisations, unknown)",
            );
            continue;
        };
        let delivery_year = fields.optional_year(
            rows,
            year,
            "Delivery year",
            marked_uncertain(fields.get(year_estimate)),
        )?;
        let order_year = fields.optional_year(
            rows,
            order,
            "Order date",
            marked_uncertain(fields.get(order_estimate)),
        )?;
        let delivered = fields
            .number(rows, number, "Numbers delivered")?
            .map(|mut n| {
                n.uncertain |= marked_uncertain(fields.get(number_estimate));
                n
            });
        let tiv = fields
            .number(rows, value, "TIV delivery values")?
            .map(|v| v.value);
        let counted_year = delivery_year.or(order_year).map(|y| y.value);
        for y in [order_year, delivery_year].into_iter().flatten() {
            counts.year(y.value);
        }
        counts.pair(from, to, counted_year, 1);
        if !pair.is_some_and(|p| p.is(from, to)) {
            continue;
        }
        let key = fields.get(id).to_owned();
        let deal = deals.entry(key.clone()).or_insert_with(|| Deal {
            id: Some(key),
            line: fields.line,
            supplier: from,
            recipient: to,
            order_year,
            ordered: None,
            delivered: None,
            designation: fields.get(designation).to_owned(),
            description: fields.get(description).to_owned(),
            category: fields.get(category).to_owned(),
            deliveries: Vec::new(),
            status: fields.get(status).to_owned(),
            comments: String::new(),
            tiv_per_unit: None,
            tiv_order: None,
            tiv_delivered: None,
            local_production: local.map(|i| fields.get(i).to_owned()).unwrap_or_default(),
        });
        if deal.tiv_per_unit.is_none() {
            deal.tiv_per_unit = fields
                .number(rows, per_unit, "TIV deal unit")?
                .map(|v| v.value);
        }
        if let Some(n) = delivered {
            let total = deal.delivered.get_or_insert(Marked {
                value: 0.0,
                uncertain: false,
            });
            total.value += n.value;
            total.uncertain |= n.uncertain;
        }
        if let Some(t) = tiv {
            *deal.tiv_delivered.get_or_insert(0.0) += t;
        }
        if let Some(year) = delivery_year {
            deal.deliveries.push(Delivery {
                year,
                number: delivered,
                tiv,
            });
        }
    }
    let mut deals: Vec<Deal> = deals.into_values().collect();
    for deal in &mut deals {
        deal.deliveries.sort_by_key(|d| d.year.value);
    }
    deals.sort_by_key(|d| d.line);
    Ok(deals)
}

//! Which product's series of the pair are kept: one product, the totals, or, for files whose
//! products add up (BACI), their sum, made as the rows arrive.

use std::collections::{BTreeMap, BTreeSet};

use super::super::error::ImportErrorKind;
use super::super::numbers::Period;
use super::{Cell, Collector, SeriesKey};

/// The product asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) enum ProductChoice {
    /// None named: the totals, or the one product there is, or (products adding up) their sum.
    #[default]
    Unstated,
    /// `total` or `all`: the totals, or (products adding up) the sum of every product.
    Total,
    /// One product code.
    Code(Box<str>),
}

/// What becomes of a row's value of the pair.
pub(super) enum Kept {
    /// Kept in the series of this product (`None`: the total).
    Under(Option<Box<str>>),
    /// Passed over: another product than the one asked for.
    Not,
}

impl ProductChoice {
    /// The choice a product argument makes (`None`: unstated).
    pub(crate) fn new(product: Option<&str>) -> Self {
        match product {
            None => Self::Unstated,
            Some(code)
                if code.eq_ignore_ascii_case("total") || code.eq_ignore_ascii_case("all") =>
            {
                Self::Total
            }
            Some(code) => Self::Code(Box::from(code)),
        }
    }

    /// The product a row's value is kept under, if it is kept. Products that
    /// add up are kept only as asked: summed into the total (product `None`) as they
    /// arrive, or only the one asked for; so a pair with millions of products costs one
    /// series per flow, not one per product. Other files keep every product, so that
    /// duplicates and conflicts are found within each.
    pub(super) fn keeps(&self, product: Option<&str>, additive: bool) -> Kept {
        match self {
            _ if !additive => Kept::Under(product.map(Box::from)),
            Self::Unstated | Self::Total => Kept::Under(None),
            Self::Code(code) if product == Some(&**code) => Kept::Under(Some(code.clone())),
            Self::Code(_) => Kept::Not,
        }
    }
}

impl Collector {
    /// Keeps the series of the product asked for (or the totals) and returns them by key.
    pub(super) fn choose_product(
        &mut self,
    ) -> Result<BTreeMap<SeriesKey, BTreeMap<Period, Cell>>, ImportErrorKind> {
        let all = std::mem::take(&mut self.values);
        let products: BTreeSet<Option<&str>> =
            all.keys().map(|key| key.product.as_deref()).collect();
        let no_such = |code: &str| Err(ImportErrorKind::NoSuchProduct(code.to_owned()));
        let keep: Option<Box<str>> = match &self.product {
            // Summed as the rows arrived.
            ProductChoice::Unstated | ProductChoice::Total if self.additive_products => {
                return Ok(all);
            }
            ProductChoice::Total | ProductChoice::Unstated if products.contains(&None) => None,
            ProductChoice::Total => return no_such("total"),
            ProductChoice::Code(code) if products.contains(&Some(&**code)) => Some(code.clone()),
            ProductChoice::Code(code) => return no_such(code),
            ProductChoice::Unstated if products.len() <= 1 => {
                products.first().copied().flatten().map(Box::from)
            }
            ProductChoice::Unstated => {
                let examples: Vec<&str> = products.iter().flatten().take(5).copied().collect();
                return Err(ImportErrorKind::ChooseProduct {
                    count: products.len(),
                    examples: examples.join(", "),
                });
            }
        };
        Ok(all.into_iter().filter(|(k, _)| k.product == keep).collect())
    }
}

//! Tests of the collector: counts, months made into years, products chosen or summed.

use super::*;
use crate::import::observation::Flow;

fn id(code: &str) -> CountryId {
    countries().lookup(code).expect("known").id
}

#[test]
fn each_reporter_partner_and_flow_keeps_its_rows_and_first_and_last_year() {
    let mut early = Collector::new(None);
    early.count(id("RUS"), id("IRN"), Flow::Exports, 2014);
    early.count(id("IRN"), id("RUS"), Flow::Imports, 2012);
    early.count(id("IRN"), id("RUS"), Flow::Exports, 2015);
    let mut late = Collector::new(None);
    late.count(id("RUS"), id("IRN"), Flow::Exports, 2010);
    late.count(id("RUS"), id("IRN"), Flow::Exports, 2019);
    early.merge(late);
    let collected = early.finish().expect("counts");
    let span = |reporter, partner, flow| {
        collected
            .flows
            .iter()
            .find(|f| f.reporter == id(reporter) && f.partner == id(partner) && f.flow == flow)
            .map(|f| (f.rows, f.years))
    };
    assert_eq!(
        span("RUS", "IRN", Flow::Exports),
        Some((3, Some((2010, 2019))))
    );
    assert_eq!(span("RUS", "IRN", Flow::Imports), None);
    assert_eq!(
        span("IRN", "RUS", Flow::Imports),
        Some((1, Some((2012, 2012))))
    );
    assert_eq!(
        span("IRN", "RUS", Flow::Exports),
        Some((1, Some((2015, 2015))))
    );
}

fn observation(period: Period, value: f64, product: Option<&str>) -> Observation<'_> {
    Observation {
        period,
        reporter: id("RUS"),
        partner: id("IRN"),
        flow: Flow::Exports,
        value_usd: value,
        valuation: Valuation::Fob,
        estimate: None,
        product,
        reconciled: false,
    }
}

fn pair() -> Option<Pair> {
    Pair::new(id("RUS"), id("IRN"))
}

#[test]
fn twelve_months_make_a_year_and_fewer_do_not() {
    let mut collector = Collector::new(pair());
    for month in 1..=12 {
        collector.push(&observation(Period::Month(2020, month), 1.0, None));
    }
    collector.push(&observation(Period::Month(2021, 1), 5.0, None));
    let collected = collector.finish().expect("finishes");
    let years = collected.values.values().next().expect("a series");
    assert_eq!(years.keys().copied().collect::<Vec<_>>(), vec![2020]);
    assert_eq!(years[&2020].value_usd, 12.0);
    assert!(
        collected.warnings[0].contains("2021"),
        "{:?}",
        collected.warnings
    );
}

#[test]
fn several_products_without_a_total_ask_for_a_choice() {
    let mut collector = Collector::new(pair());
    collector.push(&observation(Period::Year(2020), 1.0, Some("27")));
    collector.push(&observation(Period::Year(2020), 2.0, Some("85")));
    let error = Collector::finish(collector).err();
    assert!(matches!(
        error,
        Some(ImportErrorKind::ChooseProduct { count: 2, .. })
    ));
    let mut collector = Collector::new(pair()).with_product(ProductChoice::new(Some("85")));
    collector.push(&observation(Period::Year(2020), 1.0, Some("27")));
    collector.push(&observation(Period::Year(2020), 2.0, Some("85")));
    let values = collector.finish().expect("chosen").values;
    assert_eq!(values.len(), 1);
    assert_eq!(
        values.values().next().expect("a series")[&2020].value_usd,
        2.0
    );
}

#[test]
fn additive_products_are_summed_as_they_arrive_so_the_pair_keeps_one_series_per_flow() {
    let mut collector = Collector::new(pair());
    collector.set_additive_products();
    for product in 0..1_000 {
        let code = format!("{product:06}");
        collector.push(&observation(Period::Year(2020), 1.0, Some(&code)));
        collector.push(&observation(Period::Year(2021), 2.0, Some(&code)));
    }
    assert_eq!(collector.values.len(), 1, "one series, not one per product");
    let collected = collector.finish().expect("finishes");
    let years = collected.values.values().next().expect("a series");
    assert_eq!(
        (years[&2020].value_usd, years[&2021].value_usd),
        (1_000.0, 2_000.0)
    );
    assert_eq!(collected.pair_rows, 2_000);
}

#[test]
fn a_product_asked_of_an_additive_file_keeps_only_its_series() {
    let asked = |code: &str| {
        let mut collector = Collector::new(pair()).with_product(ProductChoice::new(Some(code)));
        collector.set_additive_products();
        for (product, value) in [("010101", 1.5), ("020202", 2.0), ("030303", 4.0)] {
            collector.push(&observation(Period::Year(2020), value, Some(product)));
        }
        assert!(collector.values.len() <= 1, "{:?}", collector.values.keys());
        collector.finish()
    };
    let values = asked("020202").expect("found").values;
    let (key, years) = values.iter().next().expect("a series");
    assert_eq!(
        (key.product.as_deref(), years[&2020].value_usd),
        (Some("020202"), 2.0)
    );
    let total = asked("TOTAL").expect("summed").values;
    assert_eq!(
        total.values().next().expect("a series")[&2020].value_usd,
        7.5
    );
    assert!(matches!(
        asked("999999"),
        Err(ImportErrorKind::NoSuchProduct(code)) if code == "999999"
    ));
}

#[test]
fn blocks_of_an_additive_file_add_their_sums_whichever_block_is_merged_first() {
    let block = |value: f64| {
        let mut partial = Collector::new(pair());
        partial.set_additive_products();
        partial.push(&observation(Period::Year(2020), value, Some("010101")));
        partial.push(&observation(Period::Year(2020), value, Some("020202")));
        partial.take_values()
    };
    // The file's collector learns that products add up from the blocks' values.
    let mut file = Collector::new(pair());
    file.merge_values(block(1.0));
    file.merge_values(block(10.0));
    let collected = file.finish().expect("finishes");
    let years = collected.values.values().next().expect("a series");
    assert_eq!(years[&2020].value_usd, 22.0);
    assert!(collected.skipped.is_empty(), "{:?}", collected.skipped);
}

#[test]
fn additive_products_are_summed_and_other_pairs_only_counted() {
    let mut collector = Collector::new(pair());
    collector.set_additive_products();
    collector.push(&observation(Period::Year(2020), 1.5, Some("010101")));
    collector.push(&observation(Period::Year(2020), 2.0, Some("020202")));
    let mut other = observation(Period::Year(2020), 9.0, None);
    other.partner = id("CHN");
    collector.push(&other);
    let collected = collector.finish().expect("finishes");
    let years = collected.values.values().next().expect("a series");
    assert_eq!(years[&2020].value_usd, 3.5);
    assert_eq!(collected.flows.len(), 2);
    assert_eq!(collected.pair_rows, 2);
}

#[test]
fn a_different_value_for_the_same_year_is_kept_visible() {
    let mut collector = Collector::new(pair());
    collector.push(&observation(Period::Year(2020), 1.0, None));
    collector.push(&observation(Period::Year(2020), 1.0, None));
    collector.push(&observation(Period::Year(2020), 4.0, None));
    let collected = collector.finish().expect("finishes");
    let value = &collected.values.values().next().expect("series")[&2020];
    assert_eq!((value.value_usd, value.conflicting_usd), (1.0, Some(4.0)));
    assert!(
        collected
            .skipped
            .iter()
            .any(|(r, n)| r == "duplicate row" && *n == 1)
    );
}

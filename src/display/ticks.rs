//! Where the ticks of an axis go and what they say: one algorithm for the trade chart,
//! the timeline and the SVG export. Pure arithmetic; nothing here knows about egui.
//!
//! Two kinds of axis:
//!
//! - **Value axes** (amounts, percentages): [`nice_ticks`] puts ticks at round numbers, 1, 2
//!   or 5 times a power of ten apart, enclosing the data; [`log_ticks`] does the same on a
//!   log10 axis (positions in log10 units): powers of ten, their 2 and 5 multiples when
//!   there is room, round values when the range is narrower than a decade.
//! - **Calendar axes** (years): a [`CalendarStep`] is one month, a quarter, half a year, or
//!   1, 2, 5, 10, 20, 25, 50 or 100 years, then 200, 500, 1,000… years.
//!   [`CalendarStep::for_room`] picks the finest step that leaves the labels room,
//!   [`CalendarStep::at_least`] the finest step at least so long;
//!   [`CalendarStep::ticks`] lists the ticks within a span, each a whole multiple of the
//!   step counted in whole months or years (no drift, however far from year 0), and
//!   [`CalendarStep::label`] names one: the year, or under a year's step the month
//!   (`Aug`), January showing its year.
//!   [`year_grid_steps`] gives `egui_plot`'s `uniform_grid_spacer` the three grid steps of a
//!   whole-year axis.
//!
//! Years are fractional years throughout: 2016.5 is the start of July 2016.
//!
//! ```ignore
//! let step = CalendarStep::for_room(end - start, width_px, 90.0);
//! for year in step.ticks(start, end) {
//!     draw(x_of(year), step.label(year));
//! }
//! ```

/// Ticks at round numbers (1, 2 or 5 times a power of ten apart) that enclose
/// `min..=max` in about `target_count` steps: the first tick is at or below `min`, the
/// last at or above `max`. Empty when a bound is not finite or `target_count` is 0.
pub(crate) fn nice_ticks(min: f64, max: f64, target_count: usize) -> Vec<f64> {
    if !min.is_finite() || !max.is_finite() || target_count == 0 {
        return Vec::new();
    }
    let (mut low, mut high) = if min <= max { (min, max) } else { (max, min) };
    if low == high {
        let pad = if low == 0.0 { 1.0 } else { low.abs() * 0.1 };
        low -= pad;
        high += pad;
    }
    let steps = target_count.min(1000);
    #[expect(clippy::cast_precision_loss, reason = "at most 1000 steps")]
    let raw_step = (high - low) / steps as f64;
    let Some(step) = RoundStep::at_least(raw_step) else {
        return Vec::new();
    };
    // A bound a hair past a tick, from rounding elsewhere, does not add a step.
    let first = (low / step.value() + 1e-9).floor();
    let last = (high / step.value() - 1e-9).ceil();
    let mut ticks = Vec::new();
    let mut k = first;
    while k <= last && ticks.len() <= steps + 2 {
        ticks.push(step.times(k) + 0.0);
        k += 1.0;
    }
    ticks
}

/// Ticks for a log10 axis from `low` to `high` (in log10 units): powers of ten, with
/// 2 and 5 times them when there is room; round values mapped to log10 when the range
/// is narrower than that.
pub(crate) fn log_ticks(low: f64, high: f64, target_count: usize) -> Vec<f64> {
    let first_decade = low.floor();
    let last_decade = high.ceil();
    let enclosing = |multiples: &[f64]| -> Vec<f64> {
        let mut candidates = Vec::new();
        let mut decade = first_decade;
        while decade <= last_decade {
            candidates.extend(multiples.iter().map(|m| decade + m.log10()));
            decade += 1.0;
        }
        let start = candidates.iter().rposition(|&t| t <= low + 1e-12);
        let end = candidates.iter().position(|&t| t >= high - 1e-12);
        match (start, end) {
            (Some(start), Some(end)) if start <= end => candidates[start..=end].to_vec(),
            _ => Vec::new(),
        }
    };
    let with_halves = enclosing(&[1.0, 2.0, 5.0]);
    if with_halves.len() >= 3 && with_halves.len() <= target_count * 2 {
        return with_halves;
    }
    let decades = enclosing(&[1.0]);
    if decades.len() >= 3 {
        return decades;
    }
    nice_ticks(10_f64.powf(low), 10_f64.powf(high), target_count)
        .into_iter()
        .filter(|&value| value > 0.0)
        .map(f64::log10)
        .collect()
}

/// A round step: `nice` (1, 2, 5 or 10) times ten to the `exponent`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct RoundStep {
    nice: f64,
    exponent: i32,
}

impl RoundStep {
    /// The smallest round step at or above `raw`; `None` unless `raw` is finite and positive.
    fn at_least(raw: f64) -> Option<Self> {
        if !raw.is_finite() || raw <= 0.0 {
            return None;
        }
        let exponent = raw.log10().floor();
        let fraction = raw / 10_f64.powf(exponent);
        let nice = if fraction <= 1.0 {
            1.0
        } else if fraction <= 2.0 {
            2.0
        } else if fraction <= 5.0 {
            5.0
        } else {
            10.0
        };
        // A finite positive number has a decimal exponent within ±330.
        #[expect(
            clippy::cast_possible_truncation,
            reason = "the exponent is within ±330"
        )]
        let exponent = exponent as i32;
        Some(Self { nice, exponent })
    }

    /// `k` steps, as k × nice ÷ 10ⁿ or k × nice × 10ⁿ: one rounding, so 0.3 comes out
    /// as 0.3 and not 0.30000000000000004.
    fn times(self, k: f64) -> f64 {
        if self.exponent < 0 {
            k * self.nice / 10_f64.powi(-self.exponent)
        } else {
            k * self.nice * 10_f64.powi(self.exponent)
        }
    }

    fn value(self) -> f64 {
        self.times(1.0)
    }
}

/// The distance between two ticks of a calendar axis: whole months under a year, whole
/// years from a year up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CalendarStep {
    /// Every so many months: 1, 3 or 6.
    Months(u32),
    /// Every so many years.
    Years(u32),
}

/// The steps up to a century, finest first; beyond, 1, 2 or 5 centuries times a power of ten.
const CALENDAR_STEPS: [CalendarStep; 11] = [
    CalendarStep::Months(1),
    CalendarStep::Months(3),
    CalendarStep::Months(6),
    CalendarStep::Years(1),
    CalendarStep::Years(2),
    CalendarStep::Years(5),
    CalendarStep::Years(10),
    CalendarStep::Years(20),
    CalendarStep::Years(25),
    CalendarStep::Years(50),
    CalendarStep::Years(100),
];

/// The coarsest step: a billion years.
const LONGEST_STEP_YEARS: u32 = 1_000_000_000;

const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl CalendarStep {
    /// The finest step at least `min_step_years` long. A century when `min_step_years` is
    /// not a number or infinite.
    pub(crate) fn at_least(min_step_years: f64) -> Self {
        if let Some(step) = CALENDAR_STEPS
            .into_iter()
            .find(|step| step.years() >= min_step_years)
        {
            return step;
        }
        let Some(centuries) = RoundStep::at_least(min_step_years / 100.0) else {
            return Self::Years(100);
        };
        let years = 100.0 * centuries.value();
        if years >= f64::from(LONGEST_STEP_YEARS) {
            return Self::Years(LONGEST_STEP_YEARS);
        }
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a whole number of years between 100 and a billion"
        )]
        let years = years.round() as u32;
        Self::Years(years)
    }

    /// The finest step that puts ticks at least `min_spacing` apart on an axis `room` long
    /// (in any one unit, such as points or pixels) showing `span_years`; the axis is given
    /// at least two steps however little room there is.
    pub(crate) fn for_room(span_years: f64, room: f64, min_spacing: f64) -> Self {
        let wanted_steps = (room / min_spacing).max(2.0);
        Self::at_least(span_years / wanted_steps)
    }

    /// The step in years: 1/12 for a month.
    pub(crate) fn years(self) -> f64 {
        match self {
            Self::Months(months) => f64::from(months) / 12.0,
            Self::Years(years) => f64::from(years),
        }
    }

    /// The ticks from `start_year` to `end_year` inclusive, in order. Each is a whole
    /// multiple of the step counted in whole months or years from year 0, so January's
    /// tick is exactly a whole year however far it is counted. Empty when a bound is not
    /// finite or `end_year` comes before `start_year`.
    pub(crate) fn ticks(self, start_year: f64, end_year: f64) -> impl Iterator<Item = f64> {
        let (unit_per_year, units) = match self {
            Self::Months(months) => (12.0, months),
            Self::Years(years) => (1.0, years),
        };
        let units = f64::from(units.max(1));
        // Bounds a hair off a tick, from rounding elsewhere, still include it.
        let first = (start_year * unit_per_year / units - 1e-9).ceil();
        let last = (end_year * unit_per_year / units + 1e-9).floor();
        #[expect(
            clippy::cast_possible_truncation,
            reason = "tick indices on an axis of years; saturate far beyond any"
        )]
        let (first, last) = if first.is_finite() && last.is_finite() {
            (first as i64, last as i64)
        } else {
            (1, 0)
        };
        (first..=last).map(move |index| {
            #[expect(
                clippy::cast_precision_loss,
                reason = "tick indices on an axis of years are far below 2^52"
            )]
            let index = index as f64;
            index * units / unit_per_year
        })
    }

    /// The label of a tick at `year`: the year, or with a step under a year the month's
    /// short name (`Aug`), January showing its year. Counted in whole months, so that
    /// 2017.99999 is 2018 and not December.
    pub(crate) fn label(self, year: f64) -> String {
        #[expect(clippy::cast_possible_truncation, reason = "years on the axis")]
        let months = (year * 12.0).round() as i64;
        let (whole_year, month) = (months.div_euclid(12), months.rem_euclid(12));
        match (
            self,
            usize::try_from(month).ok().and_then(|m| MONTH_NAMES.get(m)),
        ) {
            (Self::Months(_), Some(name)) if month != 0 => (*name).to_owned(),
            _ => whole_year.to_string(),
        }
    }
}

/// The grid steps, in years, that `egui_plot`'s `uniform_grid_spacer` asks for on an axis of
/// whole years: the finest whole-year [`CalendarStep`] at least `base_step_years` (the
/// smallest spacing the plot can show), then five and ten times it.
pub(crate) fn year_grid_steps(base_step_years: f64) -> [f64; 3] {
    let step = CalendarStep::at_least(base_step_years.max(1.0)).years();
    [step, step * 5.0, step * 10.0]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::format::format_value;

    #[test]
    fn nice_ticks_are_round_and_enclose_the_range() {
        assert_eq!(nice_ticks(0.0, 40.0, 4), [0.0, 10.0, 20.0, 30.0, 40.0]);
        assert_eq!(nice_ticks(0.0, 4.6, 5), [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(
            nice_ticks(-20.0, 5.0, 5),
            [-20.0, -15.0, -10.0, -5.0, 0.0, 5.0]
        );
        assert_eq!(nice_ticks(0.1, 0.35, 5), [0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
        assert_eq!(
            nice_ticks(2010.0, 2023.0, 7),
            [
                2010.0, 2012.0, 2014.0, 2016.0, 2018.0, 2020.0, 2022.0, 2024.0
            ]
        );
        assert_eq!(
            nice_ticks(7200.0, 0.0, 4),
            [0.0, 2000.0, 4000.0, 6000.0, 8000.0]
        );
        assert_eq!(nice_ticks(5.0, 5.0, 4), [4.5, 5.0, 5.5]);
        assert_eq!(nice_ticks(0.0, 0.0, 2), [-1.0, 0.0, 1.0]);
        assert!(nice_ticks(f64::NAN, 1.0, 5).is_empty());
        assert!(nice_ticks(0.0, f64::INFINITY, 5).is_empty());
        assert!(nice_ticks(0.0, 1.0, 0).is_empty());
        assert!(nice_ticks(-f64::MAX, f64::MAX, 5).is_empty());
        let many = nice_ticks(0.0, 1.0, usize::MAX);
        assert!(many.len() <= 1003, "{}", many.len());
    }

    #[test]
    fn log_ticks_use_powers_of_ten_and_their_halves_or_round_values_when_narrow() {
        let labels = |low: f64, high: f64| -> Vec<String> {
            log_ticks(low.log10(), high.log10(), 6)
                .into_iter()
                .map(|t| format_value(10_f64.powf(t)))
                .collect()
        };
        assert_eq!(labels(1.2, 40.0), ["1", "2", "5", "10", "20", "50"]);
        assert_eq!(
            labels(0.01, 7200.0),
            ["0.01", "0.1", "1", "10", "100", "1,000", "10,000"]
        );
        assert_eq!(labels(3.5, 5.0), ["3.5", "4", "4.5", "5"]);
    }

    /// The timeline's axis: 90 points per label at least.
    fn timeline_step(span_years: f64, width_points: f64) -> CalendarStep {
        CalendarStep::for_room(span_years, width_points, 90.0)
    }

    #[test]
    fn ticks_follow_the_zoom_from_centuries_to_months() {
        assert!(timeline_step(226.0, 1200.0).years() >= 10.0);
        assert_eq!(timeline_step(10.0, 1200.0).years(), 1.0);
        assert!(timeline_step(1.0, 1200.0).years() < 1.0);
        let month = CalendarStep::Months(1);
        assert_eq!(month.label(2016.0 + 7.0 / 12.0), "Aug");
        assert_eq!(month.label(2016.0), "2016");
    }

    #[test]
    fn year_ticks_at_month_zoom_are_years_however_far_they_are_counted() {
        let month = CalendarStep::Months(1);
        let labels: Vec<String> = month
            .ticks(2015.0, 2019.0)
            .map(|tick| month.label(tick))
            .collect();
        assert_eq!(labels.len(), 49);
        for (index, label) in labels.iter().enumerate().step_by(12) {
            assert_eq!(*label, (2015 + index / 12).to_string());
        }
        assert_eq!(labels[7], "Aug");
        assert_eq!(month.label(2_017.999_999_9), "2018");
    }

    #[test]
    fn steps_run_from_a_month_through_quarters_and_years_to_centuries() {
        use CalendarStep::{Months, Years};
        let steps: Vec<CalendarStep> = [
            0.0, 0.05, 0.1, 0.3, 0.6, 1.0, 1.5, 3.0, 7.0, 15.0, 21.0, 30.0, 99.0, 101.0, 300.0, 1e4,
        ]
        .into_iter()
        .map(CalendarStep::at_least)
        .collect();
        assert_eq!(
            steps,
            [
                Months(1),
                Months(1),
                Months(3),
                Months(6),
                Years(1),
                Years(1),
                Years(2),
                Years(5),
                Years(10),
                Years(20),
                Years(25),
                Years(50),
                Years(100),
                Years(200),
                Years(500),
                Years(10_000),
            ]
        );
        assert_eq!(CalendarStep::at_least(f64::NAN), Years(100));
        assert_eq!(CalendarStep::at_least(f64::INFINITY), Years(100));
        assert_eq!(CalendarStep::at_least(1e300), Years(LONGEST_STEP_YEARS));
        assert_eq!(CalendarStep::at_least(-5.0), Months(1));
    }

    #[test]
    fn the_step_leaves_each_label_its_room_and_the_axis_two_steps_at_least() {
        // 40 years on 800 points, 90 points a label: 8.9 steps wanted, so 5 years a step.
        assert_eq!(
            CalendarStep::for_room(40.0, 800.0, 90.0),
            CalendarStep::Years(5)
        );
        // The same span on 4,000 points has room for every year.
        assert_eq!(
            CalendarStep::for_room(40.0, 4000.0, 90.0),
            CalendarStep::Years(1)
        );
        // No room at all: still two steps over the span.
        assert_eq!(
            CalendarStep::for_room(40.0, 0.0, 90.0),
            CalendarStep::Years(20)
        );
    }

    #[test]
    fn ticks_are_whole_multiples_of_the_step_within_the_span() {
        assert_eq!(
            CalendarStep::Years(5)
                .ticks(1996.5, 2011.0)
                .collect::<Vec<_>>(),
            [2000.0, 2005.0, 2010.0]
        );
        assert_eq!(
            CalendarStep::Years(25)
                .ticks(1800.0, 1900.0)
                .collect::<Vec<_>>(),
            [1800.0, 1825.0, 1850.0, 1875.0, 1900.0]
        );
        let quarters: Vec<f64> = CalendarStep::Months(3).ticks(2016.1, 2017.0).collect();
        assert_eq!(quarters, [2016.25, 2016.5, 2016.75, 2017.0]);
        let labels: Vec<String> = quarters
            .iter()
            .map(|&tick| CalendarStep::Months(3).label(tick))
            .collect();
        assert_eq!(labels, ["Apr", "Jul", "Oct", "2017"]);
        assert_eq!(
            CalendarStep::Years(1).ticks(-2.0, 1.0).collect::<Vec<_>>(),
            [-2.0, -1.0, 0.0, 1.0]
        );
        assert_eq!(CalendarStep::Years(1).label(2016.5), "2016");
        assert_eq!(CalendarStep::Months(1).label(-1.0 / 12.0), "Dec");
        assert_eq!(CalendarStep::Years(1).ticks(2011.0, 2010.0).count(), 0);
        assert_eq!(CalendarStep::Years(1).ticks(f64::NAN, 2010.0).count(), 0);
        assert_eq!(CalendarStep::Months(1).ticks(0.0, f64::INFINITY).count(), 0);
    }

    #[test]
    fn the_year_grid_is_whole_years_and_five_and_ten_times_them() {
        assert_eq!(year_grid_steps(0.1), [1.0, 5.0, 10.0]);
        assert_eq!(year_grid_steps(1.0), [1.0, 5.0, 10.0]);
        assert_eq!(year_grid_steps(4.0), [5.0, 25.0, 50.0]);
        assert_eq!(year_grid_steps(30.0), [50.0, 250.0, 500.0]);
    }
}

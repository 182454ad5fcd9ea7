//! The frame the trade chart opens on: the data's years and values, never narrower than a
//! few years (a dataset of one year is not one vertical line in a century) nor, on a log
//! scale, flatter than a decade.

use super::ChartModel;

/// The narrowest span of years the chart frames by default.
pub(crate) const MIN_FRAME_YEARS: f64 = 4.0;

/// The flattest log-scale frame, in decades (powers of ten).
pub(crate) const MIN_LOG_FRAME_DECADES: f64 = 1.0;

/// The smallest height of a linear frame whose values are all the same (all zero, say),
/// as a share of that value, or 1 when the value is 0.
const MIN_LINEAR_FRAME_SHARE: f64 = 0.5;

/// Where the default frame must reach beyond the data: the plot frames the data and these
/// points. Empty where the data already spans enough.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct FrameReach {
    /// Years the frame must include.
    pub(crate) x: Option<[f64; 2]>,
    /// Plotted values the frame must include.
    pub(crate) y: Option<[f64; 2]>,
}

impl ChartModel {
    /// How far the default frame must reach beyond the visible markers so that a short or
    /// flat series is framed sensibly; nothing without markers.
    pub(crate) fn frame_reach(&self) -> FrameReach {
        let mut xs = self.visible_markers().map(|(_, marker)| marker.x);
        let Some(first_x) = xs.next() else {
            return FrameReach::default();
        };
        let (x_min, x_max) = xs.fold((first_x, first_x), |(low, high), x| {
            (low.min(x), high.max(x))
        });
        let ys = self.visible_markers().map(|(_, marker)| marker.y);
        let (y_min, y_max) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), y| {
            (low.min(y), high.max(y))
        });
        let y = if self.log_scale {
            widened(y_min, y_max, MIN_LOG_FRAME_DECADES)
        } else {
            // The linear chart always shows zero.
            let (low, high) = (y_min.min(0.0), y_max.max(0.0));
            let scale = low.abs().max(high.abs());
            let min_height = if scale > 0.0 {
                scale * MIN_LINEAR_FRAME_SHARE
            } else {
                1.0
            };
            widened(low, high, min_height)
        };
        FrameReach {
            x: widened(x_min, x_max, MIN_FRAME_YEARS),
            y,
        }
    }
}

/// `[low, high]` widened about its middle to `min_span`, or `None` when it is already as
/// wide (or not finite).
fn widened(low: f64, high: f64, min_span: f64) -> Option<[f64; 2]> {
    if !(low.is_finite() && high.is_finite()) || high - low >= min_span {
        return None;
    }
    let middle = f64::midpoint(low, high);
    Some([middle - min_span / 2.0, middle + min_span / 2.0])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{ChartOptions, build};
    use crate::data::builtin::builtin_dataset;
    use crate::data::{Dataset, Point, Series};

    /// The built-in dataset with every series cut to the points of `years`.
    fn dataset_of_years(years: std::ops::RangeInclusive<i32>) -> Dataset {
        let mut dataset = builtin_dataset().expect("built-in loads");
        for series in &mut dataset.series {
            series
                .points
                .retain(|point: &Point| years.contains(&point.year));
        }
        dataset
            .series
            .retain(|series: &Series| !series.points.is_empty());
        dataset
    }

    #[test]
    fn one_year_is_framed_with_two_years_either_side() {
        let dataset = dataset_of_years(2015..=2015);
        let model = build(&dataset, &ChartOptions::default());
        assert!(model.visible_markers().count() > 0, "2015 has values");
        let reach = model.frame_reach();
        assert_eq!(reach.x, Some([2013.0, 2017.0]));
    }

    #[test]
    fn a_decade_of_data_needs_no_reach_in_years() {
        let dataset = dataset_of_years(2005..=2020);
        let model = build(&dataset, &ChartOptions::default());
        assert_eq!(model.frame_reach().x, None);
    }

    #[test]
    fn no_marker_no_reach() {
        let mut dataset = builtin_dataset().expect("built-in loads");
        dataset.series.clear();
        let model = build(&dataset, &ChartOptions::default());
        assert_eq!(model.frame_reach(), FrameReach::default());
    }

    #[test]
    fn spans_are_widened_about_their_middle_and_only_when_short() {
        assert_eq!(widened(2020.0, 2020.0, 4.0), Some([2018.0, 2022.0]));
        assert_eq!(widened(2019.0, 2020.0, 4.0), Some([2017.5, 2021.5]));
        assert_eq!(widened(2000.0, 2010.0, 4.0), None);
        assert_eq!(widened(f64::INFINITY, f64::NEG_INFINITY, 4.0), None);
        assert_eq!(widened(0.0, 0.0, 1.0), Some([-0.5, 0.5]));
    }
}

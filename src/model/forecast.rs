//! A prediction's course over time, from its optional `history`: the points of a
//! sparkline and the sentence that says the same for readers who do not see it.

use super::{date, story::percent_label, Prediction};

/// A forecast's known values, oldest first, with their times in milliseconds since 1970.
#[derive(Clone, Debug, PartialEq)]
pub struct Trend {
    pub points: Vec<(f64, f64)>,
    /// The first point's date as written, for saying "since …".
    pub since: String,
}

impl Prediction {
    /// The history's valid points (validation reports the others), then the current
    /// forecast at its `as_of` date when that is later; `None` with fewer than two points
    /// or no time between them, since a single value has no course to draw.
    pub fn trend(&self) -> Option<Trend> {
        let probability = self.valid_probability()?;
        let mut dated: Vec<(f64, f64, &str)> = self
            .history
            .iter()
            .filter(|point| (0.0..=1.0).contains(&point.probability))
            .filter_map(|point| {
                let time = date::unix_millis(&point.date)?;
                Some((time, point.probability, point.date.as_str()))
            })
            .collect();
        dated.sort_by(|a, b| a.0.total_cmp(&b.0));
        let current = self
            .as_of
            .as_deref()
            .and_then(|as_of| Some((date::unix_millis(as_of)?, as_of)));
        if let Some((time, as_of)) = current {
            if dated.last().is_none_or(|last| time > last.0) {
                dated.push((time, probability, as_of));
            }
        }
        let (first, last) = (dated.first()?, dated.last()?);
        if dated.len() < 2 || last.0 <= first.0 {
            return None;
        }
        Some(Trend {
            since: first.2.to_owned(),
            points: dated.iter().map(|&(time, p, _)| (time, p)).collect(),
        })
    }
}

impl Trend {
    /// "Rose from 20% to 35% since October 1, 2024." in the reader's zone (`local_offset`
    /// as for `date::readable`).
    pub fn summary(&self, local_offset: impl Fn(f64) -> i64) -> String {
        let from = self.points[0].1;
        let to = self.points[self.points.len() - 1].1;
        let since = date::readable_day(&self.since, local_offset).unwrap_or_default();
        let (from_label, to_label) = (percent_label(from), percent_label(to));
        if from_label == to_label {
            format!("Unchanged at {to_label} since {since}.")
        } else if to > from {
            format!("Rose from {from_label} to {to_label} since {since}.")
        } else {
            format!("Fell from {from_label} to {to_label} since {since}.")
        }
    }

    /// SVG polyline points in a `width` × `height` box: time across, probability up, the
    /// full 0–100% range so that slopes compare between predictions.
    pub fn polyline(&self, width: f64, height: f64) -> String {
        let start = self.points[0].0;
        let span = self.points[self.points.len() - 1].0 - start;
        self.points
            .iter()
            .map(|&(time, p)| {
                let x = (time - start) / span * width;
                let y = (1.0 - p) * height;
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{ForecastPoint, Prediction};

    fn prediction(probability: f64, as_of: Option<&str>, history: &[(&str, f64)]) -> Prediction {
        Prediction {
            question: "Q?".into(),
            probability: Some(probability),
            source: None,
            url: None,
            as_of: as_of.map(Into::into),
            history: history
                .iter()
                .map(|&(date, probability)| ForecastPoint {
                    date: date.into(),
                    probability,
                })
                .collect(),
        }
    }

    #[test]
    fn the_trend_runs_from_the_oldest_point_to_the_current_forecast() {
        let p = prediction(
            0.35,
            Some("2024-10-18"),
            &[
                ("2024-10-08", 0.25),
                ("2024-10-01", 0.2),
                ("bad", 0.5),
                ("2024-10-05", 1.7),
            ],
        );
        let trend = p.trend().unwrap();
        assert_eq!(trend.points.len(), 3);
        assert_eq!(trend.since, "2024-10-01");
        assert_eq!(
            trend.summary(|_| 0),
            "Rose from 20% to 35% since October 1, 2024."
        );
        assert_eq!(trend.polyline(100.0, 20.0), "0.0,16.0 41.2,15.0 100.0,13.0");
    }

    #[test]
    fn falls_and_flat_lines_are_said_as_such() {
        let fell = prediction(0.1, Some("2024-10-18"), &[("2024-10-01", 0.3)]);
        assert_eq!(
            fell.trend().unwrap().summary(|_| 0),
            "Fell from 30% to 10% since October 1, 2024."
        );
        let flat = prediction(0.301, Some("2024-10-18"), &[("2024-10-01", 0.3)]);
        assert_eq!(
            flat.trend().unwrap().summary(|_| 0),
            "Unchanged at 30% since October 1, 2024."
        );
    }

    #[test]
    fn one_point_or_no_time_between_points_is_no_trend() {
        assert_eq!(prediction(0.3, None, &[]).trend(), None);
        assert_eq!(prediction(0.3, None, &[("2024-10-01", 0.2)]).trend(), None);
        assert_eq!(
            prediction(0.3, Some("2024-10-01"), &[("2024-10-01", 0.2)]).trend(),
            None
        );
        // Without an as-of date the history alone draws the line.
        let history = prediction(0.3, None, &[("2024-10-01", 0.2), ("2024-10-09", 0.4)]);
        assert_eq!(
            history.trend().unwrap().points,
            vec![(1_727_740_800_000.0, 0.2), (1_728_432_000_000.0, 0.4)]
        );
    }
}

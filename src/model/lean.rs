//! Where the outlets a story cites stand, on the two scales the original site rates them
//! on: how many cited sources sit where, and which facts rest on one side only.

use super::{numbers::grouped, Article, Citation, Lean};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    /// `lr`: 1 left … 5 right.
    LeftRight,
    /// `pe`: 1 establishment-critical … 5 pro-establishment.
    Establishment,
}

impl Axis {
    pub const ALL: [Axis; 2] = [Axis::LeftRight, Axis::Establishment];

    /// What each rating 1–5 is called, in order.
    pub fn labels(self) -> [&'static str; 5] {
        match self {
            Self::LeftRight => ["Left", "Lean left", "Center", "Lean right", "Right"],
            Self::Establishment => [
                "Establishment-critical",
                "Leans establishment-critical",
                "Establishment-neutral",
                "Leans pro-establishment",
                "Pro-establishment",
            ],
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::LeftRight => "Left to right",
            Self::Establishment => "Establishment-critical to pro-establishment",
        }
    }

    /// A short token for class names and ids.
    pub fn key(self) -> &'static str {
        match self {
            Self::LeftRight => "lr",
            Self::Establishment => "pe",
        }
    }

    pub fn rating(self, lean: Option<Lean>) -> Option<u8> {
        let lean = lean?;
        match self {
            Self::LeftRight => lean.left_right(),
            Self::Establishment => lean.establishment(),
        }
    }

    /// "Lean left" for rating 2.
    pub fn label(self, rating: u8) -> &'static str {
        self.labels()[usize::from(rating) - 1]
    }
}

/// How many cited sources have each rating on one axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Distribution {
    pub axis: Axis,
    /// Sources rated 1 … 5, at 0 … 4.
    pub counts: [usize; 5],
    pub unrated: usize,
}

impl Distribution {
    pub fn cited(&self) -> usize {
        self.counts.iter().sum::<usize>() + self.unrated
    }

    /// The bar in words: "Of 6 cited sources: 1 left, 2 center, 2 lean right; 1 not rated."
    pub fn summary(&self) -> String {
        let labels = self.axis.labels();
        let parts: Vec<String> = self
            .counts
            .iter()
            .zip(labels)
            .filter(|(&count, _)| count > 0)
            .map(|(&count, label)| format!("{} {}", grouped(count), label.to_ascii_lowercase()))
            .collect();
        let cited = self.cited();
        let noun = if cited == 1 { "source" } else { "sources" };
        let unrated = match self.unrated {
            0 => String::new(),
            n => format!("; {} not rated", grouped(n)),
        };
        format!(
            "Of {} cited {noun}: {}{unrated}.",
            grouped(cited),
            parts.join(", ")
        )
    }
}

/// The side every source of a fact comes from, when they all come from one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub fn name(self) -> &'static str {
        match self {
            Self::Left => "left",
            Self::Right => "right",
        }
    }
}

impl Article {
    /// The cited sources' ratings on `axis`; `None` when none of them is rated on it, so
    /// that stories without ratings show nothing new.
    pub fn lean_distribution(&self, axis: Axis) -> Option<Distribution> {
        let mut distribution = Distribution {
            axis,
            counts: [0; 5],
            unrated: 0,
        };
        for (number, source) in self.numbered_sources() {
            if self.citing_facts(number).is_empty() {
                continue;
            }
            match axis.rating(source.lean) {
                Some(rating) => distribution.counts[usize::from(rating) - 1] += 1,
                None => distribution.unrated += 1,
            }
        }
        (distribution.unrated < distribution.cited()).then_some(distribution)
    }

    /// `Some(side)` when fact `fact` cites at least two different sources, all rated on the
    /// left–right scale and all on the same side of center. One source is one outlet's
    /// word, which its own lean already shows; two or more from one side is a pattern a
    /// reader may want pointed out.
    pub fn single_side(&self, fact: usize) -> Option<Side> {
        let mut sources: Vec<usize> = self
            .citations(fact)
            .iter()
            .filter_map(|citation| match citation {
                Citation::Source { source, .. } => Some(*source),
                Citation::Missing(_) => None,
            })
            .collect();
        sources.sort_unstable();
        sources.dedup();
        if sources.len() < 2 {
            return None;
        }
        let ratings: Option<Vec<u8>> = sources
            .iter()
            .map(|&s| self.story.sources[s].lean.and_then(Lean::left_right))
            .collect();
        let ratings = ratings?;
        if ratings.iter().all(|&r| r <= 2) {
            Some(Side::Left)
        } else if ratings.iter().all(|&r| r >= 4) {
            Some(Side::Right)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse::parse_json;

    fn article(sources: &str, facts: &str) -> Article {
        Article::new(
            parse_json(&format!(
                r#"{{"slug":"s","title":"T","published_at":"2024-10-18","sources":{sources},"facts":{facts}}}"#
            ))
            .unwrap(),
        )
    }

    const SOURCES: &str = r#"[
        {"id":"l","outlet":"L","lean":{"lr":1,"pe":2}},
        {"id":"ll","outlet":"LL","lean":{"lr":2}},
        {"id":"r","outlet":"R","lean":{"lr":5,"pe":4}},
        {"id":"x","outlet":"X"},
        {"id":"bad","outlet":"Bad","lean":{"lr":9}},
        {"id":"uncited","outlet":"U","lean":{"lr":3}}
    ]"#;

    #[test]
    fn the_distribution_counts_cited_sources_by_rating() {
        let article = article(
            SOURCES,
            r#"[{"text":"a","sources":["l","ll","r"]},{"text":"b","sources":["x","bad","l"]}]"#,
        );
        let lr = article.lean_distribution(Axis::LeftRight).unwrap();
        assert_eq!(lr.counts, [1, 1, 0, 0, 1]);
        assert_eq!(lr.unrated, 2);
        assert_eq!(
            lr.summary(),
            "Of 5 cited sources: 1 left, 1 lean left, 1 right; 2 not rated."
        );
        let pe = article.lean_distribution(Axis::Establishment).unwrap();
        assert_eq!(pe.counts, [0, 1, 0, 1, 0]);
        assert_eq!(
            pe.summary(),
            "Of 5 cited sources: 1 leans establishment-critical, 1 leans pro-establishment; 3 not rated."
        );
    }

    #[test]
    fn no_rated_cited_source_means_no_distribution() {
        let article = article(
            r#"[{"id":"x","outlet":"X"},{"id":"u","outlet":"U","lean":{"lr":3}}]"#,
            r#"[{"text":"a","sources":["x"]}]"#,
        );
        assert_eq!(article.lean_distribution(Axis::LeftRight), None);
    }

    #[test]
    fn single_side_needs_two_rated_sources_on_one_side() {
        let article = article(
            SOURCES,
            r#"[
                {"text":"two left","sources":["l","ll"]},
                {"text":"one left twice","sources":["l","l"]},
                {"text":"both sides","sources":["l","r"]},
                {"text":"one unrated","sources":["l","x"]},
                {"text":"left and dangling","sources":["l","ll","nope"]},
                {"text":"center counts as neither","sources":["l","uncited"]}
            ]"#,
        );
        let sides: Vec<_> = (0..6).map(|f| article.single_side(f)).collect();
        assert_eq!(
            sides,
            [Some(Side::Left), None, None, None, Some(Side::Left), None]
        );
    }

    #[test]
    fn labels_name_each_rating() {
        assert_eq!(Axis::LeftRight.label(2), "Lean left");
        assert_eq!(Axis::Establishment.label(5), "Pro-establishment");
    }
}

//! Story JSON, format v1, as it arrives. Unknown fields are ignored so that newer
//! producers can add fields without breaking older renderers. The publish step writes
//! stories back out (into the pages it renders, for the browser to read), so there they
//! also serialise, to the same format.

use serde::{Deserialize, Deserializer};

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(feature = "ssr", derive(serde::Serialize))]
#[serde(expecting = "a story object")]
pub struct Story {
    pub slug: String,
    pub title: String,
    pub teaser: Option<String>,
    pub byline: Option<String>,
    pub published_at: String,
    pub updated_at: Option<String>,
    pub image: Option<Image>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub topics: Vec<String>,
    pub sources: Vec<Source>,
    pub facts: Vec<Fact>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub narratives: Vec<Narrative>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub predictions: Vec<Prediction>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub related: Vec<Related>,
}

impl Story {
    /// Cleans every string of the story (`text::clean`).
    pub fn clean_text(&mut self) {
        use super::text::clean;
        let optional = |text: &mut Option<String>| text.iter_mut().for_each(clean);
        let image = |image: &mut Image| {
            clean(&mut image.src);
            clean(&mut image.alt);
            optional(&mut image.credit);
            optional(&mut image.credit_url);
        };
        clean(&mut self.slug);
        clean(&mut self.title);
        optional(&mut self.teaser);
        optional(&mut self.byline);
        clean(&mut self.published_at);
        optional(&mut self.updated_at);
        self.image.iter_mut().for_each(image);
        self.topics.iter_mut().for_each(clean);
        for source in &mut self.sources {
            clean(&mut source.id);
            clean(&mut source.outlet);
            optional(&mut source.title);
            optional(&mut source.url);
            optional(&mut source.published_at);
        }
        for fact in &mut self.facts {
            clean(&mut fact.text);
            fact.sources.iter_mut().for_each(clean);
        }
        for narrative in &mut self.narratives {
            clean(&mut narrative.label);
            optional(&mut narrative.perspective);
            optional(&mut narrative.outlet);
            optional(&mut narrative.url);
            clean(&mut narrative.text);
        }
        for prediction in &mut self.predictions {
            clean(&mut prediction.question);
            optional(&mut prediction.source);
            optional(&mut prediction.url);
            optional(&mut prediction.as_of);
            prediction
                .history
                .iter_mut()
                .for_each(|point| clean(&mut point.date));
        }
        for related in &mut self.related {
            clean(&mut related.slug);
            clean(&mut related.title);
            related.image.iter_mut().for_each(image);
        }
    }

    /// Replaces each relative image path of the story and its related stories
    /// (`links::is_relative_path`) with `resolve(path)`: such paths are relative to the
    /// story file, as URLs in a stylesheet are relative to the stylesheet, so stories can
    /// be moved with their images.
    pub fn resolve_image_paths(&mut self, resolve: impl Fn(&str) -> String) {
        let related = self.related.iter_mut().filter_map(|r| r.image.as_mut());
        for image in self.image.iter_mut().chain(related) {
            if super::links::is_relative_path(&image.src) {
                image.src = resolve(&image.src);
            }
        }
    }

    /// What search results and link previews say of the story: its teaser, else its title.
    pub fn description(&self) -> &str {
        self.teaser
            .as_deref()
            .filter(|teaser| !teaser.trim().is_empty())
            .unwrap_or(&self.title)
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(feature = "ssr", derive(serde::Serialize))]
#[serde(expecting = "an image object")]
pub struct Image {
    pub src: String,
    pub alt: String,
    pub credit: Option<String>,
    pub credit_url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(feature = "ssr", derive(serde::Serialize))]
#[serde(expecting = "a source object")]
pub struct Source {
    pub id: String,
    pub outlet: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published_at: Option<String>,
    pub lean: Option<Lean>,
}

/// Where an outlet sits, each axis rated 1–5 as the original site rates sources:
/// `lr` 1 left … 5 right, `pe` 1 establishment-critical … 5 pro-establishment.
/// Values outside 1–5 are reported by validation and then ignored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "ssr", derive(serde::Serialize))]
#[serde(expecting = "a lean object")]
pub struct Lean {
    pub lr: Option<u8>,
    pub pe: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(feature = "ssr", derive(serde::Serialize))]
#[serde(expecting = "a fact object")]
pub struct Fact {
    pub text: String,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(feature = "ssr", derive(serde::Serialize))]
#[serde(expecting = "a narrative object")]
pub struct Narrative {
    pub label: String,
    pub perspective: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub text: String,
}

impl Narrative {
    /// "Pro-Ukraine" reads as "Pro-Ukraine narrative"; a label that already says
    /// "narrative" is left alone so editors may write either. The label and the app's
    /// own word come apart so that each keeps its own writing direction.
    pub fn heading_parts(&self) -> (&str, &'static str) {
        let label = self.label.trim();
        if label.to_ascii_lowercase().ends_with("narrative") {
            (label, "")
        } else {
            (label, " narrative")
        }
    }

    pub fn heading(&self) -> String {
        let (label, suffix) = self.heading_parts();
        format!("{label}{suffix}")
    }

    /// A narrative with nothing to read is left out of the page (validation says so).
    pub fn has_text(&self) -> bool {
        !self.text.trim().is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(feature = "ssr", derive(serde::Serialize))]
#[serde(expecting = "a prediction object")]
pub struct Prediction {
    pub question: String,
    /// Left out where the forecaster shows the number only on its own page (Verity embeds
    /// Metaculus's): then the prediction links there instead, and needs an http(s) `url`.
    #[serde(default)]
    pub probability: Option<f64>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub as_of: Option<String>,
    /// Earlier forecasts, oldest first, for the trend line.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub history: Vec<ForecastPoint>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(feature = "ssr", derive(serde::Serialize))]
#[serde(expecting = "a forecast point object")]
pub struct ForecastPoint {
    pub date: String,
    pub probability: f64,
}

impl Prediction {
    /// The probability, when it is one (from 0 to 1).
    pub fn valid_probability(&self) -> Option<f64> {
        self.probability.filter(|p| (0.0..=1.0).contains(p))
    }

    /// What the prediction shows readers: its probability, or, with none given, a link to
    /// the forecast; `None` when it can show neither (validation says why).
    pub fn forecast(&self) -> Option<Forecast<'_>> {
        match self.probability {
            Some(_) => self.valid_probability().map(Forecast::Probability),
            None => self
                .url
                .as_deref()
                .and_then(super::links::http_url)
                .map(Forecast::Elsewhere),
        }
    }
}

/// What a prediction shows of its forecast.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Forecast<'a> {
    /// A probability from 0 to 1.
    Probability(f64),
    /// No number here: the forecast is at this http(s) URL.
    Elsewhere(&'a str),
}

/// Whole percentages, except that a forecast near but not at certainty never rounds to
/// "0%" or "100%": readers take those literally.
pub fn percent_label(p: f64) -> String {
    let percent = (p * 100.0).round();
    if p > 0.0 && percent < 1.0 {
        "<1%".to_owned()
    } else if p < 1.0 && percent > 99.0 {
        ">99%".to_owned()
    } else {
        format!("{percent}%")
    }
}

impl Lean {
    /// The left–right rating when it is one of the five.
    pub fn left_right(self) -> Option<u8> {
        self.lr.filter(|r| (1..=5).contains(r))
    }

    /// The establishment rating when it is one of the five.
    pub fn establishment(self) -> Option<u8> {
        self.pe.filter(|r| (1..=5).contains(r))
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(feature = "ssr", derive(serde::Serialize))]
#[serde(expecting = "a related story object")]
pub struct Related {
    pub slug: String,
    pub title: String,
    pub image: Option<Image>,
}

/// Optional lists may be written as `null` by producers that serialise empty options.
fn null_as_empty<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prediction(probability: f64) -> Prediction {
        Prediction {
            question: "Q?".into(),
            probability: Some(probability),
            source: None,
            url: None,
            as_of: None,
            history: Vec::new(),
        }
    }

    #[test]
    fn percent_labels_round_but_never_claim_certainty() {
        assert_eq!(percent_label(0.35), "35%");
        assert_eq!(percent_label(0.0), "0%");
        assert_eq!(percent_label(1.0), "100%");
        assert_eq!(percent_label(0.004), "<1%");
        assert_eq!(percent_label(0.996), ">99%");
        assert_eq!(percent_label(0.125), "13%");
    }

    #[test]
    fn a_forecast_is_a_probability_or_else_a_link_to_it() {
        assert_eq!(
            prediction(0.35).forecast(),
            Some(Forecast::Probability(0.35))
        );
        assert_eq!(
            prediction(1.7).forecast(),
            None,
            "an invalid number is not replaced by a link"
        );
        let mut linked = prediction(0.0);
        linked.probability = None;
        assert_eq!(linked.forecast(), None, "nothing to show");
        linked.url = Some("https://www.metaculus.com/questions/29480/".into());
        assert_eq!(
            linked.forecast(),
            Some(Forecast::Elsewhere(
                "https://www.metaculus.com/questions/29480/"
            ))
        );
        linked.url = Some("javascript:alert(1)".into());
        assert_eq!(linked.forecast(), None);
    }

    #[test]
    fn narrative_heading_appends_narrative_once() {
        let mut narrative = Narrative {
            label: "Pro-Ukraine".into(),
            perspective: None,
            outlet: None,
            url: None,
            text: String::new(),
        };
        assert_eq!(narrative.heading(), "Pro-Ukraine narrative");
        narrative.label = "Pro-Russia Narrative".into();
        assert_eq!(narrative.heading(), "Pro-Russia Narrative");
    }
}

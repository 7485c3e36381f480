//! Stories as Verity (verity.news, by the Improve the News Foundation) serves them from its
//! story API, read into format v1 so that a publisher can point Storyline at that JSON.
//!
//! Verity publishes no schema. The field names below are the ones Improve the News' own
//! iOS app reads from that API (GitHub `federicolopez-toptal/Improve-the-news`,
//! `StoryEntities.swift`, `MainFeedStory.swift`); those marked *designed* are not seen
//! there and were chosen for this adapter. Other fields (`articles`, `version`, …) are
//! ignored, as are unknown ones.
//!
//! ```text
//! {
//!   "storyData": { "title", "time", "slug"? (designed),
//!                  "image"?: { "src"?, "desc"?, "credit"?: { "title"?, "url"? } } },
//!   "facts"?: [{ "title" (the fact's text),
//!                "source"?: [{ "title"?, "url"?, "time"? (designed), "LR"?, "CP"? or "PE"?,
//!                              "media"?: { "label"?, "name"?, "title"? } }] }],
//!   "spinSection"?: [{ "title"?, "description"?, "timestamp"?,
//!                      "spins"?: [{ "title"?, "url"?, "time"?, "media"?,
//!                                   "probability"? (designed) }] }]
//! }
//! ```
//!
//! - **Lists** missing or `null` are empty, and `null` entries in them are skipped: Verity's
//!   lists contain some, and its app skips them too. Error paths count them, as the text does.
//! - **Sources** are inline in Verity, repeated in every fact citing them. Each distinct URL
//!   (outlet and `title` when there is no URL) becomes one source, listed in order of first
//!   appearance. Its id is `media.label`, else the outlet's name, as a slug, with `-2`,
//!   `-3`, … when another source already has it. The outlet is `media.name`, else
//!   `media.title`, else `title` (Verity's app calls that the source's name); `title` is
//!   the headline only when it is not just the outlet's name again.
//! - **Lean** uses Verity's own scales: `LR` 1 left … 5 right is `lr`; `CP` (named `PE` in
//!   Verity's article lists) 1 establishment-critical … 5 pro-establishment is `pe`.
//!   Fractions round; 0, negatives and anything else outside 1–5 mean unrated in Verity
//!   and become `None`.
//! - **Spin sections** become narratives: `label` is the section's `title` as written,
//!   `text` its `description`, `outlet` and `url` its first spin's `media` name and link.
//!   `perspective` is `left`, `right`, `pro-establishment` or `establishment-critical`
//!   when the label says so, else the label without a trailing "narrative". A section
//!   without a description (and no forecast) becomes a narrative without text, which
//!   validation reports and the page leaves out.
//! - **Predictions**: a section whose first spin links to a metaculus.com question is a
//!   prediction instead: the spin's `title` (else the section's) is the question, its
//!   `time` (else the section's `timestamp`) the date. Verity shows Metaculus's own frame
//!   for these, so a spin may give no `probability`: then the prediction links to the
//!   question for the current forecast. A probability from 0 to 1 is a fraction and one
//!   above 1 up to 100 a percentage, so 1 is certainty and 1% must be written 0.01;
//!   anything else is kept for validation to report.
//! - **Dates** in RFC 3339 pass through; a date-time without a zone (also with a space for
//!   the `T`) is taken as UTC; a number, or a string of digits, is Unix time in seconds, or
//!   in milliseconds from 10^11 up. Anything else is kept as written for validation to report.
//! - **Slug**: `storyData.slug` (designed) when given, else the title as a slug, so that a
//!   story keeps the address its title gives it on Verity.

use super::parse::{parse_json, ParseError};
use super::story::{Fact, Image, Lean, Narrative, Prediction, Source, Story};
use super::{date, links};
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Reads Verity's story JSON as a format v1 story, to be checked by `Article::new` like
/// any other. Errors name where in Verity's document the problem is.
pub fn parse_verity(text: &str) -> Result<Story, ParseError> {
    let document: Document = parse_json(text)?;
    let data = document.story_data;

    let mut sources = Sources::default();
    let mut facts = Vec::new();
    for (f, fact) in entries(document.facts) {
        let mut ids = Vec::new();
        for (s, source) in entries(fact.source) {
            ids.push(sources.cite(source).ok_or_else(|| ParseError {
                path: Some(format!("facts[{f}].source[{s}]")),
                message: "no outlet name in `media.name`, `media.title` or `title`".into(),
            })?);
        }
        facts.push(Fact {
            text: fact.title,
            sources: ids,
        });
    }

    let mut narratives = Vec::new();
    let mut predictions = Vec::new();
    for (_, section) in entries(document.spin_section) {
        let label = section.title.unwrap_or_default().trim().to_owned();
        let spin = entries(section.spins).next().map(|(_, spin)| spin);
        let url = spin.as_ref().and_then(|spin| filled(&spin.url));
        let is_forecast = url.as_deref().is_some_and(is_metaculus);
        match spin {
            Some(spin) if is_forecast => predictions.push(Prediction {
                question: filled(&spin.title).unwrap_or(label),
                probability: spin.probability.map(|probability| {
                    if probability > 1.0 && probability <= 100.0 {
                        probability / 100.0
                    } else {
                        probability
                    }
                }),
                source: Some("Metaculus".into()),
                url,
                as_of: spin.time.or(section.timestamp).map(|time| time.0),
                history: Vec::new(),
            }),
            spin => {
                let text = section.description.unwrap_or_default();
                narratives.push(Narrative {
                    perspective: perspective(&label),
                    label,
                    outlet: spin.and_then(|spin| spin.media.and_then(Media::name)),
                    url,
                    text,
                });
            }
        }
    }

    let image = data.image.and_then(|image| {
        let credit = image.credit.unwrap_or_default();
        Some(Image {
            src: filled(&image.src)?,
            alt: image.desc.unwrap_or_default(),
            credit: filled(&credit.title),
            credit_url: filled(&credit.url),
        })
    });
    Ok(Story {
        slug: filled(&data.slug).unwrap_or_else(|| slugify(&data.title)),
        title: data.title,
        teaser: None,
        byline: None,
        published_at: data.time.0,
        updated_at: None,
        image,
        topics: Vec::new(),
        sources: sources.list,
        facts,
        narratives,
        predictions,
        related: Vec::new(),
    })
}

#[derive(Deserialize)]
#[serde(expecting = "a Verity story object")]
struct Document {
    #[serde(rename = "storyData")]
    story_data: StoryData,
    facts: Option<Vec<Option<VerityFact>>>,
    #[serde(rename = "spinSection")]
    spin_section: Option<Vec<Option<SpinSection>>>,
}

#[derive(Deserialize)]
#[serde(expecting = "a Verity storyData object")]
struct StoryData {
    title: String,
    time: Time,
    slug: Option<String>,
    image: Option<VerityImage>,
}

#[derive(Deserialize)]
#[serde(expecting = "a Verity image object")]
struct VerityImage {
    src: Option<String>,
    desc: Option<String>,
    credit: Option<Credit>,
}

#[derive(Default, Deserialize)]
#[serde(expecting = "a Verity image credit object")]
struct Credit {
    title: Option<String>,
    url: Option<String>,
}

#[derive(Deserialize)]
#[serde(expecting = "a Verity fact object")]
struct VerityFact {
    title: String,
    source: Option<Vec<Option<VeritySource>>>,
}

#[derive(Deserialize)]
#[serde(expecting = "a Verity source object")]
struct VeritySource {
    title: Option<String>,
    url: Option<String>,
    time: Option<Time>,
    media: Option<Media>,
    #[serde(rename = "LR")]
    lr: Option<f64>,
    #[serde(rename = "CP", alias = "PE")]
    cp: Option<f64>,
}

#[derive(Deserialize)]
#[serde(expecting = "a Verity media object")]
struct Media {
    label: Option<String>,
    name: Option<String>,
    title: Option<String>,
}

impl Media {
    fn name(self) -> Option<String> {
        filled(&self.name).or_else(|| filled(&self.title))
    }
}

#[derive(Deserialize)]
#[serde(expecting = "a Verity spin section object")]
struct SpinSection {
    title: Option<String>,
    description: Option<String>,
    timestamp: Option<Time>,
    spins: Option<Vec<Option<Spin>>>,
}

#[derive(Deserialize)]
#[serde(expecting = "a Verity spin object")]
struct Spin {
    title: Option<String>,
    url: Option<String>,
    time: Option<Time>,
    media: Option<Media>,
    probability: Option<f64>,
}

/// The entries of an optional Verity list that are not `null`, with their indices in the
/// text so that errors point where a reader of the JSON would look.
fn entries<T>(list: Option<Vec<Option<T>>>) -> impl Iterator<Item = (usize, T)> {
    list.into_iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, entry)| Some((i, entry?)))
}

/// Verity writes absent strings as `""` as often as it leaves them out.
fn filled(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// The sources cited so far, each once, and the keys that find them again.
#[derive(Default)]
struct Sources {
    list: Vec<Source>,
    by_key: HashMap<String, usize>,
    ids: HashSet<String>,
}

impl Sources {
    /// The id of `source`, listing it first if it is new; `None` if it names no outlet.
    fn cite(&mut self, source: VeritySource) -> Option<String> {
        let url = filled(&source.url);
        let headline = filled(&source.title);
        let (label, outlet) = match source.media {
            Some(media) => (filled(&media.label), media.name()),
            None => (None, None),
        };
        let outlet = outlet.or_else(|| headline.clone())?;
        let key = match &url {
            Some(url) => format!("url {url}"),
            None => format!(
                "outlet {outlet}\n{}",
                headline.as_deref().unwrap_or_default()
            ),
        };
        if let Some(&index) = self.by_key.get(&key) {
            return Some(self.list[index].id.clone());
        }

        let mut base = slugify(label.as_deref().unwrap_or(&outlet));
        if base.is_empty() {
            base = "source".into();
        }
        let mut id = base.clone();
        for n in 2.. {
            if self.ids.insert(id.clone()) {
                break;
            }
            id = format!("{base}-{n}");
        }

        let rating = |value: Option<f64>| {
            value
                .filter(|v| (1.0..=5.0).contains(v))
                .map(|v| v.round() as u8)
        };
        let lean = Lean {
            lr: rating(source.lr),
            pe: rating(source.cp),
        };
        self.by_key.insert(key, self.list.len());
        self.list.push(Source {
            id: id.clone(),
            title: headline.filter(|h| !h.eq_ignore_ascii_case(&outlet)),
            outlet,
            url,
            published_at: source.time.map(|time| time.0),
            lean: (lean != Lean::default()).then_some(lean),
        });
        Some(id)
    }
}

/// Lowercase ASCII letters and digits, any run of other characters one hyphen between
/// them, at most 200 characters. Apostrophes are dropped so that "Russia's" reads
/// "russias", not "russia-s".
fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !matches!(c, '\'' | '’') && !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.truncate(200);
    slug.trim_end_matches('-').to_owned()
}

fn perspective(label: &str) -> Option<String> {
    let bare = label
        .len()
        .checked_sub("narrative".len())
        .filter(|&end| {
            label
                .get(end..)
                .is_some_and(|tail| tail.eq_ignore_ascii_case("narrative"))
        })
        .map_or(label, |end| &label[..end])
        .trim();
    let keyword = match bare.to_ascii_lowercase().replace(' ', "-").as_str() {
        "left" | "left-leaning" | "left-wing" => "left",
        "right" | "right-leaning" | "right-wing" => "right",
        "pro-establishment" | "establishment" => "pro-establishment",
        "establishment-critical" | "anti-establishment" | "critical" => "establishment-critical",
        _ => bare,
    };
    (!keyword.is_empty()).then(|| keyword.to_owned())
}

/// Only links to a question page: anything else on metaculus.com is not a forecast.
fn is_metaculus(url: &str) -> bool {
    let Some((_, rest)) = links::http_url(url).and_then(|url| url.split_once("//")) else {
        return false;
    };
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    (host == "metaculus.com" || host.ends_with(".metaculus.com")) && path.starts_with("questions/")
}

/// A Verity date or time, as RFC 3339 whenever its form is known.
struct Time(String);

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TimeVisitor;
        impl Visitor<'_> for TimeVisitor {
            type Value = Time;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date or a Unix time")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Time, E> {
                let value = value.trim();
                let zoneless = format!("{}Z", value.replacen(' ', "T", 1));
                Ok(Time(if date::is_valid(value) {
                    value.to_owned()
                } else if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
                    from_unix(value.parse().unwrap_or_default())
                } else if date::is_valid(&zoneless) {
                    zoneless
                } else {
                    value.to_owned()
                }))
            }
            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Time, E> {
                Ok(Time(from_unix(value)))
            }
            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Time, E> {
                self.visit_f64(value as f64)
            }
            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Time, E> {
                self.visit_f64(value as f64)
            }
        }
        deserializer.deserialize_any(TimeVisitor)
    }
}

/// Unix time in seconds, or milliseconds from 10^11 (which as seconds would be the year
/// 5138), as an RFC 3339 date-time in UTC.
fn from_unix(time: f64) -> String {
    let seconds = if time.abs() >= 1e11 {
        time / 1000.0
    } else {
        time
    };
    // `as` saturates, so absurd times become absurd years that validation reports.
    let seconds = seconds.floor() as i64;
    let (days, second_of_day) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    let (year, month, day) = date::civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        second_of_day / 3600,
        second_of_day / 60 % 60,
        second_of_day % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;

    const FULL: &str = include_str!("../../tests/fixtures/verity/full-story.json");
    const MINIMAL: &str = include_str!("../../tests/fixtures/verity/minimal-story.json");
    const SHARED_OUTLETS: &str = include_str!("../../tests/fixtures/verity/shared-outlets.json");
    const PUBLIC_SAMPLE: &str = include_str!("../../public/stories/verity-sample.json");
    const SEED: &str = include_str!(
        "../../public/stories/seoul-n-korean-troops-arrive-in-russia-to-fight-ukraine.json"
    );

    fn full() -> Story {
        parse_verity(FULL).expect("the full sample parses")
    }

    fn lean(lr: Option<u8>, pe: Option<u8>) -> Option<Lean> {
        Some(Lean { lr, pe })
    }

    #[test]
    fn full_sample_maps_title_slug_date_and_image() {
        let story = full();
        assert_eq!(
            story.title,
            "Seoul: N.Korean Troops Arrive in Russia to Fight Ukraine"
        );
        assert_eq!(
            story.slug,
            "seoul-n-korean-troops-arrive-in-russia-to-fight-ukraine"
        );
        // 1729242000000 ms after the epoch.
        assert_eq!(story.published_at, "2024-10-18T09:00:00Z");
        assert_eq!(
            story.image,
            Some(Image {
                src: "images/seoul-n-korean-troops.svg".into(),
                alt: "Stand-in illustration: a map sketch with a route from North Korea to Vladivostok"
                    .into(),
                credit: Some("Kim Jae-Hwan/SOPA Images/Contributor via Getty Images".into()),
                credit_url: Some("https://www.gettyimages.com/".into()),
            })
        );
        assert_eq!(
            (story.teaser, story.byline, story.updated_at),
            (None, None, None)
        );
        assert!(story.topics.is_empty() && story.related.is_empty());
    }

    #[test]
    fn facts_cite_each_shared_source_once_as_the_seed_story_does() {
        let story = full();
        let seed: Story = parse_json(SEED).unwrap();
        assert_eq!(story.facts, seed.facts);
        let ids_and_outlets = |story: &Story| -> Vec<(String, String)> {
            story
                .sources
                .iter()
                .map(|s| (s.id.clone(), s.outlet.clone()))
                .collect()
        };
        assert_eq!(ids_and_outlets(&story), ids_and_outlets(&seed));
    }

    #[test]
    fn full_sample_sources_keep_link_headline_date_and_lean() {
        let story = full();
        let nbc = &story.sources[0];
        assert_eq!(
            nbc.url.as_deref(),
            Some("https://www.nbcnews.com/news/world/north-korea-special-forces-russia-ukraine-war-rcna176022")
        );
        assert_eq!(
            nbc.title.as_deref(),
            Some("North Korea sends 1,500 special forces to Russia, Seoul says")
        );
        // 1729238400 s after the epoch.
        assert_eq!(nbc.published_at.as_deref(), Some("2024-10-18T08:00:00Z"));
        assert_eq!(nbc.lean, lean(Some(2), Some(4)));
        let nis = &story.sources[2];
        assert_eq!(
            (nis.outlet.as_str(), &nis.title, &nis.url),
            ("NIS", &None, &None)
        );
        assert_eq!(nis.lean, None, "no ratings");
        let leans: Vec<_> = story.sources.iter().map(|s| s.lean).collect();
        assert_eq!(
            leans,
            [
                lean(Some(2), Some(4)),
                lean(Some(3), Some(5)),
                None,
                lean(Some(2), Some(3)),
                lean(Some(2), Some(2)),
                lean(Some(3), None),
                lean(Some(4), Some(4)),
            ],
            "France 24's CP 0 is unrated; POLITICO's 3.6 rounds"
        );
    }

    #[test]
    fn spin_sections_become_narratives_with_label_perspective_outlet_and_link() {
        let story = full();
        let seed: Story = parse_json(SEED).unwrap();
        let texts = |story: &Story| -> Vec<String> {
            story.narratives.iter().map(|n| n.text.clone()).collect()
        };
        assert_eq!(texts(&story), texts(&seed));
        let summary: Vec<_> = story
            .narratives
            .iter()
            .map(|n| {
                (
                    n.label.as_str(),
                    n.perspective.as_deref(),
                    n.outlet.as_deref(),
                    n.url.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (
                    "Pro-establishment narrative",
                    Some("pro-establishment"),
                    Some("Associated Press"),
                    Some(
                        "https://apnews.com/article/north-korea-russia-troops-ukraine-b5c3a1d2e4f6"
                    )
                ),
                (
                    "Pro-Ukraine narrative",
                    Some("Pro-Ukraine"),
                    Some("The Kyiv Independent"),
                    Some("https://kyivindependent.com/north-korean-troops-in-russia/")
                ),
                (
                    "Pro-Russia narrative",
                    Some("Pro-Russia"),
                    Some("TASS"),
                    Some("https://tass.com/politics/1858001")
                ),
            ]
        );
        assert_eq!(story.narratives[1].heading(), "Pro-Ukraine narrative");
    }

    #[test]
    fn a_metaculus_spin_becomes_a_prediction_with_its_percentage_as_a_fraction() {
        assert_eq!(
            full().predictions,
            [Prediction {
                question: "Will North Korean troops be confirmed fighting in Ukraine before January 1, 2025?"
                    .into(),
                probability: Some(0.72),
                source: Some("Metaculus".into()),
                url: Some(
                    "https://www.metaculus.com/questions/29480/north-korean-troops-fighting-in-ukraine-before-2025/"
                        .into()
                ),
                as_of: Some("2024-10-18T12:00:00Z".into()),
                history: Vec::new(),
            }]
        );
    }

    #[test]
    fn full_sample_passes_validation_without_problems() {
        let article = Article::new(full());
        assert!(article.problems.is_empty(), "{:?}", article.problems);
        let numbers: Vec<_> = article
            .numbered_sources()
            .map(|(n, s)| (n, s.id.as_str()))
            .collect();
        assert_eq!(numbers[..3], [(1, "nbc"), (2, "ap"), (3, "nis")]);
    }

    #[test]
    fn public_sample_maps_to_the_verity_sample_address_without_problems() {
        let story = parse_verity(PUBLIC_SAMPLE).expect("the public sample parses");
        assert_eq!(story.slug, "verity-sample");
        assert_eq!(story.facts, full().facts);
        let article = Article::new(story);
        assert!(article.problems.is_empty(), "{:?}", article.problems);
    }

    #[test]
    fn minimal_sample_derives_the_slug_and_reads_a_zoneless_date_as_utc() {
        let story = parse_verity(MINIMAL).expect("the minimal sample parses");
        assert_eq!(
            story.slug,
            "seoul-n-korean-troops-arrive-in-russia-to-fight-ukraine"
        );
        assert_eq!(story.published_at, "2024-10-18T09:00:00Z");
        assert_eq!(
            story.sources,
            [Source {
                id: "nbc".into(),
                outlet: "NBC".into(),
                title: None,
                url: Some("https://www.nbcnews.com/news/world/north-korea-special-forces-russia-ukraine-war-rcna176022".into()),
                published_at: None,
                lean: None,
            }]
        );
        assert_eq!(story.facts[0].sources, ["nbc"]);
        assert_eq!(story.image, None);
        assert!(story.narratives.is_empty() && story.predictions.is_empty());
        assert!(Article::new(story).problems.is_empty());
    }

    #[test]
    fn same_outlet_articles_get_numbered_ids_and_url_less_sources_merge_by_outlet_and_headline() {
        let story = parse_verity(SHARED_OUTLETS).expect("the sample parses");
        let sources: Vec<_> = story
            .sources
            .iter()
            .map(|s| (s.id.as_str(), s.outlet.as_str(), s.title.as_deref()))
            .collect();
        assert_eq!(
            sources,
            [
                ("ap", "Associated Press", None),
                ("nis", "NIS", None),
                (
                    "ap-2",
                    "Associated Press",
                    Some("Seoul says troops moved by sea")
                ),
                ("ap-2-2", "AP-2 Radio", None),
                ("nis-2", "NIS", Some("Briefing to lawmakers")),
                ("source", "日本経済新聞", None),
            ]
        );
        let citations: Vec<_> = story.facts.iter().map(|f| f.sources.join(" ")).collect();
        assert_eq!(
            citations,
            ["ap nis", "ap-2 ap nis", "ap-2-2", "nis-2 source", ""],
            "null facts and sources are skipped"
        );
        // A PE rating, as Verity's article lists name it, reads as CP does.
        assert_eq!(story.sources[2].lean, lean(None, Some(1)));
        // A section with neither text nor a forecast becomes a narrative without text,
        // which validation reports (and the page leaves out).
        assert_eq!(story.narratives.len(), 1);
        assert_eq!(story.narratives[0].text, " ");
        // A Metaculus question is a prediction, with its probability or without one.
        let predictions: Vec<_> = story
            .predictions
            .iter()
            .map(|p| (p.question.as_str(), p.probability, p.url.as_deref()))
            .collect();
        assert_eq!(
            predictions,
            [
                (
                    "A question, but no forecast",
                    None,
                    Some("https://www.metaculus.com/questions/1/")
                ),
                (
                    "Metaculus forecast",
                    Some(0.2),
                    Some("https://metaculus.com/questions/2/")
                ),
            ]
        );
        assert_eq!(
            story.predictions[1].as_of.as_deref(),
            Some("2024-10-18T00:00:00Z")
        );
        let article = Article::new(story);
        assert_eq!(
            article
                .problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["narratives[0].text: the narrative has no text; left out"]
        );
    }

    #[test]
    fn every_malformed_sample_is_a_parse_error_with_its_path() {
        let cases = [
            (
                include_str!("../../tests/fixtures/verity/bad-missing-story-data.json"),
                None,
                "missing field `storyData`",
            ),
            (
                include_str!("../../tests/fixtures/verity/bad-missing-time.json"),
                Some("storyData"),
                "missing field `time`",
            ),
            (
                include_str!("../../tests/fixtures/verity/bad-time-object.json"),
                Some("storyData.time"),
                "invalid type: map, expected a date or a Unix time",
            ),
            (
                include_str!("../../tests/fixtures/verity/bad-fact-without-title.json"),
                Some("facts[2]"),
                "missing field `title`",
            ),
            (
                include_str!("../../tests/fixtures/verity/bad-source-without-outlet.json"),
                Some("facts[1].source[2]"),
                "no outlet name in `media.name`, `media.title` or `title`",
            ),
            (
                include_str!("../../tests/fixtures/verity/bad-lean-as-word.json"),
                Some("facts[0].source[0].LR"),
                "invalid type: string \"left\", expected f64",
            ),
            (
                include_str!("../../tests/fixtures/verity/bad-spins-not-a-list.json"),
                Some("spinSection[1].spins"),
                "invalid type: string \"AP\", expected a sequence",
            ),
        ];
        for (text, path, message) in cases {
            let error = parse_verity(text).expect_err(message);
            assert_eq!(
                (error.path.as_deref(), error.message.as_str()),
                (path, message)
            );
        }
        let error = parse_verity(include_str!(
            "../../tests/fixtures/verity/bad-truncated.json"
        ))
        .unwrap_err();
        assert_eq!(error.path, None);
        assert!(error.message.starts_with("not valid JSON"), "{error}");
    }

    #[test]
    fn any_prefix_of_the_full_sample_parses_or_fails_without_panicking() {
        for (end, _) in FULL.char_indices() {
            let _ = parse_verity(&FULL[..end]);
        }
    }

    #[test]
    fn dates_in_other_forms_become_rfc3339_in_utc() {
        let time = |json: &str| serde_json::from_str::<Time>(json).unwrap().0;
        assert_eq!(time("1729242000"), "2024-10-18T09:00:00Z");
        assert_eq!(time("1729242000999"), "2024-10-18T09:00:00Z");
        assert_eq!(time("1729242000.5"), "2024-10-18T09:00:00Z");
        assert_eq!(time(r#""1729242000""#), "2024-10-18T09:00:00Z");
        assert_eq!(time("0"), "1970-01-01T00:00:00Z");
        assert_eq!(time("-1"), "1969-12-31T23:59:59Z");
        assert_eq!(time("951782400"), "2000-02-29T00:00:00Z");
        assert_eq!(
            time(r#"" 2024-10-18T18:00:00+09:00 ""#),
            "2024-10-18T18:00:00+09:00"
        );
        assert_eq!(time(r#""2024-10-18""#), "2024-10-18");
        assert_eq!(time(r#""2024-10-18 09:30:00""#), "2024-10-18T09:30:00Z");
        assert_eq!(
            time(r#""2024-10-18T09:30:00.25""#),
            "2024-10-18T09:30:00.25Z"
        );
        assert_eq!(time(r#""Oct 18, 2024""#), "Oct 18, 2024");
        for absurd in ["1e300", "-1e300", r#""99999999999999999999999""#] {
            assert!(!date::is_valid(&time(absurd)), "{absurd}");
        }
    }

    #[test]
    fn perspectives_are_keywords_when_recognisable_else_the_label() {
        for (label, expected) in [
            ("Left narrative", Some("left")),
            ("Right-leaning", Some("right")),
            ("Pro-establishment narrative", Some("pro-establishment")),
            (
                "Establishment-critical Narrative",
                Some("establishment-critical"),
            ),
            ("Anti-establishment", Some("establishment-critical")),
            ("Pro-Ukraine narrative", Some("Pro-Ukraine")),
            ("Techno-optimist", Some("Techno-optimist")),
            ("Narrative", None),
            ("", None),
            ("Ünarrative", Some("Ü")),
            ("é", Some("é")),
        ] {
            assert_eq!(perspective(label).as_deref(), expected, "{label}");
        }
    }

    #[test]
    fn slugs_keep_lowercase_letters_digits_and_inner_hyphens() {
        assert_eq!(
            slugify("  Russia's “victory plan”: 10K troops?! "),
            "russias-victory-plan-10k-troops"
        );
        assert_eq!(slugify("日本"), "");
        assert_eq!(slugify("Café — Zürich"), "caf-z-rich");
        let long = slugify(&"ab ".repeat(100));
        assert!(crate::model::slug::is_valid(&long), "{long}");
    }

    #[test]
    fn only_links_to_metaculus_questions_make_predictions() {
        for url in [
            "https://www.metaculus.com/questions/29480/x/",
            "http://METACULUS.com/questions/1",
        ] {
            assert!(is_metaculus(url), "{url}");
        }
        for url in [
            "https://www.metaculus.com/tournaments/",
            "https://metaculus.com.evil.example/questions/1",
            "https://metaculus.com@evil.example/questions/1",
            "https://evil.example/?https://metaculus.com/questions/1",
            "javascript:metaculus.com/questions/1",
            "",
        ] {
            assert!(!is_metaculus(url), "{url}");
        }
    }
}

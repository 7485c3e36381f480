//! A story made ready to render: citation numbers derived, every reference checked.
//! Nothing here rejects a story; problems are collected so the rest can still be shown.

use super::{date, format::StoryFormat, links, slug, story::Story};
use std::collections::HashMap;
use std::fmt;

/// Something wrong in a story, located by its path in the JSON (`facts[3].sources[1]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// One `[n]` after a fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Citation {
    /// `source` indexes `Story::sources`.
    Source { number: usize, source: usize },
    /// The fact names a source id the story does not list.
    Missing(Problem),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    pub story: Story,
    /// The shape the story arrived in, which links to it must ask for again.
    pub format: StoryFormat,
    /// Indices into `story.sources` in citation-number order: number `n` is at `n - 1`.
    numbered_sources: Vec<usize>,
    /// For each fact, its citations in the order the fact lists them.
    citations: Vec<Vec<Citation>>,
    /// For each citation number `n` at `n - 1`, the facts citing it, ascending, once each.
    citing_facts: Vec<Vec<usize>>,
    pub problems: Vec<Problem>,
}

impl Article {
    /// Numbers sources in order of first citation across the facts, then the uncited
    /// ones in the order listed, as the original site does.
    pub fn new(story: Story) -> Self {
        let mut problems = Vec::new();
        let mut by_id: HashMap<&str, usize> = HashMap::new();
        for (index, source) in story.sources.iter().enumerate() {
            if by_id.contains_key(source.id.as_str()) {
                problems.push(problem(
                    format!("sources[{index}].id"),
                    format!(
                        "duplicate source id \"{}\"; citations use the first",
                        source.id
                    ),
                ));
            } else {
                by_id.insert(&source.id, index);
            }
        }

        let mut number_of: Vec<Option<usize>> = vec![None; story.sources.len()];
        let mut numbered_sources = Vec::with_capacity(story.sources.len());
        let citations: Vec<Vec<Citation>> = story
            .facts
            .iter()
            .enumerate()
            .map(|(f, fact)| {
                fact.sources
                    .iter()
                    .enumerate()
                    .map(|(c, id)| match by_id.get(id.as_str()) {
                        Some(&source) => {
                            let number = *number_of[source].get_or_insert_with(|| {
                                numbered_sources.push(source);
                                numbered_sources.len()
                            });
                            Citation::Source { number, source }
                        }
                        None => {
                            let missing = problem(
                                format!("facts[{f}].sources[{c}]"),
                                format!("unknown source \"{id}\""),
                            );
                            problems.push(missing.clone());
                            Citation::Missing(missing)
                        }
                    })
                    .collect()
            })
            .collect();
        numbered_sources.extend((0..story.sources.len()).filter(|&i| number_of[i].is_none()));

        let mut citing_facts = vec![Vec::new(); numbered_sources.len()];
        for (fact, fact_citations) in citations.iter().enumerate() {
            for citation in fact_citations {
                if let Citation::Source { number, .. } = citation {
                    let facts: &mut Vec<usize> = &mut citing_facts[number - 1];
                    if facts.last() != Some(&fact) {
                        facts.push(fact);
                    }
                }
            }
        }

        problems.extend(check_fields(&story));
        Self {
            story,
            format: StoryFormat::default(),
            numbered_sources,
            citations,
            citing_facts,
            problems,
        }
    }

    /// The article for `story` as read at `/stories/{address_slug}`: known by that slug,
    /// whatever its file says, since links to it and its facts must lead back to where it
    /// was read. A file that says otherwise is reported.
    pub fn at_address(mut story: Story, address_slug: &str) -> Self {
        let renamed = (story.slug != address_slug).then(|| {
            let renamed = problem(
                "slug".into(),
                format!(
                    "\"{}\" is not the slug in the address; links use \"{address_slug}\"",
                    story.slug
                ),
            );
            story.slug = address_slug.to_owned();
            renamed
        });
        let mut article = Self::new(story);
        article.problems.extend(renamed);
        article
    }

    /// Sources with their citation numbers, in number order.
    pub fn numbered_sources(&self) -> impl Iterator<Item = (usize, &super::Source)> {
        self.numbered_sources
            .iter()
            .enumerate()
            .map(|(i, &s)| (i + 1, &self.story.sources[s]))
    }

    /// The citations of fact `fact`, in the order the fact lists them.
    pub fn citations(&self, fact: usize) -> &[Citation] {
        &self.citations[fact]
    }

    /// The facts (as indices) that cite source number `number`, for back-links.
    pub fn citing_facts(&self, number: usize) -> &[usize] {
        &self.citing_facts[number - 1]
    }
}

/// Wikipedia-style letters for the n-th back-link (from 0): a … z, aa, ab, …
pub fn backlink_letter(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        n -= 1;
        letters.push(b'a' + (n % 26) as u8);
        n /= 26;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

fn problem(path: String, message: impl Into<String>) -> Problem {
    Problem {
        path,
        message: message.into(),
    }
}

/// Field-level checks whose failures leave the rest of the story readable.
fn check_fields(story: &Story) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut check_date = |path: String, value: Option<&str>| {
        if let Some(value) = value.filter(|v| !date::is_valid(v)) {
            problems.push(problem(
                path,
                format!("\"{value}\" is not an RFC 3339 date"),
            ));
        }
    };
    check_date("published_at".into(), Some(&story.published_at));
    check_date("updated_at".into(), story.updated_at.as_deref());
    for (i, source) in story.sources.iter().enumerate() {
        check_date(
            format!("sources[{i}].published_at"),
            source.published_at.as_deref(),
        );
    }
    for (i, prediction) in story.predictions.iter().enumerate() {
        check_date(
            format!("predictions[{i}].as_of"),
            prediction.as_of.as_deref(),
        );
    }

    let mut check_link = |path: String, value: Option<&str>| {
        if let Some(value) = value.filter(|v| links::http_url(v).is_none()) {
            problems.push(problem(
                path,
                format!("\"{value}\" is not an http(s) URL; shown as text"),
            ));
        }
    };
    check_link(
        "image.credit_url".into(),
        story.image.as_ref().and_then(|i| i.credit_url.as_deref()),
    );
    for (i, source) in story.sources.iter().enumerate() {
        check_link(format!("sources[{i}].url"), source.url.as_deref());
    }
    for (i, narrative) in story.narratives.iter().enumerate() {
        check_link(format!("narratives[{i}].url"), narrative.url.as_deref());
    }
    for (i, prediction) in story.predictions.iter().enumerate() {
        check_link(format!("predictions[{i}].url"), prediction.url.as_deref());
    }

    let images = story
        .image
        .iter()
        .map(|image| ("image.src".to_owned(), image))
        .chain(story.related.iter().enumerate().filter_map(|(i, related)| {
            related
                .image
                .as_ref()
                .map(|image| (format!("related[{i}].image.src"), image))
        }));
    for (path, image) in images {
        if links::http_url(&image.src).is_none() && !links::is_relative_path(&image.src) {
            problems.push(problem(
                path,
                format!("\"{}\" is not an image URL; image left out", image.src),
            ));
        }
    }

    if !slug::is_valid(&story.slug) {
        problems.push(problem(
            "slug".into(),
            format!("\"{}\" is not a valid slug", story.slug),
        ));
    }
    for (i, related) in story.related.iter().enumerate() {
        if !slug::is_valid(&related.slug) {
            problems.push(problem(
                format!("related[{i}].slug"),
                format!(
                    "\"{}\" is not a valid slug; shown without a link",
                    related.slug
                ),
            ));
        }
    }
    for (i, source) in story.sources.iter().enumerate() {
        let Some(lean) = source.lean else { continue };
        for (axis, rating) in [("lr", lean.lr), ("pe", lean.pe)] {
            if let Some(rating) = rating.filter(|r| !(1..=5).contains(r)) {
                problems.push(problem(
                    format!("sources[{i}].lean.{axis}"),
                    format!("{rating} is not a rating from 1 to 5; left out"),
                ));
            }
        }
    }
    for (i, prediction) in story.predictions.iter().enumerate() {
        for (j, point) in prediction.history.iter().enumerate() {
            if !date::is_valid(&point.date) {
                problems.push(problem(
                    format!("predictions[{i}].history[{j}].date"),
                    format!("\"{}\" is not an RFC 3339 date; point left out", point.date),
                ));
            } else if !(0.0..=1.0).contains(&point.probability) {
                problems.push(problem(
                    format!("predictions[{i}].history[{j}].probability"),
                    format!(
                        "{} is not between 0 and 1; point left out",
                        point.probability
                    ),
                ));
            }
        }
    }
    for (i, prediction) in story.predictions.iter().enumerate() {
        if prediction.forecast().is_some() {
            continue;
        }
        problems.push(match prediction.probability {
            Some(probability) => problem(
                format!("predictions[{i}].probability"),
                format!("{probability} is not between 0 and 1; prediction left out"),
            ),
            None => problem(
                format!("predictions[{i}]"),
                "neither a probability nor an http(s) url of the forecast; prediction left out",
            ),
        });
    }
    for (i, narrative) in story.narratives.iter().enumerate() {
        if !narrative.has_text() {
            problems.push(problem(
                format!("narratives[{i}].text"),
                "the narrative has no text; left out",
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse::parse_json;

    fn article(json: &str) -> Article {
        Article::new(parse_json(json).expect("test story parses"))
    }

    fn story_with(sources: &str, facts: &str) -> String {
        format!(
            r#"{{"slug":"s","title":"T","published_at":"2024-10-18T09:00:00Z",
                "sources":{sources},"facts":{facts}}}"#
        )
    }

    fn numbers(article: &Article, fact: usize) -> Vec<usize> {
        article
            .citations(fact)
            .iter()
            .map(|c| match c {
                Citation::Source { number, .. } => *number,
                Citation::Missing(_) => 0,
            })
            .collect()
    }

    #[test]
    fn sources_are_numbered_by_first_citation_then_uncited_in_list_order() {
        let a = article(&story_with(
            r#"[{"id":"x","outlet":"X"},{"id":"nbc","outlet":"NBC"},{"id":"ap","outlet":"AP"},
                {"id":"y","outlet":"Y"},{"id":"nis","outlet":"NIS"}]"#,
            r#"[{"text":"1","sources":["nbc"]},{"text":"2","sources":["ap","nis"]},
                {"text":"3","sources":["ap","nbc"]}]"#,
        ));
        assert_eq!(numbers(&a, 0), [1]);
        assert_eq!(numbers(&a, 1), [2, 3]);
        assert_eq!(numbers(&a, 2), [2, 1]);
        let outlets: Vec<_> = a
            .numbered_sources()
            .map(|(n, s)| (n, s.outlet.as_str()))
            .collect();
        assert_eq!(
            outlets,
            [(1, "NBC"), (2, "AP"), (3, "NIS"), (4, "X"), (5, "Y")]
        );
        assert!(a.problems.is_empty(), "{:?}", a.problems);
    }

    #[test]
    fn dangling_citation_is_marked_with_its_path_and_the_rest_still_numbers() {
        let a = article(&story_with(
            r#"[{"id":"ap","outlet":"AP"}]"#,
            r#"[{"text":"1","sources":["ap"]},{"text":"2","sources":["ap","ap2"]}]"#,
        ));
        let expected = Problem {
            path: "facts[1].sources[1]".into(),
            message: "unknown source \"ap2\"".into(),
        };
        assert_eq!(a.citations(1)[1], Citation::Missing(expected.clone()));
        assert_eq!(
            expected.to_string(),
            "facts[1].sources[1]: unknown source \"ap2\""
        );
        assert_eq!(numbers(&a, 1), [1, 0]);
        assert_eq!(a.problems, [expected]);
    }

    #[test]
    fn duplicate_source_ids_cite_the_first_and_are_reported() {
        let a = article(&story_with(
            r#"[{"id":"ap","outlet":"First"},{"id":"ap","outlet":"Second"}]"#,
            r#"[{"text":"1","sources":["ap"]}]"#,
        ));
        let outlets: Vec<_> = a
            .numbered_sources()
            .map(|(_, s)| s.outlet.as_str())
            .collect();
        assert_eq!(outlets, ["First", "Second"]);
        assert_eq!(a.problems[0].path, "sources[1].id");
    }

    #[test]
    fn field_problems_are_collected_with_paths() {
        let json = r#"{"slug":"Bad Slug","title":"T","published_at":"yesterday",
            "image":{"src":"javascript:alert(1)","alt":"a","credit_url":"data:x"},
            "sources":[{"id":"a","outlet":"A","url":"javascript:alert(1)","published_at":"2024-13-01"}],
            "facts":[{"text":"F","sources":["a"]}],
            "narratives":[{"label":"L","text":"t","url":"ftp://x"}],
            "predictions":[{"question":"Q","probability":1.7,"as_of":"2024-10-18"}],
            "related":[{"slug":"../x","title":"R","image":{"src":"images/r.svg","alt":""}}]}"#;
        let paths: Vec<_> = article(json).problems.into_iter().map(|p| p.path).collect();
        assert_eq!(
            paths,
            [
                "published_at",
                "sources[0].published_at",
                "image.credit_url",
                "sources[0].url",
                "narratives[0].url",
                "image.src",
                "slug",
                "related[0].slug",
                "predictions[0].probability",
            ]
        );
    }

    #[test]
    fn each_source_knows_the_facts_citing_it_once_each() {
        let a = article(&story_with(
            r#"[{"id":"a","outlet":"A"},{"id":"b","outlet":"B"},{"id":"u","outlet":"U"}]"#,
            r#"[{"text":"1","sources":["a","a"]},{"text":"2","sources":["b"]},
                {"text":"3","sources":["a","b","zz"]}]"#,
        ));
        assert_eq!(a.citing_facts(1), [0, 2]);
        assert_eq!(a.citing_facts(2), [1, 2]);
        assert!(a.citing_facts(3).is_empty(), "uncited source");
    }

    #[test]
    fn backlink_letters_run_a_to_z_then_double() {
        let letters: Vec<_> = [0, 1, 25, 26, 27, 51, 52, 701, 702]
            .map(backlink_letter)
            .into();
        assert_eq!(
            letters,
            ["a", "b", "z", "aa", "ab", "az", "ba", "zz", "aaa"]
        );
    }

    #[test]
    fn a_story_without_facts_or_sources_is_still_an_article() {
        let a = article(&story_with("[]", "[]"));
        assert_eq!(a.numbered_sources().count(), 0);
        assert!(a.problems.is_empty());
    }
}

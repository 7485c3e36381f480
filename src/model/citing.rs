//! The little of an article its facts' controls need once the page is in front of a
//! reader: what each numbered source shows when a citation opens, which citations each
//! fact has, and the story's address for links to its facts.
//! A page rendered ahead of time hands this to its code instead of the whole story, so
//! the code neither parses nor checks a story again.

use super::{links, Article, Citation, Source};
use serde::Deserialize;

/// A source as a citation's preview and panel show it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(feature = "ssr", derive(serde::Serialize))]
pub struct CitedSource {
    pub outlet: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_at: Option<String>,
    /// Only an http(s) address: the only kind that becomes a link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl From<&Source> for CitedSource {
    fn from(source: &Source) -> Self {
        Self {
            outlet: source.outlet.clone(),
            title: source.title.clone(),
            published_at: source.published_at.clone(),
            url: source
                .url
                .as_deref()
                .and_then(links::http_url)
                .map(str::to_owned),
        }
    }
}

/// One `[n]` after a fact: a source's number, or why its source is missing.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(feature = "ssr", derive(serde::Serialize))]
#[serde(untagged)]
pub enum CitationRef {
    Number(usize),
    Missing(String),
}

/// The sources in citation-number order (number `n` at `n - 1`), each fact's citations,
/// and the story's address as its page links it (`href`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "ssr", derive(serde::Serialize))]
pub struct Citing {
    pub href: String,
    pub sources: Vec<CitedSource>,
    pub facts: Vec<Vec<CitationRef>>,
}

impl Citing {
    pub fn of(article: &Article, href: String) -> Self {
        Self {
            href,
            sources: article
                .numbered_sources()
                .map(|(_, source)| source.into())
                .collect(),
            facts: (0..article.story.facts.len())
                .map(|fact| {
                    article
                        .citations(fact)
                        .iter()
                        .map(|citation| match citation {
                            Citation::Source { number, .. } => CitationRef::Number(*number),
                            Citation::Missing(problem) => {
                                CitationRef::Missing(problem.message.clone())
                            }
                        })
                        .collect()
                })
                .collect(),
        }
    }

    /// The source numbered `number`.
    pub fn source(&self, number: usize) -> Option<&CitedSource> {
        self.sources.get(number.checked_sub(1)?)
    }

    /// A fact (index `fact`, text `text`) as plain text to paste anywhere, its citations
    /// spelled out: `North Korea has sent … [1] NBC, https://…; [2] AP`.
    pub fn fact_as_text(&self, fact: usize, text: &str) -> String {
        let sources: Vec<String> = self
            .facts
            .get(fact)
            .into_iter()
            .flatten()
            .map(|citation| match citation {
                CitationRef::Number(number) => match self.source(*number) {
                    Some(CitedSource {
                        outlet,
                        url: Some(url),
                        ..
                    }) => format!("[{number}] {outlet}, {url}"),
                    Some(source) => format!("[{number}] {}", source.outlet),
                    None => format!("[{number}]"),
                },
                CitationRef::Missing(message) => format!("[?] {message}"),
            })
            .collect();
        let text = text.trim();
        if sources.is_empty() {
            text.to_owned()
        } else {
            format!("{text} {}", sources.join("; "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse::parse_json;

    fn citing(sources: &str, facts: &str) -> (Article, Citing) {
        let json = format!(
            r#"{{"slug":"s","title":"T","published_at":"2024-10-18T09:00:00Z","facts":{facts},"sources":{sources}}}"#
        );
        let article = Article::new(parse_json(&json).expect("a story"));
        let citing = Citing::of(&article, "/stories/s".to_owned());
        (article, citing)
    }

    #[test]
    fn a_fact_copies_as_text_with_its_sources() {
        let (article, citing) = citing(
            r#"[{"id":"nbc","outlet":"NBC","url":"https://nbc.example/a"},
                {"id":"ap","outlet":"AP","url":"javascript:alert(1)"}]"#,
            r#"[{"text":" Troops arrived. ","sources":["nbc","ap","x"]},{"text":"Bare.","sources":[]}]"#,
        );
        let text = |fact: usize| citing.fact_as_text(fact, &article.story.facts[fact].text);
        assert_eq!(
            text(0),
            "Troops arrived. [1] NBC, https://nbc.example/a; [2] AP; [?] unknown source \"x\""
        );
        assert_eq!(text(1), "Bare.");
    }

    #[test]
    fn sources_are_numbered_as_the_article_numbers_them_and_keep_only_web_links() {
        let (_, citing) = citing(
            r#"[{"id":"u","outlet":"Uncited"},{"id":"b","outlet":"B","url":"data:text/html,x"},
                {"id":"a","outlet":"A","title":"Headline","published_at":"2024-10-18","url":" https://a.example/ "}]"#,
            r#"[{"text":"1","sources":["a","b","a"]}]"#,
        );
        assert_eq!(
            citing.facts,
            [vec![
                CitationRef::Number(1),
                CitationRef::Number(2),
                CitationRef::Number(1)
            ]]
        );
        let outlets: Vec<_> = citing.sources.iter().map(|s| s.outlet.as_str()).collect();
        assert_eq!(outlets, ["A", "B", "Uncited"]);
        assert_eq!(
            citing.source(1).unwrap().url.as_deref(),
            Some("https://a.example/")
        );
        assert_eq!(citing.source(1).unwrap().title.as_deref(), Some("Headline"));
        assert_eq!(citing.source(2).unwrap().url, None);
        assert_eq!(citing.source(0), None);
        assert_eq!(citing.source(4), None);
    }

    #[test]
    fn citations_travel_as_compact_json_and_back() {
        let (_, citing) = citing(
            r#"[{"id":"a","outlet":"A"}]"#,
            r#"[{"text":"1","sources":["a","gone"]}]"#,
        );
        let json = serde_json::to_string(&citing).unwrap();
        assert_eq!(
            json,
            r#"{"href":"/stories/s","sources":[{"outlet":"A"}],"facts":[[1,"unknown source \"gone\""]]}"#
        );
        assert_eq!(serde_json::from_str::<Citing>(&json).unwrap(), citing);
    }
}

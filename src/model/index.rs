//! The list of published stories, `stories/index.json`.

use serde::Deserialize;

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(expecting = "a story index object")]
pub struct StoryIndex {
    pub stories: Vec<StorySummary>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(expecting = "a story summary object")]
pub struct StorySummary {
    pub slug: String,
    pub title: String,
    pub teaser: Option<String>,
    pub published_at: Option<String>,
}

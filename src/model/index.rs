//! The list of published stories, `stories/index.json`.

use super::{parse::parse_json, text::clean, ParseError};
use serde::Deserialize;

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(expecting = "a story index object")]
pub struct StoryIndex {
    pub stories: Vec<StorySummary>,
}

impl StoryIndex {
    /// The index in `text`, its strings cleaned as a story's are (`text::clean`).
    pub fn read(text: &str) -> Result<Self, ParseError> {
        let mut index: Self = parse_json(text)?;
        for story in &mut index.stories {
            clean(&mut story.slug);
            clean(&mut story.title);
            story.teaser.iter_mut().for_each(clean);
            story.published_at.iter_mut().for_each(clean);
        }
        Ok(index)
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(expecting = "a story summary object")]
pub struct StorySummary {
    pub slug: String,
    pub title: String,
    pub teaser: Option<String>,
    pub published_at: Option<String>,
}

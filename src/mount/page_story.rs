//! What the article's islands find on a page rendered ahead of time: the story, which comes
//! with the page in a JSON script element, and the zone its dates were written in.

use crate::components::DateZone;
use crate::markers::STORY_DATA_ID;
use crate::model::{Article, StoryFormat};
use leptos::prelude::*;
use std::sync::Arc;

/// Provides the page's story and date zone to the islands; false if the story cannot be
/// read, and then the page stays as it is, readable, with its controls off.
pub fn provide() -> bool {
    provide_context(DateZone::Utc);
    let Some(data) = document().get_element_by_id(STORY_DATA_ID) else {
        return true;
    };
    match StoryFormat::V1.read(&data.text_content().unwrap_or_default()) {
        Ok(story) => {
            provide_context(Arc::new(Article::new(story)));
            true
        }
        Err(error) => {
            leptos::logging::error!("Storyline: the story in this page cannot be read ({error}); its controls stay off.");
            false
        }
    }
}

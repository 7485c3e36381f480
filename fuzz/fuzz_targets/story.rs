//! Any bytes as a story document, in each format Storyline reads: parsing must return,
//! and whatever story it yields must be numbered as `Article::new` promises (the same
//! checks as the property tests).
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline::model::{citing::Citing, date, Article, Citation, Source, Story, StoryFormat};

// The invariant checker lives beside the property tests and names the model as `super::`,
// which these imports provide here.
#[path = "../../src/model/properties.rs"]
mod properties;

fuzz_target!(|data: &[u8]| {
    // The browser decodes a response the same way before the app sees it.
    let text = String::from_utf8_lossy(data);
    for format in [StoryFormat::V1, StoryFormat::Verity] {
        match format.read(&text) {
            Ok(story) => {
                let article = Article::new(story.clone());
                properties::check_article(&story, &article);
                let citing = Citing::of(&article, String::new());
                for (index, fact) in story.facts.iter().enumerate() {
                    citing.fact_as_text(index, &fact.text);
                }
                date::readable(&story.published_at, |_| 0);
            }
            Err(error) => assert!(!error.message.is_empty(), "{error:?}"),
        }
    }
});

use super::{Facts, Narratives, Predictions, RelatedStories, Sources, StoryHeader};
use crate::model::Article;
use leptos::prelude::*;
use std::sync::Arc;

/// The whole story, in the seed page's order. Sections without data are left out.
#[component]
pub fn StoryArticle(article: Arc<Article>) -> impl IntoView {
    let story = &article.story;
    view! {
        <article class="story">
            <StoryHeader article=article.clone()/>
            <Facts article=article.clone()/>
            <Sources article=article.clone()/>
            <Narratives narratives=story.narratives.clone()/>
            <Predictions predictions=story.predictions.clone()/>
            <RelatedStories related=story.related.clone()/>
        </article>
    }
}

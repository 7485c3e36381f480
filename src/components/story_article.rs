use super::{
    Facts, Narratives, NewsletterSignup, Predictions, RelatedStories, Sources, StoryHeader,
};
use crate::config::NewsletterConfig;
use crate::model::Article;
use leptos::prelude::*;
use std::sync::Arc;

/// The whole story, in the seed page's order. Sections without data are left out, and
/// so is the newsletter signup when no endpoint is configured.
#[component]
pub fn StoryArticle(
    article: Arc<Article>,
    #[prop(optional_no_strip)] newsletter: Option<NewsletterConfig>,
) -> impl IntoView {
    let story = &article.story;
    let slug = story.slug.clone();
    let signup = newsletter.map(|config| view! { <NewsletterSignup config story=Some(slug)/> });
    view! {
        <article class="story">
            <StoryHeader article=article.clone()/>
            <Facts article=article.clone()/>
            <Sources article=article.clone()/>
            <Narratives narratives=story.narratives.clone()/>
            <Predictions predictions=story.predictions.clone()/>
            {signup}
            <RelatedStories related=story.related.clone()/>
        </article>
    }
}

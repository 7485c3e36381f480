use super::{
    Facts, Narratives, NewsletterSignup, Predictions, RelatedStories, Sources, StoryHeader,
};
use crate::config::NewsletterConfig;
use crate::model::{sections::Sections, Article};
use leptos::prelude::*;
use std::sync::Arc;

/// The whole story, in the seed page's order. Sections without data are left out, and
/// so is the newsletter signup when no endpoint is configured.
#[component]
pub fn StoryArticle(
    article: Arc<Article>,
    #[prop(optional_no_strip)] newsletter: Option<NewsletterConfig>,
    /// Which parts to show below the header; everything unless an embed chose.
    #[prop(optional)]
    sections: Sections,
) -> impl IntoView {
    let story = &article.story;
    let slug = story.slug.clone();
    let signup = newsletter
        .filter(|_| sections.signup)
        .map(|config| view! { <NewsletterSignup config story=Some(slug)/> });
    let facts = sections.facts.then(|| {
        view! {
            <Facts article=article.clone()/>
            <Sources article=article.clone()/>
        }
    });
    view! {
        <article class="story">
            <StoryHeader article=article.clone()/>
            {facts}
            {sections.narratives.then(|| view! { <Narratives narratives=story.narratives.clone()/> })}
            {sections.predictions.then(|| view! { <Predictions predictions=story.predictions.clone()/> })}
            {signup}
            {sections.related.then(|| view! { <RelatedStories related=story.related.clone() format=article.format/> })}
        </article>
    }
}

use super::{
    Facts, Narratives, NewsletterSignup, Predictions, RelatedStories, Sources, StoryHeader,
};
use crate::config::NewsletterConfig;
use crate::model::{sections::Sections, Article};
use leptos::{context::Provider, prelude::*};
use std::sync::Arc;

/// The whole story, in the seed page's order. Sections without data are left out, and
/// so is the newsletter signup when no endpoint is configured. The parts that respond to
/// the reader are islands; they find the story as the one in view (a context), which a
/// page woken from its HTML provides by itself.
#[component]
pub fn StoryArticle(
    article: Arc<Article>,
    #[prop(optional_no_strip)] newsletter: Option<NewsletterConfig>,
    /// Which parts to show below the header; everything unless an embed chose.
    #[prop(optional)]
    sections: Sections,
) -> impl IntoView {
    // Every part is built inside the Provider, whose context only what is built there sees.
    let story = &article.story;
    let (slug, predictions, related) = (
        story.slug.clone(),
        story.predictions.clone(),
        story.related.clone(),
    );
    let (format, header) = (article.format, article.clone());
    view! {
        <Provider value=article>
            <article class="story">
                <StoryHeader article=header/>
                {sections.facts.then(|| view! { <Facts/> <Sources/> })}
                {sections.narratives.then(|| view! { <Narratives/> })}
                {sections.predictions.then(|| view! { <Predictions predictions/> })}
                {sections.signup.then(|| view! { <NewsletterSignup config=newsletter story=Some(slug)/> })}
                {sections.related.then(|| view! { <RelatedStories related format/> })}
            </article>
        </Provider>
    }
}

use super::{
    article_section::STORY_TITLE_ID, story_text, ExternalLink, Placement, ReadableDate, ShareButton,
};
use crate::model::{links, Article};
use leptos::prelude::*;
use std::sync::Arc;

/// Headline, image with its credit, teaser, byline and dates, in the seed page's order.
#[component]
pub fn StoryHeader(article: Arc<Article>) -> impl IntoView {
    let story = article.story.clone();
    let minutes = story.reading_minutes();
    let share_href = Placement::current().story_href(&story.slug, article.format);
    let image = story
        .image
        .filter(|image| links::image_src(&image.src).is_some())
        .map(|image| {
            let credit = image.credit.map(|credit| {
                view! {
                    <figcaption class="image-credit">
                        "Image credit: "
                        <ExternalLink href=image.credit_url>{story_text(&credit)}</ExternalLink>
                    </figcaption>
                }
            });
            view! {
                <figure class="story-image">
                    <img src=image.src alt=image.alt decoding="async" fetchpriority="high"/>
                    {credit}
                </figure>
            }
        });
    let updated = story
        .updated_at
        .map(|iso| view! { " · Updated " <ReadableDate iso/> });
    let byline = story
        .byline
        .map(|byline| view! { <span class="byline-author">"by " <bdi>{story_text(&byline)}</bdi></span> " · " });

    view! {
        <header class="story-header">
            <h1 class="story-title" id=STORY_TITLE_ID dir="auto">{story_text(&story.title)}</h1>
            {image}
            {story.teaser.map(|teaser| view! { <p class="teaser" dir="auto">{story_text(&teaser)}</p> })}
            <p class="byline">
                {byline} <ReadableDate iso=story.published_at/> {updated}
                {format!(" · {} min read", minutes)}
            </p>
            <div class="story-actions">
                <ShareButton title=story.title.clone() href=share_href/>
            </div>
        </header>
    }
}

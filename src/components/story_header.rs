use super::{article_section::STORY_TITLE_ID, ExternalLink, LocalDate};
use crate::model::{links, Article};
use leptos::prelude::*;
use std::sync::Arc;

/// Headline, image with its credit, teaser, byline and dates, in the seed page's order.
#[component]
pub fn StoryHeader(article: Arc<Article>) -> impl IntoView {
    let story = article.story.clone();
    let image = story
        .image
        .filter(|image| links::http_url(&image.src).is_some())
        .map(|image| {
            let credit = image.credit.map(|credit| {
                view! {
                    <figcaption class="image-credit">
                        "Image credit: "
                        <ExternalLink href=image.credit_url>{credit}</ExternalLink>
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
        .map(|iso| view! { " · Updated " <LocalDate iso/> });
    let byline = story
        .byline
        .map(|byline| view! { <span class="byline-author">"by " {byline}</span> " · " });

    view! {
        <header class="story-header">
            <h1 class="story-title" id=STORY_TITLE_ID>{story.title}</h1>
            {image}
            {story.teaser.map(|teaser| view! { <p class="teaser">{teaser}</p> })}
            <p class="byline">{byline} <LocalDate iso=story.published_at/> {updated}</p>
        </header>
    }
}

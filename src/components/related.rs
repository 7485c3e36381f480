use super::Placement;
use super::{story_text, ArticleSection};
use crate::model::{links, slug, Related};
use leptos::{either::Either, prelude::*};

/// "Read more": links to related stories on this site.
#[component]
pub fn RelatedStories(related: Vec<Related>) -> impl IntoView {
    let placement = Placement::current();
    (!related.is_empty()).then(|| {
        let items = related
            .into_iter()
            .map(|story| {
                // The title is the link text, so the thumbnail needs no alt text of its own.
                let thumbnail = story
                    .image
                    .filter(|image| links::http_url(&image.src).is_some())
                    .map(|image| view! { <img src=image.src alt="" loading="lazy" decoding="async"/> });
                let content = view! { {thumbnail} <span class="related-title" dir="auto">{story_text(&story.title)}</span> };
                let item = if slug::is_valid(&story.slug) {
                    Either::Left(view! { <a href=placement.story_href(&story.slug)>{content}</a> })
                } else {
                    Either::Right(content)
                };
                view! { <li class="related-story">{item}</li> }
            })
            .collect_view();
        view! {
            <ArticleSection name="related" title="Read more">
                <ul class="related-list">{items}</ul>
            </ArticleSection>
        }
    })
}

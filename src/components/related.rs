use super::Placement;
use super::{story_text, ArticleSection};
use crate::model::{links, slug, Related, StoryFormat};
use leptos::{either::Either, prelude::*};

/// "Read more": links to related stories on this site, which come from the same feed as
/// the story and so are read in its `format`.
#[component]
pub fn RelatedStories(related: Vec<Related>, format: StoryFormat) -> impl IntoView {
    let placement = Placement::current();
    (!related.is_empty()).then(|| {
        let items = related
            .into_iter()
            .map(|story| {
                // The title is the link text, so the thumbnail needs no alt text of its own.
                let thumbnail = story
                    .image
                    .filter(|image| links::image_src(&image.src).is_some())
                    .map(|image| view! { <img src=image.src alt="" loading="lazy" decoding="async"/> });
                let content = view! { {thumbnail} <span class="related-title" dir="auto">{story_text(&story.title)}</span> };
                let item = if slug::is_valid(&story.slug) {
                    Either::Left(view! { <a href=placement.story_href(&story.slug, format)>{content}</a> })
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

use crate::api;
use crate::components::{story_text, ListSkeleton, LoadErrorView, LocalDate};
use crate::model::{slug, StorySummary};
use leptos::{either::Either, prelude::*};
use leptos_meta::{Meta, Title};

/// `/`: the published stories, newest first as the index lists them.
#[component]
pub fn HomePage() -> impl IntoView {
    let index = LocalResource::new(api::fetch_index);
    let content = move || {
        Suspend::new(async move {
            match index.await {
                Ok(index) => Either::Left(view! {
                    <ul class="story-index">
                        {index.stories.iter().filter(|s| slug::is_valid(&s.slug)).cloned().map(summary_view).collect_view()}
                    </ul>
                }),
                Err(error) => Either::Right(view! {
                    <LoadErrorView error on_retry=move |()| index.refetch()/>
                }),
            }
        })
    };
    view! {
        <Title text="Balanced news stories"/>
        <Meta name="description" content="Stories told fact by fact, with every source cited and every side's narrative."/>
        <h1 class="page-title">"Stories"</h1>
        <Suspense fallback=ListSkeleton>{content}</Suspense>
    }
}

fn summary_view(summary: StorySummary) -> impl IntoView {
    view! {
        <li class="story-summary">
            <h2><a href=format!("/stories/{}", summary.slug) dir="auto">{story_text(&summary.title)}</a></h2>
            {summary.teaser.map(|teaser| view! { <p class="teaser" dir="auto">{story_text(&teaser)}</p> })}
            {summary.published_at.map(|iso| view! { <p class="summary-date"><LocalDate iso/></p> })}
        </li>
    }
}

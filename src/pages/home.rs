use crate::api;
use crate::components::{story_text, ListSkeleton, LoadErrorView, ReadableDate};
use crate::model::{slug, StoryIndex, StorySummary};
use leptos::{either::Either, prelude::*};
use leptos_meta::{Meta, Title};

/// The home page's title.
pub const HOME_TITLE: &str = "Balanced news stories";
/// The home page's description, for search results and link previews.
pub const HOME_DESCRIPTION: &str =
    "Stories told fact by fact, with every source cited and every side's narrative.";

/// `/`: the published stories, fetched from the data base.
#[component]
pub fn HomePage() -> impl IntoView {
    let index = LocalResource::new(api::fetch_index);
    let content = move || {
        Suspend::new(async move {
            match index.await {
                Ok(index) => Either::Left(view! { <StoryList index/> }),
                Err(error) => Either::Right(view! {
                    <LoadErrorView error on_retry=move |()| index.refetch()/>
                }),
            }
        })
    };
    view! {
        <Title text=HOME_TITLE/>
        <Meta name="description" content=HOME_DESCRIPTION/>
        <Home>
            <Suspense fallback=ListSkeleton>{content}</Suspense>
        </Home>
    }
}

/// The home page's content around its list of stories, however that list arrives.
#[component]
pub fn Home(children: Children) -> impl IntoView {
    view! {
        <h1 class="page-title">"Stories"</h1>
        {children()}
    }
}

/// The stories of `index`, newest first as the index lists them.
#[component]
pub fn StoryList(#[prop(into)] index: std::sync::Arc<StoryIndex>) -> impl IntoView {
    let stories = index
        .stories
        .iter()
        .filter(|s| slug::is_valid(&s.slug))
        .cloned()
        .map(summary_view)
        .collect_view();
    view! { <ul class="story-index">{stories}</ul> }
}

fn summary_view(summary: StorySummary) -> impl IntoView {
    view! {
        <li class="story-summary">
            <h2><a href=format!("/stories/{}", summary.slug) dir="auto">{story_text(&summary.title)}</a></h2>
            {summary.teaser.map(|teaser| view! { <p class="teaser" dir="auto">{story_text(&teaser)}</p> })}
            {summary.published_at.map(|iso| view! { <p class="summary-date"><ReadableDate iso/></p> })}
        </li>
    }
}

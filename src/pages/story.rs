use crate::api::{self, LoadError};
use crate::components::{ArticleSkeleton, LoadErrorView, StoryArticle};
use crate::config;
use leptos::{either::Either, prelude::*};
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/stories/:slug`: the article, or a clear reason why it cannot be shown.
#[component]
pub fn StoryPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let format = move || query.read().get("format").unwrap_or_default();
    let story = LocalResource::new(move || api::fetch_story(slug(), format()));

    let content = move || {
        Suspend::new(async move {
            match story.await {
                Ok(article) => {
                    for problem in &article.problems {
                        leptos::logging::warn!("story {}: {problem}", article.story.slug);
                    }
                    let description = article.story.description().to_owned();
                    Either::Left(view! {
                        <Title text=article.story.title.clone()/>
                        <Meta name="description" content=description/>
                        <StoryArticle article newsletter=config::newsletter_or_explain(None)/>
                    })
                }
                Err(error) => Either::Right(error_view(error, move || story.refetch())),
            }
        })
    };

    view! { <Suspense fallback=ArticleSkeleton>{content}</Suspense> }
}

fn error_view(error: LoadError, retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    view! {
        <Title text=error.heading()/>
        <LoadErrorView error on_retry=move |()| retry()/>
    }
}

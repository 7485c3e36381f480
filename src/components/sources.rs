use super::{ArticleSection, ExternalLink, LocalDate};
use crate::model::Article;
use leptos::prelude::*;
use std::sync::Arc;

/// `[n] Outlet` for every source, in citation-number order, linking to the article when
/// the story gives an http(s) URL.
#[component]
pub fn Sources(article: Arc<Article>) -> impl IntoView {
    let items = article
        .numbered_sources()
        .map(|(number, source)| {
            let title = source
                .title
                .clone()
                .map(|title| view! { ": " <cite>{title}</cite> });
            let date = source
                .published_at
                .clone()
                .map(|iso| view! { ", " <LocalDate iso/> });
            let outlet = source.outlet.clone();
            view! {
                <li class="source" id=format!("source-{number}")>
                    <span class="source-number">{format!("[{number}]")}</span>
                    " "
                    <ExternalLink href=source.url.clone()>{outlet}</ExternalLink>
                    {title}
                    {date}
                </li>
            }
        })
        .collect_view();
    (!items.is_empty()).then(|| {
        view! {
            <ArticleSection name="sources" title="Sources">
                <ol class="source-list">{items}</ol>
            </ArticleSection>
        }
    })
}

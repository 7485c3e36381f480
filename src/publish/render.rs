//! The pages' content, rendered to HTML natively by the components the browser runs.
//! Islands come out as `<leptos-island>` elements naming the function that wakes them,
//! with the markers their hydration needs.

use crate::components::StoryArticle;
use crate::config::NewsletterConfig;
use crate::model::{Article, StoryIndex};
use crate::pages::{Home, SiteFrame, StoryList};
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use std::sync::Arc;

pub fn story_page(article: Arc<Article>, newsletter: Option<NewsletterConfig>) -> String {
    render(move || view! { <SiteFrame><StoryArticle article newsletter/></SiteFrame> })
}

pub fn home_page(index: Arc<StoryIndex>) -> String {
    render(move || view! { <SiteFrame><Home><StoryList index/></Home></SiteFrame> })
}

/// Components ask the shared context whether they are being rendered ahead of time; in
/// islands mode it starts outside any island, as the browser does.
fn render<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> String {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new_islands())));
    owner.with(|| view().to_html())
}

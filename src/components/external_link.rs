use crate::model::links;
use leptos::{either::Either, prelude::*};

/// A link to a page outside Storyline when `href` is an absolute http(s) URL; otherwise
/// the same content as plain text, so a `javascript:` URL in a story is never clickable.
/// The content comes from the story, so it is isolated from the app's text around it in
/// either writing direction.
#[component]
pub fn ExternalLink(#[prop(into)] href: Option<String>, children: Children) -> impl IntoView {
    match href.as_deref().and_then(links::http_url) {
        Some(url) => Either::Left(view! {
            <a href=url.to_owned() rel="noopener noreferrer" dir="auto">{children()}</a>
        }),
        None => Either::Right(view! { <bdi>{children()}</bdi> }),
    }
}

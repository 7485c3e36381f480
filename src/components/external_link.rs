use crate::model::links;
use leptos::{either::Either, prelude::*};

/// A link to a page outside Storyline when `href` is an absolute http(s) URL; otherwise
/// the same content as plain text, so a `javascript:` URL in a story is never clickable.
#[component]
pub fn ExternalLink(#[prop(into)] href: Option<String>, children: Children) -> impl IntoView {
    match href.as_deref().and_then(links::http_url) {
        Some(url) => Either::Left(view! {
            <a href=url.to_owned() rel="noopener noreferrer">{children()}</a>
        }),
        None => Either::Right(children()),
    }
}

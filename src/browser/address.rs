use leptos::prelude::window;

/// `href` as an absolute URL, resolved against the page's own address as a link in it
/// would be.
pub fn absolute_url(href: &str) -> String {
    let page = window().location().href().unwrap_or_default();
    web_sys::Url::new_with_base(href, &page)
        .map(|url| url.href())
        .unwrap_or_else(|_| href.to_owned())
}

//! How each browser build attaches to a page. A page rendered ahead of time has its islands
//! woken (`islands`): the article's by the `page` build (`page_story` gives them the
//! story), the signup form's by the `signup` build. The app shell gets the whole app
//! (`app`); other sites' pages get widgets in shadow roots (`shadow`): stories from the
//! `widget` build (`widget`), signup forms from the `widget-signup` build (`widget_signup`).
//! All of them show what a reader sees if the wasm ever fails (`crash`).

#[cfg(feature = "app")]
pub mod app;
pub mod crash;
#[cfg(any(feature = "page", feature = "signup"))]
pub mod islands;
#[cfg(any(feature = "app", feature = "page"))]
pub mod live;
#[cfg(feature = "page")]
pub mod page_story;
#[cfg(any(feature = "widget", feature = "widget-signup"))]
mod shadow;
#[cfg(feature = "widget")]
pub mod widget;
#[cfg(feature = "widget-signup")]
pub mod widget_signup;

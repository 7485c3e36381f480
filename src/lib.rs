//! Storyline renders balanced news stories from JSON.
//!
//! - `model`: the story format, parsing, validation and citation numbering (no browser APIs).
//! - `config`: settings read from the host page at run time.
//! - `api`: fetching stories and the story index.
//! - `browser`: small browser capabilities (clipboard, pointer, reveal) the components share.
//! - `components`: the article's parts, reusable on any mount and rendered ahead of time.
//! - `pages`: one component per route of the full app, and the frame around them.
//! - `mount`: how each browser build attaches to a page: waking a page rendered ahead of
//!   time, the whole app, widgets.
//! - `markers`: the names pages rendered ahead of time and the browser agree on.
//! - `publish`: the publish step, which renders pages, feed and sitemap natively.
//!
//! One crate, six builds (Cargo.toml): `page`, `signup`, `app`, `widget` and
//! `widget-signup` for the browser, each with only what its pages run, and `ssr` for
//! everything native (the publish step and the native tests).

// Rendering to HTML resolves the whole article's view type at once, which nests deeper
// than the compiler's default allows, as Leptos's own examples note.
#![recursion_limit = "256"]

#[cfg(not(any(
    feature = "page",
    feature = "signup",
    feature = "app",
    feature = "widget",
    feature = "widget-signup",
    feature = "ssr"
)))]
compile_error!(
    "build with --features page, signup, app, widget or widget-signup (the browser's builds; \
     Trunk passes them) or --features ssr (native: the publish step and `cargo test`)"
);
#[cfg(all(
    feature = "ssr",
    any(
        feature = "page",
        feature = "signup",
        feature = "app",
        feature = "widget",
        feature = "widget-signup"
    )
))]
compile_error!("ssr is the native build; build it apart from the browser's");

pub mod api;
pub mod browser;
pub mod components;
pub mod config;
pub mod markers;
pub mod model;
pub mod mount;
#[cfg(any(feature = "app", feature = "ssr"))]
pub mod pages;
#[cfg(feature = "ssr")]
pub mod publish;

//! Storyline renders balanced news stories from JSON.
//!
//! - `model`: the story format, parsing, validation and citation numbering (no browser APIs).
//! - `config`: settings read from the host page at run time.
//! - `api`: fetching stories and the story index.
//! - `browser`: small browser capabilities (clipboard, pointer, reveal) the components share.
//! - `components`: the article's parts, reusable on any mount.
//! - `pages`: one component per route of the full app.
//! - `mount`: how the app attaches to a page.

pub mod api;
pub mod browser;
pub mod components;
pub mod config;
pub mod model;
pub mod mount;
pub mod pages;

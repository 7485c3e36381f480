//! How each browser build attaches to a page: a page rendered ahead of time has its islands
//! woken (`islands`, the `page` build); the app shell gets the whole app (`app`); other
//! sites' pages get widgets (`widget`). All of them show what a reader sees if the wasm
//! ever fails (`crash`).

pub mod crash;
#[cfg(feature = "app")]
pub mod app;
#[cfg(feature = "page")]
pub mod islands;
#[cfg(any(feature = "app", feature = "page"))]
mod live;
#[cfg(feature = "widget")]
pub mod widget;

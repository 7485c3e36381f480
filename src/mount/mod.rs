//! How Storyline attaches to a page in the browser: the app on its own pages (`page`),
//! woken from HTML rendered ahead of time (`islands`) or drawn afresh; widgets on other
//! sites' pages (`widget`); and what a reader sees if the wasm ever fails (`crash`).

pub mod crash;
pub mod islands;
pub mod page;
pub mod widget;

//! A page the publish step rendered ahead of time: the article is already there, as HTML.
//! Only its islands, the parts that respond to the reader, are woken, each on the nodes it
//! was rendered as, so nothing is drawn again and nothing moves. Two modules wake them
//! (both loaded by wake.js): the `page` build the article's islands, once the page is
//! parsed, and the `signup` build the signup form, when a reader gets near it.

use crate::browser::found;
use js_sys::{Function, Reflect};
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::{prelude::*, JsCast};
use web_sys::Element;

/// What a module does around waking its islands.
pub struct Waking {
    /// Provides what the module's islands need from the page; false if it cannot, and then
    /// they stay asleep.
    pub prepare: fn() -> bool,
    /// Runs once every island of the module is awake.
    pub on_awake: fn(),
}

thread_local! {
    static WAKING: Cell<Option<Waking>> = const { Cell::new(None) };
}

/// The module's start (its `main`): the islands' root owner, whose context every island
/// finds, and what `waking.prepare` provides in it.
pub fn start(waking: Waking) {
    super::crash::install("");
    leptos::mount::hydrate_islands();
    if (waking.prepare)() {
        WAKING.set(Some(waking));
    }
}

/// Called by wake.js with the module's own exports, among them the function of each island
/// the module defines, named as the island's `data-component`. Wakes the page's islands
/// that are this module's; the others are another module's.
#[wasm_bindgen]
pub fn wake(exports: JsValue) {
    let Some(waking) = WAKING.take() else {
        return;
    };
    for island in found::<Element>(document().query_selector_all("leptos-island")) {
        let name = island.get_attribute("data-component").unwrap_or_default();
        let Ok(Ok(hydrate)) =
            Reflect::get(&exports, &JsValue::from_str(&name)).map(JsCast::dyn_into::<Function>)
        else {
            continue;
        };
        // An island that fails has panicked, and the panic hook has said so: the module
        // is gone, and the page stays as it arrived.
        if hydrate.call1(&JsValue::NULL, &island).is_err() {
            return;
        }
    }
    (waking.on_awake)();
}

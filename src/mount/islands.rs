//! A page the publish step rendered ahead of time: the article is already there, as HTML.
//! Only its islands, the parts that respond to the reader, are woken, each on the nodes it
//! was rendered as, so nothing is drawn again and nothing moves. The story they need comes
//! with the page, in a JSON script element, read here before any island wakes.

use super::live::mark_live;
use crate::components::DateZone;
use crate::markers::STORY_DATA_ID;
use crate::model::{Article, StoryFormat};
use js_sys::{Function, Reflect};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::{prelude::*, JsCast};
use web_sys::{AddEventListenerOptions, Element};

/// Entry point of the `page` build: reads the page's story, then wakes every island once
/// wake.js has published the module's exports, among them each island's function (named
/// by its `data-component`), and marks the page live once all are.
pub fn start() {
    super::crash::install();
    leptos::mount::hydrate_islands();
    // The islands' root owner is the current one from here on, so every island finds
    // what is provided here: the page's zone for dates, and the story in view.
    provide_context(DateZone::Utc);
    if let Some(data) = document().get_element_by_id(STORY_DATA_ID) {
        match StoryFormat::V1.read(&data.text_content().unwrap_or_default()) {
            Ok(story) => provide_context(Arc::new(Article::new(story))),
            Err(error) => {
                // The page is readable as it is; only its controls stay asleep.
                leptos::logging::error!("Storyline: the story in this page cannot be read ({error}); its controls stay off.");
                return;
            }
        }
    }
    let options = AddEventListenerOptions::new();
    options.set_once(true);
    let on_started = Closure::once_into_js(move || {
        if wake_islands() {
            mark_live();
        }
    });
    let _ = window().add_event_listener_with_callback_and_add_event_listener_options(
        "TrunkApplicationStarted",
        on_started.unchecked_ref(),
        &options,
    );
}

/// Whether every island woke.
fn wake_islands() -> bool {
    let Ok(exports) = Reflect::get(&window(), &JsValue::from_str("wasmBindings")) else {
        return false;
    };
    let Ok(islands) = document().query_selector_all("leptos-island") else {
        return false;
    };
    for island in (0..islands.length()).filter_map(|i| islands.item(i)?.dyn_into::<Element>().ok())
    {
        let name = island.get_attribute("data-component").unwrap_or_default();
        let Ok(Ok(hydrate)) =
            Reflect::get(&exports, &JsValue::from_str(&name)).map(JsCast::dyn_into::<Function>)
        else {
            leptos::logging::error!(
                "Storyline: this page and the app are from different builds (no island \"{name}\"); reload to get both anew."
            );
            return false;
        };
        // An island that fails has panicked, and the panic hook has said so: the app
        // is gone, and the page stays as it arrived.
        if hydrate.call1(&JsValue::NULL, &island).is_err() {
            return false;
        }
    }
    true
}

//! The story request that `boot/prefetch-story.js` starts before the app has loaded.

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};

const KEY: &str = "storylineStoryPrefetch";

/// The early request's promise of a `Response`, if one was made for `url`. It is taken
/// once: a retry must ask the server again, not replay the answer that failed.
pub fn take(url: &str) -> Option<Promise> {
    let window = web_sys::window()?;
    let key = JsValue::from_str(KEY);
    let prefetch: JsValue = Reflect::get(&window, &key).ok().filter(JsValue::is_object)?;
    let _ = Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key);
    let prefetched_url = Reflect::get(&prefetch, &JsValue::from_str("url")).ok()?;
    if prefetched_url.as_string().as_deref() != Some(url) {
        return None;
    }
    Reflect::get(&prefetch, &JsValue::from_str("response"))
        .ok()?
        .dyn_into()
        .ok()
}

//! The story request that `boot/prefetch-story.js` starts before the app has loaded.

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortController;

const KEY: &str = "storylineStoryPrefetch";

/// The early request for `url`, if one was made: its promise of a `Response` and the
/// controller that aborts it. It is taken once: a retry must ask the server again, not
/// replay the answer that failed.
pub fn take(url: &str) -> Option<(Promise, AbortController)> {
    let window = web_sys::window()?;
    let key = JsValue::from_str(KEY);
    let prefetch: JsValue = Reflect::get(&window, &key)
        .ok()
        .filter(JsValue::is_object)?;
    let _ = Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key);
    let field = |name: &str| Reflect::get(&prefetch, &JsValue::from_str(name)).ok();
    if field("url")?.as_string().as_deref() != Some(url) {
        return None;
    }
    Some((
        field("response")?.dyn_into().ok()?,
        field("controller")?.dyn_into().ok()?,
    ))
}

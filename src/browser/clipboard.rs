use leptos::prelude::window;
use wasm_bindgen_futures::JsFuture;

/// Writes `text` to the clipboard. Fails when the page is not a secure context or the
/// reader (or the browser's policy) refused permission.
pub async fn copy_text(text: &str) -> Result<(), ()> {
    let promise = window().navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.map(drop).map_err(drop)
}

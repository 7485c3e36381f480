use leptos::prelude::window;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::ShareData;

/// What became of a share.
pub enum Shared {
    /// The system share sheet took it, or the reader closed the sheet.
    BySystem,
    /// There is no share sheet here (most desktop browsers).
    Unavailable,
    /// The sheet refused, as when the page is not a secure context.
    Failed,
}

/// Offers `url` with `title` to the system share sheet (Web Share API) where there is one.
pub async fn share_link(title: &str, url: &str) -> Shared {
    let navigator = window().navigator();
    let has_share = js_sys::Reflect::has(&navigator, &JsValue::from_str("share")).unwrap_or(false);
    if !has_share {
        return Shared::Unavailable;
    }
    let data = ShareData::new();
    data.set_title(title);
    data.set_url(url);
    match JsFuture::from(navigator.share_with_data(&data)).await {
        Ok(_) => Shared::BySystem,
        // Closing the sheet rejects with AbortError: the reader chose, nothing failed.
        Err(error) if error_name(&error) == "AbortError" => Shared::BySystem,
        Err(_) => Shared::Failed,
    }
}

fn error_name(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_default()
}

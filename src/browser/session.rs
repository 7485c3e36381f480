use leptos::prelude::window;

/// A yes/no choice the reader made earlier in this tab (`sessionStorage`), so that it
/// survives moving between stories but not into a new visit. False where storage is
/// blocked, as in some privacy modes or a sandboxed embed.
pub fn session_flag(key: &str) -> bool {
    window()
        .session_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(key).ok().flatten())
        .is_some_and(|value| value == "on")
}

/// Remembers `on` for `session_flag`; quietly does nothing where storage is blocked, as
/// the choice then lasts only as long as the page.
pub fn set_session_flag(key: &str, on: bool) {
    if let Ok(Some(storage)) = window().session_storage() {
        let _ = storage.set_item(key, if on { "on" } else { "off" });
    }
}

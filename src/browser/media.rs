use leptos::prelude::window;

/// Whether a CSS media query matches now, false where it cannot be asked.
pub fn matches_media(query: &str) -> bool {
    window()
        .match_media(query)
        .ok()
        .flatten()
        .is_some_and(|list| list.matches())
}

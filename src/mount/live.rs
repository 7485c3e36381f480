use crate::markers::LIVE_ATTRIBUTE;
use leptos::prelude::*;

/// Marks the page live once what the start-up has set in motion (each island's or the
/// app's first effects, which bring its controls to life) has run.
pub fn mark_live() {
    leptos::task::spawn_local(async {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute(LIVE_ATTRIBUTE, "");
        }
    });
}

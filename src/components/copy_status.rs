use crate::browser::copy_text;
use leptos::{prelude::*, task::spawn_local};
use std::time::Duration;

/// What a status region shows: `status`, or nothing at all while it is blank, so that the
/// region stays `:empty` (and takes no room) in HTML rendered ahead of time too, where a
/// blank text would be written as a space.
pub fn status_text(status: RwSignal<String>) -> impl IntoView {
    move || status.with(|text| (!text.is_empty()).then(|| text.clone()))
}

/// Copies `text` and says so in the status region; on failure says what to do instead.
pub fn announce_copy(status: RwSignal<String>, text: String, done: String) {
    spawn_local(async move {
        let message = match copy_text(&text).await {
            Ok(()) => done,
            Err(()) => {
                format!("Copying is blocked in this browser. Select and copy this instead: {text}")
            }
        };
        status.set(message.clone());
        // Clear only our own message, not a newer one.
        set_timeout(
            move || {
                status.try_update(|current| {
                    if *current == message {
                        current.clear()
                    }
                });
            },
            Duration::from_secs(4),
        );
    });
}

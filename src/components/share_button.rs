use super::copy_status::announce_copy;
use crate::browser::{share_link, Shared};
use leptos::{prelude::*, task::spawn_local};

/// "Share": the system share sheet where there is one (phones, some desktops), else the
/// story's link copied, and said so.
#[component]
pub fn ShareButton(title: String, url: String) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let share = move |_| {
        let (title, url) = (title.clone(), url.clone());
        spawn_local(async move {
            if !matches!(share_link(&title, &url).await, Shared::BySystem) {
                announce_copy(status, url, "Link to this story copied.".to_owned());
            }
        });
    };
    view! {
        <button type="button" class="share-button" on:click=share>"Share"</button>
        <p class="share-status" role="status">{status}</p>
    }
}

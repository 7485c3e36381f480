use super::copy_status::{announce_copy, status_text};
use super::use_started;
use crate::browser::{absolute_url, share_link, Shared};
use leptos::{prelude::*, task::spawn_local};

/// "Share" the story at `href`: the system share sheet where there is one (phones, some
/// desktops), else the story's link copied, and said so. Sharing needs the app: until it
/// has started the button is disabled, which the stylesheet shows as not there at all.
#[cfg_attr(any(feature = "page", feature = "ssr"), island)]
#[cfg_attr(not(any(feature = "page", feature = "ssr")), component)]
pub fn ShareButton(title: String, href: String) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let started = use_started();
    let share = move |_| {
        let (title, url) = (title.clone(), absolute_url(&href));
        spawn_local(async move {
            if !matches!(share_link(&title, &url).await, Shared::BySystem) {
                announce_copy(status, url, "Link to this story copied.".to_owned());
            }
        });
    };
    view! {
        <button type="button" class="share-button" disabled=move || !started.get() on:click=share>
            "Share"
        </button>
        <p class="share-status" role="status">{status_text(status)}</p>
    }
}

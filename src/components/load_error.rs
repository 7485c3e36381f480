use crate::api::LoadError;
use leptos::prelude::*;

/// What went wrong loading a story, and what the reader can do about it.
#[component]
pub fn LoadErrorView(error: LoadError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let retry = error.is_retryable().then(|| {
        view! {
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "Try again"
            </button>
        }
    });
    view! {
        <div class="load-error" role="alert">
            <h1>{error.heading()}</h1>
            <p>{error.to_string()}</p>
            <p class="load-error-actions">{retry} <a href="/">"Back to all stories"</a></p>
        </div>
    }
}

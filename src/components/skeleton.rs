use leptos::prelude::*;

/// The shape of an article while it loads, so the page does not jump when it arrives.
#[component]
pub fn ArticleSkeleton() -> impl IntoView {
    view! {
        <div class="skeleton" aria-busy="true">
            <p class="visually-hidden" role="status">"Loading story…"</p>
            <div class="skeleton-line skeleton-title"></div>
            <div class="skeleton-line skeleton-title skeleton-short"></div>
            <div class="skeleton-block skeleton-image"></div>
            <div class="skeleton-line"></div>
            <div class="skeleton-line skeleton-short"></div>
            <div class="skeleton-line skeleton-heading"></div>
            <div class="skeleton-line"></div>
            <div class="skeleton-line"></div>
            <div class="skeleton-line skeleton-short"></div>
        </div>
    }
}

/// Placeholder rows for the story list.
#[component]
pub fn ListSkeleton() -> impl IntoView {
    view! {
        <div class="skeleton" aria-busy="true">
            <p class="visually-hidden" role="status">"Loading stories…"</p>
            {(0..3).map(|_| view! {
                <div class="skeleton-line skeleton-heading"></div>
                <div class="skeleton-line"></div>
                <div class="skeleton-line skeleton-short"></div>
            }).collect_view()}
        </div>
    }
}

//! The full app: router, document title and meta tags, mounted on the whole page.

use crate::pages::{HomePage, NotFoundPage, StoryPage};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Title formatter=|title| format!("{title} · Storyline")/>
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="site-header">
                <a class="brand" href="/">"Storyline"</a>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/stories/:slug") view=StoryPage/>
                </Routes>
            </main>
            <footer class="site-footer">
                <p>"Storyline shows each story fact by fact, with its sources and every side's narrative."</p>
            </footer>
        </Router>
    }
}

/// Entry point of the app's own page (`index.html`).
pub fn start() {
    console_error_panic_hook::set_once();
    mount_to_body(App);
}

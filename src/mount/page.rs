//! The full app: router, document title and meta tags, mounted on the whole page.

use crate::pages::{HomePage, NotFoundPage, StoryPage};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    hooks::use_location,
    path,
};
use wasm_bindgen::JsCast;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Title formatter=|title| format!("{title} · Storyline")/>
        <Router>
            <FocusMainOnNavigate/>
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

/// A full page load puts keyboard and screen-reader users at the top of the new page;
/// client-side navigation would leave focus on the link that was just removed, so focus
/// moves to the main content instead. Same-page hash links keep their own behaviour.
#[component]
fn FocusMainOnNavigate() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|previous| previous != path) {
            if let Some(main) = document().get_element_by_id("main") {
                let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
        path
    });
}

/// Entry point of the module: mounts the app on its own page (`index.html`, marked by
/// `<body data-storyline-app>`). The same module backs `widget.js` on other sites' pages,
/// which must not get the app; there `mount::widget` takes over.
pub fn start() {
    super::crash::install();
    if document()
        .body()
        .is_some_and(|body| body.has_attribute("data-storyline-app"))
    {
        // index.html paints a header of its own so the first paint is not blank; the app
        // draws the same header, in the same frame as this removal.
        if let Some(boot) = document().get_element_by_id("storyline-boot") {
            boot.remove();
        }
        mount_to_body(App);
    }
}

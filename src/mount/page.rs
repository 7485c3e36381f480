//! The app on its own pages (`index.html` and the pages the publish step renders, marked
//! by `<body data-storyline-app>`): a page rendered ahead of time has its islands woken;
//! any other (the app shell, for a story that has no page of its own, an unknown address)
//! gets the full app with its router, title and meta tags.

use super::islands;
use crate::markers::LIVE_ATTRIBUTE;
use crate::pages::{document_title, HomePage, NotFoundPage, SiteFrame, StoryPage};
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
        <Title formatter=|title: String| document_title(&title)/>
        <Router>
            <FocusMainOnNavigate/>
            <SiteFrame>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/stories/:slug") view=StoryPage/>
                </Routes>
            </SiteFrame>
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

/// Entry point of the module. The same module backs `widget.js` on other sites' pages,
/// which must not get the app; there `mount::widget` takes over.
pub fn start() {
    super::crash::install();
    if !document()
        .body()
        .is_some_and(|body| body.has_attribute("data-storyline-app"))
    {
        return;
    }
    if islands::is_prerendered() {
        islands::wake(mark_live);
        return;
    }
    // index.html paints a header of its own so the first paint is not blank; the app
    // draws the same header, in the same frame as this removal.
    if let Some(boot) = document().get_element_by_id("storyline-boot") {
        boot.remove();
    }
    mount_to_body(App);
    mark_live();
}

/// Marks the page live once what the start-up has set in motion (each island's first
/// effects, which bring its controls to life) has run.
fn mark_live() {
    leptos::task::spawn_local(async {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute(LIVE_ATTRIBUTE, "");
        }
    });
}

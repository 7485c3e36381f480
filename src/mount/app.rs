//! The whole app, with its router, title and meta tags, on the app shell (`index.html`,
//! published as `app.html`): every address without a page of its own, such as a story
//! added after the build or an unknown address.

use super::live::mark_live;
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

/// Entry point of the `app` build.
pub fn start() {
    super::crash::install("");
    // index.html paints a header of its own so the first paint is not blank; the app
    // draws the same header, in the same frame as this removal.
    if let Some(boot) = document().get_element_by_id("storyline-boot") {
        boot.remove();
    }
    mount_to_body(App);
    mark_live();
}

//! Signup forms on someone else's page (`widget.js`): every `[data-storyline-signup]`
//! element gets one, in its own shadow root (`shadow`), and so does the signup's place in
//! a story widget once a reader gets near it. A page with signup widgets alone loads only
//! this module, a story widget's readers only when they reach its form.

use super::shadow;
use crate::components::{NewsletterSignup, Placement};
use crate::config;
use leptos::{mount::mount_to, prelude::*};
use wasm_bindgen::{prelude::*, JsCast};
use web_sys::{Element, HtmlElement, ShadowRoot};

/// Called by `widget.js` with the app's base URL (where widget.js is served from).
#[wasm_bindgen]
pub fn mount_signups(app_base: String) {
    shadow::keep_mounted("[data-storyline-signup]", move |host| {
        let root = shadow::widget_root(host)?;
        let config = config::newsletter_or_explain(Some(host));
        let placement = Placement::Embedded {
            app_base: app_base.clone(),
        };
        let handle = mount_to(root, move || {
            provide_context(placement);
            view! { <NewsletterSignup config story=None/> }
        });
        Ok(Box::new(handle))
    });
}

/// Called by `widget.js` for the signup's place in a story widget (`NewsletterSignup` of
/// the `widget` build): the form, with the settings of the widget it is in.
#[wasm_bindgen]
pub fn mount_signup_in(place: HtmlElement, app_base: String) {
    let host = place
        .get_root_node()
        .dyn_into::<ShadowRoot>()
        .ok()
        .map(|shadow| shadow.host());
    let config = config::newsletter_or_explain(host.as_ref());
    let story = place.get_attribute("data-story");
    let handle = mount_to(place.clone(), move || {
        provide_context(Placement::Embedded { app_base });
        view! { <NewsletterSignup config story/> }
    });
    shadow::remember(Element::from(place), Box::new(handle));
}

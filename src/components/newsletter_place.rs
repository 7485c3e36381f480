use crate::config::NewsletterConfig;
use leptos::{html, prelude::*};
use web_sys::{CustomEvent, CustomEventInit};

/// The signup form's place in a story widget (the `widget` build's `NewsletterSignup`).
/// The form's code is the signup module's, which most readers never need: the place asks
/// widget.js for it (a `storyline-signup-place` event, which leaves the shadow root), and
/// widget.js loads the module once a reader gets near. Until then the place keeps the
/// form's room. With no settings (`config` none) there is no form, and no place.
#[component]
pub fn NewsletterSignup(config: Option<NewsletterConfig>, story: Option<String>) -> impl IntoView {
    let place = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        let Some(place) = place.get() else {
            return;
        };
        // A story drawn while it loads is put in the page a moment after it is built, and an
        // event from outside the page reaches no one: ask once the frame has it in place.
        request_animation_frame(move || {
            let init = CustomEventInit::new();
            init.set_bubbles(true);
            init.set_composed(true);
            if let Ok(event) =
                CustomEvent::new_with_event_init_dict("storyline-signup-place", &init)
            {
                let _ = place.dispatch_event(&event);
            }
        });
    });
    config.map(|_| view! { <div class="newsletter-place" data-story=story node_ref=place></div> })
}

use leptos::prelude::*;

/// False while a view is rendered to HTML ahead of time and while it is woken from that
/// HTML; true from the moment it is live in the browser. Controls that need the app are
/// built disabled and come to life with it, so a page that arrives as HTML never offers
/// a button that does nothing, and waking it changes no layout.
pub fn use_started() -> ReadSignal<bool> {
    let (started, set_started) = signal(false);
    // Effects run only in the browser, once the view they belong to is in place.
    Effect::new(move |_| set_started.set(true));
    started
}

/// Whether the view being built is already in the page as HTML: rendered ahead of time by
/// the publish step, or being woken from that HTML. Drawn afresh in the browser (a story
/// that has no page of its own, a widget), it is not.
pub fn is_already_rendered() -> bool {
    Owner::current_shared_context()
        .is_some_and(|context| !context.is_browser() || context.get_is_hydrating())
}

/// Whether the view being built is being woken, in the browser, from HTML that is already
/// in the page: what that HTML holds now (what a reader typed meanwhile) can be read.
pub fn is_waking() -> bool {
    Owner::current_shared_context()
        .is_some_and(|context| context.is_browser() && context.get_is_hydrating())
}

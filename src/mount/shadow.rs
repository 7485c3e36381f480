//! Widgets on someone else's page: each gets its own instance in its own shadow root, so
//! the host's CSS and ours never meet. Elements added later are mounted and removed ones
//! unmounted. Nothing here touches the host's URL, title, `<head>` or other elements. Two
//! modules draw widgets this way (`widget` the stories, `widget_signup` the signup forms).

use crate::browser::found;
use leptos::prelude::*;
use std::{any::Any, cell::RefCell, rc::Rc};
use wasm_bindgen::{prelude::*, JsCast};
use web_sys::{
    CssStyleSheet, Element, HtmlElement, MutationObserver, MutationObserverInit, ShadowRootInit,
    ShadowRootMode,
};

const STYLES: &str = concat!(
    include_str!("../../style/widget.css"),
    include_str!("../../style/main.css")
);

/// What mounting an element leaves: the handle whose drop unmounts it.
pub type Mounted = Box<dyn Any>;

thread_local! {
    /// Each mounted element with the handle whose drop unmounts it.
    static MOUNTED: RefCell<Vec<(Element, Mounted)>> = const { RefCell::new(Vec::new()) };
    /// One parsed stylesheet, adopted by every widget's shadow root.
    static SHEET: Option<CssStyleSheet> = CssStyleSheet::new().ok().filter(|sheet| sheet.replace_sync(STYLES).is_ok());
}

/// Mounts every element that matches `selector` with `mount`, now and whenever the page
/// changes, and unmounts those that leave it.
pub fn keep_mounted(
    selector: &'static str,
    mount: impl Fn(&Element) -> Result<Mounted, JsValue> + 'static,
) {
    let mount = Rc::new(mount);
    sync(selector, &*mount);
    let on_change = Closure::<dyn Fn()>::new(move || sync(selector, &*mount));
    let Ok(observer) = MutationObserver::new(on_change.as_ref().unchecked_ref()) else {
        return;
    };
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    if observer
        .observe_with_options(
            &document().document_element().expect("a document element"),
            &options,
        )
        .is_ok()
    {
        // The observer lives as long as the page; so must its callback.
        on_change.forget();
    }
}

/// Keeps `handle` until `element` leaves the page: for what is mounted inside another
/// widget, whose removal the next change of the page reveals.
pub fn remember(element: Element, handle: Mounted) {
    MOUNTED.with_borrow_mut(|mounted| mounted.push((element, handle)));
}

/// Unmounts what left the page and mounts new elements.
fn sync(selector: &str, mount: &dyn Fn(&Element) -> Result<Mounted, JsValue>) {
    let removed: Vec<Mounted> = MOUNTED.with_borrow_mut(|mounted| {
        let (gone, kept) = mounted
            .drain(..)
            .partition(|(element, _)| !element.is_connected());
        *mounted = kept;
        gone.into_iter().map(|(_, handle)| handle).collect()
    });
    // Unmount only after the borrow ends: disposing an instance runs its cleanups.
    drop(removed);

    for host in found::<Element>(document().query_selector_all(selector)) {
        let known = MOUNTED.with_borrow(|mounted| mounted.iter().any(|(other, _)| other == &host));
        if !known {
            match mount(&host) {
                Ok(handle) => remember(host, handle),
                Err(error) => {
                    leptos::logging::error!("Storyline: could not mount a widget: {error:?}")
                }
            }
        }
    }
}

/// A fresh shadow root on `host`, with the widgets' stylesheet, and the element inside it
/// to render the widget in.
pub fn widget_root(host: &Element) -> Result<HtmlElement, JsValue> {
    let shadow = match host.shadow_root() {
        Some(shadow) => {
            // Mounted before, removed, and now back: start from a clean root.
            shadow.set_inner_html("");
            shadow
        }
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    SHEET.with(|sheet| {
        if let Some(sheet) = sheet {
            let _ = js_sys::Reflect::set(
                &shadow,
                &"adoptedStyleSheets".into(),
                &js_sys::Array::of1(sheet),
            );
        }
    });
    let root = document().create_element("div")?;
    root.set_class_name("storyline-widget");
    shadow.append_child(&root)?;
    Ok(root.unchecked_into())
}

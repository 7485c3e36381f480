//! When the wasm panics it is gone for good: release builds abort, and every later call
//! into it traps. Rather than leave a page that looks alive but ignores every click, the
//! panic hook says so in place of the app (or in each widget) and offers a reload; on a
//! page rendered ahead of time, whose article reads well without the app, above it. The
//! notice is built with plain DOM calls and a plain link, since neither the reactive
//! system nor any Rust event handler can be trusted, or even called, after the panic.

use crate::browser::found;
use crate::markers::PRERENDERED_ATTRIBUTE;
use std::sync::atomic::{AtomicBool, Ordering};
use web_sys::{Document, Element};

const MESSAGE: &str = "Something went wrong and Storyline stopped. Reload the page to try again.";

/// Installs the hook: the panic is logged once to the console, with its location, and
/// readers see the notice. `widgets` selects the widgets this module draws (empty: none):
/// another module's widgets live on.
pub fn install(widgets: &'static str) {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::Relaxed) {
        return;
    }
    std::panic::set_hook(Box::new(move |info| {
        static REPORTED: AtomicBool = AtomicBool::new(false);
        if REPORTED.swap(true, Ordering::Relaxed) {
            return;
        }
        console_error_panic_hook::hook(info);
        show_notice(widgets);
    }));
}

/// Puts the notice in place of the app's main content (above it when that was rendered
/// ahead of time) and of the contents of each widget that `widgets` selects.
pub fn show_notice(widgets: &str) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    if let (Ok(Some(main)), Ok(notice)) = (
        document.query_selector("body[data-storyline-app] main"),
        notice(&document),
    ) {
        let prerendered = document
            .document_element()
            .is_some_and(|html| html.has_attribute(PRERENDERED_ATTRIBUTE));
        if prerendered {
            let _ = main.prepend_with_node_1(&notice);
        } else {
            main.replace_children_with_node_1(&notice);
        }
    }
    if widgets.is_empty() {
        return;
    }
    for widget in found::<Element>(document.query_selector_all(widgets)) {
        if let Some(root) = widget
            .shadow_root()
            .and_then(|shadow| shadow.first_element_child())
        {
            let _ = notice(&document).map(|notice| root.replace_children_with_node_1(&notice));
        }
    }
}

fn notice(document: &Document) -> Result<Element, wasm_bindgen::JsValue> {
    let notice = document.create_element("div")?;
    notice.set_class_name("load-error crash-notice");
    notice.set_attribute("role", "alert")?;
    let message = document.create_element("p")?;
    message.set_text_content(Some(MESSAGE));
    let reload = document.create_element("a")?;
    // The page's own address: following it reloads, with no script involved.
    reload.set_attribute(
        "href",
        &document
            .location()
            .map(|l| l.href().unwrap_or_default())
            .unwrap_or_default(),
    )?;
    reload.set_text_content(Some("Reload"));
    notice.append_with_node_2(&message, &reload)?;
    Ok(notice)
}

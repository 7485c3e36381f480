use leptos::prelude::set_timeout;
use std::time::Duration;
use web_sys::{FocusOptions, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};

const HIGHLIGHT_CLASS: &str = "is-highlighted";

/// Whether revealing an element scrolls to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scroll {
    /// To the middle of the view.
    IntoView,
    /// Not at all: the reader is already where they want to be.
    Stay,
}

/// Gives `element` focus so keyboard and screen-reader users continue from there, and
/// highlights it for a moment so sighted readers see where they landed, scrolling it into
/// view first if asked. The element needs `tabindex="-1"` to take focus.
pub fn reveal(element: &HtmlElement, scroll: Scroll) {
    if scroll == Scroll::IntoView {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
    let focus = FocusOptions::new();
    focus.set_prevent_scroll(true);
    let _ = element.focus_with_options(&focus);

    let classes = element.class_list();
    let _ = classes.remove_1(HIGHLIGHT_CLASS);
    // Reading layout restarts the highlight when the same element is revealed twice.
    let _ = element.offset_width();
    let _ = classes.add_1(HIGHLIGHT_CLASS);
    set_timeout(
        move || {
            let _ = classes.remove_1(HIGHLIGHT_CLASS);
        },
        Duration::from_millis(2000),
    );
}

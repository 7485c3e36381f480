use leptos::prelude::document;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, NodeList};

/// The elements a `query_selector_all` found, as `T`; none if the query failed.
pub fn found<T: JsCast>(query: Result<NodeList, JsValue>) -> Vec<T> {
    let Ok(list) = query else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<T>().ok())
        .collect()
}

/// The element matching `selector` that an event happened in: its target or an ancestor.
/// What a listener on a container serves many elements with.
pub fn event_within(event: &Event, selector: &str) -> Option<Element> {
    event
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}

/// The current value of the form field with `id` in the document, if there is one.
pub fn field_value(id: &str) -> Option<String> {
    let field = document().get_element_by_id(id)?;
    js_sys::Reflect::get(&field, &JsValue::from_str("value"))
        .ok()?
        .as_string()
}

use crate::model::date;
use leptos::{either::Either, prelude::*};
use wasm_bindgen::{JsCast, JsValue};

/// A date in the reader's locale and time zone, with the original in `datetime` for
/// machines. A date that does not parse is shown as written rather than hidden.
#[component]
pub fn LocalDate(#[prop(into)] iso: String) -> impl IntoView {
    match date::is_valid(&iso).then(|| format_local(&iso)).flatten() {
        Some(readable) => Either::Left(view! { <time datetime=iso>{readable}</time> }),
        None => Either::Right(iso),
    }
}

thread_local! {
    // Building an Intl.DateTimeFormat costs far more than using one, and a long story
    // shows hundreds of dates.
    static DATE_ONLY: Option<js_sys::Function> = formatter(true);
    static DATE_AND_TIME: Option<js_sys::Function> = formatter(false);
}

fn format_local(iso: &str) -> Option<String> {
    let parsed = js_sys::Date::new(&JsValue::from_str(&iso.to_ascii_uppercase()));
    if parsed.get_time().is_nan() {
        return None;
    }
    let formatter = if date::is_date_only(iso) {
        &DATE_ONLY
    } else {
        &DATE_AND_TIME
    };
    formatter
        .with(|format| format.as_ref()?.call1(&JsValue::NULL, &parsed).ok())?
        .dyn_into::<js_sys::JsString>()
        .ok()
        .map(String::from)
}

/// The bound `format` function of a long-date formatter in the reader's locale.
fn formatter(date_only: bool) -> Option<js_sys::Function> {
    let options = js_sys::Object::new();
    let set = |key: &str, value: &str| js_sys::Reflect::set(&options, &key.into(), &value.into());
    set("dateStyle", "long").ok()?;
    if date_only {
        // A bare date means that calendar day everywhere; shifting it by the reader's
        // offset would show the day before in the Americas.
        set("timeZone", "UTC").ok()?;
    } else {
        set("timeStyle", "short").ok()?;
    }
    Some(js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &options).format())
}

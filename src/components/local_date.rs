use crate::model::date;
use leptos::{either::Either, prelude::*};
use wasm_bindgen::JsValue;

/// A date in words, in the reader's time zone, with the original in `datetime` for
/// machines. A date that does not parse is shown as written rather than hidden.
#[component]
pub fn LocalDate(#[prop(into)] iso: String) -> impl IntoView {
    match date::readable(&iso, minutes_east_of_utc) {
        Some(readable) => Either::Left(view! { <time datetime=iso>{readable}</time> }),
        None => Either::Right(iso),
    }
}

/// The reader's offset from UTC at a Unix time in milliseconds.
pub fn minutes_east_of_utc(unix_ms: f64) -> i64 {
    // JavaScript counts the other way: minutes to add to local time to reach UTC.
    -(js_sys::Date::new(&JsValue::from_f64(unix_ms)).get_timezone_offset() as i64)
}

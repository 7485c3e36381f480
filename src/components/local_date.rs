use super::use_started;
use crate::model::date;
use leptos::{either::Either, prelude::*};
use wasm_bindgen::JsValue;

/// A date in words, with the original in `datetime` for machines. In the reader's time
/// zone once live in the browser; in HTML rendered ahead of time, which knows no reader,
/// in UTC and saying so, until the page wakes. An island, so that it switches wherever
/// it appears. A date that does not parse is shown as written rather than hidden.
#[island]
pub fn LocalDate(#[prop(into)] iso: String) -> impl IntoView {
    if !date::is_valid(&iso) {
        return Either::Right(iso);
    }
    let started = use_started();
    let text = {
        let iso = iso.clone();
        move || {
            if started.get() {
                date::readable(&iso, minutes_east_of_utc)
            } else {
                date::readable_utc(&iso)
            }
        }
    };
    Either::Left(view! { <time datetime=iso>{text}</time> })
}

/// The reader's offset from UTC at a Unix time in milliseconds; none when rendering ahead
/// of time, where there is no reader and dates are given in UTC.
pub fn minutes_east_of_utc(unix_ms: f64) -> i64 {
    if !cfg!(target_arch = "wasm32") {
        return 0;
    }
    // JavaScript counts the other way: minutes to add to local time to reach UTC.
    -(js_sys::Date::new(&JsValue::from_f64(unix_ms)).get_timezone_offset() as i64)
}

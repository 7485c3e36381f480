use crate::model::date;
use leptos::{either::Either, prelude::*};
use wasm_bindgen::JsValue;

/// Which clock a page tells its dates by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateZone {
    /// The reader's time zone: the page was drawn in the reader's browser.
    Reader,
    /// UTC, and saying so: the page was rendered ahead of time, for no reader in
    /// particular. Telling its dates by the reader's clock once the app started would
    /// change their text after the page has been read, and move what follows them.
    Utc,
}

impl DateZone {
    /// The zone the page in view tells dates by: as its mount says, else the reader's in
    /// the browser and UTC anywhere else.
    pub fn current() -> Self {
        use_context().unwrap_or(if cfg!(target_arch = "wasm32") {
            Self::Reader
        } else {
            Self::Utc
        })
    }

    /// Minutes east of UTC at a Unix time in milliseconds, in this zone.
    pub fn offset(self, unix_ms: f64) -> i64 {
        match self {
            Self::Utc => 0,
            // JavaScript counts the other way: minutes to add to local time to reach UTC.
            Self::Reader => {
                -(js_sys::Date::new(&JsValue::from_f64(unix_ms)).get_timezone_offset() as i64)
            }
        }
    }
}

/// A date in words, in the page's zone (`DateZone`), with the original in `datetime` for
/// machines. A date that does not parse is shown as written rather than hidden.
#[component]
pub fn ReadableDate(#[prop(into)] iso: String) -> impl IntoView {
    let text = match DateZone::current() {
        DateZone::Reader => date::readable(&iso, |at| DateZone::Reader.offset(at)),
        DateZone::Utc => date::readable_utc(&iso),
    };
    match text {
        Some(text) => Either::Left(view! { <time datetime=iso>{text}</time> }),
        None => Either::Right(iso),
    }
}

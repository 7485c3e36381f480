//! A time limit for requests: past it, the request is aborted, so neither a server that
//! never answers nor one that trickles its body can leave the reader waiting forever.

use leptos::prelude::set_timeout_with_handle;
use std::{cell::Cell, future::Future, rc::Rc, time::Duration};
use web_sys::AbortController;

/// The limit passed and the request was aborted.
#[derive(Debug)]
pub struct TimedOut;

/// Awaits `request`, which must use `controller`'s signal, aborting it once `limit` has
/// passed; then the result is `Err(TimedOut)`, whatever the aborted request returned.
pub async fn within<T>(
    limit: Duration,
    controller: &AbortController,
    request: impl Future<Output = T>,
) -> Result<T, TimedOut> {
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            limit,
        )
        .ok()
    };
    let result = request.await;
    if let Some(timer) = timer {
        timer.clear();
    }
    if timed_out.get() {
        Err(TimedOut)
    } else {
        Ok(result)
    }
}

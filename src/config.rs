//! Settings the host page gives at run time, so that one build serves any deployment.

use crate::model::{links, signup::Provider};
use leptos::prelude::document;
use serde::{Deserialize, Serialize};
use std::{sync::Once, time::Duration};
use web_sys::Element;

/// The content of `<meta name="{name}" content="…">`, if present and not blank.
pub fn meta_content(name: &str) -> Option<String> {
    let selector = format!("meta[name=\"{name}\"]");
    let meta = document().query_selector(&selector).ok()??;
    let content = meta.get_attribute("content")?;
    let content = content.trim();
    (!content.is_empty()).then(|| content.to_owned())
}

/// Where `stories/` is served from: `<meta name="storyline-data-base">`, else the page's
/// own origin. Never ends in a slash.
pub fn data_base() -> String {
    let base = meta_content("storyline-data-base")
        .or_else(|| document().location()?.origin().ok())
        .unwrap_or_default();
    base.trim_end_matches('/').to_owned()
}

/// Where and how the newsletter signup posts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewsletterConfig {
    pub endpoint: String,
    pub provider: Provider,
    /// A request still unanswered after this long is aborted and reported.
    pub timeout: Duration,
}

const DEFAULT_SIGNUP_TIMEOUT: Duration = Duration::from_secs(10);

/// The newsletter settings, first found wins: `data-newsletter-*` attributes on `host`
/// (the element a widget is mounted in), then `<meta name="storyline-newsletter-*">` in
/// the page, then the `STORYLINE_NEWSLETTER_*` variables at build time. `Err` says why
/// there is no usable endpoint, for the console.
pub fn newsletter(host: Option<&Element>) -> Result<NewsletterConfig, String> {
    newsletter_from(|name| {
        host.and_then(|host| host.get_attribute(&format!("data-newsletter-{name}")))
            .map(|value| value.trim().to_owned())
            .filter(|value| !value.is_empty())
            .or_else(|| meta_content(&format!("storyline-newsletter-{name}")))
    })
}

/// The newsletter settings from `page_setting` (`endpoint`, `provider` or `timeout`, as
/// the page gives them), else from the build's environment: the rule of `newsletter`,
/// wherever the page is read (in the browser, or by the publish step before it exists).
pub fn newsletter_from(
    page_setting: impl Fn(&str) -> Option<String>,
) -> Result<NewsletterConfig, String> {
    let setting = |name: &str, build_default: Option<&str>| {
        page_setting(name).or_else(|| {
            build_default
                .filter(|value| !value.is_empty())
                .map(str::to_owned)
        })
    };
    let endpoint = setting("endpoint", option_env!("STORYLINE_NEWSLETTER_ENDPOINT")).ok_or(
        "no endpoint is configured (data-newsletter-endpoint, \
         <meta name=\"storyline-newsletter-endpoint\"> or STORYLINE_NEWSLETTER_ENDPOINT at build time)",
    )?;
    if links::http_url(&endpoint).is_none() && !links::is_relative_path(&endpoint) {
        return Err(format!(
            "the endpoint \"{endpoint}\" is not an http(s) URL or a path"
        ));
    }
    let provider = match setting("provider", option_env!("STORYLINE_NEWSLETTER_PROVIDER")) {
        Some(name) => name.parse()?,
        None => Provider::default(),
    };
    let timeout = match setting("timeout", None) {
        Some(seconds) => parse_seconds(&seconds)?,
        None => DEFAULT_SIGNUP_TIMEOUT,
    };
    Ok(NewsletterConfig {
        endpoint,
        provider,
        timeout,
    })
}

const DEFAULT_STORY_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a story or the story index may take to arrive, body included:
/// `<meta name="storyline-story-timeout">` in seconds, else 10 seconds.
pub fn story_timeout() -> Duration {
    match meta_content("storyline-story-timeout").map(|seconds| parse_seconds(&seconds)) {
        Some(Ok(timeout)) => timeout,
        Some(Err(why)) => {
            leptos::logging::warn!("Storyline: {why}; using 10 seconds.");
            DEFAULT_STORY_TIMEOUT
        }
        None => DEFAULT_STORY_TIMEOUT,
    }
}

fn parse_seconds(seconds: &str) -> Result<Duration, String> {
    seconds
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s > 0.0)
        .map(Duration::from_secs_f64)
        .ok_or(format!(
            "the timeout \"{seconds}\" is not a positive number of seconds"
        ))
}

/// The newsletter settings if usable; otherwise the console says why, once per page, and
/// the signup form is left out.
pub fn newsletter_or_explain(host: Option<&Element>) -> Option<NewsletterConfig> {
    static EXPLAINED: Once = Once::new();
    newsletter(host)
        .map_err(|why| {
            EXPLAINED.call_once(|| {
                leptos::logging::log!("Storyline: newsletter signup not shown: {why}.")
            })
        })
        .ok()
}

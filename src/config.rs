//! Settings the host page gives at run time, so that one build serves any deployment.

use crate::model::{
    form_post::{form_post, FormPost},
    links,
    signup::{setting_list, Provider},
};
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
    /// The lists to subscribe to: Listmonk's list UUIDs, or the names of Ghost's
    /// newsletters (none: the site's defaults).
    pub lists: Vec<String>,
    /// Labels Ghost gives the new member, so that a site can tell these signups apart.
    pub labels: Vec<String>,
    /// For a service that takes only a real form submission: the form it takes.
    pub form_post: Option<FormPost>,
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

/// The newsletter settings from `page_setting` (`endpoint`, `provider`, `timeout`, `lists`,
/// `labels` or `field`, as the page gives them), else from the build's environment: the rule of
/// `newsletter`, wherever the page is read (in the browser, or by the publish step before
/// it exists).
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
    let list_of =
        |name, build_default| setting_list(&setting(name, build_default).unwrap_or_default());
    let lists = list_of("lists", option_env!("STORYLINE_NEWSLETTER_LISTS"));
    if provider == Provider::Listmonk && lists.is_empty() {
        return Err(
            "the listmonk provider needs the UUIDs of the lists to subscribe to \
             (data-newsletter-lists, <meta name=\"storyline-newsletter-lists\"> or \
             STORYLINE_NEWSLETTER_LISTS at build time; comma-separated)"
                .to_owned(),
        );
    }
    let field = setting("field", option_env!("STORYLINE_NEWSLETTER_FIELD"));
    Ok(NewsletterConfig {
        form_post: form_post(provider, &endpoint, field.as_deref())?,
        endpoint,
        provider,
        timeout,
        lists,
        labels: list_of("labels", option_env!("STORYLINE_NEWSLETTER_LABELS")),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn from(settings: &[(&str, &str)]) -> Result<NewsletterConfig, String> {
        newsletter_from(|name| {
            settings
                .iter()
                .find(|(setting, _)| *setting == name)
                .map(|(_, value)| (*value).to_owned())
        })
    }

    #[test]
    fn listmonk_takes_its_lists_and_refuses_to_start_without_them() {
        let config = from(&[
            ("endpoint", "https://lists.example.org"),
            ("provider", "listmonk"),
            ("lists", "6b2a, 9f1c"),
        ])
        .unwrap();
        assert_eq!(config.provider, Provider::Listmonk);
        assert_eq!(config.lists, ["6b2a", "9f1c"]);
        let why = from(&[
            ("endpoint", "https://lists.example.org"),
            ("provider", "listmonk"),
        ])
        .unwrap_err();
        assert!(why.contains("storyline-newsletter-lists"), "{why}");
    }

    #[test]
    fn ghost_takes_newsletters_and_labels() {
        let config = from(&[
            ("endpoint", "https://news.example.org"),
            ("provider", "ghost"),
            ("lists", "Daily briefing"),
            ("labels", "storyline, embed"),
        ])
        .unwrap();
        assert_eq!(config.lists, ["Daily briefing"]);
        assert_eq!(config.labels, ["storyline", "embed"]);
        let plain = from(&[
            ("endpoint", "https://news.example.org"),
            ("provider", "ghost"),
        ])
        .unwrap();
        assert!(plain.lists.is_empty() && plain.labels.is_empty());
    }
}

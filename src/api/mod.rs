//! Talking to servers: stories and the story index from the data base URL here, newsletter
//! signups in `newsletter`.

mod deadline;
pub mod newsletter;
mod prefetch;

use crate::config;
use crate::model::signup::seconds_phrase;
use crate::model::{slug, Article, ParseError, StoryFormat, StoryIndex};
use deadline::within;
use gloo_net::http::{Request, Response};
use std::sync::Arc;
use std::{fmt, time::Duration};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortController;

/// Why a story or the index could not be shown. The text is written for readers.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No such story: a 404, an invalid slug, or a server that answers every unknown
    /// path with its HTML app shell (as single-page dev servers do).
    NotFound,
    /// The request never got an answer: offline, DNS, CORS refusal, connection reset.
    Network(String),
    /// No complete answer within the story timeout; the request was aborted.
    Timeout(Duration),
    /// The server answered with an error status.
    Status(u16),
    /// The answer was not a valid story document.
    Malformed(ParseError),
    /// The address or embed asked for a story format Storyline does not read.
    UnknownFormat(String),
    /// A story in Verity's shape read as format v1; says how to ask for Verity's.
    VerityShape(&'static str),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound => f.write_str("There is no story at this address."),
            Self::Network(detail) => write!(
                f,
                "The story could not be loaded because the network request failed ({detail}). \
                 Check your connection and try again."
            ),
            Self::Timeout(limit) => write!(
                f,
                "The story server did not answer within {}. Check your connection and try again.",
                seconds_phrase(limit.as_secs_f64())
            ),
            Self::Status(status) if *status >= 500 => write!(
                f,
                "The story server had a problem (HTTP {status}). Try again in a moment."
            ),
            Self::Status(status) => write!(f, "The story server refused the request (HTTP {status})."),
            Self::Malformed(error) => write!(
                f,
                "The story data is not valid: {error}. Its editors need to correct the file; reload once they have."
            ),
            Self::UnknownFormat(explanation) => f.write_str(explanation),
            Self::VerityShape(how) => write!(
                f,
                "This is a story in Verity's shape, not Storyline's format v1: {how}."
            ),
        }
    }
}

impl std::error::Error for LoadError {}

impl LoadError {
    /// A short title for the page or panel that shows this error.
    pub fn heading(&self) -> &'static str {
        match self {
            Self::NotFound => "Story not found",
            Self::Network(_) | Self::Timeout(_) | Self::Status(_) => {
                "The story could not be loaded"
            }
            Self::Malformed(_) | Self::UnknownFormat(_) | Self::VerityShape(_) => {
                "This story cannot be shown"
            }
        }
    }

    /// Whether trying the same request again may help.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            Self::Network(_) | Self::Timeout(_) | Self::Status(500..)
        )
    }
}

/// The URL of a story's JSON, e.g. `https://data.example/stories/my-story.json`.
pub fn story_url(slug: &str) -> String {
    format!("{}/stories/{slug}.json", config::data_base())
}

pub fn index_url() -> String {
    format!("{}/stories/index.json", config::data_base())
}

/// The story at `/stories/{slug}`, its JSON read in the format the address names
/// (`?format=`), v1 when it names none.
pub async fn fetch_story(slug: String, format: String) -> Result<Arc<Article>, LoadError> {
    if !slug::is_valid(&slug) {
        return Err(LoadError::NotFound);
    }
    let format = StoryFormat::named(&format).map_err(LoadError::UnknownFormat)?;
    let verity_hint = "add ?format=verity to the address";
    load_story(story_url(&slug), format, verity_hint, Some(slug)).await
}

/// The story whose JSON is at `url`, wherever that is (an embedding page names it).
pub async fn fetch_story_at(url: String, format: StoryFormat) -> Result<Arc<Article>, LoadError> {
    let verity_hint = "add data-format=\"verity\" to the embed";
    load_story(url, format, verity_hint, None).await
}

/// A story read at `/stories/{address_slug}` is known by that slug, whatever its file says:
/// links to it and its facts must lead back to where it was read.
async fn load_story(
    url: String,
    format: StoryFormat,
    // How the reader asks for Verity's shape where the story is shown.
    verity_hint: &'static str,
    address_slug: Option<String>,
) -> Result<Arc<Article>, LoadError> {
    let text = fetch_text(&url).await?;
    let mut story = format.read(&text).map_err(|error| {
        // Read again only to say why it failed, when it failed.
        let is_verity = format == StoryFormat::V1 && StoryFormat::Verity.read(&text).is_ok();
        if is_verity {
            LoadError::VerityShape(verity_hint)
        } else {
            LoadError::Malformed(error)
        }
    })?;
    story.resolve_image_paths(|path| resolve(path, &url));
    let mut article = match address_slug {
        Some(slug) => Article::at_address(story, &slug),
        None => Article::new(story),
    };
    article.format = format;
    Ok(Arc::new(article))
}

pub async fn fetch_index() -> Result<Arc<StoryIndex>, LoadError> {
    let text = fetch_text(&index_url()).await?;
    StoryIndex::read(&text)
        .map(Arc::new)
        .map_err(LoadError::Malformed)
}

/// The body at `url` as text, whole, within the story timeout.
async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let limit = config::story_timeout();
    let (early, controller) = match prefetch::take(url) {
        Some((response, controller)) => (Some(response), controller),
        None => (
            None,
            AbortController::new().map_err(|error| LoadError::Network(js_error_text(&error)))?,
        ),
    };
    let request = async {
        let response = match early {
            Some(early) => JsFuture::from(early)
                .await
                .map(|response| Response::from(response.unchecked_into::<web_sys::Response>()))
                .map_err(|error| LoadError::Network(js_error_text(&error)))?,
            None => Request::get(url)
                .header("Accept", "application/json")
                .abort_signal(Some(&controller.signal()))
                .send()
                .await
                .map_err(|error| LoadError::Network(error.to_string()))?,
        };
        check_status(&response)?;
        response
            .text()
            .await
            .map_err(|error| LoadError::Network(error.to_string()))
    };
    within(limit, &controller, request)
        .await
        .unwrap_or(Err(LoadError::Timeout(limit)))
}

/// As gloo-net words a failed request ("TypeError: Failed to fetch"), so an early request
/// and a late one fail with the same message.
fn js_error_text(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => format!("{}: {}", error.name(), error.message()),
        None => format!("{error:?}"),
    }
}

fn check_status(response: &Response) -> Result<(), LoadError> {
    let is_html = response
        .headers()
        .get("content-type")
        .is_some_and(|kind| kind.contains("text/html"));
    match response.status() {
        404 | 410 => Err(LoadError::NotFound),
        200..=299 if is_html => Err(LoadError::NotFound),
        200..=299 => Ok(()),
        status => Err(LoadError::Status(status)),
    }
}

fn resolve(src: &str, base: &str) -> String {
    web_sys::Url::new_with_base(src.trim(), base)
        .map(|url| url.href())
        .unwrap_or_else(|_| src.to_owned())
}

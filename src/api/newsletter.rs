//! Sending a newsletter signup to the configured provider.

use super::deadline::within;
use crate::config::NewsletterConfig;
use crate::model::signup::{
    form_encode, listmonk_accepted, retry_after_hint, seconds_phrase, server_message,
    status_message, with_hint, Accepted, Provider,
};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Serialize;
use std::{fmt, time::Duration};
use web_sys::{AbortController, RequestRedirect, ResponseType};

/// What a reader typed, and where they were.
#[derive(Clone, Debug, PartialEq)]
pub struct Signup {
    pub email: String,
    pub story: Option<String>,
    pub page: String,
}

/// Why a signup did not go through. The text is written for readers.
#[derive(Clone, Debug, PartialEq)]
pub enum SignupError {
    /// No answer within the configured timeout; the request was aborted.
    Timeout(Duration),
    /// No answer at all: offline, DNS, or a CORS refusal, which browsers do not tell apart.
    Network,
    /// The endpoint answered with a redirect, so it has moved or is misconfigured.
    Redirected,
    /// The provider answered and said no; its own message when it gave one.
    Rejected(String),
}

impl fmt::Display for SignupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Timeout(limit) => write!(
                f,
                "The newsletter service did not answer within {}. Try again.",
                seconds_phrase(limit.as_secs_f64())
            ),
            Self::Network => f.write_str(
                "Could not reach the newsletter service: you may be offline, or the service \
                 does not accept signups from this site. Check your connection and try again.",
            ),
            Self::Redirected => f.write_str(
                "The newsletter service has moved (it answered with a redirect). \
                 Please let this site's editors know; your address was not sent.",
            ),
            Self::Rejected(message) => f.write_str(message),
        }
    }
}

/// Sends one signup, aborting it when `config.timeout` passes without an answer.
pub async fn subscribe(
    config: &NewsletterConfig,
    signup: &Signup,
) -> Result<Accepted, SignupError> {
    let controller = AbortController::new().map_err(|_| SignupError::Network)?;
    let signal = controller.signal();
    let with_signal = |request: RequestBuilder| {
        request
            .abort_signal(Some(&signal))
            .redirect(RequestRedirect::Manual)
    };
    within(
        config.timeout,
        &controller,
        send(config, signup, with_signal),
    )
    .await
    .unwrap_or(Err(SignupError::Timeout(config.timeout)))
}

async fn send(
    config: &NewsletterConfig,
    signup: &Signup,
    prepare: impl Fn(RequestBuilder) -> RequestBuilder,
) -> Result<Accepted, SignupError> {
    let story = signup.story.as_deref();
    let site = config.endpoint.trim_end_matches('/');
    let response = match config.provider {
        Provider::Json => {
            let body = JsonSignup {
                email: &signup.email,
                story,
                page: &signup.page,
            };
            post(
                prepare(Request::post(&config.endpoint)),
                "application/json",
                to_json(&body),
            )
            .await?
        }
        Provider::Form => {
            let fields = [
                ("email", signup.email.as_str()),
                ("story", story.unwrap_or_default()),
                ("page", &signup.page),
            ];
            post(
                prepare(Request::post(&config.endpoint)),
                "application/x-www-form-urlencoded",
                form_encode(&fields),
            )
            .await?
        }
        Provider::Ghost => {
            // Ghost's own signup forms fetch a one-time integrity token first.
            let token_response = prepare(Request::get(&format!(
                "{site}/members/api/integrity-token/"
            )))
            .send()
            .await
            .map_err(|_| SignupError::Network)?;
            let token = checked(token_response)
                .await?
                .text()
                .await
                .map_err(|_| SignupError::Network)?;
            let body = GhostMagicLink {
                email: &signup.email,
                email_type: "subscribe",
                labels: &config.labels,
                newsletters: config
                    .lists
                    .iter()
                    .map(|name| GhostNewsletter { name })
                    .collect(),
                name: "",
                auto_redirect: true,
                integrity_token: token.trim(),
            };
            let request = prepare(Request::post(&format!(
                "{site}/members/api/send-magic-link/"
            )));
            post(request, "application/json", to_json(&body)).await?
        }
        Provider::Listmonk => {
            let body = ListmonkSubscription {
                email: &signup.email,
                name: "",
                list_uuids: &config.lists,
            };
            let request = prepare(Request::post(&format!("{site}/api/public/subscription")));
            let answer = checked(post(request, "application/json", to_json(&body)).await?).await?;
            let text = answer.text().await.map_err(|_| SignupError::Network)?;
            return Ok(listmonk_accepted(&text));
        }
        // Their pages answer the reader's own form post (the form's action), never a
        // request from this page, which their CORS rules refuse.
        Provider::Mailchimp
        | Provider::Buttondown
        | Provider::Kit
        | Provider::Substack
        | Provider::MailerLite
        | Provider::Brevo
        | Provider::FormPost => return Err(SignupError::Network),
    };
    checked(response).await.map(|_| Accepted::ConfirmByEmail)
}

/// The `json` provider's body. Typed bodies rather than `json!` values keep serde_json's
/// map and value code out of the wasm.
#[derive(Serialize)]
struct JsonSignup<'a> {
    email: &'a str,
    story: Option<&'a str>,
    page: &'a str,
}

/// What Ghost's own signup form (Portal) sends to `send-magic-link`. Without newsletters
/// named, Ghost subscribes the member to the site's default ones.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct GhostMagicLink<'a> {
    email: &'a str,
    email_type: &'static str,
    labels: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    newsletters: Vec<GhostNewsletter<'a>>,
    name: &'static str,
    auto_redirect: bool,
    integrity_token: &'a str,
}

#[derive(Serialize)]
struct GhostNewsletter<'a> {
    name: &'a str,
}

/// Listmonk's public subscription, as its own subscription form sends it.
#[derive(Serialize)]
struct ListmonkSubscription<'a> {
    email: &'a str,
    name: &'static str,
    list_uuids: &'a [String],
}

fn to_json(body: &impl Serialize) -> String {
    // Only strings and booleans: serialising them cannot fail.
    serde_json::to_string(body).unwrap_or_default()
}

async fn post(
    request: RequestBuilder,
    content_type: &str,
    body: String,
) -> Result<Response, SignupError> {
    request
        .header("Content-Type", content_type)
        .body(body)
        .map_err(|_| SignupError::Network)?
        .send()
        .await
        .map_err(|_| SignupError::Network)
}

/// Passes a 2xx answer through; turns anything else into the reader's message.
async fn checked(response: Response) -> Result<Response, SignupError> {
    if response.type_() == ResponseType::Opaqueredirect || (300..400).contains(&response.status()) {
        return Err(SignupError::Redirected);
    }
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    let retry_after = response.headers().get("retry-after");
    let body = response.text().await.unwrap_or_default();
    let mut message = server_message(&body).unwrap_or_else(|| status_message(status));
    if let (429, Some(retry_after)) = (status, retry_after) {
        message = with_hint(&message, &retry_after_hint(&retry_after));
    }
    Err(SignupError::Rejected(message))
}

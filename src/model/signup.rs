//! Newsletter signup rules that need no browser: which provider, whether an address is
//! worth sending, and how to turn a provider's answer into words for the reader.

use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// How signups are sent (see README, "Newsletter signup").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Provider {
    /// `POST` JSON `{"email", "story", "page"}` to the endpoint.
    #[default]
    Json,
    /// The same fields as an HTML form would post them.
    Form,
    /// A Ghost site's members API; the endpoint is the site's URL.
    Ghost,
    /// A Listmonk server's public subscription API; the endpoint is the server's URL.
    Listmonk,
    /// Services that take only a real form submission, posted in a new tab
    /// (`model::form_post`): the endpoint is their form's address.
    Mailchimp,
    Buttondown,
    Kit,
    Substack,
    MailerLite,
    Brevo,
    /// Any other service taking a form post, its address's field named by a setting.
    FormPost,
}

impl FromStr for Provider {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name.trim().to_ascii_lowercase().as_str() {
            "json" => Ok(Self::Json),
            "form" => Ok(Self::Form),
            "ghost" => Ok(Self::Ghost),
            "listmonk" => Ok(Self::Listmonk),
            "mailchimp" => Ok(Self::Mailchimp),
            "buttondown" => Ok(Self::Buttondown),
            "kit" => Ok(Self::Kit),
            "substack" => Ok(Self::Substack),
            "mailerlite" => Ok(Self::MailerLite),
            "brevo" => Ok(Self::Brevo),
            "form-post" => Ok(Self::FormPost),
            other => Err(format!(
                "unknown newsletter provider \"{other}\" (expected json, form, ghost, listmonk, \
                 mailchimp, buttondown, kit, substack, mailerlite, brevo or form-post)"
            )),
        }
    }
}

/// The items of a comma-separated setting (list UUIDs, newsletter names, labels), trimmed,
/// blanks left out.
pub fn setting_list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

/// How a signup the provider accepted goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Accepted {
    /// A confirmation mail is on its way; the reader must open it.
    ConfirmByEmail,
    /// Subscribed already: the list asks for no confirmation.
    Subscribed,
}

/// What a Listmonk answer of 200 says: `{"data": {"has_optin": false}}` is a list without
/// double opt-in, so the reader is subscribed already. Anything else, including the bare
/// `{"data": true}` of versions before `has_optin`, is read as a confirmation mail sent,
/// which tells the reader to look in their inbox, never that they are subscribed when
/// they may not be.
pub fn listmonk_accepted(body: &str) -> Accepted {
    #[derive(Deserialize)]
    struct Data {
        has_optin: bool,
    }
    #[derive(Deserialize)]
    struct Body {
        data: Data,
    }
    match serde_json::from_str::<Body>(body) {
        Ok(Body {
            data: Data { has_optin: false },
        }) => Accepted::Subscribed,
        _ => Accepted::ConfirmByEmail,
    }
}

/// The trimmed address if it looks deliverable, or what to tell the reader. Deliberately
/// loose: the provider has the final word, this only catches typing slips before sending.
pub fn check_email(input: &str) -> Result<&str, &'static str> {
    let email = input.trim();
    if email.is_empty() {
        return Err("Enter your email address");
    }
    let valid = email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && !domain.contains('@')
                && domain.split('.').count() >= 2
                && domain.split('.').all(|label| !label.is_empty())
        });
    if valid {
        Ok(email)
    } else {
        Err("Invalid email address")
    }
}

/// The message a provider put in an error body: `{"message": …}` or
/// `{"errors": [{"message": …}]}` (Ghost's shape). Anything else (HTML, plain text,
/// other JSON) yields nothing, so the reader gets a plain message instead of markup.
pub fn server_message(body: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Item {
        message: Option<String>,
    }
    #[derive(Deserialize)]
    struct Body {
        message: Option<String>,
        #[serde(default)]
        errors: Vec<Item>,
    }
    let body: Body = serde_json::from_str(body).ok()?;
    body.message
        .or_else(|| body.errors.into_iter().find_map(|item| item.message))
        .map(|message| message.trim().to_owned())
        .filter(|message| !message.is_empty())
}

/// A plain explanation of an HTTP status for when the provider gave none.
pub fn status_message(status: u16) -> String {
    match status {
        429 => "Too many signups right now.".to_owned(),
        400..=499 => format!("The newsletter service turned the signup down (HTTP {status})."),
        500..=599 => {
            format!("The newsletter service had a problem (HTTP {status}). Try again in a moment.")
        }
        _ => format!("The newsletter service gave an unexpected answer (HTTP {status})."),
    }
}

/// "Try again in 30 seconds." from a `Retry-After` header given in seconds; the HTTP-date
/// form only says "later", as the reader's clock may not match the server's.
pub fn retry_after_hint(header: &str) -> String {
    match header.trim().parse::<u64>() {
        Ok(0) | Err(_) => "Try again later.".to_owned(),
        Ok(seconds @ 1..=120) => format!("Try again in {}.", seconds_phrase(seconds as f64)),
        Ok(seconds) => format!("Try again in {} minutes.", seconds.div_ceil(60)),
    }
}

/// "1 second", "1.5 seconds", "30 seconds".
pub fn seconds_phrase(seconds: f64) -> String {
    if seconds == 1.0 {
        "1 second".to_owned()
    } else {
        format!("{seconds} seconds")
    }
}

/// Joins a provider's message and our hint as two sentences, whatever the provider's
/// punctuation: "Too many signups. Try again in 30 seconds."
pub fn with_hint(message: &str, hint: &str) -> String {
    let message = message.trim_end();
    if message.ends_with(['.', '!', '?']) {
        format!("{message} {hint}")
    } else {
        format!("{message}. {hint}")
    }
}

/// `application/x-www-form-urlencoded`, as browsers encode forms.
pub fn form_encode(fields: &[(&str, &str)]) -> String {
    fn encode(text: &str) -> String {
        text.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                    (b as char).to_string()
                }
                b' ' => "+".to_owned(),
                _ => format!("%{b:02X}"),
            })
            .collect()
    }
    fields
        .iter()
        .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn providers_parse_by_name() {
        assert_eq!("json".parse(), Ok(Provider::Json));
        assert_eq!(" Form ".parse(), Ok(Provider::Form));
        assert_eq!("GHOST".parse(), Ok(Provider::Ghost));
        assert_eq!("listmonk".parse(), Ok(Provider::Listmonk));
        assert_eq!("MailerLite".parse(), Ok(Provider::MailerLite));
        assert_eq!("form-post".parse(), Ok(Provider::FormPost));
        assert!("sendgrid"
            .parse::<Provider>()
            .unwrap_err()
            .contains("sendgrid"));
    }

    #[test]
    fn list_settings_split_on_commas_and_drop_blanks() {
        assert_eq!(
            setting_list(" a1b2, ,c3d4 ,"),
            vec!["a1b2".to_owned(), "c3d4".to_owned()]
        );
        assert_eq!(setting_list("Weekly digest"), vec!["Weekly digest"]);
        assert!(setting_list(" , ").is_empty());
    }

    #[test]
    fn listmonk_says_subscribed_only_when_no_optin_is_pending() {
        assert_eq!(
            listmonk_accepted(r#"{"data":{"has_optin":false}}"#),
            Accepted::Subscribed
        );
        for confirm in [
            r#"{"data":{"has_optin":true}}"#,
            r#"{"data":true}"#,
            "",
            "OK",
        ] {
            assert_eq!(
                listmonk_accepted(confirm),
                Accepted::ConfirmByEmail,
                "{confirm}"
            );
        }
    }

    #[test]
    fn email_check_catches_slips_and_trims() {
        assert_eq!(
            check_email("  reader@example.com "),
            Ok("reader@example.com")
        );
        assert_eq!(
            check_email("a.b+tag@sub.example.co.uk"),
            Ok("a.b+tag@sub.example.co.uk")
        );
        assert_eq!(check_email("   "), Err("Enter your email address"));
        for bad in [
            "reader",
            "reader@",
            "@example.com",
            "reader@example",
            "a b@example.com",
            "a@b@example.com",
            "reader@example..com",
            "reader@.com",
        ] {
            assert_eq!(check_email(bad), Err("Invalid email address"), "{bad}");
        }
        assert_eq!(
            check_email(&format!("{}@example.com", "a".repeat(250))),
            Err("Invalid email address")
        );
    }

    #[test]
    fn server_messages_come_from_either_shape_and_nothing_else() {
        assert_eq!(
            server_message(r#"{"message":"Already subscribed"}"#).as_deref(),
            Some("Already subscribed")
        );
        assert_eq!(
            server_message(
                r#"{"errors":[{"message":"Too many attempts","type":"TooManyRequestsError"}]}"#
            )
            .as_deref(),
            Some("Too many attempts")
        );
        for none in [
            "",
            "<!doctype html><h1>502 Bad Gateway</h1>",
            "Bad Gateway",
            r#"{"error":"x"}"#,
            r#"{"message":"  "}"#,
            "[1]",
        ] {
            assert_eq!(server_message(none), None, "{none}");
        }
    }

    #[test]
    fn status_classes_get_plain_words() {
        assert!(status_message(400).contains("turned the signup down (HTTP 400)"));
        assert!(status_message(503).contains("had a problem (HTTP 503)"));
        assert_eq!(status_message(429), "Too many signups right now.");
        assert!(status_message(302).contains("unexpected"));
    }

    #[test]
    fn retry_after_is_said_in_reader_units() {
        assert_eq!(retry_after_hint("30"), "Try again in 30 seconds.");
        assert_eq!(retry_after_hint("1"), "Try again in 1 second.");
        assert_eq!(retry_after_hint("600"), "Try again in 10 minutes.");
        assert_eq!(
            retry_after_hint("Wed, 21 Oct 2026 07:28:00 GMT"),
            "Try again later."
        );
        assert_eq!(seconds_phrase(1.5), "1.5 seconds");
    }

    #[test]
    fn hints_follow_messages_as_their_own_sentence() {
        assert_eq!(
            with_hint("Too many signups", "Try again."),
            "Too many signups. Try again."
        );
        assert_eq!(
            with_hint("Slow down! ", "Try again."),
            "Slow down! Try again."
        );
    }

    #[test]
    fn form_encoding_matches_browsers() {
        assert_eq!(
            form_encode(&[
                ("email", "a+b@example.com"),
                ("page", "http://x/y?z=1 2"),
                ("story", "")
            ]),
            "email=a%2Bb%40example.com&page=http%3A%2F%2Fx%2Fy%3Fz%3D1+2&story="
        );
    }
}

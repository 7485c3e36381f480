//! Newsletter services that take only a real form submission: their pages answer a
//! browser's form post, not `fetch`, and some say so outright. Storyline gives such a
//! service a plain HTML form posting to it in a new tab, named as its own embed forms name
//! their fields.

use super::{links, signup::Provider};
use serde::{Deserialize, Serialize};

/// What the signup form posts, and to whom: the endpoint is the form's `action`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormPost {
    /// The service's name, as the reader is told where the signup continues.
    pub service: String,
    /// The name of the field that carries the address.
    pub email_field: String,
    /// Fields the service's own embed form sends along, name and value.
    pub hidden: Vec<(String, String)>,
}

/// The form for `provider`, if it is one of the services that take a form post, with
/// `field` (the `field` setting) naming the address's field for the generic `form-post`.
/// `Err` says what is wrong with the endpoint, for the console.
pub fn form_post(
    provider: Provider,
    endpoint: &str,
    field: Option<&str>,
) -> Result<Option<FormPost>, String> {
    let preset = |service: &str, email_field: &str, hidden: &[(&str, &str)]| FormPost {
        service: service.to_owned(),
        email_field: email_field.to_owned(),
        hidden: hidden
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect(),
    };
    let form = match provider {
        Provider::Json | Provider::Form | Provider::Ghost | Provider::Listmonk => return Ok(None),
        Provider::FormPost => {
            let field = field.map(str::trim).filter(|field| !field.is_empty());
            preset("the newsletter service", field.unwrap_or("email"), &[])
        }
        Provider::Mailchimp => {
            let (u, id) = mailchimp_ids(endpoint)?;
            // Mailchimp's embed form has this empty field; bots fill it, readers never see it.
            let honeypot = format!("b_{u}_{id}");
            preset("Mailchimp", "EMAIL", &[(&honeypot, "")])
        }
        Provider::Buttondown => preset("Buttondown", "email", &[("embed", "1")]),
        Provider::Kit => preset("Kit", "email_address", &[]),
        Provider::Substack => preset("Substack", "email", &[]),
        Provider::MailerLite => preset(
            "MailerLite",
            "fields[email]",
            &[("ml-submit", "1"), ("anticsrf", "true")],
        ),
        Provider::Brevo => preset(
            "Brevo",
            "EMAIL",
            &[("email_address_check", ""), ("locale", "en")],
        ),
    };
    if provider != Provider::FormPost && links::http_url(endpoint).is_none() {
        return Err(format!(
            "{} needs the full http(s) address of its signup form, not \"{endpoint}\"",
            form.service
        ));
    }
    Ok(Some(form))
}

/// The account (`u`) and audience (`id`) of a Mailchimp signup URL,
/// `https://{dc}.list-manage.com/subscribe/post?u=…&id=…`.
fn mailchimp_ids(endpoint: &str) -> Result<(&str, &str), String> {
    let query = endpoint
        .split_once('?')
        .map_or("", |(_, query)| query.split('#').next().unwrap_or_default());
    let param = |name: &str| {
        query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value)
            .filter(|value| !value.is_empty() && value.chars().all(|c| c.is_ascii_alphanumeric()))
    };
    match (param("u"), param("id")) {
        (Some(u), Some(id)) => Ok((u, id)),
        _ => Err(format!(
            "the Mailchimp signup URL \"{endpoint}\" lacks its u and id parameters \
             (copy the form action from Mailchimp's embedded form)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAILCHIMP: &str =
        "https://example.us21.list-manage.com/subscribe/post?u=1a2b3c&id=9f8e7d&f_id=00";

    #[test]
    fn services_that_fetch_have_no_form() {
        for provider in [
            Provider::Json,
            Provider::Form,
            Provider::Ghost,
            Provider::Listmonk,
        ] {
            assert_eq!(form_post(provider, "https://x.example", None), Ok(None));
        }
    }

    #[test]
    fn presets_name_fields_as_the_services_embed_forms_do() {
        let form = |provider, endpoint| form_post(provider, endpoint, None).unwrap().unwrap();
        let mailchimp = form(Provider::Mailchimp, MAILCHIMP);
        assert_eq!(mailchimp.email_field, "EMAIL");
        assert_eq!(
            mailchimp.hidden,
            [("b_1a2b3c_9f8e7d".to_owned(), String::new())]
        );
        let buttondown = form(
            Provider::Buttondown,
            "https://buttondown.com/api/emails/embed-subscribe/storyline",
        );
        assert_eq!(
            (buttondown.email_field.as_str(), buttondown.hidden),
            ("email", vec![("embed".to_owned(), "1".to_owned())])
        );
        let kit = form(Provider::Kit, "https://app.kit.com/forms/123/subscriptions");
        assert_eq!(kit.email_field, "email_address");
        let substack = form(
            Provider::Substack,
            "https://storyline.substack.com/api/v1/free",
        );
        assert_eq!(
            (substack.email_field.as_str(), substack.service.as_str()),
            ("email", "Substack")
        );
        assert_eq!(
            form(
                Provider::MailerLite,
                "https://assets.mailerlite.com/jsonp/1/forms/2/subscribe"
            )
            .email_field,
            "fields[email]"
        );
        assert_eq!(
            form(Provider::Brevo, "https://abc.sibforms.com/serve/XYZ").email_field,
            "EMAIL"
        );
    }

    #[test]
    fn the_generic_form_takes_its_field_from_the_setting() {
        let named = form_post(
            Provider::FormPost,
            "https://forms.example/f",
            Some(" address "),
        );
        assert_eq!(named.unwrap().unwrap().email_field, "address");
        let default = form_post(Provider::FormPost, "/subscribe", Some(" "));
        assert_eq!(default.unwrap().unwrap().email_field, "email");
    }

    #[test]
    fn bad_endpoints_are_explained() {
        for without_ids in [
            "https://example.us21.list-manage.com/subscribe/post",
            "https://example.us21.list-manage.com/subscribe/post?u=1a2b3c",
            "https://example.us21.list-manage.com/subscribe/post?u=1a2b3c&id=",
            "https://example.us21.list-manage.com/subscribe/post?u=\"><x&id=1",
        ] {
            let why = form_post(Provider::Mailchimp, without_ids, None).unwrap_err();
            assert!(why.contains("lacks its u and id"), "{why}");
        }
        let relative = form_post(Provider::Kit, "/forms/1", None).unwrap_err();
        assert!(
            relative.contains("Kit needs the full http(s) address"),
            "{relative}"
        );
    }
}

use super::{is_waking, use_started, ArticleSection};
use crate::api::newsletter::{subscribe, Signup};
use crate::browser::field_value;
use crate::config::{self, NewsletterConfig};
use crate::model::signup::{check_email, Accepted};
use leptos::{ev::SubmitEvent, html, prelude::*, tachys::html::attribute::custom::CustomAttribute};

/// "Subscribe to Our Newsletter" with the settings `config` (none: not shown). Settings
/// written into HTML ahead of time may have changed since, in the page around it, so a
/// signup woken from such HTML reads the page's settings again and follows them.
#[cfg_attr(any(feature = "signup", feature = "ssr"), island)]
#[cfg_attr(not(any(feature = "signup", feature = "ssr")), component)]
pub fn NewsletterSignup(config: Option<NewsletterConfig>, story: Option<String>) -> impl IntoView {
    let config = RwSignal::new(config);
    // Known only here: the form itself is built as the island's view is woken, later.
    let waking = is_waking();
    Effect::new(move |_| {
        if waking {
            let live = config::newsletter_or_explain(None);
            if config.with_untracked(|config| *config != live) {
                config.set(live);
            }
        }
    });
    let started = use_started();
    move || {
        config
            .get()
            .map(|config| view! { <SignupForm config story=story.clone() started waking/> })
    }
}

/// An email field that posts to the configured provider. One request at a time; whatever
/// goes wrong, the typed address stays in the field. Sending a request needs the app: until
/// it has `started`, such a form is disabled. A service that takes only a form submission
/// gets the form itself, in a new tab, and the address stays here too.
#[component]
fn SignupForm(
    config: NewsletterConfig,
    story: Option<String>,
    started: ReadSignal<bool>,
    /// Whether the form is in the page as HTML already, being woken.
    waking: bool,
) -> impl IntoView {
    // Each widget has a shadow root of its own, and a page has one signup, so ids that
    // name the story are unique wherever the form is.
    let id = format!("newsletter-{}", story.as_deref().unwrap_or("signup"));
    let (email_id, message_id) = (format!("{id}-email"), format!("{id}-message"));
    // A form a service takes works before the app wakes it, so it may hold an address by
    // then; waking must keep it, where the field's binding would set it to the signal's.
    let typed = waking
        .then(|| field_value(&email_id))
        .flatten()
        .unwrap_or_default();
    let email = RwSignal::new(typed);
    let honeypot = RwSignal::new(String::new());
    let invalid = RwSignal::new(None::<&'static str>);
    let input_ref = NodeRef::<html::Input>::new();
    let success_ref = NodeRef::<html::H3>::new();

    let form_post = config.form_post.clone();
    let action = form_post.as_ref().map(|_| config.endpoint.clone());
    let request = Action::new_local(move |signup: &Signup| {
        let (config, signup) = (config.clone(), signup.clone());
        async move { subscribe(&config, &signup).await }
    });
    let sending = request.pending();
    let outcome = request.value();
    let accepted = move || {
        outcome.with(|outcome| {
            outcome
                .as_ref()
                .and_then(|result| result.as_ref().ok().copied())
        })
    };
    let succeeded = move || accepted().is_some();
    let failure = move || {
        outcome.with(|outcome| match outcome {
            Some(Err(error)) => Some(error.to_string()),
            _ => None,
        })
    };

    // The typed address if worth sending; otherwise the reader is told why, in the field.
    let address = move || match check_email(&email.get_untracked()) {
        Err(problem) => {
            invalid.set(Some(problem));
            if let Some(input) = input_ref.get_untracked() {
                let _ = input.focus();
            }
            None
        }
        Ok(address) => {
            invalid.set(None);
            Some(address.to_owned())
        }
    };
    // Bots fill every field; readers never see this one. Pretend it worked.
    let caught_bot = move || {
        let bot = !honeypot.get_untracked().is_empty();
        if bot {
            outcome.set(Some(Ok(Accepted::ConfirmByEmail)));
        }
        bot
    };
    let send = move || {
        if sending.get_untracked() || caught_bot() {
            return;
        }
        if let Some(email) = address() {
            request.dispatch_local(Signup {
                email,
                story: story.clone(),
                page: window().location().href().unwrap_or_default(),
            });
        }
    };
    let continued_at = RwSignal::new(None::<String>);
    let on_submit = {
        let (send, form_post) = (send.clone(), form_post.clone());
        move |event: SubmitEvent| {
            let Some(form) = &form_post else {
                event.prevent_default();
                send();
                return;
            };
            // The browser posts the form to the service itself, in a new tab, unless there
            // is nothing worth sending.
            if caught_bot() || address().is_none() {
                event.prevent_default();
            } else {
                continued_at.set(Some(form.service.clone()));
            }
        }
    };
    let dismiss = move |_| {
        outcome.set(None);
        email.set(String::new());
        if let Some(input) = input_ref.get_untracked() {
            // The form is shown again in this same update; focus it on the next frame.
            request_animation_frame(move || drop(input.focus()));
        }
    };
    Effect::new(move |_| {
        if succeeded() {
            if let Some(heading) = success_ref.get_untracked() {
                request_animation_frame(move || drop(heading.focus()));
            }
        }
    });

    let message = move || {
        invalid
            .get()
            .map(str::to_owned)
            .or_else(failure)
            .or_else(|| {
                continued_at
                    .get()
                    .map(|service| format!("The signup continues at {service}, in a new tab."))
            })
    };
    let posts_form = form_post.is_some();
    let (email_field, hidden) = form_post.map_or(("email".to_owned(), Vec::new()), |form| {
        (form.email_field, form.hidden)
    });
    // `rel` as well as the target: browsers that predate the implied noopener still keep
    // the service's page from reaching back into this one.
    let form = view! {
        // A form a service takes works as plain HTML, before the app starts and without
        // JavaScript: the browser checks the address until the app does.
        <form
            class="newsletter-form"
            action=action
            method=posts_form.then_some("post")
            target=posts_form.then_some("_blank")
            novalidate=move || !posts_form || started.get()
            hidden=succeeded
            aria-busy=move || sending.get().to_string()
            on:submit=on_submit
        >
            <fieldset class="newsletter-fields" disabled=move || !posts_form && !started.get()>
                <label for=email_id.clone()>"Email address"</label>
                <div class="newsletter-row">
                    <input
                        id=email_id
                        type="email"
                        name=email_field
                        required=posts_form
                        autocomplete="email"
                        node_ref=input_ref
                        bind:value=email
                        aria-invalid=move || invalid.get().is_some().to_string()
                        aria-describedby=message_id.clone()
                    />
                    <button type="submit" class="button" disabled=move || sending.get()>
                        <span class="spinner" aria-hidden="true" hidden=move || !sending.get()></span>
                        {move || if sending.get() { "Sending…" } else { "Subscribe" }}
                    </button>
                </div>
                // Nameless in a form a service takes, so that the service never gets it.
                <div class="newsletter-trap" aria-hidden="true">
                    <label>
                        "Leave this field empty"
                        <input type="text" name=(!posts_form).then_some("website") tabindex="-1" autocomplete="off" bind:value=honeypot/>
                    </label>
                </div>
                {hidden
                    .into_iter()
                    .map(|(name, value)| view! { <input type="hidden" name=name value=value/> })
                    .collect_view()}
                <p id=message_id class="newsletter-message" role="alert">{message}</p>
                {move || failure().map(|_| {
                    let send = send.clone();
                    view! {
                        <button type="button" class="button newsletter-retry" disabled=move || sending.get() on:click=move |_| send()>
                            "Try again"
                        </button>
                    }
                })}
            </fieldset>
        </form>
    }
    .attr("rel", posts_form.then_some("noopener"));
    view! {
        <ArticleSection name="newsletter" title="Subscribe to Our Newsletter">
            <p class="newsletter-lede">"Get our free daily newsletter"</p>
            {form}
            <div class="newsletter-success" hidden=move || !succeeded()>
                <h3 tabindex="-1" node_ref=success_ref>{move || success_heading(accepted())}</h3>
                <p>{move || success_text(accepted())}</p>
                <button type="button" class="button" on:click=dismiss>"Ok, Thanks"</button>
            </div>
        </ArticleSection>
    }
}

fn success_heading(accepted: Option<Accepted>) -> &'static str {
    match accepted {
        Some(Accepted::Subscribed) => "Success! You're Subscribed",
        _ => "Success! Now Check Your Email",
    }
}

fn success_text(accepted: Option<Accepted>) -> &'static str {
    match accepted {
        Some(Accepted::Subscribed) => "Thank you. Our next newsletter will arrive in your inbox.",
        _ => "To complete Subscribe, click the confirmation link in your inbox. If it doesn't arrive within 3 minutes, check your spam folder.",
    }
}

use super::{is_already_rendered, use_started, ArticleSection};
use crate::api::newsletter::{subscribe, Signup};
use crate::config::{self, NewsletterConfig};
use crate::model::signup::{check_email, Accepted};
use leptos::{ev::SubmitEvent, html, prelude::*};

/// "Subscribe to Our Newsletter" with the settings `config` (none: not shown). Settings
/// written into HTML ahead of time may have changed since, in the page around it, so a
/// signup woken from such HTML reads the page's settings again and follows them.
#[cfg_attr(any(feature = "signup", feature = "ssr"), island)]
#[cfg_attr(not(any(feature = "signup", feature = "ssr")), component)]
pub fn NewsletterSignup(config: Option<NewsletterConfig>, story: Option<String>) -> impl IntoView {
    let config = RwSignal::new(config);
    let woken = is_already_rendered();
    Effect::new(move |_| {
        if woken {
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
            .map(|config| view! { <SignupForm config story=story.clone() started/> })
    }
}

/// An email field that posts to the configured provider. One request at a time; whatever
/// goes wrong, the typed address stays in the field. Sending needs the app: until it has
/// `started`, the form is disabled.
#[component]
fn SignupForm(
    config: NewsletterConfig,
    story: Option<String>,
    started: ReadSignal<bool>,
) -> impl IntoView {
    // Each widget has a shadow root of its own, and a page has one signup, so ids that
    // name the story are unique wherever the form is.
    let id = format!("newsletter-{}", story.as_deref().unwrap_or("signup"));
    let email = RwSignal::new(String::new());
    let honeypot = RwSignal::new(String::new());
    let invalid = RwSignal::new(None::<&'static str>);
    let input_ref = NodeRef::<html::Input>::new();
    let success_ref = NodeRef::<html::H3>::new();

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

    let send = move || {
        if sending.get_untracked() {
            return;
        }
        // Bots fill every field; readers never see this one. Pretend it worked.
        if !honeypot.get_untracked().is_empty() {
            outcome.set(Some(Ok(Accepted::ConfirmByEmail)));
            return;
        }
        match check_email(&email.get_untracked()) {
            Err(problem) => {
                invalid.set(Some(problem));
                if let Some(input) = input_ref.get_untracked() {
                    let _ = input.focus();
                }
            }
            Ok(address) => {
                invalid.set(None);
                request.dispatch_local(Signup {
                    email: address.to_owned(),
                    story: story.clone(),
                    page: window().location().href().unwrap_or_default(),
                });
            }
        }
    };
    let on_submit = {
        let send = send.clone();
        move |event: SubmitEvent| {
            event.prevent_default();
            send();
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

    let message = move || invalid.get().map(str::to_owned).or_else(failure);
    let (email_id, message_id) = (format!("{id}-email"), format!("{id}-message"));
    view! {
        <ArticleSection name="newsletter" title="Subscribe to Our Newsletter">
            <p class="newsletter-lede">"Get our free daily newsletter"</p>
            <form class="newsletter-form" novalidate hidden=succeeded aria-busy=move || sending.get().to_string() on:submit=on_submit>
                <fieldset class="newsletter-fields" disabled=move || !started.get()>
                    <label for=email_id.clone()>"Email address"</label>
                    <div class="newsletter-row">
                        <input
                            id=email_id
                            type="email"
                            name="email"
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
                    <div class="newsletter-trap" aria-hidden="true">
                        <label>
                            "Leave this field empty"
                            <input type="text" name="website" tabindex="-1" autocomplete="off" bind:value=honeypot/>
                        </label>
                    </div>
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

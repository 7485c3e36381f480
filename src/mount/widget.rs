//! Stories on someone else's page (`widget.js`): every `[data-storyline-story]` element
//! gets the story its attribute names, in its own shadow root (`shadow`). A story's signup
//! form is the signup module's (`widget_signup`), loaded only once a reader gets near it.

use super::shadow::{self, Mounted};
use crate::api::{fetch_story_at, LoadError};
use crate::components::{ArticleSkeleton, Placement, StoryArticle};
use crate::config;
use crate::model::{sections::Sections, StoryFormat};
use leptos::either::{Either, EitherOf3};
use leptos::{mount::mount_to, prelude::*, task::spawn_local};
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// Called by `widget.js` with the app's base URL (where widget.js is served from).
#[wasm_bindgen]
pub fn mount_widgets(app_base: String) {
    let placement = Placement::Embedded { app_base };
    shadow::keep_mounted("[data-storyline-story]", move |host| {
        mount(host, placement.clone())
    });
}

fn mount(host: &Element, placement: Placement) -> Result<Mounted, JsValue> {
    let root = shadow::widget_root(host)?;
    let newsletter = config::newsletter_or_explain(Some(host));
    let url = host
        .get_attribute("data-storyline-story")
        .unwrap_or_default();
    let sections = Sections::parse(&host.get_attribute("data-sections").unwrap_or_default());
    let format = StoryFormat::named(&host.get_attribute("data-format").unwrap_or_default());
    let handle = mount_to(root, move || {
        provide_context(placement);
        view! { <StoryWidget url newsletter sections format/> }
    });
    Ok(Box::new(handle))
}

#[component]
fn StoryWidget(
    url: String,
    newsletter: Option<config::NewsletterConfig>,
    sections: Result<Sections, String>,
    format: Result<StoryFormat, String>,
) -> impl IntoView {
    let url = url.trim().to_owned();
    let checked = match (sections, format) {
        (Ok(_), Ok(_)) if url.is_empty() => {
            Err("data-storyline-story needs the URL of a story's JSON.".to_owned())
        }
        (Ok(sections), Ok(format)) => Ok((sections, format)),
        (Err(problem), _) | (_, Err(problem)) => Err(problem),
    };
    let (sections, format) = match checked {
        Ok(checked) => checked,
        Err(problem) => return Either::Left(widget_error(&problem)),
    };
    // Fetched by hand, not with a LocalResource under <Suspense>: a widget has nothing
    // else to wait for, and that async machinery is about 13 KB of the widget's code
    // (brotli), more than its size budget can spare.
    let (story, set_story) = signal(None);
    spawn_local(async move {
        // The widget may have left the page while its story was on the way.
        set_story.try_set(Some(fetch_story_at(url, format).await));
    });
    Either::Right(move || match story.get() {
        None => EitherOf3::A(view! { <ArticleSkeleton/> }),
        Some(Ok(article)) => {
            let newsletter = newsletter.clone();
            EitherOf3::B(view! { <StoryArticle article newsletter sections/> })
        }
        Some(Err(error)) => EitherOf3::C(widget_error(&load_problem(&error))),
    })
}

fn load_problem(error: &LoadError) -> String {
    match error {
        LoadError::NotFound => "the story was not found at its URL.".to_owned(),
        other => other.to_string(),
    }
}

/// A small, readable error in place of the widget; the console gets it too.
fn widget_error(problem: &str) -> impl IntoView {
    leptos::logging::error!("Storyline widget: {problem}");
    view! { <p class="widget-error" role="alert">{format!("Storyline could not show this story: {problem}")}</p> }
}

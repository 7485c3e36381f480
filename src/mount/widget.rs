//! Storyline on someone else's page (`widget.js`): every `[data-storyline-story]` and
//! `[data-storyline-signup]` element gets its own instance in its own shadow root, so the
//! host's CSS and ours never meet. Elements added later are mounted and removed ones
//! unmounted. Nothing here touches the host's URL, title, `<head>` or other elements.

use crate::api::{fetch_story_at, LoadError};
use crate::browser::found;
use crate::components::{ArticleSkeleton, NewsletterSignup, Placement, StoryArticle};
use crate::config;
use crate::model::{sections::Sections, StoryFormat};
use leptos::{either::Either, mount::mount_to, prelude::*};
use std::{any::Any, cell::RefCell};
use wasm_bindgen::{prelude::*, JsCast};
use web_sys::{
    CssStyleSheet, Element, MutationObserver, MutationObserverInit, ShadowRootInit, ShadowRootMode,
};

const STYLES: &str = concat!(
    include_str!("../../style/widget.css"),
    include_str!("../../style/main.css")
);
const SELECTOR: &str = "[data-storyline-story], [data-storyline-signup]";

thread_local! {
    /// Each mounted host element with the handle whose drop unmounts it.
    static MOUNTED: RefCell<Vec<(Element, Box<dyn Any>)>> = const { RefCell::new(Vec::new()) };
    /// One parsed stylesheet, adopted by every widget's shadow root.
    static SHEET: Option<CssStyleSheet> = CssStyleSheet::new().ok().filter(|sheet| sheet.replace_sync(STYLES).is_ok());
}

/// Called by `widget.js` with the app's base URL (where widget.js is served from).
#[wasm_bindgen]
pub fn mount_widgets(app_base: String) {
    let placement = Placement::Embedded { app_base };
    sync(&placement);
    let on_change = Closure::<dyn Fn()>::new(move || sync(&placement));
    let Ok(observer) = MutationObserver::new(on_change.as_ref().unchecked_ref()) else {
        return;
    };
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    if observer
        .observe_with_options(
            &document().document_element().expect("a document element"),
            &options,
        )
        .is_ok()
    {
        // The observer lives as long as the page; so must its callback.
        on_change.forget();
    }
}

/// Unmounts widgets whose element left the page and mounts new ones.
fn sync(placement: &Placement) {
    let removed: Vec<Box<dyn Any>> = MOUNTED.with_borrow_mut(|mounted| {
        let (gone, kept) = mounted
            .drain(..)
            .partition(|(host, _)| !host.is_connected());
        *mounted = kept;
        gone.into_iter().map(|(_, handle)| handle).collect()
    });
    // Unmount only after the borrow ends: disposing an instance runs its cleanups.
    drop(removed);

    for host in found::<Element>(document().query_selector_all(SELECTOR)) {
        let known = MOUNTED.with_borrow(|mounted| mounted.iter().any(|(other, _)| other == &host));
        if !known {
            if let Err(error) = mount(&host, placement.clone()) {
                leptos::logging::error!("Storyline: could not mount a widget: {error:?}");
            }
        }
    }
}

fn mount(host: &Element, placement: Placement) -> Result<(), JsValue> {
    let shadow = match host.shadow_root() {
        Some(shadow) => {
            // Mounted before, removed, and now back: start from a clean root.
            shadow.set_inner_html("");
            shadow
        }
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    SHEET.with(|sheet| {
        if let Some(sheet) = sheet {
            let _ = js_sys::Reflect::set(
                &shadow,
                &"adoptedStyleSheets".into(),
                &js_sys::Array::of1(sheet),
            );
        }
    });
    let root = document().create_element("div")?;
    root.set_class_name("storyline-widget");
    shadow.append_child(&root)?;

    let newsletter = config::newsletter_or_explain(Some(host));
    let story_url = host.get_attribute("data-storyline-story");
    let sections = Sections::parse(&host.get_attribute("data-sections").unwrap_or_default());
    let format = StoryFormat::named(&host.get_attribute("data-format").unwrap_or_default());
    let handle = mount_to(root.unchecked_into(), move || {
        provide_context(placement);
        match story_url {
            Some(url) => Either::Left(view! { <StoryWidget url newsletter sections format/> }),
            None => Either::Right(view! { <NewsletterSignup config=newsletter story=None/> }),
        }
    });
    MOUNTED.with_borrow_mut(|mounted| mounted.push((host.clone(), Box::new(handle))));
    Ok(())
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
    let story = LocalResource::new(move || fetch_story_at(url.clone(), format));
    Either::Right(view! {
        <Suspense fallback=ArticleSkeleton>
            {move || {
                let newsletter = newsletter.clone();
                Suspend::new(async move {
                    match story.await {
                        Ok(article) => Either::Left(view! { <StoryArticle article newsletter sections/> }),
                        Err(error) => Either::Right(widget_error(&load_problem(&error))),
                    }
                })
            }}
        </Suspense>
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

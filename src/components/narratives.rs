use super::{story_text, use_started, ArticleSection, ExternalLink};
use crate::browser::{matches_media, session_flag, set_session_flag};
use crate::model::{perspective::Perspective, Article, Narrative};
use leptos::{html, prelude::*};
use std::sync::Arc;

/// Remembers for the tab whether the reader compares narratives side by side.
const COMPARE_KEY: &str = "storyline-compare-narratives";

/// Where the stylesheet offers Compare (its `min-width: 64rem` rule): on a narrower
/// screen a choice remembered from a wider window is not applied.
const ROOM_TO_COMPARE: &str = "(min-width: 64rem)";

/// A narrative longer than this many characters shows its first paragraph and a "Read
/// more" disclosure, so that five long narratives do not bury the predictions below them.
const LONG_NARRATIVE: usize = 600;

/// One card per perspective of the story in view: "Pro-Ukraine narrative, as provided by
/// The Kyiv Independent". With two or more, wide screens offer "Compare side by side":
/// the cards become columns of a split view, two or three in sight at once, the rest a
/// scroll away.
#[cfg_attr(any(feature = "page", feature = "ssr"), island)]
#[cfg_attr(not(any(feature = "page", feature = "ssr")), component)]
pub fn Narratives() -> impl IntoView {
    // A card without text would show only a heading (validation reports it).
    let narratives: Vec<Narrative> = expect_context::<Arc<Article>>()
        .story
        .narratives
        .iter()
        .filter(|narrative| narrative.has_text())
        .cloned()
        .collect();
    (!narratives.is_empty()).then(|| {
        let can_compare = narratives.len() > 1;
        let comparing = RwSignal::new(false);
        let started = use_started();
        // A choice remembered for the tab is the browser's to tell, so it is applied once
        // the page is live; HTML rendered ahead of time always starts with the cards.
        Effect::new(move |_| {
            if can_compare && session_flag(COMPARE_KEY) && matches_media(ROOM_TO_COMPARE) {
                comparing.set(true);
            }
        });
        let toggle = can_compare.then(|| {
            view! {
                <button
                    type="button"
                    class="compare-toggle"
                    aria-pressed=move || comparing.get().to_string()
                    disabled=move || !started.get()
                    on:click=move |_| {
                        let on = !comparing.get_untracked();
                        comparing.set(on);
                        set_session_flag(COMPARE_KEY, on);
                    }
                >
                    "Compare side by side"
                </button>
            }
        });
        let cards = narratives
            .into_iter()
            .map(|narrative| view! { <NarrativeCard narrative comparing/> })
            .collect_view();
        view! {
            <ArticleSection name="narratives" title="Narratives">
                {toggle}
                // Side by side, the list scrolls sideways: it takes focus so that keyboard
                // users can scroll it too, and is named as the region it then is.
                <div
                    class="narrative-view"
                    class:comparing=comparing
                    role=move || comparing.get().then_some("region")
                    aria-label=move || comparing.get().then_some("Narratives side by side")
                    tabindex=move || comparing.get().then_some("0")
                >
                    <ul class="narrative-list">{cards}</ul>
                </div>
            </ArticleSection>
        }
    })
}

#[component]
fn NarrativeCard(narrative: Narrative, comparing: RwSignal<bool>) -> impl IntoView {
    let perspective = Perspective::of(narrative.perspective.as_deref());
    let (label, suffix) = narrative.heading_parts();
    let heading = view! { <bdi>{story_text(label)}</bdi> {suffix} };
    let provider = narrative.outlet.clone().map(|outlet| {
        view! {
            <p class="narrative-provider">
                "as provided by " <ExternalLink href=narrative.url.clone()>{story_text(&outlet)}</ExternalLink>
            </p>
        }
    });
    // Editors separate paragraphs with a blank line.
    let paragraphs: Vec<&str> = narrative
        .text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let is_long = paragraphs.len() > 1 && narrative.text.chars().count() > LONG_NARRATIVE;
    let paragraph = |p: &&str| view! { <p dir="auto">{story_text(p)}</p> };
    let first = paragraphs.first().map(paragraph);
    let rest = paragraphs.iter().skip(1).map(paragraph).collect_view();
    let rest = if is_long {
        view! { <ReadMore heading=narrative.heading() comparing>{rest}</ReadMore> }.into_any()
    } else {
        rest.into_any()
    };
    view! {
        <li class="narrative" data-perspective=perspective.key()>
            <h3 class="narrative-heading">{heading}</h3>
            {provider}
            <div class="narrative-text">{first} {rest}</div>
        </li>
    }
}

/// The rest of a long narrative behind "Read more": a native disclosure, so that it opens
/// and closes without the app, and its label and state are the browser's own. Compared
/// side by side, every narrative is shown whole; leaving the comparison restores what
/// the reader had open.
#[component]
fn ReadMore(heading: String, comparing: RwSignal<bool>, children: Children) -> impl IntoView {
    let details = NodeRef::<html::Details>::new();
    let open_before = StoredValue::new(false);
    Effect::new(move |was_comparing: Option<bool>| {
        let now = comparing.get();
        if let Some(details) = details.get() {
            if now && was_comparing != Some(true) {
                open_before.set_value(details.open());
                details.set_open(true);
            } else if !now && was_comparing == Some(true) {
                details.set_open(open_before.get_value());
            }
        }
        now
    });
    view! {
        <details class="narrative-more" node_ref=details>
            <summary class="read-more">
                <span class="read-more-closed">"Read more"</span>
                <span class="read-more-open">"Show less"</span>
                <span class="visually-hidden">{format!(" of the {heading}")}</span>
            </summary>
            {children()}
        </details>
    }
}

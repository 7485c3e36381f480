use super::{story_text, use_started, ArticleSection, ExternalLink};
use crate::browser::{found, matches_media, session_flag, set_session_flag};
use crate::model::{perspective::Perspective, Article, Narrative};
use leptos::{either::Either, html, prelude::*};
use std::sync::Arc;
use web_sys::HtmlDetailsElement;

/// Remembers for the tab whether the reader compares narratives side by side.
const COMPARE_KEY: &str = "storyline-compare-narratives";

/// Where the stylesheet offers Compare (its `min-width: 64rem` rule): on a narrower
/// screen a choice remembered from a wider window is not applied.
const ROOM_TO_COMPARE: &str = "(min-width: 64rem)";

/// A narrative longer than this many characters shows its first paragraph and a "Read
/// more" disclosure, so that five long narratives do not bury the predictions below them.
const LONG_NARRATIVE: usize = 600;

/// One card per perspective of the story in view: "Pro-Ukraine narrative, as provided by
/// The Kyiv Independent". With two or more, wide screens offer "Compare side by side"
/// (`CompareNarratives`).
#[component]
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
        let cards = narratives
            .into_iter()
            .map(|narrative| view! { <NarrativeCard narrative/> })
            .collect_view();
        let list = view! { <ul class="narrative-list">{cards}</ul> };
        view! {
            <ArticleSection name="narratives" title="Narratives">
                {if can_compare {
                    Either::Left(view! { <CompareNarratives>{list}</CompareNarratives> })
                } else {
                    Either::Right(view! { <div class="narrative-view">{list}</div> })
                }}
            </ArticleSection>
        }
    })
}

/// "Compare side by side" for the narrative cards (`children`): the cards become columns
/// of a split view, two or three in sight at once, the rest a scroll away. Compared side
/// by side, every narrative is shown whole; leaving the comparison restores what the
/// reader had open.
#[cfg_attr(any(feature = "page", feature = "ssr"), island)]
#[cfg_attr(not(any(feature = "page", feature = "ssr")), component)]
pub fn CompareNarratives(children: Children) -> impl IntoView {
    let comparing = RwSignal::new(false);
    let started = use_started();
    let view_ref = NodeRef::<html::Div>::new();
    // A choice remembered for the tab is the browser's to tell, so it is applied once the
    // page is live; HTML rendered ahead of time always starts with the cards.
    Effect::new(move |_| {
        if session_flag(COMPARE_KEY) && matches_media(ROOM_TO_COMPARE) {
            comparing.set(true);
        }
    });
    let open_before = StoredValue::new(Vec::<bool>::new());
    Effect::new(move |was_comparing: Option<bool>| {
        let now = comparing.get();
        if let Some(root) = view_ref.get() {
            let details: Vec<HtmlDetailsElement> =
                found(root.query_selector_all("details.narrative-more"));
            if now && was_comparing != Some(true) {
                open_before.set_value(details.iter().map(HtmlDetailsElement::open).collect());
                details.iter().for_each(|details| details.set_open(true));
            } else if !now && was_comparing == Some(true) {
                open_before.with_value(|open| {
                    for (details, open) in details.iter().zip(open) {
                        details.set_open(*open);
                    }
                });
            }
        }
        now
    });
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
        // Side by side, the list scrolls sideways: it takes focus so that keyboard users
        // can scroll it too, and is named as the region it then is.
        <div
            class="narrative-view"
            class:comparing=comparing
            role=move || comparing.get().then_some("region")
            aria-label=move || comparing.get().then_some("Narratives side by side")
            tabindex=move || comparing.get().then_some("0")
            node_ref=view_ref
        >
            {children()}
        </div>
    }
}

#[component]
fn NarrativeCard(narrative: Narrative) -> impl IntoView {
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
        Either::Left(view! { <ReadMore heading=narrative.heading()>{rest}</ReadMore> })
    } else {
        Either::Right(rest)
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
/// and closes without the app, and its label and state are the browser's own.
#[component]
fn ReadMore(heading: String, children: Children) -> impl IntoView {
    view! {
        <details class="narrative-more">
            <summary class="read-more">
                <span class="read-more-closed">"Read more"</span>
                <span class="read-more-open">"Show less"</span>
                <span class="visually-hidden">{format!(" of the {heading}")}</span>
            </summary>
            {children()}
        </details>
    }
}

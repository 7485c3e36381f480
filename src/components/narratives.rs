use super::{story_text, ArticleSection, ExternalLink};
use crate::browser::{matches_media, session_flag, set_session_flag};
use crate::model::{perspective::Perspective, Narrative};
use leptos::prelude::*;

/// Remembers for the tab whether the reader compares narratives side by side.
const COMPARE_KEY: &str = "storyline-compare-narratives";

/// Where the stylesheet offers Compare (its `min-width: 64rem` rule): on a narrower
/// screen a choice remembered from a wider window is not applied.
const ROOM_TO_COMPARE: &str = "(min-width: 64rem)";

/// A narrative longer than this many characters shows its first paragraph and a "Read
/// more" button, so that five long narratives do not bury the predictions below them.
const LONG_NARRATIVE: usize = 600;

/// One card per perspective: "Pro-Ukraine narrative, as provided by The Kyiv Independent".
/// With two or more, wide screens offer "Compare side by side": the cards become columns
/// of a split view, two or three in sight at once, the rest a scroll away.
#[component]
pub fn Narratives(narratives: Vec<Narrative>) -> impl IntoView {
    (!narratives.is_empty()).then(|| {
        let comparing = RwSignal::new(
            narratives.len() > 1 && session_flag(COMPARE_KEY) && matches_media(ROOM_TO_COMPARE),
        );
        let toggle = (narratives.len() > 1).then(|| {
            view! {
                <button
                    type="button"
                    class="compare-toggle"
                    aria-pressed=move || comparing.get().to_string()
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
            .enumerate()
            .map(|(index, narrative)| view! { <NarrativeCard narrative index comparing/> })
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
fn NarrativeCard(narrative: Narrative, index: usize, comparing: RwSignal<bool>) -> impl IntoView {
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
    let expanded = RwSignal::new(false);
    // Compared side by side, every narrative is shown whole.
    let shown_whole = move || !is_long || expanded.get() || comparing.get();
    let more_id = format!("narrative-{}-more", index + 1);
    let first = paragraphs
        .first()
        .map(|p| view! { <p dir="auto">{story_text(p)}</p> });
    let rest = paragraphs
        .iter()
        .skip(1)
        .map(|p| view! { <p dir="auto">{story_text(p)}</p> })
        .collect_view();
    let read_more = is_long.then(|| {
        let more_id = more_id.clone();
        view! {
            <button
                type="button"
                class="read-more"
                aria-expanded=move || expanded.get().to_string()
                aria-controls=more_id
                hidden=move || comparing.get()
                on:click=move |_| expanded.update(|open| *open = !*open)
            >
                {move || if expanded.get() { "Show less" } else { "Read more" }}
                <span class="visually-hidden">{format!(" of the {}", narrative.heading())}</span>
            </button>
        }
    });
    view! {
        <li class="narrative" data-perspective=perspective.key()>
            <h3 class="narrative-heading">{heading}</h3>
            {provider}
            <div class="narrative-text">
                {first}
                <div class="narrative-more" id=more_id hidden=move || !shown_whole()>
                    {rest}
                </div>
            </div>
            {read_more}
        </li>
    }
}

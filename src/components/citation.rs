use super::{story_text, ReadableDate};
use crate::browser::has_fine_hover_pointer;
use crate::model::{links, Problem, Source};
use leptos::{
    ev::{KeyboardEvent, PointerEvent},
    html,
    prelude::*,
};
use std::{sync::Arc, time::Duration};

/// How long the pointer must rest on a citation before its preview shows, so that
/// passing over it on the way elsewhere does not flash previews.
const PREVIEW_DELAY: Duration = Duration::from_millis(150);
/// How long a preview survives the pointer leaving, so it can cross the gap onto it.
const PREVIEW_GRACE: Duration = Duration::from_millis(300);

/// A `[n]` citation, its hover/focus preview, and the panel it expands (to be placed under
/// the fact). Until the app has `started` it is a plain link to the source's entry in
/// Sources, which is what it stays without JavaScript; from then on it is a button that
/// expands the source in place. Escape on it or in the panel closes both and keeps focus
/// on it, so keyboard users never lose their place.
pub fn expandable_citation(
    number: usize,
    source: &Source,
    panel_id: String,
    started: ReadSignal<bool>,
) -> (impl IntoView, impl IntoView) {
    // Preview and panel exist only while shown: a long story has thousands of citations,
    // and most are never opened. The button names its panel only while there is one.
    let source = Arc::new(source.clone());
    let open = RwSignal::new(false);
    let preview = RwSignal::new(false);
    let preview_timer = StoredValue::new(None::<TimeoutHandle>);
    let button_ref = NodeRef::<html::A>::new();

    let set_preview_after = move |show: bool, delay: Duration| {
        if let Some(timer) = preview_timer.get_value() {
            timer.clear();
        }
        let timer = set_timeout_with_handle(
            move || {
                preview.try_set(show);
            },
            delay,
        )
        .ok();
        preview_timer.set_value(timer);
    };
    let hide_preview = move || set_preview_after(false, Duration::ZERO);
    let toggle = move || {
        hide_preview();
        open.update(|open| *open = !*open);
    };
    let close_on_escape = move |event: KeyboardEvent| {
        if event.key() != "Escape" || !(open.get_untracked() || preview.get_untracked()) {
            return;
        }
        event.prevent_default();
        hide_preview();
        open.set(false);
        if let Some(button) = button_ref.get_untracked() {
            let _ = button.focus();
        }
    };
    let is_hover =
        |event: &PointerEvent| event.pointer_type() == "mouse" && has_fine_hover_pointer();
    let on_pointer_enter = move |event: PointerEvent| {
        if is_hover(&event) && !open.get_untracked() {
            set_preview_after(true, PREVIEW_DELAY);
        }
    };
    let on_focus = move |_| {
        // A tap or click focuses the button too; only keyboard focus is :focus-visible.
        let by_keyboard = button_ref
            .get_untracked()
            .is_some_and(|button| button.matches(":focus-visible").unwrap_or(false));
        if by_keyboard && !open.get_untracked() {
            set_preview_after(true, Duration::ZERO);
        }
    };

    let preview_id = format!("{panel_id}-preview");
    let preview_view = {
        let source = source.clone();
        move || {
            preview.get().then(|| {
                view! {
                    <span
                        class="citation-preview"
                        id=preview_id.clone()
                        role="tooltip"
                        on:pointerenter=move |_| {
                            if let Some(timer) = preview_timer.get_value() {
                                timer.clear();
                            }
                        }
                        on:pointerleave=move |_| set_preview_after(false, PREVIEW_GRACE)
                    >
                        {source_summary(number, &source)}
                    </span>
                }
            })
        }
    };
    // A link that acts as a button answers Space as buttons do; Enter already clicks it.
    let on_keydown = move |event: KeyboardEvent| {
        if event.key() == " " {
            event.prevent_default();
            toggle();
        } else {
            close_on_escape(event);
        }
    };
    let button = view! {
        <span class="citation-anchor">
            <a
                class="citation"
                href=format!("#source-{number}")
                node_ref=button_ref
                role=move || started.get().then_some("button")
                aria-expanded=move || started.get().then(|| open.get().to_string())
                aria-controls={
                    let panel_id = panel_id.clone();
                    move || open.get().then(|| panel_id.clone())
                }
                aria-label=format!("Source {number}: {}", source.outlet)
                on:click=move |event| {
                    event.prevent_default();
                    toggle();
                }
                on:keydown=on_keydown
                on:pointerenter=on_pointer_enter
                on:pointerleave=move |_| set_preview_after(false, PREVIEW_GRACE)
                on:focus=on_focus
                on:blur=move |_| hide_preview()
            >
                {format!("[{number}]")}
            </a>
            {preview_view}
        </span>
    };
    let panel = move || {
        open.get().then(|| {
            let read_at = source.url.as_deref().and_then(links::http_url).map(|url| {
                view! {
                    <p>
                        <a href=url.to_owned() rel="noopener noreferrer">
                            "Read at " <bdi>{story_text(&source.outlet)}</bdi>
                        </a>
                    </p>
                }
            });
            view! {
                <div class="citation-panel" id=panel_id.clone() on:keydown=close_on_escape>
                    {source_summary(number, &source)}
                    {read_at}
                </div>
            }
        })
    };
    (button, panel)
}

/// Number, outlet, headline and date of a source: what both preview and panel show.
fn source_summary(number: usize, source: &Source) -> impl IntoView {
    let title = source
        .title
        .clone()
        .map(|title| view! { <span class="citation-summary-title" dir="auto">{story_text(&title)}</span> });
    let date = source.published_at.clone().map(|iso| {
        view! { <span class="citation-summary-date">"Published " <ReadableDate iso/></span> }
    });
    view! {
        <span class="citation-summary">
            <span class="citation-summary-source">
                <span class="source-number">{format!("[{number}]")}</span>
                " "
                <strong dir="auto">{story_text(&source.outlet)}</strong>
            </span>
            {title}
            {date}
        </span>
    }
}

/// A citation of a source the story does not list: visible, marked, and described, but
/// with nothing to expand.
pub fn missing_citation(problem: &Problem, problem_id: String) -> impl IntoView {
    view! {
        <button
            type="button"
            class="citation citation-missing"
            aria-disabled="true"
            aria-describedby=problem_id.clone()
        >
            "[?]"
        </button>
        <span class="citation-problem" id=problem_id>
            "Source missing: " <bdi>{problem.to_string()}</bdi>
        </span>
    }
}

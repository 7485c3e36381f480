//! What makes the facts respond to the reader: a citation expands its source under its
//! fact, and previews it on hover or keyboard focus; a fact's tools copy a link to it or
//! its text; an address naming a fact reveals it. The facts are plain markup, this
//! island's children, alike whether rendered ahead of time or drawn in the browser. One
//! listener per kind of event on their container serves every citation and button in it,
//! so a story of a thousand facts wakes as fast as one of ten, and a preview or panel
//! exists only while it is shown: most citations are never opened.

use super::citation::{citation_panel, source_summary};
use super::copy_status::{announce_copy, status_text};
use super::{is_already_rendered, DateZone, Placement};
use crate::browser::{absolute_url, event_within, found, has_fine_hover_pointer, reveal, Scroll};
use crate::model::{anchors, citing::Citing};
use leptos::{
    ev::{FocusEvent, KeyboardEvent, MouseEvent, PointerEvent},
    html,
    mount::mount_to,
    prelude::*,
};
use std::{any::Any, sync::Arc, time::Duration};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// How long the pointer must rest on a citation before its preview shows, so that
/// passing over it on the way elsewhere does not flash previews.
const PREVIEW_DELAY: Duration = Duration::from_millis(150);
/// How long a preview survives the pointer leaving, so it can cross the gap onto it.
const PREVIEW_GRACE: Duration = Duration::from_millis(300);

/// About ten seconds of frames to wait for a fact the address names to be built.
const REVEAL_FRAMES: u32 = 600;

const CITATION: &str = "a.citation";
const ANCHOR: &str = ".citation-anchor";
const PANEL: &str = ".citation-panel";
const FACT: &str = "li.fact";

/// Whether the facts' controls run: facts drawn from then on are written live.
#[derive(Clone, Copy)]
pub struct FactsLive(pub ReadSignal<bool>);

/// What is shown now: the open panels and at most one preview, each with the handle whose
/// drop takes its content away, and the timer that will show or hide a preview.
#[derive(Default)]
struct Shown {
    panels: Vec<(String, Box<dyn Any>)>,
    preview: Option<(Element, Box<dyn Any>)>,
    timer: Option<TimeoutHandle>,
}

type ShownStore = StoredValue<Shown, LocalStorage>;

/// The facts (`children`) and their status region, with the listeners that serve them.
/// What citations show and copy comes from the `Citing` of the story in view.
#[cfg_attr(any(feature = "page", feature = "ssr"), island)]
#[cfg_attr(not(any(feature = "page", feature = "ssr")), component)]
pub fn FactControls(children: Children) -> impl IntoView {
    let citing = expect_context::<Arc<Citing>>();
    let root = NodeRef::<html::Div>::new();
    let status = RwSignal::new(String::new());
    let (live, set_live) = signal(false);
    provide_context(FactsLive(live));
    let shown: ShownStore = StoredValue::new_local(Shown::default());
    let zone = DateZone::current();
    let owns_location = Placement::current().owns_location();
    let in_page = is_already_rendered();

    {
        let total = citing.facts.len();
        // Effects run only in the browser, once the facts are in place.
        Effect::new(move |_| {
            if let Some(root) = root.get() {
                bring_to_life(&root);
                set_live.set(true);
                if owns_location {
                    reveal_fact_in_address(root.into(), total, in_page, REVEAL_FRAMES);
                }
            }
        });
    }

    let on_click = {
        let citing = citing.clone();
        move |event: MouseEvent| {
            if !live.get_untracked() {
                return;
            }
            if let Some(citation) = event_within(&event, CITATION) {
                event.prevent_default();
                hide_preview(shown);
                toggle_panel(&citation, &citing, zone, shown);
            } else if let Some(tool) = event_within(&event, "button.fact-tool") {
                copy_fact(&tool, &citing, status);
            }
        }
    };
    let on_keydown = move |event: KeyboardEvent| {
        if !live.get_untracked() {
            return;
        }
        let key = event.key();
        if let Some(citation) = event_within(&event, CITATION) {
            if key == " " {
                // A link that acts as a button answers Space as buttons do; Enter already
                // clicks it.
                event.prevent_default();
                citation.unchecked_ref::<HtmlElement>().click();
            } else if key == "Escape" && (is_open(&citation) || shows_preview(&citation, shown)) {
                event.prevent_default();
                close(&citation, shown);
            }
        } else if let Some(panel) = event_within(&event, PANEL).filter(|_| key == "Escape") {
            let citation = root.get_untracked().and_then(|root| {
                root.query_selector(&format!("a[aria-controls=\"{}\"]", panel.id()))
                    .ok()
                    .flatten()
            });
            if let Some(citation) = citation {
                event.prevent_default();
                close(&citation, shown);
            }
        }
    };
    let on_pointer_over = {
        let citing = citing.clone();
        move |event: PointerEvent| {
            let Some(anchor) = event_within(&event, ANCHOR) else {
                return;
            };
            // Back on the citation or onto its preview: whatever was to hide it is off.
            clear_timer(shown);
            let on_citation = event_within(&event, CITATION);
            let hovering = event.pointer_type() == "mouse" && has_fine_hover_pointer();
            if let Some(citation) = on_citation.filter(|citation| {
                live.get_untracked()
                    && hovering
                    && !entered_from_within(&event, &anchor)
                    && !is_open(citation)
                    && !shows_preview(citation, shown)
            }) {
                let citing = citing.clone();
                set_timer(shown, PREVIEW_DELAY, move || {
                    show_preview(&citation, &citing, zone, shown)
                });
            }
        }
    };
    let on_pointer_out = move |event: PointerEvent| {
        let Some(anchor) = event_within(&event, ANCHOR) else {
            return;
        };
        let left = event
            .related_target()
            .and_then(|to| to.dyn_into::<web_sys::Node>().ok())
            .is_none_or(|to| !anchor.contains(Some(&to)));
        if left {
            set_timer(shown, PREVIEW_GRACE, move || hide_preview(shown));
        }
    };
    let on_focus_in = {
        let citing = citing.clone();
        move |event: FocusEvent| {
            // A tap or click focuses a citation too; only keyboard focus is :focus-visible.
            let citation = event_within(&event, CITATION)
                .filter(|citation| citation.matches(":focus-visible").unwrap_or(false));
            if let Some(citation) =
                citation.filter(|citation| live.get_untracked() && !is_open(citation))
            {
                clear_timer(shown);
                show_preview(&citation, &citing, zone, shown);
            }
        }
    };
    let on_focus_out = move |event: FocusEvent| {
        if event_within(&event, CITATION).is_some() {
            clear_timer(shown);
            hide_preview(shown);
        }
    };

    view! {
        <div
            class="fact-controls"
            node_ref=root
            on:click=on_click
            on:keydown=on_keydown
            on:pointerover=on_pointer_over
            on:pointerout=on_pointer_out
            on:focusin=on_focus_in
            on:focusout=on_focus_out
        >
            {children()}
            <p class="copy-status" role="status">{status_text(status)}</p>
        </div>
    }
}

/// Makes the controls written for a page without its code (citations that link to their
/// source, tools disabled) live.
fn bring_to_life(root: &Element) {
    for citation in found::<Element>(root.query_selector_all("a.citation:not([role])")) {
        let _ = citation.set_attribute("role", "button");
        let _ = citation.set_attribute("aria-expanded", "false");
    }
    for tool in found::<Element>(root.query_selector_all("button.fact-tool[disabled]")) {
        let _ = tool.remove_attribute("disabled");
    }
}

/// Reveals the fact the address names (`#fact-3`) once it is in the page: a page that
/// arrived whole was scrolled to it by the browser, and the reader may have moved on
/// since; one drawn here is scrolled to it once its batch is in, which may take a while
/// on a very long story (at most `frames_left` frames).
fn reveal_fact_in_address(root: Element, total: usize, in_page: bool, frames_left: u32) {
    let hash = window().location().hash().unwrap_or_default();
    let Some(number) = anchors::fact_number(&hash).filter(|&number| number <= total) else {
        return;
    };
    match root.query_selector(&format!("#{}", anchors::fact_id(number))) {
        Ok(Some(fact)) if fact.is_connected() => {
            let scroll = if in_page {
                Scroll::Stay
            } else {
                Scroll::IntoView
            };
            request_animation_frame(move || reveal(fact.unchecked_ref(), scroll));
        }
        _ if frames_left > 0 => request_animation_frame(move || {
            reveal_fact_in_address(root, total, in_page, frames_left - 1)
        }),
        _ => {}
    }
}

fn closest(element: &Element, selector: &str) -> Option<Element> {
    element.closest(selector).ok().flatten()
}

/// Whether the pointer came from inside `anchor` (from the citation onto its preview, or
/// back), which is no new arrival.
fn entered_from_within(event: &PointerEvent, anchor: &Element) -> bool {
    event
        .related_target()
        .and_then(|from| from.dyn_into::<web_sys::Node>().ok())
        .is_some_and(|from| anchor.contains(Some(&from)))
}

/// The id of the panel a citation opens, `fact-2-citation-3` for the third citation of
/// fact 2 (a source cited twice in one fact still gets two), and that position.
fn panel_id(citation: &Element) -> Option<(String, usize)> {
    let anchor = closest(citation, ANCHOR)?;
    let fact = closest(&anchor, FACT)?;
    let mut position = 1;
    let mut previous = anchor.previous_element_sibling();
    while let Some(element) = previous {
        if element
            .matches(".citation-anchor, .citation-missing")
            .unwrap_or(false)
        {
            position += 1;
        }
        previous = element.previous_element_sibling();
    }
    Some((format!("{}-citation-{position}", fact.id()), position))
}

/// The number of the source a citation links to (`#source-3`).
fn source_number(citation: &Element) -> Option<usize> {
    citation
        .get_attribute("href")?
        .strip_prefix("#source-")?
        .parse()
        .ok()
}

fn is_open(citation: &Element) -> bool {
    citation.get_attribute("aria-expanded").as_deref() == Some("true")
}

fn shows_preview(citation: &Element, shown: ShownStore) -> bool {
    shown.with_value(|shown| shown.preview.as_ref().is_some_and(|(of, _)| of == citation))
}

/// Mounts `view` into a new element (`tag`, `class`, `id`), placed by `place`; returns
/// what takes both away when dropped.
fn mount_new<V: IntoView + 'static>(
    tag: &str,
    class: &str,
    id: &str,
    zone: DateZone,
    place: impl FnOnce(&HtmlElement),
    view: impl FnOnce() -> V + 'static,
) -> Option<Box<dyn Any>> {
    let element: HtmlElement = document().create_element(tag).ok()?.unchecked_into();
    element.set_class_name(class);
    element.set_id(id);
    place(&element);
    // A new root: the page's zone for dates must be handed on.
    let handle = mount_to(element.clone(), move || {
        provide_context(zone);
        view()
    });
    // The view goes first, then its element.
    Some(Box::new((handle, RemovedOnDrop(element.into()))))
}

/// An element of ours that leaves the page when dropped.
struct RemovedOnDrop(Element);

impl Drop for RemovedOnDrop {
    fn drop(&mut self) {
        self.0.remove();
    }
}

fn toggle_panel(citation: &Element, citing: &Citing, zone: DateZone, shown: ShownStore) {
    let Some((id, position)) = panel_id(citation) else {
        return;
    };
    if is_open(citation) {
        close_panel(citation, &id, shown);
        return;
    }
    let (Some(number), Some(fact)) = (source_number(citation), closest(citation, FACT)) else {
        return;
    };
    let (Some(source), Ok(Some(panels))) = (
        citing.source(number).cloned(),
        fact.query_selector(".citation-panels"),
    ) else {
        return;
    };
    // Panels follow their citations' order, whichever opened first.
    let next = found::<Element>(panels.query_selector_all(PANEL))
        .into_iter()
        .find(|panel| {
            panel
                .get_attribute("data-position")
                .and_then(|p| p.parse::<usize>().ok())
                .is_some_and(|p| p > position)
        });
    let mounted = mount_new(
        "div",
        "citation-panel",
        &id,
        zone,
        |element| {
            let _ = element.set_attribute("data-position", &position.to_string());
            let _ = panels.insert_before(element, next.as_ref().map(|next| next.unchecked_ref()));
        },
        move || citation_panel(number, &source),
    );
    if let Some(handle) = mounted {
        shown.update_value(|shown| shown.panels.push((id.clone(), handle)));
        let _ = citation.set_attribute("aria-expanded", "true");
        let _ = citation.set_attribute("aria-controls", &id);
    }
}

fn close_panel(citation: &Element, id: &str, shown: ShownStore) {
    let handle = shown.try_update_value(|shown| {
        let at = shown.panels.iter().position(|(open, _)| open == id)?;
        Some(shown.panels.remove(at))
    });
    // Dropped outside the store: taking a view away runs its cleanups.
    drop(handle);
    let _ = citation.set_attribute("aria-expanded", "false");
    let _ = citation.remove_attribute("aria-controls");
}

/// Closes a citation's panel and preview, and keeps focus on it, so keyboard users never
/// lose their place.
fn close(citation: &Element, shown: ShownStore) {
    clear_timer(shown);
    hide_preview(shown);
    if let Some((id, _)) = panel_id(citation).filter(|_| is_open(citation)) {
        close_panel(citation, &id, shown);
    }
    let _ = citation.unchecked_ref::<HtmlElement>().focus();
}

fn show_preview(citation: &Element, citing: &Citing, zone: DateZone, shown: ShownStore) {
    hide_preview(shown);
    let (Some((id, _)), Some(number), Some(anchor)) = (
        panel_id(citation),
        source_number(citation),
        closest(citation, ANCHOR),
    ) else {
        return;
    };
    let Some(source) = citing.source(number).cloned() else {
        return;
    };
    let mounted = mount_new(
        "span",
        "citation-preview",
        &format!("{id}-preview"),
        zone,
        |element| {
            let _ = element.set_attribute("role", "tooltip");
            let _ = anchor.append_child(element);
        },
        move || source_summary(number, &source),
    );
    if let Some(handle) = mounted {
        shown.update_value(|shown| shown.preview = Some((citation.clone(), handle)));
    }
}

fn hide_preview(shown: ShownStore) {
    let preview = shown.try_update_value(|shown| shown.preview.take());
    drop(preview);
}

fn set_timer(shown: ShownStore, delay: Duration, then: impl FnOnce() + 'static) {
    clear_timer(shown);
    let timer = set_timeout_with_handle(then, delay).ok();
    shown.update_value(|shown| shown.timer = timer);
}

fn clear_timer(shown: ShownStore) {
    if let Some(timer) = shown.try_update_value(|shown| shown.timer.take()).flatten() {
        timer.clear();
    }
}

/// Copies a link to the tool's fact or the fact as text, as its `data-copy` says.
fn copy_fact(tool: &Element, citing: &Citing, status: RwSignal<String>) {
    let Some(fact) = closest(tool, FACT) else {
        return;
    };
    let Some(number) = anchors::fact_number(&fact.id()) else {
        return;
    };
    match tool.get_attribute("data-copy").as_deref() {
        Some("link") => announce_copy(
            status,
            absolute_url(&format!("{}#{}", citing.href, anchors::fact_id(number))),
            format!("Link to fact {number} copied."),
        ),
        Some("text") => {
            let text = fact
                .query_selector(".fact-text")
                .ok()
                .flatten()
                .and_then(|text| text.text_content())
                .unwrap_or_default();
            announce_copy(
                status,
                citing.fact_as_text(number - 1, &text),
                format!("Fact {number} copied with its sources."),
            );
        }
        _ => {}
    }
}

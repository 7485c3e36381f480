use super::citation::{expandable_citation, missing_citation};
use super::copy_status::{announce_copy, status_text};
use super::{is_already_rendered, story_text, use_started, ArticleSection, Placement};
use crate::browser::{reveal, Scroll};
use crate::model::{anchors, numbers::grouped, Article, Citation};
use leptos::{either::Either, html, prelude::*};
use std::{ops::Range, sync::Arc};
use wasm_bindgen::JsCast;

/// Facts shown with the article; the rest follow in batches, one per frame, sized so that
/// each frame takes about `FRAME_BUDGET_MS`. Every ordinary story fits in the first batch;
/// a hostile one of tens of thousands of facts would otherwise hold the page for a
/// minute before the reader could do anything.
const FIRST_FACTS: usize = 150;
const FIRST_BATCH: usize = 40;
/// Long enough that few frames (each a layout of the growing page) are spent, short
/// enough that a click waits at most about this long.
const FRAME_BUDGET_MS: f64 = 60.0;

/// The facts, each followed by its numbered citations, for the story in view. Every fact
/// has a stable anchor (`#fact-3`); opening the page at one brings that fact into view
/// once it is rendered.
#[cfg_attr(any(feature = "page", feature = "ssr"), island)]
#[cfg_attr(not(any(feature = "page", feature = "ssr")), component)]
pub fn Facts() -> impl IntoView {
    let article = expect_context::<Arc<Article>>();
    let total = article.story.facts.len();
    let list = NodeRef::<html::Ul>::new();
    // One announcement region for the whole list: live regions must exist before their
    // text changes to be read out, and a thousand of them would be noise.
    let status = RwSignal::new(String::new());
    let placement = Placement::current();
    let started = use_started();
    // Facts already in the page as HTML are all there; drawn here, they come batch by
    // batch, each built once, when it is added.
    let in_page = is_already_rendered();
    let first_batch = 0..if in_page {
        total
    } else {
        total.min(FIRST_FACTS)
    };
    let batches = RwSignal::new(vec![first_batch]);
    let rendered = move || batches.with(|b| b.last().map_or(0, |last| last.end));

    let batch_size = StoredValue::new(FIRST_BATCH);
    let last_frame = StoredValue::new(None::<f64>);
    Effect::new(move |_| {
        if rendered() < total {
            request_animation_frame(move || {
                let now = js_sys::Date::now();
                if let Some(previous) = last_frame.get_value() {
                    batch_size.update_value(|size| *size = next_batch_size(*size, now - previous));
                }
                last_frame.set_value(Some(now));
                batches.try_update(|batches| {
                    let start = batches.last().map_or(0, |last| last.end);
                    batches.push(start..(start + batch_size.get_value()).min(total));
                });
            });
        }
    });

    let owns_location = placement.owns_location();
    Effect::new(move |revealed: Option<bool>| {
        if revealed == Some(true) || !owns_location {
            return true;
        }
        let hash = window().location().hash().unwrap_or_default();
        let Some(number) = anchors::fact_number(&hash).filter(|&number| number <= total) else {
            return true;
        };
        let Some(list) = list.get().filter(|_| number <= rendered()) else {
            return false;
        };
        if let Ok(Some(fact)) = list.query_selector(&format!("#{}", anchors::fact_id(number))) {
            // A page that arrived whole was scrolled to the fact by the browser, and the
            // reader may have moved on since; one built here is scrolled once the list is
            // attached, by the next frame.
            let scroll = if in_page {
                Scroll::Stay
            } else {
                Scroll::IntoView
            };
            request_animation_frame(move || reveal(fact.unchecked_ref(), scroll));
        }
        true
    });

    (total > 0).then(|| {
        let batch = move |range: Range<usize>| {
            range
                .map(|index| {
                    view! { <FactItem article=article.clone() index status placement=placement.clone() started/> }
                })
                .collect_view()
        };
        view! {
            <ArticleSection name="facts" title="Facts">
                <ul class="fact-list" node_ref=list>
                    <For each=move || batches.get() key=|range| range.start children=batch/>
                </ul>
                {move || {
                    let shown = rendered();
                    (shown < total).then(|| view! {
                        <p class="facts-pending">
                            {format!(
                                "Showing {} of {} facts; the rest are on their way.",
                                grouped(shown),
                                grouped(total),
                            )}
                        </p>
                    })
                }}
                <p class="copy-status" role="status">{status_text(status)}</p>
            </ArticleSection>
        }
    })
}

/// The next batch's size after a frame of `frame_ms` built `size` facts: scaled towards
/// the frame budget, at most doubling or halving at once so that one slow frame (a
/// garbage collection) does not swing it, and never below a handful.
fn next_batch_size(size: usize, frame_ms: f64) -> usize {
    let scaled = size as f64 * FRAME_BUDGET_MS / frame_ms.max(1.0);
    (scaled.clamp(size as f64 / 2.0, size as f64 * 2.0) as usize).max(10)
}

#[component]
fn FactItem(
    article: Arc<Article>,
    index: usize,
    status: RwSignal<String>,
    placement: Placement,
    started: ReadSignal<bool>,
) -> impl IntoView {
    let number = index + 1;
    let mut buttons = Vec::new();
    let mut panels = Vec::new();
    for (position, citation) in article.citations(index).iter().enumerate() {
        // Ids name the citation's position, so a source cited twice in one fact still
        // gets two distinct panels.
        let id = format!("fact-{number}-citation-{}", position + 1);
        match citation {
            Citation::Source { number, source } => {
                let (button, panel) =
                    expandable_citation(*number, &article.story.sources[*source], id, started);
                buttons.push(Either::Left(button));
                panels.push(panel);
            }
            Citation::Missing(problem) => buttons.push(Either::Right(missing_citation(
                problem,
                format!("{id}-problem"),
            ))),
        }
    }

    let slug = article.story.slug.clone();
    let format = article.format;
    let copy_link = copy_button(
        "Copy link",
        format!("Copy link to fact {number}"),
        status,
        started,
        move || {
            format!(
                "{}#{}",
                placement.story_url(&slug, format),
                anchors::fact_id(number)
            )
        },
        format!("Link to fact {number} copied."),
    );
    let text_source = article.clone();
    let copy_fact = copy_button(
        "Copy text",
        format!("Copy text of fact {number} with its sources"),
        status,
        started,
        move || text_source.fact_as_text(index),
        format!("Fact {number} copied with its sources."),
    );

    view! {
        <li class="fact" id=anchors::fact_id(number) tabindex="-1">
            <span class="fact-text" dir="auto">{story_text(&article.story.facts[index].text)}</span>
            <span class="citations">{buttons}</span>
            <span class="fact-tools">{copy_link} {copy_fact}</span>
            {article.single_side(index).map(|side| view! {
                <p class="fact-note">
                    {format!("Single-side sourcing: every source cited here leans {}.", side.name())}
                </p>
            })}
            {(!panels.is_empty()).then(|| view! { <div class="citation-panels">{panels}</div> })}
        </li>
    }
}

/// A small button beside a fact that copies the text `text` makes when clicked (not
/// before: few facts are ever copied); `name` is what it is to assistive technology,
/// `done` what the status region says after. Copying needs the app: until it has
/// `started` the button is disabled, which the stylesheet shows as not there at all.
fn copy_button(
    label: &'static str,
    name: String,
    status: RwSignal<String>,
    started: ReadSignal<bool>,
    text: impl Fn() -> String + Send + Sync + 'static,
    done: String,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="fact-tool"
            aria-label=name
            disabled=move || !started.get()
            on:click=move |_| announce_copy(status, text(), done.clone())
        >
            {label}
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::next_batch_size;

    #[test]
    fn batches_grow_into_the_frame_budget_and_shrink_out_of_overruns() {
        assert_eq!(next_batch_size(40, 20.0), 80);
        assert_eq!(next_batch_size(40, 60.0), 40);
        assert_eq!(next_batch_size(40, 90.0), 26);
        assert_eq!(next_batch_size(40, 1000.0), 20);
        assert_eq!(next_batch_size(12, 1000.0), 10);
        assert_eq!(next_batch_size(40, 0.0), 80);
    }
}

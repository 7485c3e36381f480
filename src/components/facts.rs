use super::citation::{expandable_citation, missing_citation};
use super::copy_status::announce_copy;
use super::{story_text, ArticleSection, Placement};
use crate::browser::reveal;
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

/// The facts, each followed by its numbered citations. Every fact has a stable anchor
/// (`#fact-3`); opening the page at one brings that fact into view once it is rendered.
#[component]
pub fn Facts(article: Arc<Article>) -> impl IntoView {
    let total = article.story.facts.len();
    let list = NodeRef::<html::Ul>::new();
    // One announcement region for the whole list: live regions must exist before their
    // text changes to be read out, and a thousand of them would be noise.
    let status = RwSignal::new(String::new());
    let placement = Placement::current();
    // The facts built so far, batch by batch; each batch is built once, when it is added.
    let first_batch = 0..total.min(FIRST_FACTS);
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

    let linked_fact = placement
        .owns_location()
        .then(|| anchors::fact_number(&window().location().hash().unwrap_or_default()))
        .flatten()
        .filter(|&number| number <= total);
    Effect::new(move |revealed: Option<bool>| {
        let Some(number) = linked_fact.filter(|_| revealed != Some(true)) else {
            return true;
        };
        let Some(list) = list.get().filter(|_| number <= rendered()) else {
            return false;
        };
        if let Ok(Some(fact)) = list.query_selector(&format!("#{}", anchors::fact_id(number))) {
            // The list exists before Suspense attaches it to the document; scrolling and
            // focus only work once it is attached, by the next frame.
            request_animation_frame(move || reveal(fact.unchecked_ref()));
        }
        true
    });

    (total > 0).then(|| {
        let batch = move |range: Range<usize>| {
            range
                .map(|index| {
                    view! { <FactItem article=article.clone() index status placement=placement.clone()/> }
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
                <p class="copy-status" role="status">{status}</p>
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
                    expandable_citation(*number, &article.story.sources[*source], id);
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
        format!("Copy fact {number} with sources"),
        status,
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
/// `done` what the status region says after.
fn copy_button(
    label: &'static str,
    name: String,
    status: RwSignal<String>,
    text: impl Fn() -> String + Send + Sync + 'static,
    done: String,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="fact-tool"
            aria-label=name
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

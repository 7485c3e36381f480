use super::citation::{citation_link, missing_citation};
use super::fact_controls::{FactControls, FactsLive};
use super::{is_already_rendered, story_text, ArticleSection, Placement};
use crate::model::{anchors, citing::Citing, numbers::grouped, Article, Citation};
use leptos::prelude::*;
use std::{ops::Range, sync::Arc};

/// Facts shown with the article; the rest follow in batches, one per frame, sized so that
/// each frame takes about `FRAME_BUDGET_MS`. A fact is plain markup, so a thousand take
/// about a tenth of a second and every real story fits in the first batch; a hostile one
/// of tens of thousands of facts would otherwise hold the page for seconds before the
/// reader could do anything.
const FIRST_FACTS: usize = 1000;
const FIRST_BATCH: usize = 40;
/// Long enough that few frames (each a layout of the growing page) are spent, short
/// enough that a click waits at most about this long.
const FRAME_BUDGET_MS: f64 = 60.0;

/// The facts, each followed by its numbered citations, for the story in view. Every fact
/// has a stable anchor (`#fact-3`). The facts are plain markup; `FactControls` around them
/// makes their citations and tools respond.
#[component]
pub fn Facts() -> impl IntoView {
    let article = expect_context::<Arc<Article>>();
    (!article.story.facts.is_empty()).then(|| {
        let href = Placement::current().story_href(&article.story.slug, article.format);
        provide_context(Arc::new(Citing::of(&article, href)));
        view! {
            <ArticleSection name="facts" title="Facts">
                <FactControls>
                    <FactList article/>
                </FactControls>
            </ArticleSection>
        }
    })
}

/// Every fact, in batches when drawn in the browser.
#[component]
fn FactList(article: Arc<Article>) -> impl IntoView {
    let total = article.story.facts.len();
    let live = use_context::<FactsLive>().map(|FactsLive(live)| live);
    // Facts already in the page as HTML are all there; drawn here, they come batch by
    // batch, each built once, when it is added.
    let first_batch = 0..if is_already_rendered() {
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

    let batch = move |range: Range<usize>| {
        // Written live once the controls run; before, they make the facts live themselves.
        let live = live.is_some_and(|live| live.get_untracked());
        range
            .map(|index| fact_item(&article, index, live))
            .collect_view()
    };
    view! {
        <ul class="fact-list">
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
    }
}

/// The next batch's size after a frame of `frame_ms` built `size` facts: scaled towards
/// the frame budget, at most doubling or halving at once so that one slow frame (a
/// garbage collection) does not swing it, and never below a handful.
fn next_batch_size(size: usize, frame_ms: f64) -> usize {
    let scaled = size as f64 * FRAME_BUDGET_MS / frame_ms.max(1.0);
    (scaled.clamp(size as f64 / 2.0, size as f64 * 2.0) as usize).max(10)
}

/// One fact as markup: its text, its citations, its tools (copy a link, copy the text),
/// a note on single-side sourcing, and room for the panels its citations open.
fn fact_item(article: &Article, index: usize, live: bool) -> impl IntoView {
    let number = index + 1;
    let fact_id = anchors::fact_id(number);
    let citations = article.citations(index);
    let cites_a_source = citations
        .iter()
        .any(|citation| matches!(citation, Citation::Source { .. }));
    let citations = citations
        .iter()
        .enumerate()
        .map(|(position, citation)| match citation {
            Citation::Source { number, source } => {
                let outlet = &article.story.sources[*source].outlet;
                citation_link(*number, outlet, live).into_any()
            }
            Citation::Missing(problem) => {
                let id = format!("{fact_id}-citation-{}-problem", position + 1);
                missing_citation(problem, id).into_any()
            }
        })
        .collect_view();
    let tool = |action: &'static str, label: &'static str, name: String| {
        view! {
            <button type="button" class="fact-tool" data-copy=action aria-label=name disabled=!live>
                {label}
            </button>
        }
    };
    view! {
        <li class="fact" id=fact_id tabindex="-1">
            <span class="fact-text" dir="auto">{story_text(&article.story.facts[index].text)}</span>
            <span class="citations">{citations}</span>
            <span class="fact-tools">
                {tool("link", "Copy link", format!("Copy link to fact {number}"))}
                " "
                {tool("text", "Copy text", format!("Copy text of fact {number} with its sources"))}
            </span>
            {article.single_side(index).map(|side| view! {
                <p class="fact-note">
                    {format!("Single-side sourcing: every source cited here leans {}.", side.name())}
                </p>
            })}
            {cites_a_source.then(|| view! { <div class="citation-panels"></div> })}
        </li>
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

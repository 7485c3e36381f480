use super::{story_text, ReadableDate};
use crate::model::{citing::CitedSource, Problem};
use leptos::prelude::*;

/// A `[n]` citation as the page is written: a link to the source's entry in Sources, which
/// is what it stays without JavaScript. Once the facts' controls are `live`
/// (`FactControls`) it is a button that expands the source in place; they make it one
/// when they start, and facts drawn after that are written live.
pub fn citation_link(number: usize, outlet: &str, live: bool) -> impl IntoView {
    view! {
        <span class="citation-anchor">
            <a
                class="citation"
                href=format!("#source-{number}")
                role=live.then_some("button")
                aria-expanded=live.then_some("false")
                aria-label=format!("Source {number}: {outlet}")
            >
                {format!("[{number}]")}
            </a>
        </span>
    }
}

/// What an open citation shows under its fact: the source, and a link to read it there.
pub fn citation_panel(number: usize, source: &CitedSource) -> impl IntoView {
    let read_at = source.url.clone().map(|url| {
        view! {
            <p>
                <a href=url rel="noopener noreferrer">
                    "Read at " <bdi>{story_text(&source.outlet)}</bdi>
                </a>
            </p>
        }
    });
    view! { {source_summary(number, source)} {read_at} }
}

/// Number, outlet, headline and date of a source: what both preview and panel show.
pub fn source_summary(number: usize, source: &CitedSource) -> impl IntoView {
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

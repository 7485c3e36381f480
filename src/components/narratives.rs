use super::{story_text, ArticleSection, ExternalLink};
use crate::model::Narrative;
use leptos::prelude::*;

/// One card per perspective: "Pro-Ukraine narrative, as provided by The Kyiv Independent".
#[component]
pub fn Narratives(narratives: Vec<Narrative>) -> impl IntoView {
    (!narratives.is_empty()).then(|| {
        let cards = narratives
            .into_iter()
            .map(|narrative| view! { <NarrativeCard narrative/> })
            .collect_view();
        view! {
            <ArticleSection name="narratives" title="Narratives">
                <ul class="narrative-list">{cards}</ul>
            </ArticleSection>
        }
    })
}

#[component]
fn NarrativeCard(narrative: Narrative) -> impl IntoView {
    let (label, suffix) = narrative.heading_parts();
    let heading = view! { <bdi>{story_text(label)}</bdi> {suffix} };
    let provider = narrative.outlet.map(|outlet| {
        view! {
            <p class="narrative-provider">
                "as provided by " <ExternalLink href=narrative.url>{story_text(&outlet)}</ExternalLink>
            </p>
        }
    });
    // Editors separate paragraphs with a blank line.
    let paragraphs = narrative
        .text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| view! { <p dir="auto">{story_text(p)}</p> })
        .collect_view();
    view! {
        <li class="narrative" data-perspective=narrative.perspective>
            <h3 class="narrative-heading">{heading}</h3>
            {provider}
            <div class="narrative-text">{paragraphs}</div>
        </li>
    }
}

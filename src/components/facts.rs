use super::ArticleSection;
use crate::model::{Article, Citation};
use leptos::{either::Either, prelude::*};
use std::sync::Arc;

/// The facts, each followed by its numbered citations. Every fact has a stable anchor
/// (`#fact-3`) and every citation links to its entry in the Sources list.
#[component]
pub fn Facts(article: Arc<Article>) -> impl IntoView {
    let facts = &article.story.facts;
    (!facts.is_empty()).then(|| {
        let items = facts
            .iter()
            .enumerate()
            .map(|(index, fact)| {
                let citations = article
                    .citations(index)
                    .iter()
                    .map(|citation| citation_view(&article, citation))
                    .collect_view();
                view! {
                    <li class="fact" id=format!("fact-{}", index + 1)>
                        <span class="fact-text">{fact.text.clone()}</span>
                        <span class="citations">{citations}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <ArticleSection name="facts" title="Facts">
                <ul class="fact-list">{items}</ul>
            </ArticleSection>
        }
    })
}

fn citation_view(article: &Article, citation: &Citation) -> impl IntoView {
    match citation {
        Citation::Source { number, source } => {
            let outlet = &article.story.sources[*source].outlet;
            Either::Left(view! {
                <a
                    class="citation"
                    href=format!("#source-{number}")
                    aria-label=format!("Source {number}: {outlet}")
                >
                    {format!("[{number}]")}
                </a>
            })
        }
        Citation::Missing(problem) => Either::Right(view! {
            <span class="citation citation-missing">{format!("[? {problem}]")}</span>
        }),
    }
}

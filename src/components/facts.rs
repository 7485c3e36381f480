use super::{ArticleSection, LocalDate};
use crate::model::{links, Article, Citation, Source};
use leptos::{either::Either, ev::KeyboardEvent, html, prelude::*};
use std::sync::Arc;

/// The facts, each followed by its numbered citations. Every fact has a stable anchor
/// (`#fact-3`); each citation is a button that expands its source right under the fact.
#[component]
pub fn Facts(article: Arc<Article>) -> impl IntoView {
    (!article.story.facts.is_empty()).then(|| {
        let items = (0..article.story.facts.len())
            .map(|index| view! { <FactItem article=article.clone() index/> })
            .collect_view();
        view! {
            <ArticleSection name="facts" title="Facts">
                <ul class="fact-list">{items}</ul>
            </ArticleSection>
        }
    })
}

#[component]
fn FactItem(article: Arc<Article>, index: usize) -> impl IntoView {
    let fact_number = index + 1;
    let mut buttons = Vec::new();
    let mut panels = Vec::new();
    for (position, citation) in article.citations(index).iter().enumerate() {
        match citation {
            Citation::Source { number, source } => {
                // Ids name the citation's position, so a source cited twice in one fact
                // still gets two distinct panels.
                let panel_id = format!("fact-{fact_number}-citation-{}", position + 1);
                let source = &article.story.sources[*source];
                let (button, panel) = expandable_citation(*number, source, panel_id);
                buttons.push(Either::Left(button));
                panels.push(panel);
            }
            Citation::Missing(problem) => buttons.push(Either::Right(view! {
                <span class="citation citation-missing">{format!("[? {problem}]")}</span>
            })),
        }
    }
    view! {
        <li class="fact" id=format!("fact-{fact_number}")>
            <span class="fact-text">{article.story.facts[index].text.clone()}</span>
            <span class="citations">{buttons}</span>
            {(!panels.is_empty()).then(|| view! { <div class="citation-panels">{panels}</div> })}
        </li>
    }
}

/// A `[n]` button and the panel it opens. Escape, on either, closes the panel and puts
/// focus back on the button, so keyboard users never lose their place.
fn expandable_citation(
    number: usize,
    source: &Source,
    panel_id: String,
) -> (impl IntoView, impl IntoView) {
    let open = RwSignal::new(false);
    let button_ref = NodeRef::<html::Button>::new();
    let close_on_escape = move |event: KeyboardEvent| {
        if event.key() == "Escape" && open.get_untracked() {
            event.prevent_default();
            open.set(false);
            if let Some(button) = button_ref.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    let button = view! {
        <button
            type="button"
            class="citation"
            node_ref=button_ref
            aria-expanded=move || open.get().to_string()
            aria-controls=panel_id.clone()
            aria-label=format!("Source {number}: {}", source.outlet)
            on:click=move |_| open.update(|open| *open = !*open)
            on:keydown=close_on_escape
        >
            {format!("[{number}]")}
        </button>
    };
    let title = source
        .title
        .clone()
        .map(|title| view! { <p class="citation-panel-title">{title}</p> });
    let date = source.published_at.clone().map(|iso| {
        view! { <p class="citation-panel-date">"Published " <LocalDate iso/></p> }
    });
    let read_at = source.url.as_deref().and_then(links::http_url).map(|url| {
        view! {
            <p>
                <a href=url.to_owned() rel="noopener noreferrer">{format!("Read at {}", source.outlet)}</a>
            </p>
        }
    });
    let panel = view! {
        <div
            class="citation-panel"
            id=panel_id
            hidden=move || !open.get()
            on:keydown=close_on_escape
        >
            <p class="citation-panel-source">
                <span class="source-number">{format!("[{number}]")}</span>
                " "
                <strong>{source.outlet.clone()}</strong>
            </p>
            {title}
            {date}
            {read_at}
        </div>
    };
    (button, panel)
}

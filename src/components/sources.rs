use super::{story_text, ArticleSection, ExternalLink, Placement, ReadableDate};
use crate::browser::{event_within, reveal, Scroll};
use crate::model::lean::{Axis, Distribution};
use crate::model::{anchors, backlink_letter, numbers::grouped, Article, Lean};
use leptos::{ev::MouseEvent, prelude::*};
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

/// `[n] Outlet` for every source of the story in view, in citation-number order, linking
/// to the article when the story gives an http(s) URL, with back-links to the facts that
/// cite it.
#[component]
pub fn Sources() -> impl IntoView {
    let article = expect_context::<Arc<Article>>();
    let leans = Axis::ALL
        .into_iter()
        .filter_map(|axis| article.lean_distribution(axis))
        .map(lean_figure)
        .collect::<Vec<_>>();
    let leans = (!leans.is_empty()).then(|| view! { <div class="lean-figures">{leans}</div> });
    let items = article
        .numbered_sources()
        .map(|(number, source)| {
            let title = source
                .title
                .clone()
                .map(|title| view! { ": " <cite dir="auto">{story_text(&title)}</cite> });
            let date = source
                .published_at
                .clone()
                .map(|iso| view! { ", " <ReadableDate iso/> });
            let outlet = story_text(&source.outlet);
            let lean = source_lean(source.lean);
            view! {
                <li class="source" id=format!("source-{number}")>
                    <span class="source-entry">
                        <span class="source-number">{format!("[{number}]")}</span>
                        " "
                        <ExternalLink href=source.url.clone()>{outlet}</ExternalLink>
                        {title}
                        {date}
                        {lean}
                    </span>
                    " "
                    {backlinks(article.citing_facts(number))}
                </li>
            }
        })
        .collect_view();
    (!items.is_empty()).then(|| {
        view! {
            <ArticleSection name="sources" title="Sources">
                {leans}
                <BacklinkControls>
                    <ol class="source-list">{items}</ol>
                </BacklinkControls>
            </ArticleSection>
        }
    })
}

/// How the cited sources spread over one axis: a bar for the eye, named in words for
/// assistive technology, and a legend with the counts. The bar is drawn in SVG, whose
/// geometry is markup: inline styles would be refused by the Content-Security-Policy in
/// HTML rendered ahead of time.
fn lean_figure(distribution: Distribution) -> impl IntoView {
    let axis = distribution.axis;
    let key = axis.key();
    // Every rating has a legend entry; only those with sources have a segment.
    let entries: Vec<(String, &str, usize)> = (1..=5u8)
        .zip(distribution.counts)
        .map(|(rating, count)| (format!("lean-{key}-{rating}"), axis.label(rating), count))
        .chain(
            (distribution.unrated > 0)
                .then(|| ("lean-unrated".to_owned(), "Not rated", distribution.unrated)),
        )
        .collect();
    let total: usize = entries.iter().map(|&(_, _, count)| count).sum();
    let mut start = 0;
    let segments = entries
        .iter()
        .filter(|&&(_, _, count)| count > 0)
        .map(|(class, _, count)| {
            let (x, width) = (percent(start, total), percent(*count, total));
            start += count;
            view! { <rect class=format!("lean-segment {class}") x=x width=width height="100%"></rect> }
        })
        .collect_view();
    let legend = entries
        .into_iter()
        .map(|(class, label, count)| {
            view! {
                <li>
                    <span class=format!("lean-swatch {class}")></span>
                    {label} " " <span class="lean-count">{grouped(count)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <figure class="lean-figure">
            <figcaption>{format!("Where the cited sources stand, {}", axis.name().to_ascii_lowercase())}</figcaption>
            <svg class="lean-bar" role="img" aria-label=distribution.summary()>{segments}</svg>
            <ul class="lean-legend">{legend}</ul>
        </figure>
    }
}

/// `part` of `whole` as an SVG length.
fn percent(part: usize, whole: usize) -> String {
    format!("{:.2}%", part as f64 * 100.0 / whole.max(1) as f64)
}

/// " · Lean left · Pro-establishment" after a source, for the ratings it has.
fn source_lean(lean: Option<Lean>) -> Option<impl IntoView> {
    let tags: Vec<_> = Axis::ALL
        .into_iter()
        .filter_map(|axis| {
            let rating = axis.rating(lean)?;
            let class = format!("lean-tag lean-{}-{rating}", axis.key());
            Some(view! { " · " <span class=class>{axis.label(rating)}</span> })
        })
        .collect();
    (!tags.is_empty()).then(|| view! { <span class="source-lean">{tags}</span> })
}

/// Back-links beyond these are counted, not listed: a source cited by thousands of facts
/// would otherwise add thousands of links to the page, and no reader follows the 500th.
const MOST_BACKLINKS: usize = 52;

/// "Cited in 2 facts: a b", each letter a link back to a citing fact, as Wikipedia does;
/// a single back-link is an arrow.
fn backlinks(facts: &[usize]) -> impl IntoView {
    let count = match facts.len() {
        0 => "Not cited in any fact".to_owned(),
        1 => "Cited in 1 fact".to_owned(),
        n => format!("Cited in {} facts", grouped(n)),
    };
    let unlisted = facts.len().saturating_sub(MOST_BACKLINKS);
    let links = facts
        .iter()
        .take(MOST_BACKLINKS)
        .enumerate()
        .map(|(i, &fact)| {
            let number = fact + 1;
            // A letter is a word readers may say to a voice control, so it starts the
            // link's name; the arrow is a sign no one says.
            let (label, name) = if facts.len() == 1 {
                ("↑".to_owned(), format!("Back to fact {number}"))
            } else {
                let letter = backlink_letter(i);
                let name = format!("{letter}: back to fact {number}");
                (letter, name)
            };
            view! {
                " "
                <a class="backlink" href=format!("#{}", anchors::fact_id(number)) aria-label=name>
                    {label}
                </a>
            }
        })
        .collect_view();
    let more = (unlisted > 0).then(|| format!(" and {} more", grouped(unlisted)));
    view! { <span class="source-backlinks">{count} {(!facts.is_empty()).then_some(":")} {links} {more}</span> }
}

/// The sources' list (`children`), whose back-links reveal the fact they lead to within
/// the same story (page or widget), rather than letting the router or the browser jump
/// there without moving focus or showing where it landed. One listener serves them all.
#[cfg_attr(any(feature = "page", feature = "ssr"), island)]
#[cfg_attr(not(any(feature = "page", feature = "ssr")), component)]
pub fn BacklinkControls(children: Children) -> impl IntoView {
    let owns_location = Placement::current().owns_location();
    view! {
        <div class="backlink-controls" on:click=move |event| back_to_fact(event, owns_location)>
            {children()}
        </div>
    }
}

fn back_to_fact(event: MouseEvent, owns_location: bool) {
    let Some(link) = event_within(&event, "a.backlink") else {
        return;
    };
    let id = link
        .get_attribute("href")
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_owned();
    let fact = link
        .closest(".story")
        .ok()
        .flatten()
        .and_then(|story| story.query_selector(&format!("#{id}")).ok().flatten());
    if let Some(fact) = fact {
        event.prevent_default();
        reveal(fact.unchecked_ref(), Scroll::IntoView);
        // Replacing keeps the address shareable without adding a history step per click;
        // an embedding page's address is not ours to change.
        if let Some(history) = window().history().ok().filter(|_| owns_location) {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{id}")));
        }
    }
}

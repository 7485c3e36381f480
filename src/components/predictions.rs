use super::{story_text, ArticleSection, ExternalLink, LocalDate};
use crate::model::Prediction;
use leptos::prelude::*;

/// Forecasts with their probability as a number and a bar. A prediction whose
/// probability is not between 0 and 1 is left out (validation reports it).
#[component]
pub fn Predictions(predictions: Vec<Prediction>) -> impl IntoView {
    let items: Vec<_> = predictions
        .into_iter()
        .filter(Prediction::has_valid_probability)
        .map(|prediction| view! { <PredictionItem prediction/> })
        .collect();
    (!items.is_empty()).then(|| {
        view! {
            <ArticleSection name="predictions" title="Predictions">
                <ul class="prediction-list">{items}</ul>
            </ArticleSection>
        }
    })
}

#[component]
fn PredictionItem(prediction: Prediction) -> impl IntoView {
    let percent = prediction.percent_label();
    let width = format!("{}%", prediction.probability * 100.0);
    let source = prediction.source.map(|source| {
        view! { <span>"Forecast by " <ExternalLink href=prediction.url>{story_text(&source)}</ExternalLink></span> }
    });
    let as_of = prediction
        .as_of
        .map(|iso| view! { <span>"as of " <LocalDate iso/></span> });
    view! {
        <li class="prediction">
            <p class="prediction-question" dir="auto">{story_text(&prediction.question)}</p>
            <p class="prediction-probability">
                <span class="probability-value">{percent}</span>
                // The number says it all for assistive technology; the bar is for the eye.
                <span class="probability-bar" aria-hidden="true">
                    <span class="probability-fill" style:width=width></span>
                </span>
            </p>
            <p class="prediction-meta">{source} {as_of}</p>
        </li>
    }
}

use super::{story_text, ArticleSection, DateZone, ExternalLink, ReadableDate};
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

/// The sparkline's drawing box; the stylesheet sets its size on the page.
const SPARK_WIDTH: f64 = 120.0;
const SPARK_HEIGHT: f64 = 32.0;

#[component]
fn PredictionItem(prediction: Prediction) -> impl IntoView {
    let percent = prediction.percent_label();
    let trend = prediction.trend();
    let width = format!("{:.2}%", prediction.probability * 100.0);
    let source = prediction.source.map(|source| {
        view! { <span>"Forecast by " <ExternalLink href=prediction.url>{story_text(&source)}</ExternalLink></span> }
    });
    // The line is for the eye; the sentence beside it says the same in words.
    let zone = DateZone::current();
    let trend = trend.map(|trend| {
        view! {
            <p class="prediction-trend">
                <svg
                    class="sparkline"
                    viewBox=format!("0 0 {SPARK_WIDTH} {SPARK_HEIGHT}")
                    preserveAspectRatio="none"
                    aria-hidden="true"
                    focusable="false"
                >
                    <polyline points=trend.polyline(SPARK_WIDTH, SPARK_HEIGHT)></polyline>
                </svg>
                <span class="trend-summary">{trend.summary(|at| zone.offset(at))}</span>
            </p>
        }
    });
    let as_of = prediction
        .as_of
        .map(|iso| view! { <span>"as of " <ReadableDate iso/></span> });
    view! {
        <li class="prediction">
            <p class="prediction-question" dir="auto">{story_text(&prediction.question)}</p>
            <p class="prediction-probability">
                <span class="probability-value">{percent}</span>
                // The number says it all for assistive technology; the bar is for the eye,
                // in SVG, whose geometry is markup rather than a style the
                // Content-Security-Policy would refuse in HTML rendered ahead of time.
                <svg class="probability-bar" aria-hidden="true" focusable="false">
                    <rect class="probability-fill" width=width height="100%"></rect>
                </svg>
            </p>
            {trend}
            <p class="prediction-meta">{source} {as_of}</p>
        </li>
    }
}

use super::{story_text, ArticleSection, DateZone, ExternalLink, ReadableDate};
use crate::model::{links, story::percent_label, Forecast, Prediction};
use leptos::{either::Either, prelude::*};

/// Forecasts with their probability as a number and a bar, or, where the forecaster shows
/// the number only on its own page, a link there. A prediction that can show neither is
/// left out (validation reports it).
#[component]
pub fn Predictions(predictions: Vec<Prediction>) -> impl IntoView {
    let items: Vec<_> = predictions
        .into_iter()
        .filter_map(|prediction| {
            Some(match prediction.forecast()? {
                Forecast::Probability(probability) => {
                    Either::Left(view! { <PredictionItem prediction probability/> })
                }
                Forecast::Elsewhere(url) => {
                    let url = url.to_owned();
                    Either::Right(view! { <ForecastElsewhere prediction url/> })
                }
            })
        })
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
fn PredictionItem(prediction: Prediction, probability: f64) -> impl IntoView {
    let percent = percent_label(probability);
    let trend = prediction.trend();
    let width = format!("{:.2}%", probability * 100.0);
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

/// A question whose forecast is on the forecaster's page: the question, and a link there
/// naming the forecaster; no number and no bar, since none was given.
#[component]
fn ForecastElsewhere(prediction: Prediction, url: String) -> impl IntoView {
    let forecaster = prediction
        .source
        .clone()
        .or_else(|| links::host(&url).map(str::to_owned))
        .unwrap_or_default();
    view! {
        <li class="prediction">
            <p class="prediction-question" dir="auto">{story_text(&prediction.question)}</p>
            <p class="prediction-elsewhere">
                <a href=url rel="noopener noreferrer">
                    "See the current forecast at " <bdi>{story_text(&forecaster)}</bdi>
                </a>
            </p>
        </li>
    }
}

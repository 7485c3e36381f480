//! Settings the host page gives at run time, so that one build serves any deployment.

use leptos::prelude::document;

/// The content of `<meta name="{name}" content="…">`, if present and not blank.
pub fn meta_content(name: &str) -> Option<String> {
    let selector = format!("meta[name=\"{name}\"]");
    let meta = document().query_selector(&selector).ok()??;
    let content = meta.get_attribute("content")?;
    let content = content.trim();
    (!content.is_empty()).then(|| content.to_owned())
}

/// Where `stories/` is served from: `<meta name="storyline-data-base">`, else the page's
/// own origin. Never ends in a slash.
pub fn data_base() -> String {
    let base = meta_content("storyline-data-base")
        .or_else(|| document().location()?.origin().ok())
        .unwrap_or_default();
    base.trim_end_matches('/').to_owned()
}

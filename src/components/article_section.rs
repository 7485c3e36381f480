use super::Placement;
use leptos::prelude::*;

/// A titled part of the article. Naming the section by its heading makes it a region
/// that screen-reader users can jump to ("Facts region"). Embedded, a page may hold
/// several stories, so the story's title joins the name ("Facts, Seoul: …").
#[component]
pub fn ArticleSection(
    name: &'static str,
    title: &'static str,
    children: Children,
) -> impl IntoView {
    let heading_id = format!("{name}-heading");
    let labelled_by = match Placement::current() {
        Placement::Page => heading_id.clone(),
        Placement::Embedded { .. } => format!("{heading_id} {STORY_TITLE_ID}"),
    };
    view! {
        <section class=name aria-labelledby=labelled_by>
            <h2 id=heading_id>{title}</h2>
            {children()}
        </section>
    }
}

/// The id of the story's headline, which embedded sections include in their names.
pub const STORY_TITLE_ID: &str = "story-title";

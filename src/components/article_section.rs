use leptos::prelude::*;

/// A titled part of the article. Naming the section by its heading makes it a region
/// that screen-reader users can jump to ("Facts region").
#[component]
pub fn ArticleSection(
    name: &'static str,
    title: &'static str,
    children: Children,
) -> impl IntoView {
    let heading_id = format!("{name}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <section class=name aria-labelledby=labelled_by>
            <h2 id=heading_id>{title}</h2>
            {children()}
        </section>
    }
}

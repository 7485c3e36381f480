use leptos::prelude::*;

/// The site's name, which every document title ends with.
pub const SITE_NAME: &str = "Storyline";

/// "Seoul: … · Storyline": the document title of a page titled `title`.
pub fn document_title(title: &str) -> String {
    format!("{title} · {SITE_NAME}")
}

/// What every page of the site has around its content: a skip link, the site's header,
/// the main region and the footer.
#[component]
pub fn SiteFrame(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <a class="brand" href="/">{SITE_NAME}</a>
        </header>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>"Storyline shows each story fact by fact, with its sources and every side's narrative."</p>
        </footer>
    }
}

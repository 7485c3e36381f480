use crate::{browser::absolute_url, model::StoryFormat};
use leptos::prelude::*;

/// Where an article is shown. The app's own page owns the address bar; a widget on
/// another site's page must leave the host's URL alone and link back to the app.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Placement {
    #[default]
    Page,
    /// Embedded in a host page; `app_base` is the app's URL, ending in `/`.
    Embedded { app_base: String },
}

impl Placement {
    /// The placement provided by the mount, the app's page when none was.
    pub fn current() -> Self {
        use_context().unwrap_or_default()
    }

    /// May components read and write the address bar (fact anchors, back-links)?
    pub fn owns_location(&self) -> bool {
        matches!(self, Self::Page)
    }

    /// A link to a story's page in the app, reading it in `format`: in-app path on the
    /// page, absolute from a widget.
    pub fn story_href(&self, slug: &str, format: StoryFormat) -> String {
        let query = format.query();
        match self {
            Self::Page => format!("/stories/{slug}{query}"),
            Self::Embedded { app_base } => format!("{app_base}stories/{slug}{query}"),
        }
    }

    /// The absolute URL of a story's page, for sharing.
    pub fn story_url(&self, slug: &str, format: StoryFormat) -> String {
        absolute_url(&self.story_href(slug, format))
    }
}

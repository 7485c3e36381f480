//! The article's parts. None of them touches the router, `<head>` or the document title,
//! so they can be mounted on the app's pages and inside a widget on someone else's page,
//! and rendered to HTML ahead of time. Those that respond to the reader are islands
//! (`#[island]`): on a page rendered ahead of time only they are woken in the browser. They
//! are islands only in the builds that render and wake such pages (`ssr`, and `page` or
//! `signup`): an island's waking code is always exported, so the `app` and `widget` builds,
//! which draw everything afresh, take them as plain components and leave that code out.
//! The `widget` build leaves the signup form out too: in a story widget it is only a place
//! (`newsletter_place`) that the `widget-signup` build fills once a reader gets near.

mod article_section;
mod citation;
mod copy_status;
mod external_link;
mod fact_controls;
mod facts;
mod load_error;
mod narratives;
#[cfg(feature = "widget")]
mod newsletter_place;
#[cfg(not(feature = "widget"))]
mod newsletter_signup;
mod placement;
mod predictions;
mod readable_date;
mod related;
mod share_button;
mod skeleton;
mod sources;
mod started;
mod story_article;
mod story_header;
mod story_text;

pub use article_section::ArticleSection;
pub use external_link::ExternalLink;
pub use facts::Facts;
pub use load_error::LoadErrorView;
pub use narratives::Narratives;
#[cfg(feature = "widget")]
pub use newsletter_place::NewsletterSignup;
#[cfg(not(feature = "widget"))]
pub use newsletter_signup::NewsletterSignup;
pub use placement::Placement;
pub use predictions::Predictions;
pub use readable_date::{DateZone, ReadableDate};
pub use related::RelatedStories;
pub use share_button::ShareButton;
pub use skeleton::{ArticleSkeleton, ListSkeleton};
pub use sources::Sources;
pub use started::{is_already_rendered, is_waking, use_started};
pub use story_article::StoryArticle;
pub use story_header::StoryHeader;
pub use story_text::story_text;

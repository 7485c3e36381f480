//! One component per route of the full app, and the frame around them. Pages own the
//! document title and meta description; the components they render never touch `<head>`.

mod frame;
mod home;
mod not_found;
mod story;

pub use frame::{document_title, SiteFrame, SITE_NAME};
pub use home::{Home, HomePage, StoryList, HOME_DESCRIPTION, HOME_TITLE};
pub use not_found::NotFoundPage;
pub use story::StoryPage;

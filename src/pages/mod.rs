//! One component per route of the full app. Pages own the document title and meta
//! description; the components they render never touch `<head>`.

mod home;
mod not_found;
mod story;

pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use story::StoryPage;

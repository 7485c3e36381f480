//! The names the pages of a build and the app's start-up in the browser agree on: the
//! publish step writes them into a page rendered ahead of time, the app reads them there.
//! (`boot/prefetch-story.js` and the tests name them too.)

/// The attribute on `<html>` that marks a page rendered ahead of time.
pub const PRERENDERED_ATTRIBUTE: &str = "data-storyline-prerendered";

/// The id of the `<script type="application/json">` holding what a story page's facts'
/// controls need (`model::citing::Citing`).
pub const CITING_DATA_ID: &str = "storyline-citing";

/// The loader of pages rendered ahead of time, in place of the app shell's own (written by
/// `tools/write-loaders.mjs`): it asks for their code while the page is parsed, and wakes
/// the page once it is.
pub const PAGE_LOADER: &str = "/wake.js";

/// The attribute on `<html>` that says the app has started on the page: every control
/// works from then on (tests and `make bench` wait for it).
pub const LIVE_ATTRIBUTE: &str = "data-storyline-live";

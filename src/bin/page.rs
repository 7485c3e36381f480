//! The `page` build: the module wake.js loads on pages rendered ahead of time, which wakes
//! the article's islands and marks the page live.
use storyline::mount::{islands, live, page_story};

fn main() {
    islands::start(islands::Waking {
        prepare: page_story::provide,
        on_awake: live::mark_live,
    });
}

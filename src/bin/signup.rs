//! The `signup` build: the module wake.js loads when a reader gets near the signup form of
//! a page rendered ahead of time, which wakes the form.
use storyline::mount::islands;

fn main() {
    islands::start(islands::Waking {
        prepare: || true,
        on_awake: || {},
    });
}

//! The `page` build: the module wake.js loads on pages rendered ahead of time.
fn main() {
    storyline::mount::islands::start();
}

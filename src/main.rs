//! The `app` build: the app shell's module (index.html, published as app.html).
fn main() {
    storyline::mount::app::start();
}

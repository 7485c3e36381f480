//! The `widget` build: the stories' module widget.js loads on other sites' pages; it calls
//! the module's `mount_widgets` export.
fn main() {
    storyline::mount::crash::install("[data-storyline-story]");
}

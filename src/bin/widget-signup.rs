//! The `widget-signup` build: the signup forms' module widget.js loads on other sites'
//! pages, for signup widgets and for the form of a story widget a reader gets near; it
//! calls the module's `mount_signups` and `mount_signup_in` exports.
fn main() {
    storyline::mount::crash::install("[data-storyline-signup]");
}

//! Small browser capabilities the components share, one per file.

mod address;
mod clipboard;
mod dom;
mod media;
mod pointer;
mod reveal;
mod session;
mod share;

pub use address::absolute_url;
pub use clipboard::copy_text;
pub use dom::{event_within, field_value, found};
pub use media::matches_media;
pub use pointer::has_fine_hover_pointer;
pub use reveal::{reveal, Scroll};
pub use session::{session_flag, set_session_flag};
pub use share::{share_link, Shared};

//! Small browser capabilities the components share, one per file.

mod clipboard;
mod pointer;
mod reveal;

pub use clipboard::copy_text;
pub use pointer::has_fine_hover_pointer;
pub use reveal::reveal;

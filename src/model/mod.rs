//! The story format and everything derived from it, free of any browser API so that it
//! is tested natively with `cargo test`.

pub mod anchors;
pub mod article;
pub mod citing;
pub mod date;
pub mod forecast;
pub mod form_post;
pub mod format;
pub mod index;
pub mod lean;
pub mod links;
pub mod numbers;
pub mod parse;
pub mod perspective;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
pub mod reading;
pub mod sections;
pub mod signup;
pub mod slug;
pub mod story;
pub mod text;
pub mod verity;

pub use article::{backlink_letter, Article, Citation, Problem};
pub use format::StoryFormat;
pub use index::{StoryIndex, StorySummary};
pub use parse::ParseError;
pub use story::{
    Fact, Forecast, ForecastPoint, Image, Lean, Narrative, Prediction, Related, Source, Story,
};

use crate::model::text::unbroken_runs;
use leptos::{either::Either, prelude::*};

/// A story string as text, with a break opportunity between the pieces of any run too
/// long to lay out quickly (see `unbroken_runs`). `<wbr>` adds no character, so what a
/// reader copies is what the story says.
pub fn story_text(text: &str) -> impl IntoView + use<> {
    let pieces = unbroken_runs(text);
    if pieces.len() == 1 {
        return Either::Left(text.to_owned());
    }
    Either::Right(
        pieces
            .into_iter()
            .enumerate()
            .map(|(i, piece)| view! { {(i > 0).then(|| view! { <wbr/> })} {piece.to_owned()} })
            .collect_view(),
    )
}

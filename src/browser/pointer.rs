use super::matches_media;

/// True on devices whose main pointer can hover precisely (a mouse or trackpad), where
/// hover previews help; touch screens would show them on every tap.
pub fn has_fine_hover_pointer() -> bool {
    matches_media("(hover: hover) and (pointer: fine)")
}

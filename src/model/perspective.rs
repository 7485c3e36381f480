//! The documented narrative perspectives, each shown with its own colour and mark (the
//! stylesheet draws both from `data-perspective`). Any other label ("Pro-Ukraine",
//! "Anti-war") is a free label, shown as neutral.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Perspective {
    Left,
    Right,
    ProEstablishment,
    EstablishmentCritical,
    Neutral,
}

impl Perspective {
    /// Read loosely: case, spaces for hyphens and a trailing "narrative" do not matter.
    pub fn of(perspective: Option<&str>) -> Self {
        let Some(text) = perspective else {
            return Self::Neutral;
        };
        let text = text.trim().to_ascii_lowercase().replace(' ', "-");
        match text.trim_end_matches("-narrative") {
            "left" => Self::Left,
            "right" => Self::Right,
            "pro-establishment" => Self::ProEstablishment,
            "establishment-critical" => Self::EstablishmentCritical,
            _ => Self::Neutral,
        }
    }

    /// The token in class names and `data-perspective`, as documented.
    pub fn key(self) -> &'static str {
        match self {
            Self::Left => "left",
            Self::Right => "right",
            Self::ProEstablishment => "pro-establishment",
            Self::EstablishmentCritical => "establishment-critical",
            Self::Neutral => "neutral",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Perspective;

    #[test]
    fn documented_perspectives_are_read_loosely_and_others_are_neutral() {
        assert_eq!(Perspective::of(Some("left")), Perspective::Left);
        assert_eq!(
            Perspective::of(Some(" Right narrative")),
            Perspective::Right
        );
        assert_eq!(
            Perspective::of(Some("Pro establishment")),
            Perspective::ProEstablishment
        );
        assert_eq!(
            Perspective::of(Some("establishment-critical")),
            Perspective::EstablishmentCritical
        );
        assert_eq!(Perspective::of(Some("Pro-Ukraine")), Perspective::Neutral);
        assert_eq!(Perspective::of(None), Perspective::Neutral);
        assert_eq!(Perspective::of(Some("left-ish")).key(), "neutral");
    }
}

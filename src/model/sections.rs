//! Which parts of a story an embed shows (`data-sections="facts,narratives"`).

/// The parts of an article below its header. Sources come with the facts, since the
/// facts' citations point at them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sections {
    pub facts: bool,
    pub narratives: bool,
    pub predictions: bool,
    pub signup: bool,
    pub related: bool,
}

impl Default for Sections {
    fn default() -> Self {
        Self {
            facts: true,
            narratives: true,
            predictions: true,
            signup: true,
            related: true,
        }
    }
}

impl Sections {
    pub const NAMES: [&'static str; 5] =
        ["facts", "narratives", "predictions", "signup", "related"];

    /// A comma- or space-separated list of names; blank means everything.
    pub fn parse(list: &str) -> Result<Self, String> {
        let names: Vec<&str> = list
            .split([',', ' '])
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .collect();
        if names.is_empty() {
            return Ok(Self::default());
        }
        let mut sections = Self {
            facts: false,
            narratives: false,
            predictions: false,
            signup: false,
            related: false,
        };
        for name in names {
            let flag = match name.to_ascii_lowercase().as_str() {
                "facts" => &mut sections.facts,
                "narratives" => &mut sections.narratives,
                "predictions" => &mut sections.predictions,
                "signup" => &mut sections.signup,
                "related" => &mut sections.related,
                _ => {
                    return Err(format!(
                        "unknown section \"{name}\" in data-sections (known: {})",
                        Self::NAMES.join(", ")
                    ))
                }
            };
            *flag = true;
        }
        Ok(sections)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_means_everything() {
        assert_eq!(Sections::parse(""), Ok(Sections::default()));
        assert_eq!(Sections::parse(" , "), Ok(Sections::default()));
    }

    #[test]
    fn names_pick_sections_in_any_case_and_separator() {
        let sections = Sections::parse("facts, Predictions signup").unwrap();
        assert!(sections.facts && sections.predictions && sections.signup);
        assert!(!sections.narratives && !sections.related);
    }

    #[test]
    fn an_unknown_name_is_named_in_the_error() {
        let error = Sections::parse("facts,comments").unwrap_err();
        assert!(
            error.contains("\"comments\"") && error.contains("facts, narratives"),
            "{error}"
        );
    }
}

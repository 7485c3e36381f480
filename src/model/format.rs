//! The shapes of story JSON Storyline reads: its own format v1, and Verity's API shape
//! for publishers whose stories come from there. The address (`?format=verity`) or the
//! embed (`data-format="verity"`) says which.

use super::{parse::parse_json, verity::parse_verity, ParseError, Story};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StoryFormat {
    #[default]
    V1,
    Verity,
}

impl StoryFormat {
    /// The format a name asks for, blank meaning v1; an unknown name is refused with what
    /// to write instead, since guessing would show the wrong story or a misleading error.
    pub fn named(name: &str) -> Result<Self, String> {
        match name.trim().to_ascii_lowercase().as_str() {
            "" | "v1" => Ok(Self::V1),
            "verity" => Ok(Self::Verity),
            _ => Err(format!(
                "\"{}\" is not a story format Storyline reads; use \"v1\" (the default) or \"verity\".",
                name.trim()
            )),
        }
    }

    /// The story in `text`, its strings cleaned (`text::clean`) however it arrived.
    pub fn read(self, text: &str) -> Result<Story, ParseError> {
        let mut story = match self {
            Self::V1 => parse_json::<Story>(text),
            Self::Verity => parse_verity(text),
        }?;
        story.clean_text();
        Ok(story)
    }

    /// What a link to a story in this format adds to its address, so that the link reads
    /// it the same way.
    pub fn query(self) -> &'static str {
        match self {
            Self::V1 => "",
            Self::Verity => "?format=verity",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::StoryFormat;

    #[test]
    fn formats_are_named_loosely_and_unknown_names_refused() {
        assert_eq!(StoryFormat::named(""), Ok(StoryFormat::V1));
        assert_eq!(StoryFormat::named(" V1 "), Ok(StoryFormat::V1));
        assert_eq!(StoryFormat::named("Verity"), Ok(StoryFormat::Verity));
        assert_eq!(
            StoryFormat::named("rss"),
            Err("\"rss\" is not a story format Storyline reads; use \"v1\" (the default) or \"verity\".".into())
        );
    }

    #[test]
    fn links_keep_the_format_they_were_read_in() {
        assert_eq!(StoryFormat::V1.query(), "");
        assert_eq!(StoryFormat::Verity.query(), "?format=verity");
    }

    #[test]
    fn each_format_reads_its_own_shape_and_refuses_the_other() {
        let v1 =
            include_str!("../../public/stories/river-valley-water-board-adopts-drought-plan.json");
        let verity = include_str!("../../public/stories/verity-sample.json");
        assert!(StoryFormat::V1.read(v1).is_ok());
        assert!(StoryFormat::Verity.read(verity).is_ok());
        assert_eq!(
            StoryFormat::Verity.read(v1).unwrap_err().to_string(),
            "facts[0]: missing field `title`"
        );
        assert!(StoryFormat::V1.read(verity).is_err());
    }
}

//! From untrusted text to typed data, with errors that name where the problem is.

use serde::de::DeserializeOwned;
use std::fmt;

/// Why a JSON document could not be read: `path` is where in the document (as in
/// `facts[3].sources`), absent when the text is not JSON at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub path: Option<String>,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(path) => write!(f, "{path}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ParseError {}

/// Parses a JSON document, tolerating a leading byte-order mark that some editors write.
/// Every document of the format is an object; serde would otherwise accept an array as
/// a struct's fields in order and report a baffling type error.
pub fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with('[') {
        return Err(ParseError {
            path: None,
            message: "expected an object, found a list".into(),
        });
    }
    let deserializer = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            return ParseError {
                path: None,
                message: format!("not valid JSON ({inner})"),
            };
        }
        // The path already says where; the line and column add nothing for a reader.
        let position = format!(" at line {} column {}", inner.line(), inner.column());
        let message = inner.to_string();
        ParseError {
            // The root path prints as ".", which tells a reader nothing.
            path: (path != ".").then_some(path),
            message: message
                .strip_suffix(&position)
                .unwrap_or(&message)
                .to_owned(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Story;

    fn error_of(text: &str) -> String {
        parse_json::<Story>(text).unwrap_err().to_string()
    }

    const MINIMAL: &str = r#"{"slug":"s","title":"T","published_at":"2024-10-18T09:00:00Z",
        "sources":[{"id":"a","outlet":"A"}],"facts":[{"text":"F","sources":["a"]}]}"#;

    #[test]
    fn minimal_story_parses_with_empty_optional_lists() {
        let story: Story = parse_json(MINIMAL).unwrap();
        assert_eq!(story.title, "T");
        assert!(story.narratives.is_empty() && story.predictions.is_empty());
        assert!(story.related.is_empty() && story.topics.is_empty());
        assert_eq!(story.image, None);
    }

    #[test]
    fn unknown_fields_are_ignored_and_null_lists_are_empty() {
        let text = MINIMAL.replacen('{', r#"{"future_field":{"x":1},"narratives":null,"#, 1);
        let story: Story = parse_json(&text).unwrap();
        assert!(story.narratives.is_empty());
    }

    #[test]
    fn byte_order_mark_is_tolerated() {
        assert!(parse_json::<Story>(&format!("\u{feff}{MINIMAL}")).is_ok());
    }

    #[test]
    fn missing_field_is_reported_with_its_path() {
        let text = MINIMAL.replace(r#""text":"F","#, "");
        assert_eq!(error_of(&text), "facts[0]: missing field `text`");
        let text = MINIMAL.replace(r#""title":"T","#, "");
        assert_eq!(error_of(&text), "missing field `title`");
    }

    #[test]
    fn wrong_type_is_reported_with_its_path() {
        let text = MINIMAL.replace(r#"["a"]"#, r#"["a", 7]"#);
        assert_eq!(
            error_of(&text),
            "facts[0].sources[1]: invalid type: integer `7`, expected a string"
        );
    }

    #[test]
    fn array_instead_of_object_says_what_was_expected() {
        assert_eq!(error_of(" [1,2]"), "expected an object, found a list");
        assert_eq!(
            error_of("42"),
            "invalid type: integer `42`, expected a story object"
        );
    }

    #[test]
    fn broken_json_says_it_is_not_json_and_where() {
        let message = error_of(r#"{"slug": "s","#);
        assert!(message.starts_with("not valid JSON"), "{message}");
        assert!(message.contains("line 1"), "{message}");
        assert!(error_of("").starts_with("not valid JSON"));
        assert!(error_of("<!doctype html><html>").starts_with("not valid JSON"));
    }
}

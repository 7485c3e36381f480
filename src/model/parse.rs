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
    serde_json::from_str(text).map_err(|error: serde_json::Error| {
        if error.is_syntax() || error.is_eof() {
            return ParseError {
                path: None,
                message: format!("not valid JSON ({error})"),
            };
        }
        // The path says where; the line and column add nothing for a reader.
        let position = format!(" at line {} column {}", error.line(), error.column());
        let message = error.to_string();
        let path = path_at(text, offset_of(text, error.line(), error.column()));
        ParseError {
            path: (!path.is_empty()).then_some(path),
            message: message
                .strip_suffix(&position)
                .unwrap_or(&message)
                .to_owned(),
        }
    })
}

/// The byte offset of serde_json's 1-based line and byte column: where it stopped reading.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = match line {
        0 | 1 => 0,
        _ => text
            .match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(newline, _)| newline + 1),
    };
    (line_start + column).min(text.len())
}

/// Where in a JSON document reading stopped at `offset`, as a reader would look for it:
/// `facts[3].sources[1]`, or empty at the top level. serde_json only gives a line and a
/// column; walking the text up to there recovers the path without tracking it during
/// deserialization, which would multiply the deserializer's code in the wasm.
fn path_at(text: &str, offset: usize) -> String {
    enum Frame {
        Object { key: Option<String> },
        Array { index: usize, started: bool },
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut expecting_key = false;
    let mut chars = text.get(..offset).unwrap_or(text).chars();
    while let Some(c) = chars.next() {
        if c.is_whitespace() || c == ':' {
            continue;
        }
        if let Some(Frame::Array { started, .. }) = stack.last_mut() {
            if !matches!(c, ',' | ']') {
                *started = true;
            }
        }
        match c {
            '{' => {
                stack.push(Frame::Object { key: None });
                expecting_key = true;
            }
            '[' => stack.push(Frame::Array {
                index: 0,
                started: false,
            }),
            '}' | ']' => {
                stack.pop();
                expecting_key = false;
            }
            ',' => match stack.last_mut() {
                Some(Frame::Object { key }) => {
                    *key = None;
                    expecting_key = true;
                }
                Some(Frame::Array { index, started }) => {
                    *index += 1;
                    *started = false;
                }
                None => {}
            },
            '"' => {
                let mut string = String::new();
                let mut escaped = false;
                for c in chars.by_ref() {
                    match (escaped, c) {
                        (false, '"') => break,
                        (false, '\\') => escaped = true,
                        _ => {
                            string.push(c);
                            escaped = false;
                        }
                    }
                }
                if let (true, Some(Frame::Object { key })) = (expecting_key, stack.last_mut()) {
                    *key = Some(string);
                    expecting_key = false;
                }
            }
            _ => {}
        }
    }
    // serde_json stops just before a list or object it cannot take as an element, which
    // the walk above has therefore not counted as started.
    let next = text
        .get(offset..)
        .unwrap_or_default()
        .trim_start()
        .chars()
        .next();
    if let (Some('[' | '{'), Some(Frame::Array { started, .. })) = (next, stack.last_mut()) {
        *started = true;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key) } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Array {
                index,
                started: true,
            } => path.push_str(&format!("[{index}]")),
            _ => {}
        }
    }
    path
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
    fn paths_are_found_in_pretty_printed_nested_documents() {
        let pretty = r#"{
  "slug": "s", "title": "T \"quoted\" [not a list] {nor an object}",
  "published_at": "2024-10-18T09:00:00Z",
  "sources": [{"id": "a", "outlet": "A"}, {"id": "b", "outlet": 5}],
  "facts": [{"text": "F", "sources": ["a"]}]
}"#;
        assert_eq!(
            error_of(pretty),
            "sources[1].outlet: invalid type: integer `5`, expected a string"
        );
        let text = MINIMAL.replace(r#""facts":"#, r#""image":{"src":5},"facts":"#);
        assert_eq!(
            error_of(&text),
            "image.src: invalid type: integer `5`, expected a string"
        );
        let text = MINIMAL.replace(r#""facts":"#, r#""image":[1],"facts":"#);
        // serde reads a list as a struct's fields in order, so the error is in the list.
        assert_eq!(
            error_of(&text),
            "image[0]: invalid type: integer `1`, expected a string"
        );
        let text = MINIMAL.replace(
            r#"{"text":"F","sources":["a"]}"#,
            r#"{"text":"F","sources":["a"]},{"sources":["a"]}"#,
        );
        assert_eq!(error_of(&text), "facts[1]: missing field `text`");
        let text = MINIMAL.replace(r#"["a"]"#, r#"["a", ["b"]]"#);
        assert!(
            error_of(&text).starts_with("facts[0].sources[1]: invalid type: sequence"),
            "{}",
            error_of(&text)
        );
        let text = MINIMAL.replace(r#""facts":"#, r#""topics":["x", {"y": 1}],"facts":"#);
        assert!(error_of(&text).starts_with("topics[1]: invalid type: map"));
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

//! JSON inside a `<script>` element (the page's story, its JSON-LD). The HTML parser
//! reads a script's content as raw text up to the first `</script`, and a `<!--` in it
//! changes how it looks for that end; U+2028 and U+2029 end lines in older JavaScript.
//! Writing `<`, `>`, `&` and both separators as `\u` escapes, which JSON reads back as
//! the same characters, leaves nothing in the text the HTML parser could act on.

use serde::Serialize;

pub fn script_json(value: &impl Serialize) -> String {
    // Serialising the story's own types and serde_json values cannot fail.
    let json = serde_json::to_string(value).unwrap_or_default();
    // These characters can appear only inside JSON strings, where an escape means the same.
    let mut safe = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => safe.push_str("\\u003c"),
            '>' => safe.push_str("\\u003e"),
            '&' => safe.push_str("\\u0026"),
            '\u{2028}' => safe.push_str("\\u2028"),
            '\u{2029}' => safe.push_str("\\u2029"),
            c => safe.push(c),
        }
    }
    safe
}

#[cfg(test)]
mod tests {
    use super::script_json;

    #[test]
    fn nothing_in_the_text_can_end_or_bend_the_script_element() {
        let hostile =
            "</script><script>alert(1)</script> <!-- x --> </SCRIPT \u{2028}\u{2029} & \\</";
        let written = script_json(&vec![hostile]);
        for needle in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
            assert!(!written.contains(needle), "{needle:?} in {written}");
        }
        let read: Vec<String> = serde_json::from_str(&written).unwrap();
        assert_eq!(read, vec![hostile.to_owned()]);
    }
}

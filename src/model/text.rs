//! Story text as it is read and as it is laid out.

/// Removes from `text` what no story means readers to see and what HTML and XML cannot
/// carry: control characters other than tab and newline (a NUL cannot be written in HTML
/// at all, and no C0 control but those may appear in an XML feed) and the noncharacters
/// U+FFFE and U+FFFF. Line ends become `\n`, as an HTML parser would make them. Applied
/// to every story string as it is read, so a story reads the same drawn by the app,
/// rendered ahead of time, in the feed and in its JSON-LD.
pub fn clean(text: &mut String) {
    let unwanted = |c: char| matches!(c, '\0'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}' | '\u{fffe}' | '\u{ffff}');
    if !text.contains(unwanted) {
        return;
    }
    let mut cleaned = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' => cleaned.push('\n'),
            c if unwanted(c) => {}
            c => cleaned.push(c),
        }
    }
    *text = cleaned;
}

/// Longer runs without a space than any real word or link.
const LONGEST_WORD: usize = 200;

/// `text` cut into pieces such that no piece holds a run of more than `LONGEST_WORD`
/// characters without whitespace in a script shaped as a whole (Arabic, Hebrew, the
/// Indic scripts and beyond); a single piece for every ordinary string. Browsers shape
/// such a run in time that grows with its square (100,000 joined Arabic letters hold
/// the page for seconds), while a break opportunity between pieces keeps each run
/// short. Latin, Greek and Cyrillic lay out in linear time and are left whole, which
/// spares a 10 MB string of them tens of thousands of nodes. Cuts avoid splitting a
/// letter from the marks and joiners that belong to it.
pub fn unbroken_runs(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut piece_start = 0;
    let mut run = 0;
    let mut shaped_as_whole = false;
    let mut previous = ' ';
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            run = 0;
            shaped_as_whole = false;
        } else {
            shaped_as_whole |= c >= '\u{0590}';
            if shaped_as_whole && run >= LONGEST_WORD && starts_a_character(previous, c) {
                pieces.push(&text[piece_start..at]);
                piece_start = at;
                run = 0;
            }
            run += 1;
        }
        previous = c;
    }
    pieces.push(&text[piece_start..]);
    pieces
}

/// Whether `c` begins a new user-perceived character after `previous`: not a combining
/// mark, joiner, variation selector or the second half of a flag.
fn starts_a_character(previous: char, c: char) -> bool {
    let attached = matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0903 | 0x093A..=0x094F
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0x1F1E6..=0x1F1FF
        | 0xE0000..=0xE01EF);
    !attached && previous != '\u{200D}'
}

#[cfg(test)]
mod tests {
    use super::{clean, unbroken_runs, LONGEST_WORD};

    #[test]
    fn control_characters_go_and_line_ends_become_newlines() {
        let mut text = "a\0b\u{7}c\u{1b}[31m\r\nd\re\tf\u{85}g\u{202e}h\u{ffff}".to_owned();
        clean(&mut text);
        assert_eq!(text, "abc[31m\nd\ne\tf\u{85}g\u{202e}h");
        let mut plain = "Nothing to clean.\n".to_owned();
        clean(&mut plain);
        assert_eq!(plain, "Nothing to clean.\n");
    }

    #[test]
    fn ordinary_text_stays_whole() {
        let text = "North Korea has sent troops to Russia, https://example.com/a/long/path.";
        assert_eq!(unbroken_runs(text), vec![text]);
        assert_eq!(unbroken_runs(""), vec![""]);
        let spaced = format!("{} {}", "ب".repeat(LONGEST_WORD), "ب".repeat(LONGEST_WORD));
        assert_eq!(unbroken_runs(&spaced), vec![spaced.as_str()]);
        let latin = "H".repeat(100 * LONGEST_WORD);
        assert_eq!(unbroken_runs(&latin), vec![latin.as_str()]);
    }

    #[test]
    fn a_very_long_word_is_cut_into_runs_that_join_back() {
        let word = "ب".repeat(1000);
        let pieces = unbroken_runs(&word);
        assert_eq!(pieces.len(), 5);
        assert!(pieces.iter().all(|p| p.chars().count() == LONGEST_WORD));
        assert_eq!(pieces.concat(), word);
    }

    #[test]
    fn cuts_keep_marks_and_joiners_with_their_letter() {
        let word = "ب\u{64e}".repeat(300);
        let pieces = unbroken_runs(&word);
        assert!(pieces.len() > 1);
        assert!(
            pieces.iter().skip(1).all(|p| p.starts_with('ب')),
            "{pieces:?}"
        );
        let family = "👩\u{200D}👧".repeat(200);
        let pieces = unbroken_runs(&family);
        assert!(
            pieces.iter().skip(1).all(|p| p.starts_with('👩')),
            "{pieces:?}"
        );
        assert_eq!(pieces.concat(), family);
    }
}

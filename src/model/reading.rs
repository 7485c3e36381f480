//! How long a story takes to read, for the header.

use super::Story;

/// Adults read news prose at around 230 words a minute.
const WORDS_PER_MINUTE: usize = 230;

impl Story {
    /// Whole minutes to read what the page shows as prose (headline, teaser, facts,
    /// narratives, predictions), at least one.
    pub fn reading_minutes(&self) -> usize {
        let words = |text: &str| text.split_whitespace().count();
        let total = words(&self.title)
            + self.teaser.as_deref().map_or(0, words)
            + self.facts.iter().map(|f| words(&f.text)).sum::<usize>()
            + self
                .narratives
                .iter()
                .map(|n| words(&n.text))
                .sum::<usize>()
            + self
                .predictions
                .iter()
                .map(|p| words(&p.question))
                .sum::<usize>();
        total.div_ceil(WORDS_PER_MINUTE).max(1)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::parse::parse_json;
    use crate::model::Story;

    fn story(facts: usize, words_each: usize) -> Story {
        let text = vec!["word"; words_each].join(" ");
        let facts: Vec<String> = (0..facts)
            .map(|_| format!(r#"{{"text":"{text}","sources":[]}}"#))
            .collect();
        parse_json(&format!(
            r#"{{"slug":"s","title":"Two words","published_at":"2024-10-18","sources":[],"facts":[{}]}}"#,
            facts.join(",")
        ))
        .unwrap()
    }

    #[test]
    fn minutes_round_up_and_never_say_zero() {
        assert_eq!(story(0, 0).reading_minutes(), 1);
        assert_eq!(story(2, 114).reading_minutes(), 1); // 230 words
        assert_eq!(story(2, 115).reading_minutes(), 2); // 232 words
        assert_eq!(story(10, 100).reading_minutes(), 5);
    }

    #[test]
    fn the_seed_story_reads_in_a_few_minutes() {
        let seed: Story = parse_json(include_str!(
            "../../public/stories/seoul-n-korean-troops-arrive-in-russia-to-fight-ukraine.json"
        ))
        .unwrap();
        assert!(
            (2..=6).contains(&seed.reading_minutes()),
            "{}",
            seed.reading_minutes()
        );
    }
}

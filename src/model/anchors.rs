//! Stable in-page anchors, so links to a single fact survive reloads and sharing.

/// The element id of fact `number` (from 1): `fact-3`.
pub fn fact_id(number: usize) -> String {
    format!("fact-{number}")
}

/// The fact number a URL fragment points at: `#fact-3` → 3.
pub fn fact_number(fragment: &str) -> Option<usize> {
    let digits = fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
        .strip_prefix("fact-")?;
    if digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fact_anchors_round_trip() {
        assert_eq!(fact_id(3), "fact-3");
        assert_eq!(fact_number("#fact-3"), Some(3));
        assert_eq!(fact_number("fact-12"), Some(12));
    }

    #[test]
    fn other_fragments_are_not_facts() {
        for other in [
            "",
            "#",
            "#fact-",
            "#fact-0",
            "#fact-03",
            "#fact-3a",
            "#fact--3",
            "#source-3",
            "#fact-99999999999999999999999",
        ] {
            assert_eq!(fact_number(other), None, "{other:?}");
        }
    }
}

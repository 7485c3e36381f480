//! Slugs become URL path segments and file names, so only a safe alphabet is accepted.

/// Lowercase ASCII letters, digits and single inner hyphens, at most 200 characters.
pub fn is_valid(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 200
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    #[test]
    fn accepts_plain_slugs() {
        assert!(is_valid(
            "seoul-n-korean-troops-arrive-in-russia-to-fight-ukraine"
        ));
        assert!(is_valid("a1"));
    }

    #[test]
    fn rejects_anything_that_could_escape_a_path_or_url() {
        for bad in [
            "", "../index", "a/b", "a.json", "A", "a b", "-a", "a-", "a--b", "é", "a?x",
        ] {
            assert!(!is_valid(bad), "{bad:?}");
        }
        assert!(!is_valid(&"a".repeat(201)));
    }
}

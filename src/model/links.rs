//! Which strings from a story may become links. Only absolute `http:` and `https:` URLs
//! do; everything else (`javascript:`, `data:`, relative paths, obfuscated schemes) is
//! shown as text by the components.

/// The URL to put in an `href`, if `raw` is an absolute http(s) URL. Surrounding
/// whitespace is trimmed; any whitespace or control character inside disqualifies it,
/// because browsers strip some of those and a scheme could hide behind them.
pub fn http_url(raw: &str) -> Option<&str> {
    let url = raw.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let has_http_scheme = lower.starts_with("http://") || lower.starts_with("https://");
    let host_present = url
        .split_once("//")
        .is_some_and(|(_, rest)| !rest.is_empty() && !rest.starts_with(['/', '?', '#']));
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    (has_http_scheme && host_present && clean).then_some(url)
}

/// The host of an http(s) URL (`www.metaculus.com`), to name a site in a link.
pub fn host(url: &str) -> Option<&str> {
    let rest = http_url(url)?.split_once("//")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    Some(host.split(':').next().unwrap_or(host))
}

/// The URL to put in an image's `src`: an absolute http(s) URL, or a path on this site
/// (`/stories/images/map.svg`), which is how the publish step writes a story's own images
/// so that its pages show them on whatever address they are served from.
pub fn image_src(raw: &str) -> Option<&str> {
    http_url(raw).or_else(|| {
        let path = raw.trim();
        (path.starts_with('/') && is_relative_path(path)).then_some(path)
    })
}

/// A path such as `images/map.svg` or `/img/a.png` that has no scheme of its own, so it
/// can be resolved against the URL of the document it came from.
pub fn is_relative_path(raw: &str) -> bool {
    let path = raw.trim();
    let clean = !path.chars().any(|c| c.is_whitespace() || c.is_control());
    // A scheme is letters, digits, "+", "-" or "." before the first ":" that precedes any
    // "/", "?" or "#"; browsers would honour it, so such a string is not a plain path.
    let before_colon = path.split([':', '/', '?', '#']).next().unwrap_or_default();
    let has_scheme = path[before_colon.len()..].starts_with(':');
    // Browsers read "\\" as "/" in http(s) URLs, so "/\\host/x" would name another host.
    clean && !path.is_empty() && !has_scheme && !path.starts_with("//") && !path.contains('\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_names_its_host() {
        assert_eq!(
            host("https://www.metaculus.com/questions/1/"),
            Some("www.metaculus.com")
        );
        assert_eq!(host("http://user@example.org:8080?q"), Some("example.org"));
        assert_eq!(host("javascript:alert(1)"), None);
    }

    #[test]
    fn images_may_also_be_paths_on_this_site() {
        assert_eq!(
            image_src("https://a.example/x.png"),
            Some("https://a.example/x.png")
        );
        assert_eq!(
            image_src(" /stories/images/map.svg "),
            Some("/stories/images/map.svg")
        );
        assert_eq!(image_src("images/map.svg"), None);
        assert_eq!(image_src("//evil.example/x.png"), None);
        assert_eq!(image_src("/\\evil.example/x.png"), None);
        assert_eq!(image_src("javascript:alert(1)"), None);
        assert_eq!(image_src("data:image/png;base64,AAAA"), None);
    }

    #[test]
    fn http_and_https_urls_become_links() {
        assert_eq!(
            http_url("https://www.nbcnews.com/a"),
            Some("https://www.nbcnews.com/a")
        );
        assert_eq!(
            http_url("  http://example.com "),
            Some("http://example.com")
        );
        assert_eq!(
            http_url("HTTPS://EXAMPLE.COM/X"),
            Some("HTTPS://EXAMPLE.COM/X")
        );
    }

    #[test]
    fn other_schemes_and_tricks_do_not() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "https:example.com",
            "https:///path",
            "https://",
            "http://exa mple.com",
            "http://example.com/\u{0}",
            "//example.com/protocol-relative",
            "/relative/path",
            "example.com",
            "",
        ] {
            assert_eq!(http_url(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn relative_paths_are_told_from_urls_with_schemes() {
        assert!(is_relative_path("images/map.svg"));
        assert!(is_relative_path("/images/map.svg"));
        assert!(is_relative_path("../map.svg?v=2#x"));
        assert!(is_relative_path("a/b:c.png"));
        for not_relative in [
            "https://example.com/a.png",
            "javascript:alert(1)",
            "data:image/png;base64,AAAA",
            "//evil.example/a.png",
            "\\\\evil\\a.png",
            "/\\evil.example/a.png",
            "images\\map.svg",
            "im age.png",
            "",
        ] {
            assert!(!is_relative_path(not_relative), "{not_relative:?}");
        }
    }
}

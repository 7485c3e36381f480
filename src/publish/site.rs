//! The site's public address, which every absolute URL the publish step writes starts
//! with: canonical links, link previews, the feed, the sitemap.

use std::fmt;
use url::Url;

/// Where the build looks for the address, and what it uses without one.
pub const SITE_URL_VARIABLE: &str = "STORYLINE_SITE_URL";
pub const DEFAULT_SITE_URL: &str = "http://127.0.0.1:8080";

/// An http(s) origin such as `https://news.example.org`. The app's routes start at the
/// root of its origin, so an address with a path is refused rather than half-used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteUrl(Url);

impl SiteUrl {
    pub fn parse(text: &str) -> Result<Self, String> {
        let url = Url::parse(text.trim())
            .map_err(|error| format!("\"{}\" is not a URL ({error})", text.trim()))?;
        if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
            return Err(format!("\"{url}\" is not an http(s) address"));
        }
        if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
            return Err(format!(
                "\"{url}\" has a path; Storyline is served from the root of its origin, so give the origin alone, such as {}",
                url.origin().ascii_serialization()
            ));
        }
        Ok(Self(url))
    }

    /// The absolute URL of `path` on the site (a path such as `/stories/a`, or a URL,
    /// which is left as it is).
    pub fn absolute(&self, path: &str) -> String {
        self.0
            .join(path)
            .map(String::from)
            .unwrap_or_else(|_| path.to_owned())
    }

    /// The address of the story page for `slug`.
    pub fn story(&self, slug: &str) -> String {
        self.absolute(&format!("/stories/{slug}"))
    }

    /// `path` resolved against the story file `stories/{slug}.json`, as the app resolves a
    /// story's relative image paths: a path on this site (`/stories/images/map.svg`), so
    /// that pages show the image wherever they are served from.
    pub fn story_relative(&self, slug: &str, path: &str) -> String {
        self.0
            .join(&format!("/stories/{slug}.json"))
            .and_then(|story| story.join(path.trim()))
            .map(|url| match url.query() {
                Some(query) => format!("{}?{query}", url.path()),
                None => url.path().to_owned(),
            })
            .unwrap_or_else(|_| path.to_owned())
    }
}

impl fmt::Display for SiteUrl {
    /// The origin, without the trailing slash.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str().trim_end_matches('/'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_origin_is_taken_and_a_path_or_other_scheme_refused() {
        let site = SiteUrl::parse(" https://news.example.org/ ").unwrap();
        assert_eq!(site.to_string(), "https://news.example.org");
        assert_eq!(site.story("a-b"), "https://news.example.org/stories/a-b");
        assert!(SiteUrl::parse("https://news.example.org/news/")
            .unwrap_err()
            .contains("give the origin alone, such as https://news.example.org"));
        assert!(SiteUrl::parse("ftp://news.example.org").is_err());
        assert!(SiteUrl::parse("news.example.org").is_err());
        assert!(SiteUrl::parse(DEFAULT_SITE_URL).is_ok());
    }

    #[test]
    fn story_images_resolve_against_the_story_file_and_stay_on_the_site() {
        let site = SiteUrl::parse("https://news.example.org").unwrap();
        assert_eq!(
            site.story_relative("a", "images/map.svg"),
            "/stories/images/map.svg"
        );
        assert_eq!(
            site.story_relative("a", "../img/x.png?v=2"),
            "/img/x.png?v=2"
        );
        assert_eq!(site.story_relative("a", "/img/x.png"), "/img/x.png");
        assert_eq!(
            site.absolute("/stories/images/map.svg"),
            "https://news.example.org/stories/images/map.svg"
        );
        assert_eq!(
            site.absolute("https://cdn.example/x.png"),
            "https://cdn.example/x.png"
        );
    }
}

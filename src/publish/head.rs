//! What each page says about itself in `<head>`, for readers' tabs, search engines, link
//! previews (Open Graph, Twitter cards) and feed readers. Story strings are untrusted:
//! each goes through the escaping of the place it lands in.

use super::json_ld::news_article;
use super::script_json::script_json;
use super::SiteUrl;
use crate::model::{date, links, Article};
use crate::pages::{document_title, HOME_DESCRIPTION, HOME_TITLE, SITE_NAME};
use html_escape::{encode_double_quoted_attribute, encode_text};
use std::fmt::Write;

/// Where the publish step writes the feed, linked from every page's head.
pub const FEED_PATH: &str = "/feed.xml";

/// Tags in the order they are written.
#[derive(Default)]
struct Head(String);

impl Head {
    fn title(&mut self, title: &str) {
        let _ = write!(
            self.0,
            "<title>{}</title>",
            encode_text(&document_title(title))
        );
    }

    /// `<meta {key}="{name}" content="{content}">`; Open Graph names go in `property`.
    fn meta(&mut self, key: &str, name: &str, content: &str) {
        let _ = write!(
            self.0,
            "<meta {key}=\"{name}\" content=\"{}\">",
            encode_double_quoted_attribute(content)
        );
    }

    fn link(&mut self, rel: &str, href: &str) {
        let _ = write!(
            self.0,
            "<link rel=\"{rel}\" href=\"{}\">",
            encode_double_quoted_attribute(href)
        );
    }

    /// What a page of the site always says: its description, address and site name.
    fn page(&mut self, description: &str, url: &str, kind: &str) {
        self.meta("name", "description", description);
        self.link("canonical", url);
        self.meta("property", "og:type", kind);
        self.meta("property", "og:site_name", SITE_NAME);
        self.meta("property", "og:url", url);
        self.meta("property", "og:description", description);
        self.meta("name", "twitter:description", description);
    }
}

/// The head of a story's page.
pub fn story_head(article: &Article, site: &SiteUrl) -> String {
    let story = &article.story;
    let url = site.story(&story.slug);
    let mut head = Head::default();
    head.title(&story.title);
    head.page(story.description(), &url, "article");
    head.meta("property", "og:title", &story.title);
    head.meta("name", "twitter:title", &story.title);
    let image = story
        .image
        .as_ref()
        .filter(|image| links::image_src(&image.src).is_some());
    head.meta(
        "name",
        "twitter:card",
        if image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        },
    );
    if let Some(image) = image {
        let src = site.absolute(image.src.trim());
        head.meta("property", "og:image", &src);
        head.meta("property", "og:image:alt", &image.alt);
        head.meta("name", "twitter:image", &src);
        head.meta("name", "twitter:image:alt", &image.alt);
    }
    let published = Some(&story.published_at).filter(|at| date::is_valid(at));
    let modified = story
        .updated_at
        .as_ref()
        .filter(|at| date::is_valid(at))
        .or(published);
    if let Some(published) = published {
        head.meta("property", "article:published_time", published);
    }
    if let Some(modified) = modified {
        head.meta("property", "article:modified_time", modified);
    }
    for topic in &story.topics {
        head.meta("property", "article:tag", topic);
    }
    let _ = write!(
        head.0,
        "<script type=\"application/ld+json\">{}</script>",
        script_json(&news_article(article, site))
    );
    head.0
}

/// The head of the home page.
pub fn home_head(site: &SiteUrl) -> String {
    let mut head = Head::default();
    head.title(HOME_TITLE);
    head.page(HOME_DESCRIPTION, &site.absolute("/"), "website");
    head.meta("property", "og:title", HOME_TITLE);
    head.meta("name", "twitter:card", "summary");
    head.meta("name", "twitter:title", HOME_TITLE);
    head.0
}

/// The link to the feed, for every page's head (the app shell's too).
pub fn feed_link() -> String {
    let mut head = Head::default();
    let _ = write!(
        head.0,
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{SITE_NAME}\" href=\"{FEED_PATH}\">"
    );
    head.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse::parse_json;

    fn article(json: &str) -> Article {
        Article::new(parse_json(json).unwrap())
    }

    const HOSTILE: &str = r#"{"slug": "a", "title": "\"><script>alert(1)</script>", "teaser": "x\" onload=\"alert(1)",
        "published_at": "2024-10-18T09:00:00Z", "updated_at": "soon",
        "image": {"src": "/stories/images/a.png", "alt": "</title><b>"}, "topics": ["<i>war</i>"],
        "sources": [], "facts": []}"#;

    #[test]
    fn every_tag_a_preview_reads_is_there_and_escaped() {
        let site = SiteUrl::parse("https://news.example.org").unwrap();
        let head = story_head(&article(HOSTILE), &site);
        assert!(head
            .starts_with("<title>\"&gt;&lt;script&gt;alert(1)&lt;/script&gt; · Storyline</title>"));
        assert!(!head.contains("<script>") && !head.contains("<b>") && !head.contains("<i>"));
        for tag in [
            r#"<meta name="description" content="x&quot; onload=&quot;alert(1)">"#,
            r#"<link rel="canonical" href="https://news.example.org/stories/a">"#,
            r#"<meta property="og:type" content="article">"#,
            r#"<meta property="og:url" content="https://news.example.org/stories/a">"#,
            r#"<meta property="og:title" content="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">"#,
            r#"<meta property="og:image" content="https://news.example.org/stories/images/a.png">"#,
            r#"<meta property="og:image:alt" content="&lt;/title&gt;&lt;b&gt;">"#,
            r#"<meta property="og:site_name" content="Storyline">"#,
            r#"<meta property="article:published_time" content="2024-10-18T09:00:00Z">"#,
            // An unreadable update date is left out; the publication date stands in.
            r#"<meta property="article:modified_time" content="2024-10-18T09:00:00Z">"#,
            r#"<meta property="article:tag" content="&lt;i&gt;war&lt;/i&gt;">"#,
            r#"<meta name="twitter:card" content="summary_large_image">"#,
            r#"<script type="application/ld+json">{"#,
        ] {
            assert!(head.contains(tag), "{tag} missing from {head}");
        }
    }

    #[test]
    fn a_story_without_an_image_gets_the_small_card() {
        let site = SiteUrl::parse("https://news.example.org").unwrap();
        let head = story_head(
            &article(
                r#"{"slug": "a", "title": "A", "published_at": "2024-10-18", "sources": [], "facts": []}"#,
            ),
            &site,
        );
        assert!(head.contains(r#"<meta name="twitter:card" content="summary">"#));
        assert!(!head.contains("og:image"));
        assert!(head.contains(r#"<meta name="description" content="A">"#));
    }
}

//! The Atom feed (`feed.xml`): every published story with its title, link, dates, image,
//! topics as categories, and its facts in full with their sources as links, so that a
//! feed reader shows the story itself, not a teaser that sends readers elsewhere.

use super::{head::FEED_PATH, SiteUrl};
use crate::model::{date, links, Article, Citation};
use crate::pages::{HOME_DESCRIPTION, SITE_NAME};
use atom_syndication::{Category, Content, Entry, Feed, FixedDateTime, Link, Person, Text};
use html_escape::{encode_double_quoted_attribute as attribute, encode_text as text};
use std::fmt::Write;

/// The feed of `articles`, in the order given (the index's, newest first), or why a story
/// was left out of it.
pub fn feed(articles: &[&Article], site: &SiteUrl) -> (String, Vec<String>) {
    let mut left_out = Vec::new();
    let entries: Vec<Entry> = articles
        .iter()
        .filter_map(|article| {
            let entry = entry(article, site);
            if entry.is_none() {
                left_out.push(format!(
                    "stories/{}.json: left out of the feed, which needs a date, and published_at \"{}\" is not one",
                    article.story.slug, article.story.published_at
                ));
            }
            entry
        })
        .collect();
    let feed = Feed {
        title: Text::plain(SITE_NAME),
        subtitle: Some(Text::plain(HOME_DESCRIPTION)),
        id: site.absolute("/"),
        updated: entries
            .iter()
            .map(|entry| entry.updated)
            .max()
            .unwrap_or_default(),
        authors: vec![person(SITE_NAME)],
        links: vec![
            link(
                site.absolute(FEED_PATH),
                "self",
                Some("application/atom+xml"),
            ),
            link(site.absolute("/"), "alternate", Some("text/html")),
        ],
        entries,
        ..Feed::default()
    };
    (feed.to_string(), left_out)
}

fn entry(article: &Article, site: &SiteUrl) -> Option<Entry> {
    let story = &article.story;
    let published = date_time(&story.published_at)?;
    let updated = story
        .updated_at
        .as_deref()
        .and_then(date_time)
        .unwrap_or(published);
    let url = site.story(&story.slug);
    let image = story
        .image
        .as_ref()
        .filter(|image| links::image_src(&image.src).is_some());
    let mut entry_links = vec![link(url.clone(), "alternate", Some("text/html"))];
    if let Some(image) = image {
        let src = site.absolute(image.src.trim());
        let kind = image_type(&src);
        entry_links.push(link(src, "enclosure", kind));
    }
    Some(Entry {
        title: Text::plain(story.title.as_str()),
        id: url,
        updated,
        published: Some(published),
        authors: story.byline.iter().map(|byline| person(byline)).collect(),
        categories: story
            .topics
            .iter()
            .map(|topic| Category {
                term: topic.clone(),
                ..Category::default()
            })
            .collect(),
        links: entry_links,
        summary: Some(Text::plain(story.description())),
        content: Some(Content {
            value: Some(content(article, site)),
            content_type: Some("html".to_owned()),
            ..Content::default()
        }),
        ..Entry::default()
    })
}

/// The story as a feed reader shows it: teaser, image, every fact with its citations
/// linked to the sources, and the numbered sources.
fn content(article: &Article, site: &SiteUrl) -> String {
    let story = &article.story;
    let mut html = String::new();
    if let Some(teaser) = &story.teaser {
        let _ = write!(html, "<p>{}</p>", text(teaser));
    }
    if let Some(image) = story
        .image
        .as_ref()
        .filter(|image| links::image_src(&image.src).is_some())
    {
        let _ = write!(
            html,
            "<figure><img src=\"{}\" alt=\"{}\">",
            attribute(&site.absolute(image.src.trim())),
            attribute(&image.alt)
        );
        if let Some(credit) = &image.credit {
            let _ = write!(
                html,
                "<figcaption>Image credit: {}</figcaption>",
                linked(credit, image.credit_url.as_deref())
            );
        }
        html.push_str("</figure>");
    }
    if !story.facts.is_empty() {
        html.push_str("<h2>Facts</h2><ol>");
        for (index, fact) in story.facts.iter().enumerate() {
            let _ = write!(html, "<li>{}", text(&fact.text));
            for citation in article.citations(index) {
                match citation {
                    Citation::Source { number, source } => {
                        let url = story.sources[*source].url.as_deref();
                        let _ = write!(html, " {}", linked(&format!("[{number}]"), url));
                    }
                    Citation::Missing(_) => html.push_str(" [?]"),
                }
            }
            html.push_str("</li>");
        }
        html.push_str("</ol>");
    }
    if story.sources.is_empty() {
        return html;
    }
    html.push_str("<h2>Sources</h2><ol>");
    for (_, source) in article.numbered_sources() {
        let _ = write!(
            html,
            "<li>{}",
            linked(&source.outlet, source.url.as_deref())
        );
        if let Some(title) = &source.title {
            let _ = write!(html, ": <cite>{}</cite>", text(title));
        }
        html.push_str("</li>");
    }
    html.push_str("</ol>");
    html
}

/// `label` as HTML text, linked to `url` when that is an http(s) URL.
fn linked(label: &str, url: Option<&str>) -> String {
    match url.and_then(links::http_url) {
        Some(url) => format!("<a href=\"{}\">{}</a>", attribute(url), text(label)),
        None => text(label).into_owned(),
    }
}

/// A story date as Atom needs it; a date alone is that day's midnight in UTC.
fn date_time(value: &str) -> Option<FixedDateTime> {
    if !date::is_valid(value) {
        return None;
    }
    let value = value.trim();
    let full = if value.len() == 10 {
        format!("{value}T00:00:00Z")
    } else {
        value.to_owned()
    };
    FixedDateTime::parse_from_rfc3339(&full).ok()
}

/// The media type of an image, from its name, for feed readers that show enclosures.
fn image_type(src: &str) -> Option<&'static str> {
    let path = src
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let extension = path.rsplit_once('.').map(|(_, extension)| extension)?;
    Some(match extension {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "svg" => "image/svg+xml",
        _ => return None,
    })
}

fn link(href: String, rel: &str, mime_type: Option<&str>) -> Link {
    Link {
        href,
        rel: rel.to_owned(),
        mime_type: mime_type.map(str::to_owned),
        ..Link::default()
    }
}

fn person(name: &str) -> Person {
    Person {
        name: name.to_owned(),
        ..Person::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse::parse_json;

    fn article(json: &str) -> Article {
        Article::new(parse_json(json).unwrap())
    }

    #[test]
    fn each_story_comes_whole_with_escaped_html_and_linked_sources() {
        let story = article(
            r#"{"slug": "a", "title": "<b>A</b> & co", "teaser": "T", "byline": "Jane",
                "published_at": "2024-10-18", "updated_at": "2024-10-19T10:00:00+02:00",
                "topics": ["War", "<x>"], "image": {"src": "/stories/images/a.png", "alt": "\" onerror=\"alert(1)"},
                "sources": [{"id": "n", "outlet": "NBC", "title": "<script>", "url": "https://nbc.example/a?x=1&y=2"},
                            {"id": "j", "outlet": "J", "url": "javascript:alert(1)"}],
                "facts": [{"text": "Fact <one>", "sources": ["n", "j", "gone"]}]}"#,
        );
        let site = SiteUrl::parse("https://news.example.org").unwrap();
        let (xml, left_out) = feed(&[&story], &site);
        assert!(left_out.is_empty());
        let feed: Feed = xml.parse().expect("well-formed Atom");
        let entry = &feed.entries[0];
        assert_eq!(entry.title.as_str(), "<b>A</b> & co");
        assert_eq!(entry.id, "https://news.example.org/stories/a");
        assert_eq!(
            entry.published.unwrap().to_rfc3339(),
            "2024-10-18T00:00:00+00:00"
        );
        assert_eq!(entry.updated.to_rfc3339(), "2024-10-19T10:00:00+02:00");
        assert_eq!(feed.updated, entry.updated);
        assert_eq!(
            entry
                .categories
                .iter()
                .map(|c| c.term.as_str())
                .collect::<Vec<_>>(),
            ["War", "<x>"]
        );
        assert_eq!(entry.authors[0].name, "Jane");
        assert_eq!(
            entry.links[1].href,
            "https://news.example.org/stories/images/a.png"
        );
        assert_eq!(entry.links[1].mime_type.as_deref(), Some("image/png"));
        let html = entry.content.as_ref().unwrap().value.as_deref().unwrap();
        assert_eq!(
            html,
            "<p>T</p><figure><img src=\"https://news.example.org/stories/images/a.png\" alt=\"&quot; onerror=&quot;alert(1)\"></figure>\
             <h2>Facts</h2><ol><li>Fact &lt;one&gt; <a href=\"https://nbc.example/a?x=1&amp;y=2\">[1]</a> [2] [?]</li></ol>\
             <h2>Sources</h2><ol><li><a href=\"https://nbc.example/a?x=1&amp;y=2\">NBC</a>: <cite>&lt;script&gt;</cite></li><li>J</li></ol>"
        );
    }

    #[test]
    fn a_story_without_a_readable_date_is_left_out_and_said_so() {
        let story = article(
            r#"{"slug": "a", "title": "A", "published_at": "soon", "sources": [], "facts": []}"#,
        );
        let site = SiteUrl::parse("https://news.example.org").unwrap();
        let (xml, left_out) = feed(&[&story], &site);
        assert_eq!(left_out.len(), 1);
        assert!(xml.parse::<Feed>().unwrap().entries.is_empty());
    }
}

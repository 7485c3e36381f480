//! schema.org `NewsArticle` for a story, as search engines read it: headline, image,
//! dates, author and publisher, and, which news sites do not publish, every source the
//! story cites, in citation order, as `citation` entries.

use super::SiteUrl;
use crate::model::{date, links, Article};
use crate::pages::SITE_NAME;
use serde_json::{json, Map, Value};

pub fn news_article(article: &Article, site: &SiteUrl) -> Value {
    let story = &article.story;
    let url = site.story(&story.slug);
    let publisher =
        json!({ "@type": "Organization", "name": SITE_NAME, "url": site.absolute("/") });
    let mut fields = Map::new();
    let mut set = |key: &str, value: Value| {
        fields.insert(key.to_owned(), value);
    };
    set("@context", json!("https://schema.org"));
    set("@type", json!("NewsArticle"));
    set("headline", json!(story.title));
    set("description", json!(story.description()));
    set("url", json!(url));
    set("mainEntityOfPage", json!(url));
    set("publisher", publisher);
    if let Some(image) = story
        .image
        .as_ref()
        .filter(|image| links::image_src(&image.src).is_some())
    {
        set("image", json!([site.absolute(image.src.trim())]));
    }
    let published = Some(&story.published_at).filter(|at| date::is_valid(at));
    if let Some(published) = published {
        set("datePublished", json!(published));
    }
    if let Some(modified) = story
        .updated_at
        .as_ref()
        .filter(|at| date::is_valid(at))
        .or(published)
    {
        set("dateModified", json!(modified));
    }
    if let Some(byline) = &story.byline {
        set("author", json!([{ "@type": "Person", "name": byline }]));
    }
    if !story.topics.is_empty() {
        set("keywords", json!(story.topics));
    }
    let citations: Vec<Value> = article
        .numbered_sources()
        .filter(|&(number, _)| !article.citing_facts(number).is_empty())
        .map(|(_, source)| {
            let mut work = Map::new();
            work.insert("@type".into(), json!("CreativeWork"));
            work.insert(
                "name".into(),
                json!(source.title.as_deref().unwrap_or(&source.outlet)),
            );
            work.insert(
                "publisher".into(),
                json!({ "@type": "Organization", "name": source.outlet }),
            );
            if let Some(url) = source.url.as_deref().and_then(links::http_url) {
                work.insert("url".into(), json!(url));
            }
            if let Some(published) = source.published_at.as_ref().filter(|at| date::is_valid(at)) {
                work.insert("datePublished".into(), json!(published));
            }
            Value::Object(work)
        })
        .collect();
    if !citations.is_empty() {
        set("citation", Value::Array(citations));
    }
    Value::Object(fields)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse::parse_json;

    #[test]
    fn cited_sources_are_listed_in_citation_order_with_only_http_links_and_no_uncited_ones() {
        let story = parse_json(
            r#"{"slug": "a", "title": "</script>", "byline": "Jane Doe", "published_at": "2024-10-18T09:00:00Z",
                "topics": ["War"], "image": {"src": "https://cdn.example/a.png", "alt": "A"},
                "sources": [
                    {"id": "u", "outlet": "Uncited"},
                    {"id": "nbc", "outlet": "NBC", "title": "Troops", "url": "https://nbc.example/a", "published_at": "2024-10-18"},
                    {"id": "x", "outlet": "X", "url": "javascript:alert(1)"}
                ],
                "facts": [{"text": "F", "sources": ["nbc", "x"]}]}"#,
        )
        .unwrap();
        let site = SiteUrl::parse("https://news.example.org").unwrap();
        let value = news_article(&Article::new(story), &site);
        assert_eq!(value["@type"], "NewsArticle");
        assert_eq!(value["headline"], "</script>");
        assert_eq!(value["url"], "https://news.example.org/stories/a");
        assert_eq!(value["image"], json!(["https://cdn.example/a.png"]));
        assert_eq!(value["author"][0]["name"], "Jane Doe");
        assert_eq!(value["publisher"]["name"], "Storyline");
        assert_eq!(value["dateModified"], "2024-10-18T09:00:00Z");
        assert_eq!(
            value["citation"],
            json!([
                {"@type": "CreativeWork", "name": "Troops", "url": "https://nbc.example/a",
                 "publisher": {"@type": "Organization", "name": "NBC"}, "datePublished": "2024-10-18"},
                {"@type": "CreativeWork", "name": "X", "publisher": {"@type": "Organization", "name": "X"}},
            ])
        );
    }
}

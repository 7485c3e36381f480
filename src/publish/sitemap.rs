//! `sitemap.xml`, listing the home page and every story page with the date it last
//! changed, and the `robots.txt` that tells crawlers where it is.

use super::SiteUrl;
use crate::model::{date, Article};
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;

pub const SITEMAP_PATH: &str = "/sitemap.xml";

pub fn sitemap(articles: &[&Article], site: &SiteUrl) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    let home = (site.absolute("/"), None);
    let pages = articles.iter().map(|article| {
        let story = &article.story;
        let changed = story
            .updated_at
            .as_deref()
            .filter(|at| date::is_valid(at))
            .or(Some(story.published_at.as_str()).filter(|at| date::is_valid(at)));
        (site.story(&story.slug), changed.map(w3c_date))
    });
    // Writing to memory cannot fail.
    let _ = writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    let _ = writer
        .create_element("urlset")
        .with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"))
        .write_inner_content(|writer| {
            for (location, changed) in std::iter::once(home).chain(pages) {
                writer.create_element("url").write_inner_content(|writer| {
                    writer
                        .create_element("loc")
                        .write_text_content(BytesText::new(&location))?;
                    if let Some(changed) = changed {
                        writer
                            .create_element("lastmod")
                            .write_text_content(BytesText::new(&changed))?;
                    }
                    Ok(())
                })?;
            }
            Ok(())
        });
    String::from_utf8(writer.into_inner()).unwrap_or_default()
}

/// A story date as the W3C profile of ISO 8601 that sitemaps use writes it: RFC 3339
/// allows a lowercase `t` and `z`, the profile does not.
fn w3c_date(value: &str) -> String {
    value.trim().to_ascii_uppercase()
}

pub fn robots(site: &SiteUrl) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.absolute(SITEMAP_PATH)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse::parse_json;

    #[test]
    fn every_story_is_listed_with_its_last_change() {
        let read = |json: &str| Article::new(parse_json(json).unwrap());
        let updated = read(
            r#"{"slug": "a", "title": "A", "published_at": "2024-10-18", "updated_at": "2024-10-19t10:00:00z", "sources": [], "facts": []}"#,
        );
        let undated = read(
            r#"{"slug": "b-c", "title": "B", "published_at": "soon", "sources": [], "facts": []}"#,
        );
        let site = SiteUrl::parse("https://news.example.org").unwrap();
        assert_eq!(
            sitemap(&[&updated, &undated], &site),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n\
             \x20 <url>\n    <loc>https://news.example.org/</loc>\n  </url>\n\
             \x20 <url>\n    <loc>https://news.example.org/stories/a</loc>\n    <lastmod>2024-10-19T10:00:00Z</lastmod>\n  </url>\n\
             \x20 <url>\n    <loc>https://news.example.org/stories/b-c</loc>\n  </url>\n\
             </urlset>"
        );
        assert_eq!(
            robots(&site),
            "User-agent: *\nAllow: /\n\nSitemap: https://news.example.org/sitemap.xml\n"
        );
    }
}

//! The publish step. Once Trunk has built the app into `dist/`, every story that
//! `stories/index.json` lists becomes a page of finished HTML (`stories/{slug}.html`),
//! rendered natively by the same components the browser runs, and so do the home page,
//! the feed, the sitemap and `robots.txt`. Each page is the app shell with its content
//! filled in, so in the browser only its islands wake. A story that cannot be read is
//! skipped with a warning naming the file and the place in it; the app, which serves
//! every address without a page, then shows its error as before.

mod feed;
mod head;
mod json_ld;
mod render;
pub(crate) mod script_json;
mod shell;
mod site;
mod sitemap;

pub use site::{SiteUrl, DEFAULT_SITE_URL, SITE_URL_VARIABLE};

use crate::components::Placement;
use crate::config;
use crate::markers::CITING_DATA_ID;
use crate::model::citing::Citing;
use crate::model::{slug, Article, StoryFormat, StoryIndex};
use script_json::script_json;
use shell::{Page, Shell, SHELL_FILE};
use std::fs;
use std::path::Path;
use std::sync::Arc;

/// What a run did, for its output.
#[derive(Debug, Default)]
pub struct Report {
    /// The slugs of the story pages written.
    pub pages: Vec<String>,
    /// Problems in the stories that did not stop them, and stories left to the app.
    pub warnings: Vec<String>,
    /// Why nothing was rendered ahead of time, when that is so.
    pub note: Option<String>,
    /// Why the pages have no newsletter signup, when they have none.
    pub without_signup: Option<String>,
}

/// Renders the pages of the site built in `dist`, whose public address is `site`.
/// `Err` only when `dist` holds no app shell to render into, or cannot be written.
pub fn publish(dist: &Path, site: &SiteUrl) -> Result<Report, String> {
    let shell = Shell::read(dist)?;
    let mut report = Report::default();
    let write = |file: &str, content: &str| {
        fs::write(dist.join(file), content).map_err(|error| format!("cannot write {file}: {error}"))
    };
    if let Some(base) = shell.meta("storyline-data-base") {
        report.note = Some(format!(
            "stories come from {base} (storyline-data-base), so none is rendered ahead of time: the app draws every page"
        ));
        write(SHELL_FILE, &shell.app(""))?;
        write("index.html", &shell.app(""))?;
        return Ok(report);
    }
    let newsletter =
        config::newsletter_from(|name| shell.meta(&format!("storyline-newsletter-{name}")))
            .map_err(|why| report.without_signup = Some(why))
            .ok();
    let index = read_index(dist);
    if let Err(warning) = &index {
        report.warnings.push(warning.clone());
    }

    let feed_link = head::feed_link();
    let mut published = Vec::new();
    let listed = index.as_ref().map(|index| index.stories.as_slice());
    for summary in listed.unwrap_or_default() {
        if !slug::is_valid(&summary.slug) {
            report.warnings.push(format!(
                "stories/index.json: \"{}\" is not a slug; the home page leaves it out",
                summary.slug
            ));
            continue;
        }
        let article = match read_story(dist, &summary.slug, site) {
            Ok(article) => Arc::new(article),
            Err(warning) => {
                report.warnings.push(warning);
                continue;
            }
        };
        for problem in &article.problems {
            report
                .warnings
                .push(format!("stories/{}.json: {problem}", summary.slug));
        }
        let page = shell.page(
            &Page {
                head: &head::story_head(&article, site),
                body: &render::story_page(article.clone(), newsletter.clone()),
                data: &format!(
                    "<script type=\"application/json\" id=\"{CITING_DATA_ID}\">{}</script>",
                    script_json(&Citing::of(
                        &article,
                        Placement::Page.story_href(&article.story.slug, article.format)
                    ))
                ),
            },
            &feed_link,
        );
        write(&format!("stories/{}.html", summary.slug), &page)?;
        report.pages.push(summary.slug.clone());
        published.push(article);
    }

    // Without a readable index the app's own home page says what is wrong with it.
    let home = match index {
        Ok(index) => shell.page(
            &Page {
                head: &head::home_head(site),
                body: &render::home_page(Arc::new(index)),
                data: "",
            },
            &feed_link,
        ),
        Err(_) => shell.app(&feed_link),
    };
    write("index.html", &home)?;
    write(SHELL_FILE, &shell.app(&feed_link))?;
    let articles: Vec<&Article> = published.iter().map(Arc::as_ref).collect();
    let (feed, left_out) = feed::feed(&articles, site);
    report.warnings.extend(left_out);
    write("feed.xml", &feed)?;
    write("sitemap.xml", &sitemap::sitemap(&articles, site))?;
    write("robots.txt", &sitemap::robots(site))?;
    Ok(report)
}

fn read_index(dist: &Path) -> Result<StoryIndex, String> {
    let text = read_text(dist, "stories/index.json")?;
    StoryIndex::read(&text).map_err(|error| {
        format!("stories/index.json: {error}; no story is rendered ahead of time, and the home page is left to the app")
    })
}

/// The story `slug` as the app would read it at `/stories/{slug}`, its images resolved
/// against its file as the app resolves them.
fn read_story(dist: &Path, slug: &str, site: &SiteUrl) -> Result<Article, String> {
    let file = format!("stories/{slug}.json");
    let text = read_text(dist, &file)?;
    let mut story = StoryFormat::V1.read(&text).map_err(|error| {
        format!("{file}: {error}; no page is rendered for it, and the app shows this error")
    })?;
    story.resolve_image_paths(|path| site.story_relative(slug, path));
    Ok(Article::at_address(story, slug))
}

/// A file of `dist` as the browser decodes it: UTF-8, anything else replaced.
fn read_text(dist: &Path, file: &str) -> Result<String, String> {
    fs::read(dist.join(file))
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .map_err(|error| format!("{file}: cannot be read ({error}); it is left to the app"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markers::PRERENDERED_ATTRIBUTE;

    fn site_with(stories: &[(&str, &str)]) -> tempfile::TempDir {
        let dist = tempfile::tempdir().unwrap();
        fs::create_dir(dist.path().join("stories")).unwrap();
        fs::write(dist.path().join("index.html"), shell::TEST_SHELL).unwrap();
        let index: Vec<String> = stories
            .iter()
            .map(|(slug, _)| format!(r#"{{"slug": "{slug}", "title": "{slug}"}}"#))
            .collect();
        fs::write(
            dist.path().join("stories/index.json"),
            format!(r#"{{"stories": [{}]}}"#, index.join(",")),
        )
        .unwrap();
        for (slug, json) in stories {
            fs::write(dist.path().join(format!("stories/{slug}.json")), json).unwrap();
        }
        dist
    }

    const GOOD: &str = r#"{"slug": "good", "title": "Good", "published_at": "2024-10-18",
        "sources": [{"id": "a", "outlet": "A"}], "facts": [{"text": "F", "sources": ["a", "gone"]}]}"#;

    #[test]
    fn a_story_that_cannot_be_read_is_left_to_the_app_and_the_rest_are_published() {
        let dist = site_with(&[
            ("good", GOOD),
            (
                "broken",
                r#"{"slug": "broken", "title": "B", "published_at": "2024-10-18", "sources": [], "facts": [{}]}"#,
            ),
            ("Not-A-Slug", "{}"),
            ("missing", ""),
        ]);
        fs::remove_file(dist.path().join("stories/missing.json")).unwrap();
        let site = SiteUrl::parse("https://news.example.org").unwrap();
        let report = publish(dist.path(), &site).unwrap();
        assert_eq!(report.pages, ["good"]);
        assert_eq!(report.without_signup, None);
        assert_eq!(report.warnings.len(), 4, "{:#?}", report.warnings);
        assert_eq!(
            report.warnings[0],
            "stories/good.json: facts[0].sources[1]: unknown source \"gone\""
        );
        assert_eq!(
            report.warnings[1],
            "stories/broken.json: facts[0]: missing field `text`; no page is rendered for it, and the app shows this error"
        );
        assert!(report.warnings[2].starts_with("stories/index.json: \"Not-A-Slug\" is not a slug"));
        assert!(report.warnings[3].starts_with("stories/missing.json: cannot be read"));
        let file = |name: &str| fs::read_to_string(dist.path().join(name));
        assert!(file("stories/good.html")
            .unwrap()
            .contains("<h1 id=\"story-title\""));
        assert!(file("stories/broken.html").is_err());
        assert!(file("index.html")
            .unwrap()
            .contains("class=\"story-index\""));
        assert!(file("app.html").unwrap().contains("id=\"storyline-boot\""));
        for written in ["feed.xml", "sitemap.xml", "robots.txt"] {
            assert!(file(written).is_ok(), "{written}");
        }
    }

    #[test]
    fn pages_of_a_shell_without_a_newsletter_endpoint_have_no_signup_and_the_run_says_why() {
        let dist = site_with(&[("good", GOOD)]);
        let shell = shell::TEST_SHELL.replace("storyline-newsletter-endpoint", "unrelated");
        fs::write(dist.path().join("index.html"), shell).unwrap();
        let site = SiteUrl::parse("https://news.example.org").unwrap();
        let report = publish(dist.path(), &site).unwrap();
        let why = report.without_signup.unwrap_or_default();
        assert!(why.starts_with("no endpoint is configured"), "{why}");
        let page = fs::read_to_string(dist.path().join("stories/good.html")).unwrap();
        assert!(!page.contains("class=\"newsletter\""), "{page}");
    }

    #[test]
    fn an_index_that_cannot_be_read_leaves_the_home_page_to_the_app() {
        let dist = site_with(&[("good", GOOD)]);
        fs::write(dist.path().join("stories/index.json"), r#"{"stories": 3}"#).unwrap();
        let site = SiteUrl::parse("https://news.example.org").unwrap();
        let report = publish(dist.path(), &site).unwrap();
        assert!(report.pages.is_empty());
        assert_eq!(report.warnings.len(), 1, "{:#?}", report.warnings);
        assert!(report.warnings[0].starts_with("stories/index.json: "));
        let home = fs::read_to_string(dist.path().join("index.html")).unwrap();
        assert!(!home.contains(PRERENDERED_ATTRIBUTE), "{home}");
        assert!(!home.contains("story-index"), "{home}");
        assert!(home.contains("storyline-boot"), "{home}");
    }

    #[test]
    fn running_again_over_the_same_build_gives_the_same_site() {
        let dist = site_with(&[("good", GOOD)]);
        let site = SiteUrl::parse("https://news.example.org").unwrap();
        publish(dist.path(), &site).unwrap();
        let first: Vec<String> = ["index.html", "app.html", "stories/good.html", "feed.xml"]
            .iter()
            .map(|name| fs::read_to_string(dist.path().join(name)).unwrap())
            .collect();
        publish(dist.path(), &site).unwrap();
        for (name, before) in ["index.html", "app.html", "stories/good.html", "feed.xml"]
            .iter()
            .zip(first)
        {
            assert_eq!(
                fs::read_to_string(dist.path().join(name)).unwrap(),
                before,
                "{name}"
            );
        }
        let app = fs::read_to_string(dist.path().join("app.html")).unwrap();
        assert_eq!(
            app.matches("application/atom+xml").count(),
            1,
            "one link to the feed"
        );
    }

    #[test]
    fn stories_from_another_data_base_are_left_to_the_app() {
        let dist = site_with(&[("good", GOOD)]);
        let shell = shell::TEST_SHELL.replace(
            r#"name="storyline-data-base" content="""#,
            r#"name="storyline-data-base" content="https://data.example.org""#,
        );
        fs::write(dist.path().join("index.html"), shell).unwrap();
        let site = SiteUrl::parse("https://news.example.org").unwrap();
        let report = publish(dist.path(), &site).unwrap();
        assert!(report.pages.is_empty());
        assert!(report.note.unwrap().contains("https://data.example.org"));
        assert!(!dist.path().join("stories/good.html").exists());
        assert!(!dist.path().join("feed.xml").exists());
        assert!(fs::read_to_string(dist.path().join("app.html"))
            .unwrap()
            .contains("storyline-boot"));
    }
}

//! The app shell Trunk builds (`index.html`): every page the publish step writes is that
//! shell with the page filled in, so each keeps the shell's stylesheet, its wasm loader
//! and its Content-Security-Policy exactly as built.

use super::head::FEED_PATH;
use crate::markers::{PAGE_LOADER, PRERENDERED_ATTRIBUTE};
use lol_html::html_content::{ContentType, Element};
use lol_html::{element, rewrite_str, RewriteStrSettings};
use std::cell::RefCell;
use std::fs;
use std::path::Path;

/// Where the shell is kept once the home page takes `index.html`: the page for every
/// address that has no file of its own (a story added after the build, an unknown path).
pub const SHELL_FILE: &str = "app.html";

pub struct Shell {
    html: String,
}

/// What goes into the shell to make a page.
pub struct Page<'a> {
    /// Tags in place of the shell's `<title>`.
    pub head: &'a str,
    /// The page's content, in place of the header the shell paints while the app loads.
    pub body: &'a str,
    /// Appended to the body: the data the page's islands read.
    pub data: &'a str,
}

impl Shell {
    /// The shell in `dist`: `app.html` once a publish step has run there, else Trunk's
    /// `index.html`.
    pub fn read(dist: &Path) -> Result<Self, String> {
        let kept = dist.join(SHELL_FILE);
        let file = if kept.exists() {
            kept
        } else {
            dist.join("index.html")
        };
        let html = fs::read_to_string(&file)
            .map_err(|error| format!("cannot read {}: {error}", file.display()))?;
        if !html.contains("data-storyline-app") || !html.contains("id=\"storyline-boot\"") {
            return Err(format!(
                "{} is not Storyline's app shell (no <body data-storyline-app> with #storyline-boot); run Trunk first",
                file.display()
            ));
        }
        // The link to the feed an earlier run added is added afresh with each page.
        let selector = format!("link[rel=\"alternate\"][href=\"{FEED_PATH}\"]");
        let html = rewrite(&html, |settings| {
            settings.append_element_content_handler(element!(&selector, |link| {
                link.remove();
                Ok(())
            }))
        });
        Ok(Self { html })
    }

    /// The content of `<meta name="{name}">`, if present and not blank, as the app reads it.
    pub fn meta(&self, name: &str) -> Option<String> {
        let found = RefCell::new(None);
        let selector = format!("meta[name=\"{name}\"]");
        let _ = rewrite_str(
            &self.html,
            RewriteStrSettings::new().append_element_content_handler(element!(&selector, |meta| {
                found
                    .borrow_mut()
                    .get_or_insert(meta.get_attribute("content"));
                Ok(())
            })),
        );
        found
            .into_inner()
            .flatten()
            .map(|content| content.trim().to_owned())
            .filter(|content| !content.is_empty())
    }

    /// The shell with `links` (HTML) added to its head, to serve as the app's page.
    pub fn app(&self, links: &str) -> String {
        rewrite(&self.html, |settings| {
            settings.append_element_content_handler(element!("head", move |head| {
                head.append(links, ContentType::Html);
                Ok(())
            }))
        })
    }

    /// A page rendered ahead of time: `page` filled into the shell, with `links` in its head.
    pub fn page(&self, page: &Page, links: &str) -> String {
        let wakes = page.body.contains("<leptos-island");
        rewrite(&self.html, |settings| {
            settings
                .append_element_content_handler(element!("html", |html| {
                    html.set_attribute(PRERENDERED_ATTRIBUTE, "")?;
                    Ok(())
                }))
                .append_element_content_handler(element!("title", |title| {
                    title.replace(page.head, ContentType::Html);
                    Ok(())
                }))
                .append_element_content_handler(element!("head", move |head| {
                    head.append(links, ContentType::Html);
                    Ok(())
                }))
                .append_element_content_handler(element!("#storyline-boot", |boot| {
                    boot.replace(page.body, ContentType::Html);
                    Ok(())
                }))
                // The page is complete without scripts, so the shell's note that the app
                // needs them is not.
                .append_element_content_handler(element!("noscript", |note: &mut Element| {
                    note.remove();
                    Ok(())
                }))
                // The shell's early request for the story the app is about to draw: a
                // page has its story, and a script the parser must stop for puts the
                // article off (12 to 15 ms of the seed story's first paint, at 4× CPU
                // slowdown).
                .append_element_content_handler(element!(
                    "script:not([type]):not([src])",
                    |prefetch: &mut Element| {
                        prefetch.remove();
                        Ok(())
                    }
                ))
                // A page that reads without the app never loads the app's code: its own
                // comes from a loader of its own, which runs as soon as it arrives (async)
                // and blocks nothing. Nor does the page hint at its code: fetched while the
                // page is parsed, it held the article back more than it brought the page's
                // start forward. A page with nothing to wake (the home page) needs no code.
                .append_element_content_handler(element!(
                    r#"link[rel="modulepreload"], link[rel="preload"][type="application/wasm"]"#,
                    |hint: &mut Element| {
                        hint.remove();
                        Ok(())
                    }
                ))
                .append_element_content_handler(element!(
                    r#"script[type="module"]:not([src])"#,
                    move |loader: &mut Element| {
                        if wakes {
                            loader.replace(
                                &format!(
                                    r#"<script type="module" async src="{PAGE_LOADER}"></script>"#
                                ),
                                ContentType::Html,
                            );
                        } else {
                            loader.remove();
                        }
                        Ok(())
                    }
                ))
                .append_element_content_handler(element!("body", |body| {
                    body.append(page.data, ContentType::Html);
                    Ok(())
                }))
        })
    }
}

fn rewrite<'h>(
    html: &str,
    handlers: impl FnOnce(RewriteStrSettings<'h, 'static>) -> RewriteStrSettings<'h, 'static>,
) -> String {
    // The shell is Trunk's own output and every handler above is infallible for it.
    rewrite_str(html, handlers(RewriteStrSettings::new()))
        .unwrap_or_else(|error| panic!("the app shell could not be rewritten: {error}"))
}

/// An app shell as Trunk builds it, for tests of what is made from it.
#[cfg(test)]
pub(super) const TEST_SHELL: &str = r#"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Storyline</title>
    <meta name="storyline-data-base" content="">
    <meta name="storyline-newsletter-endpoint" content=" https://example.org/subscribe ">
    <script>/* the story's early request */</script>
    <script type="module">import init from '/storyline-0123.js'; await init();</script>
    <link rel="modulepreload" href="/storyline-0123.js" crossorigin="anonymous">
    <link rel="preload" href="/storyline-0123_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm">
  </head>
  <body data-storyline-app>
    <header class="site-header" id="storyline-boot"><a class="brand" href="/">Storyline</a></header>
    <noscript><p>Storyline needs JavaScript.</p></noscript>
  </body>
</html>"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn shell() -> Shell {
        Shell {
            html: TEST_SHELL.to_owned(),
        }
    }

    #[test]
    fn settings_are_read_as_the_app_reads_them() {
        assert_eq!(
            shell().meta("storyline-newsletter-endpoint").as_deref(),
            Some("https://example.org/subscribe")
        );
        assert_eq!(shell().meta("storyline-data-base"), None);
        assert_eq!(shell().meta("storyline-story-timeout"), None);
    }

    #[test]
    fn a_page_takes_the_shells_place_for_title_boot_header_and_note() {
        let page = shell().page(
            &Page {
                head: "<title>A · Storyline</title>",
                body: "<main><leptos-island>A</leptos-island></main>",
                data: "<script type=\"application/json\">{}</script>",
            },
            "<link rel=\"alternate\" href=\"/feed.xml\">",
        );
        assert!(
            page.contains("<html lang=\"en\" data-storyline-prerendered=\"\">"),
            "{page}"
        );
        assert!(page.contains("<title>A · Storyline</title>"));
        assert!(!page.contains("<title>Storyline</title>"));
        assert!(page.contains("<link rel=\"alternate\" href=\"/feed.xml\"></head>"));
        assert!(page.contains("<main><leptos-island>A</leptos-island></main>"));
        assert!(!page.contains("storyline-boot") && !page.contains("noscript"));
        assert!(
            !page.contains("preload"),
            "the app's code is not this page's"
        );
        assert!(page.contains(r#"<script type="module" async src="/wake.js"></script>"#));
        assert!(!page.contains("import init"));
        assert!(!page.contains("early request"), "a page has its story");
        assert!(page.contains("{}</script></body>"));
    }

    #[test]
    fn the_app_shell_keeps_its_loader_and_early_story_request() {
        let app = shell().app("<link rel=\"alternate\" href=\"/feed.xml\">");
        assert!(app.contains("<script>/* the story's early request */</script>"));
        assert!(app.contains("import init") && app.contains("modulepreload"));
    }

    #[test]
    fn a_page_with_nothing_to_wake_loads_no_code() {
        let page = shell().page(
            &Page {
                head: "<title>Stories · Storyline</title>",
                body: "<main><ul class=\"story-index\"></ul></main>",
                data: "",
            },
            "",
        );
        assert!(!page.contains("<script type=\"module\""), "{page}");
        assert!(!page.contains("import init"), "{page}");
    }
}

//! Component tests in a real browser (headless Chromium via wasm-bindgen-test):
//! `make test-components`. Each test mounts one component into its own element.
#![cfg(target_arch = "wasm32")]

use leptos::{mount::mount_to, prelude::*, task::tick};
use std::sync::{
    atomic::{AtomicUsize, Ordering},
    Arc,
};
use std::time::Duration;
use storyline::api::LoadError;
use storyline::components::{LoadErrorView, NewsletterSignup, ReadableDate, StoryArticle};
use storyline::config::NewsletterConfig;
use storyline::model::signup::Provider;
use storyline::model::{parse::parse_json, Article};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    Element, HtmlButtonElement, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit,
};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str =
    include_str!("../public/stories/seoul-n-korean-troops-arrive-in-russia-to-fight-ukraine.json");
const BIKE_LANES: &str =
    include_str!("../public/stories/harbor-city-council-approves-riverside-bike-lanes.json");

/// A fresh element in the page for one test; appended, never replacing the body, which
/// holds the test runner's own output.
fn host() -> HtmlElement {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    host.unchecked_into()
}

fn article(json: &str) -> Arc<Article> {
    Arc::new(Article::new(parse_json(json).expect("test story parses")))
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

fn attributes(root: &Element, selector: &str, name: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| {
            nodes
                .item(i)
                .unwrap()
                .unchecked_into::<Element>()
                .get_attribute(name)
                .unwrap_or_default()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn seed_story_renders_in_the_seed_pages_order() {
    // The fetching layer makes relative image paths absolute; here the story is given directly.
    let json = SEED.replace("images/seoul", "https://img.example.org/seoul");
    let root = host();
    let _mounted = mount_to(
        root.clone(),
        move || view! { <StoryArticle article=article(&json)/> },
    );
    tick().await;

    assert_eq!(
        texts(&root, "h1"),
        ["Seoul: N.Korean Troops Arrive in Russia to Fight Ukraine"]
    );
    assert_eq!(
        texts(&root, "h2"),
        ["Facts", "Sources", "Narratives", "Predictions"]
    );
    assert_eq!(
        texts(&root, ".image-credit"),
        ["Image credit: Kim Jae-Hwan/SOPA Images/Contributor via Getty Images"]
    );
    let citations: Vec<_> = (1..=6)
        .map(|n| texts(&root, &format!("#fact-{n} .citation")).concat())
        .collect();
    assert_eq!(citations, ["[1]", "[2][3]", "[4]", "[2][5]", "[6]", "[7]"]);
    // Collapsed: no panel exists yet, so the citations control nothing.
    assert_eq!(
        attributes(&root, "#fact-2 .citation", "aria-expanded"),
        ["false", "false"]
    );
    assert_eq!(
        attributes(&root, "#fact-2 .citation", "aria-controls"),
        ["", ""]
    );
    assert_eq!(
        attributes(&root, "#fact-2 .citation", "aria-label"),
        ["Source 2: Associated Press", "Source 3: NIS"]
    );
    assert_eq!(
        texts(&root, ".source-entry"),
        [
            "[1] NBC",
            "[2] Associated Press",
            "[3] NIS",
            "[4] Guardian",
            "[5] Al Jazeera",
            "[6] France 24",
            "[7] POLITICO"
        ]
    );
    assert_eq!(
        texts(&root, ".narrative-heading"),
        [
            "Pro-establishment narrative",
            "Pro-Ukraine narrative",
            "Pro-Russia narrative"
        ]
    );
    assert_eq!(
        texts(&root, ".narrative-provider")[1],
        "as provided by The Kyiv Independent"
    );
    assert_eq!(
        attributes(&root, "time", "datetime"),
        ["2024-10-18T09:00:00Z"]
    );
    // The forecast the seed page embedded, linked without a number of its own.
    assert_eq!(
        texts(&root, ".prediction-elsewhere a"),
        ["See the current forecast at Metaculus"]
    );
    assert!(root.query_selector(".probability-value").unwrap().is_none());
}

#[wasm_bindgen_test]
fn a_dangling_citation_is_marked_and_the_rest_still_renders() {
    let json = SEED.replacen(
        r#""sources": [
        "guardian"
      ]"#,
        r#""sources": ["guardian", "ap2"]"#,
        1,
    );
    assert_ne!(json, SEED, "fixture edit applied");
    let root = host();
    let _mounted = mount_to(
        root.clone(),
        move || view! { <StoryArticle article=article(&json)/> },
    );

    let marker: Element = element(&root, ".citation-missing");
    assert_eq!(marker.text_content().unwrap(), "[?]");
    assert_eq!(
        marker.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    let description = marker.get_attribute("aria-describedby").unwrap();
    assert_eq!(
        element::<Element>(&root, &format!("#{description}"))
            .text_content()
            .unwrap(),
        "Source missing: facts[2].sources[1]: unknown source \"ap2\""
    );
    assert_eq!(texts(&root, "#fact-3 a.citation"), ["[4]"]);
    assert_eq!(texts(&root, ".fact").len(), 6);
    assert_eq!(texts(&root, ".source").len(), 7);
}

fn element<T: JsCast>(root: &Element, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap()
        .unchecked_into()
}

fn press(target: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    target
        .dispatch_event(
            &KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_citation_expands_its_source_under_the_fact_and_escape_returns_focus() {
    let json = SEED.replace(
        r#""outlet": "NIS""#,
        r#""outlet": "NIS", "title": "NIS briefing", "url": "https://nis.example/briefing", "published_at": "2024-10-18""#,
    );
    let root = host();
    let _mounted = mount_to(
        root.clone(),
        move || view! { <StoryArticle article=article(&json)/> },
    );
    tick().await;
    let button: HtmlElement = element(&root, "#fact-2 .citation-anchor:nth-child(2) a");
    let panel = || root.query_selector("#fact-2-citation-2").unwrap();
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(panel().is_none(), "a panel is made only when it opens");
    assert!(
        root.query_selector("#fact-2-citation-2-preview")
            .unwrap()
            .is_none(),
        "no preview until hovered or focused by keyboard"
    );

    button.click();
    tick().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(
        button.get_attribute("aria-controls").as_deref(),
        Some("fact-2-citation-2")
    );
    let opened = panel().expect("the panel, once open");
    assert_eq!(
        opened
            .parent_element()
            .unwrap()
            .parent_element()
            .unwrap()
            .id(),
        "fact-2"
    );
    let text = opened.text_content().unwrap();
    assert!(
        text.starts_with("[3] NIS") && text.contains("NIS briefing") && text.contains("2024"),
        "{text}"
    );
    let link: HtmlElement = element(&opened, "a");
    assert_eq!(link.text_content().unwrap(), "Read at NIS");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://nis.example/briefing")
    );
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );

    // Another citation opens independently; the first stays open.
    let other: HtmlElement = element(&root, "#fact-1 a.citation");
    other.click();
    tick().await;
    assert!(panel().is_some());
    assert!(root.query_selector("#fact-1-citation-1").unwrap().is_some());

    link.focus().unwrap();
    press(&link, "Escape");
    tick().await;
    assert!(panel().is_none());
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(document().active_element(), Some(button.clone().into()));

    button.click();
    tick().await;
    button.click();
    tick().await;
    assert!(panel().is_none(), "activating again closes it");
}

#[wasm_bindgen_test]
async fn controls_that_need_the_app_wait_for_it_and_citations_link_to_their_source_until_then() {
    let config = NewsletterConfig {
        endpoint: "http://127.0.0.1:9/subscribe".to_owned(),
        provider: Provider::Json,
        timeout: Duration::from_secs(5),
        lists: Vec::new(),
        labels: Vec::new(),
        form_post: None,
    };
    let root = host();
    let _mounted = mount_to(root.clone(), move || {
        view! { <StoryArticle article=article(SEED) newsletter=Some(config)/> }
    });
    // As in HTML rendered ahead of time, and in a page whose app has not started yet.
    let citation: HtmlElement = element(&root, "#fact-1 .citation");
    assert_eq!(citation.get_attribute("href").as_deref(), Some("#source-1"));
    assert_eq!(citation.get_attribute("role"), None);
    assert_eq!(citation.get_attribute("aria-expanded"), None);
    let disabled = |selector: &str| element::<Element>(&root, selector).has_attribute("disabled");
    let controls = [
        ".fact-tool",
        ".share-button",
        ".compare-toggle",
        ".newsletter-fields",
    ];
    assert!(controls.iter().all(|control| disabled(control)));

    tick().await;
    assert_eq!(citation.get_attribute("role").as_deref(), Some("button"));
    assert_eq!(
        citation.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(controls.iter().all(|control| !disabled(control)));
}

#[wasm_bindgen_test]
fn only_http_urls_become_links_and_markup_in_text_stays_text() {
    let json = BIKE_LANES
        .replace(
            "https://gazette.example.com/2026/03/12/riverside-lanes",
            "javascript:alert(1)",
        )
        .replace(
            "https://radio.example.org/opinion/lanes-overdue",
            "data:text/html,hi",
        )
        .replace(
            "The fictional Harbor City council",
            "<b onmouseover=alert(1)>bold</b> council",
        );
    let root = host();
    let _mounted = mount_to(
        root.clone(),
        move || view! { <StoryArticle article=article(&json)/> },
    );

    let hrefs = attributes(&root, "a", "href");
    assert!(!hrefs.is_empty());
    for href in &hrefs {
        assert!(
            href.starts_with("https://") || href.starts_with("#") || href.starts_with("/stories/"),
            "{href}"
        );
    }
    assert!(texts(&root, ".source")
        .iter()
        .any(|s| s.contains("Harbor City Gazette")));
    assert!(root.query_selector(".fact b").unwrap().is_none());
    assert!(texts(&root, "#fact-1 .fact-text")[0]
        .starts_with("<b onmouseover=alert(1)>bold</b> council"));
}

#[wasm_bindgen_test]
fn predictions_show_percent_and_a_bar_of_that_width_and_invalid_ones_are_left_out() {
    let json = BIKE_LANES.replace(r#""probability": 0.08"#, r#""probability": 1.7"#);
    let root = host();
    let _mounted = mount_to(
        root.clone(),
        move || view! { <StoryArticle article=article(&json)/> },
    );

    assert_eq!(texts(&root, ".probability-value"), ["62%", "35%"]);
    // Drawn in SVG: a style would be refused by the policy in HTML rendered ahead of time.
    assert_eq!(
        attributes(&root, ".probability-fill", "width"),
        ["62.00%", "35.00%"]
    );
    assert_eq!(texts(&root, ".related-title").len(), 2);
    assert_eq!(
        attributes(&root, ".related a", "href")[1],
        "/stories/river-valley-water-board-adopts-drought-plan"
    );
}

#[wasm_bindgen_test]
async fn retry_is_offered_for_network_errors_and_calls_back() {
    let retries = Arc::new(AtomicUsize::new(0));
    let counter = retries.clone();
    let root = host();
    let _mounted = mount_to(root.clone(), move || {
        view! {
            <LoadErrorView
                error=LoadError::Network("offline".into())
                on_retry=move |()| { counter.fetch_add(1, Ordering::SeqCst); }
            />
        }
    });
    assert_eq!(texts(&root, "h1"), ["The story could not be loaded"]);
    let button: HtmlElement = root
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(button.text_content().unwrap(), "Try again");
    button.click();
    tick().await;
    assert_eq!(retries.load(Ordering::SeqCst), 1);
}

#[wasm_bindgen_test]
fn not_found_and_malformed_offer_no_retry() {
    let root = host();
    let _mounted = mount_to(root.clone(), || {
        view! {
            <LoadErrorView error=LoadError::NotFound on_retry=|()| {}/>
            <LoadErrorView
                error=LoadError::Malformed(parse_json::<storyline::model::Story>("[]").unwrap_err())
                on_retry=|()| {}
            />
        }
    });
    assert_eq!(
        texts(&root, "h1"),
        ["Story not found", "This story cannot be shown"]
    );
    assert!(texts(&root, "p")[2].contains("expected an object, found a list"));
    assert!(root.query_selector("button").unwrap().is_none());
}

#[wasm_bindgen_test]
fn dates_are_shown_in_words_and_bad_ones_as_written() {
    let root = host();
    let _mounted = mount_to(root.clone(), || {
        view! {
            <ReadableDate iso="2024-10-18"/>
            "|"
            <ReadableDate iso="not a date"/>
        }
    });
    assert_eq!(attributes(&root, "time", "datetime"), ["2024-10-18"]);
    let text = root.text_content().unwrap();
    let (shown, raw) = text.split_once('|').unwrap();
    assert_eq!(shown, "October 18, 2024");
    assert_eq!(raw, "not a date");
}

#[wasm_bindgen_test]
fn stories_are_fetched_from_the_data_base_named_in_the_page() {
    let origin = document().location().unwrap().origin().unwrap();
    assert_eq!(
        storyline::api::story_url("a-story"),
        format!("{origin}/stories/a-story.json")
    );

    let meta = document().create_element("meta").unwrap();
    meta.set_attribute("name", "storyline-data-base").unwrap();
    meta.set_attribute("content", " https://data.example.org/news/ ")
        .unwrap();
    document().head().unwrap().append_child(&meta).unwrap();
    let from_meta = storyline::api::story_url("a-story");
    let index = storyline::api::index_url();
    meta.remove();

    assert_eq!(
        from_meta,
        "https://data.example.org/news/stories/a-story.json"
    );
    assert_eq!(index, "https://data.example.org/news/stories/index.json");
}

/// A signup form, mounted and live.
async fn signup_form(endpoint: &str) -> HtmlElement {
    let config = NewsletterConfig {
        endpoint: endpoint.to_owned(),
        provider: Provider::Json,
        timeout: Duration::from_secs(5),
        lists: Vec::new(),
        labels: Vec::new(),
        form_post: None,
    };
    let root = host();
    // Dropping the handle would unmount the form; tests keep it for their whole run.
    std::mem::forget(mount_to(root.clone(), move || {
        view! { <NewsletterSignup config=Some(config) story=Some("a-story".to_owned())/> }
    }));
    tick().await;
    root
}

fn type_email(root: &Element, text: &str) {
    let input: HtmlInputElement = element(root, "input[name=email]");
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

fn submit(root: &Element) {
    element::<HtmlElement>(root, "button[type=submit]").click();
}

#[wasm_bindgen_test]
async fn signup_checks_the_address_before_sending() {
    let root = signup_form("http://127.0.0.1:9/subscribe").await;
    let input: HtmlInputElement = element(&root, "input[name=email]");
    let message: Element = element(&root, ".newsletter-message");

    submit(&root);
    tick().await;
    assert_eq!(message.text_content().unwrap(), "Enter your email address");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(document().active_element(), Some(input.clone().into()));

    type_email(&root, "reader@example");
    submit(&root);
    tick().await;
    assert_eq!(message.text_content().unwrap(), "Invalid email address");
    assert_eq!(input.value(), "reader@example", "the typed text stays");
}

#[wasm_bindgen_test]
async fn a_filled_honeypot_pretends_success_and_ok_thanks_restores_the_form() {
    let root = signup_form("http://127.0.0.1:9/subscribe").await;
    let trap: HtmlInputElement = element(&root, "input[name=website]");
    trap.set_value("https://spam.example");
    trap.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    type_email(&root, "bot@example.com");
    submit(&root);
    tick().await;

    let form: HtmlElement = element(&root, "form");
    let success: HtmlElement = element(&root, ".newsletter-success");
    assert!(form.hidden() && !success.hidden());
    assert!(success
        .text_content()
        .unwrap()
        .contains("Success! Now Check Your Email"));

    element::<HtmlElement>(&success, "button").click();
    tick().await;
    assert!(!form.hidden() && success.hidden());
    assert_eq!(
        element::<HtmlInputElement>(&root, "input[name=email]").value(),
        ""
    );
}

#[wasm_bindgen_test]
async fn a_failed_request_keeps_the_address_and_offers_try_again() {
    // Port 9 (discard) is closed here: a real connection failure, not a stand-in.
    let root = signup_form("http://127.0.0.1:9/subscribe").await;
    type_email(&root, "reader@example.com");
    submit(&root);
    tick().await;
    let button: HtmlButtonElement = element(&root, "button[type=submit]");
    assert!(button.disabled(), "one request at a time");
    assert_eq!(
        element::<Element>(&root, "form")
            .get_attribute("aria-busy")
            .as_deref(),
        Some("true")
    );

    let message: Element = element(&root, ".newsletter-message");
    for _ in 0..100 {
        if !message.text_content().unwrap().is_empty() {
            break;
        }
        sleep(50).await;
    }
    assert!(message
        .text_content()
        .unwrap()
        .starts_with("Could not reach the newsletter service"));
    assert_eq!(
        element::<HtmlInputElement>(&root, "input[name=email]").value(),
        "reader@example.com"
    );
    assert!(!button.disabled());
    assert_eq!(
        element::<Element>(&root, ".newsletter-retry")
            .text_content()
            .unwrap(),
        "Try again"
    );
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
fn newsletter_settings_come_from_the_mount_element_then_the_page() {
    use storyline::config::newsletter;

    assert!(newsletter(None)
        .unwrap_err()
        .contains("no endpoint is configured"));

    let metas: Vec<Element> = [
        (
            "storyline-newsletter-endpoint",
            "https://page.example/subscribe",
        ),
        ("storyline-newsletter-provider", "form"),
    ]
    .into_iter()
    .map(|(name, content)| {
        let meta = document().create_element("meta").unwrap();
        meta.set_attribute("name", name).unwrap();
        meta.set_attribute("content", content).unwrap();
        document().head().unwrap().append_child(&meta).unwrap();
        meta
    })
    .collect();
    let from_page = newsletter(None);

    let widget = document().create_element("div").unwrap();
    widget
        .set_attribute("data-newsletter-endpoint", "https://ghost.example")
        .unwrap();
    widget
        .set_attribute("data-newsletter-provider", "ghost")
        .unwrap();
    widget
        .set_attribute("data-newsletter-timeout", "2.5")
        .unwrap();
    let from_widget = newsletter(Some(&widget));
    widget
        .set_attribute("data-newsletter-provider", "carrier-pigeon")
        .unwrap();
    let unknown_provider = newsletter(Some(&widget));
    metas.iter().for_each(Element::remove);

    assert_eq!(
        from_page,
        Ok(NewsletterConfig {
            endpoint: "https://page.example/subscribe".into(),
            provider: Provider::Form,
            timeout: Duration::from_secs(10),
            lists: Vec::new(),
            labels: Vec::new(),
            form_post: None,
        })
    );
    assert_eq!(
        from_widget,
        Ok(NewsletterConfig {
            endpoint: "https://ghost.example".into(),
            provider: Provider::Ghost,
            timeout: Duration::from_millis(2500),
            lists: Vec::new(),
            labels: Vec::new(),
            form_post: None,
        })
    );
    assert!(unknown_provider.unwrap_err().contains("carrier-pigeon"));
}

#[wasm_bindgen_test]
fn after_a_panic_the_app_and_each_widget_say_so_and_offer_a_reload() {
    let body = document().body().unwrap();
    body.set_attribute("data-storyline-app", "").unwrap();
    let main = document().create_element("main").unwrap();
    main.set_inner_html("<p>The story</p>");
    body.append_child(&main).unwrap();
    let widget = document().create_element("div").unwrap();
    widget
        .set_attribute("data-storyline-story", "x.json")
        .unwrap();
    let shadow = widget
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    shadow.set_inner_html(r#"<div class="storyline-widget"><p>A widget</p></div>"#);
    body.append_child(&widget).unwrap();

    storyline::mount::crash::show_notice("[data-storyline-story]");
    let shown_in_widget = shadow.first_element_child().unwrap();
    let here = document().location().unwrap().href().unwrap();
    for container in [&main, &shown_in_widget] {
        let notice: Element = element(container, "[role=alert]");
        assert_eq!(
            notice.text_content().unwrap(),
            "Something went wrong and Storyline stopped. Reload the page to try again.Reload"
        );
        let reload: Element = element(&notice, "a");
        assert_eq!(reload.get_attribute("href").as_deref(), Some(here.as_str()));
    }

    main.remove();
    widget.remove();
    body.remove_attribute("data-storyline-app").unwrap();
}

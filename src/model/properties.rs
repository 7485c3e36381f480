//! Property tests: whatever text arrives, parsing returns and explains itself, and whatever
//! story it yields, citation numbering keeps the promises `Article::new` documents.
//!
//! `check_article` is also compiled into the fuzz target (`fuzz/fuzz_targets/story.rs`
//! includes this file by path), so that the fuzzer and these tests hold the article to
//! one definition of correct without the library exporting test code. That is why it
//! names the model only through `super::` and keeps proptest inside `#[cfg(test)]`.

use super::{Article, Citation, Source, Story};
use std::collections::{HashMap, HashSet};

/// Panics, saying which promise broke, unless `article` numbers `story`'s sources as
/// `Article::new` promises: each source exactly one number, the numbers exactly `1..=n`,
/// cited sources in order of first citation and the uncited after them in listed order,
/// each citation resolving to the first source with its id or else reported at its path,
/// and each number knowing every fact that cites it, ascending, once.
pub fn check_article(story: &Story, article: &Article) {
    assert_eq!(
        &article.story, story,
        "the article keeps the story as given"
    );
    let sources = &article.story.sources;

    let mut first_with_id: HashMap<&str, usize> = HashMap::new();
    for (index, source) in sources.iter().enumerate() {
        first_with_id.entry(source.id.as_str()).or_insert(index);
    }

    // `numbered_sources` hands out references, so a source's index is its place in memory;
    // comparing values instead would confuse duplicate sources.
    let order: Vec<usize> = article
        .numbered_sources()
        .enumerate()
        .map(|(place, (number, source))| {
            assert_eq!(number, place + 1, "numbers run 1, 2, 3, … in order");
            let offset = source as *const Source as usize - sources.as_ptr() as usize;
            let index = offset / std::mem::size_of::<Source>();
            assert!(
                sources.get(index).is_some_and(|s| std::ptr::eq(s, source)),
                "number {number} is a source of this story"
            );
            index
        })
        .collect();
    let mut sorted = order.clone();
    sorted.sort_unstable();
    assert!(
        sorted.iter().copied().eq(0..sources.len()),
        "every source gets exactly one number: {order:?}"
    );
    let mut number_of = vec![0; sources.len()];
    for (place, &index) in order.iter().enumerate() {
        number_of[index] = place + 1;
    }

    let mut next_new_number = 1;
    let mut cited = HashSet::new();
    let mut citing: Vec<Vec<usize>> = vec![Vec::new(); sources.len()];
    let mut dangling = 0;
    for (f, fact) in article.story.facts.iter().enumerate() {
        let citations = article.citations(f);
        assert_eq!(
            citations.len(),
            fact.sources.len(),
            "facts[{f}]: one citation per id"
        );
        for (c, (id, citation)) in fact.sources.iter().zip(citations).enumerate() {
            let at = format!("facts[{f}].sources[{c}] = {id:?}");
            match (first_with_id.get(id.as_str()), citation) {
                (Some(&first), &Citation::Source { number, source }) => {
                    assert_eq!(source, first, "{at}: the first source with the id");
                    assert_eq!(number, number_of[source], "{at}: its source's number");
                    if cited.insert(source) {
                        assert_eq!(number, next_new_number, "{at}: first cited, next number");
                        next_new_number += 1;
                    }
                    if citing[number - 1].last() != Some(&f) {
                        citing[number - 1].push(f);
                    }
                }
                (None, Citation::Missing(problem)) => {
                    dangling += 1;
                    assert_eq!(problem.path, format!("facts[{f}].sources[{c}]"));
                    assert!(problem.message.contains(id.as_str()), "{at}: {problem}");
                    assert!(article.problems.contains(problem), "{at}: {problem} listed");
                }
                (first, citation) => panic!("{at}: expected source {first:?}, got {citation:?}"),
            }
        }
    }
    for (place, &index) in order.iter().enumerate().skip(cited.len()) {
        assert!(
            !cited.contains(&index),
            "number {} is cited but numbered after the uncited",
            place + 1
        );
    }
    assert!(
        order[cited.len()..]
            .windows(2)
            .all(|pair| pair[0] < pair[1]),
        "uncited sources follow in listed order: {order:?}"
    );
    for (place, facts) in citing.iter().enumerate() {
        assert_eq!(
            article.citing_facts(place + 1),
            facts.as_slice(),
            "facts citing number {}",
            place + 1
        );
    }

    let citation_problems = article
        .problems
        .iter()
        .filter(|p| p.path.starts_with("facts["))
        .count();
    assert_eq!(
        citation_problems, dangling,
        "one problem per dangling citation, no others"
    );
    for (index, source) in sources.iter().enumerate() {
        if first_with_id[source.id.as_str()] != index {
            let path = format!("sources[{index}].id");
            assert!(
                article.problems.iter().any(|p| p.path == path),
                "the duplicate id at {path} is reported"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::check_article;
    use crate::model::{
        date, links, parse::parse_json, Article, Fact, ForecastPoint, Image, Lean, Narrative,
        Prediction, Related, Source, Story, StoryFormat,
    };
    use proptest::collection::vec;
    use proptest::prelude::*;
    use proptest::sample::{select, Index};
    use serde_json::{json, Map, Value};

    /// Any characters, controls and quotes included, since stories are untrusted.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => "[a-zA-Z0-9 .,-]{0,10}",
            2 => vec(any::<char>(), 0..10).prop_map(String::from_iter),
        ]
    }

    /// Ids from a small pool, so that sources share ids and facts cite both listed and
    /// unlisted ones; the pool holds ids that look alike but are different strings.
    fn id() -> impl Strategy<Value = String> {
        const POOL: &[&str] = &[
            "", "a", "b", "ap", "AP", "ap ", "é", "e\u{301}", "日本", "🦀", "\"", "\\", "\u{0}",
        ];
        prop_oneof![5 => select(POOL).prop_map(String::from), 1 => text()]
    }

    fn date_text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[0-9]{4}-[0-9]{2}-[0-9]{2}",
            "[0-9]{4}-[01][0-9]-[0-3][0-9][Tt][0-2][0-9]:[0-5][0-9]:[0-6][0-9](\\.[0-9]{0,3})?([Zz]|[+-][0-2][0-9]:[0-5][0-9])",
            text(),
        ]
    }

    fn url_text() -> impl Strategy<Value = String> {
        prop_oneof![
            "(https?|HTTPS|javascript|data):(//)?[a-z.]{0,8}(/[a-z]{0,4})?",
            "[a-z/.:]{0,10}",
            text(),
        ]
    }

    fn image() -> impl Strategy<Value = Image> {
        (
            prop_oneof![url_text(), "(images/|/|\\.\\./)[a-z]{1,5}\\.svg"],
            text(),
            proptest::option::of(text()),
            proptest::option::of(url_text()),
        )
            .prop_map(|(src, alt, credit, credit_url)| Image {
                src,
                alt,
                credit,
                credit_url,
            })
    }

    fn source() -> impl Strategy<Value = Source> {
        (
            id(),
            text(),
            proptest::option::of(text()),
            proptest::option::of(url_text()),
            proptest::option::of(date_text()),
            proptest::option::of(lean()),
        )
            .prop_map(|(id, outlet, title, url, published_at, lean)| Source {
                id,
                outlet,
                title,
                url,
                published_at,
                lean,
            })
    }

    /// Ratings a little outside 1–5 too, which validation reports.
    fn lean() -> impl Strategy<Value = Lean> {
        (proptest::option::of(0..=7u8), proptest::option::of(0..=7u8))
            .prop_map(|(lr, pe)| Lean { lr, pe })
    }

    fn probability() -> impl Strategy<Value = f64> {
        // At most 9 significant digits: serde_json, built without `float_roundtrip`,
        // may read a 17-digit number back one unit in the last place off, which no
        // percentage shows but equality would.
        (-2_000_000_000..=3_000_000_000i64).prop_map(|n| n as f64 / 1e9)
    }

    fn fact() -> impl Strategy<Value = Fact> {
        (text(), vec(id(), 0..5)).prop_map(|(text, sources)| Fact { text, sources })
    }

    fn narrative() -> impl Strategy<Value = Narrative> {
        (
            text(),
            proptest::option::of(text()),
            proptest::option::of(text()),
            proptest::option::of(url_text()),
            text(),
        )
            .prop_map(|(label, perspective, outlet, url, text)| Narrative {
                label,
                perspective,
                outlet,
                url,
                text,
            })
    }

    fn prediction() -> impl Strategy<Value = Prediction> {
        (
            text(),
            proptest::option::of(probability()),
            proptest::option::of(text()),
            proptest::option::of(url_text()),
            proptest::option::of(date_text()),
            vec(
                (date_text(), probability())
                    .prop_map(|(date, probability)| ForecastPoint { date, probability }),
                0..4,
            ),
        )
            .prop_map(
                |(question, probability, source, url, as_of, history)| Prediction {
                    question,
                    probability,
                    source,
                    url,
                    as_of,
                    history,
                },
            )
    }

    fn related() -> impl Strategy<Value = Related> {
        (
            "[a-z0-9-]{0,8}|\\.\\./x",
            text(),
            proptest::option::of(image()),
        )
            .prop_map(|(slug, title, image)| Related { slug, title, image })
    }

    /// Stories that parse, with everything the numbering depends on drawn at random.
    fn story() -> impl Strategy<Value = Story> {
        let header = (
            "[a-z0-9-]{0,8}|Bad Slug",
            text(),
            proptest::option::of(text()),
            proptest::option::of(text()),
            date_text(),
            proptest::option::of(date_text()),
            proptest::option::of(image()),
            vec(text(), 0..3),
        );
        let body = (
            vec(source(), 0..7),
            vec(fact(), 0..7),
            vec(narrative(), 0..3),
            vec(prediction(), 0..3),
            vec(related(), 0..3),
        );
        (header, body).prop_map(
            |(
                (slug, title, teaser, byline, published_at, updated_at, image, topics),
                (sources, facts, narratives, predictions, related),
            )| Story {
                slug,
                title,
                teaser,
                byline,
                published_at,
                updated_at,
                image,
                topics,
                sources,
                facts,
                narratives,
                predictions,
                related,
            },
        )
    }

    /// Choices for writing a story as JSON: whether an absent option is left out or
    /// written as `null`, likewise an empty optional list, and whether an unknown field
    /// is added. Each call takes the next bit, round and round.
    struct Style(u64);

    impl Style {
        fn next(&mut self) -> bool {
            self.0 = self.0.rotate_right(1);
            self.0 & 1 == 1
        }

        fn optional(&mut self, object: &mut Map<String, Value>, key: &str, value: Option<Value>) {
            match value {
                Some(value) => {
                    object.insert(key.into(), value);
                }
                None if self.next() => {
                    object.insert(key.into(), Value::Null);
                }
                None => {}
            }
        }

        fn optional_list(&mut self, object: &mut Map<String, Value>, key: &str, items: Vec<Value>) {
            match (items.is_empty(), self.next(), self.next()) {
                (true, true, true) => {}
                (true, true, false) => {
                    object.insert(key.into(), Value::Null);
                }
                _ => {
                    object.insert(key.into(), Value::Array(items));
                }
            }
        }
    }

    /// `Story` does not implement `Serialize` (the app only reads stories), so the JSON a
    /// producer would write is built here by hand.
    fn story_json(story: &Story, style: &mut Style, unknown: &Value) -> Value {
        fn object(pairs: Vec<(&str, Value)>) -> Map<String, Value> {
            pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
        }
        let string = |s: &Option<String>| s.as_ref().map(|s| json!(s));
        let image_json = |image: &Image, style: &mut Style| {
            let mut o = object(vec![("src", json!(image.src)), ("alt", json!(image.alt))]);
            style.optional(&mut o, "credit", string(&image.credit));
            style.optional(&mut o, "credit_url", string(&image.credit_url));
            Value::Object(o)
        };

        let mut root = Map::new();
        if style.next() {
            root.insert("future_field".into(), unknown.clone());
        }
        root.insert("slug".into(), json!(story.slug));
        root.insert("title".into(), json!(story.title));
        style.optional(&mut root, "teaser", string(&story.teaser));
        style.optional(&mut root, "byline", string(&story.byline));
        root.insert("published_at".into(), json!(story.published_at));
        style.optional(&mut root, "updated_at", string(&story.updated_at));
        let image = story.image.as_ref().map(|i| image_json(i, style));
        style.optional(&mut root, "image", image);
        let topics = story.topics.iter().map(|t| json!(t)).collect();
        style.optional_list(&mut root, "topics", topics);
        let sources = story.sources.iter().map(|s| {
            let mut o = object(vec![("id", json!(s.id)), ("outlet", json!(s.outlet))]);
            style.optional(&mut o, "title", string(&s.title));
            style.optional(&mut o, "url", string(&s.url));
            style.optional(&mut o, "published_at", string(&s.published_at));
            let lean = s.lean.map(|lean| {
                let mut l = Map::new();
                style.optional(&mut l, "lr", lean.lr.map(|v| json!(v)));
                style.optional(&mut l, "pe", lean.pe.map(|v| json!(v)));
                Value::Object(l)
            });
            style.optional(&mut o, "lean", lean);
            Value::Object(o)
        });
        root.insert("sources".into(), Value::Array(sources.collect()));
        let facts = story
            .facts
            .iter()
            .map(|f| json!({"text": f.text, "sources": f.sources}));
        root.insert("facts".into(), Value::Array(facts.collect()));
        let narratives = story.narratives.iter().map(|n| {
            let mut o = object(vec![("label", json!(n.label)), ("text", json!(n.text))]);
            style.optional(&mut o, "perspective", string(&n.perspective));
            style.optional(&mut o, "outlet", string(&n.outlet));
            style.optional(&mut o, "url", string(&n.url));
            Value::Object(o)
        });
        let narratives = narratives.collect();
        style.optional_list(&mut root, "narratives", narratives);
        let predictions = story.predictions.iter().map(|p| {
            let mut o = object(vec![("question", json!(p.question))]);
            style.optional(&mut o, "probability", p.probability.map(|p| json!(p)));
            style.optional(&mut o, "source", string(&p.source));
            style.optional(&mut o, "url", string(&p.url));
            style.optional(&mut o, "as_of", string(&p.as_of));
            let history = p
                .history
                .iter()
                .map(|h| json!({"date": h.date, "probability": h.probability}))
                .collect();
            style.optional_list(&mut o, "history", history);
            Value::Object(o)
        });
        let predictions = predictions.collect();
        style.optional_list(&mut root, "predictions", predictions);
        let related = story.related.iter().map(|r| {
            let mut o = object(vec![("slug", json!(r.slug)), ("title", json!(r.title))]);
            let image = r.image.as_ref().map(|i| image_json(i, style));
            style.optional(&mut o, "image", image);
            Value::Object(o)
        });
        let related = related.collect();
        style.optional_list(&mut root, "related", related);
        Value::Object(root)
    }

    /// Fields this version ignores, with keys and strings that a careless path finder
    /// could mistake for structure.
    fn unknown_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            text().prop_map(Value::from),
            select(&["{", "}", "[", "]", ",", ":", "\"", "\\", "\\\"", "[1]"][..])
                .prop_map(Value::from),
            any::<i32>().prop_map(Value::from),
            Just(Value::Null),
        ];
        leaf.prop_recursive(3, 12, 4, |inner| {
            prop_oneof![
                vec(inner.clone(), 0..4).prop_map(Value::Array),
                vec((text(), inner), 0..4)
                    .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
            ]
        })
    }

    fn written(value: &Value, pretty: bool) -> String {
        if pretty {
            serde_json::to_string_pretty(value).unwrap()
        } else {
            serde_json::to_string(value).unwrap()
        }
    }

    /// A story as some producer might write it, with the story it must read back as.
    fn story_and_json() -> impl Strategy<Value = (Story, Value)> {
        (story(), any::<u64>(), unknown_json()).prop_map(|(story, bits, unknown)| {
            let json = story_json(&story, &mut Style(bits), &unknown);
            (story, json)
        })
    }

    /// Every place in a story's JSON that the format types, with the kind of value there:
    /// `Some(kind)` for an object of that kind, `None` for a string. Unknown fields are
    /// skipped: whatever is in them is fine.
    fn typed_places(
        value: &Value,
        path: String,
        kind: &'static str,
        out: &mut Vec<(String, Option<&'static str>)>,
    ) {
        let child = |key: &str| {
            if path.is_empty() {
                key.to_owned()
            } else {
                format!("{path}.{key}")
            }
        };
        let Value::Object(object) = value else { return };
        out.push((path.clone(), Some(kind)));
        for (key, value) in object {
            let item_kind = match (kind, key.as_str()) {
                ("story" | "related", "image") => Some("image"),
                ("story", "sources") => Some("source"),
                ("story", "facts") => Some("fact"),
                ("story", "narratives") => Some("narrative"),
                ("story", "predictions") => Some("prediction"),
                ("story", "related") => Some("related"),
                ("source", "lean") => Some("lean"),
                ("prediction", "history") => Some("forecast point"),
                (_, "future_field" | "probability") => continue,
                _ => None,
            };
            match (value, item_kind) {
                (Value::Array(items), Some(kind)) => {
                    for (i, item) in items.iter().enumerate() {
                        typed_places(item, format!("{}[{i}]", child(key)), kind, out);
                    }
                }
                (Value::Array(items), None) => {
                    for i in 0..items.len() {
                        out.push((format!("{}[{i}]", child(key)), None));
                    }
                }
                (Value::Object(_), Some(kind)) => typed_places(value, child(key), kind, out),
                (Value::String(_), _) => out.push((child(key), None)),
                _ => {}
            }
        }
    }

    fn required(kind: &str) -> &'static [&'static str] {
        match kind {
            "story" => &["slug", "title", "published_at", "sources", "facts"],
            "image" => &["src", "alt"],
            "source" => &["id", "outlet"],
            "fact" => &["text", "sources"],
            "narrative" => &["label", "text"],
            "prediction" => &["question"],
            "related" => &["slug", "title"],
            "lean" => &[],
            "forecast point" => &["date", "probability"],
            _ => unreachable!("{kind}"),
        }
    }

    fn at_path<'a>(value: &'a mut Value, path: &str) -> &'a mut Value {
        let mut value = value;
        for step in path.split(['.', '[']).filter(|s| !s.is_empty()) {
            value = match step.strip_suffix(']') {
                Some(index) => &mut value[index.parse::<usize>().unwrap()],
                None => &mut value[step],
            };
        }
        value
    }

    proptest! {
        // A failure prints its shrunk input, which then becomes a unit test beside the
        // code it concerns; a regressions file would have to live in the source tree.
        #![proptest_config(ProptestConfig {
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn any_text_parses_or_says_why(text in prop_oneof![
            any::<String>(),
            vec(any::<u8>(), 0..200).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
            // Bits of the format in any order reach deeper into the parser and path finder.
            vec(select(&[
                "{", "}", "[", "]", ":", ",", " ", "\n", "\u{feff}", "\"slug\"", "\"sources\"",
                "\"facts\"", "\"id\"", "\"a\"", "\"\\\"\"", "\"\\\\\"", "\"é\"", "1", "-0.5e3", "null", "true",
            ][..]), 0..40).prop_map(|parts| parts.concat()),
        ]) {
            match parse_json::<Story>(&text) {
                Ok(story) => check_article(&story, &Article::new(story.clone())),
                Err(error) => {
                    prop_assert!(!error.message.trim().is_empty(), "{error:?}");
                    prop_assert!(error.path.as_ref().is_none_or(|p| !p.is_empty()), "{error:?}");
                }
            }
        }

        #[test]
        fn numbering_keeps_its_promises(story in story()) {
            check_article(&story, &Article::new(story.clone()));
        }

        #[test]
        fn written_stories_read_back_unchanged(
            (story, json) in story_and_json(),
            pretty in any::<bool>(),
            byte_order_mark in any::<bool>(),
        ) {
            let mut text = written(&json, pretty);
            if byte_order_mark {
                text.insert(0, '\u{feff}');
            }
            let parsed = parse_json::<Story>(&text);
            prop_assert_eq!(parsed.as_ref(), Ok(&story), "{}", text);
            check_article(&story, &Article::new(story.clone()));
            // Read as a story, every string is cleaned, and nothing else changes.
            let mut cleaned = story;
            cleaned.clean_text();
            prop_assert_eq!(StoryFormat::V1.read(&text), Ok(cleaned));
        }

        /// What a page rendered ahead of time carries for its facts' controls is what
        /// they read: whatever the story's strings hold, it neither breaks out of its
        /// script element nor changes on the way.
        #[cfg(feature = "ssr")]
        #[test]
        fn a_page_carries_its_citations_whole(story in story()) {
            let mut story = story;
            story.clean_text();
            let citing = crate::model::citing::Citing::of(&Article::new(story), "/stories/s".to_owned());
            let written = crate::publish::script_json::script_json(&citing);
            prop_assert!(!written.contains(['<', '\u{2028}']), "{}", written);
            prop_assert_eq!(parse_json::<crate::model::citing::Citing>(&written), Ok(citing));
        }

        #[test]
        fn a_wrong_type_is_reported_where_it_is(
            (_, mut json) in story_and_json(),
            pretty in any::<bool>(),
            pick in any::<Index>(),
            wrong in any::<Index>(),
        ) {
            let mut places = Vec::new();
            typed_places(&json, String::new(), "story", &mut places);
            let (path, kind) = pick.get(&places).clone();
            // A list or an object stands in only for a string: serde reads a list as a
            // struct's fields in order, and an object as the story would just lack fields.
            let (value, found) = match kind {
                None => *wrong.get(&[
                    ("7", "integer `7`"),
                    ("true", "boolean `true`"),
                    ("[1]", "sequence"),
                    ("{\"k\":1}", "map"),
                ]),
                Some(_) => *wrong.get(&[("7", "integer `7`"), ("\"x\"", "string \"x\"")]),
            };
            let expected = match kind {
                None => "a string",
                Some("story") => "a story object",
                Some("image") => "an image object",
                Some("source") => "a source object",
                Some("fact") => "a fact object",
                Some("narrative") => "a narrative object",
                Some("prediction") => "a prediction object",
                Some("lean") => "a lean object",
                Some("forecast point") => "a forecast point object",
                Some(_) => "a related story object",
            };
            *at_path(&mut json, &path) = serde_json::from_str(value).unwrap();
            let text = written(&json, pretty);
            let error = parse_json::<Story>(&text).unwrap_err();
            prop_assert_eq!(error.path.unwrap_or_default(), path, "{}", text);
            prop_assert_eq!(error.message, format!("invalid type: {found}, expected {expected}"));
        }

        #[test]
        fn a_missing_field_is_reported_on_its_object(
            (_, mut json) in story_and_json(),
            pretty in any::<bool>(),
            pick in any::<Index>(),
            field in any::<Index>(),
        ) {
            let mut objects = Vec::new();
            typed_places(&json, String::new(), "story", &mut objects);
            objects.retain(|(_, kind)| kind.is_some_and(|kind| !required(kind).is_empty()));
            let (path, kind) = pick.get(&objects).clone();
            let field = *field.get(required(kind.unwrap()));
            at_path(&mut json, &path).as_object_mut().unwrap().remove(field);
            let text = written(&json, pretty);
            let error = parse_json::<Story>(&text).unwrap_err();
            prop_assert_eq!(error.path.unwrap_or_default(), path, "{}", text);
            prop_assert_eq!(error.message, format!("missing field `{field}`"));
        }

        #[test]
        fn damaged_stories_parse_or_say_why(
            (_, json) in story_and_json(),
            pretty in any::<bool>(),
            cut in any::<Index>(),
            insert in select(&["", "{", "}", "[", "]", ",", "\"", "\\", "7", "null"][..]),
        ) {
            let mut text = written(&json, pretty);
            let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            let at = *cut.get(&boundaries);
            let removed = text[at..].chars().next().map_or(0, char::len_utf8);
            text.replace_range(at..at + removed, insert);
            match parse_json::<Story>(&text) {
                Ok(story) => check_article(&story, &Article::new(story.clone())),
                Err(error) => prop_assert!(!error.message.is_empty()),
            }
        }

        #[test]
        fn dates_are_read_or_refused_without_panicking(
            text in prop_oneof![date_text(), any::<String>()],
            offset in -1440i64..=1440,
        ) {
            let readable = date::readable(&text, |_| offset);
            prop_assert_eq!(readable.is_some(), date::is_valid(&text));
        }

        #[test]
        fn only_http_urls_become_links(text in prop_oneof![url_text(), any::<String>()]) {
            if let Some(url) = links::http_url(&text) {
                let lower = url.to_ascii_lowercase();
                prop_assert!(lower.starts_with("http://") || lower.starts_with("https://"), "{:?}", url);
                prop_assert!(!url.chars().any(|c| c.is_whitespace() || c.is_control()), "{:?}", url);
                prop_assert_eq!(url, text.trim());
                prop_assert!(!links::is_relative_path(&text), "{:?} is a URL, not a path", text);
            }
        }
    }
}

//! The page module's files (JS glue and wasm), as the build's `wake.js` names them
//! (`tools/write-loaders.mjs` writes it), so that a story page can ask for its code from its
//! head: fetched while the page is parsed, it is compiled by the time the page is whole.

use crate::markers::PAGE_LOADER;
use std::fs;
use std::path::Path;

/// `<link>` hints for the page module named in `dist`'s loader; none without one.
pub fn hints(dist: &Path) -> String {
    let loader =
        fs::read_to_string(dist.join(PAGE_LOADER.trim_start_matches('/'))).unwrap_or_default();
    match (named(&loader, ".js"), named(&loader, "_bg.wasm")) {
        (Some(glue), Some(wasm)) => format!(
            r#"<link rel="modulepreload" href="{glue}"><link rel="preload" href="{wasm}" as="fetch" type="application/wasm" crossorigin>"#
        ),
        _ => String::new(),
    }
}

/// The quoted `/storyline-page-{hash}{suffix}` in the loader's text.
fn named<'a>(loader: &'a str, suffix: &str) -> Option<&'a str> {
    loader.split('\'').find(|part| {
        part.strip_prefix("/storyline-page-")
            .and_then(|rest| rest.strip_suffix(suffix))
            .is_some_and(|hash| !hash.is_empty() && hash.bytes().all(|b| b.is_ascii_hexdigit()))
    })
}

#[cfg(test)]
mod tests {
    use super::hints;
    use std::fs;

    #[test]
    fn the_page_module_the_loader_names_is_hinted_and_nothing_else() {
        let dist = tempfile::tempdir().unwrap();
        assert_eq!(hints(dist.path()), "", "no loader, no hints");
        fs::write(
            dist.path().join("wake.js"),
            "const page = await load('/storyline-page-0a1b.js', '/storyline-page-0a1b_bg.wasm');\n\
             signup ??= load('/storyline-signup-2c3d.js', '/storyline-signup-2c3d_bg.wasm');\n\
             load('/storyline-page-\"><script>.js');",
        )
        .unwrap();
        assert_eq!(
            hints(dist.path()),
            r#"<link rel="modulepreload" href="/storyline-page-0a1b.js"><link rel="preload" href="/storyline-page-0a1b_bg.wasm" as="fetch" type="application/wasm" crossorigin>"#
        );
    }
}

//! What the article's islands find on a page rendered ahead of time: the little of the
//! story its facts' controls need (`Citing`), which comes with the page in a JSON script
//! element, and the zone its dates were written in.

use crate::components::DateZone;
use crate::markers::CITING_DATA_ID;
use crate::model::{citing::Citing, parse::parse_json};
use leptos::prelude::*;
use std::sync::Arc;

/// Provides the page's citations and date zone to the islands; false if the citations
/// cannot be read, and then the page stays as it is, readable, with its controls off.
pub fn provide() -> bool {
    provide_context(DateZone::Utc);
    let Some(data) = document().get_element_by_id(CITING_DATA_ID) else {
        return true;
    };
    match parse_json::<Citing>(&data.text_content().unwrap_or_default()) {
        Ok(citing) => {
            provide_context(Arc::new(citing));
            true
        }
        Err(error) => {
            leptos::logging::error!("Storyline: the citations in this page cannot be read ({error}); its controls stay off.");
            false
        }
    }
}

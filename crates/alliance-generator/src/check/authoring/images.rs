//! Images need alt text. An empty alt is allowed only for decoration, and only
//! when marked as such, so that forgetting it is never mistaken for a choice.

use crate::diagnostic::Diagnostic;
use crate::load::site::Page;
use crate::markdown::facts::{Facts, Syntax};

/// An error for each image with no alt text that is not marked decorative.
pub(crate) fn check(page: &Page, facts: &Facts) -> Vec<Diagnostic> {
    facts
        .images
        .iter()
        .filter_map(|image| {
            let (message, hint) = match (&image.alt, image.syntax) {
                (None, _) => (
                    format!("image `{}` has no alt attribute", image.src),
                    "add alt text that says what the image shows, e.g. alt=\"Map of the borough\"; \
                     if it is decoration only, write alt=\"\" role=\"presentation\"",
                ),
                (Some(alt), _) if !alt.trim().is_empty() || image.decorative => return None,
                (Some(_), Syntax::Markdown) => (
                    format!("image `{}` has no alt text", image.src),
                    "write what the image shows between the brackets: ![Map of the borough](map.png); \
                     if it is decoration only, mark it: ![](map.png \"decorative\")",
                ),
                (Some(_), Syntax::Html) => (
                    format!("image `{}` has empty alt text", image.src),
                    "write what the image shows in alt=\"...\"; \
                     if it is decoration only, add role=\"presentation\"",
                ),
            };
            Some(
                page.body_error(image.place.line, image.place.col, message)
                    .with_hint(hint),
            )
        })
        .collect()
}

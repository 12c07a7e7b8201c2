//! The success criteria of WCAG 2.2 at levels A and AA, the standard the UK's
//! accessibility regulations use, so that an accessibility statement can name
//! a criterion from its number alone: `"1.1.1"` → "1.1.1 (Non-text Content)".

use serde::{Deserialize, Deserializer, Serialize};

/// Every level A and AA success criterion of WCAG 2.2: number, name, level.
pub(crate) const CRITERIA: &[(&str, &str, &str)] = &[
    ("1.1.1", "Non-text Content", "A"),
    ("1.2.1", "Audio-only and Video-only (Prerecorded)", "A"),
    ("1.2.2", "Captions (Prerecorded)", "A"),
    (
        "1.2.3",
        "Audio Description or Media Alternative (Prerecorded)",
        "A",
    ),
    ("1.2.4", "Captions (Live)", "AA"),
    ("1.2.5", "Audio Description (Prerecorded)", "AA"),
    ("1.3.1", "Info and Relationships", "A"),
    ("1.3.2", "Meaningful Sequence", "A"),
    ("1.3.3", "Sensory Characteristics", "A"),
    ("1.3.4", "Orientation", "AA"),
    ("1.3.5", "Identify Input Purpose", "AA"),
    ("1.4.1", "Use of Color", "A"),
    ("1.4.2", "Audio Control", "A"),
    ("1.4.3", "Contrast (Minimum)", "AA"),
    ("1.4.4", "Resize Text", "AA"),
    ("1.4.5", "Images of Text", "AA"),
    ("1.4.10", "Reflow", "AA"),
    ("1.4.11", "Non-text Contrast", "AA"),
    ("1.4.12", "Text Spacing", "AA"),
    ("1.4.13", "Content on Hover or Focus", "AA"),
    ("2.1.1", "Keyboard", "A"),
    ("2.1.2", "No Keyboard Trap", "A"),
    ("2.1.4", "Character Key Shortcuts", "A"),
    ("2.2.1", "Timing Adjustable", "A"),
    ("2.2.2", "Pause, Stop, Hide", "A"),
    ("2.3.1", "Three Flashes or Below Threshold", "A"),
    ("2.4.1", "Bypass Blocks", "A"),
    ("2.4.2", "Page Titled", "A"),
    ("2.4.3", "Focus Order", "A"),
    ("2.4.4", "Link Purpose (In Context)", "A"),
    ("2.4.5", "Multiple Ways", "AA"),
    ("2.4.6", "Headings and Labels", "AA"),
    ("2.4.7", "Focus Visible", "AA"),
    ("2.4.11", "Focus Not Obscured (Minimum)", "AA"),
    ("2.5.1", "Pointer Gestures", "A"),
    ("2.5.2", "Pointer Cancellation", "A"),
    ("2.5.3", "Label in Name", "A"),
    ("2.5.4", "Motion Actuation", "A"),
    ("2.5.7", "Dragging Movements", "AA"),
    ("2.5.8", "Target Size (Minimum)", "AA"),
    ("3.1.1", "Language of Page", "A"),
    ("3.1.2", "Language of Parts", "AA"),
    ("3.2.1", "On Focus", "A"),
    ("3.2.2", "On Input", "A"),
    ("3.2.3", "Consistent Navigation", "AA"),
    ("3.2.4", "Consistent Identification", "AA"),
    ("3.2.6", "Consistent Help", "A"),
    ("3.3.1", "Error Identification", "A"),
    ("3.3.2", "Labels or Instructions", "A"),
    ("3.3.3", "Error Suggestion", "AA"),
    ("3.3.4", "Error Prevention (Legal, Financial, Data)", "AA"),
    ("3.3.7", "Redundant Entry", "A"),
    ("3.3.8", "Accessible Authentication (Minimum)", "AA"),
    ("4.1.2", "Name, Role, Value", "A"),
    ("4.1.3", "Status Messages", "AA"),
];

/// A WCAG 2.2 success criterion at level A or AA, written by its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) struct Criterion {
    /// Its number, e.g. `1.1.1`.
    pub(crate) id: &'static str,
    /// Its name, e.g. "Non-text Content".
    pub(crate) name: &'static str,
    /// `A` or `AA`.
    pub(crate) level: &'static str,
}

impl Criterion {
    /// Looks a criterion up by number; the error explains what is wrong.
    pub(crate) fn find(id: &str) -> Result<Criterion, String> {
        let id = id.trim().trim_start_matches("SC").trim();
        if let Some(&(id, name, level)) = CRITERIA.iter().find(|(n, _, _)| *n == id) {
            return Ok(Criterion { id, name, level });
        }
        let why = if id == "4.1.1" {
            "4.1.1 Parsing was removed in WCAG 2.2".to_owned()
        } else if crate::diagnostic::nearest(id, CRITERIA.iter().map(|c| c.0)).is_some() {
            format!(
                "{}; the regulations use levels A and AA",
                crate::diagnostic::suggest(id, CRITERIA.iter().map(|c| c.0))
            )
        } else {
            "write the number of a level A or AA criterion, e.g. \"1.1.1\"".to_owned()
        };
        Err(format!(
            "`{id}` is not a WCAG 2.2 level A or AA success criterion: {why}"
        ))
    }
}

impl<'de> Deserialize<'de> for Criterion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Criterion::find(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifty_five_criteria_with_unique_numbers() {
        assert_eq!(CRITERIA.len(), 55);
        let mut ids: Vec<_> = CRITERIA.iter().map(|c| c.0).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 55);
        assert_eq!(CRITERIA.iter().filter(|c| c.2 == "A").count(), 31);
    }

    #[test]
    fn finds_by_number_and_explains_misses() {
        assert_eq!(Criterion::find("1.4.10").unwrap().name, "Reflow");
        assert!(Criterion::find("4.1.1").unwrap_err().contains("removed"));
        assert!(
            Criterion::find("1.1.2")
                .unwrap_err()
                .contains("did you mean")
        );
    }
}

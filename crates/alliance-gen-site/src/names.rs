//! Names and the identifiers made from them: slugs, heading anchors, places and people.

use crate::rng::Rng;
use crate::vocab::{FORENAMES, HONORIFICS, PLACE_ENDS, PLACE_STEMS, SURNAMES};

/// A URL- and file-safe identifier: ASCII lower case, words joined by `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars().map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c != '\'' {
            dash = true;
        }
    }
    out
}

fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'î' | 'ï' => 'i',
        'ó' | 'ô' | 'ö' => 'o',
        'ú' | 'û' | 'ü' | 'ŵ' => 'u',
        other => other,
    }
}

/// The id GitHub (and comrak, and so Alliance) gives a heading: lower case,
/// spaces to `-`, punctuation dropped. "Its role" → `its-role`.
pub fn anchor(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// A made-up English place name: "Thornbury", "Elmford".
pub fn place(rng: &mut Rng) -> String {
    format!("{}{}", rng.pick(PLACE_STEMS), rng.pick(PLACE_ENDS))
}

/// A representative's name, with a title that suits the sector: "Councillor Amina Khan".
pub fn person(rng: &mut Rng, sector: &str) -> String {
    let honorific = HONORIFICS
        .iter()
        .find(|(s, _)| *s == sector)
        .map_or("", |(_, titles)| *rng.pick(titles));
    format!("{honorific}{} {}", rng.pick(FORENAMES), rng.pick(SURNAMES))
}

/// Upper-cases the first letter.
pub fn capitalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    let mut chars = text.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_anchors() {
        for (name, want) in [
            (
                "Children and Young People's Partnership",
                "children-and-young-peoples-partnership",
            ),
            (
                "Federation of Small Businesses, Loamshire branch",
                "federation-of-small-businesses-loamshire-branch",
            ),
            ("Café Society – 2020", "cafe-society-2020"),
        ] {
            assert_eq!(slug(name), want);
        }
        for (heading, want) in [
            ("Its role", "its-role"),
            (
                "Domestic abuse: getting help",
                "domestic-abuse-getting-help",
            ),
            ("Older People's Partnership", "older-peoples-partnership"),
            ("Plan 2015–2020", "plan-20152020"),
        ] {
            assert_eq!(anchor(heading), want);
        }
        assert_eq!(capitalise("the Alliance"), "The Alliance");
    }
}

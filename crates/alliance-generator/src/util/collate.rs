//! Alphabetical order in a language: the A to Z's sort keys and letters.
//!
//! English sorts by the lower-cased text and groups by its first letter A–Z.
//! Welsh counts its digraphs as letters, in the order a b c ch d dd e f ff g
//! ng h i j l ll m n o p ph r rh s t th u w y (so "Llandaf" comes after
//! "Lydstep", under LL). Reading a digraph is done word by word: "ng" only
//! begins a word (after a nasal mutation, "ngwasanaeth"), since inside one
//! it is more often n then g ("Bangor", "Llangollen"); the others are read
//! wherever they stand. Letters Welsh borrows (k, q, v, x, z) sit where
//! English puts them; accents do not change a letter's place (â is a).

/// The Welsh alphabet, with the borrowed letters where English has them.
const WELSH: [&str; 33] = [
    "a", "b", "c", "ch", "d", "dd", "e", "f", "ff", "g", "ng", "h", "i", "j", "k", "l", "ll", "m",
    "n", "o", "p", "ph", "q", "r", "rh", "s", "t", "th", "u", "v", "w", "x", "y",
];

/// Whether `lang` (`cy`, `cy-GB`) is Welsh.
fn is_welsh(lang: &str) -> bool {
    lang.split(['-', '_'])
        .next()
        .is_some_and(|l| l.eq_ignore_ascii_case("cy"))
}

/// A letter without its accent: `ŵ` → `w`, `â` → `a` (lower case in, lower case out).
fn base(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ẁ' | 'ẃ' | 'ŵ' | 'ẅ' => 'w',
        'ỳ' | 'ý' | 'ŷ' | 'ÿ' => 'y',
        other => other,
    }
}

/// The Welsh letters of `text` in order, each as its index in [`WELSH`] or,
/// for anything else (a space, a digit, a sign), `None` with the character.
fn welsh_letters(text: &str) -> Vec<Result<usize, char>> {
    let chars: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = base(chars[i]);
        let next = chars.get(i + 1).map(|&n| base(n));
        let starts_word = i == 0 || !chars[i - 1].is_alphanumeric();
        let pair = next.map(|n| format!("{c}{n}"));
        let digraph = pair
            .as_deref()
            .filter(|p| *p != "ng" || starts_word)
            .and_then(|p| WELSH.iter().position(|l| *l == p));
        if let Some(index) = digraph {
            out.push(Ok(index));
            i += 2;
            continue;
        }
        let one = c.to_string();
        out.push(WELSH.iter().position(|l| *l == one).ok_or(chars[i]));
        i += 1;
    }
    out
}

/// The sort key of `text` in the language `lang`: keys compare as the
/// language's alphabet orders the texts.
pub(crate) fn collate(text: &str, lang: &str) -> Vec<u32> {
    if !is_welsh(lang) {
        return text.to_lowercase().chars().map(u32::from).collect();
    }
    // Letters come after every sign and digit, as in English.
    const LETTERS: u32 = 0x11_0000;
    welsh_letters(text)
        .into_iter()
        .map(|l| match l {
            Ok(index) => LETTERS + u32::try_from(index).unwrap_or(0),
            Err(c) => u32::from(c),
        })
        .collect()
}

/// The letter `text` is listed under in an A to Z of `lang`, in capitals
/// ("A", "LL"), or `None` when its first letter or digit is no letter of
/// the alphabet (it goes under "0–9").
pub(crate) fn letter_of(text: &str, lang: &str) -> Option<String> {
    let start = text.find(char::is_alphanumeric)?;
    let rest = &text[start..];
    if !is_welsh(lang) {
        return rest
            .chars()
            .next()
            .map(|c| c.to_ascii_uppercase())
            .filter(char::is_ascii_uppercase)
            .map(String::from);
    }
    match welsh_letters(rest).first() {
        Some(Ok(index)) => Some(WELSH[*index].to_uppercase()),
        _ => None,
    }
}

/// The letter after the first of `text` in `lang`, in lower case ("a" of
/// "Bangor", "l" of "Bl" but, in Welsh, "a" of "Llandaf" and "w" of
/// "Chwarae"), or `None` when the first letter is followed by no letter (a
/// space, a sign, a digit or the end): what a long letter of the A to Z is
/// split by ("Ba", "Lla").
pub(crate) fn second_letter(text: &str, lang: &str) -> Option<String> {
    let start = text.find(char::is_alphanumeric)?;
    let rest = &text[start..];
    if !is_welsh(lang) {
        return rest
            .chars()
            .nth(1)
            .map(|c| c.to_ascii_lowercase())
            .filter(char::is_ascii_lowercase)
            .map(String::from);
    }
    match welsh_letters(rest).get(..2) {
        Some([Ok(_), Ok(index)]) => Some(WELSH[*index].to_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted<'a>(lang: &str, words: &[&'a str]) -> Vec<&'a str> {
        let mut words = words.to_vec();
        words.sort_by_key(|w| collate(w, lang));
        words
    }

    #[test]
    fn welsh_digraphs_are_letters_of_their_own() {
        assert_eq!(
            sorted("cy", &["Llandaf", "Lydstep", "Maesteg", "Lai"]),
            ["Lai", "Lydstep", "Llandaf", "Maesteg"]
        );
        assert_eq!(
            sorted(
                "cy",
                &["Dyffryn", "Ddraig", "Cymru", "Chwilio", "Ceredigion"]
            ),
            ["Ceredigion", "Cymru", "Chwilio", "Dyffryn", "Ddraig"]
        );
        assert_eq!(
            sorted(
                "cy",
                &["Rhondda", "Rygbi", "Tywyn", "Thomas", "Ffion", "Fy"]
            ),
            ["Fy", "Ffion", "Rygbi", "Rhondda", "Tywyn", "Thomas"]
        );
        assert_eq!(
            sorted("cy-GB", &["Hafan", "ngwasanaeth", "Gwent"]),
            ["Gwent", "ngwasanaeth", "Hafan"]
        );
    }

    #[test]
    fn ng_inside_a_word_is_n_then_g() {
        // Bangor is b-a-n-g-o-r: before "Banw" (n then w), as n then g is.
        assert_eq!(sorted("cy", &["Banw", "Bangor"]), ["Bangor", "Banw"]);
        assert_eq!(letter_of("Llangollen", "cy").as_deref(), Some("LL"));
    }

    #[test]
    fn accents_keep_a_letters_place() {
        assert_eq!(
            sorted("cy", &["Tŷ Hywel", "Tynged", "Tal"]),
            ["Tal", "Tŷ Hywel", "Tynged"]
        );
        assert_eq!(letter_of("Ŵyr", "cy").as_deref(), Some("W"));
    }

    #[test]
    fn letters_in_welsh_and_english() {
        assert_eq!(letter_of("Llandaf", "cy").as_deref(), Some("LL"));
        assert_eq!(letter_of("Llandaf", "en-GB").as_deref(), Some("L"));
        assert_eq!(letter_of("“Chwarae Teg”", "cy").as_deref(), Some("CH"));
        assert_eq!(letter_of("2026 plan", "cy"), None);
        assert_eq!(letter_of("2026 plan", "en-GB"), None);
        assert_eq!(letter_of("Élan", "en-GB"), None);
        assert_eq!(letter_of("", "cy"), None);
    }

    #[test]
    fn second_letters_in_welsh_and_english() {
        assert_eq!(second_letter("Bangor", "en-GB").as_deref(), Some("a"));
        assert_eq!(second_letter("Llandaf", "en-GB").as_deref(), Some("l"));
        assert_eq!(second_letter("Llandaf", "cy").as_deref(), Some("a"));
        assert_eq!(second_letter("“Chwarae Teg”", "cy").as_deref(), Some("w"));
        assert_eq!(second_letter("Yr Ffordd", "cy").as_deref(), Some("r"));
        assert_eq!(second_letter("Rhyl", "cy").as_deref(), Some("y"));
        assert_eq!(second_letter("Ty Ddu", "cy").as_deref(), Some("y"));
        assert_eq!(second_letter("Addoli", "cy").as_deref(), Some("dd"));
        assert_eq!(second_letter("A plan", "en-GB"), None);
        assert_eq!(second_letter("B2 site", "en-GB"), None);
        assert_eq!(second_letter("X", "cy"), None);
        assert_eq!(second_letter("É", "en-GB"), None);
    }

    #[test]
    fn english_order_is_the_lower_cased_text() {
        assert_eq!(
            sorted("en-GB", &["Llandaf", "Lydstep", "lamb", "Zebra"]),
            ["lamb", "Llandaf", "Lydstep", "Zebra"]
        );
        assert_eq!(collate("Ab", "en"), collate("ab", "en"));
    }

    #[test]
    fn signs_and_digits_come_before_letters() {
        assert_eq!(
            sorted("cy", &["Ysgol", "10 Stryd", "Afon"]),
            ["10 Stryd", "Afon", "Ysgol"]
        );
    }
}

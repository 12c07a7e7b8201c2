//! Front matter: TOML between `+++` lines, written key by key.

use std::fmt::Display;

/// A TOML basic string, quoted and escaped.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An inline table, `{ key = value, ... }`; values already in TOML.
pub fn inline(pairs: &[(&str, String)]) -> String {
    let pairs: Vec<String> = pairs.iter().map(|(k, v)| format!("{k} = {v}")).collect();
    format!("{{ {} }}", pairs.join(", "))
}

/// Front matter being written.
pub struct FrontMatter(String);

impl Default for FrontMatter {
    fn default() -> Self {
        FrontMatter("+++\n".to_owned())
    }
}

impl FrontMatter {
    /// `key = "text"`.
    pub fn string(&mut self, key: &str, value: &str) {
        self.bare(key, quote(value));
    }

    /// `key = value`, the value already TOML (a date, a number, an inline table).
    pub fn bare(&mut self, key: &str, value: impl Display) {
        self.0.push_str(&format!("{key} = {value}\n"));
    }

    /// `key = ["text", ...]`.
    pub fn strings(&mut self, key: &str, values: &[String]) {
        let quoted: Vec<String> = values.iter().map(|v| quote(v)).collect();
        self.bare(key, format!("[{}]", quoted.join(", ")));
    }

    /// `key = [...]`, one value (already TOML) a line.
    pub fn array(&mut self, key: &str, values: &[String]) {
        if values.is_empty() {
            return self.bare(key, "[]");
        }
        self.0.push_str(&format!("{key} = [\n"));
        for v in values {
            self.0.push_str(&format!("  {v},\n"));
        }
        self.0.push_str("]\n");
    }

    /// A `[[name]]` header: the keys after it belong to a new table of that array.
    pub fn table_header(&mut self, name: &str) {
        self.0.push_str(&format!("\n[[{name}]]\n"));
    }

    /// The front matter, closed.
    pub fn finish(mut self) -> String {
        self.0.push_str("+++\n\n");
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_valid_toml() {
        let mut fm = FrontMatter::default();
        fm.string("title", "Say \"hi\" \\ there");
        fm.bare("date", "2026-03-04");
        fm.strings("priorities", &["One".into(), "Two, three".into()]);
        fm.array(
            "members",
            &[inline(&[("org", quote("a")), ("role", quote("Chair"))])],
        );
        fm.array("papers", &[]);
        fm.table_header("priorities2");
        fm.string("id", "x");
        let text = fm.finish();
        assert!(text.starts_with("+++\n") && text.ends_with("+++\n\n"));
        assert!(text.contains("members = [\n  { org = \"a\", role = \"Chair\" },\n]\n"));
        assert!(text.contains("title = \"Say \\\"hi\\\" \\\\ there\""));
        assert!(text.contains("papers = []"));
    }
}

//! Spreadsheets as Excel saves them as "CSV UTF-8": a byte-order mark, CRLF
//! line ends, and fields quoted when they hold a comma, a quote or a line break.

/// The CSV bytes of `rows` (the first row is the header).
pub fn excel_csv(rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = String::from('\u{feff}');
    for row in rows {
        let fields: Vec<String> = row.iter().map(|f| field(f)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

fn field(text: &str) -> String {
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_crlf_and_quoting() {
        let rows = vec![
            vec!["id".to_owned(), "name".to_owned()],
            vec!["a".to_owned(), "Federation, \"branch\"".to_owned()],
        ];
        let text = String::from_utf8(excel_csv(&rows)).unwrap();
        assert_eq!(
            text,
            "\u{feff}id,name\r\na,\"Federation, \"\"branch\"\"\"\r\n"
        );
    }
}

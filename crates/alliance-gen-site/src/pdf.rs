//! A tiny, valid one-page PDF: a title and a few lines of Helvetica, with a
//! correct cross-reference table. A few hundred bytes, the same bytes for the same text.

/// A PDF showing `title` and `lines` (non-ASCII characters become `-` or `?`).
pub fn pdf(title: &str, lines: &[&str]) -> Vec<u8> {
    let mut stream = format!("BT /F1 16 Tf 56 780 Td ({}) Tj /F1 11 Tf", text(title));
    for line in lines {
        stream.push_str(&format!(" 0 -22 Td ({}) Tj", text(line)));
    }
    stream.push_str(" ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
        format!("<< /Title ({}) /Producer (alliance-gen-site) >>", text(title)),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        table.push_str(&format!("{offset:010} 00000 n \n"));
    }
    table.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    out.extend_from_slice(table.as_bytes());
    out
}

/// Text for a PDF string literal: ASCII, with `\`, `(` and `)` escaped.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '(' | ')' => {
                out.push('\\');
                out.push(c);
            }
            '–' | '—' => out.push('-'),
            '’' => out.push('\''),
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
            _ => out.push('?'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_references_point_at_objects() {
        let bytes = pdf("Agenda (draft) 2015–2020", &["Thornbury Alliance"]);
        let s = String::from_utf8(bytes.clone()).unwrap();
        assert!(s.starts_with("%PDF-1.4\n") && s.ends_with("%%EOF\n"));
        assert!(s.contains("(Agenda \\(draft\\) 2015-2020)"));
        assert!(bytes.len() < 1000);
        let xref: usize = s.lines().rev().nth(1).unwrap().parse().unwrap();
        assert!(s[xref..].starts_with("xref\n"));
        for (n, line) in s[xref..].lines().skip(3).take(6).enumerate() {
            let offset: usize = line[..10].parse().unwrap();
            assert!(s[offset..].starts_with(&format!("{} 0 obj\n", n + 1)));
        }
    }
}

//! A small hand-made site, shaped like the generator's output, for the
//! packager's tests and the `sample_snapshot` example.

use std::fs;
use std::io;
use std::path::Path;

use alliance_archive::SnapshotMeta;

/// A 1×1 PNG image.
pub(crate) const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x90, 0xf5, 0xeb, 0x06,
    0x00, 0x01, 0x82, 0x00, 0xf7, 0x52, 0x13, 0x4b, 0x31, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
];

/// The metadata the sample site is packaged with.
pub(crate) fn meta() -> SnapshotMeta {
    SnapshotMeta {
        date: "2026-11-22".into(),
        base_url: "https://www.welwynhatfieldalliance.org.uk/".into(),
        title: "Welwyn Hatfield Alliance".into(),
        organisation: "Hertfordshire Archives".into(),
        software: "Alliance 0.1.0".into(),
    }
}

/// An HTML page with a title and relative links, as the generator writes them.
fn page(title: &str, root: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title}</title>\n<link rel=\"stylesheet\" href=\"{root}style.css\">\n</head>\n\
         <body>\n<header><a href=\"{root}\"><img src=\"{root}logo.png\" alt=\"Home\"></a></header>\n\
         <main>\n{body}\n</main>\n</body>\n</html>\n"
    )
}

/// Writes the sample site into `dir` (which must not hold another site).
pub(crate) fn write(dir: &Path) -> io::Result<()> {
    let files: Vec<(&str, Vec<u8>)> = vec![
        (
            "index.html",
            page(
                "Welwyn Hatfield Alliance",
                "",
                "<h1>Welwyn Hatfield Alliance</h1>\n<p><a href=\"about/\">About us</a>, \
                 <a href=\"meetings/\">meetings</a>, <a href=\"docs/strategy.pdf\">our strategy</a>.</p>",
            )
            .into_bytes(),
        ),
        (
            "about/index.html",
            page(
                "About the Alliance &amp; its partners — Welwyn Hatfield Alliance",
                "../",
                "<h1>About the Alliance</h1>\n<p>A partnership of partnerships.</p>",
            )
            .into_bytes(),
        ),
        (
            "meetings/index.html",
            page(
                "Meetings — Welwyn Hatfield Alliance",
                "../",
                "<h1>Meetings</h1>\n<p><a href=\"meetings.ics\">Add to your calendar</a>. \
                 <a href=\"Minutes%20(March%202026).pdf\">Minutes (March 2026)</a></p>",
            )
            .into_bytes(),
        ),
        (
            "meetings/meetings.ics",
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Alliance//EN\r\nBEGIN:VEVENT\r\n\
              UID:executive-2026-12-01@welwynhatfieldalliance.org.uk\r\nDTSTAMP:20261122T000000Z\r\n\
              DTSTART:20261201T100000Z\r\nSUMMARY:Executive Board\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
                .to_vec(),
        ),
        ("meetings/Minutes (March 2026).pdf", pdf("Minutes")),
        ("docs/strategy.pdf", pdf("Sustainable Community Strategy")),
        (
            "404.html",
            page("Page not found — Welwyn Hatfield Alliance", "/", "<h1>Page not found</h1>")
                .into_bytes(),
        ),
        (
            "style.css",
            b"body { font-family: sans-serif; color: #111; }\n".to_vec(),
        ),
        ("logo.png", PNG.to_vec()),
        (
            "sitemap.xml",
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n\
              <url><loc>https://www.welwynhatfieldalliance.org.uk/</loc></url>\n</urlset>\n"
                .to_vec(),
        ),
        (
            "atom.xml",
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\
              <title>News</title></feed>\n"
                .to_vec(),
        ),
    ];
    for (rel, bytes) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, bytes)?;
    }
    Ok(())
}

/// A minimal one-page PDF showing `text`.
fn pdf(text: &str) -> Vec<u8> {
    format!(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
         2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n\
         3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> endobj\n\
         % {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    .into_bytes()
}

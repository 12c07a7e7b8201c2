//! What the archive needs to know of a media type (the types themselves come
//! from `alliance_generator::util::media`).

/// The media type without parameters, as CDXJ indexes record it.
pub(crate) fn essence(content_type: &str) -> &str {
    content_type
        .split(';')
        .next()
        .unwrap_or(content_type)
        .trim()
}

/// Whether a `Content-Type` is an HTML page (listed in `pages.jsonl`).
pub(crate) fn is_html(content_type: &str) -> bool {
    matches!(essence(content_type), "text/html" | "application/xhtml+xml")
}

/// Whether a `Content-Type` names a format that is already compressed, so
/// that gzip at its fastest setting loses almost nothing.
pub(crate) fn is_compressed(content_type: &str) -> bool {
    let essence = essence(content_type);
    essence.starts_with("font/woff")
        || essence.starts_with("audio/")
        || essence.starts_with("video/")
        || essence.contains("openxmlformats")
        || essence.contains("opendocument")
        || matches!(
            essence,
            "image/png"
                | "image/jpeg"
                | "image/gif"
                | "image/webp"
                | "image/avif"
                | "application/pdf"
                | "application/zip"
                | "application/gzip"
                | "application/epub+zip"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use alliance_generator::util::media::media_type;

    #[test]
    fn kinds() {
        assert_eq!(essence("text/html; charset=utf-8"), "text/html");
        assert!(is_html(media_type("404.html")));
        assert!(!is_html(media_type("x.css")));
        assert!(is_compressed(media_type("a.docx")));
        assert!(is_compressed(media_type("a.PNG")));
        assert!(!is_compressed(media_type("a.svg")));
    }
}

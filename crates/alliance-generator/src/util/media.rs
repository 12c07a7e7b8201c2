//! The media type of a site file, from its name: the one table of the
//! project, used by the dev server and the archive packager alike.

/// The `Content-Type` header value for the file at `rel` (a `/`-separated path
/// in the site), with `; charset=utf-8` on the text types the generator writes:
/// what the dev server sends and what a WARC response record carries (an index
/// that wants the bare type takes the part before `;`).
///
/// Unknown extensions are `application/octet-stream`, as most servers send.
pub fn media_type(rel: &str) -> &'static str {
    let name = rel.rsplit('/').next().unwrap_or(rel).to_ascii_lowercase();
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) => (stem, ext),
        None => (name.as_str(), ""),
    };
    match ext {
        "html" | "htm" => "text/html; charset=utf-8",
        "xhtml" => "application/xhtml+xml",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "jsonld" => "application/ld+json",
        "webmanifest" => "application/manifest+json",
        "xml" if stem == "atom" || stem == "feed" => "application/atom+xml",
        "xml" if stem == "rss" => "application/rss+xml",
        "xml" => "application/xml",
        "atom" => "application/atom+xml",
        "rss" => "application/rss+xml",
        "xsl" | "xslt" => "application/xslt+xml",
        "txt" => "text/plain; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "tsv" => "text/tab-separated-values; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "vcf" => "text/vcard; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/vnd.microsoft.icon",
        "bmp" => "image/bmp",
        "tif" | "tiff" => "image/tiff",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "eot" => "application/vnd.ms-fontobject",
        "pdf" => "application/pdf",
        "rtf" => "application/rtf",
        "doc" => "application/msword",
        "dot" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "odp" => "application/vnd.oasis.opendocument.presentation",
        "odg" => "application/vnd.oasis.opendocument.graphics",
        "epub" => "application/epub+zip",
        "zip" => "application/zip",
        "gz" => "application/gzip",
        "mp3" => "audio/mpeg",
        "ogg" | "oga" => "audio/ogg",
        "wav" => "audio/wav",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "vtt" => "text/vtt; charset=utf-8",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        assert_eq!(media_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(media_type("a/B.PDF"), "application/pdf");
        assert_eq!(media_type("atom.xml"), "application/atom+xml");
        assert_eq!(media_type("news/atom.xml"), "application/atom+xml");
        assert_eq!(media_type("news/feed.xml"), "application/atom+xml");
        assert_eq!(media_type("news/x.atom"), "application/atom+xml");
        assert_eq!(media_type("sitemap.xml"), "application/xml");
        assert_eq!(
            media_type("meetings/all.ics"),
            "text/calendar; charset=utf-8"
        );
        assert_eq!(media_type("events/x.ics"), "text/calendar; charset=utf-8");
        assert_eq!(media_type("fonts/x.woff2"), "font/woff2");
        assert_eq!(media_type("a/b.WOFF2"), "font/woff2");
        assert_eq!(media_type("favicon.ico"), "image/vnd.microsoft.icon");
        assert_eq!(media_type("site.webmanifest"), "application/manifest+json");
        assert_eq!(media_type("app.mjs"), "text/javascript; charset=utf-8");
        assert_eq!(media_type("a.wasm"), "application/wasm");
        assert_eq!(media_type("members.csv"), "text/csv; charset=utf-8");
        assert_eq!(media_type("robots.txt"), "text/plain; charset=utf-8");
        assert_eq!(
            media_type("a.docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        );
        assert_eq!(media_type("CNAME"), "application/octet-stream");
        assert_eq!(
            media_type(".well-known/x.odt"),
            "application/vnd.oasis.opendocument.text"
        );
    }
}

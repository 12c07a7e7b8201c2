//! Answering HTTP: the worker threads, mapping request paths safely onto the
//! in-memory build, media types, and the scripts and panels added to served
//! HTML pages (never to the build itself).

use std::io;
use std::time::Duration;

use alliance_generator::util::media::media_type;
use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

use crate::State;
use crate::rebuild::Served;

/// The path of the Server-Sent Events endpoint the reload script listens on.
pub const EVENTS_PATH: &str = "/__alliance/events";

/// The script injected before `</body>` in served HTML pages only.
const RELOAD_SCRIPT: &str = r#"<script>(function(){var s=new EventSource("/__alliance/events");s.addEventListener("reload",function(){location.reload();});s.addEventListener("css",function(){document.querySelectorAll('link[rel="stylesheet"]').forEach(function(l){var u=new URL(l.href);u.searchParams.set("__alliance",Date.now());l.href=u.href;});});})();</script>"#;

/// The page served when even the build's `404.html` is missing.
const FALLBACK_404: &[u8] = b"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><main><h1>Not found</h1></main></body></html>";

/// A worker: answers requests until the server stops.
pub(crate) fn worker(server: &Server, state: &State) {
    while !state.stopping() {
        match server.recv_timeout(Duration::from_millis(200)) {
            Ok(Some(request)) => handle(request, state),
            Ok(None) => {}
            Err(e) => {
                eprintln!("warning: http: {e}");
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }
}

/// Answers one request.
fn handle(request: Request, state: &State) {
    // The browser editor's page, config and API (`cms`) take their own requests.
    let Some(request) = crate::cms::handle(request, state) else {
        return;
    };
    let head = match request.method() {
        Method::Get => false,
        Method::Head => true,
        _ => {
            let response = text_response(405, "Method not allowed\n")
                .with_header(header("Allow", "GET, HEAD"));
            let _ = request.respond(response);
            return;
        }
    };
    let raw = request.url().to_owned();
    let raw_path = raw.split(['?', '#']).next().unwrap_or("");
    if raw_path == EVENTS_PATH && !head {
        state.clients.subscribe(request);
        return;
    }
    // One snapshot per request: the files, overlay and panel of one build.
    let served = state.site.served();
    let response = match resolve(raw_path, &served) {
        Resolved::Bad => text_response(400, "Bad request\n"),
        Resolved::Redirect(location) => {
            text_response(301, "Moved\n").with_header(header("Location", &location))
        }
        Resolved::File(key) => file_response(200, &key, &served),
        Resolved::NotFound => file_response(404, "404.html", &served),
    };
    let _ = request.respond(response);
}

/// Where a request path leads.
enum Resolved {
    Bad,
    Redirect(String),
    File(String),
    NotFound,
}

/// Maps a raw request path to a key of the in-memory build; never to
/// anything else.
fn resolve(raw_path: &str, served: &Served) -> Resolved {
    let Some(path) = safe_path(raw_path) else {
        return Resolved::Bad;
    };
    let key = path.trim_start_matches('/');
    if key.is_empty() || key.ends_with('/') {
        let index = format!("{key}index.html");
        return if served.files.contains_key(&index) {
            Resolved::File(index)
        } else {
            Resolved::NotFound
        };
    }
    if served.files.contains_key(key) {
        Resolved::File(key.to_owned())
    } else if served.files.contains_key(&format!("{key}/index.html")) {
        Resolved::Redirect(format!("{raw_path}/"))
    } else {
        Resolved::NotFound
    }
}

/// The percent-decoded path, or `None` when it is malformed or tries to
/// leave the site: `..` or `.` segments (encoded or not), backslashes, NUL,
/// empty segments (`//etc/passwd`) or a path not starting with `/`.
pub fn safe_path(raw_path: &str) -> Option<String> {
    if !raw_path.starts_with('/') || raw_path.contains('\\') {
        return None;
    }
    let decoded = percent_decode(raw_path)?;
    if decoded.contains(['\\', '\0']) || decoded.chars().any(char::is_control) {
        return None;
    }
    let inner = decoded.strip_prefix('/')?;
    let segments: Vec<&str> = inner.split('/').collect();
    let last = segments.len() - 1;
    for (i, segment) in segments.iter().enumerate() {
        let empty_ok = i == last; // a trailing slash
        if (segment.is_empty() && !empty_ok) || *segment == "." || *segment == ".." {
            return None;
        }
        if segment.contains(':') && i == 0 {
            return None; // `C:` and friends
        }
    }
    Some(decoded)
}

/// Decodes `%XX` escapes; `None` on a malformed escape or invalid UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A file from the build, with the reload script, any overlay and any
/// warnings panel added to HTML; a plain page when even `404.html` is missing.
fn file_response(status: u16, key: &str, served: &Served) -> Response<io::Cursor<Vec<u8>>> {
    let (key, bytes) = match served.files.get(key) {
        Some(bytes) => (key, &bytes[..]),
        None => ("404.html", FALLBACK_404),
    };
    let bytes = if key.ends_with(".html") {
        decorate(
            bytes,
            served.overlay.as_deref().map(String::as_str),
            served.panel.as_deref().map(String::as_str),
        )
    } else {
        bytes.to_vec()
    };
    Response::from_data(bytes)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", media_type(key)))
        .with_header(header("Cache-Control", "no-store"))
}

/// Adds the overlay after `<body ...>`, and the warnings panel and the reload
/// script before `</body>` (last in reading order, out of the page's flow).
fn decorate(html: &[u8], overlay: Option<&str>, panel: Option<&str>) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let mut out = String::with_capacity(text.len() + 4096);
    let mut rest: &str = &text;
    if let Some(overlay) = overlay {
        match rest
            .find("<body")
            .and_then(|b| rest[b..].find('>').map(|e| b + e + 1))
        {
            Some(end) => {
                out.push_str(&rest[..end]);
                out.push_str(overlay);
                rest = &rest[end..];
            }
            None => out.push_str(overlay),
        }
    }
    let (before, after) = rest.split_at(rest.rfind("</body>").unwrap_or(rest.len()));
    out.push_str(before);
    out.push_str(panel.unwrap_or_default());
    out.push_str(RELOAD_SCRIPT);
    out.push_str(after);
    out.into_bytes()
}

/// A short plain-text response.
fn text_response(status: u16, body: &str) -> Response<io::Cursor<Vec<u8>>> {
    Response::from_data(body.as_bytes().to_vec())
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
}

/// A header from known-good ASCII parts.
fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_path_rejects_escapes() {
        for bad in [
            "/../config.toml",
            "/%2e%2e/config.toml",
            "/%2E%2E/config.toml",
            "/..%2fconfig.toml",
            "/a\\..\\config.toml",
            "/a%5c..%5cconfig.toml",
            "//etc/passwd",
            "/%2fetc/passwd",
            "/a/%00",
            "/a/%zz",
            "/C:/x",
            "relative",
            "/./x",
        ] {
            assert_eq!(safe_path(bad), None, "{bad}");
        }
        assert_eq!(safe_path("/about/").as_deref(), Some("/about/"));
        assert_eq!(safe_path("/a%20b.html").as_deref(), Some("/a b.html"));
        assert_eq!(safe_path("/").as_deref(), Some("/"));
    }

    #[test]
    fn decorate_inserts_overlay_and_script() {
        let html = b"<html><body class=\"x\"><p>hi</p></body></html>";
        let out =
            String::from_utf8(decorate(html, Some("<div role=\"alert\">E</div>"), None)).unwrap();
        assert!(out.starts_with("<html><body class=\"x\"><div role=\"alert\">E</div><p>hi</p>"));
        assert!(out.ends_with(&format!("{RELOAD_SCRIPT}</body></html>")));
    }

    #[test]
    fn decorate_puts_the_panel_last() {
        let html = b"<html><body><main>hi</main></body></html>";
        let out = String::from_utf8(decorate(html, None, Some("<aside>W</aside>"))).unwrap();
        assert_eq!(
            out,
            format!("<html><body><main>hi</main><aside>W</aside>{RELOAD_SCRIPT}</body></html>")
        );
        let bare = String::from_utf8(decorate(b"<p>x", None, None)).unwrap();
        assert_eq!(bare, format!("<p>x{RELOAD_SCRIPT}"));
    }
}

//! The browser editor while serving: `/admin/` (Decap CMS's page),
//! `/admin/config.yml` (made from the site's content model on each request)
//! and Decap's local-backend API, `POST /api/v1`, answered here so no Node
//! server is needed to edit (the protocol of decap-server's `localFs`
//! middleware: the same actions, parameters and answers).
//!
//! The API writes files, and any web page open in the same browser can send
//! requests to a server on loopback: a request is answered only if its
//! `Origin` is this server's own address as the browser names it (a
//! `localhost` or IP-literal host, so a DNS-rebound name is refused), and
//! every path is confined to `content/` and `static/` (no `..`, no absolute
//! paths, nothing reached through a symbolic link).
//!
//! Requests and replies here are plain values ([`Request`], [`Reply`]); only
//! [`handle`] knows hyper.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use alliance_generator::cms::{self, Backend};
use data_encoding::BASE64;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use bytes::Bytes;
use http_body_util::{BodyExt, Either, Full, LengthLimitError, Limited};
use hyper::StatusCode;
use hyper::body::Incoming;
use hyper::header::{CACHE_CONTROL, HOST, HeaderName, HeaderValue, ORIGIN};

use crate::State;
use crate::http::Answer;

/// The API's path.
pub const API_PATH: &str = "/api/v1";

/// The largest request body accepted (a base64 PDF of about 45 MB).
const MAX_BODY: u64 = 64 * 1024 * 1024;

/// The folders of the site the API reads and writes.
const ALLOWED: [&str; 2] = ["content", "static"];

/// A request, as far as the editor's routes need it.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// `GET`, `POST`...
    pub method: &'a str,
    /// The path, without the query.
    pub path: &'a str,
    /// The `Host` header.
    pub host: Option<&'a str>,
    /// The `Origin` header.
    pub origin: Option<&'a str>,
    /// The body.
    pub body: &'a [u8],
}

/// A reply: status, headers and body.
#[derive(Debug, Clone)]
pub struct Reply {
    /// The HTTP status.
    pub status: u16,
    /// Headers besides `Cache-Control: no-store`.
    pub headers: Vec<(&'static str, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Reply {
    fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type", content_type.to_owned())],
            body: body.into(),
        }
    }

    fn json(status: u16, value: &Value) -> Reply {
        Reply::new(status, "application/json", value.to_string())
    }

    fn error(status: u16, message: impl Into<String>) -> Reply {
        Reply::json(status, &json!({ "error": message.into() }))
    }
}

/// Whether a request path is one of the editor's routes.
pub(crate) fn is_editor_path(path: &str) -> bool {
    path == API_PATH || path == "/admin" || path.starts_with("/admin/")
}

/// Answers a request to one of the editor's routes (see [`is_editor_path`]):
/// reads its body (at most [`MAX_BODY`] bytes), then [`answer`]s it.
pub(crate) async fn handle(request: hyper::Request<Incoming>, state: &State) -> Answer {
    let (parts, body) = request.into_parts();
    let header = |name: HeaderName| {
        parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let (host, origin) = (header(HOST), header(ORIGIN));
    let reply = match Limited::new(body, MAX_BODY as usize).collect().await {
        Err(e) if e.is::<LengthLimitError>() => Reply::error(413, "the request is too large"),
        Err(e) => Reply::error(400, format!("cannot read the request: {e}")),
        Ok(collected) => {
            let body = collected.to_bytes();
            let request = Request {
                method: parts.method.as_str(),
                path: parts.uri.path(),
                host: host.as_deref(),
                origin: origin.as_deref(),
                body: &body,
            };
            answer(&request, state.site.root(), state.port, |origin| {
                state
                    .site
                    .with_site(|site| cms::config_yml(site, Backend::Local(origin)))
            })
        }
    };
    let mut response = hyper::Response::new(Either::Left(Full::new(Bytes::from(reply.body))));
    *response.status_mut() =
        StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    for (name, value) in &reply.headers {
        if let Ok(value) = HeaderValue::from_str(value) {
            headers.insert(*name, value);
        }
    }
    response
}

/// Answers a request to the editor's routes for the site at `root`, served
/// on `port`; `config` makes `config.yml` for the origin given (`None` while
/// the site has never built).
pub fn answer(
    request: &Request<'_>,
    root: &Path,
    port: u16,
    config: impl FnOnce(&str) -> Option<String>,
) -> Reply {
    let get = matches!(request.method, "GET" | "HEAD");
    match request.path {
        "/admin" if get => Reply {
            status: 301,
            headers: vec![("Location", "/admin/".to_owned())],
            body: b"Moved\n".to_vec(),
        },
        "/admin/" | "/admin/index.html" if get => {
            match page(root, &own_origin(request.host, port).unwrap_or_default()) {
                Ok(html) => Reply::new(200, "text/html; charset=utf-8", html),
                Err(e) => Reply::error(500, e),
            }
        }
        "/admin/config.yml" if get => {
            let Some(origin) = own_origin(request.host, port) else {
                return Reply::error(403, "open the editor at http://127.0.0.1 or localhost");
            };
            match config(&origin) {
                Some(yaml) => Reply::new(200, "text/yaml; charset=utf-8", yaml),
                None => Reply::error(
                    503,
                    "the site has not built yet: fix the errors shown in the terminal",
                ),
            }
        }
        API_PATH if request.method == "POST" => {
            let own = own_origin(request.host, port);
            if own.is_none() || request.origin != own.as_deref() {
                return Reply::error(403, "requests must come from the editor of this server");
            }
            match serde_json::from_slice::<Value>(request.body) {
                Ok(body) => api(&body, root),
                Err(e) => Reply::error(422, format!("the request is not JSON: {e}")),
            }
        }
        API_PATH => Reply::error(405, "the API takes POST"),
        _ => Reply::new(404, "text/plain; charset=utf-8", "Not found\n"),
    }
}

/// The editor's page, from the site as it is on disk now, served at `origin`.
fn page(root: &Path, origin: &str) -> Result<String, String> {
    let (content, _) = alliance_generator::pipeline::prepare(root, None)
        .map_err(|_| "the site's config.toml has errors: see the terminal".to_owned())?;
    Ok(cms::index_html(&content.site, Backend::Local(origin)))
}

/// This server's origin as the browser names it, from the `Host` header: the
/// host must be `localhost` or an IP address (a name could have been
/// rebound to this machine by another site) and the port this one's.
fn own_origin(host: Option<&str>, port: u16) -> Option<String> {
    let host = host?;
    let (name, given) = host.rsplit_once(':')?;
    if given.parse::<u16>().ok()? != port {
        return None;
    }
    let literal = name == "localhost"
        || name.parse::<std::net::Ipv4Addr>().is_ok()
        || name
            .strip_prefix('[')
            .and_then(|n| n.strip_suffix(']'))
            .is_some_and(|n| n.parse::<std::net::Ipv6Addr>().is_ok());
    literal.then(|| format!("http://{host}"))
}

/// Why a request was not done.
struct Refused(u16, String);

impl From<io::Error> for Refused {
    fn from(e: io::Error) -> Self {
        Refused(500, e.to_string())
    }
}

/// Answers one API call, as decap-server's `localFs` middleware does.
fn api(body: &Value, root: &Path) -> Reply {
    let action = body["action"].as_str().unwrap_or("");
    let params = &body["params"];
    let reply = root
        .canonicalize()
        .map_err(Refused::from)
        .and_then(|root| action_reply(action, params, &root));
    match reply {
        Ok(value) => Reply::json(200, &value),
        Err(Refused(status, message)) => Reply::error(status, message),
    }
}

fn action_reply(action: &str, params: &Value, root: &Path) -> Result<Value, Refused> {
    match action {
        "info" => Ok(json!({
            "repo": root.file_name().map(|n| n.to_string_lossy()).unwrap_or_default(),
            "publish_modes": ["simple"],
            "type": "local_fs",
        })),
        "entriesByFolder" => {
            let folder = confine(root, text(params, "folder")?)?;
            let extension = text(params, "extension")?;
            let depth = params["depth"].as_u64().unwrap_or(1);
            let mut files = Vec::new();
            list(root, &folder, extension, depth, &mut files);
            Ok(Value::Array(
                files.iter().map(|f| entry(root, f, None)).collect(),
            ))
        }
        "entriesByFiles" => {
            let files = params["files"].as_array().ok_or_else(|| missing("files"))?;
            let entries = files
                .iter()
                .map(|f| {
                    let path = text(f, "path")?;
                    confine(root, path)?;
                    Ok(entry(root, path, f["label"].as_str()))
                })
                .collect::<Result<Vec<_>, Refused>>()?;
            Ok(Value::Array(entries))
        }
        "getEntry" => {
            let path = text(params, "path")?;
            confine(root, path)?;
            Ok(entry(root, path, None))
        }
        "persistEntry" => {
            let files: Vec<&Value> = match params["dataFiles"].as_array() {
                Some(files) => files.iter().collect(),
                None => vec![&params["entry"]],
            };
            let assets = params["assets"].as_array().map_or(&[][..], Vec::as_slice);
            // Check every path before writing anything.
            let mut writes = Vec::new();
            for file in &files {
                let raw = text(file, "raw")?;
                writes.push((confine(root, text(file, "path")?)?, raw.as_bytes().to_vec()));
            }
            for asset in assets {
                writes.push((confine(root, text(asset, "path")?)?, decode(asset)?));
            }
            let mut moves = Vec::new();
            for file in files.iter().filter(|f| f["newPath"].is_string()) {
                moves.push((
                    confine(root, text(file, "path")?)?,
                    confine(root, text(file, "newPath")?)?,
                ));
            }
            for (path, bytes) in writes {
                write(&path, &bytes)?;
            }
            if moves.len() == files.len() {
                for (from, to) in moves {
                    fs::create_dir_all(to.parent().unwrap_or(root))?;
                    fs::rename(from, to)?;
                }
            }
            Ok(json!({ "message": "entry persisted" }))
        }
        "getMedia" => {
            let folder = text(params, "mediaFolder")?;
            let dir = confine(root, folder)?;
            let mut files = Vec::new();
            list(root, &dir, "", 1, &mut files);
            files
                .iter()
                .map(|f| media_file(root, f))
                .collect::<Result<Vec<_>, _>>()
                .map(Value::Array)
        }
        "getMediaFile" => {
            let path = text(params, "path")?;
            confine(root, path)?;
            media_file(root, path)
        }
        "persistMedia" => {
            let asset = &params["asset"];
            let path = text(asset, "path")?;
            write(&confine(root, path)?, &decode(asset)?)?;
            media_file(root, path)
        }
        "deleteFile" => {
            let path = text(params, "path")?;
            delete(&confine(root, path)?);
            Ok(json!({ "message": format!("deleted file {path}") }))
        }
        "deleteFiles" => {
            let paths = params["paths"].as_array().ok_or_else(|| missing("paths"))?;
            let paths = paths
                .iter()
                .map(|p| p.as_str().ok_or_else(|| missing("paths")))
                .collect::<Result<Vec<_>, _>>()?;
            let confined = paths
                .iter()
                .map(|p| confine(root, p))
                .collect::<Result<Vec<_>, _>>()?;
            confined.iter().for_each(|p| delete(p));
            Ok(json!({ "message": format!("deleted files {}", paths.join(", ")) }))
        }
        "getDeployPreview" => Ok(Value::Null),
        other => Err(Refused(422, format!("Unknown action {other}"))),
    }
}

fn missing(name: &str) -> Refused {
    Refused(422, format!("`{name}` is missing from the request"))
}

/// A text parameter.
fn text<'v>(params: &'v Value, name: &str) -> Result<&'v str, Refused> {
    params[name].as_str().ok_or_else(|| missing(name))
}

/// An asset's bytes, from base64.
fn decode(asset: &Value) -> Result<Vec<u8>, Refused> {
    if asset["encoding"].as_str() != Some("base64") {
        return Err(Refused(422, "assets must be base64".to_owned()));
    }
    BASE64
        .decode(text(asset, "content")?.as_bytes())
        .map_err(|e| Refused(422, format!("the asset is not base64: {e}")))
}

/// The file a repository-relative path names (`root` canonical), if it is under `content/` or
/// `static/` of the site: a relative path of plain names (no `..`, `.`,
/// backslashes, drive letters or NUL), whose deepest existing part, with
/// every symbolic link resolved, is still inside one of those folders.
fn confine(root: &Path, path: &str) -> Result<PathBuf, Refused> {
    let refuse = |why: &str| Err(Refused(403, format!("refused `{path}`: {why}")));
    if path.contains(['\\', '\0']) || path.starts_with('/') || Path::new(path).is_absolute() {
        return refuse("only paths inside the site's content/ and static/ folders");
    }
    let relative = Path::new(path);
    let mut parts = relative.components();
    let top = match parts.next() {
        Some(Component::Normal(top)) => top.to_string_lossy().into_owned(),
        _ => return refuse("only paths inside the site's content/ and static/ folders"),
    };
    if !ALLOWED.contains(&top.as_str()) {
        return refuse("only the site's content/ and static/ folders can be edited");
    }
    if !parts.all(|c| matches!(c, Component::Normal(n) if !n.to_string_lossy().contains(':'))) {
        return refuse("a path may not contain `..` or `.`");
    }
    let base = root.join(&top);
    let full = root.join(relative);
    // The deepest part that exists, symbolic links resolved, must be inside
    // (or be the site itself, when `static/` is still to be made).
    let mut existing = full.as_path();
    while fs::symlink_metadata(existing).is_err() {
        existing = match existing.parent() {
            Some(parent) => parent,
            None => return refuse("the site folder is missing"),
        };
    }
    let real = existing.canonicalize()?;
    if !(real.starts_with(&base) || existing == root) {
        return refuse("it leads outside the site's folders through a symbolic link");
    }
    if fs::symlink_metadata(&full).is_ok_and(|m| m.file_type().is_symlink()) {
        return refuse("it is a symbolic link");
    }
    Ok(full)
}

/// The files under `dir` ending in `extension`, `depth` levels down (1: only
/// those in `dir`), as `/`-separated paths from the site root; symbolic links
/// are not followed.
fn list(root: &Path, dir: &Path, extension: &str, depth: u64, out: &mut Vec<String>) {
    if depth == 0 {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let path = entry.path();
        if kind.is_dir() {
            list(root, &path, extension, depth - 1, out);
        } else if kind.is_file()
            && path.to_string_lossy().ends_with(extension)
            && let Ok(relative) = path.strip_prefix(root)
        {
            out.push(slashed(relative));
        }
    }
}

/// A path with `/` between its parts.
fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// An entry as Decap reads it: the file's text and its content hash, or
/// nulls if it cannot be read.
fn entry(root: &Path, path: &str, label: Option<&str>) -> Value {
    let mut file = json!({ "path": path, "id": Value::Null });
    if let Some(label) = label {
        file["label"] = json!(label);
    }
    match fs::read(root.join(path)) {
        Ok(bytes) => {
            file["id"] = json!(sha256(&bytes));
            json!({ "data": String::from_utf8_lossy(&bytes), "file": file })
        }
        Err(_) => json!({ "data": Value::Null, "file": file }),
    }
}

/// A media file as Decap reads it: base64 content, hash, path and name.
fn media_file(root: &Path, path: &str) -> Result<Value, Refused> {
    let bytes = fs::read(root.join(path)).map_err(|e| Refused(404, format!("{path}: {e}")))?;
    Ok(json!({
        "id": sha256(&bytes),
        "content": BASE64.encode(&bytes),
        "encoding": "base64",
        "path": path,
        "name": path.rsplit('/').next().unwrap_or(path),
    }))
}

/// The SHA-256 of some bytes, in hex.
fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Writes a file whole (a temporary file renamed over it, so the watcher
/// never reads half of it), making its folders.
fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = dir.join(format!(".{name}.alliance-partial"));
    fs::write(&temporary, bytes)?;
    fs::rename(&temporary, path)
}

/// Deletes a file, ignoring one already gone (as decap-server does).
fn delete(path: &Path) {
    let _ = fs::remove_file(path);
}

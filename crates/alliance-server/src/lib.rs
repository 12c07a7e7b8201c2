//! Alliance's dev server: builds a site in memory, serves it on loopback,
//! watches the site folder, rebuilds on change and reloads the browser over
//! Server-Sent Events.
//!
//! The served files live only in memory (a map from site path to bytes), so
//! nothing on disk is reachable through the server. A failed rebuild keeps the
//! last good build and shows the diagnostics in an overlay on every page.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Write};
use std::net::SocketAddr;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, RwLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use alliance_generator::incremental::{Files, LiveSite};
use alliance_generator::util::walk::is_ignored_name;
use alliance_generator::{Diagnostics, Mode};
use notify::event::ModifyKind;
use notify::{EventKind, RecursiveMode, Watcher};
use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

/// The path of the Server-Sent Events endpoint the reload script listens on.
pub const EVENTS_PATH: &str = "/__alliance/events";

/// Worker threads answering HTTP requests.
const WORKERS: usize = 8;

/// How many ports after the requested one are tried when it is taken.
const PORT_ATTEMPTS: u16 = 10;

/// How long the file system must be quiet before a rebuild starts.
const DEBOUNCE: Duration = Duration::from_millis(30);

/// Folders under the site root whose changes trigger a rebuild.
const WATCHED_DIRS: [&str; 5] = ["content", "static", "templates", "themes", "sass"];

/// The script injected before `</body>` in served HTML pages only.
const RELOAD_SCRIPT: &str = r#"<script>(function(){var s=new EventSource("/__alliance/events");s.addEventListener("reload",function(){location.reload();});s.addEventListener("css",function(){document.querySelectorAll('link[rel="stylesheet"]').forEach(function(l){var u=new URL(l.href);u.searchParams.set("__alliance",Date.now());l.href=u.href;});});})();</script>"#;

/// How to run the dev server.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder (holding `config.toml`).
    pub root: PathBuf,
    /// The address to bind; loopback by default.
    pub bind: String,
    /// The port to listen on; the next free one (up to 10 further) is used if
    /// it is taken. `0` asks the system for any free port.
    pub port: u16,
    /// Open the site in the default browser once serving.
    pub open: bool,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            root: PathBuf::from("."),
            bind: "127.0.0.1".to_owned(),
            port: 1111,
            open: false,
        }
    }
}

/// Why the server could not start.
#[derive(Debug)]
pub enum ServeError {
    /// No port could be bound (the message says which were tried).
    Bind(String),
    /// The file watcher could not be set up.
    Watch(String),
    /// Another I/O failure.
    Io(io::Error),
}

impl fmt::Display for ServeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServeError::Bind(m) => write!(f, "cannot listen: {m}"),
            ServeError::Watch(m) => write!(f, "cannot watch the site folder: {m}"),
            ServeError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ServeError {}

impl From<io::Error> for ServeError {
    fn from(e: io::Error) -> Self {
        ServeError::Io(e)
    }
}

/// One complete build, served as is.
#[derive(Default)]
struct Build {
    files: Files,
}

/// Everything the workers and the watcher share.
struct State {
    root: PathBuf,
    base_url: String,
    /// The last good build, swapped whole after each successful rebuild.
    build: RwLock<Arc<Build>>,
    /// The site kept loaded for incremental rebuilds (none until a build succeeds).
    live: Mutex<Option<LiveSite>>,
    /// The overlay shown while the latest rebuild failed.
    overlay: RwLock<Option<Arc<String>>>,
    /// Connected SSE clients: each a queue drained by its own writer thread.
    clients: Mutex<Vec<mpsc::SyncSender<Arc<str>>>>,
    stop: AtomicBool,
}

/// A server running in background threads; see [`start`].
pub struct RunningServer {
    port: u16,
    title: String,
    state: Arc<State>,
    threads: Vec<JoinHandle<()>>,
}

impl RunningServer {
    /// The port actually listened on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The site's title from the first build (empty if it failed).
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The root URL, e.g. `http://127.0.0.1:1111/`.
    pub fn url(&self) -> String {
        format!("{}/", self.state.base_url)
    }

    /// A copy of the current in-memory build, exactly as rendered (without
    /// the reload script or overlay that serving adds).
    pub fn files(&self) -> BTreeMap<String, Vec<u8>> {
        read_lock(&self.state.build)
            .files
            .iter()
            .map(|(path, bytes)| (path.clone(), bytes.to_vec()))
            .collect()
    }

    /// How many Server-Sent Events listeners are connected (those whose
    /// connection failed are dropped at the next event or 15-second ping).
    pub fn listeners(&self) -> usize {
        lock(&self.state.clients).len()
    }

    /// Stops the workers and the watcher and waits for them.
    pub fn stop(self) {
        self.state.stop.store(true, Ordering::SeqCst);
        lock(&self.state.clients).clear();
        for thread in self.threads {
            let _ = thread.join();
        }
    }

    /// Blocks until the server stops (in practice, until the process ends).
    pub fn wait(self) {
        for thread in self.threads {
            let _ = thread.join();
        }
    }
}

/// Builds the site, serves it and watches it; blocks until the process is
/// interrupted (Ctrl-C ends the process; everything is in memory, so there
/// is nothing to clean up).
pub fn serve(options: ServeOptions) -> Result<(), ServeError> {
    let open = options.open;
    let server = start(options)?;
    println!(
        "Serving {} at {} (Ctrl-C to stop)",
        if server.title().is_empty() {
            "the site"
        } else {
            server.title()
        },
        server.url()
    );
    if open {
        open_browser(&server.url());
    }
    server.wait();
    Ok(())
}

/// Binds, builds the site in memory and starts the worker and watcher
/// threads; returns at once. A failed first build is reported and shown in
/// the overlay; the server still starts and picks up the fix.
pub fn start(options: ServeOptions) -> Result<RunningServer, ServeError> {
    let root = options.root.canonicalize().map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("cannot open site folder {}: {e}", options.root.display()),
        )
    })?;
    let (server, port) = bind(&options.bind, options.port)?;
    let host = if options.bind.contains(':') {
        format!("[{}]", options.bind)
    } else {
        options.bind.clone()
    };
    let state = Arc::new(State {
        root,
        base_url: format!("http://{host}:{port}"),
        build: RwLock::new(Arc::new(Build::default())),
        live: Mutex::new(None),
        overlay: RwLock::new(None),
        clients: Mutex::new(Vec::new()),
        stop: AtomicBool::new(false),
    });

    let mut title = String::new();
    match build_site(&state.root, &state.base_url) {
        Ok(live) => {
            title = live.site().config.title.clone();
            *write_lock(&state.build) = Arc::new(Build {
                files: live.files().clone(),
            });
            *lock(&state.live) = Some(live);
        }
        Err(diagnostics) => {
            eprint!("{}", diagnostics.report());
            *write_lock(&state.overlay) = Some(Arc::new(overlay_html(&diagnostics)));
        }
    }

    // Watch before serving so no edit made after `start` returns is missed.
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher =
        notify::recommended_watcher(tx).map_err(|e| ServeError::Watch(e.to_string()))?;
    watcher
        .watch(&state.root, RecursiveMode::NonRecursive)
        .map_err(|e| ServeError::Watch(e.to_string()))?;
    for dir in WATCHED_DIRS {
        let path = state.root.join(dir);
        if path.is_dir() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| ServeError::Watch(format!("{}: {e}", path.display())))?;
        }
    }

    let server = Arc::new(server);
    let mut threads = Vec::new();
    for i in 0..WORKERS {
        let server = Arc::clone(&server);
        let state = Arc::clone(&state);
        threads.push(
            std::thread::Builder::new()
                .name(format!("alliance-http-{i}"))
                .spawn(move || worker(&server, &state))?,
        );
    }
    {
        let state = Arc::clone(&state);
        threads.push(
            std::thread::Builder::new()
                .name("alliance-watch".to_owned())
                .spawn(move || {
                    let _watcher = watcher; // dropped (and stopped) with this thread
                    watch_loop(&rx, &state);
                })?,
        );
    }
    Ok(RunningServer {
        port,
        title,
        state,
        threads,
    })
}

/// Binds `bind:port`, or the next free port among the following ten.
fn bind(bind: &str, port: u16) -> Result<(Server, u16), ServeError> {
    let attempts = if port == 0 { 1 } else { PORT_ATTEMPTS + 1 };
    let mut last_error = String::new();
    for offset in 0..attempts {
        let Some(candidate) = port.checked_add(offset) else {
            break;
        };
        let addr = if bind.contains(':') {
            format!("[{bind}]:{candidate}")
        } else {
            format!("{bind}:{candidate}")
        };
        match Server::http(&addr) {
            Ok(server) => {
                let actual = server
                    .server_addr()
                    .to_ip()
                    .map(|a: SocketAddr| a.port())
                    .unwrap_or(candidate);
                if offset > 0 {
                    println!("Port {port} is taken; using port {actual} instead.");
                }
                return Ok((server, actual));
            }
            Err(e) => last_error = format!("{addr}: {e}"),
        }
    }
    Err(ServeError::Bind(format!(
        "no free port from {port} to {} ({last_error}); try --port with another number",
        port.saturating_add(attempts - 1)
    )))
}

/// A full build into memory; a panic in the generator becomes a diagnostic.
fn build_site(root: &Path, base_url: &str) -> Result<LiveSite, Diagnostics> {
    catch_unwind(AssertUnwindSafe(|| {
        LiveSite::build(root, Some(base_url), Mode::default())
    }))
    .unwrap_or_else(|_| Err(crashed()))
}

/// The diagnostic shown when the generator panics (a bug in Alliance).
fn crashed() -> Diagnostics {
    Diagnostics::from(vec![alliance_generator::Diagnostic::error(
        "config.toml",
        "the generator crashed while building this site (this is a bug in Alliance)",
    )])
}

/// Applies changes to the loaded site, or builds it whole if none is loaded.
/// Returns the new files, the pages rendered and whether any file changed.
fn update_site(
    state: &State,
    changed: &[String],
) -> Result<(Files, usize, Vec<String>), Diagnostics> {
    let mut live = lock(&state.live);
    let result = catch_unwind(AssertUnwindSafe(|| match live.as_mut() {
        Some(site) => site
            .update(changed)
            .map(|u| (site.files().clone(), u.rendered, u.changed)),
        None => {
            let site = LiveSite::build(&state.root, Some(&state.base_url), Mode::default())?;
            let files = site.files().clone();
            let pages = site.site().pages.len();
            let all = files.keys().cloned().collect();
            *live = Some(site);
            Ok((files, pages, all))
        }
    }));
    result.unwrap_or_else(|_| {
        // A half-applied update cannot be trusted: start again from disk next time.
        *live = None;
        Err(crashed())
    })
}

/// Receives file events, debounces them (a batch ends after
/// [`DEBOUNCE`] of quiet, or one second at most) and rebuilds; pings SSE
/// clients meanwhile so dead ones are noticed.
fn watch_loop(rx: &mpsc::Receiver<notify::Result<notify::Event>>, state: &State) {
    let mut last_ping = Instant::now();
    let mut pending: Vec<String> = Vec::new();
    let mut batch_started = Instant::now();
    while !state.stop.load(Ordering::SeqCst) {
        let wait = if pending.is_empty() {
            Duration::from_millis(200)
        } else {
            DEBOUNCE
        };
        match rx.recv_timeout(wait) {
            Ok(Ok(event)) => {
                if changes_content(&event.kind) {
                    if pending.is_empty() {
                        batch_started = Instant::now();
                    }
                    pending.extend(event.paths.iter().filter_map(|p| relevant(&state.root, p)));
                }
                if pending.is_empty() || batch_started.elapsed() < Duration::from_secs(1) {
                    continue;
                }
            }
            Ok(Err(e)) => eprintln!("warning: file watcher: {e}"),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
        if !pending.is_empty() {
            pending.sort();
            pending.dedup();
            rebuild(state, &std::mem::take(&mut pending));
        }
        if last_ping.elapsed() > Duration::from_secs(15) {
            last_ping = Instant::now();
            broadcast(state, ": ping\n\n");
        }
    }
}

/// Whether an event can change a file's content or existence (reads, which
/// the build itself causes, cannot).
fn changes_content(kind: &EventKind) -> bool {
    !matches!(
        kind,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_))
    )
}

/// The path relative to the root, with `/` separators, if a change to it
/// should trigger a rebuild.
fn relevant(root: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let first = parts.first()?;
    let watched = (parts.len() == 1 && first == "config.toml")
        || (parts.len() > 1 && WATCHED_DIRS.contains(&first.as_str()));
    if !watched || parts.iter().any(|p| is_ignored_name(p)) {
        return None;
    }
    Some(parts.join("/"))
}

/// Rebuilds the whole site, swaps it in (or shows the errors), and tells the
/// browsers.
fn rebuild(state: &State, changed: &[String]) {
    let started = Instant::now();
    // Name files that still exist: editors' temp files come and go.
    let existing: Vec<&String> = changed
        .iter()
        .filter(|p| state.root.join(p.as_str()).exists())
        .collect();
    let shown: Vec<&String> = if existing.is_empty() {
        changed.iter().collect()
    } else {
        existing
    };
    let what = match shown.as_slice() {
        [one] => format!("{one} changed"),
        [first, rest @ ..] => format!("{first} and {} more changed", rest.len()),
        [] => "rebuild".to_owned(),
    };
    match update_site(state, changed) {
        Ok((files, pages, changed_files)) => {
            let had_error = write_lock(&state.overlay).take().is_some();
            let event = match changed_kind(&changed_files) {
                _ if had_error => Some("reload"),
                Changed::Nothing => None,
                Changed::CssOnly => Some("css"),
                Changed::Other => Some("reload"),
            };
            *write_lock(&state.build) = Arc::new(Build { files });
            println!(
                "Rebuilt {pages} page{} in {} ms ({what}{})",
                if pages == 1 { "" } else { "s" },
                started.elapsed().as_millis(),
                if event.is_none() {
                    "; no output changed"
                } else {
                    ""
                }
            );
            if let Some(event) = event {
                broadcast(state, &format!("event: {event}\ndata: {what}\n\n"));
            }
        }
        Err(diagnostics) => {
            println!(
                "Rebuild failed in {} ms ({what}); still serving the last good build:",
                started.elapsed().as_millis()
            );
            print!("{}", diagnostics.report());
            *write_lock(&state.overlay) = Some(Arc::new(overlay_html(&diagnostics)));
            broadcast(state, &format!("event: reload\ndata: error ({what})\n\n"));
        }
    }
}

/// How two builds differ.
#[derive(Debug, PartialEq, Eq)]
enum Changed {
    /// Byte for byte the same.
    Nothing,
    /// Only stylesheets were added, removed or changed.
    CssOnly,
    /// Anything else.
    Other,
}

/// What kind of change a list of changed files is.
fn changed_kind(changed: &[String]) -> Changed {
    if changed.is_empty() {
        Changed::Nothing
    } else if changed.iter().all(|path| path.ends_with(".css")) {
        Changed::CssOnly
    } else {
        Changed::Other
    }
}

/// How many messages may wait for a slow SSE client before it is dropped.
const CLIENT_QUEUE: usize = 16;

/// Queues one SSE message for every client, dropping those that went away or
/// stopped reading (their queue is full): a stalled browser never holds up the
/// others or the rebuilds.
fn broadcast(state: &State, message: &str) {
    let message: Arc<str> = Arc::from(message);
    lock(&state.clients).retain(|client| client.try_send(Arc::clone(&message)).is_ok());
}

/// A worker: answers requests until the server stops.
fn worker(server: &Server, state: &State) {
    while !state.stop.load(Ordering::SeqCst) {
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
        subscribe(request, state);
        return;
    }
    let response = match resolve(raw_path, state) {
        Resolved::Bad => text_response(400, "Bad request\n"),
        Resolved::Redirect(location) => {
            text_response(301, "Moved\n").with_header(header("Location", &location))
        }
        Resolved::File(key) => file_response(200, &key, state),
        Resolved::NotFound => file_response(404, "404.html", state),
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
fn resolve(raw_path: &str, state: &State) -> Resolved {
    let Some(path) = safe_path(raw_path) else {
        return Resolved::Bad;
    };
    let build = read_lock(&state.build).clone();
    let key = path.trim_start_matches('/');
    if key.is_empty() || key.ends_with('/') {
        let index = format!("{key}index.html");
        return if build.files.contains_key(&index) {
            Resolved::File(index)
        } else {
            Resolved::NotFound
        };
    }
    if build.files.contains_key(key) {
        Resolved::File(key.to_owned())
    } else if build.files.contains_key(&format!("{key}/index.html")) {
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

/// A file from the build, with the reload script and any overlay added to
/// HTML; a plain page when even `404.html` is missing.
fn file_response(status: u16, key: &str, state: &State) -> Response<io::Cursor<Vec<u8>>> {
    let build = read_lock(&state.build).clone();
    let overlay = read_lock(&state.overlay).clone();
    let (key, bytes) = match build.files.get(key) {
        Some(bytes) => (key, bytes.to_vec()),
        None => (
            "404.html",
            b"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><main><h1>Not found</h1></main></body></html>".to_vec(),
        ),
    };
    let bytes = if key.ends_with(".html") {
        decorate(&bytes, overlay.as_deref().map(String::as_str))
    } else {
        bytes
    };
    Response::from_data(bytes)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", content_type(key)))
        .with_header(header("Cache-Control", "no-store"))
}

/// Adds the overlay after `<body ...>` and the reload script before `</body>`.
fn decorate(html: &[u8], overlay: Option<&str>) -> Vec<u8> {
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
    match rest.rfind("</body>") {
        Some(at) => {
            out.push_str(&rest[..at]);
            out.push_str(RELOAD_SCRIPT);
            out.push_str(&rest[at..]);
        }
        None => {
            out.push_str(rest);
            out.push_str(RELOAD_SCRIPT);
        }
    }
    out.into_bytes()
}

/// The error overlay: a fixed, accessible alert listing every diagnostic.
fn overlay_html(diagnostics: &Diagnostics) -> String {
    let mut items = String::new();
    for d in diagnostics.iter() {
        let place = if d.position.line > 0 {
            format!(
                "{}:{}:{}",
                d.path.display(),
                d.position.line,
                d.position.col
            )
        } else {
            d.path.display().to_string()
        };
        items.push_str(&format!(
            "<li><code>{}</code>: {}",
            escape(&place),
            escape(&d.message)
        ));
        if let Some(hint) = &d.hint {
            items.push_str(&format!("<br>Hint: {}", escape(hint)));
        }
        items.push_str("</li>");
    }
    format!(
        "<div role=\"alert\" id=\"alliance-error-overlay\" style=\"position:fixed;top:0;left:0;right:0;z-index:2147483647;max-height:60vh;overflow:auto;margin:0;padding:1rem 1.5rem;background:#fff;color:#1a1a1a;border-bottom:6px solid #8b0000;font:1rem/1.5 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.4)\"><p style=\"margin:0 0 .5rem;font-weight:bold;color:#8b0000\">The site has errors; this is the last good build.</p><ul style=\"margin:0;padding-left:1.25rem\">{items}</ul></div>"
    )
}

/// Escapes text for HTML content and attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The Content-Type for a site path, by its extension.
pub fn content_type(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    if name == "atom.xml" || name.ends_with(".atom") {
        return "application/atom+xml";
    }
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "pdf" => "application/pdf",
        "ics" => "text/calendar; charset=utf-8",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "csv" => "text/csv; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

/// Takes over the connection and registers it as an SSE client, written to by
/// a thread of its own; returns at once so the worker is free again.
fn subscribe(request: Request, state: &State) {
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\nX-Accel-Buffering: no\r\n\r\nretry: 1000\n: connected\n\n";
    let (tx, rx) = mpsc::sync_channel::<Arc<str>>(CLIENT_QUEUE);
    // Greet under the lock, so a client that has seen the greeting is
    // already registered for the next event.
    let mut clients = lock(&state.clients);
    if writer
        .write_all(head.as_bytes())
        .and_then(|()| writer.flush())
        .is_err()
    {
        return;
    }
    let spawned = std::thread::Builder::new()
        .name("alliance-sse".to_owned())
        .spawn(move || {
            for message in rx {
                if writer
                    .write_all(message.as_bytes())
                    .and_then(|()| writer.flush())
                    .is_err()
                {
                    break;
                }
            }
        });
    if spawned.is_ok() {
        clients.push(tx);
    }
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

/// Opens a URL in the default browser, quietly ignoring failure.
fn open_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).spawn()
    } else if cfg!(windows) {
        std::process::Command::new("cmd")
            .args(["/C", "start", "", url])
            .spawn()
    } else {
        std::process::Command::new("xdg-open").arg(url).spawn()
    };
    if let Err(e) = command {
        eprintln!("warning: cannot open a browser ({e}); visit {url}");
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

fn read_lock<T>(lock: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(|e| e.into_inner())
}

fn write_lock<T>(lock: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    lock.write().unwrap_or_else(|e| e.into_inner())
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
    fn content_types() {
        assert_eq!(content_type("news/atom.xml"), "application/atom+xml");
        assert_eq!(content_type("sitemap.xml"), "application/xml");
        assert_eq!(content_type("events/x.ics"), "text/calendar; charset=utf-8");
        assert_eq!(content_type("a/b.WOFF2"), "font/woff2");
    }

    #[test]
    fn decorate_inserts_overlay_and_script() {
        let html = b"<html><body class=\"x\"><p>hi</p></body></html>";
        let out = String::from_utf8(decorate(html, Some("<div role=\"alert\">E</div>"))).unwrap();
        assert!(out.starts_with("<html><body class=\"x\"><div role=\"alert\">E</div><p>hi</p>"));
        assert!(out.ends_with(&format!("{RELOAD_SCRIPT}</body></html>")));
    }

    #[test]
    fn classifies_changes() {
        let paths = |p: &[&str]| p.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(changed_kind(&paths(&[])), Changed::Nothing);
        assert_eq!(
            changed_kind(&paths(&["a.css", "new.css"])),
            Changed::CssOnly
        );
        assert_eq!(changed_kind(&paths(&["a.css", "i.html"])), Changed::Other);
    }

    #[test]
    fn escapes_overlay_text() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}

//! Alliance's dev server: builds a site in memory, serves it on loopback,
//! watches the site folder, rebuilds on change and reloads the browser over
//! Server-Sent Events.
//!
//! The served files live only in memory (a map from site path to bytes), so
//! nothing on disk is reachable through the server. A failed rebuild keeps the
//! last good build and shows the diagnostics in an overlay on every page; the
//! warnings of a good build are printed and shown in a panel the reader can close.
//!
//! One job a module: `watch` (file events, debounce, re-arming
//! watches), `rebuild` (the live site, the overlay and the warnings panel),
//! `conn` (connections: a fixed pool of worker threads, timeouts and
//! limits, see [`Limits`]), `http` (safe paths, media types, injecting
//! scripts), `reload` (the Server-Sent Events listeners).

mod cms;
mod conn;
mod http;
mod rebuild;
mod reload;
mod watch;

use std::collections::BTreeMap;
use std::fmt;
use std::io;
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::thread::JoinHandle;
use std::time::Duration;

pub use cms::{API_PATH, Reply, Request, answer as answer_editor};
pub use http::{EVENTS_PATH, safe_path};

/// How many ports after the requested one are tried when it is taken.
const PORT_ATTEMPTS: u16 = 10;

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

/// What any one client may cost the server; the defaults suit a dev server
/// on loopback, and tests shorten the timeouts.
#[derive(Debug, Clone)]
pub struct Limits {
    /// How long a client may take to send a request's headers, counted from
    /// when the connection opens or the previous answer was sent: a slow
    /// client, and an idle keep-alive connection, is closed after it.
    pub header_timeout: Duration,
    /// How long a write may wait for the client to read before the
    /// connection is closed (a client that stops reading, even mid-pipeline).
    pub write_timeout: Duration,
    /// The largest request head (request line and headers) accepted, in
    /// bytes; a larger one is answered 431 and the connection closed.
    pub max_header_bytes: usize,
    /// The most header lines accepted in one request; more get 431.
    pub max_headers: usize,
    /// The most connections served at once; more wait to be accepted.
    pub max_connections: usize,
    /// Worker threads serving every connection.
    pub workers: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_timeout: Duration::from_secs(10),
            write_timeout: Duration::from_secs(10),
            max_header_bytes: 16 * 1024,
            max_headers: 100,
            max_connections: 512,
            workers: std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 4)),
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

/// Everything the workers and the watcher share.
struct State {
    /// The live site and what is served of it.
    site: rebuild::Rebuilder,
    /// The browsers listening for reloads.
    clients: reload::Clients,
    /// Set when the server is asked to stop.
    stop: AtomicBool,
    /// The port listened on.
    port: u16,
}

impl State {
    /// Whether the server is asked to stop.
    fn stopping(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }
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
        format!("{}/", self.state.site.base_url())
    }

    /// A copy of the current in-memory build, exactly as rendered (without
    /// the reload script, overlay or warnings panel that serving adds).
    pub fn files(&self) -> BTreeMap<String, Vec<u8>> {
        self.state
            .site
            .served()
            .files
            .iter()
            .map(|(path, bytes)| (path.clone(), bytes.to_vec()))
            .collect()
    }

    /// How many Server-Sent Events listeners are connected (a closed
    /// connection counts until the server notices, at the latest at the next
    /// event or 15-second ping).
    pub fn listeners(&self) -> usize {
        self.state.clients.len()
    }

    /// Stops serving and watching and waits for the threads to end.
    pub fn stop(self) {
        self.state.stop.store(true, Ordering::SeqCst);
        self.state.clients.clear();
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
    println!("Edit it in the browser at {}admin/", server.url());
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
    start_with(options, Limits::default())
}

/// [`start`] with other [`Limits`] than the defaults.
pub fn start_with(options: ServeOptions, limits: Limits) -> Result<RunningServer, ServeError> {
    let root = options.root.canonicalize().map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("cannot open site folder {}: {e}", options.root.display()),
        )
    })?;
    let (listener, port) = bind(&options.bind, options.port)?;
    let host = if options.bind.contains(':') {
        format!("[{}]", options.bind)
    } else {
        options.bind.clone()
    };
    let site = rebuild::Rebuilder::new(root.clone(), format!("http://{host}:{port}"));
    let title = site.first_build();
    let state = Arc::new(State {
        site,
        clients: reload::Clients::default(),
        stop: AtomicBool::new(false),
        port,
    });

    // Watch before serving so no edit made after `start` returns is missed.
    let watch = watch::Watch::start(&root)?;

    let mut threads = Vec::new();
    {
        let state = Arc::clone(&state);
        threads.push(
            std::thread::Builder::new()
                .name("alliance-serve".to_owned())
                .spawn(move || {
                    if let Err(e) = conn::run(listener, state, limits) {
                        eprintln!("error: http: {e}");
                    }
                })?,
        );
    }
    {
        let state = Arc::clone(&state);
        threads.push(
            std::thread::Builder::new()
                .name("alliance-watch".to_owned())
                .spawn(move || watch.run(&state))?,
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
fn bind(bind: &str, port: u16) -> Result<(TcpListener, u16), ServeError> {
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
        match TcpListener::bind(&addr) {
            Ok(listener) => {
                let actual = listener.local_addr().map_or(candidate, |a| a.port());
                if offset > 0 {
                    println!("Port {port} is taken; using port {actual} instead.");
                }
                return Ok((listener, actual));
            }
            Err(e) => last_error = format!("{addr}: {e}"),
        }
    }
    Err(ServeError::Bind(format!(
        "no free port from {port} to {} ({last_error}); try --port with another number",
        port.saturating_add(attempts - 1)
    )))
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

/// Locks a mutex, even one a panicking thread left poisoned.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// Reads an `RwLock`, even a poisoned one.
fn read_lock<T>(lock: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(|e| e.into_inner())
}

/// Writes an `RwLock`, even a poisoned one.
fn write_lock<T>(lock: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    lock.write().unwrap_or_else(|e| e.into_inner())
}

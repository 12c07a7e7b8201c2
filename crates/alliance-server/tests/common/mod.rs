//! Helpers shared by the dev server's test binaries: fixture sites, plain
//! `TcpStream` HTTP/1.1 clients, and the process's own memory and threads.
#![allow(dead_code)] // each test binary uses its own share of these

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Copies a folder tree.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The repository root.
pub(crate) fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A temp copy of `tests/fixtures/basic`: the temp dir and the site root in it.
pub(crate) fn fixture_site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(&repo().join("tests/fixtures/basic"), &root);
    (dir, root)
}

/// Saves a file the way editors do: write a temp file, then rename it over.
pub(crate) fn save(path: &Path, text: &str) {
    let temp = path.with_file_name(format!(
        ".{}.tmp",
        path.file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

/// A field of `/proc/self/status` in KiB (`VmRSS`, `VmHWM`).
pub(crate) fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("no {field} in /proc/self/status"))
}

/// How many threads this process has.
pub(crate) fn threads() -> usize {
    std::fs::read_dir("/proc/self/task").unwrap().count()
}

/// A keep-alive HTTP/1.1 connection: one request at a time, each answer read
/// in full (by `Content-Length`) so the next can follow.
pub(crate) struct KeepAlive(BufReader<TcpStream>);

impl KeepAlive {
    /// Connects, with a read timeout of `patience`.
    pub(crate) fn connect(port: u16, patience: Duration) -> KeepAlive {
        let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream.set_read_timeout(Some(patience)).unwrap();
        stream.set_nodelay(true).unwrap();
        KeepAlive(BufReader::new(stream))
    }

    /// Sends `GET path` and reads the answer: its status and body length.
    pub(crate) fn get(&mut self, path: &str) -> std::io::Result<(u16, usize)> {
        write!(
            self.0.get_mut(),
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        )?;
        read_reply(&mut self.0)
    }

    /// Sends `GET path` and returns its status and how long the answer took.
    pub(crate) fn timed_get(&mut self, path: &str) -> (u16, Duration) {
        let started = Instant::now();
        let (status, _) = self
            .get(path)
            .unwrap_or_else(|e| panic!("GET {path}: {e} after {:?}", started.elapsed()));
        (status, started.elapsed())
    }

    /// The socket, for writing raw bytes.
    pub(crate) fn stream(&mut self) -> &mut TcpStream {
        self.0.get_mut()
    }

    /// Reads one answer to a raw request written with [`KeepAlive::stream`].
    pub(crate) fn reply(&mut self) -> std::io::Result<(u16, usize)> {
        read_reply(&mut self.0)
    }
}

/// Reads one response with a `Content-Length` body: its status and body length.
fn read_reply(reader: &mut BufReader<TcpStream>) -> std::io::Result<(u16, usize)> {
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    let status: u16 = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
    let mut length = 0;
    loop {
        line.clear();
        reader.read_line(&mut line)?;
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok((status, length))
}

/// Whether the server closes `stream` (EOF or reset) within `within`;
/// whatever it sends first is returned too.
pub(crate) fn closed_within(stream: &mut TcpStream, within: Duration) -> (bool, Vec<u8>) {
    stream
        .set_read_timeout(Some(Duration::from_millis(100)))
        .unwrap();
    let deadline = Instant::now() + within;
    let mut seen = Vec::new();
    let mut buf = [0; 4096];
    while Instant::now() < deadline {
        match stream.read(&mut buf) {
            Ok(0) => return (true, seen),
            Ok(n) => seen.extend_from_slice(&buf[..n]),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(_) => return (true, seen),
        }
    }
    (false, seen)
}

/// `clients` connections at once, each sending a request head whose one
/// header is `mib` MiB long, 1 MiB at a time until the server stops taking
/// it (refused, or a write waited 500 ms); returns the connections, still
/// open on this side, and how many header bytes each got written.
pub(crate) fn huge_headers(port: u16, clients: usize, mib: usize) -> Vec<(TcpStream, usize)> {
    let chunk: std::sync::Arc<[u8]> = vec![b'a'; 1 << 20].into();
    let abusers: Vec<_> = (0..clients)
        .map(|_| {
            let chunk = std::sync::Arc::clone(&chunk);
            std::thread::spawn(move || {
                let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
                stream
                    .set_write_timeout(Some(Duration::from_millis(500)))
                    .unwrap();
                let _ = stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: ");
                let mut sent = 0;
                for _ in 0..mib {
                    if stream.write_all(&chunk).is_err() {
                        break;
                    }
                    sent += chunk.len();
                }
                (stream, sent)
            })
        })
        .collect();
    abusers.into_iter().map(|a| a.join().unwrap()).collect()
}

/// The `p`th percentile (0–100) of sorted durations.
pub(crate) fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() - 1) * p / 100]
}

/// An open SSE stream, read line by line with a deadline.
pub(crate) struct Events(BufReader<TcpStream>);

impl Events {
    pub(crate) fn connect(port: u16) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(500)))
            .unwrap();
        write!(
            stream,
            "GET /__alliance/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let mut events = Events(BufReader::new(stream));
        let head = events.until(|l| l.is_empty(), Duration::from_secs(10));
        assert!(head[0].contains("200"), "{head:?}");
        assert!(
            head.iter()
                .any(|l| l.eq_ignore_ascii_case("content-type: text/event-stream")),
            "{head:?}"
        );
        assert!(
            head.iter()
                .any(|l| l.eq_ignore_ascii_case("cache-control: no-cache"))
        );
        // The greeting proves we are registered before any edit is made.
        events.until(|l| l == ": connected", Duration::from_secs(10));
        events
    }

    /// Reads lines until one matches; panics after the deadline.
    pub(crate) fn until(&mut self, done: impl Fn(&str) -> bool, timeout: Duration) -> Vec<String> {
        let deadline = Instant::now() + timeout;
        let mut seen = Vec::new();
        let mut line = String::new();
        while Instant::now() < deadline {
            match self.0.read_line(&mut line) {
                Ok(0) => panic!("event stream closed; saw {seen:?}"),
                Ok(_) => {
                    let l = line.trim_end_matches(['\r', '\n']).to_owned();
                    line.clear();
                    let finished = done(&l);
                    seen.push(l);
                    if finished {
                        return seen;
                    }
                }
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(e) => panic!("{e}"),
            }
        }
        panic!("timed out; saw {seen:?}");
    }

    /// Waits for the next event and returns its name.
    pub(crate) fn next_event(&mut self) -> String {
        let lines = self.until(|l| l.starts_with("event:"), Duration::from_secs(10));
        lines.last().unwrap()["event:".len()..].trim().to_owned()
    }
}

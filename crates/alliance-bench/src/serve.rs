//! The dev server end to end: the real server on a loopback port, a
//! Server-Sent Events listener like the browser's, and the time from saving
//! a page to the `reload` event arriving.

use std::io::{self, BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

use alliance_server::{EVENTS_PATH, ServeOptions, start};

use crate::Error;
use crate::site::{Edit, EditedPage};

/// How long to wait for one event before giving up.
const PATIENCE: Duration = Duration::from_secs(60);

/// A connection to the server's event stream.
struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    /// Subscribes, returning once the server has registered the listener.
    fn connect(port: u16) -> Result<Events, Error> {
        let mut stream = TcpStream::connect(("127.0.0.1", port))?;
        stream.set_read_timeout(Some(PATIENCE))?;
        write!(
            stream,
            "GET {EVENTS_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        )?;
        let mut events = Events {
            reader: BufReader::new(stream),
        };
        events.read_until(|line| line == ": connected")?;
        Ok(events)
    }

    /// Reads lines until one satisfies `done`.
    fn read_until(&mut self, done: impl Fn(&str) -> bool) -> Result<(), Error> {
        let mut line = String::new();
        loop {
            line.clear();
            if self.reader.read_line(&mut line)? == 0 {
                return Err("the server closed the event stream".into());
            }
            if done(line.trim_end()) {
                return Ok(());
            }
        }
    }

    /// Waits for the next `reload` event.
    fn next_reload(&mut self) -> Result<(), Error> {
        self.read_until(|line| line == "event: reload")
    }
}

/// Sends this process's standard output to standard error while it lives:
/// the server prints a line for each rebuild, and standard output is for the report.
struct StdoutToStderr {
    saved: libc::c_int,
}

impl StdoutToStderr {
    fn new() -> io::Result<StdoutToStderr> {
        io::stdout().flush()?;
        // SAFETY: plain descriptor calls on this process's own standard streams.
        let saved = unsafe { libc::dup(libc::STDOUT_FILENO) };
        // SAFETY: as above; `saved` is checked before use.
        if saved < 0 || unsafe { libc::dup2(libc::STDERR_FILENO, libc::STDOUT_FILENO) } < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(StdoutToStderr { saved })
    }
}

impl Drop for StdoutToStderr {
    fn drop(&mut self) {
        let _ = io::stdout().flush();
        // SAFETY: `saved` is the descriptor `new` duplicated, restored once and closed.
        unsafe {
            libc::dup2(self.saved, libc::STDOUT_FILENO);
            libc::close(self.saved);
        }
    }
}

/// What the real server did.
pub(crate) struct ServeFigures {
    /// From `start` to serving (the first, full build in memory).
    pub startup: Duration,
    /// Save → `reload` event, for each edit (body and front matter alternating).
    pub reloads: Vec<Duration>,
}

/// Starts the server on the site under `root`, then saves `edits` edits to
/// one page, timing each until its `reload` event arrives.
pub(crate) fn measure(root: &Path, edits: usize) -> Result<ServeFigures, Error> {
    let mut page = EditedPage::pick(root, None)?;
    let _quiet = StdoutToStderr::new()?;
    let started = Instant::now();
    let server = start(ServeOptions {
        root: root.to_path_buf(),
        bind: "127.0.0.1".to_owned(),
        port: 0,
        open: false,
    })?;
    let startup = started.elapsed();
    let mut events = Events::connect(server.port())?;
    let mut reloads = Vec::with_capacity(edits);
    for step in 0..edits {
        let saved = Instant::now();
        page.write(Edit::alternating(step), step)?;
        events.next_reload()?;
        reloads.push(saved.elapsed());
    }
    page.restore()?;
    events.next_reload()?;
    server.stop();
    Ok(ServeFigures { startup, reloads })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_saves_until_reload_on_a_small_site() {
        let (_dir, root) = crate::site::small_site(30);
        let figures = measure(&root, 2).unwrap();
        assert_eq!(figures.reloads.len(), 2);
        assert!(figures.reloads.iter().all(|t| *t < PATIENCE));
    }
}

//! End-to-end: `alliance serve` in a terminal. After its first build and
//! after every save (in place, by renaming a temporary file over the page, a
//! broken page, its fix) it prints the same report, warnings and errors, that
//! `alliance check` prints for the tree on disk, on stderr as `check` does.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use common::*;

/// How long the server may take to build or rebuild.
const PATIENCE: Duration = Duration::from_secs(60);

/// `alliance serve` running on a site, its terminal lines read as they come.
struct Serve {
    child: Child,
    lines: Receiver<String>,
    /// What it has printed so far.
    seen: String,
}

impl Serve {
    fn start(root: &Path) -> Serve {
        // A free port now; if another process takes it first, the server
        // moves to the next one, which this test does not need to know.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
            .to_string();
        // What it says it is doing (stdout) and its reports (stderr, as
        // `check`'s) in the order it wrote them, as a terminal shows them.
        let (terminal, writer) = std::io::pipe().expect("a pipe");
        let child = Command::new(env!("CARGO_BIN_EXE_alliance"))
            .args(["serve", "--root", root.to_str().unwrap(), "--port", &port])
            .env("SOURCE_DATE_EPOCH", TODAY_EPOCH)
            .stdout(writer.try_clone().expect("a second end"))
            .stderr(writer)
            .spawn()
            .expect("alliance serve starts");
        let (send, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(terminal).lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        Serve {
            child,
            lines,
            seen: String::new(),
        }
    }

    /// The next line printed, or `None` once `deadline` has passed.
    fn line(&mut self, deadline: Instant) -> Option<String> {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.lines.recv_timeout(left) {
            Ok(line) => {
                self.seen.push_str(&line);
                self.seen.push('\n');
                Some(line)
            }
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => None,
        }
    }

    /// The report printed before "Serving ... at ...": the first build's.
    fn first_report(&mut self) -> String {
        let deadline = Instant::now() + PATIENCE;
        let mut report = String::new();
        while let Some(line) = self.line(deadline) {
            if line.starts_with("Serving ") {
                return report;
            }
            report.push_str(&line);
            report.push('\n');
        }
        panic!("the server never said it was serving:\n{}", self.seen);
    }

    /// Waits until a rebuild reports exactly `expected`: a save may reach
    /// the watcher as more than one change, but the last rebuild of a tree
    /// must agree with `check` on it.
    fn rebuilds_to(&mut self, expected: &str) {
        let deadline = Instant::now() + PATIENCE;
        let mut last = None;
        while let Some(line) = self.line(deadline) {
            if !(line.starts_with("Rebuilt ") || line.starts_with("Rebuild failed")) {
                continue;
            }
            let mut report = String::new();
            while let Some(line) = self.line(deadline) {
                report.push_str(&line);
                report.push('\n');
                if line.starts_with("error: the site has") || is_warning_count(&line) {
                    break;
                }
            }
            if report == expected {
                return;
            }
            last = Some(report);
        }
        panic!(
            "no rebuild reported what `check` reports:\n{expected}\nthe last rebuild reported:\n{}\nthe server printed:\n{}",
            last.unwrap_or_default(),
            self.seen
        );
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A report's last line when it has warnings only: `warning: 2 warnings`.
fn is_warning_count(line: &str) -> bool {
    line.strip_prefix("warning: ")
        .and_then(|rest| rest.split(' ').next())
        .is_some_and(|n| n.parse::<usize>().is_ok())
}

/// What `alliance check` prints about the tree on disk.
fn check_report(root: &Path) -> String {
    let o = alliance(&["check", "--root", root.to_str().unwrap()]);
    String::from_utf8(o.stderr).unwrap()
}

#[test]
fn the_terminal_shows_what_check_shows_after_every_save() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_tree(&fixture("basic"), &root);
    let mut serve = Serve::start(&root);

    let first = check_report(&root);
    assert!(
        first.contains(": warning: "),
        "the fixture has a warning:\n{first}"
    );
    assert_eq!(serve.first_report(), first);

    // Saved in place: a link that says only "click here" is a second warning.
    let page = root.join("content/help.md");
    let vague = "+++\ntitle = \"Help\"\n+++\n\nFor our role [click here](@/about/role.md).\n";
    std::fs::write(&page, vague).unwrap();
    let warned = check_report(&root);
    assert!(
        warned.contains("content/help.md:5:14: warning: "),
        "{warned}"
    );
    assert!(warned.contains("warning: 2 warnings"), "{warned}");
    serve.rebuilds_to(&warned);

    // Saved by renaming a temporary file over it: front matter that cannot be read.
    let temp = root.join("content/.help.md.tmp");
    std::fs::write(&temp, vague.replace("\"Help\"", "\"Help")).unwrap();
    std::fs::rename(&temp, &page).unwrap();
    let broken = check_report(&root);
    assert!(broken.contains("content/help.md:2:"), "{broken}");
    assert!(broken.contains("error: the site has"), "{broken}");
    serve.rebuilds_to(&broken);

    // Fixed, in place: the vague link is gone, and so is its warning.
    std::fs::write(&page, vague.replace("[click here]", "[our role]")).unwrap();
    assert_eq!(check_report(&root), first);
    serve.rebuilds_to(&first);
}

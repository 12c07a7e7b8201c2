//! The dev server under abuse on loopback: slow and idle clients are cut
//! off, oversized headers are refused with 431, and the server's memory and
//! threads stay bounded. The tests run one at a time, since they read the
//! whole process's memory and thread count.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use alliance_server::{Limits, RunningServer, ServeOptions, start_with};
use common::{KeepAlive, closed_within, fixture_site, huge_headers, status_kib, threads};

/// One test at a time: they measure the process.
static SERIAL: Mutex<()> = Mutex::new(());

/// A server on a temp copy of the fixture, with short timeouts.
fn server() -> (tempfile::TempDir, RunningServer) {
    server_with_header_timeout(Duration::from_secs(1))
}

/// A server on a temp copy of the fixture, with a 1 s write timeout and
/// this header timeout.
fn server_with_header_timeout(header_timeout: Duration) -> (tempfile::TempDir, RunningServer) {
    server_with(Limits {
        header_timeout,
        write_timeout: Duration::from_secs(1),
        ..Limits::default()
    })
}

/// A server on a temp copy of the fixture, with `limits`.
fn server_with(limits: Limits) -> (tempfile::TempDir, RunningServer) {
    let (dir, root) = fixture_site();
    let server = start_with(
        ServeOptions {
            root,
            bind: "127.0.0.1".to_owned(),
            port: 0,
            open: false,
        },
        limits,
    )
    .unwrap();
    (dir, server)
}

/// Sends a request head with `headers` (as many bytes as the server takes)
/// and returns the status line of the answer, or what went wrong.
fn send_head(port: u16, headers: &[u8]) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut head = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".to_vec();
    head.extend_from_slice(headers);
    head.extend_from_slice(b"\r\n");
    // The server stops reading at its limit: the rest may never be taken.
    let _ = stream.write_all(&head);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    answer.lines().next().unwrap_or("(nothing)").to_owned()
}

#[test]
fn oversized_headers_get_431() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let (_dir, server) = server();
    let port = server.port();
    let big = format!("X-Big: {}\r\n", "a".repeat(1 << 20));
    assert!(send_head(port, big.as_bytes()).starts_with("HTTP/1.1 431"));
    let many = "X-Line: b\r\n".repeat(100_000);
    assert!(send_head(port, many.as_bytes()).starts_with("HTTP/1.1 431"));
    // Headers a browser sends are fine.
    let normal = "Accept: text/html\r\nCookie: a=b\r\n".repeat(20);
    assert!(send_head(port, normal.as_bytes()).starts_with("HTTP/1.1 200"));
    server.stop();
}

#[test]
fn memory_stays_bounded_under_huge_pending_headers() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let (_dir, server) = server();
    let port = server.port();
    // Reset the peak (VmHWM) to the current size, where the kernel allows.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let before = status_kib("VmRSS");
    // 20 clients, each trying to send a 32 MiB header and holding on.
    let held = huge_headers(port, 20, 32);
    let peak = status_kib("VmHWM").max(status_kib("VmRSS"));
    let grew = peak.saturating_sub(before) / 1024;
    assert!(
        grew < 64,
        "20 pending 32 MiB headers raised the peak memory by {grew} MiB (from {} MiB)",
        before / 1024
    );
    drop(held);
    // Still answering.
    let mut client = KeepAlive::connect(port, Duration::from_secs(10));
    assert_eq!(client.get("/").unwrap().0, 200);
    server.stop();
}

#[test]
fn a_slow_loris_client_is_cut_off_after_the_timeout() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let (_dir, server) = server();
    let port = server.port();
    let mut loris = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let started = Instant::now();
    loris
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        .unwrap();
    let mut answer = Vec::new();
    let mut closed = false;
    while !closed && started.elapsed() < Duration::from_secs(6) {
        // A header byte every 300 ms, for as long as the server takes them.
        if loris.write_all(b"a").is_err() {
            closed = true;
            break;
        }
        let (gone, seen) = closed_within(&mut loris, Duration::from_millis(300));
        answer.extend(seen);
        closed = gone;
    }
    let took = started.elapsed();
    assert!(closed, "a slow client still connected after {took:?}");
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_secs(4),
        "cut off after {took:?}, with a 1 s timeout"
    );
    assert!(!String::from_utf8_lossy(&answer).contains(" 200 "));
    server.stop();
}

#[test]
fn idle_keep_alive_connections_are_closed_after_the_timeout() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let (_dir, server) = server();
    let mut idle = KeepAlive::connect(server.port(), Duration::from_secs(10));
    assert_eq!(idle.get("/").unwrap().0, 200);
    let started = Instant::now();
    let (closed, seen) = closed_within(idle.stream(), Duration::from_secs(4));
    assert!(closed, "an idle connection stayed open");
    assert!(seen.is_empty());
    assert!(started.elapsed() >= Duration::from_millis(800));
    server.stop();
}

#[test]
fn threads_stay_bounded_with_many_connections() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    // Long enough for all the connections to be open at once.
    let (_dir, server) = server_with_header_timeout(Duration::from_secs(30));
    let port = server.port();
    let before = threads();
    let mut open: Vec<KeepAlive> = (0..300)
        .map(|_| KeepAlive::connect(port, Duration::from_secs(10)))
        .collect();
    for client in &mut open {
        assert_eq!(client.get("/").unwrap().0, 200);
    }
    // Every connection is still open and answering.
    for client in &mut open {
        assert_eq!(client.get("/about/").unwrap().0, 200);
    }
    let during = threads();
    assert!(
        during <= before + 2,
        "{before} threads before, {during} with 300 connections open"
    );
    server.stop();
}

#[test]
fn connections_beyond_the_cap_wait_for_a_free_slot() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let (_dir, server) = server_with(Limits {
        header_timeout: Duration::from_secs(1),
        max_connections: 4,
        ..Limits::default()
    });
    let port = server.port();
    let mut held: Vec<KeepAlive> = (0..4)
        .map(|_| KeepAlive::connect(port, Duration::from_secs(10)))
        .collect();
    for client in &mut held {
        assert_eq!(client.get("/").unwrap().0, 200);
    }
    // A fifth is served once an idle one has been closed, not before.
    let started = Instant::now();
    let (status, took) = KeepAlive::connect(port, Duration::from_secs(10)).timed_get("/");
    assert_eq!(status, 200);
    assert!(
        took >= Duration::from_millis(500) && took < Duration::from_secs(4),
        "the fifth connection was answered after {took:?} ({:?})",
        started.elapsed()
    );
    server.stop();
}

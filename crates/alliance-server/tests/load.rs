//! The dev server under load on loopback: idle keep-alive connections,
//! bursts of new connections and of live-reload listeners, and a client that
//! pipelines requests and never reads. Every answer must come quickly.

mod common;

use std::io::Write;
use std::sync::Arc;
use std::sync::Barrier;
use std::time::{Duration, Instant};

use alliance_server::{Limits, RunningServer, ServeOptions, start_with};
use common::{Events, KeepAlive, closed_within, fixture_site, save};

/// The slowest answer accepted, generous for a shared 2-core machine.
const PROMPT: Duration = Duration::from_secs(2);

/// A server on a temp copy of the fixture, with `limits`.
fn server(limits: Limits) -> (tempfile::TempDir, std::path::PathBuf, RunningServer) {
    server_with(limits, |_| {})
}

/// A server on a temp copy of the fixture, changed by `prepare(site root)`
/// first, with `limits`.
fn server_with(
    limits: Limits,
    prepare: impl FnOnce(&std::path::Path),
) -> (tempfile::TempDir, std::path::PathBuf, RunningServer) {
    let (dir, root) = fixture_site();
    prepare(&root);
    let server = start_with(
        ServeOptions {
            root: root.clone(),
            bind: "127.0.0.1".to_owned(),
            port: 0,
            open: false,
        },
        limits,
    )
    .unwrap();
    (dir, root, server)
}

/// `count` threads that each open a connection at the same moment and ask
/// for `/`; returns every answer's time (panicking on an error status).
fn burst(port: u16, count: usize) -> Vec<Duration> {
    let start = Arc::new(Barrier::new(count));
    let clients: Vec<_> = (0..count)
        .map(|_| {
            let start = Arc::clone(&start);
            std::thread::spawn(move || {
                start.wait();
                let started = Instant::now();
                let mut client = KeepAlive::connect(port, Duration::from_secs(30));
                let (status, _) = client.timed_get("/");
                assert_eq!(status, 200);
                started.elapsed()
            })
        })
        .collect();
    clients.into_iter().map(|c| c.join().unwrap()).collect()
}

#[test]
fn idle_keep_alive_connections_do_not_delay_a_burst() {
    let (_dir, _root, server) = server(Limits::default());
    let port = server.port();
    let mut idle: Vec<KeepAlive> = (0..8)
        .map(|_| {
            let mut c = KeepAlive::connect(port, Duration::from_secs(30));
            assert_eq!(c.get("/about/").unwrap().0, 200);
            c
        })
        .collect();
    for round in 0..3 {
        let times = burst(port, 60);
        let slowest = times.iter().max().unwrap();
        assert!(
            *slowest < PROMPT,
            "round {round}: with 8 idle connections open, the slowest of 60 new requests took {slowest:?}"
        );
    }
    // The idle connections still answer.
    for c in &mut idle {
        let (status, took) = c.timed_get("/");
        assert_eq!(status, 200);
        assert!(took < PROMPT, "{took:?}");
    }
    server.stop();
}

#[test]
fn a_burst_of_live_reload_clients_all_get_the_reload() {
    let (_dir, root, server) = server(Limits::default());
    let port = server.port();
    let clients = 100;
    // A few idle keep-alive connections too, as a browser leaves them.
    let _idle: Vec<KeepAlive> = (0..6)
        .map(|_| {
            let mut c = KeepAlive::connect(port, Duration::from_secs(30));
            c.get("/").unwrap();
            c
        })
        .collect();
    let start = Arc::new(Barrier::new(clients + 1));
    let greeted = Arc::new(Barrier::new(clients + 1));
    let listeners: Vec<_> = (0..clients)
        .map(|_| {
            let (start, greeted) = (Arc::clone(&start), Arc::clone(&greeted));
            std::thread::spawn(move || {
                start.wait();
                let started = Instant::now();
                let mut events = Events::connect(port);
                let took = started.elapsed();
                greeted.wait();
                (took, events.next_event())
            })
        })
        .collect();
    start.wait();
    greeted.wait();
    assert_eq!(server.listeners(), clients);
    let page = root.join("content/about/_index.md");
    let text = std::fs::read_to_string(&page).unwrap();
    save(&page, &format!("{text}\nMore.\n"));
    for listener in listeners {
        let (took, event) = listener.join().unwrap();
        assert!(took < PROMPT, "a listener was greeted after {took:?}");
        assert_eq!(event, "reload");
    }
    server.stop();
}

#[test]
fn a_client_that_pipelines_and_never_reads_delays_nobody() {
    // A 1 MiB file: 400 answers are far more than the sockets' buffers hold.
    let limits = Limits {
        write_timeout: Duration::from_secs(1),
        header_timeout: Duration::from_secs(30),
        ..Limits::default()
    };
    let (_dir, _root, server) = server_with(limits, |root| {
        std::fs::write(root.join("static/big.bin"), vec![7u8; 1 << 20]).unwrap();
    });
    let port = server.port();
    let mut greedy = KeepAlive::connect(port, Duration::from_secs(30));
    let pipeline = "GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".repeat(400);
    greedy.stream().write_all(pipeline.as_bytes()).unwrap();
    // Others are answered promptly meanwhile, on new and kept-alive connections.
    let mut other = KeepAlive::connect(port, Duration::from_secs(30));
    for path in ["/", "/about/", "/news/", "/nowhere"].repeat(5) {
        let (status, took) = other.timed_get(path);
        assert!(status == 200 || status == 404);
        assert!(
            took < PROMPT,
            "{path} took {took:?} beside a pipelining client"
        );
    }
    let slowest = burst(port, 20).into_iter().max().unwrap();
    assert!(slowest < PROMPT, "{slowest:?}");
    // The greedy client is let go once its writes have waited the timeout:
    // reading now finds the connection closed before all 400 answers.
    std::thread::sleep(Duration::from_secs(2));
    let (closed, seen) = closed_within(greedy.stream(), Duration::from_secs(10));
    let answers = String::from_utf8_lossy(&seen)
        .matches("HTTP/1.1 200")
        .count();
    assert!(closed, "still open after {answers} answers");
    assert!(answers < 400, "all {answers} answers were written");
    server.stop();
}

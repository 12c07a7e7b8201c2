//! The dev server's figures under load and abuse, for BENCHMARKS.md (a
//! measurement, not a check; it uses only the default `start`, so it also
//! runs against older servers):
//! `cargo test -p alliance-server --release --test figures -- --ignored --nocapture`.

mod common;

use std::time::{Duration, Instant};

use alliance_server::{ServeOptions, start};
use common::{KeepAlive, fixture_site, huge_headers, percentile, status_kib, threads};

/// Keep-alive connections making requests at once.
const CONNECTIONS: usize = 200;
/// Requests made on each of them.
const REQUESTS: usize = 200;
/// How long a request may go unanswered before it counts as stalled (and
/// its connection is given up).
const PATIENCE: Duration = Duration::from_secs(10);

/// `clients` connections opened at once, each making `requests` requests
/// in turn; the times of the answers, and how many requests stalled.
fn load(port: u16, clients: usize, requests: usize) -> (Vec<Duration>, usize) {
    let threads: Vec<_> = (0..clients)
        .map(|_| {
            std::thread::spawn(move || {
                let mut client = KeepAlive::connect(port, PATIENCE);
                let mut times = Vec::new();
                for i in 0..requests {
                    let started = Instant::now();
                    if client
                        .get(["/", "/about/", "/news/", "/nowhere"][i % 4])
                        .is_err()
                    {
                        return (times, 1);
                    }
                    times.push(started.elapsed());
                }
                (times, 0)
            })
        })
        .collect();
    let mut times = Vec::new();
    let mut stalled = 0;
    for thread in threads {
        let (t, s) = thread.join().unwrap();
        times.extend(t);
        stalled += s;
    }
    times.sort();
    (times, stalled)
}

/// Latency percentiles of sorted times.
fn latency(times: &[Duration]) -> String {
    match times.last() {
        None => "none answered".to_owned(),
        Some(max) => format!(
            "p50 {:?}, p90 {:?}, p99 {:?}, max {max:?}",
            percentile(times, 50),
            percentile(times, 90),
            percentile(times, 99)
        ),
    }
}

#[test]
#[ignore]
fn measure_load_and_abuse() {
    let (_dir, root) = fixture_site();
    let server = start(ServeOptions {
        root,
        bind: "127.0.0.1".to_owned(),
        port: 0,
        open: false,
    })
    .unwrap();
    let port = server.port();

    // Keep-alive load: every connection asks for pages as fast as answered.
    let started = Instant::now();
    let (times, stalled) = load(port, CONNECTIONS, REQUESTS);
    let elapsed = started.elapsed();
    println!(
        "keep-alive load, {CONNECTIONS} connections × {REQUESTS} requests: {} answered in {elapsed:.2?} ({:.0} requests/s), {stalled} connections stalled over {PATIENCE:?}; latency {}",
        times.len(),
        times.len() as f64 / elapsed.as_secs_f64(),
        latency(&times)
    );

    // Idle keep-alive connections, then a burst of new connections.
    let idle: Vec<KeepAlive> = (0..8)
        .map(|_| {
            let mut c = KeepAlive::connect(port, PATIENCE);
            let _ = c.get("/");
            c
        })
        .collect();
    let (times, stalled) = load(port, 100, 1);
    println!(
        "8 idle keep-alive connections, then 100 new ones at once: {stalled} stalled over {PATIENCE:?}; latency {}",
        latency(&times)
    );
    drop(idle);

    // Threads while many connections are open.
    let before = threads();
    let open: Vec<KeepAlive> = (0..300)
        .map(|_| {
            let mut c = KeepAlive::connect(port, PATIENCE);
            let _ = c.get("/");
            c
        })
        .collect();
    std::thread::sleep(Duration::from_millis(200));
    println!(
        "threads: {before} before, {} with 300 keep-alive connections open",
        threads()
    );
    drop(open);

    // Memory under abuse: 20 clients each sending a header of up to 32 MiB.
    std::thread::sleep(Duration::from_millis(500));
    let _ = std::fs::write("/proc/self/clear_refs", "5"); // peak := now
    let rss = status_kib("VmRSS");
    let held = huge_headers(port, 20, 32);
    std::thread::sleep(Duration::from_millis(500));
    println!(
        "20 clients sending 32 MiB headers ({} MiB written by the clients before refusal or stall): VmRSS {} → {} MiB, peak {} MiB",
        held.iter().map(|(_, s)| s).sum::<usize>() >> 20,
        rss >> 10,
        status_kib("VmRSS") >> 10,
        status_kib("VmHWM") >> 10
    );
    drop(held);
    server.stop();
}

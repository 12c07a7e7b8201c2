//! The dev server's figures under load and abuse, for BENCHMARKS.md (a
//! measurement, not a check; it uses only the default `start`):
//! `cargo test -p alliance-server --release --test figures -- --ignored --nocapture`.

mod common;

use std::time::{Duration, Instant};

use alliance_server::{ServeOptions, start};
use common::{KeepAlive, fixture_site, huge_headers, percentile, status_kib, threads};

/// Keep-alive connections making requests at once.
const CONNECTIONS: usize = 200;
/// Requests made on each of them.
const REQUESTS: usize = 200;

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
    let patience = Duration::from_secs(60);

    // Keep-alive load: every connection asks for pages as fast as answered.
    let started = Instant::now();
    let clients: Vec<_> = (0..CONNECTIONS)
        .map(|_| {
            std::thread::spawn(move || {
                let mut client = KeepAlive::connect(port, patience);
                (0..REQUESTS)
                    .map(|i| {
                        client
                            .timed_get(["/", "/about/", "/news/", "/nowhere"][i % 4])
                            .1
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut times: Vec<Duration> = clients
        .into_iter()
        .flat_map(|c| c.join().unwrap())
        .collect();
    let elapsed = started.elapsed();
    times.sort();
    println!(
        "keep-alive load: {CONNECTIONS} connections × {REQUESTS} requests in {elapsed:.2?}: {:.0} requests/s; latency p50 {:?}, p90 {:?}, p99 {:?}, max {:?}",
        times.len() as f64 / elapsed.as_secs_f64(),
        percentile(&times, 50),
        percentile(&times, 90),
        percentile(&times, 99),
        times[times.len() - 1]
    );

    // Idle keep-alive connections, then a burst of new connections.
    let idle: Vec<KeepAlive> = (0..8)
        .map(|_| {
            let mut c = KeepAlive::connect(port, patience);
            c.get("/").unwrap();
            c
        })
        .collect();
    let burst: Vec<_> = (0..100)
        .map(|_| std::thread::spawn(move || KeepAlive::connect(port, patience).timed_get("/").1))
        .collect();
    let mut times: Vec<Duration> = burst.into_iter().map(|b| b.join().unwrap()).collect();
    times.sort();
    println!(
        "8 idle keep-alive connections, then 100 new ones at once: p50 {:?}, max {:?}",
        percentile(&times, 50),
        times[times.len() - 1]
    );
    drop(idle);

    // Threads while many connections are open.
    let before = threads();
    let open: Vec<KeepAlive> = (0..300)
        .map(|_| {
            let mut c = KeepAlive::connect(port, patience);
            c.get("/").unwrap();
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
    let rss = status_kib("VmRSS");
    let hwm = status_kib("VmHWM");
    let held = huge_headers(port, 20, 32);
    std::thread::sleep(Duration::from_millis(500));
    println!(
        "20 clients sending 32 MiB headers (accepted before refusal: {} KiB in all): VmRSS {} → {} MiB, peak VmHWM {} → {} MiB",
        held.iter().map(|(_, s)| s).sum::<usize>() / 1024,
        rss / 1024,
        status_kib("VmRSS") / 1024,
        hwm / 1024,
        status_kib("VmHWM") / 1024
    );
    drop(held);
    server.stop();
}

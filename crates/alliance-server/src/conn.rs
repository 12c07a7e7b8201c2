//! Connections: the listener, a small fixed pool of worker threads (a tokio
//! runtime) on which every connection is a task of its own, and the limits
//! that keep the server answering and its memory bounded whatever a client
//! does: a deadline for each request's headers (which also closes idle
//! keep-alive connections), a deadline for each write, a cap on the size and
//! number of headers (431 beyond it), and a cap on open connections.
//!
//! A connection holds no thread while it waits, so idle keep-alive
//! connections, live-reload listeners and clients that never read cannot
//! starve the others; tokio's scheduler makes each connection yield after a
//! share of work, so one pipelining client cannot hold a worker either.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::sync::Semaphore;
use tokio::time::{Sleep, timeout};

use crate::{Limits, State, cms, http};

/// How often the accept loop looks at the stop flag.
const STOP_POLL: Duration = Duration::from_millis(200);

/// Serves connections from `listener` until the server is asked to stop;
/// blocks the calling thread.
pub(crate) fn run(
    listener: std::net::TcpListener,
    state: Arc<State>,
    limits: Limits,
) -> io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(limits.workers.max(1))
        .max_blocking_threads(1)
        .thread_name("alliance-http")
        .enable_io()
        .enable_time()
        .build()?;
    listener.set_nonblocking(true)?;
    let served = runtime.block_on(accept(listener, state, limits));
    // Ends the connections still open (live-reload listeners among them).
    runtime.shutdown_timeout(Duration::from_secs(1));
    served
}

/// Accepts connections, at most `limits.max_connections` at once (the
/// others wait in the listen backlog), and serves each as a task.
async fn accept(
    listener: std::net::TcpListener,
    state: Arc<State>,
    limits: Limits,
) -> io::Result<()> {
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .max_header_size(limits.max_header_bytes)
        .max_headers(limits.max_headers)
        .max_buf_size(limits.max_header_bytes.max(8192) * 2);
    while !state.stopping() {
        let Ok(Ok(slot)) = timeout(STOP_POLL, Arc::clone(&slots).acquire_owned()).await else {
            continue;
        };
        let stream = match timeout(STOP_POLL, listener.accept()).await {
            Ok(Ok((stream, _))) => stream,
            Ok(Err(e)) => {
                // Out of file descriptors and the like: wait, then go on.
                eprintln!("warning: http: {e}");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
            Err(_) => continue,
        };
        let _ = stream.set_nodelay(true);
        let io = TokioIo::new(Deadline::new(stream, limits.write_timeout));
        let state = Arc::clone(&state);
        let connection = builder.serve_connection(
            io,
            service_fn(move |request| {
                let state = Arc::clone(&state);
                async move {
                    // The browser editor's page, config and API read bodies
                    // and write files; every other request is answered from memory.
                    let answer = if cms::is_editor_path(request.uri().path()) {
                        cms::handle(request, &state).await
                    } else {
                        http::answer(&request, &state)
                    };
                    Ok::<_, std::convert::Infallible>(answer)
                }
            }),
        );
        tokio::spawn(async move {
            // A client that went away or timed out: nothing to report.
            let _ = connection.await;
            drop(slot);
        });
    }
    Ok(())
}

/// A TCP stream whose writes fail once the client has read nothing for the
/// write timeout, so a client that stops reading is let go.
struct Deadline {
    stream: TcpStream,
    limit: Duration,
    /// Running while a write waits for the client.
    stalled: Option<Pin<Box<Sleep>>>,
}

impl Deadline {
    fn new(stream: TcpStream, limit: Duration) -> Deadline {
        Deadline {
            stream,
            limit,
            stalled: None,
        }
    }

    /// Passes a write's outcome on; a write still waiting when the deadline
    /// passes becomes a `TimedOut` error.
    fn guard<T>(
        &mut self,
        cx: &mut Context<'_>,
        outcome: Poll<io::Result<T>>,
    ) -> Poll<io::Result<T>> {
        if outcome.is_ready() {
            self.stalled = None;
            return outcome;
        }
        let limit = self.limit;
        let stalled = self
            .stalled
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
        if stalled.as_mut().poll(cx).is_ready() {
            return Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the client stopped reading",
            )));
        }
        Poll::Pending
    }
}

impl AsyncRead for Deadline {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for Deadline {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let outcome = Pin::new(&mut self.stream).poll_write(cx, buf);
        self.guard(cx, outcome)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let outcome = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
        self.guard(cx, outcome)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let outcome = Pin::new(&mut self.stream).poll_flush(cx);
        self.guard(cx, outcome)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let outcome = Pin::new(&mut self.stream).poll_shutdown(cx);
        self.guard(cx, outcome)
    }
}

//! The browsers listening for reloads: Server-Sent Events clients, each fed
//! by a short queue that its connection's task drains, so a stalled one holds
//! up nobody and costs no thread.

use std::convert::Infallible;
use std::pin::Pin;
use std::sync::Mutex;
use std::task::{Context, Poll};

use bytes::Bytes;
use http_body_util::Either;
use hyper::Response;
use hyper::body::{Body, Frame};
use hyper::header::{CACHE_CONTROL, CONTENT_TYPE, HeaderValue};
use tokio::sync::mpsc;

use crate::http::Answer;
use crate::lock;

/// How many messages may wait for a slow SSE client before it is dropped.
const CLIENT_QUEUE: usize = 16;

/// What a new listener is sent first.
const GREETING: &[u8] = b"retry: 1000\n: connected\n\n";

/// The connected SSE clients: the sending ends of their queues.
#[derive(Default)]
pub(crate) struct Clients(Mutex<Vec<mpsc::Sender<Bytes>>>);

impl Clients {
    /// How many clients are connected (those whose connection has closed
    /// are forgotten here).
    pub(crate) fn len(&self) -> usize {
        let mut clients = lock(&self.0);
        clients.retain(|client| !client.is_closed());
        clients.len()
    }

    /// Disconnects every client (their streams end).
    pub(crate) fn clear(&self) {
        lock(&self.0).clear();
    }

    /// Queues one SSE message for every client, dropping those that went away
    /// or stopped reading (their queue is full): a stalled browser never holds
    /// up the others or the rebuilds.
    pub(crate) fn broadcast(&self, message: &str) {
        let message = Bytes::copy_from_slice(message.as_bytes());
        lock(&self.0).retain(|client| client.try_send(message.clone()).is_ok());
    }

    /// Registers a new client and answers it with its event stream, which
    /// begins with the greeting: a client that has seen the greeting is
    /// registered for the next event.
    pub(crate) fn subscribe(&self) -> Answer {
        let (tx, rx) = mpsc::channel(CLIENT_QUEUE);
        // The queue is new and empty: the greeting fits.
        let _ = tx.try_send(Bytes::from_static(GREETING));
        lock(&self.0).push(tx);
        let mut response = Response::new(Either::Right(Events(rx)));
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/event-stream"));
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        headers.insert("x-accel-buffering", HeaderValue::from_static("no"));
        response
    }
}

/// The body of an event stream: the client's queue, until it is dropped.
pub(crate) struct Events(mpsc::Receiver<Bytes>);

impl Body for Events {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        self.get_mut()
            .0
            .poll_recv(cx)
            .map(|message| message.map(|bytes| Ok(Frame::data(bytes))))
    }
}

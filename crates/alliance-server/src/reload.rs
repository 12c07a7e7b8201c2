//! The browsers listening for reloads: Server-Sent Events clients, each
//! written to by a thread of its own so a stalled one holds up nobody.

use std::io::Write;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use tiny_http::Request;

use crate::lock;

/// How many messages may wait for a slow SSE client before it is dropped.
const CLIENT_QUEUE: usize = 16;

/// The connected SSE clients: each a queue drained by its own writer thread.
#[derive(Default)]
pub(crate) struct Clients(Mutex<Vec<mpsc::SyncSender<Arc<str>>>>);

impl Clients {
    /// How many clients are connected.
    pub(crate) fn len(&self) -> usize {
        lock(&self.0).len()
    }

    /// Disconnects every client (their writer threads end).
    pub(crate) fn clear(&self) {
        lock(&self.0).clear();
    }

    /// Queues one SSE message for every client, dropping those that went away
    /// or stopped reading (their queue is full): a stalled browser never holds
    /// up the others or the rebuilds.
    pub(crate) fn broadcast(&self, message: &str) {
        let message: Arc<str> = Arc::from(message);
        lock(&self.0).retain(|client| client.try_send(Arc::clone(&message)).is_ok());
    }

    /// Takes over the connection and registers it as a client, written to by
    /// a thread of its own; returns at once so the worker is free again.
    pub(crate) fn subscribe(&self, request: Request) {
        let mut writer = request.into_writer();
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\nX-Accel-Buffering: no\r\n\r\nretry: 1000\n: connected\n\n";
        let (tx, rx) = mpsc::sync_channel::<Arc<str>>(CLIENT_QUEUE);
        // Greet under the lock, so a client that has seen the greeting is
        // already registered for the next event.
        let mut clients = lock(&self.0);
        if writer
            .write_all(head.as_bytes())
            .and_then(|()| writer.flush())
            .is_err()
        {
            return;
        }
        let spawned = std::thread::Builder::new()
            .name("alliance-sse".to_owned())
            .spawn(move || {
                for message in rx {
                    if writer
                        .write_all(message.as_bytes())
                        .and_then(|()| writer.flush())
                        .is_err()
                    {
                        break;
                    }
                }
            });
        if spawned.is_ok() {
            clients.push(tx);
        }
    }
}

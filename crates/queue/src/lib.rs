//! The work stream of Parallax: raw articles on a durable NATS JetStream stream, pulled by any
//! number of workers from one shared durable pull consumer.
//!
//! - [`Producer`] publishes each raw article (its bytes, as the caller serialised them) to
//!   [`SUBJECT`] on the stream [`STREAM`] (created when missing, with a [`DUPLICATE_WINDOW`]) with
//!   a message id the caller derives from the article's content: JetStream drops a re-send with
//!   the same id inside the window. A publish that gets no acknowledgement (NATS briefly away) is
//!   sent again until [`PATIENCE`] runs out.
//! - [`Worker`] fetches batches from the durable consumer [`CONSUMER`] (explicit acks): the caller
//!   acknowledges each message only after its article is committed; a message not acknowledged
//!   within the ack wait is delivered again. A message that failed on its last allowed delivery
//!   goes, with its error, to the dead-letter stream [`FAILED_STREAM`] and is terminated
//!   ([`Delivery::fail`]); [`failed`] lists them.
//!
//! This crate is async (tokio); it knows nothing of articles: payloads are bytes.

pub mod testing;

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use async_nats::jetstream::{self, consumer, stream};
use async_nats::HeaderMap;
use futures_util::StreamExt;

/// The stream of raw articles.
pub const STREAM: &str = "PARALLAX_ARTICLES";
/// The subject raw articles are published to.
pub const SUBJECT: &str = "parallax.articles";
/// The dead-letter stream: articles that failed on every allowed delivery, with their error.
pub const FAILED_STREAM: &str = "PARALLAX_FAILED";
/// The dead-letter stream's subject.
pub const FAILED_SUBJECT: &str = "parallax.failed";
/// The durable pull consumer all workers share.
pub const CONSUMER: &str = "parallax-workers";
/// How long JetStream remembers message ids to drop re-sends.
pub const DUPLICATE_WINDOW: Duration = Duration::from_secs(2 * 60 * 60);
/// How long a producer or worker keeps trying while NATS cannot be reached before giving up.
pub const PATIENCE: Duration = Duration::from_secs(60);
/// The header a dead-lettered message carries its error in.
pub const ERROR_HEADER: &str = "Parallax-Error";
/// The header a dead-lettered message carries the original message id in.
pub const ID_HEADER: &str = "Parallax-Msg-Id";
/// The header a dead-lettered message carries its number of deliveries in.
pub const DELIVERIES_HEADER: &str = "Parallax-Deliveries";
/// Publishes awaiting their acknowledgement at once (a producer pipelines).
const WINDOW: usize = 256;
/// How long one JetStream request waits for its answer.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(5);

/// An error of the work stream, naming the NATS server.
#[derive(Debug, thiserror::Error)]
pub enum QueueError {
    /// The URL is not a NATS URL.
    #[error("not a NATS URL: {0} (expected nats://HOST:PORT)")]
    Url(String),
    /// The server could not be reached within [`PATIENCE`].
    #[error("cannot reach NATS at {url}: {reason}")]
    Connect {
        /// The server.
        url: String,
        /// Why.
        reason: String,
    },
    /// The server refused or did not answer a request.
    #[error("NATS at {url}: {what}: {reason}")]
    Server {
        /// The server.
        url: String,
        /// What was asked.
        what: String,
        /// Why it failed.
        reason: String,
    },
    /// A payload larger than the server takes.
    #[error("NATS at {url}: message {id} is {size} bytes, more than the server's limit of {limit}")]
    TooLarge {
        /// The server.
        url: String,
        /// The message id.
        id: String,
        /// Its size.
        size: usize,
        /// The server's `max_payload`.
        limit: usize,
    },
}

/// What a worker's consumer is configured with.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// How long a delivered message may stay unacknowledged before it is delivered again.
    pub ack_wait: Duration,
    /// Deliveries of a failing message before it goes to the dead-letter stream (counted by
    /// the workers: see [`Delivery::worn_out`]).
    pub max_deliver: i64,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { ack_wait: Duration::from_secs(60), max_deliver: 5 }
    }
}

/// A connection to the NATS server and its JetStream context.
#[derive(Clone)]
pub struct Queue {
    url: String,
    client: async_nats::Client,
    js: jetstream::Context,
}

impl std::fmt::Debug for Queue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Queue").field("url", &self.url).finish()
    }
}

impl Queue {
    /// Connects to the server at `url` (`nats://HOST:PORT`), trying again for [`PATIENCE`] while
    /// it cannot be reached, and makes sure both streams exist. Once connected, the client
    /// reconnects by itself whenever the connection drops.
    pub async fn connect(url: &str) -> Result<Queue, QueueError> {
        let address = Address::parse(url)?;
        let started = Instant::now();
        let mut pause = Duration::from_millis(100);
        let client = loop {
            let mut options = async_nats::ConnectOptions::new()
                .connection_timeout(Duration::from_secs(2))
                .request_timeout(Some(REQUEST_TIMEOUT))
                .max_reconnects(None);
            options = match &address.auth {
                Auth::None => options,
                Auth::Token(token) => options.token(token.clone()),
                Auth::User(user, password) => options.user_and_password(user.clone(), password.clone()),
            };
            match options.connect(address.server.as_str()).await {
                Ok(c) => break c,
                // wrong or missing credentials: trying again changes nothing
                Err(e)
                    if matches!(
                        e.kind(),
                        async_nats::ConnectErrorKind::AuthorizationViolation
                            | async_nats::ConnectErrorKind::Authentication
                    ) =>
                {
                    return Err(QueueError::Connect {
                        url: address.shown,
                        reason: format!("{e} (check the user and password, or token, in the URL)"),
                    })
                }
                Err(e) if started.elapsed() < PATIENCE => {
                    let _ = e;
                    tokio::time::sleep(pause).await;
                    pause = (pause * 2).min(Duration::from_secs(2));
                }
                Err(e) => return Err(QueueError::Connect { url: address.shown, reason: e.to_string() }),
            }
        };
        let js = jetstream::new(client.clone());
        let queue = Queue { url: address.shown, client, js };
        queue.ensure_streams().await?;
        Ok(queue)
    }

    /// The server's URL, its password or token hidden ([`redacted`]).
    pub fn url(&self) -> &str {
        &self.url
    }

    fn server_error(&self, what: &str, reason: impl std::fmt::Display) -> QueueError {
        QueueError::Server { url: self.url.clone(), what: what.to_string(), reason: reason.to_string() }
    }

    /// Creates the article stream and the dead-letter stream when missing (retrying for
    /// [`PATIENCE`] while the server does not answer).
    async fn ensure_streams(&self) -> Result<(), QueueError> {
        let articles = stream::Config {
            name: STREAM.to_string(),
            subjects: vec![SUBJECT.to_string()],
            // a message is gone once acknowledged: the stream holds the work still to do
            retention: stream::RetentionPolicy::WorkQueue,
            storage: stream::StorageType::File,
            duplicate_window: DUPLICATE_WINDOW,
            ..Default::default()
        };
        let failed = stream::Config {
            name: FAILED_STREAM.to_string(),
            subjects: vec![FAILED_SUBJECT.to_string()],
            storage: stream::StorageType::File,
            duplicate_window: DUPLICATE_WINDOW,
            ..Default::default()
        };
        for config in [articles, failed] {
            let name = config.name.clone();
            retry(|| self.js.get_or_create_stream(config.clone()), &format!("creating the stream {name}"), self)
                .await?;
        }
        Ok(())
    }

    /// A producer that publishes to the article stream.
    pub fn producer(&self) -> Producer {
        Producer { queue: self.clone(), pending: VecDeque::new(), published: 0, duplicates: 0 }
    }

    /// The shared durable consumer (created when missing, its settings updated otherwise).
    pub async fn worker(&self, settings: Settings) -> Result<Worker, QueueError> {
        let config = consumer::pull::Config {
            durable_name: Some(CONSUMER.to_string()),
            ack_policy: consumer::AckPolicy::Explicit,
            ack_wait: settings.ack_wait,
            // unlimited on the server: the workers dead-letter a message themselves (with its
            // error, and terminated, so that the ack floor passes it). A message the server gave
            // up on would stay below the ack floor for ever, and the workers, which store in the
            // stream's order, would wait for it.
            max_deliver: -1,
            ..Default::default()
        };
        let stream = retry(|| self.js.get_stream(STREAM), "opening the stream", self).await?;
        let consumer =
            retry(|| stream.get_or_create_consumer(CONSUMER, config.clone()), "creating the consumer", self).await?;
        Ok(Worker { queue: self.clone(), consumer, settings })
    }

    /// Every message of the dead-letter stream, oldest first.
    pub async fn failed(&self) -> Result<Vec<Failed>, QueueError> {
        let mut stream = retry(|| self.js.get_stream(FAILED_STREAM), "opening the dead-letter stream", self).await?;
        let info = stream.info().await.map_err(|e| self.server_error("reading the dead-letter stream", e))?;
        let (first, last, count) = (info.state.first_sequence, info.state.last_sequence, info.state.messages);
        let mut out = Vec::new();
        if count == 0 {
            return Ok(out);
        }
        for seq in first..=last {
            let message = match stream.get_raw_message(seq).await {
                Ok(m) => m,
                // a gap (a message removed by hand)
                Err(e) if e.kind() == stream::RawMessageErrorKind::NoMessageFound => continue,
                Err(e) => return Err(self.server_error("reading the dead-letter stream", e)),
            };
            let header = |name: &str| message.headers.get(name).map(|v| v.as_str().to_string()).unwrap_or_default();
            out.push(Failed {
                sequence: seq,
                id: header(ID_HEADER),
                error: header(ERROR_HEADER),
                deliveries: header(DELIVERIES_HEADER).parse().unwrap_or(0),
                payload: message.payload.to_vec(),
            });
        }
        Ok(out)
    }
}

/// `url` with its password or token replaced by `***`: what messages and logs show.
pub fn redacted(url: &str) -> String {
    Address::parse(url).map(|a| a.shown).unwrap_or_else(|_| url.to_string())
}

/// Credentials a NATS URL carries: `nats://TOKEN@HOST:PORT` or `nats://USER:PASSWORD@HOST:PORT`
/// (percent-encoded as in any URL).
#[derive(Debug, Clone, PartialEq)]
enum Auth {
    None,
    Token(String),
    User(String, String),
}

/// A NATS URL taken apart: the server the client connects to (without credentials, which the
/// client is given explicitly), the URL as shown, and the credentials.
#[derive(Debug, Clone, PartialEq)]
struct Address {
    server: String,
    shown: String,
    auth: Auth,
}

impl Address {
    fn parse(url: &str) -> Result<Address, QueueError> {
        let Some(rest) = url.strip_prefix("nats://") else { return Err(QueueError::Url(url.to_string())) };
        let authority_end = rest.find('/').unwrap_or(rest.len());
        let (authority, path) = rest.split_at(authority_end);
        let Some(at) = authority.rfind('@') else {
            if authority.is_empty() {
                return Err(QueueError::Url(url.to_string()));
            }
            return Ok(Address { server: url.to_string(), shown: url.to_string(), auth: Auth::None });
        };
        let (userinfo, host) = (&authority[..at], &authority[at + 1..]);
        if host.is_empty() {
            return Err(QueueError::Url(format!("nats://***@{path}")));
        }
        let auth = match userinfo.split_once(':') {
            Some((user, password)) => Auth::User(percent_decoded(user), percent_decoded(password)),
            None => Auth::Token(percent_decoded(userinfo)),
        };
        let shown = match userinfo.split_once(':') {
            Some((user, _)) => format!("nats://{user}:***@{host}{path}"),
            None => format!("nats://***@{host}{path}"),
        };
        Ok(Address { server: format!("nats://{host}{path}"), shown, auth })
    }
}

/// `%XX` escapes decoded (an invalid one is kept as it is).
fn percent_decoded(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Runs `op` until it succeeds, for at most [`PATIENCE`] (the server may be restarting).
async fn retry<T, E: std::fmt::Display, F: std::future::Future<Output = Result<T, E>>>(
    mut op: impl FnMut() -> F,
    what: &str,
    queue: &Queue,
) -> Result<T, QueueError> {
    let started = Instant::now();
    let mut pause = Duration::from_millis(100);
    loop {
        match op().await {
            Ok(v) => return Ok(v),
            Err(e) if started.elapsed() >= PATIENCE => return Err(queue.server_error(what, e)),
            Err(_) => {
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_secs(2));
            }
        }
    }
}

/// One message of the dead-letter stream.
#[derive(Debug, Clone)]
pub struct Failed {
    /// Its sequence in the dead-letter stream.
    pub sequence: u64,
    /// The original message id.
    pub id: String,
    /// The error of its last delivery.
    pub error: String,
    /// How many times it was delivered.
    pub deliveries: i64,
    /// The original payload.
    pub payload: Vec<u8>,
}

/// Publishes to the article stream, [`WINDOW`] acknowledgements awaited at once.
pub struct Producer {
    queue: Queue,
    pending: VecDeque<(String, bytes::Bytes, jetstream::context::PublishAckFuture)>,
    published: u64,
    duplicates: u64,
}

impl std::fmt::Debug for Producer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Producer").field("published", &self.published).field("duplicates", &self.duplicates).finish()
    }
}

impl Producer {
    /// Publishes `payload` with the message id `id` (a re-send with the same id inside the
    /// duplicate window is dropped by the server).
    pub async fn send(&mut self, id: &str, payload: Vec<u8>) -> Result<(), QueueError> {
        let limit = self.queue.client.server_info().max_payload;
        if limit > 0 && payload.len() + 512 > limit {
            return Err(QueueError::TooLarge {
                url: self.queue.url.clone(),
                id: id.to_string(),
                size: payload.len(),
                limit,
            });
        }
        let payload = bytes::Bytes::from(payload);
        let ack = self.publish(id, payload.clone()).await?;
        self.pending.push_back((id.to_string(), payload, ack));
        while self.pending.len() > WINDOW {
            self.settle_one().await?;
        }
        Ok(())
    }

    /// Publishes once, retrying while the client cannot even queue the message.
    async fn publish(
        &self,
        id: &str,
        payload: bytes::Bytes,
    ) -> Result<jetstream::context::PublishAckFuture, QueueError> {
        let queue = &self.queue;
        retry(
            || {
                let mut headers = HeaderMap::new();
                headers.insert(async_nats::header::NATS_MESSAGE_ID, id);
                queue.js.publish_with_headers(SUBJECT, headers, payload.clone())
            },
            "publishing",
            queue,
        )
        .await
    }

    /// Awaits the oldest acknowledgement; a message that got none is sent again (same id)
    /// until it is acknowledged or [`PATIENCE`] runs out.
    async fn settle_one(&mut self) -> Result<(), QueueError> {
        let Some((id, payload, ack)) = self.pending.pop_front() else { return Ok(()) };
        let started = Instant::now();
        let mut pause = Duration::from_millis(100);
        let mut ack = ack;
        loop {
            match ack.await {
                Ok(a) => {
                    if a.duplicate {
                        self.duplicates += 1;
                    } else {
                        self.published += 1;
                    }
                    return Ok(());
                }
                Err(e) if started.elapsed() >= PATIENCE => {
                    return Err(self.queue.server_error(&format!("publishing message {id}"), e))
                }
                Err(_) => {
                    tokio::time::sleep(pause).await;
                    pause = (pause * 2).min(Duration::from_secs(2));
                    ack = self.publish(&id, payload.clone()).await?;
                }
            }
        }
    }

    /// Awaits every acknowledgement; returns (messages stored, re-sends dropped as duplicates).
    pub async fn finish(mut self) -> Result<(u64, u64), QueueError> {
        while !self.pending.is_empty() {
            self.settle_one().await?;
        }
        Ok((self.published, self.duplicates))
    }
}

/// A worker's handle on the shared durable consumer.
pub struct Worker {
    queue: Queue,
    consumer: consumer::PullConsumer,
    settings: Settings,
}

impl std::fmt::Debug for Worker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Worker").field("queue", &self.queue).field("settings", &self.settings).finish()
    }
}

impl Worker {
    /// At most `max` messages, waiting up to `wait` for the first; an empty batch when there is
    /// nothing to do. Errors are the server's (the caller may try again: the client reconnects).
    pub async fn fetch(&self, max: usize, wait: Duration) -> Result<Vec<Delivery>, QueueError> {
        let mut batch = self
            .consumer
            .fetch()
            .max_messages(max)
            .expires(wait)
            .messages()
            .await
            .map_err(|e| self.queue.server_error("fetching", e))?;
        let mut out = Vec::new();
        while let Some(message) = batch.next().await {
            let message = message.map_err(|e| self.queue.server_error("fetching", e))?;
            out.push(Delivery { message, queue: self.queue.clone(), max_deliver: self.settings.max_deliver });
        }
        Ok(out)
    }

    /// The consumer's ack floor: every message of the stream up to this sequence has been
    /// acknowledged (or terminated).
    pub async fn ack_floor(&mut self) -> Result<u64, QueueError> {
        let info = self.consumer.info().await.map_err(|e| self.queue.server_error("reading the consumer", e))?;
        Ok(info.ack_floor.stream_sequence)
    }

    /// Whether every message of the stream has been acknowledged (none waiting, none delivered
    /// and unacknowledged).
    pub async fn drained(&mut self) -> Result<bool, QueueError> {
        let info = self.consumer.info().await.map_err(|e| self.queue.server_error("reading the consumer", e))?;
        Ok(info.num_pending == 0 && info.num_ack_pending == 0)
    }
}

/// One delivered message: acknowledge it after its work is committed.
pub struct Delivery {
    message: jetstream::Message,
    queue: Queue,
    max_deliver: i64,
}

impl std::fmt::Debug for Delivery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Delivery").field("id", &self.id()).field("deliveries", &self.deliveries()).finish()
    }
}

impl Delivery {
    /// The payload.
    pub fn payload(&self) -> &[u8] {
        &self.message.payload
    }

    /// The message id the producer gave it (empty when none).
    pub fn id(&self) -> String {
        self.message
            .headers
            .as_ref()
            .and_then(|h| h.get(async_nats::header::NATS_MESSAGE_ID))
            .map(|v| v.as_str().to_string())
            .unwrap_or_default()
    }

    /// Its sequence in the stream: the order it was published in.
    pub fn sequence(&self) -> u64 {
        self.message.info().map(|i| i.stream_sequence).unwrap_or(0)
    }

    /// How many times it has been delivered, this time included.
    pub fn deliveries(&self) -> i64 {
        self.message.info().map(|i| i.delivered).unwrap_or(1)
    }

    /// Whether it has been delivered so many times (twice the allowed deliveries: releases and
    /// redeliveries after a worker died count too) that it should be dead-lettered unprocessed:
    /// workers keep dying on it, or never store it.
    pub fn worn_out(&self) -> bool {
        self.deliveries() > 2 * self.max_deliver.max(1)
    }

    /// Acknowledges it: done, never delivered again.
    pub async fn ack(&self) -> Result<(), QueueError> {
        self.message.ack().await.map_err(|e| self.queue.server_error("acknowledging", e))
    }

    /// Gives it back undone: delivered again at once (to any worker).
    pub async fn release(&self) -> Result<(), QueueError> {
        self.message
            .ack_with(jetstream::AckKind::Nak(None))
            .await
            .map_err(|e| self.queue.server_error("returning a message", e))
    }

    /// Tells the server the work goes on (the ack wait starts again).
    pub async fn in_progress(&self) -> Result<(), QueueError> {
        self.message
            .ack_with(jetstream::AckKind::Progress)
            .await
            .map_err(|e| self.queue.server_error("extending the ack wait", e))
    }

    /// Its work failed with `error`: delivered again (after `delay`), or, on its last allowed
    /// delivery, published with the error to the dead-letter stream and terminated. Returns
    /// whether it was dead-lettered.
    pub async fn fail(&self, error: &str, delay: Duration) -> Result<bool, QueueError> {
        let deliveries = self.deliveries();
        if deliveries < self.max_deliver {
            self.message
                .ack_with(jetstream::AckKind::Nak(Some(delay)))
                .await
                .map_err(|e| self.queue.server_error("returning a failed message", e))?;
            return Ok(false);
        }
        let id = self.id();
        let mut headers = HeaderMap::new();
        // the same message dead-lettered twice (a worker killed in between) is stored once
        if !id.is_empty() {
            headers.insert(async_nats::header::NATS_MESSAGE_ID, format!("failed-{id}").as_str());
        }
        headers.insert(ID_HEADER, id.as_str());
        // a header value is one line
        let one_line: String = error.chars().map(|c| if c.is_control() { ' ' } else { c }).take(2000).collect();
        headers.insert(ERROR_HEADER, one_line.as_str());
        headers.insert(DELIVERIES_HEADER, deliveries.to_string().as_str());
        let queue = &self.queue;
        let payload = self.message.payload.clone();
        let ack = retry(
            || queue.js.publish_with_headers(FAILED_SUBJECT, headers.clone(), payload.clone()),
            "dead-lettering",
            queue,
        )
        .await?;
        ack.await.map_err(|e| queue.server_error("dead-lettering", e))?;
        self.message
            .ack_with(jetstream::AckKind::Term)
            .await
            .map_err(|e| queue.server_error("terminating a failed message", e))?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_in_the_url_are_taken_out_and_hidden() {
        let cases = [
            ("nats://127.0.0.1:4222", "nats://127.0.0.1:4222", "nats://127.0.0.1:4222", Auth::None),
            (
                "nats://worker:s3cr%40t@nats:4222",
                "nats://nats:4222",
                "nats://worker:***@nats:4222",
                Auth::User("worker".into(), "s3cr@t".into()),
            ),
            (
                "nats://tok3n@nats.internal",
                "nats://nats.internal",
                "nats://***@nats.internal",
                Auth::Token("tok3n".into()),
            ),
        ];
        for (url, server, shown, auth) in cases {
            let a = Address::parse(url).expect("a NATS URL");
            assert_eq!((a.server.as_str(), a.shown.as_str(), &a.auth), (server, shown, &auth), "{url}");
            assert_eq!(redacted(url), shown);
        }
        for bad in ["http://nats:4222", "nats://", "nats://user:pw@"] {
            let err = Address::parse(bad).expect_err(bad).to_string();
            assert!(!err.contains("pw"), "{err}");
        }
    }

    #[test]
    fn percent_escapes_are_decoded_and_bad_ones_kept() {
        assert_eq!(percent_decoded("a%2Fb%3a%zz%4"), "a/b:%zz%4");
    }
}

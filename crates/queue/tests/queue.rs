//! The work stream on a real `nats-server -js` (skipped, with one line, when it is missing).

use std::time::Duration;

use parallax_queue::{testing, Queue, Settings};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().expect("a runtime")
}

#[test]
fn publish_dedupe_fetch_ack_and_dead_letter() {
    let Some(server) = testing::nats_server("basic") else { return };
    runtime().block_on(async {
        let queue = Queue::connect(&server.url()).await.expect("connects");
        let mut producer = queue.producer();
        producer.send("a", b"one".to_vec()).await.expect("sends");
        producer.send("b", b"two".to_vec()).await.expect("sends");
        producer.send("a", b"one".to_vec()).await.expect("sends");
        assert_eq!(producer.finish().await.expect("acknowledged"), (2, 1));

        let settings = Settings { ack_wait: Duration::from_secs(1), max_deliver: 2 };
        let mut worker = queue.worker(settings).await.expect("a consumer on nats-server 2.9");
        let batch = worker.fetch(10, Duration::from_secs(1)).await.expect("fetches");
        assert_eq!(batch.len(), 2);
        assert_eq!(batch[0].payload(), b"one");
        assert_eq!(batch[0].id(), "a");
        batch[0].ack().await.expect("acks");
        // the second fails twice: dead-lettered with its error
        assert!(!batch[1].fail("boom", Duration::ZERO).await.expect("naks"));
        let again = worker.fetch(10, Duration::from_secs(2)).await.expect("fetches");
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].deliveries(), 2);
        assert!(again[0].fail("boom again", Duration::ZERO).await.expect("dead-letters"));
        let mut drained = false;
        for _ in 0..20 {
            if worker.drained().await.expect("consumer info") {
                drained = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(drained);
        let failed = queue.failed().await.expect("lists");
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0].id, "b");
        assert_eq!(failed[0].error, "boom again");
        assert_eq!(failed[0].deliveries, 2);
        assert_eq!(failed[0].payload, b"two");
    });
}

#[test]
fn unreachable_server_is_one_line_naming_it() {
    // nothing listens on port 9 of loopback (discard), and the test must not wait for PATIENCE
    let rt = runtime();
    let err = rt.block_on(async { Queue::connect("http://127.0.0.1:9").await.expect_err("not a NATS URL") });
    assert!(err.to_string().contains("not a NATS URL"));
}

#[test]
fn a_message_delivered_too_often_is_worn_out() {
    let Some(server) = testing::nats_server("worn") else { return };
    runtime().block_on(async {
        let queue = Queue::connect(&server.url()).await.expect("connects");
        let mut producer = queue.producer();
        producer.send("w", b"again and again".to_vec()).await.expect("sends");
        producer.finish().await.expect("acknowledged");
        let worker =
            queue.worker(Settings { ack_wait: Duration::from_secs(5), max_deliver: 1 }).await.expect("consumer");
        // the server never gives up on it (its own max_deliver is unlimited): the worker does
        for delivery in 1..=3 {
            let batch = worker.fetch(1, Duration::from_secs(2)).await.expect("fetches");
            assert_eq!(batch.len(), 1, "delivery {delivery}");
            assert_eq!(batch[0].deliveries(), delivery);
            assert_eq!(batch[0].worn_out(), delivery > 2);
            if delivery < 3 {
                batch[0].release().await.expect("released");
            } else {
                assert!(batch[0].fail("worn out", Duration::ZERO).await.expect("dead-letters"));
            }
        }
        assert_eq!(queue.failed().await.expect("lists").len(), 1);
    });
}

/// A server that needs a user and password: the URL's credentials are used, never shown, and
/// wrong ones are refused at once (not tried again for `PATIENCE`).
#[test]
fn credentials_in_the_url_log_in_and_wrong_ones_fail_at_once() {
    let Some(server) = testing::nats_server_with("auth", &["--user", "worker", "--pass", "s3cr@t"]) else { return };
    let host = server.url().trim_start_matches("nats://").to_string();
    runtime().block_on(async {
        let queue = Queue::connect(&format!("nats://worker:s3cr%40t@{host}")).await.expect("logs in");
        assert_eq!(queue.url(), format!("nats://worker:***@{host}"));
        let mut producer = queue.producer();
        producer.send("a", b"one".to_vec()).await.expect("sends");
        assert_eq!(producer.finish().await.expect("acknowledged"), (1, 0));

        let started = std::time::Instant::now();
        let err = Queue::connect(&format!("nats://worker:wrong-password@{host}")).await.expect_err("refused");
        let err = err.to_string();
        assert!(started.elapsed() < Duration::from_secs(15), "took {:?}", started.elapsed());
        assert!(err.contains(&format!("nats://worker:***@{host}")) && !err.contains("wrong-password"), "{err}");
        // and no credentials at all
        let err = Queue::connect(&server.url()).await.expect_err("refused").to_string();
        assert!(err.contains("authorization"), "{err}");
    });
}

//! The JSON API through the router: an archive of the example story built in a temporary
//! folder (and a fresh copy for the tests that write), every route requested with `oneshot`.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use parallax_server::{AppState, Config};
use parallax_store::{Ingest, Store};
use serde_json::Value;
use tower::ServiceExt;

/// Builds an archive of the Riyadh story at `dir/archive.db`.
fn build(name: &str) -> PathBuf {
    common::riyadh_archive(&format!("api-{name}"), Vec::new())
}

/// The read-only archive most tests share (built once).
fn archive() -> &'static PathBuf {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| build("shared"))
}

fn state_for(db: &Path, token: Option<&str>) -> AppState {
    let mut config = Config::new(db.to_path_buf());
    config.token = token.map(str::to_string);
    AppState::open(&config).expect("the server opens the archive")
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// Asserts an error reply: `status`, JSON `{"error": {"status", "message"}}`.
    fn assert_error(&self, status: StatusCode) -> String {
        assert_eq!(self.status, status, "{}", self.body);
        let json = self.json();
        assert_eq!(json["error"]["status"], status.as_u16(), "{}", self.body);
        let message = json["error"]["message"].as_str().expect("a message").to_string();
        assert!(!message.is_empty());
        message
    }
}

async fn send(state: &AppState, request: Request<Body>) -> Reply {
    let app = parallax_server::router(state.clone());
    let response = app.oneshot(request).await.expect("response");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    Reply { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
}

async fn get_in(state: &AppState, uri: &str) -> Reply {
    send(state, Request::get(uri).body(Body::empty()).expect("request")).await
}

async fn get(uri: &str) -> Reply {
    get_in(&state_for(archive(), None), uri).await
}

async fn get_ok(uri: &str) -> Value {
    let reply = get(uri).await;
    assert_eq!(reply.status, StatusCode::OK, "{uri}: {}", reply.body);
    reply.json()
}

async fn post(state: &AppState, token: Option<&str>, content_type: &str, body: impl Into<Body>) -> Reply {
    let mut request = Request::post("/api/v1/articles").header(header::CONTENT_TYPE, content_type);
    if let Some(t) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    send(state, request.body(body.into()).expect("request")).await
}

fn items(page: &Value) -> &Vec<Value> {
    page["items"].as_array().expect("items")
}

async fn riyadh_story() -> i64 {
    let page = get_ok("/api/v1/stories?limit=200").await;
    items(&page).iter().find(|s| s["articles"] == 3).and_then(|s| s["id"].as_i64()).expect("the Riyadh story")
}

#[tokio::test]
async fn stories_list_one_filter_and_page() {
    let page = get_ok("/api/v1/stories").await;
    assert_eq!(page["limit"], 20);
    assert_eq!(page["offset"], 0);
    assert!(page["next_offset"].is_null());
    assert!(!items(&page).is_empty());
    let id = riyadh_story().await;

    let story = get_ok(&format!("/api/v1/stories/{id}")).await;
    assert_eq!(story["listing"]["id"], id);
    assert!(story["story"].is_object(), "the story JSON is parsed, not a string");
    assert_eq!(story["articles"].as_array().map(Vec::len), Some(3));

    let outlet = story["articles"][0]["outlet"].as_str().expect("an outlet").to_string();
    let by_outlet = get_ok(&format!("/api/v1/stories?outlet={}", outlet.replace(' ', "%20"))).await;
    assert!(items(&by_outlet).iter().any(|s| s["id"] == id));
    let none = get_ok("/api/v1/stories?outlet=No%20Such%20Outlet").await;
    assert!(items(&none).is_empty());
    let future = get_ok("/api/v1/stories?since=2999-01-01").await;
    assert!(items(&future).is_empty());
    let past = get_ok("/api/v1/stories?until=1900-01-01").await;
    assert!(items(&past).is_empty());
    let english = get_ok("/api/v1/stories?language=en").await;
    assert!(items(&english).iter().any(|s| s["id"] == id));

    get(&format!("/api/v1/stories/{}", id + 1000)).await.assert_error(StatusCode::NOT_FOUND);
    get("/api/v1/stories/abc").await.assert_error(StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn articles_list_one_filter_and_page() {
    let all = get_ok("/api/v1/articles").await;
    assert_eq!(items(&all).len(), 3);
    let first = get_ok("/api/v1/articles?limit=2").await;
    assert_eq!(items(&first).len(), 2);
    assert_eq!(first["next_offset"], 2);
    let second = get_ok("/api/v1/articles?limit=2&offset=2").await;
    assert_eq!(items(&second).len(), 1);
    assert!(second["next_offset"].is_null());
    assert_ne!(items(&first)[0]["id"], items(&second)[0]["id"]);

    let story = riyadh_story().await;
    let of_story = get_ok(&format!("/api/v1/articles?story={story}")).await;
    assert_eq!(items(&of_story).len(), 3);
    let of_none = get_ok("/api/v1/articles?story=999999").await;
    assert!(items(&of_none).is_empty());

    // the article with the most quotes
    let mut best: Option<Value> = None;
    for a in items(&all) {
        let article = get_ok(&format!("/api/v1/articles/{}", a["id"])).await;
        let n = article["quotes"].as_array().map_or(0, Vec::len);
        if best.as_ref().is_none_or(|b| b["quotes"].as_array().map_or(0, Vec::len) < n) {
            best = Some(article);
        }
    }
    let article = best.expect("an article");
    assert!(article["text"].as_str().is_some_and(|t| t.len() > 100));
    assert!(article["provenance"]["outlet"].is_string());
    assert!(article["provenance"]["published"].is_string());
    assert!(!article["entities"].as_array().expect("entities").is_empty());
    assert!(article["times"].is_array() && article["events"].is_array());
    let quotes = article["quotes"].as_array().expect("quotes");
    assert!(!quotes.is_empty());
    assert!(quotes.iter().any(|q| q["speaker"].is_string()), "a quote with its speaker's name");
    assert!(quotes.iter().all(|q| q["text"].as_str().is_some_and(|t| !t.is_empty())));

    let speaker = quotes.iter().find_map(|q| q["speaker"].as_str()).expect("a speaker");
    let by_speaker = get_ok(&format!("/api/v1/articles?speaker={}", speaker.replace(' ', "%20"))).await;
    assert!(items(&by_speaker).iter().any(|a| a["id"] == article["id"]));
    let future = get_ok("/api/v1/articles?since=2999-01-01").await;
    assert!(items(&future).is_empty());

    get("/api/v1/articles/999999").await.assert_error(StatusCode::NOT_FOUND);
    get("/api/v1/articles/1x").await.assert_error(StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn entities_list_one_prefix_and_page() {
    let page = get_ok("/api/v1/entities?limit=5").await;
    let list = items(&page);
    assert!(!list.is_empty());
    let key = list[0]["key"].as_str().expect("a key").to_string();
    let one = get_ok(&format!("/api/v1/entities/{}", key.replace(' ', "%20"))).await;
    assert_eq!(one["key"], key.as_str());
    assert!(!one["stories"].as_array().expect("stories").is_empty());

    let prefix: String = key.chars().take(3).collect();
    let by_prefix = get_ok(&format!("/api/v1/entities?prefix={}", prefix.replace(' ', "%20"))).await;
    assert!(items(&by_prefix).iter().all(|e| e["key"].as_str().is_some_and(|k| k.starts_with(&prefix))));
    assert!(items(&by_prefix).iter().any(|e| e["key"] == key.as_str()));

    if page["next_offset"] == 5 {
        let next = get_ok("/api/v1/entities?limit=5&offset=5").await;
        assert!(items(&next).iter().all(|e| e["key"] != key.as_str()));
    }
    get("/api/v1/entities/no%20such%20person%20at%20all").await.assert_error(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn quotes_filter_and_search_finds_a_quotes_words() {
    let page = get_ok("/api/v1/quotes?limit=200").await;
    let quotes = items(&page);
    assert!(!quotes.is_empty());
    let story = riyadh_story().await;
    let of_story = get_ok(&format!("/api/v1/quotes?story={story}&limit=200")).await;
    assert_eq!(items(&of_story).len(), quotes.len());
    let two = get_ok("/api/v1/quotes?limit=2").await;
    assert_eq!(items(&two).len(), 2.min(quotes.len()));

    let quote = quotes.iter().find(|q| q["speaker"].is_string()).expect("an attributed quote");
    let speaker = quote["speaker"].as_str().expect("speaker");
    let by_speaker = get_ok(&format!("/api/v1/quotes?speaker={}&limit=200", speaker.replace(' ', "%20"))).await;
    assert!(!items(&by_speaker).is_empty());
    // the speaker filter keeps the articles quoting the speaker (with all their quotes)
    assert!(items(&by_speaker).iter().any(|q| q["speaker"] == speaker));
    let future = get_ok("/api/v1/quotes?since=2999-01-01").await;
    assert!(items(&future).is_empty());

    // three longest words of the quote
    let text = quote["quote"].as_str().expect("quote text");
    let mut words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 4).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let q = words.iter().take(3).copied().collect::<Vec<_>>().join("%20");
    let hits = get_ok(&format!("/api/v1/search?q={q}")).await;
    assert!(items(&hits).iter().any(|h| h["article"] == quote["article_id"]), "search for {q}: {hits}");
    assert!(items(&hits).iter().all(|h| h["snippet"].is_string()));
    let none = get_ok(&format!("/api/v1/search?q={q}&since=2999-01-01")).await;
    assert!(items(&none).is_empty());

    get("/api/v1/search").await.assert_error(StatusCode::BAD_REQUEST);
    get("/api/v1/search?q=%20").await.assert_error(StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn bad_requests_are_json_errors_and_the_server_keeps_serving() {
    let bad = [
        ("/api/v1/stories?limit=abc", StatusCode::BAD_REQUEST),
        ("/api/v1/stories?since=yesterday", StatusCode::BAD_REQUEST),
        ("/api/v1/articles?until=2024-13-01", StatusCode::BAD_REQUEST),
        ("/api/v1/quotes?limit=201", StatusCode::BAD_REQUEST),
        ("/api/v1/entities?limit=0", StatusCode::BAD_REQUEST),
        ("/api/v1/search?q=x&offset=-1", StatusCode::BAD_REQUEST),
        ("/api/v1/stories?bogus=1", StatusCode::BAD_REQUEST),
        ("/api/v1/articles?story=abc", StatusCode::BAD_REQUEST),
        ("/api/v1/nothing-here", StatusCode::NOT_FOUND),
        ("/api/v1/stories/1/more", StatusCode::NOT_FOUND),
        ("/api/v1", StatusCode::NOT_FOUND),
        ("/api/v1/stories/", StatusCode::NOT_FOUND),
    ];
    for (uri, status) in bad {
        let reply = get(uri).await;
        assert!(!reply.body.is_empty(), "{uri}: {}", reply.status);
        let message = reply.assert_error(status);
        if uri.contains("limit=abc") {
            assert!(message.contains("limit"), "{message}");
        }
        if status == StatusCode::NOT_FOUND {
            assert!(message.contains("/api/v1"), "{message}");
        }
        if uri.contains("yesterday") {
            assert!(message.contains("since") && message.contains("YYYY-MM-DD"), "{message}");
        }
        get_ok("/api/v1/stories").await;
    }
    let long = format!("/api/v1/search?q={}", "a".repeat(parallax_server::MAX_QUERY_BYTES + 10));
    get(&long).await.assert_error(StatusCode::URI_TOO_LONG);
    get_ok("/api/v1/stories").await;

    let state = state_for(archive(), None);
    let delete = Request::delete("/api/v1/stories").body(Body::empty()).expect("request");
    send(&state, delete).await.assert_error(StatusCode::METHOD_NOT_ALLOWED);
    get_ok("/api/v1/stories").await;
}

#[tokio::test]
async fn api_responses_carry_the_security_headers() {
    for uri in ["/api/v1/stories", "/api/v1/nothing", "/api/v1/stories?limit=abc", "/api/v1/openapi.json"] {
        let reply = get(uri).await;
        let csp = reply.headers.get(header::CONTENT_SECURITY_POLICY).and_then(|v| v.to_str().ok());
        assert_eq!(csp, Some(parallax_server::security::CSP), "{uri}");
        assert_eq!(reply.headers.get(header::X_CONTENT_TYPE_OPTIONS).and_then(|v| v.to_str().ok()), Some("nosniff"));
        let ct = reply.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
        assert!(ct.starts_with("application/json"), "{uri}: {ct}");
    }
}

#[tokio::test]
async fn writes_need_the_token() {
    let record = r#"{"id":"t1","title":"T","text":"Officials said on Monday that the bridge would reopen."}"#;
    let off = state_for(archive(), None);
    post(&off, Some("t"), "application/json", record).await.assert_error(StatusCode::FORBIDDEN);
    let on = state_for(archive(), Some("sesame"));
    post(&on, None, "application/json", record).await.assert_error(StatusCode::UNAUTHORIZED);
    post(&on, Some("wrong"), "application/json", record).await.assert_error(StatusCode::UNAUTHORIZED);
    let basic = Request::post("/api/v1/articles")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::AUTHORIZATION, "Basic c2VzYW1lOg==")
        .body(Body::from(record))
        .expect("request");
    send(&on, basic).await.assert_error(StatusCode::UNAUTHORIZED);
    // nothing was written
    let page = get_ok("/api/v1/articles").await;
    assert_eq!(items(&page).len(), 3);
}

#[tokio::test]
async fn posted_articles_are_stored_readable_and_searchable() {
    let db = build("post");
    let state = state_for(&db, Some("sesame"));
    let record = serde_json::json!({
        "id": "api-test-1",
        "url": "https://example.org/news/zanzibar-ferry",
        "title": "<script>alert(1)</script> Ferry service resumes",
        "outlet": "Example Times",
        "published": "2025-03-04",
        "text": "The ferry service between Dar es Salaam and Zanzibar resumed on Tuesday, officials said. \
                 \"We are glad the <script>alert(2)</script> boats are running again,\" said Amina Juma, \
                 the harbour master. Passengers had waited for three weeks after the storm damaged the pier."
    });
    let reply = post(&state, Some("sesame"), "application/json", record.to_string()).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let counts = reply.json();
    assert_eq!(counts["new"], 1, "{counts}");
    assert_eq!(counts["stories_new"], 1, "{counts}");
    let id = counts["articles"][0].as_i64().expect("the new article's id");

    let article = get_in(&state, &format!("/api/v1/articles/{id}")).await;
    assert_eq!(article.status, StatusCode::OK);
    assert!(article
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|c| c.starts_with("application/json")));
    let json = article.json();
    assert_eq!(json["title"], "<script>alert(1)</script> Ferry service resumes", "markup comes back as data");
    assert!(json["text"].as_str().is_some_and(|t| t.contains("<script>alert(2)</script>")));
    assert_eq!(json["outlet"], "Example Times");
    assert_eq!(json["provenance"]["outlet"], "given");

    let hits = get_in(&state, "/api/v1/search?q=ferry%20Zanzibar").await;
    assert_eq!(hits.status, StatusCode::OK);
    assert!(items(&hits.json()).iter().any(|h| h["article"] == id), "{}", hits.body);

    // the same article again is skipped; JSON Lines with a bad line stores the rest
    let again = post(&state, Some("sesame"), "application/json", record.to_string()).await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.json()["skipped"], 1);
    let lines = format!(
        "{}\n{{not json\n{}\n",
        serde_json::json!({"id": "api-test-2", "title": "Storm closes port", "text": "A storm closed the port of Mombasa on Friday, the port authority said in a statement."}),
        serde_json::json!({"id": "api-test-3", "title": "No text here"}),
    );
    let batch = post(&state, Some("sesame"), "application/x-ndjson", lines).await;
    assert_eq!(batch.status, StatusCode::CREATED, "{}", batch.body);
    let batch = batch.json();
    assert_eq!(batch["new"], 1, "{batch}");
    let errors = batch["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 2, "{batch}");
    assert_eq!(errors[0]["line"], 2);
    assert_eq!(errors[1]["line"], 3);
    assert!(errors.iter().all(|e| e["reason"].as_str().is_some_and(|r| !r.is_empty())));
    let new_id = batch["articles"][0].as_i64().expect("an id");
    assert_eq!(get_in(&state, &format!("/api/v1/articles/{new_id}")).await.status, StatusCode::OK);

    // another writer stores an article meanwhile (as `parallax ingest` would): the server's kept
    // clustering state catches up with it, so a copy of that article posted next is found
    let wire = "Fishermen in Lamu said on Monday that a cyclone had wrecked dozens of boats along \
                the northern coast, and the county government promised to pay for repairs before the season.";
    {
        let mut doc = parallax_ingest::doc_from_text("wire.txt", wire, parallax_doc::Meta::default());
        parallax_analyze::analyze(&mut doc);
        let mut store = Store::open(&db).expect("opens");
        let mut ingest = Ingest::start(&mut store, &["elsewhere".into()], parallax_analyze::analyze).expect("lock");
        ingest.add_batch(vec![doc]).expect("stored");
        ingest.finish().expect("finished");
    }
    let copy = serde_json::json!({"id": "api-test-copy", "outlet": "Another Paper", "text": format!("{wire} Reporting by staff.")});
    let reply = post(&state, Some("sesame"), "application/json", copy.to_string()).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let copy_id = reply.json()["articles"][0].as_i64().expect("an id");
    let copy = get_in(&state, &format!("/api/v1/articles/{copy_id}")).await.json();
    assert!(copy["duplicate_of"].as_i64().is_some(), "the copy is marked: {copy}");
}

#[tokio::test]
async fn bad_bodies_are_refused_with_a_reason() {
    let db = build("bad-bodies");
    let state = state_for(&db, Some("sesame"));
    let message = post(&state, Some("sesame"), "application/json", "{\"id\": \"x\", ")
        .await
        .assert_error(StatusCode::BAD_REQUEST);
    assert!(message.contains("not JSON"), "{message}");
    post(&state, Some("sesame"), "application/json", "").await.assert_error(StatusCode::BAD_REQUEST);
    post(&state, Some("sesame"), "application/json", "[1, 2]").await.assert_error(StatusCode::BAD_REQUEST);
    post(&state, Some("sesame"), "application/x-ndjson", "nope\nnope\n").await.assert_error(StatusCode::BAD_REQUEST);
    post(&state, Some("sesame"), "application/json", r#"{"title": "no text"}"#)
        .await
        .assert_error(StatusCode::BAD_REQUEST);
    post(&state, Some("sesame"), "text/plain", "hello").await.assert_error(StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let huge = vec![b' '; parallax_server::MAX_BODY_BYTES + 1];
    let reply = post(&state, Some("sesame"), "application/json", huge).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    // the same with its length declared up front (refused before the body is read)
    let huge = vec![b' '; parallax_server::MAX_BODY_BYTES + 1];
    let declared = Request::post("/api/v1/articles")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, huge.len())
        .header(header::AUTHORIZATION, "Bearer sesame")
        .body(Body::from(huge))
        .expect("request");
    let reply = send(&state, declared).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(reply.headers.contains_key(header::CONTENT_SECURITY_POLICY));
    // and the server still serves and stores
    let ok = post(
        &state,
        Some("sesame"),
        "application/json",
        r#"{"id":"fine","text":"The mayor opened the new library on Monday, the council said."}"#,
    )
    .await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.body);
    assert_eq!(get_in(&state, "/api/v1/stories").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_busy_writer_is_a_503() {
    let db = build("busy");
    let state = state_for(&db, Some("sesame"));
    let mut store = Store::open(&db).expect("open");
    let ingest = Ingest::start(&mut store, &["holder".into()], parallax_analyze::analyze).expect("lock");
    let reply = post(
        &state,
        Some("sesame"),
        "application/json",
        r#"{"id":"b","text":"The council met on Monday, officials said."}"#,
    )
    .await;
    reply.assert_error(StatusCode::SERVICE_UNAVAILABLE);
    drop(ingest);
}

/// Every route in [`parallax_server::api::ROUTES`] is in the OpenAPI document and answers (not
/// 404/405), and every path and method of the document is a route.
#[tokio::test]
async fn the_openapi_document_matches_the_router() {
    let doc = get_ok("/api/v1/openapi.json").await;
    assert_eq!(doc["openapi"].as_str().map(|v| v.starts_with("3.0")), Some(true));
    let paths = doc["paths"].as_object().expect("paths");
    let mut documented: Vec<(String, String)> = Vec::new();
    for (path, ops) in paths {
        for method in ops.as_object().expect("operations").keys() {
            documented.push((method.to_ascii_uppercase(), path.clone()));
        }
    }
    let mut routes: Vec<(String, String)> =
        parallax_server::api::ROUTES.iter().map(|(m, p)| (m.to_string(), p.to_string())).collect();
    documented.sort();
    routes.sort();
    assert_eq!(documented, routes, "the document and ROUTES list the same routes");

    let story = riyadh_story().await;
    let article = get_ok("/api/v1/articles?limit=1").await["items"][0]["id"].as_i64().expect("an article");
    let entity =
        get_ok("/api/v1/entities?limit=1").await["items"][0]["key"].as_str().expect("a key").replace(' ', "%20");
    let state = state_for(archive(), None);
    for (method, path) in parallax_server::api::ROUTES {
        let uri = format!(
            "/api/v1{}",
            path.replace("/stories/{id}", &format!("/stories/{story}"))
                .replace("/articles/{id}", &format!("/articles/{article}"))
                .replace("{key}", &entity)
        );
        let uri = if *path == "/search" { format!("{uri}?q=Riyadh") } else { uri };
        let request = Request::builder().method(*method).uri(&uri).body(Body::empty()).expect("request");
        let reply = send(&state, request).await;
        if *method == "GET" {
            assert_eq!(reply.status, StatusCode::OK, "{method} {uri}: {}", reply.body);
            reply.json();
        } else {
            // no token configured: the route exists and refuses the write
            reply.assert_error(StatusCode::FORBIDDEN);
        }
        let op = &paths[*path][method.to_ascii_lowercase()];
        for p in op["parameters"].as_array().into_iter().flatten() {
            assert!(p["name"].is_string() && p["in"].is_string(), "{path}: {p}");
        }
        assert!(op["responses"].is_object(), "{path}");
    }
}

//! `GET /articles`, `GET /articles/{id}` and `POST /articles` (adding articles, as
//! `parallax ingest` does).

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use parallax_doc::{Diagnostic, Doc, Entity, Event, Mention, Quote, TimeExpr};
use parallax_store::{ArticleFilter, ArticleListing, Ingest, RunCounts, Store};
use rayon::prelude::*;

use super::params::{article_filter, page, ApiPath, ApiQuery, Page};
use crate::{security, ApiError, AppState, MAX_BODY_BYTES};

/// Query of `GET /articles`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticlesQuery {
    /// Only this story's articles.
    pub story: Option<i64>,
    /// Only this outlet's.
    pub outlet: Option<String>,
    /// Published on or after this day.
    pub since: Option<String>,
    /// Published on or before this day.
    pub until: Option<String>,
    /// Naming this entity.
    pub entity: Option<String>,
    /// Quoting this speaker.
    pub speaker: Option<String>,
    /// Page size.
    pub limit: Option<usize>,
    /// Items to skip.
    pub offset: Option<usize>,
}

/// `GET /articles`: articles, latest stored first.
pub async fn list(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<ArticlesQuery>,
) -> Result<Json<Page<ArticleListing>>, ApiError> {
    let (limit, offset) = page(q.limit, q.offset)?;
    let filter = ArticleFilter {
        story: q.story,
        filter: article_filter(q.outlet, q.since, q.until, q.speaker, q.entity, (limit, offset))?,
    };
    let items = state.pool.read(move |store| Ok(store.articles(&filter)?)).await?;
    Ok(Json(Page::new(items, limit, offset)))
}

/// Where an inferred field came from.
#[derive(Debug, serde::Serialize)]
pub struct ProvenanceJson {
    /// Of the outlet (`given`, `markup`, `text`, `inferred`, `unknown`).
    pub outlet: String,
    /// Of the publication date.
    pub published: String,
}

/// A quote with its text and its speaker's name.
#[derive(Debug, serde::Serialize)]
pub struct QuoteJson<'a> {
    /// The quote layer's record (byte spans into `text`).
    #[serde(flatten)]
    pub quote: &'a Quote,
    /// The quoted words.
    pub text: &'a str,
    /// The speaker's name, when the quote is attributed to an entity.
    pub speaker: Option<&'a str>,
    /// The words naming the speaker in the article.
    pub speaker_text: Option<&'a str>,
}

/// A time expression with its words.
#[derive(Debug, serde::Serialize)]
pub struct TimeJson<'a> {
    /// The time layer's record.
    #[serde(flatten)]
    pub time: &'a TimeExpr,
    /// The words.
    pub text: &'a str,
}

/// An event with its trigger word and participants' names.
#[derive(Debug, serde::Serialize)]
pub struct EventJson<'a> {
    /// The event layer's record (indexes into `entities` and `times`).
    #[serde(flatten)]
    pub event: &'a Event,
    /// The trigger's words.
    pub trigger_text: &'a str,
    /// The participants' names.
    pub participant_names: Vec<&'a str>,
}

/// One article: metadata with provenance, text and layers.
#[derive(Debug, serde::Serialize)]
pub struct ArticleJson<'a> {
    /// How it is listed.
    #[serde(flatten)]
    pub listing: &'a ArticleListing,
    /// Its record id in the input.
    pub record_id: Option<&'a str>,
    /// Authors.
    pub authors: &'a [String],
    /// Where the outlet and date came from.
    pub provenance: ProvenanceJson,
    /// The cleaned text every span indexes (UTF-8 byte offsets).
    pub text: &'a str,
    /// Entities.
    pub entities: &'a [Entity],
    /// Every mention of an entity.
    pub mentions: &'a [Mention],
    /// Quotes with speakers.
    pub quotes: Vec<QuoteJson<'a>>,
    /// Time expressions.
    pub times: Vec<TimeJson<'a>>,
    /// Events.
    pub events: Vec<EventJson<'a>>,
    /// Notes, skipped and failed stages.
    pub diagnostics: &'a [Diagnostic],
}

fn words(doc: &Doc, span: parallax_doc::Span) -> &str {
    doc.text.get(span.start..span.end).unwrap_or("")
}

fn article_json(a: &parallax_store::StoredArticle) -> Result<Vec<u8>, ApiError> {
    let doc = &a.doc;
    let name = |i: usize| doc.entities.get(i).map(|e| e.name.as_str());
    let json = ArticleJson {
        listing: &a.listing,
        record_id: a.record_id.as_deref(),
        authors: &a.authors,
        provenance: ProvenanceJson { outlet: a.outlet_from.clone(), published: a.published_from.clone() },
        text: &doc.text,
        entities: &doc.entities,
        mentions: &doc.mentions,
        quotes: doc
            .quotes
            .iter()
            .map(|q| QuoteJson {
                quote: q,
                text: words(doc, q.span),
                speaker: q.speaker_entity.and_then(name),
                speaker_text: q.speaker_span.map(|s| words(doc, s)),
            })
            .collect(),
        times: doc.times.iter().map(|t| TimeJson { time: t, text: words(doc, t.span) }).collect(),
        events: doc
            .events
            .iter()
            .map(|e| EventJson {
                event: e,
                trigger_text: words(doc, e.trigger),
                participant_names: e.participants.iter().filter_map(|&p| name(p)).collect(),
            })
            .collect(),
        diagnostics: &doc.diagnostics,
    };
    serde_json::to_vec(&json).map_err(|e| ApiError::internal(format!("rendering the article failed: {e}")))
}

/// `GET /articles/{id}`: metadata with provenance, text and layers (rendered on the blocking
/// thread, fields in declaration order).
pub async fn one(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
) -> Result<impl axum::response::IntoResponse, ApiError> {
    let json = state
        .pool
        .read(move |store| {
            let Some(article) = store.article(id, parallax_analyze::analyze)? else {
                return Err(ApiError::not_found(format!("no article {id}")));
            };
            article_json(&article)
        })
        .await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], json))
}

/// A record of a posted body that could not be stored.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RecordError {
    /// Its line in a JSON Lines body (1-based), when known.
    pub line: Option<usize>,
    /// Its position in a JSON array body (1-based), when known.
    pub index: Option<usize>,
    /// Why it was not stored.
    pub reason: String,
}

/// What `POST /articles` did.
#[derive(Debug, serde::Serialize)]
pub struct PostResponse {
    /// Read, new, skipped, replaced, failed; stories new and updated.
    #[serde(flatten)]
    pub counts: RunCounts,
    /// The ids of the posted articles (new, replaced or already stored), in body order.
    pub articles: Vec<i64>,
    /// The records that could not be read.
    pub errors: Vec<RecordError>,
}

/// How the body is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyFormat {
    Json,
    Lines,
}

fn body_format(headers: &HeaderMap) -> Result<BodyFormat, ApiError> {
    let given = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let mime = given.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match mime.as_str() {
        "application/json" => Ok(BodyFormat::Json),
        "application/x-ndjson" | "application/jsonl" | "application/x-jsonlines" | "application/jsonlines" => {
            Ok(BodyFormat::Lines)
        }
        _ => Err(ApiError {
            status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
            message: format!(
                "Content-Type must be application/json (one record or an array) or application/x-ndjson \
                 (JSON Lines), got {:?}",
                given
            ),
        }),
    }
}

fn record_error(e: &parallax_ingest::IngestError, format: BodyFormat) -> RecordError {
    let loc = e.location.as_str();
    let (line, index) =
        if let Some(n) = loc.rsplit(':').next().and_then(|n| n.parse().ok()).filter(|_| loc.contains(':')) {
            (Some(n), None)
        } else if let Some(n) = loc.rsplit('[').next().and_then(|n| n.strip_suffix(']')).and_then(|n| n.parse().ok()) {
            (None, Some(n))
        } else if format == BodyFormat::Json {
            (None, None)
        } else {
            (Some(1), None)
        };
    RecordError { line, index, reason: e.message.clone() }
}

/// `POST /articles`: reads the body (one JSON record, an array of records, or JSON Lines),
/// analyses the articles in parallel and stores them as `parallax ingest` does.
pub async fn post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<(StatusCode, Json<PostResponse>), ApiError> {
    security::require_token(&state, &headers)?;
    let format = body_format(&headers)?;
    let bytes = axum::body::to_bytes(body, MAX_BODY_BYTES).await.map_err(|e| ApiError {
        status: StatusCode::PAYLOAD_TOO_LARGE,
        message: format!("the body could not be read (at most {MAX_BODY_BYTES} bytes): {e}"),
    })?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::bad_request("the body is empty: send one JSON article record, or JSON Lines"));
    }
    if std::str::from_utf8(&bytes).is_err() {
        return Err(ApiError::bad_request("the body is not UTF-8 text"));
    }
    if format == BodyFormat::Json {
        if let Err(e) = serde_json::from_slice::<serde_json::Value>(&bytes) {
            return Err(ApiError::bad_request(format!("the body is not JSON: {e}")));
        }
    }
    let db = state.db.clone();
    let stream = state.stream.clone();
    let response = tokio::task::spawn_blocking(move || store_body(bytes.to_vec(), format, &db, &stream))
        .await
        .map_err(|e| ApiError::internal(format!("storing the articles failed: {e}")))??;
    Ok((StatusCode::CREATED, Json(response)))
}

fn store_body(
    bytes: Vec<u8>,
    format: BodyFormat,
    db: &std::path::Path,
    stream: &std::sync::Mutex<Option<parallax_store::StreamState>>,
) -> Result<PostResponse, ApiError> {
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    let name = match format {
        BodyFormat::Json => format!("api/post-{stamp}.json"),
        BodyFormat::Lines => format!("api/post-{stamp}.jsonl"),
    };
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for item in parallax_ingest::read_stream(Box::new(std::io::Cursor::new(bytes)), &name) {
        match item {
            Ok(doc) => docs.push(doc),
            Err(e) => errors.push(record_error(&e, format)),
        }
    }
    if docs.is_empty() {
        let reasons: Vec<String> = errors
            .iter()
            .map(|e| match (e.line, e.index) {
                (Some(l), _) => format!("line {l}: {}", e.reason),
                (_, Some(i)) => format!("record {i}: {}", e.reason),
                _ => e.reason.clone(),
            })
            .collect();
        return Err(ApiError::bad_request(format!("no article could be read: {}", reasons.join("; "))));
    }
    docs.par_iter_mut().for_each(parallax_analyze::analyze);
    let keys: Vec<String> = docs.iter().map(parallax_store::archive::article_key).collect();
    let mut store = Store::open(db)?;
    let counts = {
        // one write at a time from this server; a poisoned lock only lost its kept state
        let mut kept = stream.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let inputs = ["POST /api/v1/articles".to_string()];
        let mut ingest = Ingest::resume(&mut store, &inputs, parallax_analyze::analyze, &mut kept)?;
        ingest.add_batch(docs)?;
        ingest.add_failures(errors.len() as u64);
        let (counts, _, state) = ingest.finish_keeping()?;
        *kept = state;
        counts
    };
    let mut articles = Vec::new();
    for key in &keys {
        if let Some(known) = store.find_key(key)? {
            if !articles.contains(&known.id) {
                articles.push(known.id);
            }
        }
    }
    Ok(PostResponse { counts, articles, errors })
}

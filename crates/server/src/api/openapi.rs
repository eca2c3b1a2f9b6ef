//! The OpenAPI 3.0 document of the API (`GET /api/v1/openapi.json`), kept by hand beside the
//! handlers. A test checks that it documents exactly the routes of [`super::ROUTES`].

use axum::Json;
use serde_json::{json, Value};

use crate::MAX_PAGE;

/// `GET /openapi.json`.
pub async fn serve() -> Json<Value> {
    Json(document())
}

fn query(name: &str, kind: &str, description: &str) -> Value {
    json!({ "name": name, "in": "query", "required": false, "schema": { "type": kind }, "description": description })
}

fn day(name: &str, description: &str) -> Value {
    json!({ "name": name, "in": "query", "required": false,
            "schema": { "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
            "description": format!("{description} (YYYY-MM-DD; anything else is a 400)") })
}

fn paging() -> Vec<Value> {
    vec![
        json!({ "name": "limit", "in": "query", "required": false,
                "schema": { "type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": super::params::DEFAULT_PAGE },
                "description": format!("Items per page, 1 to {MAX_PAGE}: a larger value is refused with a 400 (not clamped).") }),
        json!({ "name": "offset", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 0, "default": 0 },
                "description": "Items to skip: pass the previous page's next_offset." }),
    ]
}

fn path_param(name: &str, kind: &str, description: &str) -> Value {
    json!({ "name": name, "in": "path", "required": true, "schema": { "type": kind }, "description": description })
}

fn ok(schema: &str, description: &str) -> Value {
    json!({ "description": description, "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{schema}") } } } })
}

fn page_of(schema: &str, description: &str) -> Value {
    json!({ "description": description, "content": { "application/json": { "schema": {
        "allOf": [ { "$ref": "#/components/schemas/Page" },
                   { "type": "object", "properties": { "items": { "type": "array", "items": { "$ref": format!("#/components/schemas/{schema}") } } } } ] } } } })
}

fn error(description: &str) -> Value {
    json!({ "description": description, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } })
}

fn get_op(id: &str, summary: &str, parameters: Vec<Value>, success: Value, not_found: bool) -> Value {
    let mut responses = json!({ "200": success, "400": error("A malformed parameter (the message says which and why)."),
                                "414": error("The query string is too long.") });
    if not_found {
        responses["404"] = error("No such item.");
    }
    json!({ "operationId": id, "summary": summary, "parameters": parameters, "responses": responses })
}

fn with(mut params: Vec<Value>, more: Vec<Value>) -> Vec<Value> {
    params.extend(more);
    params
}

/// The OpenAPI 3.0 document.
pub fn document() -> Value {
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "Parallax archive API",
            "version": "1",
            "description": "Stories, articles, entities, quotes and full-text search over a Parallax archive. \
                            Every error is {\"error\": {\"status\", \"message\"}}. Lists are pages: \
                            {\"items\", \"limit\", \"offset\", \"next_offset\"} (next_offset is null on the last page). \
                            Unknown query parameters are refused with a 400."
        },
        "servers": [ { "url": "/api/v1" } ],
        "paths": paths(),
        "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
            "schemas": schemas()
        }
    })
}

fn paths() -> Value {
    let outlet = query("outlet", "string", "Only this outlet (case ignored).");
    let entity = query("entity", "string", "Only what names this entity (any of its names, case and accents ignored).");
    let speaker = query("speaker", "string", "Only quotes by / articles quoting this speaker.");
    json!({
        "/stories": { "get": get_op("listStories", "Stories, latest first.",
            with(vec![day("since", "Stories with an article published on or after this day"),
                      day("until", "Stories with an article published on or before this day"),
                      outlet.clone(), entity.clone(),
                      query("language", "string", "Stories with an article in this language (ISO 639-1).")], paging()),
            page_of("StoryListing", "A page of stories."), false) },
        "/stories/{id}": { "get": get_op("getStory", "One story: its analysis (the JSON contract's story object), timeline and articles.",
            vec![path_param("id", "integer", "The story's id.")], ok("Story", "The story."), true) },
        "/articles": {
            "get": get_op("listArticles", "Articles, latest stored first.",
                with(vec![query("story", "integer", "Only this story's articles."), outlet.clone(),
                          day("since", "Published on or after this day"), day("until", "Published on or before this day"),
                          entity.clone(), speaker.clone()], paging()),
                page_of("ArticleListing", "A page of articles."), false),
            "post": {
                "operationId": "postArticles",
                "summary": "Adds articles: analysed and stored as `parallax ingest` does (copies marked, stories joined or started, changed stories rebuilt).",
                "security": [ { "bearer": [] } ],
                "requestBody": { "required": true, "content": {
                    "application/json": { "schema": { "oneOf": [ { "$ref": "#/components/schemas/ArticleInput" },
                                                                   { "type": "array", "items": { "$ref": "#/components/schemas/ArticleInput" } } ] } },
                    "application/x-ndjson": { "schema": { "type": "string", "description": "JSON Lines: one ArticleInput per line (also application/jsonl)." } } } },
                "responses": {
                    "201": ok("PostResult", "Stored; records that could not be read are listed in errors with their line."),
                    "400": error("The body is empty, not JSON, or holds no readable article."),
                    "401": error("The bearer token is missing or wrong."),
                    "403": error("Writes are disabled: the server has no token."),
                    "413": error("The body is too large."),
                    "415": error("The Content-Type is neither JSON nor JSON Lines."),
                    "503": error("Another ingest holds the archive's writer lock; try again later.")
                }
            }
        },
        "/articles/{id}": { "get": get_op("getArticle", "One article: metadata with provenance, text and its layers (entities, mentions, quotes with speakers, times, events).",
            vec![path_param("id", "integer", "The article's id.")], ok("Article", "The article."), true) },
        "/entities": { "get": get_op("listEntities", "Entities named in most stories first.",
            with(vec![query("prefix", "string", "Only entities whose key (folded name) starts with this.")], paging()),
            page_of("EntityListing", "A page of entities."), false) },
        "/entities/{key}": { "get": get_op("getEntity", format!("One person, organisation or place across the archive, with its stories (at most {MAX_PAGE}, latest first).").as_str(),
            vec![path_param("key", "string", "The entity's key (its folded name) or any of its names.")], ok("EntityProfile", "The entity."), true) },
        "/quotes": { "get": get_op("listQuotes", "Quotes in article order.",
            with(vec![speaker.clone(), query("story", "integer", "Only this story's quotes."), outlet.clone(),
                      day("since", "Published on or after this day"), day("until", "Published on or before this day"), entity.clone()], paging()),
            page_of("Quote", "A page of quotes."), false) },
        "/search": { "get": get_op("search", "Full-text search over titles, texts and quotes, best first.",
            with(vec![json!({ "name": "q", "in": "query", "required": true, "schema": { "type": "string" }, "description": "The words to find." }),
                      outlet, day("since", "Published on or after this day"), day("until", "Published on or before this day"), speaker, entity], paging()),
            page_of("SearchHit", "A page of matches."), false) },
        "/openapi.json": { "get": { "operationId": "openapi", "summary": "This document.",
            "responses": { "200": { "description": "The OpenAPI 3.0 document.", "content": { "application/json": { "schema": { "type": "object" } } } } } } }
    })
}

fn schemas() -> Value {
    json!({
        "Error": { "type": "object", "required": ["error"], "properties": { "error": { "type": "object", "required": ["status", "message"],
            "properties": { "status": { "type": "integer" }, "message": { "type": "string" } } } } },
        "Page": { "type": "object", "required": ["items", "limit", "offset", "next_offset"], "properties": {
            "items": { "type": "array", "items": {} }, "limit": { "type": "integer" }, "offset": { "type": "integer" },
            "next_offset": { "type": "integer", "nullable": true } } },
        "StoryListing": { "type": "object", "properties": {
            "id": { "type": "integer" }, "headline": { "type": "string" }, "articles": { "type": "integer" },
            "outlets": { "type": "array", "items": { "type": "string" } },
            "first_published": { "type": "string", "nullable": true }, "last_published": { "type": "string", "nullable": true } } },
        "Story": { "type": "object", "properties": {
            "listing": { "$ref": "#/components/schemas/StoryListing" },
            "story": { "type": "object", "description": "The story object of the analysis JSON contract." },
            "timeline": { "type": "object", "nullable": true, "description": "The story's timeline." },
            "articles": { "type": "array", "items": { "$ref": "#/components/schemas/ArticleListing" } } } },
        "ArticleListing": { "type": "object", "properties": {
            "id": { "type": "integer" }, "source": { "type": "string" }, "title": { "type": "string", "nullable": true },
            "outlet": { "type": "string", "nullable": true }, "published": { "type": "string", "nullable": true },
            "url": { "type": "string", "nullable": true }, "language": { "type": "string", "nullable": true },
            "duplicate_of": { "type": "integer", "nullable": true }, "story": { "type": "integer", "nullable": true },
            "words": { "type": "integer" } } },
        "Span": { "type": "object", "description": "UTF-8 byte offsets into the article's text.",
            "properties": { "start": { "type": "integer" }, "end": { "type": "integer" } } },
        "Article": { "allOf": [ { "$ref": "#/components/schemas/ArticleListing" }, { "type": "object", "properties": {
            "record_id": { "type": "string", "nullable": true }, "authors": { "type": "array", "items": { "type": "string" } },
            "provenance": { "type": "object", "properties": { "outlet": { "type": "string" }, "published": { "type": "string" } },
                            "description": "Where each inferred field came from: given, markup, text, inferred or unknown." },
            "text": { "type": "string" },
            "entities": { "type": "array", "items": { "type": "object", "properties": {
                "id": { "type": "integer" }, "kind": { "type": "string" }, "name": { "type": "string" },
                "roles": { "type": "array", "items": {} }, "gender": { "type": "string", "nullable": true } } } },
            "mentions": { "type": "array", "items": { "type": "object" } },
            "quotes": { "type": "array", "items": { "type": "object", "properties": {
                "span": { "$ref": "#/components/schemas/Span" }, "kind": { "type": "string" }, "text": { "type": "string" },
                "cue": { "$ref": "#/components/schemas/Span" }, "speaker_entity": { "type": "integer", "nullable": true },
                "speaker": { "type": "string", "nullable": true }, "speaker_text": { "type": "string", "nullable": true } } } },
            "times": { "type": "array", "items": { "type": "object", "properties": {
                "span": { "$ref": "#/components/schemas/Span" }, "value": { "type": "string" }, "kind": { "type": "string" }, "text": { "type": "string" } } } },
            "events": { "type": "array", "items": { "type": "object", "properties": {
                "kind": { "type": "string" }, "trigger": { "$ref": "#/components/schemas/Span" }, "trigger_text": { "type": "string" },
                "participants": { "type": "array", "items": { "type": "integer" } },
                "participant_names": { "type": "array", "items": { "type": "string" } },
                "place": { "type": "integer", "nullable": true }, "time": { "type": "integer", "nullable": true }, "status": { "type": "string" } } } },
            "diagnostics": { "type": "array", "items": { "type": "object" } } } } ] },
        "EntityListing": { "type": "object", "properties": {
            "key": { "type": "string" }, "name": { "type": "string" }, "kind": { "type": "string" }, "stories": { "type": "integer" } } },
        "EntityProfile": { "type": "object", "properties": {
            "key": { "type": "string" }, "name": { "type": "string" }, "kind": { "type": "string" },
            "aliases": { "type": "array", "items": { "type": "string" } },
            "stories": { "type": "array", "items": { "type": "object", "properties": {
                "story": { "$ref": "#/components/schemas/StoryListing" }, "name": { "type": "string" }, "kind": { "type": "string" },
                "aliases": { "type": "array", "items": { "type": "string" } }, "roles": { "type": "array", "items": { "type": "string" } } } } } } },
        "Quote": { "type": "object", "properties": {
            "speaker": { "type": "string", "nullable": true }, "quote": { "type": "string" }, "kind": { "type": "string" },
            "cue": { "type": "string", "nullable": true }, "speaker_text": { "type": "string", "nullable": true },
            "outlet": { "type": "string", "nullable": true }, "published": { "type": "string", "nullable": true },
            "url": { "type": "string", "nullable": true }, "article": { "type": "string" }, "article_id": { "type": "integer" },
            "story": { "type": "integer", "nullable": true } } },
        "SearchHit": { "type": "object", "properties": {
            "article": { "type": "integer" }, "source": { "type": "string" }, "story": { "type": "integer", "nullable": true },
            "title": { "type": "string", "nullable": true }, "outlet": { "type": "string", "nullable": true },
            "published": { "type": "string", "nullable": true }, "url": { "type": "string", "nullable": true },
            "snippet": { "type": "string" }, "rank": { "type": "number" } } },
        "ArticleInput": { "type": "object", "description": "A record as parallax reads JSON Lines: text (or html) is required.",
            "properties": {
                "id": { "type": "string" }, "url": { "type": "string" }, "title": { "type": "string" },
                "text": { "type": "string" }, "html": { "type": "string" }, "published": { "type": "string" },
                "outlet": { "type": "string" }, "authors": { "type": "array", "items": { "type": "string" } },
                "language": { "type": "string" } } },
        "PostResult": { "type": "object", "properties": {
            "read": { "type": "integer" }, "new": { "type": "integer" }, "skipped": { "type": "integer" },
            "replaced": { "type": "integer" }, "failed": { "type": "integer" },
            "stories_new": { "type": "integer" }, "stories_updated": { "type": "integer" },
            "articles": { "type": "array", "items": { "type": "integer" }, "description": "The posted articles' ids, in body order." },
            "errors": { "type": "array", "items": { "type": "object", "properties": {
                "line": { "type": "integer", "nullable": true }, "index": { "type": "integer", "nullable": true },
                "reason": { "type": "string" } } } } } }
    })
}

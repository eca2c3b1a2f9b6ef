//! `/articles/{id}`: one article with its layers in place (sentences `#s{n}`, entity mentions,
//! quotes, time expressions), the noise cleaning removed, and its metadata with provenance.

use axum::extract::{Path, State};
use axum::response::Html;
use minijinja::context;
use serde::Serialize;

use super::{entity_href, markup, outlet_href, parse_id, render, safe_url};
use crate::{ApiError, AppState, PageError};

#[derive(Debug, Serialize)]
struct RemovedView {
    reason: String,
    text: String,
}

#[derive(Debug, Serialize)]
struct EntityRow {
    name: String,
    kind: String,
    href: String,
    mentions: usize,
    roles: Vec<String>,
}

#[derive(Debug, Serialize)]
struct StoryLink {
    id: i64,
    headline: String,
}

/// The article page.
pub async fn page(State(state): State<AppState>, Path(raw): Path<String>) -> Result<Html<String>, PageError> {
    let id = parse_id(&raw, "article")?;
    let ctx = state
        .pool
        .read(move |store| {
            let a = store
                .article(id, parallax_analyze::analyze)?
                .ok_or_else(|| ApiError::not_found(format!("no article {id}")))?;
            let story = match a.listing.story {
                Some(s) => store.story_listing(s)?.map(|l| StoryLink { id: l.id, headline: l.headline }),
                None => None,
            };
            let doc = &a.doc;
            let body = minijinja::Value::from_safe_string(markup::article_html(doc));
            let removed: Vec<RemovedView> = doc
                .removed
                .iter()
                .map(|r| RemovedView { reason: r.reason.to_string(), text: r.text.clone() })
                .collect();
            let mention_counts = doc.mention_counts();
            let mut entities: Vec<EntityRow> = doc
                .entities
                .iter()
                .map(|e| EntityRow {
                    name: e.name.clone(),
                    kind: e.kind.as_str().to_string(),
                    href: entity_href(&e.name),
                    mentions: mention_counts.get(e.id).copied().unwrap_or(0),
                    roles: e.roles.iter().map(|r| r.text.clone()).collect(),
                })
                .collect();
            entities.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.name.cmp(&b.name)));
            let l = &a.listing;
            let notes: Vec<String> = doc.diagnostics.iter().map(|d| format!("{}: {}", d.stage, d.message)).collect();
            Ok(context! {
                id => l.id,
                title => l.title.clone().unwrap_or_else(|| l.source.clone()),
                source => l.source.clone(),
                outlet => l.outlet.clone(),
                outlet_href => l.outlet.as_deref().map(outlet_href),
                outlet_from => a.outlet_from.clone(),
                published => l.published.clone(),
                published_from => a.published_from.clone(),
                url => l.url.clone(),
                url_href => safe_url(l.url.as_deref()),
                language => l.language.clone(),
                authors => a.authors.clone(),
                record_id => a.record_id.clone(),
                words => l.words,
                duplicate_of => l.duplicate_of,
                story,
                body,
                removed,
                entities,
                quotes => doc.quotes.len(),
                times => doc.times.len(),
                sentences => doc.sentences.len(),
                notes,
            })
        })
        .await?;
    render(&state, "article.html", ctx)
}

//! `/entities/{key}`: a person, organisation or place across the archive — its roles over
//! time (per story, with dates), its quotes by date (earliest first, at most [`MAX_QUOTES`]) and the stories naming it.

use axum::extract::{Path, State};
use axum::response::Html;
use minijinja::context;
use serde::Serialize;

use super::params::MAX_PARAM_CHARS;
use super::{not_found, render};
use crate::{ApiError, AppState, PageError};

/// Most stories read for an entity.
pub const MAX_STORIES: usize = 200;
/// Most quotes read for a speaker.
pub const MAX_QUOTES: usize = 300;

#[derive(Debug, Serialize)]
struct QuoteRow {
    text: String,
    kind: String,
    cue: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    article_id: i64,
    story: Option<i64>,
}

/// The entity page.
pub async fn page(State(state): State<AppState>, Path(key): Path<String>) -> Result<Html<String>, PageError> {
    if key.chars().count() > MAX_PARAM_CHARS {
        return Err(PageError(ApiError::bad_request(format!("an entity key is at most {MAX_PARAM_CHARS} characters"))));
    }
    let shown = key.clone();
    let ctx = state
        .pool
        .read(move |store| {
            let Some(mut profile) = store.entity(&key, MAX_STORIES)? else {
                return Ok(None);
            };
            // names differing only in case or accents are one name
            let name_key = parallax_store::name_key(&profile.name);
            profile.aliases.retain(|a| parallax_store::name_key(a) != name_key);
            let records = store.speaker_quotes(&profile.name, MAX_QUOTES + 1)?;
            let quotes_more = records.len() > MAX_QUOTES;
            let quotes: Vec<QuoteRow> = records
                .into_iter()
                .take(MAX_QUOTES)
                .map(|q| QuoteRow {
                    text: q.quote,
                    kind: q.kind,
                    cue: q.cue,
                    outlet: q.outlet,
                    published: q.published,
                    article_id: q.article_id,
                    story: q.story,
                })
                .collect();
            // roles over time: stories oldest first
            let mut roles = profile.stories.iter().filter(|s| !s.roles.is_empty()).collect::<Vec<_>>();
            roles.sort_by(|a, b| a.story.first_published.cmp(&b.story.first_published));
            let roles: Vec<minijinja::Value> = roles
                .into_iter()
                .map(|s| {
                    context! { story => s.story.clone(), roles => s.roles.clone(), name => s.name.clone() }
                })
                .collect();
            Ok(Some(context! { profile, quotes, quotes_more, roles }))
        })
        .await?;
    let ctx = ctx.ok_or_else(|| not_found(format!("no person, organisation or place {shown:?} in the archive")))?;
    render(&state, "entity.html", ctx)
}

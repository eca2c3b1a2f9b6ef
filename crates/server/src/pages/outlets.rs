//! `/outlets`: every outlet with its counts; `/outlets/{name}`: the stories an outlet covered
//! and the facts only it reported (the single-source events of those stories whose one source
//! is this outlet's article).

use axum::extract::{Path, Query, State};
use axum::response::Html;
use minijinja::context;
use parallax_store::StoryFilter;
use serde::Serialize;
use serde_json::Value;

use super::params::{query_string, Params, MAX_PARAM_CHARS};
use super::{entity_href, not_found, outlet_href, render, PER_PAGE};
use crate::{ApiError, AppState, PageError};

#[derive(Debug, Serialize)]
struct OutletRow {
    listing: parallax_store::OutletListing,
    href: String,
}

/// The list of outlets.
pub async fn list(State(state): State<AppState>) -> Result<Html<String>, PageError> {
    let outlets = state.pool.read(|store| Ok(store.outlet_listings()?)).await?;
    let outlets: Vec<OutletRow> =
        outlets.into_iter().map(|o| OutletRow { href: outlet_href(&o.name), listing: o }).collect();
    render(&state, "outlets.html", context! { outlets })
}

#[derive(Debug, Serialize)]
struct Exclusive {
    story: i64,
    headline: String,
    kind: String,
    date: Option<String>,
    place: Option<String>,
    participants: Vec<(String, String)>,
    sentence: String,
}

/// One outlet's page: `page` pages its stories.
pub async fn page(
    State(state): State<AppState>,
    Path(name): Path<String>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Html<String>, PageError> {
    if name.chars().count() > MAX_PARAM_CHARS {
        return Err(PageError(ApiError::bad_request(format!(
            "an outlet name is at most {MAX_PARAM_CHARS} characters"
        ))));
    }
    let page = Params::new(pairs).page()?;
    let wanted = name.clone();
    let found = state
        .pool
        .read(move |store| {
            let Some(outlet) = store.outlet_listing(&wanted)? else { return Ok(None) };
            let filter = StoryFilter {
                outlet: Some(outlet.name.clone()),
                limit: PER_PAGE + 1,
                offset: (page - 1) * PER_PAGE,
                ..StoryFilter::default()
            };
            let stories = store.stories(&filter)?;
            let mut exclusives = Vec::new();
            for s in stories.iter().take(PER_PAGE) {
                let Some(stored) = store.story(s.id)? else { continue };
                let Ok(json) = serde_json::from_str::<Value>(&stored.json) else { continue };
                let singles = json
                    .get("comparison")
                    .and_then(|c| c.get("single_source"))
                    .and_then(Value::as_array)
                    .map_or(&[][..], Vec::as_slice);
                for e in singles {
                    let sources = e.get("sources").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
                    let ours = sources.iter().find(|src| {
                        src.get("outlet").and_then(Value::as_str).is_some_and(|o| o.eq_ignore_ascii_case(&outlet.name))
                    });
                    let Some(src) = ours else { continue };
                    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
                    exclusives.push(Exclusive {
                        story: s.id,
                        headline: s.headline.clone(),
                        kind: text(e, "kind").unwrap_or_else(|| "event".into()),
                        date: text(e, "date"),
                        place: text(e, "place"),
                        participants: e
                            .get("participants")
                            .and_then(Value::as_array)
                            .map_or(&[][..], Vec::as_slice)
                            .iter()
                            .filter_map(Value::as_str)
                            .map(|p| (p.to_string(), entity_href(p)))
                            .collect(),
                        sentence: text(src, "sentence").unwrap_or_default(),
                    });
                }
            }
            Ok(Some((outlet, stories, exclusives)))
        })
        .await?;
    let (outlet, mut stories, exclusives) =
        found.ok_or_else(|| not_found(format!("no outlet {name:?} in the archive")))?;
    let more = stories.len() > PER_PAGE;
    stories.truncate(PER_PAGE);
    let href = outlet_href(&outlet.name);
    let link = |p: usize| {
        let p = p.to_string();
        format!("{href}{}", query_string(&[("page", Some(p.as_str()))]))
    };
    let prev_url = (page > 1).then(|| link(page - 1));
    let next_url = more.then(|| link(page + 1));
    render(&state, "outlet.html", context! { outlet, stories, exclusives, page, prev_url, next_url })
}

//! `/`: the latest stories, filtered by dates, outlet, entity and language, 25 a page.

use axum::extract::{Query, State};
use axum::response::Html;
use minijinja::context;
use parallax_store::StoryFilter;

use super::params::{query_string, Params};
use super::{render, PER_PAGE};
use crate::{AppState, PageError};

/// The front page: `since`, `until` (YYYY-MM-DD), `outlet`, `entity`, `language`, `page`.
pub async fn page(
    State(state): State<AppState>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Html<String>, PageError> {
    let params = Params::new(pairs);
    let page = params.page()?;
    let since = params.date("since")?;
    let until = params.date("until")?;
    let outlet = params.text("outlet")?;
    let entity = params.text("entity")?;
    let language = params.text("language")?;
    let filter = StoryFilter {
        since: since.clone(),
        until: until.clone(),
        outlet: outlet.clone(),
        entity: entity.clone(),
        language: language.clone(),
        limit: PER_PAGE + 1,
        offset: (page - 1) * PER_PAGE,
    };
    let mut stories = state.pool.read(move |store| Ok(store.stories(&filter)?)).await?;
    let more = stories.len() > PER_PAGE;
    stories.truncate(PER_PAGE);
    let link = |page: usize| {
        let page = page.to_string();
        let q = query_string(&[
            ("since", since.as_deref()),
            ("until", until.as_deref()),
            ("outlet", outlet.as_deref()),
            ("entity", entity.as_deref()),
            ("language", language.as_deref()),
            ("page", Some(page.as_str()).filter(|p| *p != "1")),
        ]);
        format!("/{q}")
    };
    let prev_url = (page > 1).then(|| link(page - 1));
    let next_url = more.then(|| link(page + 1));
    let filtered = since.is_some() || until.is_some() || outlet.is_some() || entity.is_some() || language.is_some();
    render(
        &state,
        "index.html",
        context! { stories, page, prev_url, next_url, since, until, outlet, entity, language, filtered },
    )
}

//! What the web UI and the HTTP API read besides stories and search: a story's articles, one
//! article with its metadata and provenance, a person or organisation across the archive, and
//! the outlets. Read-only statements, like the rest of [`Store`]'s readers.

use rusqlite::{params, OptionalExtension};

use crate::store::{
    name_key, push_article_filters, quote_record, read_listing, QuoteRecord, SearchFilter, Store, StoryListing,
};
use crate::StoreError;

/// An article as a list shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ArticleListing {
    /// Its id.
    pub id: i64,
    /// Where it was read from.
    pub source: String,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date or time.
    pub published: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Language (ISO 639-1).
    pub language: Option<String>,
    /// The stored article it copies.
    pub duplicate_of: Option<i64>,
    /// Its story.
    pub story: Option<i64>,
    /// Words in its text.
    pub words: i64,
}

/// One stored article: metadata with provenance and its analysed document.
#[derive(Debug, Clone)]
pub struct StoredArticle {
    /// How it is listed.
    pub listing: ArticleListing,
    /// Its record id in the input, when it had one.
    pub record_id: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// Where the outlet came from (`given`, `markup`, `text`, `inferred`, `unknown`).
    pub outlet_from: String,
    /// Where the publication date came from.
    pub published_from: String,
    /// The analysed document (text and every layer), as stored.
    pub doc: parallax_doc::Doc,
}

/// A story an entity appears in, with the roles it is given there.
#[derive(Debug, Clone, serde::Serialize)]
pub struct EntityAppearance {
    /// The story.
    pub story: StoryListing,
    /// The entity's name in that story.
    pub name: String,
    /// Its kind there.
    pub kind: String,
    /// Other names it goes by there.
    pub aliases: Vec<String>,
    /// Roles given to it there.
    pub roles: Vec<String>,
}

/// A person, organisation or place across the archive: every story whose identity layer names
/// it (matched by [`name_key`] of the canonical name).
#[derive(Debug, Clone, serde::Serialize)]
pub struct EntityProfile {
    /// The key it is found by (its folded name): the entity's id in URLs.
    pub key: String,
    /// The name it is most often given.
    pub name: String,
    /// Its kind, most often.
    pub kind: String,
    /// Every other name it goes by.
    pub aliases: Vec<String>,
    /// Stories, latest first.
    pub stories: Vec<EntityAppearance>,
}

/// An entity in a list: key, name, kind and how many stories name it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct EntityListing {
    /// Its key (folded name): the id in URLs.
    pub key: String,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: String,
    /// Stories naming it.
    pub stories: i64,
}

/// An outlet and what it covered.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OutletListing {
    /// The outlet's name.
    pub name: String,
    /// Its articles in the archive.
    pub articles: i64,
    /// Stories it covered.
    pub stories: i64,
    /// Its earliest publication date.
    pub first_published: Option<String>,
    /// Its latest.
    pub last_published: Option<String>,
}

/// What an article list keeps (the API's `/articles`).
#[derive(Debug, Clone, Default)]
pub struct ArticleFilter {
    /// Only this story's articles.
    pub story: Option<i64>,
    /// Outlet, dates, speaker, entity, limit and offset, as for search.
    pub filter: SearchFilter,
}

/// An article's listing, record id, authors (JSON), and where its outlet and date came from.
pub(crate) type ArticleMeta = (ArticleListing, Option<String>, String, String, String);

const ARTICLE_LISTING: &str =
    "SELECT a.id, a.source, a.title, a.outlet, a.published, a.url, a.language, a.duplicate_of, a.story_id, a.words FROM articles a";

fn read_article_listing(r: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleListing> {
    Ok(ArticleListing {
        id: r.get(0)?,
        source: r.get(1)?,
        title: r.get(2)?,
        outlet: r.get(3)?,
        published: r.get(4)?,
        url: r.get(5)?,
        language: r.get(6)?,
        duplicate_of: r.get(7)?,
        story: r.get(8)?,
        words: r.get(9)?,
    })
}

impl Store {
    /// A story's articles, earliest published first (undated last, then by id).
    pub fn story_articles(&self, story: i64) -> Result<Vec<ArticleListing>, StoreError> {
        let conn = sqlite!(self, pg => pg.story_articles(story));
        let mut stmt = conn.prepare_cached(&format!(
            "{ARTICLE_LISTING} WHERE a.story_id = ?1 ORDER BY a.published NULLS LAST, a.id"
        ))?;
        let rows = stmt.query_map(params![story], read_article_listing)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Articles, latest stored first, filtered.
    pub fn articles(&self, filter: &ArticleFilter) -> Result<Vec<ArticleListing>, StoreError> {
        let conn = sqlite!(self, pg => pg.articles(filter));
        let mut sql = format!("{ARTICLE_LISTING} WHERE 1");
        let mut args: Vec<String> = Vec::new();
        if let Some(story) = filter.story {
            args.push(story.to_string());
            sql += &format!(" AND a.story_id = ?{}", args.len());
        }
        push_article_filters(&mut sql, &mut args, &filter.filter);
        sql += &format!(" ORDER BY a.id DESC LIMIT {} OFFSET {}", filter.filter.limit.max(1), filter.filter.offset);
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), read_article_listing)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One article with its metadata and analysis; `None` when there is no such article. An
    /// analysis written in another format is analysed again with `analyse`.
    pub fn article(&self, id: i64, analyse: fn(&mut parallax_doc::Doc)) -> Result<Option<StoredArticle>, StoreError> {
        let Some((listing, record_id, authors, outlet_from, published_from)) = self.article_meta(id)? else {
            return Ok(None);
        };
        let Some((_, doc)) = self.article_doc(id)? else { return Ok(None) };
        let doc = crate::store::analysed(doc, analyse);
        Ok(Some(StoredArticle {
            listing,
            record_id,
            authors: serde_json::from_str(&authors).unwrap_or_default(),
            outlet_from,
            published_from,
            doc,
        }))
    }

    /// An article's listing, record id, authors (JSON), outlet and date provenance.
    fn article_meta(&self, id: i64) -> Result<Option<ArticleMeta>, StoreError> {
        let conn = sqlite!(self, pg => pg.article_meta(id));
        let mut stmt = conn.prepare_cached(
            "SELECT a.id, a.source, a.title, a.outlet, a.published, a.url, a.language, a.duplicate_of, a.story_id, a.words,
                    a.record_id, a.authors, a.outlet_from, a.published_from
             FROM articles a WHERE a.id = ?1",
        )?;
        Ok(stmt
            .query_row(params![id], |r| {
                Ok((
                    read_article_listing(r)?,
                    r.get::<_, Option<String>>(10)?,
                    r.get::<_, String>(11)?,
                    r.get::<_, String>(12)?,
                    r.get::<_, String>(13)?,
                ))
            })
            .optional()?)
    }

    /// A person, organisation or place across the archive by its key ([`name_key`] of a name it
    /// goes by); `None` when no story names it.
    pub fn entity(&self, key: &str, max_stories: usize) -> Result<Option<EntityProfile>, StoreError> {
        let key = name_key(key);
        let stories = self.entity_appearances(&key, max_stories)?;
        if stories.is_empty() {
            return Ok(None);
        }
        let most_common = |values: Vec<&str>| -> String {
            let mut counts: Vec<(usize, &str)> = Vec::new();
            for v in values {
                match counts.iter_mut().find(|(_, x)| *x == v) {
                    Some(c) => c.0 += 1,
                    None => counts.push((1, v)),
                }
            }
            counts.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
            counts.first().map(|(_, v)| v.to_string()).unwrap_or_default()
        };
        let name = most_common(stories.iter().map(|s| s.name.as_str()).collect());
        let kind = most_common(stories.iter().map(|s| s.kind.as_str()).collect());
        // other names only: not the name again in another case or spacing (nor the key)
        let mut aliases: Vec<String> = Vec::new();
        let mut keys = vec![name_key(&name)];
        for s in &stories {
            for a in s.aliases.iter().chain(std::iter::once(&s.name)) {
                let k = name_key(a);
                if !keys.contains(&k) {
                    keys.push(k);
                    aliases.push(a.clone());
                }
            }
        }
        Ok(Some(EntityProfile { key, name, kind, aliases, stories }))
    }

    /// The stories whose entities have this key, latest first, with the entity as each names it.
    fn entity_appearances(&self, key: &str, max_stories: usize) -> Result<Vec<EntityAppearance>, StoreError> {
        let conn = sqlite!(self, pg => pg.entity_appearances(key, max_stories));
        let mut stmt = conn.prepare_cached(
            "SELECT s.id, s.headline, s.articles, s.outlets, s.first_published, s.last_published,
                    e.name, e.kind, e.aliases, e.roles
             FROM story_entities e JOIN stories s ON s.id = e.story_id
             WHERE e.name_key = ?1
             ORDER BY s.last_published DESC NULLS LAST, s.id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![key, max_stories.max(1) as i64], |r| {
            Ok(EntityAppearance {
                story: read_listing(r)?,
                name: r.get(6)?,
                kind: r.get(7)?,
                aliases: serde_json::from_str(&r.get::<_, String>(8)?).unwrap_or_default(),
                roles: serde_json::from_str(&r.get::<_, String>(9)?).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Entities named in most stories, optionally only those whose key starts with `prefix`.
    pub fn entities(
        &self,
        prefix: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<EntityListing>, StoreError> {
        let pattern = format!("{}%", prefix.map(name_key).unwrap_or_default().replace(['%', '_'], ""));
        let conn = sqlite!(self, pg => pg.entities(&pattern, limit, offset));
        let mut stmt = conn.prepare_cached(
            "SELECT name_key, max(name), max(kind), count(DISTINCT story_id) AS n FROM story_entities
             WHERE name_key LIKE ?1 GROUP BY name_key ORDER BY n DESC, name_key LIMIT ?2 OFFSET ?3",
        )?;
        let rows = stmt.query_map(params![pattern, limit.max(1) as i64, offset as i64], |r| {
            Ok(EntityListing { key: r.get(0)?, name: r.get(1)?, kind: r.get(2)?, stories: r.get(3)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One story's listing (headline, counts, dates) without its JSON; `None` when there is no
    /// such story.
    pub fn story_listing(&self, id: i64) -> Result<Option<StoryListing>, StoreError> {
        let conn = sqlite!(self, pg => pg.story_listing(id));
        let mut stmt = conn.prepare_cached(
            "SELECT id, headline, articles, outlets, first_published, last_published FROM stories WHERE id = ?1",
        )?;
        Ok(stmt.query_row(params![id], read_listing).optional()?)
    }

    /// One outlet (matched without regard to case) with its counts; `None` when no article has it.
    pub fn outlet_listing(&self, name: &str) -> Result<Option<OutletListing>, StoreError> {
        let conn = sqlite!(self, pg => pg.outlet_listing(name));
        let mut stmt = conn.prepare_cached(
            "SELECT max(outlet), count(*), count(DISTINCT story_id), min(published), max(published) FROM articles
             WHERE outlet = ?1 COLLATE NOCASE",
        )?;
        let listing = stmt.query_row(params![name], |r| {
            Ok(OutletListing {
                name: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                articles: r.get(1)?,
                stories: r.get(2)?,
                first_published: r.get(3)?,
                last_published: r.get(4)?,
            })
        })?;
        Ok((listing.articles > 0).then_some(listing))
    }

    /// The quotes attributed to the speaker whose story-level name folds to `name_key(name)`,
    /// partial quotes left out, earliest published first (undated last), at most `limit`. Reads
    /// the speaker index only: no scan of the articles.
    pub fn speaker_quotes(&self, name: &str, limit: usize) -> Result<Vec<QuoteRecord>, StoreError> {
        let conn = sqlite!(self, pg => pg.speaker_quotes(name, limit));
        let mut stmt = conn.prepare_cached(
            "SELECT q.speaker, CAST(substr(CAST(a.text AS BLOB), q.start + 1, q.end - q.start) AS TEXT), q.kind, q.cue,
                    q.speaker_text, a.outlet, a.published, a.url, a.source, a.id, a.story_id
             FROM quotes q JOIN articles a ON a.id = q.article_id
             WHERE q.speaker_key = ?1 AND q.kind != 'partial'
             ORDER BY a.published NULLS LAST, a.id, q.idx LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![name_key(name), limit.max(1) as i64], quote_record)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every outlet with its article and story counts, most articles first.
    pub fn outlet_listings(&self) -> Result<Vec<OutletListing>, StoreError> {
        let conn = sqlite!(self, pg => pg.outlet_listings());
        let mut stmt = conn.prepare_cached(
            "SELECT outlet, count(*) AS n, count(DISTINCT story_id), min(published), max(published) FROM articles
             WHERE outlet IS NOT NULL GROUP BY outlet COLLATE NOCASE ORDER BY n DESC, outlet",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(OutletListing {
                name: r.get(0)?,
                articles: r.get(1)?,
                stories: r.get(2)?,
                first_published: r.get(3)?,
                last_published: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

//! `parallax export`: the archive as JSON Lines (the analysis contract), CSV or Parquet.
//!
//! JSON Lines of articles and stories read like `analyze --stream`: story by story, its articles
//! (each with its `story` id, as the story layer shows them: inferred dates, story-level speaker
//! ids) then `{"story": ...}`. The articles' JSON is rendered from their stored analyses by the
//! story layer, a few stories at a time in parallel; the stories' JSON is the stored one. The tables (articles, quotes, entities, events, stories) are one query each, written
//! as CSV with a header row, as JSON objects, or as Parquet (every column optional; numbers as
//! INT64, the rest UTF-8).

use std::io::Write;

use rayon::prelude::*;

use crate::{Store, StoreError};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    /// Articles (JSON Lines: the contract's article objects).
    Articles,
    /// Quotes with speaker, outlet, date, URL and story.
    Quotes,
    /// Story entities with aliases and roles.
    Entities,
    /// Events reported by each article.
    Events,
    /// Stories (JSON Lines: the contract's story objects).
    Stories,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header row (RFC 4180 quoting).
    Csv,
    /// Apache Parquet.
    Parquet,
}

/// A column of an exported table.
#[derive(Debug, Clone, Copy)]
struct Column {
    name: &'static str,
    integer: bool,
}

const fn text(name: &'static str) -> Column {
    Column { name, integer: false }
}

const fn int(name: &'static str) -> Column {
    Column { name, integer: true }
}

const ARTICLE_COLUMNS: &[Column] = &[
    int("id"),
    text("source"),
    text("url"),
    text("outlet"),
    text("published"),
    text("published_from"),
    text("language"),
    text("title"),
    int("words"),
    text("duplicate_of"),
    int("story"),
];

const QUOTE_COLUMNS: &[Column] = &[
    text("speaker"),
    text("quote"),
    text("kind"),
    text("cue"),
    text("speaker_text"),
    text("outlet"),
    text("date"),
    text("url"),
    text("article"),
    int("article_id"),
    int("story"),
];

const ENTITY_COLUMNS: &[Column] = &[int("story"), text("kind"), text("name"), text("aliases"), text("roles")];

const EVENT_COLUMNS: &[Column] = &[
    int("story"),
    int("article_id"),
    text("article"),
    text("outlet"),
    text("kind"),
    text("status"),
    text("date"),
    text("place"),
    text("participants"),
    text("sentence"),
];

const STORY_COLUMNS: &[Column] =
    &[int("id"), text("headline"), int("articles"), text("outlets"), text("first_published"), text("last_published")];

/// A table: its columns and the query that yields them, in that order.
struct Table {
    columns: &'static [Column],
    sql: Query,
}

/// One query in each backend's dialect.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Query {
    /// For SQLite.
    pub sqlite: &'static str,
    /// For PostgreSQL (the same columns, in the same order).
    #[cfg_attr(not(feature = "postgres"), allow(dead_code))]
    pub postgres: &'static str,
}

/// A query that reads the same on both backends.
const fn portable(sql: &'static str) -> Query {
    Query { sqlite: sql, postgres: sql }
}

fn table(what: What) -> Table {
    match what {
        What::Articles => Table {
            columns: ARTICLE_COLUMNS,
            sql: portable(
                "SELECT a.id, a.source, a.url, a.outlet, a.published, a.published_from, a.language, a.title, a.words,
                         d.source, a.story_id
                  FROM articles a LEFT JOIN articles d ON d.id = a.duplicate_of ORDER BY a.id",
            ),
        },
        What::Quotes => Table {
            columns: QUOTE_COLUMNS,
            sql: Query {
                sqlite: "SELECT q.speaker, CAST(substr(CAST(a.text AS BLOB), q.start + 1, q.end - q.start) AS TEXT), q.kind, q.cue, q.speaker_text,
                         a.outlet, substr(a.published, 1, 10), a.url, a.source, a.id, a.story_id
                  FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY a.id, q.idx",
                postgres: "SELECT q.speaker,
                         convert_from(substring(convert_to(a.text, 'UTF8') FROM (q.start + 1)::int FOR (q.\"end\" - q.start)::int), 'UTF8'),
                         q.kind, q.cue, q.speaker_text, a.outlet, substr(a.published, 1, 10), a.url, a.source, a.id, a.story_id
                  FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY a.id, q.idx",
            },
        },
        What::Entities => Table {
            columns: ENTITY_COLUMNS,
            sql: portable("SELECT story_id, kind, name, aliases, roles FROM story_entities ORDER BY story_id, idx"),
        },
        What::Events => Table {
            columns: EVENT_COLUMNS,
            sql: Query {
                sqlite: "SELECT a.story_id, a.id, a.source, a.outlet, e.kind, e.status, e.date, e.place, e.participants,
                         CAST(substr(CAST(a.text AS BLOB), e.start + 1, e.end - e.start) AS TEXT)
                  FROM events e JOIN articles a ON a.id = e.article_id ORDER BY a.id, e.idx",
                postgres: "SELECT a.story_id, a.id, a.source, a.outlet, e.kind, e.status, e.date, e.place, e.participants,
                         convert_from(substring(convert_to(a.text, 'UTF8') FROM (e.start + 1)::int FOR (e.\"end\" - e.start)::int), 'UTF8')
                  FROM events e JOIN articles a ON a.id = e.article_id ORDER BY a.id, e.idx",
            },
        },
        What::Stories => Table {
            columns: STORY_COLUMNS,
            sql: portable(
                "SELECT id, headline, articles, outlets, first_published, last_published FROM stories ORDER BY id",
            ),
        },
    }
}

/// Writes `what` (or, with `None`, articles then stories: the analysis as JSON Lines) in
/// `format` to `out`. Returns the number of rows written.
///
/// `analyse` is the per-article analysis, for rows stored in another analysis format.
pub fn export(
    store: &Store,
    what: Option<What>,
    format: Format,
    out: &mut (dyn Write + Send),
    analyse: fn(&mut parallax_doc::Doc),
) -> Result<u64, StoreError> {
    let io = StoreError::Write;
    let mut rows = 0u64;
    match (format, what) {
        (Format::Jsonl, Some(What::Stories)) => {
            store.for_each_story_json(|json| {
                rows += 1;
                writeln!(out, "{{\"story\":{json}}}").map_err(io)
            })?;
        }
        (Format::Jsonl, None | Some(What::Articles)) => {
            let with_stories = what.is_none();
            for chunk in store.story_ids()?.chunks(STORIES_AT_ONCE) {
                let mut loaded = Vec::with_capacity(chunk.len());
                for &id in chunk {
                    let docs: Vec<parallax_doc::Doc> = store
                        .story_docs(id)?
                        .into_iter()
                        .map(|(_, doc)| crate::store::analysed(doc, analyse))
                        .collect();
                    loaded.push((id, docs));
                }
                let rendered: Vec<Vec<String>> = loaded
                    .into_par_iter()
                    .map(|(id, docs)| story_lines(id, docs, with_stories))
                    .collect::<Result<_, _>>()?;
                for line in rendered.iter().flatten() {
                    rows += 1;
                    writeln!(out, "{line}").map_err(io)?;
                }
            }
        }
        (Format::Jsonl, Some(what)) => {
            let t = table(what);
            store.for_each_row(&t.sql, |values| {
                rows += 1;
                let mut object = serde_json::Map::new();
                for (c, v) in t.columns.iter().zip(values) {
                    let value = match v {
                        None => serde_json::Value::Null,
                        Some(v) if c.integer => v.parse::<i64>().map_or(serde_json::Value::Null, Into::into),
                        Some(v) => v.clone().into(),
                    };
                    object.insert(c.name.to_string(), value);
                }
                writeln!(out, "{}", serde_json::Value::Object(object)).map_err(io)
            })?;
        }
        (Format::Csv, what) => {
            let t = table(what.unwrap_or(What::Articles));
            let header: Vec<&str> = t.columns.iter().map(|c| c.name).collect();
            writeln!(out, "{}", header.join(",")).map_err(io)?;
            store.for_each_row(&t.sql, |values| {
                rows += 1;
                let fields: Vec<String> = values.iter().map(|v| csv_field(v.as_deref().unwrap_or(""))).collect();
                writeln!(out, "{}", fields.join(",")).map_err(io)
            })?;
        }
        #[cfg(feature = "parquet")]
        (Format::Parquet, what) => {
            rows = parquet_table(store, &table(what.unwrap_or(What::Articles)), out)?;
        }
        #[cfg(not(feature = "parquet"))]
        (Format::Parquet, _) => {
            return Err(StoreError::Io("this Parallax was built without Parquet (cargo feature `parquet`)".into()));
        }
    }
    out.flush().map_err(io)?;
    Ok(rows)
}

/// Stories rendered in parallel at a time by a JSON Lines export.
const STORIES_AT_ONCE: usize = 64;

/// A story's articles as JSON lines, then (with `with_story`) the story's line.
fn story_lines(id: i64, docs: Vec<parallax_doc::Doc>, with_story: bool) -> Result<Vec<String>, StoreError> {
    use parallax_story::report;
    let json = |e: serde_json::Error| StoreError::Io(format!("rendering story {id}: {e}"));
    let analysis = parallax_story::build_marked_story(docs);
    let Some(story) = analysis.stories.first() else { return Ok(Vec::new()) };
    let mut lines = Vec::with_capacity(analysis.docs.len() + 1);
    for (d, doc) in analysis.docs.iter().enumerate() {
        let mut article = report::ArticleJson::new(doc, Some((story, d)));
        article.story = Some(id as usize);
        lines.push(serde_json::to_string(&article).map_err(json)?);
    }
    if with_story {
        let mut story = report::StoryJson::new(&analysis, 0);
        story.id = id as usize;
        lines.push(serde_json::to_string(&report::StoryLineJson { story }).map_err(json)?);
    }
    Ok(lines)
}

/// One CSV field, quoted when it must be (RFC 4180).
pub fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// Rows per Parquet row group.
#[cfg(feature = "parquet")]
const ROW_GROUP: usize = 65_536;

#[cfg(feature = "parquet")]
fn parquet_table(store: &Store, t: &Table, out: &mut (dyn Write + Send)) -> Result<u64, StoreError> {
    use std::sync::Arc;

    use parquet::data_type::{ByteArray, ByteArrayType, Int64Type};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    use parquet::schema::parser::parse_message_type;

    let pq = |e: parquet::errors::ParquetError| StoreError::Io(format!("writing Parquet: {e}"));
    let fields: Vec<String> = t
        .columns
        .iter()
        .map(|c| {
            if c.integer {
                format!("OPTIONAL INT64 {};", c.name)
            } else {
                format!("OPTIONAL BYTE_ARRAY {} (UTF8);", c.name)
            }
        })
        .collect();
    let schema = Arc::new(parse_message_type(&format!("message parallax {{ {} }}", fields.join(" "))).map_err(pq)?);
    let props = Arc::new(WriterProperties::builder().build());
    let mut writer = SerializedFileWriter::new(out, schema, props).map_err(pq)?;
    let mut buffered: Vec<Vec<Option<String>>> = Vec::new();
    let mut rows = 0u64;
    let flush = |writer: &mut SerializedFileWriter<&mut (dyn Write + Send)>,
                 buffered: &mut Vec<Vec<Option<String>>>| {
        if buffered.is_empty() {
            return Ok(());
        }
        let mut group = writer.next_row_group().map_err(pq)?;
        let mut c = 0;
        while let Some(mut column) = group.next_column().map_err(pq)? {
            let levels: Vec<i16> = buffered.iter().map(|r| i16::from(r[c].is_some())).collect();
            if t.columns[c].integer {
                let values: Vec<i64> = buffered.iter().filter_map(|r| r[c].as_deref()?.parse().ok()).collect();
                let levels: Vec<i16> = buffered
                    .iter()
                    .map(|r| i16::from(r[c].as_deref().is_some_and(|v| v.parse::<i64>().is_ok())))
                    .collect();
                column.typed::<Int64Type>().write_batch(&values, Some(&levels), None).map_err(pq)?;
            } else {
                let values: Vec<ByteArray> =
                    buffered.iter().filter_map(|r| r[c].as_deref()).map(ByteArray::from).collect();
                column.typed::<ByteArrayType>().write_batch(&values, Some(&levels), None).map_err(pq)?;
            }
            column.close().map_err(pq)?;
            c += 1;
        }
        group.close().map_err(pq)?;
        buffered.clear();
        Ok::<(), StoreError>(())
    };
    store.for_each_row(&t.sql, |values| {
        rows += 1;
        buffered.push(values.to_vec());
        if buffered.len() >= ROW_GROUP {
            flush(&mut writer, &mut buffered)?;
        }
        Ok(())
    })?;
    flush(&mut writer, &mut buffered)?;
    writer.close().map_err(pq)?;
    Ok(rows)
}

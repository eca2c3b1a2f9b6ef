//! `/stories/{id}`: one story as a journalist reads it — the headline, the cited summary, a
//! coverage chart, who's who, who said what, the timeline, how the outlets differ and the
//! articles.
//!
//! The story's facts come from its stored JSON (computed once when the story was built); the
//! page only renders them. A citation names an article by its source: the page maps sources to
//! article ids with the story's article list and finds the cited sentence's index in the
//! article's analysis, so a citation lands on `/articles/{id}#s{n}`. The page runs a bounded
//! number of queries: the story, its article list, its quotes (at most [`MAX_QUOTES`]) and at
//! most [`MAX_CITED_DOCS`] analyses for citations; long lists are cut with "and N more".

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::response::Html;
use minijinja::context;
use parallax_store::{ArticleListing, QuoteRecord, SearchFilter, Store};
use serde::Serialize;
use serde_json::Value;

use super::{entity_href, outlet_href, parse_id, render};
use crate::{ApiError, AppState, PageError};

/// Most quotes of a story read for "who said what".
pub const MAX_QUOTES: usize = 800;
/// Most article analyses read to resolve citations to sentences.
pub const MAX_CITED_DOCS: usize = 24;
/// Most quotes shown per speaker.
const QUOTES_PER_SPEAKER: usize = 12;
/// Most speakers shown.
const MAX_SPEAKERS: usize = 60;
/// Most citations shown per sentence, event or entity.
const CITES_SHOWN: usize = 6;
/// Most entities of a kind shown.
const MAX_ENTITIES: usize = 80;
/// Most events of a list shown.
const MAX_EVENTS: usize = 100;
/// Most articles listed.
const MAX_ARTICLES: usize = 200;

/// Groups of aligned quotes shown on a story page, and quotes per group: a story of a thousand
/// articles can align thousands of quotes.
const MAX_ALIGNED_GROUPS: usize = 40;

/// Quotes shown per aligned group.
const MAX_ALIGNED_QUOTES: usize = 8;
/// Most outlets (rows) in the coverage chart.
const MAX_CHART_ROWS: usize = 40;
/// Most marks in the coverage chart.
const MAX_CHART_MARKS: usize = 2000;

/// A link to an article, at a sentence when it could be found.
#[derive(Debug, Clone, Serialize)]
pub struct Cite {
    /// `/articles/{id}#s{n}` (or without the fragment).
    pub href: String,
    /// Short label: the outlet, else "article N".
    pub label: String,
    /// The article's title or source.
    pub title: String,
    /// Whether the cited sentence itself was found (the link has its `#s{n}`).
    pub exact: bool,
    /// Whether the link goes to the article's closest sentence instead (another wording).
    pub near: bool,
}

/// The lower-cased words of three letters or more of `text`.
fn content_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 3).map(str::to_lowercase).collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// A list of citations, cut at [`CITES_SHOWN`].
#[derive(Debug, Clone, Serialize, Default)]
pub struct Cites {
    /// The citations shown.
    pub shown: Vec<Cite>,
    /// How many more there are.
    pub more: usize,
}

/// A name with its entity page.
#[derive(Debug, Clone, Serialize)]
struct NameLink {
    name: String,
    href: String,
}

#[derive(Debug, Serialize)]
struct SummaryView {
    sentence: String,
    cites: Cites,
}

#[derive(Debug, Serialize)]
struct RoleView {
    role: String,
    cites: Cites,
}

#[derive(Debug, Serialize)]
struct EntityView {
    name: String,
    href: String,
    kind: String,
    aliases: Vec<String>,
    roles: Vec<RoleView>,
    articles: Cites,
}

#[derive(Debug, Serialize)]
struct QuoteView {
    text: String,
    kind: String,
    cue: Option<String>,
    speaker_text: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    href: String,
    article_label: String,
}

#[derive(Debug, Serialize)]
struct SpeakerView {
    name: String,
    href: Option<String>,
    quotes: Vec<QuoteView>,
    more: usize,
}

#[derive(Debug, Serialize)]
struct AlignedView {
    speaker: NameLink,
    quotes: Vec<AlignedQuoteView>,
}

#[derive(Debug, Serialize)]
struct AlignedQuoteView {
    text: String,
    outlet: Option<String>,
    href: Option<String>,
}

#[derive(Debug, Serialize)]
struct SourceView {
    sentence: String,
    outlet: Option<String>,
    cite: Option<Cite>,
}

#[derive(Debug, Serialize)]
struct EventView {
    date: Option<String>,
    kind: String,
    status: String,
    participants: Vec<NameLink>,
    place: Option<String>,
    sources: Vec<SourceView>,
    more_sources: usize,
    outlets: Vec<String>,
}

#[derive(Debug, Serialize)]
struct ClaimView {
    value: String,
    outlet: Option<String>,
    sentence: String,
    cite: Option<Cite>,
}

#[derive(Debug, Serialize)]
struct ConflictView {
    about: String,
    claims: Vec<ClaimView>,
}

#[derive(Debug, Serialize)]
struct ArticleRow {
    id: i64,
    title: String,
    outlet: Option<String>,
    outlet_href: Option<String>,
    published: Option<String>,
    language: Option<String>,
    words: i64,
    duplicate_of: Option<i64>,
}

/// The coverage chart: one row per outlet, a mark per article by date.
#[derive(Debug, Serialize, Default)]
pub struct Chart {
    /// Width of the drawing.
    pub width: usize,
    /// Height of the drawing.
    pub height: usize,
    /// Where the plot starts (right of the labels).
    pub plot_x: usize,
    /// Where the plot ends.
    pub plot_end: usize,
    /// The x of the column of undated articles, when there are any.
    pub undated_x: Option<usize>,
    /// Date labels along the top.
    pub ticks: Vec<Tick>,
    /// The outlets.
    pub rows: Vec<ChartRow>,
    /// Outlets left out of the chart.
    pub more_rows: usize,
}

/// A date label of the chart.
#[derive(Debug, Serialize)]
pub struct Tick {
    /// Where.
    pub x: usize,
    /// The date.
    pub label: String,
}

/// One outlet's row of the chart.
#[derive(Debug, Serialize)]
pub struct ChartRow {
    /// The outlet.
    pub outlet: String,
    /// The outlet's name cut to fit the label column.
    pub label: String,
    /// The row's middle.
    pub y: usize,
    /// The label's baseline.
    pub text_y: usize,
    /// Its articles.
    pub marks: Vec<ChartMark>,
}

/// One article in the chart.
#[derive(Debug, Serialize)]
pub struct ChartMark {
    /// Where.
    pub x: usize,
    /// The article's page.
    pub href: String,
    /// What hovering shows: outlet, date, words (never the article's own title, which an
    /// article's author controls).
    pub title: String,
    /// The article's title, for screen readers.
    pub label: String,
}

/// The story page.
pub async fn page(State(state): State<AppState>, Path(raw): Path<String>) -> Result<Html<String>, PageError> {
    let id = parse_id(&raw, "story")?;
    let ctx = state.pool.read(move |store| story_context(store, id)).await?;
    render(&state, "story.html", ctx)
}

/// An article's text and its sentences' byte ranges.
type Sentences = (String, Vec<(usize, usize)>);

/// Maps article sources to the story's articles, and cited sentences to their index in the
/// article, reading at most [`MAX_CITED_DOCS`] analyses.
struct Citer<'s> {
    store: &'s Store,
    by_source: HashMap<String, ArticleListing>,
    /// Each article read: its text and its sentences' byte ranges (`None`: could not be read).
    docs: HashMap<i64, Option<Sentences>>,
}

impl<'s> Citer<'s> {
    fn new(store: &'s Store, articles: &[ArticleListing]) -> Citer<'s> {
        let by_source = articles.iter().map(|a| (a.source.clone(), a.clone())).collect();
        Citer { store, by_source, docs: HashMap::new() }
    }

    fn article(&self, source: &str) -> Option<&ArticleListing> {
        self.by_source.get(source)
    }

    /// The index of `sentence` in article `id` and whether it is the very sentence (else the
    /// article's sentence sharing most of its words, when it shares at least half), when the
    /// analysis can be read within budget.
    fn sentence_index(&mut self, id: i64, sentence: &str) -> Option<(usize, bool)> {
        if !self.docs.contains_key(&id) {
            if self.docs.len() >= MAX_CITED_DOCS {
                return None;
            }
            let doc = match self.store.article_doc(id) {
                Ok(Some((_, Ok(doc)))) => Some(doc),
                Ok(Some((_, Err(mut doc)))) => {
                    parallax_analyze::analyze(&mut doc);
                    Some(doc)
                }
                _ => None,
            };
            let entry = doc.map(|d| {
                let spans = d.sentences.iter().map(|s| (s.span.start, s.span.end)).collect();
                (d.text, spans)
            });
            self.docs.insert(id, entry);
        }
        let (text, spans) = self.docs.get(&id)?.as_ref()?;
        let wanted = sentence.trim();
        if let Some(n) = spans.iter().position(|&(a, b)| text.get(a..b).is_some_and(|s| s.trim() == wanted)) {
            return Some((n, true));
        }
        let words = content_words(wanted);
        if words.is_empty() {
            return None;
        }
        let (best, shared) = spans
            .iter()
            .enumerate()
            .map(|(n, &(a, b))| {
                let theirs = content_words(text.get(a..b).unwrap_or(""));
                (n, words.iter().filter(|w| theirs.contains(*w)).count())
            })
            .max_by_key(|&(n, shared)| (shared, std::cmp::Reverse(n)))?;
        (shared * 2 >= words.len()).then_some((best, false))
    }

    /// A citation of `sentence` in the article read from `source`.
    fn cite(&mut self, source: &str, sentence: Option<&str>) -> Option<Cite> {
        let a = self.article(source)?.clone();
        let n = sentence.filter(|s| !s.trim().is_empty()).and_then(|s| self.sentence_index(a.id, s));
        let title = a.title.clone().unwrap_or_else(|| a.source.clone());
        Some(Cite {
            href: match n {
                Some((n, _)) => format!("/articles/{}#s{n}", a.id),
                None => format!("/articles/{}", a.id),
            },
            label: a.outlet.clone().unwrap_or_else(|| format!("article {}", a.id)),
            title: match n {
                Some((_, false)) => format!("{title} (its closest sentence)"),
                _ => title,
            },
            exact: n.is_some_and(|(_, exact)| exact),
            near: n.is_some_and(|(_, exact)| !exact),
        })
    }

    /// Citations of `sentence` in each of `sources`, cut at [`CITES_SHOWN`].
    fn cites<'v>(&mut self, sources: impl Iterator<Item = &'v str>, sentence: Option<&str>) -> Cites {
        let mut out = Cites::default();
        for source in sources {
            if out.shown.len() >= CITES_SHOWN {
                out.more += 1;
            } else if let Some(c) = self.cite(source, sentence) {
                out.shown.push(c);
            }
        }
        out
    }
}

fn str_of<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get(key).and_then(Value::as_str)
}

fn list<'v>(v: &'v Value, key: &str) -> &'v [Value] {
    v.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn strings<'v>(v: &'v Value, key: &str) -> impl Iterator<Item = &'v str> {
    list(v, key).iter().filter_map(Value::as_str)
}

fn name_link(name: &str) -> NameLink {
    NameLink { name: name.to_string(), href: entity_href(name) }
}

/// Everything the story page shows.
fn story_context(store: &Store, id: i64) -> Result<minijinja::Value, ApiError> {
    let stored = store.story(id)?.ok_or_else(|| ApiError::not_found(format!("no story {id}")))?;
    let json: Value = serde_json::from_str(&stored.json)
        .map_err(|e| ApiError::internal(format!("the stored JSON of story {id} does not parse: {e}")))?;
    let articles = store.story_articles(id)?;
    let quotes = store.quotes(Some(id), &SearchFilter { limit: MAX_QUOTES + 1, ..SearchFilter::default() })?;
    let mut citer = Citer::new(store, &articles);

    let summary: Vec<SummaryView> = list(&json, "summary")
        .iter()
        .map(|s| {
            let sentence = str_of(s, "sentence").unwrap_or_default();
            SummaryView { sentence: sentence.to_string(), cites: citer.cites(strings(s, "sources"), Some(sentence)) }
        })
        .collect();

    // conflicts are cited before the timeline: the analyses read for citations are bounded,
    // and a conflict's claims need their sentences most
    let comparison = json.get("comparison").cloned().unwrap_or(Value::Null);
    let conflicting = if list(&comparison, "conflicting").is_empty() {
        list(&json, "conflicts")
    } else {
        list(&comparison, "conflicting")
    };
    let conflicts: Vec<ConflictView> = conflicting
        .iter()
        .take(MAX_EVENTS)
        .map(|c| ConflictView {
            about: str_of(c, "about").unwrap_or("a fact").to_string(),
            claims: list(c, "claims")
                .iter()
                .map(|cl| {
                    let sentence = str_of(cl, "sentence").unwrap_or_default();
                    ClaimView {
                        value: str_of(cl, "value").unwrap_or_default().to_string(),
                        outlet: str_of(cl, "outlet").map(str::to_string),
                        sentence: sentence.to_string(),
                        cite: str_of(cl, "article").and_then(|a| citer.cite(a, Some(sentence))),
                    }
                })
                .collect(),
        })
        .collect();

    let (mut people, mut organisations, mut places) = (Vec::new(), Vec::new(), Vec::new());
    let mut entities_more = 0;
    for e in list(&json, "entities") {
        let Some(name) = str_of(e, "name") else { continue };
        let kind = str_of(e, "type").unwrap_or("other");
        let bucket = match kind {
            "person" => &mut people,
            "organization" => &mut organisations,
            "location" => &mut places,
            // nationalities and other names (events, works, laws) are not who's who
            _ => continue,
        };
        if bucket.len() >= MAX_ENTITIES {
            entities_more += 1;
            continue;
        }
        let roles = list(e, "role_sources")
            .iter()
            .filter_map(|r| {
                Some(RoleView {
                    role: str_of(r, "role")?.to_string(),
                    cites: citer.cites(strings(r, "articles"), None),
                })
            })
            .collect();
        bucket.push(EntityView {
            name: name.to_string(),
            href: entity_href(name),
            kind: kind.to_string(),
            aliases: strings(e, "aliases").filter(|a| *a != name).map(str::to_string).collect(),
            roles,
            articles: citer.cites(strings(e, "articles"), None),
        });
    }

    let (speakers, quotes_more) = speakers(quotes);
    let aligned_all = list(&json, "aligned_quotes");
    // groups not shown, and quotes not shown in the groups that are
    let aligned_more = aligned_all.len().saturating_sub(MAX_ALIGNED_GROUPS)
        + aligned_all
            .iter()
            .take(MAX_ALIGNED_GROUPS)
            .map(|g| list(g, "quotes").len().saturating_sub(MAX_ALIGNED_QUOTES))
            .sum::<usize>();
    let aligned: Vec<AlignedView> = aligned_all
        .iter()
        .take(MAX_ALIGNED_GROUPS)
        .map(|g| AlignedView {
            speaker: name_link(str_of(g, "speaker").unwrap_or("unknown speaker")),
            quotes: list(g, "quotes")
                .iter()
                .take(MAX_ALIGNED_QUOTES)
                .map(|q| AlignedQuoteView {
                    text: str_of(q, "text").unwrap_or_default().to_string(),
                    outlet: str_of(q, "outlet").map(str::to_string),
                    href: str_of(q, "article").and_then(|s| citer.article(s)).map(|a| format!("/articles/{}", a.id)),
                })
                .collect(),
        })
        .collect();

    let events = list(&json, "events");
    let (dated, undated): (Vec<&Value>, Vec<&Value>) = events.iter().partition(|e| str_of(e, "date").is_some());
    let timeline: Vec<EventView> = dated.iter().take(MAX_EVENTS).map(|e| event_view(e, &mut citer)).collect();
    let undated_events: Vec<EventView> = undated.iter().take(MAX_EVENTS).map(|e| event_view(e, &mut citer)).collect();
    let timeline_more = dated.len().saturating_sub(MAX_EVENTS) + undated.len().saturating_sub(MAX_EVENTS);

    let corroborated_all = list(&comparison, "corroborated");
    let corroborated: Vec<EventView> =
        corroborated_all.iter().take(MAX_EVENTS).map(|e| event_view(e, &mut citer)).collect();
    let single_all = list(&comparison, "single_source");
    let single: Vec<EventView> = single_all.iter().take(MAX_EVENTS).map(|e| event_view(e, &mut citer)).collect();
    let corroborated_more = corroborated_all.len().saturating_sub(MAX_EVENTS);
    let single_more = single_all.len().saturating_sub(MAX_EVENTS);

    let chart = chart(&articles);
    let article_rows: Vec<ArticleRow> = articles
        .iter()
        .take(MAX_ARTICLES)
        .map(|a| ArticleRow {
            id: a.id,
            title: a.title.clone().unwrap_or_else(|| a.source.clone()),
            outlet: a.outlet.clone(),
            outlet_href: a.outlet.as_deref().map(outlet_href),
            published: a.published.clone(),
            language: a.language.clone(),
            words: a.words,
            duplicate_of: a.duplicate_of,
        })
        .collect();
    let articles_more = articles.len().saturating_sub(MAX_ARTICLES);
    let copies = articles.iter().filter(|a| a.duplicate_of.is_some()).count();
    let listing = stored.listing;
    let outlets: Vec<NameLinkOutlet> =
        listing.outlets.iter().map(|o| NameLinkOutlet { name: o.clone(), href: outlet_href(o) }).collect();
    Ok(context! {
        story => listing, outlets, summary, chart, people, organisations, places, entities_more,
        speakers, quotes_more, aligned, aligned_more, timeline, undated_events, timeline_more,
        corroborated, corroborated_more, single, single_more, conflicts,
        articles => article_rows, articles_more, copies,
    })
}

#[derive(Debug, Serialize)]
struct NameLinkOutlet {
    name: String,
    href: String,
}

fn event_view(e: &Value, citer: &mut Citer<'_>) -> EventView {
    let sources = list(e, "sources");
    let mut outlets: Vec<String> = Vec::new();
    for s in sources {
        let o = str_of(s, "outlet")
            .map(str::to_string)
            .or_else(|| str_of(s, "article").and_then(|a| citer.article(a)).map(|a| format!("article {}", a.id)));
        if let Some(o) = o {
            if !outlets.contains(&o) {
                outlets.push(o);
            }
        }
    }
    EventView {
        date: str_of(e, "date").map(str::to_string),
        kind: str_of(e, "kind").unwrap_or("event").to_string(),
        status: str_of(e, "status").unwrap_or_default().to_string(),
        participants: strings(e, "participants").map(name_link).collect(),
        place: str_of(e, "place").map(str::to_string),
        sources: sources
            .iter()
            .take(4)
            .map(|s| {
                let sentence = str_of(s, "sentence").unwrap_or_default();
                SourceView {
                    sentence: sentence.to_string(),
                    outlet: str_of(s, "outlet").map(str::to_string),
                    cite: str_of(s, "article").and_then(|a| citer.cite(a, Some(sentence))),
                }
            })
            .collect(),
        more_sources: sources.len().saturating_sub(4),
        outlets,
    }
}

/// Quotes grouped by speaker, most quoted first; a partial quote inside another quote of the
/// same article is left out (it repeats words already shown). Unattributed quotes come last.
fn speakers(quotes: Vec<QuoteRecord>) -> (Vec<SpeakerView>, bool) {
    let truncated = quotes.len() > MAX_QUOTES;
    let quotes = quotes.get(..MAX_QUOTES).unwrap_or(&quotes);
    let mut by_article: HashMap<i64, Vec<&QuoteRecord>> = HashMap::new();
    for q in quotes.iter().filter(|q| q.kind != "partial") {
        by_article.entry(q.article_id).or_default().push(q);
    }
    let mut groups: Vec<(Option<String>, Vec<&QuoteRecord>)> = Vec::new();
    let mut group_of: HashMap<Option<&str>, usize> = HashMap::new();
    for q in quotes {
        let inside_another = q.kind == "partial"
            && by_article.get(&q.article_id).is_some_and(|others| others.iter().any(|o| o.quote.contains(&q.quote)));
        if inside_another {
            continue;
        }
        match group_of.get(&q.speaker.as_deref()).and_then(|&i| groups.get_mut(i)) {
            Some((_, g)) => g.push(q),
            None => {
                group_of.insert(q.speaker.as_deref(), groups.len());
                groups.push((q.speaker.clone(), vec![q]));
            }
        }
    }
    groups.sort_by(|a, b| a.0.is_none().cmp(&b.0.is_none()).then(b.1.len().cmp(&a.1.len())));
    let views = groups
        .into_iter()
        .take(MAX_SPEAKERS)
        .map(|(speaker, qs)| SpeakerView {
            href: speaker.as_deref().map(entity_href),
            name: speaker.unwrap_or_else(|| "Unnamed sources".into()),
            more: qs.len().saturating_sub(QUOTES_PER_SPEAKER),
            quotes: qs
                .into_iter()
                .take(QUOTES_PER_SPEAKER)
                .map(|q| QuoteView {
                    text: q.quote.clone(),
                    kind: q.kind.clone(),
                    cue: q.cue.clone(),
                    speaker_text: q.speaker_text.clone(),
                    outlet: q.outlet.clone(),
                    published: q.published.clone(),
                    href: format!("/articles/{}", q.article_id),
                    article_label: q.outlet.clone().unwrap_or_else(|| format!("article {}", q.article_id)),
                })
                .collect(),
        })
        .collect();
    (views, truncated)
}

/// Days since 1970-01-01 of a date starting `YYYY-MM-DD`.
fn day_number(date: &str) -> Option<i64> {
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    let d: i64 = date.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // days from civil (Howard Hinnant)
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The coverage chart of a story's articles.
fn chart(articles: &[ArticleListing]) -> Chart {
    const LABEL_W: usize = 180;
    const PLOT_W: usize = 560;
    const ROW_H: usize = 24;
    const TOP: usize = 30;
    if articles.is_empty() {
        return Chart::default();
    }
    let mut outlets: Vec<(String, Vec<&ArticleListing>)> = Vec::new();
    for a in articles {
        let name = a.outlet.clone().unwrap_or_else(|| "outlet unknown".into());
        match outlets.iter_mut().find(|(o, _)| *o == name) {
            Some((_, v)) => v.push(a),
            None => outlets.push((name, vec![a])),
        }
    }
    outlets.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
    let more_rows = outlets.len().saturating_sub(MAX_CHART_ROWS);
    outlets.truncate(MAX_CHART_ROWS);
    let days: Vec<i64> = articles.iter().filter_map(|a| a.published.as_deref().and_then(day_number)).collect();
    let (lo, hi) = (days.iter().min().copied(), days.iter().max().copied());
    let any_undated =
        outlets.iter().any(|(_, v)| v.iter().any(|a| a.published.as_deref().and_then(day_number).is_none()));
    let plot_x = LABEL_W;
    let plot_end = LABEL_W + PLOT_W;
    let undated_x = any_undated.then_some(plot_end + 50);
    let x_of = |day: i64| -> usize {
        match (lo, hi) {
            (Some(lo), Some(hi)) if hi > lo => {
                plot_x + ((day - lo) as f64 / (hi - lo) as f64 * PLOT_W as f64).round() as usize
            }
            _ => plot_x + PLOT_W / 2,
        }
    };
    let mut ticks = Vec::new();
    if let (Some(lo), Some(hi)) = (lo, hi) {
        let first = articles.iter().filter_map(|a| a.published.as_deref()).find(|p| day_number(p) == Some(lo));
        let last = articles.iter().filter_map(|a| a.published.as_deref()).find(|p| day_number(p) == Some(hi));
        if let Some(f) = first {
            ticks.push(Tick { x: x_of(lo), label: f.get(0..10).unwrap_or(f).to_string() });
        }
        if hi > lo {
            if let Some(l) = last {
                ticks.push(Tick { x: x_of(hi), label: l.get(0..10).unwrap_or(l).to_string() });
            }
        }
    }
    let mut marks_left = MAX_CHART_MARKS;
    let rows = outlets
        .into_iter()
        .enumerate()
        .map(|(i, (outlet, arts))| {
            let y = TOP + i * ROW_H + ROW_H / 2;
            let mut seen: HashMap<usize, usize> = HashMap::new();
            let marks = arts
                .into_iter()
                .take(marks_left)
                .filter_map(|a| {
                    let date = a.published.as_deref().filter(|p| day_number(p).is_some());
                    let base = match date.and_then(day_number) {
                        Some(d) => x_of(d),
                        None => undated_x?,
                    };
                    // several articles on one day stand side by side, a few pixels apart
                    let k = seen.entry(base).or_insert(0);
                    let x = base + (*k).min(6) * 5;
                    *k += 1;
                    let title =
                        format!("{outlet} · {} · article {} · {} words", date.unwrap_or("undated"), a.id, a.words);
                    let label = a.title.clone().unwrap_or_else(|| a.source.clone());
                    Some(ChartMark { x, href: format!("/articles/{}", a.id), title, label })
                })
                .collect::<Vec<_>>();
            marks_left = marks_left.saturating_sub(marks.len());
            let label = if outlet.chars().count() > 26 {
                format!("{}…", outlet.chars().take(25).collect::<String>())
            } else {
                outlet.clone()
            };
            ChartRow { outlet, label, y, text_y: y + 4, marks }
        })
        .collect::<Vec<_>>();
    let height = TOP + rows.len() * ROW_H + 10;
    Chart { width: plot_end + 120, height, plot_x, plot_end, undated_x, ticks, rows, more_rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_from_1970() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2025-02-18T10:00:00Z"), day_number("2025-02-17").map(|d| d + 1));
        assert_eq!(day_number("2024-03-01"), day_number("2024-02-28").map(|d| d + 2));
        assert_eq!(day_number("soon"), None);
    }
}

//! The web UI in a real browser: headless Chromium driven over WebDriver (chromedriver) against
//! `parallax serve` on an archive of the Riyadh example, the Nairobi fixtures and hostile
//! articles (`tests/fixtures/xss/`).
//!
//! What a reader does: open the front page, click a story, read who said what, the timeline and
//! where outlets differ, follow a citation to the sentence it cites (highlighted), search from
//! the header, open a person and the outlets. And what an attacker's article must never do:
//! run script, add event handlers or `javascript:` links, or hide its markup (it is shown as
//! text). Screenshots of the main pages go to `target/browser-artifacts/`.
//!
//! Needs `chromedriver` (and `chromium`) on `PATH` (Debian: `chromium`, `chromium-driver`);
//! without it the test prints a skip notice, or fails when `CI` is set.

#[path = "browser/harness.rs"]
#[macro_use]
mod harness;

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use harness::{Check, Context};
use parallax_store::{SearchFilter, Store, StoryFilter};
use serde_json::{json, Value};

/// The longest any one wait for an element may take.
const WAIT: Duration = Duration::from_secs(10);

/// The longest the whole browser run may take.
const RUN_LIMIT: Duration = Duration::from_secs(150);

/// The archive's inputs, relative to the repository's root.
const INPUTS: &[&str] = &["examples/riyadh", "tests/fixtures/nairobi", "tests/fixtures/xss"];

/// The markup every hostile article carries in its title or text.
const SCRIPT: &str = "<script>window.__pwned=1</script>";

/// The page of the entity named `name`, as the page contract spells it:
/// `/entities/{name_key(name)}`, percent-encoded.
fn entity_href(name: &str) -> String {
    format!("/entities/{}", percent_encode(&parallax_store::name_key(name)))
}

/// The page of outlet `name`: `/outlets/{name}`, percent-encoded.
fn outlet_href(name: &str) -> String {
    format!("/outlets/{}", percent_encode(name))
}

/// Every byte but RFC 3986's unreserved characters percent-encoded.
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// What the checks need to know about the archive, read from the store before serving.
struct Fixture {
    base: String,
    /// The Riyadh story.
    riyadh_story: i64,
    /// The article quoting Keith Kellogg ("chalk on the blackboard").
    kellogg_article: i64,
    /// The hostile story and its articles (with their titles).
    xss_story: i64,
    xss_articles: Vec<(i64, Option<String>)>,
}

impl Fixture {
    fn read(db: &std::path::Path, base: String) -> Result<Fixture, String> {
        let store = Store::open(db).ctx("opening the archive")?;
        let stories = store.stories(&StoryFilter { limit: 100, ..StoryFilter::default() }).ctx("listing stories")?;
        let mut riyadh_story = None;
        for s in &stories {
            let story = store.story(s.id).ctx("reading a story")?.ok_or("a listed story is missing")?;
            if story.brief.contains("Rubio") && story.brief.contains("Lavrov") {
                riyadh_story = Some(s.id);
            }
        }
        let search = |q: &str| store.search(q, &SearchFilter { limit: 50, ..SearchFilter::default() });
        let kellogg = search("chalk blackboard").ctx("searching the archive")?;
        let xss = search("ferry fares").ctx("searching the archive")?;
        let xss_story = xss.iter().find_map(|h| h.story).ok_or("the hostile articles have no story")?;
        Ok(Fixture {
            base,
            riyadh_story: riyadh_story.ok_or("no story mentions Rubio and Lavrov")?,
            kellogg_article: kellogg.first().map(|h| h.article).ok_or("no article quotes 'chalk on the blackboard'")?,
            xss_story,
            xss_articles: xss.iter().map(|h| (h.article, h.title.clone())).collect(),
        })
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_web_ui_in_a_real_browser() {
    let chromedriver = std::env::var_os("CHROMEDRIVER").map(PathBuf::from).or_else(|| harness::on_path("chromedriver"));
    let Some(chromedriver) = chromedriver else {
        if std::env::var_os("CI").is_some() {
            panic!(
                "the browser tests need chromedriver on PATH and CI is set: install Debian's chromium and \
                 chromium-driver (.ci/run does: apt-get install chromium chromium-driver)"
            );
        }
        // Straight to stderr, past the test harness's capture, so that the skip is seen.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED the browser tests: chromedriver is not on PATH (apt-get install chromium chromium-driver to run them)"
        );
        return;
    };
    let started = Instant::now();
    let dir = harness::TempDir::new("ui");
    let db = dir.0.join("archive.db");
    harness::build_archive(&db, INPUTS).expect("building the test archive");
    let base = harness::start_server(&db).await.expect("starting the server");
    let fx = Fixture::read(&db, base).expect("reading the test archive");
    let driver = harness::Driver::start(&chromedriver).expect("starting chromedriver");
    let client = harness::connect(&driver).await.expect("starting headless Chromium");
    eprintln!("browser test: archive, server and browser ready in {:.1?}", started.elapsed());

    let mut results: Vec<(&str, Check)> = Vec::new();
    let run = tokio::time::timeout(RUN_LIMIT, run_checks(&client, &fx, &mut results)).await;
    let _ = client.close().await;
    drop(driver);

    let failed: Vec<String> =
        results.iter().filter_map(|(name, result)| result.as_ref().err().map(|e| format!("  {name}: {e}"))).collect();
    eprintln!(
        "browser test: {} passed, {} failed in {:.1?}",
        results.len() - failed.len(),
        failed.len(),
        started.elapsed()
    );
    assert!(run.is_ok(), "the browser checks did not finish within {RUN_LIMIT:?} (after {} checks)", results.len());
    assert!(failed.is_empty(), "{} browser check(s) failed:\n{}", failed.len(), failed.join("\n"));
}

/// Runs every check in turn, recording each outcome (a failure does not stop the others).
async fn run_checks(c: &Client, fx: &Fixture, results: &mut Vec<(&'static str, Check)>) {
    macro_rules! check {
        ($name:expr, $body:expr) => {{
            let result = $body.await;
            match &result {
                Ok(()) => eprintln!("browser check ok: {}", $name),
                Err(e) => eprintln!("browser check FAILED: {}: {e}", $name),
            }
            results.push(($name, result));
        }};
    }
    check!("index: click the Riyadh story", index_to_story(c, fx));
    check!("story: sections", story_sections(c, fx));
    check!("story: Kellogg's quote under his name", story_quotes(c, fx));
    check!("story: timeline has the Riyadh meeting (2025-02-18)", story_timeline(c, fx));
    check!("story: conflict over the date of Zelenskyy's visit to Turkey", story_differences(c, fx));
    check!("story: a citation lands on its highlighted sentence", citation(c, fx));
    check!("header search finds the quote with a <mark>", header_search(c, fx));
    check!("story: a person links to the entity page", entity_from_story(c, fx));
    check!("outlets page", outlets(c, fx));
    check!("no page is wider than the window", no_overflow(c, fx));
    check!("self-test: the XSS probe catches an injected page", probe_self_test(c));
    check!("hostile articles: no script runs, markup shown as text", xss(c, fx));
}

// --- helpers ---

async fn goto(c: &Client, fx: &Fixture, path: &str) -> Check {
    c.goto(&fx.url(path)).await.ctx(format!("opening {path}"))
}

async fn wait_for(c: &Client, css: &str) -> Result<Element, String> {
    c.wait().at_most(WAIT).for_element(Locator::Css(css)).await.ctx(format!("waiting (at most {WAIT:?}) for `{css}`"))
}

async fn js(c: &Client, script: &str, args: Vec<Value>) -> Result<Value, String> {
    c.execute(script, args).await.ctx("running a script in the page")
}

/// The page's visible text.
async fn body_text(c: &Client) -> Result<String, String> {
    Ok(js(c, "return document.body ? document.body.innerText : '';", vec![]).await?.as_str().unwrap_or_default().into())
}

/// Whitespace collapsed, for comparing text across markup.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The parts of a URL the checks look at.
#[derive(Debug)]
struct UrlParts {
    path: String,
    query: Option<String>,
    fragment: Option<String>,
}

/// Where the browser is.
async fn current_path(c: &Client) -> Result<UrlParts, String> {
    let url = c.current_url().await.ctx("reading the current URL")?;
    Ok(UrlParts {
        path: url.path().to_string(),
        query: url.query().map(str::to_string),
        fragment: url.fragment().map(str::to_string),
    })
}

/// Saves a PNG of the current page as `target/browser-artifacts/{name}.png` (a failure to save
/// is reported, not fatal).
async fn screenshot(c: &Client, name: &str) {
    let dir = harness::artifacts_dir();
    let saved = async {
        std::fs::create_dir_all(&dir).ctx("creating the artifacts directory")?;
        let png = c.screenshot().await.ctx("taking a screenshot")?;
        std::fs::write(dir.join(format!("{name}.png")), png).ctx("writing the screenshot")
    };
    if let Err(e) = saved.await {
        eprintln!("browser test: screenshot {name} not saved: {e}");
    }
}

/// Opens the Riyadh story's page and waits for its summary.
async fn open_story(c: &Client, fx: &Fixture) -> Check {
    goto(c, fx, &format!("/stories/{}", fx.riyadh_story)).await?;
    wait_for(c, "#summary").await?;
    Ok(())
}

// --- the reader's checks ---

/// The front page lists stories; the Riyadh story is found among them and a click opens it.
async fn index_to_story(c: &Client, fx: &Fixture) -> Check {
    goto(c, fx, "/").await?;
    wait_for(c, "a[href*='/stories/']").await?;
    screenshot(c, "index").await;
    let links = js(
        c,
        "return Array.from(document.querySelectorAll('a[href*=\"/stories/\"]')).map(a => a.getAttribute('href'));",
        vec![],
    )
    .await?;
    let mut hrefs: Vec<String> =
        links.as_array().into_iter().flatten().filter_map(|v| v.as_str().map(String::from)).collect();
    hrefs.sort();
    hrefs.dedup();
    ensure!(
        hrefs.len() >= 3,
        "the front page links {} stories, expected the 3+ stories of the archive: {hrefs:?}",
        hrefs.len()
    );
    let mut riyadh = None;
    for href in &hrefs {
        c.goto(&fx.url(href)).await.ctx(format!("opening {href}"))?;
        let text = body_text(c).await?;
        if text.contains("Rubio") && text.contains("Lavrov") {
            riyadh = Some(href.clone());
            break;
        }
    }
    let href =
        riyadh.ok_or_else(|| format!("no story linked from the front page mentions Rubio and Lavrov: {hrefs:?}"))?;
    goto(c, fx, "/").await?;
    let link = wait_for(c, &format!("a[href='{href}']")).await?;
    link.click().await.ctx("clicking the Riyadh story on the front page")?;
    wait_for(c, "#summary").await?;
    let at = current_path(c).await?;
    ensure!(
        at.path == format!("/stories/{}", fx.riyadh_story),
        "clicking {href} led to {}, expected /stories/{}",
        at.path,
        fx.riyadh_story
    );
    screenshot(c, "story").await;
    Ok(())
}

/// The story page has every section of the page contract.
async fn story_sections(c: &Client, fx: &Fixture) -> Check {
    open_story(c, fx).await?;
    let missing = js(
        c,
        "return ['#summary', '#people', '#quotes', '#timeline', '#differences', '#articles', 'svg.coverage']
            .filter(s => !document.querySelector(s));",
        vec![],
    )
    .await?;
    ensure!(missing.as_array().is_some_and(Vec::is_empty), "the story page lacks {missing}");
    let cites = js(
        c,
        "return Array.from(document.querySelectorAll('#summary a.cite')).map(a => a.getAttribute('href'));",
        vec![],
    )
    .await?;
    let cites: Vec<&str> = cites.as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    ensure!(!cites.is_empty(), "the summary has no citation link (a.cite)");
    let bad: Vec<&&str> = cites.iter().filter(|h| parse_citation(h).is_none()).collect();
    ensure!(bad.is_empty(), "citations not of the form /articles/{{id}}#s{{n}}: {bad:?}");
    Ok(())
}

/// Keith Kellogg's "chalk on the blackboard" is a quote under a `div.speaker` headed Keith Kellogg.
async fn story_quotes(c: &Client, fx: &Fixture) -> Check {
    open_story(c, fx).await?;
    wait_for(c, "#quotes div.speaker").await?;
    let speakers = js(
        c,
        "return Array.from(document.querySelectorAll('#quotes div.speaker')).map(d => ({
            name: (d.querySelector('h3') || {}).textContent || '',
            quotes: Array.from(d.querySelectorAll('blockquote.quote')).map(b => b.textContent),
        }));",
        vec![],
    )
    .await?;
    let list = speakers.as_array().cloned().unwrap_or_default();
    let kellogg = list.iter().find(|s| s["name"].as_str().is_some_and(|n| squash(n).contains("Keith Kellogg")));
    let names: Vec<&str> = list.iter().filter_map(|s| s["name"].as_str()).map(str::trim).collect();
    let kellogg =
        kellogg.ok_or_else(|| format!("no div.speaker has an h3 naming Keith Kellogg; speakers: {names:?}"))?;
    let quotes: Vec<&str> = kellogg["quotes"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    ensure!(
        quotes.iter().any(|q| squash(q).contains("chalk on the blackboard")),
        "Keith Kellogg's div.speaker has no blockquote.quote with 'chalk on the blackboard': {quotes:?}"
    );
    let elsewhere = list.iter().filter(|s| !std::ptr::eq(*s, kellogg)).any(|s| {
        s["quotes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .any(|q| q.contains("chalk on the blackboard"))
    });
    ensure!(!elsewhere, "'chalk on the blackboard' is also shown under another speaker");
    Ok(())
}

/// The timeline has the Riyadh meeting on 2025-02-18.
async fn story_timeline(c: &Client, fx: &Fixture) -> Check {
    open_story(c, fx).await?;
    let events = js(
        c,
        "return Array.from(document.querySelectorAll('#timeline li.event'))
            .map(li => [li.getAttribute('data-date'), li.textContent]);",
        vec![],
    )
    .await?;
    let events: Vec<(String, String)> = events
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| (e[0].as_str().unwrap_or_default().to_string(), squash(e[1].as_str().unwrap_or_default())))
        .collect();
    ensure!(!events.is_empty(), "#timeline has no li.event");
    let on_the_day: Vec<&String> = events.iter().filter(|(d, _)| d == "2025-02-18").map(|(_, t)| t).collect();
    ensure!(
        !on_the_day.is_empty(),
        "#timeline has no li.event[data-date=2025-02-18]; dates: {:?}",
        events.iter().map(|(d, _)| d.as_str()).collect::<Vec<_>>()
    );
    ensure!(
        on_the_day.iter().any(|t| t.contains("Riyadh") || t.to_lowercase().contains("meeting")),
        "no event of 2025-02-18 names Riyadh or a meeting: {on_the_day:?}"
    );
    Ok(())
}

/// Where outlets differ: the date of Zelenskyy's visit to Turkey.
async fn story_differences(c: &Client, fx: &Fixture) -> Check {
    open_story(c, fx).await?;
    let conflicts = js(
        c,
        "return Array.from(document.querySelectorAll('#differences li.conflict')).map(li => li.textContent);",
        vec![],
    )
    .await?;
    let conflicts: Vec<String> =
        conflicts.as_array().into_iter().flatten().filter_map(Value::as_str).map(squash).collect();
    ensure!(!conflicts.is_empty(), "#differences has no li.conflict");
    ensure!(
        conflicts.iter().any(|t| t.contains("Zelensk") && (t.contains("Turkey") || t.contains("Turkiye"))),
        "no li.conflict is about Zelenskyy's visit to Turkey: {conflicts:?}"
    );
    Ok(())
}

/// A citation in the summary leads to the article page with the cited sentence as `:target`,
/// highlighted.
async fn citation(c: &Client, fx: &Fixture) -> Check {
    open_story(c, fx).await?;
    let cite = wait_for(c, "#summary a.cite").await?;
    let href = cite.attr("href").await.ctx("reading the citation's href")?.unwrap_or_default();
    let (article, n) = parse_citation(&href)
        .ok_or_else(|| format!("the citation's href is {href:?}, expected /articles/{{id}}#s{{n}}"))?;
    let cited = js(
        c,
        "const a = arguments[0]; const item = a.closest('li, p') || a.parentElement; return item.textContent;",
        vec![serde_json::to_value(&cite).ctx("passing the citation to a script")?],
    )
    .await?;
    let cited = squash(cited.as_str().unwrap_or_default());
    cite.click().await.ctx("clicking the citation")?;
    wait_for(c, &format!("span.sentence#s{n}")).await?;
    let at = current_path(c).await?;
    ensure!(at.path == format!("/articles/{article}"), "the citation led to {}, expected /articles/{article}", at.path);
    ensure!(at.fragment.as_deref() == Some(&format!("s{n}")), "the URL's fragment is {:?}, expected s{n}", at.fragment);
    let target = js(
        c,
        "const t = document.querySelector(':target');
         return t && { id: t.id, tag: t.tagName, cls: t.className, text: t.textContent,
                       bg: getComputedStyle(t).backgroundColor };",
        vec![],
    )
    .await?;
    ensure!(!target.is_null(), "no element matches :target after following {href}");
    ensure!(target["id"] == json!(format!("s{n}")), "the :target is {target}, expected #s{n}");
    ensure!(
        target["cls"].as_str().is_some_and(|c| c.split(' ').any(|c| c == "sentence")),
        "the :target is not a span.sentence: {target}"
    );
    let text = squash(target["text"].as_str().unwrap_or_default());
    ensure!(text.len() > 10, "the cited sentence #s{n} is (nearly) empty: {text:?}");
    ensure!(
        cited.contains(&text),
        "the cited sentence #s{n} {text:?} is not the summary sentence citing it: {cited:?}"
    );
    let bg = target["bg"].as_str().unwrap_or_default();
    ensure!(
        !bg.is_empty() && bg != "transparent" && bg != "rgba(0, 0, 0, 0)",
        "the cited sentence is not highlighted: its background is {bg:?} (expected a :target rule in the stylesheet)"
    );
    screenshot(c, "article").await;
    Ok(())
}

/// `/articles/{id}#s{n}` (maybe absolute) → (id, n).
fn parse_citation(href: &str) -> Option<(i64, usize)> {
    let rest = &href[href.find("/articles/")? + "/articles/".len()..];
    let (id, fragment) = rest.split_once("#s")?;
    Some((id.parse().ok()?, fragment.parse().ok()?))
}

/// The header's search box: type words of a quote, submit, find the article quoting them with
/// the words marked.
async fn header_search(c: &Client, fx: &Fixture) -> Check {
    goto(c, fx, &format!("/articles/{}", fx.kellogg_article)).await?;
    let input = wait_for(c, "header input[name='q']").await?;
    input.send_keys("chalk blackboard").await.ctx("typing into the search box")?;
    input.send_keys("\u{E007}").await.ctx("pressing Enter in the search box")?;
    wait_for(c, "ol.results li.hit").await?;
    let at = current_path(c).await?;
    ensure!(at.path == "/search", "submitting the search box led to {}, expected /search", at.path);
    ensure!(at.query.as_deref().is_some_and(|q| q.contains("chalk")), "the search URL's query is {:?}", at.query);
    let hits = js(
        c,
        "return Array.from(document.querySelectorAll('ol.results li.hit')).map(li => ({
            links: Array.from(li.querySelectorAll('a[href]')).map(a => new URL(a.href).pathname),
            marks: Array.from(li.querySelectorAll('mark')).map(m => m.textContent),
        }));",
        vec![],
    )
    .await?;
    let want = format!("/articles/{}", fx.kellogg_article);
    let hits = hits.as_array().cloned().unwrap_or_default();
    let hit = hits.iter().find(|h| h["links"].as_array().is_some_and(|l| l.iter().any(|p| p == &json!(want))));
    let hit = hit.ok_or_else(|| format!("no result links to {want}: {}", Value::Array(hits.clone())))?;
    let marks: Vec<String> =
        hit["marks"].as_array().into_iter().flatten().filter_map(Value::as_str).map(str::to_lowercase).collect();
    ensure!(
        marks.iter().any(|m| m.contains("chalk") || m.contains("blackboard")),
        "the result for {want} has no <mark> on the searched words: marks {marks:?}"
    );
    screenshot(c, "search").await;
    Ok(())
}

/// A person on the story page links to their entity page.
async fn entity_from_story(c: &Client, fx: &Fixture) -> Check {
    open_story(c, fx).await?;
    let want = entity_href("Keith Kellogg");
    let link = wait_for(c, &format!("#people a[href='{want}']")).await?;
    link.click().await.ctx("clicking Keith Kellogg in #people")?;
    let heading = wait_for(c, "h1").await?;
    let at = current_path(c).await?;
    ensure!(at.path == want, "the link led to {}, expected {want}", at.path);
    let h1 = heading.text().await.ctx("reading the entity page's heading")?;
    ensure!(h1.contains("Kellogg"), "the entity page's h1 is {h1:?}, expected Keith Kellogg");
    let text = body_text(c).await?;
    ensure!(text.contains("Riyadh") || text.contains("Russia"), "the entity page does not mention his story");
    screenshot(c, "entity").await;
    Ok(())
}

/// `/outlets` lists the outlets, each linking to its page.
async fn outlets(c: &Client, fx: &Fixture) -> Check {
    goto(c, fx, "/outlets").await?;
    wait_for(c, "a[href^='/outlets/']").await?;
    let text = body_text(c).await?;
    for outlet in ["Al Jazeera", "BBC"] {
        ensure!(text.contains(outlet), "/outlets does not list {outlet}");
    }
    screenshot(c, "outlets").await;
    Ok(())
}

/// The main pages fit the 1280 px window: nothing sticks out sideways.
async fn no_overflow(c: &Client, fx: &Fixture) -> Check {
    let pages = [
        "/".to_string(),
        format!("/stories/{}", fx.riyadh_story),
        format!("/articles/{}", fx.kellogg_article),
        "/search?q=chalk+blackboard".to_string(),
        entity_href("Keith Kellogg"),
        "/outlets".to_string(),
    ];
    let mut wide = Vec::new();
    for path in &pages {
        goto(c, fx, path).await?;
        let page = js(
            c,
            "const w = document.documentElement.clientWidth;
             const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                 + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
             const out = Array.from(document.querySelectorAll('body, body *'))
                 .filter(e => e.getBoundingClientRect().right > w + 1 || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible');
             return { scroll: document.documentElement.scrollWidth, width: w, wide: out.slice(0, 5).map(name) };",
            vec![],
        )
        .await?;
        if page["scroll"].as_i64() > page["width"].as_i64() {
            wide.push(format!(
                "{path} is {} px wide in a {} px window (sticking out: {})",
                page["scroll"], page["width"], page["wide"]
            ));
        }
    }
    ensure!(wide.is_empty(), "{}", wide.join("; "));
    Ok(())
}

// --- the attacker's checks ---

/// The probe itself, on a page that is injected on purpose: it must see every kind of injection.
async fn probe_self_test(c: &Client) -> Check {
    let page = "data:text/html,<body><p>x<img src=x onerror=\"window.__pwned=1\"></p>\
                <a href=\"javascript:void(0)\">link</a></body>";
    c.goto(page).await.ctx("opening the injected page")?;
    wait_for(c, "a").await?;
    let found = js(c, PROBE, vec![]).await?;
    ensure!(found["pwned"] == json!("number"), "the probe does not see that script ran: {found}");
    ensure!(found["js_links"] == json!(1), "the probe does not see the javascript: link: {found}");
    ensure!(found["handlers"].as_array().is_some_and(|h| h.len() == 1), "the probe does not see the onerror handler");
    ensure!(found["images"] == json!(1), "the probe does not see the injected image: {found}");
    ensure!(probe(c).await.is_err(), "probe() passes an injected page");
    Ok(())
}

/// What a page must never contain, read in the page: script that ran, event-handler
/// attributes, `javascript:` links, injected script or image elements.
const PROBE: &str = "
    const handlers = [];
    for (const e of document.querySelectorAll('*')) {
        for (const a of e.attributes) {
            if (/^on/i.test(a.name)) handlers.push(e.outerHTML.slice(0, 160));
        }
    }
    const jsUrls = Array.from(document.querySelectorAll('[href], [src], [action], [formaction]'))
        .flatMap(e => ['href', 'src', 'action', 'formaction'].map(n => e.getAttribute(n)).filter(v => v !== null))
        .filter(v => /^\\s*javascript:/i.test(v));
    return {
        pwned: typeof window.__pwned,
        handlers: handlers,
        js_links: document.querySelectorAll('a[href^=\"javascript:\" i]').length,
        js_urls: jsUrls,
        scripts: Array.from(document.scripts).filter(s => s.textContent.includes('__pwned')).length,
        images: document.querySelectorAll('img[src=\"x\"]').length,
        text: document.body ? document.body.innerText : '',
        h1: (document.querySelector('h1') || {}).innerText || '',
    };";

/// Every page that shows the hostile articles: nothing runs, nothing is injected, and their
/// markup is shown as text where their title is shown. Suspicious text is hovered and clicked.
async fn xss(c: &Client, fx: &Fixture) -> Check {
    let mut pages: Vec<(String, bool)> = vec![
        ("/".into(), true),
        (format!("/stories/{}", fx.xss_story), true),
        ("/search?q=pwned".into(), true),
        ("/search?q=ferry+fares".into(), true),
        (entity_href("Marta Quillfeather"), false),
        (entity_href("Tobias Wrenfield"), false),
        ("/outlets".into(), false),
        (outlet_href("Harbour <b>Gazette</b>"), false),
    ];
    for (id, title) in &fx.xss_articles {
        let shows_script = title.as_deref().is_some_and(|t| t.contains(SCRIPT));
        pages.push((format!("/articles/{id}"), shows_script));
    }
    let mut problems = Vec::new();
    for (path, shows_script_title) in &pages {
        if let Err(e) = xss_page(c, fx, path, *shows_script_title).await {
            problems.push(format!("{path}: {e}"));
        }
    }
    ensure!(problems.is_empty(), "{}", problems.join("; "));
    Ok(())
}

async fn xss_page(c: &Client, fx: &Fixture, path: &str, shows_script_title: bool) -> Check {
    goto(c, fx, path).await?;
    wait_for(c, "body").await?;
    if path.starts_with("/stories/") {
        screenshot(c, "xss-story").await;
    } else if path.starts_with("/articles/") && shows_script_title {
        screenshot(c, "xss-article").await;
    }
    probe(c).await?;
    let page = js(c, PROBE, vec![]).await?;
    let text = page["text"].as_str().unwrap_or_default();
    ensure!(
        text.contains("ferry")
            || text.contains("Ferry")
            || text.contains("Harbour")
            || text.contains("Quillfeather")
            || text.contains("Wrenfield"),
        "the page shows nothing of the hostile articles (is it an error page?): {:?}",
        text.chars().take(200).collect::<String>()
    );
    if shows_script_title {
        ensure!(text.contains(SCRIPT), "the hostile title's {SCRIPT:?} is not shown as text");
    }
    if path.starts_with("/articles/") {
        ensure!(text.contains("window.__pwned=1"), "the article's markup is not shown as text");
    }
    if path.starts_with("/articles/") && shows_script_title {
        let h1 = page["h1"].as_str().unwrap_or_default();
        ensure!(h1.contains(SCRIPT), "the article's h1 {h1:?} does not show {SCRIPT:?} as text");
    }
    if path == "/outlets" || path.starts_with("/outlets/") {
        ensure!(text.contains("Harbour <b>Gazette</b>"), "the outlet name's markup is not shown as text");
    }
    // Hover and click every element (with a size on screen) whose own text holds the hostile strings.
    js(
        c,
        "let n = 0;
         for (const e of document.body.querySelectorAll('*')) {
             const own = Array.from(e.childNodes).filter(x => x.nodeType === 3).map(x => x.textContent).join('');
             const r = e.getBoundingClientRect();
             const shown = r.width > 0 && r.height > 0;
             if (shown && /pwned|onmouseover|onerror/.test(own) && n < 12) { e.setAttribute('data-probe', n); n++; }
         }
         return n;",
        vec![],
    )
    .await?;
    let marked = c.find_all(Locator::Css("[data-probe]")).await.ctx("finding the hostile text")?;
    for element in marked {
        js(c, "arguments[0].scrollIntoView({block: 'center'});", vec![serde_json::to_value(&element).ctx("element")?])
            .await?;
        let hover = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
            element: element.clone(),
            duration: None,
            x: 0.0,
            y: 0.0,
        });
        c.perform_actions(hover).await.ctx("hovering the hostile text")?;
        let in_link =
            js(c, "return !!arguments[0].closest('a');", vec![serde_json::to_value(&element).ctx("element")?]).await?;
        if in_link == json!(false) {
            element.click().await.ctx("clicking the hostile text")?;
        }
        probe(c).await?;
    }
    Ok(())
}

/// Fails if script ran or the page carries handlers, `javascript:` URLs or injected elements.
async fn probe(c: &Client) -> Check {
    let page = js(c, PROBE, vec![]).await?;
    ensure!(page["pwned"] == json!("undefined"), "window.__pwned is set: injected script ran");
    ensure!(page["js_links"] == json!(0), "the page has a[href^=\"javascript:\"] links");
    ensure!(
        page["js_urls"].as_array().is_some_and(Vec::is_empty),
        "the page has javascript: URLs: {}",
        page["js_urls"]
    );
    ensure!(
        page["handlers"].as_array().is_some_and(Vec::is_empty),
        "the page has event-handler attributes: {}",
        page["handlers"]
    );
    ensure!(page["scripts"] == json!(0), "the page has a <script> element holding the article's script");
    ensure!(page["images"] == json!(0), "the page has the article's <img src=x>");
    Ok(())
}

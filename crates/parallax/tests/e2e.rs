//! End-to-end tests: the `parallax` binary over the example story, over articles of our own in
//! other styles (`tests/fixtures/`), and over bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax")).args(args).current_dir(root()).output().expect("parallax runs")
}

fn analyze(input: &str) -> Value {
    let out = parallax(&["analyze", input]);
    assert!(out.status.success(), "analyze {input} failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn article<'a>(analysis: &'a Value, file: &str) -> &'a Value {
    analysis["articles"]
        .as_array()
        .and_then(|a| a.iter().find(|x| x["source"].as_str().is_some_and(|s| s.ends_with(file))))
        .unwrap_or_else(|| panic!("no article {file}"))
}

fn quote_speaker<'a>(art: &'a Value, words: &str) -> Option<&'a str> {
    let quotes = art["quotes"].as_array()?;
    let q = quotes.iter().find(|q| q["text"].as_str().is_some_and(|t| t.contains(words)))?;
    q["speaker"].as_str()
}

fn time_values(art: &Value, words: &str) -> Vec<String> {
    art["times"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| t["text"].as_str().is_some_and(|x| x.contains(words)))
        .map(|t| t["value"].as_str().unwrap_or("").to_string())
        .collect()
}

mod seeds {
    use super::*;

    fn riyadh() -> Value {
        analyze("examples/riyadh")
    }

    #[test]
    fn chalk_on_the_blackboard_is_kelloggs() {
        let a = riyadh();
        let bbc = article(&a, "002_ba10de50f7d1647a.txt");
        assert_eq!(quote_speaker(bbc, "It may be like chalk on the blackboard"), Some("Keith Kellogg"));
    }

    #[test]
    fn tuesday_in_the_al_jazeera_article_is_the_18th() {
        let a = riyadh();
        let aj = article(&a, "003_ceb0f285d05f7daf.txt");
        let values = time_values(aj, "Tuesday");
        assert!(!values.is_empty());
        assert!(values.iter().all(|v| v == "2025-02-18"), "{values:?}");
    }

    #[test]
    fn metadata_is_read_or_inferred() {
        let a = riyadh();
        let bbc = article(&a, "002_ba10de50f7d1647a.txt");
        assert_eq!(bbc["published"], "2025-02-16");
        assert_eq!(bbc["outlet"], "BBC");
        assert!(!bbc["text"].as_str().unwrap_or("").contains("date 2025"));
        let aj = article(&a, "003_ceb0f285d05f7daf.txt");
        assert_eq!(aj["outlet"], "Al Jazeera");
        assert_eq!(aj["published"], "2025-02-17");
        assert_eq!(aj["published_from"], "inferred");
    }

    #[test]
    fn scraped_noise_is_removed_and_listed() {
        let a = riyadh();
        let ap = article(&a, "000_b4f3670344740dac.txt");
        let text = ap["text"].as_str().unwrap_or("");
        assert!(!text.contains("AP Photo") && !text.contains("sign up") && !text.contains("* Ahead of UN"));
        let reasons: Vec<&str> =
            ap["removed"].as_array().into_iter().flatten().filter_map(|r| r["reason"].as_str()).collect();
        assert!(reasons.contains(&"caption"), "{reasons:?}");
        // the scare quote gets no speaker (checked over a non-empty list of quotes)
        let quotes = ap["quotes"].as_array().expect("the article's quotes");
        assert!(!quotes.is_empty());
        assert!(!quotes.iter().any(|q| q["text"] == "third way" && !q["speaker"].is_null()), "{quotes:?}");
    }

    #[test]
    fn one_story_one_zelenskyy_and_a_conflict_over_turkey() {
        let a = riyadh();
        let stories = a["stories"].as_array().expect("stories");
        assert_eq!(stories.len(), 1);
        let story = &stories[0];
        assert_eq!(story["articles"].as_array().map(Vec::len), Some(3));
        let zelensky: Vec<&Value> = story["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|e| e["name"].as_str().is_some_and(|n| n.contains("Zelensk")))
            .collect();
        assert_eq!(zelensky.len(), 1, "one identity across spellings");
        let aliases = zelensky[0]["aliases"].to_string();
        assert!(aliases.contains("Zelensky\"") && aliases.contains("Zelenskyy"), "{aliases}");
        let conflicts = story["conflicts"].to_string();
        assert!(conflicts.contains("Turkey") && conflicts.contains("2025-02-17") && conflicts.contains("2025-02-18"));
        let aligned = story["aligned_quotes"].to_string();
        assert!(aligned.contains("restoring the whole complex of Russian-American relations"));
    }

    #[test]
    fn brief_has_every_section() {
        let out = parallax(&["brief", "examples/riyadh"]);
        assert!(out.status.success());
        let brief = String::from_utf8_lossy(&out.stdout);
        for section in ["## Summary", "## Who's who", "## Who said what", "## Timeline", "## How the outlets differ"] {
            assert!(brief.contains(section), "missing {section}");
        }
        assert!(brief.contains("**Keith Kellogg**"));
        assert!(brief.contains("2025-02-18"));
    }

    /// The bullets under a bold `heading` of the brief.
    fn bullets<'b>(brief: &'b str, heading: &str) -> Vec<&'b str> {
        let after = brief.split(&format!("**{heading}**")).nth(1).unwrap_or_default();
        after.lines().skip_while(|l| l.trim().is_empty()).take_while(|l| l.starts_with("- ")).collect()
    }

    #[test]
    fn json_and_brief_agree_on_how_the_outlets_differ() {
        let a = riyadh();
        let out = parallax(&["brief", "examples/riyadh"]);
        assert!(out.status.success());
        let brief = String::from_utf8_lossy(&out.stdout);
        let comparison = &a["stories"][0]["comparison"];
        let count = |key: &str| comparison[key].as_array().map_or(0, Vec::len);
        assert_eq!(bullets(&brief, "Corroborated by several outlets").len(), count("corroborated"));
        assert_eq!(bullets(&brief, "Reported by one outlet only").len(), count("single_source"));
        assert_eq!(bullets(&brief, "Conflicting").len(), count("conflicting"));
        // undated events with a place are compared in both (the brief once left them out)
        let undated = comparison["single_source"].as_array().into_iter().flatten().filter(|e| e["date"].is_null());
        for event in undated {
            let line =
                format!("- {} in {}", event["kind"].as_str().unwrap_or("?"), event["place"].as_str().unwrap_or("?"));
            assert!(brief.lines().any(|l| l.starts_with(&line) && !l.contains(" on 2")), "missing {line}");
        }
        assert_eq!(a["stories"][0]["headline"].as_str().map(|h| format!("# {h}")).as_deref(), brief.lines().next());
    }
}

mod commands {
    use super::*;

    #[test]
    fn quotes_filters_by_any_spelling_of_the_speaker() {
        let out = parallax(&["quotes", "examples/riyadh", "--speaker", "zelensky", "--format", "json"]);
        assert!(out.status.success());
        let rows: Value = serde_json::from_slice(&out.stdout).expect("JSON rows");
        let rows = rows.as_array().expect("array");
        assert!(rows.len() >= 4);
        assert!(rows.iter().all(|r| r["speaker"] == "Volodymyr Zelenskyy"));
        // both outlets' spellings land under one speaker
        assert!(rows.iter().any(|r| r["outlet"] == "BBC") && rows.iter().any(|r| r["outlet"] == "Al Jazeera"));
    }

    #[test]
    fn quotes_lists_mixed_speech_as_its_own_kind() {
        let out = parallax(&["quotes", "examples/riyadh", "--kind", "mixed", "--format", "json"]);
        assert!(out.status.success());
        let rows: Value = serde_json::from_slice(&out.stdout).expect("JSON rows");
        let rows = rows.as_array().expect("array");
        assert!(rows.len() >= 5, "{rows:?}");
        // reported speech that quotes some of its words, marks included
        assert!(rows.iter().all(|r| r["kind"] == "indirect" && r["mixed"] == true));
        // (a quote left open at the end of its paragraph has no closing mark)
        assert!(rows.iter().all(|r| r["quote"].as_str().is_some_and(|q| q.contains('“'))));
        assert!(rows.iter().filter(|r| r["quote"].as_str().is_some_and(|q| q.ends_with('”'))).count() >= 5);
    }

    #[test]
    fn quotes_csv_quotes_fields_with_commas() {
        let out =
            parallax(&["quotes", "examples/riyadh", "--speaker", "Scholz", "--kind", "direct", "--format", "csv"]);
        assert!(out.status.success());
        let csv = String::from_utf8_lossy(&out.stdout);
        let mut lines = csv.lines();
        assert_eq!(lines.next(), Some("speaker,quote,kind,cue,outlet,published,article,speaker_text"));
        let rows: Vec<&str> = lines.collect();
        assert!(rows.len() >= 4 && rows.iter().all(|l| l.starts_with("Olaf Scholz,")));
        assert!(rows.iter().any(|l| l.contains("\"We welcome the fact that talks are taking place, that peace")));
    }

    #[test]
    fn timeline_lists_dated_events_in_order_with_sources() {
        let out = parallax(&["timeline", "examples/riyadh", "--format", "json"]);
        assert!(out.status.success());
        let stories: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let events = stories[0]["events"].as_array().expect("events");
        let dates: Vec<&str> = events.iter().filter_map(|e| e["date"].as_str()).collect();
        let mut sorted = dates.clone();
        sorted.sort();
        assert_eq!(dates, sorted);
        let call = events.iter().find(|e| e["kind"] == "call" && e["date"] == "2025-02-12").expect("Trump-Putin call");
        assert!(call["sources"].as_array().is_some_and(|s| !s.is_empty()));
        let md = parallax(&["timeline", "examples/riyadh"]);
        assert!(String::from_utf8_lossy(&md.stdout).contains("## 2025-02-18"));
    }
}

mod fixtures {
    use super::*;

    fn nairobi() -> Value {
        analyze("tests/fixtures/nairobi")
    }

    #[test]
    fn stories_separate_politics_from_sport() {
        let a = nairobi();
        let stories = a["stories"].as_array().expect("stories");
        assert_eq!(stories.len(), 2);
        let sizes: Vec<usize> = stories.iter().filter_map(|s| s["articles"].as_array().map(Vec::len)).collect();
        assert!(sizes.contains(&2) && sizes.contains(&1), "{sizes:?}");
    }

    #[test]
    fn one_story_puts_every_input_in_one_story_for_every_command() {
        let briefs = |args: &[&str]| {
            let out = parallax(args);
            assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
            String::from_utf8_lossy(&out.stdout).matches("article(s)._").count()
        };
        assert_eq!(briefs(&["brief", "tests/fixtures/nairobi"]), 2);
        assert_eq!(briefs(&["brief", "--one-story", "tests/fixtures/nairobi"]), 1);
        let timelines = |args: &[&str]| -> usize {
            let out = parallax(args);
            let value: Value = serde_json::from_slice(&out.stdout).expect("timeline JSON");
            value.as_array().map_or(0, Vec::len)
        };
        assert_eq!(timelines(&["timeline", "--format", "json", "tests/fixtures/nairobi"]), 2);
        assert_eq!(timelines(&["timeline", "--format", "json", "--one-story", "tests/fixtures/nairobi"]), 1);
        let out = parallax(&["quotes", "--one-story", "--format", "json", "tests/fixtures/nairobi"]);
        assert!(out.status.success());
    }

    #[test]
    fn speakers_across_styles() {
        let a = nairobi();
        let reuters = article(&a, "reuters_ruto_abiy.txt");
        assert_eq!(quote_speaker(reuters, "We will not allow a river"), Some("William Ruto"));
        // a quote continuing the attributed one in the same paragraph
        assert_eq!(quote_speaker(reuters, "Water must be a bridge"), Some("William Ruto"));
        // inverted attribution, then a pronoun
        assert_eq!(quote_speaker(reuters, "This is a good start"), Some("Amina Mohamed"));
        assert_eq!(quote_speaker(reuters, "cannot be rushed"), Some("Amina Mohamed"));
        // a name in apposition to a role
        assert_eq!(quote_speaker(reuters, "ready to share data"), Some("Gedion Timothewos"));
        let sport = article(&a, "sport_derby.txt");
        assert_eq!(quote_speaker(sport, "The boys showed character"), Some("Leonardo Martins Neiva"));
    }

    #[test]
    fn dateline_day_and_weekdays_resolve() {
        let a = nairobi();
        let reuters = article(&a, "reuters_ruto_abiy.txt");
        assert_eq!(reuters["published"], "2025-06-10");
        assert_eq!(reuters["outlet"], "Reuters");
        assert_eq!(time_values(reuters, "Thursday"), vec!["2025-06-12"]);
        assert_eq!(time_values(reuters, "Sunday"), vec!["2025-06-08"]);
        let nation = article(&a, "nation_abiy_arrives.txt");
        assert_eq!(time_values(nation, "Saturday"), vec!["2025-06-07"]);
    }

    #[test]
    fn outlets_disagree_on_the_call_and_quote_one_statement() {
        let a = nairobi();
        let story = a["stories"]
            .as_array()
            .and_then(|s| s.iter().find(|s| s["articles"].as_array().map(Vec::len) == Some(2)))
            .expect("the Nairobi story");
        let conflicts = story["conflicts"].to_string();
        assert!(conflicts.contains("call") && conflicts.contains("2025-06-07") && conflicts.contains("2025-06-08"));
        let aligned = story["aligned_quotes"].as_array().expect("aligned");
        assert_eq!(aligned.len(), 1);
        assert_eq!(aligned[0]["speaker"], "Gedion Timothewos");
    }

    #[test]
    fn one_story_keeps_all_inputs_together() {
        let out = parallax(&["analyze", "--one-story", "tests/fixtures/nairobi"]);
        assert!(out.status.success());
        let a: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(a["stories"].as_array().map(Vec::len), Some(1));
        assert_eq!(a["stories"][0]["articles"].as_array().map(Vec::len), Some(3));
    }

    #[test]
    fn captions_and_footers_are_removed() {
        let a = nairobi();
        let nation = article(&a, "nation_abiy_arrives.txt");
        let text = nation["text"].as_str().unwrap_or("");
        assert!(!text.contains("Photo:") && !text.contains("newsletter"));
        assert_eq!(nation["removed"].as_array().map(Vec::len), Some(3));
    }
}

mod bad_input {
    use super::*;

    #[test]
    fn each_bad_input_gets_one_line_and_the_rest_is_analysed() {
        let out = parallax(&["analyze", "tests/fixtures/bad"]);
        assert_eq!(out.status.code(), Some(1), "some inputs failed");
        let stderr = String::from_utf8_lossy(&out.stderr);
        for name in ["empty.txt", "binary.txt", "mixed.jsonl:2"] {
            let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(name)).collect();
            assert_eq!(lines.len(), 1, "one line for {name}: {stderr}");
        }
        let analysis: Value = serde_json::from_slice(&out.stdout).expect("valid JSON despite errors");
        let sources: Vec<&str> =
            analysis["articles"].as_array().into_iter().flatten().filter_map(|a| a["source"].as_str()).collect();
        assert_eq!(
            sources,
            vec!["tests/fixtures/bad/latin1.txt", "ok-1", "ok-2"],
            "Latin-1 text is decoded, not rejected"
        );
        let latin1 = article(&analysis, "latin1.txt");
        assert!(latin1["text"].as_str().is_some_and(|t| t.starts_with("café au lait")), "{}", latin1["text"]);
        assert!(latin1["notes"].as_array().into_iter().flatten().any(|n| n == "decoded as windows-1252 (detected)"));
        let ok2 = article(&analysis, "ok-2");
        assert_eq!(quote_speaker(ok2, "The bridge is unsafe"), Some("Jane Okafor"));
    }

    #[test]
    fn a_missing_file_is_reported_not_fatal() {
        let out = parallax(&["analyze", "no/such/file.txt", "tests/fixtures/nairobi/sport_derby.txt"]);
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
        let analysis: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        assert_eq!(analysis["articles"].as_array().map(Vec::len), Some(1));
    }

    #[test]
    fn standard_input_is_read_when_no_input_is_given() {
        use std::io::Write;
        let record = r#"{"id": "stdin-1", "text": "\"We will rebuild,\" Mayor Ana Silva said on Monday.", "published": "2025-04-09", "outlet": "Folha"}"#;
        let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(["analyze"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("parallax runs");
        child.stdin.take().expect("stdin").write_all(record.as_bytes()).expect("write");
        let out = child.wait_with_output().expect("output");
        assert!(out.status.success());
        let a: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let art = article(&a, "stdin-1");
        assert_eq!(quote_speaker(art, "We will rebuild"), Some("Ana Silva"));
        assert_eq!(time_values(art, "Monday"), vec!["2025-04-07"]);
    }

    #[test]
    fn jsonl_output_has_one_object_per_line() {
        let out = parallax(&["analyze", "--format", "jsonl", "examples/riyadh"]);
        assert!(out.status.success());
        let lines: Vec<Value> =
            String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
        assert_eq!(lines.len(), 4, "three articles and one story");
        assert!(lines[3].get("story").is_some());
    }
}

mod bad_files_in_a_temporary_directory {
    use super::*;
    use std::io::Write;

    /// A fresh temporary directory for one test.
    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("parallax-e2e-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn each_bad_file_is_one_line_and_the_good_one_is_analysed() {
        let dir = temp_dir("bad");
        let good = "\"The ferry will run again,\" Mayor Jane Okafor said on Monday.";
        std::fs::write(dir.join("a_good.txt"), good).expect("write");
        // a gzip file cut in the middle
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all("The council met on Monday. ".repeat(2000).as_bytes()).expect("gzip");
        let gz = gz.finish().expect("gzip");
        std::fs::write(dir.join("b_truncated.txt.gz"), &gz[..gz.len() / 2]).expect("write");
        // a WARC file cut inside its only record
        let record = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Cut";
        std::fs::write(dir.join("c_truncated.warc"), record).expect("write");
        std::fs::write(dir.join("d_nobody.html"), "<html><head><title>Only a title</title></head></html>")
            .expect("write");
        std::fs::write(dir.join("e_empty.txt"), "").expect("write");
        std::fs::write(dir.join("f_binary.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3]).expect("write");
        // 50 MB on one line, as text and as one JSON Lines record
        let line = "word ".repeat(10 << 20);
        std::fs::write(dir.join("g_one_line.txt"), &line).expect("write");
        std::fs::write(dir.join("h_one_line.jsonl"), format!("{{\"text\": \"{line}\"}}\n")).expect("write");
        let started = std::time::Instant::now();
        let out = parallax(&["analyze", &dir.display().to_string()]);
        let took = started.elapsed();
        assert_eq!(out.status.code(), Some(1), "some inputs failed");
        let stderr = String::from_utf8_lossy(&out.stderr);
        for name in [
            "b_truncated.txt.gz",
            "c_truncated.warc[1]",
            "d_nobody.html",
            "e_empty.txt",
            "f_binary.txt",
            "g_one_line.txt",
            "h_one_line.jsonl:1",
        ] {
            assert_eq!(stderr.lines().filter(|l| l.contains(name)).count(), 1, "one line for {name}: {stderr}");
        }
        assert!(took.as_secs() < 60, "50 MB lines are skipped quickly, not analysed ({took:?})");
        let analysis: Value = serde_json::from_slice(&out.stdout).expect("valid JSON despite errors");
        assert_eq!(analysis["articles"].as_array().map(Vec::len), Some(1), "{stderr}");
        assert_eq!(quote_speaker(article(&analysis, "a_good.txt"), "The ferry will run again"), Some("Jane Okafor"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}

mod languages {
    use super::*;

    #[test]
    fn german_and_french_articles_are_kept_marked_and_not_analysed() {
        let out =
            parallax(&["analyze", "tests/fixtures/ingest/languages.jsonl", "tests/fixtures/ingest/faehre_cp1252.html"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let a: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        assert_eq!(a["articles"].as_array().map(Vec::len), Some(5), "non-English articles are kept");
        for (source, language) in [("de-1", "de"), ("fr-1", "fr"), ("faehre_cp1252.html", "de")] {
            let art = article(&a, source);
            assert_eq!(art["language"], language, "{source}");
            let note = format!("language is {language}: English-only stages (entities, times, quotes, events) skipped");
            assert!(art["notes"].as_array().into_iter().flatten().any(|n| *n == note), "{source}: {}", art["notes"]);
            for layer in ["entities", "quotes", "times", "events"] {
                assert_eq!(art[layer].as_array().map(Vec::len), Some(0), "{source} {layer}");
            }
        }
        let page = article(&a, "faehre_cp1252.html");
        assert!(page["text"].as_str().is_some_and(|t| t.contains("„Das Schiff fährt leiser")), "{}", page["text"]);
        assert!(page["notes"].as_array().into_iter().flatten().any(|n| n == "decoded as windows-1252 (meta charset)"));
        let en = article(&a, "en-1");
        assert_eq!(en["language"], "en");
        assert_eq!(quote_speaker(en, "We have waited long enough"), Some("Katrin Albers"));
        let short = article(&a, "en-short");
        assert_eq!(short["language"], Value::Null, "too short to tell: treated as English");
        assert_eq!(time_values(short, "Monday"), vec!["2025-03-03"]);
    }
}

mod ingest_readers_and_duplicates {
    use super::*;

    fn run(inputs: &[&str]) -> (Value, String) {
        let mut args = vec!["analyze"];
        args.extend_from_slice(inputs);
        let out = parallax(&args);
        let analysis: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        (analysis, String::from_utf8_lossy(&out.stderr).into_owned())
    }

    fn by_source<'a>(analysis: &'a Value, source: &str) -> &'a Value {
        analysis["articles"]
            .as_array()
            .and_then(|a| a.iter().find(|x| x["source"] == source))
            .unwrap_or_else(|| panic!("no article {source}"))
    }

    #[test]
    fn wire_copies_are_marked_and_stay_in_their_story() {
        let (a, _) = run(&["tests/fixtures/ingest/wire.jsonl"]);
        assert_eq!(by_source(&a, "ap-1")["duplicate_of"], Value::Null);
        assert_eq!(by_source(&a, "other-1")["duplicate_of"], Value::Null);
        assert_eq!(by_source(&a, "star-1")["duplicate_of"], "ap-1", "exact copy");
        assert_eq!(by_source(&a, "post-1")["duplicate_of"], "ap-1", "edited copy: dateline, dropped paragraph, footer");
        assert_eq!(a["articles"].as_array().map(Vec::len), Some(4), "copies are not dropped");
        let stories = a["stories"].as_array().expect("stories");
        assert!(stories.iter().any(|s| s["articles"].as_array().is_some_and(|m| m.len() == 3)), "{stories:?}");
    }

    #[test]
    fn the_brief_shows_copies_under_their_original_and_never_cites_them_beside_it() {
        let out = parallax(&["brief", "tests/fixtures/ingest/wire.jsonl"]);
        let brief = String::from_utf8_lossy(&out.stdout);
        assert!(brief.contains("2. star-1 (The Star, 2025-02-18) — a copy of [1]"), "{brief}");
        assert!(brief.contains("3. post-1 (The Post, 2025-02-18) — a copy of [1]"), "{brief}");
        let summary = brief.split("## Summary").nth(1).and_then(|s| s.split("## ").next()).unwrap_or_default();
        assert!(summary.contains("[1]") && !summary.contains("[2]") && !summary.contains("[3]"), "{summary}");
    }

    #[test]
    fn stream_mode_writes_each_story_after_its_articles_with_copies_marked() {
        let out = parallax(&["analyze", "--stream", "tests/fixtures/ingest/wire.jsonl", "tests/fixtures/nairobi"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let lines: Vec<Value> =
            String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
        assert_eq!(lines.iter().filter(|l| l.get("source").is_some()).count(), 7, "every article once");
        let mut pending = Vec::new();
        for line in &lines {
            match line.get("story") {
                Some(story) if line.get("source").is_none() => {
                    let members: Vec<&str> =
                        story["articles"].as_array().expect("articles").iter().filter_map(Value::as_str).collect();
                    assert_eq!(members, pending, "a story follows its own articles");
                    assert!(line["story"]["headline"].is_string());
                    pending.clear();
                }
                _ => pending.push(line["source"].as_str().expect("source")),
            }
        }
        assert!(pending.is_empty());
        let star = lines.iter().find(|l| l["source"] == "star-1").expect("star-1");
        assert_eq!(star["duplicate_of"], "ap-1");
        let ap = lines.iter().find(|l| l["source"] == "ap-1").expect("ap-1");
        assert_eq!(star["story"], ap["story"]);
    }

    #[test]
    fn rss_and_atom_items_become_articles() {
        let (a, stderr) = run(&["tests/fixtures/ingest/feed.rss", "tests/fixtures/ingest/feed.atom"]);
        let err: Vec<&str> = stderr.lines().filter(|l| l.contains("feed.rss[3]")).collect();
        assert_eq!(err.len(), 1, "{stderr}");
        let aj = by_source(&a, "https://www.aljazeera.com/news/2025/2/18/rubio-lavrov");
        assert_eq!(aj["outlet"], "Al Jazeera");
        assert_eq!(aj["published"], "2025-02-18");
        assert_eq!(aj["title"], "Rubio and Lavrov meet in Riyadh");
        assert_eq!(quote_speaker(aj, "We agreed to keep talking"), Some("Sergey Lavrov"));
        let g = by_source(&a, "https://www.theguardian.com/world/2025/feb/19/summary");
        assert_eq!(g["outlet"], "The Guardian");
        assert!(g["text"].as_str().is_some_and(|t| t.starts_with("European leaders met in Paris")));
        assert_eq!(a["articles"].as_array().map(Vec::len), Some(4));
    }

    #[test]
    fn warc_responses_become_articles_and_truncation_keeps_what_was_read() {
        for file in ["crawl.warc", "crawl.warc.gz"] {
            let (a, stderr) = run(&[&format!("tests/fixtures/ingest/{file}")]);
            assert_eq!(stderr.lines().filter(|l| l.contains(&format!("{file}[8]"))).count(), 1, "{stderr}");
            let arts = a["articles"].as_array().expect("articles");
            assert_eq!(arts.len(), 2, "request, metadata, warcinfo, image and redirect records are skipped");
            let r = by_source(&a, "https://www.reuters.com/world/talks");
            assert_eq!(r["outlet"], "Reuters");
            assert!(r["published"].as_str().is_some_and(|p| p.starts_with("2025-02-18")));
            let cafe = by_source(&a, "https://example.com/cafe");
            assert!(cafe["text"].as_str().is_some_and(|t| t.contains("The café in Paris")), "charset from HTTP header");
        }
        let (a, stderr) = run(&["tests/fixtures/ingest/truncated.warc.gz"]);
        assert!(stderr.contains("truncated.warc.gz[4]"), "{stderr}");
        assert_eq!(a["articles"].as_array().map(Vec::len), Some(1));
    }
}

/// Articles that once made a stage panic (`tests/fixtures/crash/`), analysed beside the example
/// story: every article comes out, no stage fails, and the run succeeds.
mod robustness {
    use super::*;

    #[test]
    fn articles_that_once_crashed_a_stage_are_analysed_with_the_others() {
        let out = parallax(&["analyze", "tests/fixtures/crash", "examples/riyadh"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "no article degraded: {stderr}");
        let analysis: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        let articles = analysis["articles"].as_array().expect("articles");
        // every file is read as an article, the fixtures' README too
        let crash_cases = std::fs::read_dir(root().join("tests/fixtures/crash")).expect("fixtures").count();
        let seeds = std::fs::read_dir(root().join("examples/riyadh")).expect("examples").count();
        assert!(crash_cases > 1);
        assert_eq!(articles.len(), crash_cases + seeds, "every article is in the output");
        for art in articles {
            let failed: Vec<&Value> =
                art["diagnostics"].as_array().into_iter().flatten().filter(|d| d["kind"] == "failed").collect();
            assert!(failed.is_empty(), "{}: {failed:?}", art["source"]);
        }
    }
}

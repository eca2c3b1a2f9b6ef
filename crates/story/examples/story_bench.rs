//! Times the story layer alone over a corpus, for comparing changes to it:
//!
//! ```text
//! taskset -c 0 cargo run --release -p parallax-story --example story_bench -- RUNS INPUT...
//! ```
//!
//! Analyses every article once, then builds the stories `RUNS` times over copies of the analysed
//! articles and prints the median time of clustering, copies and story building, the median
//! CPU time of the whole layer (on a loaded machine, steadier than the wall clock), and a hash of
//! the JSON report (equal hashes: the same output).

use std::hash::Hasher;
use std::time::Duration;

/// Feeds the JSON report's bytes to a hasher.
struct HashWriter(std::collections::hash_map::DefaultHasher);

impl std::io::Write for HashWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The CPU time this process's threads have run so far (the sum of `/proc/self/task/*/schedstat`'s
/// first field; zero where there is no such file).
fn cpu_time() -> Duration {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else { return Duration::ZERO };
    let nanos: u64 = tasks
        .filter_map(Result::ok)
        .filter_map(|task| std::fs::read_to_string(task.path().join("schedstat")).ok())
        .filter_map(|line| line.split_whitespace().next().and_then(|n| n.parse::<u64>().ok()))
        .sum();
    Duration::from_nanos(nanos)
}

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort_unstable();
    times.get(times.len() / 2).map_or(0.0, Duration::as_secs_f64)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(0);
    let inputs: Vec<String> = args.collect();
    if runs == 0 || inputs.is_empty() {
        eprintln!("usage: story_bench RUNS INPUT...");
        std::process::exit(2);
    }
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a thread pool");
    let docs: Vec<parallax_doc::Doc> = pool.install(|| {
        let mut docs: Vec<parallax_doc::Doc> = parallax_ingest::read_inputs(&inputs).filter_map(Result::ok).collect();
        let started = std::time::Instant::now();
        docs.iter_mut().for_each(parallax_analyze::analyze);
        eprintln!("{} articles analysed in {:.3} s", docs.len(), started.elapsed().as_secs_f64());
        docs
    });
    let (mut clustering, mut copies, mut stories, mut total) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut cpu = Vec::new();
    let mut hash = 0;
    for _ in 0..runs {
        let copy = docs.clone();
        let cpu_before = cpu_time();
        let (analysis, times) = pool.install(|| parallax_story::build_timed(copy));
        cpu.push(cpu_time().saturating_sub(cpu_before));
        clustering.push(times.clustering);
        copies.push(times.dedup);
        stories.push(times.stories);
        total.push(times.clustering + times.dedup + times.stories);
        let mut out = HashWriter(Default::default());
        serde_json::to_writer_pretty(&mut out, &parallax_story::report::AnalysisJson(&analysis)).expect("in memory");
        hash = out.0.finish();
    }
    println!(
        "story layer {:.3} s: clustering {:.3}, copies {:.3}, stories {:.3} (median of {runs}); CPU {:.3} s; output hash {hash:016x}",
        median(total),
        median(clustering),
        median(copies),
        median(stories),
        median(cpu)
    );
}

//! Timing helpers shared by the benchmarks: median and p99 of repeated runs,
//! printed as rows and as ratios against a baseline measured in the same run.
#![allow(dead_code)]

pub mod dataset;
pub mod plain;

use std::time::{Duration, Instant};

pub struct Stats {
    pub median: Duration,
    pub p99: Duration,
}

pub fn measure(runs: usize, mut f: impl FnMut()) -> Stats {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    Stats {
        median: times[runs / 2],
        p99: times[(runs * 99 / 100).min(runs - 1)],
    }
}

pub fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

pub fn row(label: &str, s: &Stats) {
    println!(
        "{label:<44} median {:>11}  p99 {:>11}",
        ms(s.median),
        ms(s.p99)
    );
}

pub fn ratio(label: &str, keel: &Stats, base: &Stats) {
    println!(
        "{label:<44} median {:>7.2}x     p99 {:>7.2}x",
        keel.median.as_secs_f64() / base.median.as_secs_f64(),
        keel.p99.as_secs_f64() / base.p99.as_secs_f64()
    );
}

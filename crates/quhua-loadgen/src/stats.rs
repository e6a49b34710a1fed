//! Latencies and status counts of one kind of request, and their summary.

use std::collections::BTreeMap;
use std::time::Duration;

/// Recorded requests of one kind.
#[derive(Debug, Default, Clone)]
pub struct Record {
    /// Latencies, microseconds.
    pub micros: Vec<u64>,
    /// Answers by status code (0: the connection failed).
    pub statuses: BTreeMap<u16, u64>,
}

impl Record {
    /// Records one request.
    pub fn add(&mut self, latency: Duration, status: u16) {
        self.micros
            .push(u64::try_from(latency.as_micros()).unwrap_or(u64::MAX));
        *self.statuses.entry(status).or_default() += 1;
    }

    /// Adds another record's requests.
    pub fn merge(&mut self, other: Record) {
        self.micros.extend(other.micros);
        for (s, n) in other.statuses {
            *self.statuses.entry(s).or_default() += n;
        }
    }

    /// Requests recorded.
    pub fn count(&self) -> u64 {
        self.micros.len() as u64
    }

    /// Requests whose status is not in `ok`.
    pub fn others(&self, ok: &[u16]) -> u64 {
        self.statuses
            .iter()
            .filter(|(s, _)| !ok.contains(s))
            .map(|(_, n)| n)
            .sum()
    }

    /// Requests answered 5xx or not at all.
    pub fn server_errors(&self) -> u64 {
        self.statuses
            .iter()
            .filter(|(s, _)| **s >= 500 || **s == 0)
            .map(|(_, n)| n)
            .sum()
    }

    /// The summary over `secs` seconds of running.
    pub fn summary(&self, secs: f64) -> Summary {
        let mut v = self.micros.clone();
        v.sort_unstable();
        let q = |p: f64| -> f64 {
            if v.is_empty() {
                return 0.0;
            }
            // Nearest rank.
            let rank = ((p * v.len() as f64).ceil() as usize).clamp(1, v.len());
            v[rank - 1] as f64 / 1000.0
        };
        Summary {
            count: v.len() as u64,
            per_sec: if secs > 0.0 {
                v.len() as f64 / secs
            } else {
                0.0
            },
            p50: q(0.50),
            p90: q(0.90),
            p99: q(0.99),
            max: v.last().map_or(0.0, |m| *m as f64 / 1000.0),
            statuses: self
                .statuses
                .iter()
                .map(|(s, n)| format!("{s}×{n}"))
                .collect::<Vec<_>>()
                .join(" "),
        }
    }
}

/// Percentiles (milliseconds), throughput and statuses of a [`Record`].
#[derive(Debug, Clone)]
pub struct Summary {
    /// Requests.
    pub count: u64,
    /// Requests per second.
    pub per_sec: f64,
    /// Median, ms.
    pub p50: f64,
    /// 90th percentile, ms.
    pub p90: f64,
    /// 99th percentile, ms.
    pub p99: f64,
    /// Slowest, ms.
    pub max: f64,
    /// `status×count …`.
    pub statuses: String,
}

/// The header of the Markdown table [`Summary::row`] writes.
pub const TABLE_HEAD: &str = "| requests | count | req/s | p50 ms | p90 ms | p99 ms | max ms | statuses |\n|---|---:|---:|---:|---:|---:|---:|---|";

impl Summary {
    /// One Markdown table row.
    pub fn row(&self, name: &str) -> String {
        format!(
            "| {name} | {} | {:.0} | {:.1} | {:.1} | {:.1} | {:.1} | {} |",
            self.count, self.per_sec, self.p50, self.p90, self.p99, self.max, self.statuses
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let mut r = Record::default();
        for ms in 1..=100 {
            r.add(Duration::from_millis(ms), if ms == 100 { 500 } else { 200 });
        }
        let s = r.summary(10.0);
        assert_eq!((s.p50, s.p90, s.p99, s.max), (50.0, 90.0, 99.0, 100.0));
        assert_eq!(s.per_sec, 10.0);
        assert_eq!(r.server_errors(), 1);
        assert_eq!(r.others(&[200]), 1);
        assert_eq!(s.statuses, "200×99 500×1");
    }
}

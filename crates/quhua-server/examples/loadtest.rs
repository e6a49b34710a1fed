//! Load test: N concurrent keep-alive clients POST to `/api/counties/{code}/evaluate` on a
//! running server for a fixed time; prints p50/p90/p99/max latency and throughput.
//!
//! ```sh
//! quhua serve --demo --addr 127.0.0.1:8080 &   # release build
//! cargo run --release -p quhua-server --example loadtest -- \
//!     --addr 127.0.0.1:8080 --clients 200 --seconds 15
//! ```
//!
//! The clients rotate over a few realistic scenarios (1–7 operations, from the demo's sample
//! scheme). The server caches finished responses (LRU per county), so by default this
//! measures the cached path; `--distinct` appends a `lock` of a different subset of the
//! untouched townships to every request (a global counter: thousands of distinct operation
//! lists, far more than the cache holds), so every request runs a full evaluation.
//! `--geojson` asks for the resulting township boundaries (`?geojson=1`), as the web UI does;
//! dissolved outlines are cached by village set, so these only splice cached text.
//!
//! Under abuse (issue 15): `--flood N` adds N anonymous connections that POST logins with
//! random names for the whole run (status counts are printed), and `--server-pid PID`
//! samples that process's resident memory (VmRSS) every 250 ms (peak and final printed).
//! `--serve` starts the demo server inside this process instead (a temporary SQLite
//! database; the RSS is then that of server and load clients together):
//!
//! ```sh
//! cargo run --release -p quhua-server --example loadtest -- \
//!     --serve --clients 4 --flood 200 --seconds 30
//! ```

use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

struct Opts {
    addr: String,
    clients: usize,
    seconds: u64,
    county: String,
    user: String,
    password: String,
    geojson: bool,
    distinct: bool,
    flood: usize,
    server_pid: Option<u32>,
    serve: bool,
}

fn opts() -> Opts {
    let mut o = Opts {
        addr: "127.0.0.1:8080".into(),
        clients: 200,
        seconds: 15,
        county: "130634".into(),
        user: "quyang".into(),
        password: "quyang-demo-2026".into(),
        geojson: false,
        distinct: false,
        flood: 0,
        server_pid: None,
        serve: false,
    };
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    args.retain(|a| match a.as_str() {
        "--geojson" => {
            o.geojson = true;
            false
        }
        "--distinct" => {
            o.distinct = true;
            false
        }
        "--serve" => {
            o.serve = true;
            false
        }
        _ => true,
    });
    for pair in args.chunks(2) {
        let v = pair.get(1).cloned().unwrap_or_default();
        match pair[0].as_str() {
            "--addr" => o.addr = v,
            "--clients" => o.clients = v.parse().expect("--clients N"),
            "--seconds" => o.seconds = v.parse().expect("--seconds N"),
            "--county" => o.county = v,
            "--user" => o.user = v,
            "--password" => o.password = v,
            "--flood" => o.flood = v.parse().expect("--flood N"),
            "--server-pid" => o.server_pid = Some(v.parse().expect("--server-pid PID")),
            other => panic!("unknown option {other}"),
        }
    }
    o
}

/// One HTTP/1.1 exchange on a keep-alive connection; returns (status, body).
async fn exchange(conn: &mut TcpStream, req: &[u8], buf: &mut Vec<u8>) -> (u16, Vec<u8>) {
    conn.write_all(req).await.expect("write");
    buf.clear();
    let mut chunk = [0u8; 64 * 1024];
    let header_end = loop {
        let n = conn.read(&mut chunk).await.expect("read");
        assert!(n > 0, "server closed the connection");
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&buf[..header_end]).to_string();
    let status: u16 = head[9..12].parse().expect("status");
    let len: usize = head
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("content-length")
                .then(|| v.trim().parse().ok())?
        })
        .expect("content-length");
    while buf.len() < header_end + len {
        let n = conn.read(&mut chunk).await.expect("read body");
        assert!(n > 0, "server closed the connection");
        buf.extend_from_slice(&chunk[..n]);
    }
    (status, buf[header_end..header_end + len].to_vec())
}

fn request(method: &str, path: &str, host: &str, headers: &str, body: &str) -> Vec<u8> {
    format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{headers}\r\n{body}",
        body.len()
    )
    .into_bytes()
}

const BODIES: &[&str] = &[
    r#"{"ops":[{"op":"merge","units":["北台乡"],"into":"恒州镇"}]}"#,
    r#"{"ops":[{"op":"merge","units":["晓林镇","邸村镇"],"into":"产德镇"}]}"#,
    r#"{"ops":[{"op":"lock","units":["羊平镇"]},{"op":"merge","units":["北台乡"],"into":"恒州镇"},{"op":"merge","units":["晓林镇","邸村镇"],"into":"产德镇"},{"op":"merge","units":["下河镇"],"into":"郎家庄镇"},{"op":"merge","units":["灵山镇","党城镇"],"new":{"name":"灵山镇","kind":"镇"}}]}"#,
    r#"{"ops":[]}"#,
];

/// `body` with a `lock` of the subset of `free` townships numbered `n` appended.
fn distinct_body(body: &str, free: &[String], n: usize) -> String {
    let subsets = (1usize << free.len().min(16)) - 1;
    let bits = n % subsets.max(1) + 1;
    let names: Vec<String> = free
        .iter()
        .enumerate()
        .filter(|(i, _)| bits & (1 << i) != 0)
        .map(|(_, t)| format!("\"{t}\""))
        .collect();
    let lock = format!(r#"{{"op":"lock","units":[{}]}}"#, names.join(","));
    match body.strip_suffix("]}") {
        Some(head) if head.ends_with('[') => format!("{head}{lock}]}}"),
        Some(head) => format!("{head},{lock}]}}"),
        None => body.to_string(),
    }
}

/// VmRSS of a process in MiB (Linux), `None` when unreadable.
fn rss_mib(pid: u32) -> Option<f64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let kb: f64 = s
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

/// One tolerant exchange for the flood: `None` when the server closed or timed out.
async fn flood_exchange(conn: &mut TcpStream, req: &[u8]) -> Option<u16> {
    tokio::time::timeout(Duration::from_secs(10), async {
        conn.write_all(req).await.ok()?;
        let mut buf = Vec::new();
        let mut chunk = [0u8; 8192];
        loop {
            let n = conn.read(&mut chunk).await.ok()?;
            if n == 0 {
                return None;
            }
            buf.extend_from_slice(&chunk[..n]);
            if let Some(h) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&buf[..h]).to_lowercase();
                let len: usize = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0);
                while buf.len() < h + 4 + len {
                    let n = conn.read(&mut chunk).await.ok()?;
                    if n == 0 {
                        return None;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                }
                return head.get(9..12)?.parse().ok();
            }
        }
    })
    .await
    .ok()
    .flatten()
}

/// Starts the demo server in this process on a free loopback port; returns its address.
fn serve_in_process() -> String {
    let dir = std::env::temp_dir().join(format!("quhua-loadtest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let addr = format!("127.0.0.1:{port}");
    let opts = quhua_server::ServeOptions {
        addr: addr.clone(),
        db_url: format!("sqlite:{}", dir.join("demo.db").display()),
        demo: true,
        config: Default::default(),
        digest: None,
    };
    std::thread::spawn(move || quhua_server::serve(opts));
    for _ in 0..600 {
        if std::net::TcpStream::connect(&addr).is_ok() {
            return addr;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("the in-process server did not start");
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let mut o = opts();
    if o.serve {
        o.addr = serve_in_process();
        o.server_pid = Some(std::process::id());
    }
    let mut conn = TcpStream::connect(&o.addr).await.expect("connect");
    let login = format!(r#"{{"username":"{}","password":"{}"}}"#, o.user, o.password);
    let mut buf = Vec::new();
    conn.write_all(&request("POST", "/api/login", &o.addr, "", &login))
        .await
        .expect("login");
    let mut chunk = vec![0u8; 65536];
    let n = conn.read(&mut chunk).await.expect("login response");
    buf.extend_from_slice(&chunk[..n]);
    let text = String::from_utf8_lossy(&buf).to_string();
    assert!(text.starts_with("HTTP/1.1 200"), "login failed: {text}");
    let cookie = text
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .and_then(|c| c.split(';').next())
        .expect("cookie")
        .to_string();
    let csrf = text
        .split("\"csrf_token\":\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("csrf")
        .to_string();
    let headers = format!("Cookie: {cookie}\r\nX-CSRF-Token: {csrf}\r\n");
    let path = format!(
        "/api/counties/{}/evaluate{}",
        o.county,
        if o.geojson { "?geojson=1" } else { "" }
    );
    println!(
        "{} clients × {} s, POST {path} on {}{} (warm-up: 1 request per body)",
        o.clients,
        o.seconds,
        o.addr,
        if o.distinct {
            ", distinct operations"
        } else {
            ""
        }
    );
    // Townships no sample body mentions: the `--distinct` locks pick subsets of them.
    let (s, base) = exchange(
        &mut conn,
        &request(
            "GET",
            &format!("/api/counties/{}/base", o.county),
            &o.addr,
            &headers,
            "",
        ),
        &mut buf,
    )
    .await;
    assert_eq!(s, 200, "base failed");
    let base: serde_json::Value = serde_json::from_slice(&base).expect("base JSON");
    let free: Vec<String> = base["townships"]
        .as_array()
        .expect("townships")
        .iter()
        .filter_map(|t| t["name"].as_str())
        .filter(|n| !BODIES.iter().any(|b| b.contains(n)))
        .map(String::from)
        .collect();
    let free = std::sync::Arc::new(free);
    let counter = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(1));
    for b in BODIES {
        let (s, _) = exchange(
            &mut conn,
            &request("POST", &path, &o.addr, &headers, b),
            &mut buf,
        )
        .await;
        assert_eq!(s, 200, "warm-up failed");
    }
    let deadline = Instant::now() + Duration::from_secs(o.seconds);
    let started = Instant::now();
    let rss_before = o.server_pid.and_then(rss_mib);
    let sampler = o.server_pid.map(|pid| {
        tokio::spawn(async move {
            let mut peak: f64 = 0.0;
            while Instant::now() < deadline {
                if let Some(r) = rss_mib(pid) {
                    peak = peak.max(r);
                }
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
            peak
        })
    });
    let mut flooders = Vec::new();
    for k in 0..o.flood {
        let addr = o.addr.clone();
        flooders.push(tokio::spawn(async move {
            let mut counts = std::collections::BTreeMap::<u16, usize>::new();
            let mut conn = None;
            let mut i = 0usize;
            while Instant::now() < deadline {
                i += 1;
                if conn.is_none() {
                    conn = TcpStream::connect(&addr).await.ok();
                }
                let Some(c) = conn.as_mut() else {
                    *counts.entry(0).or_default() += 1;
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                };
                let body =
                    format!(r#"{{"username":"flood-{k}-{i}","password":"not-the-password"}}"#);
                match flood_exchange(c, &request("POST", "/api/login", &addr, "", &body)).await {
                    Some(s) => *counts.entry(s).or_default() += 1,
                    None => {
                        *counts.entry(0).or_default() += 1;
                        conn = None;
                    }
                }
            }
            counts
        }));
    }
    let mut tasks = Vec::new();
    for i in 0..o.clients {
        let (addr, headers, path) = (o.addr.clone(), headers.clone(), path.clone());
        let (free, counter, distinct) = (free.clone(), counter.clone(), o.distinct);
        tasks.push(tokio::spawn(async move {
            let mut conn = TcpStream::connect(&addr).await.expect("connect");
            let mut buf = Vec::with_capacity(1 << 20);
            let mut lat = Vec::new();
            let mut errors = 0usize;
            let mut bytes = 0usize;
            let mut k = i;
            while Instant::now() < deadline {
                let body = BODIES[k % BODIES.len()];
                let body = if distinct {
                    let n = counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    distinct_body(body, &free, n)
                } else {
                    body.to_string()
                };
                let req = request("POST", &path, &addr, &headers, &body);
                k += 1;
                let t0 = Instant::now();
                let (s, body) = exchange(&mut conn, &req, &mut buf).await;
                lat.push(t0.elapsed());
                bytes += body.len();
                if s != 200 {
                    errors += 1;
                }
            }
            (lat, errors, bytes)
        }));
    }
    let mut all = Vec::new();
    let (mut errors, mut bytes) = (0, 0);
    for t in tasks {
        let (l, e, b) = t.await.expect("client task");
        all.extend(l);
        errors += e;
        bytes += b;
    }
    let elapsed = started.elapsed().as_secs_f64();
    if o.flood > 0 {
        let mut total = std::collections::BTreeMap::<u16, usize>::new();
        for f in flooders {
            for (s, n) in f.await.expect("flood task") {
                *total.entry(s).or_default() += n;
            }
        }
        println!(
            "flood: {} anonymous connections, login answers by status (0 = closed/timeout): {total:?}",
            o.flood
        );
    }
    if let Some(s) = sampler {
        let peak = s.await.expect("sampler");
        tokio::time::sleep(Duration::from_secs(2)).await;
        let after = o.server_pid.and_then(rss_mib);
        println!(
            "server RSS MiB: before {:.0}  peak {peak:.0}  2 s after {:.0}{}",
            rss_before.unwrap_or(0.0),
            after.unwrap_or(0.0),
            if o.serve {
                " (in-process: server and load clients together)"
            } else {
                ""
            }
        );
    }
    all.sort();
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p).ceil() as usize).saturating_sub(1))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "requests {}  errors {errors}  throughput {:.0} req/s  mean body {:.0} KiB",
        all.len(),
        all.len() as f64 / elapsed,
        bytes as f64 / all.len().max(1) as f64 / 1024.0
    );
    println!(
        "latency ms: p50 {:.1}  p90 {:.1}  p99 {:.1}  max {:.1}",
        pct(0.50),
        pct(0.90),
        pct(0.99),
        pct(1.0)
    );
}

//! A minimal HTTP/1.1 keep-alive client over one TCP connection: enough for a load
//! generator (one connection per simulated client, `Content-Length` or chunked bodies).

use std::io;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// An answer: status, headers (names lower-case) and body.
#[derive(Debug)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// Headers, names lower-cased.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// The first header of that (lower-case) name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as JSON (`Null` when it is not).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

/// One keep-alive connection to a server; reconnects when the server closed it.
#[derive(Debug)]
pub struct Conn {
    addr: String,
    stream: Option<BufReader<TcpStream>>,
    /// Connections opened (1 + reconnects).
    pub connects: u64,
}

fn bad(msg: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.into())
}

impl Conn {
    /// A connection to `addr` (`HOST:PORT`), opened on first use.
    pub fn new(addr: &str) -> Conn {
        Conn {
            addr: addr.to_string(),
            stream: None,
            connects: 0,
        }
    }

    /// Sends one request and reads its answer. A reused connection that fails before any
    /// byte of the answer arrived (the server closed an idle connection) is reopened and the
    /// request sent once more.
    pub async fn request(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> io::Result<Response> {
        let reused = self.stream.is_some();
        match self.try_request(method, path, headers, body).await {
            Ok(r) => Ok(r),
            Err((e, answered)) => {
                self.stream = None;
                if reused && !answered {
                    self.try_request(method, path, headers, body)
                        .await
                        .map_err(|(e, _)| e)
                } else {
                    Err(e)
                }
            }
        }
    }

    async fn try_request(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Result<Response, (io::Error, bool)> {
        if self.stream.is_none() {
            let s = TcpStream::connect(&self.addr)
                .await
                .map_err(|e| (e, false))?;
            s.set_nodelay(true).map_err(|e| (e, false))?;
            self.connects += 1;
            self.stream = Some(BufReader::new(s));
        }
        let Some(stream) = self.stream.as_mut() else {
            return Err((bad("no connection"), false));
        };
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Length: {}\r\n",
            self.addr,
            body.len()
        );
        if !body.is_empty() {
            req.push_str("Content-Type: application/json\r\n");
        }
        for (k, v) in headers {
            req.push_str(k);
            req.push_str(": ");
            req.push_str(v);
            req.push_str("\r\n");
        }
        req.push_str("\r\n");
        let mut bytes = req.into_bytes();
        bytes.extend_from_slice(body);
        stream
            .get_mut()
            .write_all(&bytes)
            .await
            .map_err(|e| (e, false))?;

        let mut line = String::new();
        let n = stream.read_line(&mut line).await.map_err(|e| (e, false))?;
        if n == 0 {
            return Err((
                io::Error::new(io::ErrorKind::UnexpectedEof, "connection closed"),
                false,
            ));
        }
        let read = |e: io::Error| (e, true);
        let status: u16 = line
            .split(' ')
            .nth(1)
            .and_then(|c| c.parse().ok())
            .ok_or_else(|| (bad(format!("bad status line {line:?}")), true))?;
        let mut headers = Vec::new();
        loop {
            line.clear();
            stream.read_line(&mut line).await.map_err(read)?;
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
        let find = |name: &str| {
            headers
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v): &(String, String)| v.to_ascii_lowercase())
        };
        let mut body = Vec::new();
        if find("transfer-encoding").is_some_and(|v| v.contains("chunked")) {
            loop {
                line.clear();
                stream.read_line(&mut line).await.map_err(read)?;
                let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or(""), 16)
                    .map_err(|_| (bad(format!("bad chunk size {line:?}")), true))?;
                let start = body.len();
                body.resize(start + size + 2, 0);
                stream.read_exact(&mut body[start..]).await.map_err(read)?;
                body.truncate(start + size);
                if size == 0 {
                    break;
                }
            }
        } else if let Some(len) = find("content-length") {
            let len: usize = len
                .parse()
                .map_err(|_| (bad(format!("bad content-length {len:?}")), true))?;
            body.resize(len, 0);
            stream.read_exact(&mut body).await.map_err(read)?;
        }
        if find("connection").is_some_and(|v| v == "close") {
            self.stream = None;
        }
        Ok(Response {
            status,
            headers,
            body,
        })
    }
}

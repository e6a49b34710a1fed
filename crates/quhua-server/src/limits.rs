//! Connection-level limits: the server under abuse.
//!
//! - a connection cap: beyond [`ConnLimits::max_connections`] open connections a new one is
//!   answered `503` at once and closed;
//! - a header-read timeout: a client must send a request's headers within
//!   [`ConnLimits::header_read_timeout`] of connecting (`408`), so half-open and
//!   slow-header (slowloris) connections do not stay open;
//! - an idle timeout: a keep-alive connection with no traffic for
//!   [`ConnLimits::idle_timeout`] is closed;
//! - a body-read timeout: a request body must arrive within
//!   [`ConnLimits::body_read_timeout`] (`408`), at most [`ConnLimits::max_body_bytes`] (`413`).
//!
//! Every refusal carries the API's bilingual body `{"error": {"zh": …, "en": …}}`.
//! [`serve_limited`] is the accept loop [`crate::serve`] uses; tests call it directly.

use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hyper_util::rt::{TokioIo, TokioTimer};
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::time::{Instant, Sleep};

/// The limits (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnLimits {
    /// Open connections at most.
    pub max_connections: usize,
    /// Time from connecting to the end of the first request's headers.
    pub header_read_timeout: Duration,
    /// Time for a request body to arrive.
    pub body_read_timeout: Duration,
    /// A connection without traffic for this long is closed.
    pub idle_timeout: Duration,
    /// Largest request body.
    pub max_body_bytes: usize,
}

impl Default for ConnLimits {
    fn default() -> Self {
        ConnLimits {
            max_connections: 1024,
            header_read_timeout: Duration::from_secs(10),
            body_read_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(60),
            max_body_bytes: 1 << 20,
        }
    }
}

/// The JSON error body used by every limit.
fn body_json(zh: &str, en: &str) -> String {
    serde_json::json!({"error": {"zh": zh, "en": en}}).to_string()
}

/// A complete HTTP/1.1 response (for answers written before hyper takes the connection).
pub fn raw_response(status: StatusCode, zh: &str, en: &str) -> Vec<u8> {
    let body = body_json(zh, en);
    format!(
        "HTTP/1.1 {} {}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\nretry-after: 1\r\n\r\n{body}",
        status.as_u16(),
        status.canonical_reason().unwrap_or(""),
        body.len()
    )
    .into_bytes()
}

fn json_response(status: StatusCode, zh: &str, en: &str) -> Response {
    (
        status,
        [(
            axum::http::header::CONTENT_TYPE,
            "application/json; charset=utf-8",
        )],
        body_json(zh, en),
    )
        .into_response()
}

/// Middleware: reads the request body within the body-read timeout and size limit, then
/// hands the buffered request on. Install with
/// `axum::middleware::from_fn_with_state(limits, limits::read_body_within)`.
pub async fn read_body_within(
    State(limits): State<ConnLimits>,
    req: Request,
    next: Next,
) -> Response {
    let (parts, body) = req.into_parts();
    let read = axum::body::to_bytes(body, limits.max_body_bytes);
    match tokio::time::timeout(limits.body_read_timeout, read).await {
        Err(_) => json_response(
            StatusCode::REQUEST_TIMEOUT,
            "请求体传输超时",
            "the request body did not arrive in time",
        ),
        Ok(Err(_)) => json_response(
            StatusCode::PAYLOAD_TOO_LARGE,
            "请求体过大或传输中断",
            "the request body is too large or was cut off",
        ),
        Ok(Ok(bytes)) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
    }
}

/// Adds the body-read limits to a router.
pub fn with_body_limits(app: Router, limits: ConnLimits) -> Router {
    app.layer(axum::middleware::from_fn_with_state(
        limits,
        read_body_within,
    ))
}

/// A connection that first replays bytes already read and fails a read after `idle`
/// without traffic in either direction.
struct Guarded {
    prefix: Vec<u8>,
    at: usize,
    inner: TcpStream,
    idle: Duration,
    deadline: Pin<Box<Sleep>>,
}

impl Guarded {
    fn touch(&mut self) {
        let next = Instant::now() + self.idle;
        self.deadline.as_mut().reset(next);
    }
}

impl AsyncRead for Guarded {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = &mut *self;
        if this.at < this.prefix.len() {
            let n = (this.prefix.len() - this.at).min(buf.remaining());
            buf.put_slice(&this.prefix[this.at..this.at + n]);
            this.at += n;
            return Poll::Ready(Ok(()));
        }
        let before = buf.filled().len();
        match Pin::new(&mut this.inner).poll_read(cx, buf) {
            Poll::Ready(r) => {
                if buf.filled().len() > before {
                    this.touch();
                }
                Poll::Ready(r)
            }
            Poll::Pending => match this.deadline.as_mut().poll(cx) {
                Poll::Ready(()) => {
                    Poll::Ready(Err(io::Error::new(io::ErrorKind::TimedOut, "idle timeout")))
                }
                Poll::Pending => Poll::Pending,
            },
        }
    }
}

impl AsyncWrite for Guarded {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        let r = Pin::new(&mut self.inner).poll_write(cx, data);
        if matches!(r, Poll::Ready(Ok(n)) if n > 0) {
            self.touch();
        }
        r
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// Reads until the end of the first request's headers (or 64 KiB); `None` on EOF.
async fn read_head(stream: &mut TcpStream) -> io::Result<Option<Vec<u8>>> {
    let mut buf = Vec::with_capacity(2048);
    loop {
        let n = stream.read_buf(&mut buf).await?;
        if n == 0 {
            return Ok(None);
        }
        if buf.windows(4).any(|w| w == b"\r\n\r\n") || buf.len() >= 64 * 1024 {
            return Ok(Some(buf));
        }
    }
}

async fn handle(mut stream: TcpStream, peer: SocketAddr, app: Router, limits: ConnLimits) {
    let head = match tokio::time::timeout(limits.header_read_timeout, read_head(&mut stream)).await
    {
        Err(_) => {
            let _ = stream
                .write_all(&raw_response(
                    StatusCode::REQUEST_TIMEOUT,
                    "请求头传输超时，连接已关闭",
                    "the request headers did not arrive in time; connection closed",
                ))
                .await;
            let _ = stream.shutdown().await;
            return;
        }
        Ok(Ok(Some(h))) => h,
        Ok(_) => return,
    };
    let io = Guarded {
        prefix: head,
        at: 0,
        inner: stream,
        idle: limits.idle_timeout,
        deadline: Box::pin(tokio::time::sleep(limits.idle_timeout)),
    };
    let svc = hyper::service::service_fn(move |mut req: hyper::Request<hyper::body::Incoming>| {
        req.extensions_mut().insert(ConnectInfo(peer));
        let mut app = app.clone();
        async move {
            let req = req.map(Body::new);
            tower_service::Service::call(&mut app, req).await
        }
    });
    let _ = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.idle_timeout)
        .keep_alive(true)
        .serve_connection(TokioIo::new(io), svc)
        .await;
}

/// Serves `app` on `listener` under `limits` until `shutdown` completes. Connection info
/// ([`ConnectInfo<SocketAddr>`]) is set on every request, as axum's own `serve` does.
pub async fn serve_limited(
    listener: TcpListener,
    app: Router,
    limits: ConnLimits,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let app = with_body_limits(app, limits);
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            _ = &mut shutdown => return Ok(()),
            r = listener.accept() => match r {
                Ok(x) => x,
                // Out of file descriptors and the like: back off briefly, keep serving.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        match slots.clone().try_acquire_owned() {
            Ok(permit) => {
                let app = app.clone();
                tokio::spawn(async move {
                    handle(stream, peer, app, limits).await;
                    drop(permit);
                });
            }
            Err(_) => {
                tokio::spawn(async move {
                    let mut stream = stream;
                    let _ = tokio::time::timeout(
                        Duration::from_secs(2),
                        stream.write_all(&raw_response(
                            StatusCode::SERVICE_UNAVAILABLE,
                            "连接数已达上限，请稍后再试",
                            "too many open connections; retry shortly",
                        )),
                    )
                    .await;
                    let _ = stream.shutdown().await;
                });
            }
        }
    }
}

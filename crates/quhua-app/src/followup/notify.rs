//! Reminders that reach people: the daily digest of every organisation's inbox, delivered —
//! when the deployment configures it, never required — by e-mail through the bureau's own SMTP
//! server (plain SMTP, RFC 5321, as an internal relay accepts it) and by a webhook (an HTTP
//! POST of JSON, e.g. to the government's messaging platform's inbound robot).

use super::inbox::{InboxItem, inbox};
use super::supervision;
use crate::access::{Actor, Role};
use crate::{App, AppError, AppResult};
use quhua_core::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::Duration;

/// One organisation's digest.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Digest {
    /// Organisation code.
    pub org: String,
    /// Its name.
    pub org_name: String,
    /// As of.
    pub date: String,
    /// What needs it.
    pub items: Vec<InboxItem>,
    /// The message (Chinese, then English).
    pub text: String,
}

/// Where digests go (a deployment's TOML file; every part optional).
///
/// ```toml
/// [smtp]
/// addr = "mail.mzj.example.gov.cn:25"
/// from = "duban@mzj.example.gov.cn"
///
/// [webhook]
/// url = "http://10.0.0.8:8090/robot/send"
///
/// [addresses]
/// "130634-office" = "gaigeban@example.gov.cn"
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeliveryConfig {
    /// The SMTP relay.
    pub smtp: Option<SmtpConfig>,
    /// The webhook.
    pub webhook: Option<WebhookConfig>,
    /// E-mail address per organisation code.
    #[serde(default)]
    pub addresses: BTreeMap<String, String>,
}

/// An SMTP relay that accepts mail from this host without authentication.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpConfig {
    /// `host:port`.
    pub addr: String,
    /// Sender address.
    pub from: String,
}

/// A webhook receiving one JSON POST per digest.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookConfig {
    /// `http://host:port/path`.
    pub url: String,
}

impl DeliveryConfig {
    /// Reads the configuration (TOML), naming the file on an error.
    pub fn from_toml(file: &str, text: &str) -> AppResult<DeliveryConfig> {
        toml::from_str(text).map_err(|e| {
            AppError::invalid(
                format!("{file}：送达配置有误：{e}"),
                format!("{file}: bad delivery settings: {e}"),
            )
        })
    }
}

/// What a delivery run did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct DeliveryReport {
    /// Digests made.
    pub digests: usize,
    /// E-mails accepted by the relay.
    pub mailed: usize,
    /// Webhook posts answered 2xx.
    pub posted: usize,
    /// Organisations without an address (no e-mail sent).
    pub no_address: Vec<String>,
    /// Failures (organisation: reason); the others are still sent.
    pub failures: Vec<String>,
}

fn text_of(org_name: &str, date: Date, items: &[InboxItem]) -> String {
    let mut s = format!(
        "{org_name}：截至 {date}，需要办理的督办事项 {} 项。\n",
        items.len()
    );
    for i in items {
        s.push_str(&format!(
            "- [{}] {} {}（期限 {}）\n",
            i.zh, i.task, i.title, i.due
        ));
    }
    s.push_str(&format!(
        "\n{org_name}: {} follow-up item(s) need attention as of {date}.\n",
        items.len()
    ));
    for i in items {
        s.push_str(&format!("- [{}] {} (due {})\n", i.en, i.task, i.due));
    }
    s
}

/// 每日提醒: the digest of every organisation of the actor's jurisdiction with something in
/// its inbox as of `date` (the operator or a supervising office runs it).
pub fn digests(app: &App, actor: &Actor, date: Date) -> AppResult<Vec<Digest>> {
    if actor.role.is_some() && !actor.is(Role::CountyEditor) && !actor.is(Role::CityReviewer) {
        return Err(AppError::forbidden(
            "每日提醒由督查督办单位发出",
            "the daily digest is sent by the supervising office",
        ));
    }
    let sup = supervision(app)?;
    let orgs = app.store().organisations(actor.jurisdiction.as_str())?;
    let mut out = Vec::new();
    for o in orgs {
        let as_org = Actor {
            org: Some(o.code.clone()),
            ..actor.clone()
        };
        let view = inbox(app, &as_org, date)?;
        if view.items.is_empty() {
            continue;
        }
        let name = sup.name(&o.code).to_string();
        out.push(Digest {
            text: text_of(&name, date, &view.items),
            org: o.code,
            org_name: name,
            date: date.to_string(),
            items: view.items,
        });
    }
    Ok(out)
}

/// Sends each digest by e-mail (to the organisation's address) and to the webhook, as
/// configured; a failure is reported and the others are still sent.
pub fn deliver(digests: &[Digest], cfg: &DeliveryConfig) -> DeliveryReport {
    let mut r = DeliveryReport {
        digests: digests.len(),
        ..DeliveryReport::default()
    };
    for d in digests {
        if let Some(smtp) = &cfg.smtp {
            match cfg.addresses.get(&d.org) {
                None => r.no_address.push(d.org.clone()),
                Some(to) => {
                    let subject = format!("督办提醒：{}（{}）", d.org_name, d.date);
                    match send_mail(smtp, to, &subject, &d.text) {
                        Ok(()) => r.mailed += 1,
                        Err(e) => r.failures.push(format!("{} (mail): {e}", d.org)),
                    }
                }
            }
        }
        if let Some(hook) = &cfg.webhook {
            let body = serde_json::json!({"msgtype": "text", "text": {"content": d.text},
                "org": d.org, "date": d.date, "items": d.items.len()});
            match post_json(&hook.url, &body.to_string()) {
                Ok(()) => r.posted += 1,
                Err(e) => r.failures.push(format!("{} (webhook): {e}", d.org)),
            }
        }
    }
    r
}

const TIMEOUT: Duration = Duration::from_secs(10);

fn connect(addr: &str) -> Result<TcpStream, String> {
    use std::net::ToSocketAddrs;
    let sa = addr
        .to_socket_addrs()
        .map_err(|e| format!("{addr}: {e}"))?
        .next()
        .ok_or_else(|| format!("{addr}: no address"))?;
    let s = TcpStream::connect_timeout(&sa, TIMEOUT).map_err(|e| format!("{addr}: {e}"))?;
    s.set_read_timeout(Some(TIMEOUT))
        .map_err(|e| e.to_string())?;
    s.set_write_timeout(Some(TIMEOUT))
        .map_err(|e| e.to_string())?;
    Ok(s)
}

/// Reads one (possibly multi-line) SMTP reply and checks its code class.
fn expect(r: &mut impl BufRead, class: u8) -> Result<(), String> {
    loop {
        let mut line = String::new();
        r.read_line(&mut line).map_err(|e| e.to_string())?;
        let b = line.as_bytes();
        if b.len() < 4 {
            return Err(format!("bad reply {line:?}"));
        }
        if b[3] == b' ' {
            return if b[0] == class {
                Ok(())
            } else {
                Err(format!("server said {}", line.trim()))
            };
        }
    }
}

/// Standard base64 (RFC 4648) of a UTF-8 text, for the MIME body and the encoded subject.
fn b64(s: &str) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(s.len().div_ceil(3) * 4);
    for c in s.as_bytes().chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= c.len() {
                out.push(char::from(A[(n >> shift) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Sends one message over plain SMTP (EHLO, MAIL, RCPT, DATA with dot-stuffing, QUIT); the
/// body is UTF-8, base64-encoded, the subject RFC 2047-encoded.
fn send_mail(cfg: &SmtpConfig, to: &str, subject: &str, text: &str) -> Result<(), String> {
    if [&cfg.from, &to.to_string()]
        .iter()
        .any(|a| a.contains(['\r', '\n', '<', '>']))
    {
        return Err("bad address".into());
    }
    let stream = connect(&cfg.addr)?;
    let mut w = stream.try_clone().map_err(|e| e.to_string())?;
    let mut r = BufReader::new(stream);
    let mut say = |line: &str, class: u8, r: &mut BufReader<TcpStream>| -> Result<(), String> {
        w.write_all(line.as_bytes()).map_err(|e| e.to_string())?;
        w.write_all(b"\r\n").map_err(|e| e.to_string())?;
        expect(r, class)
    };
    expect(&mut r, b'2')?;
    say("EHLO quhua", b'2', &mut r)?;
    say(&format!("MAIL FROM:<{}>", cfg.from), b'2', &mut r)?;
    say(&format!("RCPT TO:<{to}>"), b'2', &mut r)?;
    say("DATA", b'3', &mut r)?;
    let body = b64(text);
    let wrapped: Vec<&str> = body
        .as_bytes()
        .chunks(76)
        .filter_map(|c| std::str::from_utf8(c).ok())
        .collect();
    let msg = format!(
        "From: <{}>\r\nTo: <{to}>\r\nSubject: =?UTF-8?B?{}?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n.",
        cfg.from,
        b64(subject),
        wrapped.join("\r\n")
    );
    say(&msg, b'2', &mut r)?;
    say("QUIT", b'2', &mut r)?;
    Ok(())
}

/// POSTs JSON to an `http://` URL and checks for a 2xx answer.
fn post_json(url: &str, body: &str) -> Result<(), String> {
    let rest = url.strip_prefix("http://").ok_or_else(|| {
        format!("{url}: only http:// webhooks are supported (a relay inside the network)")
    })?;
    let (host, path) = rest
        .split_once('/')
        .map_or((rest, "/".to_string()), |(h, p)| (h, format!("/{p}")));
    let addr = if host.contains(':') {
        host.to_string()
    } else {
        format!("{host}:80")
    };
    let mut s = connect(&addr)?;
    let req = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).map_err(|e| e.to_string())?;
    let mut status = String::new();
    BufReader::new(s)
        .read_line(&mut status)
        .map_err(|e| e.to_string())?;
    let code = status.split_whitespace().nth(1).unwrap_or("");
    if code.starts_with('2') {
        Ok(())
    } else {
        Err(format!("{url} answered {}", status.trim()))
    }
}

#[cfg(test)]
mod tests {
    use super::b64;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        for (plain, enc) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
            ("督办", "552j5Yqe"),
        ] {
            assert_eq!(b64(plain), enc, "{plain}");
        }
    }
}

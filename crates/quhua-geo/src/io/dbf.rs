//! dBASE III (.dbf) attribute tables: reading with encoding detection and
//! writing in UTF-8.

use super::dbf_encoding::{EncodingChoice, choose_encoding};
use crate::error::{GeoError, Result};
use serde_json::{Map, Number, Value};
use std::path::Path;

/// A field descriptor.
#[derive(Debug, Clone, PartialEq)]
pub struct DbfField {
    /// Field name (decoded).
    pub name: String,
    /// Type letter: C, N, F, L, D, …
    pub kind: u8,
    /// Width in bytes.
    pub len: u8,
    /// Decimal count.
    pub decimals: u8,
}

/// A decoded table.
#[derive(Debug, Clone)]
pub struct DbfTable {
    /// Fields in order.
    pub fields: Vec<DbfField>,
    /// One property map per record (deleted records are kept: the shapefile
    /// geometry at the same index still exists).
    pub records: Vec<Map<String, Value>>,
    /// Encoding used for text.
    pub encoding: EncodingChoice,
}

fn u16le(b: &[u8], at: usize) -> usize {
    u16::from_le_bytes([b[at], b[at + 1]]) as usize
}

/// Parses the bytes of a .dbf. `cpg` is the content of the .cpg file if any.
pub fn parse_dbf(bytes: &[u8], cpg: Option<&str>, path: &Path) -> Result<DbfTable> {
    let bad = |rec: Option<usize>, m: &str| GeoError::malformed(path, rec, m);
    if bytes.len() < 32 {
        return Err(bad(None, "文件头不完整 / header truncated (< 32 bytes)"));
    }
    let nrec = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
    let header_len = u16le(bytes, 8);
    let rec_len = u16le(bytes, 10);
    let ldid = bytes[29];
    if header_len < 33 || header_len > bytes.len() {
        return Err(bad(
            None,
            &format!("文件头长度无效 / invalid header length {header_len}"),
        ));
    }
    // Field descriptors.
    let mut raw_fields: Vec<(Vec<u8>, u8, u8, u8)> = Vec::new();
    let mut at = 32;
    while at + 32 <= header_len && bytes[at] != 0x0D {
        let d = &bytes[at..at + 32];
        let name_end = d[..11].iter().position(|&c| c == 0).unwrap_or(11);
        raw_fields.push((d[..name_end].to_vec(), d[11], d[16], d[17]));
        at += 32;
    }
    let width: usize = 1 + raw_fields.iter().map(|f| f.2 as usize).sum::<usize>();
    if rec_len < width || (raw_fields.is_empty() && rec_len == 0) {
        return Err(bad(
            None,
            &format!(
                "记录长度 {rec_len} 与字段宽度 {width} 不符 / record length {rec_len} does not match field widths {width}"
            ),
        ));
    }
    let data = &bytes[header_len..];
    let available = data.len() / rec_len.max(1);
    if available < nrec {
        return Err(bad(
            Some(available),
            &format!(
                "文件被截断：声明 {nrec} 条记录，只有 {available} 条完整 / truncated: header declares {nrec} records, only {available} complete"
            ),
        ));
    }
    // Gather all non-ASCII text bytes to decide the encoding once.
    let mut text: Vec<u8> = Vec::new();
    for (n, ..) in &raw_fields {
        if !n.is_ascii() {
            text.extend_from_slice(n);
            text.push(b' ');
        }
    }
    for r in 0..nrec {
        let rec = &data[r * rec_len..(r + 1) * rec_len];
        let mut off = 1;
        for f in &raw_fields {
            let v = &rec[off..off + f.2 as usize];
            if matches!(f.1, b'C' | b'M' | b'V' | b'W') && !v.is_ascii() {
                text.extend_from_slice(trim_bytes(v));
                text.push(b' ');
            }
            off += f.2 as usize;
        }
    }
    let encoding = choose_encoding(cpg, ldid, &text);
    let enc = encoding.encoding;
    let mut fields: Vec<DbfField> = raw_fields
        .iter()
        .map(|(n, k, l, d)| DbfField {
            name: enc.decode_without_bom_handling(n).0.trim().to_string(),
            kind: *k,
            len: *l,
            decimals: *d,
        })
        .collect();
    // Make names unique so no column is silently overwritten.
    for i in 0..fields.len() {
        let mut k = 1;
        while fields[..i].iter().any(|f| f.name == fields[i].name) {
            k += 1;
            fields[i].name = format!("{}_{k}", fields[i].name);
        }
    }
    let mut records = Vec::with_capacity(nrec);
    for r in 0..nrec {
        let rec = &data[r * rec_len..(r + 1) * rec_len];
        let mut map = Map::with_capacity(fields.len());
        let mut off = 1;
        for f in &fields {
            let raw = trim_bytes(&rec[off..off + f.len as usize]);
            off += f.len as usize;
            let value = match f.kind {
                b'N' | b'F' => parse_number(raw, f.decimals),
                b'L' => match raw.first() {
                    Some(b'T' | b't' | b'Y' | b'y') => Value::Bool(true),
                    Some(b'F' | b'f' | b'N' | b'n') => Value::Bool(false),
                    _ => Value::Null,
                },
                _ => {
                    if raw.is_empty() {
                        Value::Null
                    } else {
                        Value::String(enc.decode_without_bom_handling(raw).0.into_owned())
                    }
                }
            };
            map.insert(f.name.clone(), value);
        }
        records.push(map);
    }
    Ok(DbfTable {
        fields,
        records,
        encoding,
    })
}

fn trim_bytes(b: &[u8]) -> &[u8] {
    let start = b
        .iter()
        .position(|&c| c != b' ' && c != 0)
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|&c| c != b' ' && c != 0)
        .map(|p| p + 1)
        .unwrap_or(start);
    &b[start..end.max(start)]
}

fn parse_number(raw: &[u8], decimals: u8) -> Value {
    let Ok(s) = std::str::from_utf8(raw) else {
        return Value::Null;
    };
    let s = s.trim();
    if s.is_empty() || s.starts_with('*') {
        return Value::Null;
    }
    if decimals == 0
        && let Ok(i) = s.parse::<i64>()
    {
        return Value::Number(i.into());
    }
    match s.parse::<f64>() {
        Ok(f) => Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or(Value::Null),
        Err(_) => Value::Null,
    }
}

/// Column type inferred for writing.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Col {
    Int,
    Float,
    Bool,
    Text,
}

/// Writes records as a UTF-8 dBASE III table. Field names are cut to at most
/// 10 bytes on a character boundary and de-duplicated; text longer than 254
/// bytes is cut on a character boundary.
pub fn write_dbf(records: &[&Map<String, Value>]) -> Vec<u8> {
    // Column order: first appearance.
    let mut names: Vec<String> = Vec::new();
    for r in records {
        for k in r.keys() {
            if !names.contains(k) {
                names.push(k.clone());
            }
        }
    }
    let mut cols: Vec<(String, Col, usize, u8)> = Vec::new();
    let mut used: Vec<String> = Vec::new();
    for name in &names {
        let mut col: Option<Col> = None;
        let mut width = 1usize;
        for r in records {
            let v = r.get(name).unwrap_or(&Value::Null);
            let c = match v {
                Value::Null => continue,
                Value::Bool(_) => Col::Bool,
                Value::Number(n) if n.is_i64() || n.is_u64() => Col::Int,
                Value::Number(_) => Col::Float,
                _ => Col::Text,
            };
            col = Some(match (col, c) {
                (None, c) => c,
                (Some(a), b) if a == b => a,
                (Some(Col::Int), Col::Float) | (Some(Col::Float), Col::Int) => Col::Float,
                _ => Col::Text,
            });
            width = width.max(text_of(v).len());
        }
        let col = col.unwrap_or(Col::Text);
        let (w, dec) = match col {
            Col::Int => (width.clamp(1, 19), 0),
            Col::Float => (24, 15),
            Col::Bool => (1, 0),
            Col::Text => (width.min(254), 0),
        };
        let short = unique_name(name, &used);
        used.push(short);
        cols.push((name.clone(), col, w, dec));
    }
    let header_len = 32 + 32 * cols.len() + 1;
    let rec_len = 1 + cols.iter().map(|c| c.2).sum::<usize>();
    let mut out = Vec::with_capacity(header_len + rec_len * records.len() + 1);
    out.push(0x03);
    out.extend_from_slice(&[124, 1, 1]);
    out.extend_from_slice(&(records.len() as u32).to_le_bytes());
    out.extend_from_slice(&(header_len as u16).to_le_bytes());
    out.extend_from_slice(&(rec_len as u16).to_le_bytes());
    out.extend_from_slice(&[0u8; 20]);
    for ((_, col, w, dec), short) in cols.iter().zip(&used) {
        let mut d = [0u8; 32];
        d[..short.len()].copy_from_slice(short.as_bytes());
        d[11] = match col {
            Col::Int | Col::Float => b'N',
            Col::Bool => b'L',
            Col::Text => b'C',
        };
        d[16] = *w as u8;
        d[17] = *dec;
        out.extend_from_slice(&d);
    }
    out.push(0x0D);
    for r in records {
        out.push(b' ');
        for (name, col, w, dec) in &cols {
            let v = r.get(name).unwrap_or(&Value::Null);
            let mut s = match (col, v) {
                (_, Value::Null) => String::new(),
                (Col::Float, Value::Number(n)) => {
                    format!("{:.*}", *dec as usize, n.as_f64().unwrap_or(0.0))
                }
                (Col::Bool, Value::Bool(b)) => {
                    if *b {
                        "T".into()
                    } else {
                        "F".into()
                    }
                }
                _ => text_of(v),
            };
            if s.len() > *w {
                let mut cut = *w;
                while !s.is_char_boundary(cut) {
                    cut -= 1;
                }
                s.truncate(cut);
            }
            let pad = w - s.len();
            if matches!(col, Col::Int | Col::Float) {
                out.extend(std::iter::repeat_n(b' ', pad));
                out.extend_from_slice(s.as_bytes());
            } else {
                out.extend_from_slice(s.as_bytes());
                out.extend(std::iter::repeat_n(b' ', pad));
            }
        }
    }
    out.push(0x1A);
    out
}

fn text_of(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn unique_name(name: &str, used: &[String]) -> String {
    let mut cut = name.len().min(10);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    let base = if cut == 0 {
        "FIELD".to_string()
    } else {
        name[..cut].to_string()
    };
    if !used.contains(&base) {
        return base;
    }
    for k in 1.. {
        let suffix = format!("_{k}");
        let mut cut = base.len().min(10 - suffix.len());
        while !base.is_char_boundary(cut) {
            cut -= 1;
        }
        let cand = format!("{}{suffix}", &base[..cut]);
        if !used.contains(&cand) {
            return cand;
        }
    }
    unreachable!()
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::GB18030;

    fn gbk_dbf() -> Vec<u8> {
        // One C field "名称" (GBK, 4 bytes) width 20, one N field width 5.
        let mut b = vec![0x03, 124, 1, 1];
        b.extend_from_slice(&2u32.to_le_bytes());
        let header_len: u16 = 32 + 64 + 1;
        b.extend_from_slice(&header_len.to_le_bytes());
        b.extend_from_slice(&(1u16 + 20 + 5).to_le_bytes());
        b.extend_from_slice(&[0u8; 20]);
        let mut f = [0u8; 32];
        let (name, _, _) = GB18030.encode("名称");
        f[..name.len()].copy_from_slice(&name);
        f[11] = b'C';
        f[16] = 20;
        b.extend_from_slice(&f);
        let mut f = [0u8; 32];
        f[..4].copy_from_slice(b"CODE");
        f[11] = b'N';
        f[16] = 5;
        b.extend_from_slice(&f);
        b.push(0x0D);
        for (n, c) in [("恒州镇", "  100"), ("灵山镇", "  101")] {
            b.push(b' ');
            let (t, _, _) = GB18030.encode(n);
            let mut cell = t.to_vec();
            cell.resize(20, b' ');
            b.extend_from_slice(&cell);
            b.extend_from_slice(c.as_bytes());
        }
        b
    }

    #[test]
    fn reads_gbk_without_cpg() {
        let t = parse_dbf(&gbk_dbf(), None, Path::new("x.dbf")).unwrap();
        assert_eq!(t.encoding.encoding, GB18030);
        assert_eq!(t.fields[0].name, "名称");
        assert_eq!(t.records[1]["名称"], Value::String("灵山镇".into()));
        assert_eq!(t.records[1]["CODE"], Value::Number(101.into()));
    }

    #[test]
    fn truncated_names_file_and_record() {
        let b = gbk_dbf();
        let err = parse_dbf(&b[..b.len() - 10], None, Path::new("broken.dbf")).unwrap_err();
        let s = err.to_string();
        assert!(s.contains("broken.dbf") && s.contains("record 1"), "{s}");
    }

    #[test]
    fn utf8_round_trip() {
        let mut a = Map::new();
        a.insert("名称代码".into(), Value::String("曲阳县".into()));
        a.insert("POP".into(), Value::Number(12.into()));
        a.insert("AREA".into(), serde_json::json!(1.5));
        let bytes = write_dbf(&[&a]);
        let t = parse_dbf(&bytes, Some("UTF-8"), Path::new("y.dbf")).unwrap();
        assert!(t.fields.iter().any(|f| f.name == "名称代")); // 9 bytes: cut on a char boundary
        assert_eq!(t.records[0]["名称代"], Value::String("曲阳县".into()));
        assert_eq!(t.records[0]["POP"], Value::Number(12.into()));
        assert_eq!(t.records[0]["AREA"].as_f64(), Some(1.5));
    }
}

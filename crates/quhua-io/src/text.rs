//! Text files in UTF-8 (with or without BOM) or GBK/GB18030, optionally gzip-compressed.
//!
//! Government files are often GBK. Detection is strict: a file is UTF-8 if it decodes as
//! UTF-8 without a single bad sequence, else GBK/GB18030 if it decodes as that without a
//! single bad sequence, else an error naming both first bad byte offsets. (A GBK file that
//! is also valid UTF-8 is vanishingly rare for Chinese text.)

use crate::error::IoError;
use crate::limits::{ReadLimits, read_bounded, too_large};
use encoding_rs::{DecoderResult, GB18030};
use std::path::Path;

/// The encoding a text file was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextEncoding {
    /// UTF-8 without byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (as Excel writes "CSV UTF-8").
    Utf8Bom,
    /// GBK or its superset GB18030 (decoded as GB18030).
    Gbk,
}

impl TextEncoding {
    /// A short label ("UTF-8", "UTF-8 (BOM)", "GBK/GB18030").
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Gbk => "GBK/GB18030",
        }
    }
}

impl std::fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// A decoded text file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedText {
    /// The text, without any BOM.
    pub text: String,
    /// The encoding detected.
    pub encoding: TextEncoding,
    /// Whether the file was gzip-compressed.
    pub gzipped: bool,
}

/// Whether a path names a gzip file (`*.gz`, case-insensitive).
pub fn is_gz(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// Reads a file's bytes, gunzipping `*.gz` transparently, within the default limits.
pub fn read_bytes(path: &Path) -> Result<(Vec<u8>, bool), IoError> {
    read_bytes_limited(path, &ReadLimits::default())
}

/// As [`read_bytes`]: a file (or a `.gz` file's content) larger than
/// `limits.max_expanded_bytes` is refused as soon as the limit is passed.
pub fn read_bytes_limited(path: &Path, limits: &ReadLimits) -> Result<(Vec<u8>, bool), IoError> {
    let max = limits.max_expanded_bytes;
    let file = std::fs::File::open(path).map_err(|e| IoError::io(path, e))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if !is_gz(path) {
        if size > max {
            return Err(IoError::TooLarge {
                path: path.to_path_buf(),
                what: "文件大小".into(),
                what_en: "the file size".into(),
                limit: format!("{} MiB", max / (1024 * 1024)),
            });
        }
        let raw = read_bounded(file, max, size as usize)
            .map_err(|e| IoError::io(path, e))?
            .ok_or_else(|| too_large(path, limits))?;
        return Ok((raw, false));
    }
    let raw = read_bounded(file, max, size as usize)
        .map_err(|e| IoError::io(path, e))?
        .ok_or_else(|| too_large(path, limits))?;
    let decoder = flate2::read::MultiGzDecoder::new(raw.as_slice());
    let out = read_bounded(decoder, max, raw.len().saturating_mul(6))
        .map_err(|e| IoError::Gzip {
            path: path.to_path_buf(),
            source: e,
        })?
        .ok_or_else(|| too_large(path, limits))?;
    Ok((out, true))
}

/// Reads and decodes a text file (UTF-8 with/without BOM, or GBK/GB18030; `*.gz` gunzipped).
pub fn read_text(path: &Path) -> Result<DecodedText, IoError> {
    read_text_limited(path, &ReadLimits::default())
}

/// As [`read_text`], within `limits`.
pub fn read_text_limited(path: &Path, limits: &ReadLimits) -> Result<DecodedText, IoError> {
    let (bytes, gzipped) = read_bytes_limited(path, limits)?;
    let (text, encoding) = decode(bytes, path)?;
    Ok(DecodedText {
        text,
        encoding,
        gzipped,
    })
}

/// Decodes bytes as UTF-8 (BOM stripped) or else GBK/GB18030. `path` is only used in errors.
pub fn decode(bytes: Vec<u8>, path: &Path) -> Result<(String, TextEncoding), IoError> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let has_bom = bytes.starts_with(BOM);
    let utf8_offset = match String::from_utf8(bytes) {
        Ok(mut s) => {
            if has_bom {
                s.drain(..3);
                return Ok((s, TextEncoding::Utf8Bom));
            }
            return Ok((s, TextEncoding::Utf8));
        }
        Err(e) => {
            let off = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            match decode_gb18030(&bytes) {
                Ok(s) => return Ok((s, TextEncoding::Gbk)),
                Err(gbk_offset) => (off, gbk_offset),
            }
        }
    };
    Err(IoError::Encoding {
        path: path.to_path_buf(),
        utf8_offset: utf8_offset.0,
        gbk_offset: utf8_offset.1,
    })
}

/// Strict GB18030 decoding; on failure, the byte offset of the first bad sequence.
fn decode_gb18030(bytes: &[u8]) -> Result<String, usize> {
    let mut decoder = GB18030.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3 + 16);
    let mut out = String::with_capacity(cap);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        DecoderResult::InputEmpty => Ok(out),
        DecoderResult::Malformed(bad, after) => {
            Err(read.saturating_sub(bad as usize + after as usize))
        }
        // Cannot happen with a buffer of the maximal length; treat as malformed at the end.
        DecoderResult::OutputFull => Err(read),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_encodings() {
        let p = Path::new("x.csv");
        let (s, e) = decode("代码,名称\n".as_bytes().to_vec(), p).unwrap();
        assert_eq!((s.as_str(), e), ("代码,名称\n", TextEncoding::Utf8));
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend_from_slice("曲阳县".as_bytes());
        assert_eq!(
            decode(b, p).unwrap(),
            ("曲阳县".to_string(), TextEncoding::Utf8Bom)
        );
        let (gbk, _, _) = encoding_rs::GBK.encode("代码,名称\n130634,曲阳县\n");
        let (s, e) = decode(gbk.into_owned(), p).unwrap();
        assert_eq!(e, TextEncoding::Gbk);
        assert_eq!(s, "代码,名称\n130634,曲阳县\n");
    }

    #[test]
    fn names_offsets_of_bad_bytes() {
        let p = Path::new("bad.csv");
        let err = decode(b"ab,c\n\xFF\x80".to_vec(), p).unwrap_err();
        match err {
            IoError::Encoding {
                utf8_offset,
                gbk_offset,
                ..
            } => {
                assert_eq!(utf8_offset, 5);
                assert_eq!(gbk_offset, 5);
            }
            other => panic!("{other}"),
        }
    }
}

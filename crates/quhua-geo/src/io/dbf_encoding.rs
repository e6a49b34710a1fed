//! Choosing the text encoding of a .dbf: the .cpg file wins when it names an
//! encoding that fits the bytes; otherwise UTF-8 if the bytes are valid UTF-8,
//! else GB18030 (a superset of GBK/GB2312, the usual encoding of Chinese
//! shapefiles), else the code page hinted by the header's language driver byte.

use encoding_rs::{Encoding, GB18030, UTF_8, WINDOWS_1252};

/// How the encoding was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingSource {
    /// Declared in the .cpg file and consistent with the bytes.
    Cpg,
    /// Detected from the bytes.
    Detected,
    /// Declared in the .cpg but the bytes did not fit; another was detected.
    CpgMismatch,
    /// Taken from the .dbf header language driver id.
    LanguageDriver,
}

/// The encoding decision.
#[derive(Debug, Clone, Copy)]
pub struct EncodingChoice {
    /// The encoding used to decode the text.
    pub encoding: &'static Encoding,
    /// How it was chosen.
    pub source: EncodingSource,
    /// True when the text was pure ASCII (any encoding fits).
    pub ascii: bool,
}

impl EncodingChoice {
    /// Human name: "GBK" for GB18030 (as users know it), else the WHATWG name.
    pub fn name(&self) -> &'static str {
        if self.encoding == GB18030 {
            "GBK/GB18030"
        } else {
            self.encoding.name()
        }
    }
}

/// Maps a .cpg label (or code page number) to an encoding.
pub fn encoding_for_cpg(label: &str) -> Option<&'static Encoding> {
    let l = label.trim().trim_matches('\u{feff}').trim();
    let lower = l.to_ascii_lowercase();
    match lower.as_str() {
        "utf-8" | "utf8" | "65001" => Some(UTF_8),
        "gbk" | "cp936" | "936" | "gb2312" | "gb18030" | "54936" | "ansi 936" => Some(GB18030),
        "88591" | "8859_1" | "iso-8859-1" | "iso88591" | "1252" | "ansi 1252" | "latin1" => {
            Some(WINDOWS_1252)
        }
        "950" | "big5" | "cp950" => Encoding::for_label(b"big5"),
        _ => Encoding::for_label(lower.as_bytes()),
    }
}

/// Code page from a dBASE language driver id (byte 29 of the header).
pub fn encoding_for_ldid(ldid: u8) -> Option<&'static Encoding> {
    match ldid {
        0x4D | 0x7A => Some(GB18030),
        0x4F | 0x78 => Encoding::for_label(b"big5"),
        0x57 | 0x03 | 0x01 => Some(WINDOWS_1252),
        _ => None,
    }
}

fn fits(enc: &'static Encoding, bytes: &[u8]) -> bool {
    enc.decode_without_bom_handling_and_without_replacement(bytes)
        .is_some()
}

/// Decides the encoding for the concatenated text bytes of a .dbf.
pub fn choose_encoding(cpg: Option<&str>, ldid: u8, text: &[u8]) -> EncodingChoice {
    let ascii = text.is_ascii();
    if let Some(enc) = cpg.and_then(encoding_for_cpg) {
        if fits(enc, text) {
            return EncodingChoice {
                encoding: enc,
                source: EncodingSource::Cpg,
                ascii,
            };
        }
        let detected = detect(text);
        return EncodingChoice {
            encoding: detected,
            source: EncodingSource::CpgMismatch,
            ascii,
        };
    }
    if !ascii && std::str::from_utf8(text).is_err() {
        if fits(GB18030, text) {
            return EncodingChoice {
                encoding: GB18030,
                source: EncodingSource::Detected,
                ascii,
            };
        }
        if let Some(enc) = encoding_for_ldid(ldid) {
            return EncodingChoice {
                encoding: enc,
                source: EncodingSource::LanguageDriver,
                ascii,
            };
        }
    }
    EncodingChoice {
        encoding: detect(text),
        source: EncodingSource::Detected,
        ascii,
    }
}

fn detect(text: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(text).is_ok() {
        UTF_8
    } else if fits(GB18030, text) {
        GB18030
    } else {
        WINDOWS_1252
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_gbk_and_utf8_and_honours_cpg() {
        let (gbk, _, _) = GB18030.encode("曲阳县恒州镇");
        let c = choose_encoding(None, 0, &gbk);
        assert_eq!(c.encoding, GB18030);
        assert_eq!(c.source, EncodingSource::Detected);
        let c = choose_encoding(None, 0, "曲阳县".as_bytes());
        assert_eq!(c.encoding, UTF_8);
        let c = choose_encoding(Some("GBK\r\n"), 0, &gbk);
        assert_eq!((c.encoding, c.source), (GB18030, EncodingSource::Cpg));
        // .cpg says UTF-8 but the bytes are GBK: detected, flagged.
        let c = choose_encoding(Some("UTF-8"), 0, &gbk);
        assert_eq!(
            (c.encoding, c.source),
            (GB18030, EncodingSource::CpgMismatch)
        );
        assert_eq!(encoding_for_cpg("ISO-8859-1"), Some(WINDOWS_1252));
    }
}

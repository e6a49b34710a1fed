//! Resource limits of the readers: how large a file may expand (gzip, the parts of an
//! XLSX/ODS zip), how many cells and columns a sheet may have, how long a text may be.
//! Inputs beyond them are refused before they are built in memory, with a message naming
//! the file and the limit.

use crate::error::IoError;
use std::io::Read;
use std::path::Path;

/// Limits applied while reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadLimits {
    /// Largest size in bytes of a file after decompression (a `.gz` file's content; all
    /// parts of an XLSX/ODS workbook together). The national village list expands to
    /// about 70 MB; 512 MiB leaves room and keeps a decompression bomb harmless.
    pub max_expanded_bytes: u64,
    /// Largest number of non-empty cells in one sheet or CSV.
    pub max_cells: usize,
    /// Largest column count (a header wider than this is no survey table).
    pub max_columns: usize,
    /// Longest name or other text value, in characters (the longest official unit names
    /// are about 30 characters).
    pub max_text_chars: usize,
}

impl Default for ReadLimits {
    fn default() -> Self {
        ReadLimits {
            max_expanded_bytes: 512 * 1024 * 1024,
            max_cells: 20_000_000,
            max_columns: 512,
            max_text_chars: 100,
        }
    }
}

fn mib(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MiB", bytes / (1024 * 1024))
    } else {
        format!("{bytes} B")
    }
}

/// The error for an expansion beyond the limit.
pub(crate) fn too_large(path: &Path, limits: &ReadLimits) -> IoError {
    IoError::TooLarge {
        path: path.to_path_buf(),
        what: "解压后的大小".into(),
        what_en: "the decompressed size".into(),
        limit: mib(limits.max_expanded_bytes),
    }
}

/// Reads `reader` to its end, refusing more than `max` bytes (an error is returned as soon
/// as byte `max + 1` arrives: memory use stays bounded).
pub(crate) fn read_bounded(
    mut reader: impl Read,
    max: u64,
    capacity_hint: usize,
) -> std::io::Result<Option<Vec<u8>>> {
    let mut out = Vec::with_capacity(capacity_hint.min(max as usize));
    let n = (&mut reader)
        .take(max.saturating_add(1))
        .read_to_end(&mut out)?;
    Ok((n as u64 <= max).then_some(out))
}

/// Checks that the parts of a zip container (XLSX, XLSM, ODS) together expand to at most
/// the limit, by decompressing them into a counter (declared sizes can lie). Files that
/// are not zip containers (XLS) pass; their reader reports them.
pub(crate) fn check_zip_expansion(path: &Path, limits: &ReadLimits) -> Result<(), IoError> {
    let file = std::fs::File::open(path).map_err(|e| IoError::io(path, e))?;
    let mut magic = [0u8; 4];
    {
        let mut f = &file;
        if f.read_exact(&mut magic).is_err() || &magic != b"PK\x03\x04" {
            return Ok(());
        }
    }
    let bad = |e: &dyn std::fmt::Display| IoError::Workbook {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(|e| bad(&e))?;
    let mut total: u64 = 0;
    let max = limits.max_expanded_bytes;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| bad(&e))?;
        if entry.size() > max.saturating_sub(total) {
            return Err(too_large(path, limits));
        }
        let left = max - total;
        let n = std::io::copy(
            &mut (&mut entry).take(left.saturating_add(1)),
            &mut std::io::sink(),
        )
        .map_err(|e| bad(&e))?;
        if n > left {
            return Err(too_large(path, limits));
        }
        total += n;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_read_stops_at_the_limit() {
        let data = vec![7u8; 1000];
        assert_eq!(
            read_bounded(&data[..], 1000, 0).unwrap().map(|v| v.len()),
            Some(1000)
        );
        assert!(read_bounded(&data[..], 999, 0).unwrap().is_none());
    }
}

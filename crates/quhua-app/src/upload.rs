//! Files people upload (materials of the procedure, documents evidencing a step): a size
//! limit and a type check by extension and content, refused with a clear message.

use crate::{AppError, AppResult, ErrorKind};

/// The largest file accepted (20 MiB).
pub const MAX_BYTES: usize = 20 << 20;

/// An uploaded file.
#[derive(Debug, Clone)]
pub struct Upload {
    /// The file name as given (its directory parts are dropped).
    pub name: String,
    /// The content.
    pub bytes: Vec<u8>,
}

/// The accepted types: extension, what the content must start with, MIME type.
const TYPES: &[(&str, &[u8], &str)] = &[
    ("pdf", b"%PDF-", "application/pdf"),
    ("ofd", b"PK\x03\x04", "application/ofd"),
    (
        "docx",
        b"PK\x03\x04",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    (
        "xlsx",
        b"PK\x03\x04",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    ("doc", b"\xD0\xCF\x11\xE0", "application/msword"),
    ("xls", b"\xD0\xCF\x11\xE0", "application/vnd.ms-excel"),
    ("png", b"\x89PNG", "image/png"),
    ("jpg", b"\xFF\xD8\xFF", "image/jpeg"),
    ("jpeg", b"\xFF\xD8\xFF", "image/jpeg"),
    ("txt", b"", "text/plain; charset=utf-8"),
    ("md", b"", "text/markdown; charset=utf-8"),
];

/// The MIME type for a file name (by extension), `application/octet-stream` otherwise.
pub fn mime_of(name: &str) -> &'static str {
    let ext = extension(name);
    TYPES
        .iter()
        .find(|(e, _, _)| *e == ext)
        .map_or("application/octet-stream", |t| t.2)
}

/// Every media type a download may carry (stored materials and generated documents),
/// without parameters.
pub fn media_types() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = TYPES
        .iter()
        .map(|t| t.2.split(';').next().unwrap_or(t.2).trim())
        .chain([
            "text/csv",
            "application/octet-stream",
            "image/svg+xml",
            "application/json",
        ])
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

impl Upload {
    /// Checks a file: not empty, at most [`MAX_BYTES`], an accepted type whose content matches
    /// its extension (text files must be UTF-8).
    ///
    /// ```
    /// use quhua_app::upload::Upload;
    /// assert!(Upload::checked("申请书.pdf", b"%PDF-1.7 ...".to_vec()).is_ok());
    /// assert!(Upload::checked("申请书.pdf", b"MZ\x90\x00".to_vec()).is_err());
    /// assert!(Upload::checked("run.exe", b"MZ".to_vec()).is_err());
    /// ```
    pub fn checked(name: &str, bytes: Vec<u8>) -> AppResult<Upload> {
        let name = name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        if name.is_empty() || name.chars().count() > 200 || name.chars().any(char::is_control) {
            return Err(AppError::invalid(
                "文件名不能为空、不能含控制字符、不超过 200 字",
                "the file name must be 1–200 characters without control characters",
            ));
        }
        if bytes.is_empty() {
            return Err(AppError::invalid(
                format!("文件“{name}”是空的"),
                format!("file \"{name}\" is empty"),
            ));
        }
        if bytes.len() > MAX_BYTES {
            return Err(AppError::new(
                ErrorKind::TooLarge,
                format!(
                    "文件“{name}”有 {} MB，超过上限 {} MB",
                    bytes.len() >> 20,
                    MAX_BYTES >> 20
                ),
                format!(
                    "file \"{name}\" is {} MB, over the {} MB limit",
                    bytes.len() >> 20,
                    MAX_BYTES >> 20
                ),
            ));
        }
        let ext = extension(&name);
        let Some((_, magic, _)) = TYPES.iter().find(|(e, _, _)| *e == ext) else {
            return Err(AppError::invalid(
                format!(
                    "不接受“.{ext}”类型的文件；可上传 PDF、OFD、Word、Excel、图片（PNG/JPG）或文本"
                ),
                format!(
                    "\".{ext}\" files are not accepted; upload PDF, OFD, Word, Excel, images (PNG/JPG) or text"
                ),
            ));
        };
        let text = magic.is_empty();
        if (text && std::str::from_utf8(&bytes).is_err()) || !bytes.starts_with(magic) {
            return Err(AppError::invalid(
                format!("文件“{name}”的内容与扩展名 .{ext} 不符"),
                format!("the content of \"{name}\" does not match its .{ext} extension"),
            ));
        }
        Ok(Upload { name, bytes })
    }
}

/// A table to import: a path (the CLI) or uploaded bytes with their file name (the browser).
#[derive(Debug, Clone)]
pub enum ImportFile {
    /// A file on disk.
    Path(std::path::PathBuf),
    /// An upload.
    Bytes {
        /// File name as given (`资产明细.xlsx`); the extension decides how it is read.
        name: String,
        /// Content.
        bytes: Vec<u8>,
    },
}

/// An [`ImportFile`] on disk, readable by path: uploads are written to a private temporary
/// directory (removed when this is dropped) under their own plain name.
#[derive(Debug)]
pub struct OnDisk {
    /// Where it can be read.
    pub path: std::path::PathBuf,
    /// The name messages use (the uploaded name, never the temporary path).
    pub name: String,
    /// The content.
    pub bytes: Vec<u8>,
    _dir: Option<tempfile::TempDir>,
}

impl OnDisk {
    /// An error read from [`OnDisk::path`] restated with the file's own name.
    pub fn located(&self, e: AppError) -> AppError {
        let p = self.path.display().to_string();
        AppError {
            zh: e.zh.replace(&p, &self.name),
            en: e.en.replace(&p, &self.name),
            ..e
        }
    }
}

impl ImportFile {
    /// Makes the file readable by path. Uploads must be CSV or Excel (.csv, .xlsx, .xls).
    pub fn on_disk(&self) -> AppResult<OnDisk> {
        match self {
            ImportFile::Path(p) => {
                let bytes = std::fs::read(p).map_err(|e| {
                    AppError::invalid(
                        format!("无法读取 {}：{e}", p.display()),
                        format!("cannot read {}: {e}", p.display()),
                    )
                })?;
                let name = p.file_name().map_or_else(
                    || p.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                Ok(OnDisk {
                    path: p.clone(),
                    name,
                    bytes,
                    _dir: None,
                })
            }
            ImportFile::Bytes { name, bytes } => {
                let name = name
                    .rsplit(['/', '\\'])
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_string();
                let ext = extension(&name);
                if !matches!(ext.as_str(), "csv" | "xlsx" | "xls") {
                    return Err(AppError::invalid(
                        format!("“{name}”：请上传 CSV 或 Excel（.xlsx/.xls）文件"),
                        format!("\"{name}\": upload a CSV or Excel (.xlsx/.xls) file"),
                    ));
                }
                if bytes.is_empty() {
                    return Err(AppError::invalid(
                        format!("文件“{name}”是空的"),
                        format!("file \"{name}\" is empty"),
                    ));
                }
                let dir = tempfile::tempdir().map_err(AppError::internal)?;
                // The name is kept when it is a plain file name; otherwise a neutral one.
                let plain = name.chars().count() <= 100
                    && !name.starts_with('.')
                    && !name.chars().any(char::is_control);
                let path = dir.path().join(if plain {
                    name.clone()
                } else {
                    format!("上传文件.{ext}")
                });
                std::fs::write(&path, bytes).map_err(AppError::internal)?;
                Ok(OnDisk {
                    path,
                    name,
                    bytes: bytes.clone(),
                    _dir: Some(dir),
                })
            }
        }
    }
}

//! Error type of the crate. Messages are Chinese first, then English
//! ("中文 / English"), and name the file, record index and field when known.

use std::path::PathBuf;

/// Everything that can go wrong while reading, writing or processing geometry.
#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    /// An operating-system level I/O failure.
    #[error("无法读写文件 {path}：{source} / cannot read or write {path}: {source}")]
    Io {
        /// File concerned.
        path: PathBuf,
        /// Underlying error.
        source: std::io::Error,
    },
    /// A companion file of a shapefile is missing (e.g. the .dbf).
    #[error("缺少配套文件 {path} / missing companion file {path}")]
    MissingFile {
        /// The expected file.
        path: PathBuf,
    },
    /// A file is structurally broken (truncated, bad header, bad record).
    #[error("文件 {path} 格式错误{}：{message} / malformed file {path}{}: {message}",
        record.map(|r| format!("（第 {r} 条记录）")).unwrap_or_default(),
        record.map(|r| format!(" (record {r})")).unwrap_or_default())]
    Malformed {
        /// File concerned.
        path: PathBuf,
        /// 0-based record (feature) index, when known.
        record: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// The text of a .dbf could not be decoded with any supported encoding.
    #[error(
        "文件 {path} 的字符编码无法识别（{detail}） / unknown text encoding in {path} ({detail})"
    )]
    Encoding {
        /// File concerned.
        path: PathBuf,
        /// Explanation (the .cpg value, the failing record...).
        detail: String,
    },
    /// The coordinate reference system is not supported.
    #[error(
        "不支持的坐标系或投影“{projection}”（文件 {path}） / unsupported projection \"{projection}\" in {path}"
    )]
    UnsupportedProjection {
        /// File concerned (.prj).
        path: PathBuf,
        /// The projection name as written in the WKT.
        projection: String,
    },
    /// The .prj WKT could not be parsed.
    #[error("无法解析投影定义 {path}：{message} / cannot parse projection WKT {path}: {message}")]
    Wkt {
        /// File concerned.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A requested attribute field does not exist.
    #[error("字段“{field}”不存在（文件 {path}） / field \"{field}\" not found in {path}")]
    MissingField {
        /// File or layer name.
        path: PathBuf,
        /// Field name.
        field: String,
    },
    /// Geometry that cannot be used (e.g. not a polygon).
    #[error(
        "第 {record} 个要素的几何无效：{message} / invalid geometry in feature {record}: {message}"
    )]
    InvalidGeometry {
        /// 0-based feature index.
        record: usize,
        /// What is wrong.
        message: String,
    },
    /// A coordinate that is not a finite lon/lat (NaN, infinity, out of range for the CRS).
    #[error(
        "文件 {path} 第 {feature} 个要素（从 0 起）：{zh} / {path} feature {feature} (0-based): {en}"
    )]
    BadCoordinate {
        /// File concerned.
        path: PathBuf,
        /// 0-based feature index.
        feature: usize,
        /// What is wrong (Chinese).
        zh: String,
        /// What is wrong (English).
        en: String,
    },
    /// A feature with more positions than the reader accepts.
    #[error(
        "文件 {path} 第 {feature} 个要素（从 0 起）有 {vertices} 个顶点，超过上限 {max} / {path} feature {feature} (0-based) has {vertices} vertices, more than the limit of {max}"
    )]
    TooManyVertices {
        /// File concerned.
        path: PathBuf,
        /// 0-based feature index.
        feature: usize,
        /// Positions in the feature.
        vertices: usize,
        /// The limit.
        max: usize,
    },
    /// Invalid arguments to a library function.
    #[error("参数错误：{0} / invalid argument: {0}")]
    InvalidArgument(String),
}

impl GeoError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        GeoError::Io {
            path: path.into(),
            source,
        }
    }
    pub(crate) fn malformed(
        path: impl Into<PathBuf>,
        record: Option<usize>,
        message: impl Into<String>,
    ) -> Self {
        GeoError::Malformed {
            path: path.into(),
            record,
            message: message.into(),
        }
    }
}

/// Result alias of the crate.
pub type Result<T, E = GeoError> = std::result::Result<T, E>;

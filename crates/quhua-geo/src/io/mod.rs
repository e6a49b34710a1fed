//! Readers and writers: GeoJSON, Shapefile (.dbf encodings, .prj WKT), GeoPackage, and
//! uploaded files held in memory ([`read_layer_bytes`]: GeoJSON, zipped Shapefile, GeoPackage).

pub mod dbf;
pub mod dbf_encoding;
pub mod finish;
pub mod geojson;
pub mod gpkg;
pub mod prj;
pub(crate) mod rings;
pub mod shapefile;
pub mod upload;

pub use self::geojson::{read_geojson, read_geojson_str, write_geojson};
pub use self::shapefile::{read_shapefile, read_shapefile_bytes, write_shapefile};
pub use self::upload::{
    MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, UPLOAD_EXTENSIONS, read_layer_bytes,
    read_layer_bytes_with_limit,
};

use crate::error::{GeoError, Result};
use crate::layer::Layer;
use std::path::Path;

/// Reads a layer, choosing the format from the extension (.geojson/.json,
/// .shp/.dbf, or .gpkg: the first polygon feature table).
pub fn read_layer(path: &Path) -> Result<Layer> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "geojson" | "json" => read_geojson(path),
        "shp" | "dbf" | "shx" => read_shapefile(path),
        "gpkg" => gpkg::read_gpkg(path, None),
        _ => Err(GeoError::InvalidArgument(format!(
            "无法识别的文件类型 {} / unknown file type {}",
            path.display(),
            path.display()
        ))),
    }
}

//! Reading a .prj file into a [`Crs`](crate::proj::Crs).

use crate::error::{GeoError, Result};
use crate::proj::{Crs, parse_prj};
use std::path::Path;

/// Reads and parses a .prj file (WKT1, OGC or Esri flavour).
pub fn read_prj(path: &Path) -> Result<Crs> {
    let bytes = std::fs::read(path).map_err(|e| GeoError::io(path, e))?;
    parse_prj(&String::from_utf8_lossy(&bytes), path)
}

//! # quhua-geo
//!
//! Geometry for township-level administrative division adjustments (乡镇撤并):
//!
//! * [`io`]: GeoJSON and Shapefile readers/writers (GBK/UTF-8 .dbf detection,
//!   .prj WKT with Transverse Mercator / Gauss-Krüger / UTM / State Plane TM
//!   and Lambert Conformal Conic inverse projections implemented in [`proj`]);
//! * [`area`]: geodesic area, perimeter, label points, distances;
//! * [`adjacency`]: rook/queen contiguity (CSR, `u32`), islands, point contacts;
//! * [`dissolve`]: union per group;
//! * [`validate`]: ring, self-intersection, overlap and gap checks, located;
//! * [`link`]: linking features to registry codes;
//! * [`synth`]: reproducible synthetic counties and a national synthetic set.
//!
//! All geometry is lon/lat degrees (CGCS2000 ≈ WGS84) once read.

pub mod adjacency;
pub mod area;
pub mod dissolve;
pub mod error;
pub mod io;
pub mod layer;
pub mod link;
pub mod proj;
pub mod synth;
pub mod validate;

pub use adjacency::{AdjacencyOptions, AdjacencyReport, Csr, adjacency};
pub use area::{area_km2, areas_km2, distance_km, label_point, perimeter_km};
pub use dissolve::{dissolve, dissolve_tiling};
pub use error::{GeoError, Result};
pub use io::{read_layer, read_layer_bytes};
pub use layer::{Feature, Layer, Warning, WarningKind};
pub use link::{LinkReport, link_by_code};

//! Map projections implemented from the published formulas (no PROJ):
//! Transverse Mercator by Krüger's series to order n⁶ (Karney 2011), which
//! covers Gauss-Krüger 3°/6° zones, UTM and State Plane TM zones, and
//! Lambert Conformal Conic (Snyder 1987, §15), plus a WKT1 (.prj) parser.

pub mod ellipsoid;
pub mod lcc;
pub mod tm;
pub mod wkt;

pub use ellipsoid::Ellipsoid;
pub use lcc::LambertConformalConic;
pub use tm::TransverseMercator;
pub use wkt::{Crs, parse_prj};

/// A projection that maps lon/lat in degrees to projected coordinates in the
/// projection's linear unit and back.
pub trait Projection: Send + Sync {
    /// Geographic (lon, lat) in degrees → projected (x, y) in linear units.
    fn forward(&self, lon: f64, lat: f64) -> (f64, f64);
    /// Projected (x, y) in linear units → geographic (lon, lat) in degrees.
    fn inverse(&self, x: f64, y: f64) -> (f64, f64);
}

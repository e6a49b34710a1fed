//! Reference ellipsoids.

/// A reference ellipsoid given by its semi-major axis and flattening.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ellipsoid {
    /// Semi-major axis in metres.
    pub a: f64,
    /// Flattening f (not inverse).
    pub f: f64,
}

impl Ellipsoid {
    /// GRS 1980 (also used by NAD83 and, to within 0.1 mm, CGCS2000).
    pub const GRS80: Ellipsoid = Ellipsoid {
        a: 6_378_137.0,
        f: 1.0 / 298.257_222_101,
    };
    /// WGS 84.
    pub const WGS84: Ellipsoid = Ellipsoid {
        a: 6_378_137.0,
        f: 1.0 / 298.257_223_563,
    };
    /// CGCS2000 (China Geodetic Coordinate System 2000).
    pub const CGCS2000: Ellipsoid = Ellipsoid {
        a: 6_378_137.0,
        f: 1.0 / 298.257_222_101,
    };
    /// Krassovsky 1940 (Beijing 1954).
    pub const KRASSOVSKY: Ellipsoid = Ellipsoid {
        a: 6_378_245.0,
        f: 1.0 / 298.3,
    };

    /// Builds an ellipsoid from a and inverse flattening (0 means a sphere).
    pub fn from_inverse_flattening(a: f64, rf: f64) -> Self {
        let f = if rf == 0.0 || !rf.is_finite() {
            0.0
        } else {
            1.0 / rf
        };
        Ellipsoid { a, f }
    }
    /// First eccentricity squared e².
    pub fn e2(&self) -> f64 {
        self.f * (2.0 - self.f)
    }
    /// First eccentricity e.
    pub fn e(&self) -> f64 {
        self.e2().sqrt()
    }
    /// Third flattening n = f / (2 − f).
    pub fn n(&self) -> f64 {
        self.f / (2.0 - self.f)
    }
    /// Radius of curvature in the prime vertical N(φ), metres.
    pub fn prime_vertical_radius(&self, lat_rad: f64) -> f64 {
        self.a / (1.0 - self.e2() * lat_rad.sin().powi(2)).sqrt()
    }
    /// Meridional radius of curvature M(φ), metres.
    pub fn meridional_radius(&self, lat_rad: f64) -> f64 {
        let e2 = self.e2();
        self.a * (1.0 - e2) / (1.0 - e2 * lat_rad.sin().powi(2)).powf(1.5)
    }
}

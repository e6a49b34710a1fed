//! Lambert Conformal Conic on the ellipsoid, one or two standard parallels
//! (Snyder 1987, "Map Projections — A Working Manual", eqs. 15-1 … 15-11).

use super::{Ellipsoid, Projection};
use std::f64::consts::FRAC_PI_2;

/// Lambert Conformal Conic parameters (false origin in the linear unit whose
/// length in metres is `unit_m`).
#[derive(Debug, Clone)]
pub struct LambertConformalConic {
    a: f64,
    e: f64,
    lon0: f64,
    n: f64,
    af: f64,
    rho0: f64,
    false_easting: f64,
    false_northing: f64,
    unit_m: f64,
}

fn m_of(e: f64, phi: f64) -> f64 {
    phi.cos() / (1.0 - (e * phi.sin()).powi(2)).sqrt()
}

fn t_of(e: f64, phi: f64) -> f64 {
    let es = e * phi.sin();
    (std::f64::consts::FRAC_PI_4 - phi / 2.0).tan() / ((1.0 - es) / (1.0 + es)).powf(e / 2.0)
}

impl LambertConformalConic {
    /// Two standard parallels (`lat1 == lat2` gives the one-parallel case with k0 = 1).
    /// Angles in degrees.
    #[allow(clippy::too_many_arguments)]
    pub fn new_2sp(
        ellipsoid: Ellipsoid,
        lon0: f64,
        lat0: f64,
        lat1: f64,
        lat2: f64,
        false_easting: f64,
        false_northing: f64,
        unit_m: f64,
    ) -> Self {
        let e = ellipsoid.e();
        let (p1, p2, p0) = (lat1.to_radians(), lat2.to_radians(), lat0.to_radians());
        let (m1, m2) = (m_of(e, p1), m_of(e, p2));
        let (t1, t2, t0) = (t_of(e, p1), t_of(e, p2), t_of(e, p0));
        let n = if (lat1 - lat2).abs() < 1e-12 {
            p1.sin()
        } else {
            (m1.ln() - m2.ln()) / (t1.ln() - t2.ln())
        };
        let f = m1 / (n * t1.powf(n));
        let af = ellipsoid.a * f;
        LambertConformalConic {
            a: ellipsoid.a,
            e,
            lon0,
            n,
            af,
            rho0: af * t0.powf(n),
            false_easting,
            false_northing,
            unit_m,
        }
    }

    /// One standard parallel (the latitude of origin) with scale factor k0.
    pub fn new_1sp(
        ellipsoid: Ellipsoid,
        lon0: f64,
        lat0: f64,
        k0: f64,
        false_easting: f64,
        false_northing: f64,
        unit_m: f64,
    ) -> Self {
        let mut p = Self::new_2sp(
            ellipsoid,
            lon0,
            lat0,
            lat0,
            lat0,
            false_easting,
            false_northing,
            unit_m,
        );
        p.af *= k0;
        p.rho0 *= k0;
        p
    }
}

impl Projection for LambertConformalConic {
    fn forward(&self, lon: f64, lat: f64) -> (f64, f64) {
        let rho = self.af * t_of(self.e, lat.to_radians()).powf(self.n);
        let theta = self.n * (lon - self.lon0).to_radians();
        (
            rho * theta.sin() / self.unit_m + self.false_easting,
            (self.rho0 - rho * theta.cos()) / self.unit_m + self.false_northing,
        )
    }

    fn inverse(&self, x: f64, y: f64) -> (f64, f64) {
        let xm = (x - self.false_easting) * self.unit_m;
        let ym = (y - self.false_northing) * self.unit_m;
        let s = self.n.signum();
        let rho = s * (xm * xm + (self.rho0 - ym).powi(2)).sqrt();
        let theta = (s * xm).atan2(s * (self.rho0 - ym));
        let t = (rho / self.af).powf(1.0 / self.n);
        let mut phi = FRAC_PI_2 - 2.0 * t.atan();
        for _ in 0..15 {
            let es = self.e * phi.sin();
            let next = FRAC_PI_2 - 2.0 * (t * ((1.0 - es) / (1.0 + es)).powf(self.e / 2.0)).atan();
            let done = (next - phi).abs() < 1e-15;
            phi = next;
            if done {
                break;
            }
        }
        let _ = self.a;
        ((theta / self.n).to_degrees() + self.lon0, phi.to_degrees())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// EPSG Guidance Note 7-2 §3.1.1.1 (NAD27 / Texas South Central, US survey feet):
    /// 28°30'N 96°W → E 2 963 503.91 ftUS, N 254 759.80 ftUS.
    #[test]
    fn epsg_texas_south_central() {
        let clarke1866 = Ellipsoid::from_inverse_flattening(6_378_206.4, 294.978_698_2);
        let ft = 1200.0 / 3937.0;
        let p = LambertConformalConic::new_2sp(
            clarke1866,
            -99.0,
            27.0 + 50.0 / 60.0,
            28.0 + 23.0 / 60.0,
            30.0 + 17.0 / 60.0,
            2_000_000.0,
            0.0,
            ft,
        );
        let (e, n) = p.forward(-96.0, 28.5);
        assert!((e - 2_963_503.91).abs() < 0.05, "E = {e}");
        assert!((n - 254_759.80).abs() < 0.05, "N = {n}");
        let (lon, lat) = p.inverse(e, n);
        assert!((lon + 96.0).abs() < 1e-9 && (lat - 28.5).abs() < 1e-9);
    }
}

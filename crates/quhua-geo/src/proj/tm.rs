//! Transverse Mercator by Krüger's n-series to sixth order (Karney 2011,
//! "Transverse Mercator with an accuracy of a few nanometers"), accurate to
//! about 5 nm within 3 900 km of the central meridian.

use super::{Ellipsoid, Projection};

/// Transverse Mercator parameters. Linear values (false easting/northing) are
/// in the projection's linear unit; `unit_m` converts that unit to metres.
#[derive(Debug, Clone)]
pub struct TransverseMercator {
    lon0: f64,
    k0: f64,
    false_easting: f64,
    false_northing: f64,
    unit_m: f64,
    a_rect: f64,
    alpha: [f64; 6],
    beta: [f64; 6],
    e: f64,
    y0: f64,
}

impl TransverseMercator {
    /// Creates a TM projection. Angles in degrees, false easting/northing in
    /// the linear unit whose length in metres is `unit_m` (1.0 for metres,
    /// 1200/3937 for US survey feet).
    pub fn new(
        ellipsoid: Ellipsoid,
        lon0_deg: f64,
        lat0_deg: f64,
        k0: f64,
        false_easting: f64,
        false_northing: f64,
        unit_m: f64,
    ) -> Self {
        let n = ellipsoid.n();
        let n2 = n * n;
        let n3 = n2 * n;
        let n4 = n3 * n;
        let n5 = n4 * n;
        let n6 = n5 * n;
        let a_rect = ellipsoid.a / (1.0 + n) * (1.0 + n2 / 4.0 + n4 / 64.0 + n6 / 256.0);
        let alpha = [
            n / 2.0 - 2.0 * n2 / 3.0 + 5.0 * n3 / 16.0 + 41.0 * n4 / 180.0 - 127.0 * n5 / 288.0
                + 7891.0 * n6 / 37800.0,
            13.0 * n2 / 48.0 - 3.0 * n3 / 5.0 + 557.0 * n4 / 1440.0 + 281.0 * n5 / 630.0
                - 1983433.0 * n6 / 1935360.0,
            61.0 * n3 / 240.0 - 103.0 * n4 / 140.0
                + 15061.0 * n5 / 26880.0
                + 167603.0 * n6 / 181440.0,
            49561.0 * n4 / 161280.0 - 179.0 * n5 / 168.0 + 6601661.0 * n6 / 7257600.0,
            34729.0 * n5 / 80640.0 - 3418889.0 * n6 / 1995840.0,
            212378941.0 * n6 / 319334400.0,
        ];
        let beta = [
            n / 2.0 - 2.0 * n2 / 3.0 + 37.0 * n3 / 96.0 - n4 / 360.0 - 81.0 * n5 / 512.0
                + 96199.0 * n6 / 604800.0,
            n2 / 48.0 + n3 / 15.0 - 437.0 * n4 / 1440.0 + 46.0 * n5 / 105.0
                - 1118711.0 * n6 / 3870720.0,
            17.0 * n3 / 480.0 - 37.0 * n4 / 840.0 - 209.0 * n5 / 4480.0 + 5569.0 * n6 / 90720.0,
            4397.0 * n4 / 161280.0 - 11.0 * n5 / 504.0 - 830251.0 * n6 / 7257600.0,
            4583.0 * n5 / 161280.0 - 108847.0 * n6 / 3991680.0,
            20648693.0 * n6 / 638668800.0,
        ];
        let mut tm = TransverseMercator {
            lon0: lon0_deg,
            k0,
            false_easting,
            false_northing,
            unit_m,
            a_rect,
            alpha,
            beta,
            e: ellipsoid.e(),
            y0: 0.0,
        };
        // Meridian distance of the latitude of origin (in metres, scaled).
        let (_, y0) = tm.forward_metres(lon0_deg, lat0_deg);
        tm.y0 = y0;
        tm
    }

    /// UTM zone (1..=60) on the given ellipsoid, metres.
    pub fn utm(ellipsoid: Ellipsoid, zone: u32, north: bool) -> Self {
        let lon0 = -183.0 + 6.0 * zone as f64;
        let fnorth = if north { 0.0 } else { 10_000_000.0 };
        Self::new(ellipsoid, lon0, 0.0, 0.9996, 500_000.0, fnorth, 1.0)
    }

    /// Chinese Gauss-Krüger zone on CGCS2000: `width_deg` 3 or 6, `zone` number;
    /// with `prefix` the false easting carries the zone number (zone·10⁶ + 500 000).
    pub fn gauss_kruger(zone: u32, width_deg: u32, prefix: bool) -> Self {
        let lon0 = if width_deg == 6 {
            6.0 * zone as f64 - 3.0
        } else {
            3.0 * zone as f64
        };
        let fe = if prefix {
            zone as f64 * 1_000_000.0 + 500_000.0
        } else {
            500_000.0
        };
        Self::new(Ellipsoid::CGCS2000, lon0, 0.0, 1.0, fe, 0.0, 1.0)
    }

    /// Conformal latitude tangent τ' from geodetic τ.
    fn taup(&self, tau: f64) -> f64 {
        let e = self.e;
        let tau1 = tau.hypot(1.0);
        let sig = (e * (e * tau / tau1).atanh()).sinh();
        tau * sig.hypot(1.0) - sig * tau1
    }

    /// Geodetic τ from conformal τ' by Newton's method (Karney 2011, eq. 19–21).
    fn tau_from_taup(&self, taup: f64) -> f64 {
        let e2m = 1.0 - self.e * self.e;
        let mut tau = taup / e2m;
        for _ in 0..6 {
            let taupa = self.taup(tau);
            let dtau = (taup - taupa) * (1.0 + e2m * tau * tau)
                / (e2m * tau.hypot(1.0) * taupa.hypot(1.0));
            tau += dtau;
            if dtau.abs() < 1e-14 * tau.abs().max(1.0) {
                break;
            }
        }
        tau
    }

    /// Forward projection in metres without false origin (y measured from the equator).
    fn forward_metres(&self, lon: f64, lat: f64) -> (f64, f64) {
        let lam = (lon - self.lon0).to_radians();
        let phi = lat.to_radians();
        let taup = self.taup(phi.tan());
        let xip = taup.atan2(lam.cos());
        let etap = (lam.sin() / taup.hypot(lam.cos())).asinh();
        let mut xi = xip;
        let mut eta = etap;
        for (j, a) in self.alpha.iter().enumerate() {
            let k = 2.0 * (j as f64 + 1.0);
            xi += a * (k * xip).sin() * (k * etap).cosh();
            eta += a * (k * xip).cos() * (k * etap).sinh();
        }
        (self.k0 * self.a_rect * eta, self.k0 * self.a_rect * xi)
    }
}

impl Projection for TransverseMercator {
    fn forward(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (x, y) = self.forward_metres(lon, lat);
        (
            x / self.unit_m + self.false_easting,
            (y - self.y0) / self.unit_m + self.false_northing,
        )
    }

    fn inverse(&self, x: f64, y: f64) -> (f64, f64) {
        let xm = (x - self.false_easting) * self.unit_m;
        let ym = (y - self.false_northing) * self.unit_m + self.y0;
        let xi = ym / (self.k0 * self.a_rect);
        let eta = xm / (self.k0 * self.a_rect);
        let mut xip = xi;
        let mut etap = eta;
        for (j, b) in self.beta.iter().enumerate() {
            let k = 2.0 * (j as f64 + 1.0);
            xip -= b * (k * xi).sin() * (k * eta).cosh();
            etap -= b * (k * xi).cos() * (k * eta).sinh();
        }
        let taup = xip.sin() / etap.sinh().hypot(xip.cos());
        let lam = etap.sinh().atan2(xip.cos());
        let tau = self.tau_from_taup(taup);
        (self.lon0 + lam.to_degrees(), tau.atan().to_degrees())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// EPSG Guidance Note 7-2, §3.5.3.1 worked example (OSGB 1936 / British
    /// National Grid): 50°30'N 0°30'E → E 577 274.99 m, N 69 740.50 m.
    #[test]
    fn epsg_guidance_note_british_national_grid() {
        let airy = Ellipsoid::from_inverse_flattening(6_377_563.396, 299.324_964_6);
        let tm = TransverseMercator::new(
            airy,
            -2.0,
            49.0,
            0.999_601_271_7,
            400_000.0,
            -100_000.0,
            1.0,
        );
        let (e, n) = tm.forward(0.5, 50.5);
        assert!((e - 577_274.99).abs() < 0.01, "E = {e}");
        assert!((n - 69_740.50).abs() < 0.01, "N = {n}");
        let (lon, lat) = tm.inverse(577_274.99, 69_740.50);
        assert!(
            (lon - 0.5).abs() < 1e-7 && (lat - 50.5).abs() < 1e-7,
            "{lon} {lat}"
        );
    }

    /// A UTM point checked against PROJ 9 through pyproj
    /// (EPSG:4326 → EPSG:32617: 630087.3751707134, 4833442.311880836).
    #[test]
    fn utm_cn_tower() {
        let tm = TransverseMercator::utm(Ellipsoid::WGS84, 17, true);
        let (e, n) = tm.forward(-79.3871, 43.6426);
        assert!((e - 630_087.375_170_713_4).abs() < 1e-6, "E = {e}");
        assert!((n - 4_833_442.311_880_836).abs() < 1e-6, "N = {n}");
    }

    /// Round trip over a grid, including 3° Gauss-Krüger zone 38 with prefix.
    #[test]
    fn round_trip_gauss_kruger() {
        let tm = TransverseMercator::gauss_kruger(38, 3, true);
        for i in 0..=20 {
            for j in 0..=20 {
                let lon = 112.5 + 3.0 * i as f64 / 20.0;
                let lat = 18.0 + 35.0 * j as f64 / 20.0;
                let (x, y) = tm.forward(lon, lat);
                assert!(x > 38_000_000.0 && x < 39_000_000.0);
                let (lo, la) = tm.inverse(x, y);
                assert!(
                    (lo - lon).abs() < 1e-9 && (la - lat).abs() < 1e-9,
                    "{lon},{lat} -> {lo},{la}"
                );
            }
        }
        // On the central meridian the easting is exactly the false easting
        // and the northing is the meridian arc (k0 = 1): 1° of latitude ≈ 110.6 km at the equator.
        let (x, y) = tm.forward(114.0, 1.0);
        assert!((x - 38_500_000.0).abs() < 1e-6);
        assert!((y - 110_574.4).abs() < 0.5, "{y}");
    }
}

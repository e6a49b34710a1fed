//! Maps for documents: a county's townships as SVG (and PNG through typst), with labels, a
//! legend, a scale bar, a north arrow, and 示意图 where the geometry is schematic.
//!
//! Input is plain data: each region is a set of rings in longitude/latitude, grouped into the
//! township it belongs to; villages of one township share a colour.

use crate::ReportError;
use crate::typeset::{SANS, lit};

/// One drawn polygon (a village, or a whole township) and the township it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct MapRegion {
    /// Index of its township in [`MapSpec::townships`].
    pub township: usize,
    /// Rings (outer first) as (lon, lat).
    pub rings: Vec<Vec<(f64, f64)>>,
}

/// A map to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct MapSpec {
    /// Title (e.g. 曲阳县乡级行政区划图（调整前）).
    pub title: String,
    /// Township names (labels and legend), by index.
    pub townships: Vec<String>,
    /// Regions.
    pub regions: Vec<MapRegion>,
    /// Whether the geometry is schematic (示意): the title says 示意图 and a note says so.
    pub schematic: bool,
}

const PALETTE: [&str; 12] = [
    "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5",
    "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f",
];

fn esc_xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Map size in pixels (width, height) of [`svg`].
pub const SIZE: (u32, u32) = (1000, 760);

/// The map as SVG.
pub fn svg(spec: &MapSpec) -> String {
    let (w, h) = (SIZE.0 as f64, SIZE.1 as f64);
    let (map_x, map_y, map_w, map_h) = (20.0, 70.0, 700.0, 660.0);
    let pts = spec
        .regions
        .iter()
        .flat_map(|r| r.rings.iter().flatten().copied());
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (x, y) in pts {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    if x0 > x1 {
        (x0, y0, x1, y1) = (0.0, 0.0, 1.0, 1.0);
    }
    let lat0 = ((y0 + y1) / 2.0).to_radians();
    let kx = lat0.cos();
    let sx = map_w / ((x1 - x0) * kx).max(1e-9);
    let sy = map_h / (y1 - y0).max(1e-9);
    let s = sx.min(sy);
    let ox = map_x + (map_w - (x1 - x0) * kx * s) / 2.0;
    let oy = map_y + (map_h - (y1 - y0) * s) / 2.0;
    let proj = |(x, y): (f64, f64)| (ox + (x - x0) * kx * s, oy + (y1 - y) * s);
    let font = SANS.join(", ");
    let mut o = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{font}\">\n<rect width=\"{w}\" height=\"{h}\" fill=\"white\"/>\n"
    );
    let title = if spec.schematic && !spec.title.contains("示意") {
        format!("{}（示意图）", spec.title)
    } else {
        spec.title.clone()
    };
    o.push_str(&format!(
        "<text x=\"{}\" y=\"42\" font-size=\"30\" text-anchor=\"middle\" font-weight=\"bold\">{}</text>\n",
        w / 2.0,
        esc_xml(&title)
    ));
    // Regions, filled by township.
    let mut sums = vec![(0.0f64, 0.0f64, 0usize); spec.townships.len()];
    for r in &spec.regions {
        let color = PALETTE[r.township % PALETTE.len()];
        let mut d = String::new();
        for ring in &r.rings {
            for (i, p) in ring.iter().enumerate() {
                let (x, y) = proj(*p);
                d.push_str(&format!("{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" }));
                if let Some(t) = sums.get_mut(r.township) {
                    t.0 += x;
                    t.1 += y;
                    t.2 += 1;
                }
            }
            d.push('Z');
        }
        o.push_str(&format!(
            "<path d=\"{d}\" fill=\"{color}\" stroke=\"#666\" stroke-width=\"0.6\" fill-rule=\"evenodd\"/>\n"
        ));
    }
    // Labels at the mean vertex of each township.
    for (i, (sx, sy, n)) in sums.iter().enumerate() {
        if *n == 0 {
            continue;
        }
        let (x, y) = (sx / *n as f64, sy / *n as f64);
        o.push_str(&format!(
            "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"17\" text-anchor=\"middle\" stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>\n",
            esc_xml(&spec.townships[i])
        ));
    }
    // Legend.
    let lx = 740.0;
    o.push_str(&format!(
        "<text x=\"{lx}\" y=\"92\" font-size=\"20\" font-weight=\"bold\">图例</text>\n"
    ));
    let per_col = 26usize;
    for (i, name) in spec.townships.iter().enumerate() {
        let col = (i / per_col) as f64;
        let y = 110.0 + (i % per_col) as f64 * 22.0;
        let x = lx + col * 125.0;
        o.push_str(&format!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"16\" height=\"14\" fill=\"{}\" stroke=\"#666\"/><text x=\"{}\" y=\"{}\" font-size=\"15\">{}</text>\n",
            PALETTE[i % PALETTE.len()],
            x + 22.0,
            y + 13.0,
            esc_xml(name)
        ));
    }
    // North arrow.
    o.push_str(
        "<g transform=\"translate(680,110)\"><path d=\"M0,-34 L12,6 L0,-2 L-12,6 Z\" fill=\"black\"/><text x=\"0\" y=\"26\" font-size=\"18\" text-anchor=\"middle\">北</text></g>\n",
    );
    // Scale bar: a round number of km near 1/5 of the map width.
    let km_per_px = 111.32 / s;
    let target = map_w / 5.0 * km_per_px;
    let mag = 10f64.powf(target.log10().floor());
    let km = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .rfind(|v| *v <= target)
        .unwrap_or(mag);
    let px = km / km_per_px;
    o.push_str(&format!(
        "<g transform=\"translate(40,720)\"><rect x=\"0\" y=\"0\" width=\"{px:.1}\" height=\"6\" fill=\"black\"/><rect x=\"{:.1}\" y=\"0\" width=\"{:.1}\" height=\"6\" fill=\"white\" stroke=\"black\"/><text x=\"0\" y=\"-6\" font-size=\"14\">0</text><text x=\"{px:.1}\" y=\"-6\" font-size=\"14\" text-anchor=\"middle\">{} 公里</text></g>\n",
        px / 2.0,
        px / 2.0,
        km
    ));
    if spec.schematic {
        o.push_str(&format!(
            "<text x=\"{}\" y=\"750\" font-size=\"13\" text-anchor=\"end\" fill=\"#444\">示意图：边界为合成示意，不作为划界依据 / schematic boundaries, not for delimitation</text>\n",
            w - 20.0
        ));
    }
    o.push_str("</svg>\n");
    o
}

/// The map as PNG (rendered by typst, `scale` pixels per SVG pixel).
pub fn png(spec: &MapSpec, scale: f32) -> Result<Vec<u8>, ReportError> {
    let svg = svg(spec);
    let (w, h) = SIZE;
    let markup = format!(
        "#set page(width: {w}pt, height: {h}pt, margin: 0pt)\n#image({}, width: 100%, height: 100%)\n",
        lit("map.svg")
    );
    let pages = crate::typeset::png_pages(&markup, &[("map.svg".into(), svg.into_bytes())], scale)?;
    pages
        .into_iter()
        .next()
        .ok_or_else(|| ReportError::Typeset("no page".into()))
}

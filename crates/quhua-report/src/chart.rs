//! Charts for documents: grouped bars (before/after, with a reference line such as the
//! national average) and yearly lines, as SVG and PNG (through typst) — the same figures the
//! web draws with ECharts, for the 评估报告.

use crate::ReportError;
use crate::typeset::{SANS, lit};

/// Chart size in pixels (width, height).
pub const SIZE: (u32, u32) = (1000, 520);

const COLOURS: [&str; 4] = ["#9e9e9e", "#2f7fc1", "#e6a23c", "#67c23a"];

fn esc_xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Grouped bars: one group per category, one bar per series.
#[derive(Debug, Clone, PartialEq)]
pub struct Bars {
    /// Title.
    pub title: String,
    /// Unit of the values (shown on the axis).
    pub unit: String,
    /// Category labels.
    pub categories: Vec<String>,
    /// Series: name and one value per category.
    pub series: Vec<(String, Vec<f64>)>,
    /// A reference line (label, value), e.g. the national average.
    pub reference: Option<(String, f64)>,
}

/// A yearly line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Title.
    pub title: String,
    /// Unit of the values.
    pub unit: String,
    /// (year, value), by year.
    pub points: Vec<(i32, f64)>,
}

/// A "nice" axis maximum and step for values up to `max`.
fn axis(max: f64) -> (f64, f64) {
    if max <= 0.0 || !max.is_finite() {
        return (1.0, 0.25);
    }
    let raw = max / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    ((max / step).ceil() * step, step)
}

/// A value as written on a chart: whole numbers with thousands separators, two decimals for
/// small fractional ones (never a second 万 on a figure already in 万元).
fn label(v: f64) -> String {
    if v.abs() >= 100.0 || v.fract() == 0.0 {
        let digits = format!("{:.0}", v.abs());
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 && digits != "0" {
            out.insert(0, '-');
        }
        out
    } else {
        format!("{v:.2}")
    }
}

struct Frame {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    top: f64,
}

impl Frame {
    fn y_of(&self, v: f64) -> f64 {
        self.y + self.h - v / self.top * self.h
    }
}

fn open(title: &str, unit: &str) -> (String, Frame) {
    let (w, h) = (SIZE.0 as f64, SIZE.1 as f64);
    let font = SANS.join(", ");
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{font}\">\n<rect width=\"{w}\" height=\"{h}\" fill=\"white\"/>\n"
    );
    // Documents caption their figures below; a chart drawn alone carries its title.
    if !title.is_empty() {
        s.push_str(&format!(
            "<text x=\"{}\" y=\"40\" font-size=\"28\" text-anchor=\"middle\" font-weight=\"bold\">{}</text>\n",
            w / 2.0,
            esc_xml(title)
        ));
    }
    s.push_str(&format!(
        "<text x=\"20\" y=\"78\" font-size=\"18\" fill=\"#444\">{}</text>\n",
        esc_xml(unit)
    ));
    (
        s,
        Frame {
            x: 110.0,
            y: 95.0,
            w: w - 140.0,
            h: h - 175.0,
            top: 1.0,
        },
    )
}

fn grid(s: &mut String, f: &Frame, step: f64) {
    let mut v = 0.0;
    while v <= f.top + step * 1e-9 {
        let y = f.y_of(v);
        s.push_str(&format!(
            "<line x1=\"{:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#ddd\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"17\" text-anchor=\"end\">{}</text>\n",
            f.x,
            f.x + f.w,
            f.x - 10.0,
            y + 6.0,
            label(v)
        ));
        v += step;
    }
    s.push_str(&format!(
        "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#333\"/>\n",
        f.x,
        f.y + f.h,
        f.x + f.w,
        f.y + f.h
    ));
}

/// Grouped bars as SVG.
pub fn bars_svg(b: &Bars) -> String {
    let (mut s, mut f) = open(&b.title, &b.unit);
    let max = b
        .series
        .iter()
        .flat_map(|(_, v)| v.iter().copied())
        .chain(b.reference.iter().map(|r| r.1))
        .fold(0.0, f64::max);
    let (top, step) = axis(max * 1.08);
    f.top = top;
    grid(&mut s, &f, step);
    let groups = b.categories.len().max(1) as f64;
    let gw = f.w / groups;
    let n = b.series.len().max(1) as f64;
    let bw = (gw * 0.7 / n).min(90.0);
    for (ci, cat) in b.categories.iter().enumerate() {
        let gx = f.x + gw * ci as f64 + (gw - bw * n) / 2.0;
        for (si, (_, values)) in b.series.iter().enumerate() {
            let v = values.get(ci).copied().unwrap_or(0.0);
            let (x, y) = (gx + bw * si as f64, f.y_of(v));
            s.push_str(&format!(
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"16\" text-anchor=\"middle\">{}</text>\n",
                bw - 4.0,
                (f.y + f.h - y).max(0.0),
                colour(si, b.series.len()),
                x + (bw - 4.0) / 2.0,
                y - 6.0,
                label(v)
            ));
        }
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"18\" text-anchor=\"middle\">{}</text>\n",
            f.x + gw * (ci as f64 + 0.5),
            f.y + f.h + 26.0,
            esc_xml(cat)
        ));
    }
    if let Some((name, v)) = &b.reference {
        let y = f.y_of(*v);
        s.push_str(&format!(
            "<line x1=\"{:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#c0392b\" stroke-width=\"2\" stroke-dasharray=\"8 6\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"16\" text-anchor=\"end\" fill=\"#c0392b\">{} {}</text>\n",
            f.x,
            f.x + f.w,
            f.x + f.w,
            y - 6.0,
            esc_xml(name),
            label(*v)
        ));
    }
    legend(
        &mut s,
        b.series.iter().map(|(n, _)| n.as_str()),
        b.series.len(),
    );
    s.push_str("</svg>\n");
    s
}

/// A series' colour: grey then blue for before/after pairs, blue for a single series.
fn colour(i: usize, of: usize) -> &'static str {
    if of == 1 {
        COLOURS[1]
    } else {
        COLOURS[i % COLOURS.len()]
    }
}

fn legend<'a>(s: &mut String, names: impl Iterator<Item = &'a str>, of: usize) {
    let mut x = SIZE.0 as f64 / 2.0 - 120.0;
    let y = SIZE.1 as f64 - 22.0;
    for (i, n) in names.enumerate() {
        s.push_str(&format!(
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"22\" height=\"14\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{y:.1}\" font-size=\"17\">{}</text>\n",
            y - 13.0,
            colour(i, of),
            x + 28.0,
            esc_xml(n)
        ));
        x += 60.0 + 18.0 * n.chars().count() as f64;
    }
}

/// A yearly line as SVG.
pub fn line_svg(l: &Line) -> String {
    let (mut s, mut f) = open(&l.title, &l.unit);
    let max = l.points.iter().map(|p| p.1).fold(0.0, f64::max);
    let (top, step) = axis(max * 1.08);
    f.top = top;
    grid(&mut s, &f, step);
    let n = l.points.len().max(1);
    let x_of = |i: usize| {
        if n == 1 {
            f.x + f.w / 2.0
        } else {
            f.x + 20.0 + (f.w - 40.0) * i as f64 / (n - 1) as f64
        }
    };
    let path: Vec<String> = l
        .points
        .iter()
        .enumerate()
        .map(|(i, (_, v))| format!("{:.1},{:.1}", x_of(i), f.y_of(*v)))
        .collect();
    s.push_str(&format!(
        "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"3\"/>\n",
        path.join(" "),
        COLOURS[1]
    ));
    for (i, (year, v)) in l.points.iter().enumerate() {
        let (x, y) = (x_of(i), f.y_of(*v));
        s.push_str(&format!(
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"5\" fill=\"white\" stroke=\"{}\" stroke-width=\"2\"/><text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"17\" text-anchor=\"middle\">{year}</text>\n",
            COLOURS[1],
            f.y + f.h + 26.0
        ));
        if i == 0 || i + 1 == l.points.len() {
            s.push_str(&format!(
                "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"16\" text-anchor=\"middle\">{}</text>\n",
                y - 12.0,
                label(*v)
            ));
        }
    }
    s.push_str("</svg>\n");
    s
}

/// An SVG chart as PNG (typst renders it with the document fonts).
pub fn png(svg: &str, scale: f32) -> Result<Vec<u8>, ReportError> {
    let (w, h) = SIZE;
    let markup = format!(
        "#set page(width: {w}pt, height: {h}pt, margin: 0pt)\n#image({}, width: 100%, height: 100%)\n",
        lit("chart.svg")
    );
    let pages = crate::typeset::png_pages(
        &markup,
        &[("chart.svg".into(), svg.as_bytes().to_vec())],
        scale,
    )?;
    pages
        .into_iter()
        .next()
        .ok_or_else(|| ReportError::Typeset("no page".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_covers_the_maximum_with_round_steps() {
        for max in [0.7, 9.0, 18.0, 36_600.0, 1_234_567.0] {
            let (top, step) = axis(max);
            assert!(top >= max && top < max * 2.6, "{max}: {top}");
            let m = step / 10f64.powf(step.log10().floor());
            assert!(
                [1.0, 2.0, 2.5, 5.0, 10.0]
                    .iter()
                    .any(|x| (m - x).abs() < 1e-9),
                "{step}"
            );
        }
    }

    #[test]
    fn bars_draw_every_value_and_the_reference() {
        let b = Bars {
            title: "平均人口".into(),
            unit: "人".into(),
            categories: vec!["调整前".into(), "调整后".into()],
            series: vec![("曲阳县".into(), vec![22_000.0, 33_000.0])],
            reference: Some(("全国平均".into(), 36_600.0)),
        };
        let s = bars_svg(&b);
        assert_eq!(
            s.matches("<rect x=").count(),
            2 + 1,
            "two bars and the legend key"
        );
        assert!(s.contains("22,000") && s.contains("33,000") && s.contains("全国平均 36,600"));
        assert_eq!(label(1_489_000.0), "1,489,000");
        assert_eq!(label(-120.0), "-120");
        assert_eq!(label(60.22), "60.22");
        let l = line_svg(&Line {
            title: "地区生产总值".into(),
            unit: "万元".into(),
            points: vec![(2016, 90.0), (2020, 120.0), (2025, 150.0)],
        });
        assert_eq!(l.matches("<circle").count(), 3);
        assert!(l.contains(">2016<") && l.contains(">2025<"));
    }
}

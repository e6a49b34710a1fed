//! The real unit list of 曲阳县 (NBS 2023), embedded from data/sample-county-130634/units.csv.

use crate::DemoError;
use quhua_core::registry::RawUnit;
use quhua_core::unit::Flags;
use quhua_core::{DivisionCode, Level, TownshipKind, UnitKind, VillageKind};

const UNITS_CSV: &str = include_str!("../../../data/sample-county-130634/units.csv");
const HEBEI_CSV: &str = include_str!("../../../data/demo/hebei-townships-nbs2023.csv");

/// 乡 → 镇 seen in the 民政部 list (code-history.csv, snapshot C): old code, new code.
pub const MCA_CONVERSIONS: [(&str, &str); 2] =
    [("130634210", "130634112"), ("130634211", "130634113")];

/// 曲阳县人民政府驻恒州镇 (public fact; the county-seat town).
const COUNTY_SEAT: &str = "130634100";
/// 示意: marked a historic/cultural town for the demo (曲阳石雕 is centred on 羊平镇).
pub const HISTORIC_SYNTHETIC: &str = "130634103";
/// 示意: marked a key/central town for the demo.
pub const KEY_TOWN_SYNTHETIC: &str = "130634104";

fn code(s: &str, row: usize) -> Result<DivisionCode, DemoError> {
    DivisionCode::parse(s).map_err(|e| DemoError::Data(format!("units.csv 第 {row} 行：{e}")))
}

/// The province, the city, the county, its townships and villages, parents first.
pub fn rows() -> Result<Vec<RawUnit>, DemoError> {
    let hebei = code("13", 0)?;
    let baoding = code("1306", 0)?;
    let mut out = vec![
        RawUnit::new(hebei, "河北省", None),
        RawUnit::new(baoding, "保定市", Some(hebei)),
    ];
    let mut rdr = csv::Reader::from_reader(UNITS_CSV.as_bytes());
    for (i, rec) in rdr.records().enumerate() {
        let row = i + 2;
        let rec = rec.map_err(|e| DemoError::Data(format!("units.csv 第 {row} 行：{e}")))?;
        let get = |k: usize| rec.get(k).unwrap_or("").trim();
        let (level, c, name, parent, kind) = (get(0), code(get(2), row)?, get(3), get(4), get(6));
        let parent = if level == "county" {
            baoding
        } else {
            code(parent, row)?
        };
        let mut unit = RawUnit::new(c, name, Some(parent));
        unit.kind = Some(match c.level() {
            Level::County => UnitKind::County,
            Level::Township => UnitKind::Township(TownshipKind::parse(kind).ok_or_else(|| {
                DemoError::Data(format!("units.csv 第 {row} 行：未知类型“{kind}”"))
            })?),
            _ => UnitKind::Village(match kind {
                "居民委员会" => VillageKind::Residents,
                "村民委员会" => VillageKind::Villagers,
                k if k.starts_with("类似居民委员会") => VillageKind::SimilarResidents,
                k => {
                    return Err(DemoError::Data(format!(
                        "units.csv 第 {row} 行：未知类型“{k}”"
                    )));
                }
            }),
        });
        unit.flags = Flags {
            county_seat: get(2) == COUNTY_SEAT,
            historic: get(2) == HISTORIC_SYNTHETIC,
            key_town: get(2) == KEY_TOWN_SYNTHETIC,
            ..Flags::default()
        };
        out.push(unit);
    }
    Ok(out)
}

/// Townships in code order, each with its villages' row indices in code order.
#[derive(Debug, Clone)]
pub struct Layout {
    /// (township row index, village row indices).
    pub townships: Vec<(usize, Vec<usize>)>,
}

impl Layout {
    /// Groups the rows.
    pub fn of(rows: &[RawUnit]) -> Layout {
        let mut towns: Vec<usize> = (0..rows.len())
            .filter(|&i| rows[i].code.level() == Level::Township)
            .collect();
        towns.sort_by_key(|&i| rows[i].code);
        let townships = towns
            .into_iter()
            .map(|t| {
                let mut v: Vec<usize> = (0..rows.len())
                    .filter(|&i| rows[i].parent == Some(rows[t].code))
                    .collect();
                v.sort_by_key(|&i| rows[i].code);
                (t, v)
            })
            .collect();
        Layout { townships }
    }
}

/// Township names elsewhere in 河北省 (NBS 2023).
pub fn other_hebei_names() -> Result<Vec<String>, DemoError> {
    let mut rdr = csv::Reader::from_reader(HEBEI_CSV.as_bytes());
    rdr.records()
        .map(|r| {
            r.map(|r| r.get(1).unwrap_or("").to_string())
                .map_err(|e| DemoError::Data(e.to_string()))
        })
        .collect()
}

//! The other handover tables: the cadre roster and the service points.

use super::columns::{ROSTER_COLS, SERVICE_COLS};
use super::read::{grid, parse_date, prepare};
use crate::error::IoError;
use quhua_core::unit::LonLat;
use quhua_workflow::handover::{Cadre, ServicePoint, ServiceType};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A roster as read.
#[derive(Debug, Clone, PartialEq)]
pub struct RosterTable {
    /// The file.
    pub path: PathBuf,
    /// The cadres (personal fields as given).
    pub cadres: Vec<Cadre>,
    /// Skipped rows and unknown columns.
    pub warnings: Vec<String>,
}

/// Service points as read.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceTable {
    /// The file.
    pub path: PathBuf,
    /// The points.
    pub points: Vec<ServicePoint>,
    /// Skipped rows and unknown columns.
    pub warnings: Vec<String>,
}

fn yes_no(t: &str) -> Option<bool> {
    match t.trim().to_ascii_lowercase().as_str() {
        "是" | "1" | "true" | "y" | "yes" | "√" => Some(true),
        "否" | "0" | "false" | "n" | "no" | "×" | "" => Some(false),
        _ => None,
    }
}

/// Reads a cadre roster. Required: 工号 (cadre_id), 姓名 (name), 所在单位代码 (unit_code),
/// 职务 (post); optional: 是否领导职务 (leader, 是/否), 职级 (rank), and the personal fields
/// 性别, 出生日期, 身份证号, 联系电话.
pub fn read_roster(path: &Path) -> Result<RosterTable, IoError> {
    let g = grid(path, None)?;
    let cols = &ROSTER_COLS;
    let (mut r, header_pos) = prepare(path, &g, cols)?;
    let mut cadres = Vec::new();
    let mut ids = HashMap::new();
    for (row, cells) in &g.rows[header_pos + 1..] {
        let row = *row;
        if r.skip(row, cells) {
            continue;
        }
        let id = r.required(row, cells, 0, cols)?;
        r.check_unique(&mut ids, &id, row, cols)?;
        let leader_text = r.text(cells, 4);
        let leader = yes_no(&leader_text).ok_or_else(|| IoError::BadFlag {
            loc: r.loc(row, 4, cols),
            value: leader_text.clone(),
        })?;
        let birth = r.date(row, cells, 7, cols)?;
        cadres.push(Cadre {
            name: r.required(row, cells, 1, cols)?,
            unit: r.owner(row, cells, 2, cols)?,
            post: r.required(row, cells, 3, cols)?,
            leader,
            rank: r.optional(cells, 5),
            gender: r.optional(cells, 6),
            birth_date: birth.as_deref().and_then(parse_date),
            id_number: r.optional(cells, 8),
            phone: r.optional(cells, 9),
            id,
        });
    }
    Ok(RosterTable {
        path: path.to_path_buf(),
        cadres,
        warnings: r.warnings,
    })
}

/// Reads service points. Required: 网点编号 (point_id), 网点类型 (type: 便民服务中心, 卫生院,
/// 小学, 初中, 幼儿园, 邮政网点, 金融网点, 村便民服务室, 村卫生室, or their ids), 网点名称 (name),
/// 所属乡镇代码 (township_code); optional: 所在村代码, 经度, 纬度, 是否驻地 (at_seat).
pub fn read_services(path: &Path) -> Result<ServiceTable, IoError> {
    let g = grid(path, None)?;
    let cols = &SERVICE_COLS;
    let (mut r, header_pos) = prepare(path, &g, cols)?;
    let mut points = Vec::new();
    let mut ids = HashMap::new();
    for (row, cells) in &g.rows[header_pos + 1..] {
        let row = *row;
        if r.skip(row, cells) {
            continue;
        }
        let id = r.required(row, cells, 0, cols)?;
        r.check_unique(&mut ids, &id, row, cols)?;
        let kt = r.required(row, cells, 1, cols)?;
        let kind = ServiceType::parse(&kt).ok_or_else(|| IoError::Invalid {
            loc: r.loc(row, 1, cols),
            zh: format!("网点类型“{kt}”无法识别"),
            en: format!("unknown service type \"{kt}\""),
        })?;
        let num = |k: usize| -> Result<Option<f64>, IoError> {
            match r.optional(cells, k) {
                None => Ok(None),
                Some(t) => t
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite())
                    .map(Some)
                    .ok_or_else(|| IoError::BadNumber {
                        loc: r.loc(row, k, cols),
                        value: t,
                    }),
            }
        };
        let location = match (num(5)?, num(6)?) {
            (Some(lon), Some(lat)) => Some(LonLat { lon, lat }),
            _ => None,
        };
        let seat_text = r.text(cells, 7);
        let at_seat = yes_no(&seat_text).ok_or_else(|| IoError::BadFlag {
            loc: r.loc(row, 7, cols),
            value: seat_text.clone(),
        })?;
        let village = r.optional(cells, 4);
        points.push(ServicePoint {
            kind,
            name: r.required(row, cells, 2, cols)?,
            township: r.owner(row, cells, 3, cols)?,
            village,
            location,
            at_seat,
            id,
        });
    }
    Ok(ServiceTable {
        path: path.to_path_buf(),
        points,
        warnings: r.warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roster_and_services() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("roster.csv");
        std::fs::write(&p, "工号,姓名,所在单位代码,职务,是否领导职务,出生日期\nG1,王某（示意）,130634200,镇长,是,1980-05-01\nG2,李某（示意）,130634200,科员,否,\n").unwrap();
        let t = read_roster(&p).unwrap();
        assert_eq!(t.cadres.len(), 2);
        assert!(t.cadres[0].leader && !t.cadres[1].leader);
        std::fs::write(
            &p,
            "工号,姓名,所在单位代码,职务,是否领导职务\nG1,王某,130634200,镇长,也许\n",
        )
        .unwrap();
        let e = read_roster(&p).unwrap_err();
        assert_eq!(
            e.loc().map(|l| (l.row, l.column.clone())),
            Some((2, "是否领导职务".into()))
        );

        let s = dir.path().join("services.csv");
        std::fs::write(&s, "网点编号,网点类型,网点名称,所属乡镇代码,经度,纬度,是否驻地\nF1,卫生院,北台乡卫生院（示意）,130634200,114.7,38.6,是\nF2,bank,信用社（示意）,130634200,,,否\n").unwrap();
        let t = read_services(&s).unwrap();
        assert_eq!(t.points[0].kind, ServiceType::HealthCentre);
        assert!(t.points[0].location.is_some() && t.points[0].at_seat);
        assert_eq!(t.points[1].kind, ServiceType::Bank);
        std::fs::write(
            &s,
            "网点编号,网点类型,网点名称,所属乡镇代码,经度,纬度\nF1,澡堂,x,130634200,1,2\n",
        )
        .unwrap();
        assert_eq!(
            read_services(&s).unwrap_err().loc().unwrap().column,
            "网点类型"
        );
    }
}

//! Linking geometry features to registry units by a code field. Nothing is
//! dropped silently: every feature is either matched, unknown or duplicate,
//! and every registry code without geometry is listed.

use crate::error::{GeoError, Result};
use crate::layer::Layer;
use std::collections::HashMap;
use std::path::PathBuf;

/// Outcome of [`link_by_code`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkReport {
    /// (index into `known_codes`, feature index) for each matched code
    /// (the first feature when the code is duplicated).
    pub matched: Vec<(usize, usize)>,
    /// Codes in the file but not in the registry: (feature index, code).
    pub unknown_codes_in_file: Vec<(usize, String)>,
    /// Codes carried by more than one feature: (code, feature indices).
    pub duplicate_codes: Vec<(String, Vec<usize>)>,
    /// Features whose code field is empty or missing.
    pub features_without_code: Vec<usize>,
    /// Registry codes with no feature: (index into `known_codes`, code).
    pub units_without_geometry: Vec<(usize, String)>,
}

impl LinkReport {
    /// True when every feature and every unit was matched exactly once.
    pub fn is_complete(&self) -> bool {
        self.unknown_codes_in_file.is_empty()
            && self.duplicate_codes.is_empty()
            && self.features_without_code.is_empty()
            && self.units_without_geometry.is_empty()
    }
}

/// Links `layer` features to `known_codes` by the value of `field` (strings
/// or integers; integral numbers are compared without ".0"). Errors only if
/// the field exists in no feature.
pub fn link_by_code(layer: &Layer, field: &str, known_codes: &[String]) -> Result<LinkReport> {
    if !layer.features.is_empty()
        && !layer
            .features
            .iter()
            .any(|f| f.properties.contains_key(field))
    {
        return Err(GeoError::MissingField {
            path: PathBuf::from(&layer.name),
            field: field.to_string(),
        });
    }
    let known: HashMap<&str, usize> = known_codes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.trim(), i))
        .collect();
    let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
    let mut report = LinkReport::default();
    for (fi, code) in layer.field_strings(field).into_iter().enumerate() {
        match code {
            None => report.features_without_code.push(fi),
            Some(c) => seen.entry(c).or_default().push(fi),
        }
    }
    let mut has_geom = vec![false; known_codes.len()];
    let mut codes: Vec<(&String, &Vec<usize>)> = seen.iter().collect();
    codes.sort_by_key(|(_, f)| f[0]);
    for (code, feats) in codes {
        if feats.len() > 1 {
            report.duplicate_codes.push((code.clone(), feats.clone()));
        }
        match known.get(code.as_str()) {
            Some(&k) => {
                has_geom[k] = true;
                report.matched.push((k, feats[0]));
            }
            None => report
                .unknown_codes_in_file
                .extend(feats.iter().map(|&f| (f, code.clone()))),
        }
    }
    report.unknown_codes_in_file.sort();
    report.units_without_geometry = known_codes
        .iter()
        .enumerate()
        .filter(|(i, _)| !has_geom[*i])
        .map(|(i, c)| (i, c.clone()))
        .collect();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layer::Feature;
    use geo_types::MultiPolygon;
    use serde_json::json;

    #[test]
    fn reports_everything() {
        let codes = [
            json!("130634100"),
            json!(130634101),
            json!("999"),
            json!("130634100"),
            json!(null),
        ];
        let features = codes
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut m = serde_json::Map::new();
                m.insert("code".into(), c.clone());
                Feature {
                    index: i,
                    id: None,
                    properties: m,
                    geometry: MultiPolygon(vec![]),
                }
            })
            .collect();
        let layer = Layer {
            name: "t".into(),
            features,
            ..Default::default()
        };
        let known = vec![
            "130634100".to_string(),
            "130634101".into(),
            "130634102".into(),
        ];
        let r = link_by_code(&layer, "code", &known).unwrap();
        assert_eq!(r.matched, vec![(0, 0), (1, 1)]);
        assert_eq!(r.unknown_codes_in_file, vec![(2, "999".to_string())]);
        assert_eq!(
            r.duplicate_codes,
            vec![("130634100".to_string(), vec![0, 3])]
        );
        assert_eq!(r.features_without_code, vec![4]);
        assert_eq!(r.units_without_geometry, vec![(2, "130634102".to_string())]);
        assert!(link_by_code(&layer, "nope", &known).is_err());
    }
}

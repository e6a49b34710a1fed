//! The optional basemap a bureau configures (`quhua serve --basemap FILE`): raster tiles from
//! its own tile service — for example 天地图 WMTS with its own key, the official basemap that
//! carries its own 审图号 — drawn under the scheme on the editor's map when the planner turns
//! it on. Off unless configured; nothing depends on it. The tile hosts are added to the content
//! security policy, and only they.

use axum::http::HeaderValue;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A tile service as the bureau configures it (TOML) and the browser receives it.
///
/// ```
/// let b = quhua_server::basemap::Basemap::from_toml("basemap.toml", r#"
/// name = "天地图矢量"
/// name_en = "Tianditu vector"
/// attribution = "天地图 审图号：GS(2024)0650号"
/// tiles = ["https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY"]
/// "#).unwrap();
/// assert_eq!(b.origins(), ["https://t0.tianditu.gov.cn"]);
/// assert!(quhua_server::basemap::Basemap::from_toml("b.toml", "tiles = []").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Basemap {
    /// Its name (天地图矢量底图 …).
    pub name: String,
    /// Its English name.
    #[serde(default)]
    pub name_en: Option<String>,
    /// The attribution shown on the map while it is on (provider and 审图号).
    pub attribution: String,
    /// Tile URL templates with `{z}`, `{x}` and `{y}` (several: the same tiles from mirrors).
    pub tiles: Vec<String>,
    /// An optional label layer drawn above the tiles (天地图's 注记, `cva_w`), same form.
    #[serde(default)]
    pub labels: Vec<String>,
    /// Tile size in pixels.
    #[serde(default = "default_tile_size")]
    pub tile_size: u16,
    /// The deepest zoom the service serves.
    #[serde(default = "default_max_zoom")]
    pub max_zoom: u8,
}

fn default_tile_size() -> u16 {
    256
}

fn default_max_zoom() -> u8 {
    18
}

/// A basemap file that cannot be used, in both languages.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{zh} / {en}")]
pub struct BasemapError {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

fn bad(file: &str, zh: String, en: String) -> BasemapError {
    BasemapError {
        zh: format!("底图配置 {file}：{zh}"),
        en: format!("basemap file {file}: {en}"),
    }
}

impl Basemap {
    /// Reads and checks a basemap file: at least one tile URL, each `http(s)://host/…` with
    /// `{z}`, `{x}` and `{y}` and nothing a policy header or a URL cannot hold; a name and an
    /// attribution; a tile size of 256 or 512; a maximum zoom up to 22.
    pub fn from_toml(file: &str, text: &str) -> Result<Basemap, BasemapError> {
        let b: Basemap = toml::from_str(text).map_err(|e| {
            bad(
                file,
                format!("无法解析：{}", e.message()),
                format!("cannot be read: {}", e.message()),
            )
        })?;
        if b.name.trim().is_empty() || b.attribution.trim().is_empty() {
            return Err(bad(
                file,
                "name 和 attribution（含审图号）不能为空".into(),
                "name and attribution (with the map approval number) must not be empty".into(),
            ));
        }
        if b.tiles.is_empty() || b.tiles.len() + b.labels.len() > 16 {
            return Err(bad(
                file,
                "tiles 应有 1 至 16 个地址".into(),
                "tiles must hold 1 to 16 URLs".into(),
            ));
        }
        for url in b.tiles.iter().chain(&b.labels) {
            origin(url).ok_or_else(|| {
                bad(
                    file,
                    format!("瓦片地址“{url}”应为 http(s)://主机/…，含 {{z}}、{{x}}、{{y}}，不含空格、引号或分号"),
                    format!("tile URL \"{url}\" must be http(s)://host/… with {{z}}, {{x}} and {{y}}, without spaces, quotes or semicolons"),
                )
            })?;
        }
        if !matches!(b.tile_size, 256 | 512) || b.max_zoom > 22 {
            return Err(bad(
                file,
                "tile_size 应为 256 或 512，max_zoom 不超过 22".into(),
                "tile_size must be 256 or 512 and max_zoom at most 22".into(),
            ));
        }
        Ok(b)
    }

    /// The distinct origins (`scheme://host[:port]`) its tiles come from.
    pub fn origins(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for o in self
            .tiles
            .iter()
            .chain(&self.labels)
            .filter_map(|u| origin(u))
        {
            if !out.contains(&o) {
                out.push(o);
            }
        }
        out
    }
}

/// `scheme://host[:port]` of a tile URL template, if it is one.
fn origin(url: &str) -> Option<String> {
    let ok_chars = url
        .chars()
        .all(|c| c.is_ascii_graphic() && !matches!(c, '"' | '\'' | ';' | ',' | '\\' | '<' | '>'));
    if !ok_chars || !["{z}", "{x}", "{y}"].iter().all(|p| url.contains(p)) {
        return None;
    }
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next()?;
    let valid_host = !host.is_empty()
        && !host.contains('{')
        && !host.contains('@')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    valid_host.then(|| format!("{scheme}://{host}"))
}

/// The content security policy: the application's own origin only, and the basemap's tile
/// hosts for images and fetches when one is configured (MapLibre fetches tiles).
pub fn content_security_policy(basemap: Option<&Basemap>) -> HeaderValue {
    let extra: String = basemap
        .map(|b| b.origins().iter().map(|o| format!(" {o}")).collect())
        .unwrap_or_default();
    let csp = format!(
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data: blob:{extra}; worker-src 'self' blob:; child-src blob:; \
         connect-src 'self'{extra}; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    );
    // Origins are checked to be visible ASCII without separators, so this cannot fail.
    HeaderValue::from_str(&csp).unwrap_or(HeaderValue::from_static("default-src 'self'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(tiles: &str) -> String {
        format!("name = \"底图\"\nattribution = \"审图号：GS(2024)0650号\"\ntiles = [{tiles}]\n")
    }

    #[test]
    fn good_files_are_read_with_their_origins() {
        let b = Basemap::from_toml(
            "b.toml",
            &file(r#""https://t0.example.cn/{z}/{x}/{y}.png", "https://t1.example.cn:8443/w?z={z}&x={x}&y={y}&tk=K""#),
        )
        .unwrap();
        assert_eq!(
            b.origins(),
            ["https://t0.example.cn", "https://t1.example.cn:8443"]
        );
        assert_eq!((b.tile_size, b.max_zoom), (256, 18));
        let csp = content_security_policy(Some(&b));
        let csp = csp.to_str().unwrap();
        assert!(
            csp.contains(
                "img-src 'self' data: blob: https://t0.example.cn https://t1.example.cn:8443;"
            ),
            "{csp}"
        );
        assert!(
            csp.contains("connect-src 'self' https://t0.example.cn https://t1.example.cn:8443;"),
            "{csp}"
        );
        let none = content_security_policy(None);
        assert!(none.to_str().unwrap().contains("connect-src 'self';"));
    }

    #[test]
    fn the_example_file_is_a_good_one() {
        let b = Basemap::from_toml(
            "basemap.example.toml",
            include_str!("../../../data/basemap.example.toml"),
        )
        .unwrap();
        assert_eq!(b.origins(), ["https://t0.tianditu.gov.cn"]);
        assert_eq!((b.tiles.len(), b.labels.len()), (1, 1));
    }

    #[test]
    fn bad_files_are_refused_naming_the_file() {
        for tiles in [
            r#""""#,
            r#""ftp://h/{z}/{x}/{y}""#,
            r#""https://h/{z}/{x}""#,
            r#""https://h/{z}/{x}/{y}; script-src *""#,
            r#""https://{s}.h/{z}/{x}/{y}""#,
            r#""https://user@h/{z}/{x}/{y}""#,
            r#""https:///{z}/{x}/{y}""#,
            r#""https://h/{z}/{x}/{y}' 'unsafe-eval""#,
        ] {
            let e = Basemap::from_toml("底图.toml", &file(tiles)).unwrap_err();
            assert!(
                e.zh.contains("底图.toml") && e.en.contains("底图.toml"),
                "{tiles}: {e}"
            );
        }
        assert!(
            Basemap::from_toml("b.toml", "tiles = []\nname = \"x\"\nattribution = \"y\"").is_err()
        );
        assert!(
            Basemap::from_toml(
                "b.toml",
                &file(r#""https://h/{z}/{x}/{y}""#).replace("底图", " ")
            )
            .is_err()
        );
        assert!(
            Basemap::from_toml(
                "b.toml",
                &format!("{}tile_size = 300\n", file(r#""https://h/{z}/{x}/{y}""#))
            )
            .is_err()
        );
        assert!(
            Basemap::from_toml(
                "b.toml",
                &format!("{}colour = 1\n", file(r#""https://h/{z}/{x}/{y}""#))
            )
            .is_err()
        );
    }
}

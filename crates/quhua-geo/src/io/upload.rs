//! A boundary layer from an uploaded file held in memory (a browser upload, or
//! `quhua import boundaries FILE`): GeoJSON, a zipped Shapefile or a GeoPackage.
//!
//! The bytes go through the same readers as files on disk ([`read_geojson_str`],
//! [`read_shapefile_bytes`], [`gpkg::read_gpkg`]) and the same post-processing (including
//! the missing-.shx warning), so the same shape gives the same layer and the same findings
//! whatever the route.
//!
//! Archives are untrusted: only the members of the one shapefile are decompressed, into
//! buffers bounded by a total expanded size ([`MAX_UNZIPPED_BYTES`] by default), and an
//! archive of more than [`MAX_ZIP_ENTRIES`] entries is refused before anything is
//! decompressed.

use super::geojson::geojson_text;
use super::shapefile::missing_shx_warning;
use super::{gpkg, read_geojson_str, read_shapefile_bytes};
use crate::error::{GeoError, Result};
use crate::layer::Layer;
use std::borrow::Cow;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

/// The most bytes the members read from a zipped Shapefile may expand to, together
/// (512 MiB): a larger total is refused as a possible decompression bomb.
pub const MAX_UNZIPPED_BYTES: u64 = 512 * 1024 * 1024;

/// The most entries (files and folders) a zip archive may hold.
pub const MAX_ZIP_ENTRIES: usize = 10_000;

/// The extensions [`read_layer_bytes`] accepts (compared case-insensitively).
pub const UPLOAD_EXTENSIONS: &[&str] = &["geojson", "json", "zip", "gpkg"];

/// Reads a polygon layer from a file's bytes, choosing the format from `name`'s extension:
/// .geojson/.json (GeoJSON), .zip (a zipped Shapefile: the one .shp in the archive with its
/// .dbf and optional .prj/.cpg/.shx beside it, at any folder depth, extensions in any case),
/// .gpkg (GeoPackage, the first polygon feature table). `name` names the file in messages.
///
/// Zipped members expand to at most [`MAX_UNZIPPED_BYTES`] in total; see
/// [`read_layer_bytes_with_limit`].
pub fn read_layer_bytes(name: &str, bytes: &[u8]) -> Result<Layer> {
    read_layer_bytes_with_limit(name, bytes, MAX_UNZIPPED_BYTES)
}

/// [`read_layer_bytes`] with another limit on the total expanded size, in bytes, of the
/// members decompressed from a .zip (ignored for the other formats).
pub fn read_layer_bytes_with_limit(name: &str, bytes: &[u8], max_unzipped: u64) -> Result<Layer> {
    let path = Path::new(name);
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "geojson" | "json" => read_geojson_str(geojson_text(bytes, path)?, path),
        "zip" => read_zipped_shapefile(name, bytes, max_unzipped),
        "gpkg" => read_gpkg_bytes(name, bytes),
        other => {
            let accepted = UPLOAD_EXTENSIONS
                .iter()
                .map(|e| format!(".{e}"))
                .collect::<Vec<_>>()
                .join(", ");
            let (zh, en) = if matches!(other, "shp" | "dbf" | "shx" | "prj" | "cpg") {
                (
                    "；Shapefile 请把 .shp、.dbf、.prj 等文件一起压缩为 .zip 上传",
                    "; zip a Shapefile's .shp, .dbf, .prj... together and upload the .zip",
                )
            } else {
                ("", "")
            };
            Err(GeoError::InvalidArgument(format!(
                "无法识别的文件类型 {name}，支持 {accepted}{zh} / unknown file type {name}; accepted: {accepted}{en}"
            )))
        }
    }
}

/// A member of the archive: its index and its name (folders separated by `/`).
struct Member {
    index: usize,
    name: String,
}

impl Member {
    /// Lower-case extension, and lower-case name without it (folder and stem).
    fn split(&self) -> (String, String) {
        let base_at = self.name.rfind('/').map_or(0, |i| i + 1);
        match self.name[base_at..].rfind('.') {
            Some(dot) if dot > 0 => {
                let dot = base_at + dot;
                (
                    self.name[dot + 1..].to_lowercase(),
                    self.name[..dot].to_lowercase(),
                )
            }
            _ => (String::new(), self.name.to_lowercase()),
        }
    }
}

/// The name of an entry for matching and messages: UTF-8 when the bytes are UTF-8, else GBK
/// (archives made on Chinese Windows), else the zip crate's decoding (CP437).
fn entry_name(raw: &[u8], decoded: Option<String>) -> String {
    let name = match std::str::from_utf8(raw) {
        Ok(s) => s.to_string(),
        Err(_) => match encoding_rs::GBK.decode_without_bom_handling_and_without_replacement(raw) {
            Some(s) => s.into_owned(),
            None => decoded.unwrap_or_else(|| String::from_utf8_lossy(raw).into_owned()),
        },
    };
    name.replace('\\', "/")
}

/// Up to 20 names, for messages.
fn list(names: &[&str]) -> String {
    let mut s = names
        .iter()
        .take(20)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > 20 {
        s.push_str(&format!(", … (+{})", names.len() - 20));
    }
    s
}

fn read_zipped_shapefile(archive_name: &str, bytes: &[u8], max_unzipped: u64) -> Result<Layer> {
    let bad = |m: String| GeoError::malformed(archive_name, None, m);
    let label = |member: &str| PathBuf::from(format!("{archive_name}!{member}"));
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        bad(format!(
            "不是可读的 zip 压缩包：{e} / not a readable zip archive: {e}"
        ))
    })?;
    if zip.len() > MAX_ZIP_ENTRIES {
        return Err(bad(format!(
            "压缩包有 {} 个条目，超过上限 {MAX_ZIP_ENTRIES} / the archive has {} entries, more than the limit of {MAX_ZIP_ENTRIES}",
            zip.len(),
            zip.len()
        )));
    }
    let raw_names: Vec<Vec<u8>> = zip.file_names_raw().map(<[u8]>::to_vec).collect();
    let members: Vec<Member> = raw_names
        .iter()
        .enumerate()
        .map(|(index, raw)| {
            let decoded = zip
                .name_for_index(index)
                .and_then(|r| r.ok())
                .map(|c| c.into_owned());
            Member {
                index,
                name: entry_name(raw, decoded),
            }
        })
        .filter(|m| {
            let ignored = m.name.ends_with('/')
                || m.name.split('/').any(|c| c == "__MACOSX")
                || m.name
                    .rsplit('/')
                    .next()
                    .is_some_and(|b| b.starts_with("._"));
            !ignored
        })
        .collect();
    let split: Vec<(String, String)> = members.iter().map(Member::split).collect();
    let shps: Vec<usize> = (0..members.len())
        .filter(|&k| split[k].0 == "shp")
        .collect();
    let shp_k = match shps.as_slice() {
        [k] => *k,
        [] => {
            return Err(bad(format!(
                "压缩包中没有 .shp 文件（共 {} 个文件） / the archive holds no .shp file ({} files)",
                members.len(),
                members.len()
            )));
        }
        many => {
            let names: Vec<&str> = many.iter().map(|&k| members[k].name.as_str()).collect();
            let names = list(&names);
            return Err(bad(format!(
                "压缩包中有 {} 个 .shp 文件，无法确定读取哪一个：{names}；请每个压缩包只放一个图层 / the archive holds {} .shp files, which one to read is ambiguous: {names}; put one layer per archive",
                many.len(),
                many.len()
            )));
        }
    };
    let shp_member = &members[shp_k];
    let stem_key = &split[shp_k].1;
    // The shapefile's name without ".shp", as written in the archive (for companion names).
    let shp_stem = shp_member
        .name
        .rfind('.')
        .map_or(shp_member.name.as_str(), |dot| &shp_member.name[..dot]);
    let companion = |ext: &str| -> Result<Option<&Member>> {
        let found: Vec<&Member> = (0..members.len())
            .filter(|&k| split[k].0 == ext && split[k].1 == *stem_key)
            .map(|k| &members[k])
            .collect();
        match found.as_slice() {
            [] => Ok(None),
            [m] => Ok(Some(*m)),
            many => {
                let names: Vec<&str> = many.iter().map(|m| m.name.as_str()).collect();
                let names = list(&names);
                Err(bad(format!(
                    "压缩包中 {} 的 .{ext} 文件不止一个：{names} / the archive holds more than one .{ext} for {}: {names}",
                    shp_member.name, shp_member.name
                )))
            }
        }
    };
    let dbf_member = companion("dbf")?.ok_or_else(|| GeoError::MissingFile {
        path: label(&format!("{shp_stem}.dbf")),
    })?;
    let prj_member = companion("prj")?;
    let cpg_member = companion("cpg")?;
    let has_shx = companion("shx")?.is_some();

    let mut budget = max_unzipped;
    let mut read = |m: &Member| -> Result<Vec<u8>> {
        read_member(&mut zip, m, archive_name, &mut budget, max_unzipped)
    };
    let shp = read(shp_member)?;
    let dbf = read(dbf_member)?;
    let prj = prj_member.map(&mut read).transpose()?;
    let cpg = cpg_member.map(read).transpose()?;
    let shp_path = label(&shp_member.name);
    let prj_path = prj_member.map(|m| label(&m.name));
    let mut layer = read_shapefile_bytes(
        &shp,
        &dbf,
        cpg.as_deref(),
        prj.as_deref().zip(prj_path.as_deref()),
        &shp_path,
    )?;
    if !has_shx {
        layer.warnings.push(missing_shx_warning(&shp_path));
    }
    Ok(layer)
}

/// Decompresses one member into memory, at most `budget` bytes (which it then lowers).
fn read_member<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    member: &Member,
    archive_name: &str,
    budget: &mut u64,
    limit: u64,
) -> Result<Vec<u8>> {
    let path = format!("{archive_name}!{}", member.name);
    let too_big = || {
        let mib = limit as f64 / (1024.0 * 1024.0);
        GeoError::malformed(
            archive_name,
            None,
            format!(
                "解压 {path} 时总大小超过上限 {limit} 字节（{mib:.0} MiB），疑为压缩炸弹，已拒绝 / decompressing {path} exceeds the limit of {limit} bytes ({mib:.0} MiB) in total; refused as a possible zip bomb"
            ),
        )
    };
    let broken = |e: String| {
        GeoError::malformed(
            &path,
            None,
            format!("无法解压：{e} / cannot decompress: {e}"),
        )
    };
    let mut file = zip
        .by_index(member.index)
        .map_err(|e| broken(e.to_string()))?;
    if file.size() > *budget {
        return Err(too_big());
    }
    // The declared size may lie: reserve at most 16 MiB up front, and read at most one
    // byte past the budget to tell "exactly the budget" from "more".
    let mut buf = Vec::with_capacity(file.size().min(16 << 20) as usize);
    let n = file
        .by_ref()
        .take(budget.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| broken(e.to_string()))? as u64;
    if n > *budget {
        return Err(too_big());
    }
    *budget -= n;
    Ok(buf)
}

/// Byte offset of the write and read format versions in an SQLite header (2 = WAL).
const SQLITE_VERSIONS_AT: usize = 18;

fn read_gpkg_bytes(name: &str, bytes: &[u8]) -> Result<Layer> {
    let mut tmp = tempfile::Builder::new()
        .prefix("quhua-upload-")
        .suffix(".gpkg")
        .tempfile()
        .map_err(|e| GeoError::io(name, e))?;
    // A GeoPackage saved in WAL mode comes without its -wal file: mark it as a rollback
    // journal database (what SQLite does itself once the WAL is checkpointed) so that a
    // read-only connection does not need -wal/-shm files beside the temporary copy.
    let mut data = Cow::Borrowed(bytes);
    if bytes.starts_with(b"SQLite format 3\0")
        && let Some(v) = bytes.get(SQLITE_VERSIONS_AT..SQLITE_VERSIONS_AT + 2)
        && v.contains(&2)
    {
        let d = data.to_mut();
        d[SQLITE_VERSIONS_AT] = 1;
        d[SQLITE_VERSIONS_AT + 1] = 1;
    }
    tmp.write_all(&data)
        .and_then(|()| tmp.flush())
        .map_err(|e| GeoError::io(name, e))?;
    let tmp_path = tmp.path().to_path_buf();
    let result = gpkg::read_gpkg(&tmp_path, None);
    drop(tmp);
    let name_path = Path::new(name);
    match result {
        Ok(mut layer) => {
            let from = tmp_path.display().to_string();
            for w in &mut layer.warnings {
                if w.message.contains(&from) {
                    w.message = w.message.replace(&from, name);
                }
            }
            Ok(layer)
        }
        Err(mut e) => {
            rename_path(&mut e, &tmp_path, name_path);
            Err(e)
        }
    }
}

/// Replaces the temporary file's path by the uploaded file's name in an error.
fn rename_path(e: &mut GeoError, from: &Path, to: &Path) {
    let (from_s, to_s) = (from.display().to_string(), to.display().to_string());
    let fix_str = |s: &mut String| {
        if s.contains(&from_s) {
            *s = s.replace(&from_s, &to_s);
        }
    };
    let fix_path = |p: &mut PathBuf| {
        if p == from {
            *p = to.to_path_buf();
        }
    };
    match e {
        GeoError::Io { path, .. }
        | GeoError::MissingFile { path }
        | GeoError::UnsupportedProjection { path, .. }
        | GeoError::MissingField { path, .. }
        | GeoError::TooManyVertices { path, .. } => fix_path(path),
        GeoError::Malformed { path, message, .. } | GeoError::Wkt { path, message } => {
            fix_path(path);
            fix_str(message);
        }
        GeoError::Encoding { path, detail } => {
            fix_path(path);
            fix_str(detail);
        }
        GeoError::BadCoordinate { path, zh, en, .. } => {
            fix_path(path);
            fix_str(zh);
            fix_str(en);
        }
        GeoError::InvalidGeometry { message, .. } => fix_str(message),
        GeoError::InvalidArgument(message) => fix_str(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use zip::write::SimpleFileOptions;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in entries {
            if name.ends_with('/') {
                w.add_directory(*name, opts).unwrap();
            } else {
                w.start_file(*name, opts).unwrap();
                w.write_all(data).unwrap();
            }
        }
        w.finish().unwrap().into_inner()
    }

    fn err(name: &str, bytes: &[u8]) -> String {
        read_layer_bytes_with_limit(name, bytes, 1 << 20)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn zip_bomb_is_refused_naming_the_limit() {
        let zeros = vec![0u8; 2 << 20];
        let z = zip_of(&[("a/x.shp", &zeros[..]), ("a/x.dbf", b"")]);
        assert!(z.len() < 64 << 10, "{}", z.len());
        let e = err("up.zip", &z);
        assert!(
            e.contains("1048576") && e.contains("1 MiB") && e.contains("up.zip!a/x.shp"),
            "{e}"
        );
        // The budget is for all members together: two 600 KiB members exceed 1 MiB.
        let part = vec![0u8; 600 << 10];
        let e = err(
            "up.zip",
            &zip_of(&[("x.shp", &part[..]), ("x.dbf", &part[..])]),
        );
        assert!(e.contains("1048576") && e.contains("up.zip!x.dbf"), "{e}");
    }

    #[test]
    fn archive_structure_errors_name_the_archive_and_members() {
        let e = err("a.zip", &zip_of(&[("x.dbf", b""), ("readme.txt", b"hi")]));
        assert!(e.contains("a.zip") && e.contains(".shp"), "{e}");
        let e = err(
            "a.zip",
            &zip_of(&[("d/x.shp", b""), ("d/x.dbf", b""), ("e/y.SHP", b"")]),
        );
        assert!(e.contains("d/x.shp") && e.contains("e/y.SHP"), "{e}");
        let e = err("a.zip", &zip_of(&[("d/", b""), ("d/x.shp", b"")]));
        assert!(e.contains("a.zip!d/x.dbf"), "{e}");
        // A .dbf in another folder is not beside the .shp.
        let e = err("a.zip", &zip_of(&[("d/x.shp", b""), ("x.dbf", b"")]));
        assert!(e.contains("a.zip!d/x.dbf"), "{e}");
        let e = err(
            "a.zip",
            &zip_of(&[("x.shp", b""), ("x.dbf", b""), ("X.DBF", b"")]),
        );
        assert!(e.contains("x.dbf") && e.contains("X.DBF"), "{e}");
        // Mac resource forks are not a second .shp; the real one is then read (and is empty).
        let e = err(
            "a.zip",
            &zip_of(&[
                ("x.shp", b""),
                ("x.dbf", b""),
                ("__MACOSX/._x.shp", b""),
                ("._x.shp", b""),
            ]),
        );
        assert!(e.contains("a.zip!x.shp") && !e.contains("._x"), "{e}");
    }

    #[test]
    fn broken_bytes_are_errors() {
        let good = zip_of(&[("x.shp", b"abc"), ("x.dbf", b"def")]);
        for cut in [0, 1, 10, good.len() / 2, good.len() - 1] {
            let e = err("t.zip", &good[..cut]);
            assert!(e.contains("t.zip"), "{e}");
        }
        let mut r = crate::synth::rng::SplitMix64::new(7);
        let noise: Vec<u8> = (0..4096).map(|_| r.next_u64() as u8).collect();
        for name in ["n.zip", "n.gpkg", "n.geojson", "n.json"] {
            let e = err(name, &noise);
            assert!(e.contains(name), "{e}");
        }
        let e = err("n.geojson", b"\xFF\xFE{\0}\0");
        assert!(e.contains("UTF-8") && e.contains("UTF-16"), "{e}");
        let e = err("n.shp", b"");
        assert!(e.contains(".zip") && e.contains(".gpkg"), "{e}");
        let e = err("noext", b"");
        assert!(e.contains(".geojson") && e.contains("noext"), "{e}");
    }

    #[test]
    fn too_many_entries_are_refused() {
        let names: Vec<String> = (0..=MAX_ZIP_ENTRIES).map(|i| format!("d{i}/")).collect();
        let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
        let e = err("many.zip", &zip_of(&entries));
        assert!(e.contains("10000") && e.contains("many.zip"), "{e}");
    }

    #[test]
    fn gbk_member_names_are_decoded() {
        let (gbk, _, _) = encoding_rs::GBK.encode("乡镇/边界.shp");
        assert_eq!(entry_name(&gbk, None), "乡镇/边界.shp");
        assert_eq!(entry_name(b"a\\b.SHP", None), "a/b.SHP");
    }

    #[test]
    fn rename_path_reaches_every_path() {
        let (from, to) = (Path::new("/tmp/x1.gpkg"), Path::new("up.gpkg"));
        let mut e = GeoError::malformed(from, None, "in /tmp/x1.gpkg");
        rename_path(&mut e, from, to);
        assert_eq!(
            e.to_string(),
            GeoError::malformed(to, None, "in up.gpkg").to_string()
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Arbitrary bytes under every extension: an error or a layer, never a panic.
        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
            for name in ["f.geojson", "f.json", "f.zip", "f.gpkg", "f.shp", "f"] {
                let _ = read_layer_bytes_with_limit(name, &bytes, 1 << 20);
            }
        }

        /// A valid archive with bytes overwritten: never a panic.
        #[test]
        fn mutated_zip_never_panics(edits in prop::collection::vec((any::<usize>(), any::<u8>()), 1..8)) {
            let mut z = zip_of(&[("d/x.shp", &[0u8; 300][..]), ("d/x.dbf", b"dbf"), ("d/x.prj", b"GEOGCS")]);
            for (at, b) in edits {
                let n = z.len();
                z[at % n] = b;
            }
            let _ = read_layer_bytes_with_limit("m.zip", &z, 1 << 20);
        }
    }
}

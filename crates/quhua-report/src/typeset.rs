//! Typst used as a library: a document's markup compiled to PDF (or page images) with the
//! CJK fonts found on the system at run time (fonts-noto-cjk, fonts-wqy-*; no font is bundled).
//!
//! Fonts are looked up in the fontconfig directories (`/usr/share/fonts`,
//! `/usr/local/share/fonts`, `~/.local/share/fonts`, `~/.fonts`) and in `QUHUA_FONT_DIRS`
//! (colon-separated), and loaded once per process.

use crate::ReportError;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

/// Font families the templates use, in order of preference, for serif (宋/仿宋 stand-in),
/// sans (黑体 stand-in).
pub const SERIF: &[&str] = &["Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN"];
/// Sans families.
pub const SANS: &[&str] = &[
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
];

struct FontSet {
    fonts: Vec<Font>,
    book: LazyHash<FontBook>,
}

fn font_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Ok(extra) = std::env::var("QUHUA_FONT_DIRS") {
        dirs.extend(
            extra
                .split(':')
                .filter(|s| !s.is_empty())
                .map(PathBuf::from),
        );
    }
    dirs.push("/usr/share/fonts".into());
    dirs.push("/usr/local/share/fonts".into());
    if let Ok(home) = std::env::var("HOME") {
        dirs.push(Path::new(&home).join(".local/share/fonts"));
        dirs.push(Path::new(&home).join(".fonts"));
    }
    dirs
}

/// Whether a font file is one the documents use (CJK families and a Latin fallback).
fn wanted(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let ext_ok = [".ttf", ".otf", ".ttc", ".otc"]
        .iter()
        .any(|e| name.ends_with(e));
    ext_ok
        && [
            "cjk",
            "wqy",
            "sourcehan",
            "uming",
            "ukai",
            "dejavusans.ttf",
            "dejavuserif.ttf",
        ]
        .iter()
        .any(|k| name.contains(k))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() && depth < 6 {
            walk(&p, out, depth + 1);
        } else if wanted(&p) {
            out.push(p);
        }
    }
}

fn load_fonts() -> FontSet {
    let mut files = Vec::new();
    for d in font_dirs() {
        walk(&d, &mut files, 0);
    }
    files.sort();
    files.dedup();
    let mut fonts = Vec::new();
    for f in files {
        if let Ok(data) = std::fs::read(&f) {
            fonts.extend(Font::iter(Bytes::new(data)));
        }
    }
    let book = LazyHash::new(FontBook::from_fonts(&fonts));
    FontSet { fonts, book }
}

fn fonts() -> &'static FontSet {
    static FONTS: OnceLock<FontSet> = OnceLock::new();
    FONTS.get_or_init(load_fonts)
}

/// The CJK families available, e.g. `["Noto Sans CJK SC", "Noto Serif CJK SC"]`.
pub fn cjk_families() -> Vec<String> {
    let mut v: Vec<String> = fonts()
        .fonts
        .iter()
        .map(|f| f.info().family.clone())
        .filter(|f| SERIF.contains(&f.as_str()) || SANS.contains(&f.as_str()))
        .collect();
    v.sort();
    v.dedup();
    v
}

struct DocWorld {
    library: LazyHash<Library>,
    main: FileId,
    source: Source,
    files: HashMap<String, Bytes>,
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }
    fn main(&self) -> FileId {
        self.main
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main {
            Ok(self.source.clone())
        } else {
            Err(FileError::NotSource)
        }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let p = id.get().vpath().get_without_slash().to_string();
        self.files
            .get(&p)
            .cloned()
            .ok_or_else(|| FileError::NotFound(PathBuf::from(p)))
    }
    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

fn compile(markup: &str, files: &[(String, Vec<u8>)]) -> Result<PagedDocument, ReportError> {
    if cjk_families().is_empty() {
        return Err(ReportError::NoFont);
    }
    let path = VirtualPath::new("main.typ").map_err(|e| ReportError::Typeset(format!("{e:?}")))?;
    let main = RootedPath::new(VirtualRoot::Project, path).intern();
    let world = DocWorld {
        library: LazyHash::new(Library::default()),
        main,
        source: Source::new(main, markup.to_string()),
        files: files
            .iter()
            .map(|(n, b)| (n.clone(), Bytes::new(b.clone())))
            .collect(),
    };
    let warned = typst::compile::<PagedDocument>(&world);
    warned.output.map_err(|errs| {
        ReportError::Typeset(
            errs.iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })
}

/// Compiles typst markup (with named image files) to PDF.
pub fn pdf(markup: &str, files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, ReportError> {
    let doc = compile(markup, files)?;
    typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default()).map_err(|errs| {
        ReportError::Typeset(
            errs.iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })
}

/// Compiles typst markup and renders each page to PNG at `pixel_per_pt`.
pub fn png_pages(
    markup: &str,
    files: &[(String, Vec<u8>)],
    pixel_per_pt: f32,
) -> Result<Vec<Vec<u8>>, ReportError> {
    let doc = compile(markup, files)?;
    doc.pages()
        .iter()
        .map(|p| {
            let pix = typst_render::render(
                p,
                &typst_render::RenderOptions {
                    pixel_per_pt: f64::from(pixel_per_pt).into(),
                    render_bleed: false,
                },
            );
            pix.encode_png()
                .map_err(|e| ReportError::Typeset(e.to_string()))
        })
        .collect()
}

/// Escapes text for typst markup.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '#'
                | '*'
                | '_'
                | '`'
                | '$'
                | '<'
                | '>'
                | '@'
                | '['
                | ']'
                | '='
                | '-'
                | '+'
                | '/'
                | '~'
                | '"'
        ) {
            o.push('\\');
        }
        o.push(c);
    }
    o
}

/// A typst string literal.
pub fn lit(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

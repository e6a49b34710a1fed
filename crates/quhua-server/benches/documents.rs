//! The documents a county files, composed from the demo's approved plan (two maps, before and
//! after, rendered on the server): the 区划调整方案 as DOCX and as PDF (typst), and the 情况汇报.
//! `cargo bench -p quhua-server --bench documents`

use quhua_app::App;
use quhua_app::access::Actor;
use quhua_app::plans::government::{DocKind, Format, document};
use quhua_server::auth::password::HashParams;
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn app() -> &'static (tempfile::TempDir, App) {
    static A: OnceLock<(tempfile::TempDir, App)> = OnceLock::new();
    A.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite:{}", dir.path().join("d.db").display());
        quhua_server::demo::prepare(&url, &HashParams::insecure_fast()).unwrap();
        let app = App::open(&url).unwrap();
        (dir, app)
    })
}

fn make(kind: DocKind, format: Format) -> usize {
    let (_, app) = app();
    document(app, &Actor::operator("bench"), 2, kind, format)
        .unwrap()
        .bytes
        .len()
}

/// 区划调整方案 with its two maps, DOCX.
#[divan::bench(sample_count = 10)]
fn scheme_docx_two_maps() -> usize {
    make(DocKind::Scheme, Format::Docx)
}

/// 区划调整方案 with its two maps, PDF (typst, system CJK fonts).
#[divan::bench(sample_count = 10)]
fn scheme_pdf_two_maps() -> usize {
    make(DocKind::Scheme, Format::Pdf)
}

/// 情况汇报 (no maps), DOCX.
#[divan::bench(sample_count = 10)]
fn summary_docx() -> usize {
    make(DocKind::Summary, Format::Docx)
}

#[divan::bench(sample_count = 10)]
fn evaluation_docx_maps_and_charts() -> usize {
    make(DocKind::Evaluation, Format::Docx)
}

//! Chooses the folder rust-embed embeds as the web UI.
//!
//! - `web/dist/index.html` exists → embed `web/dist` (built by `npm ci && npm run build`
//!   in `web/`; nothing built is committed).
//! - missing and `QUHUA_REQUIRE_WEB=1` (CI, release builds) → fail with instructions.
//! - missing otherwise → embed a one-page placeholder that says how to build the UI, so
//!   `cargo build --workspace` works for engineers who never touch the front end.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let dist = manifest.join("../../web/dist");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={}", dist.display());
    println!("cargo:rerun-if-env-changed=QUHUA_REQUIRE_WEB");
    if dist.join("index.html").is_file() {
        let dist = dist.canonicalize().unwrap_or(dist);
        println!("cargo:rustc-env=QUHUA_WEB_DIR={}", dist.display());
        return;
    }
    if std::env::var("QUHUA_REQUIRE_WEB").is_ok_and(|v| v == "1") {
        panic!(
            "web/dist is missing: run `npm ci && npm run build` in web/ before building quhua-server \
             (QUHUA_REQUIRE_WEB=1 forbids the placeholder UI)"
        );
    }
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("web-placeholder");
    std::fs::create_dir_all(&out).expect("create placeholder dir");
    std::fs::write(
        out.join("index.html"),
        "<!doctype html><meta charset=utf-8><title>quhua</title>\
         <p>界面未构建：请在 web/ 目录运行 <code>npm ci &amp;&amp; npm run build</code> 后重新编译。</p>\
         <p>The web UI was not built: run <code>npm ci &amp;&amp; npm run build</code> in web/ and rebuild.</p>",
    )
    .expect("write placeholder");
    println!(
        "cargo:warning=web/dist missing: embedding a placeholder UI (run npm ci && npm run build in web/)"
    );
    println!("cargo:rustc-env=QUHUA_WEB_DIR={}", out.display());
}

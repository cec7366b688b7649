//! Makes sure the front-end packages pinned in `package-lock.json` are installed before
//! the binary embeds them (`src/web/assets.rs` includes files from `node_modules/`), so
//! that `cargo run --release` alone serves MapLibre GL JS: no CDN, nothing fetched at
//! run time. Runs `npm ci` only when a file the binary needs is missing.

use std::path::Path;
use std::process::Command;

/// Files of `node_modules` the binary embeds.
const NEEDED: &[&str] = &[
    "node_modules/maplibre-gl/dist/maplibre-gl.mjs",
    "node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs",
    "node_modules/maplibre-gl/dist/maplibre-gl.css",
    "node_modules/terra-draw/dist/terra-draw.modern.js",
    "node_modules/terra-draw-maplibre-gl-adapter/dist/terra-draw-maplibre-gl-adapter.modern.js",
];

fn main() {
    println!("cargo:rerun-if-changed=package-lock.json");
    for f in NEEDED {
        println!("cargo:rerun-if-changed={f}");
    }
    // the package being built, as cargo says when it runs this script (a script built
    // for another copy of the package may be the one run)
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir);
    if NEEDED.iter().all(|f| root.join(f).is_file()) {
        return;
    }
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(root)
        .status();
    match status {
        Ok(s) if s.success() => {}
        Ok(s) => panic!(
            "`npm ci` failed ({s}): balise embeds MapLibre GL JS from node_modules; \
             run `npm ci` in {} and read its error",
            root.display()
        ),
        Err(e) => panic!(
            "cannot run `npm` ({e}): balise embeds MapLibre GL JS from node_modules, \
             installed by `npm ci` from package-lock.json; install Node.js and npm"
        ),
    }
    // The files just written are newer than this script's run, which cargo would take
    // for a change and build the crate again on the next `cargo run`: date them like
    // the lockfile they come from.
    let pinned = std::fs::metadata(root.join("package-lock.json"))
        .and_then(|m| m.modified())
        .expect("package-lock.json has a modification time");
    for f in NEEDED {
        let path = root.join(f);
        assert!(path.is_file(), "`npm ci` did not install {f}");
        std::fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|file| file.set_modified(pinned))
            .unwrap_or_else(|e| panic!("cannot date {f} like package-lock.json: {e}"));
    }
}

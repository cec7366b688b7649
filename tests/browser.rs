//! The map as a browser draws it: Debian's Chromium, headless, runs MapLibre GL JS (from
//! npm, pinned by package-lock.json) with `/styles/balise.json` over the demo data.

mod common;

use common::{Backend, TestApp, node};
use serde_json::Value;

async fn maplibre_draws_the_demo_data_of_both_towns(backend: Backend) {
    let app = TestApp::spawn_demo(backend).await;
    let out = node("render-map.mjs", &[&app.base]);
    assert!(
        out.status.success(),
        "rendering failed (is Debian's chromium installed at /usr/bin/chromium?):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let result: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&out.stdout));
    });
    assert_eq!(result["errors"], serde_json::json!([]), "map errors");
    assert_eq!(result["console"], serde_json::json!([]), "console errors");

    let whole = &result["views"][0];
    assert_eq!(
        whole["communes"],
        serde_json::json!(["55004", "55040"]),
        "features of both towns are drawn"
    );
    let layers = whole["layers"].as_object().unwrap();
    for l in [
        "communes-boundary",
        "communes-label",
        "works-fill",
        "events-icon",
    ] {
        assert!(
            layers.contains_key(l),
            "{l} not drawn over both towns: {layers:?}"
        );
    }
    let painted = whole["painted"].as_u64().unwrap();
    assert!(
        painted > whole["pixels"].as_u64().unwrap() / 20,
        "the canvas is nearly blank: {painted} pixels painted"
    );

    // close up, every kind of the demo shows with its pictogram
    let close = &result["views"][1]["layers"];
    for l in [
        "reports-icon",
        "occupations-icon",
        "events-icon",
        "parking_bans-line-active",
        "diversions-arrows",
    ] {
        assert!(close.get(l).is_some(), "{l} not drawn close up: {close}");
    }
    app.stop().await;
}

on_both_backends!(maplibre_draws_the_demo_data_of_both_towns);

//! The MapLibre style as a map client meets it: valid for MapLibre's own validator,
//! pointing at this server, with every layer and field it uses present in the tiles,
//! readable colours, and status told by more than colour.

mod common;

use std::collections::BTreeSet;

use common::{Backend, TestApp, TestDb, node};
use reqwest::StatusCode;
use serde_json::Value;

/// Replaces the test server's random address, so snapshots are stable.
fn stable(v: &Value, base: &str) -> Value {
    serde_json::from_str(&v.to_string().replace(base, "http://balise.test")).unwrap()
}

fn validate(doc: &Value) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("style.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    let out = node("validate-style.mjs", &[file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "the style does not validate:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every string under `v` for which `pick` holds, in expressions too.
fn strings<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::String(s) => out.push(s),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// The properties a layer's expressions read with `["get", name]`.
fn read_properties(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Array(a) => {
            if let (Some("get"), Some(Value::String(name))) =
                (a.first().and_then(Value::as_str), a.get(1))
            {
                out.insert(name.clone());
            }
            a.iter().for_each(|x| read_properties(x, out));
        }
        Value::Object(o) => o.values().for_each(|x| read_properties(x, out)),
        _ => {}
    }
}

async fn style_is_valid_and_matches_the_tiles(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let answer = app.get("/styles/balise.json").await;
    assert_eq!(answer.status, StatusCode::OK);
    let style = answer.json();
    validate(&style);
    assert_eq!(
        style["sprite"],
        format!("{}/styles/sprites/balise", app.base)
    );
    assert_eq!(
        style["glyphs"],
        format!("{}/styles/fonts/{{fontstack}}/{{range}}.pbf", app.base)
    );

    // the source's TileJSON answers and declares every layer and field the style reads
    let url = style["sources"]["balise"]["url"].as_str().unwrap();
    let path = url
        .strip_prefix(&app.base)
        .expect("an absolute URL to this server");
    let tilejson = app.get(path).await;
    assert_eq!(tilejson.status, StatusCode::OK, "{url}");
    let tilejson = tilejson.json();
    for layer in style["layers"].as_array().unwrap() {
        let Some(source_layer) = layer["source-layer"].as_str() else {
            continue;
        };
        let declared = tilejson["vector_layers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["id"] == source_layer)
            .unwrap_or_else(|| panic!("{} reads missing layer {source_layer}", layer["id"]));
        let mut read = BTreeSet::new();
        read_properties(layer, &mut read);
        for p in read {
            assert!(
                declared["fields"].get(&p).is_some(),
                "{} reads `{p}`, which tiles of {source_layer} do not carry",
                layer["id"]
            );
        }
    }

    // sprites at both ratios hold every image the style names
    for sheet in ["balise", "balise@2x"] {
        let index = app.get(&format!("/styles/sprites/{sheet}.json")).await;
        assert_eq!(index.status, StatusCode::OK);
        let index = index.json();
        let png = app
            .client
            .get(app.url(&format!("/styles/sprites/{sheet}.png")))
            .send()
            .await
            .unwrap();
        assert_eq!(png.headers()["content-type"], "image/png");
        assert!(png.bytes().await.unwrap().starts_with(b"\x89PNG"));
        for layer in style["layers"].as_array().unwrap() {
            let mut names = Vec::new();
            strings(&layer["layout"]["icon-image"], &mut names);
            if let Some(fixed) = layer["layout"]["icon-image"].as_str() {
                assert!(index.get(fixed).is_some(), "no sprite {fixed}");
            }
        }
        for kind in balise::model::Kind::ALL.map(|k| k.as_str()) {
            for group in ["new", "planned", "active", "suspended", "done", "closed"] {
                assert!(index.get(format!("{kind}-{group}")).is_some());
            }
        }
    }

    // glyphs for every font the style names, for the Latin-1 range French needs
    let mut fonts = BTreeSet::new();
    for layer in style["layers"].as_array().unwrap() {
        let mut names = Vec::new();
        strings(&layer["layout"]["text-font"], &mut names);
        fonts.extend(names.into_iter().map(str::to_string));
    }
    assert!(!fonts.is_empty());
    for font in fonts {
        let r = app
            .client
            .get(app.url(&format!("/styles/fonts/{font}/0-255.pbf")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{font}");
        assert!(r.bytes().await.unwrap().len() > 10_000, "{font}: glyphs");
    }
    let bad = app
        .get("/styles/fonts/DejaVu%20Sans%20Book/0-100.pbf")
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.json()["detail"].as_str().unwrap().contains("0-100"));
    let unknown = app.get("/styles/fonts/Comic%20Sans/0-255.pbf").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.get("/styles/nothing.json").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/styles/sprites/other.png").await.status,
        StatusCode::NOT_FOUND
    );

    // other sites may draw balise's map: the style and tiles allow any origin
    let r = app
        .client
        .get(app.url("/styles/balise.json"))
        .header("origin", "https://www.soignies.be")
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["access-control-allow-origin"], "*");
    app.stop().await;
}

async fn a_configured_basemap_sits_under_balise_layers(backend: Backend) {
    let db = TestDb::new(backend).await;
    let mut config = db.config(false);
    config.basemap = Some(balise::config::Basemap {
        url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into(),
        attribution: "© OpenStreetMap contributors".into(),
    });
    let app = TestApp::start_with(config).await;
    let style = app.get("/styles/balise.json").await.json();
    validate(&style);
    assert_eq!(
        style["sources"]["basemap"]["tiles"][0],
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    );
    assert_eq!(
        style["sources"]["basemap"]["attribution"],
        "© OpenStreetMap contributors"
    );
    assert_eq!(style["layers"][1]["source"], "basemap");
    // without the setting, nothing leaves the machine
    let plain = TestApp::spawn(backend).await;
    let style = plain.get("/styles/balise.json").await.json();
    let mut all = Vec::new();
    strings(&style, &mut all);
    assert!(
        all.iter()
            .filter(|s| s.starts_with("http"))
            .all(|s| s.starts_with(&plain.base)),
        "a default style reaches only this server"
    );
    app.stop().await;
    plain.stop().await;
}

async fn catalog_tilejson_and_style_snapshots(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let catalog = stable(&app.get("/tiles").await.json(), &app.base);
    let public = stable(&app.get("/tiles/public").await.json(), &app.base);
    let combined = stable(
        &app.get("/tiles/communes,works,reports").await.json(),
        &app.base,
    );
    let style = stable(&app.get("/styles/balise.json").await.json(), &app.base);
    insta::with_settings!({ prepend_module_to_snapshot => false }, {
        insta::assert_json_snapshot!("catalog", catalog);
        insta::assert_json_snapshot!("tilejson_public", public);
        insta::assert_json_snapshot!("tilejson_combined", combined);
        insta::assert_json_snapshot!("style_balise", style);
    });
    app.stop().await;
}

/// WCAG 2.1 relative luminance of `#RRGGBB`.
fn luminance(hex: &str) -> f64 {
    let c = |i: usize| {
        let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * c(1) + 0.7152 * c(3) + 0.0722 * c(5)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn what_carries_meaning_has_three_to_one_contrast_and_status_is_not_colour_alone() {
    let style: Value = serde_json::from_str(include_str!("../styles/balise.json")).unwrap();
    let background = style["layers"][0]["paint"]["background-color"]
        .as_str()
        .unwrap();
    // the style's own background, white, and the land colour of a light basemap (OSM)
    let grounds = [background, "#FFFFFF", "#F2EFE9"];
    let mut checked = 0;
    for layer in style["layers"].as_array().unwrap() {
        let id = layer["id"].as_str().unwrap();
        // casings are halos and translucent fills are washes: neither carries meaning
        for key in [
            "line-color",
            "circle-color",
            "text-color",
            "fill-outline-color",
        ] {
            if id.ends_with("-casing") {
                continue;
            }
            let mut colours = Vec::new();
            strings(&layer["paint"][key], &mut colours);
            for c in colours.iter().filter(|c| c.starts_with('#')) {
                if key == "text-color" && layer["paint"]["text-halo-color"] == "#FFFFFF" {
                    assert!(contrast(c, "#FFFFFF") >= 4.5, "{id}: text {c} on its halo");
                    checked += 1;
                    continue;
                }
                if key == "text-color" {
                    // text on a circle of its layer's cluster
                    continue;
                }
                for g in grounds {
                    assert!(
                        contrast(c, g) >= 3.0,
                        "{id}: {key} {c} on {g} is {:.2}:1",
                        contrast(c, g)
                    );
                    checked += 1;
                }
            }
        }
        if layer["type"] == "circle" {
            let circle = layer["paint"]["circle-color"].as_str().unwrap();
            assert!(
                contrast(circle, "#FFFFFF") >= 4.5,
                "{id}: white count on {circle}"
            );
        }
    }
    assert!(checked > 40, "only {checked} colours checked");

    // lines and outlines: each status group has its own dash pattern, per kind
    let layers = style["layers"].as_array().unwrap();
    for source in [
        "works",
        "diversions",
        "parking_bans",
        "events",
        "occupations",
    ] {
        let dashes: BTreeSet<String> = ["planned", "active", "suspended", "ended"]
            .iter()
            .map(|g| {
                let l = layers
                    .iter()
                    .find(|l| l["id"] == format!("{source}-line-{g}"))
                    .unwrap_or_else(|| panic!("no {source}-line-{g}"));
                l["paint"]["line-dasharray"].to_string()
            })
            .collect();
        assert_eq!(
            dashes.len(),
            4,
            "{source}: status groups share a line style"
        );
    }
    // icons: the image depends on the status
    for l in layers
        .iter()
        .filter(|l| l["layout"]["icon-image"].is_array())
    {
        let mut read = BTreeSet::new();
        read_properties(&l["layout"]["icon-image"], &mut read);
        assert!(read.contains("status"), "{}: icon ignores status", l["id"]);
    }
}

on_both_backends!(
    style_is_valid_and_matches_the_tiles,
    a_configured_basemap_sits_under_balise_layers,
    catalog_tilejson_and_style_snapshots,
);

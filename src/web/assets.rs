//! Front-end files built into the binary: balise's own CSS and scripts (`web/static/`),
//! MapLibre GL JS as `package-lock.json` pins it (from `node_modules/`, installed by
//! `build.rs` when missing), and the map pictograms for the HTML legend. Pages link them
//! with a content version (`?v=`), so they can be cached for a year; each is gzipped once,
//! on first demand.

use std::hash::{Hash, Hasher};
use std::io::Write;
use std::sync::OnceLock;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::api::Web;
use crate::error::Error;

struct Asset {
    name: &'static str,
    mime: &'static str,
    bytes: &'static [u8],
    version: String,
    gzip: OnceLock<Vec<u8>>,
}

pub struct Assets {
    files: Vec<Asset>,
}

macro_rules! asset {
    ($name:expr, $mime:expr, $path:expr) => {
        (
            $name,
            $mime,
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/", $path)) as &[u8],
        )
    };
}

const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const SVG: &str = "image/svg+xml";

const FILES: &[(&str, &str, &[u8])] = &[
    asset!("balise.css", CSS, "web/static/balise.css"),
    asset!("balise.js", JS, "web/static/balise.js"),
    asset!("map.js", JS, "web/static/map.js"),
    asset!("carte.js", JS, "web/static/carte.js"),
    asset!("lieu.js", JS, "web/static/lieu.js"),
    asset!("agent.js", JS, "web/static/agent.js"),
    asset!("dessin.js", JS, "web/static/dessin.js"),
    asset!(
        "terra-draw.js",
        JS,
        "node_modules/terra-draw/dist/terra-draw.modern.js"
    ),
    asset!(
        "terra-draw-maplibre-gl-adapter.js",
        JS,
        "node_modules/terra-draw-maplibre-gl-adapter/dist/terra-draw-maplibre-gl-adapter.modern.js"
    ),
    asset!(
        "maplibre-gl.mjs",
        JS,
        "node_modules/maplibre-gl/dist/maplibre-gl.mjs"
    ),
    asset!(
        "maplibre-gl-worker.mjs",
        JS,
        "node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs"
    ),
    asset!(
        "maplibre-gl.css",
        CSS,
        "node_modules/maplibre-gl/dist/maplibre-gl.css"
    ),
    asset!("icons/works.svg", SVG, "styles/icons/works.svg"),
    asset!("icons/diversion.svg", SVG, "styles/icons/diversion.svg"),
    asset!("icons/parking_ban.svg", SVG, "styles/icons/parking_ban.svg"),
    asset!("icons/event.svg", SVG, "styles/icons/event.svg"),
    asset!("icons/occupation.svg", SVG, "styles/icons/occupation.svg"),
    asset!("icons/report.svg", SVG, "styles/icons/report.svg"),
    asset!("icons/status-new.svg", SVG, "styles/icons/status-new.svg"),
    asset!(
        "icons/status-planned.svg",
        SVG,
        "styles/icons/status-planned.svg"
    ),
    asset!(
        "icons/status-active.svg",
        SVG,
        "styles/icons/status-active.svg"
    ),
    asset!(
        "icons/status-suspended.svg",
        SVG,
        "styles/icons/status-suspended.svg"
    ),
    asset!("icons/status-done.svg", SVG, "styles/icons/status-done.svg"),
    asset!(
        "icons/status-closed.svg",
        SVG,
        "styles/icons/status-closed.svg"
    ),
];

impl Assets {
    pub fn load() -> Assets {
        let files = FILES
            .iter()
            .map(|(name, mime, bytes)| {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                bytes.hash(&mut h);
                Asset {
                    name,
                    mime,
                    bytes,
                    version: format!("{:016x}", h.finish())[..10].to_string(),
                    gzip: OnceLock::new(),
                }
            })
            .collect();
        Assets { files }
    }

    /// The address of an asset, with its content version.
    pub fn versioned(&self, name: &str) -> String {
        let a = self
            .files
            .iter()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("no asset {name}"));
        format!("/assets/{}?v={}", a.name, a.version)
    }
}

/// `GET /assets/{file}`
pub async fn serve(
    State(web): State<Web>,
    Path(file): Path<String>,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
    headers: HeaderMap,
) -> Result<Response, Error> {
    let Some(a) = web.ui.assets.files.iter().find(|a| a.name == file) else {
        return Err(Error::NotFound(format!("asset `{file}`")));
    };
    let etag = format!("\"{}\"", a.version);
    if headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag))
    {
        return Ok(StatusCode::NOT_MODIFIED.into_response());
    }
    let gzip = crate::api::accepts_gzip(&headers);
    let body: Vec<u8> = if gzip {
        a.gzip
            .get_or_init(|| {
                let mut enc =
                    flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
                enc.write_all(a.bytes).expect("writing to memory");
                enc.finish().expect("writing to memory")
            })
            .clone()
    } else {
        a.bytes.to_vec()
    };
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(a.mime));
    // a versioned address never changes; an unversioned one (MapLibre's worker, loaded
    // by MapLibre itself) is checked again on each use
    let versioned = query.is_some_and(|q| q == format!("v={}", a.version));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if versioned {
            "public, max-age=31536000, immutable"
        } else {
            "public, no-cache"
        }),
    );
    h.insert(header::ETAG, HeaderValue::from_str(&etag).expect("hex"));
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if gzip {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    Ok(res)
}

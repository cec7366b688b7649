//! `/tiles`: the catalog, TileJSON 3.0.0, and Mapbox Vector Tiles.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::extract::{Precondition, precondition};
use super::{Web, base_url};
use crate::error::Error;
use crate::metrics::CacheLabels;
use crate::model::{FieldError, TimeFilter};
use crate::policy::Actor;
use crate::tiles::{self, Access, Layer, TileId};

fn layers<'a>(web: &'a Web, names: &str, actor: &Actor) -> Result<Vec<&'a Layer>, Error> {
    let chosen = tiles::select(&web.tiles, names)
        .map_err(|n| Error::NotFound(format!("tile layer `{n}`")))?;
    if chosen.iter().any(|l| l.access == Access::Internal) && !actor.sees_any_internal() {
        return Err(Error::Unauthorized);
    }
    Ok(chosen)
}

pub async fn catalog(State(web): State<Web>, headers: HeaderMap) -> Json<Value> {
    let base = base_url(&web, &headers);
    Json(json!({
        "layers": web.tiles.iter().map(|l| json!({
            "name": l.name,
            "title": l.title,
            "description": l.description,
            "visibility": if l.access == Access::Internal { "internal" } else { "public" },
            "minzoom": l.minzoom,
            "maxzoom": l.maxzoom,
            "tilejson": format!("{base}/tiles/{}", l.name),
        })).collect::<Vec<_>>()
    }))
}

pub async fn tilejson(
    State(web): State<Web>,
    actor: Actor,
    headers: HeaderMap,
    Path(names): Path<String>,
) -> Result<Json<Value>, Error> {
    let chosen = layers(&web, &names, &actor)?;
    let base = base_url(&web, &headers);
    let bounds = web
        .app
        .territory()
        .active_bounds()
        .map(|r| [r.min().x, r.min().y, r.max().x, r.max().y]);
    let minzoom = chosen.iter().map(|l| l.minzoom).min().unwrap_or(0);
    let maxzoom = chosen.iter().map(|l| l.maxzoom).max().unwrap_or(0);
    let vector_layers: Vec<Value> = chosen
        .iter()
        .map(|l| {
            let mut fields: serde_json::Map<String, Value> = l
                .properties
                .iter()
                .map(|p| (p.clone(), json!(if p == "active" { "Boolean" } else { "String" })))
                .collect();
            if l.cluster_below.is_some() {
                fields.insert("cluster".into(), json!("Boolean"));
                fields.insert("count".into(), json!("Number"));
            }
            json!({ "id": l.name, "description": l.description, "minzoom": l.minzoom, "maxzoom": l.maxzoom, "fields": fields })
        })
        .collect();
    let mut doc = json!({
        "tilejson": "3.0.0",
        "name": chosen.iter().map(|l| l.title.as_str()).collect::<Vec<_>>().join(", "),
        "description": chosen.iter().map(|l| l.description.as_str()).collect::<Vec<_>>().join(" · "),
        "tiles": [format!("{base}/tiles/{names}/{{z}}/{{x}}/{{y}}.mvt")],
        "minzoom": minzoom,
        "maxzoom": maxzoom,
        "attribution": "© balise; limites communales © Statbel",
        "vector_layers": vector_layers,
    });
    if let Some(b) = bounds {
        doc["bounds"] = json!(b);
        doc["center"] = json!([(b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0, 13]);
    }
    Ok(Json(doc))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeParams {
    at: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

/// Whether the client takes gzip (`Accept-Encoding: gzip`, not refused with `q=0`).
pub fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|part| {
            let mut it = part.split(';');
            let coding = it.next().unwrap_or("").trim();
            let refused = it.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    == Some(0.0)
            });
            (coding.eq_ignore_ascii_case("gzip") || coding == "*") && !refused
        })
}

fn bad_tile(m: String) -> Error {
    Error::BadRequest(vec![FieldError::new("/tile", "invalid_tile", m)])
}

/// The tile a request names: `{z}/{x}/{y}.mvt`.
fn tile_id(z: &str, x: &str, file: &str) -> Result<TileId, Error> {
    let y = file
        .strip_suffix(".mvt")
        .ok_or_else(|| bad_tile(format!("`{file}` should be {{y}}.mvt")))?;
    let number = |what: &str, v: &str| {
        v.parse::<u32>()
            .map_err(|_| bad_tile(format!("{what} `{v}` is not a whole number")))
    };
    let (z, x, y) = (number("z", z)?, number("x", x)?, number("y", y)?);
    let z = u8::try_from(z).map_err(|_| bad_tile(format!("zoom {z} is too large")))?;
    TileId::new(z, x, y, tiles::layers::MAX_ZOOM).map_err(bad_tile)
}

/// The time a tile shows: the one asked, or "now" rounded down to the bucket.
fn tile_time(params: &TimeParams) -> Result<TimeFilter, Error> {
    Ok(
        match super::features::time_filter(|k| match k {
            "at" => params.at.as_deref(),
            "from" => params.from.as_deref(),
            "to" => params.to.as_deref(),
            _ => None,
        })? {
            TimeFilter::Any => tiles::bucketed_now(),
            t => t,
        },
    )
}

pub async fn tile(
    State(web): State<Web>,
    actor: Actor,
    headers: HeaderMap,
    Path((names, z, x, file)): Path<(String, String, String, String)>,
    params: Result<Query<TimeParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, Error> {
    let Query(params) = params.map_err(|e| {
        Error::BadRequest(vec![FieldError::new("?", "invalid_query", e.body_text())])
    })?;
    let chosen = layers(&web, &names, &actor)?;
    let tile = tile_id(&z, &x, &file)?;
    let time = tile_time(&params)?;
    let scope = actor.scope();
    // a hit is answered here; drawing (or waiting for another request's drawing) is
    // blocking work and goes to the blocking pool
    let (rendered, hit) = match web.tile_cache.get(&tiles::key(&chosen, tile, time, &scope)) {
        Some(r) => (r, true),
        None => {
            let (app, cache) = (web.app.clone(), web.tile_cache.clone());
            let owned: Vec<Layer> = chosen.iter().map(|l| (*l).clone()).collect();
            tokio::task::spawn_blocking(move || {
                let refs: Vec<&Layer> = owned.iter().collect();
                tiles::draw_missing(&app, &cache, &refs, tile, time, &scope)
            })
            .await
            .map_err(|e| Error::Internal(e.into()))?
            .map_err(|e| Error::Internal(anyhow::anyhow!("tile encoding failed: {e}")))?
        }
    };
    let result = if hit { "hit" } else { "miss" };
    web.metrics
        .tile_cache
        .get_or_create(&CacheLabels { result })
        .inc();
    Ok(tile_response(&chosen, rendered, &headers))
}

/// The answer for a rendered tile: 204 when empty, 304 when the client has it, gzip when
/// accepted; ETag and Cache-Control per layer.
fn tile_response(
    chosen: &[&Layer],
    rendered: tiles::cache::Rendered,
    headers: &HeaderMap,
) -> Response {
    let max_age = chosen.iter().map(|l| l.cache_max_age).min().unwrap_or(0);
    let internal = chosen.iter().any(|l| l.access == Access::Internal);
    let cache_control = if internal {
        "private, no-store".to_string()
    } else {
        format!("public, max-age={max_age}")
    };
    let Some(bytes) = rendered.bytes else {
        return (
            StatusCode::NO_CONTENT,
            [(header::CACHE_CONTROL, cache_control)],
        )
            .into_response();
    };
    let etag = HeaderValue::from_str(&rendered.etag).expect("hex is a valid header");
    let unchanged = matches!(headers.get(header::IF_NONE_MATCH), Some(v) if v == etag)
        || matches!(
            precondition(headers, header::IF_NONE_MATCH),
            Ok(Precondition::Any)
        );
    let mut res = if unchanged {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        match rendered.gzip.filter(|_| accepts_gzip(headers)) {
            Some(gz) => (
                [
                    (header::CONTENT_TYPE, "application/vnd.mapbox-vector-tile"),
                    (header::CONTENT_ENCODING, "gzip"),
                ],
                gz,
            )
                .into_response(),
            None => (
                [(header::CONTENT_TYPE, "application/vnd.mapbox-vector-tile")],
                bytes,
            )
                .into_response(),
        }
    };
    res.headers_mut()
        .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    res.headers_mut().insert(header::ETAG, etag);
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_str(&cache_control).expect("ascii"),
    );
    res
}

/// The route template of tiles, as metrics name it.
pub const TILE_ROUTE: &str = "/tiles/{layers}/{z}/{x}/{file}";

/// A cached public tile, answered before routing and the middleware chain (which cost
/// more than the answer itself: benches/README.md), with what that chain would have
/// added: the per-address rate limit, metrics, CORS headers. `None` sends the request the
/// long way: anything unusual (a token, percent-encoding, an error to explain, a tile
/// not in the cache, a client over its limit) is the router's to answer.
pub fn fast_hit(web: &Web, req: &axum::extract::Request) -> Option<Response> {
    let start = std::time::Instant::now();
    if req.method() != axum::http::Method::GET || req.headers().contains_key(header::AUTHORIZATION)
    {
        return None;
    }
    let rest = req.uri().path().strip_prefix("/tiles/")?;
    if rest.contains('%') {
        return None;
    }
    let mut parts = rest.split('/');
    let (names, z, x, file) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let chosen = tiles::select(&web.tiles, names).ok()?;
    if chosen.iter().any(|l| l.access == Access::Internal) {
        return None;
    }
    let tile = tile_id(z, x, file).ok()?;
    let Query(params) = Query::<TimeParams>::try_from_uri(req.uri()).ok()?;
    let time = tile_time(&params).ok()?;
    if !super::limit::allows(web, req) {
        return None;
    }
    let rendered =
        web.tile_cache
            .get(&tiles::key(&chosen, tile, time, &crate::index::Scope::None))?;
    web.metrics
        .tile_cache
        .get_or_create(&CacheLabels { result: "hit" })
        .inc();
    let mut res = tile_response(&chosen, rendered, req.headers());
    let h = res.headers_mut();
    h.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    // as tower-http's CORS layer writes it on the long way
    h.append(
        header::VARY,
        HeaderValue::from_static(
            "origin, access-control-request-method, access-control-request-headers",
        ),
    );
    web.metrics.record(
        TILE_ROUTE,
        req.method().as_str(),
        res.status().as_u16(),
        start.elapsed(),
    );
    Some(res)
}

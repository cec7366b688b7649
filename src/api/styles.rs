//! `/styles`: MapLibre style documents, their sprites and their glyphs.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::{Web, base_url};
use crate::error::Error;
use crate::model::FieldError;

/// Sprites and glyphs change only with the binary: let browsers keep them for a day.
const ASSETS_MAX_AGE: HeaderValue = HeaderValue::from_static("public, max-age=86400");

pub async fn style(
    State(web): State<Web>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Result<Response, Error> {
    let name = file
        .strip_suffix(".json")
        .ok_or_else(|| Error::NotFound(format!("style `{file}`")))?;
    let bounds = web
        .app
        .territory()
        .active_bounds()
        .map(|r| [r.min().x, r.min().y, r.max().x, r.max().y]);
    let doc = web
        .styles
        .document(
            name,
            &base_url(&web, &headers),
            web.app.config.basemap.as_ref(),
            bounds,
        )
        .ok_or_else(|| Error::NotFound(format!("style `{name}`")))?;
    Ok((
        [(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"))],
        Json(doc),
    )
        .into_response())
}

/// `balise.json`, `balise.png`, `balise@2x.json`, `balise@2x.png`.
pub async fn sprite(State(web): State<Web>, Path(file): Path<String>) -> Result<Response, Error> {
    let not_found = || Error::NotFound(format!("sprite file `{file}`"));
    let (stem, ext) = file.rsplit_once('.').ok_or_else(not_found)?;
    let ratio = match stem {
        "balise" => 1,
        "balise@2x" => 2,
        _ => return Err(not_found()),
    };
    let sprite = web.styles.sprite(ratio).ok_or_else(not_found)?;
    Ok(match ext {
        "json" => (
            [(header::CACHE_CONTROL, ASSETS_MAX_AGE)],
            Json(&sprite.index),
        )
            .into_response(),
        "png" => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("image/png")),
                (header::CACHE_CONTROL, ASSETS_MAX_AGE),
            ],
            sprite.png.clone(),
        )
            .into_response(),
        _ => return Err(not_found()),
    })
}

/// `/styles/fonts/{fontstack}/{start}-{end}.pbf`, ranges of 256 code points.
pub async fn glyphs(
    State(web): State<Web>,
    Path((fontstack, file)): Path<(String, String)>,
) -> Result<Response, Error> {
    let bad = |m: String| Error::BadRequest(vec![FieldError::new("/range", "invalid_range", m)]);
    let range = file
        .strip_suffix(".pbf")
        .ok_or_else(|| bad(format!("`{file}` should be {{start}}-{{end}}.pbf")))?;
    let (start, end) = range
        .split_once('-')
        .and_then(|(a, b)| Some((a.parse::<u32>().ok()?, b.parse::<u32>().ok()?)))
        .ok_or_else(|| bad(format!("`{range}` is not a range like 0-255")))?;
    if start % 256 != 0 || end != start + 255 || end > 0xFFFF {
        return Err(bad(format!(
            "`{range}` is not a range of 256 code points starting at a multiple of 256, below 65536"
        )));
    }
    let styles = web.styles.clone();
    let stack = fontstack.clone();
    let rendered = tokio::task::spawn_blocking(move || styles.glyphs(&stack, start))
        .await
        .map_err(|e| Error::Internal(anyhow::anyhow!("glyph rendering: {e}")))?
        .ok_or_else(|| Error::NotFound(format!("font `{fontstack}`")))?
        .map_err(|e| Error::Internal(anyhow::anyhow!("glyphs of `{fontstack}` {range}: {e}")))?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/x-protobuf"),
            ),
            (header::CACHE_CONTROL, ASSETS_MAX_AGE),
        ],
        rendered.as_ref().clone(),
    )
        .into_response())
}

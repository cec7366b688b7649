//! `/api/v1/features`: GeoJSON in and out, with stable paging, ETags and preconditions.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use geo::{Coord, Rect};
use serde_json::{Value, json};
use uuid::Uuid;

use super::extract::{JsonBody, Precondition, if_match, precondition};
use super::{Web, base_url, etag};
use crate::error::Error;
use crate::index::Query as IndexQuery;
use crate::model::schedule::{OPEN_END, parse_instant};
use crate::model::{FieldError, Kind, TimeFilter};
use crate::policy::Actor;
use crate::wire;

pub const DEFAULT_LIMIT: usize = 100;
pub const MAX_LIMIT: usize = 1000;
const PARAMS: [&str; 8] = [
    "bbox", "at", "from", "to", "kind", "commune", "limit", "cursor",
];

/// An instant given as RFC 3339, or a date meaning its start in Brussels.
fn parse_time(name: &str, v: &str) -> Result<DateTime<Utc>, Error> {
    parse_instant(v, false).ok_or_else(|| Error::bad_param(
        name,
        "invalid_time",
        format!(
            "`{v}` is not a date-time; use RFC 3339 like 2026-12-07T08:00:00+01:00, or a date like 2026-12-07"
        ),
    ))
}

fn parse_bbox(v: &str) -> Result<Rect<f64>, Error> {
    let bad = |m: String| Error::bad_param("bbox", "invalid_bbox", m);
    let n: Vec<f64> = v
        .split(',')
        .map(|s| s.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| {
            bad(format!(
                "`{v}` is not four numbers minLon,minLat,maxLon,maxLat"
            ))
        })?;
    let [x0, y0, x1, y1] = n[..] else {
        return Err(bad(format!(
            "bbox needs four numbers minLon,minLat,maxLon,maxLat, got {}",
            n.len()
        )));
    };
    if n.iter().any(|c| !c.is_finite())
        || !(-180.0..=180.0).contains(&x0)
        || !(-180.0..=180.0).contains(&x1)
        || !(-90.0..=90.0).contains(&y0)
        || !(-90.0..=90.0).contains(&y1)
    {
        return Err(bad(
            "bbox coordinates must be WGS84 longitudes and latitudes".into(),
        ));
    }
    if x0 > x1 || y0 > y1 {
        return Err(bad(
            "bbox minimums must not exceed maximums (minLon,minLat,maxLon,maxLat)".into(),
        ));
    }
    Ok(Rect::new(Coord { x: x0, y: y0 }, Coord { x: x1, y: y1 }))
}

/// The time filter of `at`, or `from`/`to`; `Any` when none is given. Shared by the
/// features list and the tiles.
pub fn time_filter<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Result<TimeFilter, Error> {
    let mut errors = Vec::new();
    let mut read = |name: &str| match get(name).map(|v| parse_time(name, v)).transpose() {
        Ok(t) => t,
        Err(Error::BadRequest(e)) => {
            errors.extend(e);
            None
        }
        Err(_) => None,
    };
    let (at, from, to) = (read("at"), read("from"), read("to"));
    if !errors.is_empty() {
        return Err(Error::BadRequest(errors));
    }
    match (at, from, to) {
        (Some(_), f, t) if f.is_some() || t.is_some() => Err(Error::bad_param(
            "at",
            "conflicting_parameters",
            "use either `at` or `from`/`to`, not both",
        )),
        (Some(at), _, _) => Ok(TimeFilter::At(at.timestamp())),
        (None, Some(f), Some(t)) if t <= f => Err(Error::bad_param(
            "to",
            "end_before_start",
            format!("`to` ({t}) must come after `from` ({f})"),
        )),
        (None, None, None) => Ok(TimeFilter::Any),
        (None, f, t) => Ok(TimeFilter::Range(
            f.map_or(i64::MIN, |f| f.timestamp()),
            t.map_or(OPEN_END, |t| t.timestamp()),
        )),
    }
}

struct ListRequest {
    query: IndexQuery,
    limit: usize,
    cursor: Option<Uuid>,
}

fn parse_list(web: &Web, params: &[(String, String)], actor: &Actor) -> Result<ListRequest, Error> {
    let mut errors: Vec<FieldError> = Vec::new();
    for (k, _) in params {
        if !PARAMS.contains(&k.as_str()) {
            errors.push(FieldError::new(
                format!("?{k}"),
                "unknown_parameter",
                format!("unknown parameter `{k}`; known: {}", PARAMS.join(", ")),
            ));
        }
    }
    let get = |k: &str| {
        params
            .iter()
            .rev()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
    };
    let mut collect = |r: Result<(), Error>| {
        if let Err(Error::BadRequest(e)) = r {
            errors.extend(e);
        }
    };
    let mut q = IndexQuery {
        internal: actor.scope(),
        ..Default::default()
    };
    collect(get("bbox").map(parse_bbox).transpose().map(|b| q.bbox = b));
    match time_filter(get) {
        Ok(t) => q.time = t,
        Err(e) => collect(Err(e)),
    }
    if let Some(kinds) = get("kind") {
        for k in kinds.split(',').map(str::trim).filter(|k| !k.is_empty()) {
            match Kind::parse(k) {
                Some(kind) => q.kinds |= kind.bit(),
                None => errors.push(wire::unknown_kind(k, "?kind")),
            }
        }
    }
    if let Some(nis) = get("commune") {
        if web.app.territory().get(nis).is_none() {
            errors.push(FieldError::new(
                "?commune",
                "unknown_commune",
                format!("no commune has the NIS code `{nis}`"),
            ));
        }
        q.commune = Some(nis.to_string());
    }
    let mut limit = DEFAULT_LIMIT;
    if let Some(l) = get("limit") {
        match l.parse::<usize>() {
            Ok(n) if (1..=MAX_LIMIT).contains(&n) => limit = n,
            _ => errors.push(FieldError::new(
                "?limit",
                "invalid_limit",
                format!("limit must be a whole number from 1 to {MAX_LIMIT}, not `{l}`"),
            )),
        }
    }
    let mut cursor = None;
    if let Some(c) = get("cursor") {
        match URL_SAFE_NO_PAD
            .decode(c)
            .ok()
            .and_then(|b| Uuid::from_slice(&b).ok())
        {
            Some(id) => cursor = Some(id),
            None => errors.push(FieldError::new(
                "?cursor",
                "invalid_cursor",
                "the cursor is not one this API gave; follow the `next` link",
            )),
        }
    }
    if errors.is_empty() {
        Ok(ListRequest {
            query: q,
            limit,
            cursor,
        })
    } else {
        Err(Error::BadRequest(errors))
    }
}

fn geojson_response(status: StatusCode, body: &Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/geo+json")],
        body.to_string(),
    )
        .into_response()
}

pub async fn list(
    State(web): State<Web>,
    actor: Actor,
    headers: HeaderMap,
    params: Result<Query<Vec<(String, String)>>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, Error> {
    let Query(params) = params.map_err(|e| {
        Error::BadRequest(vec![FieldError::new("?", "invalid_query", e.body_text())])
    })?;
    let req = parse_list(&web, &params, &actor)?;
    // the index walk and a page of up to a thousand features in JSON: off the async
    // workers
    let (app, who) = (web.app.clone(), actor.clone());
    let (matched, features, last) = crate::cpu::run(move || {
        let matched = app.query(&req.query);
        let start = match req.cursor {
            Some(c) => matched.partition_point(|e| e.feature.id <= c),
            None => 0,
        };
        let page = &matched[start..(start + req.limit).min(matched.len())];
        let features: Vec<Value> = page
            .iter()
            .map(|e| wire::feature_to_json(&who.shown(&e.feature)))
            .collect();
        // the next page starts after this one's last feature, if any follows
        let last = (start + page.len() < matched.len())
            .then(|| page.last().map(|e| e.feature.id))
            .flatten();
        (matched.len(), features, last)
    })
    .await;
    let base = base_url(&web, &headers);
    let keep: Vec<(String, String)> = params
        .iter()
        .filter(|(k, _)| k != "cursor")
        .cloned()
        .collect();
    let link = |extra: Option<(String, String)>| {
        let mut all = keep.clone();
        all.extend(extra);
        let qs = all
            .iter()
            .map(|(k, v)| format!("{}={}", k, urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        if qs.is_empty() {
            format!("{base}/api/v1/features")
        } else {
            format!("{base}/api/v1/features?{qs}")
        }
    };
    let mut links =
        vec![json!({ "rel": "self", "type": "application/geo+json", "href": link(None) })];
    if let Some(last) = last {
        let cursor = URL_SAFE_NO_PAD.encode(last.as_bytes());
        links.push(json!({ "rel": "next", "type": "application/geo+json", "href": link(Some(("cursor".into(), cursor))) }));
    }
    let body = json!({
        "type": "FeatureCollection",
        "numberReturned": features.len(),
        "features": features,
        "numberMatched": matched,
        "timeStamp": crate::clock::now(),
        "links": links,
    });
    Ok(geojson_response(StatusCode::OK, &body))
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' | b':' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn parse_id(id: &str) -> Result<Uuid, Error> {
    Uuid::parse_str(id).map_err(|_| {
        Error::BadRequest(vec![FieldError::new(
            "/id",
            "invalid_id",
            format!("`{id}` is not a feature id (a UUID)"),
        )])
    })
}

fn feature_response(
    status: StatusCode,
    f: &crate::model::Feature,
    location: Option<String>,
) -> Response {
    let mut res = geojson_response(status, &wire::feature_to_json(f));
    res.headers_mut().insert(header::ETAG, etag(f.version));
    if let Some(l) = location {
        res.headers_mut().insert(
            header::LOCATION,
            l.parse().expect("a URL path is a valid header"),
        );
    }
    res
}

pub async fn read(
    State(web): State<Web>,
    actor: Actor,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, Error> {
    let entry = web.app.get(parse_id(&id)?, &actor)?;
    if let Precondition::Version(v) = precondition(&headers, header::IF_NONE_MATCH)?
        && v == entry.feature.version
    {
        let mut res = StatusCode::NOT_MODIFIED.into_response();
        res.headers_mut().insert(header::ETAG, etag(v));
        return Ok(res);
    }
    Ok(feature_response(
        StatusCode::OK,
        &actor.shown(&entry.feature),
        None,
    ))
}

pub async fn create(
    State(web): State<Web>,
    actor: Actor,
    JsonBody(body): JsonBody,
) -> Result<Response, Error> {
    if actor == Actor::Anonymous {
        return Err(Error::Unauthorized);
    }
    let draft = wire::draft_from_json(&body, &web.app.territory()).map_err(Error::Invalid)?;
    let f = web.app.create(draft, &actor).await?;
    Ok(feature_response(
        StatusCode::CREATED,
        &f,
        Some(format!("/api/v1/features/{}", f.id)),
    ))
}

pub async fn replace(
    State(web): State<Web>,
    actor: Actor,
    headers: HeaderMap,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Response, Error> {
    if actor == Actor::Anonymous {
        return Err(Error::Unauthorized);
    }
    let id = parse_id(&id)?;
    let expected = match if_match(&headers)? {
        Some(v) => v,
        None => web.app.get(id, &actor)?.feature.version,
    };
    let draft = wire::draft_from_json(&body, &web.app.territory()).map_err(Error::Invalid)?;
    let f = web.app.update(id, draft, expected, &actor).await?;
    Ok(feature_response(StatusCode::OK, &f, None))
}

pub async fn delete(
    State(web): State<Web>,
    actor: Actor,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, Error> {
    if actor == Actor::Anonymous {
        return Err(Error::Unauthorized);
    }
    let expected = match precondition(&headers, header::IF_MATCH)? {
        Precondition::Version(v) => Some(v),
        _ => None,
    };
    web.app.delete(parse_id(&id)?, expected, &actor).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

pub async fn history(
    State(web): State<Web>,
    actor: Actor,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    let entries = web.app.history(parse_id(&id)?, &actor).await?;
    Ok(Json(json!({ "history": entries })))
}
